"""The source view wraps a long line of CJK text without cutting a figure across rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from gik_tui.app.widgets.source_view import wrap_offsets

ONE_LINE = (Path(__file__).resolve().parents[1] / "data" / "examples" / "2020_huaiyin_oneline.txt").read_text(
    encoding="utf-8").strip()


@pytest.mark.parametrize("width", [30, 41, 57, 80, 123])
def test_no_figure_cut_and_rows_fit(width):
    offsets = wrap_offsets(ONE_LINE, width, 4)
    rows = [ONE_LINE[a:b] for a, b in zip([0, *offsets], [*offsets, len(ONE_LINE)])]
    assert "".join(rows) == ONE_LINE
    assert all(cell_len(r) <= width for r in rows)
    assert not [o for o in offsets if ONE_LINE[o - 1].isdigit() and ONE_LINE[o].isdigit()]
    assert len(rows) >= cell_len(ONE_LINE) // width


def test_a_figure_longer_than_a_row_is_still_folded():
    text = "甲" * 5 + "1" * 30
    offsets = wrap_offsets(text, 10, 4)
    rows = [text[a:b] for a, b in zip([0, *offsets], [*offsets, len(text)])]
    assert all(cell_len(r) <= 10 for r in rows) and "".join(rows) == text
