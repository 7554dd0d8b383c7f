"""A picture of the corpus: review status, failing checks by template section, and requests
received per year, drawn in the terminal from the extractions with the annotations applied."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from ...core.queue import coverage, requests_per_year
from ...core.templates import load_template, template_ids
from ...core.values import fmt_number
from ...core.annotations import DONE, ERROR, FLAGGED, IN_PROGRESS, NEW
from ...core.workspace import STATUSES, Workspace
from ..themes import role_colours
from ..widgets.key_bar import KeyBar


def _section_of(table: str) -> str:
    """The template section a table belongs to, as the template files say."""
    for tid in template_ids():
        for spec in load_template(tid).tables:
            if spec.id == table:
                return spec.section
    return table


def bar(value: float, top: float, width: int) -> str:
    if top <= 0 or value <= 0:
        return ""
    eighths = round(value / top * width * 8)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def bars(rows: list[tuple[str, float]], width: int = 40, style: str = "", styles: dict | None = None) -> Text:
    """A horizontal bar chart: label, value, bar scaled to the largest value."""
    t = Text()
    if not rows:
        t.append("  (nothing yet)\n", style="dim")
        return t
    top = max(v for _, v in rows)
    label_w = max(Text(label).cell_len for label, _ in rows)
    for label, v in rows:
        t.append(f"  {label}")
        t.append(" " * (label_w - Text(label).cell_len + 2))
        t.append(f"{v:>8,.0f} ", style="bold")
        t.append(bar(v, top, width) + "\n", style=(styles or {}).get(label, style))
    return t


class OverviewScreen(Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "back to queue", id="overview.back"),
        Binding("o", "app.pop_screen", "back to queue", show=False, id="overview.toggle"),
        Binding("question_mark", "app.help", "help", id="overview.help"),
        Binding("q", "app.quit_app", "quit", id="overview.quit"),
    ]

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace

    def compose(self) -> ComposeResult:
        yield Label(Text("gik-tui · overview of the corpus"), id="queue-title")
        with VerticalScroll(id="overview-body"):
            yield Static(self.picture(), id="overview")
        yield KeyBar()

    def picture(self) -> Text:
        app = self.app
        sums = [self.workspace.summaries.get(p) for p in self.workspace.files]
        ready = [s for s in sums if s is not None]
        t = Text()
        if len(ready) < len(sums):
            t.append(f"{len(ready)} of {len(sums)} reports summarised so far (the rest are being extracted)\n\n",
                     style="italic")
        t.append(f"{len(ready)} report(s) · {coverage(ready)}\n\n", style="bold")
        t.append("Review status\n", style="bold underline")
        status = Counter(s.status for s in ready)
        c = role_colours(app)
        colours = {NEW: "", IN_PROGRESS: c["accent"], DONE: c["success"], FLAGGED: c["warning"], ERROR: c["error"]}
        t.append_text(bars([(name, status.get(name, 0)) for name in STATUSES], width=40, styles=colours))
        t.append("\nFailing checks by template section (reports with a failure · failing checks)\n",
                 style="bold underline")
        reports, checks = Counter(), Counter()
        for s in ready:
            for table, n in s.failing_by_table:
                reports[_section_of(table)] += 1
                checks[_section_of(table)] += n
        if not checks:
            t.append("  none\n", style=c["success"])
        for section, n in checks.most_common():
            t.append(f"  {section}  ")
            t.append(f"{reports[section]} report(s) · {n} check(s)\n", style=f"bold {c['error']}")
        pending = [s.pending for s in ready if s.pending]
        if pending:  # sums that wait for cells not decided yet: work left, not broken figures
            t.append(f"  and {sum(pending)} pending check(s) in {len(pending)} report(s), waiting for undecided cells\n",
                     style=c["warning"])
        t.append("\nRequests received per year (new requests, all applicants)\n", style="bold underline")
        req = requests_per_year(ready)
        t.append_text(bars([(str(y), v) for y, v in req.per_year.items()], width=40, style="bold"))
        t.append(f"  from {req.counted} agency-year(s) that give the figure\n", style="dim")
        if req.once:
            t.append(f"  {sum(n for _, _, n in req.once)} reports of {len(req.once)} agency-year(s) give one figure "
                     f"and are counted once ({', '.join(f'{a} {y}' for a, y, _ in req.once[:3])}"
                     f"{' …' if len(req.once) > 3 else ''})\n", style="dim")
        if req.disagree:
            t.append(f"  {len(req.disagree)} agency-year(s) left out: their reports disagree ("
                     + "; ".join(f"{a} {y}: {' or '.join(fmt_number(v) for v in vs)}" for a, y, vs in req.disagree[:3])
                     + f"{' …' if len(req.disagree) > 3 else ''})\n", style=c["warning"])
        return t
