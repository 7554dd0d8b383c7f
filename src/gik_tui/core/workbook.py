"""The dataset as an Excel workbook (openpyxl) an analyst can hand on: a long sheet (a row per
cell), a wide sheet (a row per report, a column per cell under a two-level header of the official
labels), a sections sheet and a checks sheet (every failing check, within a report and across
years, with its cells). Header rows frozen, filters on, column widths fitted to the Chinese labels,
numbers as numbers, blanks as empty cells (never 0), text that a spreadsheet would run as a formula
written with a leading apostrophe, as in the CSV.
"""

from __future__ import annotations

import io
import unicodedata

from .serialize import safe_text

SHEETS = (("cells", "long"), ("wide", "wide"), ("sections", "sections"), ("checks", "checks"))
MAX_WIDTH = 60


def _cell(x):
    if x is None or x == "":
        return None  # blank, never 0
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, float)):
        return x
    return safe_text(str(x))


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: two for a wide (Chinese) character."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def workbook_bytes(ds) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=False)
    wb.remove(wb.active)
    bold = Font(bold=True)
    for part, title in SHEETS:
        if part not in ds.parts:
            continue
        fields, rows = ds.parts[part]
        ws = wb.create_sheet(title)
        if part == "wide":
            # two header rows: the cell's table and row labels above, its column labels below
            top, bottom = [], []
            for f in fields:
                bits = f.split(" | ")
                if len(bits) == 3:
                    top.append(f"{bits[0]} | {bits[1]}")
                    bottom.append(bits[2])
                else:
                    top.append(f)
                    bottom.append(None)
            ws.append([_cell(x) for x in top])
            ws.append([_cell(x) for x in bottom])
            head = 2
        else:
            ws.append([_cell(f) for f in fields])
            head = 1
        for r in rows:
            ws.append([_cell(r.get(f)) for f in fields])
        for row in ws.iter_rows(min_row=1, max_row=head):
            for c in row:
                c.font = bold
                c.alignment = Alignment(wrap_text=part == "wide", vertical="top")
        widths = [0] * len(fields)
        sample = list(ws.iter_rows(min_row=1, max_row=min(ws.max_row, head + 500), values_only=True))
        for row in sample:
            for i, v in enumerate(row):
                if v is not None:
                    widths[i] = max(widths[i], display_width(str(v)))
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = min(MAX_WIDTH, max(6, w + 2))
        ws.freeze_panes = ws.cell(row=head + 1, column=2 if part != "checks" else 1)
        if fields:
            ws.auto_filter.ref = f"A{head}:{get_column_letter(len(fields))}{max(head, ws.max_row)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
