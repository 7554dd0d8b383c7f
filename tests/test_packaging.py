"""`pip install .` (not only -e) ships everything the app reads at run time: the templates, the
stylesheet and the themes, which live in the top-level themes/ folder and install as
gik_tui.themes. Built as a wheel and installed into a fresh venv (its dependencies taken from
this environment: a venv of the venv the tests run in would not see them), then asked for its
themes and templates from outside the checkout."""

from __future__ import annotations

import os
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
    # installed into a folder of its own, put first on the path of this environment's Python (whose
    # packages it uses): the installed copy is imported, not the checkout's
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", str(site),
                    str(wheel)], check=True, capture_output=True)
    probe = ("import gik_tui, sys\n"
             "from gik_tui.app.themes import load_themes\n"
             "from gik_tui.core.templates import template_ids\n"
             "themes, warnings = load_themes(None)\n"
             "print(gik_tui.__file__)\n"
             "print(','.join(sorted(t.name for t in themes)), len(warnings), ','.join(template_ids()))\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path,
                         env=env).stdout.split("\n")
    assert out[0].startswith(str(site)), out  # the installed copy, not the checkout
    assert out[1] == "gik-colourblind,gik-dark,gik-daylight 0 gik-2019,gik-2021,legacy", out
