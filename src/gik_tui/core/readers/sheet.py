"""Spreadsheets: Excel .xlsx (openpyxl), Excel 97–2003 .xls and WPS .et (xlrd, the .et being an .xls
inside). Some agencies publish the statistics as a workbook.

Each sheet becomes a page of the document: a line with the sheet's name (`【sheet】`), then its grid
as a table, merged cells expanded as in HTML (readers/grid.py), so that cells and headings know
their sheet as they know a PDF's page. A figure is written as the sheet shows it (12, not 12.0).
A workbook holds only tables: the report's prose, and so its sections, is published elsewhere, and
the document's notes say so.
"""

from __future__ import annotations

import io

from ..document import PAGE_BREAK, Document, Grid, paged
from .errors import ReadError
from .grid import cell_text, place, render, rows_of
from .zips import open_zip

MAX_CELLS = 200_000  # grid slots of one workbook, spans expanded: past it, the rest is cut (said)
MAX_UNPACKED = 20 * 1024 * 1024  # an .xlsx that would unpack to more is refused before it is parsed (a report's workbook is far smaller; openpyxl holds every cell)
MAX_RATIO = 200  # … and one packed more tightly than a real workbook ever is (a zip bomb)

Sheet = tuple[str, dict[tuple[int, int], str], int, int]  # name, grid, rows, columns


def _figure(v) -> str:
    """A cell's value as the sheet shows it: integers without `.0`, other numbers as they are."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    return cell_text(str(v))


def read_xlsx(data: bytes, source: str, sha: str) -> Document:
    import openpyxl

    open_zip(data, source, "Excel file (.xlsx)", MAX_UNPACKED, MAX_RATIO)  # refused before openpyxl parses it
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # the values, not the formulas
    except Exception as e:  # noqa: BLE001 - a file openpyxl cannot take is one line, never a traceback
        raise ReadError(source, f"a damaged Excel file (.xlsx) ({type(e).__name__})") from None
    sheets: list[Sheet] = []
    budget = MAX_CELLS
    for ws in book.worksheets:
        grid: dict[tuple[int, int], str] = {}
        merged = {(m.min_row, m.min_col): (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                  for m in ws.merged_cells.ranges}
        inside = {(r, c) for (r0, c0), (rs, cs) in merged.items() for r in range(r0, r0 + rs)
                  for c in range(c0, c0 + cs) if (r, c) != (r0, c0)}
        nrows = ncols = 0
        for row in ws.iter_rows():
            for cell in row:
                at = (cell.row, cell.column)
                if at in inside or cell.value is None or budget <= 0:
                    continue
                rs, cs = merged.get(at, (1, 1))
                budget -= rs * cs
                place(grid, cell.row - 1, cell.column - 1, rs, cs, _figure(cell.value))
                nrows, ncols = max(nrows, cell.row - 1 + rs), max(ncols, cell.column - 1 + cs)
        sheets.append((ws.title, grid, nrows, ncols))
    return _document(sheets, source, sha, "xlsx", cut=budget <= 0)


def read_xls(data: bytes, source: str, sha: str) -> Document:
    import xlrd

    what = "WPS spreadsheet (.et)" if source.lower().endswith(".et") else "Excel 97–2003 file (.xls)"
    try:
        # xlrd's warnings about a damaged file go nowhere (by default it prints them on stdout,
        # which is where `extract` writes its records)
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=io.StringIO(), verbosity=0)
    except Exception as e:  # noqa: BLE001 - xlrd's errors for damaged or encrypted files: one line
        if "encrypt" in str(e).lower() or "password" in str(e).lower():
            raise ReadError(source, f"a password-protected {what}: open it with its password and save a copy "
                                    "without one") from None
        raise ReadError(source, f"a damaged {what} ({type(e).__name__})") from None
    sheets: list[Sheet] = []
    budget = MAX_CELLS
    try:
        for i in range(book.nsheets):
            sh = book.sheet_by_index(i)
            merged = {(r0, c0): (r1 - r0, c1 - c0) for r0, r1, c0, c1 in sh.merged_cells}
            inside = {(r, c) for (r0, c0), (rs, cs) in merged.items() for r in range(r0, r0 + rs)
                      for c in range(c0, c0 + cs) if (r, c) != (r0, c0)}
            grid: dict[tuple[int, int], str] = {}
            nrows = ncols = 0
            for r in range(sh.nrows):
                for c in range(sh.ncols):
                    if (r, c) in inside or budget <= 0:
                        continue
                    cell = sh.cell(r, c)
                    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        continue
                    value = cell.value if cell.ctype != xlrd.XL_CELL_BOOLEAN else bool(cell.value)
                    if cell.ctype == xlrd.XL_CELL_ERROR:
                        value = ""
                    rs, cs = merged.get((r, c), (1, 1))
                    budget -= rs * cs
                    place(grid, r, c, rs, cs, _figure(value))
                    nrows, ncols = max(nrows, r + rs), max(ncols, c + cs)
            sheets.append((sh.name, grid, nrows, ncols))
            book.unload_sheet(i)
    except Exception as e:  # noqa: BLE001
        raise ReadError(source, f"a damaged {what} ({type(e).__name__})") from None
    return _document(sheets, source, sha, "xls", cut=budget <= 0)


def _document(sheets: list[Sheet], source: str, sha: str, kind: str, cut: bool) -> Document:
    """The sheets as pages: each its name, then its grid as a table."""
    lines: list[str] = []
    grids: list[Grid] = []
    names: list[str] = []
    shown = 0
    for name, grid, nrows, ncols in sheets:
        rows = [r for r in rows_of(grid, nrows, ncols) if any(x.strip() for x in r)]
        if not rows:
            continue
        lines.append(PAGE_BREAK)
        lines.append(f"【{cell_text(name)}】")
        table, g = render(rows, len(lines))
        lines.extend(table)
        grids.append(g)
        names.append(cell_text(name) or f"{shown + 1}")
        shown += 1
    if not shown:
        raise ReadError(source, "a workbook with no filled cells")
    text, pages = paged(lines)
    notes = [f"a workbook of {shown} sheet(s), one page each: its tables are read; a report's prose (its "
             "sections) is not in a workbook"]
    if cut:
        notes.append(f"cells past {MAX_CELLS:,} were cut")
    return Document(source, text, sha, kind, tuple(grids), tuple(notes), pages=pages, page_names=tuple(names))
