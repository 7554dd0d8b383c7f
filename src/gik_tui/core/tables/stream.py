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
from dataclasses import dataclass

from ..document import Document
from .glued import UNITS, bare_offsets, split_line


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
# a page's number alone on its line, where a PDF's page breaks (- 3 -, 第3页 共5页, Page 3 of 5): never
# a table's cells (its figures went to the row before the break, which then had too many)
_PAGE = re.compile(r"[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                   r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|[Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?")
_PAGE_START = frozenset("-—–第共Pp")
# a row with one space between its cells (text taken from a PDF): anything (words, the end of a
# label broken over two lines, or a first figure) then two figures or more, each after one space.
# A figure (or an empty-cell dash) never holds a space
_FIGURE = r"(?:(?:[+\-−]|增|减)?\d[\d,]*(?:\.\d+)?(?:%|万元|元)?|[—–\-/])"  # (an amount may carry its unit: 78874.11万元)
_TAIL = re.compile(rf"(?<=\S) ({_FIGURE}(?: {_FIGURE})+)$")
_PAIR = re.compile(rf"({_FIGURE}) ({_FIGURE})")  # a line of two figures alone (19 -1: a row of two cells)
# a statistics row: its label, its unit and its figure (政府网站在线访谈次数 次 104, the label perhaps cut short)
_UNIT_TAIL = re.compile(rf"(?<=\S) ({'|'.join(sorted(UNITS, key=len, reverse=True))}) ({_FIGURE})$")
# a row of one amount, written with its unit (行政 31.97万元: a label cut short, then its figure)
_AMOUNT_TAIL = re.compile(r"(?<=\S) ([+\-−]?\d[\d,]*(?:\.\d+)?(?:万元|元))$")
# a whole line that is such a row: one word (no space in it), then its unit and figure or two figures
# or more. It is read as cells before any glued reading, which cuts a label it does not know at a
# unit inside it (2.延期办 件 126: 延 / 期 / 办)
_ROW = re.compile(rf"\S+ (?:(?:{'|'.join(sorted(UNITS, key=len, reverse=True))}) {_FIGURE}|{_FIGURE}(?: {_FIGURE})+)")
_FIGURE_END = frozenset("0123456789%—–-/元")  # how such a row's line ends
_MAX_LINE = 20000  # longer lines are prose or junk: one token, never split (unless glued)
_MAX_ROW = 600  # a tab- or space-separated row is shorter than this
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


def tokenize(doc: Document, template_id: str | None = None) -> list[Tok]:
    """The cells of every table layout in the document, in order. With a template, lines of glued
    text are cut by the template's words (layout f)."""
    toks: list[Tok] = []
    append = toks.append
    # where figures stand bare between CJK words: only those lines may hold glued tables
    bare = bare_offsets(doc.norm) if template_id is not None else []

    # the first bare figure at or after the line being read: the lines come in order, so one
    # pointer walks with them (the plain lines' fast path below reads the same pointer inline)
    kb, nb = 0, len(bare)

    def single(s: str, start: int, i: int) -> None:
        nonlocal kb
        if s[0] in _PAGE_START and len(s) <= 24 and _PAGE.fullmatch(s):
            return  # (looked for only on the lines that could give cells: a check on every line costs 1 %)
        while kb < nb and bare[kb] < start:
            kb += 1
        if kb < nb and bare[kb] < start + len(s) and len(s) <= _MAX_GLUED_LINE and not (
                len(s) <= _MAX_ROW and s[-1] in _FIGURE_END and " " in s and _ROW.fullmatch(s)):
            parts = split_line(s, template_id)
            if parts is not None:
                for text, a, b, glued in parts:
                    append(Tok(text, start + a, start + b, i, False, False, glued))
                return
        if s[-1] in _FIGURE_END and " " in s:
            spaced(s, start, i)
        else:
            append(Tok(s, start, start + len(s), i, False, False))

    def spaced(s: str, start: int, i: int) -> None:
        """A line that is not glued text and ends in a figure: a row with one space between its
        cells (_TAIL) is its cells, the words before its figures one of them; else one token."""
        if s[0] in _PAGE_START and len(s) <= 24 and _PAGE.fullmatch(s):
            return
        m = _TAIL.search(s) if len(s) <= _MAX_ROW else None
        if m is None:
            pair = _PAIR.fullmatch(s) if len(s) <= 40 else None
            if pair is not None:
                a, b = pair.group(1), pair.group(2)
                append(Tok(a, start, start + len(a), i, True, False))
                append(Tok(b, start + len(a) + 1, start + len(s), i, True, False))
                return
            m = _UNIT_TAIL.search(s) if len(s) <= 80 else None
            if m is None:
                amount = _AMOUNT_TAIL.search(s) if len(s) <= 80 else None
                if amount is None:
                    append(Tok(s, start, start + len(s), i, False, False))
                    return
                label = s[:amount.start()]
                append(Tok(label, start, start + len(label), i, True, False))
                append(Tok(amount.group(1), start + amount.start(1), start + len(s), i, True, False))
                return
            label, unit = s[:m.start()], m.group(1)
            append(Tok(label, start, start + len(label), i, True, False))
            append(Tok(unit, start + m.start(1), start + m.end(1), i, True, False))
            append(Tok(m.group(2), start + m.start(2), start + len(s), i, True, False))
            return
        label = s[:m.start()]
        append(Tok(label, start, start + len(label), i, True, False))
        pos = start + m.start(1)
        for part in m.group(1).split(" "):
            append(Tok(part, pos, pos + len(part), i, True, False))
            pos += len(part) + 1

    lines = doc.norm_lines
    n = len(lines)
    base = 0
    skip_next = False
    for i, line in enumerate(lines):
        here = base
        base += len(line) + 1
        if skip_next:
            skip_next = False
            continue
        s = line.strip()
        if not s:
            continue
        lead = line.find(s[0])
        if len(line) > _MAX_LINE:
            single(s, here + lead, i)
            continue
        if "|" in s:
            if s == "|":
                append(Tok("", here + lead, here + lead, i, False, True))
                continue
            bar = s.find("|")
            if bar == len(s) - 1:  # one cell closed by its "|" (layout a's commonest line): as below
                t = s[:bar].rstrip()
                append(Tok(t, here + lead, here + lead + len(t), i, False, False))
                continue
            parts = line.split("|")
            # a trailing "|" closes the last cell; a leading one opens the first
            last = len(parts) - 1 if s.endswith("|") else len(parts)
            first = 1 if s.startswith("|") and not parts[0].strip() else 0
            multi = last - first > 1
            pos = here
            for k, part in enumerate(parts):
                if first <= k < last:
                    t = part.strip()
                    if t:
                        a = pos + part.find(t[0])
                        append(Tok(t, a, a + len(t), i, multi, False))
                    else:
                        append(Tok("", pos, pos, i, multi, True))
                pos += len(part) + 1
            continue
        if i + 1 < n and "|" in lines[i + 1] and lines[i + 1].strip() == "|":
            # layout (a): a label alone on its line, its closing "|" on the next
            append(Tok(s, here + lead, here + lead + len(s), i, False, False))
            skip_next = True
            continue
        if ("\t" not in s and "  " not in s) or len(s) > _MAX_ROW:  # a line this long is no row copied from Word
            start = here + lead
            while kb < nb and bare[kb] < start:
                kb += 1
            if kb < nb and bare[kb] < start + len(s):
                single(s, start, i)  # a bare figure on the line: perhaps glued
            elif s[-1] in _FIGURE_END and " " in s:
                spaced(s, start, i)  # perhaps a row with one space between its cells
            else:
                append(Tok(s, start, start + len(s), i, False, False))
            continue
        if "\t" in s:
            parts = _pieces(line, here, "\t")
            while parts and not parts[-1][0]:
                parts.pop()
            while parts and not parts[0][0]:
                parts.pop(0)
            for text, a, b in parts:
                append(Tok(text, a, b, i, len(parts) > 1, not text))
            continue
        if "  " in s and _WIDE.search(s):
            parts = [p for p in _pieces(line, here, _WIDE) if p[0]]
            multi = len(parts) > 1
            for text, a, b in parts:
                append(Tok(text, a, b, i, multi, False))
            continue
        append(Tok(s, here + lead, here + lead + len(s), i, False, False))
    return toks
