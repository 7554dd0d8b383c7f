import csv
import io
import json

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from gik_tui.cli import main
from gik_tui.core.annotations import Annotation, CellEdit, annotation_path
from ..annotate import save
from gik_tui.core.serialize import safe_text


def test_export_applies_annotations(samples, tmp_path):
    total = ("requests", ("本年度办理结果", "总计"), ("总计",))
    ann = Annotation(source="2019_lusong.txt", sha256="", template="gik-2019", status="done",
                     cells=(CellEdit(*total, 12, 11),))
    save(annotation_path(samples / "2019_lusong.txt", tmp_path), ann)
    r = CliRunner().invoke(main, ["export", str(samples / "2019_lusong.txt"), "--annotations", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert r.stdout_bytes.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.stdout_bytes.decode("utf-8-sig"))))
    row = next(x for x in rows if x["table"] == "requests" and x["row"] == "本年度办理结果 / 总计" and x["column"] == "总计")
    assert (row["value"], row["extracted"], row["edited"], row["status"], row["confidence"]) == ("12", "11", "true", "done", "1.0")
    other = next(x for x in rows if x["table"] == "requests" and x["row"] == "本年度办理结果 / 予以公开" and x["column"] == "总计")
    assert (other["value"], other["edited"], other["status"]) == ("3", "false", "done")


def test_export_wide_and_jsonl(samples, tmp_path):
    out = tmp_path / "w.csv"
    r = CliRunner().invoke(main, ["export", str(samples), "--wide", "-o", str(out)])
    assert r.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert len(rows) == 5
    huaiyin = next(x for x in rows if x["source"].endswith("2020_huaiyin.txt"))
    assert huaiyin["active | 第二十条第（五）项 / 行政许可 | 处理决定数量"] == "22990"
    r = CliRunner().invoke(main, ["export", str(samples / "2018_dongsheng.txt"), "--format", "jsonl"])
    first = json.loads(r.stdout.splitlines()[0])
    assert (first["row"], first["value"], first["edited"]) == ("主动公开情况 / 主动公开政府信息数", 13173, False)


def test_formula_injection_is_neutralised():
    assert safe_text("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert safe_text("@SUM(1)") == "'@SUM(1)"
    assert safe_text("株洲市") == "株洲市"
    assert safe_text(-21) == -21


def test_extract_csv_is_formula_safe(tmp_path):
    f = tmp_path / "=cmd.txt"
    f.write_text("某县人民政府2020年政府信息公开工作年度报告\n第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n"
                 "行政许可 | 1 | -2 | 3 |\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(f), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    change = next(x for x in rows if x["column"] == "本年增/减" and x["row"].endswith("行政许可"))
    assert change["value"] == "-2" and change["raw"] == "'-2"
    assert all(x["source"].startswith("'") or not x["source"].startswith("=") for x in rows)


# ------------------------------------------------------------------ issue 9: never onto an input, nothing left out silently
def _copy(samples, tmp_path, name="2019_lusong.txt"):
    p = tmp_path / name
    p.write_bytes((samples / name).read_bytes())
    return p


def test_output_onto_an_input_is_refused_and_the_input_kept(samples, tmp_path):
    rep = _copy(samples, tmp_path)
    before = rep.read_bytes()
    for command in (["extract", str(rep), "-o", str(rep)], ["extract", str(tmp_path), "-o", str(rep), "--force"],
                    ["export", str(tmp_path), "-o", str(rep), "--force"]):
        r = CliRunner().invoke(main, command)
        assert r.exit_code == 2 and "is one of the reports being read; not overwritten" in r.stderr, (command, r.output)
        assert rep.read_bytes() == before


def test_an_existing_output_is_replaced_only_with_force(samples, tmp_path):
    rep = _copy(samples, tmp_path)
    out = tmp_path / "out.jsonl"
    out.write_text("keep me", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(rep), "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 2 and "exists; not replaced (pass --force" in r.stderr
    assert out.read_text(encoding="utf-8") == "keep me"
    r = CliRunner().invoke(main, ["extract", str(rep), "--format", "jsonl", "-o", str(out), "--force"])
    assert r.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["template"] == "gik-2019"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2019_lusong.txt", "out.jsonl"]  # no temporary left


def test_export_names_a_left_out_annotation_and_exits_3(samples, tmp_path):
    rep = _copy(samples, tmp_path)
    annotation_path(rep).write_text('schema = 99\n[report]\nsource = "2019_lusong.txt"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["export", str(tmp_path)])
    assert r.exit_code == 3, r.output
    assert "1 annotation(s) left out: " + str(annotation_path(rep)) in r.stderr


def test_export_with_an_unknown_template_and_wrong_types_keeps_the_rest(samples, tmp_path):
    rep = _copy(samples, tmp_path)
    annotation_path(rep).write_text(
        'schema = 1\n[report]\nsource = "2019_lusong.txt"\n[meta]\ntemplate = "gik-9999"\nagency = 123\n'
        '[review]\nstatus = "done"\n[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "总计"]\nvalue = 7\n'
        '[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "维持"]\nvalue = nan\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output
    assert "meta.template 'gik-9999' is not a known format" in r.stderr and "meta.agency should be text" in r.stderr
    assert "should be a finite number, not nan" in r.stderr
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    total = next(x for x in rows if x["table"] == "review" and x["column"] == "行政复议 / 总计")
    assert (total["value"], total["status"], total["template"]) == (7, "done", "gik-2019")
    assert "nan" not in r.stdout.lower().replace("nanjing", "")


def test_wide_header_is_neutralised(samples, tmp_path):
    rep = _copy(samples, tmp_path)
    save(annotation_path(rep), Annotation(source="2019_lusong.txt", sha256="", template="gik-2019",
                                          cells=(CellEdit('=HYPERLINK("http://x")', (), ("c",), 1, None),)))
    out = tmp_path / "w.csv"
    r = CliRunner().invoke(main, ["export", str(tmp_path), "--wide", "-o", str(out)])
    assert r.exit_code == 0, r.output
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert "'=HYPERLINK(\"http://x\") |  | c" in header and not any(h.startswith("=") for h in header)


def test_the_analysts_agency_and_year_mean_the_same_everywhere(samples, tmp_path):
    """One rule (core/review.corrected) for the export, the queue and the report screen: the
    analyst's non-empty value, else the extraction's."""
    from gik_tui.core.queue import summarize
    from gik_tui.core.open_report import OpenReport
    from gik_tui.core.review import Review

    rep = _copy(samples, tmp_path)
    save(annotation_path(rep), Annotation(source="2019_lusong.txt", sha256="", template="gik-2019",
                                          meta=(("agency", ""), ("year", 2018))))
    opened = OpenReport.open(str(rep))
    rv = Review(opened.extraction, opened.annotation, "2019_lusong.txt")
    s = summarize(str(rep))
    r = OpenReport.open(str(rep))  # what export writes
    assert (rv.agency, rv.year) == (s.agency, s.year) == (r.as_left().agency, r.as_left().year) == \
        ("株洲市芦淞区人民政府", 2018)


def test_extract_and_export_write_csv_the_same_way(samples, tmp_path, monkeypatch):
    """One CSV writer: CRLF line ends, formulas neutralised in every field, header included."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "=evil.txt").write_bytes((samples / "2019_lusong.txt").read_bytes())
    for command in (["extract", "=evil.txt", "--format", "csv"], ["export", "=evil.txt"]):
        r = CliRunner().invoke(main, command)
        assert r.exit_code == 0, r.output
        text = r.stdout_bytes.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert text.endswith("\r\n") and text.count("\r\n") >= len(rows)
        assert {row[0] for row in rows[1:]} == {"'=evil.txt"}
        assert not any(cell.startswith("=") for row in rows for cell in row)


def test_export_in_two_processes_gives_the_same_dataset(samples, tmp_path):
    one = CliRunner().invoke(main, ["export", str(samples), "--format", "jsonl"])
    two = CliRunner().invoke(main, ["export", str(samples), "--format", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) > 500


def _reviewed_folder(samples, tmp_path):
    """The samples with an analyst's decisions on huaiyin: a cell typed, a heading mapped, a flag note,
    the agency corrected; and a report in which nothing is found."""
    import shutil

    from gik_tui.core.workspace import Workspace

    folder = tmp_path / "reports"
    folder.mkdir()
    for p in samples.glob("*.txt"):
        shutil.copy(p, folder / p.name)
    (folder / "=nothing.txt").write_text("某县人民政府2021年政府信息公开工作年度报告\n今年没有表格。\n", "utf-8")
    ws = Workspace.at(str(folder), annotator="wang")
    opened = ws.open(str(folder / "2020_huaiyin.txt"))
    rv = opened.review
    rv.set_cell(("requests", ("本年新收政府信息公开申请数量",), ("自然人",)), 20)
    rv.map_heading(opened.extraction.sections[0], "总体情况")
    rv.note, rv.status = "=HYPERLINK(\"x\") 请复核", "flagged"
    rv.set_meta({"agency": "淮安市淮阴区人民政府"})
    opened.file.save(rv.annotation())
    return folder, rv


def test_every_decision_reaches_csv_jsonl_and_xlsx(samples, tmp_path):
    import openpyxl
    import orjson

    folder, rv = _reviewed_folder(samples, tmp_path)
    cell = rv.edits[("requests", ("本年新收政府信息公开申请数量",), ("自然人",))]
    r = CliRunner().invoke(main, ["export", str(folder), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = [orjson.loads(x) for x in r.stdout.splitlines()]
    typed = next(x for x in rows if x["source"].endswith("huaiyin.txt") and x["table"] == "requests"
                 and x["row"] == "本年新收政府信息公开申请数量" and x["column"] == "自然人")
    assert {k: typed[k] for k in ("value", "extracted", "edited", "edited_by", "edited_at", "method", "status",
                                  "note", "agency")} == {
        "value": 20, "extracted": 17, "edited": True, "edited_by": "wang", "edited_at": cell.at, "method": "typed",
        "status": "flagged", "note": '=HYPERLINK("x") 请复核', "agency": "淮安市淮阴区人民政府"}
    nothing = [x for x in rows if x["source"].endswith("=nothing.txt")]
    assert len(nothing) == 200 and all(x["value"] is None for x in nothing)  # every cell, blank

    s = CliRunner().invoke(main, ["export", str(folder), "--what", "sections"])
    sections = list(csv.DictReader(io.StringIO(s.stdout_bytes.decode("utf-8-sig"))))
    mine = [x for x in sections if x["source"].endswith("huaiyin.txt")]
    assert (mine[0]["section"], mine[0]["decided"], mine[0]["decided_by"]) == ("总体情况", "analyst", "wang")
    assert (mine[0]["agency"], mine[0]["year"]) == ("淮安市淮阴区人民政府", "2020")
    assert {x["decided"] for x in mine[1:]} == {"engine"} and len(mine) == 6

    out = tmp_path / "dataset.xlsx"
    x = CliRunner().invoke(main, ["export", str(folder), "--format", "xlsx", "-o", str(out)])
    assert x.exit_code == 0, x.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["long", "wide", "sections", "checks"]
    long = wb["long"]
    head = [c.value for c in long[1]]
    assert head[:8] == ["source", "agency", "year", "template", "table", "row", "column", "value"]
    assert long.freeze_panes == "B2" and long.auto_filter.ref.startswith("A1:")
    got = [dict(zip(head, (c.value for c in row))) for row in long.iter_rows(min_row=2)]
    t = next(g for g in got if g["source"].endswith("huaiyin.txt") and g["row"] == "本年新收政府信息公开申请数量"
             and g["column"] == "自然人")
    assert (t["value"], t["extracted"], t["edited"], t["edited_by"], t["note"]) == (20, 17, "true", "wang",
                                                                                      '\'=HYPERLINK("x") 请复核')
    assert isinstance(t["value"], int)
    blank = next(g for g in got if g["source"].endswith("=nothing.txt"))
    assert blank["value"] is None and blank["source"] == str(folder / "=nothing.txt")  # a blank stays empty
    wide = wb["wide"]
    assert wide.freeze_panes == "B3"
    top, bottom = [c.value for c in wide[1]], [c.value for c in wide[2]]
    k = top.index("requests | 本年新收政府信息公开申请数量")
    assert bottom[k] == "自然人"
    hv = next(row for row in wide.iter_rows(min_row=3, values_only=True) if str(row[0]).endswith("huaiyin.txt"))
    assert hv[k] == 20
    assert long.column_dimensions["F"].width >= 30  # the Chinese row labels fit
    checks = wb["checks"]
    head = [c.value for c in checks[1]]
    assert head[:4] == ["source", "agency", "year", "check"]  # each sheet filters by agency and year
    failing = [dict(zip(head, row)) for row in checks.iter_rows(min_row=2, values_only=True)]
    mine = next(r for r in failing if str(r["source"]).endswith("huaiyin.txt") and r["check"] == "requests.balance[自然人]")
    assert (mine["agency"], mine["year"]) == ("淮安市淮阴区人民政府", 2020)  # as the analyst corrected it
    assert any(str(r["source"]).endswith("=nothing.txt") and r["check"] == "requests.missing" for r in failing)
    heads = [c.value for c in wb["sections"][1]]
    assert heads[:4] == ["source", "agency", "year", "heading"]


def test_xlsx_needs_a_file(samples):
    r = CliRunner().invoke(main, ["export", str(samples), "--format", "xlsx"])
    assert r.exit_code == 2 and r.stderr == "gik-tui: --format xlsx writes a workbook: name it with -o FILE.xlsx\n"


def test_the_workbook_holds_control_characters_and_splits_at_excels_row_limit(samples, tmp_path, monkeypatch):
    import openpyxl

    from gik_tui.core import workbook
    from gik_tui.core.export import dataset

    ds = dataset([str(samples / "2020_huaiyin.txt")], every=True)
    ds.parts["sections"][1][0]["heading"] = "一、总体\x1b[31m情况\x07"  # as a hostile page could have it
    monkeypatch.setattr(workbook, "MAX_ROWS", 101)
    out = tmp_path / "w.xlsx"
    out.write_bytes(ds.xlsx_bytes())
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["long", "long 2", "wide", "sections", "checks"]
    assert [wb[n].max_row for n in ("long", "long 2")] == [101, 99]  # 198 cells: 100 + 98, each under its header
    assert wb["sections"]["D2"].value == "一、总体␛[31m情况␇"


def test_the_doubts_are_exported_a_blank_with_its_candidates(samples):
    import orjson

    r = CliRunner().invoke(main, ["export", str(samples / "2019_lusong.txt"), "--format", "jsonl"])
    rows = [orjson.loads(x) for x in r.stdout.splitlines()]
    undecided = [x for x in rows if x["candidates"]]
    assert len(undecided) == 140 and all(x["value"] is None for x in undecided)
    shares = json.loads(undecided[0]["candidates"])
    assert len(shares) >= 2 and abs(sum(w for _, w in shares) - 1) < 0.01
    assert all(x["candidates"] is None for x in rows if x["value"] is not None)


def test_typed_values_are_typed_with_the_cells_unit(samples, tmp_path):
    """A value the analyst typed exports with method `typed`, confidence 1 and the cell's unit: an
    amount typed into 采购总金额 (blank in 2019_lusong's glued 主动公开 table) carries 万元 like the
    extracted ones; an edit over an extracted count keeps its row's unit (none)."""
    import orjson

    amount = ("active", ("第二十条第（九）项", "政府集中采购"), ("采购总金额",))
    total = ("requests", ("本年度办理结果", "总计"), ("总计",))
    ann = Annotation(source="2019_lusong.txt", sha256="", template="gik-2019",
                     cells=(CellEdit(*amount, 12.5, None), CellEdit(*total, 12, 11)))
    save(annotation_path(samples / "2019_lusong.txt", tmp_path), ann)
    r = CliRunner().invoke(main, ["export", str(samples / "2019_lusong.txt"), "--format", "jsonl",
                                  "--annotations", str(tmp_path)])
    rows = {(x["table"], x["row"], x["column"]): x for x in map(orjson.loads, r.stdout.splitlines())}
    got = rows[("active", "第二十条第（九）项 / 政府集中采购", "采购总金额")]
    assert (got["value"], got["method"], got["confidence"], got["unit"], got["edited"]) == (12.5, "typed", 1.0, "万元", True)
    got = rows[("requests", "本年度办理结果 / 总计", "总计")]
    assert (got["value"], got["extracted"], got["method"], got["confidence"]) == (12, 11, "typed", 1.0)
    untouched = rows[("requests", "本年度办理结果 / 予以公开", "总计")]
    assert untouched["method"] != "typed"


def test_every_long_row_has_the_fields_in_the_csv_header_order(samples):
    """The CSV part is written from each row's values in order: a row built with its keys in
    another order would shift every later column."""
    from gik_tui.core.export import LONG_FIELDS, long_rows
    from gik_tui.core.open_report import OpenReport

    for name in ("2019_lusong.txt", "2018_dongsheng.txt"):  # dongsheng has other rows too
        rows = long_rows(OpenReport.open(str(samples / name)))
        assert rows and all(list(r) == LONG_FIELDS for r in rows)


def test_the_long_csv_is_written_byte_for_byte_as_the_rows_would_be(samples, tmp_path):
    """export's CSV of the long cells is written without a dict a row (long_csv): the same bytes as
    csv_text over long_rows, with an analyst's decisions, a formula in the note, the agency
    corrected, a report with nothing found and one with other rows (dongsheng)."""
    from gik_tui.core.export import long_csv, long_rows
    from gik_tui.core.open_report import OpenReport
    from gik_tui.core.serialize import csv_text

    folder, _ = _reviewed_folder(samples, tmp_path)
    seen = 0
    for p in sorted(folder.iterdir()):
        if p.suffix != ".txt":
            continue
        r = OpenReport.open(str(p))
        rows = long_rows(r)
        text, count = long_csv(r)
        assert (text, count) == (csv_text([[*x.values()] for x in rows]), len(rows))
        seen += bool(r.annotation) + bool(r.extraction.other_rows)
    assert seen >= 2


@given(st.lists(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()),
                min_size=2, max_size=6))
def test_a_field_is_written_as_the_csv_writer_writes_it(values):
    from gik_tui.core.export import _text
    from gik_tui.core.serialize import csv_text

    assert ",".join(map(_text, values)) == csv_text([values])[:-2]


def test_the_spooled_rows_reach_a_file_and_standard_output_alike_and_leave_nothing(samples, tmp_path, monkeypatch):
    """The workers write the long rows to spool files and the parent copies them into the output
    in the kernel: a file written with two processes holds the bytes standard output gets from one,
    with or without sendfile, and no spool file is left behind."""
    import os
    import tempfile

    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    out = tmp_path / "out.csv"
    one = CliRunner().invoke(main, ["export", str(samples)])
    two = CliRunner().invoke(main, ["export", str(samples), "--jobs", "2", "-o", str(out)])
    assert one.exit_code == two.exit_code == 0
    assert out.read_bytes() == one.stdout_bytes and one.stdout_bytes.count(b"\r\n") > 500
    assert list(spool.iterdir()) == []

    def no_sendfile(*a):
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(os, "sendfile", no_sendfile)
    again = CliRunner().invoke(main, ["export", str(samples), "--jobs", "2", "-o", str(out), "--force"])
    assert again.exit_code == 0 and out.read_bytes() == one.stdout_bytes
    assert list(spool.iterdir()) == []


def test_an_export_that_fails_leaves_no_spool(samples, tmp_path, monkeypatch):
    import tempfile

    import gik_tui.core.batch as batch
    from gik_tui.core.export import dataset

    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))

    def broken(*a, **k):
        raise RuntimeError("the pool broke")

    monkeypatch.setattr(batch, "ordered", broken)
    with pytest.raises(RuntimeError):
        dataset([str(p) for p in samples.glob("*.txt")], written="csv")
    assert list(spool.iterdir()) == []
