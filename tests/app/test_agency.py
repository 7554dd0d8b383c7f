"""An agency over the years: `a` in the queue shows the agency of the report under the cursor, its
reports side by side by year with the broken carry-over marked, a sparkline of requests per year;
`enter` opens a year's report."""

from __future__ import annotations

from textual.widgets import DataTable, Sparkline

from gik_tui.app.app import GikApp
from gik_tui.app.report import ReportScreen
from gik_tui.app.screens.agency import AgencyScreen

from ..core.test_years import _series
from .helpers import ready, settled

SIZE = (160, 48)


async def test_the_agency_view_lines_up_its_years_and_marks_the_break(tmp_path):
    folder = tmp_path / "series"
    folder.mkdir()
    names = _series(folder, [2021, 2022, 2024], break_year=2021)
    app = GikApp(str(folder), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        table.move_cursor(row=table.get_row_index(str(names[2022])))
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen)
        grid = app.screen.query_one(DataTable)
        heads = [str(c.label) for c in grid.columns.values()]
        assert heads == ["", "2021 ✗", "2022 ✗", "2024"]
        rows = [[str(x) for x in grid.get_row_at(r)] for r in range(grid.row_count)]
        labels = [r[0] for r in rows]
        assert labels == ["新收申请", "上年结转", "予以公开", "办理结果总计", "结转下年度", "行政复议",
                          "行政诉讼（未经复议）", "行政诉讼（复议后）", "file"]
        summaries = {p: app.workspace.summaries[str(p)] for p in names.values()}
        want = [f"{dict(summaries[names[y]].figures)['新收申请']:,.0f}" for y in (2021, 2022, 2024)]
        assert rows[0][1:] == want
        # 2021 carried one request too many into 2022: its 结转下年度 and 2022's 上年结转 are marked
        assert [r.endswith(" ✗") for r in rows[1][1:]] == [False, True, False]
        assert [r.endswith(" ✗") for r in rows[4][1:]] == [True, False, False]
        assert [r.endswith(f"_{y}.txt") and r.startswith("…") for r, y in zip(rows[-1][1:], (2021, 2022, 2024))] == [True] * 3
        spark = app.screen.query_one(Sparkline)
        assert len(spark.data) == 4 and spark.data[2] == 0  # 2023 is missing: a gap, said below
        notes = str(app.screen.query_one("#agency-notes").render())
        assert "no report for 2023 in the folder" in notes
        await pilot.press("right", "enter")
        await pilot.pause()
        await settled(app, pilot)
        assert isinstance(app.screen, ReportScreen) and app.screen.path == str(names[2022])


async def test_one_year_draws_no_sparkline(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    names = _series(folder, [2022])  # one report of one agency
    app = GikApp(str(folder), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen)
        assert not app.screen.query_one(Sparkline).display  # a full bar for one year would say nothing true
        assert "too few years" in str(app.screen.query_one("#agency-spark-title").render())
        assert [str(c.label) for c in app.screen.query_one(DataTable).columns.values()] == ["", "2022"]
        assert names[2022].exists()


def _two_years(tmp_path):
    """An agency's reports of 2021 and 2022, and the app on them."""
    folder = tmp_path / "series"
    folder.mkdir()
    names = _series(folder, [2021, 2022])
    return names, GikApp(str(folder), annotations=str(tmp_path / "ann"))


async def _agency_view(app, pilot) -> None:
    await ready(app, pilot)
    await pilot.press("a")
    await pilot.pause()


async def test_escape_from_a_report_opened_in_the_agency_view_goes_back_to_it(tmp_path):
    """The agency view's `enter` opens a year's report; `escape` from it comes back to the agency
    view (on top of the queue), and from a report opened in the queue to the queue."""
    from gik_tui.app.screens.queue import QueueScreen

    names, app = _two_years(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _agency_view(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await settled(app, pilot)
        assert isinstance(app.screen, ReportScreen) and app.screen.path == str(names[2021])
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgencyScreen) and app.screen.agency
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)
        await pilot.press("enter")  # opened from the queue: escape goes to the queue
        await pilot.pause()
        await settled(app, pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)


async def test_keys_after_enter_in_the_agency_view_go_to_the_report_it_opens(tmp_path):
    """`enter 5 enter` sent at once in the agency view: the report opens and the 5 goes into the
    cell under its cursor (the keys after enter are held until it shows, as after the queue's)."""
    from .test_fast_lane import burst

    names, app = _two_years(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await _agency_view(app, pilot)
        await burst(app, pilot, "enter", "5", "enter")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.path == str(names[2021])
        edited = [k for k in screen.review.edits]
        assert len(edited) == 1 and screen.review.value(edited[0]) == 5
