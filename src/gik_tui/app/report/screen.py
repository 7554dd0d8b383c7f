"""The report screen: the report text on the left, its tables, sections, checks and notes on the right."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from ...core.annotations import DONE, FLAGGED, AnnotationFile
from ...core.bundle import SplitRefused, find_parts, said_of, split_file
from ...core.document import Document
from ...core.model import Extraction, cell_address
from ...core.open_report import OpenReport
from ...core.provenance import FIRST, explain, shown_raw
from ...core.readers import ReadError
from ...core.review import Change, Review
from ...core.templates import Template, template_ids
from ...core.workspace import Workspace
from ..safe import displayable
from ..themes import cell_colours, role_colours
from ..widgets.source_view import SourceView
from ..widgets.edit_bar import EditBar
from ..widgets.status_line import StatusLine
from ..widgets.template_table import TemplateTable, fmt_number
from ..dialogs import AskText, Choose, MetaDialog
from ..messages import (LoadReport, MergeAsked, OpenNext, QuitAsked, QuitWouldLose, ReportClosed, ReportSettled, ReportShown,
                        SaveAsAsked)
from ..widgets.key_bar import KeyBar
from ..widgets.focus import TabbedPanes
from .checks_pane import ChecksPane
from .notes_pane import NoteArea, NotesPane
from .editing import Editing
from .headings import Headings
from .saving import Saving
from .sections_pane import SectionsPane
from .tables_pane import TablesPane


PREPARE_AFTER = 1.0  # seconds after the first report settles: the other formats' tables are built then

REPORT_KEYS = [
    Binding("tab", "switch_pane", "next pane", priority=True, show=False, id="report.switch_pane"),
    Binding("shift+tab", "switch_pane", "previous pane", priority=True, show=False, id="report.switch_pane.back"),
    Binding("e", "edit", "edit", id="report.edit"),
    Binding("enter", "enter", "edit / jump", show=False, id="report.enter"),
    Binding("x", "clear", "clear cell", show=False, id="report.clear"),
    Binding("c", "candidates", "candidates", id="report.candidates"),
    Binding("u", "undo", "undo", id="report.undo"),
    Binding("ctrl+r", "redo", "redo", show=False, id="report.redo"),
    Binding("right_square_bracket", "attention(1)", "next issue", key_display="]", id="report.next_issue"),
    Binding("left_square_bracket", "attention(-1)", "prev issue", key_display="[", show=False, id="report.previous_issue"),
    Binding("right_curly_bracket", "attention(1, True)", "next blank cell", key_display="}", show=False,
            id="report.next_blank"),
    Binding("left_curly_bracket", "attention(-1, True)", "previous blank cell", key_display="{", show=False,
            id="report.previous_blank"),
    Binding("z", "fill_zeros(False)", "blanks of this row → 0", show=False, id="report.zeros_row"),
    Binding("Z", "fill_zeros(True)", "blanks of this table → 0", key_display="Z", show=False, id="report.zeros_table"),
    Binding("m", "pick_heading", "map heading", id="report.pick_heading"),
    Binding("a", "accept", "accept heading", show=False, id="report.accept"),
    Binding("A", "accept_all", "accept all suggestions", key_display="A", show=False, id="report.accept_all"),
    Binding("d", "done", "done → next", id="report.done"),
    Binding("f", "flag", "flag", show=False, id="report.flag"),
    Binding("n", "next_report(1)", "next report", show=False, id="report.next"),
    Binding("p", "next_report(-1)", "previous report", show=False, id="report.previous"),
    Binding("ctrl+s", "save", "save", priority=True, show=False, id="report.save"),
    Binding("escape", "back", "back to queue", id="report.back"),
    Binding("t", "next_tab(1)", "next tab", id="report.tab.next"),
    Binding("T", "next_tab(-1)", "previous tab", key_display="T", show=False, id="report.tab.previous"),
    # digits type figures and nothing else: a digit off a value cell never switches a tab or
    # leaves the report (a newcomer typing a figure one cell too far), it says where figures go
    Binding("alt+1", "tab('tab-tables')", "Tables tab", show=False, id="report.tab.tables"),
    Binding("alt+2", "tab('tab-sections')", "Sections tab", show=False, id="report.tab.sections"),
    Binding("alt+3", "tab('tab-checks')", "Checks tab", show=False, id="report.tab.checks"),
    Binding("alt+4", "tab('tab-notes')", "Notes tab", show=False, id="report.tab.notes"),
    Binding("0,1,2,3,4,5,6,7,8,9", "digit", "type a figure (on a value cell; nothing else anywhere)",
            key_display="0–9", show=False, id="report.digit"),
    Binding("i", "edit_meta", "agency / year / template", show=False, id="report.edit_meta"),
    Binding("j", "move('down')", "down", show=False, id="report.down"),
    Binding("k", "move('up')", "up", show=False, id="report.up"),
    Binding("question_mark", "app.help", "help", id="report.help"),
    Binding("q", "app.quit_app", "quit", id="report.quit"),
]


class ReportScreen(Editing, Headings, Saving, Screen):
    """One report beside its tables, for every report: the app installs it once and loads each
    report into it, so opening a report (or moving to the next) only refills widgets.

    The app and the screen call none of each other's methods: they post the messages of
    app/messages.py. The app posts `LoadReport`, `QuitAsked` and `SaveAsAsked` to the screen; the
    screen tells the app what happened with `ReportShown` (bring me forward), `ReportSettled`,
    `OpenNext`, `ReportClosed` and `QuitWouldLose`. A report's queue line goes to the workspace
    (`Workspace.summary`), which tells the queue. The reports, the annotations folder and the
    annotator come from the workspace it is given."""

    BINDINGS = REPORT_KEYS

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.report: OpenReport | None = None  # the report on screen: everything it holds lives there
        self._timer = None  # the autosave's (Saving)
        self.failed: str | None = None
        self._last_right = None
        self._part_shown: tuple[str, int] | None = None  # (report, index) of the file's next report shown last
        self._stop = None  # what `]` found here (an Attention), said once with the cell on the status line
        self._failing_shown: set = set()
        self._told: set[str] = set()
        self._notes_stale = False
        self._focus_pending = False
        self._relayout_due = False  # a resize's relayout is waiting for the next refresh
        self._panes_stale = False
        self._prepared = False  # the other formats' tables built, hidden (once, after the first report)

    # ------------------------------------------------------------------ the open report's parts
    # read-only views of `report` (core/open_report.py), which is their one home
    @property
    def review(self) -> Review | None:
        return None if self.report is None else self.report.review

    @property
    def ex(self) -> Extraction:
        return self.report.ex  # type: ignore[union-attr]

    @property
    def doc(self) -> Document:
        return self.report.doc  # type: ignore[union-attr]

    @property
    def template(self) -> Template:
        return self.report.template  # type: ignore[union-attr]

    @property
    def ann_file(self) -> AnnotationFile:
        return self.report.file  # type: ignore[union-attr]

    @property
    def path(self) -> str:
        return "" if self.report is None else self.report.path

    @property
    def name_(self) -> str:
        return "" if self.report is None else self.report.name

    def apply_values(self, values: dict) -> Change | None:
        """Figures the analyst put in a table: set in the open report's review (one undo step)."""
        return self.review.set_cells(values)

    # ------------------------------------------------------------------ loading
    def load(self, path: str) -> bool:
        """Read, extract and review a report (no widgets touched); False with `failed` set when the
        report cannot be read."""
        if self.report is not None:  # its undo steps, for when it is opened again in this session
            self.workspace.keep_history(self.report)
        try:
            report = self.workspace.open(path)
        except ReadError as e:
            self.failed = str(e)
            return False
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.report = report
        self.failed = None
        if self.is_mounted:
            self.populate()
        return True

    def compose(self) -> ComposeResult:
        yield StatusLine(id="report-title")
        with Horizontal(id="split"):
            yield SourceView("", id="source")
            with TabbedPanes(id="right", initial="tab-tables"):
                with TabPane("Tables", id="tab-tables"):
                    yield TablesPane(self.apply_values, id="tables-scroll")
                with TabPane("Sections", id="tab-sections"):
                    yield SectionsPane(id="sections-table")
                    yield Static("", id="missing")
                with TabPane("Checks", id="tab-checks"):
                    yield ChecksPane(id="checks-table")
                with TabPane("Notes", id="tab-notes"):
                    yield NotesPane(id="notes")
        yield EditBar(id="edit-bar")
        yield KeyBar()

    def on_mount(self) -> None:
        self.status_line = self.query_one("#status", StatusLine)
        self.edit_bar = self.query_one(EditBar)
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.review is not None:
            self.populate()

    def _theme_changed(self, theme) -> None:
        if self.review is not None:
            self.restyle()

    # ------------------------------------------------------------------ what the app asks
    def on_load_report(self, event: LoadReport) -> None:
        if self.review is not None and not self.save_now():
            self.post_message(ReportShown())  # the unsaved report stays on screen, to be saved elsewhere (ctrl+s)
            self.post_message(ReportSettled())
            return
        if not self.load(event.path):
            self.notify(self.failed or f"{event.path}: cannot open", severity="error")
            self.post_message(ReportSettled())
            return
        self.post_message(ReportShown())

    def on_quit_asked(self, event: QuitAsked) -> None:
        if self.review is None or self.save_now():
            self.app.exit()
        else:
            self.post_message(QuitWouldLose(conflict=self.report.save_needs() == "conflict"))

    def on_merge_asked(self, event: MergeAsked) -> None:
        if self.merge_annotation() and event.then_quit:
            self.app.exit()

    def on_save_as_asked(self, event: SaveAsAsked) -> None:
        self.ask_save_as()

    def populate(self) -> None:
        """Put the loaded report into the widgets."""
        rv = self.review
        source = self.query_one(SourceView)
        source.headings = self.heading_spans()
        source.show(self.doc.text, {self.doc.line_of(p): self.doc.page_label(k + 1) for k, p in enumerate(self.doc.pages)})
        # new tables take the cursor once they are built (TablesPane.Ready)
        self._focus_pending = not self.query_one(TablesPane).show(self.template, rv)
        self.query_one(TabbedContent).active = "tab-tables"
        focused = self.focused
        if focused is not None and focused is not source and self.query_one("#tab-tables") not in focused.ancestors:
            # the focus stays in no hidden pane until the first cell takes it: a late "focused in
            # this pane" message of the report before (t T n at once) then finds no focus there
            # and cannot switch the new report's tabs back to that pane (widgets/focus.py)
            self.set_focus(None)
        # the other tabs are filled when they are first shown (filling hidden panes lays the whole
        # screen out again: tens of ms on every report opened)
        self._failing_shown = set(rv.failing_cells())
        self._told = set()  # tables whose question was announced in this report
        self._panes_stale = True
        self._notes_stale = True
        self.refresh_title()
        if self.ann_file.error is not None:
            self.notify(f"{self.ann_file.error} — edits stay in memory; ctrl+s saves them elsewhere",
                        severity="error", timeout=10)
        elif self.ann_file.problems:
            self.notify("parts of the annotation were left out (the next save drops them): "
                        + "; ".join(self.ann_file.problems[:3]), severity="warning", timeout=10)
        if rv.source_changed:
            self.notify(f"{self.name_}: the report changed since it was annotated; "
                        f"{len(rv.stale)} edit(s) no longer match the extraction (marked ≠)",
                        severity="warning", timeout=10)
        if not self._focus_pending:
            self.call_after_refresh(self.focus_first_cell)

    def on_tables_pane_ready(self, event: TablesPane.Ready) -> None:
        if self._focus_pending:
            self._focus_pending = False
            self.call_after_refresh(self.focus_first_cell)

    def restyle(self) -> None:
        """The theme changed: redraw the cell states and the highlight in its colours."""
        self.query_one(TablesPane).restyle()
        source = self.query_one(SourceView)
        source.highlight = cell_colours(self.app)["gik-source"]
        source.notify_style_update()
        source.refresh()

    def jump_to_table(self, table_id: str) -> None:
        self.query_one(TabbedContent).active = "tab-tables"
        self.query_one(TablesPane).jump_to_table(table_id)

    def focus_first_cell(self) -> None:
        t = self.query_one(TablesPane).focus_first_cell()
        if t is not None:
            self.on_cell_moved(t)
        self.post_message(ReportSettled())
        if not self._prepared:  # once: the other formats' tables, hidden, at the next idle moment
            self._prepared = True
            self.set_timer(PREPARE_AFTER, self._prepare_tables)

    def _prepare_tables(self) -> None:
        from ...core.templates import load_template, template_ids

        others = [load_template(t) for t in template_ids() if t != self.template.id]
        self.query_one(TablesPane).prepare(others)

    def tables(self) -> list[TemplateTable]:
        return self.query_one(TablesPane).tables()

    def table(self, table_id: str) -> TemplateTable:
        return self.query_one(TablesPane).table(table_id)

    # ------------------------------------------------------------------ text
    def title_text(self) -> Text:
        rv = self.review
        ex = self.ex
        parts = [self.name_, rv.agency or "(agency?)", str(rv.year or "(year?)"),
                 ex.template, rv.status]
        t = Text(displayable(" · ".join(str(p) for p in parts)), no_wrap=True, overflow="ellipsis")
        if self.dirty:
            t.append("  ● unsaved", style=f"bold {role_colours(self.app)['warning']}")
        if self.ann_file.error is not None:
            t.append("  ✗ annotation not writable", style=f"bold {role_colours(self.app)['error']}")
        return t

    def set_status(self, text: str | Text) -> None:
        self.status_line.text = text if isinstance(text, Text) else Text(displayable(text), no_wrap=True, overflow="ellipsis")

    def refresh_title(self) -> None:
        self.query_one("#report-title", StatusLine).text = self.title_text()

    # ------------------------------------------------------------------ panes
    def fill_sections(self) -> None:
        note = self.query_one(SectionsPane).show(self.ex, self.review)
        self.query_one("#missing", Static).update(Text(note))

    def fill_checks(self) -> None:
        self.query_one(ChecksPane).show(self.review, self.workspace.year_checks(self.path, self.review))

    def action_move(self, direction: str) -> None:
        """j/k in the Sections and Checks lists (the tables and the text have their own)."""
        f = self.focused
        if isinstance(f, DataTable):
            f.action_cursor_down() if direction == "down" else f.action_cursor_up()

    TABS = ("tab-tables", "tab-sections", "tab-checks", "tab-notes")

    # the footer where the focus is: the keys that do nothing there left out, what `enter` does said
    _CELL_KEYS = frozenset({"edit", "candidates"})
    FOOTER = {
        TemplateTable: (frozenset({"pick_heading"}), ()),  # m acts on a heading, not on a cell
        SectionsPane: (_CELL_KEYS | {"pick_heading"}, (("⏎ m", "map heading"), ("a", "accept heading"))),
        ChecksPane: (_CELL_KEYS | {"pick_heading"}, (("⏎", "jump to its cell"),)),
        NoteArea: (_CELL_KEYS | {"pick_heading"}, (("⏎", "write the note"),)),
        SourceView: (_CELL_KEYS, ()),  # m maps the heading on the text's line
    }

    def footer_context(self) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
        """KeyBar's question: the actions to leave out of the footer and the keys to show first,
        for the widget that has the focus."""
        f = self.focused
        for kind, ctx in self.FOOTER.items():
            if isinstance(f, kind):
                return ctx
        return frozenset(), ()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.query_one(KeyBar).refresh()  # its keys follow the focus (footer_context)
        if self.review is None or event.widget is not self.focused:
            return  # (a focus already passed on, `t t t t` typed fast: what it says would come after the cell's)
        # the status line says what the focused list or note is about, not what the last cell,
        # heading or check said (the Checks tab's "enter goes to the cells…" on the Notes tab)
        if isinstance(event.widget, ChecksPane):
            self.set_status(event.widget.summary())
        elif isinstance(event.widget, SectionsPane):
            start = event.widget.start_at_cursor()
            if start is not None:
                self._heading_highlighted(SectionsPane.Highlighted(start))
            else:
                self.set_status("no headings were found in this report")
        elif isinstance(event.widget, NoteArea) and event.widget.read_only:  # (not writing: that says its own)
            n = len(self.ex.warnings)
            self.set_status(f"{n} warning(s) from reading the report above · enter writes the note, kept with "
                            "the report" if n else "no warnings from reading the report · enter writes the note, "
                            "kept with the report")

    def action_digit(self) -> None:
        """A digit where no figure can be typed (a label, a heading, a check): it only says so."""
        self.notify("a digit types a figure on a value cell of the Tables tab (t / T or alt+1–4 change tabs)",
                    timeout=3)

    def action_next_tab(self, step: int) -> None:
        """`t` / `T`: the next (previous) tab (alt+1–4 choose one; a digit never does)."""
        tabs = self.query_one(TabbedContent)
        i = self.TABS.index(tabs.active) if tabs.active in self.TABS else 0
        self.action_tab(self.TABS[(i + step) % len(self.TABS)])

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if self.review is not None:  # filled now, not when the tab says it is shown: the keys after
            self.refresh_panes()  # this one (enter on a heading, on a check) find their rows
        self.focus_pane()
        if tab == "tab-tables" and self.review is not None and (t := self.current_table()) is not None:
            self.on_cell_moved(t)  # the status line tells the cell again (it still said the note's keys)

    def focus_pane(self) -> None:
        active = self.query_one(TabbedContent).active
        if active == "tab-tables":
            self.query_one(TablesPane).focus_table()
        elif active == "tab-sections":
            self.set_focus(self.query_one("#sections-table"))
        elif active == "tab-checks":
            self.set_focus(self.query_one("#checks-table"))
        else:
            self.set_focus(self.query_one("#note"))

    def action_switch_pane(self) -> None:
        source = self.query_one(SourceView)
        if self.focused is source:
            if self._last_right is not None and self._last_right.is_attached and self._last_right.parent is not None:
                self.set_focus(self._last_right)
            else:
                self.focus_pane()
        else:
            self._last_right = self.focused
            self.set_focus(source)

    # ------------------------------------------------------------------ the cursor
    @on(DataTable.CellHighlighted, "TemplateTable")
    def _cursor_moved(self, event: DataTable.CellHighlighted) -> None:
        if event.data_table is not self.focused:
            return  # a table refilled for the next report, or one of another format built hidden
        self.on_cell_moved(event.data_table)  # type: ignore[arg-type]

    @on(SectionsPane.Highlighted)
    def _heading_highlighted(self, event: SectionsPane.Highlighted) -> None:
        if not self.query_one(SectionsPane).has_focus:
            return  # refilled behind the tables (a reload, a merge): the cell's status line stays
        s = self.heading_at(event.start)
        if s is not None:
            col = s.start - self.doc.line_starts[s.line - 1]
            self.query_one(SourceView).show_span(s.line - 1, col, col + max(1, s.end - s.start))
            where = f"{self.doc.page_label(s.page)}, line {s.line}" if s.page else f"line {s.line}"
            self.set_status(f"heading {where}: candidates " + ", ".join(f"{n} {sc:.0f}" for n, sc in s.candidates))

    @on(SectionsPane.Chosen)
    def _heading_chosen(self, event: SectionsPane.Chosen) -> None:
        self.action_pick_heading()

    def on_cell_moved(self, table: TemplateTable) -> None:
        key = table.key_at_cursor()
        source = self.query_one(SourceView)
        if key is None:
            label = table.labels.get(table.cursor_coordinate.row, "")
            self.edit_bar.show_value("")
            self.set_status(f"{table.spec.id} › {label}: not a value cell")
            source.clear_span()
            return
        cur = self.review.cell(key)
        orig = self.review.extracted(key)
        addr = cell_address(key)
        value = fmt_number(cur.value) if cur is not None and cur.value is not None else "blank"
        self.edit_bar.show_value(fmt_number(cur.value) if cur is not None else "")
        msg = f"{addr} = {value}"
        if orig is not None and orig.value is not None and not self.review.is_edited(key):  # first, so a narrow line keeps it
            msg += f" (confidence {orig.confidence})"  # (a blank's says nothing: left out, the line is short)
        q = self.review.question_at(key)
        if q is not None:  # the row is one of a table's question: said, once a report, not per cell
            why = (f"one question for {len(q.rows)} rows (which columns hold their figures?): "
                   f"{q.label(q.options[0])} first — c answers it for every row")
            if q.table not in self._told:
                self._told.add(q.table)
                self.notify(f"{q.text} — c on any of its cells answers it for all {len(q.rows)} rows", timeout=8)
        else:
            why = (explain(orig, self.review.ex.template, self.review.ex.splits.get((key[0], key[1])),
                           self.review.ex.offers.get(key))
                   if orig is not None and not self.review.is_edited(key) else "")
        if why.startswith("undecided") and FIRST in why:
            # its candidates and their shares right after its value, where a 160-column line still
            # shows them (after the source they were cut to `]`'s "2 candidates (c picks)"); why
            # the first leads stays last
            lead, why = why.split(FIRST, 1)
            why = "first:" + why
            msg += f": {lead}"
            if self._stop is not None and self._stop.undecided:
                self._stop = None  # (what `]` would say of it, said better)
        if self._stop is not None:  # why `]` stopped here: after the cell and its value, which a narrow line keeps
            msg += f"  ▸ {self._stop.label}"
        self._stop = None
        if self.review.is_edited(key):
            was = fmt_number(orig.value) if orig is not None and orig.value is not None else "blank"
            msg += f"  (edited; extracted {was})"
        # where the value stands, before why (a long why is what a narrow line cuts)
        if orig is not None and orig.start is not None and orig.line is not None:
            row = orig.line - 1
            col = orig.start - self.doc.line_starts[row]
            source.show_span(row, col, col + max(1, orig.end - orig.start))
            where = f"{self.doc.page_label(orig.page)}, line {orig.line}" if orig.page else f"line {orig.line}"
            box = self.doc.box_at(orig.start)  # a recognised figure: where it stands on the picture
            msg += f"  · {where}{', ' + box if box else ''}, raw {shown_raw(orig.raw)}"
        else:
            source.clear_span()
            msg += "  · no source in the text"
        if why:
            msg += f"  · {why}"
        self.set_status(msg)

    def current_table(self) -> TemplateTable | None:
        return self.focused if isinstance(self.focused, TemplateTable) else None

    # ------------------------------------------------------------------ routing
    def action_enter(self) -> None:
        f = self.focused
        if isinstance(f, TemplateTable):
            self.action_edit()
        elif isinstance(f, ChecksPane):
            keys = f.cells_at_cursor()  # now, not by a message: a figure typed next goes to that cell
            if keys == [] and f.check_at_cursor() == "file.reports":
                self.show_next_report()
            elif keys is not None:
                self.jump_to(keys)
        elif isinstance(f, SectionsPane):
            self.action_pick_heading()

    @on(DataTable.CellSelected, "TemplateTable")
    def _cell_clicked(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_edit()

    def refresh_panes(self) -> None:
        if self._panes_stale:
            self._panes_stale = False
            self.fill_checks()
            self.fill_sections()
        if self._notes_stale:
            self._notes_stale = False
            self.query_one(NotesPane).show(self.ex.warnings, self.review.note)

    def on_resize(self, event: events.Resize) -> None:
        """The terminal was resized: the row labels and the Checks pane take the new width and the
        source pane shows the cell's line again (once for a run of resizes: after the next refresh)."""
        if self.review is not None and not self._relayout_due:
            self._relayout_due = True
            self.call_after_refresh(self._relayout)

    def _relayout(self) -> None:
        self._relayout_due = False
        if self.review is None:
            return
        pane = self.query_one(TablesPane)
        tables = pane.tables()
        if not any(t.editing is not None for t in tables):  # never while a figure is being typed
            t = self.current_table()
            key = t.key_at_cursor() if t is not None else None
            had_focus = self.focused is t
            for table in tables:
                table.build()
            if key is not None and t is not None and key in t.coords:
                if had_focus:
                    self.goto_cell(key)
                else:
                    t.move_cursor(row=t.coords[key][0], column=t.coords[key][1])
        self._panes_stale = True
        if self.query_one(TabbedContent).active in ("tab-sections", "tab-checks"):
            self.refresh_panes()
        self.query_one(SourceView).recenter()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if self.review is not None:
            self.refresh_panes()

    def goto_cell(self, key) -> bool:
        pane = self.query_one(TablesPane)
        if not any(key in t.coords for t in pane.tables()):
            return False
        self.query_one(TabbedContent).active = "tab-tables"
        t = next(t for t in pane.tables() if key in t.coords)
        already = t.cursor_coordinate == t.coords[key]
        moved = pane.goto_cell(key)
        if moved and already:  # no highlight comes: the status line and the source are told here
            self.on_cell_moved(t)
        return moved

    # ------------------------------------------------------------------ attention
    def action_attention(self, step: int, blanks_only: bool = False) -> None:
        """`]` / `[`: the next (previous) thing that needs the analyst after the cursor, in reading
        order; `}` / `{`: the next (previous) blank cell. What it is shows on the status line."""
        t = self.current_table()
        heading = None
        focused = self.focused
        if isinstance(focused, DataTable) and focused.id == "sections-table" and focused.row_count:
            try:  # the cursor on a heading: the round goes on from it
                heading = int(focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value)
            except (ValueError, TypeError, LookupError):
                heading = None
        target = self.review.next_attention(step, blanks_only, t.key_at_cursor() if t is not None else None, heading)
        if target is None:
            self.notify("no blank cell left" if blanks_only else "nothing needs attention")
            return
        if target.kind == "heading":
            self.refresh_panes()
            self.query_one(TabbedContent).active = "tab-sections"
            st = self.query_one("#sections-table", DataTable)
            self.set_focus(st)
            st.move_cursor(row=st.get_row_index(str(target.key)))
            self.set_status(f"▸ {target.label}")
        else:
            self._stop = target  # said on the status line with the cell (no toast to cover it)
            self.goto_cell(target.key)

    def action_fill_zeros(self, whole_table: bool) -> None:
        """`z`: the blank cells of the cursor's row become 0 (reports that leave zeros empty); `Z`:
        every blank of the table, after asking. One undo step each."""
        t = self.current_table()
        if t is None or t.key_at_cursor() is None:
            self.notify("put the cursor on a value cell")
            return
        row = t.cursor_coordinate.row
        keys = [k for (r, _), k in sorted(t.slots.items()) if whole_table or r == row]
        zeros = self.review.blanks(keys)
        if not zeros:
            self.notify("no blank cell to fill " + ("in this table" if whole_table else "in this row"))
            return

        def fill(choice: str | None = "fill") -> None:
            if choice != "fill":
                return
            ch = self.review.set_cells(zeros)
            self.after_change(list(ch.cells) if ch else [])
            self.notify(f"{len(zeros)} blank cell(s) set to 0 (u undoes them together)", timeout=3)

        if whole_table:
            self.app.push_screen(Choose(f"Set the {len(zeros)} blank cell(s) of {t.spec.title} to 0?",
                                        [("y", "fill", "set them to 0"), ("n", "keep", "leave them blank")]), fill)
        else:
            fill()

    @on(ChecksPane.JumpTo)
    def _jump_to_check(self, event: ChecksPane.JumpTo) -> None:
        self.jump_to(event.keys)

    def show_next_report(self) -> None:
        """The text at where the file's next report starts (core/bundle.py), for a file that holds
        several: what `file.reports` in the Checks tab is about. Each press goes on to the next."""
        parts = [p for p in find_parts(self.doc)[1:] if p.copy_of is None]
        if not parts:
            return
        last = self._part_shown
        i = (last[1] + 1) % len(parts) if last is not None and last[0] == self.doc.source else 0
        self._part_shown = (self.doc.source, i)
        p = parts[i]
        self.query_one(SourceView).show_span(p.line - 1, p.column, p.column + 1)
        self.set_status(f"report {i + 2} of {len(parts) + 1} of the file starts here (line {p.line}); "
                        f"only the first is read: the palette's \"split this file into its reports\" writes each "
                        f"to its own file")

    def holds_several(self) -> bool:
        """Whether the open file holds several reports (its `file.reports` finding)."""
        return any(c.id == "file.reports" for c in self.ex.findings)

    def action_split_reports(self) -> None:
        """Write each report of the open file to its own text file beside it (`gik-tui split`), list
        them in the queue after it, and say so; nothing is written over a file that exists."""
        try:
            written = split_file(self.doc, find_parts(self.doc))
        except (SplitRefused, OSError) as e:
            self.app.notify(f"{e} (move or rename it, then split again)" if isinstance(e, SplitRefused)
                            else f"{self.doc.source}: cannot write ({e})",
                            severity="error", timeout=10)
            return
        self.app.add_reports([t for t, _ in written], self.doc.source)
        self.app.notify(f"wrote {len(written)} reports: {said_of(written)}; the file itself still holds them all "
                        "(move it out of the folder, or its first report is read twice)", timeout=10)

    def jump_to(self, keys: list) -> None:
        """The cursor to the first of a check's cells that is on a table."""
        self.refresh_panes()
        for key in keys:
            if self.goto_cell(key):
                break

    # ------------------------------------------------------------------ metadata
    def action_edit_meta(self) -> None:
        rv, ex = self.review, self.ex
        agency, year = rv.agency or "", rv.year

        def done(result: dict | None) -> None:
            if result is None:
                return
            changed = {k: v for k, v in result.items()
                       if v != {"agency": ex.agency, "year": ex.year, "template": ex.template}[k]}
            rv.set_meta({k: v for k, v in changed.items() if v is not None})
            self.mark_dirty()
            if not self.save_now():
                return
            if result["template"] != ex.template:
                self.load(self.path)  # extract again with the chosen template
                self.notify(f"extracted again as {result['template']}")
            self.refresh_title()

        self.app.push_screen(MetaDialog(agency, year, rv.meta.get("template", ex.template), template_ids()), done)

    # ------------------------------------------------------------------ status
    def action_done(self) -> None:
        left = self.review.before_done() if getattr(self.app, "settings", None) is None or \
            self.app.settings.ask_before_done else ""
        if not left:
            self._done()
            return

        def answer(choice: str | None) -> None:
            if choice == "never":
                from dataclasses import replace

                from ...core.settings import remember

                self.app.settings = replace(self.app.settings, ask_before_done=False)
                try:
                    remember(ask_before_done=False)
                except OSError as e:
                    self.notify(f"not remembered: {e}", severity="warning")
            if choice in ("done", "never"):
                self._done()

        self.app.push_screen(Choose(f"{left}. Mark this report done anyway?",
                                    [("y", "done", "done anyway"), ("a", "never", "done, and don't ask again"),
                                     ("n", "stay", "stay on the report")], default=None,
                                    leaves=("done", "never")), answer)
        self.post_message(ReportSettled())  # the keys held after `d` go to the question, in order

    def _done(self) -> None:
        self.review.status = DONE
        self.mark_dirty()
        if self.save_now():
            self.post_message(OpenNext(self.path, only_not_done=True))
        else:
            self.post_message(ReportSettled())  # staying: the keys held for the next report come here

    def action_flag(self) -> None:
        def done(note: str | None) -> None:
            if note is None:
                return
            self.review.set_note(note)
            self.review.status = FLAGGED
            self.query_one(NotesPane).set_note(note)
            self.mark_dirty()
            self.save_now()

        self.app.push_screen(AskText("Flag this report — note:", self.review.note), done)

    @on(NoteArea.Writing)
    def _note_writing(self, event: NoteArea.Writing) -> None:
        self.query_one(KeyBar).mode = (("esc", "done with the note (the report's keys work again)"),) \
            if event.writing else None
        self.set_status("writing the note: every key is typed into it · escape when done" if event.writing
                        else "the note is kept (saved with the report) · enter writes in it again")

    @on(NotesPane.Changed)
    def _note_changed(self, event: NotesPane.Changed) -> None:
        if self.review is not None and event.text != self.review.note:
            self.review.set_note(event.text)
            self.mark_dirty()

    def action_next_report(self, step: int) -> None:
        if self.save_now():
            self.post_message(OpenNext(self.path, step=step))
        else:
            self.post_message(ReportSettled())

    def action_back(self) -> None:
        self.save_now()
        if self.review is not None:
            self.summary()  # its queue line, to the workspace (which tells the queue)
        self.post_message(ReportClosed())
