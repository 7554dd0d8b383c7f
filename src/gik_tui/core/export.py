"""Dataset export: a fresh extraction of each report with the analyst's annotations applied.

Long form: one row per report per cell (source, agency, year, template, table, row, column, value,
extracted, edited, confidence, status). Wide form: one row per report, a column per cell. CSV is
UTF-8 with a BOM, so Excel opens the Chinese labels, and a text cell that starts with = + - @ is
written with a leading apostrophe, so a spreadsheet shows it as text instead of running it.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from .annotations import Annotation
from .model import Extraction
from .review import corrected, open_report, reviewed_cells

LONG_FIELDS = ["source", "agency", "year", "template", "table", "row", "column", "value", "extracted", "edited",
               "confidence", "status"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Reviewed:
    extraction: Extraction
    annotation: Annotation | None
    warnings: tuple[str, ...] = ()  # one line each: what the export could not take as it was
    left_out: str | None = None  # an annotation file that exists but was not applied (named)


def reviewed(path: str, annotations_dir: str | None = None) -> Reviewed:
    """Extract a report afresh with its annotation (ReadError propagates)."""
    opened = open_report(path, annotations_dir)
    ex, ann = opened.extraction, opened.annotation
    warnings: list[str] = []
    left_out = None
    if opened.file.error:
        warnings.append(f"{opened.file.error}; the report is exported without it")
        left_out = str(opened.file.error.path)
    warnings.extend(f"{p}; exported without that part" for p in opened.file.problems)
    if ann is not None:
        ex = corrected(ex, ann.meta_map)
        if ann.sha256 and ann.sha256 != ex.sha256:
            warnings.append(f"{path}: the report changed since it was annotated (sha256); edits applied where they "
                            "still fit")
    return Reviewed(ex, ann, tuple(warnings), left_out)


def long_rows(r: Reviewed) -> list[dict]:
    ex, ann = r.extraction, r.annotation
    edits = ann.cell_map if ann else {}
    status = ann.status if ann else "new"
    base = {c.key: c for c in ex.cells}
    rows = []
    for c in reviewed_cells(ex, ann):
        orig = base.get(c.key)
        rows.append({
            "source": ex.source, "agency": ex.agency, "year": ex.year, "template": ex.template,
            "table": c.table, "row": " / ".join(c.row), "column": " / ".join(c.column),
            "value": c.value, "extracted": None if orig is None else orig.value,
            "edited": c.key in edits, "confidence": c.confidence, "status": status,
        })
    return rows


def wide_row(r: Reviewed) -> dict:
    ex, ann = r.extraction, r.annotation
    row = {"source": ex.source, "agency": ex.agency, "year": ex.year, "template": ex.template,
           "status": ann.status if ann else "new"}
    for c in reviewed_cells(ex, ann):
        row[cell_column(c.table, c.row, c.column)] = c.value
    return row


def cell_column(table: str, row, column) -> str:
    return " | ".join([table, " / ".join(row), " / ".join(column)])


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


def write_csv(rows: list[dict], fields: list[str], out) -> None:
    """`out` is a text stream; the caller opens it with encoding 'utf-8-sig' for the BOM."""
    w = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n", extrasaction="ignore")
    w.writer.writerow([safe_text(f) for f in fields])  # a label can start with = too
    for r in rows:
        w.writerow({k: _csv_value(r.get(k)) for k in fields})


def jsonl(rows: list[dict]) -> str:
    buf = io.StringIO()
    for r in rows:
        buf.write(json.dumps(r, ensure_ascii=False))
        buf.write("\n")
    return buf.getvalue()
