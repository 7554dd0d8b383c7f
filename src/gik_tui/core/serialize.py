"""Extraction → JSON, JSONL and CSV (one row per cell)."""

from __future__ import annotations

import csv
import io
import json

from .model import Extraction

CSV_FIELDS = ["source", "sha256", "template", "year", "agency", "table", "row", "column", "value", "raw",
              "unit", "line", "start", "end", "confidence"]


def to_json(ex: Extraction, indent: int | None = None) -> str:
    return json.dumps(ex.to_dict(), ensure_ascii=False, indent=indent)


def csv_rows(ex: Extraction) -> list[list]:
    rows = []
    for c in ex.cells:
        rows.append([ex.source, ex.sha256, ex.template, ex.year if ex.year is not None else "", ex.agency or "",
                     c.table, " / ".join(c.row), " / ".join(c.column),
                     "" if c.value is None else c.value, c.raw, c.unit or "",
                     "" if c.line is None else c.line, "" if c.start is None else c.start,
                     "" if c.end is None else c.end, c.confidence])
    return rows


def csv_text(rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(rows)
    return buf.getvalue()
