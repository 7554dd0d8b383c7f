"""Report text on screen: never markup, never terminal control.

Everything that came from a report or a file name reaches the screen as plain text (Text/Content,
markup off), and through `displayable`, which shows control characters as visible symbols (␛, ␇,
␈ …) and bidirectional controls as �, so nothing is sent to the terminal and nothing reorders the
line. It keeps the text's length, so offsets into the report still point at the same characters."""

from __future__ import annotations

_VISIBLE = {i: 0x2400 + i for i in range(0x20) if i != 0x0A}
_VISIBLE.update({0x7F: 0x2421})
_VISIBLE.update({c: 0xFFFD for c in (0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                                     0x200E, 0x200F, 0x061C)})
_VISIBLE.update({c: 0x2400 + 0x24 for c in range(0x80, 0xA0)})  # C1 controls: ␤-like marker


def displayable(text: str) -> str:
    """The same number of characters, with control and bidi-control characters made visible."""
    return text.translate(_VISIBLE)
