"""A picture opened in the app: its recognised figures that the identities do not confirm are
blank, the status line says why, and `c` offers the readings with why; `enter` takes none that only
the picture's reading supports. Skipped without the OCR extra."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from gik_tui.core.readers import ocr

from .helpers import report_open, status

needs_engine = pytest.mark.skipif(not ocr.available(), reason=f"the OCR extra is not installed ({ocr.INSTALL})")
PICTURE = Path(__file__).parents[1] / "data" / "scans" / "table-page.png"
sys.path.insert(0, str(PICTURE.parent))
from engine import replaying  # noqa: E402 - the engine's recorded output on the picture
RULES = ("active", ("第二十条第（一）项", "行政规范性文件"), ("本年制发件数",))  # 11; 主动公开 has no identity


@needs_engine
async def test_a_recognised_figure_not_confirmed_is_offered_with_why(tmp_path, monkeypatch, ann_dir):
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path / "cache"))
    run = replaying()
    monkeypatch.setattr(ocr, "_engine", lambda: run)
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(PICTURE, folder / "scan.png")
    async with report_open(folder, ann_dir, "scan.png") as (app, pilot, screen):
        key = RULES
        assert screen.goto_cell(key)
        await pilot.pause()
        assert screen.review.value(key) is None
        said = status(screen)
        assert "recognised in a picture, not confirmed" in said and "first 11" in said and "enter does not" in said
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("enter")  # only the reading supports 11: enter does not take it
        await pilot.pause()
        assert type(app.screen).__name__ == "Choose"
        await pilot.press("1")
        await pilot.pause()
        assert screen.review.value(key) == 11

