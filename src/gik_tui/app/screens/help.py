"""Every key, by screen, and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from ..widgets.key_bar import KeyBar


def key_table(title: str, bindings, display=lambda b: b.key_display or b.key) -> Table:
    t = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
    t.add_column("key", style="bold", no_wrap=True)
    t.add_column("does")
    for b in bindings:
        if b.description:
            t.add_row(Text(display(b)), Text(b.description))
    return t


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss_help", "close", id="help.close"),
                Binding("question_mark", "dismiss_help", "close", show=False, id="help.close_again"),
                Binding("q", "dismiss_help", "close", show=False, id="help.quit")]

    def compose(self) -> ComposeResult:
        from ..app import GikApp
        from .overview import OverviewScreen
        from .queue import QueueScreen
        from ..report import REPORT_KEYS

        with VerticalScroll(id="help-body"):
            yield Static(Text("gik-tui — keys", style="bold"))
            show = self.app.get_key_display
            yield Static(key_table("Queue", QueueScreen.BINDINGS, show))
            yield Static(key_table("Report", REPORT_KEYS, show))
            yield Static(key_table("Overview", OverviewScreen.BINDINGS, show))
            yield Static(key_table("Everywhere", GikApp.BINDINGS, show))
            yield Static(Text("\nIn the edit box: enter keeps, escape cancels, an empty value makes the cell blank.\n"
                              "In the heading picker: type to filter, enter chooses, escape cancels.\n"
                              "ctrl+p opens the command palette with every action of the screen."))
        yield KeyBar()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
