"""Snapshots of every screen in every gik-tui theme at 160×48, and of the queue, the report and its
tabs at 100×30 and 80×24 (update after an intended change: pytest --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gik_tui.app.app import GikApp
from gik_tui.core.settings import Settings

from ..app.helpers import heading_row

ROOT = Path(__file__).resolve().parents[2]
THEMES = ["gik-dark", "gik-daylight", "gik-colourblind"]


def make_app(tmp_path, monkeypatch, theme: str) -> GikApp:
    from textual.widgets import Input

    monkeypatch.chdir(ROOT)  # the title shows the folder as given: keep it the same everywhere
    # an input's cursor shown, never blinked off: on a loaded machine the blink's timer could fire
    # before the picture was taken (the details dialog's field drawn without its cursor)
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    return GikApp("sample_reports", annotations=str(tmp_path / "ann"), theme_name=theme, settings=Settings())


async def _loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _report(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("down", "enter")  # 2018_dongsheng.txt
    for _ in range(6):
        await pilot.pause()


async def _overview(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("o")
    await pilot.pause()


async def _help(pilot) -> None:
    await _loaded(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def _picker(pilot) -> None:
    await _report(pilot)
    await pilot.press("t")
    await pilot.pause()
    table = pilot.app.screen.query_one("#sections-table")
    table.move_cursor(row=heading_row(pilot.app.screen, 72))  # 八、努力方向
    await pilot.press("m")
    await pilot.pause()


async def _details(pilot) -> None:
    await _report(pilot)
    await pilot.press("i")
    await pilot.pause()


SCREENS = {"queue": _loaded, "report": _report, "overview": _overview, "help": _help, "picker": _picker,
           "details": _details}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, tmp_path, monkeypatch, screen, theme):
    app = make_app(tmp_path, monkeypatch, theme)
    assert snap_compare(app, terminal_size=(160, 48), run_before=SCREENS[screen])


def test_report_small_terminal(snap_compare, tmp_path, monkeypatch):
    app = make_app(tmp_path, monkeypatch, "gik-dark")
    assert snap_compare(app, terminal_size=(100, 30), run_before=_report)


def _report_then(*keys: str):
    """The report screen (2018_dongsheng.txt), then these keys."""
    async def run(pilot) -> None:
        await _report(pilot)
        await pilot.press(*keys)
        await pilot.pause()
    return run


_sections = _report_then("t")
_checks = _report_then("t", "t")
_typing = _report_then("j", "4", "2")  # typing into 主动公开规范性文件数: the cell bar and the key bar say so


SMALL = {"queue": _loaded, "report": _report, "sections": _sections, "checks": _checks, "typing": _typing,
         "help": _help}


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (200, 60)])
@pytest.mark.parametrize("screen", list(SMALL))
def test_small_terminals(snap_compare, tmp_path, monkeypatch, screen, size):
    """What carries meaning stays in view from 80×24 to 200×60: the queue's status, failing and
    unsure columns and ? and q in the footer, a heading's section and who decided it, both sides of
    a check, the cell being typed into and its confidence, the help's columns wrapping under
    themselves."""
    app = make_app(tmp_path, monkeypatch, "gik-dark")
    assert snap_compare(app, terminal_size=size, run_before=SMALL[screen])
