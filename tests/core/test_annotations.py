"""Annotations: TOML round trips, atomic writes, bad files, and the review state with undo/redo."""

import os
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from gik_tui.core.annotations import (Annotation, AnnotationError, AnnotationFile, CellEdit, ConflictError,
                                      SectionDecision, annotation_path, from_toml, legacy_annotation_path, load, to_toml)
from gik_tui.core.extract import extract_path
from gik_tui.core.review import Review

from ..annotate import save

LUSONG_TOTAL = ("requests", ("本年度办理结果", "总计"), ("总计",))


def test_annotation_path_stays_in_its_folder(tmp_path):
    assert annotation_path("/x/2019_lusong.txt") == annotation_path("/x/2019_lusong.txt", "/x")
    assert annotation_path("/x/2019_lusong.txt").name == "2019_lusong.txt.gik.toml"
    # a page and its text, and names that differ only in a character a file name cannot hold,
    # never share an annotation
    names = ["report.txt", "report.html", "report.HTM", "a:b.txt", "a_b.txt", "a%3Ab.txt", ".x.txt", "%2Ex.txt"]
    assert len({annotation_path(n, tmp_path) for n in names}) == len(names)
    for evil in ["../../etc/passwd", "..", "a/../../b.txt", "\x00x.txt", "....html", "con:*?.htm"]:
        p = annotation_path(evil, tmp_path)
        assert p.parent == tmp_path and p.name.endswith(".gik.toml") and "/" not in p.name


def test_round_trip_blanks_and_sections(tmp_path):
    a = Annotation(source="r.txt", sha256="ab" * 32, template="gik-2019", status="flagged", note="表格缺列 [bold]x[/]",
                   meta=(("agency", "某县人民政府"),),
                   sections=(SectionDecision("八、努力方向", 72, "存在的主要问题及改进情况"), SectionDecision("九、附表", 74, None)),
                   cells=(CellEdit("requests", ("本年度办理结果", "总计"), ("总计",), None, 11),
                          CellEdit("review", (), ("行政复议", "总计"), 3, None),
                          CellEdit("active", ("第二十条第（九）项", "政府集中采购"), ("采购总金额",), 14246.73, 14246.73)))
    path = tmp_path / "r.gik.toml"
    save(path, a)
    assert load(path) == a
    text = path.read_text(encoding="utf-8")
    assert "blank = true" in text and 'section = ""' in text


values = st.one_of(st.none(), st.integers(-10**9, 10**9), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 197), values), max_size=30), st.lists(st.integers(0, 4), max_size=8),
       st.sampled_from(["new", "in progress", "done", "flagged"]), st.text(max_size=40))
def test_any_sequence_of_edits_round_trips(edits, maps, status, note):
    """Any sequence of edits saved and loaded gives the same state."""
    ex = _lusong()
    rv = Review(ex, None, "2019_lusong.txt")
    for i, v in edits:
        rv.set_cell(ex.cells[i].key, v)
    for j in maps:
        s = ex.sections[j]
        rv.map_heading(s, None if j % 2 else "存在的主要问题及改进情况")
    rv.status, rv.note = status, note
    a = rv.annotation()
    back = from_toml(to_toml(a))
    assert back == a
    again = Review(ex, back, "2019_lusong.txt")
    assert again.current_cells() == rv.current_cells()
    assert {s.line: again.section_of(s) for s in ex.sections} == {s.line: rv.section_of(s) for s in ex.sections}


_CACHE = {}


def _lusong():
    if "x" not in _CACHE:
        from pathlib import Path

        _CACHE["x"] = extract_path(Path(__file__).resolve().parents[2] / "sample_reports" / "2019_lusong.txt")
    return _CACHE["x"]


def test_review_edit_undo_redo_and_checks():
    ex = _lusong()
    rv = Review(ex, None, "2019_lusong.txt")
    # nothing fails: the undecided cells make their tables (and the sums over them) pending
    assert [c.id for c in rv.checks() if c.state == "fails"] == []
    pending = [c.id for c in rv.checks() if c.state == "pending"]
    assert {"active.undecided", "requests.undecided"} <= set(pending) and not any(c.ok for c in rv.checks()
                                                                                    if c.id in pending)
    rv.set_cell(LUSONG_TOTAL, 12)
    assert rv.value(LUSONG_TOTAL) == 12 and rv.is_edited(LUSONG_TOTAL)
    failing = [c.id for c in rv.checks() if c.state == "fails"]
    assert "requests.balance[总计]" in failing and "requests.outcomes[总计]" in failing
    assert LUSONG_TOTAL in rv.failing_cells()
    rv.set_cell(LUSONG_TOTAL, None)
    assert rv.value(LUSONG_TOTAL) is None
    rv.undo()
    assert rv.value(LUSONG_TOTAL) == 12
    rv.undo()
    assert rv.value(LUSONG_TOTAL) == 11 and not rv.is_edited(LUSONG_TOTAL)
    assert rv.undo() is None
    rv.redo()
    assert rv.value(LUSONG_TOTAL) == 12
    a = rv.annotation()
    (edit,) = a.cells
    assert edit == CellEdit(*LUSONG_TOTAL, 12, 11, rv.annotator, edit.at)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", edit.at)  # each decision says when


def test_review_sets_several_cells_as_one_undo_step():
    ex = _lusong()
    rv = Review(ex, None, "2019_lusong.txt")
    row = ("requests", ("本年新收政府信息公开申请数量",))
    keys = [(*row, col) for col in (("自然人",), ("法人或其他组织", "商业企业"), ("总计",))]
    rv.set_cell(keys[0], 3)
    ch = rv.set_cells({keys[0]: 10, keys[1]: 1, keys[2]: None})
    assert ch.kind == "cells" and ch.cells == tuple(keys)
    assert [rv.value(k) for k in keys] == [10, 1, None] and rv.status == "in progress"
    rv.undo()  # all three back at once, the earlier edit kept
    assert [rv.value(k) for k in keys] == [3, None, 11]
    assert rv.is_edited(keys[0]) and not rv.is_edited(keys[1]) and not rv.is_edited(keys[2])
    rv.redo()
    assert [rv.value(k) for k in keys] == [10, 1, None]
    assert rv.set_cells({}) is None
    assert rv.set_cells({keys[1]: 2}).kind == "cell"  # one cell is a plain cell change


def test_review_headings_accept():
    from pathlib import Path

    ex = extract_path(Path(__file__).resolve().parents[2] / "sample_reports" / "2018_dongsheng.txt")
    rv = Review(ex, None, "2018_dongsheng.txt")
    heading = next(s for s in ex.sections if s.heading == "八、努力方向")
    assert rv.section_of(heading) == ("存在的主要问题及改进情况", False)
    rv.accept(heading)
    assert rv.section_of(heading) == ("存在的主要问题及改进情况", True)
    changes = rv.accept_all()
    assert len(changes) == 5  # the other matched headings; the unmatched stay for the analyst
    unmatched = [a for a in rv.attention() if a.kind == "heading"]
    assert len(unmatched) == 3
    assert "回应解读情况" not in rv.missing_sections()


def test_source_changed_marks_stale_decisions(tmp_path):
    ex = _lusong()
    a = Annotation(source="2019_lusong.txt", sha256="0" * 64, template="gik-2019",
                   cells=(CellEdit(*LUSONG_TOTAL, 12, 10), CellEdit("review", (), ("行政复议", "总计"), 2, 2)))
    rv = Review(ex, a, "2019_lusong.txt")
    assert rv.source_changed
    assert rv.stale == {LUSONG_TOTAL}


@pytest.mark.parametrize("text, reason", [
    ("schema = 1\n[report\n", "not valid TOML"),
    ("schema = 9\n", "newer gik-tui"),
    ("schema = '1'\n", "schema must be a whole number"),
    ("x = " + "[" * 200 + "]" * 200 + "\n", "nested too deeply"),
])
def test_bad_annotation_files(tmp_path, text, reason):
    p = tmp_path / "r.gik.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(AnnotationError) as e:
        load(p)
    assert reason in str(e.value) and str(p) in str(e.value) and "\n" not in str(e.value)
    assert p.read_text(encoding="utf-8") == text  # left untouched


def test_huge_annotation_is_refused(tmp_path):
    p = tmp_path / "big.gik.toml"
    p.write_bytes(b"# " + b"x" * (3 * 1024 * 1024))
    with pytest.raises(AnnotationError, match="too large"):
        load(p)


def test_atomic_save_leaves_no_temporary_files(tmp_path):
    p = tmp_path / "r.gik.toml"
    a = Annotation(source="r.txt", sha256="", template="legacy", status="done")
    save(p, a)
    save(p, Annotation(source="r.txt", sha256="", template="legacy", status="flagged"))
    assert sorted(os.listdir(tmp_path)) == ["r.gik.toml"]
    assert load(p).status == "flagged"


def test_save_to_a_read_only_folder_raises(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    with pytest.raises(OSError):
        save(ro / "r.gik.toml", Annotation(source="r", sha256="", template="legacy"))


# ------------------------------------------------------------------ issue 9: names, validation, modes
def _ann(source="r.txt", **kw):
    return Annotation(source=source, sha256="", template="gik-2019", **kw)


def _file(folder, report):
    return AnnotationFile(annotation_path(folder / report), report, legacy_annotation_path(folder / report))


def test_old_name_is_read_when_it_is_this_reports_and_the_save_writes_the_new_name(tmp_path):
    edit = CellEdit("review", (), ("行政复议", "总计"), 3, None)
    save(tmp_path / "r.gik.toml", _ann("r.txt", cells=(edit,)))
    (tmp_path / "r.txt").write_text("x", encoding="utf-8")
    (tmp_path / "r.html").write_text("x", encoding="utf-8")
    f = _file(tmp_path, "r.txt")
    assert f.load().cells == (edit,) and f.read_from == tmp_path / "r.gik.toml"
    assert _file(tmp_path, "r.html").load() is None  # the page is another report: not its annotation
    f.save(_ann("r.txt", cells=(edit,), status="done"))
    assert load(tmp_path / "r.txt.gik.toml").status == "done"
    assert load(tmp_path / "r.gik.toml").status == "new"  # the old file is left as it was


def test_old_name_without_a_source_is_read_only_when_unambiguous(tmp_path):
    save(tmp_path / "r.gik.toml", _ann("", status="done"))
    (tmp_path / "r.txt").write_text("x", encoding="utf-8")
    assert _file(tmp_path, "r.txt").load().status == "done"
    (tmp_path / "r.html").write_text("x", encoding="utf-8")
    assert _file(tmp_path, "r.txt").load() is None and _file(tmp_path, "r.html").load() is None


def test_an_annotation_naming_another_report_is_never_applied(tmp_path):
    save(tmp_path / "r.txt.gik.toml", _ann("other.html", status="done",
                                           cells=(CellEdit("review", (), ("行政复议", "总计"), 3, None),)))
    f = _file(tmp_path, "r.txt")
    assert f.load() is None
    assert f.blocked and "belongs to another report (other.html)" in str(f.error)
    with pytest.raises(AnnotationError):
        f.save(_ann("r.txt"))
    assert load(tmp_path / "r.txt.gik.toml").source == "other.html"  # left untouched


@pytest.mark.parametrize("toml, problem", [
    ('[meta]\nagency = 123', "meta.agency should be text, not 123"),
    ('[meta]\nyear = "abc"', "meta.year should be a year (1990–2100), not 'abc'"),
    ('[meta]\nyear = 99999', "meta.year should be a year"),
    ('[meta]\ntemplate = "gik-9999"', "meta.template 'gik-9999' is not a known format"),
    ('[meta]\ntemplate = "../legacy"', "is not a known format"),
    ('[review]\nstatus = "maybe"', "review.status 'maybe' is not one of"),
    ('[review]\nnote = 5', "review.note should be text"),
    ('[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "总计"]\nvalue = nan', "should be a finite number, not nan"),
    ('[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "总计"]\nvalue = inf', "should be a finite number, not inf"),
    ('[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "总计"]\nvalue = "3"', "value should be a number, not '3'"),
    ('[[cells]]\ntable = "review"\nrow = "x"\ncolumn = ["总计"]\nvalue = 3', "row and column lists of text"),
    ('[[sections]]\nheading = "一、总体情况"\nline = -1', "line should be a line number"),
])
def test_a_wrong_part_is_left_out_and_named_the_rest_kept(toml, problem):
    text = 'schema = 1\n[report]\nsource = "r.txt"\n[review]\nstatus = "done"\n' if "[review]" not in toml else \
        'schema = 1\n[report]\nsource = "r.txt"\n'
    a = from_toml(text + toml + "\n", "r.txt.gik.toml")
    assert any(problem in p for p in a.problems), a.problems
    assert a.source == "r.txt"
    assert all(isinstance(v, (int, float)) for c in a.cells for v in (c.value,) if v is not None)
    assert dict(a.meta).get("agency") in (None,) or isinstance(dict(a.meta)["agency"], str)


def test_schema_of_the_wrong_type_is_not_called_newer():
    with pytest.raises(AnnotationError, match="schema must be a whole number, not '1'"):
        from_toml('schema = "1"\n')


def test_utf8_bom_is_valid(tmp_path):
    p = tmp_path / "r.txt.gik.toml"
    p.write_bytes(b"\xef\xbb\xbf" + to_toml(_ann(status="done")).encode())
    assert load(p).status == "done"


def test_save_keeps_the_mode_and_a_new_file_gets_the_umasks(tmp_path):
    p = tmp_path / "r.txt.gik.toml"
    old = os.umask(0o022)
    try:
        save(p, _ann())
        assert p.stat().st_mode & 0o777 == 0o644
        os.chmod(p, 0o664)
        f = AnnotationFile(p, "r.txt")
        f.load()
        f.save(_ann(status="done"))
        assert p.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)


def test_save_cleans_temporaries_a_killed_save_left(tmp_path):
    p = tmp_path / "r.txt.gik.toml"
    for i in range(3):
        (tmp_path / f".r.txt.gik.toml.dead{i}.tmp").write_text("half", encoding="utf-8")
    (tmp_path / ".other.gik.toml.x.tmp").write_text("not ours to clean", encoding="utf-8")
    f = AnnotationFile(p, "r.txt")
    f.load()
    f.save(_ann())
    assert sorted(n for n in os.listdir(tmp_path) if n.endswith(".tmp")) == [".other.gik.toml.x.tmp"]


def test_save_as_never_replaces_a_file_without_being_told(tmp_path):
    (tmp_path / "r.txt").write_text("the report", encoding="utf-8")
    f = AnnotationFile(tmp_path / "r.txt.gik.toml", "r.txt")
    f.load()
    with pytest.raises(FileExistsError):
        f.save_as(tmp_path / "r.txt", _ann())
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "the report"


def test_an_annotation_that_is_a_device_or_fifo_is_not_read(tmp_path):
    os.symlink("/dev/zero", tmp_path / "z.txt.gik.toml")
    with pytest.raises(AnnotationError, match="a device, not an annotation file"):
        load(tmp_path / "z.txt.gik.toml")
    os.mkfifo(tmp_path / "f.txt.gik.toml")
    with pytest.raises(AnnotationError, match="FIFO"):
        load(tmp_path / "f.txt.gik.toml")


def test_an_annotation_made_on_another_reports_bytes_is_not_applied(tmp_path, samples):
    from gik_tui.core.open_report import OpenReport

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((samples / "2019_lusong.txt").read_bytes())
    b.write_bytes((samples / "2020_huaiyin.txt").read_bytes())
    sha_b = OpenReport.open(str(b)).extraction.sha256
    save(annotation_path(a), Annotation(source="a.txt", sha256=sha_b, template="gik-2019", status="done"))
    opened = OpenReport.open(str(a))
    assert opened.annotation is None
    assert opened.file.blocked and "was made on b.txt (same sha256), not a.txt" in str(opened.file.error)
    # a report whose own bytes changed keeps its annotation (its edits are marked ≠)
    save(annotation_path(a), Annotation(source="a.txt", sha256="0" * 64, template="gik-2019", status="done"))
    assert OpenReport.open(str(a)).annotation.status == "done"


def test_the_status_rule_lives_in_the_review(samples):
    """Changing anything moves a new report to "in progress"; a done or flagged one keeps its
    status (the screen does not decide this)."""
    ex = extract_path(samples / "2019_lusong.txt")
    rv = Review(ex, None, "2019_lusong.txt")
    assert rv.status == "new"
    rv.set_cell(LUSONG_TOTAL, 12)
    assert rv.status == "in progress"
    done = Review(ex, Annotation(source="2019_lusong.txt", sha256="", template="gik-2019", status="done"),
                  "2019_lusong.txt")
    done.set_cell(LUSONG_TOTAL, 12)
    assert done.status == "done"


def test_a_note_is_work_on_the_report(samples):
    """Writing a note moves a new report to "in progress" (the queue had said "new" of a report
    with the analyst's note on it); taking the note back, nothing else changed, makes it new again;
    a done report stays done."""
    ex = extract_path(samples / "2019_lusong.txt")
    rv = Review(ex, None, "2019_lusong.txt")
    rv.set_note("ask the office about the 2019 total")
    assert rv.status == "in progress" and rv.note == "ask the office about the 2019 total"
    assert rv.annotation().note == "ask the office about the 2019 total"
    rv.set_note("")
    assert rv.status == "new" and rv.untouched()
    rv.set_note("again")
    rv.set_cell(LUSONG_TOTAL, 12)
    rv.set_note("")
    assert rv.status == "in progress"  # (an edit stands)
    done = Review(ex, Annotation(source="2019_lusong.txt", sha256="", template="gik-2019", status="done"),
                  "2019_lusong.txt")
    done.set_note("checked")
    assert done.status == "done"


def test_each_decision_keeps_who_and_when():
    a = Annotation(source="r.txt", sha256="", template="gik-2021", annotator="li",
                   cells=(CellEdit("requests", ("结转下年度继续办理",), ("自然人",), 3, 2, "wang", "2026-11-27T09:00:00+00:00"),
                          CellEdit("requests", ("结转下年度继续办理",), ("总计",), 4, None)),
                   sections=(SectionDecision("一、总体情况", 3, "总体情况", True, "li", "2026-11-28T10:00:00+00:00"),))
    text = to_toml(a)
    assert 'by = "wang"' in text and 'at = "2026-11-27T09:00:00+00:00"' in text
    back = from_toml(text)
    assert back.cells == a.cells and back.sections == a.sections  # the second edit: who and when unknown
    bad = from_toml(text.replace('by = "wang"', "by = 3"))
    assert bad.problems == ("cells entry 1: by and at should be text; ignored",) and len(bad.cells) == 1


def test_merge_keeps_both_analysts_decisions():
    from gik_tui.core.annotations import merge

    a = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    b = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))
    c = ("requests", ("结转下年度继续办理",), ("自然人",))
    base = Annotation(source="r.txt", sha256="", template="gik-2021", cells=(CellEdit(*c, 1, 0, "li", "T1"),))
    ours = replace(base, status="in progress",
                   cells=(CellEdit(*c, 1, 0, "li", "T1"), CellEdit(*a, 5, 4, "wang", "T3"), CellEdit(*b, 9, 8, "wang", "T3")))
    theirs = replace(base, status="done", note="checked",
                     cells=(CellEdit(*c, 2, 0, "li", "T2"), CellEdit(*b, 7, 8, "li", "T4")),
                     sections=(SectionDecision("一、总体情况", 3, "总体情况", True, "li", "T2"),))
    merged, said = merge(base, ours, theirs)
    got = {e.key: (e.value, e.by) for e in merged.cells}
    assert got == {c: (2, "li"), a: (5, "wang"), b: (7, "li")}  # theirs only, ours only, both: the later (T4)
    assert merged.sections == theirs.sections and merged.note == "checked"
    assert merged.status == "in progress"  # changed in both: this window's, and said
    assert said == ["cell requests › 本年新收政府信息公开申请数量 × 总计: decided differently here (wang) and in the "
                    "file (li); kept li's", "status: changed here and in the file; kept this window's"]


def test_merge_save_writes_both_under_the_lock(tmp_path):
    f = AnnotationFile(tmp_path / "r.txt.gik.toml", report="r.txt")
    base = Annotation(source="r.txt", sha256="", template="gik-2021")
    f.save(base)
    cell = ("requests", ("结转下年度继续办理",), ("总计",))
    other = AnnotationFile(tmp_path / "r.txt.gik.toml", report="r.txt")
    other.load()
    other.save(replace(base, note="from the other analyst"))
    with pytest.raises(ConflictError):
        f.save(replace(base, cells=(CellEdit(*cell, 3, 2, "wang", "T9"),)))
    merged, said = f.merge_save(base, replace(base, cells=(CellEdit(*cell, 3, 2, "wang", "T9"),)))
    assert said == [] and load(f.path) == merged
    assert merged.note == "from the other analyst" and merged.cells[0].value == 3
    assert not f.changed_on_disk()
