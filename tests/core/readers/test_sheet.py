"""Workbooks (core/readers/sheet.py): .xlsx with openpyxl, .xls and WPS .et with xlrd. Each sheet a
page, its grid a table with merged cells expanded; every figure of the synthetic workbooks read
right; damaged files, zip bombs and encrypted files one line each."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from gik_tui.core.extract import extract
from gik_tui.core.readers import ReadError, kind_of, read_bytes, read_path
from gik_tui.core.synth import make_report

DATA = Path(__file__).resolve().parents[2] / "data" / "workbooks"


def _every_value(rep, ex) -> None:
    got = {c.key: c.value for c in ex.cells}
    assert {k: got.get(k) for k in rep.values} == rep.values
    assert ex.failing == [] and ex.template == rep.template


def synthetic(template: str, layout: str, seed: int, kind: str):
    """Three synthetic reports of the format in the file layout, read: (report, document,
    extraction) each, every figure checked to come back (_every_value)."""
    for i in range(3):
        rep = make_report(i, seed=seed, template_id=template, layout=layout, encoding="utf-8")
        data = rep.render()
        assert kind_of(data) == kind
        doc = read_bytes(data, rep.filename)
        assert doc.encoding == kind
        ex = extract(doc)
        _every_value(rep, ex)
        yield rep, doc, ex


@pytest.mark.parametrize("template", ["gik-2019", "gik-2021", "legacy"])
def test_a_workbook_of_the_tables_reads_every_figure(template):
    """synth's `x` layout: the report's tables alone, a sheet each, header and label cells merged."""
    for rep, doc, ex in synthetic(template, "x", 6, "xlsx"):
        assert len(doc.pages) == (1 if template == "legacy" else 3)
        assert any("a workbook of" in n and "sections" in n for n in doc.notes)
        assert doc.page_label(1).startswith("sheet ") and doc.page_label(len(doc.pages) + 1).startswith("page ")
        # a cell knows its sheet as a PDF's cell knows its page
        assert {c.page for c in ex.cells if c.value is not None} == set(range(1, len(doc.pages) + 1))


@pytest.mark.parametrize("name, template", [("synth_2019.xls", "gik-2019"), ("synth_2021.et", "gik-2021"),
                                            ("synth_legacy.xls", "legacy")])
def test_excel_97_and_wps_workbooks(name, template):
    """Fixtures made once by tests/data/workbooks/make.py (xlwt), from the same synthetic reports."""
    doc = read_path(DATA / name)
    assert doc.encoding == "xls"
    rep = make_report(1, seed=42, template_id=template, layout="x", encoding="utf-8")
    _every_value(rep, extract(doc))


def _xlsx(build) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    build(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_merged_cells_are_expanded_and_a_merged_figure_counted_once():
    def build(ws):
        ws.title = "表二"
        ws["A1"], ws["B1"] = "项目", "申请人情况"
        ws.merge_cells("B1:C1")
        ws["A2"], ws["B2"], ws["C2"] = "", "自然人", "总计"
        ws["A3"], ws["B3"] = "本年新收", 12
        ws.merge_cells("B3:C3")
        ws["A4"], ws["B4"], ws["C4"] = "上年结转", 1.0, 2.5

    doc = read_bytes(_xlsx(build), "t.xlsx")
    lines = doc.text.splitlines()
    assert "【表二】" in lines
    assert "项目 | 申请人情况 | 申请人情况 |" in lines  # a merged label stands over each column it spans
    assert "本年新收 | 12 |" in lines  # a merged figure is shown once
    assert "上年结转 | 1 | 2.5 |" in lines  # an integer as the sheet shows it
    [g] = doc.grids
    assert g.rows[2] == ("本年新收", "12")


def test_cells_excel_shows_nothing_of_are_not_read():
    """A number format with nothing to show (;;; hides any value; 0;-0;;@ a nought) and white text on
    a cell not filled show nothing in Excel: such a cell is an empty cell, and the note says how many.
    White text on a filled cell shows; a sheet mostly white keeps its text. (Before: a hidden figure
    in the cell after a row's total was read as one more figure.)"""
    from openpyxl.styles import Font, PatternFill

    def build(ws):
        ws.append(["项目", "自然人", "总计", ""])
        ws.append(["本年新收", 17, 18, 9])
        ws["D2"].number_format = ";;;"
        ws.append(["上年结转", 0, 3, 4])
        ws["B3"].number_format = "0;-0;;@"
        ws["D3"].font = Font(color="FFFFFF")
        ws.append(["予以公开", 5, 6, ""])
        ws["C4"].font = Font(color="FFFFFF")
        ws["C4"].fill = PatternFill("solid", fgColor="1F4E79")

    doc = read_bytes(_xlsx(build), "h.xlsx")
    lines = doc.text.splitlines()
    assert "本年新收 | 17 | 18 |" in lines and "上年结转 |  | 3 |" in lines and "予以公开 | 5 | 6 |" in lines
    assert any(n.startswith("3 cell(s) Excel shows nothing of") for n in doc.notes)

    def mostly_white(ws):
        for r in (["项目", "自然人", "总计"], ["本年新收", 17, 18]):
            ws.append(r)
        for row in ws.iter_rows():
            for c in row:
                c.font = Font(color="FFFFFF")

    doc = read_bytes(_xlsx(mostly_white), "w.xlsx")
    assert "本年新收 | 17 | 18 |" in doc.text.splitlines() and not any("shows nothing" in n for n in doc.notes)


def test_cells_an_excel_97_file_shows_nothing_of_are_not_read():
    """The same in an .xls (tests/data/workbooks/make.py's `hidden`): the format's sections and the
    font's and fill's colours come from the cell's XF record and the workbook's palette."""
    doc = read_bytes((DATA / "hidden.xls").read_bytes(), "hidden.xls")
    lines = doc.text.splitlines()
    assert "本年新收 | 17 | 18 |" in lines and "上年结转 |  | 3 |" in lines and "予以公开 | 5 | 6 |" in lines
    assert any(n.startswith("3 cell(s) Excel shows nothing of") for n in doc.notes)


def test_formulas_with_no_saved_value_are_said():
    """A workbook written by a program keeps its totals as formulas with no value beside them (Excel
    and WPS save each formula's value; openpyxl writes none): such a total reads empty — never a
    figure made up — and the note says how many and how to get them. A saved value is read."""
    import re

    def build(ws):
        ws.append(["项目", "自然人", "商业企业", "总计"])
        ws.append(["本年新收", 17, 1, "=SUM(B2:C2)"])
        ws.append(["上年结转", 0, 0, "=B3+C3"])

    data = _xlsx(build)
    doc = read_bytes(data, "f.xlsx")
    assert "本年新收 | 17 | 1 |  |" in doc.text.splitlines()  # (its total empty)
    assert any(n.startswith("2 cell(s) hold a formula with no value saved beside it") for n in doc.notes)
    # the same workbook as Excel saves it: each formula with its value
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buf, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = re.sub(rb"(<f>[^<]*</f>)<v\s*/>|(<f>[^<]*</f>)(?:<v></v>)?", lambda m: (m.group(1) or m.group(2)) + b"<v>18</v>", body)
            zout.writestr(item, body)
    saved = read_bytes(buf.getvalue(), "f.xlsx")
    assert "本年新收 | 17 | 1 | 18 |" in saved.text.splitlines()
    assert not any("formula" in n for n in saved.notes)


def test_bad_workbooks_are_one_line_each():
    with pytest.raises(ReadError, match="a damaged Excel file"):
        read_bytes(b"PK\x03\x04xl/" + b"\x00" * 200, "r.xlsx")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b"<a>" + b" " * (50 * 1024 * 1024) + b"</a>")
    with pytest.raises(ReadError, match="would unpack to 50 MB"):
        read_bytes(bomb.getvalue(), "bomb.xlsx")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\x00" * 600
    with pytest.raises(ReadError, match=r"a damaged Excel 97–2003 file \(\.xls\)"):
        read_bytes(ole, "r.xls")
    with pytest.raises(ReadError, match=r"a damaged WPS spreadsheet \(\.et\)"):
        read_bytes(ole, "r.et")
    # a merged range over the whole sheet: refused before openpyxl makes a cell object for each slot
    plain = zipfile.ZipFile(io.BytesIO(_xlsx(lambda ws: ws.cell(row=1, column=1, value="标题"))))
    huge = io.BytesIO()
    with zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as z:
        for name in plain.namelist():
            part = plain.read(name)
            if name == "xl/worksheets/sheet1.xml":
                part = part.replace(b"</worksheet>", b'<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/>'
                                                     b"</mergeCells></worksheet>")
            z.writestr(name, part)
    with pytest.raises(ReadError, match="a merged range of 17,179,869,184 cells"):
        read_bytes(huge.getvalue(), "huge.xlsx")
    with pytest.raises(ReadError, match="no filled cells"):
        read_bytes(_xlsx(lambda ws: None), "empty.xlsx")


def test_a_folder_lists_workbooks_as_reports(tmp_path):
    from gik_tui.core.readers import find_reports

    for name in ("a.xlsx", "b.xls", "c.et", "d.zip"):
        (tmp_path / name).write_bytes(b"x")
    files, _ = find_reports([tmp_path])
    assert sorted(Path(f).name for f in files) == ["a.xlsx", "b.xls", "c.et"]


def test_what_excel_does_not_show_is_not_read():
    """A hidden sheet (last year's table kept beside this year's), a hidden helper column and a
    hidden row are not the table Excel shows. (Before: a hidden sheet of last year's figures ahead
    of this year's made 167 of 912 cells wrong at full confidence over six workbooks.)"""
    def build(ws):
        ws.title = "表二"
        ws["A1"], ws["B1"], ws["C1"], ws["D1"] = "项目", "自然人", "上年", "总计"
        ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "本年新收", 12, 30, 12
        ws["A3"], ws["B3"], ws["C3"], ws["D3"] = "说明", "内部", "", ""
        ws["A4"], ws["B4"], ws["C4"], ws["D4"] = "上年结转", 1, 9, 1
        ws.column_dimensions["C"].hidden = True
        ws.row_dimensions[3].hidden = True
        old = ws.parent.create_sheet("上年", 0)
        old["A1"], old["B1"] = "本年新收", 99
        old.sheet_state = "hidden"

    doc = read_bytes(_xlsx(build), "t.xlsx")
    lines = doc.text.splitlines()
    assert "项目 | 自然人 | 总计 |" in lines and "本年新收 | 12 | 12 |" in lines and "上年结转 | 1 | 1 |" in lines
    assert "99" not in doc.text and "内部" not in doc.text and "30" not in doc.text
    assert doc.page_names == ("表二",)
    assert doc.notes[-1] == ("1 hidden sheet(s) (上年) and 1 hidden row(s) and 1 hidden column(s) with text, "
                             "which Excel does not show, were not read")


def test_a_hidden_sheet_of_other_figures_ahead_of_the_tables_is_not_read():
    import openpyxl

    for i in range(3):
        rep = make_report(i, seed=6, template_id=["gik-2019", "gik-2021", "legacy"][i], layout="x", encoding="utf-8")
        book = openpyxl.load_workbook(io.BytesIO(rep.render()))
        first = book.worksheets[0]
        old = book.create_sheet("上年", 0)
        for row in first.iter_rows():
            for c in row:
                if c.value is not None:
                    old.cell(c.row, c.column, c.value + 3 if isinstance(c.value, (int, float)) else c.value)
        old.sheet_state = "hidden"
        out = io.BytesIO()
        book.save(out)
        _every_value(rep, extract(read_bytes(out.getvalue(), rep.filename)))
