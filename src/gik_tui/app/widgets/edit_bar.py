"""The cell bar: one line under the panes, the status of the cell under the cursor on the left and
its value in a small box on the right (like a spreadsheet's formula bar). While a figure is typed
into a table the box shows it as it is typed; the typing itself happens in the table
(widgets/template_table.py), which keeps the focus, so no key is ever lost between the two. The bar
is always there, so editing changes no layout."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal

from ..safe import displayable
from ..themes import role_colours
from .status_line import StatusLine


class EditBar(Horizontal):
    DEFAULT_CSS = """
    EditBar { height: 1; background: $panel; }
    EditBar #status { width: 1fr; padding: 0 1; }
    EditBar #edit-value { width: 26; height: 1; padding: 0 1; background: $boost; }
    EditBar.-editing #edit-value { background: $accent 40%; }
    """

    def __init__(self, **kw) -> None:
        super().__init__(**kw)
        self.key = None  # the cell being typed into, or None
        self.shown = ""

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield StatusLine(id="edit-value")  # a line redrawn in place: no layout pass per key

    @property
    def is_open(self) -> bool:
        return self.key is not None

    @property
    def text(self) -> str:
        """What the value box shows."""
        return self.query_one("#edit-value", StatusLine).text.plain

    def _box(self, text: str) -> None:
        self.query_one("#edit-value", StatusLine).text = Text(displayable(text), no_wrap=True, overflow="ellipsis")

    def show_value(self, value: str) -> None:
        """The value of the cell under the cursor, shown while not editing."""
        self.shown = value
        if self.key is None:
            self._box(value)

    def show_edit(self, key, address: str, text: str | None, error: str = "", selected: bool = False) -> None:
        """What is being typed into `key` (`text` None: the edit ended); `error`: why it was refused."""
        status = self.query_one(StatusLine)
        if text is None:
            self.key = None
            self.remove_class("-editing")
            self._box(self.shown)
            return
        self.key = key
        self.add_class("-editing")
        self.query_one("#edit-value", StatusLine).text = (
            Text(displayable(text), style="reverse", no_wrap=True) if selected and text
            else Text(displayable(text + "▏"), no_wrap=True, overflow="ellipsis"))
        if error:
            status.text = Text(displayable(f"{error} — type a number (several: spaces between), nothing for "
                                           "blank; escape cancels"),
                               style=f"bold {role_colours(self.app)['error']}", no_wrap=True, overflow="ellipsis")
        else:
            status.text = Text(displayable(f"edit {address}: enter puts it in and moves right · arrows put it in "
                                           "and move · escape cancels · nothing = blank · spaces: a row"),
                               no_wrap=True, overflow="ellipsis")
