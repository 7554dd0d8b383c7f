"""One agency over the years: its reports side by side by year (the figures the template's
`[summary] figures` name: requests received and carried, outcomes, review and litigation), the
carry-over rows that disagree with the year before or after marked ✗, and a sparkline of the
requests received per year (each template's first figure). Opened from the queue (`a`) for the agency of the report under the
cursor; `enter` opens the year under the cursor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label, Sparkline, Static

from ...core.workspace import Workspace
from ...core.templates import load_template, template_ids
from ...core.years import agency_key, agency_years
from ..safe import displayable
from ..themes import role_colours
from ..widgets.key_bar import KeyBar


YEAR_WIDTH = 14


def _tail(name: str, width: int) -> str:
    """The end of a file name that fits `width` cells (the end tells a year's files apart)."""
    from rich.cells import cell_len

    if cell_len(name) <= width:
        return name
    while name and cell_len("…" + name) > width:
        name = name[1:]
    return "…" + name


class AgencyScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back to queue", id="agency.back"),
        Binding("enter", "open_year", "open this year's report", id="agency.open"),
        Binding("question_mark", "app.help", "help", id="agency.help"),
        Binding("q", "app.quit_app", "quit", id="agency.quit"),
    ]

    def __init__(self, workspace: Workspace, agency: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.agency = agency
        self.key = agency_key(agency)
        self.years = []

    def compose(self) -> ComposeResult:
        name, self.years, notes = agency_years(self.workspace.summaries.values(), self.key)
        yield Label(Text(f"gik-tui · {displayable(name)} over the years"), id="queue-title")
        yield DataTable(id="agency-table", cursor_type="column", zebra_stripes=True)
        data = [self._requests(y) or 0 for y in self._every_year()]
        drawable = len(data) >= 2 and max(data) > 0  # one year, or none with a figure: no line to draw
        yield Label(Text("requests received per year" + ("" if drawable else " (too few years with a figure to draw)"),
                         style="bold"), id="agency-spark-title")
        spark = Sparkline(data, id="agency-spark")
        spark.display = drawable
        yield spark
        yield Static(self._legend(notes), id="agency-notes")
        yield KeyBar()

    def _every_year(self) -> list:
        """One entry per calendar year from the first to the last (a missing year: None)."""
        if not self.years:
            return []
        by = {y.year: y for y in self.years}
        return [by.get(k) for k in range(self.years[0].year, self.years[-1].year + 1)]

    @staticmethod
    def _requests(y):
        """The year's first figure (each template names requests received first), None when missing."""
        return y.figures[0][1] if y is not None and y.figures else None

    def _legend(self, notes: list[str]) -> Text:
        t = Text()
        line = " · ".join(f"{k}: {'—' if v is None else f'{v:,.0f}'}"
                          for k, v in zip(range(self.years[0].year, self.years[-1].year + 1),
                                          (self._requests(y) for y in self._every_year()))) if self.years else ""
        t.append(line + "\n")
        for n in notes:
            t.append(f"{n}\n", style="italic")
        if any(y.carry_breaks for y in self.years):
            t.append("✗ the carry-over with the year before or after fails (the report's Checks tab names both)\n")
        return t

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        c = role_colours(self.app)
        table.add_column(Text(""), key="label")
        for y in self.years:
            head = Text(f"{y.year}")
            if y.carry_breaks:
                head.append(" ✗", style=f"bold {c['error']}")
            table.add_column(head, key=y.source, width=YEAR_WIDTH)  # file names are cut to fit
        labels = list(dict.fromkeys(label for y in self.years for label, _ in y.figures))
        # the figures the carry-over ties (each template's carry-over rows: Template.carry_over)
        rules = {tid: load_template(tid).carry_over for tid in template_ids()}
        figures = [(f, rules[tid]) for tid in template_ids() for f in load_template(tid).figures]
        carried_in = {label for (label, key), rule in figures if rule and (key[0], key[1]) == rule[:2]}
        carried_out = {label for (label, key), rule in figures if rule and (key[0], key[1]) == (rule[0], rule[2])}
        for label in labels:
            cells = []
            for y in self.years:
                v = dict(y.figures).get(label)
                text = Text("·" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}",
                            justify="right", style="dim" if v is None else "")
                if (label in carried_in and y.breaks_before) or (label in carried_out and y.breaks_after):
                    text.append(" ✗", style=f"bold {c['error']}")
                cells.append(text)
            table.add_row(Text(label), *cells)
        table.add_row(Text("file", style="dim"), *[Text(_tail(displayable(y.source.rsplit("/", 1)[-1]), YEAR_WIDTH),
                                                        style="dim") for y in self.years])
        if self.years:
            table.move_cursor(column=1)

    def on_data_table_column_selected(self, event: DataTable.ColumnSelected) -> None:
        event.stop()  # the table takes `enter` itself
        self.action_open_year()

    def year_at_cursor(self) -> int | None:
        """The index of the year whose column the cursor is on, or None (the labels' column)."""
        col = self.query_one(DataTable).cursor_coordinate.column - 1
        return col if 0 <= col < len(self.years) else None

    def action_open_year(self) -> None:
        col = self.year_at_cursor()
        if col is not None:
            from ..messages import OpenReport

            self.app.pop_screen()
            self.app.post_message(OpenReport(self.years[col].source, agency=self.agency))
