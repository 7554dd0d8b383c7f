"""The footer: the keys that matter on the current screen, drawn as one line of text.

Textual's Footer rebuilds a widget per key whenever the focus moves (about 100 ms a time here);
this bar is drawn once per screen from the screen's bindings, so moving between the table and the
edit box stays a key press."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { height: 1; dock: bottom; background: $footer-background; color: $footer-foreground; }
    """

    def render(self) -> Text:
        app = self.app
        t = Text(no_wrap=True, overflow="ellipsis")
        seen = set()
        for b in self.screen.BINDINGS:
            if not getattr(b, "show", True) or not b.description or b.action in seen:
                continue
            seen.add(b.action)
            t.append(f" {app.get_key_display(b)} ", style="bold reverse")
            t.append(f" {b.description}  ")
        t.append(" ^p ", style="bold reverse")
        t.append(" palette")
        return t
