"""The fast lane: figures typed like a spreadsheet, rows at once, pasted blocks, and keys sent in one
burst (as a fast typist or a terminal sends them: no pause between keys) landing exactly where the
cursor was when each was pressed."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key

from gik_tui.app.app import GikApp
from gik_tui.core.annotations import annotation_path, load as load_annotation
from gik_tui.app.report import ReportScreen
from gik_tui.app.widgets.template_table import TemplateTable

from .helpers import ready, report_open, settled, status

SIZE = (160, 48)
ACTIVE = "active"
NEW = ("requests", ("本年新收政府信息公开申请数量",))
PERSONS, BUSINESS, SCIENCE = ("自然人",), ("法人或其他组织", "商业企业"), ("法人或其他组织", "科研机构")
LAST_ACTIVE = ("active", ("第二十条第（九）项", "政府集中采购"), ("采购总金额",))


async def burst(app, pilot, *keys: str) -> None:
    """Send every key at once, then let the app finish: nothing waits between the keys."""
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        ev = events.Key(name, key if len(key) == 1 else None)
        ev.set_sender(app)
        app._driver.send_message(ev)
    for _ in range(6):
        await pilot.pause()


async def on_cell(screen, pilot, key) -> TemplateTable:
    assert screen.goto_cell(key)
    await pilot.pause()
    return screen.app.focused


async def test_digits_enter_and_move_on_in_a_burst(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "5", "enter", "9", "enter", "4", "2", "right")
        rv = screen.review
        assert [rv.value((*NEW, c)) for c in (PERSONS, BUSINESS, SCIENCE)] == [5, 9, 42]
        assert table.key_at_cursor() == (*NEW, ("法人或其他组织", "社会公益组织"))
        assert "社会公益组织" in status(screen)  # the status line tells the cell the cursor is on


async def test_a_row_at_once_is_one_undo_step(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, *"0 0 2 0 4 70", "enter")
        rv = screen.review
        cols = [c for _, _, c in (table.slots[(table.coords[(*NEW, PERSONS)][0], c)]
                                  for c in table.value_cols[table.coords[(*NEW, PERSONS)][0]])]
        assert [rv.value((*NEW, c)) for c in cols] == [0, 0, 2, 0, 4, 70, 18]  # 总计 untouched
        assert any("filled 6 cells" in n.message for n in app._notifications)
        assert table.key_at_cursor() == (*NEW, ("总计",))  # after the last cell filled
        await burst(app, pilot, "u")
        assert [rv.value((*NEW, c)) for c in cols] == [17, 1, 0, 0, 0, 0, 18]
        # more figures than cells: refused, nothing changed, the edit stays open to be corrected
        await on_cell(screen, pilot, (*NEW, ("总计",)))
        await burst(app, pilot, *"1 2", "enter")
        assert rv.value((*NEW, ("总计",))) == 18 and table.editing is not None
        assert "2 numbers for 1 cell(s)" in status(screen)
        await burst(app, pilot, "escape")
        assert table.editing is None


async def test_a_count_is_typed_whole(reports, ann_dir):
    """A count cell takes 17.0 as 17 and refuses 1.5 and -3, saying why, the edit kept open; an
    amount (采购总金额) takes a fraction, a change (本年增/减) a sign."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        rv = screen.review
        await burst(app, pilot, *"1.5", "enter")
        assert rv.value((*NEW, PERSONS)) == 17 and table.editing is not None
        assert "1.5 is no whole number, and this cell holds a count: nothing changed" in status(screen)
        await burst(app, pilot, "escape")
        await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, *"-3", "enter")
        assert rv.value((*NEW, PERSONS)) == 17 and "-3 is below nought" in status(screen)
        await burst(app, pilot, "escape")
        await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, *"12.0", "enter")
        assert rv.value((*NEW, PERSONS)) == 12 and isinstance(rv.value((*NEW, PERSONS)), int)
        amount = ("active", ("第二十条第（九）项", "政府集中采购"), ("采购总金额",))
        await on_cell(screen, pilot, amount)
        await burst(app, pilot, *"12.75", "enter")
        assert rv.value(amount) == 12.75
        change = ("active", ("第二十条第（五）项", "行政许可"), ("本年增/减",))
        await on_cell(screen, pilot, change)
        await burst(app, pilot, *"-4", "enter")
        assert rv.value(change) == -4


async def test_keys_cross_into_the_next_table_in_a_burst(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await on_cell(screen, pilot, LAST_ACTIVE)
        await burst(app, pilot, "7", "enter", "8", "enter", "3")
        rv = screen.review
        assert rv.value(LAST_ACTIVE) == 7
        assert rv.value((*NEW, PERSONS)) == 8  # the first value cell of the next table
        focused = app.focused
        assert isinstance(focused, TemplateTable) and focused.spec.id == "requests"
        assert focused.editing == (*NEW, BUSINESS) and focused.buffer == "3"


async def test_commands_in_a_burst_act_where_the_cursor_was(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        # 5 into 自然人, u takes it back (and the cursor to it), 6 into 自然人, x clears 商业企业
        await burst(app, pilot, "5", "enter", "u", "6", "enter", "x")
        rv = screen.review
        assert rv.value((*NEW, PERSONS)) == 6 and rv.value((*NEW, BUSINESS)) is None
        assert table.key_at_cursor() == (*NEW, BUSINESS)


async def test_keys_right_after_enter_on_the_queue_wait_for_the_report(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        keys = [str(r.key.value) for r in table.ordered_rows]
        table.move_cursor(row=keys.index(str(reports / "2020_huaiyin.txt")))
        await pilot.pause()
        # the report opens on its first value cell (active › 规章 × 本年新制作数量); the keys wait for it
        await burst(app, pilot, "enter", "4", "enter", "5")
        await settled(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.name_ == "2020_huaiyin.txt"
        first = ("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))
        assert screen.review.value(first) == 4
        assert app.focused.editing == ("active", ("第二十条第（一）项", "规章"), ("本年新公开数量",))
        assert app.focused.buffer == "5"


async def test_keys_after_done_go_to_the_next_report(reports, ann_dir):
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        await burst(app, pilot, "d", "9", "enter")
        await settled(app, pilot)
        assert screen.name_ == "2020_huaiyin.txt"  # the same screen, the next report in it
        first = ("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))
        assert screen.review.value(first) == 9
        assert app.workspace.summaries[str(reports / "2019_lusong.txt")].status == "done"


async def test_paste_a_block_from_a_spreadsheet(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        app.post_message(events.Paste("1\t2\t3\n4\t\t6\n"))
        for _ in range(4):
            await pilot.pause()
        rv = screen.review
        carried = ("requests", ("上年结转政府信息公开申请数量",))
        assert [rv.value((*NEW, c)) for c in (PERSONS, BUSINESS, SCIENCE)] == [1, 2, 3]
        assert [rv.value((*carried, c)) for c in (PERSONS, BUSINESS, SCIENCE)] == [4, None, 6]
        await burst(app, pilot, "u")  # one paste, one undo
        assert rv.value((*NEW, PERSONS)) == 17 and rv.value((*carried, PERSONS)) == 0
        assert table is app.focused


async def test_next_issue_finds_typed_failures_and_blanks_and_zeros_fill(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        rv = screen.review
        assert rv.attention() == []  # huaiyin extracts clean
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert any(n.message == "nothing needs attention" for n in app._notifications)
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "9", "enter")  # a typed figure that breaks the row's total
        assert (*NEW, PERSONS) in rv.failing_cells()
        table.move_cursor(row=0, column=0)
        await on_cell(screen, pilot, LAST_ACTIVE)
        await burst(app, pilot, "right_square_bracket")
        assert app.focused.key_at_cursor() == (*NEW, PERSONS)  # the typed cell, in a failing check
        assert "▸ in a failing check" in status(screen)
        # u takes the 9 back (and the cursor to it); a blank the analyst makes is a decision
        await burst(app, pilot, "u")
        assert app.focused.key_at_cursor() == (*NEW, PERSONS) and rv.value((*NEW, PERSONS)) == 17
        await on_cell(screen, pilot, (*NEW, SCIENCE))
        await burst(app, pilot, "x")
        assert rv.value((*NEW, SCIENCE)) is None and rv.is_edited((*NEW, SCIENCE))
        assert rv.attention(blanks_only=True) == []
        await burst(app, pilot, "z")  # nothing blank that the analyst has not decided
        assert any("no blank cell to fill in this row" in n.message for n in app._notifications)


async def test_zeros_fill_the_blanks_of_a_row_and_undo_together(reports, ann_dir):
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        rv = screen.review
        table = await on_cell(screen, pilot, (*NEW, PERSONS))  # lusong: 11 in 总计, the rest undecided
        blanks = [k for k in (table.slots[(table.coords[(*NEW, PERSONS)][0], c)]
                              for c in table.value_cols[table.coords[(*NEW, PERSONS)][0]]) if rv.value(k) is None]
        assert len(blanks) == 6
        await burst(app, pilot, "right_curly_bracket")  # } : the next blank after the cursor
        assert app.focused.key_at_cursor() == (*NEW, BUSINESS)
        await burst(app, pilot, "1", "1", "enter", "z")  # 自然人 stays blank? no: 11 typed into 商业企业
        assert rv.value((*NEW, BUSINESS)) == 11
        assert [rv.value(k) for k in blanks if k != (*NEW, BUSINESS)] == [0, 0, 0, 0, 0]
        await burst(app, pilot, "u")
        assert [rv.value(k) for k in blanks if k != (*NEW, BUSINESS)] == [None] * 5
        assert rv.value((*NEW, BUSINESS)) == 11


async def test_zeros_for_a_whole_table_ask_first(reports, ann_dir):
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        rv = screen.review
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        blanks = [k for k in table.slots.values() if rv.value(k) is None]
        assert len(blanks) == 138  # the cells the identities left undecided
        await burst(app, pilot, "Z")
        assert type(app.screen).__name__ == "Choose" and "138 blank cell(s)" in str(app.screen.query_one("#dialog-title").render())
        await burst(app, pilot, "n")
        assert all(rv.value(k) is None for k in blanks)
        await burst(app, pilot, "Z", "y")
        assert all(rv.value(k) == 0 for k in blanks) and app.screen is screen
        await burst(app, pilot, "u")
        assert all(rv.value(k) is None for k in blanks)


async def test_candidates_in_one_key(tmp_path, ann_dir):
    import shutil
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "data" / "examples" / "2020_huaiyin_glued.txt"
    shutil.copy(src, tmp_path / "glued.txt")
    app = GikApp(str(tmp_path / "glued.txt"), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        rv = screen.review
        row = ("active", ("第二十条第（五）项", "行政许可"))
        cols = [("上一年项目数量",), ("本年增/减",), ("处理决定数量",)]
        await on_cell(screen, pilot, (*row, cols[1]))
        await burst(app, pilot, "c")
        dialog = app.screen
        assert type(dialog).__name__ == "Choose"
        lines = [str(label.render()) for label in dialog.query("Label")]
        # the row's splits ranked by evidence: the true one first, with why (a change of 8 on a
        # base of 172); 822 on 172 is a change larger than its base
        assert lines[0].startswith("[1] 172 | 8 | 22990   81%") and "a change of +8 is 5% of its 上一年项目数量 172" in lines[0]
        assert any(x.startswith("[3] 172 | 822 | 990") and "larger than its 上一年项目数量 172" in x for x in lines)
        # only a prior puts it ahead of 172 | 82 | 2990: enter takes nothing, a digit picks
        assert "no offer is clearly ahead" in str(dialog.query_one("#dialog-title").render())
        assert lines[-1] == "escape cancels"
        await burst(app, pilot, "enter")
        assert app.screen is dialog and [rv.value((*row, c)) for c in cols] == [172, None, None]
        await burst(app, pilot, "1")
        assert app.screen is screen
        assert [rv.value((*row, c)) for c in cols] == [172, 8, 22990]
        await burst(app, pilot, "u")  # the whole split back in one step
        assert [rv.value((*row, c)) for c in cols] == [172, None, None]
        # the same shares on the status line as in the picker, and why the first leads
        await on_cell(screen, pilot, (*row, cols[1]))
        said = screen.query_one("#status").text.plain
        assert "undecided (glued run): 8 (81%), 82 (19%)" in said and "first: " in said and "not clearly ahead" in said
        # 规范性文件: the evidence decides (the other splits break 本年新公开数量 ≤ 对外公开总数量): enter takes it
        await on_cell(screen, pilot, ("active", ("第二十条第（一）项", "规范性文件"), ("本年新制作数量",)))
        await burst(app, pilot, "c", "enter")
        assert app.screen is screen
        assert [rv.value(("active", ("第二十条第（一）项", "规范性文件"), c)) for c in (
            ("本年新制作数量",), ("本年新公开数量",), ("对外公开总数量",))] == [1, 1, 42]
        await on_cell(screen, pilot, ("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",)))
        await burst(app, pilot, "c")
        assert app.screen is screen and any("no candidates" in n.message for n in app._notifications)


async def test_a_whole_2021_report_typed_in_bursts_lands_exactly(tmp_path, ann_dir):
    """The issue's bar: a 2021 report's tables entered from a printout in one pass — figures,
    spaces, enter — sent as fast as keys can come, every cell right, one key per cell beyond the
    figures."""
    from gik_tui.core.synth import make_report
    from gik_tui.core.values import fmt_number

    rep = make_report(4, seed=11, template_id="gik-2021", layout="a")
    (tmp_path / "p.txt").write_text(f"{rep.agency}{rep.year}年政府信息公开工作年度报告\n一、总体情况\n（表格见纸质件）\n",
                                    encoding="utf-8")
    app = GikApp(str(tmp_path / "p.txt"), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert screen.ex.template == "gik-2021"
        keys, cells = [], 0
        for table in screen.tables():
            for r in table.value_rows:
                row = [rep.values[table.slots[(r, c)]] for c in table.value_cols[r]]
                cells += len(row)
                keys += [*" ".join(fmt_number(v) for v in row), "enter"]
        assert cells == 200
        other = sum(1 for k in keys if k in (" ", "enter"))
        assert other / cells == 1.0
        for i in range(0, len(keys), 300):
            await burst(app, pilot, *keys[i:i + 300])
        wrong = [k for t in screen.tables() for k in t.slots.values() if screen.review.value(k) != rep.values[k]]
        assert wrong == []
        assert [c.id for c in screen.review.checks() if not c.ok] == []


async def test_tab_switches_in_a_burst_come_back_to_the_same_cell(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, BUSINESS))
        await burst(app, pilot, "t", "t", "alt+1", "5", "enter", "t", "T", "6", "enter")
        rv = screen.review
        assert rv.value((*NEW, BUSINESS)) == 5 and rv.value((*NEW, SCIENCE)) == 6
        assert app.focused is table and table.key_at_cursor() == (*NEW, ("法人或其他组织", "社会公益组织"))


async def test_tabs_gone_round_in_a_burst_leave_the_status_line_on_the_cell(reports, ann_dir):
    """`t t t t` typed at once goes round the tabs back to the Tables: the status line tells the cell
    under the cursor, not what the Notes tab said on its way (its focus came after the cell's)."""
    from .helpers import status

    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await burst(app, pilot, "right_square_bracket")
        key = app.focused.key_at_cursor()
        assert key[1][-1] == "不同意公开答复数" and "in a failing check" in status(screen)
        await burst(app, pilot, "t", "t", "t", "t")
        assert app.focused.key_at_cursor() == key
        assert status(screen).startswith("stats › 依申请公开情况 › 申请答复数 › 不同意公开答复数 × 统计数 = 0")
        assert "enter writes the note" not in status(screen)


async def test_a_late_hide_does_not_take_the_focus_from_a_table_shown_again(reports, ann_dir):
    # `t` `T` in a burst: the Tables tab is shown again and its table focused before the table's
    # Hide (from the first `t`) is handled; Textual's handler then blurred the table and the keys
    # after it went to another table (seen under load). The same for the other tabs' lists.
    from textual import events

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, BUSINESS))
        table.post_message(events.Hide())  # as it arrives late: the table is displayed again
        await burst(app, pilot, "6", "enter")
        assert app.focused is table and screen.review.value((*NEW, BUSINESS)) == 6
        for tab, widget in (("tab-sections", "#sections-table"), ("tab-checks", "#checks-table"), ("tab-notes", "#note")):
            screen.action_tab(tab)
            await pilot.pause()
            shown = screen.query_one(widget)
            assert app.focused is shown
            shown.post_message(events.Hide())
            await pilot.pause()
            assert app.focused is shown, tab
        screen.action_tab("tab-tables")
        await pilot.pause()
        assert app.focused is table
        # a Hide that arrives while its tab is still hidden is Textual's as before: only a table
        # displayed again (itself and every ancestor) keeps the focus
        from gik_tui.app.widgets.focus import displayed

        assert displayed(table)
        screen.query_one("#tab-tables").display = False
        assert not displayed(table)


async def test_a_late_focused_in_pane_message_does_not_switch_the_tabs_back(reports, ann_dir):
    # `t` `T` in a burst: each switch's "a widget in this pane was focused" message arrives after
    # both keys; the Sections one switched the tabs back to Sections and the focus to another table
    from textual.widgets import TabbedContent, TabPane

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, BUSINESS))
        sections = screen.query_one("#tab-sections", TabPane)
        sections.post_message(TabPane.Focused(sections))  # as it arrives late, the Tables tab on screen
        await burst(app, pilot, "6", "enter")
        assert screen.query_one(TabbedContent).active == "tab-tables"
        assert app.focused is table and screen.review.value((*NEW, BUSINESS)) == 6
        # a widget of the pane really focused still shows its pane (Textual's own behaviour)
        screen.set_focus(screen.query_one("#sections-table"))
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-sections"


async def test_a_late_focused_in_pane_message_of_the_report_before_leaves_the_next_on_its_tables(reports, ann_dir):
    # `T T n T` at once: the Checks pane's "focused" message from the second T arrived after `n` had
    # shown the next report on its Tables tab, while the focus was still on the old Checks table;
    # it switched the new report's tabs back to Checks, and the last T went to Sections, not Notes
    from textual.widgets import TabbedContent

    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        first = screen.path
        await burst(app, pilot, "T", "T", "n", "T")
        assert screen.path != first
        assert screen.query_one(TabbedContent).active == "tab-notes"
        assert type(app.focused).__name__ == "NoteArea"


async def test_tab_between_typed_figures_separates_them_as_in_a_spreadsheet(reports, ann_dir):
    # tab is the key that moves to the other pane; while a figure is being typed it separates
    # figures instead (it used to switch panes twice and glue "2" and "3" into 23)
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "2", "tab", "3", "tab", "tab", "4", "enter")
        rv = screen.review
        assert [rv.value((*NEW, c)) for c in (PERSONS, BUSINESS, SCIENCE)] == [2, 3, None]
        assert rv.value((*NEW, ("法人或其他组织", "社会公益组织"))) == 4
        assert app.focused is table
        await burst(app, pilot, "tab")  # not typing: tab moves to the other pane as before
        assert app.focused is screen.query_one("#source")


async def test_a_table_question_is_asked_once_and_answered_in_one_key(reports, ann_dir):
    """2019_lusong.txt: its 23 requests rows (two figures for seven columns) are one question. `]`
    stops at it once, the status line says it, `c` asks it with its options ranked and why, enter
    takes nothing (only a prior leads), `1` fills every row, `u` takes it all back; typed digits
    never answer it (the question is asked only on `c`)."""
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        rv = screen.review
        new, persons = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",)), ("自然人",)
        await on_cell(screen, pilot, new)
        said = status(screen)
        assert "one question for 23 rows" in said and "自然人 + 总计 first" in said
        await burst(app, pilot, "c")
        dialog = app.screen
        assert type(dialog).__name__ == "Choose"
        lines = [str(label.render()) for label in dialog.query("Label")]
        assert lines[0].startswith("[1] 自然人 + 总计   95%") and "a prior" in lines[0]
        assert lines[-2].startswith("[r] just this row")
        await burst(app, pilot, "enter")
        assert app.screen is dialog and rv.value(new) is None
        await burst(app, pilot, "1")
        assert app.screen is screen
        total = ("requests", ("本年度办理结果", "总计"))
        assert rv.value(new) == 11 and rv.value((*total, persons)) == 11 and rv.value((*total, ("总计",))) == 11
        assert rv.open_questions() == []
        assert not [c for c in rv.checks() if c.id.startswith("requests.") and c.state != "holds"]
        # chosen without evidence: said in the Checks tab until the figures are typed
        from gik_tui.app.report.checks_pane import ChecksPane

        screen.query_one("TabbedContent").active = "tab-checks"
        await pilot.pause()
        pane = screen.query_one(ChecksPane)
        assert [c.message for c in pane.checks if c.id == "chosen.unsure"] == [
            "自然人 + 总计 for 23 rows chosen without evidence; type the figures to confirm"]
        assert [c.state for c in pane.checks].index("holds") > [c.id for c in pane.checks].index("chosen.unsure")
        screen.query_one("TabbedContent").active = "tab-tables"
        await pilot.pause()
        await on_cell(screen, pilot, new)
        await burst(app, pilot, "u")
        assert rv.value(new) is None and len(rv.open_questions()) == 1
        # r: this row alone, through its own splits
        await burst(app, pilot, "c", "r")
        assert type(app.screen).__name__ == "Choose" and "the splits" in str(app.screen.query_one("#dialog-title").render())
        await burst(app, pilot, "escape")
        assert app.screen is screen


async def test_digits_never_switch_tabs_nor_leave_the_report(reports, ann_dir):
    """A digit types a figure on a value cell and does nothing else anywhere: on the Sections and
    Checks lists it neither switches the tab nor leaves the report, it says where figures go;
    alt+1–4 choose a tab."""
    from textual.widgets import TabbedContent

    from gik_tui.app.report import ReportScreen

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        tabs = screen.query_one(TabbedContent)
        for tab in ("tab-sections", "tab-checks"):
            screen.action_tab(tab)
            await pilot.pause()
            await burst(app, pilot, "1", "2", "3", "4", "0")
            assert tabs.active == tab and app.screen is screen and isinstance(app.screen, ReportScreen)
        assert any("a digit types a figure" in n.message for n in app._notifications)
        await pilot.press("alt+1")
        await pilot.pause()
        assert tabs.active == "tab-tables"
        await pilot.press("alt+4")
        await pilot.pause()
        assert tabs.active == "tab-notes"


async def test_undo_reaches_back_past_closing_and_reopening_the_report(reports, ann_dir):
    """Undo history is kept for the session: a figure typed, the report left (escape) and opened
    again from the queue, `u` takes the figure back."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await on_cell(screen, pilot, (*NEW, PERSONS))
        before = screen.review.value((*NEW, PERSONS))
        await burst(app, pilot, "9", "9", "enter")
        assert screen.review.value((*NEW, PERSONS)) == 99
        await burst(app, pilot, "escape")
        assert app.screen is not screen
        await burst(app, pilot, "enter")  # the queue's cursor is still on the report
        await settled(app, pilot)
        assert app.screen is screen and screen.path.endswith("2020_huaiyin.txt")
        assert screen.review.value((*NEW, PERSONS)) == 99
        await burst(app, pilot, "u")
        assert screen.review.value((*NEW, PERSONS)) == before


async def test_left_then_right_bracket_comes_back_to_the_cell(reports, ann_dir):
    """On dongsheng, from the first thing that needs the analyst: `[` goes round to the last
    unmatched heading (Sections tab), `]` comes back to the same cell."""
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        first = screen.review.attention()[0]
        table = await on_cell(screen, pilot, first.key)
        await burst(app, pilot, "left_square_bracket")
        assert app.focused.id == "sections-table"
        await burst(app, pilot, "right_square_bracket")
        assert app.focused is screen.current_table() and app.focused.key_at_cursor() == first.key
        assert table.key_at_cursor() == first.key


async def test_enter_on_a_check_tells_its_cell_even_when_the_cursor_is_already_there(reports, ann_dir):
    """The cursor on the failing check's cell, the status line saying something else, `enter` on
    that check in the Checks tab: the status line and the source pane tell the cell again (no
    highlight comes when the cursor does not move)."""
    from gik_tui.app.widgets.source_view import SourceView

    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        first = screen.review.attention()[0]
        assert first.kind == "check"
        await on_cell(screen, pilot, first.key)
        said = status(screen)
        screen.set_status("something else")
        screen.query_one(SourceView).clear_span()
        await burst(app, pilot, "alt+3")
        checks = screen.query_one("#checks-table")
        assert app.focused is checks
        row = next(i for i in range(checks.row_count) if str(checks.get_row_at(i)[0]).startswith("✗"))
        checks.move_cursor(row=row)
        await burst(app, pilot, "enter")
        assert screen.current_table().key_at_cursor() == first.key
        assert status(screen).split("  ·")[0] == said.split("  ·")[0] and "something else" not in status(screen)
        assert screen.query_one(SourceView).span is not None


async def test_a_refused_entry_stops_the_burst_and_says_so(reports, ann_dir):
    """`1 tab 2 enter 4 enter` on the last cell of a row: the entry is refused (two figures for one
    cell) and the `4 enter` pressed after it, before the refusal could be seen, are dropped — never
    typed into the open box nor put in a cell — and the status line says the burst stopped there.
    Keys pressed after that are typed as ever."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        total = (*NEW, ("总计",))
        table = await on_cell(screen, pilot, total)
        before = screen.review.value(total)
        await burst(app, pilot, "1", "tab", "2", "enter", "4", "enter")
        assert screen.review.value(total) == before
        assert table.editing == total and table.buffer == "1\t2"
        said = status(screen)
        assert "2 numbers for 1 cell(s)" in said and "stopped there: 2 key(s)" in said, said
        await burst(app, pilot, "ctrl+u", "5", "enter")  # pressed after the refusal was said
        assert screen.review.value(total) == 5 and table.editing is None


async def test_a_resize_lays_the_labels_checks_and_source_out_again(reports, ann_dir):
    """120×40 → 100×30 → 200×60 with the cursor on a cell: the row labels take the new width, the
    Checks pane too, and the source pane shows the cell's line again without the cursor moving."""
    from gik_tui.app.widgets.source_view import SourceView

    async with report_open(reports, ann_dir, "2018_dongsheng.txt", size=(120, 40)) as (app, pilot, screen):
        key = screen.review.attention()[0].key
        await burst(app, pilot, "alt+3", "alt+1")  # the Checks pane filled at 120 columns
        table = await on_cell(screen, pilot, key)
        source = screen.query_one(SourceView)
        line = source.span[0]
        widths = []
        for size in ((100, 30), (200, 60)):
            await pilot.resize_terminal(*size)
            for _ in range(4):
                await pilot.pause()
            label = next(iter(table.columns.values()))
            widths.append(label.width)
            assert table.key_at_cursor() == key and app.focused is table
            assert source.span[0] == line and source.cursor_location[0] == line
            top, height = source.scroll_offset.y, source.size.height
            shown = {source.wrapped_document.offset_to_location((0, y))[0] for y in range(top, top + height)} \
                if hasattr(source.wrapped_document, "offset_to_location") else {line}
            assert line in shown
        assert widths[1] > widths[0]
        await burst(app, pilot, "alt+3")
        checks = screen.query_one("#checks-table")
        # three fifths of 200 columns, less the id, the mark and the padding (at 120: 43)
        assert [c.width for c in checks.columns.values()][2] == 87


async def test_at_80_columns_long_headers_take_two_lines_so_more_figures_show(reports, ann_dir):
    """本年新制作数量 and its neighbours wrap onto two lines on a narrow screen: two value columns of
    the 主动公开 table show beside the labels at 80 columns, not one and a half."""
    from gik_tui.app.widgets.template_table import _wrapped

    assert _wrapped("本年新制作数量", True) == "本年新制\n作数量" and _wrapped("本年新制作数量", False) == "本年新制作数量"
    assert _wrapped("自然人", True) == "自然人"
    async with report_open(reports, ann_dir, "2020_huaiyin.txt", size=(80, 24)) as (app, pilot, screen):
        table = screen.current_table()
        assert table.spec.id == "active"
        widths = [c.get_render_width(table) for c in table.columns.values()]
        assert sum(widths[:3]) <= table.size.width  # the labels and two value columns in view


async def test_a_burst_after_a_dialogs_answer_never_closes_the_report(tmp_path):
    """`c` on a glued row, then `enter ] 7 enter u` sent at once: the first enter takes the offer
    the evidence puts first; the dialog, answered, never answers again (a second dismiss popped
    the report itself and left a blank screen)."""
    import shutil

    from gik_tui.app.app import GikApp

    from ..conftest import ROOT
    from .helpers import ready

    shutil.copy(ROOT / "tests" / "data" / "examples" / "2020_huaiyin_glued.txt", tmp_path / "g.txt")
    app = GikApp(str(tmp_path / "g.txt"), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("right_square_bracket", "c")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await burst(app, pilot, "enter", "right_square_bracket", "7", "enter", "u")
        assert app.screen is screen and isinstance(screen, ReportScreen)
        assert screen.review.value(("active", ("第二十条第（一）项", "规范性文件"), ("对外公开总数量",))) == 42


async def test_keys_after_enter_in_a_text_dialog_go_to_the_report(reports, ann_dir):
    """`f`, a note, `enter`, then `5 enter` sent at once: the note is the flag's and the 5 lands in
    the cell under the cursor. The keys after the dialog's enter are not typed into the box that
    enter closed (where they were lost)."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, BUSINESS))
        await burst(app, pilot, "f", "o", "k", "enter", "5", "enter")
        assert app.screen is screen
        rv = screen.review
        assert (rv.status, rv.note) == ("flagged", "ok")
        assert rv.value((*NEW, BUSINESS)) == 5
        assert app.focused is table


async def test_keys_after_an_enter_that_keeps_the_dialog_open_stay_in_it(reports, ann_dir):
    """In the report-details dialog `enter` in the agency box moves to the year box, which keeps
    the dialog open: the keys after it are the dialog's, typed in order, and its last `enter`
    saves; the keys after that go to the report."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, BUSINESS))
        await pilot.press("i")
        await pilot.pause()
        assert type(app.screen).__name__ == "MetaDialog"
        await burst(app, pilot, "enter", "ctrl+u", "2", "0", "2", "1", "enter", "enter", "7", "enter")
        assert app.screen is screen
        assert screen.review.meta.get("year") == 2021
        assert screen.review.value((*NEW, BUSINESS)) == 7
        assert app.focused is table


async def test_editing_keys_in_a_dialogs_box_act_in_the_order_pressed(reports, ann_dir):
    """`backspace` and `ctrl+u` are run by the box's bindings, which Textual runs behind the keys
    typed after them: sent at once, `a b c backspace d` must give `abd` (not `ab`), and `ctrl+u`
    clears only what was typed before it."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await burst(app, pilot, "f", "x", "ctrl+u", "a", "b", "c", "backspace", "d", "enter")
        assert (screen.review.status, screen.review.note) == ("flagged", "abd")


async def test_escape_in_a_dialog_then_keys_for_the_report(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await on_cell(screen, pilot, (*NEW, BUSINESS))
        await burst(app, pilot, "f", "n", "o", "escape", "8", "enter")
        assert app.screen is screen and screen.review.note == "" and screen.review.status != "flagged"
        assert screen.review.value((*NEW, BUSINESS)) == 8


async def _map_heading(reports, ann_dir, keys, at_once: bool):
    from .helpers import heading_row

    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await pilot.press("t")
        await pilot.pause()
        st = screen.query_one("#sections-table")
        st.move_cursor(row=heading_row(screen, 53))  # 三、重点领域信息公开情况: unmatched
        await pilot.pause()
        if at_once:
            await burst(app, pilot, *keys)
        else:
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
        assert app.screen is screen
        return screen.review.section_of(screen.heading_by_line(53)), st.cursor_row


async def test_the_heading_picker_in_a_burst_does_what_slow_keys_do(reports, ann_dir, tmp_path):
    """`m 主 动 down enter j` at once picks the second section the filter shows (as pressed one by
    one), and `j` then moves the Sections cursor: the dialog's `down` runs before the `enter` after
    it, and the keys after the answer go to the report."""
    import shutil

    keys = ("m", "主", "动", "down", "enter", "j")
    slow = await _map_heading(reports, ann_dir, keys, at_once=False)
    shutil.rmtree(ann_dir)
    fast = await _map_heading(reports, ann_dir, keys, at_once=True)
    first = await _map_heading(reports, tmp_path / "other", keys[:3] + keys[4:], at_once=False)
    assert fast == slow
    assert slow[0] != first[0]  # `down` chose another section than the first


async def test_an_answer_that_asks_again_takes_the_keys_after_it(reports, ann_dir, tmp_path):
    """Export to a file that exists, `enter y` sent at once: the `y` waits for the export box's
    answer, which asks whether to replace the file; it answers that question (never typed into the
    closed box), and the file is replaced."""
    out = tmp_path / "out.csv"
    out.write_text("old")
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        app.action_export()
        await pilot.pause()
        app.screen.query_one("Input").value = str(out)
        await burst(app, pilot, "enter", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "QueueScreen"
        assert out.read_text(encoding="utf-8-sig").startswith("source,agency,year")


async def test_the_note_takes_its_editing_keys_in_the_order_pressed(reports, ann_dir):
    """In the Notes tab, `enter a b c backspace d escape alt+1` sent at once writes `abd` and goes
    back to the tables: the letters after `enter` are the note's (they ran as the report's keys, and
    `escape` left the report), its backspace acts where it was pressed, and the key after `escape`
    is the report's again."""
    from textual.widgets import TabbedContent

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await pilot.press("alt+4")
        await pilot.pause()
        await burst(app, pilot, "enter", "a", "b", "c", "backspace", "d", "enter", "e", "escape", "alt+1")
        assert app.screen is screen and screen.review.note == "abd\ne"
        assert screen.query_one(TabbedContent).active == "tab-tables"


async def test_a_figure_typed_right_after_enter_on_a_check_goes_into_its_cell(reports, ann_dir):
    """On the Checks tab, `enter 7 enter` sent at once: enter takes the cursor to the check's cell
    and the 7 is typed there (it was refused on the Checks tab, as a digit off a table)."""
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        first = screen.review.attention()[0]
        assert first.kind == "check"
        await burst(app, pilot, "alt+3")
        checks = screen.query_one("#checks-table")
        row = next(i for i in range(checks.row_count) if str(checks.get_row_at(i)[0]).startswith("✗"))
        checks.move_cursor(row=row)
        await pilot.pause()
        await burst(app, pilot, "enter", "7", "enter")
        assert screen.review.value(first.key) == 7


async def test_enter_on_a_heading_then_a_filter_in_a_burst_maps_it(reports, ann_dir, tmp_path):
    """On the Sections tab, `enter 主 动 enter j` at once: enter opens the heading picker before the
    letters after it are read (they went to the Sections pane), so the heading is mapped as when
    pressed one by one."""
    keys = ("enter", "主", "动", "enter", "j")
    fast = await _map_heading(reports, ann_dir, keys, at_once=True)
    slow = await _map_heading(reports, tmp_path / "slow", keys, at_once=False)
    assert fast == slow and fast[0] == ("主动公开政府信息情况", True)


async def test_a_tab_changed_in_a_burst_is_filled_before_the_next_key(reports, ann_dir):
    """`alt+2 enter` and `alt+3 enter 7 enter` sent at once: the Sections and Checks tabs are filled
    when the tab changes, so `enter` finds the heading (the picker opens) and the check (its cell
    takes the 7); they were filled only when the tab said it was shown, after the enter."""
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        first = screen.review.attention()[0]
        assert first.kind == "check" and screen.query_one("#checks-table").row_count == 0  # not filled yet
        await burst(app, pilot, "alt+3", "enter", "7", "enter")
        assert screen.review.value(first.key) == 7
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await burst(app, pilot, "alt+2", "enter")
        assert type(app.screen).__name__ == "HeadingPicker"


async def test_a_key_no_binding_takes_in_a_dialog_never_acts_on_the_report_after_it(reports, ann_dir):
    """`f 1 alt+3 enter down` at once: alt+3 means nothing in the flag's box; it bubbled up to the
    app after the enter behind it had closed the box, and switched the report to its Checks tab."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "f", "1", "alt+3", "enter", "down")
        assert screen.review.note == "1" and app.focused is table
        assert table.key_at_cursor()[1] != NEW[1]  # down moved the cursor on the table


async def test_a_key_that_takes_the_focus_from_the_note_stops_writing_it_at_once(reports, ann_dir):
    """Writing the note, `alt+3 t c f n` at once: alt+3 leaves the note (to the Checks tab), `t`
    comes back to it, and `f n` open the flag's box (the note in it, selected) and type `n` over it
    — the letters were typed into the note, which stopped being written only when the blur came,
    behind them."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await burst(app, pilot, "alt+4", "enter", "a", "alt+3", "t", "f", "n")
        assert screen.review.note == "a"
        assert type(app.screen).__name__ == "AskText" and app.focused.value == "n"


async def test_a_key_nothing_binds_on_the_table_never_acts_in_the_note_written_after_it(reports, ann_dir):
    """`backspace T enter t up 5 left j k` at once on a table: backspace means nothing there; handed
    to the table, it came back to the app after the keys behind it had opened the note for writing,
    and ran the note's backspace there (the note came out `j5t`, not `jk5t` as when pressed one by one)."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "backspace", "T", "enter", "t", "up", "5", "left", "j", "k")
        assert screen.review.note == "jk5t"
        assert screen.review.edits == {}


async def test_a_figure_put_in_then_escape_at_once_is_saved_before_the_report_closes(reports, ann_dir):
    """`5 left escape enter` at once: the 5 is put in (left), escape leaves the report and enter opens
    it again. The screen was told of the edit by a message still queued when escape saved, so
    nothing was saved and the reopened report had lost the 5."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "5", "left", "escape", "enter")
        await settled(app, pilot)
        assert app.screen is screen and screen.review.value((*NEW, PERSONS)) == 5
        saved = load_annotation(annotation_path(reports / "2020_huaiyin.txt", ann_dir))
        assert {e.key: e.value for e in saved.cells} == {(*NEW, PERSONS): 5}


async def test_a_key_a_dialog_passes_over_never_acts_on_the_report_once_it_closes(reports, ann_dir):
    """`i T down ] escape` at once: `down` in the report-details box found its box's binding
    skipped (nothing to scroll) and was left to bubble up to the app; it got there after escape had
    closed the box and moved the report's cursor down a row. The bindings further up are now tried
    when the box takes the key."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        await burst(app, pilot, "i", "T", "down", "]", "escape")
        assert app.screen is screen and app.focused is table
        assert table.key_at_cursor() == (*NEW, PERSONS)


async def test_escape_on_a_question_then_its_key_again_asks_again(reports, ann_dir):
    """`c escape c` at once on an undecided cell: escape cancels the candidates' question and the
    second `c` asks it again; escape closed the question only when its turn came, and the `c`
    behind it went into the closing question and was lost."""
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        await burst(app, pilot, "]")
        assert screen.review.cell(screen.current_table().key_at_cursor()).candidates
        await burst(app, pilot, "c", "escape", "c")
        assert type(app.screen).__name__ == "Choose"
        await burst(app, pilot, "escape")
        assert app.screen is screen


async def test_tab_in_a_dialog_then_typing_at_once_types_in_the_next_box(reports, ann_dir):
    """`i ctrl+u x tab ctrl+u 2 0` at once: tab takes the focus to the year's box and `2 0` are typed
    there; they were queued in the agency's box before tab had moved the focus, and typed into it."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await burst(app, pilot, "i", "ctrl+u", "x", "tab", "ctrl+u", "2", "0")
        values = {w.id: w.value for w in app.screen.query("Input")}
        assert (values["meta-agency"], values["meta-year"]) == ("x", "20")
        assert app.focused.id == "meta-year"


async def test_the_queue_filter_left_by_tab_takes_no_more_letters(reports, ann_dir):
    """`/ x tab escape f l` at once on the queue: tab leaves the filter for the list, so `f l` are
    not typed into the filter (they were, queued in the box before tab had moved the focus)."""
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        await burst(app, pilot, "/", "x", "tab", "escape", "f", "l")
        assert app.screen.query_one("#queue-filter").value == ""


async def test_ctrl_s_while_writing_the_note_holds_no_key(reports, ann_dir):
    """`enter a ctrl+s b` in the Notes tab: ctrl+s (a priority binding: the note never sees it) saves,
    and `b` is typed at once; the keys after it were held for five seconds, waiting for the note to
    say it had run a key it never got."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await pilot.press("alt+4")
        await pilot.pause()
        await burst(app, pilot, "enter", "a", "ctrl+s", "b")
        assert screen.review.note == "ab"


async def test_keys_replayed_after_a_report_opens_reach_a_dialog_one_of_them_opens(reports, ann_dir):
    """`d f o k enter` at once on a report with nothing left to decide: `d` marks it done and opens
    the next, the keys after it are held until that report shows, then `f` opens the flag's box and
    `o k` are typed into it (replayed in one go, they reached the box before it had the focus)."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        first = screen.path
        await burst(app, pilot, "d", "f", "o", "k", "enter")
        await settled(app, pilot)
        assert app.screen is screen and screen.path != first
        assert (screen.review.status, screen.review.note) == ("flagged", "ok")


async def test_a_key_a_question_does_not_take_never_acts_on_the_report_after_its_answer(tmp_path):
    """`c` on a glued row, then `alt+3 enter` at once: alt+3 answers nothing and does nothing; it
    bubbled up to the app after the enter had answered and closed the question, and switched the
    report to its Checks tab."""
    import shutil

    from textual.widgets import TabbedContent

    from ..conftest import ROOT

    shutil.copy(ROOT / "tests" / "data" / "examples" / "2020_huaiyin_glued.txt", tmp_path / "g.txt")
    app = GikApp(str(tmp_path / "g.txt"), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("right_square_bracket", "c")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await burst(app, pilot, "alt+3", "enter")
        assert app.screen is screen and screen.query_one(TabbedContent).active == "tab-tables"
        assert screen.review.value(("active", ("第二十条第（一）项", "规范性文件"), ("对外公开总数量",))) == 42


async def terminal(app, pilot, text: str) -> None:
    """Send `text` as a terminal without the kitty protocol does: its bytes through the app's own
    input parser (app/keyboard.py install_terminal_keys), every key at once."""
    from textual._xterm_parser import XTermParser

    parser = XTermParser()
    for ev in [*parser.feed(text), *parser.feed("")]:
        app._driver.send_message(ev)
    for _ in range(6):
        await pilot.pause()


async def test_an_escape_typed_fast_before_a_key_is_an_escape_then_that_key(reports, ann_dir):
    """A terminal sends ESC and the key after it as one sequence when they come fast; Textual read
    `1 2 esc enter` as `1 2 enter` (the escape dropped: 12 put in), `esc .` as `.`, `esc j` as
    alt+j typed into the edit, `esc 3` as £. Each is now the escape (the edit cancelled), then the
    key, acting where the cursor is then."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        before = screen.review.value((*NEW, PERSONS))
        await terminal(app, pilot, "12\x1b\r")  # cancel, then enter starts an edit of the value
        assert screen.review.value((*NEW, PERSONS)) == before and table.editing == (*NEW, PERSONS)
        await terminal(app, pilot, "\x1b")
        assert table.editing is None
        await terminal(app, pilot, "12\x1bj")  # cancel, then j: down a row, nothing typed
        assert screen.review.value((*NEW, PERSONS)) == before and table.editing is None
        assert table.key_at_cursor()[1] != NEW[1] and table.key_at_cursor()[2] == PERSONS
        await terminal(app, pilot, "k12\x1b3\r")  # cancel 12, then 3 typed and put in
        assert screen.review.value((*NEW, PERSONS)) == 3
        await terminal(app, pilot, "k45\x1b.5\x1b")  # cancel 45, then `.5` typed, then cancelled
        assert screen.review.value((*NEW, PERSONS)) == 3 and table.editing is None
        assert screen.review.edits.keys() == {(*NEW, PERSONS)}


async def test_alt_and_a_digit_from_a_terminal_changes_the_tab_unless_a_figure_is_typed(reports, ann_dir):
    """alt+1–4 reach us as ESC and the digit (Textual named them ¡ ™ £ ¢): with no edit open they
    change the tab; during an edit they are the escape, then the digit typed."""
    from textual.widgets import TabbedContent

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        table = await on_cell(screen, pilot, (*NEW, PERSONS))
        tabs = screen.query_one(TabbedContent)
        await terminal(app, pilot, "\x1b3")
        assert tabs.active == "tab-checks" and app.screen is screen
        await terminal(app, pilot, "\x1b1")
        assert tabs.active == "tab-tables" and app.focused is table
        await terminal(app, pilot, "7\x1b2")  # esc cancels the 7, then 2 starts a new edit
        assert tabs.active == "tab-tables" and table.editing == (*NEW, PERSONS) and table.buffer == "2"
        await terminal(app, pilot, "\r")
        assert screen.review.value((*NEW, PERSONS)) == 2


async def test_a_chord_the_terminal_encodes_itself_is_not_split(reports, ann_dir):
    """alt+up (CSI 1;3A) is a chord, not an escape typed before `up`: the report stays open."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await on_cell(screen, pilot, (*NEW, PERSONS))
        await terminal(app, pilot, "\x1b[1;3A")
        assert app.screen is screen


async def test_an_escape_typed_fast_in_the_note_stops_writing_it(reports, ann_dir):
    """Writing the note, `a b esc j k` from a terminal: the note is `ab` and no longer written, and
    `j k` move the report's cursor (the escape was dropped and `alt+j` typed nothing, so `k` went on
    into the note: `abk`)."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await burst(app, pilot, "alt+4", "enter")
        await terminal(app, pilot, "ab\x1bjk")
        note = app.screen.query_one("NoteArea")
        assert app.screen is screen and screen.review.note == "ab" and note.read_only
