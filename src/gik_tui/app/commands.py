"""The command palette: every action of the current screen (from its key bindings), and commands
to open a report by name, jump to a table, export the dataset and switch theme. Titles are built
from fixed strings and file names made displayable (the palette parses markup in what it shows)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .safe import displayable
from .report import ReportScreen

MAX_REPORTS = 5000  # the palette lists this many reports at most


def _plain(text: str) -> str:
    return displayable(text).replace("[", "［").replace("]", "］")


class ScreenActions(Provider):
    def _commands(self):
        seen = set()
        screen = self.screen
        for b in screen.BINDINGS:
            if not b.description or b.action in seen:
                continue
            seen.add(b.action)
            key = self.app.get_key_display(b)
            where = {"ReportScreen": "on the report", "QueueScreen": "in the queue",
                     "OverviewScreen": "on the overview", "AgencyScreen": "in the agency view"}.get(type(screen).__name__, "here")
            yield f"{b.description}  ({key})", partial(screen.run_action, b.action), \
                b.tooltip or f"{b.description}: the key {key} does it {where}"
        app = self.app
        for name in sorted(n for n in app.available_themes if n.startswith("gik-")):
            yield f"theme: {name}", partial(setattr, app, "theme", name), "switch the theme (remembered)"
        yield "export the dataset (CSV or Excel)", app.action_export, \
            "every report with its annotations applied (a name ending .xlsx writes a workbook)"
        if isinstance(screen, ReportScreen):
            if screen.holds_several():
                yield "split this file into its reports", screen.action_split_reports, \
                    "each report of the file to its own text file beside it (NAME.1.txt …), listed in the queue"
            for t in screen.tables():
                yield f"jump to table: {t.spec.title} ({t.spec.id})", partial(screen.jump_to_table, t.spec.id), \
                    "put the cursor on its first value"
        for path in app.workspace.files[:MAX_REPORTS]:
            name = path.rsplit("/", 1)[-1]
            yield f"open report: {_plain(name)}", partial(app.open_report, path), "open this report"

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=help_text)
