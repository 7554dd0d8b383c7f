"""`pip install .` (not only -e) ships everything the app reads at run time: the templates, the
stylesheet and the themes, which live in the top-level themes/ folder and install as
gik_tui.themes. Built as a wheel and installed into a fresh venv (its dependencies taken from
this environment), then asked for its themes and templates from outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_wheel_installed_in_a_fresh_venv_has_its_themes_and_templates(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path / "dist")],
                   check=True, capture_output=True)
    wheel = next((tmp_path / "dist").glob("gik_tui-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for f in ("gik_tui/themes/gik-dark.toml", "gik_tui/themes/gik-daylight.toml", "gik_tui/themes/gik-colourblind.toml",
              "gik_tui/core/templates/gik-2021.toml", "gik_tui/app/app.tcss", "gik_tui/core/readers/pdf.py",
              "gik_tui/core/readers/docx.py"):
        assert f in names, f
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True,
                   capture_output=True)
    probe = ("import gik_tui, sys\n"
             "from gik_tui.app.themes import load_themes\n"
             "from gik_tui.core.templates import template_ids\n"
             "themes, warnings = load_themes(None)\n"
             "print(gik_tui.__file__)\n"
             "print(','.join(sorted(t.name for t in themes)), len(warnings), ','.join(template_ids()))\n")
    out = subprocess.run([str(py), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path).stdout.split("\n")
    assert out[0].startswith(str(venv)), out  # the installed copy, not the checkout
    assert out[1] == "gik-colourblind,gik-dark,gik-daylight 0 gik-2019,gik-2021,legacy", out
