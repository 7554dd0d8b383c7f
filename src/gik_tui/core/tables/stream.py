"""Every table layout seen in the wild, read as one stream of cells.

(a) one cell per line ending with " |" (an empty cell is a line with only "|"; a label may stand
    alone on a line with its "|" on the next);
(b) one cell per line between blank lines (header cells broken in two, empty cells dropped);
(c) a row per line with " | " between cells (group cells in front, trailing empty cells);
(d) tab- or wide-space-separated rows copied out of Word;
(e) HTML tables, which the reader renders as (c);
(f) glued: the page's text with no separators, labels and figures run together (tables/glued.py),
    a row's figures one token marked `glued` that the solver splits.
A token knows its line and whether its line held several cells (an explicit row), which tells the
aligner whether a short row lost cells at its end or had empty cells dropped anywhere.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..document import Document
from ..labels import has_numbering
from ..values import (ABOUT_FIGURE, COUNT_UNIT, COUNT_UNIT_WORDS, FIGURE_NOTE, FIGURE_WORDS, FOOTNOTE_AFTER, MARK_ENDS,
                      figure_in_words, parse_value)
from .glued import AMOUNT_UNITS, NOTE_WORD, PROSE_AFTER, RUN_AT, UNITS, bare_offsets, opening_row, several_rows, split_line, vocabulary, word_across


@dataclass(slots=True)
class Tok:
    text: str  # normalised, stripped
    start: int  # offsets in doc.norm
    end: int
    line: int  # 0-based
    multi: bool  # its line held several cells
    empty: bool  # an explicit empty cell
    glued: bool = False  # a run of figures scraped with no separators: several cells in one


_WIDE = re.compile(r" {2,}")
_MAX_ROW = 600  # a tab- or space-separated row is shorter than this
# a page's number alone on its line, where a PDF's page breaks (- 3 -, 第3页 共5页, Page 3 of 5): never
# a table's cells (its figures went to the row before the break, which then had too many)
_PAGE = re.compile(r"[-—–·•]\s*\d{1,4}\s*[-—–·•]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                   r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|[Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?")
_PAGE_START = frozenset("-—–·•第共Pp")


def _page_number(s: str) -> bool:
    """Is the stripped line `s` a page's number alone (`_PAGE`; its first character tried first)?"""
    return s[0] in _PAGE_START and len(s) <= 24 and _PAGE.fullmatch(s) is not None
# a row with one space between its cells (text taken from a PDF): anything (words, the end of a
# label broken over two lines, or a first figure) then two figures or more, each after one space.
# A figure (or an empty-cell dash) never holds a space
# (an amount may carry its unit, 78874.11万元, and a count its own, 11件 or 5人次: a PDF's cell as written)
# (and a figure may carry a footnote's mark: 17*, 17[1], 17(注1) — values.parse_value reads past it)
# (a number in brackets after it, 1(7), too: a cell of words, align's to leave blank — no cell, the line
# was read as glued runs, its words lost, and a copy's figure filled as if confirmed)
_FIGURE = (r"(?:(?:[+\-−]|增|减)?\d[\d,]*(?:\.\d+)?(?:%|万元|元|" + COUNT_UNIT_WORDS
           + r")?" + FOOTNOTE_AFTER.replace(r"\s*", "") + r"?(?:\(\d{1,3}\))?|[—–\-/])")  # (no space inside a cell here)
# a cell that holds a word or two, not a figure (不详, 见附件, 约17, 17余), between two figures of a row
_ABOUT = ABOUT_FIGURE
_WORDS = rf"(?:{_ABOUT}|[\u4e00-\u9fff]{{1,3}})"
_STATS_WORDS = "|".join(FIGURE_WORDS)  # words a statistics row writes where its one figure stands
_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
# the forms of such a row, tried in turn, each as (pattern, longest line): its groups are its cells
# (a group of several figures one space apart, several cells), whatever stands before them its label
_ROW_FORMS = (
    # words (or a figure), then figures — some of them, past the first, perhaps words (0 不详 0)
    # (a note of a figure among them, 0 其中7件 0 3, read past as in its cell; its last cell, too, may be
    # a figure in words or words a cell holds: … 1[1] 1余, … 0[1] 暂无)
    (re.compile(rf"(?<=\S) ({_FIGURE}(?: (?:{_FIGURE}|{_WORDS}(?= )|{FIGURE_NOTE}(?= )))* (?:{_FIGURE}|{_ABOUT}|{_STATS_WORDS}))$"),
     _MAX_ROW),
    (re.compile(rf"^({_FIGURE}) ({_FIGURE})$"), 40),  # two figures alone (19 -1: a row of two cells)
    # a statistics row: its label (perhaps cut short), its unit and its figure (人员数 人 242) — or
    # words where its figure stands (人员数 人 约9, 情形数 件 见附件, 机构数 个 不详): read as one token, the
    # row's label was not found, and a copy of the row elsewhere filled at full confidence
    (re.compile(rf"(?<=\S) ({_UNIT}) ({_FIGURE}|{_ABOUT}|{_STATS_WORDS})$"), 80),
    # one amount or count with its unit (行政 31.97万元: a label cut short, then its figure; 行政处罚 1173次)
    (re.compile(r"(?<=\S) ([+\-−]?\d[\d,]*(?:\.\d+)?(?:万元|元)|\d[\d,]*" + COUNT_UNIT + r")$"), 80),
)


_NOTE_TAIL = 160  # characters at most from a note's start to its line's end: a note, not the rest of a report
_NOTE_WORD = re.compile(NOTE_WORD + r"\s*[:：]")  # (opening with its words: re skips to them)
# what a note under the table glued to a cell stands right after: a figure, perhaps with its unit
_FIGURE_BEFORE_NOTE = re.compile(r"(?:[0-9—–\-/%]|[0-9](?:[元件个条次项]|万元|人次))[ \t]*$")
_ONE_FIGURE = re.compile(_FIGURE)


def _note_lines(norm: str) -> set[int]:
    """The lines of `norm` that hold a note's word and its colon (注：, 备注：, 注释：, 说明：) — found
    by str.find (every word of NOTE_WORDS holds 注 or 说明), a quarter of the time _NOTE_WORD takes."""
    lines: set[int] = set()
    for word in ("注", "说明"):
        i = norm.find(word)
        while i != -1:
            j = i + (2 if norm.startswith("注释", i) else len(word))
            while norm[j:j + 1] in (" ", "\t"):
                j += 1
            if norm[j:j + 1] in (":", "："):
                lines.add(norm.count("\n", 0, i))
            i = norm.find(word, i + 1)
    return lines


def _note_cut(s: str) -> tuple[int, int] | None:
    """Where a note under the table starts right after a figure in `s`, a line or a cell (…5注：本表…,
    5万元 备注：): (the figure's end, the note's start), or None."""
    for m in _NOTE_WORD.finditer(s):
        before = _FIGURE_BEFORE_NOTE.search(s, max(0, m.start() - 8), m.start())
        if before is not None:
            return before.start() + len(before.group().rstrip(" \t")), m.start()
    return None


def _last_with_note(toks: list[Tok], i: int) -> None:
    """The line `i`'s last cell that holds anything, if a note is glued after its figure
    (… | 5注：本表… | |): two cells, what stands before the note and the note — align._note_start
    ends the row there."""
    k = len(toks) - 1
    while k >= 0 and toks[k].line == i and toks[k].empty:
        k -= 1
    if k < 0 or toks[k].line != i or (cut := _note_cut(toks[k].text)) is None:
        return
    t = toks[k]
    toks[k:k + 1] = [Tok(t.text[:cut[0]], t.start, t.start + cut[0], i, t.multi, False),
                     Tok(t.text[cut[1]:], t.start + cut[1], t.end, i, t.multi, False)]


# a row's first figure that lost its space to the word before it (the header's last word, or the
# row's label: `总计27 0 0 0 27`, a table's rows taken onto one line with no separator between them)
_GLUED_FIRST = re.compile(r"(?<=[\u4e00-\u9fff])(?:0|[1-9][0-9]*)$")


def _rest_of_cell(prev: Tok, t: str, norm: str, here: int, lines: list[str], line: str) -> bool:
    """Is `t`, the first cell of `line` (which closes its cells with bars), the rest of a row's
    number that stood alone on the line before with no bar (blank lines alone between), its mark
    and label cut from it by a line end (`2` / `.延期办结数 |`: read alone, 2 was a figure of the
    row before, at 0.9)? (A figure alone there, `9` / `9 |`, may be a figure cut in two or a page's
    number before a cell: neither is read into the other.)"""
    if prev.empty or prev.glued or len(t) < 2 or norm[prev.end:here].strip() or not line.endswith("|") \
            or line.startswith("|") or t[0] not in ".、" or t[1].isdigit() or not prev.text.isdigit() or len(prev.text) > 2:
        return False
    return lines[prev.line].strip() == prev.text


# words after a space after a line's first figures (no count's word: 18 件 is a figure and its unit)
PAGE_TEXT = 600  # characters: two lines longer together are a page's text a line end cut in two, not rows
_WORDS_AFTER = re.compile(r"[ \t]{1,3}(?![" + "".join(sorted(PROSE_AFTER)) + r"])[\u4e00-\u9fff]")
# a figure cut at its decimal point by a line end: its whole part (a count's digits, or 3 digits or
# more and the point — `1.` may be a row's number, its label on the next line), then the rest
_WHOLE_PART = re.compile(r"[0-9]+|[0-9]{3,}\.")
_FRACTION_PART = re.compile(r"\.?[0-9]+(?:万元|亿元|元|万|亿|%)?")


def page_text(lines: list[str], i: int, j: int) -> bool:
    """Are the lines `i` and `j`, a line end between them, a page's text run together rather than
    a table's rows (longer together than PAGE_TEXT)? (stream.tokenize, align._page_line)"""
    return len(lines[i]) + len(lines[j]) > PAGE_TEXT


def _point_cut(toks: list[Tok], k: int, norm: str) -> None:
    """Join the token `k`, the first of its line, to the one before when they are one figure cut at
    its decimal point by a line end (`36118` / `.36万元`, or `36118.` / `36万元`), nothing but blank
    lines between: a cell cannot open with its decimal point, and a figure does not end in one —
    read apart, the amount's whole part was filled at full confidence, its fraction lost. (An
    amount's unit on the next line, `142467300` / `元`, is a cell of its own: align reads it with
    the figure it belongs to, the one before or the one after.)"""
    a, b = toks[k - 1], toks[k]
    if a.line == b.line or b.empty or b.glued or norm[a.end:b.start].strip() or not _WHOLE_PART.fullmatch(a.text):
        return
    dot_a, dot_b = a.text.endswith("."), b.text.startswith(".")
    if dot_a == dot_b or not _FRACTION_PART.fullmatch(b.text):
        return
    toks[k - 1:k + 1] = [Tok(a.text + b.text, a.start, b.end, a.line, a.multi or b.multi, False)]


PAGE_LINE = 120  # characters: a line this long without bars or tabs is a page's text run together, no row


def bare_page_number(lines: list[str], i: int) -> str:
    """Is the line `i` — a figure of one to three digits alone, else "" — a page's bare number after a page
    whose text runs together on one line (a PDF's text taken page by page, its separators lost)?
    "sure" when the next page's text follows (read as a figure, it was joined to the glued run
    beside it: `…申请数量` / `3` / `171000018…`; a figure's rest would stand on the line of the text
    after it, `…人次27` / `4（二）…`), or when the page before ends in no figure; "maybe" when the
    page before ends in a figure and the text ends after the line (or a line of the page's chrome
    follows, 打印本页), that figure's rest a line end cut as likely (`…人次27` / `4`, or `…人次274`
    / `3`: 2743 at 0.9 — align reads the row as offered, never filled); else "". Among a table's
    own short lines (a cell a line, or a figure after it) a figure alone is a cell: never this."""
    def near(j: int, step: int) -> str:  # the nearest line that holds anything ("" at the text's end)
        while 0 <= j < len(lines):
            t = lines[j].strip()
            if t:
                return t
            j += step
        return ""

    def page(t: str) -> bool:
        return len(t) >= PAGE_LINE and "|" not in t and "\t" not in t

    here = lines[i].strip()
    if not (len(here) <= 3 and here.isdigit()):
        return ""
    before, after = near(i - 1, -1), near(i + 1, 1)
    if not page(before):
        return ""
    if page(after):
        return "sure"
    if "|" in after or "\t" in after or after[:1].isdigit():
        return ""  # (a table's line after it, or a figure: the cells of a table that follows the page)
    return "maybe" if before[-1].isdigit() else "sure"


def _row_form(s: str) -> re.Match | None:
    """The first form of a row one space apart that the line `s` is, or None."""
    for pattern, longest in _ROW_FORMS:
        m = pattern.search(s) if len(s) <= longest else None
        if m is not None:
            return m
    return None


# how such a row's line ends: a figure, a unit, a figure in words, a mark's end, a statistics row's words
_FIGURE_END = frozenset("0123456789%—–-/元件个条次项余多右" + MARK_ENDS + "".join(w[-1] for w in FIGURE_WORDS))
_GLUED_CELL = 40  # a field of a tab-separated line longer than this, with a bare figure in it, may be glued text
_MAX_LINE = 20000  # longer lines are prose or junk: one token, never split (unless glued)
_MAX_GLUED_LINE = 400_000  # a whole report on one line is read as glued text up to this length


def _pieces(line: str, base: int, sep: re.Pattern | str) -> list[tuple[str, int, int]]:
    out = []
    pos = 0
    if isinstance(sep, str):
        parts = line.split(sep)
        for part in parts:
            out.append((part, pos))
            pos += len(part) + len(sep)
    else:
        for m in sep.finditer(line):
            out.append((line[pos:m.start()], pos))
            pos = m.end()
        out.append((line[pos:], pos))
    toks = []
    for part, p in out:
        stripped = part.strip()
        lead = len(part) - len(part.lstrip())
        s = base + p + lead
        toks.append((stripped, s, s + len(stripped)))
    return toks


_AMOUNT_UNIT_AT = re.compile("|".join(sorted((re.escape(u) for u in AMOUNT_UNITS if u.endswith("元")), key=len, reverse=True)))
_UNIT_START = frozenset(u[0] for u in AMOUNT_UNITS)


def _unit_then_heading(text: str) -> int:
    """Where an amount's unit (元, 万元, 亿元) that opens `text` ends, when a heading or a numbered
    label is glued after it (`元三、收到和处理…`, `万元第二十条第（九）项…`); else 0."""
    unit = _AMOUNT_UNIT_AT.match(text) if text[:1] in _UNIT_START else None
    if unit is None or len(text) == unit.end():
        return 0
    k = unit.end()
    return k if has_numbering(text[k:k + 12]) or text.startswith("第二十条", k) else 0


def _next_part(lines: list[str], i: int) -> int:
    """The line that goes on from line `i` where a word of the tables may stand across the break:
    the next one when it opens with no space, or the one after a page's bare number alone between
    (`…法人或` / `3` / `其他组织…`); 0 when there is none."""
    nxt = lines[i + 1]
    if nxt[:1].strip():
        if i + 2 < len(lines) and lines[i + 2][:1].strip() and bare_page_number(lines, i + 1) == "sure":
            return i + 2
        return i + 1
    return 0


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


_SIGNED = re.compile(r"[增减]\d")  # a change's figure (减1): no CJK word
# a cell of words around a figure, one of a line's cells between wide spaces: about so many (约0, 3余),
# a number in brackets after it (2(2)), words a cell holds (无), a numbered label (3.要求提供公开出版物)
_WORDED_CELL = re.compile(rf"{ABOUT_FIGURE}|\d+\(\d{{1,3}}\)|{'|'.join(FIGURE_WORDS)}|\d{{1,2}}[.、][^\d]+")


def _cells_apart(s: str) -> bool:
    """Is a line of wide spaces with a figure glued to words in it (约0, 0(注1)) its cells between
    the spaces — every piece with a digit a figure (perhaps with its mark or note) or a cell of
    words around one — rather than glued text with a word spaced to a cell's width (尚未审结总  计未经
    复议…0011)? Read as glued text, `11    约0  0(注1)  0` was cut as runs: 11 filled as a total alone."""
    pieces = [p for p in _WIDE.split(s.strip()) if p]
    return len(pieces) > 2 and all(
        not any(ch.isdigit() for ch in p) or parse_value(p) is not None or _WORDED_CELL.fullmatch(p) is not None
        for p in pieces)


def _letter_spaced(line: str, base: int, parts: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The pieces of a line between wide spaces, with a word spaced out letter by letter joined
    again: `（二）被  依  法  纠  错  数` is one label, not six cells (its rows lost, a figure went to
    the row of the same name in another group), `总  计  27` a label and its figure. Pieces join
    where a CJK character meets a CJK character and one of the two pieces is that one character
    — but a unit, or words a cell holds (无), alone before a figure or at the line's end (`数  件
    178`, `行政强制  无  减1  31970`) stays a cell."""
    out: list[tuple[str, int, int]] = []
    for k, (text, a, b) in enumerate(parts):
        if out:
            prev, pa, _ = out[-1]
            nxt = parts[k + 1][0] if k + 1 < len(parts) else ""
            if (_cjk(prev[-1]) and _cjk(text[0]) and (len(prev) == 1 or len(text) == 1) and not _SIGNED.match(text)
                    and not ((text in UNITS or text in FIGURE_WORDS)
                             and not (nxt and _cjk(nxt[0]) and not _SIGNED.match(nxt)))):
                out[-1] = (line[pa - base:b - base], pa, b)
                continue
        out.append((text, a, b))
    return out


def tokenize(doc: Document, template_id: str | None = None) -> list[Tok]:
    """The cells of every table layout in the document, in order. With a template, lines of glued
    text are cut by the template's words (layout f)."""
    toks: list[Tok] = []
    append = toks.append
    # where figures stand bare between CJK words: only those lines may hold glued tables
    bare = bare_offsets(doc.norm) if template_id is not None else []
    # the lines that hold a note's word and colon (注：, 备注：): only there may a note be glued to a cell
    notes = _note_lines(doc.norm)
    noting = bool(notes)  # (a plain local: the main loop's checks cost nothing in a report with no note)

    # the first bare figure at or after the line being read: the lines come in order, so one
    # pointer walks with them (the plain lines' fast path below reads the same pointer inline)
    kb, nb = 0, len(bare)

    def bare_in(start: int, end: int) -> bool:
        """Does a bare figure stand in [start, end)? (The pointer moves to the first at or after start.)"""
        nonlocal kb
        while kb < nb and bare[kb] < start:
            kb += 1
        return kb < nb and bare[kb] < end

    def has_bare(start: int, end: int) -> bool:
        """Does a bare figure stand in [start, end)? (The pointer stays where it is.)"""
        k = bisect_left(bare, start, kb)
        return k < nb and bare[k] < end

    def single(s: str, start: int, i: int) -> None:
        if _page_number(s):
            return  # (looked for only on the lines that could give cells: a check on every line costs 1 %)
        m = _row_form(s) if s[-1] in _FIGURE_END and " " in s else None
        if bare_in(start, start + len(s)) and len(s) <= _MAX_GLUED_LINE:
            # a row one space apart whose label is one word is read as cells before any glued
            # reading, which cuts a label it does not know at a unit inside it (2.延期办 件 126: 延 /
            # 期 / 办); so is one whose label has several words (a group's label, then the row's:
            # `（四）无法提供 1.本机关不掌握相关政府信息 0项 2个 0 2`) when its figures stand one space apart —
            # cells, not a glued run to cut (a count's unit inside it, 2个, is no cut): word by word
            several = m is not None and " " in s[:max(0, m.start(1) - 1)]
            if several and m.lastindex == 1 and " " in m.group(1) and not several_rows(s, template_id):
                spaced(s, start, i, m, True)
                return
            if m is None or several:
                after = None
                if s[-1] in ".、" and len(s) > 1 and s[-2].isdigit() or s[-1].isdigit():
                    # (its last figures may end in the number of the row whose label opens the next line)
                    j = i + 1
                    while j < n and j <= i + 3 and not lines[j].strip():
                        j += 1
                    if j < n and lines[j].strip():
                        after = opening_row(lines[j], template_id)
                parts = split_line(s, template_id, after)
                if parts is not None:
                    end = -1  # where the last glued run ended
                    for text, a, b, glued in parts:
                        if not glued and text[0] in " \t\u3000":  # (a word a space after a run: stripped)
                            a += len(text) - len(text := text.lstrip())
                        if end >= 0 and not glued and not s[end:a].strip() and (cut := _unit_then_heading(text)):
                            # (a run, a space, its amount's unit and the next heading glued after it:
                            # `…收费831534500 元三、收到…` — the unit a token of its own, align's to place)
                            append(Tok(text[:cut], start + a, start + a + cut, i, False, False))
                            text, a = text[cut:], a + cut
                        append(Tok(text, start + a, start + b, i, False, False, glued))
                        end = b if glued else -1
                    return
        if m is not None:
            spaced(s, start, i, m)
        else:
            append(Tok(s, start, start + len(s), i, False, False))

    def noted(s: str, start: int, i: int, read) -> bool:
        """A line that ends in a note under the table glued after its last figure (0注：本表…,
        0 1 … 0注：…, 5万元备注：…): a figure alone its cell, else what stands before the note read by
        `read` (single, or spaced_or_one), then the note as one cell — align._note_start ends the
        row there. Was it so?
        (A line that goes on past its note, a report on one line, keeps it: align reads it there.)"""
        cut = _note_cut(s)
        if cut is None or len(s) - cut[1] > _NOTE_TAIL:
            return False
        head = s[:cut[0]]
        if _ONE_FIGURE.fullmatch(head):  # (a figure alone, 0注：…: its cell, never a glued run of one)
            append(Tok(head, start, start + cut[0], i, False, False))
        else:
            read(head, start, i)
        append(Tok(s[cut[1]:], start + cut[1], start + len(s), i, False, False))
        return True

    def spaced_or_one(s: str, start: int, i: int) -> None:
        """A line with no bare figure: a row one space apart, or one cell."""
        if s[-1] in _FIGURE_END and " " in s:
            spaced(s, start, i)
        else:
            append(Tok(s, start, start + len(s), i, False, False))

    def spaced(s: str, start: int, i: int, m: re.Match | None = None, words: bool = False) -> None:
        """A line that is not glued text and ends in a figure: a row with one space between its
        cells (_ROW_FORMS; `m`, its form when known) is its cells, the words before them one of
        them (`words`: each word one); else one token."""
        if m is None:
            if _page_number(s):
                return
            m = _row_form(s)
        if m is None:
            append(Tok(s, start, start + len(s), i, False, False))
            return
        first = None
        if m.start(1) > 0:
            label = s[:m.start(1) - 1]
            # (words a cell holds at the label's end, its first cells: 属于行政执法案卷 暂无 暂无 0 …, 约3 0 … —
            # read as the label's, it named no row, and a copy of the row elsewhere was filled at full
            # confidence)
            cells = []
            while not words and " " in label and figure_in_words(word := label.rsplit(" ", 1)[1]):
                label = label[:len(label) - len(word) - 1].rstrip(" ")
                cells.append((word, start + s.index(word, len(label))))
            first = _GLUED_FIRST.search(label) if not cells else None
            if first is not None:  # the run's first figure glued to the word before it (总计27 0 0 …)
                label = label[:first.start()]
            if words:
                pos = start
                for word in label.split(" "):
                    if word:
                        append(Tok(word, pos, pos + len(word), i, True, False))
                    pos += len(word) + 1
            else:
                append(Tok(label, start, start + len(label), i, True, False))
                for word, at in reversed(cells):
                    append(Tok(word, at, at + len(word), i, True, False))
        if first is not None:  # (the separator lost is the one before the row, not between its cells)
            append(Tok(first.group(), start + first.start(), start + first.end(), i, True, False))
        for g in range(1, m.lastindex + 1):
            pos = start + m.start(g)
            for part in m.group(g).split(" "):
                append(Tok(part, pos, pos + len(part), i, True, False))
                pos += len(part) + 1

    lines = doc.norm_lines
    n = len(lines)
    # the characters of the tables' words: a line that ends in another (。) breaks no word of them
    word_chars = vocabulary(template_id).chars if template_id is not None else frozenset()
    base = 0
    skip_to = -1  # the lines up to this one are read already (with the line before them)
    norm = doc.norm
    pointed: list[int] = []  # the tokens that may be the rest of a figure a line end cut (_point_cut)
    page_before = False
    for i, line in enumerate(lines):
        here = base
        base += len(line) + 1
        if i <= skip_to:
            continue
        s = line.strip()
        if not s:
            continue
        size = len(s)
        if page_before and size <= 3 and bare_page_number(lines, i) == "sure":
            continue
        page_before = size >= PAGE_LINE  # (the line before a page's bare number is a page's text: bare_page_number)
        lead = line.find(s[0])
        if toks and (s[0] == "." and toks[-1].text[-1:].isdigit() or toks[-1].text[-1:] == "." and s[0].isdigit()) \
                and not toks[-1].glued:
            pointed.append(len(toks))  # (the line's first token, if it makes one: _point_cut decides)
        if (s[0].isdigit() or s[0] == "." and s[1:2].isdigit()) and toks and toks[-1].glued and template_id is not None \
                and len(s) <= _MAX_GLUED_LINE and (m := RUN_AT.match(s, s[0] == ".")) is not None and m.end() < len(s) \
                and s[m.end() - 1] != "." \
                and s[m.end()] not in PROSE_AFTER and (s[m.end()] not in " \t|" or _WORDS_AFTER.match(s, m.end())
                                                     and (" " not in s[:m.end()] or page_text(lines, toks[-1].line, i))) \
                and norm[toks[-1].end:here].strip() in ("", "."):
            # figures opening the line, words after them, right after a line that ended in a glued
            # run (blank lines alone between, or its decimal point): the rest of that run, a line cut inside it
            # (`…兼职人员数人3` / `9（四）…`; align._run_on joins them) — not a row's numbering (1.),
            # nor a count (18件), nor a row one space apart or between bars (12|3|)
            # (or its decimal point and what follows: `…采购51878874` / `.11万元三、…`; or one figure, a
            # space and words, a page that sets its figures a space from the words: `…行政强制 33` /
            # `57 第二十条…` — figures one space apart before words, `3 4 5 合计`, only where the two
            # lines are a page's text, longer than rows: `…总计 15 1 0` / `925 0 1 … 五、存在的…`)
            start = here + lead
            append(Tok(s[:m.end()], start, start + m.end(), i, False, False, True))
            rest = s[m.end():]
            skip = len(rest) - len(rest.lstrip(" \t"))
            single(rest[skip:], start + m.end() + skip, i)
            continue
        if s[0] in _UNIT_START and toks and toks[-1].glued and template_id is not None \
                and (cut := _unit_then_heading(s)) and not norm[toks[-1].end:here].strip():
            # an amount's unit opening the line after a glued run, a heading or a numbered label glued
            # after it (`…采购518788741100` / `元三、收到和处理…`: a line end between the run and its unit): a token of its own, which
            # align reads as the run's (read as one word with the heading, the unit was lost and the
            # run offered in 万元, ten thousand times the amount)
            start = here + lead
            append(Tok(s[:cut], start, start + cut, i, False, False))
            single(s[cut:], start + cut, i)
            continue
        if line[-1] in word_chars and not line[-1].isspace() and i + 1 < n and "|" not in line and "\t" not in line \
                and (j := _next_part(lines, i)) and lines[j][0] in word_chars and "|" not in lines[j] and "\t" not in lines[j] \
                and has_bare(there := base if j == i + 1 else base + len(lines[i + 1]) + 1, there + len(lines[j])) \
                and len(line) + len(lines[j]) <= _MAX_GLUED_LINE and word_across(line, lines[j], template_id):
            # a line end inside a word of the tables, in glued text (…自然人法人或 / 其他组织总计…: a
            # header cell's <br>; or a page's end, its bare number between): the two lines are read
            # as one, each token at its place in them
            first = len(toks)
            start = here + lead
            single(s + lines[j].rstrip(), start, j)  # (j: the line after the two is the next one)
            cut = start + len(s)  # where the line end falls in the joined text's offsets
            shift = there - cut
            for k in range(first, len(toks)):
                t = toks[k]
                a = t.start if t.start < cut else t.start + shift
                toks[k] = Tok(t.text, a, t.end if t.end <= cut else t.end + shift, i if t.start < cut else j,
                              t.multi, t.empty, t.glued)
            skip_to = j
            continue
        if len(line) > _MAX_LINE:
            if not noting or i not in notes or not noted(s, here + lead, i, single):
                single(s, here + lead, i)
            continue
        if "|" in s:
            if s == "|":
                append(Tok("", here + lead, here + lead, i, False, True))
                continue
            bar = s.find("|")
            if bar == len(s) - 1:  # one cell closed by its "|" (layout a's commonest line): as below
                t = s[:bar].rstrip()
                if toks and _rest_of_cell(toks[-1], t, norm, here, lines, s):
                    # a row's number alone on the line before, its mark and label here (`2` /
                    # `.延期办结数 |`): one cell
                    p = toks[-1]
                    toks[-1] = Tok(p.text + t, p.start, here + lead + len(t), p.line, p.multi, False)
                    continue
                append(Tok(t, here + lead, here + lead + len(t), i, False, False))
                if noting and i in notes:
                    _last_with_note(toks, i)
                continue
            parts = line.split("|")
            # a trailing "|" closes the last cell; a leading one opens the first — unless the line
            # opens with " | ", the joint after an empty first cell (a table's row written cell
            # " | " cell: a review row whose first figure is a nought left blank)
            last = len(parts) - 1 if s.endswith("|") else len(parts)
            first = 1 if s.startswith("|") and not parts[0].strip() and not line.startswith(" | ") else 0
            multi = last - first > 1
            pos = here
            for k, part in enumerate(parts):
                if first <= k < last:
                    t = part.strip()
                    if k == first and t and toks and _rest_of_cell(toks[-1], t, norm, here, lines, s):
                        # (a row's number alone on the line before: `2` / `.延期办结数 | 件 |`)
                        p = toks[-1]
                        toks[-1] = Tok(p.text + t, p.start, pos + part.find(t[0]) + len(t), p.line, p.multi, False)
                    elif t:
                        a = pos + part.find(t[0])
                        append(Tok(t, a, a + len(t), i, multi, False))
                    else:
                        append(Tok("", pos, pos, i, multi, True))
                pos += len(part) + 1
            if noting and i in notes:
                _last_with_note(toks, i)
            continue
        if i + 1 < n and "|" in lines[i + 1] and lines[i + 1].strip() == "|":
            # layout (a): a label alone on its line, its closing "|" on the next
            append(Tok(s, here + lead, here + lead + len(s), i, False, False))
            skip_to = i + 1
            continue
        if ("\t" not in s and "  " not in s) or len(s) > _MAX_ROW:  # a line this long is no row copied from Word
            start = here + lead
            while kb < nb and bare[kb] < start:
                kb += 1
            if kb < nb and bare[kb] < start + len(s):
                if not noting or i not in notes or not noted(s, start, i, single):
                    single(s, start, i)  # a bare figure on the line: perhaps glued
            elif s[-1] in _FIGURE_END and " " in s:
                spaced(s, start, i)  # perhaps a row with one space between its cells
            elif _page_number(s):
                pass  # (a page's number written close, —5—, ·5·: no cell)
            elif not noting or i not in notes or not noted(s, start, i, spaced_or_one):
                append(Tok(s, start, start + len(s), i, False, False))
            continue
        if "\t" in s:
            parts = _pieces(line, here, "\t")
            while parts and not parts[-1][0]:
                parts.pop()
            lead_empty = 0
            while lead_empty < len(parts) and not parts[lead_empty][0]:
                lead_empty += 1
            # empty fields before a line's first figure are its first cells, noughts left blank (a
            # review row copied out of Word: \t\t1 is 1 in the third column); before a label, nothing
            if lead_empty < len(parts) and not parts[lead_empty][0][0].isdigit():
                parts = parts[lead_empty:]
            for text, a, b in parts:
                if template_id is not None and len(text) > _GLUED_CELL and has_bare(a, b) \
                        and (glued := split_line(text, template_id)) is not None:
                    # glued text in a field (a line of glued tables with a tab in it, `…收费831534500\t元`):
                    # its words and runs — read as one cell, every table on the line was lost
                    for t, x, y, g in glued:
                        append(Tok(t, a + x, a + y, i, False, False, g))
                    continue
                append(Tok(text, a, b, i, len(parts) > 1, not text))
            if noting and i in notes:
                _last_with_note(toks, i)
            continue
        if "  " in s and _WIDE.search(s):
            start = here + lead
            if bare_in(start, start + len(s)) and not _cells_apart(s) \
                    and (glued := split_line(s, template_id)) is not None:
                # glued text with wide spaces in it (尚未审结总  计未经复议…: a word spaced to a cell's
                # width): its words and runs, not pieces between the spaces, which cut them apart
                for text, a, b, g in glued:
                    append(Tok(text, start + a, start + b, i, False, False, g))
                continue
            parts = _letter_spaced(line, here, [p for p in _pieces(line, here, _WIDE) if p[0]])
            multi = len(parts) > 1
            for text, a, b in parts:
                append(Tok(text, a, b, i, multi, False))
            if noting and i in notes:
                _last_with_note(toks, i)
            continue
        append(Tok(s, here + lead, here + lead + len(s), i, False, False))
    for k in reversed(pointed):
        if k < len(toks):
            _point_cut(toks, k, norm)
    return toks
