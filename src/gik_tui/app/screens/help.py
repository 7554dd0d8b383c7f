"""Every key, by screen, and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static
from ..dialogs import DismissOnce
from ..widgets.key_bar import KeyBar


# the keys of typing and the rest as (key, what it does) rows: drawn as tables whose second column
# wraps under itself at any width (80 columns too), never under the keys
TYPING_TITLE = "Typing figures (on a value cell of a table)"
TYPING = [
    ("0–9 - + .", "start typing into the cell (e or enter: edit its value)"),
    ("enter", "put it in, on to the next value cell (row by row, then into the next table)"),
    ("← ↑ → ↓", "put it in and move that way"),
    ("escape", "drop what was typed"),
    ("1 2 3", "spaces (or tabs, or |) between figures fill the row from the cursor; a pasted block fills rows"),
    ("nothing", "enter on an empty edit makes the cell blank"),
    ("t T alt+1–4", "change tabs (a digit only ever types a figure)"),
]
OTHER_TITLE = "Elsewhere"
OTHER = [
    ("picker", "the heading picker: type to filter, enter chooses, escape cancels"),
    ("note", "the Notes tab: enter writes, escape stops writing"),
    ("c", "a blank cell's candidate splits, ranked by evidence with why: 1–9 picks; enter only when the "
          "evidence puts the first clearly ahead. On a row of a table question, c asks it once for all its "
          "rows (r: this row)"),
    ("ctrl+p", "the command palette, with every action of the screen"),
]


def text_table(title: str, rows: list[tuple[str, str]]) -> Table:
    """Keys and what they do: the second column wraps under itself at any width."""
    t = Table(title=title, title_justify="left", show_header=False, box=None, pad_edge=False)
    t.add_column("key", style="bold", no_wrap=True)
    t.add_column("does", overflow="fold")
    for key, what in rows:
        t.add_row(Text(key), Text(what))
    return t


def key_table(title: str, bindings, display=lambda b: b.key_display or b.key) -> Table:
    return text_table(title, [(display(b), b.description) for b in bindings if b.description])


class HelpScreen(DismissOnce, ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss_help", "close", id="help.close"),
                Binding("question_mark", "dismiss_help", "close", show=False, id="help.close_again"),
                Binding("q", "dismiss_help", "close", show=False, id="help.quit")]

    def __init__(self, keys: list[tuple[str, list[Binding]]]) -> None:
        """`keys`: each screen's title and bindings, the report screen's first and the app's last
        (the app gives them: help imports no screen)."""
        super().__init__()
        self.keys = keys

    def compose(self) -> ComposeResult:
        show = self.app.get_key_display
        (first, first_keys), *rest = self.keys
        with Horizontal(id="help-body"):
            with VerticalScroll(classes="help-column"):
                yield Static(Text("gik-tui — keys", style="bold"))
                yield Static(key_table(first, first_keys, show))
            with VerticalScroll(classes="help-column"):
                yield Static(text_table(TYPING_TITLE, TYPING))
                for title, bindings in rest:
                    yield Static(key_table(title, bindings, show))
                yield Static(text_table(OTHER_TITLE, OTHER))
        yield KeyBar()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
