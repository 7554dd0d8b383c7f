"""Settings: a TOML file in the user's config folder (platformdirs), overridden by flags.

    theme = "gik-dark"
    annotator = "张三"
    section_threshold = 75          # rapidfuzz score below which a heading stays unmatched
    annotations = "/data/ann"       # default annotations folder ("" = beside the reports)
    [keymap]                        # binding id → keys (Textual's App.set_keymap)
    "report.edit" = "e,f2"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

import tomli_w

DEFAULT_THEME = "gik-dark"


@dataclass(frozen=True)
class Settings:
    theme: str = DEFAULT_THEME
    annotator: str = ""
    section_threshold: float | None = None  # None: each template's own
    annotations: str = ""
    keymap: dict[str, str] = field(default_factory=dict)
    cache: bool = True  # the extraction cache (core/cache.py); false: every report extracted anew
    ask_before_done: bool = True  # `d` on a report with failing checks or undecided cells asks first


def config_dir() -> Path:
    """The config folder: GIK_TUI_CONFIG's folder — or, when it names a `.toml` file, the folder
    that file is in —, else the platform's."""
    env = os.environ.get("GIK_TUI_CONFIG")
    if env:
        p = Path(env)
        return p.parent if p.suffix.lower() == ".toml" else p
    from platformdirs import user_config_dir

    return Path(user_config_dir("gik-tui", appauthor=False))


def settings_path() -> Path:
    """settings.toml in the config folder, or the file GIK_TUI_CONFIG names when it ends .toml."""
    env = os.environ.get("GIK_TUI_CONFIG")
    if env and Path(env).suffix.lower() == ".toml":
        return Path(env)
    return config_dir() / "settings.toml"


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The settings and any warnings (a bad file gives one warning and the defaults)."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        return Settings(), [f"{path}: not read ({e}); using the defaults"]
    warnings = []
    known = {f.name for f in fields(Settings)}
    values = {}
    for k, v in data.items():
        if k not in known:
            warnings.append(f"{path}: unknown setting {k!r} ignored")
            continue
        values[k] = v
    s = Settings()
    try:
        if "theme" in values:
            s = replace(s, theme=str(values["theme"]))
        if "annotator" in values:
            s = replace(s, annotator=str(values["annotator"]))
        if "section_threshold" in values:
            t = float(values["section_threshold"])
            if not 0 <= t <= 100:
                raise ValueError("section_threshold must be between 0 and 100")
            s = replace(s, section_threshold=t)
        if "annotations" in values:
            s = replace(s, annotations=str(values["annotations"]))
        if "cache" in values:
            if not isinstance(values["cache"], bool):
                raise ValueError("cache must be true or false")
            s = replace(s, cache=values["cache"])
        if "ask_before_done" in values:
            if not isinstance(values["ask_before_done"], bool):
                raise ValueError("ask_before_done must be true or false")
            s = replace(s, ask_before_done=values["ask_before_done"])
        if "keymap" in values:
            if not isinstance(values["keymap"], dict):
                raise ValueError("keymap must be a table of binding id = keys")
            s = replace(s, keymap={str(k): str(v) for k, v in values["keymap"].items()})
    except (TypeError, ValueError) as e:
        warnings.append(f"{path}: {e}; using the defaults for the rest")
    return s, warnings


def save_settings(s: Settings, path: Path | None = None) -> None:
    from .files import write_atomic

    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"theme": s.theme, "annotator": s.annotator, "annotations": s.annotations}
    if s.section_threshold is not None:
        doc["section_threshold"] = s.section_threshold
    if s.keymap:
        doc["keymap"] = dict(s.keymap)
    if not s.cache:
        doc["cache"] = False
    if not s.ask_before_done:
        doc["ask_before_done"] = False
    write_atomic(path, tomli_w.dumps(doc).encode("utf-8"))


def remember(path: Path | None = None, **changes) -> None:
    """Change some settings in the file, keeping the others (the theme the analyst picked)."""
    s, _ = load_settings(path)
    save_settings(replace(s, **changes), path)
