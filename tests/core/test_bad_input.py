"""Bad input: every file of the corpus gives its expected outcome in extract, check and export,
with one line per unreadable file, no traceback, and the rest of the run going on."""

from __future__ import annotations

import json
import time

import pytest
from click.testing import CliRunner

from gik_tui.cli import main
from gik_tui.core.extract import extract
from gik_tui.core.readers import ReadError, find_reports, read_path

from ..badinput import make_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    return d, {c.name: c for c in make_corpus(d)}


def test_each_file_reads_or_fails_as_expected(corpus):
    d, cases = corpus
    for name, case in cases.items():
        t = time.perf_counter()
        if case.error:
            with pytest.raises(ReadError) as e:
                read_path(d / name)
            msg = str(e.value)
            assert msg.startswith(str(d / name) + ": ") and case.error in msg and "\n" not in msg, (name, msg)
            continue
        doc = read_path(d / name)
        for s in case.text_has:
            assert s in doc.text, (name, s)
        ex = extract(doc)
        for s in case.warns:
            assert any(s in w for w in ex.warnings), (name, s, ex.warnings)
        for key, value in case.cells.items():
            c = ex.cell(*key)
            assert c is not None and c.value == value, (name, key, c)
        # bounded: a few seconds even for 20 MB (30 s: a guard against a hang, not a speed target —
        # the machine may be busy recognising scans in the other worker)
        assert time.perf_counter() - t < 30, name


def test_each_bad_annotation_is_named_and_left_out(corpus):
    """The corpus's hostile annotations: export names each one (wholly or in part left out) and
    never crashes; an OSC 52 note is data, kept as it is, never applied to another report."""
    from gik_tui.core.open_report import OpenReport

    d, cases = corpus
    for name, case in cases.items():
        if case.error or case.big:
            continue
        r = OpenReport.open(str(d / name))
        if case.annotation:
            assert any(case.annotation in w for w in r.warnings), (name, r.warnings)
        elif name == "hostile.txt":
            assert r.annotation.status == "flagged" and "\x1b]52" in r.annotation.note
        else:
            assert not r.warnings or all("annotation" not in w for w in r.warnings), (name, r.warnings)


def _run(*args):
    return CliRunner().invoke(main, list(args))


def test_extract_check_export_over_the_corpus(corpus):
    d, cases = corpus
    bad = {n for n, c in cases.items() if c.error}
    runs = {}
    for command in (["extract", str(d), "--format", "jsonl"], ["check", str(d)], ["export", str(d), "--format", "jsonl"]):
        r = runs[command[0]] = _run(*command)
        assert r.exit_code == 2, (command, r.output)
        assert "Traceback" not in r.output + r.stderr
        errs = [l for l in r.stderr.splitlines() if l.startswith("gik-tui: ")
                and not l.split(": ")[1].endswith(".gik.toml")]  # the bad annotations are said apart
        assert sorted(l.split(": ")[1].rsplit("/", 1)[-1] for l in errs) == sorted(bad), (command, errs)
    sources = [json.loads(l)["source"].rsplit("/", 1)[-1] for l in runs["extract"].stdout.splitlines()]
    assert sorted(sources) == sorted(set(cases) - bad)


def test_readable_files_alone_exit_0_or_1(corpus):
    d, cases = corpus
    ok = [str(d / n) for n, c in cases.items() if not c.error and not c.big]
    assert _run("extract", *ok, "--format", "jsonl").exit_code == 0
    assert _run("check", *ok).exit_code in (0, 1)
    assert _run("export", *ok).exit_code == 3  # every report read; some annotations left out (named)


def test_file_removed_while_the_folder_is_read(tmp_path):
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    files, errors = find_reports([tmp_path])
    (tmp_path / "r1.txt").unlink()
    r = _run("extract", *files, "--format", "jsonl")
    assert r.exit_code == 2 and len(r.stdout.splitlines()) == 2
    assert "r1.txt: no such file" in r.stderr


def test_symlink_loop_is_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text("某县人民政府2020年政府信息公开工作年度报告\n", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    files, errors = find_reports([tmp_path])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt"] and errors == []


def test_hostile_text_reaches_json_literally(corpus):
    d, _ = corpus
    r = _run("extract", str(d / "hostile.txt"))
    obj = json.loads(r.stdout)
    assert [s["heading"] for s in obj["sections"]] == ["一、总体情况[/]", "二、主动公开政府信息情况"]
    assert obj["year"] == 2019 and obj["agency"] is None  # "[bold]某县人民政府[/]" is not taken for a name


def test_unreadable_folder_is_reported_and_counted(tmp_path, monkeypatch):
    """A folder that cannot be listed (chmod 000; simulated, since root can list anything) is
    named and counted in every command, and the run exits 2."""
    import errno
    import os

    (tmp_path / "a.txt").write_text("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("某县人民政府2020年政府信息公开工作年度报告\n", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if not isinstance(path, int) and os.fspath(path) == str(locked):  # rmtree lists by descriptor
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = find_reports([tmp_path])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt"]
    assert [str(e) for e in errors] == [f"{locked}: folder cannot be read (Permission denied); its reports were skipped"]
    for command in (["extract", str(tmp_path), "--format", "jsonl"], ["check", str(tmp_path)], ["export", str(tmp_path)]):
        r = _run(*command)
        assert r.exit_code == 2, (command, r.output)
        assert f"gik-tui: {locked}: folder cannot be read" in r.stderr, r.stderr
        if command[0] == "export":
            assert "1 unreadable" in r.stderr


def test_a_report_that_takes_too_long_is_given_up_and_said(monkeypatch):
    from pathlib import Path

    samples = Path(__file__).resolve().parents[2] / "sample_reports"
    monkeypatch.setenv("GIK_FILE_SECONDS", "0.000001")
    r = _run("extract", str(samples / "2019_lusong.txt"), "--format", "jsonl")
    assert r.exit_code == 2 and "took longer than 1e-06 s to extract; skipped" in r.stderr, r.output
    monkeypatch.setenv("GIK_FILE_SECONDS", "60")
    assert _run("extract", str(samples / "2019_lusong.txt"), "--format", "jsonl").exit_code == 0


def test_colspan_amplification_is_bounded_in_time_and_memory():
    """A 33 KB page of `<td colspan=100>` cells made a 2.4 GB grid in 56 s; now the page's grids
    are bounded (200 columns, 200,000 cells), whatever the spans."""
    import tracemalloc

    from gik_tui.core.readers import read_bytes

    cell = "<td colspan=100 rowspan=100>1</td>"
    page = ("<html><body><p>某县人民政府2020年政府信息公开工作年度报告</p><table>"
            + ("<tr>" + cell * 40 + "</tr>") * 25 + "</table></body></html>").encode()
    assert 30_000 < len(page) < 40_000
    tracemalloc.start()
    t = time.perf_counter()
    try:
        doc = read_bytes(page, "bomb.html")
        extract(doc)
        seconds = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seconds < 3 and peak < 100 * 1024 * 1024, (seconds, peak)
    assert any("were cut" in n for n in doc.notes)
