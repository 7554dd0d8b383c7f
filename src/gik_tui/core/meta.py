"""Report metadata: the year it reports on, the agency, and which template it follows.

The year comes from the title (…2019年政府信息公开…年度报告), else from the statistics period
(统计期限自2019年1月1日…), else from a statistics-table title. The template is chosen by the year and
corrected by the labels actually present (本年制发件数 exists only in the 2021 format).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .templates import earliest, load_template, template_for_year, template_ids

_TITLE = re.compile(r"(\d{4})\s*年度?\s*[^\n。]{0,30}?(?:政府信息公开|政务公开)[^\n。]{0,12}?(?:年度)?(?:报告|年报)")
_PERIOD = re.compile(r"(?:统计期限|统计时间|统计期间|统计区间|时间范围|期限)\D{0,6}(\d{4})\s*年\s*1\s*月\s*1\s*日")
_TABLE_TITLE = re.compile(r"(\d{4})\s*年度?[^\n|]{0,30}?(?:统计表|情况表)")
_AGENCY_END = r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|委员会|管理局|局|厅|委|办|院|署|中心|街道办事处|政府)"
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:自治区|自治州|自治县|特区|地区|省|市|州|盟|区|县|旗|镇|乡|街道))")
_STOP = set("由布据于为是将对在经向与和及的了过现按照根公告关各本我")


_CITED = re.compile(r"《([^《》\n]{1,120})》")


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


def find_year(norm: str) -> int | None:
    norm = _uncited(norm[:20000]) + norm[20000:]
    head = norm[:3000]
    for pattern, text in ((_TITLE, head), (_PERIOD, norm[:20000]), (_TABLE_TITLE, norm)):
        for m in pattern.finditer(text):
            y = int(m.group(1))
            if 1990 <= y <= 2100:
                return y
    return None


def _trim(name: str) -> str:
    """Drop the words in front of a name: 现公布六枝特区 → 六枝特区."""
    cut = 0
    for i, ch in enumerate(name[:-2]):
        if ch in _STOP:
            cut = i + 1
    return name[cut:]


def find_agency(norm: str) -> str | None:
    norm = _uncited(norm[:20000]) + norm[20000:]
    head = norm[:3000]
    m = _TITLE.search(head)
    if m:
        line_start = head.rfind("\n", 0, m.start()) + 1
        before = head[line_start:m.start()].strip()
        before = re.split(r"[,，。:：;；()（）《》>\s]", before)[-1] if before else ""
        if before and re.search(_AGENCY_END + "$", before):
            return _trim(before) or None
        place = _PLACE.fullmatch(_trim(before)) if before else None
        if place:
            return _named(norm, place.group(1))
        inside = head[m.start(1) + 4:m.end()]
        place = _PLACE.match(re.sub(r"^\s*年度?", "", inside))
        if place:
            return _named(norm, _trim(place.group(1)))
    m = _TABLE_TITLE.search(norm)
    if m:
        place = _PLACE.match(re.sub(r"^\s*年度?", "", norm[m.start(1) + 4:m.end()]))
        if place:
            return _named(norm, _trim(place.group(1)))
    for m in re.finditer(r"([\u4e00-\u9fff]{2,20})人民政府", head):
        name = _trim(m.group(1))
        if len(name) >= 2 and _PLACE.fullmatch(name) and not name.startswith(("自治区及", "省及", "市及")):
            return name + "人民政府"
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
    present = {tid: sum(1 for k in _markers(tid) if k in compact) for tid in ids if load_template(tid).family}
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
