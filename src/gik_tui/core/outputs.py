"""Where an output may be written: the one rule every output follows (extract and export files,
the app's export, an annotation saved under another name). Never onto one of the reports being
read, whatever the flags; an annotation never under a report's name. Whether an existing file may
be replaced is the caller's question to the analyst (--force, a dialog)."""

from __future__ import annotations

import os

from .files import is_one_of
from .readers import REPORT_SUFFIXES


def may_write(path: str | os.PathLike, inputs, annotation: bool = False) -> str:
    """Why `path` may not be written, in one line; "" when it may. `inputs`: the reports being
    read (links and `..` resolved); `annotation`: the output is an annotation file."""
    if is_one_of(path, inputs):
        return f"{path}: is one of the reports being read; not overwritten"
    if annotation and str(path).lower().endswith(REPORT_SUFFIXES):
        return f"{path}: that is a report's name; annotations are saved as .gik.toml files"
    return ""


def default_export_path(folder: str | os.PathLike, home: str | None = None) -> str:
    """Where the app proposes to export a folder's dataset: the analyst's Documents folder (else
    the home folder), named after the reports' folder — never inside the folder of reports (nor a
    checkout's bundled samples), which the dataset would then sit among."""
    home = home or os.path.expanduser("~")
    docs = os.path.join(home, "Documents")
    where = docs if os.path.isdir(docs) else home
    reports = os.path.realpath(folder)
    if os.path.commonpath([os.path.realpath(where), reports]) == reports:  # home is the reports' folder
        where = os.path.dirname(reports)
    name = os.path.basename(reports.rstrip(os.sep)) or "reports"
    return os.path.join(where, f"gik-export-{name}.csv")
