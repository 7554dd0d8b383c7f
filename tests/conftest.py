from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import textual.constants

# Every app the tests start runs without animations (a tab's underline slides for 0.3 s, and each
# pilot.pause() waits for it): what is drawn once they settle is the same. App.__init__ reads this.
textual.constants.TEXTUAL_ANIMATIONS = "none"  # type: ignore[misc]

# a test runner's workers (pytest -n 2) share the cores as a batch's do: each OCR engine a share,
# not every core each (core/batch.share_cores)
if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
    from gik_tui.core.batch import share_cores

    share_cores(int(os.environ["PYTEST_XDIST_WORKER_COUNT"]))

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_reports"


@pytest.fixture(scope="session")
def samples(tmp_path_factory) -> Path:
    """The five sample reports, copied once a session: never the annotations an analyst left
    beside them by trying the app (`gik-tui` writes them in sample_reports/, and `check` and
    `export` apply them)."""
    return copy_samples(tmp_path_factory.mktemp("samples"))


def copy_samples(dest: Path) -> Path:
    """The five sample reports, copied into `dest` (made): the reports only, never annotations an
    analyst left beside them by trying the app (`gik-tui` writes them there)."""
    import shutil

    from gik_tui.core.readers import REPORT_SUFFIXES

    dest.mkdir(parents=True, exist_ok=True)
    for p in sorted(SAMPLES.iterdir()):
        if p.is_file() and p.name.lower().endswith(REPORT_SUFFIXES):
            shutil.copy(p, dest / p.name)
    return dest


@pytest.fixture(scope="session")
def extracted():
    """The extraction of each sample report, by file stem."""
    from gik_tui.core.extract import extract_path

    return {p.stem: extract_path(p) for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(autouse=True)
def _own_config(tmp_path_factory, monkeypatch):
    """Every test has its own settings folder: nothing reads or writes the user's. `d` marks done
    without asking there (the flows that press it test other things); tests/app/test_done.py asks."""
    folder = tmp_path_factory.mktemp("config")
    (folder / "settings.toml").write_text("ask_before_done = false\n", encoding="utf-8")
    monkeypatch.setenv("GIK_TUI_CONFIG", str(folder))


TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "gik_tui" / "core" / "templates"


@pytest.fixture
def fourth(tmp_path, monkeypatch):
    """gik-2027: a copy of the 2021 format under a new id, for reports on 2027 onward."""
    folder = tmp_path / "templates"
    folder.mkdir()
    text = (TEMPLATES / "gik-2021.toml").read_text(encoding="utf-8")
    text = text.replace('id = "gik-2021"', 'id = "gik-2027"', 1)
    text = re.sub(r"^years = \[2021\].*$", "years = [2027]", text, count=1, flags=re.M)
    text = re.sub(r'^title = ".*"$', 'title = "政府信息公开工作年度报告格式（2027）"', text, count=1, flags=re.M)
    (folder / "gik-2027.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("GIK_TUI_TEMPLATES", str(folder))
    reports = tmp_path / "reports"
    reports.mkdir()
    from gik_tui.core.synth import make_report

    rep = make_report(3, seed=5, template_id="gik-2021", layout="c", encoding="utf-8")
    data = rep.render().decode("utf-8").replace(f"{rep.year}年", "2027年")
    (reports / "r2027.txt").write_text(data, encoding="utf-8")
    return reports




@pytest.fixture(autouse=True)
def _no_extraction_cache(monkeypatch):
    """Tests extract every report anew (a test that counts or slows extraction must see it), and
    never touch the user's cache; tests/core/test_cache.py turns the cache on in a folder of its own."""
    monkeypatch.setenv("GIK_TUI_NO_CACHE", "1")
