"""One template table of a report, laid out like the official table.

Row labels are indented by their group, grouped column headers stand over their columns, numbers are
right-aligned. Each value cell shows its state: blank, unsure (low confidence, or a blank the identities
left undecided), edited, in a failing check.
The `active` table repeats its caption and 信息内容 header row per block, as the official table does.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import CellKey, LabelPath
from ..themes import cell_colours
from ...core.review import Review, doubtful
from ...core.values import fmt_number  # noqa: F401 - screens import it from here
from ...core.templates import TableSpec
from .keys import vim_keys


# Each state differs by a marker and a text style as well as by colour (colour-blind safe); the
# colours come from the theme's gik-* variables.
STATES = {
    "blank": ("·", "dim", "gik-blank"),
    "low": ("?", "italic", "gik-low"),
    "edited": ("✎", "bold", "gik-edited"),
    "failing": ("!", "bold underline", "gik-failing"),
    "stale": ("≠", "reverse", "gik-stale"),
}
def legend_text(colours: dict[str, str]) -> Text:
    t = Text("legend: ")
    for k, name in (("blank", "blank"), ("low", "unsure"), ("edited", "edited"),
                    ("failing", "in a failing check"), ("stale", "changed source")):
        mark, style, var = STATES[k]
        t.append(f"{mark} {name}", style=f"{style} {colours.get(var, '')}".strip())
        t.append("   ")
    return t


LABEL_MAX = 34  # cells: a longer row label is cut with an ellipsis (the status line shows it whole)


class TemplateTable(DataTable):
    """A DataTable for one template table; knows which coordinates are value cells."""

    BINDINGS = vim_keys("table")

    class LeaveEdge(Message):
        def __init__(self, table: "TemplateTable", direction: int) -> None:
            super().__init__()
            self.table = table
            self.direction = direction

    def __init__(self, spec: TableSpec, review: Review, **kw) -> None:
        super().__init__(cursor_type="cell", zebra_stripes=False, **kw)
        self.spec = spec
        self.review = review
        self.slots: dict[tuple[int, int], CellKey] = {}
        self.coords: dict[CellKey, tuple[int, int]] = {}
        self.labels: dict[int, str] = {}
        self.colours: dict[str, str] = {}

    # ------------------------------------------------------------------ building
    class Built(Message):
        def __init__(self, table: "TemplateTable") -> None:
            super().__init__()
            self.table = table

    def on_mount(self) -> None:
        self.build()
        self.post_message(self.Built(self))

    def build(self) -> None:
        self.colours = cell_colours(self.app)
        self._build()
        # a fixed height: no auto-height measuring when the pane is laid out again
        self.styles.height = self.row_count + (self.header_height if self.show_header else 0) + 1

    def _build(self) -> None:
        spec = self.spec
        self.clear(columns=True)
        self.slots.clear()
        self.coords.clear()
        if spec.id == "active":
            width = max(len(b.columns) for b in spec.blocks)
            self.show_header = False
            self.add_column(Text("信息内容"), key="label")
            for i in range(width):
                self.add_column(Text(""), key=f"c{i}")
            r = 0
            for b in spec.blocks:
                self.add_row(Text(b.label or "", style="bold"), *[Text("")] * width)
                self.labels[r] = b.label or ""
                r += 1
                heads = [Text(c[-1], style="bold", justify="right") for c in b.columns]
                self.add_row(Text("  信息内容", style="bold"), *heads, *[Text("")] * (width - len(heads)))
                self.labels[r] = "信息内容"
                r += 1
                for row in b.rows:
                    cells = []
                    for i, col in enumerate(b.columns):
                        key = (spec.id, row, col)
                        self.slots[(r, i + 1)] = key
                        self.coords[key] = (r, i + 1)
                        cells.append(self.render_cell(key))
                    self.add_row(Text("  " + row[-1]), *cells, *[Text("")] * (width - len(cells)))
                    self.labels[r] = row[-1]
                    r += 1
            return
        columns = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
        depth = max(len(c) for c in columns)
        self.header_height = depth
        self.add_column(Text(spec.headers[0] if spec.unit_column and spec.headers else ""), key="label",
                        width=min(LABEL_MAX, max((Text("  " * (len(n) - 1) + n[-1]).cell_len for n, _ in spec.nodes()),
                                                 default=2)))
        if spec.unit_column:
            self.add_column(Text("单位"), key="unit")
        for i, col in enumerate(columns):
            head = "\n".join(col[:-1] + (col[-1],)) if len(col) > 1 else ("\n" * (depth - 1)) + col[-1]
            self.add_column(Text(head, justify="right"), key=f"c{i}")
        offset = 2 if spec.unit_column else 1
        r = 0
        for node, valued in spec.nodes() if spec.blocks[0].rows[0] else [((), True)]:
            indent = "  " * max(0, len(node) - 1)
            label = Text(indent + (node[-1] if node else "—"), style="" if valued else "bold",
                         no_wrap=True, overflow="ellipsis")  # cut with …; the status line has it whole
            self.labels[r] = node[-1] if node else ""
            if not valued:
                self.add_row(label, *([Text("")] * (len(columns) + offset - 1)))
                r += 1
                continue
            cells = []
            for i, col in enumerate(columns):
                key = (spec.id, node, col)
                self.slots[(r, i + offset)] = key
                self.coords[key] = (r, i + offset)
                cells.append(self.render_cell(key))
            extra = [Text(self._unit(node), style="dim")] if spec.unit_column else []
            self.add_row(label, *extra, *cells)
            r += 1

    def _unit(self, node: LabelPath) -> str:
        c = self.review.cell((self.spec.id, node, self.spec.blocks[0].columns[0]))
        return (c.unit if c is not None and c.unit else self.spec.unit_of(node)) or ""

    def state(self, key: CellKey) -> str | None:
        rv = self.review
        if key in rv.stale:
            return "stale"
        if key in rv.failing_cells():
            return "failing"
        if rv.is_edited(key):
            return "edited"
        c = rv.cell(key)
        if c is not None and doubtful(c):
            return "low"  # a doubtful value, or a blank the identities left with candidates
        if c is None or c.value is None:
            return "blank"
        return None

    def render_cell(self, key: CellKey) -> Text:
        v = self.review.value(key)
        st = self.state(key)
        body = fmt_number(v)
        if v is not None and v > 0 and self.spec.cell_kind(self.spec.block_of(key[1]), key[1], key[2]) == "signed":
            body = "+" + body  # 本年增/减 shows its sign, as the official table does
        if st is None:
            return Text(body, justify="right")
        mark, base, var = STATES[st]
        style = f"{base} {self.colours.get(var, '')}".strip()
        return Text(f"{body}{mark}", style=style, justify="right")

    def restyle(self) -> None:
        self.colours = cell_colours(self.app)
        self.refresh_cells()

    def refresh_cells(self, keys=None) -> None:
        for key in keys if keys is not None else list(self.coords):
            coord = self.coords.get(key)
            if coord is not None:
                self.update_cell_at(coord, self.render_cell(key))

    # ------------------------------------------------------------------ navigation
    def key_at_cursor(self) -> CellKey | None:
        return self.slots.get((self.cursor_coordinate.row, self.cursor_coordinate.column))

    def first_value(self) -> tuple[int, int] | None:
        return min(self.slots) if self.slots else None

    def action_cursor_down(self) -> None:
        if self.cursor_coordinate.row >= self.row_count - 1:
            self.post_message(self.LeaveEdge(self, +1))
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_coordinate.row <= 0:
            self.post_message(self.LeaveEdge(self, -1))
            return
        super().action_cursor_up()
