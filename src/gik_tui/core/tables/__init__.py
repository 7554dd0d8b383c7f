"""Rebuilding the template's tables from a report's text, whatever layout flattened them.

`stream.tokenize` turns every layout into one stream of cells (with where each came from);
`align.align` walks that stream with the template's labels and assigns values to cells.
"""
