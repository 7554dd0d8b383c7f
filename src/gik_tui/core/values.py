"""Parse the figures of a report: counts, signed changes, amounts with units.

    parse_value("增9")          -> Parsed(9, None, "signed")
    parse_value("减61")         -> Parsed(-61, None, "signed")  (减少61, 下降61, ↓61 too)
    parse_value("14246.73万")   -> Parsed(14246.73, "万元", "amount")
    parse_value("251000元")     -> Parsed(25.1, "万元", "amount")
    parse_value("１２３")        -> Parsed(123, None, "count")
    parse_value("—")            -> BLANK (an empty cell)
    parse_value("本年新")        -> None (not a figure)
    parse_value("17*")          -> Parsed(17, None, "count") (a footnote's mark after it: 17[1], 17（注1）)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

Number = int | float


@dataclass(frozen=True, slots=True)
class Parsed:
    value: Number | None
    unit: str | None
    kind: str  # "count" | "signed" | "amount" | "blank"


BLANK = Parsed(None, None, "blank")

# Marks of an empty cell: nothing, dashes, a slash, 无 (none).
_BLANKS = {"", "-", "--", "—", "——", "–", "/", "\\", "无", "空", "null", "N/A", "n/a", "－", "―"}
# the dashes a report writes for an empty cell, besides the hyphen ("-", which before a figure may be
# its sign): what a glued run of figures holds as cells of their own (tables/glued, solve)
DASHES = "—―–/"
# a change's sign, a character or a word (本年增/减: 增9, 增加9, 上升9, ↑9; 减61, 减少61, 下降61, ↓61)
RISES = ("+", "增", "↑", "增加", "增长", "上升")
FALLS = ("-", "−", "减", "↓", "减少", "下降")
_NUM = re.compile(
    r"(?P<sign>" + "|".join(map(re.escape, sorted(RISES + FALLS, key=len, reverse=True))) + r"|)\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|[1-9]\d{0,2}(?: \d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<unit>万元|万|亿元|亿|元|条|件次|件|人次|次|篇|个|人|名|期|项|份|%)?"
)
# the count units a cell may write after its figure (0项, 13件), as one regex alternative for the
# readers that meet them inside rows of figures (tables/stream, tables/glued, tables/align, solve)
# characters drawn as nothing (zero-width spaces and joiners, the word joiner, a BOM inside the text,
# soft hyphens, direction marks): a page may put them inside a figure (1\u200b7 shows as 17) or a
# label, by its editor or to stop copying. NFKC keeps them; matching leaves them out
INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # (a character class's body)
COUNT_UNIT_WORDS = "人次|件|个|条|次|项"
COUNT_UNIT = f"(?:{COUNT_UNIT_WORDS})"
_COUNT_UNITS = {"条", "件", "件次", "次", "篇", "个", "人", "名", "期", "项", "份", "人次"}
_MAX_DIGITS = 30  # longer digit strings are not figures of a report


# what a figure or an empty-cell mark may start with (besides a space): a digit, a sign, a dash …
_MAYBE = frozenset("0123456789０１２３４５６７８９—–/\\无空nN－―零〇") | {w[0] for w in RISES + FALLS}
_ZERO = frozenset({"零", "〇"})  # nought written as a word, a cell of its own: 0


def blank_mark(raw: str | None) -> bool:
    """Is `raw` a mark a report writes for an empty cell (—, -, /, 无), not nothing at all?"""
    s = raw.strip() if raw else ""
    return bool(s) and (p := parse_value(s)) is not None and p.kind == "blank"


def parse_value(raw: str) -> Parsed | None:
    """A figure, BLANK for an empty-cell mark, or None when the text is not a figure."""
    if raw and raw[0] not in _MAYBE and not raw[0].isspace():
        return None  # most text cells: not a figure, decided by the first character
    if len(raw) > 48:
        return None
    return _parse(raw)


# a footnote's mark after a figure: 17*, 17※; a superscript digit anywhere (17¹) and a circled or
# bracketed number right after a digit (17①, 17⑴, 17⒈) are marks too, never digits of the figure
# (NFKC would make 171, 17(1), 171. of them): made FOOTNOTE_MARK here and in document.normalise
FOOTNOTE_MARK = "*"
SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"  # ⁰ … ⁹, in the digits' order
RAISED = str.maketrans("0123456789", SUPERSCRIPTS)  # a raised number as shown (<sup>1</sup>, Word's superscript)
SUPERSCRIPT_MARKS = {ord(c): FOOTNOTE_MARK for c in SUPERSCRIPTS}
NUMBERED = "\u2460-\u249b\u24ea\u2776-\u2793"  # ① … ⒛, ⓪, ❶ …
# (the character first, then what stands before it: a scan for the rare character, not a test at every place)
# — or after a word (or a note's bracket, an empty cell's dash: …之和）①, -①), where a cell or the line ends
# or a figure or a unit follows (规章① | 38, 规章①38
# glued, 政府网站公开政府信息数①条暂无) — or alone in a cell or on its line (7 |① |, a PDF's raised mark on
# a line of its own): NFKC would make 规章1 of the label, 138 of the figure, 1条 of 暂无, a figure 1 of the
# mark alone
_MARKED_WORD_ENDS = "）)】\\]—–\\-－/／"  # (what else a mark may follow as a word: a note's bracket, an empty cell's dash)
MARK_AFTER_FIGURE = re.compile(f"[{NUMBERED}](?:(?<=[0-9\uff10-\uff19][{NUMBERED}])"
                               f"|(?<=[\u4e00-\u9fff{_MARKED_WORD_ENDS}][{NUMBERED}])(?=[\\s|\uff5c0-9\uff10-\uff19条件次个项篇人份名期家]|$)"
                               f"|(?:(?<=[|\uff5c\t\n][{NUMBERED}])|(?<=[|\uff5c\t\n] [{NUMBERED}]))(?=[ \u3000]*(?:[|\uff5c\t\n]|$)))")
# the marks a figure's cell may end with, as written after NFKC: 17*, 17※, 17[1], 17[注1], 17【注】, 17(注1),
# 17(注) — one pattern for parse_value, a spaced row's cells (tables/stream) and words touching a figure
# (tables/align); MARK_ENDS: the characters they end with
FOOTNOTE_AFTER = r"(?:[*※]|\[\s*(?:注\s*\d{0,2}|\d{1,2})\s*\]|【\s*(?:注\s*\d{0,2}|\d{1,2})\s*】|\(\s*注\s*\d{0,2}\s*\))"
MARK_ENDS = "*※)]】"
FOOTNOTE = re.compile(FOOTNOTE_AFTER)
_MARKED_END = re.compile(rf"\s*{FOOTNOTE_AFTER}+$")
# the words a report writes where a cell's figure stands (不详, 暂无, 见附件): a cell that holds no figure —
# in a statistics row one space apart, or alone between wide spaces (tables/stream); right after a
# row's label a cell a line, or after a table's header, no header word (tables/align)
FIGURE_WORDS = ("见附件", "不详", "暂无", "无", "未统计")
ABOUT_FIGURE = r"(?:(?:约|近|逾|超过)\d+|\d+(?:余|多|左右))"  # a figure in words: about so many (约9, 9余, 9左右)


def figure_in_words(text: str) -> bool:
    """Is `text` a cell that holds words where its figure stands — words a report writes there
    (FIGURE_WORDS: 暂无) or a figure in words (ABOUT_FIGURE: 约9, 9余)?"""
    return text in FIGURE_WORDS or _ABOUT.fullmatch(text) is not None


_ABOUT = re.compile(ABOUT_FIGURE)
# a note of the figure before it, a space apart (17 其中3件, 5 含2件: a count of part of it): the figure
# is the cell's — one pattern for parse_value, a spaced row's cells (tables/stream) and the aligner;
# NOTE_LEADS: the words such a note opens with
NOTE_LEADS = ("其中", "含", "内含", "包括")
FIGURE_NOTE = rf"(?:{'|'.join(NOTE_LEADS)})[:：]?\d{{1,6}}(?:件|个|条|次|项|人次|人)"
NOTE_OF_FIGURE = re.compile(rf"\s+{FIGURE_NOTE}$")
# a note in brackets after a cell's figure, in words (17（含转办3件）): the figure stands first and is
# the cell's; a bracket of a number or a numbering alone — 17(3), 0（二） — is not a note (NFKC'd:
# the aligner reads the note alone too)
NOTE_IN_BRACKETS = r"\((?!\s*[一二三四五六七八九十\d]{1,3}\s*\))[^()]*[\u4e00-\u9fff][^()]*\)"
_NOTE_END = re.compile(rf"\s*{NOTE_IN_BRACKETS}$")


@lru_cache(maxsize=8192)
def _parse(raw: str) -> Parsed | None:
    s = raw.strip()
    if not s.isascii():
        s = MARK_AFTER_FIGURE.sub(FOOTNOTE_MARK, s.translate(SUPERSCRIPT_MARKS))
        s = unicodedata.normalize("NFKC", s).strip()
    if s and s[-1] in MARK_ENDS and (m := _MARKED_END.search(s) or _NOTE_END.search(s)) is not None:
        s = s[:m.start()]
        if not s or not s[-1].isdigit() and s[-1] not in "万元亿条件次篇个人名期项份%":
            return None  # (a mark alone, or after no figure)
    elif " " in s and (m := NOTE_OF_FIGURE.search(s)) is not None:
        s = s[:m.start()]  # (17 其中3件: a count of part of the figure, a space after it)
        if not s or not s[-1].isdigit():
            return None
    if s in _BLANKS:
        return BLANK
    if s in _ZERO:
        return Parsed(0, None, "count")
    if len(s) > _MAX_DIGITS + 8:
        return None
    m = _NUM.fullmatch(s)
    if m is None:
        return None
    sign, num, unit = m.group("sign"), m.group("num"), m.group("unit")
    digits = num.replace(",", "").replace(" ", "")
    try:
        value: Number = int(digits) if "." not in digits else float(Decimal(digits))
    except (ValueError, InvalidOperation):  # pragma: no cover - the regex admits only digits
        return None
    kind = "count"
    if sign:
        kind = "signed"
        if sign in FALLS:
            value = -value
    if unit in _IN_WAN:
        return Parsed(in_wan(value, unit), "万元", "amount")
    if unit == "%":
        return Parsed(value, "%", "percent")
    if unit in _COUNT_UNITS:
        return Parsed(value, unit, kind)
    if isinstance(value, float) and kind == "count":
        kind = "amount"
    return Parsed(value, None, kind)


def fmt_number(x: Number | None) -> str:
    """A figure as the analyst reads it: 12, 78874.11 (no float noise); "" for a blank."""
    if x is None:
        return ""
    if isinstance(x, float):
        return f"{x:.6f}".rstrip("0").rstrip(".")
    return str(x)


def fmt_share(s: float) -> str:
    """A candidate's share as the analyst reads it: 73%; never 100% for one that is not certain
    (>99%), and never 0% (<1%): a candidate kept is possible, however small its share rounds."""
    shown = f"{s:.0%}"
    if s < 1 and shown == "100%":
        return ">99%"
    return "<1%" if shown == "0%" else shown


_IN_WAN = {"万": 1, "万元": 1, "亿": 10000, "亿元": 10000, "元": 0.0001}


def in_wan(value: Number, unit: str) -> Number:
    """An amount written in `unit` (元, 万元, 亿元; 万, 亿) as the templates write amounts, in 万元."""
    scale = _IN_WAN[unit]
    return value if scale == 1 else times(value, scale) if scale > 1 else _round(value / 10000)


def times(value: Number, factor: int) -> Number:
    """`value` × `factor`, rounded as figures are (1.15 × 10000: 11500, not 11499.999…)."""
    return _round(value * factor)


def _round(x: Number) -> Number:
    r = round(float(x), 6)
    return int(r) if r == int(r) and abs(r) < 2**53 else r


class EntryError(ValueError):
    """What the analyst typed is not figures; the message quotes the first field that is not."""


def unfit(value: Number, kind: str, written: Parsed | None = None) -> str | None:
    """Why a figure cannot stand in a cell of `kind` — "a change", "a share", "an amount", "no
    whole number" or "below nought" — or None when it can: a count, or a change (本年增/减), is a
    whole number and a count never below nought; an amount may be anything. `written`: how the
    report wrote it (增2 and -1 are changes, 50% a share, 1万元 an amount), when it did."""
    if kind == "amount":
        return None
    if written is not None:
        if kind == "count" and written.kind == "signed":
            return "a change"
        if written.kind == "percent":
            return "a share"
        if written.unit == "万元":
            return "an amount"
    if isinstance(value, float) and not value.is_integer():
        return "no whole number"
    return "below nought" if kind == "count" and value < 0 else None


def fit_to_kind(value: Number | None, kind: str) -> Number | None:
    """A figure typed into a cell as the cell's kind holds it (`unfit`): 17.0 in a count is 17.
    EntryError, saying why, when it cannot be."""
    if value is None or kind == "amount":
        return value
    why = unfit(value, kind)
    if why is not None:
        raise EntryError(f"{fmt_number(value)} is {why}, and this cell holds a count")
    return int(value) if isinstance(value, float) else value


def parse_entry(text: str) -> list[list[Number | None]]:
    """Figures the analyst typed or pasted into a table, row by row: one figure, a row of them
    (separated by spaces, tabs or `|`), or several rows (one per line, as a spreadsheet or a web
    page copies them). Between tabs or `|` an empty field is a blank cell, and so is a mark of an
    empty cell (—, /, 无); empty fields at the end of a line are left out. Nothing typed at all is
    one blank. Raises EntryError on the first field that is not a figure."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return [[None]]
    rows: list[list[Number | None]] = []
    for line in lines:
        if "|" in line:  # separators mixed in one entry (`5|6 7`, `5|6` tab `7`) are one row
            fields = _FIELD_SEP.split(line.strip().strip("|") if "\t" not in line else line.strip("|"))
        elif "\t" in line:
            fields = line.split("\t")
        else:
            fields = line.split()
        while fields and not fields[-1].strip():
            fields.pop()
        row: list[Number | None] = []
        for field in fields:
            f = field.strip()
            p = parse_value(f) if f else BLANK
            if (p is None or _SPACED_DIGITS.search(f)) and len(f.split()) > 1:
                # figures spaced apart inside a field: each a cell (what the analyst types, 1 234, is
                # two figures, never one with a thousands space as a report's cell may be read)
                parts = [parse_value(x) for x in f.split()]
                if all(q is not None and q.value is not None for q in parts):
                    row.extend(q.value for q in parts)  # type: ignore[union-attr]
                    continue
            if p is None or (p.value is None and p.kind != "blank"):
                raise EntryError(f"not a number: {f[:30]}")
            if p.kind == "percent":  # (no cell of a template holds a share: 50% is not 50)
                raise EntryError(f"{f[:30]} is a share, and the tables' cells hold counts and amounts")
            row.append(p.value)
        rows.append(row or [None])
    return rows


_FIELD_SEP = re.compile(r"[\t|]")
_SPACED_DIGITS = re.compile(r"\d\s+\d")
