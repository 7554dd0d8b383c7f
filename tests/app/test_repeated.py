"""A row the report gives twice with other figures (a table shown again, corrected): the app shows
its cells blank, the status line names both figures with their lines, `c` offers them with why, and
`enter` takes neither — the analyst presses the number of the one the report means."""

from __future__ import annotations

from .helpers import report_open, status

from ..conftest import SAMPLES

KEY = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))


async def test_a_cell_given_two_figures_is_offered_both_and_enter_takes_neither(tmp_path, ann_dir):
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (SAMPLES / "2020_huaiyin.txt").read_text(encoding="utf-8")
    row = "一、本年新收政府信息公开申请数量 | 17 | 1 | 0 | 0 | 0 | 0 | 18 | ||"
    assert row in text
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    lines.insert(at + 1, row.replace("| 17 |", "| 16 |").replace("| 18 |", "| 17 |"))
    (folder / "2020_huaiyin.txt").write_text("\n".join(lines), encoding="utf-8")
    async with report_open(folder, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        assert screen.goto_cell(KEY)
        await pilot.pause()
        assert screen.review.value(KEY) is None
        said = status(screen)
        assert "2 different figures (its row stands 2 times): first 17 (50%, line 37 says 17); then 16" in said
        assert "enter does not" in said
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("enter")  # nothing but the order of the lines puts 17 first: enter takes neither
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("2")
        await pilot.pause()
        assert screen.review.value(KEY) == 16
