"""A report's `|` rows written another way, as other sources give them (tests of the layouts)."""

from __future__ import annotations


def rows_spaced(text: str, sep: str = " ") -> str:
    """`text` with each line holding `|` written with `sep` between its cells (one space: text
    taken from a PDF; a tab or a wide space: rows copied from Word); the empty cells at a row's
    ends dropped."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            while cells and not cells[-1]:
                cells.pop()
            while cells and not cells[0]:
                cells.pop(0)
            line = sep.join(cells)
        out.append(line)
    return "\n".join(out)
