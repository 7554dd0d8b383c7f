"""The report text, read-only, with line numbers, its headings marked and one span highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from ..safe import displayable
from .keys import vim_keys

MAX_LINE = 60_000  # a longer line is shown cut (the extraction still reads all of it); a report
# scraped onto one line is shown whole, wrapped
MAX_LINES = 20_000  # a report is never this long; a file that is gets its first lines shown
WRAP_LIMIT = 1_000_000  # soft wrapping a longer text costs seconds: it is shown unwrapped


def for_display(text: str) -> str:
    """The report as shown: control characters visible, very long lines cut with a note. Offsets
    inside the shown part of a line are unchanged, so highlights still land."""
    text = displayable(text)
    lines = text.split("\n")
    if len(lines) <= MAX_LINES and (len(text) < MAX_LINE or all(len(line) <= MAX_LINE for line in lines)):
        return text
    shown = [line if len(line) <= MAX_LINE else f"{line[:MAX_LINE]} … [{len(line) - MAX_LINE:,} more characters not shown]"
             for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(f"… [{len(lines) - MAX_LINES:,} more lines not shown]")
    return "\n".join(shown)


class SourceView(TextArea):
    """TextArea subclass: `show_span` highlights (row, start, end) in code points and scrolls to it."""

    BINDINGS = vim_keys("source")

    def __init__(self, text: str, headings: dict[int, list[tuple[int, int]]] | None = None, **kw) -> None:
        super().__init__(displayable(text), read_only=True, show_line_numbers=True, soft_wrap=True,
                         highlight_cursor_line=False, **kw)
        self.span: tuple[int, int, int] | None = None
        self.headings = dict(headings or {})  # 0-based line → (start, end) columns of its headings
        self.highlight = ""  # the theme's gik-source colour

    def on_mount(self) -> None:
        self.cursor_blink = False
        if hasattr(self.app, "cell_colours"):
            self.highlight = self.app.cell_colours()["gik-source"]

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        for a, b in self.headings.get(line_index, ()):
            line.stylize("bold underline", a, b)
        if self.span is not None and self.span[0] == line_index:
            style = f"bold #000000 on {self.highlight}" if self.highlight else "reverse bold"
            line.stylize(style, self.span[1], max(self.span[2], self.span[1] + 1))
        return line

    def show(self, text: str) -> None:
        """Load a report's text (long texts unwrapped, long lines cut)."""
        shown = for_display(text)
        wrap = len(shown) < WRAP_LIMIT
        if self.soft_wrap != wrap:
            self.soft_wrap = wrap
        self.span = None
        self.load_text(shown)

    def show_span(self, row: int, start: int, end: int) -> None:
        if row >= MAX_LINES:
            self.clear_span()
            return
        if start >= MAX_LINE:
            start, end = MAX_LINE, MAX_LINE + 1  # beyond what is shown of the line: mark its cut
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
