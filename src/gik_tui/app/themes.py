"""Themes: TOML files in the project's top-level `themes/` (installed as `gik_tui.themes`) and in the user's config folder, each the fields of
Textual's Theme plus gik-tui's cell-state colours in [variables]. Every colour is checked with
Color.parse before the theme is registered (switching to a theme with a bad colour would crash the
app); a malformed file gives one warning naming it and is skipped."""

from __future__ import annotations

import tomllib
from dataclasses import fields
from importlib import resources
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

CELL_VARIABLES = {  # gik-tui's own: the default of each, for themes that do not set it
    "gik-blank": "#808080",
    "gik-low": "#D7AF00",
    "gik-edited": "#5FAFFF",
    "gik-failing": "#FF5F5F",
    "gik-stale": "#FF87FF",
    "gik-source": "#FFD580",
}
def cell_colours(app) -> dict[str, str]:
    """gik-tui's cell colours in the app's current theme (any App: a theme that does not set one
    gets its default). Widgets ask this instead of a method only GikApp has."""
    v = app.get_css_variables()
    return {k: v.get(k, d) for k, d in CELL_VARIABLES.items()}


# What a colour means on screen → the theme variable that gives it (Textual's own, or gik-tui's).
ROLES = {"error": "error", "warning": "warning", "success": "success", "accent": "accent",
         "stale": "gik-stale", "low": "gik-low"}


def role_colours(app) -> dict[str, str]:
    """Each role's colour in the app's current theme: every colour on screen comes from the theme."""
    v = app.get_css_variables()
    defaults = {"error": "red", "warning": "yellow", "success": "green", "accent": "cyan", **CELL_VARIABLES}
    return {role: v.get(var) or defaults.get(var, "") for role, var in ROLES.items()}


_COLOUR_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent", "foreground", "background",
                  "surface", "panel", "boost")


def theme_files(user_dir: Path | None = None) -> list[tuple[str, bytes]]:
    out = []
    pkg = resources.files("gik_tui.themes")
    for entry in sorted(pkg.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            out.append((f"themes/{entry.name}", entry.read_bytes()))
    if user_dir is not None and user_dir.is_dir():
        for p in sorted(user_dir.glob("*.toml")):
            try:
                out.append((str(p), p.read_bytes()))
            except OSError as e:
                out.append((str(p), str(e).encode()))
    return out


def parse_theme(name: str, data: bytes) -> Theme:
    """A Theme from a TOML file's bytes; ValueError with a one-line reason when it is malformed."""
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ValueError(f"not valid TOML ({e})") from None
    allowed = {f.name for f in fields(Theme)}
    unknown = set(raw) - allowed
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("name"), str) or not isinstance(raw.get("primary"), str):
        raise ValueError("needs a name and a primary colour")
    for key in _COLOUR_FIELDS:
        if key in raw:
            _check(key, raw[key])
    variables = raw.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("[variables] must be a table")
    for key, value in variables.items():
        if key.startswith("gik-"):
            _check(key, value)
    raw["variables"] = {**CELL_VARIABLES, **{k: str(v) for k, v in variables.items()}}
    return Theme(**raw)


def _check(key: str, value) -> None:
    try:
        Color.parse(value)
    except (ColorParseError, TypeError, ValueError):
        raise ValueError(f"{key} = {value!r} is not a colour") from None


def load_themes(user_dir: Path | None = None) -> tuple[list[Theme], list[str]]:
    themes, warnings = [], []
    for name, data in theme_files(user_dir):
        try:
            themes.append(parse_theme(name, data))
        except ValueError as e:
            warnings.append(f"{name}: {e}; theme skipped")
    return themes, warnings
