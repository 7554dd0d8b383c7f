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
import re

from ..document import PAGE_BREAK, Document, Grid, paged
from .colours import mostly, white_hex as _white, white_rgb
from .errors import ReadError
from .grid import cell_text, place, render, rows_of
from .zips import open_zip

MAX_CELLS = 200_000  # grid slots of one workbook, spans expanded: past it, the rest is cut (said)
MAX_UNPACKED = 20 * 1024 * 1024  # an .xlsx that would unpack to more is refused before it is parsed (a report's workbook is far smaller; openpyxl holds every cell)
MAX_RATIO = 200  # … and one packed more tightly than a real workbook ever is (a zip bomb)

# name, grid, rows, columns, and the rows and columns the sheet hides (0-based)
Sheet = tuple[str, dict[tuple[int, int], str], int, int, frozenset[int], frozenset[int]]


class _Grid:
    """One sheet's grid as it is filled: each value placed with its merged span (readers/grid.py
    `place`; a slot a span already took keeps the span's value, so the cells inside a merged range
    need no list of their own), the whole workbook within MAX_CELLS slots and a span within
    MAX_SPAN rows and columns (a hostile range such as A1:XFD1048576 would otherwise be billions)."""

    MAX_SPAN = 1000

    def __init__(self, merged: dict[tuple[int, int], tuple[int, int]], budget: int) -> None:
        self.cells: dict[tuple[int, int], str] = {}
        self.merged = merged  # 0-based top-left → (rows, columns) of each merged range
        self.budget = budget
        self.nrows = self.ncols = 0

    def put(self, r: int, c: int, text: str) -> None:
        rs, cs = self.merged.get((r, c), (1, 1))
        rs, cs = min(max(rs, 1), self.MAX_SPAN), min(max(cs, 1), self.MAX_SPAN)
        if self.budget < rs * cs:
            self.budget = 0
            return
        self.budget -= rs * cs
        place(self.cells, r, c, rs, cs, text)
        self.nrows, self.ncols = max(self.nrows, r + rs), max(self.ncols, c + cs)


def _figure(v) -> str:
    """A cell's value as the sheet shows it: integers without `.0`, other numbers as they are."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v)
    return cell_text(str(v))


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _no_huge_merges(z, source: str) -> None:
    """Refuse a workbook with a merged range larger than MAX_CELLS before openpyxl loads it (it makes
    an object for every cell a range covers: A1:XFD1048576 is 17 billion)."""
    for name in z.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        try:
            xml = z.read(name)
        except Exception:  # noqa: BLE001 - openpyxl says it next, as a damaged file
            continue
        for m in _MERGE.finditer(xml):
            rows = abs(int(m.group(4)) - int(m.group(2))) + 1
            cols = abs(_column(m.group(3)) - _column(m.group(1))) + 1
            if rows * cols > MAX_CELLS:
                raise ReadError(source, f"an Excel file with a merged range of {rows * cols:,} cells; not read "
                                        "(a real table's are far smaller)")


_CELL = re.compile(rb"<(?:\w+:)?c\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")


def _uncomputed(z) -> int:
    """Cells holding a formula with no value saved beside it: a workbook written by a program (not
    saved by Excel or WPS, which compute and keep each formula's value) — openpyxl reads them empty."""
    n = 0
    for name in z.namelist():
        if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
            continue
        try:
            xml = z.read(name)
        except Exception:  # noqa: BLE001 - openpyxl has read it already
            continue
        if b"<f" not in xml and b":f" not in xml:
            continue
        for m in _CELL.finditer(xml):
            body = m.group(1)
            if body and (b"<f" in body or b":f>" in body or b":f " in body) and not _VALUE.search(body):
                n += 1
    return n


def read_xlsx(data: bytes, source: str, sha: str) -> Document:
    import openpyxl

    z = open_zip(data, source, "Excel file (.xlsx)", MAX_UNPACKED, MAX_RATIO)  # refused before openpyxl parses it
    _no_huge_merges(z, source)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)  # the values, not the formulas
    except Exception as e:  # noqa: BLE001 - a file openpyxl cannot take is one line, never a traceback
        raise ReadError(source, f"a damaged Excel file (.xlsx) ({type(e).__name__})") from None
    sheets: list[Sheet] = []
    budget = MAX_CELLS
    unshown = []
    unseen_cells = 0
    for ws in book.worksheets:
        if ws.sheet_state != "visible":  # hidden or very hidden: Excel does not show it
            unshown.append(ws.title)
            continue
        grid = _Grid({(m.min_row - 1, m.min_col - 1): (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1)
                      for m in ws.merged_cells.ranges}, budget)
        found = []
        for row in ws.iter_rows():
            if len(found) > budget:
                break  # (the grid takes no more: its cut is said)
            for cell in row:
                if cell.value is not None:  # (a merged range's other cells hold None)
                    found.append((cell.row - 1, cell.column - 1, _figure(cell.value), _unshown_cell(cell)))
        unseen_cells += _put_shown(grid, found)
        budget = grid.budget
        rows = frozenset(r - 1 for r, d in ws.row_dimensions.items() if d.hidden)
        cols = frozenset(c - 1 for d in ws.column_dimensions.values() if d.hidden and d.min
                         for c in range(d.min, min(d.max or d.min, d.min + MAX_CELLS) + 1))
        sheets.append((ws.title, grid.cells, grid.nrows, grid.ncols, rows, cols))
    doc = _document(sheets, source, sha, "xlsx", cut=budget <= 0, unshown=unshown)
    return _with_notes(doc, unseen_cells, _uncomputed(z))


def _with_notes(doc: Document, unseen_cells: int, blank: int) -> Document:
    more = []
    if unseen_cells:
        more.append(f"{unseen_cells} cell(s) Excel shows nothing of (a number format with nothing to show, such as "
                    ";;;, or white text on a cell not filled) were not read")
    if blank:
        more.append(f"{blank} cell(s) hold a formula with no value saved beside it (the workbook was written by a "
                    "program, not saved by Excel or WPS): they read empty; open the file in Excel or WPS and save it "
                    "to read them")
    if not more:
        return doc
    from dataclasses import replace

    return replace(doc, notes=(*doc.notes, *more))


def _put_shown(grid: "_Grid", found: list[tuple[int, int, str, str]]) -> int:
    """Put a sheet's cells (row, column, text, `_shown`) in its grid but those Excel shows nothing
    of; how many were left out. A sheet mostly white keeps them: it is coloured some way not looked
    into (a picture behind it)."""
    whites = sum(1 for f in found if f[3] == "white")
    left = 0
    for r, c, text, how in found:
        if how == "none" or how == "white" and not mostly(whites, len(found)):
            left += 1
        elif grid.budget > 0:
            grid.put(r, c, text)
    return left


def _unshown_cell(cell) -> str:
    """What Excel shows of an .xlsx cell's value (`_shown`)."""
    font = cell.font
    color = font.color if font is not None else None
    white = color is not None and (color.type == "rgb" and isinstance(color.rgb, str) and _white(color.rgb[-6:])
                                   or color.type == "theme" and color.theme == 0)  # (theme 0: its first light colour)
    filled = False
    fill = cell.fill
    if white and fill is not None and fill.patternType not in (None, "none"):
        fg = fill.fgColor
        filled = fg is None or not (fg.type == "rgb" and isinstance(fg.rgb, str) and _white(fg.rgb[-6:]))
    return _shown(cell.number_format, cell.value, white, filled)


def _shown(fmt: str | None, value, white: bool, filled: bool) -> str:
    """What Excel shows of a cell's value: "none" when its number format's section for the value is
    empty (;;; hides every value, 0;-0;;@ a nought), "white" for white text on a cell not filled in
    a colour, else ""."""
    if fmt and ";" in fmt:
        parts = [p.replace('""', "").strip() for p in fmt.split(";")]
        if isinstance(value, str):
            section = parts[3] if len(parts) >= 4 else None
        elif isinstance(value, bool) or not isinstance(value, (int, float)):
            section = None
        elif value > 0 or len(parts) == 2 and value == 0:
            section = parts[0]
        elif value < 0:
            section = parts[1]
        else:
            section = parts[2] if len(parts) >= 3 else parts[0]
        if section == "":
            return "none"
    return "white" if white and not filled else ""


def _xls_shown(book, cell, value) -> str:
    """What Excel shows of an .xls cell's value (`_shown`), from its XF record: its format's string,
    its font's colour and its fill in the workbook's palette."""
    try:
        xf = book.xf_list[cell.xf_index]
        fmt = book.format_map[xf.format_key].format_str
        rgb = book.colour_map.get(book.font_list[xf.font_index].colour_index)
        white = rgb is not None and white_rgb(rgb)
        bg = xf.background
        fill = book.colour_map.get(bg.pattern_colour_index) if bg.fill_pattern else None
        filled = bool(bg.fill_pattern) and (fill is None or not white_rgb(fill))
    except (AttributeError, IndexError, KeyError, TypeError):  # a damaged record: shown as stored
        return ""
    return _shown(fmt, value, white, filled)



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
    unshown = []
    unseen_cells = 0
    try:
        for i in range(book.nsheets):
            sh = book.sheet_by_index(i)
            if sh.visibility:  # hidden or very hidden: Excel does not show it
                unshown.append(sh.name)
                book.unload_sheet(i)
                continue
            grid = _Grid({(r0, c0): (r1 - r0, c1 - c0) for r0, r1, c0, c1 in sh.merged_cells}, budget)
            found = []
            for r in range(sh.nrows):
                if len(found) > budget:
                    break  # (the grid takes no more: its cut is said)
                for c in range(sh.ncols):
                    cell = sh.cell(r, c)
                    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                        continue
                    value = cell.value if cell.ctype != xlrd.XL_CELL_BOOLEAN else bool(cell.value)
                    if cell.ctype == xlrd.XL_CELL_ERROR:
                        value = ""
                    found.append((r, c, _figure(value), _xls_shown(book, cell, value)))
            unseen_cells += _put_shown(grid, found)
            budget = grid.budget
            rows = frozenset(r for r, info in sh.rowinfo_map.items() if info.hidden)
            cols = frozenset(c for c, info in sh.colinfo_map.items() if info.hidden)
            sheets.append((sh.name, grid.cells, grid.nrows, grid.ncols, rows, cols))
            book.unload_sheet(i)
    except Exception as e:  # noqa: BLE001
        raise ReadError(source, f"a damaged {what} ({type(e).__name__})") from None
    doc = _document(sheets, source, sha, "xls", cut=budget <= 0, unshown=unshown)
    return _with_notes(doc, unseen_cells, 0)


def _document(sheets: list[Sheet], source: str, sha: str, kind: str, cut: bool, unshown: list[str]) -> Document:
    """The sheets as pages: each its name, then its grid as a table — what Excel shows: no hidden
    sheet (`unshown`), row or column (a helper column of last year's figures is not the table's)."""
    lines: list[str] = []
    grids: list[Grid] = []
    names: list[str] = []
    shown = hidden_rows = hidden_cols = 0
    for name, grid, nrows, ncols, hide_rows, hide_cols in sheets:
        rows = rows_of(grid, nrows, ncols)
        if hide_rows or hide_cols:
            hidden_rows += sum(1 for r in hide_rows if r < nrows and any(x.strip() for x in rows[r]))
            hidden_cols += sum(1 for c in hide_cols if c < ncols and any(r[c].strip() for r in rows if c < len(r)))
            rows = [[x for c, x in enumerate(r) if c not in hide_cols] for i, r in enumerate(rows) if i not in hide_rows]
        rows = [r for r in rows if any(x.strip() for x in r)]
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
    if unshown or hidden_rows or hidden_cols:
        what = [f"{len(unshown)} hidden sheet(s) ({', '.join(cell_text(n) for n in unshown)})"] if unshown else []
        what += [f"{hidden_rows} hidden row(s)"] if hidden_rows else []
        what += [f"{hidden_cols} hidden column(s)"] if hidden_cols else []
        notes.append(f"{' and '.join(what)} with text, which Excel does not show, were not read")
    return Document(source, text, sha, kind, tuple(grids), tuple(notes), pages=pages, page_names=tuple(names))
