"""The Checks tab: every check of the report with both sides, failing first. `enter` on a check is
the screen's `enter`, which moves the cursor to its cells at once (so a figure typed right after
goes there); a click posts `ChecksPane.JumpTo` with them. It reads the review and knows nothing
else of the screen."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import CellKey, CellRef, CheckResult
from ...core.review import Review
from ..themes import role_colours
from ..widgets.template_table import pane_width
from ..widgets.focus import KeepsFocusWhenShown


class ChecksPane(KeepsFocusWhenShown, DataTable):
    # the screen's enter, at once (DataTable's own posts RowSelected, handled after the keys behind it)
    BINDINGS = [Binding("enter", "screen.enter", show=False)]

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
        # choices the evidence did not make, until the analyst confirms their figures: with what waits
        unsure = [CheckResult("chosen.unsure", False, note + "; type the figures to confirm",
                              tuple(CellRef(*k) for k in keys), "pending", tuple(CellRef(*k) for k in keys))
                  for note, keys in review.unsure()]
        order = {"fails": 0, "pending": 1, "holds": 2}  # failing first, then what waits for a decision
        self.checks = sorted([*review.checks(), *years, *unsure], key=lambda c: order.get(c.state, 0))
        colour = role_colours(self.app)
        marks = {"holds": ("✓", colour["success"]), "fails": ("✗", f"bold {colour['error']}"),
                 "pending": ("…", colour["warning"])}
        for i, c in enumerate(self.checks):
            mark, style = ("?", colour["warning"]) if c.id == "chosen.unsure" else marks.get(c.state, marks["fails"])
            self.add_row(Text(mark, style=style),
                         Text(c.id, no_wrap=True, overflow="ellipsis"),
                         Text(c.message), key=str(i), height=None)  # the sides wrap: all of them show
        if not self.checks:
            self.add_row(Text(""), Text("no checks apply"), Text("(the tables are empty)"))

    def summary(self) -> str:
        """One line for the status line while the list has the focus: how many checks stand how."""
        n = {"fails": 0, "pending": 0, "holds": 0}
        for c in self.checks:
            n[c.state if c.state in n else "fails"] += 1
        return (f"checks: {n['fails']} failing, {n['pending']} pending, {n['holds']} hold"
                " · enter goes to the cells of the check under the cursor")

    def cells_at_cursor(self) -> list | None:
        """The cells of the check under the cursor (a pending check: the cells it waits for)."""
        if self.cursor_row < len(self.checks):
            chk = self.checks[self.cursor_row]
            return [ref.key for ref in (chk.waiting or chk.cells)]
        return None

    def check_at_cursor(self) -> str | None:
        """The id of the check under the cursor."""
        return self.checks[self.cursor_row].id if self.cursor_row < len(self.checks) else None

    def jump(self) -> None:
        """Post JumpTo for the check under the cursor (a click; `enter` jumps at once, in the
        screen, so the keys after it act on the cell it goes to)."""
        keys = self.cells_at_cursor()
        if keys is not None:
            self.post_message(self.JumpTo(keys))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.jump()
