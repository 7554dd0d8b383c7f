"""The app under bad input and change: broken files in the queue, a report deleted or rewritten
while open, a tiny terminal, a newer annotation schema, a full disk."""

from __future__ import annotations


from gik_tui.app.app import GikApp
from gik_tui.app.screens.queue import QueueScreen
from gik_tui.app.report import ReportScreen
from gik_tui.core.annotations import annotation_path

from ..badinput import make_corpus
from .helpers import disk_full, open_row, qrow, ready, report_open, source

SIZE = (160, 48)


async def test_queue_of_bad_files_keeps_working(tmp_path, ann_dir):
    d = tmp_path / "bad"
    cases = {c.name: c for c in make_corpus(d, big=False)}  # all but the 20 MB report
    app = GikApp(str(d))  # the corpus's hostile annotations are beside its reports
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        assert table.row_count == len(cases)
        for name, case in cases.items():
            row = qrow(table, d / name)
            if case.error:
                assert row["status"] == "error" and case.error in row["agency"], (name, row)
            elif case.annotation:
                assert row["status"] == "annotation?", (name, row)
            else:
                assert row["status"] == ("flagged" if name == "hostile.txt" else "new"), (name, row)
        for name, case in cases.items():
            keys = [str(k.value) for k in table.rows]
            table.move_cursor(row=keys.index(str(d / name)))
            await pilot.press("enter")
            await pilot.pause()
            if case.error:
                assert isinstance(app.screen, QueueScreen), name
            else:
                assert isinstance(app.screen, ReportScreen), name
                if case.annotation:  # opened with its bad annotation named; left without an edit
                    assert any(case.annotation in n.message for n in app._notifications), name
                else:
                    await pilot.press("j", "k", "right_square_bracket", "t", "t", "t", "1")
                    await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
        assert app.is_running
        hostile = await open_row(app, pilot, "hostile.txt")
        text = source(hostile).text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        assert "␛[31m" in text and "␇" in text and "[bold]某县人民政府[/]" in text
        # the hostile annotation's agency (the i dialog) and note (the Notes tab): shown, never sent
        await pilot.press("i")
        await pilot.pause()
        assert type(app.screen).__name__ == "MetaDialog"
        _no_control(app, "hostile annotation's agency")
        await pilot.press("escape", "t", "t", "t")
        await pilot.pause()
        _no_control(app, "hostile annotation's note")


async def test_tiny_terminal_and_back(reports, ann_dir):
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.press("j", "e", "1", "enter", "t", "m")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert app.screen is screen and app.is_running
        assert [e.value for e in screen.review.edits.values()] == [1]


async def test_report_deleted_or_rewritten_while_open(reports, ann_dir):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        (reports / "2020_huaiyin.txt").unlink()
        await pilot.press("x", "ctrl+s")
        await pilot.pause()
        assert not screen.dirty  # the annotation does not need the report
        await pilot.press("escape")
        await pilot.pause()
        row = qrow(app.screen.query_one("#queue-table"), reports / "2020_huaiyin.txt")
        assert row["status"] == "error" and "no such file" in row["agency"]
        screen = await open_row(app, pilot, "2019_lusong.txt")
        await pilot.press("x")
        await pilot.pause()
        screen.save_now()
        text = (reports / "2019_lusong.txt").read_text(encoding="utf-8")
        (reports / "2019_lusong.txt").write_text(text.replace("14246.73万", "14246.74万"), encoding="utf-8")
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_row(app, pilot, "2019_lusong.txt")
        assert screen.review.source_changed
        assert any("changed since it was annotated" in n.message for n in app._notifications)


async def test_newer_schema_is_read_only(reports, ann_dir):
    path = annotation_path(reports / "2019_lusong.txt", ann_dir)
    path.write_text("schema = 7\n[review]\nstatus = 'done'\n", encoding="utf-8")
    async with report_open(reports, ann_dir, "2019_lusong.txt") as (app, pilot, screen):
        assert screen.ann_file.blocked
        assert any("newer gik-tui" in n.message for n in app._notifications)
        await pilot.press("x")
        await pilot.pause()
        screen.autosave()
        assert path.read_text(encoding="utf-8").startswith("schema = 7")


async def test_full_disk_offers_to_save_elsewhere(reports, ann_dir, monkeypatch, tmp_path):
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        disk_full(monkeypatch, ann_dir)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "AskText"
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        app.screen.query_one("#text").value = str(elsewhere / "huaiyin.gik.toml")
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.dirty and (elsewhere / "huaiyin.gik.toml").exists()


async def test_queue_of_ten_thousand_with_broken_files(tmp_path, ann_dir):
    d = tmp_path / "many"
    d.mkdir()
    body = "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n".encode()
    for i in range(10_000):
        (d / f"r{i:05d}.txt").write_bytes(b"" if i % 1000 == 7 else body)
    app = GikApp(str(d), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#queue-table")
        assert table.row_count == 10_000  # listed before any extraction
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = [p for p, s in app.workspace.summaries.items() if s.status == "error"]
        assert len(errors) == 10 and all(s.error == "empty file" for p, s in app.workspace.summaries.items() if p in errors)
        assert qrow(table, d / "r00007.txt")["agency"] == "empty file"
        table.move_cursor(row=7)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen) and app.is_running
        table.move_cursor(row=8)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen)


async def test_unsaved_work_is_not_lost_from_the_queue(reports, ann_dir, monkeypatch):
    """A save that fails on leaving a report keeps it: opening another report or quitting from the
    queue brings it back instead of dropping the edits."""
    async with report_open(reports, ann_dir, "2020_huaiyin.txt") as (app, pilot, screen):
        disk_full(monkeypatch)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen) and screen.dirty
        table = app.screen.query_one("#queue-table")
        table.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.name_ == "2020_huaiyin.txt" and screen.dirty
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose" and app.is_running


_CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, *range(0x80, 0xA0),
                             0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)]


def _no_control(app, where: str) -> None:
    svg = app.export_screenshot()
    found = sorted({f"U+{ord(ch):04X}" for ch in svg if ch in _CONTROL})
    assert not found, (where, found)


async def test_no_control_character_reaches_any_screen(tmp_path, ann_dir):
    """A hostile report (escape sequences in its title and text) with a hostile annotation (OSC 52
    in the note, the agency and a heading decision): every screen, dialog and input box shows the
    sequences as visible symbols; none reaches the terminal."""
    from gik_tui.core.annotations import Annotation, SectionDecision
    from ..annotate import save

    d = tmp_path / "r"
    d.mkdir()
    osc52 = "\x1b]52;c;cHduZWQ=\x1b\\"
    text = ("\x1b[5m某县\u202e人民政府2020年政府信息公开工作年度报告\n一、总体情况\x07\n" + osc52 + "正文\n"
            "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n")
    (d / "evil.txt").write_text(text, encoding="utf-8")
    save(annotation_path(d / "evil.txt", ann_dir),
         Annotation(source="evil.txt", sha256="", template="gik-2021", status="flagged",
                    note="复制我" + osc52 + "\x1b[2J", meta=(("agency", "某县" + osc52 + "\u202e政府"),),
                    sections=(SectionDecision("一、总体情况\x07", 2, "总体情况"),)))
    app = GikApp(str(d), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        _no_control(app, "queue")
        await open_row(app, pilot, "evil.txt")
        # (keys to press, the screen then shown, keys that leave it); the dialogs first, while the
        # focus is on a table (in the Notes tab the keys would be typed into the note)
        steps = [("i", "MetaDialog", ("escape",)), ("f", "AskText", ("escape",)),
                 (("t", "m"), "HeadingPicker", ("escape",)),  # over a heading with a bell in it
                 ("question_mark", "HelpScreen", ("escape",)),
                 ("1", "ReportScreen", ()), ("t", "ReportScreen", ()), ("t", "ReportScreen", ()),
                 ("t", "ReportScreen", ("escape",)), ("o", "OverviewScreen", ())]
        for keys, shown, leave in steps:
            await pilot.press(*((keys,) if isinstance(keys, str) else keys))
            await pilot.pause()
            assert type(app.screen).__name__ == shown, (keys, app.screen)
            _no_control(app, f"{shown} after {keys}")
            if leave:
                await pilot.press(*leave)
                await pilot.pause()


async def test_in_app_export_names_left_out_annotations_and_never_replaces_a_file_unasked(reports, ann_dir):
    from textual.widgets import Input

    annotation_path(reports / "2019_lusong.txt", ann_dir).write_text(
        'schema = 99\n[report]\nsource = "2019_lusong.txt"\n', encoding="utf-8")
    out = reports.parent / "out.csv"
    out.write_text("keep", encoding="utf-8")
    app = GikApp(str(reports), annotations=str(ann_dir))
    notes = []
    real = app.notify
    app.notify = lambda message, **kw: (notes.append(str(message)), real(message, **kw))[1]
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)

        async def export_to(path) -> None:
            app.action_export()  # the palette's "export the dataset (CSV)"
            await pilot.pause()
            app.screen.query_one("#text", Input).value = str(path)
            await pilot.press("enter")
            await pilot.pause()

        await export_to(reports / "2019_lusong.txt")  # onto a report: refused
        assert any("is one of the reports being read; not overwritten" in n for n in notes), notes
        await export_to(out)  # an existing file: asked, kept on "n"
        await pilot.press("n")
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == "keep"
        await export_to(out)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert out.read_text(encoding="utf-8-sig").startswith("source,")
        assert any("1 annotation(s) left out" in n and "2019_lusong.txt.gik.toml" in n for n in notes), notes


async def test_wrong_types_and_an_unknown_template_in_an_annotation_do_not_crash_the_app(reports, ann_dir):
    """`[meta] template = "gik-9999"`, `agency = 123`, `year = "abc"` and a NaN value: the queue
    says the annotation is in trouble (not the report), the report opens with the parts that were
    right (status, the good cell), the overview draws, and the app says what was left out."""

    annotation_path(reports / "2019_lusong.txt", ann_dir).write_text(
        'schema = 1\n[report]\nsource = "2019_lusong.txt"\n[meta]\ntemplate = "gik-9999"\nagency = 123\nyear = "abc"\n'
        '[review]\nstatus = "done"\n[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "总计"]\nvalue = 7\n'
        '[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "维持"]\nvalue = nan\n', encoding="utf-8")
    app = GikApp(str(reports), annotations=str(ann_dir))
    notes = []
    real = app.notify
    app.notify = lambda message, **kw: (notes.append(str(message)), real(message, **kw))[1]
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        row = qrow(table, reports / "2019_lusong.txt")
        assert row["status"] == "annotation?" and row["agency"] == "株洲市芦淞区人民政府" and row["template"] == "gik-2019", row
        screen = await open_row(app, pilot, "2019_lusong.txt")
        assert screen.review.status == "done" and screen.review.value(("review", (), ("行政复议", "总计"))) == 7
        assert screen.ex.template == "gik-2019"
        assert any("meta.template 'gik-9999' is not a known format" in n and "left out" in n for n in notes), notes
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert app.is_running


def test_the_app_says_when_its_cache_was_set_aside(tmp_path, monkeypatch, reports, ann_dir):
    from gik_tui.app.app import GikApp
    from gik_tui.core import cache

    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / cache.DB_NAME).write_bytes(b"garbage" * 100)
    cache._default.clear()
    try:
        app = GikApp(str(reports), annotations=str(ann_dir))
        assert any("set aside" in w for w in app.startup_warnings)
    finally:
        cache._default.clear()
