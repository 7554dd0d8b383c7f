"""The report text, read-only, with line numbers, its headings marked and one span highlighted."""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.text import Text
from textual.document import _wrapped_document
from textual.widgets import TextArea

from ..safe import displayable
from ..themes import cell_colours
from .keys import vim_keys

MAX_LINE = 60_000  # a longer line is shown cut (the extraction still reads all of it); a report
# scraped onto one line is shown whole, wrapped
MAX_LINES = 20_000  # a report is never this long; a file that is gets its first lines shown
WRAP_LIMIT = 1_000_000  # soft wrapping a longer text costs seconds: it is shown unwrapped


_FIGURE = frozenset("0123456789.+-%")
_textual_wrap = _wrapped_document.compute_wrap_offsets


def wrap_offsets(text: str, width: int, tab_size: int, fold: bool = True,
                 precomputed_tab_sections: list[tuple[str, int]] | None = None) -> list[int]:
    """Where to break a line to fit `width` cells, like Textual's wrapping, but a run of figures is
    never cut when it can move whole to the next row (a report scraped onto one line is CJK text
    without spaces, which Textual folds at any character: 171000018 would read 1710 / 00018).
    A space near the end of a row is preferred as the break, as in word wrap. Lines with tabs keep
    Textual's own wrapping."""
    if "\t" in text or width <= 2 or not fold:
        return _textual_wrap(text, width, tab_size, fold, precomputed_tab_sections)
    if len(text) * 2 <= width:
        return []  # no character is wider than two cells: a line this short fits as it is
    out: list[int] = []
    start = cells = 0
    for i, ch in enumerate(text):
        w = get_character_cell_size(ch)
        if cells + w > width and i > start:
            brk = i
            if ch != " " and text[i - 1] != " ":
                space = text.rfind(" ", start, i)
                if space >= start and i - space <= 20:
                    brk = space + 1  # word wrap: the space stays at the end of the row
                elif ch in _FIGURE and text[i - 1] in _FIGURE:
                    run = i
                    while run > start and text[run - 1] in _FIGURE:
                        run -= 1
                    if run > start:
                        brk = run
            out.append(brk)
            start = brk
            cells = sum(get_character_cell_size(c) for c in text[brk:i])
        cells += w
    return out


# The source view is the app's only wrapped TextArea; Textual 8.2.8 (pinned) computes every wrap
# through this one module-level function.
_wrapped_document.compute_wrap_offsets = wrap_offsets


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
        self.page_lines: dict[int, str] = {}  # 0-based line → the page it begins ("page 3", "sheet 表二")

    def on_mount(self) -> None:
        self.cursor_blink = False
        self.highlight = cell_colours(self.app)["gik-source"]

    def get_line(self, line_index: int) -> Text:
        page = self.page_lines.get(line_index)
        if page is not None:  # the line holds only a form feed: where a page of the file begins
            return Text(f"── {displayable(page)} ──", style="dim italic")
        line = super().get_line(line_index)
        for a, b in self.headings.get(line_index, ()):
            line.stylize("bold underline", a, b)
        if self.span is not None and self.span[0] == line_index:
            style = f"bold #000000 on {self.highlight}" if self.highlight else "reverse bold"
            line.stylize(style, self.span[1], max(self.span[2], self.span[1] + 1))
        return line

    def show(self, text: str, page_lines: dict[int, str] | None = None) -> None:
        """Load a report's text (long texts unwrapped, long lines cut); `page_lines` are the lines
        where the pages of a PDF, Word, OFD report or a workbook's sheets begin, with what each is
        called (shown as markers)."""
        self.page_lines = dict(page_lines or {})
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

    def recenter(self) -> None:
        """The highlighted span in the middle of the view again (its lines wrap anew after a resize)."""
        if self.span is not None:
            self.move_cursor((self.span[0], self.span[1]), center=True)

    def clear_span(self) -> None:
        if self.span is not None:
            self.span = None
            self.notify_style_update()
            self.refresh()
