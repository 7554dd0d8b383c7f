"""White, as the readers tell it: text drawn white shows on nothing but a fill, so each reader asks
whether a run's, a cell's or a character's colour is white (or within a few steps of it)."""

from __future__ import annotations

WHITE_AT = 0xF8  # every channel this high (of 255) or higher: white to the eye


def white_rgb(channels) -> bool:
    """Red, green and blue (0–255 each) white?"""
    return len(channels) == 3 and min(channels) >= WHITE_AT


def white_hex(rgb: str | None) -> bool:
    """A colour written RRGGBB (as Word and Excel write it) white? Not `auto`, nor a name."""
    if not rgb or len(rgb) != 6:
        return False
    try:
        return white_rgb([int(rgb[i:i + 2], 16) for i in (0, 2, 4)])
    except ValueError:
        return False
