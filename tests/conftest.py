from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_reports"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def extracted():
    """The extraction of each sample report, by file stem."""
    from gik_tui.core.extract import extract_path

    return {p.stem: extract_path(p) for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(autouse=True)
def _own_config(tmp_path_factory, monkeypatch):
    """Every test has its own settings folder: nothing reads or writes the user's."""
    monkeypatch.setenv("GIK_TUI_CONFIG", str(tmp_path_factory.mktemp("config")))
