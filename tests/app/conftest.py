from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import copy_samples

SAMPLES = Path(__file__).resolve().parents[2] / "sample_reports"


@pytest.fixture
def reports(tmp_path) -> Path:
    """A copy of the sample reports (the app may write annotations beside them)."""
    return copy_samples(tmp_path / "reports")


@pytest.fixture
def ann_dir(tmp_path) -> Path:
    d = tmp_path / "ann"
    d.mkdir()
    return d
