"""The report screen, as a package: `screen.py` (compose, bindings, editing, and routing the
panes' messages), one module per tab — `tables_pane.py`, `sections_pane.py`, `checks_pane.py`,
`notes_pane.py` (each fills itself from the review and posts messages the screen routes) — and
`saving.py` (the unsaved state, the debounced save, conflicts and save-as)."""

from .screen import REPORT_KEYS, ReportScreen

__all__ = ["REPORT_KEYS", "ReportScreen"]
