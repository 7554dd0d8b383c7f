"""The pure core of gik-tui: reading, segmenting, template matching, table rebuilding, checks,
annotations and export. Nothing here imports Textual (tests/core/test_layering.py keeps it so)."""
