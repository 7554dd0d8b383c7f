"""The report screen, as a package: `screen.py` (compose, bindings, the tables, editing, routing),
`sections_pane.py`, `checks_pane.py` and `notes_pane.py` (the Sections, Checks and Notes tabs,
which post messages the screen routes) and `saving.py` (the unsaved state, the debounced save, conflicts and save-as)."""

from .screen import REPORT_KEYS, ReportScreen

__all__ = ["REPORT_KEYS", "ReportScreen"]
