"""Every table layout seen in the wild, read as one stream of cells.

(a) one cell per line ending with " |" (an empty cell is a line with only "|"; a label may stand
    alone on a line with its "|" on the next);
(b) one cell per line between blank lines (header cells broken in two, empty cells dropped);
(c) a row per line with " | " between cells (group cells in front, trailing empty cells);
(d) tab- or wide-space-separated rows copied out of Word;
(e) HTML tables, which the reader renders as (c).
A token knows its line and whether its line held several cells (an explicit row), which tells the
aligner whether a short row lost cells at its end or had empty cells dropped anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document


@dataclass(slots=True)
class Tok:
    text: str  # normalised, stripped
    start: int  # offsets in doc.norm
    end: int
    line: int  # 0-based
    multi: bool  # its line held several cells
    empty: bool  # an explicit empty cell


_WIDE = re.compile(r" {2,}")
_MAX_LINE = 20000  # longer lines are prose or junk: one token, never split


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


def tokenize(doc: Document) -> list[Tok]:
    toks: list[Tok] = []
    lines = doc.norm_lines()
    n = len(lines)
    i = 0
    while i < n:
        base, line = lines[i]
        s = line.strip()
        if not s:
            i += 1
            continue
        if len(line) > _MAX_LINE:
            lead = len(line) - len(line.lstrip())
            toks.append(Tok(s, base + lead, base + lead + len(s), i, False, False))
            i += 1
            continue
        if "|" in s:
            if s == "|":
                p = base + line.index("|")
                toks.append(Tok("", p, p, i, False, True))
                i += 1
                continue
            parts = _pieces(line, base, "|")
            if s.endswith("|"):
                parts.pop()
            if s.startswith("|") and parts and not parts[0][0]:
                parts.pop(0)
            multi = len(parts) > 1
            for text, a, b in parts:
                toks.append(Tok(text, a, b, i, multi, not text))
            i += 1
            continue
        if i + 1 < n and lines[i + 1][1].strip() == "|":
            # layout (a): a label alone on its line, its closing "|" on the next
            lead = len(line) - len(line.lstrip())
            toks.append(Tok(s, base + lead, base + lead + len(s), i, False, False))
            i += 2
            continue
        if "\t" in s:
            parts = _pieces(line, base, "\t")
            while parts and not parts[-1][0]:
                parts.pop()
            while parts and not parts[0][0]:
                parts.pop(0)
            for text, a, b in parts:
                toks.append(Tok(text, a, b, i, len(parts) > 1, not text))
            i += 1
            continue
        if "  " in s and _WIDE.search(s):
            parts = [p for p in _pieces(line, base, _WIDE) if p[0]]
            multi = len(parts) > 1
            for text, a, b in parts:
                toks.append(Tok(text, a, b, i, multi, False))
            i += 1
            continue
        lead = len(line) - len(line.lstrip())
        toks.append(Tok(s, base + lead, base + lead + len(s), i, False, False))
        i += 1
    return toks
