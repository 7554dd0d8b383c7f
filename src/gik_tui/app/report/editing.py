"""Editing the report's cells: the cell bar (`e`, enter), clearing (`x`), undo and redo, and what
every change redraws. A mixin of ReportScreen: it uses the screen's `review`, its `TablesPane`,
`EditBar` and `TabbedContent`, `current_table()`, `on_cell_moved()`, `goto_cell()`,
`refresh_panes()` and `mark_dirty()` (saving.py)."""

from __future__ import annotations

from textual.widgets import TabbedContent

from ..widgets.edit_bar import EditBar
from ..widgets.template_table import fmt_number
from .tables_pane import TablesPane


class Editing:
    def action_edit(self) -> None:
        t = self.current_table()
        if t is None:
            return
        key = t.key_at_cursor()
        if key is None:
            self.notify("not a value cell")
            return
        cur = self.review.value(key)
        address = f"{key[0]} › {' › '.join(key[1]) or '—'} × {' › '.join(key[2])}"
        self._editing_from = t
        self.query_one(EditBar).open(key, address, fmt_number(cur))

    def on_edit_bar_committed(self, event: EditBar.Committed) -> None:
        self._refocus_after_edit()
        if event.key is not None:
            self.review.set_cell(event.key, event.value)
            self.after_change([event.key])
        t = getattr(self, "_editing_from", None)
        if t is not None:
            self.on_cell_moved(t)  # the status line tells the cell again, not the edit prompt

    def on_edit_bar_closed(self, event: EditBar.Closed) -> None:
        self._refocus_after_edit()
        t = self.current_table()
        if t is not None:
            self.on_cell_moved(t)

    def _refocus_after_edit(self) -> None:
        t = getattr(self, "_editing_from", None)
        if t is not None and t in self.tables():
            t.focus()

    def action_clear(self) -> None:
        t = self.current_table()
        key = t.key_at_cursor() if t else None
        if key is None:
            return
        self.review.set_cell(key, None)
        self.after_change([key])

    def action_undo(self) -> None:
        ch = self.review.undo()
        if ch is None:
            self.notify("nothing to undo")
            return
        self.after_change([ch.key] if ch.kind == "cell" else [], ch)

    def action_redo(self) -> None:
        ch = self.review.redo()
        if ch is None:
            self.notify("nothing to redo")
            return
        self.after_change([ch.key] if ch.kind == "cell" else [], ch)

    def after_change(self, keys, change=None) -> None:
        """Every change re-runs the checks at once and redraws what they touch: the changed cells,
        the cells whose check state changed, and the Checks and Sections panes."""
        before = self._failing_shown
        after = self.review.failing_cells()
        touched = set(keys) | (before ^ after)
        self._failing_shown = set(after)
        self.query_one(TablesPane).refresh_cells(touched)
        self._panes_stale = True
        if self.query_one(TabbedContent).active != "tab-tables" or (change is not None and change.kind == "section") \
                or not keys:
            self.refresh_panes()
        self.mark_dirty()
        if change is not None and change.kind == "cell":
            self.goto_cell(change.key)
        t = self.current_table()
        if t is not None:
            self.on_cell_moved(t)
