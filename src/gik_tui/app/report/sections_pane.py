"""The Sections tab: each heading found, the template section it maps to, its score and who
decided it. Moving the cursor posts `SectionsPane.Highlighted`; `enter` posts `SectionsPane.Chosen`
(the screen shows the heading in the text and opens the picker). It reads the extraction and the
review and knows nothing else of the screen."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import Extraction
from ...core.review import Review
from ..safe import displayable
from ..themes import role_colours
from ..widgets.focus import KeepsFocusWhenShown
from ..widgets.template_table import pane_width


class SectionsPane(KeepsFocusWhenShown, DataTable):
    # the screen's enter (the heading picker), at once: DataTable's own posts RowSelected, handled
    # after the keys behind it, which then went to the pane instead of the picker
    BINDINGS = [Binding("enter", "screen.enter", show=False)]

    class Highlighted(Message):
        def __init__(self, start: int) -> None:
            super().__init__()
            self.start = start  # the heading's start offset: its key

    class Chosen(Message):
        def __init__(self, start: int) -> None:
            super().__init__()
            self.start = start

    def __init__(self, **kw) -> None:
        super().__init__(cursor_type="row", **kw)

    def _columns(self, ex: Extraction, names: list[str]) -> None:
        """The section first, then the heading cut to the room the pane leaves, so the score and
        who decided show whole at 120 columns (at 80 the section and the heading still show)."""
        lines = max((len(f"p{s.page} · {s.line}" if s.page else str(s.line)) for s in ex.sections), default=4)
        sections = max(Text(n).cell_len for n in (*names, "— unmatched"))
        fixed = max(lines, 4) + sections + 5 + 9 + 2 * 5 + 2  # score, decided, the columns' padding, the scrollbar
        self.clear(columns=True)
        self.add_column(Text("line"))
        self.add_column(Text("section"))
        self.add_column(Text("heading"), width=max(12, min(40, pane_width(self) - fixed)))
        self.add_column(Text("score"))
        self.add_column(Text("decided"))

    def show(self, ex: Extraction, review: Review) -> str:
        """Fill the rows; the note on the template sections no heading covers."""
        cursor = self.cursor_row
        c = role_colours(self.app)
        self._columns(ex, review.template.section_names)
        for s in ex.sections:
            section, confirmed = review.section_of(s)
            stale = s.line in review.stale_sections
            self.add_row(
                Text(f"p{s.page} · {s.line}" if s.page else str(s.line), justify="right"),  # a PDF's page too
                Text(section or "— unmatched", style="" if section else c["warning"]),
                Text(displayable(s.heading), no_wrap=True, overflow="ellipsis"),
                Text(f"{s.score:.0f}", justify="right"),
                Text("analyst ✓" if confirmed else "suggested", style=c["success"] if confirmed else "dim")
                if not stale else Text("≠ changed", style=c["stale"]),
                key=str(s.start),
            )
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))
        if not ex.sections:
            return ("no headings were found in this report: none of its lines starts with an ordinal (一、) "
                    "followed by a section name; every section of the template is missing")
        missing = review.missing_sections()
        return "missing sections (no heading covers them): " + ("、".join(missing) if missing else "none")

    def start_at_cursor(self) -> int | None:
        if not self.row_count:
            return None
        return int(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key is not None:
            self.post_message(self.Highlighted(int(event.row_key.value)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key is not None:
            self.post_message(self.Chosen(int(event.row_key.value)))
