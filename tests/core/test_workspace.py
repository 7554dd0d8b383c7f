"""core/workspace.py: the reports an analyst works through, shared by the app and the command line."""

from __future__ import annotations

import os

import pytest

from gik_tui.core.annotations import AnnotationFile, annotation_path
from gik_tui.core.readers import ReadError
from gik_tui.core.workspace import Workspace

from ..conftest import copy_samples


@pytest.fixture
def folder(tmp_path):
    return copy_samples(tmp_path)


def test_at_a_folder_finds_its_reports_and_makes_the_annotations_folder(folder, tmp_path_factory):
    notes = tmp_path_factory.mktemp("n") / "annotations"
    ws = Workspace.at(str(folder), str(notes), "张三", 70)
    assert [os.path.basename(p) for p in ws.files] == ["2016_dongchang.txt", "2018_dongsheng.txt",
                                                      "2018_liuzhi.txt", "2019_lusong.txt", "2020_huaiyin.txt"]
    assert notes.is_dir() and not ws.single and ws.folder == str(folder)
    assert (ws.annotator, ws.section_threshold, ws.warnings, ws.unreadable) == ("张三", 70, [], 0)


def test_reports_written_while_open_are_listed_after_their_file(folder, tmp_path_factory):
    ws = Workspace.at(str(folder), str(tmp_path_factory.mktemp("n")), "张三", 70)
    lusong = str(folder / "2019_lusong.txt")
    ws.set_order(list(reversed(ws.files)), False)
    new = [str(folder / "2019_lusong.1.txt"), str(folder / "2019_lusong.2.txt")]
    assert ws.add_files([*new, lusong], lusong) == new  # (one already listed: left where it is)
    assert [os.path.basename(p) for p in ws.files][3:6] == ["2019_lusong.txt", "2019_lusong.1.txt", "2019_lusong.2.txt"]
    assert [os.path.basename(p) for p in ws.order][1:4] == ["2019_lusong.txt", "2019_lusong.1.txt", "2019_lusong.2.txt"]
    assert ws.add_files(new, lusong) == [] and len(ws.files) == 7


def test_at_one_report(folder):
    one = str(folder / "2019_lusong.txt")
    ws = Workspace.at(one)
    assert ws.files == [one] and ws.single and ws.folder == str(folder)


def test_of_command_line_paths_counts_what_it_cannot_read(folder):
    ws = Workspace.of([str(folder / "2016_dongchang.txt"), str(folder / "nothing-here")])
    assert [os.path.basename(p) for p in ws.files] == ["2016_dongchang.txt"]
    assert ws.unreadable == 1 and "nothing-here" in ws.warnings[0]


def test_open_reviews_with_the_annotator_and_the_summary_comes_from_memory(folder, monkeypatch):
    ws = Workspace.at(str(folder), annotator="李四")
    opened = ws.open(str(folder / "2019_lusong.txt"))
    assert opened.name == "2019_lusong.txt" and opened.extraction.template == "gik-2019"
    assert opened.review.annotator == "李四" and opened.review.status == "new"
    key = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))
    assert opened.review.value(key) == 11
    opened.review.set_cell(key, 12)
    import gik_tui.core.queue as queue

    def no(*a, **k):  # the line comes from the review in memory: nothing is read again
        raise AssertionError("read again")

    monkeypatch.setattr(queue.OpenReport, "open", no)
    s = ws.summary(opened.path, opened.review, opened.file)
    assert s.status == "in progress" and s.requests == 12 and ws.summaries[s.path] is s


def test_open_an_unreadable_report_raises_a_read_error(folder):
    (folder / "empty.txt").write_bytes(b"")
    ws = Workspace.at(str(folder))
    with pytest.raises(ReadError, match="empty file"):
        ws.open(str(folder / "empty.txt"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_summarize_every_report_in_order(folder, jobs):
    ws = Workspace.at(str(folder))
    sums = list(ws.summarize(jobs=jobs))
    assert [s.name for s in sums] == [os.path.basename(p) for p in ws.files]
    assert [s.failing for s in sums] == [0, 1, 0, 0, 0]
    # 2019_lusong's undecided cells and 2018_liuzhi's estimate (300余人次, offered): pending, not failing
    assert [s.pending for s in sums] == [0, 0, 1, 37, 0]
    assert [s.year for s in sums] == [2016, 2018, 2018, 2019, 2020]
    assert set(ws.summaries) == set(ws.files)
    assert ws.counts() == {"new": 5, "in progress": 0, "done": 0, "flagged": 0, "error": 0}


def test_next_report_follows_the_analysts_order_and_passes_over_done_ones(folder):
    ws = Workspace.at(str(folder))
    a, b, c, d, e = ws.files
    assert ws.next_report(a) == b and ws.next_report(a, -1) == e  # wraps around
    ws.order = [c, a, e]  # the queue, sorted and filtered
    assert ws.next_report(a) == e and ws.next_report(e) == c
    assert ws.next_report(b) == c  # not in the order: the files' order
    list(ws.summarize())
    opened = ws.open(e)
    opened.review.status = "done"
    ws.summary(opened.path, opened.review, opened.file)
    assert ws.next_report(a, only_not_done=True) == c
    assert Workspace.at(a).next_report(a) is None  # one report: none other


def test_export_applies_the_annotations(folder):
    ws = Workspace.at(str(folder))
    path = str(folder / "2020_huaiyin.txt")
    opened = ws.open(path)
    key = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))
    opened.review.set_cell(key, 99)
    AnnotationFile(annotation_path(path, None), opened.name).save(opened.review.annotation())
    ds = ws.export()
    assert ds.reports == 5 and not ds.unread and not ds.left_out
    row = next(r for r in ds.rows if r["source"].endswith("2020_huaiyin.txt") and r["table"] == "requests"
               and r["row"] == "本年新收政府信息公开申请数量" and r["column"] == "总计")
    assert (row["value"], row["extracted"], row["edited"]) == (99, 18, True)


@pytest.mark.parametrize("jobs", [1, 2])
def test_check_lists_the_failing_checks_of_each_report(folder, jobs):
    (folder / "empty.txt").write_bytes(b"")
    ws = Workspace.at(str(folder))
    got = {os.path.basename(p): (status, res if status == "error" else [(cid, st) for cid, _, st in res[0]])
           for p, status, res in ws.check(jobs)}
    assert got["2018_dongsheng.txt"] == ("ok", [("stats.refused", "fails")])
    lusong = got["2019_lusong.txt"][1]
    assert len(lusong) == 37 and {st for _, st in lusong} == {"pending"}
    assert ("requests.undecided", "pending") in lusong
    assert got["2020_huaiyin.txt"] == ("ok", [])
    assert got["empty.txt"][0] == "error" and "empty file" in got["empty.txt"][1]


def test_no_output_is_written_onto_a_report(folder):
    """The one rule (core/outputs.may_write) every output follows."""
    from gik_tui.core.outputs import may_write

    ws = Workspace.at(str(folder))
    assert "is one of the reports being read" in may_write(str(folder / "2019_lusong.txt"), ws.files)
    assert may_write(os.path.join(str(folder), ".", "2019_lusong.txt"), ws.files)
    assert may_write(str(folder / "out.csv"), ws.files) == ""
    assert "a report's name" in may_write(str(folder / "new.html"), ws.files, annotation=True)
    assert may_write(str(folder / "new.gik.toml"), ws.files, annotation=True) == ""


def test_set_the_agency_and_year_of_several_reports_at_once(folder):
    """The queue's marked rows: each annotation gets the agency (and year) like the report's `i`,
    its queue line follows; a report whose annotation cannot be read is left untouched and said."""
    from gik_tui.core.annotations import annotation_path, load

    ws = Workspace.at(str(folder))
    a, b = str(folder / "2018_liuzhi.txt"), str(folder / "2020_huaiyin.txt")
    done, said = ws.set_meta([a, b], agency="平潭综合实验区管委会")
    assert said == [] and [s.agency for s in done] == ["平潭综合实验区管委会"] * 2
    assert ws.summaries[a].agency == "平潭综合实验区管委会" and ws.summaries[a].year == 2018  # the year kept
    assert dict(load(annotation_path(folder / "2018_liuzhi.txt")).meta) == {"agency": "平潭综合实验区管委会"}
    done, said = ws.set_meta([a], year=2017)
    assert (done[0].agency, done[0].year) == ("平潭综合实验区管委会", 2017)
    assert ws.open(a).review.year == 2017
    bad = annotation_path(folder / "2020_huaiyin.txt")
    bad.write_text("schema = [[[", encoding="utf-8")
    done, said = ws.set_meta([a, b], agency="X县人民政府")
    assert [s.path for s in done] == [a] and len(said) == 1 and said[0].startswith("2020_huaiyin.txt: ")
    assert bad.read_text(encoding="utf-8") == "schema = [[["


def test_undo_history_outlives_closing_the_report_for_the_session(folder):
    """A report closed and opened again keeps its undo and redo steps for the session; when its
    decisions changed meanwhile (another window saved), the steps are dropped, never misapplied."""
    from gik_tui.core.annotations import load

    ws = Workspace.at(str(folder))
    path = str(folder / "2020_huaiyin.txt")
    key = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    first = ws.open(path)
    before = first.review.value(key)
    first.review.set_cell(key, 77)
    first.changed()
    assert first.save().ok
    ws.keep_history(first)
    again = ws.open(path)
    assert again.review.value(key) == 77
    assert again.review.undo() is not None and again.review.value(key) == before
    again.changed()
    assert again.save().ok
    ws.keep_history(again)  # the redo step (77) is kept too
    third = ws.open(path)
    assert third.review.redo() is not None and third.review.value(key) == 77
    third.changed()
    assert third.save().ok
    ws.keep_history(third)
    # another window writes other decisions: the kept steps no longer describe this file
    other = Workspace.at(str(folder)).open(path)
    other.review.set_cell(key, 5)
    other.changed()
    assert other.save().ok and load(annotation_path(path, ws.annotations)).cell_map[key].value == 5
    fourth = ws.open(path)
    assert fourth.review.value(key) == 5 and fourth.review.history() == ((), ())
