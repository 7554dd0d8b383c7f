"""The Checks tab: every check of the report with both sides, failing first. `enter` on a check
posts `ChecksPane.JumpTo` with its cells; the screen moves the cursor there. It reads the review
and knows nothing else of the screen."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import CellKey, CellRef, CheckResult
from ...core.review import Review
from ..themes import role_colours
from ..widgets.template_table import pane_width
from ..widgets.focus import KeepsFocusWhenShown


class ChecksPane(KeepsFocusWhenShown, DataTable):
    class JumpTo(Message):
        """Go to the first of these cells that is on screen."""

        def __init__(self, keys: list[CellKey]) -> None:
            super().__init__()
            self.keys = keys

    def __init__(self, **kw) -> None:
        super().__init__(cursor_type="row", **kw)
        self.checks: list[CheckResult] = []

    def _widths(self) -> tuple[int, int]:
        """The check id's width and the room for both sides: the pane's width (three fifths of the
        screen) less the mark, the id and the padding; the sides wrap within it."""
        pane = pane_width(self)
        ident = min(24, pane // 3)
        return ident, max(16, pane - ident - 1 - 6 - 2)

    def show(self, review: Review, across=()) -> None:
        """The review's checks, and `across` (core/years.YearCheck): the carry-over to and from the
        agency's reports of the year before and after, naming the other report."""
        ident, sides = self._widths()
        self.clear(columns=True)
        self.add_column(Text(""), width=1)
        self.add_column(Text("check"), width=ident)
        self.add_column(Text("both sides"), width=sides)
        years = [CheckResult(y.id, y.ok, y.message, tuple(CellRef(*k) for k in y.cells)) for y in across]
        self.checks = sorted([*review.checks(), *years], key=lambda c: c.ok)
        colour = role_colours(self.app)
        for i, c in enumerate(self.checks):
            self.add_row(Text("✓" if c.ok else "✗", style=colour["success"] if c.ok else f"bold {colour['error']}"),
                         Text(c.id, no_wrap=True, overflow="ellipsis"),
                         Text(c.message), key=str(i), height=None)  # the sides wrap: all of them show
        if not self.checks:
            self.add_row(Text(""), Text("no checks apply"), Text("(the tables are empty)"))

    def jump(self) -> None:
        """Post JumpTo for the check under the cursor."""
        if self.cursor_row < len(self.checks):
            self.post_message(self.JumpTo([ref.key for ref in self.checks[self.cursor_row].cells]))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.jump()
