"""Keys shared by the widgets that move a cursor: h j k l beside the arrows."""

from __future__ import annotations

from textual.binding import Binding


def vim_keys(prefix: str) -> list[Binding]:
    """h/j/k/l as left/down/up/right, with ids `<prefix>.left` … for the keymap."""
    return [Binding(key, f"cursor_{way}", way, show=False, id=f"{prefix}.{way}")
            for key, way in (("j", "down"), ("k", "up"), ("h", "left"), ("l", "right"))]
