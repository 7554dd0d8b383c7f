"""The report screen, as a package: `screen.py` (compose, bindings, loading, and routing what the
app and the panes say), one module per tab — `tables_pane.py`, `sections_pane.py`, `checks_pane.py`,
`notes_pane.py` (each fills itself from the review and posts messages the screen routes) — and one
per concern of the screen: `editing.py` (the cell bar, clear, undo, redo), `headings.py` (mapping
headings to sections) and `saving.py` (the unsaved state, the debounced save, conflicts, save-as)."""

from .screen import REPORT_KEYS, ReportScreen

__all__ = ["REPORT_KEYS", "ReportScreen"]
