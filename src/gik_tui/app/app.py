"""GikApp: the queue of reports and the report screen over gik_tui.core."""

from __future__ import annotations

import os

from textual import events, work
from textual.app import App
from textual.binding import Binding

from ..core import cache
from ..core.settings import DEFAULT_THEME, Settings, config_dir, load_settings, remember
from ..core.workspace import Workspace
from .commands import ScreenActions
from .safe import displayable
from .themes import CELL_VARIABLES, load_themes
from .dialogs import Choose
from .keyboard import Keyboard, install_terminal_keys
from .messages import (LoadReport, MergeAsked, OpenNext, OpenReport, QuitAsked, QuitWouldLose, ReportClosed, ReportSettled,
                       ReportShown, SaveAsAsked)
from .screens.help import HelpScreen
from .screens.queue import QueueScreen, QueueTable
from .report import REPORT_KEYS, ReportScreen


# Keys that leave the screen they are pressed on for another report or the queue: the keys pressed
# after one are held until the screen they are meant for is ready (binding ids; `enter` on the queue too)


class GikApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "gik-tui"
    COMMANDS = App.COMMANDS | {ScreenActions}
    BINDINGS = [
        Binding("ctrl+q", "quit_app", "quit", show=False, priority=True, id="app.quit"),
        Binding("ctrl+t", "next_theme", "next theme (remembered)", show=False, id="app.next_theme"),
        Binding("ctrl+p", "command_palette", "command palette: every action", show=False, id="app.palette"),
    ]

    def __init__(self, target: str, annotations: str | None = None, theme_name: str | None = None,
                 annotator: str = "", settings: Settings | None = None) -> None:
        super().__init__()
        if settings is None:
            settings, self.startup_warnings = load_settings()
        else:
            self.startup_warnings = []
        self.settings = settings
        themes, theme_warnings = load_themes(config_dir() / "themes")
        self.startup_warnings += theme_warnings
        for theme in themes:
            self.register_theme(theme)
        # flags win over settings
        # a folder is searched by the queue, in a thread, with its progress shown (a home folder
        # takes minutes) and escape to stop it
        self.workspace = Workspace.at(target, annotations or settings.annotations or None,
                                      annotator or settings.annotator, settings.section_threshold, scan=False)
        if not settings.cache:
            os.environ.setdefault(cache.OFF_ENV, "1")
        self.startup_warnings += cache.opened()  # a damaged cache set aside, a folder that cannot be used
        self.theme_name = theme_name
        install_terminal_keys()  # an escape typed fast before a key is not lost in the terminal's parser
        self.keyboard = Keyboard(self, lambda screen: isinstance(screen, ReportScreen), self._queue_enter)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(CELL_VARIABLES)

    def on_mount(self) -> None:
        requested = self.theme_name or self.settings.theme
        if requested in self.available_themes:
            self.theme = requested
        else:
            self.startup_warnings.append(f"no theme named {requested!r}; using {DEFAULT_THEME}")
            self.theme = DEFAULT_THEME
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        for w in self.startup_warnings:
            self.notify(w, severity="warning", timeout=8)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        # Both screens live for the whole session. The report screen is built now, under the queue,
        # so even the first report opens by refilling widgets (tests/app: benchmarks/app_speed.py).
        self.back_to_agency: str | None = None
        self.queue = QueueScreen(self.workspace)
        self.install_screen(self.queue, name="queue")
        self.report_screen = ReportScreen(self.workspace)
        self.install_screen(self.report_screen, name="report")
        self.push_screen(self.report_screen)
        self.push_screen(self.queue)
        if self.workspace.single:
            self.keyboard.hold()
            self.open_report(self.workspace.target)

    # ------------------------------------------------------------------ the keyboard
    # Every key press goes to the keyboard (app/keyboard.py): held while a report opens, else
    # handled at once in the order pressed on the report screen.
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded:
                await self.keyboard.key(event, super().on_event)
                return
            if self.keyboard.came_back(event):
                return  # no binding took it when it was pressed; none of the focus it finds now may
        await super().on_event(event)

    def _queue_enter(self, event: events.Key) -> bool | None:
        """Does this `enter` open a report (the queue's row, the agency view's year)? None: not such an enter."""
        if event.key != "enter":
            return None
        if isinstance(self.screen, QueueScreen) and isinstance(self.focused, QueueTable):
            return self.focused.row_count > 0
        from .screens.agency import AgencyScreen

        if isinstance(self.screen, AgencyScreen):
            return self.screen.year_at_cursor() is not None
        return None

    async def on_report_settled(self, event: ReportSettled) -> None:
        if self.keyboard.held is not None:
            await self.keyboard.release()

    # ------------------------------------------------------------------ navigation
    # The app and its screens call none of each other's methods: they post messages (app/messages.py).
    def open_report(self, path: str) -> None:
        """Load a report into the (one) report screen, which asks to be shown (`ReportShown`)."""
        self.report_screen.post_message(LoadReport(path))

    def on_open_report(self, event: OpenReport) -> None:
        self.back_to_agency = event.agency  # where escape from the report returns: its agency view, else the queue
        self.open_report(event.path)

    def on_report_shown(self, event: ReportShown) -> None:
        self.show_report()

    def show_report(self) -> None:
        screen = self.report_screen
        while self.screen is not screen and len(self.screen_stack) > 2:
            self.pop_screen()  # the queue (installed: kept), an overview or a dialog above it

    def add_reports(self, paths: list[str], after: str) -> None:
        """Reports written while the folder is open, listed in the queue after `after` and summarised."""
        if self.workspace.add_files(paths, after):
            self.queue.fill_rows()
            self.queue.load()

    async def on_report_closed(self, event: ReportClosed) -> None:
        if self.screen is self.report_screen:
            await self.push_screen(self.queue)
            agency, self.back_to_agency = self.back_to_agency, None
            if agency:  # opened from the agency view: back to it, its lines as now saved
                from .screens.agency import AgencyScreen

                await self.push_screen(AgencyScreen(self.workspace, agency))
        await self.keyboard.release()  # the keys after escape belong to the queue

    async def on_open_next(self, event: OpenNext) -> None:
        ws = self.workspace
        nxt = ws.next_report(event.path, event.step, event.only_not_done)
        if nxt is not None:
            self.open_report(nxt)
            return
        outside = ws.not_done([p for p in ws.files if p not in ws.order and p != event.path]) if ws.filtered else 0
        if outside:
            def answer(choice: str | None) -> None:
                if choice == "clear":
                    ws.clear_filter()  # the queue, watching, clears its filter box
                    nxt = ws.next_report(event.path, event.step, event.only_not_done)
                    if nxt is not None:
                        self.open_report(nxt)

            await self.keyboard.release()
            self.push_screen(Choose(f"The filtered list is done: {outside} report(s) outside the filter are not done.",
                                    [("c", "clear", "clear the filter and go on with them"),
                                     ("s", "stay", "stay here")], default="clear"), answer)
            return
        self.notify("no other report to open" + (" that is not done" if event.only_not_done else ""))
        if self.screen is self.report_screen:
            await self.push_screen(self.queue)
        await self.keyboard.release()

    def notify(self, message, *, title: str = "", severity="information", timeout=None, markup: bool = False) -> None:
        """Every notification is plain text with control characters made visible: messages name
        files and quote reports, which are untrusted."""
        super().notify(displayable(str(message)), title=displayable(title), severity=severity, timeout=timeout,
                       markup=False)

    # ------------------------------------------------------------------ themes
    def _theme_changed(self, theme) -> None:
        """The choice is remembered (the screens restyle themselves: they subscribe too)."""
        try:
            remember(theme=theme.name)
        except OSError as e:
            self.notify(f"theme not remembered: {e}", severity="warning")

    def action_next_theme(self) -> None:
        names = sorted(n for n in self.available_themes if n.startswith("gik-"))  # ours (Textual's: palette)
        i = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(i + 1) % len(names)]
        self.notify(f"theme: {self.theme}", timeout=2)

    # ------------------------------------------------------------------ app actions
    def action_export(self) -> None:
        from ..core.outputs import default_export_path, may_write
        from .dialogs import AskText

        default = default_export_path(self.workspace.folder)

        from .dialogs import Choose

        def done(path: str | None) -> None:
            if not path:
                return
            why = may_write(path, self.workspace.files)
            if why:
                self.notify(why, severity="error")
                return
            if os.path.lexists(path):
                def answer(choice: str | None) -> None:
                    if choice == "replace":
                        self.run_export(path)

                self.push_screen(Choose(f"{path} exists. Replace it?",
                                        [("y", "replace", "replace it with the export"), ("n", "keep", "keep it")]),
                                 answer)
                return
            self.run_export(path)

        self.push_screen(AskText("Export the dataset to (.csv: one row per cell; .xlsx: a workbook with the cells, "
                                 "one row per report, the headings and the failing checks):", default), done)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, path: str) -> None:
        from pathlib import Path

        from ..core.files import write_atomic

        xlsx = path.lower().endswith(".xlsx")  # a workbook: every part, each on its sheet
        ds = self.workspace.export(every=True) if xlsx else self.workspace.export(written="csv")
        try:
            write_atomic(Path(path), ds.xlsx_bytes() if xlsx else ds.csv_bytes())
        except OSError as e:
            self.notify(f"{path}: not written ({e.strerror or e})", severity="error")
            return
        left_out = [os.path.basename(p) for p in ds.left_out]
        self.notify(f"exported {ds.count} cells of {ds.reports} report(s) to {path}"
                    + (f"; {len(ds.unread)} unreadable" if ds.unread else "")
                    + (f"; {len(left_out)} annotation(s) left out (not valid or not this version's): "
                       f"{', '.join(left_out[:5])}{' …' if len(left_out) > 5 else ''}" if left_out else ""),
                    severity="warning" if left_out or ds.unread else "information", timeout=12 if left_out else 5)

    def action_overview(self) -> None:
        from .screens.overview import OverviewScreen

        self.push_screen(OverviewScreen(self.workspace))

    def action_help(self) -> None:
        from .screens.agency import AgencyScreen
        from .screens.overview import OverviewScreen

        self.push_screen(HelpScreen([("Report", REPORT_KEYS), ("Queue", [*QueueScreen.BINDINGS, *QueueTable.BINDINGS]),
                                     ("Overview", OverviewScreen.BINDINGS),
                                     ("Agency over the years", AgencyScreen.BINDINGS), ("Everywhere", self.BINDINGS)]))

    def action_quit_app(self) -> None:
        """The report screen saves first; it says `QuitWouldLose` when it could not."""
        self.report_screen.post_message(QuitAsked())

    def on_quit_would_lose(self, event: QuitWouldLose) -> None:
        self.show_report()

        def done(choice: str | None) -> None:
            if choice == "quit":
                self.exit()
            elif choice == "save":
                self.report_screen.post_message(SaveAsAsked())
            elif choice == "merge":
                self.report_screen.post_message(MergeAsked(then_quit=True))

        options = [("s", "save", "save them as a new file"), ("y", "quit", "quit and lose them")]
        if event.conflict:  # the annotation changed on disk: the merge ctrl+s offers saves them too
            options.insert(0, ("m", "merge", "merge them with the file on disk (both analysts' decisions; a "
                                             "cell decided in both: the later), then quit"))
        self.push_screen(Choose("This report has unsaved changes"
                                + (" and its annotation changed on disk since it was opened." if event.conflict else "."),
                                options), done)
