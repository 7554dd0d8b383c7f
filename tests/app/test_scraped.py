"""The app on scraped reports: a report glued onto one line and a report with nothing found."""

from __future__ import annotations

import shutil
from pathlib import Path

from rich.cells import cell_len

from gik_tui.app.widgets.template_table import TemplateTable

from .helpers import qrow, report_open, source, status

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


async def test_one_line_report_solved_cells_and_candidates(tmp_path):
    reports = tmp_path / "r"
    reports.mkdir()
    shutil.copy(EXAMPLES / "2020_huaiyin_oneline.txt", reports)
    ann = tmp_path / "ann"
    ann.mkdir()
    async with report_open(reports, ann, "2020_huaiyin_oneline.txt") as (app, pilot, screen):
        table = app.focused
        assert isinstance(table, TemplateTable) and table.spec.id == "active"
        # the first cell, 规章 × 本年新制作数量: decided from the text alone (three digits, three cells)
        assert screen.review.value(table.key_at_cursor()) == 0
        assert "solved: cut from a glued run, decided by its text alone" in status(screen)
        # the Sections tab maps all six inline headings
        assert [screen.review.section_of(s)[0] for s in screen.ex.sections] == [
            "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况", "其他需要报告的事项"]
        # ] visits what needs attention: the undecided cells of the 主动公开 table
        await pilot.press("right_square_bracket")
        await pilot.pause()
        key = app.focused.key_at_cursor()
        assert key[1][-1] == "规范性文件" and key[2] == ("本年新制作数量",) and screen.review.value(key) is None
        text = status(screen)
        # its candidates and their shares right after its value, inside the 160 columns the line
        # shows (after the source they were cut; `]`'s own "2 candidates (c picks)" said less)
        shown = "= blank: undecided (glued run): 1 (>99%), 11 (<1%)  · line "
        assert shown in text and "confidence" not in text and "c picks" not in text and "  · first: " in text
        assert cell_len(text[:text.index(shown) + len(shown)]) <= screen.query_one("#status").size.width  # (132 at 160)
        # the source view shows the whole 3,000-character line and highlights the run inside it
        view = source(screen)
        row, start, end = view.span
        line = view.document.get_line(row)
        assert row == 0 and line[start:end] == "1142" and len(line) > 3000 and "not shown" not in line
        # the row is one split (c fills it whole): the next ] goes to the next undecided row, not
        # to this row's next cell
        undecided = [c.key for c in screen.ex.cells if c.value is None and c.candidates]
        assert sum(1 for k in undecided if k[1] == key[1]) > 1
        await pilot.press("right_square_bracket")
        await pilot.pause()
        after = app.focused.key_at_cursor()
        assert after[1] != key[1] and after == next(k for k in undecided if k[1] not in (key[1],))
        # the requests table is decided whole: 一、本年新收 × 总计 = 18, solved by the identities
        key = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))
        assert screen.review.value(key) == 18
        screen.goto_cell(key)
        await pilot.pause()
        assert "= 18 (confidence " in status(screen)
        assert "  · solved: cut from a glued run, decided by the identities" in status(screen)


async def test_report_with_nothing_found_fails_in_the_app(tmp_path):
    reports = tmp_path / "r"
    reports.mkdir()
    (reports / "n.txt").write_text("某县人民政府2020年政府信息公开工作年度报告\n我县认真贯彻落实《条例》。\n", encoding="utf-8")
    ann = tmp_path / "ann"
    ann.mkdir()
    async with report_open(reports, ann, "n.txt") as (app, pilot, screen):
        failing = [c.id for c in screen.review.checks() if not c.ok]
        assert failing == ["active.missing", "requests.missing", "review.missing"]
        # the cursor starts on the first missing table's first cell; ] visits the next ones
        assert app.focused.key_at_cursor() == ("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.focused.key_at_cursor() == ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.focused.key_at_cursor() == ("review", (), ("行政复议", "结果维持"))
        await pilot.press("t", "t")
        await pilot.pause()
        checks = screen.query_one("#checks-table")
        assert checks.row_count == 3 and "no figure of this table was found" in str(checks.get_row_at(0)[2])
        await pilot.press("alt+2")
        await pilot.pause()
        assert "no headings were found" in str(screen.query_one("#missing").render())
        await pilot.press("escape")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        row = qrow(app.screen.query_one("#queue-table"), reports / "n.txt")
        assert (row["cells"], row["failing"]) == ("0", "3")  # no cell found, three failing checks
