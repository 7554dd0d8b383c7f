"""Report metadata: the year it reports on, the agency, and which template it follows.

The year comes from the title (…2019年政府信息公开…年度报告), else from the statistics period
(统计期限自2019年1月1日…), else from a statistics-table title. The template is chosen by the year and
corrected by the labels actually present (本年制发件数 exists only in the 2021 format).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache

from .document import WRAPPED_LINE
from .templates import earliest, load_template, template_for_year, template_ids

_TITLE = re.compile(r"(\d{4})\s*年度?\s*[^\n。]{0,30}?(?:政府信息公开|政务公开)[^\n。]{0,12}?(?:年度)?(?:报告|年报)")
_TABLE_TITLE = re.compile(r"(\d{4})\s*年度?[^\n|]{0,30}?(?:统计表|情况表)")

_AGENCY_END = r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管委会|管理局|局|厅|委|办|院|署|中心|街道办事处|政府|公司|集团|大学|学院|医院|馆|所|站|队)"
_AGENCY_LINE = re.compile(r"[\u4e00-\u9fff()（）]{2,30}?" + _AGENCY_END)
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:自治区|自治州|自治县|特区|地区|省|市|州|盟|区|县|旗|镇|乡|街道))")


_CITED = re.compile(r"《([^《》\n]{1,120})》")


def report_titles(text: str):
    """The report titles with their year in `text` (2020年…政府信息公开工作年度报告), as `_TITLE` finds
    them, none in a cited document's name (core/bundle.py: where a file's next report starts)."""
    return _TITLE.finditer(_uncited(text))


def agency_line(line: str) -> bool:
    """Is the line an agency's name alone (…人民政府, …局): a report's title set on two lines."""
    return _AGENCY_LINE.fullmatch(line) is not None


def _uncited(text: str) -> str:
    """The text with cited documents blanked out (same length): 《福建省人民政府办公厅关于做好2020年
    政府信息公开工作年度报告…的通知》 names neither the author nor the year of the report. A quoted
    title of the report itself (《…年度报告》 without 关于/通知) is kept."""
    if "《" not in text:
        return text

    def blank(m: re.Match) -> str:
        inner = m.group(1)
        if re.search(r"年度?报告$|年报$", inner) and not re.search(r"关于|通知|意见|办法|规定|条例|方案", inner):
            return m.group(0)
        return "《" + "□" * len(inner) + "》"

    return _CITED.sub(blank, text)


@lru_cache(maxsize=2)
def _uncited_head(norm: str) -> str:
    """The report's text with the documents cited in its first 20,000 characters blanked out,
    once for the year and the agency of the same text."""
    return _uncited(norm[:20000]) + norm[20000:]


_PERIOD = re.compile(r"(?:统计期限|统计时限|统计时间|统计期间|统计区间|统计周期|统计时段|时间范围|期限|时限)\D{0,8}?(\d{4})\s*年\s*1\s*月\s*1\s*日")
_SPAN = re.compile(r"(\d{4})\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—|-|~|－)\s*(?:(\d{4})\s*年)?\s*12\s*月\s*31\s*日")
_REPORT_YEAR = re.compile(r"本(?:年度)?报告[^。\n]{0,40}?(\d{4})\s*年度?")


_CN_YEAR = re.compile("[一二][〇零○Ｏ0一二三四五六七八九]{3}(?=\\s*年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789")


@lru_cache(maxsize=4)  # (a report's text: its year, then its sentences' periods, read it)
def digit_years(text: str) -> str:
    """`text` with each year written in Chinese numerals (二〇二〇年) in digits, 4 characters for 4:
    the offsets are unchanged. (A year of these centuries has a nought: looked for only around one —
    a scan of the whole text for 一 or 二 costs twenty times as much.)"""
    spans: set[tuple[int, int]] = set()
    for nought in "〇零○":
        i = text.find(nought)
        while i != -1:
            for start in range(max(0, i - 3), i + 1):
                m = _CN_YEAR.match(text, start)
                if m is not None:
                    spans.add(m.span())
                    break
            i = text.find(nought, i + 1)
    if not spans:
        return text
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            continue  # (overlapping another)
        out.append(text[pos:a])
        out.append(text[a:b].translate(_CN_YEAR_DIGITS))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def find_year(norm: str, title: str = "") -> int | None:
    return find_year_from(norm, title)[0]


def find_year_from(norm: str, title: str = "", source: str = "") -> tuple[int | None, str | None]:
    """The year the report is on and where it was read: "title" (the report's title, or the HTML
    page's <title>), "period" (数据统计时限为2022年1月1日至…, 统计期限自…), "report" (本报告…2022年),
    "table title" (2019年…统计表), "file name". Never from a document the report cites
    (《…2020年…通知》), nor from a document number. A year written in
    Chinese numerals (二〇二〇年, 二零二〇年度) reads as its digits."""
    norm = _uncited_head(digit_years(norm))
    title, source = digit_years(title), digit_years(source)
    head = norm[:3000]
    body = norm[:20000]
    # each looked for only when those before it give no year
    for pattern, matches, where in ((_TITLE, lambda: _TITLE.finditer(_uncited(title)), "title"),
                                    (_TITLE, lambda: _titles(head), "title"),
                                    (_PERIOD, lambda: _PERIOD.finditer(body), "period"),
                                    (_SPAN, lambda: _SPAN.finditer(body), "period"),
                                    # (a title wrapped over short lines, read whole: 2016年东昌区政府信息公开工作 / 年度报告)
                                    (_TITLE, lambda: (m for t in _wrapped_titles(head) for m in _TITLE.finditer(t)), "title"),
                                    (_REPORT_YEAR, lambda: _REPORT_YEAR.finditer(body), "report"),
                                    (_TABLE_TITLE, lambda: _table_titles(norm), "table title"),
                                    (_TITLE, lambda: _TITLE.finditer(source), "file name")):
        for m in matches():
            if pattern is _SPAN and m.group(2) and m.group(2) != m.group(1):
                continue  # a span of one whole year (2022年1月1日至12月31日), not 2021年1月1日至2022年…
            y = int(m.group(1))
            if 1990 <= y <= 2100:
                return y, where
    return None, None


# words that may stand in front of a name in a sentence (现公布…, 根据…, 关于…): the name starts after
# the last of them; single characters are cut only where they do not begin a word of a name
# (and a page's words run into the title in a scraped page: 首页 > 正文XX区人民政府2019年…)
# (the words that open a title inside a sentence, 现公布X2018年…报告: also `_SENTENCE_LEAD`)
_SENTENCE_WORDS = r"现将|现予?公布|现发布|特此|根据|依据|按照|依照|关于|对于|汇总|编制|公布|发布|公告|印发"
_LEAD = re.compile(r"(?:" + _SENTENCE_WORDS + r"|做好|要求|以下|"
                   r"正文|首页|详情|位置|"
                   r"[由据于为是将对在经向与和及的了过现按照根公告关各本我])")
_KEEP = ("公安", "公共", "公路", "公积金", "公证", "公用", "公园", "公交", "公务", "关岭", "本溪", "和平", "和田", "和龙",
         "于都", "于洪", "于田", "将乐", "根河", "经济", "经开", "向阳", "布尔", "各族", "在线", "对外", "发布", "和县",
         "为民", "现代", "公布", "过境")


def _trim(name: str) -> str:
    """Drop the words in front of a name: 现公布六枝特区 → 六枝特区. Never cut inside it:
    平潭综合实验区公安局 keeps its 公 (公安局, 公共资源交易中心, 公路局), 于都县 its 于; a cut is
    taken only when what is left still names a place whenever the whole did."""
    had_place = _PLACE.search(name) is not None
    best = 0
    for m in _LEAD.finditer(name):
        cut = m.end()
        if cut > len(name) - 2:
            break
        if any(name.startswith(w, m.start()) for w in _KEEP) and len(m.group()) == 1:
            continue
        rest = name[cut:]
        if had_place and not _PLACE.search(rest):
            continue
        best = cut
    return name[best:]


_NAME = r"([\u4e00-\u9fff]{2,40}?)"
_COMPILED = re.compile(r"汇总" + _NAME + r"(?:各有关单位|各单位|各部门|各乡镇|本级)")
_COMPILER = re.compile(r"本(?:年度)?报告(?:是)?由" + _NAME + r"(?:根据|依据|按照|依照|编制|汇总|负责|统一)")
_CONTACT = re.compile(r"请(?:与|联系|向)" + _NAME + r"(?:联系|咨询|反映)")
_SOURCE = re.compile(r"(?:来源|发布机构|发文机关|信息来源)\s*[:：]\s*" + r"([\u4e00-\u9fff]{2,40})")
_OFFICE = re.compile(r"(人民政府|政府)?(?:办公室|办公厅)$")


def _office_to_agency(norm: str, name: str) -> str:
    """An office compiles its government's report: 淮阴区人民政府办公室 → 淮阴区人民政府."""
    m = _OFFICE.search(name)
    if m and m.group(1):
        return name[:m.start()] + m.group(1)
    return name


def find_agency(norm: str, title: str = "") -> str | None:
    return find_agency_from(norm, title)[0]


def find_agency_from(norm: str, title: str = "", source: str = "") -> tuple[str | None, str | None]:
    """The agency and where it was read: "title" (the report's title, also when it runs into the
    text, or the page's <title>), "compiler" (汇总X各有关单位…, 本报告由X…编制), "contact" (请与X联系),
    "source line" (the site's 来源： line, only when the body names no agency), "text" (a
    government named near the top), "file name"."""
    norm = _uncited_head(norm)
    head = norm[:3000]
    got = _from_title(norm, _uncited(title))
    if got:
        return got, "title"
    got = _from_title(norm, head)
    whole = _from_wrapped(norm, head)  # (a title wrapped over short lines: read whole, its name whole)
    if whole and (not got or whole != got and whole.endswith(got)):
        got = whole
    if got:
        return got, "title"
    m = next(_table_titles(norm), None)
    if m:
        place = _PLACE.match(re.sub(r"^\s*年度?", "", norm[m.start(1) + 4:m.end()]))
        if place:
            return _named(norm, _trim(place.group(1))), "title"
    body = norm[:20000]
    for pattern, where in ((_COMPILED, "compiler"), (_COMPILER, "compiler"), (_CONTACT, "contact")):
        for m in pattern.finditer(body):
            name = _trim(m.group(1))
            if where == "compiler" and pattern is _COMPILED and _PLACE.fullmatch(name):
                return _named(norm, name), where
            if re.search(_AGENCY_END + "$", name) and len(name) >= 3:
                return _office_to_agency(norm, name), where
    for m in re.finditer(r"([\u4e00-\u9fff]{2,20})人民政府", head):
        if _SOURCE_LINE.search(head, max(0, m.start() - 12), m.start() + 1):
            continue  # the site's 来源： line names the site, not the report
        name = _trim(m.group(1))
        if len(name) >= 2 and _PLACE.fullmatch(name) and not name.startswith(("自治区及", "省及", "市及")):
            return name + "人民政府", "text"
    for m in _SOURCE.finditer(head):
        name = _trim(m.group(1))
        if re.search(_AGENCY_END + "$", name):
            return name, "source line"
    got = _from_title(norm, source)
    if got:
        return got, "file name"
    return None, None


# a line that may be part of a report's title a PDF set over lines (its characters only: a heading
# 一、, a date 发布日期：, a breadcrumb 首页 > hold others)
_TITLE_PART = re.compile(r"[\u4e00-\u9fff0-9]{1,30}")
_TITLE_LINES = 12  # the head's first lines where a title may stand


def _wrapped_titles(head: str) -> list[str]:
    """The report titles a PDF set over short lines (株洲市芦淞区人民 / 政府2019年政府信息公开年度报告,
    株洲 / 市芦淞区…, …信息公开年度 / 报告: its centred title wraps anywhere; read line by line,
    its agency was cut, 市芦淞区人民政府 or 政府, or missed), joined: from each of the head's first
    lines of nothing but Chinese characters and digits, it and the next one or two such lines (one
    blank line between them at most). A line before the title's own (a site's 政府信息公开年报) is
    joined too, in one of them: `_from_wrapped` keeps only a title that begins its first line."""
    lines = [line.strip() for line in head.split("\n", _TITLE_LINES)[:_TITLE_LINES]]
    out = []
    for s in range(len(lines) - 1):
        if not _TITLE_PART.fullmatch(lines[s]):
            continue
        joined, parts, k = lines[s], 1, s + 1
        while k < len(lines) and parts < 3:
            if not lines[k] and k + 1 < len(lines) and _TITLE_PART.fullmatch(lines[k + 1]) and parts == 1:
                k += 1  # (one blank line between the title's first two lines)
                continue
            if not _TITLE_PART.fullmatch(lines[k]):
                break
            joined += lines[k]
            parts += 1
            k += 1
        if parts > 1:
            out.append(joined)
    return out


def _from_wrapped(norm: str, head: str) -> str | None:
    """The agency of a title wrapped over short lines (`_wrapped_titles`) that begins its first
    line — with the agency's name, or its year (2016年东昌区…) — the longest such (株洲市芦淞区人民政府
    over 市芦淞区人民政府, when the title's first line is 株洲)."""
    best = None
    for joined in _wrapped_titles(head):
        m = _TITLE.search(joined)
        if m is None:
            continue
        got = _from_title(norm, joined)
        if got and (m.start() == 0 or joined.startswith(got)) and (best is None or len(got) > len(best) and got.endswith(best)):
            best = got
    return best


_SOURCE_LINE = re.compile(r"(?:来源|发布机构|发文机关|信息来源)\s*[:：]\s*[\u4e00-\u9fff]{0,12}$")


@lru_cache(maxsize=4)
def _first_title(head: str) -> re.Match | None:
    """The first report title in a report's head, looked for once for its year and its agency
    (the search runs from every figure of the head: tens of microseconds)."""
    return _TITLE.search(head)


def _titles(head: str) -> Iterator[re.Match]:
    """The report titles in a report's head, as `_TITLE.finditer`, the first searched once for the
    year and the agency both (`_first_title`)."""
    first = _first_title(head)
    if first is not None:
        yield first
        yield from _TITLE.finditer(head, first.end())


def _table_titles(text: str) -> Iterator[re.Match]:
    """The statistics-table titles in `text`, as `_TABLE_TITLE.finditer`: none without a word each
    ends with, and then the scan from every figure of the text (tens of µs) is spared."""
    if "统计表" in text or "情况表" in text:
        yield from _TABLE_TITLE.finditer(text)


# the words that open a title inside a sentence (现公布X2018年…报告): a line the sentence wrapped before
# the title is joined to it only where they stand across or before its end
_SENTENCE_LEAD = re.compile(_SENTENCE_WORDS)
_NAME_BREAK = re.compile(r"[,，。:：;；()（）《》>\s]")  # what ends the words before a name (its last words follow)


def _before_title(norm: str, raw: str) -> str | None:
    """The agency named in the words before a title's year on its line (`raw`): the last words
    after any punctuation, a name that ends as an agency's does, or a place (its government)."""
    before = raw.strip()
    before = _NAME_BREAK.split(before)[-1] if before else ""
    if before and re.search(_AGENCY_END + "$", before):
        return _trim(before) or None
    place = _PLACE.fullmatch(_trim(before)) if before else None
    if place:
        return _named(norm, place.group(1))
    return None


def _from_title(norm: str, head: str) -> str | None:
    m = _first_title(head)
    if not m:
        return None
    line_start = head.rfind("\n", 0, m.start()) + 1
    raw = head[line_start:m.start()]
    got = _before_title(norm, raw)
    if got and raw and not raw[0].isspace() and line_start:
        # the title inside a sentence a page's width wrapped just before it (…现公 / 布六枝特区人民政府
        # 2018年…: 布六枝特区人民政府 read; …现公布六 / 枝特区…: 枝特区人民政府): the line before's end
        # read with it where the sentence's words before the name (现公布) stand there
        prev = head[:line_start - 1]
        prev = prev[prev.rfind("\n") + 1:]
        if len(prev) >= WRAPPED_LINE and "\u4e00" <= prev[-1] <= "\u9fff":
            joined = _NAME_BREAK.split(prev[-12:] + raw.rstrip())[-1]
            lead = _SENTENCE_LEAD.search(joined)
            if lead is not None and lead.start() < len(joined) - len(raw.strip()):
                whole = _before_title(norm, joined)  # (the sentence's words before the name: 现公布…)
                if whole:
                    return whole
    if got:
        return got
    before = raw.strip()
    if not before and line_start:
        # a title set on two lines, the agency's name alone on the line before (株洲市芦淞区人民政府 /
        # 2019年政府信息公开工作年度报告: a PDF's centred title wraps there) — before, the agency
        # was read from the text (本报告由…办公室编制), another body's name
        prev = head[:line_start].rstrip().rsplit("\n", 1)[-1].strip()
        if prev and agency_line(prev) and len(head[:line_start]) - len(head[:line_start].rstrip()) <= 3:
            return _trim(prev) or None
    inside = head[m.start(1) + 4:m.end()]
    place = _PLACE.match(re.sub(r"^\s*年度?", "", inside))
    if place:
        return _named(norm, _trim(place.group(1)))
    return None


def _named(norm: str, place: str) -> str:
    for suffix in ("人民政府", "政府"):
        if place + suffix in norm:
            return place + suffix
    return place


_WS = re.compile(r"\s+")


@cache
def _markers(template_id: str) -> tuple[str, ...]:
    """The template's marker labels as they stand in NFKC text without spaces."""
    return tuple(_WS.sub("", unicodedata.normalize("NFKC", m)) for m in load_template(template_id).markers)


def choose_template(norm: str, year: int | None) -> tuple[str, list[str]]:
    """The template id and any warning about the choice. The year proposes a format; labels that
    only one format has (its markers) decide against it. Both come from the template files."""
    compact = "".join(norm.split())
    ids = template_ids()
    by_year = template_for_year(year)
    families: dict[str, list[str]] = {}
    for tid in ids:
        fam = load_template(tid).family
        if fam:
            families.setdefault(fam, []).append(tid)
    by_labels = None
    present = {tid: sum(1 for k in _markers(tid) if k in compact) for tid in ids}
    most = max(present.values(), default=0)
    if most:
        tied = tuple(t for t, n in present.items() if n == most)
        # a tie: the one the year proposes, else the earliest
        by_labels = by_year if by_year in tied else earliest(tied)
    else:
        for fam, members in families.items():
            if any(m in compact for tid in members for m in _family_markers(tid)):
                by_labels = template_for_year(year, tuple(members)) or earliest(tuple(members))
                break
    warnings: list[str] = []
    if by_year is None:
        chosen = by_labels or earliest()
        warnings.append(f"no year found; template {chosen} chosen by the labels present")
    elif by_labels is not None and by_labels != by_year:
        chosen = by_labels
        warnings.append(f"the year {year} suggests {by_year}, but the labels follow {by_labels}")
    else:
        chosen = by_year
    return chosen, warnings


@cache
def _family_markers(template_id: str) -> tuple[str, ...]:
    return tuple(_WS.sub("", unicodedata.normalize("NFKC", m)) for m in load_template(template_id).family_markers)
