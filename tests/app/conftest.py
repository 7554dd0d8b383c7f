from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "sample_reports"


@pytest.fixture
def reports(tmp_path) -> Path:
    """A copy of the sample reports (the app may write annotations beside them)."""
    d = tmp_path / "reports"
    shutil.copytree(SAMPLES, d)
    return d


@pytest.fixture
def ann_dir(tmp_path) -> Path:
    d = tmp_path / "ann"
    d.mkdir()
    return d
