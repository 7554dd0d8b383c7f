"""Extraction → JSON, JSONL and CSV (one row per cell)."""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache

import orjson

from .model import Extraction

CSV_FIELDS = ["source", "sha256", "template", "year", "agency", "table", "row", "column", "value", "raw",
              "unit", "line", "start", "end", "confidence", "candidates", "method", "page", "reason"]


def to_json_bytes(ex: Extraction, indent: int | None = None) -> bytes:
    if indent is None:
        # orjson writes the cell dataclasses natively (their fields are the contract's keys)
        try:
            return orjson.dumps(ex.to_dict(cells=ex.cells, check_cells=_refs))
        except TypeError:  # an integer beyond 64 bits: the standard library writes it
            pass
    return json.dumps(ex.to_dict(), ensure_ascii=False, indent=indent).encode("utf-8")


def _refs(cells: tuple) -> orjson.Fragment:
    """A check's cells (or the cells it waits for), serialised once per distinct list of cells.
    Most are fixed by the template; those of `.undecided` and `.missing` checks depend on the
    report, so the cells themselves are the key, never the check's id. The template's own tuples
    (a check's cells, and what it waits for when that is all of them) are found by identity first:
    hashing a tuple of cell addresses calls a Python __hash__ per address (most of the time of
    writing a report's checks)."""
    hit = _BY_ID.get(id(cells))
    if hit is not None and hit[0] is cells:
        return hit[1]
    frag = _cells_json(cells)
    if len(_BY_ID) >= 4096:
        _BY_ID.clear()
    _BY_ID[id(cells)] = (cells, frag)  # the tuple held: its id cannot pass to another while here
    return frag


_BY_ID: dict[int, tuple[tuple, orjson.Fragment]] = {}


@lru_cache(maxsize=4096)
def _cells_json(cells: tuple) -> orjson.Fragment:
    return orjson.Fragment(orjson.dumps(cells))


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe_text(x) -> object:
    """Spreadsheet-safe: text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(x, str) and x.startswith(_FORMULA):
        return "'" + x
    return x


def _csv_value(x) -> object:
    if x is None:
        return ""
    if isinstance(x, bool):
        return "true" if x else "false"
    return safe_text(x)


def csv_rows(ex: Extraction) -> list[list]:
    """One row per cell (the contract's fields, CSV_FIELDS)."""
    rows = []
    for c in ex.cells:  # csv_text writes None as an empty field and neutralises formulas
        rows.append([ex.source, ex.sha256, ex.template, ex.year, ex.agency,
                     c.table, " / ".join(c.row), " / ".join(c.column), c.value, c.raw, c.unit,
                     c.line, c.start, c.end, c.confidence,
                     json.dumps([[v, w] for v, w in c.candidates]) if c.candidates else None, c.method, c.page,
                     c.reason])
    return rows


_FORMULA_START = frozenset(_FORMULA)


def _csv_row(row):
    """A row as csv_text writes it: a copy only where a value must change (None the csv module
    writes as an empty field itself). One loop, no call per value: export writes millions."""
    out = None
    for i, x in enumerate(row):
        t = x.__class__
        if x is None or t is int or t is float:
            continue
        if t is str:
            if not x or x[0] not in _FORMULA_START:
                continue
            v = "'" + x
        elif t is bool:
            v = "true" if x else "false"
        else:
            v = _csv_value(x)
            if v is x:
                continue
        if out is None:
            out = list(row)
        out[i] = v
    return row if out is None else out


def csv_text(rows: list[list]) -> str:
    """The one CSV writer (extract and export): CRLF line ends (RFC 4180, what spreadsheets
    expect), None as an empty field, booleans as true/false, and text a spreadsheet would run as a
    formula, header cells too, with a leading apostrophe."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerows(map(_csv_row, rows))
    return buf.getvalue()
