"""The report screen, as a package: `screen.py` (compose, bindings, the panes and editing) and
`saving.py` (the unsaved state, the debounced save, conflicts and save-as)."""

from .screen import REPORT_KEYS, ReportScreen

__all__ = ["REPORT_KEYS", "ReportScreen"]
