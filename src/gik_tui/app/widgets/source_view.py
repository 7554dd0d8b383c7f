"""The report text, read-only, with line numbers, its headings marked and one span highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import TextArea

from ..safe import displayable

class SourceView(TextArea):
    """TextArea subclass: `show_span` highlights (row, start, end) in code points and scrolls to it."""

    BINDINGS = [
        Binding("j", "cursor_down", "down", show=False),
        Binding("k", "cursor_up", "up", show=False),
        Binding("h", "cursor_left", "left", show=False),
        Binding("l", "cursor_right", "right", show=False),
    ]

    def __init__(self, text: str, headings: list[int] | None = None, **kw) -> None:
        super().__init__(displayable(text), read_only=True, show_line_numbers=True, soft_wrap=True,
                         highlight_cursor_line=False, **kw)
        self.span: tuple[int, int, int] | None = None
        self.headings = set(headings or ())

    def on_mount(self) -> None:
        self.cursor_blink = False

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if line_index in self.headings:
            line.stylize("bold underline")
        if self.span is not None and self.span[0] == line_index:
            line.stylize("reverse bold", self.span[1], max(self.span[2], self.span[1] + 1))
        return line

    def show_span(self, row: int, start: int, end: int) -> None:
        old = self.span
        self.span = (row, start, end)
        self.notify_style_update()
        if old is None or old[0] != row:
            self.move_cursor((row, start), center=True)
        self.refresh()

    def clear_span(self) -> None:
        if self.span is not None:
            self.span = None
            self.notify_style_update()
            self.refresh()
