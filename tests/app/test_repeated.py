"""A row the report gives twice with other figures (a table shown again, corrected): where the
identities cannot tell which is the report's, the app shows its cells blank, the status line names
both figures with their lines, `c` offers them with why, and `enter` takes neither — the analyst
presses the number of the one the report means. Where they can, the one they keep is filled."""

from __future__ import annotations

from .helpers import report_open, status

from ..conftest import SAMPLES

KEY = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
NEW = "一、本年新收政府信息公开申请数量 | 17 | 1 | 0 | 0 | 0 | 0 | 18 | ||"
TOTAL = "(七)总计 | 17 | 1 | 0 | 0 | 0 | 0 | 18 | ||"


def _twice(folder, rows: list[str]) -> None:
    """huaiyin with `rows` given again after the requests table, 17 made 16 and 18 made 17."""
    text = (SAMPLES / "2020_huaiyin.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度继续办理"))
    for row in rows:
        assert row in lines
        lines.insert(at + 1, row.replace("| 17 |", "| 16 |").replace("| 18 |", "| 17 |"))
    folder.mkdir()
    (folder / "2020_huaiyin.txt").write_text("\n".join(lines), encoding="utf-8")


async def test_a_cell_given_two_figures_is_offered_both_and_enter_takes_neither(tmp_path, ann_dir):
    _twice(tmp_path / "reports", [NEW, TOTAL])  # (both sides of 一 + 二 = 三（七）总计 + 四 in doubt)
    async with report_open(tmp_path / "reports", ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
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


async def test_the_figure_the_identities_keep_is_filled(tmp_path, ann_dir):
    _twice(tmp_path / "reports", [NEW])  # 17 keeps 一 + 二 = 三（七）总计 + 四 (17 + 0 = 17 + 0); 16 breaks it
    async with report_open(tmp_path / "reports", ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        assert screen.goto_cell(KEY)
        await pilot.pause()
        assert screen.review.value(KEY) == 17
        assert KEY not in screen.review.ex.offers
        assert any("only 17 (line 37) keeps" in w for w in screen.review.ex.warnings)
