"""Extraction → JSON, JSONL and CSV (one row per cell)."""

from __future__ import annotations

import csv
import io
import json

import orjson

from .model import Extraction

CSV_FIELDS = ["source", "sha256", "template", "year", "agency", "table", "row", "column", "value", "raw",
              "unit", "line", "start", "end", "confidence", "candidates", "method"]


def to_json_bytes(ex: Extraction, indent: int | None = None) -> bytes:
    if indent is None:
        # orjson writes the cell dataclasses natively (their fields are the contract's keys)
        data = {
            "source": ex.source, "sha256": ex.sha256, "template": ex.template, "year": ex.year,
            "agency": ex.agency, "sections": [s.to_dict() for s in ex.sections], "cells": ex.cells,
            "checks": [{"id": c.id, "ok": c.ok, "message": c.message, "cells": _refs(ex.template, c)} for c in ex.checks],
            "warnings": ex.warnings,
        }
        try:
            return orjson.dumps(data)
        except TypeError:  # an integer beyond 64 bits: the standard library writes it
            pass
    return json.dumps(ex.to_dict(), ensure_ascii=False, indent=indent).encode("utf-8")


_REFS: dict[tuple[str, str], orjson.Fragment] = {}


def _refs(template: str, check) -> orjson.Fragment:
    """A check's cells, serialised once per template and check (they are fixed by the template)."""
    key = (template, check.id)
    frag = _REFS.get(key)
    if frag is None:
        frag = _REFS[key] = orjson.Fragment(orjson.dumps(check.cells))
    return frag


def csv_rows(ex: Extraction) -> list[list]:
    """One row per cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    from .export import safe_text

    rows = []
    source, agency = safe_text(ex.source), safe_text(ex.agency or "")
    for c in ex.cells:
        rows.append([source, ex.sha256, ex.template, ex.year if ex.year is not None else "", agency,
                     c.table, " / ".join(c.row), " / ".join(c.column),
                     "" if c.value is None else c.value, safe_text(c.raw), c.unit or "",
                     "" if c.line is None else c.line, "" if c.start is None else c.start,
                     "" if c.end is None else c.end, c.confidence,
                     json.dumps([[v, w] for v, w in c.candidates]) if c.candidates else "", c.method or ""])
    return rows


def csv_text(rows: list[list]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerows(rows)
    return buf.getvalue()
