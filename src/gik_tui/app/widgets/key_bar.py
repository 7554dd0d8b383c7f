"""The footer: the keys that matter on the current screen, drawn as one line of text.

Textual's Footer rebuilds a widget per key whenever the focus moves (about 100 ms a time here);
this bar is drawn from the screen's bindings, so moving between the table and the edit box stays
a key press. A screen whose keys depend on where the focus is (the report: the table's keys are
no use in the Checks list) gives `footer_context()`: the actions to leave out and the keys to show
first; it redraws the bar when the focus moves. While a figure or the note is typed, `mode` shows
the keys that act then instead."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; background: $footer-background; color: $footer-foreground; }
    """

    # the keys that act now when they are not the screen's: (key, what it does) pairs, or None
    mode: reactive[tuple[tuple[str, str], ...] | None] = reactive(None)

    def render(self) -> Text:
        app = self.app
        t = Text(no_wrap=True, overflow="ellipsis")
        if self.mode is not None:
            for key, what in self.mode:
                t.append(f" {key} ", style="bold reverse")
                t.append(f" {what}  ")
            return t
        hide: frozenset[str] | set[str] = frozenset()
        items: list[tuple[str, str]] = []
        context = getattr(self.screen, "footer_context", None)
        if context is not None:
            hide, first = context()
            items.extend(first)
        seen = set(hide)
        pinned: list[tuple[str, str]] = []  # help and quit: kept when the bar is short of room
        for b in self.screen.BINDINGS:
            if not getattr(b, "show", True) or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            (pinned if b.action in PINNED else items).append((app.get_key_display(b), b.description))
        pinned.append(("^p", "palette"))
        room = self.size.width or app.size.width
        while items and sum(_width(k, w) for k, w in items + pinned) > room:
            items.pop()  # the last of the screen's keys go first: ? and q always show
        for key, what in items + pinned:
            t.append(f" {key} ", style="bold reverse")
            t.append(f" {what}  ")
        return t


PINNED = {"app.help", "app.quit_app", "dismiss_help"}


def _width(key: str, what: str) -> int:
    return Text(f" {key} ").cell_len + Text(f" {what}  ").cell_len
