"""core/settings.py: where the settings live, and what a bad file does."""

from __future__ import annotations

from gik_tui.core.settings import config_dir, load_settings, remember, settings_path


def test_gik_tui_config_may_name_the_settings_file_itself(tmp_path, monkeypatch):
    target = tmp_path / "mine" / "settings.toml"
    monkeypatch.setenv("GIK_TUI_CONFIG", str(target))
    assert settings_path() == target and config_dir() == tmp_path / "mine"
    remember(theme="gik-daylight")
    assert target.is_file()  # a file, never a folder named settings.toml
    assert load_settings()[0].theme == "gik-daylight"


def test_gik_tui_config_naming_a_folder_keeps_settings_toml_in_it(tmp_path, monkeypatch):
    monkeypatch.setenv("GIK_TUI_CONFIG", str(tmp_path / "conf"))
    assert settings_path() == tmp_path / "conf" / "settings.toml"
    remember(annotator="李")
    assert load_settings()[0].annotator == "李"


def test_the_cache_setting_is_read_and_a_bad_one_said(tmp_path, monkeypatch):
    f = tmp_path / "settings.toml"
    monkeypatch.setenv("GIK_TUI_CONFIG", str(f))
    f.write_text("cache = false\n", encoding="utf-8")
    assert load_settings()[0].cache is False
    f.write_text('cache = "no"\n', encoding="utf-8")
    s, warnings = load_settings()
    assert s.cache is True and warnings and "cache must be true or false" in warnings[0]
