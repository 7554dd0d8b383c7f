"""app/screens/queue.py: sorting shows itself, and "next report" follows the rows as shown."""

from __future__ import annotations

from contextlib import asynccontextmanager

from gik_tui.app.app import GikApp
from gik_tui.app.report import ReportScreen
from gik_tui.app.screens.queue import QueueScreen
from textual.widgets.data_table import ColumnKey

from .helpers import qrow, ready, settled

SIZE = (160, 48)


def names(table) -> list[str]:
    return [str(r.key.value).rsplit("/", 1)[-1] for r in table.ordered_rows]


@asynccontextmanager
async def queue_on(reports, ann_dir, name: str):
    """The app on the queue of `reports`, every report summarised, the cursor on `name`'s row:
    (app, pilot, queue screen, its table)."""
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        queue = app.screen
        table = queue.query_one("#queue-table")
        table.move_cursor(row=names(table).index(name))
        yield app, pilot, queue, table


async def test_sort_marks_its_column_and_next_report_follows_the_rows(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        table = queue.query_one("#queue-table")
        progress = queue.query_one("#queue-progress")
        assert "sorted" not in str(progress.render())
        await pilot.press("s")  # by file, ascending
        await pilot.pause()
        assert queue.sort == ("file", False)
        assert names(table) == ["2016_dongchang.txt", "2018_dongsheng.txt", "2018_liuzhi.txt", "2019_lusong.txt",
                                "2020_huaiyin.txt"]
        assert "underline" in str(table.columns[ColumnKey("file")].label.style)
        assert str(progress.render()).endswith("sorted by file ▲")
        await pilot.press("s")  # by file, descending
        await pilot.pause()
        assert queue.sort == ("file", True) and str(progress.render()).endswith("sorted by file ▼")
        assert not app._notifications  # said above the rows, never stacked as toasts over them
        assert names(table)[0] == "2020_huaiyin.txt"
        assert [p.rsplit("/", 1)[-1] for p in app.workspace.order] == names(table)
        await pilot.press("s")  # the next column: status, ascending
        await pilot.pause()
        assert queue.sort == ("status", False)
        assert "underline" in str(table.columns[ColumnKey("status")].label.style)
        assert "underline" not in str(table.columns[ColumnKey("file")].label.style)
        # "next report" goes down the rows as they are now shown
        order = names(table)
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.name_ == order[0]
        await pilot.press("n")
        await settled(app, pilot)
        assert app.screen.name_ == order[1]


async def test_done_follows_the_filter_then_offers_to_clear_it(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        queue = app.screen
        await pilot.press("slash", *"2018", "enter")
        await pilot.pause()
        table = queue.query_one("#queue-table")
        assert names(table) == ["2018_dongsheng.txt", "2018_liuzhi.txt"] and app.workspace.filtered
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settled(app, pilot)
        assert app.screen.name_ == "2018_dongsheng.txt"
        await pilot.press("d")
        await settled(app, pilot)
        assert app.screen.name_ == "2018_liuzhi.txt"  # the next in the filtered list
        await pilot.press("d")
        for _ in range(3):
            await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "Choose"
        assert "3 report(s) outside the filter are not done" in str(dialog.query_one("#dialog-title").render())
        await pilot.press("c")
        await settled(app, pilot)
        assert app.screen.name_ == "2019_lusong.txt"  # on, after the filter was cleared
        assert not queue.query_text and len(names(table)) == 5


async def test_a_filter_that_matches_nothing_says_so(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        progress = str(app.screen.query_one("#queue-progress").render())
        assert app.screen.query_one("#queue-table").row_count == 0
        assert "no report matches 'zzzz'" in progress
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#queue-table").row_count == 5


async def test_the_filter_forgives_a_typo_but_not_a_neighbour(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        for typed, expected in (("lusng", ["2019_lusong.txt"]), ("lusog", ["2019_lusong.txt"]),
                                ("huaiyn", ["2020_huaiyin.txt"]), ("dongsh", ["2018_dongsheng.txt"]),
                                ("东胜", ["2018_dongsheng.txt"]), ("2016", ["2016_dongchang.txt"])):
            await pilot.press("slash", *typed)
            await pilot.pause()
            assert names(table) == expected, typed
            await pilot.press("escape")
            await pilot.pause()
            assert table.row_count == 5


async def test_metadata_edit_marks_the_report_in_progress(reports, ann_dir):
    from .helpers import report_open

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        assert screen.review.status == "new"
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        agency = dialog.query_one("#meta-agency")
        agency.value = "淮安市淮阴区人民政府"
        await pilot.press("enter", "enter", "enter")  # agency, year, template: the last one saves
        for _ in range(3):
            await pilot.pause()
        assert screen.review.agency == "淮安市淮阴区人民政府" and screen.review.status == "in progress"


async def test_i_on_one_report_shows_its_agency_and_its_year(reports, ann_dir):
    """`i` on the queue with nothing marked: the box shows the report's agency and its year (the year
    was left empty, as if the report had none)."""
    async with queue_on(reports, ann_dir, "2019_lusong.txt") as (app, pilot, _, table):
        await pilot.press("i")
        await pilot.pause()
        values = {w.id: w.value for w in app.screen.query("Input")}
        assert (values["meta-agency"], values["meta-year"]) == ("株洲市芦淞区人民政府", "2019")


async def test_marked_reports_get_one_agency_at_once(reports, ann_dir):
    """space marks rows (✓), i asks once for the agency (and year), and every marked report's
    line and annotation follow; an empty year leaves each report's year as it is."""
    from gik_tui.core.annotations import annotation_path, load

    async with queue_on(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, queue, table):
        await pilot.press("space", "space")  # marks dongsheng, then liuzhi (the cursor goes down)
        await pilot.pause()
        assert str(qrow(table, reports / "2018_dongsheng.txt")["file"]).startswith("✓ ")
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "MetaDialog" and "2 report(s)" in str(dialog.query_one("#dialog-title").render())
        await pilot.press(*"平潭综合实验区管委会", "enter", "enter")
        await pilot.pause()
        assert app.screen is queue
        for name, year in (("2018_dongsheng.txt", "2018"), ("2018_liuzhi.txt", "2018")):
            row = qrow(table, reports / name)
            assert (row["agency"], row["year"], row["file"]) == ("平潭综合实验区管委会", year, name)
            assert dict(load(annotation_path(reports / name, ann_dir)).meta) == {"agency": "平潭综合实验区管委会"}
        assert qrow(table, reports / "2020_huaiyin.txt")["agency"] == "淮阴区人民政府"


async def test_a_marked_row_sorts_by_its_name(reports, ann_dir):
    """Sorting by file puts a marked row (✓ before its name) where its name goes — the mark had
    sorted it after every other row; the file column has room for the mark and the whole name (it
    had cut `✓ 2016_dongchang.t`)."""
    async with queue_on(reports, ann_dir, "2016_dongchang.txt") as (app, pilot, queue, table):
        await pilot.press("space", "s")
        await pilot.pause()
        assert str(qrow(table, reports / "2016_dongchang.txt")["file"]).startswith("✓ ")
        assert table.columns[ColumnKey("file")].width >= len("✓ 2016_dongchang.txt")
        assert queue.sort == ("file", False)
        assert names(table) == ["2016_dongchang.txt", "2018_dongsheng.txt", "2018_liuzhi.txt", "2019_lusong.txt",
                                "2020_huaiyin.txt"]


async def test_a_folder_with_no_reports_says_so_and_how_to_open_one(tmp_path, ann_dir):
    empty = tmp_path / "home"
    empty.mkdir()
    (empty / "notes.md").write_text("x")
    app = GikApp(str(empty), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        said = str(app.screen.query_one("#queue-progress").render())
        assert f"no reports found in {empty}" in said and "gik-tui FOLDER" in said and "bundled samples" in said



async def test_a_big_folder_is_searched_with_its_progress_shown_and_escape_stops_it(tmp_path, monkeypatch):
    """The app starts at once in a big folder: the queue says how far the search is, `escape`
    stops it, and the reports found before that are listed, with a word that the search stopped."""
    import os
    import threading

    import gik_tui.core.readers as readers

    home = tmp_path / "home"
    for i in range(6):
        (home / f"d{i}").mkdir(parents=True)
        (home / f"d{i}" / f"r{i}.txt").write_text("某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n",
                                                  encoding="utf-8")
    gate, reached = threading.Event(), threading.Event()
    real = os.walk

    def slow_walk(top, *a, **k):
        for n, entry in enumerate(real(top, *a, **k)):
            if n == 3:  # a folder far down a home folder: the analyst has seen enough
                reached.set()
                gate.wait(10)
            yield entry

    monkeypatch.setattr(readers, "SCAN_EVERY", 1)
    monkeypatch.setattr(readers.os, "walk", slow_walk)
    app = GikApp(str(home), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):
            await pilot.pause()
            if reached.is_set() and "report(s) so far" in str(app.screen.query_one("#queue-progress").render()):
                break
        said = str(app.screen.query_one("#queue-progress").render())
        assert said.startswith(f"searching {home}: 3 folders, 1 report(s) so far · escape stops"), said
        await pilot.press("escape")
        await pilot.pause()
        gate.set()
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        assert 2 <= table.row_count < 6
        assert any("was stopped" in n.message for n in app._notifications)


async def test_at_80_columns_the_footer_keeps_help_and_quit_and_an_error_is_whole_above_the_rows(reports, ann_dir):
    """The footer drops the screen's last keys first, never ? and q; a report that cannot be read
    shows its error cut with … in its row and whole on the line above when its row is under the
    cursor."""
    (reports / "scan.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 100)  # a damaged Word file
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(app, pilot)
        bar = str(app.screen.query_one("KeyBar").render())
        assert " ? " in bar and "help" in bar and " q " in bar and "quit" in bar
        table = app.screen.query_one("#queue-table")
        table.move_cursor(row=table.get_row_index(str(reports / "scan.docx")))
        await pilot.pause()
        line = str(app.screen.query_one("#queue-progress").render())
        error = app.workspace.summaries[str(reports / "scan.docx")].error
        assert line == f"scan.docx: {error}" and len(error) > 24


async def test_keys_typed_right_after_slash_go_into_the_filter(reports, ann_dir):
    """`/ l u s n g` sent at once: every letter is the filter's (s used to sort the queue, because
    the box took the focus only at the next turn)."""
    from .test_fast_lane import burst

    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        queue = app.screen
        await burst(app, pilot, "slash", "l", "u", "s", "n", "g")
        assert queue.query_one("#queue-filter").value == "lusng" and queue.sort[0] is None
        assert [str(k.value).rsplit("/", 1)[-1] for k in queue.query_one("#queue-table").rows] == ["2019_lusong.txt"]
        await burst(app, pilot, "escape", "escape")
        assert queue.query_one("#queue-table").row_count == 5 and not queue.query_one("#queue-filter").display


async def test_filter_then_enter_opens_the_report_the_filter_shows_in_a_burst(reports, ann_dir):
    """`/ l x backspace u s o n g enter enter` sent at once: the first enter leaves the filter (its rows
    already filtered), the second opens the one report it shows; and `backspace` in the box acts in
    the order pressed."""
    from .test_fast_lane import burst

    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await burst(app, pilot, "slash", "l", "x", "backspace", "u", "s", "o", "n", "g", "enter", "enter")
        await settled(app, pilot)
        assert isinstance(app.screen, ReportScreen) and app.screen.path.endswith("2019_lusong.txt")


async def test_home_and_end_go_to_the_first_and_the_last_report(reports, ann_dir):
    """A row cursor: home and end go to the first and last report (a DataTable's own go to its
    first and last column, which left the cursor where it was: home then enter opened the report
    under it, not the first)."""
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        await pilot.press("down", "down", "home")
        assert table.cursor_row == 0
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1 == 4
        await pilot.press("home", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await settled(app, pilot)
        assert app.screen.ex.source.endswith("2018_dongsheng.txt")
