"""The cell bar: one line under the panes, the status of the cell under the cursor on the left and
its value in a small box on the right (like a spreadsheet's formula bar). `e` puts the cursor in
the box with the value selected, so typing replaces it. The bar is always there, so editing changes
no layout and costs a key press, not a repaint of the screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input

from ...core.values import parse_value
from ..themes import role_colours
from .status_line import StatusLine


class CellInput(Input):
    BINDINGS = [Binding("escape", "cancel", "cancel edit", id="cell.cancel")]

    def action_cancel(self) -> None:
        self.parent.cancel()  # type: ignore[union-attr]


class EditBar(Horizontal):
    DEFAULT_CSS = """
    EditBar { height: 1; background: $panel; }
    EditBar StatusLine { width: 1fr; padding: 0 1; }
    EditBar CellInput { width: 26; height: 1; border: none; padding: 0 1; background: $boost; }
    EditBar CellInput:focus { background: $accent 40%; border: none; }
    """

    class Committed(Message):
        """The analyst typed a value: None means blank."""

        def __init__(self, key, value) -> None:
            super().__init__()
            self.key = key
            self.value = value

    class Closed(Message):
        pass

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.key = None
        self.shown = ""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield CellInput("", id="edit-input", select_on_focus=True, placeholder="value")

    @property
    def is_open(self) -> bool:
        return self.key is not None

    def show_value(self, value: str) -> None:
        """The value of the cell under the cursor, shown while not editing."""
        self.shown = value
        if self.key is None:
            box = self.query_one(CellInput)
            if box.value != value:
                box.value = value

    def open(self, key, address: str, value: str) -> None:
        self.key = key
        self.query_one(StatusLine).text = Text(f"edit {address}: enter keeps · escape cancels · empty = blank",
                                               no_wrap=True, overflow="ellipsis")
        box = self.query_one(CellInput)
        box.value = value
        box.focus()
        box.select_all()

    def cancel(self) -> None:
        self.key = None
        self.query_one(CellInput).value = self.shown
        self.post_message(self.Closed())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.key is None:
            return
        text = event.value.strip()
        parsed = parse_value(text) if text else None
        if text and (parsed is None or parsed.value is None):
            self.query_one(StatusLine).text = Text(f"not a number: {text} — type a number, or nothing for blank",
                                                   style=f"bold {role_colours(self.app)['error']}", no_wrap=True)
            self.app.notify(f"not a number: {text}", severity="warning")
            return
        key = self.key
        self.key = None
        self.post_message(self.Committed(key, None if not text else parsed.value))
