"""One open report without a screen: open, edit, save, a conflict with another window, merge,
reload and save-as — each rule in milliseconds (core/open_report.py)."""

from __future__ import annotations

import errno
import shutil

import pytest

from gik_tui.core.annotations import Annotation, CellEdit, annotation_path, load as load_annotation
from gik_tui.core.open_report import OpenReport

from ..annotate import save

KEY = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
THEIRS = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))


@pytest.fixture
def report(tmp_path, samples):
    folder = tmp_path / "r"
    folder.mkdir()
    shutil.copy(samples / "2020_huaiyin.txt", folder)
    shutil.copy(samples / "2019_lusong.txt", folder)
    return folder / "2020_huaiyin.txt"


def _theirs(path, note="复核过"):
    save(annotation_path(path), Annotation(source=path.name, sha256="", template="gik-2019", note=note,
                                           annotator="li", cells=(CellEdit(*THEIRS, 19, 18, "li",
                                                                           "2026-11-28T08:00:00+00:00"),)))


def _edited_while_another_window_saved(report, key=KEY, value=5) -> OpenReport:
    """The report opened here; another analyst then saves theirs; then this window edits a cell."""
    r = OpenReport.open(str(report))
    _theirs(report)
    r.review.set_cell(key, value)
    r.changed()
    return r


def test_open_edit_save_and_open_again(report):
    r = OpenReport.open(str(report), annotator="wang")
    assert r.name == "2020_huaiyin.txt" and r.annotation is None and not r.dirty
    assert r.review.value(KEY) == 17
    r.review.set_cell(KEY, 5)
    r.changed()
    assert r.save().ok and not r.dirty and r.last_saved is not None
    again = OpenReport.open(str(report))
    assert again.review.value(KEY) == 5 and again.annotation.annotator == "wang"
    assert r.save().ok  # nothing unsaved: nothing to do


def test_every_change_undone_leaves_a_new_report_new_and_no_file(report):
    """An edit, saved, then undone: the report is new again and the file this window wrote is taken
    back (the queue said "in progress" with an annotation of nothing). Redone, both come back. The
    analyst's own status stays as set; a report annotated before keeps its file, rewritten; a file
    another window wrote meanwhile is never removed."""
    path = annotation_path(report)
    r = OpenReport.open(str(report))
    r.review.set_cell(KEY, 5)
    r.changed()
    assert r.save().ok and path.exists() and r.review.status == "in progress"
    r.review.undo()
    r.changed()
    assert r.review.status == "new" and r.save().ok and not path.exists() and not r.dirty
    r.review.redo()
    r.changed()
    assert r.review.status == "in progress" and r.save().ok and load_annotation(path).cell_map[KEY].value == 5
    r.review.undo()
    r.review.status = "done"  # (the analyst's own)
    r.changed()
    assert r.save().ok and load_annotation(path).status == "done"

    again = OpenReport.open(str(report))  # annotated before: undoing back to it keeps the file
    again.review.set_cell(KEY, 7)
    again.review.undo()
    again.changed()
    assert again.save().ok and path.exists() and again.review.status == "done"

    path.unlink()
    r = OpenReport.open(str(report))
    r.review.set_cell(KEY, 5)
    r.changed()
    assert r.save().ok
    _theirs(report)  # another window saves its own meanwhile
    r.review.undo()
    r.changed()
    assert not r.save().ok and load_annotation(path).note == "复核过"  # a conflict, said: theirs kept


def test_any_change_to_the_review_is_unsaved_until_written(report):
    """The review itself says what is unsaved: an edit, a note or a status not yet written makes the
    report dirty the moment it is made (a screen told of it later saved nothing when the analyst
    left before being told); undoing it back to what was written leaves nothing to save."""
    r = OpenReport.open(str(report))
    r.review.set_cell(KEY, 5)  # no changed(): the screen has not been told yet
    assert r.dirty
    assert r.save().ok and not r.dirty
    assert OpenReport.open(str(report)).review.value(KEY) == 5
    r.review.note = "复核"
    assert r.dirty and r.save().ok and not r.dirty
    r.review.set_cell(KEY, 6)
    r.review.undo()
    assert not r.dirty  # as written


def test_a_file_changed_on_disk_is_a_conflict_never_overwritten(report):
    r = _edited_while_another_window_saved(report)
    assert r.save_needs() == "conflict"
    got = r.save()
    assert (got.ok, got.problem) == (False, "conflict") and r.dirty
    assert {e.key: e.value for e in load_annotation(annotation_path(report)).cells} == {THEIRS: 19}
    assert r.review.value(KEY) == 5  # nothing typed is lost


def test_merge_keeps_both_windows_decisions(report):
    r = _edited_while_another_window_saved(report)
    got = r.merge()
    assert got.ok and not r.dirty
    saved = load_annotation(annotation_path(report))
    assert {e.key: e.value for e in saved.cells} == {THEIRS: 19, KEY: 5} and saved.note == "复核过"
    assert r.review.value(THEIRS) == 19 and r.review.value(KEY) == 5


def test_merge_says_a_cell_decided_in_both(report):
    r = _edited_while_another_window_saved(report, THEIRS, 20)
    got = r.merge()
    assert got.ok and got.said and "总计" in got.said[0]


def test_reload_drops_this_windows_edits_for_the_file_on_disk(report):
    r = _edited_while_another_window_saved(report)
    r.reload()
    assert not r.dirty and r.review.value(KEY) == 17 and r.review.value(THEIRS) == 19


def test_save_as_never_onto_a_report_nor_replacing_unasked(report, tmp_path):
    r = OpenReport.open(str(report))
    r.review.set_cell(KEY, 5)
    r.changed()
    assert r.save_as_suggestion().endswith(".gik.toml") and "2020_huaiyin." in r.save_as_suggestion()
    other = report.parent / "2019_lusong.txt"
    before = other.read_bytes()
    got = r.save_as(str(other), replace=True)
    assert (got.ok, got.problem) == (False, "report") and other.read_bytes() == before
    assert r.save_as(str(tmp_path / "x.docx")).problem == "report"  # any report's name, present or not
    kept = tmp_path / "kept.gik.toml"
    kept.write_text("keep me")
    got = r.save_as(str(kept))
    assert (got.ok, got.problem) == (False, "exists") and kept.read_text() == "keep me" and r.dirty
    got = r.save_as(str(kept), replace=True)
    assert got.ok and not r.dirty and {e.key: e.value for e in load_annotation(kept).cells} == {KEY: 5}
    assert r.file.path == kept  # this window goes on saving there


def test_a_failed_write_keeps_the_edits_and_says_why(report, monkeypatch):
    r = OpenReport.open(str(report))
    r.review.set_cell(KEY, 5)
    r.changed()

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("gik_tui.core.annotations.write_atomic", full)
    got = r.save()
    assert (got.ok, got.problem) == (False, "failed") and "No space left on device" in got.error
    assert r.dirty and r.review.value(KEY) == 5


def test_an_annotation_made_on_another_report_is_left_untouched(report):
    """An annotation whose sha256 is another report's of the folder (renamed, swapped) is not applied."""
    import hashlib

    other = report.parent / "2019_lusong.txt"
    save(annotation_path(report), Annotation(source=report.name, sha256=hashlib.sha256(other.read_bytes()).hexdigest(),
                                             template="gik-2019", cells=(CellEdit(*KEY, 99, 17, "li", ""),)))
    r = OpenReport.open(str(report))
    assert r.annotation is None and r.file.error is not None and "2019_lusong.txt" in str(r.file.error)
    assert r.review.value(KEY) == 17 and r.save_needs() == "save as"


def test_as_left_carries_the_analysts_agency_and_year(report):
    r = OpenReport.open(str(report))
    r.review.set_meta({"agency": "淮阴区政府办", "year": 2021})
    r.changed()
    assert r.save().ok
    again = OpenReport.open(str(report))
    assert (again.as_left().agency, again.as_left().year) == ("淮阴区政府办", 2021)
    assert again.extraction.agency != "淮阴区政府办"


def test_a_report_whose_name_is_too_long_for_its_annotation_s_still_keeps_its_edits(samples, tmp_path):
    """A scraped title of 83 Chinese characters: `<name>.gik.toml` would pass the 255-byte limit,
    so the annotation gets a short, stable name of its own, and names its report inside."""
    import shutil

    from gik_tui.core.annotations import annotation_path

    name = "淮安市淮阴区人民政府关于" + "某" * 71 + ".txt"
    assert 250 <= len(name.encode()) <= 255
    path = tmp_path / name
    shutil.copy(samples / "2020_huaiyin.txt", path)
    key = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    r = OpenReport.open(str(path))
    r.review.set_cell(key, 5)
    r.changed()
    assert r.save().ok
    ann = annotation_path(path)
    assert ann.exists() and len(ann.name.encode()) <= 255 and name not in ann.name
    assert f'source = "{name}"' in ann.read_text(encoding="utf-8")
    assert annotation_path(path) == ann  # stable: found again
    again = OpenReport.open(str(path))
    assert again.review.value(key) == 5
