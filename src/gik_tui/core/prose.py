"""Figures in sentences: the legacy statistics indicators written out in prose.

Old reports often have no table: "全区主动公开政府信息32500条" is 主动公开政府信息数 = 32500. The
patterns are data (`[tables.prose]` in legacy.toml); a figure found this way gets low confidence and
its source span. Where a table gave the same indicator, the table's value stands, and a warning
names both when they differ.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache
from itertools import accumulate

from .document import WRAPPED_LINE, Document, within
from .meta import digit_years
from .model import Cell, LabelPath, Offers
from .templates import load_template
from .values import in_wan, times

CONF_PROSE = 0.4
# a figure: bounded (no real count has more than 18 digits or 9 decimals), so that a pattern's
# matches have a known longest length and can be looked for only around their anchor word
# or written in Chinese numerals (十二, 两, 一千二百): a count starts with a digit or 十, never with 百 or
# 千 (上百件, 数百件 are no count), and stands after no word of an estimate (数十件, 几十件, 近十件)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万"
_N = (r"(?P<n>\d{1,3}(?:,\d{3}){1,5}(?!,\d{3})(?:\.\d{1,9}(?!\d))?|[1-9]\d{0,2}(?: \d{3}){1,5}(?! ?\d)(?:\.\d{1,9}(?!\d))?"
      r"|\d{1,12}(?:\.\d{1,9}(?!\d))?"
      rf"|(?<![数几近上逾约余多第每])[零〇一二两三四五六七八九十][{_CN_DIGITS}]{{0,11}}(?![{_CN_DIGITS}]))")
# an estimate, not a count: words before the figure (约3000条, 超过12件, 不少于), after it (3000余条, 1.2万条:
# rounded) or after its unit (3000条以上, 12件左右): the figure is offered, never read (_estimate)
# (behind a lookahead of their first characters: at most places one test, not sixteen alternatives)
_ABOUT = r"(?:(?=[大约将接近超逾不少多低高])(?P<about>大约|约|将近|接近|近|超过|逾|不少于|不低于|不下于?|不足|不到|少于|多于|低于|高于))?"
_MORE = r"(?P<more>万余|万多|万(?!元)|余|多)?"  # (not 5.3万元: an amount's unit)
# what a pattern's {n} stands for: a colon before it or not (主动公开政府信息数：1234条, an indicator
# listed with its figure), an estimate's words, a space on either side of the figure (共收到申请 12 件,
# as many a writer and a PDF's text set it)
_FIGURE = ":? ?" + _ABOUT + " ?" + _N + " ?" + _MORE + " ?"
_AFTER_UNIT = ("以上", "左右", "上下", "以内", "之多", "有余")
# `{none}` in a pattern: words that say none happened (未发生, 没有收到, 无 — not 无论, 无法), read 0 (_value)
_NONE = r"(?P<n>未发生|没有发生|未收到|没有收到|未出现|没有出现|未产生|没有产生|无(?!论|法|正当|关|须|需))"


def _anchor(pattern: str) -> str:
    """The longest run of plain characters that every match of `pattern` contains (a quick test
    with `in` before the regular expression scans the whole text)."""
    s = pattern.replace("{n}", "\x00").replace("{none}", "\x00")
    while True:  # optional or alternative groups, and character classes, are not required
        t = re.sub(r"\((?:\?[:!=<]+)?[^()]*\)[?*]?|\[[^\]]*\](?:\{[^}]*\}\??|[?*+])?", "\x00", s)
        if t == s:
            break
        s = t
    pieces = re.split(r"[\x00.^$|?*+{}\\]", s)
    plain = [p for p in pieces if p and re.fullmatch(r"[\u4e00-\u9fff]+", p)]
    # a character followed by a quantifier is optional: drop the last character before ? or *
    return max(plain, key=len, default="")


def _reach(pattern: str) -> int | None:
    """How far past its start a match of `pattern` can read (its longest match plus what its
    lookaheads read); None when unbounded or unknown."""
    try:
        from re import _parser  # the standard library's own pattern parser: widths as re sees them

        tree = _parser.parse(pattern)
        reach = tree.getwidth()[1]
        stack = [tree]
        while stack:
            sub = stack.pop()
            for op, av in sub.data:
                if op is _parser.ASSERT or op is _parser.ASSERT_NOT:
                    if av[0] == 1:  # a lookahead reads past where it stands
                        reach += av[1].getwidth()[1]
                    stack.append(av[1])
                elif op is _parser.SUBPATTERN:
                    stack.append(av[-1])
                elif op is _parser.BRANCH:
                    stack.extend(av[1])
                elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
                    stack.append(av[2])
        return reach if reach < 10_000 else None
    except Exception:  # noqa: BLE001 - an unusual pattern is simply scanned whole
        return None


def _matches(pattern: re.Pattern, text: str, anchor: str, reach: int | None):
    """The matches of `pattern` in `text`, the same as `pattern.finditer(text)`, found by
    searching only around the places where `anchor` (a piece of every match) stands — or by that
    scan itself, when the pattern opens with a character re skips to, or the anchor stands so often
    that searching around each costs more.

    A match that holds the occurrence at `o` starts in [o − reach, o] and reads no further than its
    start + reach, so a search from the leftmost such start up to o + reach sees every such match as
    the whole text would; a match it returns that starts after `o` is left to the next occurrence.
    Where the pattern writes the anchor outside any group, after `least` to `most` characters
    (`_lead`), the start is in [o − most, o − least]: a few starts are each tried with `match`."""
    if not anchor or reach is None or _opens_plainly(pattern.pattern):
        yield from pattern.finditer(text)  # re finds where such a pattern may start by itself, fast
        return
    # where the anchor stands in a match: `least` to `most` characters after its start (0 to
    # reach when not known); a match holding the occurrence at `o` there starts in
    # [o − most, o − least], and no match starts between the last one's end and o − most
    lead = _lead(pattern.pattern, anchor)
    least, most = lead if lead is not None else (0, reach)
    few = most - least <= _FEW_STARTS
    if not few and text.count(anchor) * _WINDOW_COST > len(text):
        yield from pattern.finditer(text)  # the anchor stands so often that one scan costs less
        return
    pos = 0
    o = text.find(anchor)
    while o != -1:
        end = o + reach + 1
        m = None
        if few:  # a few starts: each tried where it stands, not every character of a window
            for start in range(max(pos, o - most), o - least + 1):
                m = pattern.match(text, start, end)
                if m is not None:
                    break
        else:
            m = pattern.search(text, max(pos, o - most), end)
            if m is not None and m.start() > o - least:
                m = None
        if m is not None:
            yield m
            pos = m.end()
            o = text.find(anchor, pos)
        else:
            o = text.find(anchor, o + 1)


@cache
def _opens_plainly(pattern: str) -> bool:
    """Whether `pattern` opens with a character or a class: re then skips to the places where it
    may start (a literal or charset prefix), faster than searching around the anchor's
    occurrences. (Alternatives in front, 收到|受理, it tries at every character.)"""
    try:
        from re import _parser

        data = _parser.parse(pattern).data
        if not data:
            return False
        op, av = data[0]
        return op is _parser.LITERAL or op is _parser.IN
    except Exception:  # noqa: BLE001
        return False


_FEW_STARTS = 4  # starts tried one by one (pattern.match) when no more than this many + 1
_WINDOW_COST = 150  # characters a whole scan reads in the time one search around an anchor takes


@cache
def _lead(pattern: str, anchor: str) -> tuple[int, int] | None:
    """How many characters, at least and at most, stand in a match of `pattern` before `anchor`
    where the pattern writes it as plain characters outside any group; None when it does not, or
    when what stands before it has no bound."""
    try:
        from re import _parser

        tree = _parser.parse(pattern)
        data = list(tree.data)
        want = [(_parser.LITERAL, ord(c)) for c in anchor]
        for i in range(len(data) - len(want) + 1):
            if data[i:i + len(want)] == want:
                least, most = _parser.SubPattern(tree.state, data[:i]).getwidth()
                return (least, most) if most < 10_000 else None
        return None
    except Exception:  # noqa: BLE001 - an unusual pattern keeps the plain window
        return None


@cache
def _patterns(template_id: str) -> list[tuple[str, LabelPath, re.Pattern, str | None, str, str, int | None]]:
    out = []
    for spec in load_template(template_id).tables:
        if not spec.prose:
            continue
        by_leaf = {r[-1]: r for b in spec.blocks for r in b.rows if r}
        for leaf, pats in spec.prose.items():
            row = by_leaf[leaf]
            kind = spec.row_kinds.get(leaf, spec.kind)
            unit = spec.unit_of(row)
            for p in pats:
                full = p.replace("{n}", _FIGURE).replace("{none}", _NONE)
                out.append((spec.id, row, re.compile(full), "万元" if kind == "amount" else unit,  # (in 万元: _scaled)
                            kind, _anchor(p), _reach(full)))
    return out


@cache
def _named(template_id: str) -> tuple[dict[str, tuple], tuple[str, ...]]:
    """The patterns of an indicator's own name, a colon and its figure (收到申请数：12件: a report that
    lists its indicators as the table names them), its unit after it or a stop — by the name and
    colon they open with — and those names with their colons (`_named_here`)."""
    out = {}
    for table, row, _, unit, kind, _, _ in _patterns(template_id):
        name = row[-1] + ":"
        if name in out:
            continue
        shown = None if kind == "amount" else unit  # (an amount's unit, 元 or 万元: _scaled reads it)
        p = re.escape(name) + "{n}" + (f"(?:{re.escape(shown)}|(?=[\\s,.;:!?)\\]。、]|$))" if shown else "")
        full = p.replace("{n}", _FIGURE)
        out[name] = (table, row, re.compile(full), unit, kind, name, _reach(full))
    return out, tuple(out)


def _named_here(text: str, template_id: str) -> list[tuple]:
    """The patterns of `_named` whose name and colon the text holds (found from its colons: a report
    holds a few dozen, and a scan for each of some sixty names cost ten times as much)."""
    by_name, names = _named(template_id)
    found: dict[str, tuple] = {}
    i = text.find(":")
    while i != -1:
        before = text[max(0, i - 24):i + 1]
        if before.endswith(names):
            for name in names:
                if before.endswith(name):
                    found.setdefault(name, by_name[name])
        i = text.find(":", i + 1)
    return list(found.values())


# words before a figure in its clause that make it another period's (上年收到申请3件, 2015年…, 近三年共…;
# not 累计, which old reports write of the year's own total: 全区累计主动公开政府信息5977条)
_OTHER_WORDS = r"上一?年|去年|前年|往年|历年|近[一二两三四五六七八九十\d]+年|同比"
_YEAR = r"(?<!\d)(?P<y>\d{4})\s*年(?!\d*月)"  # (not a date's year: 2015年12月31日)
_OTHER_PERIOD = re.compile(f"{_OTHER_WORDS}|{_YEAR}")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
# a part of the year (上半年, 一季度, 1-6月, 12月份 — not 1-12月, nor a date's month, 12月31日, 12月底)
# or a span of years (以来, 五年来, 期间 — not 今年以来, 一年来, 报告期间): another period's too (_another).
# Looked for apart, only in words that hold a mark of one (_part_periods: one pattern of them all
# cost every clause three times as much)
_PART_PERIOD = re.compile(r"[上下]半年|第?[一二三四1-4]季度"
                          r"|(?P<mon>(?:(?P<m1>\d(?<![\d.]\d)\d?)\s*[-—–~至到]\s*)?(?P<m2>\d(?<![\d.]\d)\d?)\s*月份?"
                          r"(?!\s*\d{1,2}\s*日|\s*[底末]))"
                          r"|(?P<since>以来|(?:[两三四五六七八九十几多近]+|十一|[2-9]|\d{2})年来|期间(?<!报告期间))")
_AS_OF = re.compile(r"(?:截至|截止|至|到)\s*(?:\d{4}\s*年)?\s*$")  # (截至2015年12月: a date, not a month's figure)
_THIS_SINCE = re.compile(r"(?:今年|本年度?|年初|(?P<y>\d{4})\s*年)\s*$")  # (今年以来, 2015年以来: the year's own)


# the words of a sentence that name the period its clauses speak of: another (上年, 2014年) or the
# year's own (本年, 今年, the report's year)
_PERIOD = re.compile(f"(?P<other>{_OTHER_WORDS})|(?P<this>本年度?|今年|全年|年内|当年)|{_YEAR}")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _part_periods(words: str) -> list[re.Match]:
    """The parts of a year and spans of years these words name (_PART_PERIOD)."""
    if not ("月" in words or "以来" in words or "年来" in words or "期间" in words or "半年" in words
            or "季度" in words):
        return []  # (none of the words every such period holds: 时间, 来源 and the like run no pattern)
    return list(_PART_PERIOD.finditer(words))


def _other_period(text: str, at: int, year: int | None) -> bool:
    """Do the words before the figure at `at` make it another period's — its clause's, or, where
    its clause names no period, the last period its sentence names before it (2014年，我县共收到申请
    12件；2015年… : 12 is 2014's)?"""
    clause = _clause(text, at)
    for m in _OTHER_PERIOD.finditer(clause):
        if m.group("y") is None or (year is not None and int(m.group("y")) != year):
            return True
    parts = _part_periods(clause)
    for m in parts:
        if _another(m, clause, year):
            return True
    if parts or _PERIOD.search(clause) is not None:
        return False  # (its clause says its period: the year's own)
    start = max(0, at - len(clause) - 80)
    before = text[start:at - len(clause)]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence = before[cut[-1]:] if cut else before
    last = None
    for m in _PERIOD.finditer(sentence):
        if not _compared(m, sentence):
            last = m
    for m in _part_periods(sentence):
        if not _compared(m, sentence) and (last is None or m.start() > last.start()):
            last = m
    if last is None or last.re is _PERIOD and last.group("this"):
        return False
    return _another(last, sentence, year)


def _compared(m: re.Match, words: str) -> bool:
    """Is the period `m` names in `words` a comparison's (与2014年相比), no period of the figure's own?"""
    return m.start() > 0 and words[m.start() - 1] in "与比较同"


def _another(m: re.Match, text: str, year: int | None) -> bool:
    """Is the period a match of _PERIOD or _PART_PERIOD names (in `text`) another than the
    report's `year`: a year other than it, 上年…, a part of the year, a span of years?"""
    if m.re is _PERIOD:
        return m.group("other") is not None or (year is not None and int(m.group("y")) != year)
    if m.group("mon") is not None:
        if m.group("m1") is not None:
            return (int(m.group("m1")), int(m.group("m2"))) != (1, 12)  # (1-12月: the whole year)
        return _AS_OF.search(text, 0, m.start()) is None
    if m.group("since") == "以来":
        this = _THIS_SINCE.search(text, 0, m.start())
        return this is None or this.group("y") is not None and year is not None and int(this.group("y")) != year
    return True


RUN_ON_LINE = WRAPPED_LINE  # a line this long or longer may be a paragraph's line wrapped at the page's width
# a line end that runs on: after a line whose last RUN_ON_LINE characters hold no table's bar or tab
# (nor a space at its end), before a line that holds none and opens with no space nor an item's or
# a heading's number (1. 2、 （一） 一、 第一 — a figure's rest, `8.498万元`, is none)
# (the line end first, its line looked back at from it: a pattern that opens with the look-back is
# tried at every character, 1–2 ms a report)
_RUN_ON = re.compile(rf"\n(?<=[^\n|\t]{{{RUN_ON_LINE - 1}}}[^\s|]\n)(?:(?:[^\S\n\f]*\n)*\f\n(?:[^\S\n\f]*\n)*)?"
                     r"(?!\s|[0-9]+(?:[.．](?![0-9])|[、)）])|[（(][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+)"
                     r"(?=[^\n|\t]*(?:\n|\Z))")


def run_on_lines(text: str) -> tuple[str, list[int]]:
    """`text` with the line ends inside its paragraphs taken out (`_RUN_ON`: a line of
    `RUN_ON_LINE` or more characters that runs on into the next, as a PDF's text breaks a
    paragraph at the page's width — …累计主动公开政 / 府信息5977条, …共计37 / 8.498万元: a sentence's
    words or figure cut there were not read — or at a page's end, the next page's first line after
    its break, a PAGE_BREAK line: 全年共受理政府信息公开申请 / (page 2) 27件), and where, in the
    returned text's offsets, each character taken out stood (sorted: a join that took out several,
    a page's break and blank lines, is there as often), to map offsets back."""
    parts = _RUN_ON.split(text)  # (one scan; the pattern has no group: the pieces between)
    if len(parts) == 1:
        return text, []
    joined = "".join(parts)
    if len(joined) + len(parts) - 1 == len(text):  # (every join one line end: the common case)
        return joined, list(accumulate(map(len, parts[:-1])))
    joins: list[int] = []
    new = old = 0  # (where each join falls in the joined text, and where the last one ended in `text`)
    for m in _RUN_ON.finditer(text):
        new += m.start() - old
        joins.extend([new] * (m.end() - m.start()))
        old = m.end()
    return joined, joins


def prose_figures(doc: Document, template_id: str, consumed: set[int], spans: list[tuple[int, int]] = (),
                  year: int | None = None) -> tuple[list[Cell], list[str], dict[tuple, tuple[Offers, str]]]:
    """The figure for each indicator found in the text outside tables (`consumed` lines and, on
    glued lines, the table `spans`), at CONF_PROSE — never one a sentence gives of another period
    (上年, 去年, another year than the report's `year`, 近三年) —, the warnings, and the offers of
    the indicators left blank. Where the text says several figures for one indicator, the whole's
    is read when every other is a part's by its words (全区…5977条, 其中乡镇…1293条, in either order);
    otherwise nothing tells which is the year's: the cell is blank, each figure offered (first the
    whole's, then the plain ones, then the parts', each with its words), and `enter` takes none. A
    figure wins over words that say none happened said elsewhere (行政复议案件3件。未发生行政复议、行政诉讼案件。)."""
    seen: dict[tuple[str, LabelPath], list[Cell]] = {}
    # estimates (约3000条, 12件以上): a blank cell offering the figure, the estimate's words and where they stand
    # and totals to this day (截至目前，累计…): perhaps every year's — offered alike, with what they are
    guesses: dict[tuple[str, LabelPath], list[tuple[Cell, str, int, str]]] = {}
    at: dict[int, int] = {}  # id(cell) → where its figure stands in the normalised text
    # (二〇一四年: another year too; a paragraph's lines wrapped at a page's width run on — `joins`,
    # where its line ends were, in this text's offsets)
    text, joins = run_on_lines(digit_years(doc.norm))
    totalled = _where(text, "累计")  # (a total to this day says so: _to_date, looked for only near one)
    for table, row, pattern, unit, kind, anchor, reach in _patterns(template_id) + _named_here(text, template_id):
        if anchor and anchor not in text:
            continue
        for m in _matches(pattern, text, anchor, reach):
            s, e = m.span("n")
            if joins:  # (the offsets of the normalised text, its line ends counted)
                start, end = doc.to_orig(s + bisect.bisect_right(joins, s)), doc.to_orig(e + bisect.bisect_left(joins, e))
            else:
                start, end = doc.to_orig(s), doc.to_orig(e)
            line = doc.line_of(start)
            if line in consumed or (spans and within(spans, start)):
                continue
            raw = m.group("n")
            value = _value(raw)
            if value is None or _other_period(text, s, year):
                continue  # (Chinese numerals that are no one count, 一两件, 十一二件: not read)
            if kind == "amount" or "more" in m.re.groupindex and "万" in (m.group("more") or ""):  # (1.2万条, 53230元)
                value = _scaled(m, text, value, kind)
            said, where = _estimate(m, text)
            what = "an estimate"
            if not said and totalled and _near(totalled, s) and (to_date := _to_date(text, s)) is not None:
                said, where = to_date
                what = "a total to this day, perhaps of every year"
            if said:
                if raw[0].isdigit():  # (an estimate in Chinese numerals, 三千余条, is no count at all)
                    guesses.setdefault((table, row), []).append((Cell(
                        table, row, ("统计数",), None, doc.text[start:end], unit,
                        line + 1, start, end, 0.0, candidates=((value, 1.0),), method="prose"), said, where, what))
                continue
            figure = _is_figure(raw)
            found = seen.setdefault((table, row), [])
            if found and figure and not _is_figure(found[0].raw):
                found.clear()  # (a figure wins over a none said before it)
            elif found and not figure and _is_figure(found[0].raw):
                continue
            found.append(Cell(table, row, ("统计数",), value, doc.text[start:end], unit, line + 1, start, end,
                              CONF_PROSE, method="prose"))
            at[id(found[-1])] = s
    cells: list[Cell] = []
    warnings: list[str] = []
    # the indicators left blank: their offers, and what the text says of them (for the warning)
    offers: dict[tuple[str, LabelPath, LabelPath], tuple[Offers, str]] = {}
    for found in seen.values():
        first = found[0]
        if all(c.value == first.value for c in found[1:]):
            clause = _clause(text, at[id(first)])
            scope = _scope_of(clause)
            if scope[0] == "part" and scope[1] != "其中" and _WHOLE.search(clause) is None \
                    and all(_scope(text, at[id(c)]) == scope for c in found[1:]):
                # only a part's figure (乡镇主动公开政府信息1293条, 区本级…): not the indicator's — offered,
                # and `enter` takes it not (其中 often opens the template's own part, 其中：主动公开规范性文件)
                why = f"line {first.line}: …{clause}{first.raw}{_said(scope)}"
                cells.append(replace(first, value=None, confidence=0.0, candidates=((first.value, 1.0),)))
                offers[first.key] = (Offers(((first.value, 1.0, why),), False, "only a part's figure is given"),
                                     f"{first.table} {first.row[-1]}: the text gives only a part's figure, {first.raw}"
                                     f"{_said(scope)}{_EACH_OFFERED}")
                continue
            cells.append(first)
            continue
        scopes = [_scope(text, at[id(c)]) for c in found]
        ranked = sorted(range(len(found)), key=lambda k: (_RANK[scopes[k][0]], k))
        best = found[ranked[0]]
        named = ", ".join(f"{c.raw} (line {c.line}{_said(sc)})" for c, sc in zip(found, scopes))
        if scopes[ranked[0]][0] != "part" and all(
                sc[0] == "part" for c, sc in zip(found, scopes) if c.value != best.value):
            # the others are a part's (其中…, 乡镇…, 本级…): the whole's figure is the indicator's
            cells.append(best)
            warnings.append(f"{first.table} {first.row[-1]}: the text says {named}; {best.raw} is read, "
                            "the others are a part's")
            continue
        # figures that nothing in their sentences tells apart (two totals, or a part said before
        # its whole without a word that says so): which is the year's, the analyst decides
        choices: dict = {}
        for k in ranked:
            c = found[k]
            choices.setdefault(c.value, (c, scopes[k]))
        weight = {v: _WEIGHT[sc[0]] for v, (_, sc) in choices.items()}
        total = sum(weight.values())
        these = Offers(tuple((v, round(weight[v] / total, 3), f"line {c.line}: …{_clause(text, at[id(c)])}{c.raw}"
                             + _said(sc)) for v, (c, sc) in choices.items()),
                       False, f"the text says {len(choices)} different figures for it")
        cells.append(replace(best, value=None, confidence=0.0,
                             candidates=tuple((v, round(weight[v] / total, 3)) for v in choices)))
        offers[best.key] = (these, f"{first.table} {first.row[-1]}: the text says {named}{_EACH_OFFERED}")
    for key, found in guesses.items():
        if key in seen:
            continue  # (the text says the figure itself elsewhere: it stands)
        first, said, _, what = found[0]
        these = {}
        for c, words, where, kind in found:
            these.setdefault(c.candidates[0][0], f"line {c.line}: …{_clause(text, where)}{words}, {kind}")
        share = round(1 / len(these), 3)
        cells.append(replace(first, candidates=tuple((v, share) for v in these)))
        offers[key + (("统计数",),)] = (
            Offers(tuple((v, share, why) for v, why in these.items()), False, f"the text gives only {what}"),
            f"{first.table} {first.row[-1]}: the text gives only {what}, {said} (line {first.line}); "
            "left blank, offered (c)")
    return cells, warnings, offers


# what a figure's clause says of its scope: the whole's (全区…, 累计, 共) or a part's (其中, 本级,
# 乡镇, 街道, 部门 — not 本镇, 我单位, the agency's own, nor 城乡, 农村); a part's word outside a whole's
# (全镇 is a whole, not a 镇)
_WHOLE = re.compile(r"全(?:区|县|市|旗|镇|乡|局|委|省|州|盟|年|部|体)|累计|共计|总计|合计|总共|共")
_PART = re.compile(r"其中|本级|(?<![本我全该城农])(?:乡|镇|街道|部门|单位|办事处|社区|村)")  # (本单位, 本镇: the agency's own)
_RANK = {"whole": 0, "plain": 1, "part": 2}
_WEIGHT = {"whole": 3, "plain": 2, "part": 1}


def _clause(text: str, at: int) -> str:
    """The words of the clause before the figure at `at` (at most 40 characters back)."""
    clause = text[max(0, at - 40):at]
    cut = [m.end() for m in _CLAUSE_END.finditer(clause)]
    return clause[cut[-1]:] if cut else clause


def _scope(text: str, at: int) -> tuple[str, str]:
    """("whole" | "part" | "plain", the word that says so) for the figure at `at`."""
    return _scope_of(_clause(text, at))


def _scope_of(clause: str) -> tuple[str, str]:
    """_scope of the words of a figure's clause."""
    whole = _WHOLE.search(clause)
    masked = _WHOLE.sub(lambda m: "\x00" * len(m.group()), clause)
    part = _PART.search(masked)
    if part is not None:
        # (其中 and a place's word after it, 其中乡镇…: the place's part, not the template's own 其中)
        place = _PART.search(masked, part.end()) if part.group() == "其中" else None
        return "part", (place or part).group()
    if whole is not None:
        return "whole", whole.group()
    return "plain", ""


def _said(scope: tuple[str, str]) -> str:
    kind, word = scope
    return f", {'a whole' if kind == 'whole' else 'a part'}: {word}" if word else ""


_EACH_OFFERED = "; nothing says which is the year's: left blank, each offered (c)"


def _scaled(m: re.Match, text: str, value: int | float, kind: str) -> int | float:
    """The figure a match reads in the template's unit: a count written in 万 (1.2万条: 12000), an
    amount in 元 or 亿元 (53230元: 5.323 万元; 5000余元: 0.5)."""
    more = (m.group("more") or "") if "more" in m.re.groupindex else ""
    if kind == "amount":
        if "万" not in more:
            after = m.end("more") if more else m.end("n")
            if text.startswith(" ", after):  # (12 345 元)
                after += 1
            for unit in ("元", "亿元"):
                if text.startswith(unit, after):
                    return in_wan(value, unit)
        return value
    return times(value, 10000) if "万" in more else value


# a total to this day (截至目前，累计…; 迄今累计…): the total of every year so far as often as the year's,
# where nothing in its sentence says the year's (本年度累计…, 全年累计…). Not a total to the year's end
# (截止2016年12月31日，全区累计主动公开政府信息5977条), which old reports write of the year's own
_AS_OF_WORDS = re.compile(r"至今|迄今|目前")
_THIS_YEAR = re.compile(r"本年度?|今年|全年|年内|当年")


def _where(text: str, word: str) -> list[int]:
    """Where `word` stands in `text`, in order (str.find: a report holds a few)."""
    out, i = [], text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _near(places: list[int], at: int) -> bool:
    """Does one of `places` (sorted) stand in the clause's reach before `at` (40 characters)?"""
    k = bisect.bisect_left(places, at - 40)
    return k < len(places) and places[k] < at


def _to_date(text: str, at: int) -> tuple[str, int] | None:
    """The words of a total to this day the figure at `at` is — its clause says 累计, and its sentence
    before it 至今, 迄今 or 目前, and nothing says the year's own — and where they start; None for any
    other figure."""
    clause = _clause(text, at)
    if "累计" not in clause or _THIS_YEAR.search(clause) is not None:
        return None
    before = text[max(0, at - 80):at - len(clause)]
    cut = [m.end() for m in _SENTENCE_END.finditer(before)]
    sentence = before[cut[-1]:] if cut else before
    m = _AS_OF_WORDS.search(sentence + clause)
    if m is None or _THIS_YEAR.search(sentence) is not None:
        return None
    start = at - len(clause) - len(sentence) + m.start()
    return text[start:at] + _figure_after(text, at), start


_FIGURE_AT = re.compile(r"\d[\d,.]*(?: \d{3})*[^\s,。;]?")


def _figure_after(text: str, at: int) -> str:
    """The figure at `at` with its unit (12345条, 12 345条)."""
    m = _FIGURE_AT.match(text, at, at + 24)
    return m.group() if m else ""


def _estimate(m: re.Match, text: str) -> tuple[str, int]:
    """The words of an estimate where a pattern's match `m` reads one (约12件, 3000余条, 1.2万条,
    12件以上), and where they start in `text`; ("", -1) for a count."""
    end = m.end()
    about = more = None
    if "about" in m.re.groupindex:  # (a pattern's {n}; a none's words, 未收到, have none)
        about, more = m.group("about"), m.group("more")
    after = next(w for w in _AFTER_UNIT if text.startswith(w, end)) if text.startswith(_AFTER_UNIT, end) else ""
    if not (about or more or after):
        return "", -1
    start = m.start("about") if about else m.start("n")
    return text[start:end] + after, start


def _is_figure(raw: str) -> bool:
    """Did a match read a figure (digits, Chinese numerals), not words that say none happened?"""
    return raw[0].isdigit() or raw[0] in _CN_DIGITS


def _value(raw: str) -> int | float | None:
    """The figure a match reads: Arabic digits, words that say none happened (0), or Chinese
    numerals written as one count is
    (cn2an reads them; 一两, 两三 — one or two, two or three — and 十一二 are estimates, no count:
    None, as is whatever does not read back as it was written)."""
    if raw[0].isdigit():
        raw = raw.replace(",", "").replace(" ", "")  # (1,234 and 1 234: a thousands comma or space)
        return float(raw) if "." in raw else int(raw)
    if raw[0] not in _CN_DIGITS:  # words that say none happened (未发生, 未收取: see legacy.toml)
        return 0
    if raw in ("零", "〇"):
        return 0
    import cn2an  # (imported only for a report that writes a count in Chinese numerals: 0.1 s)

    try:
        value = int(cn2an.cn2an(raw, "normal"))
    except (ValueError, TypeError, KeyError):
        return None
    # written as a count is: the digits read back as cn2an writes the value (两 and 二, 〇 and 零, 一十
    # and 十 alike); a run of digits without 十, 百, 千 or 万 (一二, 一两) is an estimate or a code
    plain = raw.replace("两", "二").replace("〇", "零")
    if plain.startswith("一十"):
        plain = plain[1:]
    return value if plain == cn2an.an2cn(value) else None
