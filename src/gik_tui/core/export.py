"""Dataset export: a fresh extraction of each report with the analyst's annotations applied.

Long form: one row per report per cell (source, agency, year, template, table, row, column, value,
extracted, edited, confidence, status, page: the page of a PDF or Word report where the extracted
figure stands). Wide form: one row per report, a column per cell. CSV is
UTF-8 with a BOM, so Excel opens the Chinese labels, and a text cell that starts with = + - @ is
written with a leading apostrophe, so a spreadsheet shows it as text instead of running it.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from .annotations import Annotation
from .model import Extraction
from .review import corrected, open_report, reviewed_cells
from .serialize import csv_text

LONG_FIELDS = ["source", "agency", "year", "template", "table", "row", "column", "value", "extracted", "edited",
               "confidence", "status", "page"]


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
            "page": None if orig is None else orig.page,
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


def write_csv(rows: list[dict], fields: list[str], out) -> None:
    """`out` is a text stream; the caller opens it with encoding 'utf-8-sig' for the BOM."""
    out.write(csv_text([fields] + [[r.get(k) for k in fields] for r in rows]))


def jsonl(rows: list[dict]) -> str:
    buf = io.StringIO()
    for r in rows:
        buf.write(json.dumps(r, ensure_ascii=False))
        buf.write("\n")
    return buf.getvalue()


@dataclass
class Dataset:
    rows: list[dict]
    fields: list[str]
    reports: int  # reports read
    unread: list[str]  # one line each: a report that could not be read, and why
    warnings: list[str]  # one line each: what was taken differently than written
    left_out: list[str]  # annotation files that were not applied

    def csv_bytes(self) -> bytes:
        """UTF-8 with a BOM (Excel opens the Chinese labels), formula-safe, CRLF."""
        buf = io.StringIO()
        write_csv(self.rows, self.fields, buf)
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    def jsonl_bytes(self) -> bytes:
        return jsonl(self.rows).encode("utf-8")

    def summary(self, not_found: int = 0) -> str:
        """One line; `not_found`: paths that were not even reports (counted as unreadable)."""
        return (f"{self.reports} report(s), {len(self.rows)} row(s), {len(self.unread) + not_found} unreadable"
                + (f", {len(self.left_out)} annotation(s) left out: {', '.join(self.left_out)}" if self.left_out else ""))


def _reviewed_or_error(task: tuple[str, str | None]) -> tuple[str, Reviewed | str]:
    """One report for the pool: ("ok", Reviewed) or ("error", its one-line reason), within the
    per-report time limit."""
    from .batch import limited

    path, annotations_dir = task
    return limited(lambda p: reviewed(p, annotations_dir), path, "export")


def dataset(files: list[str], annotations_dir: str | None = None, wide: bool = False, jobs: int = 1) -> Dataset:
    """The dataset of these reports, each extracted afresh with its annotation applied, in `jobs`
    processes: the one export the command line and the app share."""
    from .batch import ordered

    rows: list[dict] = []
    unread: list[str] = []
    warnings: list[str] = []
    left_out: list[str] = []
    for status, r in ordered(_reviewed_or_error, [(f, annotations_dir) for f in files], jobs):
        if status != "ok":
            unread.append(r)  # type: ignore[arg-type]
            continue
        assert isinstance(r, Reviewed)
        warnings.extend(r.warnings)
        if r.left_out:
            left_out.append(r.left_out)
        if wide:
            rows.append(wide_row(r))
        else:
            rows.extend(long_rows(r))
    fields = list(dict.fromkeys(k for r in rows for k in r)) if wide else list(LONG_FIELDS)
    return Dataset(rows, fields, len(files) - len(unread), unread, warnings, left_out)
