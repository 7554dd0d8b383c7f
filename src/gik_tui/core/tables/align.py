"""Align a stream of cells to a template's tables by their labels.

Walking the stream, a text cell is a block caption (第二十条第（一）项), a column header, a row
label (exact label key, an alias, or a close rapidfuzz match inside a table), a group label, a unit,
or none of these; the figures after a row label are that row's values. A row that shows as many
values as the block has columns is read left to right; empty fields in front of the values are the
row's merged label cells (Word copies) and are passed over first. A shorter row is read left to
right when its line kept its empty cells (layouts a, c, d, e). The rest is uncertain and goes to the
solver (core/solve.py) with the other uncertain rows of its table: a glued run of figures (layout f)
is split, a row whose empty cells were dropped (layout b), that shows more values than columns, or
whose HTML value cell spans several columns has its values placed; a cell is filled only when the
identities leave one value, otherwise it stays blank with its candidates. Each kind of uncertain
row is counted in a warning.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache, partial

from rapidfuzz import fuzz, process

from ..document import Document
from ..labels import WORD_CHAR, has_numbering, label_key, numbering_value, strip_numbering
from ..checks import plan
from ..model import Cell, Deferred, LabelPath, Offers, OtherRow, Split
from ..questions import table_question
from ..solve import (MAX_OPTIONS, MAX_THOUSANDS_SPACES, SPLIT_BUDGET, Constraint, Option, Uncertain, holds, ahead, bare,
                     distinguishing, placements, shifts, solve, spaced_prior, spaced_why, split_empties, split_prior,
                     split_run, total_alone, totals_only)
from ..templates import TableSpec, Template, load_template
from ..values import (BLANK, COUNT_UNIT_WORDS, DASHES, FIGURE_NOTE, FIGURE_WORDS, FOOTNOTE, MARK_ENDS, NOTE_IN_BRACKETS,
                      NOTE_LEADS, Parsed, blank_mark, figure_in_words, in_wan, parse_value, unfit)
from .glued import AMOUNT_UNITS, NOTE_COLUMNS, NOTE_WORD, NOTE_WORDS, RUN_AT, UNITS as _UNITS, vocabulary
from .stream import Tok, bare_page_number, page_text

FUZZY_ROW_SCORE = 92  # one inserted or dropped character in a 12-character label; never a substitution
FUZZY_MARGIN = 8  # another row's label this near to a loose match's is as likely (`_nearest`)
MIN_LABEL_START = 6  # the shortest start of a long label that is read as it (`_cut_short_label`)
CONF_EXACT = 1.0
CONF_FUZZY = 0.8
CANDIDATE_BUDGET = 4_000  # steps spent listing a broken row's plain splits (candidates only)
CONF_SOLVED = 0.9  # decided by the identities: below read cells, above the low-confidence line
# a row read in order whose figures break every one of its own totals (two or more): kept, below the
# low-confidence line (review.LOW_CONFIDENCE) — a figure too many or too few may stand among them
CONF_BROKEN_ROW = 0.5
RECENT = 60  # tokens after the last table activity during which the table is still "open"

_NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}
MAX_ROW_CHARS = 20_000  # tables/stream.py reads a longer line as one piece of text, never as a row
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]")  # (_vertical: a header's words, its brackets and spaces left out)
_CAPTION = re.compile(r"第二十条第\s*[(（]?\s*([一二三四五六七八九十]{1,3})\s*[)）]?\s*项")
_NUMBERISH = re.compile(r"[+\-−]?[0-9][0-9.,eE+\-]*")
INVALID = Parsed(None, None, "invalid")
_POINT_THOUSANDS = re.compile(r"[+\-]?\d{1,3}(?:\.\d{3})+")
MAX_CELL_LINE = 400  # characters: a longer line is no table row whose words stand among its figures (_in_row)


_FURNITURE_LINES = 3  # lines of a page's furniture read past inside a row (_goes_on_past)


def _marked_empty(tok: Tok, p: Parsed) -> bool:
    """Is the field an empty cell's mark the report wrote (—, /, 无): a cell, a nought — not a blank
    field between separators, nor words? (`values.blank_mark` for a field already parsed)"""
    return p.kind == "blank" and bool(tok.text)


def _words_cell(text: str) -> bool:
    """Could these words be a cell that holds no figure, in a table a cell a line — a digit in
    them (17[1], 约17), or a word or two (不详, 见附件) that ends no label (小计, 其中)?"""
    return any(ch.isdigit() for ch in text) or len(text) <= 3 and not text.endswith(("计", "其中"))
GLUED = Parsed(None, None, "glued")
# a note under a table starts with its word and a colon (注：本表…, 备注：其中3件…, 说明：1.…)
_NOTE_START = re.compile(NOTE_WORD + "[:：]")
_NOTE_WORDS = NOTE_WORDS


def _note_start(text: str, nxt: "Tok | None", line: int) -> bool:
    """Are these words a note's start — a note word and its colon, in this token or with the
    next on its line (备注:其中3件为2019年结转。; 备注 / :其中3件…)?"""
    text = text.strip()
    if _NOTE_START.match(text):
        return True
    return text in _NOTE_WORDS and nxt is not None and nxt.line == line and nxt.text[:1] in ":："
_PLAIN_FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# a piece of a run of figures that starts with a zero and goes on (000, 01): cells glued together
_LEADING_ZERO = re.compile(r"(?<![0-9.])0[0-9]")
_split_grouped = partial(split_run, grouping=True)
GROUPED_ONLY_ROWS = 2  # glued rows that read into their columns only with thousands spaces: the report writes them
# (_grouped) a figure's head before a thousands space (1 to 3 digits, perhaps signed) and a group after it
_GROUP_HEAD = re.compile(r"(?:[+\-−]|增|减)?[1-9][0-9]{0,2}")
_GROUP_TAIL = re.compile(r"[0-9]{3}(?:\.[0-9]+)?(?:万元|元|" + COUNT_UNIT_WORDS + ")?")
# (_grouping) a figure of one or two digits after a space after a figure, no group of three after it
# (4 885 may be 4885): the space is a cut between cells
_SHORT_AFTER_SPACE = re.compile(r"[0-9] [0-9]{1,2}(?![0-9])(?! [0-9]{3}(?![0-9]))")
# a figure of four digits or more written whole: a cell of its own (not a year: 2020 heads a column),
# a sentence's, its unit after it (1236件)
_WHOLE_FIGURE = re.compile(r"(?!(?:19|20)[0-9]{2}$)[1-9][0-9]{3,}(?:\.[0-9]+)?(?:万元|元|件|条|次|个|项)?")
# (a sentence's: a word right before it, its unit and a comma or a stop after it — not a table's row)
_IN_SENTENCE = (r"(?<=[\u4e00-\u9fff])", r"(?:\.[0-9]+)?(?:万元|元|件|条|次|个|项|篇|人|份|家)(?=[，。；、,;])")
_WHOLE_IN_SENTENCE = re.compile(_IN_SENTENCE[0] + r"[1-9][0-9]{3,}" + _IN_SENTENCE[1])
# a figure grouped by thousands spaces in a sentence, its unit after it (共受理申请1 236件，)
_GROUPED_IN_SENTENCE = re.compile(_IN_SENTENCE[0] + r"[1-9][0-9]{0,2}(?: [0-9]{3})+" + _IN_SENTENCE[1])
GLUED_PAGE_LEAST = 3  # figures glued to words: a page that glues its tables' figures (_cut_from_label)
GLUED_PAGE_FACTOR = 0.02  # a dropped empty cell on a page that glues cells elsewhere (_glue_seen): a prior
# a figure as one cell writes it: no leading zero, perhaps signed (增9, -70), a decimal, a unit
_ONE_FIGURE = re.compile(r"(?:[+\-−]|增|减)?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:万元|元|" + COUNT_UNIT_WORDS + ")?")
# a unit cell cut in two by a line end: the characters before 元 (万 / 元)
_CUT_UNITS = frozenset({"万元", "亿元"})
# a figure a line end cut in two: its first part (digits, no unit: a unit ends a figure) and the
# rest (digits, perhaps a fraction and a unit): `_cut_joins`
_CUT_HEAD = re.compile(r"(?:[+\-−]|增|减)?[0-9]+")
_CUT_TAIL = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:万元|元|" + COUNT_UNIT_WORDS + ")?")
_CUTS_MOST = 2  # figures too many a row may owe to line ends inside its figures (`_cut_joins`)
_JOINABLE_MOST = 24  # pairs of figures a line end may have cut, at most (more: one a line, every pair — none read)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_NUMBERING_MARKS = (".", "、", "．", "）", ")")
# figures of 2–9 digits before a counting word, not inside a longer figure: (?<![\d.])(\d{2,9})(?=…),
# written digit first so that the scan for it runs in C (a lookbehind first is tried at every character)
_EVIDENCE = re.compile(r"(\d(?<![\d.]\d)\d{1,8})(?=[件条次个项篇人])")


# the header of a column of figures that is the report year's own, or another year's (or a change)
_THIS_YEAR = frozenset({"本年", "本年度", "本年数", "本年度数", "本期", "本期数", "今年", "本年实际", "本年数量",
                        "本年度数量"})
_OTHER_YEAR = re.compile(r"上年|上一年|去年|同期|同比|增减|增长|增幅|比上年|历年累计|累计数|上期")
_YEAR_HEAD = re.compile(r"((?:19|20)\d{2})年度?(?:数|统计数)?")
# a one-column table's header words for its column of figures other than the template's own (统计数),
# when the header gives another beside it (数量 | 比上年增减: the first is the year's)
_VALUE_WORDS = frozenset({"数量", "数值", "数据"})
_SHARE_WORDS = frozenset({"占比", "比例", "百分比", "比重", "所占比例", "占比(%)", "比例(%)"})
_NUMBERING_WORDS = frozenset({"栏次", "列次", "行次", "序号", "编号", "栏号"})
_CHANGE_WORD = re.compile(r"增减|增长|增幅|同比|比上年")
_TIME_WORD = re.compile(r"[年期]|^[本上今去]|[本上今去]$|累计|同比|增减")  # (本期数上期数 cut up: 本, 期, 数上 …)
_NOTE_KEYS = frozenset(label_key(w) for w in NOTE_COLUMNS)  # a notes column's header words
_COLUMN_LIKE = re.compile(r"[\u4e00-\u9fff]{2,6}")  # a column's header word: a few characters, no note or unit


# the words of a one-column table's header naming its columns of figures, glued into one (a scrape
# with no separators: 本年数上年数, 本年度历年累计, 2015年2014年): each its mark, in order
_YEAR_WORD = re.compile(r"((?:19|20)\d{2})年度?(?:统计数|数量?)?|("
                        + "|".join(sorted(_THIS_YEAR | {"统计数"}, key=len, reverse=True))
                        + r")|(比上年增减|比上年|上一年度?数量?|上年度?(?:同期)?数量?|去年|同期数?|同比增减|同比"
                        r"|增减|增长|增幅|历年累计数?|累计数|上期数?)")


def _year_marks(key: str) -> list[tuple[str | int, str]]:
    """The marks of a one-column table's header words for its columns of figures glued together
    (`本年数上年数`: this year's, then another's), when the key is two such words or more and
    nothing else; [] otherwise."""
    out: list[tuple[str | int, str]] = []
    pos = 0
    for m in _YEAR_WORD.finditer(key):
        if m.start() != pos:
            return []
        out.append((int(m.group(1)) if m.group(1) else "this" if m.group(2) else "other", m.group()))
        pos = m.end()
    return out if pos == len(key) and len(out) >= 2 else []


def _year_mark(key: str) -> str | int | None:
    """The mark of words naming a year's column of figures: its year (2017年), "this" (本年, 本期数)
    or "other" (上年数, 同比增减, 历年累计); None for any other words."""
    if (m := _YEAR_HEAD.fullmatch(key)) is not None:
        return int(m.group(1))
    if key in _THIS_YEAR:
        return "this"
    return "other" if len(key) <= 8 and _OTHER_YEAR.search(key) is not None else None


@dataclass(frozen=True, slots=True)
class RowRef:
    table: str
    row: LabelPath
    order: int


@dataclass(slots=True)
class TableIndex:
    specs: dict[str, TableSpec]
    rows: dict[str, list[RowRef]]
    groups: dict[str, list[tuple[str, LabelPath]]]
    headers: dict[str, set[str]]
    captions: dict[str, tuple[str, str]]  # numeral → (table, block label)
    fuzzy: dict[str, tuple[list[str], list[list[RowRef]]]]
    cellinfo: dict[tuple[str, LabelPath, LabelPath], tuple[str, str | None]]  # kind of value, default unit
    columns: dict[tuple[str, LabelPath], tuple[LabelPath, ...]]  # the columns of each row


@cache
def table_index(template_id: str) -> TableIndex:
    t: Template = load_template(template_id)
    rows: dict[str, list[RowRef]] = {}
    groups: dict[str, list[tuple[str, LabelPath]]] = {}
    headers: dict[str, set[str]] = {}
    captions: dict[str, tuple[str, str]] = {}
    fuzzy: dict[str, tuple[list[str], list[list[RowRef]]]] = {}
    for spec in t.tables:
        order = 0
        by_key: dict[str, list[RowRef]] = {}
        block_labels = {b.label for b in spec.blocks if b.label}
        for b in spec.blocks:
            if b.label:
                m = _CAPTION.search(b.label)
                if m:
                    captions[m.group(1)] = (spec.id, b.label)
            for r in b.rows:
                ref = RowRef(spec.id, r, order)
                order += 1
                if not r:
                    continue
                names = (r[-1], *spec.aliases.get(r[-1], ()))
                for name in names:
                    k = label_key(name)
                    rows.setdefault(k, []).append(ref)
                    by_key.setdefault(k, []).append(ref)
            for c in b.columns:
                for label in c:
                    for name in (label, *spec.aliases.get(label, ())):
                        headers.setdefault(label_key(name), set()).add(spec.id)
        for g in spec.groups():
            if g[-1] in block_labels or len(g) == 1 and g[0] in block_labels:
                continue
            groups.setdefault(label_key(g[-1]), []).append((spec.id, g))
        for h in spec.headers:
            headers.setdefault(label_key(h), set()).add(spec.id)
        keys = list(by_key)
        fuzzy[spec.id] = (keys, [by_key[k] for k in keys])
    cellinfo = {(s.id, r, c): (s.cell_kind(b, r, c), s.unit_of(r))
                for s in t.tables for b in s.blocks for r in b.rows for c in b.columns}
    columns = {(s.id, r): b.columns for s in t.tables for b in s.blocks for r in b.rows}
    return TableIndex({s.id: s for s in t.tables}, rows, groups, headers, captions, fuzzy, cellinfo, columns)


@cache
def _yuan_header(template_id: str) -> re.Pattern | None:
    """A header of one of the template's amount columns that says its figures are in 元, not 万元
    (本年收费金额（单位：元）, 采购总金额(元))."""
    names = {c[-1] for s in load_template(template_id).tables for b in s.blocks
             for c in b.columns if b.column_kinds.get(c[-1]) == "amount"}
    if not names:
        return None
    return re.compile(f"({'|'.join(map(re.escape, sorted(names)))})" r"\s*[(（]?\s*(?:单位\s*[:：]?\s*)?(?:人民币)?元")


def _columns_in_yuan(norm: str, template_id: str) -> frozenset:
    """The amount columns whose header in the text says their figures are in 元."""
    pattern = _yuan_header(template_id)
    return frozenset() if pattern is None else frozenset(m.group(1) for m in pattern.finditer(norm))


@cache
def _sorted_keys(template_id: str, table: str) -> tuple[list[str], list[int]]:
    """The table's row keys in sorted order, with their indices: the keys a label begins stand
    together after it (`_cut_short_label`)."""
    keys, _ = table_index(template_id).fuzzy[table]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return [keys[i] for i in order], order


@cache
def _near_keys(template_id: str, table: str, n: int) -> tuple[list[str], list[int]]:
    """The table's row keys whose length lets fuzz.ratio reach FUZZY_ROW_SCORE against a key of n
    characters (it is at most 100 · (1 − |a − b| / (a + b))), in their order, with their indices:
    extractOne over these finds what it finds over all of them, without scoring the rest."""
    keys, _ = table_index(template_id).fuzzy[table]
    near = [(k, i) for i, k in enumerate(keys)
            if 100 * (1 - abs(len(k) - n) / (len(k) + n)) >= FUZZY_ROW_SCORE - 1e-9]
    return [k for k, _ in near], [i for _, i in near]


@cache
def _shared_labels(template_id: str) -> frozenset[str]:
    """The keys of the column labels that stand under several groups of a table (结果维持 … 总计)."""
    out: set[str] = set()
    for spec in table_index(template_id).specs.values():
        seen: dict[str, set] = {}
        for block in spec.blocks:
            for c in block.columns:
                for x in (c[-1], *spec.aliases.get(c[-1], ())):
                    seen.setdefault(label_key(x), set()).add(c[:-1])
        out.update(k for k, groups in seen.items() if len(groups) > 1)
    return frozenset(out)


@cache
def _leaf_counts(template_id: str, table: str, block: str | None = None) -> dict[str, tuple[str, int]]:
    """The table's column labels by key, its other names' keys too: (the label, how many of the
    table's columns it ends — of the columns of its `block` only, 0 for another block's, when given)."""
    spec = table_index(template_id).specs[table]
    count: dict[str, int] = {}
    for b in spec.blocks:
        for c in b.columns:
            count[c[-1]] = count.get(c[-1], 0) + (block is None or b.label == block)
    return {label_key(x): (label, n) for label, n in count.items() for x in (label, *spec.aliases.get(label, ()))}


@cache
def _header_piece(template_id: str, table: str, key: str) -> bool:
    """Is `key` a piece of one of the table's column labels (务机构 of 法律服务机构, a header cell
    wrapped in its column), not a word naming a column of its own?"""
    return any(key in k and key != k for k in _leaf_counts(template_id, table))


@cache
def _leaf_most(template_id: str, table: str, block: str | None = None) -> dict[str, int]:
    """How many of the table's (or its block's) columns each column label ends (`_leaf_counts`)."""
    return {label: n for label, n in _leaf_counts(template_id, table, block).values()}


@cache
def _group_starts(template_id: str) -> frozenset[str]:
    """The first two characters of the template's group labels' keys (a quick test of a key that
    no group label starts)."""
    return frozenset(g[:2] for g in table_index(template_id).groups)


@cache
def _header_pieces(template_id: str) -> tuple[frozenset[str], frozenset[str]]:
    """The starts and all pieces (substrings) of the template's column headers' keys: what a header
    cell wrapped over lines leaves on its first line, and on any."""
    keys = table_index(template_id).headers
    return (frozenset(k[:j] for k in keys for j in range(1, len(k) + 1)),
            frozenset(k[i:j] for k in keys for i in range(len(k)) for j in range(i + 1, len(k) + 1)))


@cache
def _shared_label_last(template_id: str, table: str, row: LabelPath) -> int | None:
    """The last place in its table's order of the rows whose label is `row`'s, when several rows of
    the table share it (其他情形数 under 四、 and 五、); None when the label is its row's alone."""
    if not row:
        return None
    orders = [r.order for r in table_index(template_id).rows.get(label_key(row[-1]), ()) if r.table == table]
    return max(orders) if len(orders) > 1 else None


def _words_then_numbering(text: str) -> bool:
    """Do a cell's few words (见附件, 暂无) open `text`, a numbered heading or label glued after them
    (见附件四、政府信息公开…) — or the words of several cells, the same glued again (暂无暂无四、…)? A
    footnote's mark is none: (注1) is no word `(注` and a heading `1)` — nor is a numbering with no
    words after it."""
    return not FOOTNOTE.fullmatch(text) and any(
        (_words_cell(head := text[:k]) or _WORDS_AGAIN.fullmatch(head)) and not has_numbering(head)
        and has_numbering(rest := text[k:]) and strip_numbering(rest) for k in range(1, min(25, len(text) - 1)))


def _marked_figure(text: str) -> bool:
    """A figure or an empty cell's dash with a mark or a word after it, in a cell of its own (17[1],
    0[注], 2①, 3件左右, —[注]): words like a cell's that begin with a figure, and number no row
    (2.没有现成信息…)."""
    return len(text) <= 20 and (text[:1].isdigit() and _words_cell(text) or blank_mark(text[:1])) \
        and not has_numbering(text)


_NOTE_IN_BRACKETS = re.compile(NOTE_IN_BRACKETS)  # (含转办5件)
# a note of a figure, after it: 其中7件, 含3件 (a count of part of it, never a cell of its own)
_NOTE_OF_FIGURE = re.compile(FIGURE_NOTE)
_NOTE_LEADS = frozenset(NOTE_LEADS)  # words a note of a figure opens with (其中7件)
_BRACKETED = re.compile(r"\(\d{1,3}\)")  # a number in brackets (NFKC: （8） is (8))
_WORDS_AGAIN = re.compile(r"(\D{1,4})\1{1,5}")  # a cell's words glued to the same words of the next cells
_RUN_THEN_WORD = re.compile(r"(\d{1,20})[\u4e00-\u9fff]{1,2}")  # glued figures and a word or two after them (000000余)
_RUNS_THEN_WORDS = re.compile(r"(?:\d{1,20}[\u4e00-\u9fff]{1,2}){1,15}")  # several such (00余1560余004余)
# notes and marks glued before such runs, or words after them, between a glued row's runs ((4)12余, 其中4件约)
_NOTES_THEN_RUNS = re.compile(rf"(?:{NOTE_IN_BRACKETS}|\(\d{{1,3}}\)|{FOOTNOTE.pattern}|{FIGURE_NOTE})+"
                              r"((?:\d{1,20}[\u4e00-\u9fff]{1,2}){0,15})[\u4e00-\u9fff]{0,2}")


def _cell_mark(text: str) -> bool:
    """A figure or an empty cell's mark (—, /, 无)?"""
    p = parse_value(text) if text and len(text) < 40 else None
    return p is not None and (p.value is not None or p.kind == "blank")


def _figure(text: str) -> bool:
    """Is `text` a figure (not an empty cell's dash, which a header's word may be: 本年增/减 cut as
    本年增 / `/` / 减)?"""
    if not text or len(text) >= 40:
        return False
    p = parse_value(text)
    return p is not None and p.value is not None


def _in_order(spec, keys: list[str]) -> bool:
    """Do the header cells `keys` (a line's, whole or the starts of headers) stand in the order of
    the table's columns, each in a column after the one before (a label under several groups, 总计,
    matched to the next), or in the same group?"""
    cols = spec.blocks[0].columns
    at = -1
    for k in keys:
        if not any(label_key(x).startswith(k) for c in cols for x in c):
            continue  # (the header of the rows' labels, 信息内容, is no column)
        nxt = next((j for j in range(max(at, 0), len(cols))
                    if any(label_key(x).startswith(k) for x in cols[j]) and (j > at or len(cols[j]) > 1)), None)
        if nxt is None:
            return False
        at = nxt
    return True


def _join_ends(cells: list[str], ends: list[str], whole, starts: frozenset[str],
               seen: set[tuple[str, ...]] | None = None) -> list[str] | None:
    """`cells` with the words of the next line, `ends`, in order: each the end of one of the cells,
    or a cell of its own between them (a short header set in the middle of a tall row); the one way
    that makes every cell whole (a header), else the one way that leaves every cell the start of
    one; None when there is none, more than one, or too many to try. `seen` gains every way found
    that leaves every cell whole or the start of a header."""
    done: set[tuple[str, ...]] = set()
    going: set[tuple[str, ...]] = set()
    budget = [4000]
    n, m = len(cells), len(ends)

    def walk(i: int, j: int, out: list[str]) -> None:
        budget[0] -= 1
        if budget[0] < 0 or len(done) > 1:
            return
        if i == m:
            res = tuple(out + cells[j:])
            if all(c in whole for c in res):
                done.add(res)
            elif all(c in starts for c in res):
                going.add(res)
            return
        e = ends[i]
        for at in range(j, n):  # the end of cells[at] (the ones before it have no end on this line)
            joined = cells[at] + e
            if joined in starts:
                walk(i + 1, at + 1, out + cells[j:at] + [joined])
        if e in whole:  # a cell of its own, after the cells before `at`
            for at in range(j, n + 1):
                walk(i + 1, at, out + cells[j:at] + [e])

    walk(0, 0, [])
    if seen is not None:
        seen.update(done)
        seen.update(going)
    if budget[0] < 0:
        return None
    if done:
        return list(next(iter(done))) if len(done) == 1 else None
    return list(next(iter(going))) if len(going) == 1 else None


@dataclass(slots=True)
class _Target:
    table: str
    row: LabelPath
    label: Tok | None
    conf: float
    values: list[tuple[Tok, Parsed]] = field(default_factory=list)
    unit: tuple[Tok, str] | None = None
    unit_seen: bool = False
    words: bool = False  # words stood among its glued figures (约, 余): no cut of them is sure
    past: Tok | None = None  # the words or mark its glued figures were last read past (_glued_words)
    numbered: bool = False  # its row number (行次, after its label) was read


@dataclass(slots=True)
class _Repeats:
    """What the rows read twice, and the cells of words, leave in doubt (_put, _finalize, _conflicted)."""

    conflicts: dict = field(default_factory=dict)  # a cell → the readings it was given (Cells), first first
    decided: dict = field(default_factory=dict)  # a cell of several figures → the identities that kept one
    readings: dict = field(default_factory=dict)  # (table, row) → its values as first read
    contested: set = field(default_factory=set)  # rows that stand again with their figures written otherwise
    confirmed: set = field(default_factory=set)  # cells read again with the same figure
    unknown: set = field(default_factory=set)  # cells that hold words, not a figure (不详): never 0 to the identities
    unlabelled_end: tuple[str, int] | None = None  # (table, token index) where a row of no label ended
    ended: tuple | None = None  # the row read last: (table, row, its last cell's token, its cells)
    label_tail: str = ""  # words glued after the label a row was last matched by (_match_row)
    # tables whose rows keep empty fields before their figures (Word's merged label cells: a field a
    # label column): there a row of as many fields as columns, the first empty, may have lost a cell
    padded: set = field(default_factory=set)
    shares: set = field(default_factory=set)  # tables whose rows end in a share column's percentage
    uncut: dict = field(default_factory=dict)  # per table: its glued rows that could not be cut into its columns
    uncut_read: set = field(default_factory=set)  # id() of the Uncertain rows no cut reads, read with thousands spaces
    grouped_only: int = 0  # glued rows so read (_grouping turns on at GROUPED_ONLY_ROWS)
    unnamed_end: set = field(default_factory=set)  # tables whose glued rows follow a header ending in words naming no column
    beyond: set = field(default_factory=set)  # tables whose header names more columns than the template's (said once)
    empties: str = ""  # a glued row that shows the report's empty cells dropped (all its glued rows may have lost some)
    totals: set = field(default_factory=set)  # tables a glued row of which shows them giving their totals alone
    # the glued rows of bare runs: (Uncertain, its run's reading, read with empty cells?, as totals
    # alone?) — read again in _solve if a later row showed the report's empty cells or its table's totals
    bare_rows: list = field(default_factory=list)
    # the glued rows read with each space a cut, a space in their run — (Uncertain or None when no cut
    # read it, its run's reading, target, columns, offered?, what unsplit says of it) — read again in
    # _solve if a later row showed the report's thousands spaces (_grouping turned on)
    spaced_rows: list = field(default_factory=list)
    # tables whose header has a column of row numbers before the labels (序号 | 统计指标 | …): table →
    # _Serial; and where the last such header word stood (its token index), until a row starts
    serials: dict = field(default_factory=dict)
    serial_word: int = -1
    # the amount columns whose header says their figures are in 元 (本年收费金额（单位：元）); None: not looked for
    in_yuan: frozenset | None = None
    # a table of one unlabelled row written a column a line (行政复议 / 结果维持 | 2 / 结果纠正 | 1 …): its
    # header cells in order, each figure standing after one as ("f", [(tok, parsed)]) — read in _vertical
    vertical: list = field(default_factory=list)
    vertical_table: str | None = None


@dataclass(slots=True)
class _Serial:
    """A table's column of row numbers before its labels (序号, 编号): every row, its groups' too,
    opens with its number — glued, at the end of the row before's run (…条2163 1.主动公开… is 216
    and the next row's 3), or one more field of that row. `next`: the number the next row should
    have (None until the first is seen); `lost`: a row's number was not where the count says, so
    no row of the table after it is sure."""

    next: int | None = None
    lost: bool = False
    restart: bool = False  # the header stood again (a block's own): its numbers may start again from 1
    at: int = -1  # the token the last number was read from (a group's label and its first row share one)
    after: bool = False  # the numbers stand after the labels (统计指标 | 行次 | 单位 | 统计数), not before

    def wants(self) -> tuple[int, ...]:
        """The numbers the next row may have: the count's next (1 for the first) — or 1 again
        under a block's own header."""
        return (self.next, 1) if self.restart and self.next is not None else (self.next or 1,)


_SERIAL_WORDS = frozenset({"序号", "编号"})
_SERIAL_AFTER_WORDS = frozenset({"行次"})  # (a column of row numbers between the labels and the figures)
_TRAILING_DIGITS = re.compile(r"[0-9]+$")
_DASH_MARKS = frozenset(DASHES + "-－")  # an empty cell's dash before a row's number in its field (—2)
_DASH_STRIP = "".join(_DASH_MARKS) + " "


def _serial_front(front: str, glued: bool) -> bool:
    """Can `front` stand before a row's number in one field: nothing, or a dash (an empty cell's,
    —2), or — a glued run — the row's own figures (216 in 2163, 0 1 in 0 1 2)?"""
    front = front.rstrip(" ")
    return not front or set(front) <= _DASH_MARKS or glued and (front[-1].isdigit() or front[-1] in _DASH_MARKS)


def _ends_in_number(tok: "Tok", n: int) -> bool:
    """Does the field end in the row number `n` — alone, after a dash, or ending a glued run?"""
    w = str(n)
    return tok.text.endswith(w) and _serial_front(tok.text[:len(tok.text) - len(w)], tok.glued)


def _opens_with_number(tok: "Tok", n: int) -> bool:
    """Is the field the row number `n` alone, or a glued run that opens with it (13437…, not 1.5)?"""
    w, text = str(n), tok.text
    return text == w or tok.glued and text.startswith(w) and len(text) > len(w) and text[len(w)] != "."


@dataclass(slots=True)
class _Header:
    """The last run of column headers: their label keys with their lines in the report's order,
    the table they belong to, how many other labels stood among them; the tables already said to
    differ from the template, and report_columns by id(template columns) for this run."""
    cells: list[tuple[str, int]] = field(default_factory=list)
    table: str | None = None
    extra: int = 0
    disorder: bool = False  # broken into pieces, its cells out of the template's order (_header_line)
    stray: bool = False  # words that are no piece of a column's header stood after its cells (a sentence)
    said: set[str] = field(default_factory=set)
    memo: dict[int, tuple] = field(default_factory=dict)
    # a table of one column of figures whose header gives several (统计数 | 上年数, 2015年 | 2014年):
    # each "this" (the year's own), "other" (another year's, a change) or a year, with its words
    years: list[tuple[str | int, str]] = field(default_factory=list)
    # the header ends in words that name no column (信息内容 … 对外公开总数量 备注): a column the
    # template lacks after its own, whose figures a glued row runs into its last cell's
    ends_unnamed: bool = False
    # the word by which it names a column more than the table has: one of its columns again (…尚未审结
    # 总计 合计, 合计 being 总计's other name), or another table's after its own — a column the template
    # lacks, whose figure a glued row runs into its last cell
    beyond: str = ""
    named: dict[str, int] = field(default_factory=dict)  # each column label the header names: how often
    # a one-column table's header words after its last known one that name no column, joined (units
    # too: a scrape's 本期数上期数 is cut at 期, 本 / 期 / 数上 / 期 / 数): read whole at its first row
    tail: str = ""

    def restart(self, table: str | None) -> None:
        """A new run of column headers, of `table`."""
        self.cells, self.table, self.extra, self.disorder, self.stray = [], table, 0, False, False
        self.ends_unnamed = False
        self.beyond = ""
        self.named.clear()
        self.tail = ""
        self.years = []
        self.memo.clear()

    def this_year(self) -> int | None:
        """Which of the header's columns of figures is the report year's own: the one its header
        names so (统计数, 本年) or the latest year of those it names, when the others are another
        year's or a change; None when the header does not say."""
        marks = [m for m, _ in self.years]
        years = [m for m in marks if isinstance(m, int)]
        if years:
            latest = max(years)
            marks = ["this" if m == latest else "other" if isinstance(m, int) else m for m in marks]
        return marks.index("this") if len(marks) >= 2 and marks.count("this") == 1 else None

    def columns(self, template_id: str, table: str, cols: tuple[LabelPath, ...]
                ) -> tuple[tuple[LabelPath, ...] | None, tuple[tuple[LabelPath, ...], ...] | None]:
        """(the columns as the header gives them, or None for the template's; the orders a row
        is read in when the header allows several, or None). Several: the header's lines allow
        other orders than the template's and not it (`report_orders`), or it stands a cell a line
        in another order than the template's, which no line confirms — the template's order and
        the cells'."""
        heads = tuple(self.cells)
        orders = report_orders(template_id, table, cols, heads)
        if orders is None or len(orders) > 1:  # (None: too many, the template's among none of them)
            return None, orders or ()
        derived = orders[0] if orders and orders[0] != cols else None
        if derived is not None or len({line for _, line in heads}) != len(heads):
            return derived, None
        other = report_columns(template_id, table, cols, heads, lines=False)
        return None, (None if other is None else (cols, other))


@dataclass(slots=True)
class Alignment:
    cells: dict[tuple[str, LabelPath, LabelPath], Cell]
    warnings: list[str]
    consumed: set[int]  # 0-based lines that belong to tables
    header_keys: set[str]
    spans: list[tuple[int, int]] = field(default_factory=list)  # stretches of glued lines (offsets in text) that are tables
    splits: Mapping = field(default_factory=dict)  # (table, row) → Split: the whole-row choices of an undecided row (a Deferred)
    questions: list = field(default_factory=list)  # model.Question: a table's repeated ambiguity, asked once
    row_notes: dict = field(default_factory=dict)  # (table, row) → why its cells have nothing to offer
    other_rows: list = field(default_factory=list)  # model.OtherRow: the report's rows the template does not list
    offers: dict = field(default_factory=dict)  # cell key → model.Offers: the figures a repeated row gives a cell


class _Aligner:
    def __init__(self, doc: Document, template_id: str):
        self.doc = doc
        self.template_id = template_id
        self.idx = table_index(template_id)
        self.cells: dict[tuple[str, LabelPath, LabelPath], Cell] = {}
        self.warnings: list[str] = []
        self.consumed: set[int] = set()
        self.header_keys: set[str] = set()
        self.cur_table: str | None = None
        self.cur_block: str | None = None
        self.last_active = -10**9
        self.pointer: dict[str, int] = {}
        self.target: _Target | None = None
        self.after_header = False
        self.orphan: Tok | None = None
        self.orphan_unit: str | None = None
        self.other_rows: list[OtherRow] = []
        self.pending_group: tuple[str, int] | None = None
        self.pos = 0
        self.identity = doc.same_offsets
        self.uncertain: list[tuple[Uncertain, _Target]] = []
        self.spanned = {g.first_line + r for g in doc.grids for r in g.spanned}
        self.glued_spans: list[tuple[int, int]] = []
        self.unsplit: list[str] = []
        self.splits = Deferred()
        self.questions: list = []
        # why a row's cells stayed blank with nothing to choose from: (table, row) → reason
        self.row_notes: dict[tuple[str, LabelPath], str] = {}
        self.swallow = -1  # the index of a token already read with the one before it
        self.unit_next: tuple[int, Tok, str] | None = None  # (token index, unit cell, unit): _unit_of_next
        self.rep = _Repeats()  # (one attribute: past 30, CPython keeps an instance's attributes in a plain dict)
        self.starts, self.pieces = _header_pieces(template_id)  # (a line of cells is header pieces only if its first is one)
        self.head = _Header()
        self.glue_seen: str | None | bool = False  # _glue_seen: not looked for yet
        self.grouping: bool | None = None  # _grouping: not looked for yet
        self.whole: bool | None = None  # _writes_whole: not looked for yet

    # ------------------------------------------------------------------ helpers
    def _open(self) -> bool:
        return self.cur_table is not None and self.pos - self.last_active <= RECENT

    def _one_column(self, table: str) -> bool:
        """Has every block of the table one column of figures (a statistics table: 统计数)?"""
        return all(len(b.columns) == 1 for b in self.idx.specs[table].blocks)

    def _value_heads(self, table: str) -> set[str]:
        return {label_key(b.columns[0][-1]) for b in self.idx.specs[table].blocks}

    def _touch(self, table: str) -> None:
        self.cur_table = table
        self.last_active = self.pos

    def _pick(self, refs: list[RowRef]) -> RowRef:
        if len(refs) == 1:
            return refs[0]
        pool = [r for r in refs if r.table == self.cur_table] or refs
        if self.cur_block:
            in_block = [r for r in pool if r.row and r.row[0] == self.cur_block]
            pool = in_block or pool
        ptr = self.pointer.get(pool[0].table, -1)
        same = [r for r in pool if r.order == ptr]
        if same:  # the row read last, its label written again (no other group's header between): that row again
            return same[0]  # ((三)其他情形数 twice under 四、: read as 五、's, its own kept the copy's figure at 1.0)
        ahead = [r for r in pool if r.order > ptr]
        if ahead:
            return min(ahead, key=lambda r: r.order)
        # none ahead, nor the row read last: which group's row it is, nothing says (a copy of a row,
        # out of its place) — the last of them in order, its figures offered, never filled (`_guessed`)
        return max(pool, key=lambda r: r.order)

    def _guessed(self, ref: RowRef) -> bool:
        """Is `ref` one of several rows of its table its label names, none of them the row read
        last or one after it (`_pick`'s guess)?"""
        last = _shared_label_last(self.template_id, ref.table, ref.row)
        return last is not None and last < self.pointer.get(ref.table, -1)

    def _match_row(self, key: str, raw: str = "") -> tuple[RowRef, float] | None:
        refs = self.idx.rows.get(key)
        if refs:
            if self.cur_block:
                spec = self.idx.specs.get(self.cur_table or "")
                if spec is not None:
                    refs = [r for r in refs if r.table != spec.id or not r.row or r.row[0] == self.cur_block] or refs
            return self._pick(refs), CONF_EXACT
        if self._open() and 2 <= len(key) <= 40:
            keys, at = _near_keys(self.template_id, self.cur_table, len(key))  # type: ignore[arg-type]
            if keys:
                hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_ROW_SCORE)
                if hit is not None:
                    # a label with a few words glued after it (…申请数量不详00011034): the words are its
                    # first cell's, which holds no figure (`_start`)
                    tail = key[len(hit[0]):] if key.startswith(hit[0]) else ""
                    self.rep.label_tail = tail if 0 < len(tail) <= 4 and not any(c.isdigit() for c in tail) else ""
                    return self._nearest(key, raw, hit[1], self._pick(self.idx.fuzzy[self.cur_table][1][at[hit[2]]])), CONF_FUZZY  # type: ignore[index]
            return self._cut_short_label(key)
        return None

    def _cut_short_label(self, key: str) -> tuple[RowRef, float] | None:
        """A long label written short (申请人无正当理由逾期不补正 for …、行政机关不再处理其政府信息公开申请):
        the one row of the open table whose label it begins, when it is long enough to name one."""
        if len(key) < MIN_LABEL_START:
            return None
        if 0 < self.pos < len(self.toks) and self.orphan is self.toks[self.pos - 1] \
                and self.orphan.line < self.toks[self.pos].line:
            # (words opening the line after a label that matched none, which ended its line: the
            # rest of that label cut by the line end, `(三)从事` / `政府信息公开工作人员数…`, not a
            # label written short — read so, 政府信息公开工作 took 专门机构数's row and 60, at 0.9)
            return None
        _, refs = self.idx.fuzzy[self.cur_table]  # type: ignore[index]
        keys, at = _sorted_keys(self.template_id, self.cur_table)  # type: ignore[arg-type]
        found = {}
        for j in range(bisect_right(keys, key), len(keys)):  # (the keys longer than it that it begins)
            if not keys[j].startswith(key):
                break
            r = self._pick(refs[at[j]])
            found[(r.table, r.row)] = r
        return (next(iter(found.values())), CONF_FUZZY) if len(found) == 1 else None

    def _nearest(self, key: str, raw: str, score: float, best: RowRef) -> RowRef:
        """A label matched loosely, when another row's label is about as near (4.同同意公开答复数: one
        character more than 同意公开答复数, one other than 不同意公开答复数): the one its numbering
        names (4., the fourth of its group), else the one the table's order expects next — the row
        after the last one read — over the nearer by a character. (Before: the nearer took
        不同意公开答复数's figure, and the row of its name was read twice.)"""
        keys, refs = self.idx.fuzzy[self.cur_table]  # type: ignore[index]
        close = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=score - FUZZY_MARGIN, limit=4)
        if len(close) < 2:
            return best
        picks = [self._pick(refs[i]) for _, _, i in close]
        number = numbering_value(raw) if raw else None
        if number is not None:
            ordinals = vocabulary(self.template_id).ordinals
            named = [r for r in picks if r.row and number in ordinals.get(label_key(r.row[-1]), ())]
            if len(named) == 1:
                return named[0]
        last = self.pointer.get(best.table, -1)
        ahead = [r for r in picks if r.table == best.table and r.order > last]
        return min(ahead, key=lambda r: r.order) if ahead else best

    def _orig(self, tok: Tok) -> tuple[int, int]:
        return self.doc.to_orig(tok.start), self.doc.to_orig(tok.end)

    # ------------------------------------------------------------------ the walk
    def run(self, toks: list[Tok]) -> Alignment:
        self.toks = toks
        self.rest_at = -1
        self.skip_to = -1
        # a page that glues some table's figures: a few figures glued to words, not one or two (a
        # note's footnote number, `…之和）1`, had every row's first figure after its label's line read
        # as a glued run that the next line's figure ran on in, `42` / `42` as 4242, at 0.9)
        glues = sum(1 for tok in toks if tok.glued) >= GLUED_PAGE_LEAST
        for self.pos, tok in enumerate(toks):
            if self.pos == self.swallow:
                continue  # (a figure read with the words before it as one cell: 约2)
            if tok.glued:
                self._glued(tok)
                continue
            if glues and not tok.multi and tok.text[:1].isdigit() and self._cut_from_label(tok):
                self._glued(Tok(tok.text, tok.start, tok.end, tok.line, False, False, True))
                continue
            parsed = parse_value(tok.text) if len(tok.text) < 40 else None
            if self.unit_next is not None:
                at, unit_tok, unit = self.unit_next
                self.unit_next = None
                if at == self.pos and parsed is not None and parsed.value is not None and parsed.unit is None \
                        and (joined := parse_value(tok.text + unit)) is not None and joined.value is not None:
                    # (the amount's unit in the cell before it, between the row's count and its amount)
                    tok, parsed = Tok(tok.text + unit, unit_tok.start, tok.end, tok.line, tok.multi, False), joined
            if parsed is not None:
                self._value(tok, parsed)
            elif (self.target is not None and (_NUMBERISH.fullmatch(tok.text) or tok.text.lower() in _NOT_FINITE)
                  and strip_numbering(tok.text)):  # (a row's numbering alone, 2., its label on the next line)
                # looks like a figure but is not one (1e400, 12-3, 1.2.3): an empty cell, said aloud
                self.warnings.append(f"line {tok.line + 1}: {tok.text[:40]!r} is not a figure; the cell is left empty")
                self._value(tok, INVALID)
            else:
                self._text(tok)
        self._finish()
        self._conflicted()
        self._solve()
        self._conflicted(final=True)
        self._summarise()
        spans = self._spans()
        for a, b in spans:  # a glued line also holds headings and prose: its tables are spans, not the line
            for line in range(self.doc.line_of(a), self.doc.line_of(max(a, b - 1)) + 1):
                self.consumed.discard(line)
        offers = {}
        for k, seen in self.rep.conflicts.items():
            if k in self.rep.decided:
                continue
            figures = [c for c in seen if c.value is not None]
            if len(seen) == 1:  # (a row written otherwise the second time, this cell not read again there)
                about = "its row stands again with other figures, and this one is not read again there"
            else:
                about = (f"{len(seen)} different {'figures' if len(figures) == len(seen) else 'readings'} "
                         f"(its row stands {len(seen)} times)")
            if len(figures) < len(seen):
                about += "; " + ", ".join(f"line {c.line} writes {c.raw!r}" for c in seen if c.value is None)
            offers[k] = Offers(tuple((c.value, round(1 / len(figures), 3), f"line {c.line} says {c.raw}")
                                     for c in figures), False, about)
        return Alignment(self.cells, self.warnings, self.consumed, self.header_keys, spans, self.splits,
                         self.questions, self.row_notes, self.other_rows, offers)

    def _glued(self, tok: Tok) -> None:
        t = self.target
        if t is None and self.orphan is not None and self._open() and self._label_ends_after():
            t = self.target
        if t is None and self._again_unlabelled():
            t = self.target
        if t is None:
            # a glued figure after a row the template does not list (…政府公文公开政府信息数条4072…):
            # kept as the report's own row when it can only be that one figure — digits, and no
            # numbering of a next row (1. 2、) glued to its end or cut from it that could have taken
            # some of its digits
            after = self.doc.text[tok.end:tok.end + 1]
            if (self.orphan is not None and _PLAIN_FIGURE.fullmatch(tok.text) and after not in _NUMBERING_MARKS
                    and not after.isdigit() and self.cur_table not in self.rep.serials):
                # (in a table whose rows open with their numbers, the run ends in the next one's: 40725)
                parsed = parse_value(tok.text)
                if parsed is not None and parsed.value is not None:
                    self._value(tok, parsed)
                    return
            if self.orphan is not None and self._open():
                self.warnings.append(
                    f"line {self.orphan.line + 1}: {self.orphan.text!r} is not a row of the {self.cur_table} table, "
                    f"and its figures {tok.text!r} are glued to what follows; not extracted")
                self.orphan = None
            return
        if self._awaits_number(t):
            tok = self._row_number(t, tok)
            if tok is None:
                return
        t.values.append((tok, GLUED))
        self.last_active = self.pos
        self.after_header = False
        if not t.row and not self._words_then_figures() and not (
                self.pos + 1 < len(self.toks) and self._run_on(tok, self.toks[self.pos + 1]) is not None):
            # (a row of no label: its glued run is the row — unless words and figures go on, or
            # the run goes on where the next line starts: `…0110202` / `13015`)
            self._finalize()

    def _amount_row(self, t: _Target) -> bool:
        """Has the row `t` a column of amounts?"""
        return "amount" in self._kinds(t.table, t.row, self.idx.columns[(t.table, t.row)])

    def _unit_of_next(self, t: _Target, tok: Tok, raw: str) -> bool:
        """Is the amount's unit `tok` (`raw`), after a row's figure, the unit of the bare figure
        after it rather than of the one before — the figure before standing where a count does and
        an amount's column after it (`| 518 | 元 | 788741100 |`: read with 518, the count was lost as
        an amount and 788741100 taken in 万元, ten thousand times the amount, at full confidence)?
        Then it is read with the next figure (`run`)."""
        if self.pos + 1 >= len(self.toks):
            return False
        nxt = self.toks[self.pos + 1]
        if nxt.empty or nxt.glued or self.doc.norm[tok.end:nxt.start].strip(" \t|\n"):
            return False
        after = parse_value(nxt.text) if len(nxt.text) < 40 else None
        if after is None or after.value is None or after.kind not in ("count", "amount") or after.unit not in (None, "万元"):
            return False  # (parse_value gives an amount written with its unit in 万元)
        kinds = self._kinds(t.table, t.row, self.idx.columns[(t.table, t.row)])
        k = len(t.values) - 1  # the column of the figure before, as the row's cells stand so far
        if t.values[-1][1] is GLUED:  # (its run may hold any number of the row's figures: all but the last column's)
            if kinds[-1] != "amount" or len(kinds) < 2:
                return False
        elif k >= len(kinds) or kinds[k] == "amount" or "amount" not in kinds[k + 1:]:
            return False
        if after.unit is None:
            self.unit_next = (self.pos + 1, tok, raw)
        # (else the next figure writes its own unit, `| 518 | 元 | 78874.11万 |`: the unit cell names it again)
        return True

    def _unit_ends_run(self, t: _Target, run: Tok, tok: Tok) -> bool:
        """Is the amount's unit `tok`, a space after the glued run `run` or opening the line after it
        (blank lines alone between), the end of that run — its last column an amount's, and no
        figure after the unit that it could be the unit of?"""
        if self.doc.norm[run.end:tok.start].strip():
            return False
        kinds = self._kinds(t.table, t.row, self.idx.columns[(t.table, t.row)])
        if kinds[-1] != "amount" or tok.line > run.line and self.doc.norm_lines[tok.line].lstrip()[:len(tok.text)] != tok.text:
            return False  # (on a line of its own, the unit opens it: words may follow it there, `元三、收到和处理…`)
        if self.pos + 1 < len(self.toks):
            nxt = self.toks[self.pos + 1]
            if nxt.glued or nxt.empty or _figure(nxt.text) or nxt.text[:1].isdigit():
                return False
        return True

    def _value(self, tok: Tok, parsed: Parsed) -> None:
        t = self.target
        if tok.empty and self.after_header and (t is None or not t.values) and not (
                t is not None and not t.row and not any(line == tok.line for _, line in self.head.cells)):
            # (an empty field after the header is none of a row's cells — but one that opens the line
            # of a row of no label is its first cell, a nought left blank: dropped, the review row's
            # figures were read from its first column, 1 as 行政复议 结果维持 at full confidence)
            return
        if t is None and (parsed.value is not None or parsed.kind == "blank" and not tok.empty and self._cells_go_on()) \
                and self._again_unlabelled():
            t = self.target
        elif t is None and parsed.kind == "blank" and not tok.empty:
            self._overflows(tok, tok)  # (an empty cell's mark after a full row: a cell too many)
        if t is None:
            if self.orphan is not None and parsed.value is not None and self._open() and self._label_ends_after():
                self._value(tok, parsed)
                return
            if self.orphan is not None and parsed.value is not None and self._open():
                o = self.orphan
                spec = self.idx.specs.get(self.cur_table) if self.cur_table else None
                if spec is not None and len(spec.blocks) == 1 and len(spec.blocks[0].columns) == 1:
                    # a row of the report's own (a statistics indicator the template does not
                    # list): kept, with its figure, as one of the table's other rows
                    s, e = (tok.start, tok.end) if self.identity else self._orig(tok)
                    self.other_rows.append(OtherRow(self.cur_table, o.text, parsed.value, self.doc.text[s:e],
                                                    self.orphan_unit, tok.line + 1, s, e))
                    self.consumed.update((o.line, tok.line))
                else:
                    self.warnings.append(
                        f"line {o.line + 1}: {o.text!r} is not a row of the {self.cur_table} table; "
                        f"its figures were not extracted"
                    )
                    self._overflows(o, tok)
                self.orphan = None
            return
        spec = self.idx.specs[t.table]
        if spec.unit_column and not t.unit_seen and not t.values and parsed.kind == "blank":
            t.unit_seen = True  # the unit cell, empty or a dash
            return
        if not t.row and t.values and tok.line != (last := t.values[-1][0]).line and last.empty and last.multi:
            # a row of no label whose line showed its cells to its end (its last one empty) ended
            # there: this line is another reading of it (a lone figure's line before the real row,
            # 3 | | … |, had taken the row's first figures into its empty cells, the rest dropped)
            self._finalize()
            t = self.target = _Target(t.table, (), None, CONF_EXACT)
        if self._awaits_number(t):
            if self._row_number(t, tok) is None:
                return
        if parsed.value is not None:
            self.after_header = False
        t.values.append((tok, parsed))
        self.last_active = self.pos
        if not t.row:  # the review table: one row of numbers, no label
            ncols = len(spec.blocks[0].columns)
            if len(t.values) >= ncols and not self._line_goes_on(tok) and not self._stream_goes_on(tok, ncols) \
                    and not self._cut_goes_on(tok):
                self._finalize()

    def _note_among_runs(self, tok: Tok) -> bool:
        """Is `tok` a number in brackets, (8), touching the current row's last glued run before it —
        or a note's 其中 right after that run (0002240 其中7件10550005) — with a glued run after it on
        its line?"""
        t, toks, k = self.target, self.toks, self.pos
        if t is None or not t.values or t.values[-1][1] is not GLUED:
            return False
        last, nxt = t.values[-1][0], toks[k + 1] if k + 1 < len(toks) else None
        if toks[k - 1] is not last or nxt is None or not nxt.glued or nxt.line != tok.line:
            return False
        return _BRACKETED.fullmatch(tok.text) is not None and last.end == tok.start or tok.text in _NOTE_LEADS

    def _alone(self, tok: Tok) -> bool:
        """Does `tok` (the current token) stand alone on its line?"""
        toks, k = self.toks, self.pos
        return (k == 0 or toks[k - 1].line != tok.line) and (k + 1 >= len(toks) or toks[k + 1].line != tok.line)

    def _cells_go_on(self) -> bool:
        """Does a figure or an empty cell's mark stand right after this token, on its line or the
        next (an empty cell's mark, then more: cells, not a line drawn under the table)?"""
        k = self.pos + 1
        if k >= len(self.toks):
            return False
        nxt = self.toks[k]
        return nxt.line <= self.toks[self.pos].line + 1 and not nxt.empty and _cell_mark(nxt.text)

    def _overflows(self, first: Tok, tok: Tok) -> None:
        """A cell after a row had its columns' worth — `tok`, an empty cell's mark right after it, or
        a figure after words (`first`, the token right after the row's last cell): when that row
        took words of a cell as one of its cells (`_no_figure`), the words may be no cell of it, its
        figures one column further on, the last this one — its reading is not sure: offered, not
        filled (`0 |[bold]` … `0 |[bold]` / `3 |`: the review row read with its first mark as a
        cell, the second ending it, the 3 lost, five cells a column early at full confidence). On
        the next line, or the one after an empty line: cells a blank line apart."""
        ended = self.rep.ended
        at = self.pos if first is tok else self.pos - 1
        if ended is None or at < 1 or self.toks[at] is not first or self.toks[at - 1] is not ended[2]:
            return
        table, row, last, values = ended
        if (table, row) in self.rep.contested or first.line > last.line + 2 or tok.line > first.line + 2 \
                or len(values) < len(self.idx.columns[(table, row)]) or not any(p is INVALID for _, p in values):
            return
        self.rep.contested.add((table, row))
        self.warnings.append(f"{table} {' / '.join(row)}: a cell after its row's end ({tok.text[:20]!r}, line "
                             f"{tok.line + 1}), and words taken as one of its cells: its cells may be read a column "
                             f"early; a reading of it that is not sure is offered, not filled")

    def _again_unlabelled(self) -> bool:
        """Figures right after a row of no label had its columns' worth (the review table given
        twice, the copy with other figures): a second reading of that row, begun here."""
        end = self.rep.unlabelled_end
        if end is None or end[1] >= self.pos or self.toks[self.pos].line > self.toks[end[1]].line + 1 \
                or not all(self.toks[k].empty for k in range(end[1] + 1, self.pos)):
            return False  # (right after it — past the empty fields that end its line: 7 |  |)
        self.target = _Target(end[0], (), None, CONF_EXACT)
        return True

    def _words_then_figures(self) -> bool:
        """Do a few words (不详, 约; or the same again, 见附件见附件), a note in brackets ((含转办5件)), a
        footnote's mark ([1]) or a number in brackets touching the figures before it (0(3)) — one or
        two of them — and then figures follow the current token on its line: the rest of its row,
        the words among its cells (`_in_row`)?"""
        toks, k = self.toks, self.pos + 1
        line = toks[self.pos].line
        for _ in range(2):
            if k + 1 >= len(toks):
                return False
            words, nxt = toks[k], toks[k + 1]
            if words.line != line or nxt.line != line or self._known(label_key(words.text)) or not (
                    len(words.text) <= 4 and not has_numbering(words.text) or _WORDS_AGAIN.fullmatch(words.text)
                    or _NOTE_IN_BRACKETS.fullmatch(words.text) or FOOTNOTE.fullmatch(words.text)
                    or _BRACKETED.fullmatch(words.text) and words.start == toks[k - 1].end
                    or words.text in _NOTE_LEADS and nxt.glued
                    or len(words.text) <= 20 and _NOTES_THEN_RUNS.fullmatch(words.text)):
                return False
            if nxt.glued or _figure(nxt.text) or len(nxt.text) <= 60 and _RUNS_THEN_WORDS.fullmatch(nxt.text):
                return True  # (figures, or a run with a word after it: 03（注1）10040余…)
            k += 1  # (a mark, then a word: 406[1]约0100…)
        return False

    def _known(self, key: str) -> bool:
        """Is `key` a label the template knows: a row's, a column header's, a group's?"""
        idx = self.idx
        return key in idx.rows or key in idx.headers or key in idx.groups

    def _line_goes_on(self, tok: Tok) -> bool:
        """Does a figure follow `tok` on its line? Then a row of no label that has its columns' worth
        is not complete: a stray figure came before it (a page's number between its header and its
        figures), and the row, with more values than columns, is left to the solver — cut at its
        count, it had read every cell one place off, at full confidence. (Empty cells between count
        for nothing: `… 8 | | 3 |` goes on past the empty one.)"""
        toks = self.toks
        for k in range(self.pos + 1, len(toks)):
            nxt = toks[k]
            if nxt.line != tok.line:
                return False
            if not nxt.empty:  # (or words a cell holds: 1(7), 约0, 不详 — the row's fields go on)
                return nxt.glued or _figure(nxt.text) or len(nxt.text) <= 20 and _words_cell(nxt.text)
        return False

    def _stream_goes_on(self, tok: Tok, ncols: int) -> bool:
        """In a layout of a cell a line: do a few figures, fewer than a row's worth, follow `tok`,
        each on a line of its own, before any words? Then, as on one line (`_line_goes_on`), a row
        of no label that has its columns' worth is not complete: a stray figure stood before it (a
        page's number between its header and its figures) or after it, and the row, with more
        values than columns, is left to the identities — cut at its count, it had read every cell
        one place off, at full confidence, and dropped its last figure unsaid. A row's worth or
        more is another reading of the row (`_again_unlabelled`)."""
        if tok.multi:
            return False
        toks = self.toks
        run = 0
        for k in range(self.pos + 1, len(toks)):
            nxt = toks[k]
            if nxt.multi:
                break
            if nxt.empty:
                continue
            if not (_figure(nxt.text) or run and _words_cell(nxt.text) and len(nxt.text) <= 4
                    and not self._known(label_key(nxt.text))):
                break  # (a cell of words among them, 15 / 见附件 / 0 …, is a cell of the row's copy)
            run += 1
            if run >= ncols:
                return False
        return run > 0

    def _cut_goes_on(self, tok: Tok) -> bool:
        """Does the figure `tok`, last on a line of several cells with no bar or tab closing it, go on
        at the next line's start — a figure alone there (`… | 8 | 1` / `1 |`: 11 cut by a line end,
        or a page's number after the row)? Then a row of no label that has its columns' worth takes
        it too, and the identities choose (`_cut_joins`): ended here, the row's total was read as
        the cut figure's first part at full confidence."""
        toks, k = self.toks, self.pos + 1
        if k >= len(toks) or not tok.multi or not _CUT_HEAD.fullmatch(tok.text):
            return False
        nxt = toks[k]
        if nxt.line == tok.line or nxt.empty or nxt.glued or not _CUT_TAIL.fullmatch(nxt.text) \
                or self.doc.norm[tok.end:nxt.start].strip():
            return False
        for j in range(k + 1, len(toks)):
            if toks[j].line != nxt.line:
                break
            if not toks[j].empty:
                return False
        return True

    def _text(self, tok: Tok) -> None:
        if self.pos == self.rest_at or self.pos <= self.skip_to:
            return  # the end of a label broken around its figures (_label_ends_after); header lines read
        raw = tok.text
        if len(raw) > MAX_ROW_CHARS and ("|" in raw or "\t" in raw):
            self.warnings.append(f"line {tok.line + 1}: a row of {len(raw):,} characters is too long to be a table "
                                 "row; its cells, if any, were not read")
        if len(raw) > 80:
            self._finalize()
            self.orphan = None
            return
        if raw[-1] in MARK_ENDS and not tok.multi and FOOTNOTE.fullmatch(raw) and self._alone(tok):
            return  # a footnote's mark alone on its line (a PDF's raised ① or * on a line of its own): no cell
        m = _CAPTION.search(raw) if "二十条" in raw else None
        if m and m.group(1) in self.idx.captions:
            table, block = self.idx.captions[m.group(1)]
            if self.target and self.target.table == table and self.cur_block == block and not self.target.values:
                return
            self._finalize()
            self.cur_block = block
            self._touch(table)
            self.after_header = True
            # a block's caption starts its own run of column headers: (五) and (六) name the same
            # columns, each block in its own order (行政处罚 read in (五)'s order, at full confidence)
            self.head.restart(table)
            self.consumed.add(tok.line)
            return
        if self.target is None and figure_in_words(raw) \
                and (self._line_goes_on(tok) or not tok.multi and self._figure_next()) and self._again_unlabelled():
            # words opening the line right after a row of no label, figures after them (3左右 0 0 0 3 …, or a
            # cell a line, 暂无 / 0 / 5 …): the first cell of another reading of that row — read as a row
            # the table lacks, the copy was lost and the first, which it contradicts, filled at full
            # confidence (or, breaking its totals, below the low-confidence line)
            self._no_figure(tok)
            return
        key = label_key(raw)
        if key[-2:] in _SERIAL_WORDS and (len(key) == 2 or self._header_next()):
            # a column of row numbers: the table its header names, below (glued to the table's
            # title before it: …情况统计表序号 / 统计指标)
            self.rep.serial_word = self.pos
            if self.after_header and self.head.cells and self.head.table is not None:
                self._serial_column(self.head.table)
        elif key in _SERIAL_AFTER_WORDS and self.after_header and self.head.cells and self.head.table is not None:
            self._serial_column(self.head.table, after=True)
        if self.target is not None and key.startswith(_NOTE_WORDS) \
                and _note_start(raw, self.toks[self.pos + 1] if self.pos + 1 < len(self.toks) else None, tok.line):
            # a note under the table (注：本表…, 备注：其中3件为2019年结转。): it ends the row — no cell
            # of it (read as the last row's cell of words, glued or short, it had left the row offered only)
            self._finalize()
            self.target = None
            self.pending_group = None
            self.orphan = None
            return
        if not key:
            if self._note_among_runs(tok):
                # a number in brackets glued between a row's runs of figures (规章0(8)4355), or 其中 (…0 其中7件
                # 1055…): a note of its figures, no row's numbering — read as one, the figures after it
                # were taken for the next row's, 4355 as 行政规范性文件's first cell at 0.9, or left out;
                # its cuts are unsure
                self.target.words = True  # type: ignore[union-attr]
                return
            if has_numbering(raw) and self._open():
                # a row's numbering alone (2. / 其他法律行政法规禁止公开, broken around its figures): a new row
                self._cut_short(tok)
                self._finalize()
                self.target = None
                self.orphan = tok
                self.orphan_unit = None
            return
        t = self.target
        if t is not None and t.values and raw in AMOUNT_UNITS and self.toks[self.pos - 1] is t.values[-1][0]:
            last, p = t.values[-1]
            if p is GLUED:
                if self._unit_ends_run(t, last, tok):
                    # the unit after the run, a space or a line end between, words after it
                    # (`政府集中采购518788741100` / `元` / `三、…`; `…收费831534500 元三、…`): the run's own,
                    # as if glued to it — read apart, the run was taken in 万元, ten thousand times the
                    # amount (filled at 0.9 for a row of one column; offered, a count of 51878874110 first)
                    t.values.append((Tok(raw, tok.start, tok.end, tok.line, False, False, True), GLUED))
                elif not self._unit_of_next(t, tok, raw):
                    # (a glued run, then the unit: which of its figures it is the unit of, or whether
                    # it is the next run's, nothing says — no cut of them is sure; read alone, the
                    # amount after it was taken in 万元 at 0.9)
                    t.words = True
                return  # (or read with the bare figure after it: `政府集中采购518` / `元` / `788741100`)
            if p.value is not None and p.unit is None and p.kind in ("count", "amount") \
                    and (joined := parse_value(last.text + raw)) is not None and joined.value is not None:
                # an amount's unit in the cell after it (`| 788741100 | 元 |`, a unit column after the
                # figures, or the unit cut from it by a line end): its unit — read apart, the figure
                # was taken in 万元, ten thousand times the amount, at full confidence
                if self._unit_of_next(t, tok, raw):
                    return
                t.values[-1] = (Tok(last.text + raw, last.start, tok.end, last.line, last.multi, False), joined)
                return
        heads = self.idx.headers.get(key)
        is_row = key in self.idx.rows
        # (a notes column's header after the table's own, …总计 备注, is a header word naming no
        # column, below — never a cell's words: glued, 备注0101… , the figures after it are the row's)
        if self.target is not None and heads is None and not is_row and raw not in _UNITS and raw not in AMOUNT_UNITS \
                and not (key in _NOTE_KEYS and self.after_header and self.head.cells) and self._in_row(tok, key):
            # words where a figure stands (不详, 见附件, 约17, 17[1]) among a row's figures, or
            # with a digit after its label: a cell that holds no figure, at its place — dropped, the
            # row's other figures would be placed as if an empty cell were missing
            return
        if (tok.multi and key in self.pieces or heads is None and not is_row and (" " in raw or key in self.starts)) \
                and self._header_line(tok):
            return
        # the end of the orphan's label broken over two lines (一、本年新收政府信息公开 / 申请数量 17 1 0 …;
        # 四、行政复议 / 数量 件 393, the end a column's header word alone): the row the two make exactly
        o = self.orphan
        joined = self._joined(o.text, raw) if o is not None and tok.line - o.line <= 2 and self._open() else None
        head = self.head
        if heads and self.after_header and head.cells and head.table == self.cur_table \
                and head.table is not None and head.table not in heads and self.pos + 1 < len(self.toks) \
                and not (is_row and any(r.table == head.table for r in self.idx.rows[key])) \
                and ((nxt := self.toks[self.pos + 1]).glued
                     or any(r.table == head.table for r in self.idx.rows.get(label_key(nxt.text), ()))
                     or self.idx.specs[head.table].unlabelled and (nxt.empty or _figure(nxt.text))):
            # another table's column word ending this table's header, its glued figures or its first
            # row right after it (…尚未审结总计其他0101…, 信息内容 处理决定数量 合计 / 行政许可; the
            # figures of a table of one unlabelled row, 总计 | 其他 / | 1 | 0 …): no switch of table
            # — a column this one lacks, whose figure its runs (its rows' fields) may end in
            head.beyond = raw
            self.consumed.add(tok.line)
            return
        if heads and not has_numbering(raw) and (not is_row or self.after_header or self.target is None or
                                        (self.cur_table in heads and self.idx.specs[self.cur_table].unlabelled)) \
                and not (is_row and self._numbered(tok)) and joined is None \
                and not (self.target is not None and self.cur_table not in heads and self._end_after(tok, self.pos + 1)):
            # (a row's label after its numbering alone, (七) / 总计, is no column's header; a column's
            # header among another table's rows is the start of a row's label when its end follows
            # its figures: 其他 3 0 3 / 对外管理服务事项)
            self.header_keys.add(key)
            t = self.target
            worded = False  # words among the header's cells, naming no column (维持 for 结果维持)
            if (t is not None and not t.row and t.values and t.table in heads
                    and len(t.values) < len(self.idx.specs[t.table].blocks[0].columns)):
                worded = any(not v.empty and not _figure(v.text) for v, _ in t.values)
                # figures among the header lines of a table with one unlabelled row are none of its
                # cells (a page's number, 3 / 5, where the page broke inside the header): said, dropped
                # — unless every column's header stands with its figure (_vertical)
                self.warnings.append(f"line {t.values[0][0].line + 1}: {' '.join(v.text for v, _ in t.values)!r} "
                                     f"stands among the {t.table} table's column headers; not read as its cells")
                if self.rep.vertical_table == t.table:
                    self.rep.vertical.append(("f", list(t.values), ""))
                t.values.clear()
            if self.target is not None and (self.target.values or self.target.row):
                self._finalize()
            table = next(iter(heads)) if len(heads) == 1 else (self.cur_table if self.cur_table in heads else None)
            if table is not None:
                self._touch(table)
                if not self.idx.specs[table].blocks[0].rows[0]:  # a table with one unlabelled row
                    if self.target is None or self.target.table != table:
                        self.target = _Target(table, (), None, CONF_EXACT)
            of = table if table is not None else self.cur_table
            if of is not None and self.idx.specs[of].unlabelled:
                if self.rep.vertical_table != of:
                    self.rep.vertical_table, self.rep.vertical = of, []
                self.rep.vertical.append(("h", key, raw))
            head = self.head
            if not self.after_header or of != head.table or head.stray and self._again(key):
                head.restart(of)  # (a header cell seen already after words that name no column: the header starts again)
            head.cells.append((key, tok.line))
            head.ends_unnamed = False
            if self.rep.serial_word >= 0 and of is not None:
                self._serial_column(of)
            if of is not None and key in _leaf_counts(self.template_id, of):
                # (a table of blocks, each with its header: the columns of the block the header is of)
                block = self.cur_block if self.idx.specs[of].headed_blocks else None
                label, most = _leaf_counts(self.template_id, of, block)[key]
                head.named[label] = seen = head.named.get(label, 0) + 1
                # one column named once more than the table has, by this last cell (…总计 合计): a
                # header of several lines that repeats a group's cells (a spanning cell's words set
                # again under it) names several more, and none last
                most_of = _leaf_most(self.template_id, of, block)
                head.beyond = raw if seen > most and sum(max(0, c - most_of.get(lab, 0))
                                                         for lab, c in head.named.items()) == 1 else ""
            head.tail = ""
            head.memo.clear()
            if worded:  # the header has cells it does not name: it says nothing of the columns a table lacks
                head.extra += 1
            if of is not None and self._one_column(of):
                # (统计数, 数量: the year's own column of figures; 本年度, 历年累计: header words of the template)
                mark = "this" if key in self._value_heads(of) or key in _VALUE_WORDS else _year_mark(key)
                if mark is not None:
                    head.years.append((mark, raw))
            self.after_header = True
            self.consumed.add(tok.line)
            self.orphan = None
            return
        hit = self._match_row(key, raw) if is_row or self._open() else None
        if joined is not None and joined != hit and (hit is None or hit[1] < CONF_EXACT or o.line == tok.line - 1):
            # the join wins over the end's own loose match (4.不同 / 意公开答复数 is 不同意公开答复数,
            # not 同意公开答复数) and over its exact one right after the start
            hit = joined
            self.consumed.add(o.line)
        if hit is not None and (hit[1] < CONF_EXACT or not (
                (last := self.pointer.get(hit[0].table, -2)) < hit[0].order <= last + 1 or last == -2)):
            # a start matched loosely, or another row's label out of the table's order (not the row
            # after the last one read), whose end follows its figures ((一)维持具体行政行为 / 件 61 /
            # 或者驳回原告诉讼请求数; 2.其他 1 0 … / 法律行政法规禁止公开, not 其他处理's row 其他): the
            # two are the row, exactly
            found = self._end_after(tok, self.pos + 1) if self.pos + 1 < len(self.toks) else None
            if found is not None:
                self._start(*found[0], tok)
                self.consumed.add(self.toks[found[1]].line)
                self.rest_at = found[1]
                return
        if hit is None and self._open():
            hit = self._in_groups(key)
        if hit is not None:
            self._start(*hit, tok)
            return
        groups = self.idx.groups.get(key)
        if groups:
            if groups[0][0] not in self.rep.serials and self.after_header and self._numbered_rows(tok):
                self.rep.serials[groups[0][0]] = _Serial()
            if (serial := self.rep.serials.get(groups[0][0])) is not None:
                if serial.after:
                    self._group_number(serial)
                else:
                    self._serial(groups[0][0], tok)
            self._finalize()
            self.target = None
            self.pending_group = (groups[0][0], tok.line)
            self.orphan = None
            return
        t = self.target
        if t is not None and not t.values:
            spec = self.idx.specs[t.table]
            if not t.unit_seen and ((raw in _UNITS or key in _UNITS or key in AMOUNT_UNITS) if spec.unit_column
                                    else key in AMOUNT_UNITS and self._amount_row(t)):
                # (a unit cell after the label: a statistics table's unit column, or an amount's
                # unit written before its figures, `行政事业性收费 | 元 | 159174500 |` — read apart, the
                # figure was taken in 万元, ten thousand times the amount, at full confidence)
                if key in AMOUNT_UNITS:  # (亿  元, spaced out to its cell's width: 亿元; 万 alone: 万元)
                    raw = {"万": "万元", "亿": "亿元"}.get(key, key)
                prev = self.toks[self.pos - 1]
                if prev is not t.label and prev.text + raw in _CUT_UNITS and not self.doc.norm[prev.end:tok.start].strip():
                    # a unit cut by a line end, its first character ending the line before (万 / 元),
                    # or spaced out to its cell's width (万  元): read as 元, the amount had been
                    # taken for yuan and filled a ten-thousandth of itself
                    raw = prev.text + raw
                t.unit = (tok, raw)
                t.unit_seen = True
                return
            if len(raw) <= 40 and t.label is not None and not has_numbering(raw) and not _marked_figure(raw) and (
                    t.unit is None or t.unit[0] is t.label or not WORD_CHAR.search(raw)):
                # (words after the row's unit cell are no rest of its label — the next row's label, one
                # the template does not know, or words in its figure's cell — nor is a figure with a
                # mark after it, its cell: read as its label's rest, the unknown row's figure after
                # them, 另有规定… / 件 / 146, was filled as this row's)
                # the rest of a label broken over two lines (never a numbered one: the next row's
                # label, its row not found, whose figures are not this row's); a start matched loosely is read again
                # with it ((一)维持具体行政行为 / 或者驳回原告诉讼请求数 is not 维持具体行政行为数)
                if t.conf < CONF_EXACT:
                    hit = self._joined(t.label.text, raw)
                    if hit is not None and (hit[0].table, hit[0].row) != (t.table, t.row):
                        self._start(*hit, t.label)
                        self.consumed.add(tok.line)
                        return
                if tok.multi and tok.line == t.label.line and _words_cell(raw) and self._figure_on_line():
                    # a word or two between the label and its figures on their line, cells a space apart
                    # (…政府信息公开申请 不详 0 0 0 0 0 22): the first cell's or the label's, nothing says —
                    # the row's figures offered (read as the label's, six figures for seven columns had 22
                    # cut into 2 | 2 to fill them, at 0.9)
                    self.target.words = True  # type: ignore[union-attr]
                return
        if raw in _UNITS:
            if self.after_header and self.head.cells and self.head.tail and self.target is None:
                self.head.tail += raw  # (a piece of header words cut at a unit: 本 / 期 / 数上)
            if self.orphan is not None:
                self.orphan_unit = raw
            return  # a unit cell of an unknown row: keep the row's label as the orphan
        if self.after_header and self.head.cells:  # a label among the column headers that names no column
            self.head.extra += 1
            # (a word like a column's, not a note or a sentence; a share's column, whose percentages
            # are read apart, and the label of a row of column numbers, 栏次 1 2 3, name no figures)
            # (nor words a cell holds, 暂无 / 0 / 0 …: the first cell of the row of no label after it)
            self.head.ends_unnamed = (_COLUMN_LIKE.fullmatch(key) is not None and key not in _SHARE_WORDS
                                      and key not in _NUMBERING_WORDS and key not in FIGURE_WORDS
                                      and not (self.head.table and _header_piece(self.template_id, self.head.table, key)))
            if self.head.table is not None and self._one_column(self.head.table):
                mark = _year_mark(key)
                glued = _year_marks(key)
                if glued:  # (several columns' words glued into one: 本年数上年数)
                    self.head.years.extend(glued)
                    self.consumed.add(tok.line)
                    return
                if mark is not None:
                    self.head.years.append((mark, raw))
                    self.consumed.add(tok.line)
                    return
                self.head.tail += key  # (words that are no column's mark whole: 本期数上期数 cut up, 本 / 期 / 数上)
            if key not in self.pieces:  # (not a piece of a header broken over lines: 法人或 / 其他 / 组织)
                self.head.stray = True
            if t is not None and not t.row and not t.values and len(raw) <= 40 and not has_numbering(raw):
                return  # (a table of one unlabelled row still waits for its figures: a page's running header —
                # not past a numbered heading or a sentence: a line of figures in the next section, a copy
                # of the row, was read as it at full confidence)
        if self._goes_on_past(tok):
            return
        cut = self._cut_by_words(tok)
        if t is not None and t.table in self.rep.serials and t.values and not cut:
            # a row the template does not list, its number ending the row before's figures — when
            # the next row's label has the number after it before it (not the heading after the table)
            s = self.rep.serials[t.table]
            if s.next is not None and not s.lost and not s.after and self._counted(s.next + 1, 1, 6):
                self._serial(t.table, tok)
        self._finalize()
        if len(raw) <= 20 and any(ch.isdigit() for ch in raw):
            self._overflows(tok, tok)  # (a figure in words after a full row, [b]7[/b]: a cell too many)
        self.target = None
        self.pending_group = None
        # (words that cut a row short are no label of figures after them: 规章 1 0（含转办4件） 132
        # 行政规范性文件 03129 — 132 is not 行政规范性文件's)
        self.orphan = tok if self._open() and len(raw) <= 40 and not cut else None
        self.orphan_unit = None

    def _cut_short(self, tok: Tok) -> None:
        """A numbering alone ((6), 3.) ends the current row on its own line, figures after it: the
        row's figures may go on past it (0 (6) 0 0 1 1: a note, not the next row's numbering), so
        the row, short of its columns, is offered, never filled — read to the numbering, its one
        figure had been placed as its total at 0.9."""
        t = self.target
        if t is None or not t.values or t.values[-1][0].line != tok.line or not self._short(t):
            return
        nxt = self.toks[self.pos + 1] if self.pos + 1 < len(self.toks) else None
        if nxt is not None and nxt.line == tok.line and (
                nxt.glued or (p := parse_value(nxt.text)) is not None and p.value is not None):
            self._left_open(t, tok, "with figures after it, may be a note among them")

    def _cut_by_words(self, tok: Tok) -> bool:
        """Words like a cell's (a digit in them, or a word or two: 0左右, 不详) right after the
        current row's last figure end it, short of its columns, not read as its cell: the row's
        figures may not be its first ones — offered, never filled (read as a row that dropped
        empty cells, 1左右 0 0 0 0 0左右 1左右 had its total placed as 0 at 0.9)."""
        t = self.target
        if t is None or not t.values or self.pos == 0 or self.toks[self.pos - 1] is not t.values[-1][0]:
            return False
        if tok.line > t.values[-1][0].line + 2 or len(tok.text) > 20 or not _words_cell(tok.text) or not self._short(t):
            return False
        self._left_open(t, tok, "holds no figure")
        return True

    def _goes_on_past(self, tok: Tok) -> bool:
        """Words that name nothing the template knows and number no row (a site's breadcrumb, 首页 >
        政务公开 > 年度报告; a page's running header), right after the figures of a row short of its
        columns, and then bare figures that fit the cells it lacks before the next label: the row
        may go on past them — read on over them, its figures offered, never filled (ended at the
        words, a requests row cut after its first cell had that figure placed as its total at 0.9,
        its other six dropped)."""
        t = self.target
        toks = self.toks
        if t is None or not t.values or toks[self.pos - 1] is not t.values[-1][0] or not self._furniture(tok, tok.line):
            return False
        lacks = len(self.idx.columns[(t.table, t.row)]) - len(t.values)
        if lacks < 1 or any(p is GLUED for _, p in t.values):
            return False
        k, last = self.pos + 1, tok.line
        while k < len(toks) and k <= self.pos + _FURNITURE_LINES and self._furniture(toks[k], last):
            last = toks[k].line  # (a page's furniture of several lines: its running header, then a breadcrumb)
            k += 1
        words_to, seen = k - 1, 0
        while k < len(toks) and seen <= lacks:
            nxt = toks[k]
            if nxt.line > last + 2 or nxt.glued or not (nxt.empty or _cell_mark(nxt.text) or _marked_figure(nxt.text)):
                break  # (a figure, an empty cell's dash, or either with a mark after it, 0[注], —[注], is a cell)
            seen, last = seen + 1, nxt.line
            k += 1
        if not 0 < seen <= lacks or k < len(toks) and toks[k].line == toks[k - 1].line and not has_numbering(toks[k].text) \
                and not self._known(label_key(toks[k].text)):
            return False  # (figures that words follow on their line: a row's of its own)
        self._left_open(t, tok, "name no row, and figures after them may be the row's; it is read on past them")
        self.skip_to = max(self.skip_to, words_to)
        return True

    def _furniture(self, tk: Tok, last: int) -> bool:
        """Is `tk` a line of words like the one `_goes_on_past` reads past, right after line `last`?"""
        return tk.line <= last + 2 and not tk.glued and not tk.empty and len(tk.text) <= 40 and not tk.text[:1].isdigit() \
            and parse_value(tk.text) is None and not has_numbering(tk.text) and not self._known(label_key(tk.text))
        # (no value of any kind: an empty cell's dash, —, is a cell the aligner reads, not words to pass)

    def _short(self, t: _Target) -> bool:
        """Is the row short of its columns — or glued, so that how many cells its runs hold is
        not known?"""
        return any(p is GLUED for _, p in t.values) or len(t.values) < len(self.idx.columns[(t.table, t.row)])

    def _left_open(self, t: _Target, tok: Tok, why: str) -> None:
        """The row's figures are offered, never filled (`tok`, after them, says `why`), said once."""
        if not t.words:
            t.words = True
            self.warnings.append(f"line {tok.line + 1}: {tok.text[:20]!r} after {' / '.join(t.row) or t.table}'s "
                                 f"figures {why}; the row's figures are offered, not filled")

    def _no_figure(self, tok: Tok, why: str = "stands where a figure should") -> None:
        """A cell of the current row that holds words, not a figure: blank at its place, said."""
        self.warnings.append(f"line {tok.line + 1}: {tok.text[:40]!r} {why}; its cell is left blank")
        self._value(tok, INVALID)

    def _in_row(self, tok: Tok, key: str) -> bool:
        """Read `tok` as a cell of the current row that holds no figure (`_cell_words`), if it is one."""
        t = self.target
        text = tok.text
        if len(text) > 20 or key in _UNITS or key in self.idx.groups or has_numbering(text):
            return False  # (a unit's cell, 件 — the caller's test takes most; a heading's numbering, 四、)
        toks = self.toks
        prev = toks[self.pos - 1] if self.pos else None
        nxt = toks[self.pos + 1] if self.pos + 1 < len(toks) else None
        if t.table in self.rep.serials and self._after_number(t):
            return False  # the label of a row the template does not list, after its number (4 | 政府公文… | 条 | 4072)
        if any(p is GLUED for _, p in t.values) or len(self.doc.norm_lines[tok.line]) > MAX_CELL_LINE:
            # a glued row (or a glued page's line, the whole report): short words between its
            # figures (0 0 0 0余 1 1余) leave its cuts unsure — offered, never filled
            took = self._glued_words(t, tok, text, prev, nxt)
            if took:
                t.past = tok  # (what it read past, after which more of it may come)
            return took
        if t.values and prev is t.values[-1][0] and prev.line == tok.line and t.values[-1][1].value is not None \
                and _NOTE_OF_FIGURE.fullmatch(text):
            return True  # a note of the figure before it, a space apart (0 其中7件 0 3): read past, as in its cell
        if not t.values and len(self.idx.columns[(t.table, t.row)]) == 1 and _words_cell(text) \
                and prev is not None and prev is (t.unit[0] if t.unit else t.label) and prev.line == tok.line \
                and (nxt is None or nxt.line != tok.line):
            # words ending the line of a row of one cell, after its label and unit (（三）其他情形数 件
            # 见附件): its cell, which holds no figure — read past, the row's figure written again
            # elsewhere (a copy, 154) was filled at full confidence
            self._no_figure(tok)
            return True
        if t.values and prev is t.values[-1][0] and prev.end == tok.start and t.values[-1][1].value is not None:
            # words touching the figure before them: its footnote's mark (17[1], 17（注1）), read
            # past; or words that make it no exact figure (17余, 17左右): the cell is left blank
            if not FOOTNOTE.fullmatch(text):
                merged = Tok(prev.text + text, prev.start, tok.end, tok.line, tok.multi, False)
                t.values.pop()
                self._no_figure(merged, "is no exact figure")
            return True
        if (nxt is not None and tok.end == nxt.start and nxt.line == tok.line and len(text) <= 4
                and (p := parse_value(nxt.text)) is not None and p.value is not None and self._cell_words(tok, True)):
            # words touching the figure after them (约2, 近30): one cell, no exact figure
            self.swallow = self.pos + 1
            self._no_figure(Tok(text + nxt.text, tok.start, nxt.end, tok.line, tok.multi, False), "is no exact figure")
            return True
        if self._cell_words(tok, any(ch.isdigit() for ch in text)):
            self._no_figure(tok)
            return True
        return False

    def _glued_words(self, t: _Target, tok: Tok, text: str, prev: Tok | None, nxt: Tok | None) -> bool:
        """`_in_row` in a glued row (or on a glued page's line): is `tok`, words or a mark, read
        past as the row's — right after its figures, its label or unit cell, or what it read past
        last (…03（注1）10040余140…)?"""
        after = t.values[-1][0] if t.values else (t.unit[0] if t.unit else t.label)
        if t.values and prev is not None and prev is t.past:
            after = prev  # (a mark, a note or words it read past, and then more of it)
        if _RUNS_THEN_WORDS.fullmatch(text) is not None and (
                not t.values and not t.row
                or after is not None and prev is after and tok.line == after.line
                and (not t.values or t.values[-1][1] is GLUED)):
            # a run of the row's figures, a word after it — its first, of a row of no label (the review
            # row's 00404105余…) or right after its label (属于国家秘密1001002余2.其他…), or one after its
            # figures (…03（注1）10040余140…): its figures, the word among them — its cuts unsure (read
            # as words, the run was lost: the row read from the next, 172340 filled as a total at 0.9;
            # or ended there, its first runs read as its totals alone; or, no reading of it at all,
            # its cells were solved from the table's other rows, which a copy of one had changed)
            # (several such runs in one token, 00余1560余004余: each its own, a cut between them)
            for run in _RUN_THEN_WORD.finditer(text):
                a, b = tok.start + run.start(1), tok.start + run.end(1)
                t.values.append((Tok(run.group(1), a, b, tok.line, False, False, True), GLUED))
            t.words = True
            return True
        if t.values and t.values[-1][1] is GLUED and prev is after and tok.line == after.line \
                and (notes := _NOTES_THEN_RUNS.fullmatch(text)) is not None and notes.start(1) < len(text) \
                and nxt is not None and nxt.line == tok.line \
                and (nxt.glued or _figure(nxt.text) or _RUNS_THEN_WORDS.fullmatch(nxt.text)):
            # notes and marks, then runs with words after them or a word, between the row's runs ((4)12余
            # before 205, 其中4件约 before 08): read past, the runs its figures — its cuts unsure (the row had
            # ended there, its first runs read as its totals alone at 0.9); notes and marks alone are read
            # past below, as in a cell
            for run in _RUN_THEN_WORD.finditer(notes.group(1)):
                a, b = tok.start + notes.start(1) + run.start(1), tok.start + notes.start(1) + run.end(1)
                t.values.append((Tok(run.group(1), a, b, tok.line, False, False, True), GLUED))
            t.words = True
            return True
        if t.values and prev is after and t.values[-1][1] is GLUED and _words_then_numbering(text):
            t.words = True  # words after its run glued to the next heading (…200000见附件四、…): its last cell's
            return False  # (and the heading read as ever)
        if t.values and prev is after and prev.end == tok.start and _NOTE_IN_BRACKETS.fullmatch(text) \
                and (nxt is None or nxt.line != tok.line or nxt.glued):
            return True  # a note in brackets after a run's last figure, 3（含转办5件）: read past, as in a cell
        if after is None or prev is not after or len(text) > 4 and not _RUNS_THEN_WORDS.fullmatch(text) \
                and not _WORDS_AGAIN.fullmatch(text) or tok.line != after.line:
            return False  # (but a run with a word after it, 000000余, or a cell's words glued to the
            # same words of the next, 见附件见附件: the row's, its figures unsure)
        if not t.values and len(self.idx.columns[(t.table, t.row)]) == 1 and _words_cell(text):
            self._no_figure(tok)  # the one cell of its row (…维持具体行政行为数件见附件(二)…)
            return True
        if nxt is not None and nxt.line == tok.line and (
                nxt.glued or (p := parse_value(nxt.text)) is not None and p.value is not None):
            t.words = True  # words among its figures
            return True
        if t.values and t.values[-1][1] is GLUED and (_words_cell(text) or _WORDS_AGAIN.fullmatch(text)):
            t.words = True  # words after its run, before the next label: its last cell's (…68010080暂无四、…)
            return True
        return False

    def _cell_words(self, tok: Tok, digit: bool) -> bool:
        """Is this text (no label the table knows) a cell of the current row that holds no figure?
        It stands on the row's line with a figure after it on that line — or, on a line of cells
        (`|`, tabs), at its end before the row is full — and either follows the row's first figure
        or, right after its label, has a digit in it (`digit`); or, in a table a cell a line, it
        stands between two of the row's figures."""
        t = self.target
        text = tok.text
        toks = self.toks
        if t.values and t.values[-1][0].line != tok.line:
            # a table a cell a line: between two of the row's figures, the row not full yet, and
            # no label's words (a row the template does not list, 小计, takes figures of its own)
            # (or after them, the row exactly one cell short)
            n = len(self.idx.columns[(t.table, t.row)])
            # (the next line, or the one after an empty line: cells a blank line apart)
            return (toks[self.pos - 1] is t.values[-1][0] and tok.line <= t.values[-1][0].line + 2
                    and _words_cell(text) and (len(t.values) == n - 1 or len(t.values) < n and self._figure_next()))
        if not t.values and t.label is not None and t.label.line != tok.line:
            # a table a cell a line: right after the row's label (or its unit cell), a figure next —
            # or the row's one cell (危及… / 件 / 27(5): read as nothing, a copy of the row elsewhere
            # with a figure was filled at full confidence)
            # (or words a cell holds, whatever follows: 行政许可 / 暂无 / 行政许可 / 517 / …, the row written
            # twice — read as nothing, the copy's 517 was filled at full confidence)
            before = t.unit[0] if t.unit is not None else t.label
            return (self.pos > 0 and toks[self.pos - 1] is before and tok.line <= before.line + 2
                    and _words_cell(text) and (self._figure_next() or len(self.idx.columns[(t.table, t.row)]) == 1
                                               or figure_in_words(text)))
        if not t.values and t.label is None:
            if not _words_cell(text):  # (a row of no label, the review table's: its first field, 7余 | 0 | …)
                return False
            if not tok.multi and figure_in_words(text) and self.after_header \
                    and self._figure_next() and self.pos + 1 < len(self.toks) and self.toks[self.pos + 1].line != tok.line:
                # its first cell in a table a cell a line, a figure next (暂无 / 0 / 0 …; words a cell
                # holds, no page's running header or number, 第3页): read as a header's word naming no
                # column, the row had a cell too few, its figures placed by guess — a column off where
                # the identities allowed, at 0.9
                return True
        elif not t.values and not digit and not (
                tok.multi and _words_cell(text) and ("|" in (ln := self.doc.norm_lines[tok.line]) or "\t" in ln)):
            return False  # (right after its label: a digit in it, or a word or two in a line of cells)
        if self._figure_on_line():
            return True
        # the last cell of a line of cells — or one past the row's columns, on the line of its
        # figures: a field too many, so the row is read as one with more fields than columns, never
        # by place with the words dropped (26 |  | 0 | 0 | 0 | 5 | 约0 | 约31 |)
        # (or its first, right after its label, a digit in it and cells after it: 49(4) | 0(7) — read as
        # nothing, the row had no reading, and a copy of it elsewhere, 暂无 | 1, was filled at full confidence)
        line = self.doc.norm_lines[tok.line]
        return tok.multi and ("|" in line or "\t" in line) and (
            bool(t.values) and (len(t.values) < len(self.idx.columns[(t.table, t.row)]) or t.values[-1][0].line == tok.line)
            or not t.values and t.label is not None and digit and self._line_goes_on(tok))

    def _figure_on_line(self) -> bool:
        """Does a figure stand after the current token on its line?"""
        toks, line = self.toks, self.toks[self.pos].line
        for k in range(self.pos + 1, len(toks)):
            if toks[k].line != line:
                return False
            if len(toks[k].text) < 40 and (p := parse_value(toks[k].text)) is not None and p.value is not None:
                return True
        return False

    def _figure_next(self) -> bool:
        """In a table a cell a line: does a figure follow the current token, past other cells of
        words (见附件 / 见附件 / 18), each on the next line?"""
        toks = self.toks
        line = toks[self.pos].line
        for k in range(self.pos + 1, min(len(toks), self.pos + 8)):
            nxt = toks[k]
            if nxt.line > line + 2:  # (the next line, or the one after an empty line)
                return False
            if (p := parse_value(nxt.text)) is not None and p.value is not None:
                return True
            if not _words_cell(nxt.text) or self._known(label_key(nxt.text)):
                return False
            line = nxt.line
        return False

    def _again(self, key: str) -> bool:
        """Is `key` a column header the current run holds already, and not one that stands under
        several groups (总计)? The table's header starts again (a caption's words read as its cells,
        行政复议、行政诉讼情况, a sentence, then the header itself)."""
        return any(k == key for k, _ in self.head.cells) and key not in _shared_labels(self.template_id)

    def _in_groups(self, key: str) -> tuple[RowRef, float] | None:
        """A row's label after its groups' on one line, with no figure to cut them by (三、本年度办理结果
        （一）予以公开, its figures on the next line; （三）不予公开 1.属于国家秘密): the row of those
        groups whose label the rest is, exactly."""
        groups = self.idx.groups
        if key[:2] not in _group_starts(self.template_id):
            return None
        path: list[LabelPath] = []
        rest = key
        while len(path) < 3:
            g = next((g for g in groups if len(g) < len(rest) and rest.startswith(g)), None)
            if g is None:
                break
            path.append(next((p for tb, p in groups[g] if tb == self.cur_table), groups[g][0][1]))
            rest = rest[len(g):].lstrip("0123456789")  # (the row's own numbering after its group's: 无法提供 1.本机关…)
        refs = self.idx.rows.get(rest) if path else None
        if not refs:
            return None
        inner = path[-1]
        refs = [r for r in refs if r.table == self.cur_table and r.row[:len(inner)] == inner]
        return (refs[0], CONF_EXACT) if len(refs) == 1 else None

    def _start(self, ref, conf: float, tok: Tok) -> None:
        """The row `ref` begins at its label `tok`: the figures after it are its cells."""
        t = self.target
        if t is not None and t.table == ref.table and t.row == ref.row and not t.values:
            return  # the same label again (a spanned HTML cell)
        self.rep.serial_word = -1
        guessed = self._guessed(ref)
        serial = self.rep.serials.get(ref.table)
        if serial is None and self.after_header and self._numbered_rows(tok):
            serial = self.rep.serials[ref.table] = _Serial()
        if serial is not None and not serial.after:
            self._serial(ref.table, tok)
        self._finalize()
        if self.pending_group is not None and self.pending_group[0] == ref.table:
            self.consumed.add(self.pending_group[1])  # a group label followed by its rows
        self.pending_group = None
        self.target = _Target(ref.table, ref.row, tok, conf, words=bool(self.rep.label_tail) and conf < CONF_EXACT)
        if self.target.words and self.rep.label_tail in AMOUNT_UNITS and self._amount_row(self.target):
            # an amount's unit after the label (`行政事业性收费 元`, its cell's separator lost): the row's
            # unit, no cell of words (read as one, the figure was taken in 万元 at 0.8)
            self.target.unit, self.target.unit_seen, self.target.words = (tok, self.rep.label_tail), True, False
        if self.target.words and len(self.idx.columns[(ref.table, ref.row)]) == 1 and " " in tok.text:
            # a row of one cell whose label, unit and words came as one (（三）其他情形数 件 见附件): the
            # words its cell's, which holds no figure — a copy of the row elsewhere with a figure (154)
            # had been filled at full confidence
            last = tok.text.rsplit(None, 1)[1]
            if _words_cell(last) and label_key(last) not in _UNITS and self.rep.label_tail.endswith(label_key(last)):
                self.rep.label_tail = ""
                self._no_figure(Tok(last, tok.end - len(last), tok.end, tok.line, tok.multi, False))
        if guessed:
            self.target.words = True
            self.warnings.append(f"line {tok.line + 1}: {tok.text[:40]!r} names a row of several groups, none of them "
                                 f"expected here; its figures are offered, not filled")
        if serial is not None and serial.lost:
            self.target.words = True  # (its figures may end in the next row's number: no cut of them is sure)
        elif self.target.words and self.rep.label_tail:
            self.warnings.append(f"line {tok.line + 1}: {tok.text[:40]!r} is a row's label with {self.rep.label_tail!r} "
                                 f"after it, a cell that holds no figure; its figures are offered, not filled")
        self.rep.label_tail = ""
        self.row_notes.setdefault((ref.table, ref.row), f"no figure on the row (its label is on line {tok.line + 1})")
        self.pointer[ref.table] = ref.order
        if ref.row and ref.row[0] != self.cur_block and self.cur_block is not None:
            spec = self.idx.specs[ref.table]
            if any(b.label for b in spec.blocks):
                self.cur_block = ref.row[0]
        self._touch(ref.table)
        self.after_header = False
        self.orphan = None

    def _header_next(self) -> bool:
        """Is the next token a column's header word?"""
        return self.pos + 1 < len(self.toks) and label_key(self.toks[self.pos + 1].text) in self.idx.headers

    def _numbered_rows(self, label: Tok) -> bool:
        """Do the table's rows open with their numbers though its header names no such column (its
        序号 lost): the first label right after the header has a 1 alone before it, and the next two
        rows' labels 2 and 3 — each alone, or at the end of the row before's figures?"""
        toks = self.toks
        at = self.pos
        return (at > 0 and toks[at] is label and toks[at - 1].text.lstrip(_DASH_STRIP) == "1"
                and toks[at - 1].line >= label.line - 2 and self._counted(2, 2, 120))

    def _counted(self, want: int, need: int, reach: int, after: bool = False) -> bool:
        """Do the next `need` labels after the current token (within `reach` tokens) each have the
        next row number — `want`, `want` + 1, … — before them, alone or ending the figures before
        (or, `after`, right after a row's label, alone or opening its glued run)?"""
        toks = self.toks
        for j in range(self.pos + 1, min(len(toks) - after, self.pos + reach)):
            tk = toks[j]
            text = tk.text
            if tk.empty or tk.glued or _TRAILING_DIGITS.search(text) or text in _UNITS:
                continue
            key = label_key(text)
            if not key or key in self.idx.headers or _CAPTION.search(text):
                continue  # (a block's caption and header between its rows)
            if after:
                if key not in self.idx.rows:
                    continue  # (a group's label: its number after it is not counted here)
                if not _opens_with_number(toks[j + 1], want):
                    return False
            else:
                prev = toks[j - 1]
                if _TRAILING_DIGITS.search(prev.text) is None or prev.line < tk.line - 2:
                    continue  # (a group's label and its first row's: one number before both)
                if not _ends_in_number(prev, want):
                    return False
            want += 1
            need -= 1
            if not need:
                return True
        return False

    def _after_number(self, t: _Target) -> bool:
        """In a table whose rows open with their numbers: is the current row's last field, right
        before the current token, the next row's number?"""
        s = self.rep.serials[t.table]
        if s.next is None or s.lost or s.after or not t.values or self.toks[self.pos - 1] is not t.values[-1][0]:
            return False
        return _ends_in_number(t.values[-1][0], s.next)

    def _awaits_number(self, t: _Target) -> bool:
        """Is `t` a row, no figure read yet, of a table whose rows have their numbers after their
        labels (行次), its number not read: its first field is that number (_row_number)?"""
        if t.values or t.numbered or not t.row:
            return False
        s = self.rep.serials.get(t.table)
        return s is not None and s.after

    def _row_number(self, t: _Target, tok: Tok) -> Tok | None:
        """The first field after the label of a row of a table whose rows have their numbers after
        their labels (行次): None when it is the number alone; the rest of a glued run that starts
        with it (规章 13437… : row 1, then 3437…); else `tok` itself, the count lost — the row and
        every later one of the table offered, never filled."""
        s = self.rep.serials[t.table]
        t.numbered = True
        if s.lost:
            return tok
        text = tok.text
        for want in s.wants():
            w = str(want)
            if _opens_with_number(tok, want) and (text == w or s.next is not None or self._counted(2, 2, 120, after=True)):
                # (the first glued to the row's figures is the count's only when rows 2 and 3 start so too)
                s.next, s.restart = want + 1, False
                if text == w:
                    return None
                rest = text[len(w):].lstrip(" ")
                return Tok(rest, tok.end - len(rest), tok.end, tok.line, tok.multi, False, tok.glued)
        s.lost = True
        self._left_open(t, tok, f"does not start with the row's number the {t.table} table counts (行次)")
        return tok

    def _group_number(self, s: _Serial) -> None:
        """A group's label in a table whose rows have their numbers after their labels: the number
        after it (一、主动公开情况 | 1 | —) is counted."""
        if s.lost or self.pos + 1 >= len(self.toks):
            return
        text = self.toks[self.pos + 1].text.rstrip(_DASH_STRIP)
        for want in s.wants():
            if text == str(want):
                s.next, s.restart = want + 1, False
                return

    def _serial_column(self, table: str, after: bool = False) -> None:
        """The header of `table` has a column of row numbers (序号) before its labels (or, `after`,
        between its labels and its figures: 行次)."""
        s = self.rep.serials.get(table)
        if s is None:
            self.rep.serials[table] = _Serial(after=after)
        elif s.next is not None:
            s.restart = True  # (a block's header again: its rows may be numbered from 1 again)

    def _serial(self, table: str, label: Tok) -> None:
        """A row (or a group) of `table`, whose rows open with their numbers, starts at `label`: the
        number before it is taken off the row before's figures — a field of its own, or the end of
        its glued run (…条2163 1.主动公开… : 216, and 3) — when it is the one the count expects; else
        the count is lost, and that row and every later one of the table are offered, never filled."""
        s = self.rep.serials[table]
        if s.lost:
            return
        toks = self.toks
        at = self.pos if toks[self.pos] is label else -1
        # the number: right before the label, or before a group's label or a numbering alone between
        # (5 | （三）不予公开 | 1.属于国家秘密)
        # (each a line or two from the next: one cell a line, an empty line between)
        k = at - 1
        while k >= 0 and at - k <= 3 and toks[k].line >= toks[k + 1].line - 2 and not _TRAILING_DIGITS.search(toks[k].text):
            k -= 1
        t = self.target
        cand = toks[k] if at > 0 and k >= 0 and at - k <= 3 and toks[k].line >= toks[k + 1].line - 2 else None
        own = cand is not None and t is not None and t.table == table and bool(t.values) and t.values[-1][0] is cand
        if cand is not None and k == s.at:
            return  # (the group's label before this row took the number: 3 | 三、本年度办理结果 | （一）予以公开)
        text = cand.text if cand is not None else ""
        n = None
        if cand is not None and (m := _TRAILING_DIGITS.search(text)):
            if s.next is None:  # the first: a field of its own (its empty cell's dash before it, —2)
                n = int(m.group()) if not own and _serial_front(text[:m.start()], False) else None
            else:
                n = next((w for w in s.wants() if _ends_in_number(cand, w)), None)
        if n is None:
            if s.next is None and not own:
                return  # (no number yet: the count starts at the first)
            if s.next is None and not text.endswith(("1", "2")):
                # no number before the first row nor after its figures: the header names a column
                # the report leaves empty — the rows are read as any table's
                del self.rep.serials[table]
                return
            s.lost = True
            if own:
                self._left_open(t, cand, f"ends in no number the {table} table's row numbers (序号) count "
                                         f"({s.next if s.next is not None else 'the first'} expected)")
            return
        if own:
            head = text[:len(text) - len(str(n))].rstrip(" ")
            t.values.pop()
            if head:  # the row's own figures (glued), or a dash: its last cell empty
                rest = Tok(head, cand.start, cand.start + len(head), cand.line, cand.multi, False, cand.glued)
                t.values.append((rest, GLUED if cand.glued and not set(head) <= _DASH_MARKS else parse_value(head) or BLANK))
        s.next = n + 1
        s.restart = False
        s.at = k

    def _label_ends_after(self) -> bool:
        """Does the orphan's label end on a line after the figures that follow it? A label cell
        broken over two lines, its figures beside the first or on a line between (text taken from
        a PDF: 其他对外 3 0 3 / 管理服务事项, or 其他对外 / 3 0 3 / 管理服务事项): the row starts at its
        first figure when the two parts make a row's label exactly, and the second part is passed
        over (`rest_at`)."""
        o = self.orphan
        found = self._end_after(o, self.pos + 1)
        if found is None:
            return False
        hit, k = found
        self._start(*hit, o)
        self.consumed.update((o.line, self.toks[k].line))
        self.rest_at = k
        return True

    def _joined(self, start: str, end: str):
        """The row whose label the two parts of a label broken over two lines make exactly, as
        (ref, confidence), or None (two parts joined and matched loosely could be any row)."""
        key = label_key(start + end)
        if key in self.idx.rows:
            return self._match_row(key)
        return self._in_groups(key) if self._open() else None  # (三、本年 / 度办理结果 （一）予以公开)

    def _numbered(self, tok: Tok) -> bool:
        """Is the orphan before `tok` a numbering alone, on its line or the line before ((七) / 总计)?"""
        o = self.orphan
        return o is not None and tok.line - o.line <= 1 and not label_key(o.text)

    def _end_after(self, start: Tok, k: int):
        """(the row, the index of its label's end) when the tokens from `k` are figures (and
        units) and then, on the next line at most, the end of the label `start` begins: the two
        make a row's label exactly. Else None — and for an end with a numbering of its own."""
        toks = self.toks
        last = toks[k - 1].line
        while k < len(toks):
            tk = toks[k]
            if tk.line > last + 1:
                return None
            if tk.glued or tk.text in _UNITS or (len(tk.text) < 40 and parse_value(tk.text) is not None):
                last = tk.line
                k += 1
                continue
            break
        else:
            return None
        rest = toks[k]
        if rest.line - start.line > 3 or has_numbering(rest.text):
            return None  # (a numbered label is a row's own: 1.当面申请数 after （一）收到申请数 423 is the next row)
        hit = self._joined(start.text, rest.text)
        return None if hit is None else (hit, k)

    def _words(self, k: int) -> tuple[list[str], int] | None:
        """The words of the line whose first token is toks[k] — its cells (`|`, tabs), or its words
        one space apart —, and the index of its last token; None past the end, or for a line that
        holds a figure or is too long to be headers."""
        toks = self.toks
        if k >= len(toks):
            return None
        tok = toks[k]
        if not tok.multi:
            if tok.glued or len(tok.text) > 80 or _figure(tok.text):
                return None
            return tok.text.split(" "), k
        words = []
        j = k
        while j < len(toks) and toks[j].line == tok.line:
            t = toks[j]
            if t.glued or len(t.text) > 80 or _figure(t.text):
                return None
            if t.text:
                words.append(t.text)
            j += 1
        return words, j - 1

    def _header_line(self, tok: Tok) -> bool:
        """A line of column headers that is not one cell a token: read here, or False.

        Words one space apart that are each a column header (結果维持 结果纠正 …, text taken from a
        PDF) are each read as a header cell; a sentence with spaces is not. Headers wrapped in their
        cells (a table of narrow columns: 结果 结果 其他结果 尚未 总计 / 维持 纠正 审结), one space or a
        cell apart: the line's words are starts of header cells and each next line's words, in
        order, the ends of some of them. When one way of joining them, and only one, makes every
        cell a column header of one table, the headers so made are read; else, when every word is a
        piece of a header and a whole one names one table, the line is that table's header whose
        cells are not known (the template's order)."""
        if tok is not self.toks[self.pos] or tok.multi and self.pos and self.toks[self.pos - 1].line == tok.line:
            return False  # (a line of cells is looked at from its first; the cells it gives are read as they are)
        got = self._words(self.pos)
        if got is None:
            return False
        parts, k = got
        headers = self.idx.headers
        keys = [label_key(p) for p in parts]
        if len(parts) < 2 and not (keys[0] in self.starts and keys[0] not in headers):
            return False  # (one word: the start of a header cell alone on its line, 法人或其他组 / 织 自然人 总计)
        if all(q in headers for q in keys if q) or (
                all(q in headers or _year_mark(q) is not None for q in keys if q) and any(q in headers for q in keys)
                and all(self._one_column(t) for q in keys if q in headers for t in headers[q])):
            # whole headers, a cell a token, read as they come — among them the years a one-column
            # table's header may give its figures (统计指标 单位 统计数 上年数: the report year's, read)
            if tok.multi:
                return False
            pos = tok.start
            for p in parts:
                if p:
                    self._text(Tok(p, pos, pos + len(p), tok.line, True, False))
                pos += len(p) + 1
            return True
        starts, pieces = self.starts, self.pieces
        if len(parts) > 24 or not all(q in pieces for q in keys if q):
            return False
        cells: list[str] | None = [k for k in keys if k]
        line = tok.line
        ways: set[tuple[str, ...]] = set()  # every whole reading of pieces joined more than one way
        if not all(c in starts for c in cells):  # type: ignore[union-attr]
            cells = None
        while cells is not None and not all(c in headers for c in cells):
            got = self._words(k + 1)
            if got is None or self.toks[k + 1].line != line + 1:
                cells = None
                break
            ends = [label_key(e) for e in got[0]]
            if not all(e in pieces for e in ends):
                cells = None
                break
            cells = _join_ends(cells, ends, headers, starts, ways)
            k, line = got[1], line + 1
        tables = set.intersection(*(headers[c] for c in cells)) if cells is not None else set()
        if len(tables) > 1 and self.cur_table in tables:
            tables = {self.cur_table}
        start = tok.start
        if len(tables) != 1:  # pieces that cannot be joined for sure: the header of the table a whole one names
            named = {t for q in keys for t in headers.get(q, ())}
            if len(named) > 1 and self.cur_table in named:
                named = {self.cur_table}
            if len(named) != 1:
                return False
            table = next(iter(named))
            self._text(Tok(next(p for p, q in zip(parts, keys) if table in headers.get(q, ())), start, tok.end,
                           tok.line, True, False))
            self.head.extra += 1
            spec = self.idx.specs[table]
            if not (_in_order(spec, [q for q in keys if q in starts])
                    and (not ways or any(_in_order(spec, list(w)) for w in ways))) or self._skewed(spec):
                # its cells' starts, every way of joining its pieces, or another line of its header,
                # stand in another order than the template's: no row is read by the template's order,
                # nor by an order its pieces do not give for sure (a way in the template's order
                # among others is no evidence against it: a short cell set in the middle of a tall
                # row, 其他, fits anywhere)
                self._disorder(table, tok)
            self.consumed.add(tok.line)
            return True
        for c in cells:  # type: ignore[union-attr]
            self._text(Tok(c, start, tok.end, tok.line, True, False))
        self.consumed.update(range(tok.line, line + 1))
        self.skip_to = k
        if self.head.extra and self.head.table in tables and self._skewed(self.idx.specs[self.head.table]):
            self._disorder(self.head.table, tok)  # (a line before it was pieces: the template's order is out)
        return True

    def _skewed(self, spec) -> bool:
        """Does a line of the current run of headers give its cells out of the template's order?"""
        by_line: dict[int, list[str]] = {}
        for key, line in self.head.cells:
            by_line.setdefault(line, []).append(key)
        return not all(_in_order(spec, keys) for keys in by_line.values())

    def _disorder(self, table: str, tok: Tok) -> None:
        """The current run of headers is pieces out of the template's order: its rows stay blank, said once."""
        if not self.head.disorder:
            self.head.disorder = True
            self.warnings.append(f"line {tok.line + 1}: the {table} table's header is broken into pieces that "
                                 f"cannot be joined for sure, and its columns are not in the template's order; "
                                 f"its rows are left blank")

    # ------------------------------------------------------------------ placing values
    def _finish(self) -> None:
        self._finalize()

    def _put(self, table: str, row: LabelPath, col: LabelPath, tok: Tok, parsed: Parsed, conf: float, unit: str | None,
             method: str = "table") -> None:
        if self.identity:
            start, end = tok.start, tok.end
        else:
            start, end = self._orig(tok)
        key = (table, row, col)
        kind, default_unit = self.idx.cellinfo[key]
        why = None
        if kind != "amount" and parsed.value is not None and parsed.kind != "count":  # (a count fits: most cells)
            what = unfit(parsed.value, kind, parsed)
            if what is not None:  # 2.936 (a thousands separator written as a point), -1, 增2, 50%, 1万元
                thousands = what == "no whole number" and _POINT_THOUSANDS.fullmatch(tok.text.strip())
                why = (f"the table writes {tok.text[:20]!r} here, which is no whole number"
                       + (" (a thousands separator written as a point?)" if thousands else "")
                       if what == "no whole number" else f"the table writes {tok.text[:20]!r} here, {what}, where a "
                       "count stands")
                parsed = INVALID
                self.warnings.append(f"line {tok.line + 1}: {tok.text[:20]!r} under {' / '.join(col)} is {what}"
                                     + ("" if what == "no whole number" else ", not a count") + "; the cell is left empty")
            elif isinstance(parsed.value, float):  # (17.0, as a spreadsheet writes a count)
                parsed = Parsed(int(parsed.value), parsed.unit, kind)
        pu = parsed.unit
        if kind == "amount":
            value_unit = pu or ("万元" if parsed.value is not None else None)
            if pu is None and unit in ("元", "亿元", "亿") and parsed.value is not None:
                # (the row's unit cell says 元: the figure in 万元, as the template writes amounts, not 53230 万元)
                parsed, unit = Parsed(in_wan(parsed.value, unit), "万元", "amount"), "万元"
            elif pu is not None:
                unit = None  # (the cell's own unit, 5.3万, over its row's unit cell)
            elif parsed.value is not None and unit is None:
                if self.rep.in_yuan is None:
                    self.rep.in_yuan = _columns_in_yuan(self.doc.norm, self.template_id)
                if col[-1] in self.rep.in_yuan:  # (its header says 元: 53230 is 5.323 万元)
                    parsed, unit = Parsed(in_wan(parsed.value, "元"), "万元", "amount"), "万元"
        else:
            value_unit = pu if pu is not None and pu != "%" else None
            if unit in AMOUNT_UNITS and not self.idx.specs[table].unit_column:
                unit = None  # (an amount's unit written for the row, `政府集中采购 | 元 | 518 | …`: not the count's)
        if unit is None:
            unit = value_unit if value_unit is not None else default_unit
        cell = Cell(table, row, col, parsed.value, self.doc.text[start:end], unit, tok.line + 1, start, end, conf,
                    method=method, reason=why or f"the table writes {tok.text[:20]!r} here, not a figure"
                    if parsed is INVALID else None)
        if parsed is INVALID:
            self.rep.unknown.add(key)
        old = self.cells.get(key)
        if old is not None:
            seen = self.rep.conflicts.get(key)
            words = parsed is INVALID  # (words where a figure stands: against a figure, no figure is sure)
            if seen is not None:
                old = seen[0]
                if cell.value is None and not words or any(c.value == cell.value and c.raw == cell.raw for c in seen):
                    return
                seen.append(cell)
            elif old.value == cell.value and (not words or old.raw == cell.raw) or cell.value is None and (
                    not words or old.value is None):
                if old.value == cell.value:
                    self.rep.confirmed.add(key)  # (read again, the same)
                return
            elif old.value is None and key not in self.rep.unknown:
                self.cells[key] = cell
                return
            else:
                self.rep.conflicts[key] = [old, cell]
            # the same cell given two figures (a table repeated with other figures, a row's label
            # matched twice): which is the report's, nothing says — blank, both offered, enter taking neither
            self.warnings.append(
                f"{table} {' / '.join(row)} / {' / '.join(col)}: line {old.line} says {old.raw}, line {cell.line} "
                f"says {cell.raw}; left blank with both offered"
            )
            return
        self.cells[key] = cell
        self.consumed.add(tok.line)

    def _conflicted(self, final: bool = False) -> None:
        """Each cell given different figures: blank, its figures as candidates, first as read —
        or, at the end (`final`), the one figure of them that keeps every identity of its table
        whose other cells are all known, when the others each break one (filled as the identities
        decide, CONF_SOLVED). At the end, too, a cell of a row that stands again with its figures
        written otherwise (`contested`), which its other reading did not give again for sure, is
        in doubt as well: blank, its one figure offered."""
        if final:
            for table, row in self.rep.contested:
                for col in self.idx.columns[(table, row)]:
                    key = (table, row, col)
                    c = self.cells.get(key)
                    if c is not None and c.value is not None and key not in self.rep.conflicts \
                            and key not in self.rep.confirmed and c.confidence >= CONF_SOLVED:
                        self.rep.conflicts[key] = [c]
        kept_of: dict = {}  # (each is decided with every other conflict's cell unknown: none depends on another)
        if final:
            for key, seen in self.rep.conflicts.items():
                figures = [c for c in seen if c.value is not None]
                if (kept := self._kept_by_identities(key, figures, len(figures) < len(seen))) is not None:
                    kept_of[key] = kept
            lines: dict = {}
            for key, (c, _) in kept_of.items():
                lines.setdefault(key[:2], set()).add(c.line)
            # (rows with a cell the copies write otherwise and nothing decides; a cell offered with its
            # one reading, the other copy silent there, leaves no copy against another)
            open_rows = {key[:2] for key, seen in self.rep.conflicts.items() if key not in kept_of and len(seen) > 1}
            for (table, row), at in lines.items():
                if len(at) > 1 or (table, row) in open_rows:
                    # the identities keep figures of different copies of the row, cell by cell — a mix
                    # that no line writes — or keep some of its cells in doubt and not others: no copy
                    # is borne out whole, nothing of it is filled (a copy's 总计 1 kept by its column's
                    # identity beside the other copy's 0s, which its own row's breaks; a copy's 1 kept
                    # so, its other changed cells left in doubt: each at 0.9)
                    for key in [k for k in kept_of if k[:2] == (table, row)]:
                        del kept_of[key]
                    which = (f"figures of different copies of the row (lines {', '.join(map(str, sorted(at)))}), "
                             "which no line writes together" if len(at) > 1 else
                             f"some of the cells its copies write otherwise (from line {min(at)}), not all")
                    self.warnings.append(f"{table} {' / '.join(row)}: the identities keep {which}; none is filled")
        for key, seen in self.rep.conflicts.items():
            first = seen[0]
            figures = [c for c in seen if c.value is not None]  # (words where a figure stands offer none)
            share = round(1 / len(figures), 3)
            kept = kept_of.get(key)
            if kept is not None:
                c, titles = kept
                self.cells[key] = Cell(c.table, c.row, c.column, c.value, c.raw, c.unit, c.line, c.start, c.end,
                                       CONF_SOLVED, (), c.method)
                self.rep.decided[key] = titles
                which = f"of its {len(figures)} figures only" if len(figures) > 1 else "its one figure"
                self.warnings.append(f"{key[0]} {' / '.join(key[1])} / {' / '.join(key[2])}: {which} {c.raw} "
                                     f"(line {c.line}) keeps {'; '.join(titles)}; it is filled as the identities "
                                     f"decide ({CONF_SOLVED})")
                continue
            self.cells[key] = Cell(first.table, first.row, first.column, None, first.raw, first.unit, first.line,
                                   first.start, first.end, 0.0, tuple((c.value, share) for c in figures), first.method)

    def _contradicted(self, u: Uncertain) -> None:
        """A row read already, read again with several readings (`u`): each cell whose figure
        (or words) no reading of it gives — or, its figures written otherwise the second time
        (`contested`), not every reading — is a conflict: the first reading's figure and the
        figures the readings give there, each a cell of its own for `_put`."""
        for j, key in enumerate(self._row_keys(u)):
            old = self.cells[key]
            if old.value is None and key not in self.rep.unknown:
                continue  # (an empty cell: any figure may fill it, as for a row read twice)
            given = {o.values[j] for o in u.options}
            if key not in self.rep.unknown and given == {old.value}:
                self.rep.confirmed.add(key)
                continue
            if key not in self.rep.unknown and old.value in given and (u.table, u.row) not in self.rep.contested:
                continue  # (written otherwise, the row's other reading must give its figure for sure)
            done: set[tuple] = set()  # (the options share most of their cells: each figure put once)
            sure = key in self.rep.confirmed
            for o in u.options:
                v, span = o.values[j], o.spans[j]
                if v is None or span is None or (v, span) in done:
                    continue
                done.add((v, span))
                a, b = span
                tok = Tok(o.raws[j], a, b, self.doc.line_of(a if self.identity else self.doc.to_orig(a)), False, False)
                self._put(key[0], key[1], key[2], tok, Parsed(v, None, "count"), CONF_EXACT, None)
            if not sure:  # (one reading of several giving its figure again confirms nothing: 14 of a
                # row's overflow, `14 [bold]` read as the row again, placed where the row had 14, left it at 1.0)
                self.rep.confirmed.discard(key)

    def _kept_by_identities(self, key, seen: list[Cell], words: bool = False) -> tuple[Cell, list[str]] | None:
        """The one figure of a cell given several that keeps every identity of its table whose
        other cells are all known — or given several figures too (up to three such), the identity
        kept with some of theirs (and some such identity exists), with the identities' titles; None
        when none or several do. `words`: a reading of the cell gave words, no figure — whose value
        no bound can rule out: kept only by an identity of equality (a copy's 114 against 113余,
        kept by 主要负责同志… ≤ 总次数 alone, was filled at 0.9)."""
        cons, _ = _constraints(self.template_id, key[0])
        cells, conflicts = self.cells, self.rep.conflicts
        usable = []
        for c in cons:
            coef = 0
            const = 0.0
            others: list[tuple[float, list]] = []  # (another cell given several figures: each of them may stand)
            for k, co in c.terms:
                if k == key:
                    coef += co
                elif k in conflicts:
                    given = conflicts[k]
                    if any(x.value is None for x in given) or len(others) >= 3:
                        break  # (words there: any figure may stand, nothing bounds the sum)
                    others.append((co, sorted({x.value for x in given})))
                elif k not in cells or k in self.rep.unknown or cells[k].candidates:
                    break
                else:
                    const += co * (cells[k].value or 0)
            else:
                if coef:
                    # (the sums the other cells' figures may make: 2 = 2 + 科研{0,1} + 其他 rules 其他 = 1 out)
                    sums = {0.0}
                    for co, values in others:
                        sums = {a + co * v for a in sums for v in values}
                    usable.append((c, coef, [const + a for a in sums], not others))
        # (an identity with other cells in doubt only rules figures out; one whose other cells are all
        # known must keep the figure: a copy's 1 against 暂无, kept by a sum some mix of the copies'
        # other figures makes, was filled at 0.9)
        exact = [c for c, _, _, known in usable if known]
        if not exact or words and not any(c.kind == "eq" for c in exact):
            return None
        keep = [x for x in seen if all(any(holds(c.kind, k + coef * x.value) for k in consts)
                                       for c, coef, consts, _ in usable)]
        return (keep[0], [c.title for c in exact]) if len(keep) == 1 else None

    def _finalize(self) -> None:
        t = self.target
        self.target = None
        if t is None or not t.values:
            return
        if not t.row:
            self.rep.unlabelled_end = (t.table, self.pos)
        self.rep.ended = (t.table, t.row, t.values[-1][0], t.values)
        before = self.rep.readings.setdefault((t.table, t.row), t.values)  # (its figures as first written)
        if before is not t.values and (t.table, t.row) not in self.rep.contested:
            written, first = [tok.text for tok, _ in t.values], [tok.text for tok, _ in before]
            if written != first:
                self.rep.contested.add((t.table, t.row))
                self.warnings.append(f"{t.table} {' / '.join(t.row)}: its row stands again with other figures "
                                     f"({' '.join(written)[:30]}, after {' '.join(first)[:30]}); a reading of it "
                                     f"that is not sure is offered, not filled")
        cols = self.idx.columns[(t.table, t.row)]
        unit = t.unit[1] if t.unit else None
        if t.label is not None:
            self.consumed.add(t.label.line)
        if t.unit is not None:
            self.consumed.add(t.unit[0].line)
        if not t.row and self.rep.vertical_table == t.table:
            # (its header's cells end with its row, read or not: a later copy of the table starts anew)
            seq = [*self.rep.vertical, ("f", list(t.values), "")]
            self.rep.vertical, self.rep.vertical_table = [], None
            if any(k == "f" for k, _, _ in seq[:-1]) and self._vertical(t, cols, seq, unit):
                return
        head = self.head
        if head.disorder and head.table == t.table:
            self.row_notes[(t.table, t.row)] = "its table's header, broken into pieces, gives another order than the template's"
            return
        doubt: tuple[tuple[LabelPath, ...], ...] | None = None  # the orders its header may mean
        if head.cells and head.table == t.table and not head.extra and len(cols) > 1:
            hit = head.memo.get(id(cols))  # (the template's columns, held by the index: their id is theirs)
            if hit is None:
                hit = head.memo[id(cols)] = head.columns(self.template_id, t.table, cols)
            derived, doubt = hit
            if derived is not None:
                cols = self._by_header(t, cols, derived, unit)  # type: ignore[assignment]
                if cols is None:
                    return
            elif doubt is not None and cols not in doubt:  # its header's lines rule the template's order out
                self._orders(t, cols, doubt)
                return
        n = len(cols)
        if any(p is GLUED for _, p in t.values):
            self._glued_row(t, cols)
            return
        # (under a header that names a column more than the table has — or ends in words naming
        # none, over a row of no label or of a table whose rows keep a total, where the identities
        # choose — a row's fields are its cells and that one: an empty first field is a cell, not a
        # label's, when they are so many; an empty last field, that one's)
        more = head.table == t.table and bool(head.beyond or head.ends_unnamed and (
            not t.row or self.idx.specs[t.table].total_column is not None))
        vals, trimmed = _trimmed(t.values, n, t, n + more)
        if len(vals) == n < len(t.values) and any(p.value for _, p in vals) and any(
                _marked_empty(tok, p) for tok, p in (*t.values[:trimmed], *t.values[trimmed + n:])):
            # an empty cell's mark (—, /) past the row's columns, at its end or in front, is a cell
            # as a blank field is none: a figure among the fields is one too many (a page's bare
            # number inside a row written a cell a line read as its cell at full confidence, the
            # row's first or last dash cut as no cell's) — which, the identities say
            vals, trimmed = list(t.values), 0
        if trimmed and len(t.values) > n and self._broken(t):
            # (a row a line end broke in two, more fields than columns: an empty field in front may be
            # a label's cell or an empty cell, and the one the break opened the next line with a field
            # of no cell (`…\t2\t1` / `\t2\t77`) — which fields are extra, the identities say)
            vals, trimmed = list(t.values), 0
        if n == 1 and len(vals) > 1 and head.table == t.table and len(head.years) == len(vals) and (
                k := head.this_year()) is not None and not any(p is INVALID for _, p in vals):
            # a column of figures a year, the header naming the report year's (统计数 | 上年数)
            if f"years {t.table}" not in head.said:
                head.said.add(f"years {t.table}")
                self.warnings.append(f"{t.table}: its header gives {len(vals)} columns of figures ("
                                     f"{', '.join(w for _, w in head.years)}); {head.years[k][1]} is read as the "
                                     "report year's, the others are not read")
            tok, p = vals[k]
            self._put(t.table, t.row, cols[0], tok, p, t.conf, unit)
            return
        explicit = any(tok.empty for tok, _ in vals)  # (the line shows it keeps its empty cells)
        spanned = any(tok.line in self.spanned for tok, _ in vals)
        shifted = explicit and not spanned and self._total_left_empty(t.table, cols, vals)
        if shifted:  # (its figures, without the empty cells after them, placed as a row that lost cells)
            vals = vals[:shifted]
        if trimmed and t.values[0][0].empty:
            self.rep.padded.add(t.table)
        elif not trimmed and len(vals) == n and vals[0][0].empty and t.table in self.rep.padded \
                and not any(tok.empty for tok, _ in vals[1:]):
            # a row of as many fields as columns, the first empty, in a table whose rows keep empty
            # fields for their label columns: an empty first cell, or a label column's field and a
            # cell lost (Word's row of a figure fewer) — read left to right, a lost cell had put
            # every later figure a column off at full confidence: read as the rows with such fields
            trimmed = 1
        # its header names a column more than the table has (…总计 合计; or ends in words naming
        # none: `more`), and its line keeps no cells apart (one a line, one space apart): as many
        # figures as the template's columns (or fewer)
        # may be the report's with an empty cell dropped — placed in its columns and that one, the
        # identities choose (read left to right, 0 | 1 | 15 | 0 | 16 and 2 of a review row that lost
        # an empty cell stood a column off, at full confidence)
        wider = (more and 1 < len(vals) <= n and not spanned and not any(tok.empty for tok, _ in t.values)
                 and not self._kept(vals))  # (an empty field, its last one's too: the line keeps its cells)
        if len(vals) == n and trimmed and vals[0][0].empty:
            # some empty fields in front are label cells, some empty cells — or Word dropped an
            # empty last cell: which, only the identities can say (a first cell of words or an empty
            # cell's mark, 91左右 or 无, is a cell, no empty field: read so, the row was placed a
            # column off, 总计 0 at 0.9)
            why = "empty fields before the values"
        elif doubt is not None and len(vals) == n:
            self._doubted(t, cols, doubt, vals)
            return
        elif wider:
            why = "a column the template lacks"
            trimmed = 0
        elif not shifted and not t.words and (len(vals) == n or (explicit and len(vals) < n and not spanned
                                                                  and not self._broken(t))):
            # (a row read on past words that name no row is offered: `_goes_on_past`)
            conf = t.conf
            if len(vals) == n and (broken := self._breaks_its_totals(t, cols, vals)):
                # (a page's number read as the review row's first figure, its last cut off by a
                # line of the page's chrome: every total a column off, at full confidence)
                conf = min(conf, CONF_BROKEN_ROW)
                self.warnings.append(f"{t.table} {' / '.join(t.row) or 'row'}: its figures, read in order, break "
                                     f"each of its {broken} totals — a figure too many or too few may stand among "
                                     "them (a page's number?); kept, not sure")
            for col, (tok, p) in zip(cols, vals):
                self._put(t.table, t.row, col, tok, p, conf, unit)
            return
        else:
            why = "more values than columns" if len(vals) > n else "words among its figures" if t.words and len(vals) == n \
                else ("a value spans several columns" if spanned else "empty cells dropped")
            trimmed = 0
        if trimmed:  # every field after the label: d of the empty ones in front are label cells
            fields = [(p, (tok.start, tok.end), tok.text) for tok, p in t.values]
            lead = next((i for i, (p, _, _) in enumerate(fields) if p.value is not None), len(fields))
            kinds = self._kinds(t.table, t.row, cols)
            options = shifts(fields, n, lead)
            if len(fields) - lead < n:
                # every empty field in front a label column's: the row lacks a cell — not only at its
                # end (Word drops an empty last cell) but anywhere (a figure lost)
                seen = {o.values for o in options}
                options += [o for o in self._placed(t.table, cols, kinds, fields[lead:]) or () if o.values not in seen]
            self.uncertain.append((Uncertain(t.table, t.row, cols, options, "inferred", why, kinds=kinds), t))
            return
        if len(vals) > 1 and vals[-1][1].kind == "percent" and vals[-2][1].kind != "percent":
            # a share column's percentage after the row's figures (占比, after 总计): no cell of the
            # template — placed, it stood as the row's total
            self.rep.shares.add(t.table)
            vals = vals[:-1]
        kinds = self._kinds(t.table, t.row, cols)
        if len(vals) != n and any(p is INVALID for _, p in vals):
            # more fields than columns, or fewer (empty cells dropped), some of them words: which
            # fields are extra, or where the dropped cells stood, no identity can tell where the words
            # hide a figure — offered, never filled (`1  5  约3  9` under fifteen columns, its noughts
            # left blank: 1, 5 and 9 filled as the three totals alone at 0.9)
            t.words = True
        items = [(p, (tok.start, tok.end), tok.text) for tok, p in vals]
        options = self._placed(t.table, cols, kinds, items, wider)
        if options is not None and len(vals) > n:
            options += self._grouped(items, n, options)
            options += self._cut_joins(items, n, options, kinds)
        elif options is not None and n - _LOST_MOST <= len(vals) < n and not wider and not explicit and not spanned \
                and all(tok.multi for tok, _ in vals):
            options += _lost_separators(items, kinds, options)
        if not options:
            self.unsplit.append(f"{' / '.join(t.row) or t.table} ({', '.join(tok.text for tok, _ in vals)})")
            self.row_notes[(t.table, t.row)] = (f"its figures ({', '.join(tok.text for tok, _ in vals)[:40]}) "
                                                f"could not be placed in its {n} columns")
            return
        self.uncertain.append((Uncertain(t.table, t.row, cols, options, "inferred", why, kinds=kinds,
                                         open=t.words, placed=wider or len(vals) < n), t))

    def _vertical(self, t: _Target, cols: tuple[LabelPath, ...], seq: list, unit: str | None) -> bool:
        """A table of one unlabelled row written a column a line, each column's header with its
        figure after it (行政复议 / 结果维持 | 2 / 结果纠正 | 1 / … / 行政诉讼 未经复议直接起诉 / 结果维持 | 1 …:
        the review table's fifteen columns too wide for the page), or stacked, a group a row under
        one row of headers (| 结果维持 | … | 总计 | / 行政复议 | 2 | 1 | 0 | 0 | 3 / …): `seq` its header
        cells in order (key, words) and the figures after them. Each figure is its column's cell, read as a table's, when every
        column of the table stands so once, the words of its groups before it; True then. When most
        of its columns stand with a figure but not so, none is read (True: their figures could only
        be guessed — read as a row, the last figure alone had left every other cell empty at 0.9);
        else False, and the row is read as rows are (a page's number among a header's lines)."""
        keys = [tuple(label_key(x) for x in col) for col in cols]
        groups = {k for path in keys for k in path[:-1]}
        leaves = _leaf_counts(self.template_id, t.table)
        placed: dict[LabelPath, tuple[Tok, Parsed]] = {}
        ctx: list[str] = []
        fresh = False  # a figure placed since the last group's words: the next words start another group
        leaf: str | None = None
        run: list[str] = []  # the column headers in a row, no figure between (a stacked table's header)
        last = ""
        ok = True
        for kind, item, raw in seq:
            if kind == "h":
                if item in leaves:
                    leaf = label_key(leaves[item][0])
                    run = [*run, leaf] if last == "leaf" else [leaf]
                    last = "leaf"
                    continue
                words = _NOT_HAN.sub("", raw)  # (its words in brackets too: 行政诉讼（复议后起诉）)
                named = sorted((g for g in groups if g in words), key=words.index)  # (行政诉讼未经复议直接起诉)
                if named:
                    if fresh:
                        ctx, fresh = [], False
                    ctx += [g for g in named if g not in ctx]
                leaf, last = None, "group"
                continue
            last = "figure"
            figures = [(tok, p) for tok, p in item if not tok.empty]
            if not figures:
                continue
            # a figure after its column's header; or, after a group's words, as many figures as the
            # headers above name columns (a stacked table: 行政复议 | 2 | 1 | 0 | 0 | 3 under 结果维持 … 总计)
            heads = [leaf] if leaf is not None else run if len(figures) == len(run) > 1 and ctx else []
            if len(figures) != len(heads):
                ok = False
                break
            for h, fig in zip(heads, figures):
                hits = [c for c, k in zip(cols, keys) if k[-1] == h and set(ctx) <= set(k[:-1])]
                if len(hits) != 1 or hits[0] in placed:
                    ok = False
                    break
                placed[hits[0]] = fig
            if not ok:
                break
            fresh, leaf = True, None
        if ok and len(placed) == len(cols):
            for col in cols:
                tok, p = placed[col]
                self._put(t.table, t.row, col, tok, p, CONF_EXACT, unit)
            self.warnings.append(f"{t.table}: written a column a line, each column's header with its figure; "
                                 f"each figure read as its column's cell")
            return True
        stood = sum(1 for kind, item, _ in seq if kind == "f" and any(not tok.empty for tok, _ in item))
        if stood * 2 >= len(cols) and len([v for v, _ in t.values if not v.empty]) < len(cols):
            self.row_notes[(t.table, t.row)] = (f"its figures stood each after a column's header ({stood} of them), "
                                                f"not each under a column of its own for sure: not read")
            return True
        return False

    def _grouped(self, items: list, n: int, options: list[Option]) -> list[Option]:
        """A row of more figures than its `n` columns, each one space apart, read with some of those
        spaces as thousands spaces (千分空: `规章 4 632 1 053 3 437` is 4 632 | 1 053 | 3 437, a PDF's row
        of a table that groups its figures so) — each way that leaves exactly n figures, in order,
        weighing THOUSANDS_SPACE_PRIOR less a space so read (a prior; the identities choose). None
        where the report writes figures of four digits whole (_writes_whole), or in too many ways."""
        joinable = [i for i in range(len(items) - 1)
                    if _GROUP_HEAD.fullmatch(items[i][2]) and _GROUP_TAIL.fullmatch(items[i + 1][2])
                    and self.doc.norm[items[i][1][1]:items[i + 1][1][0]] == " "]
        need = len(items) - n
        if not joinable or len(joinable) < need or len(joinable) > MAX_THOUSANDS_SPACES or self._writes_whole():
            return []
        seen = {o.values for o in options}
        out = []
        for joins in itertools.combinations(joinable, need):
            merged: list = []
            for i, item in enumerate(items):
                if merged and i - 1 in joins:
                    p0, (a, _), raw0 = merged.pop()
                    raw = f"{raw0} {item[2]}"
                    p = parse_value(raw)
                    if p is None or p.value is None:
                        break
                    merged.append((p, (a, item[1][1]), raw))
                else:
                    merged.append(item)
            else:
                if len(merged) == n:
                    values = tuple(p.value for p, _, _ in merged)
                    raws = tuple(r for _, _, r in merged)
                    if values not in seen:
                        seen.add(values)
                        out.append(Option(values, tuple(sp for _, sp, _ in merged), raws, spaced_prior(raws),
                                          spaced_why(raws)))
        return out

    def _cut_joins(self, items: list, n: int, options: list[Option], kinds: tuple[str, ...]) -> list[Option]:
        """A row of more figures than its `n` columns where a figure ends its line with no bar or tab
        closing its cell and the next opens the next line: one figure a line end cut in two (`3` /
        `3 |` is 33, `1` / `01` is 101), or two cells and a figure too many (a page's number) —
        each way of joining such pairs, the rest placed as a row with too many figures is
        (solve.placements); the identities choose. Read only with a figure dropped, every reading
        agreed on the cut figure's first part, filled at 0.9 (3 for 33, 8 for 88)."""
        norm = self.doc.norm
        joinable = [i for i in range(len(items) - 1)
                    if items[i][0].value is not None and items[i + 1][0].value is not None
                    and _CUT_HEAD.fullmatch(items[i][2]) and _CUT_TAIL.fullmatch(items[i + 1][2])
                    and "\n" in (gap := norm[items[i][1][1]:items[i + 1][1][0]]) and not gap.strip()]
        need = len(items) - n
        if not joinable or need > _CUTS_MOST or len(joinable) > _JOINABLE_MOST:
            return []  # (a row of many figures too many gathered lines that are not its cells: no cut figure read)
        seen = {o.values for o in options}
        out: list[Option] = []
        for j in range(1, min(need, len(joinable)) + 1):
            for joins in itertools.combinations(joinable, j):
                if any(b - a == 1 for a, b in zip(joins, joins[1:])):
                    continue  # (three pieces of one figure: not read)
                merged: list = []
                for i, item in enumerate(items):
                    if merged and i - 1 in joins:
                        p0, (a, _), raw0 = merged.pop()
                        raw = raw0 + item[2]
                        p = parse_value(raw)
                        if p is None or p.value is None or not _ONE_FIGURE.fullmatch(raw):
                            break
                        merged.append((p, (a, item[1][1]), raw))
                    else:
                        merged.append(item)
                else:
                    joined = [r for _, _, r in merged if any(r == items[i][2] + items[i + 1][2] for i in joins)]
                    why = (f"reads {', '.join(joined)} as {'one figure' if len(joined) == 1 else 'one figure each'}, "
                           "cut by a line end")
                    placed = ([Option(tuple(p.value for p, _, _ in merged), tuple(sp for _, sp, _ in merged),
                                      tuple(r for _, _, r in merged))] if len(merged) == n
                              else placements(merged, kinds) or [])
                    for o in placed:
                        if o.values not in seen:
                            seen.add(o.values)
                            out.append(Option(o.values, o.spans, o.raws, o.weight, why))
                if len(out) > MAX_OPTIONS:
                    return out
        return out

    def _writes_whole(self) -> bool:
        """Does the report write a figure of four digits or more whole — a cell of its own (| 22990 |),
        a sentence's with its unit (1236件，)? Then it writes no thousands spaces (_grouping, _grouped)."""
        if self.whole is None:
            self.whole = bool(_WHOLE_IN_SENTENCE.search(self.doc.norm) or any(
                not tok.glued and len(tok.text) > 3 and tok.text[0].isdigit() and _WHOLE_FIGURE.fullmatch(tok.text)
                for tok in self.toks))
        return self.whole

    def _broken(self, t: _Target) -> bool:
        """Is the row a row of cells (between bars or tabs) that a line end broke in two — its fields
        (not its label) on two lines or more? Where it broke, an empty cell may have gone with the
        line end (`… |  |` / `  | 1 | 2 |`): fewer fields than columns are then placed by the
        identities, not left to right (read so, every cell after the break stood a column off at
        full confidence)."""
        lines = {tok.line for tok, _ in t.values}
        if len(lines) > 1:
            return any(tok.multi for tok, _ in t.values)  # (a cell a line is no row broken)
        # (its label's cell closed on a line of its own, its fields on the next: `3.危及… |` /
        # `  |  | 1 | …` — not a label's words wrapped, their cells on one line)
        label = t.label
        if not lines or label is None or label.line in lines:
            return False
        return self.doc.norm_lines[label.line].rstrip(" ").endswith(("|", "\t"))

    def _breaks_its_totals(self, t: _Target, cols: tuple[LabelPath, ...], vals: list[tuple[Tok, Parsed]]) -> int:
        """How many own totals (two or more: the review row's three) the row's figures, read in
        order into `cols`, break when they break every one — else 0. A report's total may be wrong;
        all of them wrong at once is a row read a column off."""
        own = _own_identities(self.template_id, t.table, t.row, cols)
        if len(own) < 2:
            return 0
        # (an empty cell's mark, — or /, is a nought the report wrote; a blank field, nothing known)
        values = [0 if _marked_empty(tok, p) else p.value for tok, p in vals]
        if any(v is None for v in values):
            return 0
        if any(abs(sum(values[i] * coef for i, coef in terms)) < 1e-6 for terms in own):
            return 0
        return len(own)

    def _total_left_empty(self, table: str, cols: tuple[LabelPath, ...], vals: list[tuple[Tok, Parsed]]) -> int:
        """A row of cells whose figures stand together from its first column and stop before its
        total column (the last), which is empty with the cells after them, though some figure is
        not nought: `17 | 1 | 0 | 0 | 0 | 18 | |` under seven columns. Its total stands one column
        left when the report lacks a column (and the header that would say so is gone): how many
        figures it has, for a reading by the identities — or 0 for any other row."""
        total = self.idx.specs[table].total_column
        n = len(cols)
        if total is None or cols[-1] != total or len(vals) > n:
            return 0
        last = max((i for i, (_, p) in enumerate(vals) if p.value is not None), default=-1)
        if not 0 <= last < n - 1 or not any(p.value for _, p in vals[:last + 1]):
            return 0
        if any(tok.empty for tok, _ in vals[:last + 1]) or not all(tok.empty for tok, _ in vals[last + 1:]):
            return 0
        return last + 1

    def _placed(self, table: str, cols: tuple[LabelPath, ...], kinds: tuple[str, ...], items: list,
                wider: bool = False) -> list[Option] | None:
        """Every way to put a row's figures, in order, into its columns when it dropped its empty
        cells or shows more figures than columns (solve.placements), with the table's usually
        filled column and, for a short row, its total column last (placements put the total last:
        a header may not). `wider`: the report has a column after the template's (its header says
        so) — placed in it too, each reading of the template's columns once."""
        if wider:
            seen: dict[tuple, Option] = {}
            for o in placements(items, (*kinds, "count")) or ():
                seen.setdefault(o.values[:-1], Option(o.values[:-1], o.spans[:-1], o.raws[:-1], o.weight, o.why))
            return list(seen.values())
        spec = self.idx.specs[table]
        n = len(cols)
        prefer = cols.index(spec.first_part_column) if spec.first_part_column in cols else None
        total = cols.index(spec.total_column) if spec.total_column in cols and len(items) < n else None
        if total is not None and total != n - 1:
            total = None
        return placements(items, kinds, prefer, total, spec.first_part_column[-1] if spec.first_part_column else "")

    def _kept(self, vals: list[tuple[Tok, Parsed]]) -> bool:
        """Is the row's line one of cells — between `|` or tabs, or with an empty cell seen — so
        that a row of as many figures as its header names is those cells (`_by_header`)? Words one
        space (or a few) apart are not. (A row of fewer figures than columns is read by place only
        where it shows an empty cell: a `|` row, like a spaced one, may have dropped its empty
        cells — `17 | 1 | 18` under seven columns is not 自然人, 商业企业, 科研机构.)"""
        lines = self.doc.norm_lines
        return any(tok.empty or tok.multi and ("|" in (s := lines[tok.line]) or "\t" in s) for tok, _ in vals)

    def _kinds(self, table: str, row: LabelPath, cols: tuple[LabelPath, ...]) -> tuple[str, ...]:
        """Each column's kind of value (count, signed, amount) on the row."""
        info = self.idx.cellinfo
        return tuple(info[(table, row, c)][0] for c in cols)

    def _by_header(self, t: _Target, cols: tuple[LabelPath, ...], derived: tuple[LabelPath, ...],
                   unit: str | None) -> tuple[LabelPath, ...] | None:
        """A row of a table whose own header gives its columns otherwise than the template
        (`report_columns`): in another order, without some of them, or with a group as one column.
        Returns the columns to read the row into, in the report's order, or None when the row is
        placed here. A header without some columns is trusted cell by cell only on a line that kept
        its cells (`|`, tabs, a grid); any other row goes to the solver over the columns it names,
        or over the template's when it names a group as one column."""
        leaves = set(cols)
        table, row = t.table, t.row
        said = table not in self.head.said
        self.head.said.add(table)
        shown = ", ".join(" / ".join(c) for c in derived)
        if len(derived) == len(cols) and set(derived) == leaves:  # the same columns in another order
            if said:
                self.warnings.append(f"{table}: its header gives the columns in another order than the template "
                                     f"({shown}); each figure is read into the column its header names")
            return derived
        named = set(derived)
        missing = [c for c in cols if c not in named]
        merged = [c for c in derived if c not in leaves]
        if said:
            parts = []
            absent = [c for c in missing if not any(c[:len(g)] == g for g in merged)]
            if absent:
                parts.append("no column " + ", ".join(" / ".join(c) for c in absent))
            if merged:
                parts.append(", ".join(" / ".join(c) for c in merged) + " as one column, not its parts")
            self.warnings.append(f"{table}: its header gives {'; '.join(parts)} ({shown}); a figure is read "
                                 f"into the column its header names, and a cell the table does not have stays blank")
        m = len(derived)
        if not any(p is GLUED for _, p in t.values) and self._kept(t.values):
            vals, _ = _trimmed(t.values, m, t)
            if len(vals) == m:
                for col, (tok, p) in zip(derived, vals):
                    if col in leaves:
                        self._put(table, row, col, tok, p, t.conf, unit)
                    else:
                        self.consumed.add(tok.line)
                for col in missing:
                    self.cells.setdefault((table, row, col), Cell(
                        table, row, col, None, reason=f"the report's table has no {' / '.join(col)} column"))
                return None
            kept = [c for c in derived if c in leaves]
            if len(vals) == len(cols) and kept == [c for c in cols if c in named]:
                return cols  # as many figures as the template's columns, in its order: its header left some unnamed
        return cols if merged else derived  # (a group's own total is no cell of the template)

    def _orders(self, t: _Target, cols: tuple[LabelPath, ...], orders: tuple[tuple[LabelPath, ...], ...]) -> None:
        """A row under a header whose cells stand on several lines in an order the template's is
        not (`report_orders`): read in each order its lines allow when its figures fill the
        header's columns one a cell, the identities choosing; else left blank, said — never read
        in the template's order, which the header rules out."""
        leaves = set(cols)
        shown = orders[0] if orders else ()
        vals, _ = _trimmed(t.values, len(shown), t)
        if (orders and len(vals) == len(shown) and all(c in leaves for c in shown)
                and not any(p is GLUED for _, p in vals)):  # (a glued run is cut by one order: not here)
            for col in cols:
                if col not in shown:
                    self.cells.setdefault((t.table, t.row, col), Cell(
                        t.table, t.row, col, None, reason=f"the report's table has no {' / '.join(col)} column"))
            self._doubted(t, cols, orders, vals)
            return
        if t.table not in self.head.said:
            self.head.said.add(t.table)
            self.warnings.append(f"{t.table}: its header's cells stand on several lines, in an order other than the "
                                 f"template's that no line fixes ({len(orders) or 'too many'} orders fit); a row "
                                 f"whose figures do not fill its columns one a cell is left blank")
        self.row_notes[(t.table, t.row)] = ("its table's header stands on several lines in another order than the "
                                            "template's, which they do not fix, and its figures do not fill its columns")

    def _doubted(self, t: _Target, cols: tuple[LabelPath, ...], orders: tuple[tuple[LabelPath, ...], ...],
                 vals: list[tuple[Tok, Parsed]]) -> None:
        """A full row under a header that allows several orders of its cells, the identities
        choosing: a header a cell a line in an order other than the template's (no line says which
        cell is left of which: a cell spanning the header's rows comes first in its row wherever it
        stands across) is read in the template's order and the header's; a header whose lines rule
        the template's order out, in each order they allow. When several fit, its cells stay blank
        with the readings as candidates. `orders` may leave out columns the table does not have."""
        if t.table not in self.head.said:
            self.head.said.add(t.table)
            if orders[0] == cols:
                self.warnings.append(f"{t.table}: its header lists the columns in another order than the template "
                                     f"({', '.join(' / '.join(c) for c in orders[1])}), a cell a line: each row is "
                                     f"read both ways and the identities choose")
            else:
                self.warnings.append(f"{t.table}: its header's cells stand on several lines, in an order other than "
                                     f"the template's that no line fixes: each row is read in the {len(orders)} "
                                     f"orders its lines allow and the identities choose")
        at = {c: j for j, c in enumerate(cols)}
        options = []
        seen = set()
        for k, order in enumerate(orders):
            values: list = [None] * len(cols)
            spans: list = [None] * len(cols)
            raws = [""] * len(cols)
            for col, (tok, p) in zip(order, vals):
                j = at[col]
                values[j], spans[j], raws[j] = p.value, (tok.start, tok.end), tok.text
            if tuple(values) in seen:
                continue
            seen.add(tuple(values))
            why = ("read in the template's column order" if order == cols else
                   "read in the order its header lists" if orders[0] == cols else
                   f"read in one order its header's lines allow ({k + 1} of {len(orders)})")
            options.append(Option(tuple(values), tuple(spans), tuple(raws), why=why))
        kinds = self._kinds(t.table, t.row, cols)
        self.uncertain.append((Uncertain(t.table, t.row, cols, options, "inferred", "its header's order differs",
                               kinds=kinds), t))

    def _glued_row(self, t: _Target, cols: tuple[LabelPath, ...]) -> None:
        """A row whose figures came as a glued run, or as several pieces one of which is glued (a
        wide row that a PDF's text wrapped onto the next line: `1.属于国家秘密 0 0 0` then `0 0 0 0`):
        the pieces are read as one run with a cell boundary between them, and cut by the solver."""
        pieces = [tok for tok, _ in t.values]
        for tok in pieces:
            self.glued_spans.append((t.table, tok.start, tok.end))
        if t.label is not None:
            self.glued_spans.append((t.table, t.label.start, t.label.end))
        if len(pieces) == 1:
            run = pieces[0].text
            base = pieces[0].start
            at = None
        else:  # one space between the pieces; `at`: each character of the run → its offset in the text
            # (none where a line's glued figures run on at the next line's start — a cut inside a
            # run, `…行政许可172+82299` / `0其他…`: the break may be a cell's boundary or not, the
            # solver cuts there or not; read as a boundary, 82299 and 0 were read for 8 and 22990 at 0.9)
            parts = []
            at = []
            for k, tok in enumerate(pieces):
                if at:
                    # (an amount's unit after the run: its end, as if glued to it — `_unit_ends_run`)
                    joint = "" if tok.glued and tok.text in AMOUNT_UNITS else self._run_on(pieces[k - 1], tok)
                    if joint is not None and self.doc.norm_lines[tok.line].strip() == tok.text \
                            and bare_page_number(self.doc.norm_lines, tok.line) == "maybe":
                        # (the rest of a figure a line end cut, or a page's bare number after it: no
                        # reading of the row is sure — offered, never filled)
                        t.words = True
                    if joint is None:
                        parts.append(" ")
                        at.append(at[-1] + 1)
                    elif joint:
                        parts.append(joint)
                        at.append(pieces[k - 1].end)
                parts.append(tok.text)
                at.extend(range(tok.start, tok.start + len(tok.text)))
            run = "".join(parts)
            base = 0
        kinds = self._kinds(t.table, t.row, cols)
        head = self.head
        if len(cols) == 1 and head.table == t.table and head.tail and len(head.years) < 2 \
                and len(marks := _year_marks(head.tail)) >= 2:
            head.years = marks  # (the header's words of its columns, cut up by the scrape and joined back)
        if len(cols) == 1 and head.table == t.table and len(head.years) >= 2:
            self._glued_years(t, cols, run, kinds, base, at)
            return
        sums = _row_sums(self.template_id, t.table, t.row, cols)
        dropped = self._dropped(t, cols, run, kinds)
        # (a spaced run that may have dropped empty cells in more ways than can be listed: its
        # glued cuts, offered alone — they may lack its true reading — and never filled)
        open_ = dropped is None
        if open_:
            dropped = []
        open_ = open_ or t.words
        if head.table == t.table and len(cols) == 1 and _TIME_WORD.search(head.tail) \
                and not _YEAR_WORD.fullmatch(head.tail) and self._one_column(t.table):
            # words of a time among a one-column table's header that name no column and are no
            # column's words whole (本期数同期比 cut up): it may give several columns of figures, a
            # period's each, glued here into one run — the run read whole may be two figures as
            # one: offered, never filled (本期 alone, cut into 本 / 期, is the year's column)
            open_ = True
        if head.table == t.table and head.ends_unnamed:
            self.rep.unnamed_end.add(t.table)  # (_misfit: a column after the template's, holding figures?)
        heads = _share_readings(run)
        extra = None
        if heads is not None:  # a share column's percentage ends the run: no cell of the template
            self.rep.shares.add(t.table)
            dropped = []
        elif head.table == t.table and (head.beyond or head.ends_unnamed and not t.row):
            # its header names a column more than the table has (…总计 合计): the run may end in that
            # column's figure — read whole and without each trailing figure it may be, the identities choose
            heads = extra = _extra_readings(run)
            if t.table not in self.rep.beyond:
                self.rep.beyond.add(t.table)
                self.warnings.append(f"{t.table}: its header names more columns than the template's (its "
                                     f"{head.beyond or 'last words name none'}); its glued rows are read with and "
                                     "without a last figure of that column, the identities choose")
        # (a run of figures alone: a count's unit kept its cell's bounds; a spaced run, on a page
        # that glues no figures together for sure, is its cells, placed already when it dropped some, `_dropped`)
        digits = run.replace(" ", "")
        bare = digits.isdigit() and (digits == run or self._glue_seen() is not None)
        empties = bool(self.rep.empties) and bare
        short = bare and sums and len(digits) < len(cols) + bool(extra)  # (some cell of it may be empty)
        cut_empty = _split_heads(heads, run, kinds, sums, split=split_empties) if short and not empties else None
        if short and t.words:
            # words stand among its cells: they are cells its figures lack — read with empty cells, its
            # own; but they show neither a report that drops empty cells nor one that gives its totals
            # alone (10000暂无暂无 read as the total alone put its table in that mode: 10000 filled at 0.9)
            empties = True
        elif cut_empty:
            # fewer digits than the row has columns (than its columns and the one its header names
            # more, whose figure it may end in), which keep its own totals with cells left
            # empty: the report leaves cells empty (rather than writing 0) and the scrape dropped
            # them — any glued row of it, in any table, may have lost some (a row whose figures
            # stand on elsewhere, `21` then `减*516`, is no such row: it keeps no total so)
            empties = True
            self.rep.empties = f"{t.row[-1] if t.row else t.table} {run[:30]}"
            plus = " and the one its header names more" if len(digits) >= len(cols) else ""
            self.warnings.append(f"{t.table}: its glued row {self.rep.empties} has fewer figures than its {len(cols)} "
                                 f"columns{plus} — the report leaves cells empty, and the scrape dropped them: each "
                                 "glued row of the report is read with empty cells too, the identities choose")
        totals = t.table in self.rep.totals
        options, plain, unlisted, broke = _readings(heads, run, kinds, sums, dropped, empties, base, at, totals,
                                                    self._split())
        if (broke and not totals and short and not t.words and len(digits) < len(cols)
                and (cut_empty if cut_empty is not None else _split_heads(heads, run, kinds, sums, split=split_empties)) == []
                and _split_heads(heads, run, kinds, sums, split=totals_only)):
            # fewer digits than columns, and no cut of them (empty cells or not) keeps the row's own
            # totals — but they read as its totals alone (`予以公开3` under seven columns): the
            # report does not give the table's parts (its requests by applicant); each glued row
            # of the table is read so too, the identities choose
            totals = True
            self.rep.totals.add(t.table)
            self.warnings.append(f"{t.table}: its glued row {t.row[-1] if t.row else t.table} {run[:30]} reads only as "
                                 "its totals, every part empty — the report may give the table's totals alone: each "
                                 "glued row of the table is read so too, the identities choose")
            options, plain, unlisted, broke = _readings(heads, run, kinds, sums, dropped, empties, base, at, True,
                                                        self._split())
        uncut = False
        if (broke or options == []) and " " in run and not self._grouping():
            # no cut at every space keeps the row's own totals, or reads it into its columns at all:
            # its readings with a space read as a thousands space, once
            got = _readings(heads, run, kinds, sums, dropped, empties, base, at, totals, _split_grouped)
            row = f"{t.row[-1] if t.row else t.table} {run[:30]}"
            if broke and got[0] and not got[3]:
                # they keep its totals (`1 234 5 0 0 0 0 1 239` under seven columns: 1234 … 1239):
                # the report writes thousands spaces
                options, plain, unlisted, broke = got
                self._groups(t.table, f"its glued row {row} keeps its totals only")
            elif options == [] and got[0]:
                # they read it into its columns (`3 437 4 885 4 885` under three), and nothing says the
                # report writes them: offered, never filled (a column the template lacks would read so
                # too) — and rows enough so read show that it does
                options, plain, unlisted, broke = got
                open_ = uncut = True
                self.rep.grouped_only += 1
                if self.rep.grouped_only == GROUPED_ONLY_ROWS:
                    self._groups(t.table, f"{GROUPED_ONLY_ROWS} glued rows (the last {row}) read into their columns only")
        how = (heads, run, kinds, sums, dropped, base, at)
        if options == []:
            self.rep.uncut[t.table] = self.rep.uncut.get(t.table, 0) + 1
        if not options:
            why = "too many ways to split" if options is None else f"cannot be cut into {len(cols)} cells"
            said = f"{' / '.join(t.row) or t.table} ({run[:30]}: {why})"
            self.unsplit.append(said)
            self.row_notes[(t.table, t.row)] = f"its figures {run[:30]!r}: {why}"
            if options == [] and " " in run and not self._grouping():
                self.rep.spaced_rows.append((None, how, t, cols, open_, said))
            return
        u = Uncertain(t.table, t.row, cols, options, "solved", "glued", plain, kinds, open_ or unlisted, bool(dropped))
        self.uncertain.append((u, t))
        if uncut:  # (a row no cut into its columns reads, as those of rep.uncut: _misfit)
            self.rep.uncut_read.add(id(u))
        if bare and (not empties or not totals and sums):  # (read again if a later row shows more: _solve)
            self.rep.bare_rows.append((u, how, empties, totals))
        if " " in run and not self._grouping():
            self.rep.spaced_rows.append((u, how, t, cols, open_, ""))

    def _misfit(self, table: str, items: list[tuple[Uncertain, _Target]]) -> bool:
        """Do most of the table's rows read from runs or placed figures fit none of the template's
        columns — no reading keeps the row's own total, or no cut into its columns at all? Then
        the table has columns the template lacks (a 小计 before 总计, last year's figures after it),
        and a row whose reading keeps its total does so by chance (`0110000 11 11` read as 0 | 110
        | 0 | 0 | 0 | 1 | 111): its rows are offered, never filled (said in a warning). So too
        when its header ends in words naming no column and some glued row cannot be cut: that
        column holds figures (an empty 备注 column costs nothing)."""
        uncut = self.rep.uncut.get(table, 0)
        n = len(items) + uncut
        if uncut and table in self.rep.unnamed_end:
            # its header ends in words naming no column (对外公开总数量 备注) and some run cannot be
            # cut into its columns: that column holds figures, which run into each row's last cell
            # (2092 and 2 read 20922, by the text alone where no identity objects)
            self.warnings.append(f"{table}: its header ends in words that name no column of the template, and "
                                 f"{uncut} of its glued rows cannot be cut into its columns — the table has a column "
                                 "the template lacks: its rows are offered, never filled")
            return True
        if n < 3:
            return False
        bad = uncut
        for u, _ in items:
            if id(u) in self.rep.uncut_read:
                bad += 1  # (no cut into the template's columns reads it: as good as uncut)
                continue
            sums = _row_sums(self.template_id, table, u.row, u.columns)
            # (a total given alone, its parts empty, keeps it: solve._total_alone)
            if sums and not any(all(holds("eq", _value_of(o.values[tot]) - sum(_value_of(o.values[p]) for p in parts))
                                    or total_alone(o.values, tot, parts)
                                    for tot, parts in sums) for o in u.options):
                bad += 1
        if 2 * bad <= n:
            return False
        self.warnings.append(f"{table}: {bad} of its {n} rows read from runs or placed figures fit none of the "
                             "template's columns keeping their own totals — the table has columns the template "
                             "lacks: its rows are offered, never filled")
        return True

    def _glued_years(self, t: _Target, cols: tuple[LabelPath, ...], run: str, kinds: tuple[str, ...], base: int,
                     at: list[int] | None) -> None:
        """A glued run of a one-column table whose header names several columns of figures
        (本年数上年数, 本年度历年累计, 2015年2014年): one figure a column, glued (`条63209` is 63 this
        year, 209 the year before — read whole, 63209 was the year's figure). The report year's
        figure is cut from the run in each way the run divides into that many figures; the
        identities choose among them, or they stay its candidates. Where the header does not say
        which column is the year's, nothing is read."""
        head = self.head
        k = head.this_year()
        m = len(head.years)
        if f"years {t.table}" not in head.said:
            head.said.add(f"years {t.table}")
            self.warnings.append(f"{t.table}: its header gives {m} columns of figures ("
                                 f"{', '.join(w for _, w in head.years)}), glued into one run a row; "
                                 + (f"{head.years[k][1]}'s figure is cut from each run where the identities choose"
                                    if k is not None else "which is the report year's, it does not say: not read"))
        # a change's column (增减, 同比) takes a sign: `63209-146` is 63 | 209 | -146
        each = tuple("signed" if _CHANGE_WORD.search(w) else kinds[0] for _, w in head.years)
        opts = self._split()(run, each) if k is not None else []
        # (the other columns' cells may be empty: a run of digits alone may be the year's figure whole)
        whole = self._split()(run, kinds) if k is not None and _ONE_FIGURE.fullmatch(run) else []
        if opts is None or not opts and not whole:
            why = ("too many ways to split" if opts is None else f"cannot be cut into {m} figures" if k is not None
                   else "its header does not say which column of figures is the report year's")
            self.unsplit.append(f"{' / '.join(t.row) or t.table} ({run[:30]}: {why})")
            self.row_notes[(t.table, t.row)] = f"its figures {run[:30]!r}: {why}"
            return
        best: dict = {}
        for o in [*opts, *(whole or ())]:  # (one reading a figure of the year: its likeliest cut)
            j = k if len(o.values) == m else 0
            v = o.values[j]
            if v not in best or best[v].weight < o.weight:
                best[v] = Option((v,), (o.spans[j],), (o.raws[j],), o.weight)
        self.uncertain.append((Uncertain(t.table, t.row, cols, _shifted(list(best.values()), base, at), "solved",
                                         "glued", None, kinds), t))

    def _cut_from_label(self, tok: Tok) -> bool:
        """On a page that glues figures: is `tok`, a figure alone where its line starts, the first
        of a row of several columns whose label ended the line before (blank lines alone between)
        — the row's glued figures, the line cut between them and their label
        (`…政府集中采购` / `163312504.77万元`)? Read as one cell, 163312504.77 was filled at 0.9."""
        t = self.target
        if t is None or t.values or t.label is None or t.label.line >= tok.line or not t.row:
            return False
        if len(self.idx.columns[(t.table, t.row)]) < 2 or self.doc.norm[t.label.end:tok.start].strip():
            return False
        k = self.pos + 1
        if k < len(self.toks) and (nxt := self.toks[k]).line > tok.line and not nxt.glued and _figure(nxt.text) \
                and self.doc.norm_lines[tok.line].strip() == tok.text:
            return False  # (a figure alone on its line, then another on a later one: a table a cell a line)
        return RUN_AT.fullmatch(tok.text) is not None

    def _run_on(self, a: Tok, b: Tok) -> str | None:
        """Does the glued run `a`, which ends its line, run on in the figures `b` that open a later
        line, blank lines alone between them — a line cut inside a row's figures, wherever it fell
        (a text wrapped at a width, once)? The joint: "" (or ".", a decimal point left at the line's
        end: `…51878874.` / `11万元`), else None. Runs whose figures stand apart (`0 0 0`, a PDF's row
        wrapped) break between cells."""
        norm = self.doc.norm
        if not a.glued or b.line <= a.line or b.multi:
            return None
        if (" " in a.text or " " in b.text or norm[a.start - 1:a.start] in (" ", "\t")
                or norm[b.end:b.end + 1] in (" ", "\t")) and not self._page_line(a, b):
            # (figures a space apart from their label or the next cell: the page keeps separators,
            # and a row wrapped by a PDF breaks between its cells — but a page's text on a line or
            # two, its labels glued and its figures a space apart here and glued there, was cut
            # anywhere: `规范性文件 2872 341` / `74711 第二十条…` read as a boundary gave 341 for 3417)
            return None
        if not b.glued and ((p := parse_value(b.text)) is None or p.value is None or not b.text[0].isdigit()):
            return None
        between = norm[a.end:b.start]
        point = between[:1] == "." and a.text[-1].isdigit() and b.text[0].isdigit()
        rest = between[1:] if point else between
        if (core := rest.strip()) and not any(self.doc.norm_lines[k].strip() == core
                                              and bare_page_number(self.doc.norm_lines, k) == "sure"
                                              for k in range(a.line + 1, b.line)):
            return None  # (only blank lines between — or a page's bare number, stream.bare_page_number: the page broke there)
        return "." if point else ""

    def _page_line(self, a: Tok, b: Tok) -> bool:
        """Are the lines of `a` and `b` a page's text run together rather than a table's rows: longer
        together than rows (stream.page_text), or words going on after `b` on its line (the next
        row's label, the next heading) — a row a PDF wrapped ends its line with its figures."""
        lines = self.doc.norm_lines
        if page_text(lines, a.line, b.line):
            return True
        rest = self.doc.norm[b.end:self.doc.norm_line_starts[b.line + 1] - 1] if b.line + 1 < len(lines) else self.doc.norm[b.end:]
        return _CJK_CHAR.search(rest) is not None

    def _dropped(self, t: _Target, cols: tuple[LabelPath, ...], run: str, kinds: tuple[str, ...]) -> list[Option] | None:
        """A run at the end of its line whose figures stand one space apart (or one figure a space
        after its label), fewer than the row's columns (`5 1 6` under seven; `规范性文件 521` under
        three): the text had separators, and the cells it lacks are empty ones it dropped — each
        figure a cell, placed as a row that lost its empty cells is. Read beside the run's glued
        cuts (1|6 of `16 0 0 0 16`, 5|2|1 of 521), never instead: which, only the identities can
        say. [] otherwise; None when the placements are too many to list."""
        figures = run.split(" ")
        n = len(kinds)
        norm, first = self.doc.norm, t.values[0][0]
        if len(figures) == 1 and not (first.start and norm[first.start - 1] == " "):
            return []  # (one figure glued to its label, 规范性文件521, is a glued run: 规范性文件 521 may be one cell)
        if len(figures) >= n or not all(_ONE_FIGURE.fullmatch(f) for f in figures):
            return []  # (a piece with a leading zero, 00 or 01, is glued cells: the run is glued, not spaced)
        if any(norm[a.end:b.start].strip() for (a, _), (b, _) in zip(t.values, t.values[1:])):
            # (pieces a note or a mark parts, 2000（8件）20000（3件）1105016: glued runs, no figures one space
            # apart — read as such, three totals alone, every part empty, were filled at 0.9)
            return []
        items, at = [], 0
        for f in figures:
            items.append((parse_value(f), (at, at + len(f)), f))
            at += len(f) + 1
        opts = self._placed(t.table, cols, kinds, items)
        if not opts:
            return opts
        # weighed as the glued cuts are, by how common its figures are (solve.split_prior: 11 and 1
        # against 1, 1 and 1), and, on a page that glues cells elsewhere, as unlikely: ranked below
        # the cuts there, never decided by it (a prior: the evidence stays)
        prior = split_prior(figures)
        seen = self._glue_seen()
        if not seen:
            return [Option(o.values, o.spans, o.raws, o.weight * prior, o.why) for o in opts]
        why = (f"the page glues a row's figures together elsewhere ({seen}), so an empty cell it dropped is "
               f"less likely (a prior)")
        return [Option(o.values, o.spans, o.raws, o.weight * prior * GLUED_PAGE_FACTOR,
                       f"{o.why}; {why}" if o.why else why) for o in opts]

    def _glue_seen(self) -> str | None:
        """Where the page's table rows show figures glued together beyond doubt — a piece of a run
        with a leading zero (`000`, `0 00 0`, `1 0 0 0 001`: no figure is written so) — as
        `000 on line 12`; None when none does. A page that glues some rows' cells glues, rather than
        drops, in its others: a run one space apart with fewer figures than columns (`规章 11 1`
        under three) is then likelier three cells, two glued, than two with an empty one dropped."""
        if self.glue_seen is False:
            self.glue_seen = None
            for tok in self.toks:
                if tok.glued and _LEADING_ZERO.search(tok.text):
                    self.glue_seen = f"{tok.text[:24]} on line {tok.line + 1}"
                    break
        return self.glue_seen  # type: ignore[return-value]

    def _regroup(self) -> None:
        """The glued rows read before a later one showed the report's thousands spaces, read both ways:
        their readings replaced, and a row that could not be cut at every space read now."""
        for u, how, t, cols, open_, said in self.rep.spaced_rows:
            heads, run, kinds, sums, dropped, base, at = how
            options, plain, unlisted, _ = _readings(heads, run, kinds, sums, dropped, bool(self.rep.empties),
                                                    base, at, t.table in self.rep.totals, _split_grouped)
            if u is not None:
                if options:  # (too many ways now: the row keeps its readings, and is offered, never filled)
                    u.options, u.plain = options, plain
                u.open = u.open or unlisted or options is None
            elif options:
                self.row_notes.pop((t.table, t.row), None)
                self.unsplit.remove(said)
                u = Uncertain(t.table, t.row, cols, options, "solved", "glued", plain, kinds, open_ or unlisted,
                              bool(dropped))
                self.uncertain.append((u, t))
                self.rep.uncut[t.table] -= 1  # (counted now as a row read: _misfit)
                self.rep.uncut_read.add(id(u))

    def _groups(self, table: str, shown: str) -> None:
        """The report writes thousands spaces, as `shown` (…only) with one: its glued rows are read both
        ways from here, those read before again (_solve → _regroup), and a warning says why."""
        self.grouping = True
        self.warnings.append(f"{table}: {shown} with a space read as a thousands space (2 636): each glued "
                             "row of the report is read so too, the identities choose")

    def _split(self):
        """split_run as this page's glued rows are cut: reading thousands spaces too where it may
        write them (_grouping)."""
        return _split_grouped if self._grouping() else split_run

    def _grouping(self) -> bool:
        """May a space inside the page's glued rows be a thousands space (千分空, 2 636)? Where the
        report writes one for sure — a figure so grouped in a sentence, with its unit (共受理申请1 236件).
        Where it writes a figure of four digits or more whole for sure — a cell of its own (| 22990 |),
        a sentence's figure with its unit (1236件) — not; nor where a space between two figures of
        its glued rows is surely a cut: one stands before a figure of one or two digits (`8 0 0 0 0
        0 8`, `12 345 67`: cells one space apart). Otherwise it may: each such space is read both
        ways (solve.split_run), the identities choose. Rows read later may still show it does
        (_glued_row, _groups)."""
        if self.grouping is None:
            norm = self.doc.norm
            spaced = [tok.text for tok in self.toks if tok.glued and " " in tok.text]
            if not spaced:
                self.grouping = False  # (no glued run holds a space: nothing to read two ways)
            elif _GROUPED_IN_SENTENCE.search(norm) is not None:
                self.grouping = True
            elif any(_SHORT_AFTER_SPACE.search(run) for run in spaced):
                self.grouping = False
            else:
                self.grouping = not self._writes_whole()
        return self.grouping

    # ------------------------------------------------------------------ the uncertain rows, solved
    def _solve(self) -> None:
        if not self.uncertain:
            return
        for u, how, emptied, totalled in self.rep.bare_rows:  # (read before a glued row showed empty cells, or totals alone)
            empties, totals = bool(self.rep.empties), u.table in self.rep.totals
            if empties > emptied or totals > totalled:
                heads, run, kinds, sums, dropped, base, at = how
                u.options, u.plain, unlisted, _ = _readings(heads, run, kinds, sums, dropped, empties, base, at, totals,
                                                            self._split())
                u.open = u.open or unlisted
        if self.grouping:  # (turned on by a later row: those read before, each space a cut, read both ways)
            self._regroup()
        by_table: dict[str, list[tuple[Uncertain, _Target]]] = {}
        for u, t in self.uncertain:
            if all(k in self.cells for k in self._row_keys(u)):
                # the row was read already (a repeated table): its first reading stands where some
                # reading of this one agrees with it; where none does, the cell is given both
                self._contradicted(u)
                continue
            by_table.setdefault(u.table, []).append((u, t))
        choice = any(len(u.options) > 1 for u, _ in self.uncertain)
        evidence = self._evidence() if choice else set()
        signs = self._signs() if choice and any("signed" in u.kinds for u, _ in self.uncertain) else ""
        tid = self.template_id
        for table, items in by_table.items():
            misfit = self._misfit(table, items)
            # one uncertain reading per row: a row seen twice keeps its first — with, where it stands
            # again with its figures written otherwise, the readings of the second too
            seen: dict[LabelPath, int] = {}
            rows = []
            for u, t in items:
                if u.row not in seen:
                    seen[u.row] = len(rows)
                    # a row that stands again with its figures written otherwise (a table repeated
                    # with other figures): which is the report's, nothing says — offered only
                    rows.append((replace(u, open=True) if (table, u.row) in self.rep.contested or misfit else u, t))
                elif (table, u.row) in self.rep.contested and u.columns == rows[seen[u.row]][0].columns:
                    # (its first reading's options alone were offered: 3 | … | 4 breaking 总计 = 自然人 +
                    # 法人或其他组织, never the second copy's 3 | … | 3 that keeps it) — over the same
                    # columns only: a copy whose header names others (商业企业 left out) reads its
                    # figures into those, and its options, placed in the first's, ran past them
                    first, at = rows[seen[u.row]]
                    have = {o.values for o in first.options}
                    more = [o for o in u.options if o.values not in have]
                    if more:
                        rows[seen[u.row]] = (replace(first, options=[*first.options, *more], open=True), at)
            known = {k: c.value for k, c in self.cells.items()
                     if k[0] == table and k not in self.rep.conflicts and k not in self.rep.unknown}
            cons, hints = _constraints(tid, table)
            out = solve([u for u, _ in rows], known, cons, hints, evidence, signs=signs)
            decided = open_ = 0
            for (u, t), res in zip(rows, out.rows):
                if not res.source:  # read only as its totals alone, which the identities do not bear out
                    raw = "".join(u.options[0].raws) if u.options else ""
                    why = "read only as its totals alone (every part empty), which the table's identities do not bear out"
                    self.unsplit.append(f"{' / '.join(u.row) or u.table} ({raw[:30]}: {why})")
                    self.row_notes[(u.table, u.row)] = f"its figures {raw[:30]!r} {why}"
                    continue
                if res.candidates:  # made when read (the app, the cross-year scoring)
                    self.splits.defer((u.table, u.row), _split_of, u, res)
                unit = t.unit[1] if t.unit else None
                around: tuple | None = None
                for j, col in enumerate(u.columns):
                    key = (u.table, u.row, col)
                    if j in res.decided:
                        value, d = res.decided[j]
                        decided += 1
                        span = res.source[d].spans[j]
                        raw = res.source[d].raws[j]
                        if value is None and span is not None and blank_mark(raw):
                            # a dash among a glued row's figures: an empty cell, shown where it stands
                            self._put(u.table, u.row, col, self._span_tok(span), BLANK, CONF_SOLVED, unit, u.method)
                            continue
                        if value is None or span is None:
                            self.cells.setdefault(key, Cell(u.table, u.row, col, None, confidence=CONF_SOLVED,
                                                            method=u.method))
                            continue
                        p = parse_value(raw) or Parsed(value, None, "count")
                        self._put(u.table, u.row, col, self._span_tok(span), p, CONF_SOLVED, unit, u.method)
                    elif j in res.candidates:
                        open_ += 1
                        if key in self.cells:
                            continue
                        if around is None:  # once a row: where its options stand in the text
                            spans = [sp for d in res.options for sp in res.source[d].spans if sp is not None]
                            if spans:
                                a, b = min(sp[0] for sp in spans), max(sp[1] for sp in spans)
                                sa, sb = (a, b) if self.identity else (self.doc.to_orig(a), self.doc.to_orig(b))
                                around = (self.doc.text[sa:sb], self.doc.line_of(sa) + 1, sa, sb)
                            else:
                                around = ()
                        if not around:
                            self.cells[key] = Cell(u.table, u.row, col, None, candidates=tuple(res.candidates[j]),
                                                   method=u.method)
                            continue
                        raw, line, sa, sb = around
                        self.cells[key] = Cell(u.table, u.row, col, None, raw, None, line, sa, sb, 0.0,
                                               tuple(res.candidates[j]), u.method)
            solved = [(u, res) for (u, _), res in zip(rows, out.rows)]
            if open_ and any(u.method == "inferred" for u, _ in solved):
                q = table_question(load_template(tid), table, solved, self.cells, self.doc.norm)
                if q is not None:
                    self.questions.append(q)
            kinds = sorted({u.why for u, _ in rows})
            what = {"glued": "glued into runs of figures", "empty cells dropped": "missing empty cells",
                    "its header's order differs": "under a header in another order",
                    "empty fields before the values": "with empty fields before their values that may be cells",
                    "more values than columns": "showing more values than columns",
                    "a value spans several columns": "with values spanning several columns"}
            how = {"solved": f"solved from {'; '.join(out.used)}" if out.used else "no identity ties these cells",
                   "broken": "the report's own figures break the identities, so only what the text alone decides "
                             "(and rows whose every identity holds) was filled",
                   "capped": "too many possibilities to solve together, so only what the text alone decides "
                             "(and rows whose every identity holds) was filled"}[out.status]
            offered = [u for u, _ in rows if u.open]
            if offered:  # (such a row is kept out of the identities: see _glued_row, _in_row, _finalize)
                how += (f"; {len(offered)} row(s) offered only, their readings not sure (figures one space apart "
                        "that may have dropped empty cells in too many ways, words among their figures, or a "
                        "row that stands again with other figures)")
            self.warnings.append(
                f"{table}: {len(rows)} row(s) {', '.join(what.get(k, k) for k in kinds)}; {how}: "
                f"{decided} cell(s) decided (confidence {CONF_SOLVED}), {open_} left blank with candidates"
            )

    def _row_keys(self, u: Uncertain) -> list[tuple[str, LabelPath, LabelPath]]:
        return [(u.table, u.row, c) for c in u.columns]

    def _span_tok(self, span: tuple[int, int]) -> Tok:
        a, b = span
        orig = a if self.identity else self.doc.to_orig(a)
        return Tok(self.doc.norm[a:b], a, b, self.doc.line_of(orig), False, False)

    def _evidence(self) -> set[int]:
        """Figures stated in sentences (18件, 4003条): soft evidence for ranking candidates."""
        return set(map(int, _EVIDENCE.findall(self.doc.norm)))

    def _signs(self) -> str:
        """Where the report writes its rises with a sign (增9, +9) in the cells it read plainly,
        and never without one: the first such cell, as `增9 on line 75`; "" otherwise (a report
        that writes 9 for a rise, or no rise at all, says nothing about a bare figure)."""
        info = self.idx.cellinfo
        first = None
        for key, c in self.cells.items():
            v = c.value
            if v is None or v <= 0 or info[key][0] != "signed":
                continue
            if bare(c.raw):
                return ""
            if first is None:
                first = c
        return f"{first.raw.strip()} on line {first.line}" if first is not None else ""

    def _spans(self) -> list[tuple[int, int]]:
        """The stretches of glued lines that hold tables, merged, as offsets in the text."""
        out: list[list[int]] = []
        last_table = None
        for table, a, b in sorted(self.glued_spans, key=lambda x: x[1]):
            if out and table == last_table and a - out[-1][1] <= 200:
                out[-1][1] = max(out[-1][1], b)
            else:
                out.append([a, b])
            last_table = table
        if self.identity:
            return [(a, b) for a, b in out]
        return [(self.doc.to_orig(a), self.doc.to_orig(b)) for a, b in out]

    def _summarise(self) -> None:
        for table in sorted(self.rep.shares):
            self.warnings.append(f"{table}: its rows end in a percentage (a share column the template lacks), "
                                 "read as no cell of it")
        if self.unsplit:
            self.warnings.append("rows whose figures could not be placed, left blank: " + "; ".join(self.unsplit[:10]))


MAX_SPLITS = 9  # whole-row choices kept for an undecided row (one key each in the app)


def _split_of(u: Uncertain, res) -> Split:
    """The row's remaining whole-row choices, most likely first, with the shares of the same scores
    the cells' candidates come from (solve.score_option), each with why; `decided` when the first
    is ahead of every other by its evidence, not by a prior alone (solve.ahead; never for a row only offered:
    its readings may lack the true one, or each breaks its own total)."""
    weights: dict[tuple, float] = {}
    best: dict[tuple, object] = {}
    for d in res.options:
        values = res.source[d].values
        sc = res.scores[d]
        weights[values] = weights.get(values, 0.0) + sc.weight
        if values not in best or sc.weight > best[values].weight:
            best[values] = sc
    total = sum(weights.values()) or 1.0
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    decided = not res.offered and ahead([w for _, w in ranked], [best[v].evidence for v, _ in ranked])
    ranked = ranked[:MAX_SPLITS]
    return Split(u.columns, tuple((values, round(w / total, 3)) for values, w in ranked), len(weights),
                 distinguishing([best[v].reasons for v, _ in ranked]), decided,
                 tuple(best[v].evidence for v, _ in ranked), res.offered)


@cache
def _own_identities(template_id: str, table: str, row: LabelPath, cols: tuple[LabelPath, ...]) -> tuple:
    """The table's identities (checks, not hints) over the cells of one row alone, each as
    (column index, coefficient) pairs: the review row's three totals, 总计 = 自然人 + …"""
    index = {(table, row, c): i for i, c in enumerate(cols)}
    return tuple(tuple((index[k], coef) for k, coef in c.terms) for c in _constraints(template_id, table)[0]
                 if c.kind == "eq" and all(k in index for k, _ in c.terms))


@cache
def _constraints(template_id: str, table: str) -> tuple[list[Constraint], list[Constraint]]:
    """The table's checks and hints as solver constraints (Σ lhs − Σ rhs = 0, or ≤ 0), once."""
    def of(part: str) -> list[Constraint]:
        return [Constraint(st.kind, tuple([(k, 1) for k in st.lkeys] + [(k, -1) for k in st.rkeys]), st.name, st.prior, st.factor)
                for st in plan(template_id, part)
                if (st.lkeys or st.rkeys) and (st.lkeys or st.rkeys)[0][0] == table]

    return of("checks"), of("hints")


def _trimmed(values: list[tuple[Tok, Parsed]], n: int, t: "_Target | None" = None,
             front: int | None = None) -> tuple[list[tuple[Tok, Parsed]], int]:
    """A row's fields without the empty ones past `n` at its end, then past `front` (`n`) at its
    front (the row's merged label cells, or the end of the label of its row `t` broken onto the
    line of its figures: 数量 | 3 | …), and how many were taken from the front. Words that are no
    end of the label (不详 | 11 | …) are a cell's: they stay."""
    vals = list(values)
    while len(vals) > n and vals[-1][1].value is None and vals[-1][1] is not INVALID:  # (words are a field)
        vals.pop()
    trimmed = 0
    front = n if front is None else front
    while len(vals) > front and vals[0][1].value is None and (vals[0][1] is not INVALID or _label_end(t, vals[0][0].text)):
        vals.pop(0)
        trimmed += 1
    return vals, trimmed


def _label_end(t: "_Target | None", text: str) -> bool:
    """Are these words the end of the row's label, broken onto the line of its figures — the end of
    the template's label (数量 of 上年结转政府信息公开申请数量) or of a note the report's label opened
    (（二）部分公开（区分处理的，…不计其他情 / 形）)?"""
    if t is None or not t.row or any(ch.isdigit() for ch in text):
        return False
    end = label_key(text)
    if end and label_key(t.row[-1]).endswith(end):
        return True
    start = t.label.text if t.label is not None else ""
    opened = start.count("（") + start.count("(") - start.count("）") - start.count(")")
    return opened > 0 and ("）" in text or ")" in text)


_DIGITS_AT = re.compile(r"[0-9]+")
_LOST_MOST = 2  # cells a row lacks at most for a reading with a separator lost (more: its empty cells dropped)
LOST_SEPARATOR_PRIOR = 0.1  # a reading that takes a cell of a delimited row for two, a separator lost (a prior)
_TWO_CELLS = re.compile(r"([+\-−增减]?[0-9]+)((?:[0-9]+)(?:\.[0-9]+)?(?:万元|元|" + COUNT_UNIT_WORDS + ")?)")


def _lost_separators(items: list, kinds: tuple[str, ...], options: list[Option]) -> list[Option]:
    """A row of cells (between bars or tabs, or one space apart) with a figure or two fewer than
    its columns and no empty cell shown: its empty cells dropped — or a separator lost between two of its cells, one cell
    holding both (`政府集中采购 | 344570912.82万元` for 3445 | 70912.82万元; `4130 | 减363687` for
    4130 | 减36 | 3687). Each way to cut one cell in two (its second part no figure with a leading
    nought), placed as the row's fields are, weighing LOST_SEPARATOR_PRIOR (a prior): with the
    dropped cells' readings, the identities choose — the one reading that fitted the kinds of the
    columns had been filled at 0.9."""
    seen = {o.values for o in options}
    out: list[Option] = []
    for i, (p, (a, b), raw) in enumerate(items):
        if raw.count(" ") == 1:
            # (a figure its thousands space read whole, 减45 910: or two cells, 减45 | 910; or a cell
            # of two figures one space apart, no figure, `11 0`: two cells, a tab turned into a space)
            cuts = [(raw.index(" "), raw.index(" ") + 1)]
        elif p.value is None:
            continue
        elif _TWO_CELLS.fullmatch(raw) is not None:
            lead = len(raw) - len(raw.lstrip("+-−增减"))
            whole = lead + len(_DIGITS_AT.match(raw, lead).group())  # (the figure's whole part: cut inside it)
            cuts = [(cut, cut) for cut in range(lead + 1, whole)]
        else:
            continue
        for cut, rest in cuts:
            first, second = raw[:cut], raw[rest:]
            if second[0] == "0" and len(second) > 1 and second[1].isdigit():
                continue
            p1, p2 = parse_value(first), parse_value(second)
            if p1 is None or p2 is None or p1.value is None or p2.value is None:
                continue
            merged = [*items[:i], (p1, (a, a + cut), first), (p2, (a + rest, b), second), *items[i + 1:]]
            for o in placements(merged, kinds) or ():
                if o.values not in seen:
                    seen.add(o.values)
                    out.append(Option(o.values, o.spans, o.raws, o.weight * LOST_SEPARATOR_PRIOR,
                                      f"reads {raw} as two cells, {first} and {second}, a separator lost (a prior)"))
        if len(out) > MAX_OPTIONS:
            break
    return out


def _value_of(v) -> float:
    return 0 if v is None else v


@cache
def _row_sums(template_id: str, table: str, row: LabelPath, cols: tuple[LabelPath, ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """The row's own identities as (total column, part columns), by column index."""
    out = []
    for st in plan(template_id, "checks"):
        keys = st.lkeys + st.rkeys
        if len(st.lkeys) != 1 or st.kind != "eq" or not all(k[0] == table and k[1] == row for k in keys):
            continue
        try:
            out.append((cols.index(st.lkeys[0][2]), tuple(cols.index(k[2]) for k in st.rkeys)))
        except ValueError:
            continue
    return tuple(out)


def _shifted(opts: list[Option] | None, base: int, at: list[int] | None) -> list[Option] | None:
    """A glued run's options with their spans in the text: `base` + offset in the run, or through
    `at` (each character of a run joined from pieces → its offset in the text)."""
    if opts is None:
        return None
    if at is None:
        return [Option(o.values, tuple(None if sp is None else (base + sp[0], base + sp[1]) for sp in o.spans),
                       o.raws, o.weight, o.why) for o in opts]
    return [Option(o.values, tuple(None if sp is None else (at[sp[0]], at[sp[1] - 1] + 1) for sp in o.spans),
                   o.raws, o.weight, o.why) for o in opts]


# a share column's percentage at the end of a glued row (`…388` then `3.9%`: `3883.9%`); its whole
# part is one digit to three, at most 100, and may have taken the last digits of the figures before
_SHARE_END = re.compile(r"(\d{1,3})(?:\.\d{1,2})?%$")


def _share_readings(run: str) -> list[str] | None:
    """The ways to read a glued run that ends in a percentage (a share column after the row's
    figures, which the template lacks) as its figures without it, the likeliest first: the
    percentage's whole part takes one digit, two or three (`3883.9%`: 388 and 3.9%, or 38 and
    83.9%; 883.9% is no share) — the identities choose. None: the run ends in no percentage."""
    m = _SHARE_END.search(run)
    if m is None:
        return None
    whole = m.group(1)
    out = []
    for w in range(1, len(whole) + 1):
        part = whole[-w:]
        if (w > 1 and part[0] == "0") or int(part) > 100:
            continue
        head = run[:m.end(1) - w].rstrip(" \t")
        if head and head[-1].isdigit():
            out.append(head)
    return out


def _extra_readings(run: str, most: int = 6) -> list[str]:
    """The ways to read a glued run that may end in the figure of a column the template lacks:
    whole (that cell empty, its figure dropped by the scrape), or without its last 1 to `most`
    digits, up to the cell boundary a space marks (`0101214081230115016 2`)."""
    out = [run]
    for w in range(1, min(most, len(run) - 1) + 1):
        if not run[-w].isdigit():
            break
        head = run[:-w]
        if head[-1] in " \t":
            out.append(head.rstrip(" \t"))
            break
        if head[-1].isdigit():
            out.append(head)
    return out


def _readings(heads: list[str] | None, run: str, kinds: tuple[str, ...], sums, dropped: list[Option],
              empties: bool, base: int, at: list[int] | None, totals: bool = False, split=split_run):
    """A glued row's readings: (its options, with their spans in the text; the function giving its
    plain ones, or None when they are these; whether its true reading may be missing from them;
    whether no reading keeps the row's own totals). The run's cuts into its columns (of each of
    its `heads` readings) and the placements of a spaced run that `dropped` empty cells; with
    `empties` (the report leaves cells empty, and the scrape dropped them) its cuts with empty
    cells too (`split_empties`) — too many to list, and the row is offered, never filled; with
    `totals` (its table gives its totals alone) its readings as those (`totals_only`). A row that
    breaks its own total is read by its plain cuts, as candidates. `split`: split_run, or split_run
    reading thousands spaces too (_Aligner._split)."""
    options = _union(_split_heads(heads, run, kinds, sums, split=split), dropped)
    if totals and options is not None:
        options = _union(options, _split_heads(heads, run, kinds, sums, split=totals_only))
    unlisted = False
    if empties and options is not None:  # (None: too many ways already, the row is not read)
        short = _split_heads(heads, run, kinds, sums, split=split_empties)
        unlisted = short is None
        if not unlisted:
            options = _union(options, short)
    elif options and not sums:
        # a row no identity ties, its cells decided where its readings agree — unless a cell of it
        # may be empty, its figure dropped with its separator (`1712减11`: 1712 | -1 | 1, or 1712 |
        # -11 | ∅): such readings too, where they undo what the others agree on (an empty cell for
        # a 0 undoes nothing)
        first = options[0].values
        agreed = [k for k in range(len(kinds)) if all(_same_figure(o.values[k], first[k]) for o in options)]
        short = _split_heads(heads, run, kinds, split=split_empties) if agreed else None
        if short:
            options = options + [o for o in short if not all(_same_figure(o.values[k], first[k]) for k in agreed)]
    broke = options == [] and bool(sums)
    if broke:  # the row breaks its own total: its plain splits, as candidates
        options = _union(_split_heads(heads, run, kinds, budget=CANDIDATE_BUDGET, split=split), dropped)
        unlisted = unlisted or empties  # (its plain cuts with empty cells: not listed)
        sums = ()

    def plain() -> list[Option] | None:
        found = _union(_split_heads(heads, run, kinds, budget=CANDIDATE_BUDGET, split=split), dropped)
        if empties:
            found = _union(found, _split_heads(heads, run, kinds, budget=CANDIDATE_BUDGET, split=split_empties))
        return _shifted(found, base, at)

    return _shifted(options, base, at), (plain if sums else None), unlisted, broke


def _same_figure(x, y) -> bool:
    """Do two readings give a cell the same figure, an empty cell and a 0 taken as one?"""
    return x == y or x in (None, 0) and y in (None, 0)


def _split_heads(heads: list[str] | None, run: str, kinds: tuple[str, ...], sums=(),
                 budget: int = SPLIT_BUDGET, split=split_run) -> list[Option] | None:
    """split_run (or `split`) of the run, or of each of its readings without a share's percentage
    (`_share_readings`), their budget shared: the union of their options; None when too many."""
    if heads is None:
        return split(run, kinds, sums, budget)
    out: list[Option] | None = []
    for head in heads:
        out = _union(out, split(head, kinds, sums, max(500, budget // len(heads))))
        if out is None:
            return None
    return out


def _union(a: list[Option] | None, b: list[Option] | None) -> list[Option] | None:
    """The options of two readings of one row, each set of values once (the first reading's
    first); None when either has too many to list."""
    if a is None or b is None:
        return None
    if not b:
        return a
    seen = {o.values for o in a}
    return a + [o for o in b if o.values not in seen]


MAX_ORDERS = 120  # orders a header's lines may allow; past it, its rows stay blank


@lru_cache(maxsize=1024)
def report_orders(template_id: str, table: str, cols: tuple[LabelPath, ...],
                  heads: tuple[tuple[str, int], ...], lines: bool = True) -> tuple[tuple[LabelPath, ...], ...] | None:
    """Every order of a row's columns that the report's own header allows (`report_columns`:
    the one it gives). `heads`: the label keys of the header cells in the report's order, each
    with its line. A column group (法人或其他组织) is expanded into the parts its header names, or
    stays one column when it names none; a part it does not name is a column the table does not
    have. Siblings on one line stand in its order. Siblings on several lines (a header of several
    rows, a cell spanning them set on a line of its own, text taken from a PDF) say only what is
    left of what within each line: in the template's order when every line agrees with it (a
    spanning 总计 above its siblings), else in every order that keeps each line's (the lines'
    interleavings), none of which the template's is — more than MAX_ORDERS: None. `lines=False`:
    the order of the cells, whatever their lines. () when the header does not name every
    top-level column of the template."""
    spec = table_index(template_id).specs[table]
    first: dict[str, tuple[int, int]] = {}
    for i, (k, line) in enumerate(heads):
        first.setdefault(k, (i, line))

    def rank(label: str) -> tuple[int, int] | None:
        at = [first[k] for k in (label_key(x) for x in (label, *spec.aliases.get(label, ()))) if k in first]
        return min(at) if at else None

    children: dict[LabelPath, list[str]] = {}
    for c in cols:
        for d in range(len(c)):
            kids = children.setdefault(c[:d], [])
            if c[d] not in kids:
                kids.append(c[d])
    leaves = set(cols)
    if any(rank(label) is None for label in children.get((), ())):
        return ()
    own = _group_ranks(spec, children, leaves, heads, lines, rank)

    def expand(prefix: LabelPath) -> list[list[LabelPath]]:
        mine = own.get(prefix)
        named = [(r, i, label) for i, label in enumerate(children.get(prefix, ()))
                 if (r := (mine[label] if mine else rank(label))) is not None]
        if not named:
            return []
        if not lines or len({r[1] for r, _, _ in named}) == 1:  # on one line: in its order
            named.sort()
            ways = [[label for _, _, label in named]]
        else:
            by_line: dict[int, list[tuple[tuple[int, int], int, str]]] = {}
            for x in sorted(named):
                by_line.setdefault(x[0][1], []).append(x)
            seqs = [[label for _, _, label in xs] for xs in by_line.values()]
            if all([i for _, i, _ in xs] == sorted(i for _, i, _ in xs) for xs in by_line.values()):
                ways = [[label for _, _, label in named]]  # every line agrees with the template's order
            else:
                ways = _interleavings(seqs, MAX_ORDERS + 1)
        out: list[list[LabelPath]] = []
        for way in ways:
            partial: list[list[LabelPath]] = [[]]
            for label in way:
                path = (*prefix, label)
                subs = [[path]] if path in leaves else (expand(path) or [[path]])
                partial = [p + q for p in partial for q in subs]
                if len(partial) > MAX_ORDERS:
                    break
            out.extend(partial)
            if len(out) > MAX_ORDERS:
                break
        return out

    orders = expand(())
    return None if len(orders) > MAX_ORDERS else tuple(dict.fromkeys(tuple(o) for o in orders))


def _group_ranks(spec, children: dict[LabelPath, list[str]], leaves: set[LabelPath],
                 heads: tuple[tuple[str, int], ...], lines: bool, rank) -> dict[LabelPath, dict[str, tuple[int, int]]]:
    """Where each group whose columns bear the same labels as another group's (结果维持 … 总计 under
    行政复议, 未经复议直接起诉 and 复议后起诉) has its own cells in the header: {group: {label:
    (index, line)}}, or {} when the header does not say for sure. It says when every line (the
    whole header with `lines=False`) holding such labels holds them in whole sets, each set once
    every label, as many sets as groups: the k-th set in reading order is the k-th group's in the
    report's order of the groups. Anything else (a label a line above its set — a header cell
    spanning rows, an OCR'd baseline —, a set short of one) and every group is read in its first
    cells' order, as before."""
    shared: dict[tuple[str, ...], list[LabelPath]] = {}
    for prefix, kids in children.items():
        if prefix and all((*prefix, k) in leaves for k in kids):
            shared.setdefault(tuple(kids), []).append(prefix)
    out: dict[LabelPath, dict[str, tuple[int, int]]] = {}
    for labels, groups in shared.items():
        if len(groups) < 2:
            continue
        of = {label_key(x): label for label in labels for x in (label, *spec.aliases.get(label, ()))}
        by_line: dict[int, list[tuple[int, str]]] = {}
        for i, (k, line) in enumerate(heads):
            if k in of:
                by_line.setdefault(line if lines else 0, []).append((i, of[k]))
        n, sets = len(labels), []
        for line, seq in by_line.items():
            if len(seq) % n:
                return {}
            for j in range(0, len(seq), n):
                chunk = seq[j:j + n]
                if len({label for _, label in chunk}) != n:
                    return {}
                sets.append({label: (i, line) for i, label in chunk})
        if len(sets) != len(groups):
            return {}
        keys = []
        for g in groups:
            at = [rank(g[d]) for d in range(len(g))]
            if any(r is None for r in at):
                return {}
            keys.append(tuple(r[0] for r in at))
        sets.sort(key=lambda s: min(s.values()))
        for (_, g), s in zip(sorted(zip(keys, groups)), sets):
            out[g] = s
    return out


def _interleavings(seqs: list[list[str]], most: int) -> list[list[str]]:
    """Every merge of `seqs` that keeps each one's order (at most `most` of them)."""
    out: list[list[str]] = []

    def walk(at: list[int], acc: list[str]) -> None:
        if len(out) >= most:
            return
        if all(a == len(q) for a, q in zip(at, seqs)):
            out.append(acc)
            return
        for k, q in enumerate(seqs):
            if at[k] < len(q):
                walk(at[:k] + [at[k] + 1] + at[k + 1:], acc + [q[at[k]]])

    walk([0] * len(seqs), [])
    return out


def report_columns(template_id: str, table: str, cols: tuple[LabelPath, ...],
                   heads: tuple[tuple[str, int], ...], lines: bool = True) -> tuple[LabelPath, ...] | None:
    """The columns of a row as the report's own header gives them, or None when it gives the
    template's, does not say, or allows several orders (`report_orders`)."""
    orders = report_orders(template_id, table, cols, heads, lines)
    return orders[0] if orders is not None and len(orders) == 1 and orders[0] != cols else None


def align(doc: Document, template_id: str, toks: list[Tok]) -> Alignment:
    return _Aligner(doc, template_id).run(toks)
