"""The shipped themes, one TOML file each (installed as the package `gik_tui.themes`)."""
