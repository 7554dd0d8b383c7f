"""One template table of a report, laid out like the official table, and the place figures are typed.

Row labels are indented by their group, grouped column headers stand over their columns, numbers are
right-aligned. Each value cell shows its state: blank, unsure (low confidence, or a blank the identities
left undecided), edited, in a failing check.
A table whose blocks have columns of their own (主动公开) repeats its caption and 信息内容 header row
per block, as the official table does.

Typing happens here, like a spreadsheet, and the focus never leaves the table while a figure is
typed: a digit (or - + .) on a value cell starts an edit with it, `enter` puts it in the cell and
moves to the next value cell of the row (then the next row), an arrow puts it in and moves that way,
`escape` drops it. Several figures (spaces, tabs or | between them; a line per row when pasted)
fill the row from the cursor to the right. Every key the table has the focus for is handled here,
in the order it was pressed — the app runs the other keys' bindings at once too (GikApp._dispatch)
— so a key always acts on the cell that was under the cursor when it was pressed, however fast the
keys come. The table reads the review through `CellView` and never changes it: figures put in go
to the `apply` callable it is given (the screen's, which sets them in the open report's review) at
once; `Entered` tells the screen to redraw.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable

from ...core.model import OTHER_ROWS, CellKey, LabelPath
from ..themes import cell_colours
from ...core.review import CellView, Change
from ...core.values import EntryError, fit_to_kind, fmt_number, parse_entry
from ...core.templates import TableSpec
from .keys import vim_keys
from .focus import KeepsFocusWhenShown

ENTRY_START = set("0123456789.-+")  # typed on a value cell, these start an edit
MOVES = {"up", "down", "left", "right"}


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


LABEL_MIN = 28  # cells the row labels keep even when the values do not fit beside them (they scroll)
PANE_SHARE = 3 / 5  # the right pane's share of the screen's width (app.tcss: #source 2fr, #right 3fr)


def pane_width(widget) -> int:
    """The width of the report screen's right pane, where `widget` stands: its own width once laid
    out, else the share of the screen it will get (a pane filled before it is shown has none yet)."""
    return widget.size.width or int(widget.app.size.width * PANE_SHARE)


def _wrapped(label: str, narrow: bool, cells: int = 8) -> str:
    """A column header on two lines when the screen is narrow and it is wider than `cells` (本年新制
    / 作数量), so that more value columns show beside the labels."""
    if not narrow or Text(label).cell_len <= cells:
        return label
    half = (len(label) + 1) // 2
    return label[:half] + "\n" + label[half:]


class TemplateTable(KeepsFocusWhenShown, DataTable):
    """A DataTable for one template table; knows which coordinates are value cells."""

    BINDINGS = vim_keys("table")

    class LeaveEdge(Message):
        def __init__(self, table: "TemplateTable", direction: int) -> None:
            super().__init__()
            self.table = table
            self.direction = direction

    class Edit(Message):
        """What is being typed into `key` changed; `text` None: the edit ended. `error`: why the
        last `enter` was refused (the edit stays open)."""

        def __init__(self, table: "TemplateTable", key: CellKey | None, text: str | None, error: str = "",
                     selected: bool = False, entered: bool = False) -> None:
            super().__init__()
            self.table, self.key, self.text, self.error, self.selected = table, key, text, error, selected
            self.entered = entered  # the edit ended by putting the figures in (Entered follows)

    class Entered(Message):
        """Cells were set in the review (already done): `change` (one undo step), how many."""

        def __init__(self, table: "TemplateTable", change: Change | None, count: int) -> None:
            super().__init__()
            self.table, self.change, self.count = table, change, count

    def __init__(self, spec: TableSpec, view: CellView, apply: Callable[[dict], Change | None], **kw) -> None:
        # the label column (and the unit column) stay in view when the table scrolls sideways
        super().__init__(cursor_type="cell", zebra_stripes=False, fixed_columns=2 if spec.unit_column else 1, **kw)
        self.spec = spec
        self.view = view  # what the cells show (the review, read only)
        self.apply = apply  # sets figures put in: {cell: value} → the undo step (None: nothing set)
        self.slots: dict[tuple[int, int], CellKey] = {}
        self.coords: dict[CellKey, tuple[int, int]] = {}
        self.labels: dict[int, str] = {}
        self.colours: dict[str, str] = {}
        self.value_rows: list[int] = []  # rows that hold value cells, in order
        self.other_rows: list[int] = []  # rows of the report's own (not template cells), after them
        self.value_cols: dict[int, list[int]] = {}  # per such row, its value columns in order
        self.editing: CellKey | None = None  # the cell being typed into
        self.buffer = ""
        self.selected = False  # the buffer is the cell's value, selected: typing replaces it (`e`)
        self.on_edge = None  # called (table, direction) when the cursor leaves the table
        # a refused entry stops the burst: keys pressed before the refusal was said (their event is
        # older than it) are dropped, counted, and said with it, never typed into the open box
        self.refused_at: float | None = None
        self.refusal = ""
        self.dropped = 0

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
        self.editing, self.buffer = None, ""
        self._build()
        cols: dict[int, list[int]] = {}
        for r, c in sorted(self.slots):
            cols.setdefault(r, []).append(c)
        self.value_rows, self.value_cols = sorted(cols), cols
        # a fixed height: no auto-height measuring when the pane is laid out again (set only when
        # it changes: setting it lays the screen out again)
        height = self.row_count + (self.header_height if self.show_header else 0) + 1
        if self.styles.height is None or self.styles.height.value != height:
            self.styles.height = height

    def _build(self) -> None:
        spec = self.spec
        self.clear(columns=True)
        self.slots.clear()
        self.coords.clear()
        if spec.headed_blocks:
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
                narrow = self._narrow()
                heads = [Text(_wrapped(c[-1], narrow), style="bold", justify="right") for c in b.columns]
                self.add_row(Text("  信息内容", style="bold"), *heads, *[Text("")] * (width - len(heads)),
                             height=max(h.plain.count("\n") + 1 for h in heads) if heads else 1)
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
        narrow = self._narrow()
        parts = [[_wrapped(p, narrow) for p in c] for c in columns]  # a narrow screen: long headers on two lines
        depth = max(sum(p.count("\n") + 1 for p in c) for c in parts)
        self.header_height = depth
        self.add_column(Text(spec.headers[0] if spec.unit_column and spec.headers else ""), key="label",
                        width=self._label_width(columns))
        if spec.unit_column:
            self.add_column(Text("单位"), key="unit")
        for i, col in enumerate(parts):
            lines = sum(p.count("\n") + 1 for p in col)
            head = "\n".join(col[:-1]) + "\n" * (depth - lines) + ("\n" if len(col) > 1 else "") + col[-1] \
                if len(col) > 1 else ("\n" * (depth - lines)) + col[-1]
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
        others = self.view.other_rows(spec.id)
        self.other_rows = []
        if others and len(columns) == 1:  # the report's own rows, as read (not template cells)
            self.add_row(Text(OTHER_ROWS, style="bold"), *([Text("")] * (len(columns) + offset - 1)))
            self.labels[r] = OTHER_ROWS
            r += 1
            for o in others:
                extra = [Text(o.unit or "", style="dim")] if spec.unit_column else []
                self.add_row(Text("  " + o.label, no_wrap=True, overflow="ellipsis"), *extra,
                             Text(fmt_number(o.value) if o.value is not None else "", justify="right", style="dim"))
                self.labels[r] = f"{o.label} = {o.raw} (line {o.line}; a row of the report's own, not in the template)"
                self.other_rows.append(r)
                r += 1

    def _narrow(self) -> bool:
        """A screen too narrow for the headers on one line each (80 or 100 columns)."""
        return self.app.size.width < 120

    def _label_width(self, columns) -> int:
        """The row labels use the room there is: all of it that the value columns leave (a label
        longer than that is cut with …, and the status line has it whole), at least LABEL_MIN
        cells (the label column stays in view when the values scroll sideways)."""
        longest = max((Text("  " * (len(n) - 1) + n[-1]).cell_len for n, _ in self.spec.nodes()), default=2)
        narrow = self._narrow()
        values = sum(max(max(Text(line).cell_len for part in col for line in _wrapped(part, narrow).split("\n")), 6) + 2
                     for col in columns)
        values += 6 if self.spec.unit_column else 0
        pane = int(self.app.size.width * PANE_SHARE)  # the screen's share: built before laid out
        room = pane - 8 - values
        # a narrow screen (80 columns: a pane of 48) keeps a third for the labels, so several value
        # columns show beside them rather than one
        return max(min(longest, LABEL_MIN, pane // 3), min(longest, room))

    def _unit(self, node: LabelPath) -> str:
        c = self.view.cell((self.spec.id, node, self.spec.blocks[0].columns[0]))
        return (c.unit if c is not None and c.unit else self.spec.unit_of(node)) or ""

    def render_cell(self, key: CellKey) -> Text:
        v = self.view.value(key)
        st = self.view.state(key)
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
        """Redraw these cells (all by default); a cell that already shows what it should is left
        alone (each update makes the whole table repaint)."""
        for key in keys if keys is not None else list(self.coords):
            coord = self.coords.get(key)
            if coord is not None:
                cell = self.render_cell(key)
                old = self.get_cell_at(coord)
                # rich's Text == compares the text and its spans, not its style: compare that too
                if old != cell or str(old.style) != str(cell.style):
                    self.update_cell_at(coord, cell)

    # ------------------------------------------------------------------ navigation
    def key_at_cursor(self) -> CellKey | None:
        return self.slots.get((self.cursor_coordinate.row, self.cursor_coordinate.column))

    def first_value(self) -> tuple[int, int] | None:
        return min(self.slots) if self.slots else None

    def last_value(self) -> tuple[int, int] | None:
        return max(self.slots) if self.slots else None

    def _near(self, row: int, column: int) -> tuple[int, int]:
        """The value cell of `row` nearest to `column`."""
        cols = self.value_cols[row]
        return row, min(cols, key=lambda c: (abs(c - column), c))

    def _step(self, direction: str) -> tuple[int, int] | None:
        """The value cell next to the cursor that way (group rows and label columns passed over);
        None at the table's edge."""
        r, c = self.cursor_coordinate.row, self.cursor_coordinate.column
        if direction in ("down", "up"):
            rows = [x for x in self.value_rows if (x > r if direction == "down" else x < r)]
            # the report's own rows after the template's: read only, but the cursor shows them
            others = [x for x in self.other_rows if (x > r if direction == "down" else x < r)]
            if direction == "down" and not rows and others:
                return others[0], max(self.value_cols.get(self.value_rows[-1], [c])) if self.value_rows else c
            if direction == "up" and others and r in self.other_rows:
                return others[-1], c
            if not rows:
                return None
            return self._near(rows[0] if direction == "down" else rows[-1], c)
        cols = self.value_cols.get(r)
        if not cols:  # on a group row or a header row: into the row's nearest value row
            return self._step("down") or self._step("up")
        after = [x for x in cols if (x > c if direction == "right" else x < c)]
        if not after:
            return None
        return r, after[0] if direction == "right" else after[-1]

    def _move(self, direction: str) -> None:
        target = self._step(direction)
        if target is not None:
            self.move_cursor(row=target[0], column=target[1])
        elif direction in ("down", "up"):
            self._leave(+1 if direction == "down" else -1)

    def _leave(self, direction: int, reading: bool = False) -> None:
        """Past the table's first or last value row: the owner (`on_edge`, the tables pane) moves
        the cursor into the next table at once, so the next key lands there; else a message.
        `reading`: on to the next table's first value cell (enter), not the nearest column (↓)."""
        if self.on_edge is not None:
            self.on_edge(self, direction, reading)
        else:
            self.post_message(self.LeaveEdge(self, direction))

    def action_cursor_down(self) -> None:
        self._move("down")

    def action_cursor_up(self) -> None:
        self._move("up")

    def action_cursor_left(self) -> None:
        self._move("left")

    def action_cursor_right(self) -> None:
        self._move("right")

    def enter_from(self, direction: int, column: int | None) -> None:
        """The cursor comes in from the table before (direction 1) or after (-1), to the value
        cell nearest `column` (None: the row's first)."""
        if not self.value_rows:
            return
        row = self.value_rows[0] if direction > 0 else self.value_rows[-1]
        col = self.value_cols[row][0] if column is None else self._near(row, column)[1]
        self.move_cursor(row=row, column=col)

    def _next_after(self, row: int, column: int) -> tuple[int, int] | None:
        """The value cell after (row, column) reading left to right, row after row."""
        later = [c for c in self.value_cols.get(row, []) if c > column]
        if later:
            return row, later[0]
        rows = [x for x in self.value_rows if x > row]
        return (rows[0], self.value_cols[rows[0]][0]) if rows else None

    # ------------------------------------------------------------------ typing
    def start_edit(self, text: str = "", selected: bool = False) -> bool:
        """Start typing into the cell under the cursor with `text` (`selected`: the cell's value,
        which the first character typed replaces); False on a label or a group row."""
        key = self.key_at_cursor()
        if key is None:
            return False
        self.editing, self.buffer, self.selected = key, text, selected
        self.post_message(self.Edit(self, key, text, selected=selected))
        return True

    def cancel_edit(self) -> None:
        key, self.editing, self.buffer, self.selected = self.editing, None, "", False
        self.post_message(self.Edit(self, key, None))

    def targets(self, anchor: tuple[int, int], rows: list[list]) -> dict[CellKey, object] | str:
        """Where typed rows go: from the anchor cell to the right, each further row in the next
        value row from the anchor's column; a message (and nothing set) when they do not fit."""
        r0, c0 = anchor
        value_rows = [r for r in self.value_rows if r >= r0]
        if len(rows) > len(value_rows):
            return f"{len(rows)} rows typed, {len(value_rows)} from here to the end of the table: nothing changed"
        out: dict[CellKey, object] = {}
        for values, r in zip(rows, value_rows):
            cols = [c for c in self.value_cols[r] if c >= c0]
            if len(values) > len(cols):
                return (f"{len(values)} numbers for {len(cols)} cell(s) from here to the end of the row: "
                        "nothing changed")
            for v, c in zip(values, cols):
                key = self.slots[(r, c)]
                try:
                    out[key] = fit_to_kind(v, self.spec.cell_kind(self.spec.block_of(key[1]), key[1], key[2]))
                except EntryError as e:  # (a count of 1.5, a count below nought)
                    return f"{e}: nothing changed"
                except KeyError:  # (no row of the template's)
                    out[key] = v
        return out

    def enter(self, text: str, move: str = "next") -> bool:
        """Put typed or pasted figures in at the cursor (or the cell being edited) and move on;
        False, with the reason said, when they are not figures or do not fit."""
        key = self.editing or self.key_at_cursor()
        if key is None:
            return False
        try:
            rows = parse_entry(text)
        except EntryError as e:
            return self._refuse(key, text, str(e))
        anchor = self.coords[key]
        values = self.targets(anchor, rows)
        if isinstance(values, str):
            return self._refuse(key, text, values)
        self.editing, self.buffer, self.selected = None, "", False
        change = self.apply(values)
        self.refresh_cells(values)  # drawn with the cursor's move, in one repaint
        self.post_message(self.Edit(self, key, None, entered=True))
        self.post_message(self.Entered(self, change, len(values)))
        if move == "next":
            last = max((self.coords[k] for k in values), default=anchor)
            target = self._next_after(*last)
            if target is not None:
                self.move_cursor(row=target[0], column=target[1])
            else:
                self._leave(+1, reading=True)
        else:
            self.move_cursor(row=anchor[0], column=anchor[1])
            self._move(move)
        return True

    def types(self, event: events.Key) -> bool:
        """Is this key typing (into a cell), not a command? Every key is while an edit is open; a
        digit, - + . or enter on a value cell starts one."""
        if self.editing is not None:
            return True
        if self.key_at_cursor() is None:
            return False
        ch = event.character
        return event.key == "enter" or bool(ch and ch in ENTRY_START and event.is_printable)

    def takes_first(self, event: events.Key) -> bool:
        """A key this table types before any binding, even a priority one: `tab` while a figure is
        being typed separates figures (it moves to the other pane otherwise)."""
        return self.editing is not None and event.key == "tab"

    async def on_key(self, event: events.Key) -> None:
        """Keys that come the usual way (an app that does not call `key_now` first)."""
        if await self.key_now(event):
            event.stop()
            event.prevent_default()

    def _refuse(self, key: CellKey, text: str, why: str) -> bool:
        """An entry refused: said, the edit kept open, and the keys already pressed after it dropped."""
        from textual._time import get_time

        self.refused_at, self.refusal, self.dropped = get_time(), why, 0
        self.post_message(self.Edit(self, key, text, why))
        return False

    def blind(self, event: events.Key) -> bool:
        """Was this key pressed before the refusal of the entry before it was said (in the same
        burst)? Then it is dropped, and the refusal says how many were."""
        if self.refused_at is None:
            return False
        if event.time >= self.refused_at or self.editing is None:
            self.refused_at = None
            return False
        self.dropped += 1
        self.post_message(self.Edit(self, self.editing, self.buffer,
                                    f"{self.refusal} — stopped there: {self.dropped} key(s) pressed after it "
                                    "were not typed"))
        return True

    async def key_now(self, event: events.Key) -> bool:
        """Type: handle the key at once when it is typing (see `types`); False for a command, which
        the app runs as the key's binding, in order (GikApp._dispatch)."""
        if self.blind(event):
            return True
        if not self.types(event):
            return False
        if self.editing is None:
            key = self.key_at_cursor()
            if event.key == "enter":
                self.start_edit(fmt_number(self.view.value(key)), selected=True)
            else:
                self.start_edit(event.character or "")
            return True
        k = event.key
        if k == "escape":
            self.cancel_edit()
        elif k == "enter":
            self.enter(self.buffer, "next")
        elif k in MOVES:
            self.enter(self.buffer, k)
        elif k == "backspace":
            self.buffer = "" if self.selected else self.buffer[:-1]
            self.selected = False
            self.post_message(self.Edit(self, self.editing, self.buffer))
        elif k == "tab":  # between figures, as in a row copied from a spreadsheet
            self.buffer = ("" if self.selected else self.buffer) + "\t"
            self.selected = False
            self.post_message(self.Edit(self, self.editing, self.buffer))
        elif k == "ctrl+u":
            self.buffer, self.selected = "", False
            self.post_message(self.Edit(self, self.editing, self.buffer))
        elif event.is_printable and event.character:
            self.buffer = event.character if self.selected else self.buffer + event.character
            self.selected = False
            self.post_message(self.Edit(self, self.editing, self.buffer))
        return True

    def on_paste(self, event: events.Paste) -> None:
        """A row or a block of rows pasted from a spreadsheet or a web page fills from the cursor."""
        event.stop()
        if self.editing is not None:
            self.buffer = event.text if self.selected else self.buffer + event.text
            self.selected = False
            self.post_message(self.Edit(self, self.editing, self.buffer))
            if "\n" in event.text.strip():
                self.enter(self.buffer, "next")
            return
        self.enter(event.text, "next")
