"""`gik-tui extract` and `gik-tui check`: formats, the JSON contract, exit codes, errors."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from gik_tui.cli import main

KEYS = {"source", "sha256", "template", "year", "agency", "year_from", "agency_from", "sections", "cells", "checks", "warnings",
        "questions", "other_rows"}
CELL_KEYS = {"table", "row", "column", "value", "raw", "unit", "line", "start", "end", "confidence", "candidates", "method",
             "page", "reason"}


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_json_contract(samples):
    r = run("extract", str(samples), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) == 5
    for rep in data:
        assert set(rep) == KEYS
        assert rep["template"] in ("gik-2019", "gik-2021", "legacy")
        for c in rep["cells"]:
            assert set(c) == CELL_KEYS
        for s in rep["sections"]:
            assert set(s) == {"heading", "line", "page", "template_section", "score", "candidates"}
            assert s["page"] is None  # a text report has no pages
        for c in rep["checks"]:
            assert set(c) == {"id", "ok", "state", "message", "cells", "waiting"}
            assert c["state"] in ("holds", "fails", "pending") and c["ok"] == (c["state"] == "holds")
            assert bool(c["waiting"]) == (c["state"] == "pending") or c["state"] == "fails"
    lusong = next(d for d in data if d["source"].endswith("2019_lusong.txt"))
    cell = next(c for c in lusong["cells"] if c["table"] == "requests" and c["row"] ==
                ["本年度办理结果", "不予公开", "危及“三安全一稳定”"] and c["column"] == ["自然人"])
    assert cell["value"] is None and cell["line"] == 205 and cell["method"] == "inferred"
    assert cell["candidates"][0] == [1, cell["candidates"][0][1]] and cell["candidates"][1][0] is None
    total = next(c for c in lusong["cells"] if c["table"] == "requests" and c["row"] ==
                 ["本年度办理结果", "不予公开", "危及“三安全一稳定”"] and c["column"] == ["总计"])
    assert (total["value"], total["confidence"], total["method"], total["candidates"]) == (1, 0.9, "inferred", [])
    review = next(c for c in lusong["cells"] if c["table"] == "review" and c["column"] ==
                  ["行政诉讼", "未经复议直接起诉", "结果维持"])
    assert review["value"] == 11 and review["row"] == []


def test_single_report_is_one_object(samples):
    r = run("extract", str(samples / "2020_huaiyin.txt"))
    obj = json.loads(r.stdout)
    assert obj["year"] == 2020 and obj["agency"] == "淮阴区人民政府"


def test_jsonl_and_jobs(samples, tmp_path):
    out = tmp_path / "x.jsonl"
    r = run("extract", str(samples), "--format", "jsonl", "-o", str(out), "--jobs", "2")
    assert r.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(l)["source"].rsplit("/", 1)[-1] for l in lines] == sorted(p.name for p in samples.glob("*.txt"))


def test_csv(samples):
    r = run("extract", str(samples / "2018_dongsheng.txt"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 58
    first = rows[0]
    assert (first["table"], first["row"], first["value"], first["unit"]) == (
        "stats", "主动公开情况 / 主动公开政府信息数", "13173", "条")


def test_unreadable_files_exit_2_and_the_rest_go_on(samples, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "img.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)  # a program, not a report
    r = run("extract", str(empty), str(samples / "2020_huaiyin.txt"), str(binary), str(tmp_path / "gone.txt"),
            "--format", "jsonl")
    assert r.exit_code == 2
    assert len(r.stdout.strip().splitlines()) == 1
    errs = r.stderr.strip().splitlines()
    assert len(errs) == 3
    assert any("empty.txt: empty file" in e for e in errs)
    assert any("img.txt: binary" in e for e in errs)
    assert any("gone.txt: no such file" in e for e in errs)
    assert "Traceback" not in r.stderr


def test_check_exit_codes(samples):
    r = run("check", str(samples))
    assert r.exit_code == 1
    assert r.stdout.count("\n") == 1 and "2018_dongsheng.txt: stats.refused" in r.stdout
    # 2019_lusong.txt lost its empty cells: the parts it cannot place are work left — pending, not
    # failing and not clean — counted apart; so is 2018_liuzhi.txt's estimate (累计培训300余人次), offered
    assert r.stderr.endswith("5 report(s), 1 failing check(s), 38 pending, 0 unreadable\n")
    lusong = run("check", str(samples / "2019_lusong.txt"))
    assert lusong.exit_code == 0 and lusong.stdout == "" and "0 failing check(s), 37 pending" in lusong.stderr
    liuzhi = run("check", str(samples / "2018_liuzhi.txt"))
    assert liuzhi.exit_code == 0 and liuzhi.stdout == "" and "0 failing check(s), 1 pending" in liuzhi.stderr
    ok = run("check", str(samples / "2016_dongchang.txt"), str(samples / "2020_huaiyin.txt"))
    assert ok.exit_code == 0 and ok.stdout == "" and ", 0 pending," in ok.stderr


def test_check_unreadable_is_2(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert run("check", str(tmp_path / "e.txt")).exit_code == 2


def test_synth_command(tmp_path):
    r = run("synth", str(tmp_path / "c"), "-n", "7", "--seed", "2")
    assert r.exit_code == 0 and len(list((tmp_path / "c").iterdir())) == 7
    r = run("check", str(tmp_path / "c"))
    # a consistent corpus fails nothing but the cells a glued table (layouts f, g, s, l) leaves open
    assert all(".undecided:" in line and line.split(":")[0].endswith(("_f.txt", "_g.txt", "_s.txt", "_l.txt"))
               for line in r.stdout.splitlines())


def test_synth_writes_noughts_as_dashes_when_asked(tmp_path):
    """--figures dashes: each nought written as an empty cell's dash (—, / or -), in a row of
    cells or glued; every dash read as the empty cell it is, and nothing fails."""
    from gik_tui.core.extract import extract_path

    r = run("synth", str(tmp_path / "d"), "-n", "6", "--seed", "2", "--figures", "dashes", "--layouts", "cf")
    assert r.exit_code == 0
    read = 0
    for f in sorted((tmp_path / "d").iterdir()):
        ex = extract_path(str(f))
        dashes = [c for c in ex.cells if c.value is None and c.raw in ("—", "/", "-")]
        assert not ex.failing and all(c.reason.startswith("empty in the table") for c in dashes), f
        read += len(dashes)
    assert read > 100  # (the 2019 and 2021 tables' noughts; the statistics table has few)
    assert run("synth", str(tmp_path / "x"), "-n", "1", "--figures", "odd").exit_code == 2


def test_synth_shapes_its_figures_like_real_reports_when_asked(tmp_path):
    """--shape real: the same reports, with real-looking figures (规章 few, requests mostly from
    natural persons); still consistent."""
    from gik_tui.core.extract import extract_path

    r = run("synth", str(tmp_path / "r"), "-n", "6", "--seed", "2", "--shape", "real", "--layouts", "c")
    assert r.exit_code == 0
    others = total = 0
    for f in sorted((tmp_path / "r").iterdir()):
        ex = extract_path(str(f))
        assert not ex.failing, f
        for c in ex.cells:
            if c.table == "requests" and c.column[-1] != "总计" and c.value:
                total += c.value
                others += c.value if c.column[-1] != "自然人" else 0
    assert total and others / total < 0.2
    assert run("synth", str(tmp_path / "x"), "-n", "1", "--shape", "odd").exit_code == 2


def test_console_script_help():
    out = subprocess.run([sys.executable, "-m", "gik_tui.cli", "extract", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "--format" in out.stdout


def test_a_folder_of_attachments_extracts_checks_and_exports(tmp_path):
    """PDF, Word, text and a damaged .doc side by side: every readable one extracted with the page
    of its figures, the .doc said in one line (exit 2), and the batch goes on."""
    from gik_tui.core.synth import make_report

    folder = tmp_path / "mixed"
    folder.mkdir()
    reps = [make_report(i, seed=4, template_id="gik-2021", layout=lay) for i, lay in enumerate("pwc")]
    for rep in reps:
        (folder / rep.filename).write_bytes(rep.render())
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    r = run("extract", str(folder), "--format", "jsonl")
    assert r.exit_code == 2
    assert r.stderr.strip().splitlines() == [f"gik-tui: {folder / 'old.doc'}: a damaged Word 97–2003 file (.doc); "
                                             "download it again"]
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert [Path(x["source"]).name for x in recs] == sorted(rep.filename for rep in reps)
    by_name = {Path(x["source"]).name: x for x in recs}
    for rep in reps:
        cells = {(c["table"], tuple(c["row"]), tuple(c["column"])): c for c in by_name[rep.filename]["cells"]}
        assert {k: cells[k]["value"] for k in rep.values} == rep.values
        pages = {c["page"] for c in cells.values() if c["value"] is not None}
        assert pages == ({None} if rep.layout == "c" else {2, 3} if rep.layout == "p" else {2})
    c = run("check", str(folder))
    assert c.exit_code == 2 and c.stderr.endswith("\n4 report(s), 0 failing check(s), 0 pending, 1 unreadable\n")
    out = tmp_path / "dataset.csv"
    e = run("export", str(folder), "--format", "csv", "-o", str(out))
    assert e.exit_code == 2  # the .doc
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert {Path(r["source"]).name for r in rows} == {rep.filename for rep in reps}
    pdf_pages = {r["page"] for r in rows if r["source"].endswith(".pdf") and r["value"]}
    assert pdf_pages == {"2", "3"} and {r["page"] for r in rows if r["source"].endswith(".txt")} == {""}


def test_a_missing_file_prints_nothing_but_its_error(tmp_path):
    for fmt in ("json", "jsonl", "csv"):
        r = run("extract", str(tmp_path / "nope.txt"), "--format", fmt)
        assert (r.exit_code, r.stdout) == (2, "")
        assert r.stderr == f"gik-tui: {tmp_path / 'nope.txt'}: no such file or folder\n"


def test_synth_breaks_the_share_it_is_given_and_says_which(tmp_path):
    r = run("synth", str(tmp_path / "c"), "-n", "10", "--inconsistent", "0.2", "--seed", "3", "--layouts", "acdeh")
    assert r.exit_code == 0
    said = r.stderr.strip().splitlines()
    assert said[0] == f"wrote 10 reports to {tmp_path / 'c'}"
    assert said[1].startswith("2 of them with one identity broken: ")
    c = run("check", str(tmp_path / "c"))
    assert c.exit_code == 1
    failing_files = {line.split(": ")[0] for line in c.stdout.splitlines()}
    assert len(failing_files) == 2
    for kind in said[1].split(": ", 1)[1].split(", "):
        assert any(f": {kind.split(' ×')[0]}" in line for line in c.stdout.splitlines())


def test_check_applies_the_annotations_unless_raw(samples, tmp_path):
    from gik_tui.core.annotations import Annotation, CellEdit, annotation_path

    from ..annotate import save

    report = samples / "2020_huaiyin.txt"
    cell = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    save(annotation_path(report, tmp_path), Annotation(source=report.name, sha256="", template="gik-2019",
                                                       cells=(CellEdit(*cell, 99, 17),)))
    raw = run("check", str(report), "--annotations", str(tmp_path), "--raw")
    assert (raw.exit_code, raw.stdout) == (0, "")
    r = run("check", str(report), "--annotations", str(tmp_path))
    assert r.exit_code == 1
    ids = [line.split(": ")[1] for line in r.stdout.splitlines()]
    assert ids == ["requests.balance[自然人]", "requests.applicants[本年新收政府信息公开申请数量]"]
    assert "99 ≠ 17" in r.stdout and r.stderr.endswith("1 report(s), 2 failing check(s), 0 pending, 0 unreadable\n")


def test_status_counts_reports_per_status_and_per_annotator(samples, tmp_path):
    from gik_tui.core.annotations import Annotation, annotation_path

    from ..annotate import save

    for name, status, who in (("2020_huaiyin.txt", "done", "wang"), ("2019_lusong.txt", "flagged", "wang"),
                              ("2018_liuzhi.txt", "in progress", "li")):
        save(annotation_path(samples / name, tmp_path),
             Annotation(source=name, sha256="", template="", status=status, annotator=who))
    r = run("status", str(samples), "--annotations", str(tmp_path))
    assert r.exit_code == 0
    assert r.stdout.splitlines() == [
        "5 report(s): 2 new · 1 in progress · 1 done · 1 flagged · 0 error",
        "  wang: 2 report(s): 1 done · 1 flagged",
        "  li: 1 report(s): 1 in progress",
        "5 agencies, 4 year(s) (2016–2020)",
    ]


def test_a_batch_says_of_each_report_what_it_says_of_it_alone(samples, tmp_path):
    # nothing of one report leaks into the next in a worker: every layout, the three formats, some
    # with broken sums and undecided cells, extracted by two workers in one run, each record equal
    # to the report extracted on its own (in reverse order, in this process)
    from gik_tui.core.extract import extract_path
    from gik_tui.core.serialize import to_json_bytes

    folder = tmp_path / "mixed"
    assert run("synth", str(folder), "-n", "48", "--seed", "5", "--inconsistent", "0.4").exit_code == 0
    for p in samples.glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "all.jsonl"
    r = run("extract", str(folder), "--format", "jsonl", "-o", str(out), "--jobs", "2")
    assert r.exit_code == 0, r.output
    batch = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(batch) == 53
    alone = {rec["source"]: json.loads(to_json_bytes(extract_path(rec["source"]))) for rec in reversed(batch)}
    assert sum(1 for rec in batch for c in rec["checks"] if c["id"].endswith(".undecided")) >= 10
    for rec in batch:
        assert rec == alone[rec["source"]], rec["source"]


def test_outputs_to_a_device_are_written_not_refused_nor_replaced(samples):
    for args in (["extract", str(samples / "2020_huaiyin.txt")], ["export", str(samples)]):
        r = run(*args, "-o", os.devnull)
        assert r.exit_code == 0, r.stderr
        assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)  # still the device


def test_an_output_named_xlsx_is_a_workbook_and_a_new_file_gets_the_umask_s_mode(samples, tmp_path):
    import openpyxl

    r = run("export", str(samples), "-o", str(tmp_path / "data.xlsx"))
    assert r.exit_code == 0, r.stderr
    assert openpyxl.load_workbook(tmp_path / "data.xlsx").sheetnames == ["long", "wide", "sections", "checks"]
    r = run("export", str(samples), "-o", str(tmp_path / "data.jsonl"))
    assert r.exit_code == 0 and (tmp_path / "data.jsonl").read_text(encoding="utf-8").startswith("{")
    old = os.umask(0o022)
    try:
        r = run("extract", str(samples / "2020_huaiyin.txt"), "-o", str(tmp_path / "out.json"))
    finally:
        os.umask(old)
    assert r.exit_code == 0 and (os.stat(tmp_path / "out.json").st_mode & 0o777) == 0o644


def test_records_of_several_jobs_are_the_same_bytes_in_a_file_a_pipe_and_a_stream(samples, tmp_path):
    """With several jobs a chunk's records are copied from the worker's file (sendfile to a file
    or a pipe, read and written to a stream in memory): every format comes out byte for byte as
    with one job, the separators between chunks included."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(3):  # enough reports for several chunks a worker
        for p in samples.glob("*.txt"):
            (folder / f"{i}_{p.name}").write_bytes(p.read_bytes())
    for fmt in ("json", "jsonl", "csv"):
        one = run("extract", str(folder), "--format", fmt, "--jobs", "1")
        assert one.exit_code == 0
        stream = run("extract", str(folder), "--format", fmt, "--jobs", "2")  # CliRunner: in memory
        assert stream.stdout_bytes == one.stdout_bytes, fmt
        out = tmp_path / f"x.{fmt}"
        assert run("extract", str(folder), "--format", fmt, "--jobs", "2", "-o", str(out)).exit_code == 0
        assert out.read_bytes() == one.stdout_bytes, fmt
        piped = subprocess.run([sys.executable, "-m", "gik_tui.cli", "extract", str(folder), "--format", fmt,
                                "--jobs", "2"], capture_output=True, check=True)
        assert piped.stdout == one.stdout_bytes, fmt
