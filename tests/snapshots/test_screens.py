"""Snapshots of the queue and the report screen at 160×48 (update: pytest --snapshot-update)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gik_tui.app.app import GikApp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the title shows the folder as given: keep it the same everywhere
    return GikApp("sample_reports", annotations=str(tmp_path / "ann"))


async def _loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_queue(snap_compare, app):
    assert snap_compare(app, terminal_size=(160, 48), run_before=_loaded)


def test_report(snap_compare, app):
    async def open_dongsheng(pilot):
        await _loaded(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 48), run_before=open_dongsheng)
