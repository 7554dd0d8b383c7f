"""The carry-over across years in the report's Checks tab: the break with the year before is listed
as failing, naming the other report."""

from __future__ import annotations

from gik_tui.app.app import GikApp
from gik_tui.app.report.checks_pane import ChecksPane

from ..core.test_years import _series
from .helpers import open_row, ready

SIZE = (160, 48)


async def test_the_checks_tab_lists_a_broken_carry_over_naming_the_other_report(tmp_path):
    folder = tmp_path / "series"
    folder.mkdir()
    names = _series(folder, [2021, 2022], break_year=2021)
    app = GikApp(str(folder), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = await open_row(app, pilot, names[2022].name)
        screen.fill_checks()
        pane = screen.query_one(ChecksPane)
        failing = [(c.id, c.message) for c in pane.checks if not c.ok]
        assert [cid for cid, _ in failing] == ["years.carry_over[自然人]", "years.carry_over[总计]"]
        assert all(msg.endswith(f"(the 2021 report: {names[2021]})") for _, msg in failing)
        ok = [c.id for c in pane.checks if c.ok and c.id.startswith("years.")]
        assert len(ok) == 5  # the other columns agree
