"""The dataset as an Excel workbook (openpyxl) an analyst can hand on: a long sheet (a row per
cell), a wide sheet (a row per report, a column per cell under a two-level header of the official
labels), a sections sheet and a checks sheet (every failing check, within a report and across
years, with its cells). Header rows frozen, filters on, column widths fitted to the Chinese labels,
numbers as numbers, blanks as empty cells (never 0), text that a spreadsheet would run as a formula
written with a leading apostrophe, as in the CSV.
"""

from __future__ import annotations

import io
import re
import unicodedata

from .serialize import safe_text

SHEETS = (("cells", "long"), ("wide", "wide"), ("sections", "sections"), ("checks", "checks"))
MAX_WIDTH = 60


MAX_ROWS = 1_048_576  # Excel's rows per sheet: a longer part continues on "long 2", "long 3" …
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what an .xlsx cannot hold (openpyxl refuses it)


def _cell(x):
    if x is None or x == "":
        return None  # blank, never 0
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, float)):
        return x
    text = safe_text(str(x))
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub(lambda m: chr(0x2400 + ord(m.group())), text)  # shown as ␛, ␇ … as in the app
    return text


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def workbook_bytes(ds) -> bytes:
    """The workbook, written in openpyxl's streaming mode (a sheet of a million cells takes
    seconds, not minutes): widths are measured on the first rows before any row is written."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for part, title in SHEETS:
        if part not in ds.parts:
            continue
        fields, every_row = ds.parts[part]
        room = MAX_ROWS - (2 if part == "wide" else 1)
        for k in range(0, max(1, len(every_row)), room):
            _sheet(wb, part, f"{title} {k // room + 1}" if k else title, fields, every_row[k:k + room])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet(wb, part: str, title: str, fields: list[str], rows: list[dict]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    ws = wb.create_sheet(title)
    if part == "wide":
        # two header rows: the cell's table and row labels above, its column labels below
        top, bottom = [], []
        for f in fields:
            bits = f.split(" | ")
            top.append(f"{bits[0]} | {bits[1]}" if len(bits) == 3 else f)
            bottom.append(bits[2] if len(bits) == 3 else None)
        heads = [top, bottom]
    else:
        heads = [list(fields)]
    widths = [0] * len(fields)
    for row in [*heads, *([r.get(f) for f in fields] for r in rows[:500])]:
        for i, v in enumerate(row):
            if v is not None and v != "":
                widths[i] = max(widths[i], display_width(str(v)))
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, max(6, w + 2))
    head = len(heads)
    ws.freeze_panes = f"{'A' if part == 'checks' else 'B'}{head + 1}"
    if fields:
        ws.auto_filter.ref = f"A{head}:{get_column_letter(len(fields))}{head + len(rows)}"
    for h in heads:
        cells = []
        for x in h:
            c = WriteOnlyCell(ws, value=_cell(x))
            c.font = bold
            c.alignment = Alignment(wrap_text=part == "wide", vertical="top")
            cells.append(c)
        ws.append(cells)
    for r in rows:
        ws.append([_cell(r.get(f)) for f in fields])
