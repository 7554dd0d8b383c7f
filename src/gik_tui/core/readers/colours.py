"""White, as the readers tell it: text drawn white shows on nothing but a fill, so each reader asks
whether a run's, a cell's or a character's colour is white (or within a few steps of it)."""

from __future__ import annotations

import re

WHITE_AT = 0xF8  # every channel this high (of 255) or higher: white to the eye


def mostly(part: float, whole: float) -> bool:
    """Is `part` (the text drawn unseen: white, without ink, covered) most of `whole`? Then it is how
    the file's maker drew it — a page coloured some way not looked into, a search layer over text
    drawn as outlines — and every reader keeps it; a minority so drawn is text no reader sees."""
    return part * 2 > whole


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


# a CSS colour: a name (white), #RGB, #RRGGBB, rgb(r, g, b) — each channel a number or a share
_CSS_HEX = re.compile(r"#([0-9a-f]{3}|[0-9a-f]{6})\b", re.I)
_CSS_RGB = re.compile(r"rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)", re.I)


def white_css(value: str) -> bool:
    """A CSS colour value (what stands after `color:`, or a <font> tag's colour) white, and drawn?
    (A colour of no opacity, rgba(…, 0), is drawn nowhere: a style with it hides, see html.py.)"""
    v = value.strip().lower()
    if v.startswith("white"):
        return True
    m = _CSS_HEX.match(v)
    if m:
        h = m.group(1)
        return white_hex("".join(c * 2 for c in h) if len(h) == 3 else h)
    m = _CSS_RGB.match(v)
    if m:
        try:
            chans = [round(float(c[:-1]) * 2.55) if c.endswith("%") else float(c) for c in m.group(1, 2, 3)]
        except ValueError:
            return False
        return white_rgb(chans)
    return False
