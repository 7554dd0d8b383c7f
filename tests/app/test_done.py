"""`d` on a report with failing checks or undecided cells asks once; "don't ask again" is kept in
the settings; the keys typed after the answer go to the next report, in order."""

from __future__ import annotations

from gik_tui.app.report import ReportScreen
from gik_tui.core.settings import Settings, load_settings

from .helpers import report_open, settled
from .test_fast_lane import burst

FIRST = ("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))


def asking(reports, ann_dir, name):
    return report_open(reports, ann_dir, name, settings=Settings())  # asks before done (the default)


async def test_done_with_undecided_cells_asks_and_the_keys_after_the_answer_go_on(reports, ann_dir):
    async with asking(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        assert screen.review.before_done() == "140 cell(s) are undecided or unsure"
        await burst(app, pilot, "d")
        assert type(app.screen).__name__ == "Choose"
        assert "140 cell(s) are undecided or unsure. Mark this report done anyway?" in str(
            app.screen.query_one("#dialog-title").render())
        await burst(app, pilot, "y", "9", "enter")  # answered, and the next report's first figure typed
        await settled(app, pilot)
        assert isinstance(app.screen, ReportScreen) and app.screen.name_ == "2020_huaiyin.txt"
        assert app.screen.review.value(FIRST) == 9
        assert app.workspace.summaries[str(reports / "2019_lusong.txt")].status == "done"


async def test_stay_keeps_the_report_and_never_again_is_remembered(reports, ann_dir):
    async with asking(reports, ann_dir, "2018_liuzhi.txt") as (app, pilot, screen):
        # the count the queue shows as unsure: 29 figures from sentences (low confidence) and the 29
        # cells of the table no sentence gave — a figure not found is left behind too
        assert screen.review.before_done() == "58 cell(s) are undecided or unsure"
        assert app.workspace.summaries[str(reports / "2018_liuzhi.txt")].low == 58
        await burst(app, pilot, "d", "n")
        assert app.screen is screen and screen.name_ == "2018_liuzhi.txt" and screen.review.status != "done"
        await burst(app, pilot, "d", "a")  # done, and don't ask again
        await settled(app, pilot)
        assert app.screen.name_ == "2019_lusong.txt" and not app.settings.ask_before_done
        assert load_settings()[0].ask_before_done is False
        await burst(app, pilot, "d")  # lusong: 140 undecided, no question now
        await settled(app, pilot)
        assert app.screen.name_ == "2020_huaiyin.txt"


async def test_a_report_with_nothing_left_is_done_without_a_question(reports, ann_dir):
    async with asking(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        assert screen.review.before_done() == ""
        await burst(app, pilot, "d")
        await settled(app, pilot)
        assert app.workspace.summaries[str(reports / "2020_huaiyin.txt")].status == "done"
