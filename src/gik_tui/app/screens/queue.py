"""The queue: every report of the workspace, its extraction summarised, sortable and filterable.

It reads the workspace it is given (the files, their summaries), sets the workspace's `order` (the
rows as sorted and filtered: what "next report" follows), and watches the workspace: a report's
line that changes (saved, closed, its agency set) is redrawn, a filter the app clears is cleared.
It posts `OpenReport` (app/messages.py) to the app."""

from __future__ import annotations

import os
import time

from rapidfuzz import fuzz
from rich.cells import cell_len
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label
from textual.widgets.data_table import ColumnKey
from textual.worker import get_current_worker

from ...core.annotations import DONE, ERROR, FLAGGED, IN_PROGRESS, NEW
from ...core.queue import Summary
from ...core.workspace import Workspace
from ..messages import OpenReport
from ..safe import displayable
from ..themes import role_colours
from ..widgets.key_bar import KeyBar
from ..widgets.ordered_input import OrderedInput

# What matters most first (the status, what fails, what is unsure), so a narrow terminal still
# shows it: at 80 columns the file, status, failing, pending, unsure and cells columns are in view.
# failing: checks the report's own figures break; pending: checks waiting for undecided cells.
COLUMNS = [("file", "file"), ("status", "status"), ("failing", "failing"), ("pending", "pending"), ("low", "unsure"),
           ("cells", "cells"),
           ("headings", "headings"), ("agency", "agency"), ("year", "year"), ("template", "template"),
           ("saved", "last saved")]
# Widths of the columns filled in later by the worker (the file column fits the names).
WIDTHS = {"agency": 24, "year": 4, "template": 8, "headings": 8, "cells": 5, "failing": 7, "pending": 7, "low": 6,
          "status": 11, "saved": 16}
FILE_WIDTH = (12, 40)  # the file column: the names' width, within these bounds
NUMERIC = {"year", "cells", "failing", "pending", "low"}
IN_THREAD = 50  # up to this many reports are summarised in the worker thread itself
FILTER_SCORE = 80  # with no report holding the text as typed: a typo passes (lusng → lusong), a neighbour does not (dongsheng ↛ dongchang)


MARK = "✓ "  # before a marked row's file name (never part of what it sorts by)


def row_cells(s: Summary | None, name: str, c: dict[str, str] | None = None, marked: bool = False) -> list[Text]:
    """The row's cells in COLUMNS order; `c`: the theme's colours by role (themes.role_colours);
    `marked`: the row is marked (space) for setting the agency or year of several at once."""
    if marked:
        name = MARK + name
    c = c or {}
    error, warning = c.get("error", ""), c.get("warning", "")
    keys = [k for k, _ in COLUMNS]
    if s is None:
        cells = {k: Text("…", style="dim") for k in keys}
        cells["file"] = Text(displayable(name))
        return [cells[k] for k in keys]
    if s.error and s.status == ERROR:
        cells = {k: Text("") for k in keys}
        cells.update(file=Text(displayable(name)), status=Text("error", style=error),
                     agency=Text(displayable(s.error), style=f"bold {error}".strip(), no_wrap=True,
                                 overflow="ellipsis"))  # whole on the line above when the row is under the cursor
        return [cells[k] for k in keys]
    status_style = {DONE: c.get("success", ""), FLAGGED: f"bold {warning}".strip(),
                    IN_PROGRESS: c.get("accent", "")}.get(s.status, "")
    cells = {
        "file": Text(displayable(name)), "agency": Text(displayable(s.agency), no_wrap=True, overflow="ellipsis"),
        "year": Text("" if s.year is None else str(s.year), justify="right"),
        "template": Text(s.template), "headings": Text(f"{s.headings[0]}/{s.headings[1]}", justify="right"),
        "cells": Text(str(s.cells), justify="right"),
        "failing": Text(str(s.failing), justify="right", style=f"bold {error}".strip() if s.failing else ""),
        "pending": Text(str(s.pending), justify="right", style=warning if s.pending else ""),
        "low": Text(str(s.low), justify="right", style=c.get("low", "") if s.low else ""),
        # an annotation that could not be used (or only in part) is the annotation's trouble, not
        # the report's: the report's row stays, its status says so
        "status": Text("annotation?", style=f"bold {warning}".strip()) if s.error else Text(s.status, style=status_style),
        "saved": Text(s.saved or "—", style="dim" if not s.saved else ""),
    }
    return [cells[k] for k in keys]


class QueueTable(DataTable):
    """The queue's DataTable. Every column has a fixed width and every row a height of one line,
    so new rows need no measuring: Textual 8.2.8 measures every cell of every new row (about 1.5 s
    for 10,000 reports), which this skips. tests/app/test_robustness.py (ten thousand reports) checks
    the result. `home` and `end` go to the first and the last report (a DataTable's own move a row
    cursor nowhere: they go to the first and last column)."""

    BINDINGS = [
        Binding("home", "scroll_top", "first report", show=False),
        Binding("end", "scroll_bottom", "last report", show=False),
    ]

    def _update_dimensions(self, new_rows) -> None:
        if any(c.auto_width for c in self.columns.values()) or self._labelled_row_exists:
            super()._update_dimensions(new_rows)
            return
        width = sum(c.get_render_width(self) for c in self.columns.values()) + self._row_label_column_width
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width, self._total_row_height + header)


class QueueScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "open", id="queue.open"),
        Binding("slash", "filter", "filter", id="queue.filter"),
        Binding("s", "sort", "sort by column", id="queue.sort"),
        Binding("o", "app.overview", "overview", id="queue.overview"),
        Binding("a", "agency", "agency by year", id="queue.agency"),
        Binding("space", "mark", "mark", id="queue.mark"),
        Binding("i", "meta", "set agency/year", id="queue.meta"),
        Binding("escape", "clear_filter", "clear filter", show=False, id="queue.clear_filter"),
        Binding("j", "cursor_down", "down", show=False, id="queue.down"),
        Binding("k", "cursor_up", "up", show=False, id="queue.up"),
        Binding("question_mark", "app.help", "help", id="queue.help"),
        Binding("q", "app.quit_app", "quit", id="queue.quit"),
    ]

    class Changed(Message, bubble=False):
        """To the queue, from the workspace it watches: a report's line changed (saved, closed,
        its agency set)."""

        def __init__(self, summary: Summary) -> None:
            super().__init__()
            self.summary = summary

    # (column key, descending): the header of the sorted column is underlined and the progress
    # line says the order; changing it sorts the rows
    sort: reactive[tuple[str | None, bool]] = reactive((None, False), init=False)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.query_text = ""
        self.marked: set[str] = set()  # rows marked with space: `i` sets their agency or year at once
        self.recognising = ""  # which scan's page is being recognised, while the rows fill
        self.searching = ""  # how far the search of a big folder is (escape stops it)
        self._stop_search = False
        workspace.watch(self._workspace_changed)

    @property
    def sort_column(self) -> str | None:
        return self.sort[0]

    @property
    def sort_reverse(self) -> bool:
        return self.sort[1]

    def compose(self) -> ComposeResult:
        yield Label(Text(displayable(f"gik-tui · {self.workspace.target}")), id="queue-title")
        yield OrderedInput(placeholder="filter by file name, agency or year (a typo is forgiven) · escape clears",
                           id="queue-filter", on_change=self._filter_to)
        yield Label("", id="queue-progress")
        yield QueueTable(id="queue-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.focus()
        self.app.theme_changed_signal.subscribe(self, lambda theme: self.restyle())
        if self.workspace.scanned:
            self._columns()
            self.fill_rows()
            self.load()
        else:  # a folder not searched yet (the app starts at once, even in a home folder)
            self.searching = f"searching {self.workspace.target} …"
            self.show_progress()
            self.search()

    def _columns(self) -> None:
        table = self.query_one(DataTable)
        # (room for a marked row's ✓ too: the mark pushed the end of the longest names out of sight)
        names = max((cell_len(p.rsplit("/", 1)[-1]) for p in self.workspace.files), default=4) + cell_len(MARK)
        widths = {**WIDTHS, "file": min(max(names, FILE_WIDTH[0]), FILE_WIDTH[1])}
        for key, label in COLUMNS:
            table.add_column(self._header(key), key=key, width=widths.get(key))

    @work(thread=True, exclusive=True, group="queue-search")
    def search(self) -> None:
        """Search the folder for reports, saying how far it is; escape stops it (the reports found
        so far are then listed)."""
        ws = self.workspace

        def progress(folders: int, found: int, where: str) -> None:
            self.app.call_from_thread(self._searched, f"searching {ws.target}: {folders:,} folders, {found:,} report(s) "
                                                      "so far · escape stops (what was found is listed)")

        ws.scan(progress, lambda: self._stop_search)
        self.app.call_from_thread(self._search_done)

    def _searched(self, said: str) -> None:
        self.searching = said
        self.show_progress()

    def _search_done(self) -> None:
        self.searching = ""
        self._columns()
        self.fill_rows()
        for w in self.workspace.warnings:
            self.notify(displayable(w), severity="warning", timeout=8)
        self.show_progress()
        self.load()

    # ------------------------------------------------------------------ loading
    def visible_paths(self) -> list[str]:
        files = self.workspace.files
        q = self.query_text
        if not q:
            return files
        q = q.lower()
        exact, near = [], []
        for p in files:
            s = self.workspace.summaries.get(p)
            hay = " ".join((p.rsplit("/", 1)[-1], s.agency if s else "", str(s.year) if s and s.year else "")).lower()
            if q in hay:
                exact.append(p)
            elif fuzz.partial_ratio(q, hay) >= FILTER_SCORE:
                near.append(p)
        # what the analyst typed, where it is found as typed; else what is near it (a typo: lusng)
        return exact or near

    def fill_rows(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        c = role_colours(self.app)
        rows = [(p, row_cells(self.workspace.summaries.get(p), p.rsplit("/", 1)[-1], c, p in self.marked))
                for p in self.visible_paths()]
        for p, cells in rows:
            table.add_row(*cells, key=p)
        if self.sort_column:
            self._sort()
        self._keep_order()

    def _keep_order(self) -> None:
        """The workspace follows the rows as shown: "next report" goes down this list."""
        self.workspace.set_order([str(r.key.value) for r in self.query_one(DataTable).ordered_rows],
                                 bool(self.query_text))

    @work(thread=True, exclusive=True, group="queue-load")
    def load(self) -> None:
        """Summarise every report. A few reports are done in this thread; a folder of many goes to a
        separate process, so extraction never holds the interpreter lock the screen needs."""
        worker = get_current_worker()
        ws = self.workspace
        todo = [p for p in ws.files if p not in ws.summaries]
        from contextlib import closing

        # many reports go to the core's one pool in other processes (forked: the children only run
        # the core), so extraction never holds the interpreter lock the screen needs; closing the
        # results ends the workers
        many = len(todo) > IN_THREAD
        workers = max(1, (os.cpu_count() or 2) - 1) if many else 1
        from ...core.readers import ocr

        def pages(source: str, page: int, count: int) -> None:  # a scan recognised here: seconds a page
            self.app.call_from_thread(self._recognising, f"recognising {os.path.basename(source)} page {page}/{count}")

        with closing(ws.summarize(todo, workers, apart=many)) as results, ocr.reporting(pages):
            self._collect(worker, results)
        self.app.call_from_thread(self._recognising, "")

    def _recognising(self, said: str) -> None:
        self.recognising = said
        if said:  # a scan takes seconds a page: the rows summarised before it are drawn now, not after it
            self.apply(list(self.workspace.summaries.values()))
        self.show_progress()

    def _collect(self, worker, results) -> None:
        """Hand the summaries to the screen in batches (the workspace already has each)."""
        batch: list[Summary] = []
        last = time.monotonic()
        for s in results:
            if worker.is_cancelled:
                return
            batch.append(s)
            if time.monotonic() - last > 0.25 or len(batch) >= 500:
                self.app.call_from_thread(self.apply, batch)
                batch, last = [], time.monotonic()
        self.app.call_from_thread(self.apply, batch)

    def apply(self, batch: list[Summary]) -> None:
        table = self.query_one(DataTable)
        colours = role_colours(self.app)
        for s in batch:
            self.update_row(s, table, colours)
        self.show_progress()

    def update_row(self, s: Summary, table: DataTable | None = None, colours: dict[str, str] | None = None) -> None:
        table = table or self.query_one(DataTable)
        if s.path not in table.rows:
            return
        for (key, _), value in zip(COLUMNS, row_cells(s, s.name, colours or role_colours(self.app), s.path in self.marked)):
            table.update_cell(s.path, key, value)

    def counts(self) -> str:
        by = self.workspace.counts()
        return (f"{len(self.workspace.files)} reports · {by[NEW]} new · {by[IN_PROGRESS]} in progress · "
                f"{by[DONE]} done · {by[FLAGGED]} flagged" + (f" · {by[ERROR]} unreadable" if by[ERROR] else ""))

    def progress(self) -> str:
        """The line above the rows, from the state alone: how far the summarising is, else a filter
        that matches nothing, else the counts and the order of the rows when they are sorted."""
        ws = self.workspace
        if self.searching:
            return displayable(self.searching)
        if not ws.files:  # a fresh install run from the home folder: say what to do, never an empty screen
            from ...core.readers import REPORT_SUFFIXES

            return displayable(f"no reports found in {ws.target} ({', '.join(REPORT_SUFFIXES)}) · "
                               "gik-tui FOLDER opens a folder of reports; gik-tui alone opens the bundled samples")
        done = sum(1 for p in ws.files if p in ws.summaries)
        if done < len(ws.files):
            return f"{done:,} of {len(ws.files):,} extracted" + (f" · {self.recognising}" if self.recognising else "")
        if self.query_text and not self.query_one(DataTable).row_count:
            return displayable(f"no report matches {self.query_text!r} · escape clears the filter")
        col, rev = self.sort
        return self.counts() + (f" · sorted by {dict(COLUMNS)[col]} {'▼' if rev else '▲'}" if col else "")

    def show_progress(self) -> None:
        said = self.progress()
        table = self.query_one(DataTable)
        if table.row_count and not self.searching:  # the row under the cursor cannot be read: why, whole
            try:
                path = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            except Exception:  # noqa: BLE001 - no row under the cursor yet
                path = None
            s = self.workspace.summaries.get(path) if path else None
            if s is not None and s.error and s.status == ERROR:
                said = displayable(f"{s.name}: {s.error}")
        self.query_one("#queue-progress", Label).update(Text(said))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_progress()

    def restyle(self) -> None:
        """The theme changed: the rows take its colours."""
        if self.is_mounted:
            self.fill_rows()

    class ClearFilter(Message, bubble=False):
        """To the queue, from the workspace it watches: show every report again."""

    def _workspace_changed(self, what: str, value: object) -> None:
        """The workspace's word (its thread, maybe not the screen's): answered as a message."""
        if what == "summary":
            self.post_message(self.Changed(value))  # type: ignore[arg-type]
        elif what == "filter cleared":
            self.post_message(self.ClearFilter())

    def on_queue_screen_clear_filter(self, event: ClearFilter) -> None:
        self.action_clear_filter()

    def on_queue_screen_changed(self, event: Changed) -> None:
        self.update_row(event.summary)
        self.show_progress()

    # ------------------------------------------------------------------ actions
    def action_open(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.post_message(OpenReport(key))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(OpenReport(event.row_key.value))

    def _cursor_path(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_mark(self) -> None:
        """Mark (or unmark) the report under the cursor, and go down a row: `i` then sets the agency
        or year of every marked report at once."""
        path = self._cursor_path()
        if path is None:
            return
        self.marked ^= {path}
        name = path.rsplit("/", 1)[-1]
        s = self.workspace.summaries.get(path)
        table = self.query_one(DataTable)
        table.update_cell(path, "file", row_cells(s, name, role_colours(self.app), path in self.marked)[0])
        table.action_cursor_down()

    def action_meta(self) -> None:
        """The agency and/or year of the marked reports (else the one under the cursor), at once."""
        from ..dialogs import MetaDialog

        paths = [p for p in self.workspace.files if p in self.marked] or [p for p in [self._cursor_path()] if p]
        if not paths:
            return
        first = self.workspace.summaries.get(paths[0]) if len(paths) == 1 else None
        agency, year = (first.agency, first.year) if first is not None else ("", None)  # one report: as it has them

        def done(values: dict | None) -> None:
            if values is None or (not values.get("agency") and values.get("year") is None):
                return
            summaries, said = self.workspace.set_meta(paths, values.get("agency"), values.get("year"))
            self.marked -= {s.path for s in summaries}  # their rows: redrawn as the workspace tells
            what = " and ".join(x for x in (values.get("agency") and f"agency {values['agency']}",
                                            values.get("year") and f"year {values['year']}") if x)
            self.notify(f"{what} set for {len(summaries)} report(s)" + (f"; left alone: {'; '.join(said)}" if said else ""),
                        severity="warning" if said else "information", timeout=8)

        self.app.push_screen(MetaDialog(agency, year, "", (), count=len(paths)), done)

    def action_agency(self) -> None:
        """The agency of the report under the cursor, its reports side by side by year."""
        from .agency import AgencyScreen

        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        path = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        s = self.workspace.summaries.get(path)
        if s is None or not s.agency:
            self.notify("this report's agency is not known (yet): correct it in the report, or wait for the "
                        "queue to be summarised", severity="warning")
            return
        self.app.push_screen(AgencyScreen(self.workspace, s.agency))

    def action_filter(self) -> None:
        box = self.query_one("#queue-filter", Input)
        box.add_class("visible")
        box.display = True  # at once, not at the next refresh: the keys typed right after / are the filter's
        self.set_focus(box)  # (focus() waits for the next turn, and they went to the queue's keys: s sorted)

    def _filter_to(self, value: str) -> None:
        """The filter as typed, at once (in order with the keys after it: `enter enter` opens a row
        of the filtered list)."""
        self.query_text = value.strip()
        self.fill_rows()
        self.show_progress()

    def answers_on(self, event) -> bool:
        """`enter` in the filter (app/keyboard.py `Answers`): the keys after it wait until the list
        has the focus."""
        return event.key == "enter"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.set_focus(self.query_one(DataTable))
        self.app.keyboard.answered(self)  # type: ignore[attr-defined]

    def action_clear_filter(self) -> None:
        if self.searching:  # escape while a big folder is searched: stop there
            self._stop_search = True
            self.searching = "stopping the search …"
            self.show_progress()
            return
        box = self.query_one("#queue-filter", Input)
        if box.has_class("visible") or self.query_text:
            box.value = ""
            box.remove_class("visible")
            box.display = False
            self.query_text = ""
            self.fill_rows()
            self.query_one(DataTable).focus()

    def action_sort(self) -> None:
        table = self.query_one(DataTable)
        col = COLUMNS[table.cursor_coordinate.column][0] if table.cursor_type == "cell" else None
        if col is None:
            col = COLUMNS[self._sort_index()][0]
        self.sort = (col, not self.sort_reverse if self.sort_column == col else False)
        # said on the line above the rows ("sorted by … ▲") and by the underlined column: no toast,
        # which `s` pressed fast would stack over the rows

    def _sort_index(self) -> int:
        """Row cursor: each `s` moves to the next column to sort by."""
        keys = [k for k, _ in COLUMNS]
        if self.sort_column is None or not self.sort_reverse:
            return keys.index(self.sort_column) if self.sort_column in keys else 0
        return (keys.index(self.sort_column) + 1) % len(keys)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        col = event.column_key.value
        self.sort = (col, not self.sort_reverse if self.sort_column == col else False)

    def _header(self, key: str) -> Text:
        label = dict(COLUMNS)[key]
        return Text(label, justify="right" if key in NUMERIC else "left",
                    style="bold underline" if key == self.sort_column else "")

    def watch_sort(self) -> None:
        table = self.query_one(DataTable)
        for key, _ in COLUMNS:
            table.columns[ColumnKey(key)].label = self._header(key)
        self._sort()  # redraws the header too
        self.show_progress()

    def _sort(self) -> None:
        col = self.sort_column
        if col is None:
            return

        def key(cell: Text):
            s = cell.plain
            if col in NUMERIC:
                try:
                    return (0, float(s))
                except ValueError:
                    return (1, 0.0)
            if col == "file" and s.startswith(MARK):
                s = s[len(MARK):]  # (a marked row sorts by its name: the mark had put it after every other)
            return (0 if s not in ("", "…", "—") else 1, s)

        self.query_one(DataTable).sort(col, key=key, reverse=self.sort_reverse)
        self._keep_order()

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
