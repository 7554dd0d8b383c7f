"""Tables of every kind of file, rendered alike: a grid of cells with their spans expanded, one
row per line with " | " between cells, so the table parser reads HTML, PDF and Word tables as it
reads a row-per-line layout.

A spanned label is repeated in every slot it covers (a header cell over two columns labels both); a
spanned figure is one value, shown once in its first slot, and its row is marked (Grid.spanned) so
that a row left shorter than its table is placed by the identities rather than read left to right.
A row of fewer cells than its table is wide (an HTML or Word row that lost a cell) ends at its last
cell: the slots it lacks are not written as empty cells, which would make it look whole.
"""

from __future__ import annotations

import re

from ..document import Grid
from ..values import parse_value

COVERED = "\x00covered"  # a slot covered by a figure shown in an earlier slot
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_CJK = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])\\s*\\n\\s*|\\s*\\n\\s*(?=[{_CJK}])")


def is_figure(text: str) -> bool:
    p = parse_value(text) if text and len(text) < 40 else None
    return p is not None and p.value is not None


def cell_text(text: str) -> str:
    """A cell's text on one line: a label wrapped inside its cell is joined (no space between
    Chinese characters), runs of whitespace become one space, "|" cannot pass for a cell border."""
    if "\n" in text:
        text = _CJK_BREAK.sub("", text)
    return _WS.sub(" ", text).strip().replace("|", "¦")


def place(grid: dict[tuple[int, int], str], r: int, c: int, rs: int, cs: int, text: str) -> None:
    """Put a cell spanning rs rows and cs columns at (r, c); slots already taken stay as they are."""
    if rs == 1 and cs == 1:
        grid.setdefault((r, c), text)
        return
    figure = is_figure(text)
    for dr in range(rs):
        for dc in range(cs):
            grid.setdefault((r + dr, c + dc), COVERED if figure and (dr or dc) else text)


def rows_of(grid: dict[tuple[int, int], str], nrows: int, width: int, lacking: str = "") -> list[list[str]]:
    """The grid's rows, `width` slots each, a slot no cell reaches holding `lacking`: "" where the
    reader places only the cells that hold text (a sheet, a PDF: the others are empty cells), or
    MISSING where it places every cell the file has (HTML, Word: a row of fewer cells than the table
    is wide lacks the others — no empty cells, but cells it does not have)."""
    return [[grid.get((r, c), lacking) for c in range(width)] for r in range(nrows)]


MISSING = "\x00missing"  # a slot past a row's last cell: the row has no cell there


def render(rows: list[list[str]], first_line: int) -> tuple[list[str], Grid]:
    """The lines of a table (spanned figures shown once) and its Grid, which starts at `first_line`.
    A row ends at its last cell: the slots it lacks after it are not written as empty cells (a row
    that lost a cell in its middle would read its later figures a column left, at full confidence,
    its end looking like empty cells); one it lacks between its cells is an empty cell."""
    spanned = frozenset(i for i, r in enumerate(rows) if COVERED in r)
    shown = []
    for i, r in enumerate(rows):
        if MISSING not in r:  # (most rows: every slot a cell)
            shown.append(tuple(c for c in r if c != COVERED) if i in spanned else tuple(r))
            continue
        cells = [c for c in r if c != COVERED]
        while cells and cells[-1] == MISSING:
            cells.pop()
        shown.append(tuple("" if c == MISSING else c for c in cells))
    return [" | ".join(r) + " |" for r in shown], Grid(tuple(shown), first_line, spanned)
