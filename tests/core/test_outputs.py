"""Where outputs may go, and where the app proposes to export (core/outputs.py)."""

from __future__ import annotations

import os

from gik_tui.core.outputs import default_export_path


def test_the_proposed_export_is_never_inside_the_reports_folder(tmp_path):
    home = tmp_path / "home"
    reports = home / "reports"
    reports.mkdir(parents=True)
    assert default_export_path(str(reports), str(home)) == str(home / "gik-export-reports.csv")
    (home / "Documents").mkdir()
    assert default_export_path(str(reports), str(home)) == str(home / "Documents" / "gik-export-reports.csv")
    # started in the home folder itself (a fresh install): beside it, not in it
    got = default_export_path(str(home), str(home))
    assert os.path.dirname(got) == str(tmp_path) and got.endswith("gik-export-home.csv")
    # a checkout's bundled samples: the export goes to the analyst's folder, not into the checkout
    checkout = tmp_path / "gik-tui" / "sample_reports"
    checkout.mkdir(parents=True)
    assert not default_export_path(str(checkout), str(home)).startswith(str(tmp_path / "gik-tui"))
