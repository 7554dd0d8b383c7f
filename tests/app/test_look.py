"""Themes, settings, the palette and the overview."""

from __future__ import annotations

import os
from pathlib import Path

from gik_tui.app.app import GikApp
from gik_tui.app.screens.queue import QueueScreen
from gik_tui.app.report import ReportScreen
from gik_tui.app.themes import load_themes
from gik_tui.core.settings import Settings, load_settings, save_settings, settings_path

from .helpers import open_row, qrow, ready, settled

SIZE = (160, 48)


def test_shipped_themes_are_valid():
    themes, warnings = load_themes()
    assert warnings == []
    names = {t.name: t for t in themes}
    assert set(names) == {"gik-dark", "gik-daylight", "gik-colourblind"}
    assert names["gik-daylight"].dark is False and names["gik-dark"].dark is True
    for t in themes:
        assert {"gik-blank", "gik-low", "gik-edited", "gik-failing", "gik-stale", "gik-source"} <= set(t.variables)


def test_malformed_theme_file_gives_one_warning(tmp_path):
    d = tmp_path / "themes"
    d.mkdir()
    (d / "bad.toml").write_text('name = "bad"\nprimary = "notacolor"\n', encoding="utf-8")
    (d / "broken.toml").write_text('name = "x\n', encoding="utf-8")
    (d / "good.toml").write_text('name = "mine"\nprimary = "#123456"\n[variables]\ngik-low = "#ff0000"\n', encoding="utf-8")
    themes, warnings = load_themes(d)
    assert "mine" in {t.name for t in themes} and "bad" not in {t.name for t in themes}
    assert len(warnings) == 2
    assert any("bad.toml" in w and "'notacolor' is not a colour" in w for w in warnings)
    assert any("broken.toml" in w and "not valid TOML" in w for w in warnings)


async def test_malformed_theme_starts_with_default_and_warns(reports, ann_dir):
    cfg = Path(os.environ["GIK_TUI_CONFIG"])
    (cfg / "themes").mkdir(parents=True, exist_ok=True)
    (cfg / "themes" / "bad.toml").write_text('name = "bad"\nprimary = "notacolor"\n', encoding="utf-8")
    save_settings(Settings(theme="bad"))
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert app.theme == "gik-dark"
        messages = [n.message for n in app._notifications]
        assert any("bad.toml" in m and "not a colour" in m for m in messages)
        assert any("no theme named 'bad'" in m for m in messages)


async def test_theme_switch_is_live_and_remembered(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir), theme_name="gik-dark")
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        assert app.theme == "gik-dark"
        screen = await open_row(app, pilot, "2018_dongsheng.txt")
        failing = screen.table("stats")
        key = ("stats", ("依申请公开情况", "申请答复数", "不同意公开答复数"), ("统计数",))
        before = failing.get_cell_at(failing.coords[key]).style
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == "gik-daylight"
        after = failing.get_cell_at(failing.coords[key]).style
        assert "#ff6b6b" in str(before).lower() and "#b00020" in str(after).lower()
        assert load_settings()[0].theme == "gik-daylight"
        seen = []
        for _ in range(3):  # ctrl+t goes round gik-tui's own themes only
            await pilot.press("ctrl+t")
            await pilot.pause()
            seen.append(app.theme)
        assert seen == ["gik-colourblind", "gik-dark", "gik-daylight"]
    app2 = GikApp(str(reports), annotations=str(ann_dir))
    async with app2.run_test(size=SIZE) as pilot:
        await ready(app2, pilot)
        assert app2.theme == "gik-daylight"


async def test_settings_and_flags_precedence(reports, ann_dir, tmp_path):
    other = tmp_path / "from-settings"
    save_settings(Settings(theme="gik-daylight", annotator="李四", annotations=str(other),
                           section_threshold=50, keymap={"report.edit": "f2"}))
    s, warnings = load_settings()
    assert warnings == [] and s.section_threshold == 50
    app = GikApp(str(reports))  # no flags: the settings apply
    assert (app.workspace.annotations, app.workspace.annotator, app.workspace.section_threshold) == (str(other), "李四", 50)
    flagged = GikApp(str(reports), annotations=str(ann_dir), theme_name="gik-dark", annotator="王五")
    assert (flagged.workspace.annotations, flagged.workspace.annotator) == (str(ann_dir), "王五")
    async with flagged.run_test(size=SIZE) as pilot:
        await ready(flagged, pilot)
        assert flagged.theme == "gik-dark"
        row = qrow(flagged.screen.query_one("#queue-table"), reports / "2018_dongsheng.txt")
        assert row["headings"] == "9/9"  # threshold 50 (the template's is 75: 6/9): weaker matches count
        screen = await open_row(flagged, pilot, "2020_huaiyin.txt")
        await pilot.press("e")  # remapped to f2
        await pilot.pause()
        assert not screen.query_one("#edit-bar").is_open
        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one("#edit-bar").is_open
        await pilot.press(*"5", "enter")
        await pilot.pause()
        assert screen.save_now()
    from gik_tui.core.annotations import annotation_path, load

    assert load(annotation_path(reports / "2020_huaiyin.txt", ann_dir)).annotator == "王五"


def test_bad_settings_file_warns(tmp_path):
    p = tmp_path / "settings.toml"
    p.write_text("theme = 3\nsection_threshold = 900\nwhat = 1\n", encoding="utf-8")
    s, warnings = load_settings(p)
    assert s.section_threshold is None
    assert any("unknown setting 'what'" in w for w in warnings)
    assert any("between 0 and 100" in w for w in warnings)
    p.write_text("theme = [\n", encoding="utf-8")
    s, warnings = load_settings(p)
    assert s == Settings() and "using the defaults" in warnings[0]


def test_config_command(tmp_path):
    from click.testing import CliRunner

    from gik_tui.cli import main

    save_settings(Settings(theme="gik-daylight", keymap={"report.edit": "f2"}))
    r = CliRunner().invoke(main, ["config"])
    assert r.exit_code == 0
    assert f"settings file: {settings_path()}" in r.stdout
    assert "theme = 'gik-daylight'" in r.stdout and "report.edit=f2" in r.stdout


async def palette(app, pilot, text):
    """Run a palette command: ctrl+p, the query put in the palette's box at once (as pasted: one
    search instead of one per character), enter."""
    from textual.widgets import Input

    await pilot.press("ctrl+p")
    await pilot.pause()
    app.screen.query_one(Input).insert_text_at_cursor(text)
    await pilot.pause()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_palette_commands(reports, ann_dir, tmp_path):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await palette(app, pilot, "open report: 2018_liuzhi")
        assert isinstance(app.screen, ReportScreen) and app.screen.name_ == "2018_liuzhi.txt"
        await settled(app, pilot)
        await palette(app, pilot, "theme: gik-daylight")
        assert app.theme == "gik-daylight"
        await palette(app, pilot, "open report: 2019_lusong")  # it has issues to visit
        await settled(app, pilot)
        await palette(app, pilot, "jump to table: 行政复议")
        assert app.focused.spec.id == "review"
        await palette(app, pilot, "next issue")
        items = app.screen.review.attention()  # the palette's "next issue" lands on the first
        first = items[0] if items else None
        if first is None:
            assert any(n.message == "nothing needs attention" for n in app._notifications)
        elif first.kind == "heading":
            st = app.screen.query_one("#sections-table")
            assert app.focused is st and str(st.coordinate_to_cell_key(st.cursor_coordinate).row_key.value) == str(first.key)
        else:
            assert app.focused.key_at_cursor() == first.key
        await palette(app, pilot, "export the dataset")
        box = app.screen.query_one("#text")
        box.value = str(tmp_path / "out.csv")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
        assert text.startswith("source,agency,year") and "2020_huaiyin.txt" in text


async def test_overview(reports, ann_dir):
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await open_row(app, pilot, "2018_liuzhi.txt")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        text = str(app.screen.query_one("#overview").render())
        assert "done                1" in text and "new                 4" in text
        assert "政府信息公开情况统计表（2018年及以前）  1 report(s) · 1 check(s)" in text
        for line in ("2018        12", "2019        11", "2020        18"):
            assert line in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QueueScreen)


async def test_overview_counts_a_report_and_its_copy_once(reports, ann_dir):
    """The page and its attachment (or any two reports of one agency and year) giving the same
    figure are one agency-year in the requests per year (core/test_queue.py: two that disagree)."""
    import shutil

    shutil.copy(reports / "2020_huaiyin.txt", reports / "2020_huaiyin_copy.txt")
    app = GikApp(str(reports), annotations=str(ann_dir))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        text = str(app.screen.query_one("#overview").render())
        assert "2020        18" in text and "2019        11" in text
        assert "2 reports of 1 agency-year(s) give one figure and are counted once (淮阴区人民政府 2020)" in text
        assert "from 5 agency-year(s) that give the figure" in text
