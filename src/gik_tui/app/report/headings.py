"""The report's headings: which heading is under the cursor (in the Sections tab or on a line of
the text), mapping it to a template section (`m`), accepting suggestions (`a`, `A`). A mixin of
ReportScreen: it uses the screen's `ex`, `doc`, `review`, `template` and `after_change()`."""

from __future__ import annotations

from ...core.model import SectionMatch
from ...core.sections import score_sections
from ..dialogs import NO_SECTION, HeadingPicker
from ..widgets.source_view import SourceView
from .sections_pane import SectionsPane


class Headings:
    def heading_at(self, start: int) -> SectionMatch | None:
        for s in self.ex.sections:
            if s.start == start:
                return s
        return None

    def heading_by_line(self, line: int, column: int | None = None) -> SectionMatch | None:
        """The heading on a line (the one under `column` when a line holds several)."""
        on_line = [s for s in self.ex.sections if s.line == line]
        if column is not None:
            at = self.doc.line_starts[line - 1] + column
            for s in on_line:
                if s.start <= at < s.end:
                    return s
        return on_line[0] if on_line else None

    def heading_spans(self) -> dict[int, list[tuple[int, int]]]:
        """Per 0-based line, the (start, end) columns of its headings, for the source view."""
        out: dict[int, list[tuple[int, int]]] = {}
        for s in self.ex.sections:
            base = self.doc.line_starts[s.line - 1]
            out.setdefault(s.line - 1, []).append((s.start - base, s.end - base))
        return out

    def heading_under_cursor(self) -> SectionMatch | None:
        f = self.focused
        if isinstance(f, SectionsPane):
            start = f.start_at_cursor()
            return None if start is None else self.heading_at(start)
        if isinstance(f, SourceView):
            row, col = f.cursor_location
            return self.heading_by_line(row + 1, col)
        return None

    def action_pick_heading(self) -> None:
        s = self.heading_under_cursor()
        if s is None:
            self.notify("put the cursor on a heading (Sections tab, or a heading line in the text)")
            return
        ranked = score_sections(self.template, s.heading)

        def done(choice: str | None) -> None:
            if choice is None:
                return
            self.review.map_heading(s, None if choice == NO_SECTION else choice)
            self.after_change([])

        self.app.push_screen(HeadingPicker(s.heading, self.template, ranked), done)

    def action_accept(self) -> None:
        s = self.heading_under_cursor()
        if s is None:
            self.notify("put the cursor on a heading to accept its suggestion")
            return
        if self.review.accept(s) is None:
            self.notify("no suggestion above the threshold for this heading: m picks a section", timeout=4)
            return
        self.after_change([])

    def action_accept_all(self) -> None:
        n = len(self.review.accept_all())
        self.notify(f"accepted {n} suggestion(s)")
        if n:
            self.after_change([])
