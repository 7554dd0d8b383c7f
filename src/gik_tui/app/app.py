"""GikApp: the queue of reports and the report screen over gik_tui.core."""

from __future__ import annotations

import os

from textual import work
from textual.app import App
from textual.binding import Binding

from ..core.files import is_one_of
from ..core.read import find_reports
from ..core.settings import DEFAULT_THEME, Settings, config_dir, load_settings, remember
from .commands import ScreenActions
from .safe import displayable
from .themes import CELL_VARIABLES, load_themes
from .screens.dialogs import Choose
from .screens.help import HelpScreen
from .screens.queue import QueueScreen
from .report import ReportScreen


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
        self.target = target
        # flags win over settings
        annotations = annotations or settings.annotations or None
        self.annotations_dir = annotations
        self.annotator = annotator or settings.annotator
        self.section_threshold = settings.section_threshold
        self.summaries: dict = {}
        self.single = os.path.isfile(target)
        if self.single:
            self.files = [target]
        else:
            self.files, unread = find_reports([target])
            for e in unread[:5]:  # folders that could not be read: said, never skipped in silence
                self.startup_warnings.append(str(e))
            if len(unread) > 5:
                self.startup_warnings.append(f"… and {len(unread) - 5} more folder(s) that could not be read")
        self.theme_name = theme_name
        self.report_screen: ReportScreen | None = None  # made on mount, with the queue
        if annotations:
            os.makedirs(annotations, exist_ok=True)

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
        self.queue = QueueScreen()
        self.install_screen(self.queue, name="queue")
        self.report_screen = ReportScreen()
        self.install_screen(self.report_screen, name="report")
        self.push_screen(self.report_screen)
        self.push_screen(self.queue)
        if self.single:
            self.open_report(self.target)

    # ------------------------------------------------------------------ navigation
    def open_report(self, path: str) -> None:
        """Load a report into the (one) report screen and show it."""
        screen = self.report_screen
        if screen.review is not None and not screen.save_now():
            self.show_report()  # the unsaved report stays on screen, to be saved elsewhere (ctrl+s)
            return
        if not screen.load(path):
            self.notify(screen.failed or f"{path}: cannot open", severity="error")
            return
        self.show_report()

    def show_report(self) -> None:
        screen = self.report_screen
        while self.screen is not screen and len(self.screen_stack) > 2:
            self.pop_screen()  # the queue (installed: kept), an overview or a dialog above it

    def on_report_screen_closed(self, event: ReportScreen.Closed) -> None:
        if self.screen is self.report_screen:
            self.push_screen(self.queue)
        if event.summary is not None:
            self.show_summary(event.summary)

    def on_report_screen_saved(self, event: ReportScreen.Saved) -> None:
        self.show_summary(event.summary)

    def on_report_screen_open_next(self, event: ReportScreen.OpenNext) -> None:
        self.open_next(event.path, event.step, event.only_not_done)

    def show_summary(self, summary) -> None:
        """The queue's row of a report, from the report screen's review in memory."""
        queue = self.queue_screen()
        if queue is not None:
            queue.show_summary(summary)

    def queue_screen(self) -> QueueScreen | None:
        return getattr(self, "queue", None)

    def queue_order(self) -> list[str]:
        q = self.queue_screen()
        if q is None:
            return list(self.files)
        table = q.query_one("#queue-table")
        return [str(k.value) for k in table.rows] or list(self.files)

    def open_next(self, path: str, step: int = 1, only_not_done: bool = False) -> None:
        order = self.queue_order()
        if path not in order:
            order = list(self.files)
        i = order.index(path) if path in order else -1
        n = len(order)
        for k in range(1, n + 1):
            cand = order[(i + step * k) % n]
            if cand == path:
                break
            if only_not_done:
                s = self.summaries.get(cand)
                if s is not None and s.status in ("done", "error"):
                    continue
            self.open_report(cand)
            return
        self.notify("no other report to open" + (" that is not done" if only_not_done else ""))
        if isinstance(self.screen, ReportScreen):
            screen = self.screen
            self.push_screen(self.queue)
            if screen.review is not None:
                self.show_summary(screen.summary())

    def notify(self, message, *, title: str = "", severity="information", timeout=None, markup: bool = False) -> None:
        """Every notification is plain text with control characters made visible: messages name
        files and quote reports, which are untrusted."""
        super().notify(displayable(str(message)), title=displayable(title), severity=severity, timeout=timeout,
                       markup=False)

    # ------------------------------------------------------------------ themes
    def _theme_changed(self, theme) -> None:
        try:
            remember(theme=theme.name)  # the choice is remembered
        except OSError as e:
            self.notify(f"theme not remembered: {e}", severity="warning")
        if self.report_screen is not None and self.report_screen.review is not None:
            self.report_screen.restyle()
        queue = self.queue_screen()
        if queue is not None:
            queue.restyle()

    def action_next_theme(self) -> None:
        ours = sorted(n for n in self.available_themes if n.startswith("gik-"))
        names = ours + [n for n in ("textual-dark", "textual-light") if n in self.available_themes]
        i = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(i + 1) % len(names)]
        self.notify(f"theme: {self.theme}", timeout=2)

    # ------------------------------------------------------------------ app actions
    def action_export(self) -> None:
        from .screens.dialogs import AskText

        folder = self.target if os.path.isdir(self.target) else os.path.dirname(self.target) or "."
        default = os.path.join(folder, "gik-export.csv")

        from .screens.dialogs import Choose

        def done(path: str | None) -> None:
            if not path:
                return
            if is_one_of(path, self.files):
                self.notify(f"{path}: is one of the reports; not overwritten", severity="error")
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

        self.push_screen(AskText("Export the dataset (CSV, one row per cell) to:", default), done)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, path: str) -> None:
        from pathlib import Path

        from ..core.files import write_atomic
        from ..core.export import dataset

        ds = dataset(self.files, self.annotations_dir)
        try:
            write_atomic(Path(path), ds.csv_bytes())
        except OSError as e:
            self.notify(f"{path}: not written ({e.strerror or e})", severity="error")
            return
        left_out = [os.path.basename(p) for p in ds.left_out]
        self.notify(f"exported {len(ds.rows)} cells of {ds.reports} report(s) to {path}"
                    + (f"; {len(ds.unread)} unreadable" if ds.unread else "")
                    + (f"; {len(left_out)} annotation(s) left out (not valid or not this version's): "
                       f"{', '.join(left_out[:5])}{' …' if len(left_out) > 5 else ''}" if left_out else ""),
                    severity="warning" if left_out or ds.unread else "information", timeout=12 if left_out else 5)

    def action_overview(self) -> None:
        from .screens.overview import OverviewScreen

        self.push_screen(OverviewScreen())

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_quit_app(self) -> None:
        screen = self.report_screen
        if screen is not None and screen.review is not None and not screen.save_now():
            self.show_report()

            def done(choice: str | None) -> None:
                if choice == "quit":
                    self.exit()
                elif choice == "save":
                    screen.ask_save_as()

            self.push_screen(Choose("This report has unsaved changes.",
                                    [("s", "save", "save them as a new file"), ("y", "quit", "quit and lose them")]),
                             done)
            return
        self.exit()
