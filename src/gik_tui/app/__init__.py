"""The Textual app: a thin face over gik_tui.core."""
