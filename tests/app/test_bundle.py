"""A file that holds several reports, in the app: the queue counts its finding as failing, the
Checks tab lists it first, and enter on it shows where the next report starts."""

from __future__ import annotations

from gik_tui.app.app import GikApp
from gik_tui.app.report.checks_pane import ChecksPane
from gik_tui.app.widgets.source_view import SourceView

from .helpers import open_row, ready

SIZE = (160, 48)


async def test_the_checks_tab_lists_the_reports_of_the_file_and_enter_shows_the_next(samples, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    lusong = (samples / "2019_lusong.txt").read_text(encoding="utf-8")
    huaiyin = (samples / "2020_huaiyin.txt").read_text(encoding="utf-8")
    dongchang = (samples / "2016_dongchang.txt").read_text(encoding="utf-8")
    text = lusong + "\n" + huaiyin + "\n" + dongchang
    (folder / "2019_汇编.txt").write_text(text, encoding="utf-8")
    app = GikApp(str(folder), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        summary = next(s for s in app.workspace.summaries.values() if s.name == "2019_汇编.txt")
        assert summary.failing >= 1 and summary.agency == "株洲市芦淞区人民政府"
        screen = await open_row(app, pilot, "2019_汇编.txt")
        screen.fill_checks()
        pane = screen.query_one(ChecksPane)
        assert pane.checks[0].id == "file.reports" and pane.checks[0].state == "fails"
        await pilot.press("t", "t")  # the Checks tab
        await pilot.pause()
        if not pane.has_focus:
            screen.set_focus(pane)
        pane.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        line = text[:text.index("本报告由淮阴区")].count("\n") + 1  # the second report's opening paragraph
        source = screen.query_one(SourceView)
        assert source.span is not None and source.span[0] == line - 1
        assert "report 2 of 3 of the file starts here" in screen.status_line.text.plain
        await pilot.press("enter")  # on to the third, then back to the second
        await pilot.pause()
        assert "report 3 of 3" in screen.status_line.text.plain and source.span[0] > line - 1
        await pilot.press("enter")
        await pilot.pause()
        assert "report 2 of 3" in screen.status_line.text.plain and source.span[0] == line - 1


async def test_the_palette_splits_the_file_and_the_queue_lists_its_reports(samples, tmp_path):
    from .test_look import palette

    folder = tmp_path / "reports"
    folder.mkdir()
    lusong = (samples / "2019_lusong.txt").read_text(encoding="utf-8")
    huaiyin = (samples / "2020_huaiyin.txt").read_text(encoding="utf-8")
    (folder / "2019_汇编.txt").write_text(lusong + "\n" + huaiyin, encoding="utf-8")
    (folder / "2020_other.txt").write_text(huaiyin, encoding="utf-8")
    app = GikApp(str(folder), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = await open_row(app, pilot, "2019_汇编.txt")
        assert screen.holds_several()
        await palette(app, pilot, "split this file into its reports")
        one, two = folder / "2019_汇编.1.txt", folder / "2019_汇编.2.txt"
        assert one.read_text(encoding="utf-8") == lusong.strip("\n") + "\n" and two.exists()
        names = [p.rsplit("/", 1)[-1] for p in app.workspace.files]
        assert names == ["2019_汇编.txt", "2019_汇编.1.txt", "2019_汇编.2.txt", "2020_other.txt"]
        assert any("wrote 2 reports: 2019_汇编.1.txt (株洲市芦淞区人民政府, 2019)" in n.message for n in app._notifications)
        await ready(app, pilot)
        s = app.workspace.summaries[str(two)]
        assert (s.agency, s.year, s.failing) == ("淮阴区人民政府", 2020, 0)
        table = app.queue.query_one("#queue-table")
        assert str(two) in [str(r.key.value) for r in table.ordered_rows]
        # again: both files exist now, so nothing is written over them
        two.write_text("mine", encoding="utf-8")
        screen.action_split_reports()
        await pilot.pause()
        assert two.read_text(encoding="utf-8") == "mine"
        assert any("exists; not replaced" in n.message for n in app._notifications)
