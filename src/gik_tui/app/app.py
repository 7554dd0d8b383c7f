"""GikApp: the queue of reports and the report screen over gik_tui.core."""

from __future__ import annotations

import os

from textual.app import App
from textual.binding import Binding

from ..core.read import find_reports
from .commands import ScreenActions
from .safe import displayable
from .screens.dialogs import Choose
from .screens.help import HelpScreen
from .screens.queue import QueueScreen
from .screens.report import ReportScreen


class GikApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "gik-tui"
    COMMANDS = App.COMMANDS | {ScreenActions}
    BINDINGS = [Binding("ctrl+q", "quit_app", "quit", show=False, priority=True)]

    def __init__(self, target: str, annotations: str | None = None, theme_name: str | None = None,
                 annotator: str = "") -> None:
        super().__init__()
        self.target = target
        self.annotations_dir = annotations
        self.annotator = annotator
        self.summaries: dict = {}
        self.single = os.path.isfile(target)
        if self.single:
            self.files = [target]
        else:
            self.files, _ = find_reports([target])
        self.theme_name = theme_name
        self.report_screen: ReportScreen | None = None
        if annotations:
            os.makedirs(annotations, exist_ok=True)

    def on_mount(self) -> None:
        if self.theme_name:
            if self.theme_name in self.available_themes:
                self.theme = self.theme_name
            else:
                self.notify(f"no theme named {self.theme_name!r}; using the default", severity="warning", markup=False)
        self.push_screen(QueueScreen())
        if self.single:
            self.open_report(self.target)

    # ------------------------------------------------------------------ navigation
    def open_report(self, path: str) -> None:
        """Load a report into the (one) report screen and show it."""
        screen = self.report_screen
        if screen is None:
            screen = self.report_screen = ReportScreen()
            self.install_screen(screen, name="report")
        if screen is self.screen and screen.review is not None and not screen.save_now():
            return  # unsaved work stays where it is; the status line says why
        if not screen.load(path):
            self.notify(screen.failed or f"{path}: cannot open", severity="error", markup=False)
            return
        if self.screen is not screen:
            self.push_screen(screen)

    def close_report(self, screen: ReportScreen) -> None:
        if self.screen is screen:
            self.pop_screen()
        self.report_saved(screen.path)

    def report_saved(self, path: str) -> None:
        queue = self.queue_screen()
        if queue is not None:
            queue.refresh_summary(path)

    def queue_screen(self) -> QueueScreen | None:
        for s in self.screen_stack:
            if isinstance(s, QueueScreen):
                return s
        return None

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
        self.notify("no other report to open" + (" that is not done" if only_not_done else ""), markup=False)
        if isinstance(self.screen, ReportScreen):
            self.close_report(self.screen)

    def notify(self, message, *, title: str = "", severity="information", timeout=None, markup: bool = False) -> None:
        """Every notification is plain text with control characters made visible: messages name
        files and quote reports, which are untrusted."""
        super().notify(displayable(str(message)), title=displayable(title), severity=severity, timeout=timeout,
                       markup=False)

    # ------------------------------------------------------------------ app actions
    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_quit_app(self) -> None:
        screen = self.screen
        if isinstance(screen, ReportScreen) and not screen.save_now():
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
