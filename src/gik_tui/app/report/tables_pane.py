"""The Tables tab: the report's template tables, one under another, each a `TemplateTable`.

Focus moves between the tables at once (`Screen.set_focus`, not `focus()`, which waits for the
app's next turn): a key pressed right after the cursor crosses into the next table goes there.

One set of tables is mounted per template the first time a report of it is shown and kept, so
moving between reports only refills rows. The pane moves the cursor between its tables (a table's
edge leads into the next), finds a cell, and redraws cells; the cursor's moves reach the screen as
the tables' own `DataTable.CellHighlighted` messages, and `TablesPane.Ready` says when a newly
built set of tables can take the cursor. It reads the review (`CellView`) and knows nothing else of
the screen; what the analyst puts in goes to the `apply` callable it is given.
"""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Label, Static

from collections.abc import Callable

from ...core.model import CellKey
from ...core.review import CellView, Change, Review
from ...core.templates import Template
from ..themes import cell_colours
from ..widgets.template_table import TemplateTable, legend_text


class TablesPane(VerticalScroll):
    class Ready(Message):
        """The tables just built have their rows: the cursor can go to the first value."""

    def __init__(self, apply: Callable[[dict], Change | None], **kw) -> None:
        super().__init__(**kw)
        self.apply = apply  # how the tables' figures reach the review (the screen's)
        self._boxes: dict[str, Vertical] = {}
        self._by_template: dict[str, list[TemplateTable]] = {}
        self._tables: list[TemplateTable] = []
        self._pending = False  # a new set of tables is being built: Ready once they have rows
        self._last: TemplateTable | None = None  # the table the cursor was last in

    def show(self, template: Template, review: CellView) -> bool:
        """Show this review's tables; True when they are ready now (False: `Ready` follows)."""
        for tid, box in self._boxes.items():
            if box.display != (tid == template.id):  # setting it lays the screen out again
                box.display = tid == template.id
        if template.id not in self._boxes:
            self._pending = True
            self.mount(self._box(template, review))
        else:
            for t in self._by_template[template.id]:
                t.view = review
                t.build()
        self._tables = self._by_template[template.id]
        return not self._pending

    def prepare(self, templates: list[Template]) -> None:
        """Build, hidden, the tables of formats not shown yet (at an idle moment after the first
        report): the first report of another format then only refills rows instead of building
        three tables. Their cells are blank until a report of that format is shown."""
        if self._pending:
            return  # the tables on screen are still being built: another time
        from ...core.model import Extraction

        for template in templates:
            if template.id in self._boxes:
                continue
            box = self._box(template, Review(Extraction("", "", template.id, None, None, (), (), (), ()), None, ""))
            box.display = False
            self.mount(box)

    def _box(self, template: Template, review: CellView) -> Vertical:
        """A format's tables, one under another, with their titles and the legend (kept)."""
        tables = [TemplateTable(spec, review, self.apply, classes=f"table-{spec.id}") for spec in template.tables]
        for t in tables:
            t.on_edge = self.cross
        widgets: list = []
        for spec, table in zip(template.tables, tables):
            widgets.append(Label(Text(f"{spec.title} ({spec.id})"), classes="table-title"))
            widgets.append(table)
        widgets.append(Static(legend_text(cell_colours(self.app)), classes="legend"))
        box = Vertical(*widgets, classes="tables-box")
        self._boxes[template.id] = box
        self._by_template[template.id] = tables
        return box

    def on_template_table_built(self, event: TemplateTable.Built) -> None:
        if self._pending and self._tables and all(t.is_mounted and t.row_count for t in self._tables):
            self._pending = False
            self.post_message(self.Ready())

    def use(self, review: CellView) -> None:
        """Another review of the same report (the annotation reloaded): redraw every cell."""
        for t in self._tables:
            t.view = review
            t.refresh_cells()

    def restyle(self) -> None:
        """The theme changed: the cell states and the legend take its colours."""
        colours = cell_colours(self.app)
        for tables in self._by_template.values():
            for t in tables:
                t.restyle()
        for legend in self.query(".legend"):
            legend.update(legend_text(colours))

    # ------------------------------------------------------------------ the tables
    def tables(self) -> list[TemplateTable]:
        return list(self._tables)

    def table(self, table_id: str) -> TemplateTable:
        return next(t for t in self._tables if t.spec.id == table_id)

    def refresh_cells(self, keys) -> None:
        for t in self._tables:
            t.refresh_cells([k for k in keys if k[0] == t.spec.id])

    # ------------------------------------------------------------------ the cursor
    def focus_first_cell(self) -> TemplateTable | None:
        """The cursor on the first value of the first table that has one; that table."""
        for t in self._tables:
            first = t.first_value()
            if first is not None:
                self.screen.set_focus(t)
                t.move_cursor(row=first[0], column=first[1], animate=False)
                self.scroll_home(animate=False)
                return t
        return None

    def focus_table(self) -> None:
        """Back to the table the cursor was in (the first one at first), at once, unless a table
        has the focus already."""
        if isinstance(self.screen.focused, TemplateTable) or not self._tables:
            return
        last = self._last if self._last in self._tables else self._tables[0]
        self.screen.set_focus(last)

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, TemplateTable):
            self._last = event.widget

    def jump_to_table(self, table_id: str) -> None:
        for t in self._tables:
            if t.spec.id == table_id and t.first_value() is not None:
                row, col = t.first_value()
                self.screen.set_focus(t)
                t.move_cursor(row=row, column=col)
                t.scroll_visible()
                return

    def goto_cell(self, key: CellKey) -> bool:
        """The cursor on this cell; False when no table shows it."""
        for t in self._tables:
            coord = t.coords.get(key)
            if coord is not None:
                self.screen.set_focus(t)
                t.move_cursor(row=coord[0], column=coord[1])
                return True
        return False

    def cross(self, table: TemplateTable, direction: int, reading: bool = False) -> None:
        """Down from a table's last value row goes into the next table, up from its first into the
        one before; at once (the next key goes to the table the cursor is in)."""
        ts = self._tables
        i = ts.index(table) + direction
        while 0 <= i < len(ts) and not ts[i].value_rows:
            i += direction  # a table with no value cells is passed over
        if 0 <= i < len(ts):
            t = ts[i]
            self.screen.set_focus(t)
            t.enter_from(direction, None if reading else table.cursor_coordinate.column)
            t.scroll_visible()
