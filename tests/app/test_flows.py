"""Pilot tests of the analyst's flows: queue, report, cells and their sources, edits, headings,
done/next, saving and restoring, hostile text."""

from __future__ import annotations

import os

from gik_tui.app.app import GikApp
from gik_tui.app.screens.queue import QueueScreen
from gik_tui.app.report import ReportScreen
from gik_tui.app.widgets.template_table import TemplateTable
from gik_tui.core.annotations import annotation_path, load

from .helpers import disk_full, heading_row, open_row, qrow, ready, report_open, settled, source, status

SIZE = (160, 48)


async def test_queue_loads_and_filters(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert isinstance(app.screen, QueueScreen)
        table = app.screen.query_one("#queue-table")
        assert table.row_count == 5
        row = qrow(table, reports / "2019_lusong.txt")
        # its undecided cells make 37 checks pending, none failing: "failing" means its own sums break
        assert [row[k] for k in ("file", "agency", "year", "template", "headings", "cells", "failing", "pending",
                                 "low")] == [
            "2019_lusong.txt", "株洲市芦淞区人民政府", "2019", "gik-2019", "5/5", "58", "0", "37", "140"]
        assert qrow(table, reports / "2018_dongsheng.txt")["failing"] == "1"
        assert row["status"] == "new"
        # what matters first: narrow terminals show it
        assert list(row)[:5] == ["file", "status", "failing", "pending", "low"]
        await pilot.press("slash", *"芦淞")
        await pilot.pause()
        assert [str(k.value).rsplit("/", 1)[-1] for k in table.rows] == ["2019_lusong.txt"]
        await pilot.press("escape")
        await pilot.pause()
        assert table.row_count == 5


async def test_open_report_focuses_first_value_and_highlights_source(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await pilot.pause()
        table = app.focused
        assert isinstance(table, TemplateTable) and table.spec.id == "stats"
        key = table.key_at_cursor()
        assert key[1][-1] == "主动公开政府信息数" and screen.review.value(key) == 13173
        assert "= 13173" in status(screen) and "line 30" in status(screen)
        assert source(screen).span == (29, 0, 5)
        await pilot.press("j")
        await pilot.pause()
        assert table.key_at_cursor()[1][-1] == "主动公开规范性文件数"
        assert source(screen).span == (33, 0, 1)
        await pilot.press("k", "k")  # up past the first value row: group rows are passed over
        await pilot.pause()
        assert table.key_at_cursor()[1][-1] == "主动公开政府信息数" and app.focused is table
        table.move_cursor(row=0, column=0)  # the mouse can still put the cursor on a label
        await pilot.pause()
        assert "not a value cell" in status(screen)


async def test_the_status_line_says_where_a_value_stands_before_why(reports, ann_dir):
    """2019_lusong.txt: 自然人 of the new requests is undecided; its raw text is the row's two
    figures on two lines. The status line says where they stand (line, raw as it reads) before the
    long why, which a narrow line cuts, and never as an escaped Python string."""
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        assert screen.goto_cell(("requests", ("本年新收政府信息公开申请数量",), ("自然人",)))
        for _ in range(50):  # (the highlight's message reaches the status line a pause or more later)
            await pilot.pause()
            if "requests ›" in (said := status(screen)):
                break
        assert 'line 165, raw "11 ⏎ 11"' in said and "\\n" not in said
        where, why = said.index("line 165"), said.index("one question for")
        assert where < why


async def test_cell_without_source_says_so(reports, ann_dir):
    app = GikApp(str(reports / "2018_liuzhi.txt"), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        table = app.focused
        key = ("stats", ("主动公开情况", "主动公开政府信息数", "主动公开规范性文件数"), ("统计数",))
        table.move_cursor(row=table.coords[key][0], column=table.coords[key][1])
        await pilot.pause()
        assert "no source in the text" in status(screen)


async def test_edit_undo_redo_and_refusal(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        table = app.focused
        key = table.key_at_cursor()
        below = table.slots[table._next_after(*table.coords[key])]
        await pilot.press("e")  # edit with the value selected: typing replaces it
        await pilot.pause()
        bar = screen.query_one("#edit-bar")
        assert bar.is_open and bar.text == "13173" and app.focused is table
        await pilot.press(*"13000", "enter")
        await pilot.pause()
        assert screen.review.value(key) == 13000 and screen.review.is_edited(key)
        assert table.key_at_cursor() == below  # enter moves on to the next value cell
        assert table.get_cell_at(table.coords[key]).plain == "13000✎"
        await pilot.press("u")
        await pilot.pause()
        assert screen.review.value(key) == 13173
        assert table.key_at_cursor() == key  # undo goes to the cell it changed
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.review.value(key) == 13000
        assert "= 13000  (edited; extracted 13173)" in status(screen)  # the cell again, not the edit prompt
        await pilot.press(*"abc")  # letters do not start an edit: they are keys (a accepts a heading)
        await pilot.press("7", "a", "b", "enter")
        await pilot.pause()
        assert bar.is_open and app.focused is table  # refused, the edit stays open
        assert "not a number: 7ab" in status(screen)
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open and app.focused is table and screen.review.value(key) == 13000
        assert "not a number" not in status(screen)
        assert table.key_at_cursor() == key, (table.key_at_cursor(), status(screen))
        await pilot.press("x")
        await pilot.pause()
        assert screen.review.value(key) is None


async def test_an_edit_undone_leaves_the_report_new_in_the_queue(reports, ann_dir):
    """Edit a cell, save, undo, back to the queue: the report is new again, with no annotation file
    (the queue said "in progress" and kept a file of nothing)."""
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await pilot.press("e", *"5", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen.review.status == "in progress" and list(ann_dir.iterdir())
        await pilot.press("u", "ctrl+s")
        await pilot.pause()
        assert screen.review.status == "new" and not list(ann_dir.iterdir())
        await pilot.press("escape")
        await pilot.pause()
        row = qrow(app.screen.query_one("#queue-table"), reports / "2018_dongsheng.txt")
        assert row["status"] == "new" and row["saved"] == "—"


async def test_edit_reruns_checks(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        assert [c.id for c in screen.review.checks() if not c.ok] == ["stats.refused"]
        key = ("stats", ("依申请公开情况", "申请答复数", "不同意公开答复数"), ("统计数",))
        assert screen.goto_cell(key)
        await pilot.press("e", *"1", "enter")
        await pilot.pause()
        assert [c.id for c in screen.review.checks() if not c.ok] == ["stats.answered"]
        await pilot.press("t", "t")
        await pilot.pause()
        ct = screen.query_one("#checks-table")
        assert ct.get_row_at(0)[1].plain == "stats.answered"


async def test_checks_tab_enter_jumps_to_cells(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await pilot.press("t", "t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        table = app.focused
        assert isinstance(table, TemplateTable)
        assert table.key_at_cursor()[1][-1] == "不同意公开答复数"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert table.key_at_cursor()[1][-1] == "涉及国家秘密"


async def test_heading_picker_and_accept(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await pilot.press("t")
        await pilot.pause()
        st = screen.query_one("#sections-table")
        st.move_cursor(row=heading_row(screen, 53))  # 三、重点领域信息公开情况: unmatched
        await pilot.press("m")
        await pilot.pause()
        assert type(app.screen).__name__ == "HeadingPicker"
        await pilot.press(*"主动", "enter")
        await pilot.pause()
        h = screen.heading_by_line(53)
        assert screen.review.section_of(h) == ("主动公开政府信息情况", True)
        st.move_cursor(row=heading_row(screen, 72))  # 八、努力方向
        await pilot.press("a")
        await pilot.pause()
        assert screen.review.section_of(screen.heading_by_line(72)) == ("存在的主要问题及改进情况", True)
        st.move_cursor(row=heading_row(screen, 74))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"no section")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.review.section_of(screen.heading_by_line(74)) == (None, True)
        await pilot.press("u")
        await pilot.pause()
        assert screen.review.section_of(screen.heading_by_line(74)) == (None, False)


async def test_done_opens_next_not_done_and_saves(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_liuzhi.txt") as (app, pilot, screen):
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen) and app.screen.name_ == "2019_lusong.txt"
        a = load(annotation_path(reports / "2018_liuzhi.txt", ann_dir))
        assert a.status == "done"
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.name_ == "2020_huaiyin.txt"
        await pilot.press("p", "p")
        await pilot.pause()
        assert app.screen.name_ == "2018_liuzhi.txt"
        await pilot.press("escape")
        await pilot.pause()
        q = app.screen
        assert isinstance(q, QueueScreen)
        assert qrow(q.query_one("#queue-table"), reports / "2018_liuzhi.txt")["status"] == "done"


async def test_flag_with_note(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await open_row(app, pilot, "2019_lusong.txt")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"第二页缺失", "enter")
        await pilot.pause()
        a = load(annotation_path(reports / "2019_lusong.txt", ann_dir))
        assert (a.status, a.note) == ("flagged", "第二页缺失")


async def test_save_quit_restart_restores_everything(reports, ann_dir, monkeypatch):
    # the edits stay unsaved until ctrl+s here: the autosave's 0.8 s could pass between two keys of
    # a slow run and clear `dirty` before it is asserted
    monkeypatch.setattr("gik_tui.app.report.saving.SAVE_DELAY", 600.0)
    total = ("requests", ("本年度办理结果", "总计"), ("总计",))
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        assert screen.goto_cell(total)
        await pilot.press("e", *"12", "enter")
        await pilot.pause()
        blank = ("requests", ("本年度办理结果", "予以公开"), ("自然人",))
        screen.goto_cell(blank)
        await pilot.press("x")
        await pilot.pause()
        assert screen.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not screen.dirty
        await pilot.press("q")
        await pilot.pause()
    app2 = GikApp(str(reports), annotations=str(ann_dir))
    async with app2.run_test(size=SIZE) as pilot:
        await ready(app2, pilot)
        row = qrow(app2.screen.query_one("#queue-table"), reports / "2019_lusong.txt")
        assert row["status"] == "in progress" and row["saved"] != "—"
        screen = await open_row(app2, pilot, "2019_lusong.txt")
        assert screen.review.value(total) == 12 and screen.review.is_edited(total)
        assert screen.review.value(blank) is None and screen.review.is_edited(blank)
        t = screen.table("requests")
        assert t.get_cell_at(t.coords[total]).plain == "12!"  # edited and now failing the balance check


async def test_autosave_after_a_change(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        await pilot.press("x")
        await pilot.pause()
        screen.autosave()  # what the debounce timer calls
        assert not screen.dirty
        a = load(annotation_path(reports / "2020_huaiyin.txt", ann_dir))
        assert len(a.cells) == 1 and a.cells[0].value is None and a.cells[0].extracted == 0


async def test_hostile_text_is_shown_literally(tmp_path, ann_dir):
    hostile = tmp_path / "h"
    hostile.mkdir()
    text = ("[bold]某县人民政府[/]2019年政府信息公开年度报告\n一、总体情况[/]\n[@click=app.quit]点我[/]\n"
            "\x1b[31m红色\x1b[0m\x07\x08 \u202e倒序\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n"
            "规章 | [red]1 | 0 | 0 |\n")
    (hostile / "[red]x.txt").write_text(text, encoding="utf-8")
    app = GikApp(str(hostile), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        assert table.get_row_at(0)[0].plain == "[red]x.txt"
        screen = await open_row(app, pilot, "[red]x.txt")
        await pilot.pause()
        src = source(screen)
        assert "[bold]某县人民政府[/]" in src.text
        assert "\x1b" not in src.text and "␛[31m" in src.text and "\u202e" not in src.text
        assert screen.query_one("#report-title").text.plain.startswith("[red]x.txt · ")
        await pilot.press("t")
        await pilot.pause()
        st = screen.query_one("#sections-table")
        assert st.get_row_at(0)[2].plain == "一、总体情况[/]"
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_invalid_annotation_is_left_untouched(reports, ann_dir):
    bad = annotation_path(reports / "2019_lusong.txt", ann_dir)
    bad.write_text("schema = 1\n[review\n", encoding="utf-8")
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        row = qrow(app.screen.query_one("#queue-table"), reports / "2019_lusong.txt")
        assert row["agency"] == "株洲市芦淞区人民政府"
        screen = await open_row(app, pilot, "2019_lusong.txt")
        assert screen.ann_file.blocked
        assert any("not valid TOML" in n.message and "line" in n.message for n in app._notifications)
        await pilot.press("x")
        await pilot.pause()
        screen.autosave()
        assert screen.dirty  # kept in memory, not written over the invalid file
        assert bad.read_text(encoding="utf-8") == "schema = 1\n[review\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "AskText"  # where to save them
        box = app.screen.query_one("#text")
        box.value = str(ann_dir / "rescued.gik.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.dirty
        assert len(load(ann_dir / "rescued.gik.toml").cells) == 1
        assert bad.read_text(encoding="utf-8") == "schema = 1\n[review\n"


async def test_two_windows_never_overwrite_silently(reports, ann_dir):
    path = annotation_path(reports / "2020_huaiyin.txt", ann_dir)
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        # another window saves first
        path.write_text('schema = 1\n[report]\nsource = "2020_huaiyin.txt"\nsha256 = ""\ntemplate = "gik-2019"\n'
                        '[review]\nstatus = "done"\nnote = "other window"\nupdated = ""\n', encoding="utf-8")
        await pilot.press("x")
        await pilot.pause()
        assert not screen.save_now()
        assert "other window" in path.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("r")  # reload theirs
        await pilot.pause()
        assert screen.review.status == "done" and screen.review.note == "other window" and not screen.dirty


THEIRS = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))


async def _theirs_then_mine(path, pilot) -> None:
    """Another analyst saves a decision of theirs (THEIRS = 19) and a note; then 5 is typed here."""
    from gik_tui.core.annotations import Annotation, CellEdit

    from ..annotate import save

    save(path, Annotation(source="2020_huaiyin.txt", sha256="", template="gik-2019", note="复核过", annotator="li",
                          cells=(CellEdit(*THEIRS, 19, 18, "li", "2026-11-28T08:00:00+00:00"),)))
    await pilot.press("5", "enter")
    await pilot.pause()


async def test_two_analysts_merge_and_neither_loses_a_decision(reports, ann_dir):
    from gik_tui.core.annotations import load as load_annotation

    path = annotation_path(reports / "2020_huaiyin.txt", ann_dir)
    theirs = THEIRS
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        key = screen.current_table().key_at_cursor()
        await _theirs_then_mine(path, pilot)
        assert not screen.save_now()  # a conflict: nothing written over theirs
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("m")
        await pilot.pause()
        saved = load_annotation(path)
        assert {e.key: e.value for e in saved.cells} == {theirs: 19, key: 5}
        assert saved.note == "复核过" and not screen.dirty
        assert screen.review.value(theirs) == 19 and screen.review.value(key) == 5  # the window shows both
        assert status(screen).startswith("active › ")  # still the cell's line, not a heading's
        assert any("merged with the file on disk" in n.message for n in app._notifications)


async def test_failed_save_keeps_edits_and_says_so(reports, ann_dir, monkeypatch):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        disk_full(monkeypatch)
        await pilot.press("x")
        await pilot.pause()
        assert not screen.save_now()
        await pilot.pause()
        assert screen.dirty and "unsaved" in screen.query_one("#report-title").text.plain
        assert any("No space left on device" in n.message for n in app._notifications), [n.message for n in app._notifications]
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose" and app.is_running  # asks before losing work
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("s")  # save them as a new file: the report screen asks where
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "AskText" and "gik.toml" in app.screen.query_one("Input").value
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.dirty
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("y")  # quit and lose them
        await pilot.pause()
        assert app.return_code == 0


async def test_quitting_with_a_save_conflict_offers_the_merge(reports, ann_dir):
    """q while the annotation changed on disk since the report was opened: the question offers the
    merge that ctrl+s offers (first), which saves both analysts' decisions and quits."""
    from gik_tui.core.annotations import load as load_annotation

    path = annotation_path(reports / "2020_huaiyin.txt", ann_dir)
    theirs = THEIRS
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        key = screen.current_table().key_at_cursor()
        await _theirs_then_mine(path, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose" and app.is_running
        assert "changed on disk" in str(app.screen.query_one("#dialog-title").render())
        await pilot.press("m")
        await pilot.pause()
        await pilot.pause()
    saved = load_annotation(path)
    assert {e.key: e.value for e in saved.cells} == {theirs: 19, key: 5} and saved.note == "复核过"
    assert app.return_code == 0


async def test_unreadable_report_in_queue(reports, ann_dir):
    (reports / "empty.txt").write_bytes(b"")
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        row = qrow(table, reports / "empty.txt")
        assert row["agency"] == "empty file" and row["status"] == "error"
        await open_row_fail(app, pilot, "empty.txt")
        assert isinstance(app.screen, QueueScreen)
        assert any("empty.txt: empty file" in n.message for n in app._notifications)


async def open_row_fail(app, pilot, name):
    table = app.screen.query_one("#queue-table")
    keys = [str(k.value) for k in table.rows]
    table.move_cursor(row=next(i for i, k in enumerate(keys) if k.endswith(name)))
    await pilot.press("enter")
    await pilot.pause()


async def test_help_and_palette(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await open_row(app, pilot, "2019_lusong.txt")
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        import io

        from rich.console import Console

        console = Console(width=200, record=True, file=io.StringIO())
        for w in app.screen.query("Static"):
            console.print(w.content)
        shown = console.export_text()
        assert "first report" in shown and "last report" in shown  # (the queue table's own keys)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"flag")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "AskText"


async def test_metadata_correction_and_template_change(reports, ann_dir):
    async with report_open(reports, ann_dir, "2016_dongchang.txt") as (app, pilot, screen):
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#meta-agency").value = "通化市东昌区人民政府"
        dialog.query_one("#meta-template").value = "gik-2019"
        dialog.query_one("#meta-template").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.ex.template == "gik-2019"
        assert "通化市东昌区人民政府" in screen.query_one("#report-title").text.plain
        a = load(annotation_path(reports / "2016_dongchang.txt", ann_dir))
        assert a.meta_map == {"agency": "通化市东昌区人民政府", "template": "gik-2019"}
        await pilot.press("escape")
        await pilot.pause()
        row = qrow(app.screen.query_one("#queue-table"), reports / "2016_dongchang.txt")
        assert (row["agency"], row["template"]) == ("通化市东昌区人民政府", "gik-2019")


async def test_newcomer_walkthrough_then_export(reports, ann_dir):
    """The README's walkthrough: fix a cell of the 2019 report, map 努力方向 in the 2018 Dongsheng
    report, mark both done, quit, start again, find it all, export a CSV with the correction."""
    import csv
    import io

    from click.testing import CliRunner

    from gik_tui.cli import main

    key = ("active", ("第二十条第（八）项", "行政事业性收费"), ("本年增/减",))
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        screen.goto_cell(key)
        await pilot.press("e", *"0", "enter")
        await pilot.pause()
        await pilot.press("d")  # done → the next report not done
        await pilot.pause()
        await open_or_escape(app, pilot, "2018_dongsheng.txt")
        screen = app.screen
        await pilot.press("t")
        await pilot.pause()
        st = screen.query_one("#sections-table")
        st.move_cursor(row=heading_row(screen, 72))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"问题", "enter")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        assert qrow(table, reports / "2019_lusong.txt")["status"] == "done"
        assert qrow(table, reports / "2018_dongsheng.txt")["status"] == "done"
        screen = await open_row(app, pilot, "2018_dongsheng.txt")
        assert screen.review.section_of(screen.heading_by_line(72)) == ("存在的主要问题及改进情况", True)
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_row(app, pilot, "2019_lusong.txt")
        assert screen.review.value(key) == 0 and screen.review.is_edited(key)
    r = CliRunner().invoke(main, ["export", str(reports / "2019_lusong.txt"), "--annotations", str(ann_dir)])
    rows = list(csv.DictReader(io.StringIO(r.stdout_bytes.decode("utf-8-sig"))))
    row = next(x for x in rows if x["row"] == "第二十条第（八）项 / 行政事业性收费" and x["column"] == "本年增/减")
    assert (row["value"], row["extracted"], row["edited"], row["status"]) == ("0", "", "true", "done")


async def open_or_escape(app, pilot, name):
    from .helpers import open_row as _open

    if isinstance(app.screen, ReportScreen) and app.screen.name_ == name:
        return
    await pilot.press("escape")
    await pilot.pause()
    await _open(app, pilot, name)


async def test_accept_needs_a_suggestion_and_filter_is_not_too_loose(reports, ann_dir):
    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        await pilot.press("t")
        await pilot.pause()
        st = screen.query_one("#sections-table")
        st.move_cursor(row=heading_row(screen, 53))  # unmatched: its best candidate scores 60
        await pilot.press("a")
        await pilot.pause()
        assert screen.review.section_of(screen.heading_by_line(53)) == (None, False)
        assert any("no suggestion above the threshold" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash", *"dongsheng")
        await pilot.pause()
        table = app.screen.query_one("#queue-table")
        assert [str(k.value).rsplit("/", 1)[-1] for k in table.rows] == ["2018_dongsheng.txt"]
        app.screen.query_one("#queue-filter").value = "dongshen"  # a part of the name finds it
        await pilot.pause()
        assert [str(k.value).rsplit("/", 1)[-1] for k in table.rows] == ["2018_dongsheng.txt"]


async def test_the_app_uses_a_fourth_template(fourth, tmp_path):
    from gik_tui.app.app import GikApp

    from .helpers import open_row, ready

    app = GikApp(str(fourth), annotations=str(tmp_path / "ann"))
    async with app.run_test(size=(160, 48)) as pilot:
        await ready(app, pilot)
        row = qrow(app.screen.query_one("#queue-table"), fourth / "r2027.txt")
        assert row["template"] == "gik-2027" and row["year"] == "2027", row
        screen = await open_row(app, pilot, "r2027.txt")
        assert screen.ex.template == "gik-2027"
        await pilot.press("i")
        await pilot.pause()
        assert "gik-2027" in str(app.screen.query_one("#meta-template").value)


async def test_moving_past_a_tables_edge_enters_the_next_table(reports, ann_dir):
    from gik_tui.app.widgets.template_table import TemplateTable

    from .helpers import report_open

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        tables = screen.tables()
        first, second = tables[0], tables[1]
        first.focus()
        first.move_cursor(row=first.row_count - 1, column=1)
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is second and second.cursor_coordinate.row == 0
        await pilot.press("up")
        await pilot.pause()
        assert app.focused is first and first.cursor_coordinate.row == first.row_count - 1
        assert isinstance(app.focused, TemplateTable)


async def test_tab_switches_between_the_text_and_the_tables_and_back_to_the_same_cell(reports, ann_dir):
    from gik_tui.app.widgets.source_view import SourceView

    from .helpers import report_open

    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        await pilot.press("j", "j")
        await pilot.pause()
        table, key = app.focused, app.focused.key_at_cursor()
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, SourceView)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is table and table.key_at_cursor() == key


async def test_a_save_updates_the_queue_row_from_memory(reports, ann_dir, monkeypatch):
    """After a save the queue's row comes from the review in memory: nothing is read or
    extracted again on the UI thread."""
    import gik_tui.core.queue as core_queue

    from .helpers import report_open

    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        def no(*a, **kw):
            raise AssertionError("extracted again")

        monkeypatch.setattr(core_queue, "summarize", no)
        monkeypatch.setattr(core_queue, "OpenReport", None)  # summarize() would open it again
        before = app.workspace.summaries[screen.path]
        await pilot.press("d")  # done → saved → the next report opens
        await pilot.pause()
        after = app.workspace.summaries[str(reports / "2019_lusong.txt")]
        assert (before.status, after.status) == ("new", "done")
        assert after.saved and after.cells == before.cells and after.failing == before.failing
        row = qrow(app.queue.query_one("#queue-table"), reports / "2019_lusong.txt")
        assert row["status"] == "done"


async def test_the_footer_lists_the_keys_that_act_where_the_focus_is(reports, ann_dir):
    """The table's keys (e, c) are not offered in the Sections or Checks list, m (a heading's key)
    is not offered on a cell, and what enter does there is said first."""
    from .helpers import report_open

    def bar(screen) -> str:
        return " ".join(str(screen.query_one("KeyBar").render()).split())

    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        tables = bar(screen)
        assert "e edit" in tables and "c candidates" in tables and "map heading" not in tables
        tables_status = screen.status_line.text.plain.split("  ")[0]
        assert tables_status.startswith("stats › ")
        await pilot.press("t")  # Sections
        await pilot.pause()
        sections = bar(screen)
        assert sections.startswith("⏎ m map heading a accept heading")
        assert sections.count("map heading") == 1
        assert "e edit" not in sections and "c candidates" not in sections
        assert "d done" in sections and "? help" in sections
        await pilot.press("t")  # Checks
        await pilot.pause()
        checks = bar(screen)
        assert checks.startswith("⏎ jump to its cell")
        # the status line says how the checks stand, not what the heading said before
        assert screen.status_line.text.plain.startswith("checks: 1 failing, 0 pending, ")
        assert "e edit" not in checks and "map heading" not in checks and "] next issue" in checks
        await pilot.press("t")  # Notes: the status line says the note's keys, not the checks' enter
        await pilot.pause()
        assert screen.status_line.text.plain.startswith(f"{len(screen.ex.warnings)} warning(s) from reading the report above · enter writes")
        assert len(screen.ex.warnings) == 3
        await pilot.press("t")  # Tables again: the cell under the cursor, not the note's keys
        await pilot.pause()
        assert screen.status_line.text.plain.startswith(tables_status), screen.status_line.text.plain
        await pilot.press("T", "T", "T")  # (back through Notes and Checks) Sections again: the heading under the cursor
        await pilot.pause()
        assert screen.status_line.text.plain.startswith("heading line 7: candidates 概述 100")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # jumps to the check's cell: the table's keys again
        await pilot.pause()
        assert bar(screen) == tables
        await pilot.press("tab")  # the text: m maps the heading on its line, e edits nothing there
        await pilot.pause()
        text = bar(screen)
        assert "m map heading" in text and "e edit" not in text


async def test_typing_a_note_is_kept_and_saved(reports, ann_dir, monkeypatch):
    from gik_tui.core.annotations import annotation_path, load

    monkeypatch.setattr("gik_tui.app.report.saving.SAVE_DELAY", 600.0)  # saved by save_now below, not by the timer

    from .helpers import report_open

    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        assert not screen.dirty  # loading the note is not a change
        await pilot.press("t", "t", "t")
        await pilot.pause()
        assert app.focused.id == "note"
        await pilot.press("4", "1", "a")  # the note is not being written: these are report keys
        await pilot.pause()
        assert screen.review.note == "" and not screen.dirty
        assert app.focused.id == "note"  # a digit never switches the tab
        await pilot.press("enter", *"ok 4 1 i")  # enter: write; now every key is typed into it
        await pilot.pause()
        assert screen.review.note == "ok 4 1 i" and screen.dirty
        assert "esc" in str(screen.query_one("KeyBar").render())
        await pilot.press("escape")  # done with the note; the report stays open
        await pilot.pause()
        assert app.screen is screen and app.focused.id == "note" and app.focused.read_only
        footer = str(screen.query_one("KeyBar").render())  # the report's keys again, as they act on the note
        assert "⏎  write the note" in footer and "esc  back to queue" in footer and "e  edit" not in footer
        assert screen.save_now()
        assert load(annotation_path(reports / "2019_lusong.txt", ann_dir)).note == "ok 4 1 i"
        await pilot.press("escape")  # now escape goes back to the queue
        for _ in range(3):
            await pilot.pause()
        assert app.screen is not screen
        # a note is work on the report: no longer new (it had stayed "new" with the note on it)
        assert qrow(app.queue.query_one("#queue-table"), reports / "2019_lusong.txt")["status"] == "in progress"


async def test_decisions_made_in_the_app_reach_csv_jsonl_and_the_workbook(reports, ann_dir, tmp_path):
    """Round trip: a figure typed and a flag with its note, made with keys; exported from the app as
    CSV and as a workbook, and from the command line as JSONL; read back (heading decisions:
    tests/core/test_export.py)."""
    import csv
    import io

    import openpyxl
    import orjson
    from click.testing import CliRunner

    from gik_tui.cli import main

    app = GikApp(str(reports), annotations=str(ann_dir), annotator="zhao")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = await open_row(app, pilot, "2020_huaiyin.txt")
        key = screen.current_table().key_at_cursor()
        await pilot.press("7", "enter")
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"数字待核", "enter")
        await pilot.pause()
        for name in ("out.csv", "out.xlsx"):
            app.action_export()
            await pilot.pause()
            box = app.screen.query_one("Input")
            # proposed outside the folder of reports (issue 24, item 18)
            assert box.value.endswith(f"gik-export-{reports.name}.csv")
            assert not os.path.realpath(box.value).startswith(os.path.realpath(reports) + os.sep)
            box.value = str(tmp_path / name)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
    label = (key[0], " / ".join(key[1]), " / ".join(key[2]))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_bytes().decode("utf-8-sig"))))
    mine = next(r for r in rows if r["source"].endswith("2020_huaiyin.txt") and (r["table"], r["row"], r["column"]) == label)
    assert (mine["value"], mine["edited"], mine["edited_by"], mine["status"], mine["note"]) == \
        ("7", "true", "zhao", "flagged", "数字待核")
    assert mine["edited_at"].endswith("+00:00")
    wb = openpyxl.load_workbook(tmp_path / "out.xlsx")
    long = wb["long"]
    head = [c.value for c in long[1]]
    got = next(dict(zip(head, r)) for r in long.iter_rows(min_row=2, values_only=True)
               if str(r[0]).endswith("2020_huaiyin.txt") and (r[4], r[5], r[6]) == label)
    assert (got["value"], got["edited_by"], got["note"]) == (7, "zhao", "数字待核")
    j = CliRunner().invoke(main, ["export", str(reports), "--annotations", str(ann_dir), "--format", "jsonl"])
    recs = [orjson.loads(x) for x in j.stdout.splitlines()]
    rec = next(r for r in recs if r["source"].endswith("2020_huaiyin.txt") and (r["table"], r["row"], r["column"]) == label)
    assert (rec["value"], rec["edited_by"], rec["edited_at"]) == (7, "zhao", mine["edited_at"])


async def test_the_other_formats_tables_are_built_hidden_and_leave_the_report_alone(reports, ann_dir):
    """After the first report, the other formats' tables are built hidden (so the first report of
    another format opens fast); building them moves nothing the analyst sees."""
    from gik_tui.app.report.tables_pane import TablesPane

    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        before, span, focused = status(screen), source(screen).span, app.focused
        screen._prepare_tables()  # what the timer does a second after the report settled
        await pilot.pause()
        await pilot.pause()
        pane = screen.query_one(TablesPane)
        assert sorted(pane._boxes) == ["gik-2019", "gik-2021", "legacy"]
        assert [b.display for t, b in sorted(pane._boxes.items())] == [True, False, False]
        assert (status(screen), source(screen).span, app.focused) == (before, span, focused)
        assert [t.spec.id for t in pane.tables()] == ["active", "requests", "review"]
        await open_row_after_escape(app, pilot, "2018_dongsheng.txt")
        assert [t.spec.id for t in app.screen.query_one(TablesPane).tables()] == ["stats"]
        assert app.screen.review.value(("stats", ("主动公开情况", "主动公开政府信息数"), ("统计数",))) == 13173


async def open_row_after_escape(app, pilot, name):
    await pilot.press("escape")
    await pilot.pause()
    await open_row(app, pilot, name)


async def test_the_next_report_of_the_same_format_says_its_first_cell(reports, ann_dir):
    """`d` opens the next report into the same tables: the status line names the cell the cursor
    is on, not a cell the refilled tables passed over."""
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        await pilot.press("d")
        await pilot.pause()
        await settled(app, pilot)
        await pilot.pause()
        assert screen.name_ == "2020_huaiyin.txt"
        key = app.focused.key_at_cursor()
        assert key == ("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))
        assert status(screen).startswith("active › 第二十条第（一）项 › 规章 × 本年新制作数量 = 0"), status(screen)


async def test_a_row_the_template_does_not_list_is_shown_under_other_rows(reports, ann_dir):
    from gik_tui.core.model import OTHER_ROWS

    async with report_open(reports, ann_dir, "2018_dongsheng.txt") as (app, pilot, screen):
        table = screen.table("stats")
        labels = [str(table.get_row_at(r)[0]).strip() for r in range(table.row_count)]
        i = labels.index(OTHER_ROWS)
        assert labels[i + 1] == "政府公文公开政府信息数" and str(table.get_row_at(i + 1)[-1]) == "4072"
        assert "a row of the report's own" in table.labels[i + 1]
        # the cursor shows it: down from the last value row, up back (read only: no value cell)
        last = table.value_rows[-1]
        table.focus()
        table.move_cursor(row=last, column=max(table.value_cols[last]))
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor_coordinate.row == i + 1 and table.key_at_cursor() is None
        assert "政府公文公开政府信息数 = 4072" in status(screen) and "not in the template" in status(screen)
        await pilot.press("up")
        await pilot.pause()
        assert table.cursor_coordinate.row == last
