"""Tests write annotation files directly (the app and export go through AnnotationFile)."""

from __future__ import annotations

import os
from pathlib import Path

from gik_tui.core.annotations import Annotation, to_toml
from gik_tui.core.files import write_atomic


def save(path: str | os.PathLike, a: Annotation) -> str:
    """Write an annotation atomically, as a save does; returns the text written."""
    text = to_toml(a)
    write_atomic(Path(path), text.encode("utf-8"))
    return text
