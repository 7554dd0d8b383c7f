"""A report whose sentences give one indicator two figures that no word tells apart (主动公开规范性文件
143条 … then 150条): the app shows the cell blank, the status line names both figures with their
sentences, `c` offers them, and `enter` takes neither — the analyst presses the number of the one
the report means. A part said with its whole (乡镇…1293条 beside 全区…5977条) leaves the whole's read."""

from __future__ import annotations

from .helpers import report_open, status

from ..conftest import SAMPLES

KEY = ("stats", ("主动公开情况", "主动公开政府信息数", "主动公开规范性文件数"), ("统计数",))
WHOLE = ("stats", ("主动公开情况", "主动公开政府信息数"), ("统计数",))


async def test_figures_a_report_says_twice_are_offered_and_enter_takes_neither(tmp_path, ann_dir):
    text = (SAMPLES / "2016_dongchang.txt").read_text(encoding="utf-8")
    said = "主动公开规范性文件143条,制发规范性文件总数167件。"
    assert said in text
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2016_dongchang.txt").write_text(text.replace(said, said + "另据统计,主动公开规范性文件150条。"),
                                               encoding="utf-8")
    async with report_open(folder, ann_dir, "2016_dongchang.txt") as (app, pilot, screen):
        assert screen.review.value(WHOLE) == 5977  # (1293 is 乡(镇)、街道's: a part)
        assert screen.goto_cell(KEY)
        await pilot.pause()
        assert screen.review.value(KEY) is None
        line = status(screen)
        assert "the text says 2 different figures for it: first 143 (50%, line 37: …主动公开规范性文件143)" in line
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("enter")  # nothing in the sentences puts 143 first: enter takes neither
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("2")
        await pilot.pause()
        assert screen.review.value(KEY) == 150


async def test_an_estimate_offered_says_what_the_text_gives_and_enter_takes_it_not(tmp_path, ann_dir):
    """liuzhi's 累计培训300余人次: `c` says the text gives only an estimate, that nothing confirms it
    (not "the identities", which have no say over a sentence's figure), and `enter` takes it not."""
    key = ("stats", ("政府信息公开会议和培训情况", "接受培训人员数"), ("统计数",))
    async with report_open(SAMPLES, ann_dir, "2018_liuzhi.txt") as (app, pilot, screen):
        assert screen.goto_cell(key)
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        said = str(app.screen.query_one("#dialog-title").render())
        assert "the text gives only an estimate" in said and "nothing confirms one of them" in said
        assert "identities" not in said
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose" and screen.review.value(key) is None
        await pilot.press("1")
        await pilot.pause()
        assert screen.review.value(key) == 300
