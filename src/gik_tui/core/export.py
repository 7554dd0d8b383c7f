"""Dataset export: a fresh extraction of each report with the analyst's annotations applied,
carrying every decision.

- `cells` (long form): one row per report per cell — the value as the analyst left it, the
  extracted value, whether, by whom and when it was edited, the confidence, method, the candidates
  of a blank the identities left undecided, unit and page of the extracted figure, and per report its status, flag note, agency, year and template with the
  analyst's corrections. Every cell of every report, blank ones included (a report with nothing
  found is there with its blank cells).
- `wide`: one row per report, a column per cell.
- `sections`: one row per heading found — its line and page, the section it maps to, the
  engine's score, and whether the analyst decided it (by whom, when) or the engine suggested it.
- `checks`: one row per failing or pending check (within a report, and across years:
  core/years.py), with its `state` (fails | pending), the cells it covers and, when pending, the
  cells it waits for.
CSV is UTF-8 with a BOM, so Excel opens the Chinese labels, and a text cell that starts with = + - @
is written with a leading apostrophe, so a spreadsheet shows it as text instead of running it. The
same rows make the Excel workbook (core/workbook.py).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

from .model import OTHER_ROWS, cell_column
from .open_report import OpenReport
from .review import reviewed_cells
from .serialize import csv_text

REPORT_FIELDS = ["source", "agency", "year", "template", "status", "note", "annotator"]
LONG_FIELDS = ["source", "agency", "year", "template", "table", "row", "column", "value", "extracted", "edited",
               "edited_by", "edited_at", "confidence", "method", "candidates", "unit", "page", "status", "note",
               "unsure"]
SECTION_FIELDS = ["source", "heading", "line", "page", "section", "score", "decided", "decided_by", "decided_at"]
CHECK_FIELDS = ["source", "check", "state", "message", "cells", "waiting", "other_report"]
WHAT = ("cells", "sections", "checks")


def report_fields(r: OpenReport) -> dict:
    ex, ann = r.as_left(), r.annotation
    return {"source": ex.source, "agency": ex.agency, "year": ex.year, "template": ex.template,
            "status": ann.status if ann else "new", "note": ann.note if ann else "",
            "annotator": ann.annotator if ann else ""}


def long_rows(r: OpenReport) -> list[dict]:
    ex, ann = r.as_left(), r.annotation
    edits = ann.cell_map if ann else {}
    status = ann.status if ann else "new"
    note = ann.note if ann else ""
    base = {c.key: c for c in ex.cells}
    rows = []
    for c in reviewed_cells(ex, ann):
        orig = base.get(c.key)
        e = edits.get(c.key)
        rows.append({
            "source": ex.source, "agency": ex.agency, "year": ex.year, "template": ex.template,
            "table": c.table, "row": " / ".join(c.row), "column": " / ".join(c.column),
            "value": c.value, "extracted": None if orig is None else orig.value,
            "edited": e is not None, "edited_by": e.by if e else "", "edited_at": e.at if e else "",
            "confidence": c.confidence, "method": c.method,
            # the doubt: the values a blank may hold, with their shares (JSON text, as in `extract`)
            "candidates": json.dumps([[v, w] for v, w in c.candidates], ensure_ascii=False) if c.candidates else None,
            "unit": c.unit, "page": None if orig is None else orig.page,
            "status": status, "note": note,
            # a value picked among candidates that no evidence told apart, not confirmed since
            "unsure": e.unsure if e else "",
        })
    for o in ex.other_rows:  # the report's own rows the template does not list: kept, as read
        rows.append({
            "source": ex.source, "agency": ex.agency, "year": ex.year, "template": ex.template,
            "table": o.table, "row": f"{OTHER_ROWS} / {o.label}", "column": "", "value": o.value,
            "extracted": o.value, "edited": False, "edited_by": "", "edited_at": "", "confidence": 1.0,
            "method": "other row", "candidates": None, "unit": o.unit, "page": o.page, "status": status,
            "note": note, "unsure": "",
        })
    return rows


def wide_row(r: OpenReport) -> dict:
    row = report_fields(r)
    for c in reviewed_cells(r.extraction, r.annotation):
        row[cell_column(c.table, c.row, c.column)] = c.value
    return row


def section_rows(r: OpenReport) -> list[dict]:
    ex, ann = r.as_left(), r.annotation
    decisions = ann.section_map if ann else {}
    review = r.review
    rows = []
    for s in ex.sections:
        section, confirmed = review.section_of(s)
        d = decisions.get((s.line, s.heading)) if confirmed else None
        rows.append({"source": ex.source, "heading": s.heading, "line": s.line, "page": s.page,
                     "section": section, "score": s.score, "decided": "analyst" if confirmed else "engine",
                     "decided_by": d.by if d else "", "decided_at": d.at if d else ""})
    return rows


def check_rows(r: OpenReport) -> list[dict]:
    """Every failing and pending check of the report as the analyst left it (the app's Checks
    tab), with its state and, when pending, the cells it waits for."""
    ex, review = r.extraction, r.review
    return [{"source": ex.source, "check": c.id, "state": c.state, "message": c.message,
             "cells": "; ".join(cell_column(*ref.key) for ref in c.cells),
             "waiting": "; ".join(cell_column(*ref.key) for ref in c.waiting), "other_report": None}
            for c in review.checks() if c.state != "holds"]


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
    rows: list[dict]  # the rows of `what` (the long cells, the wide reports, the sections or the checks)
    fields: list[str]
    reports: int  # reports read
    unread: list[str]  # one line each: a report that could not be read, and why
    warnings: list[str]  # one line each: what was taken differently than written
    left_out: list[str]  # annotation files that were not applied
    # every part, for the workbook: "cells", "wide", "sections", "checks" → (fields, rows)
    parts: dict[str, tuple[list[str], list[dict]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # said, not wrong: a year missing between two reports …
    # the long cells already written by the workers (CSV rows or JSON lines), when only they were asked
    # for in one of those formats: the parent then only joins bytes
    blob: list[bytes] = field(default_factory=list)
    blob_rows: int = 0
    blob_format: str = ""

    @property
    def count(self) -> int:
        """Rows in the dataset."""
        return len(self.rows) + self.blob_rows

    def csv_bytes(self) -> bytes:
        """UTF-8 with a BOM (Excel opens the Chinese labels), formula-safe, CRLF."""
        buf = io.StringIO()
        write_csv(self.rows, self.fields, buf)
        if self.blob_format == "csv":
            return ("\ufeff" + buf.getvalue()).encode("utf-8") + b"".join(self.blob)
        return ("\ufeff" + buf.getvalue()).encode("utf-8")

    def jsonl_bytes(self) -> bytes:
        if self.blob_format == "jsonl":
            return b"".join(self.blob)
        return jsonl(self.rows).encode("utf-8")

    def xlsx_bytes(self) -> bytes:
        from .workbook import workbook_bytes

        return workbook_bytes(self)

    def summary(self, not_found: int = 0) -> str:
        """One line; `not_found`: paths that were not even reports (counted as unreadable)."""
        return (f"{self.reports} report(s), {self.count} row(s), {len(self.unread) + not_found} unreadable"
                + (f", {len(self.left_out)} annotation(s) left out: {', '.join(self.left_out)}" if self.left_out else ""))


@dataclass
class _Part:
    """What one report gives the dataset, computed in the worker (only what was asked for)."""

    long: list[dict]
    wide: dict | None
    sections: list[dict]
    checks: list[dict]
    years: object  # core/years.Carry (None when its format has no carry-over): the checks across years
    warnings: tuple[str, ...]
    left_out: str | None
    blob: bytes = b""  # the long rows written out (CSV rows or JSON lines), when asked for so
    blob_rows: int = 0
    agency: str | None = None  # as the analyst has it: how the agency's other years are found
    year: int | None = None
    undecided: bool = False  # splits or questions that the agency's other years may bear on


def _part(task: tuple[str, str | None, frozenset[str], str, dict[int, str]]) -> tuple[str, _Part | str]:
    """One report for the pool: ("ok", its rows) or ("error", its one-line reason), within the
    per-report time limit. `near`: the agency's reports of the year before and after, whose figures
    are evidence for this report's candidates (core/across.py), as in the app."""
    from .batch import limited
    from .years import carry_cells

    path, annotations_dir, kinds, written, near = task

    def build(p: str) -> _Part:
        if near:
            from .across import with_neighbours

            r = OpenReport.open(p, annotations_dir, rescore=lambda ex, review: with_neighbours(
                ex, review.year, near, lambda q: OpenReport.open(q, annotations_dir).review))
        else:
            r = OpenReport.open(p, annotations_dir)
        long = long_rows(r) if "cells" in kinds else []
        blob = b""
        if written and long:  # the parent only joins bytes: no rows cross the process boundary
            # long_rows builds each row's keys in LONG_FIELDS' order (tests/core/test_export.py)
            blob = (csv_text([[*x.values()] for x in long]) if written == "csv"
                    else jsonl(long)).encode("utf-8")
        return _Part([] if blob else long, wide_row(r) if "wide" in kinds else None,
                     section_rows(r) if "sections" in kinds else [],
                     check_rows(r) if "checks" in kinds else [],
                     carry_cells(r.extraction, r.review) if "checks" in kinds else None,
                     r.warnings, r.left_out, blob, len(long) if blob else 0, r.review.agency,
                     r.review.year, bool(r.extraction.splits or r.extraction.questions))

    return limited(build, path, "export")


def dataset(files: list[str], annotations_dir: str | None = None, wide: bool = False, jobs: int = 1,
            what: str = "cells", every: bool = False, written: str = "") -> Dataset:
    """The dataset of these reports, each extracted afresh with its annotation applied, in `jobs`
    processes: the one export the command line and the app share. `what`: "cells" (long, or
    `wide`), "sections" or "checks"; `every`: all four parts too, for the workbook; `written`
    ("csv" or "jsonl"): the long cells come back already written in that format (`blob`)."""
    from .across import neighbours
    from .batch import ordered
    from .years import cross_year_checks

    main = "wide" if what == "cells" and wide else what
    kinds = frozenset({"cells", "wide", "sections", "checks"} if every else {main})
    written = written if main == "cells" and not every and written in ("csv", "jsonl") else ""
    blob: list[bytes] = []
    blob_rows = 0
    parts: dict[str, list] = {"cells": [], "wide": [], "sections": [], "checks": []}
    years = []
    notes: list[str] = []
    unread: list[str] = []
    warnings: list[str] = []
    left_out: list[str] = []
    done: dict[str, tuple[str, _Part | str]] = dict(
        zip(files, ordered(_part, [(f, annotations_dir, kinds, written, {}) for f in files], jobs)))
    # a second pass for the reports whose undecided cells the agency's other years bear on: the
    # candidates and shares exported are the ones the app shows (core/across.py)
    known = [(f, r[1].agency, r[1].year) for f, r in done.items() if r[0] == "ok"]
    again = [(f, annotations_dir, kinds, written, near) for f, r in done.items()
             if r[0] == "ok" and r[1].undecided
             and (near := neighbours(f, r[1].agency, r[1].year, known))]  # type: ignore[union-attr]
    for task, res in zip(again, ordered(_part, again, jobs)):
        done[task[0]] = res
    for status, p in done.values():
        if status != "ok":
            unread.append(p)  # type: ignore[arg-type]
            continue
        assert isinstance(p, _Part)
        warnings.extend(p.warnings)
        if p.left_out:
            left_out.append(p.left_out)
        parts["cells"].extend(p.long)
        if p.blob:
            blob.append(p.blob)
            blob_rows += p.blob_rows
        if p.wide is not None:
            parts["wide"].append(p.wide)
        parts["sections"].extend(p.sections)
        parts["checks"].extend(p.checks)
        if p.years is not None:
            years.append(p.years)
    if "checks" in kinds:
        rows, notes = cross_year_checks(years)
        parts["checks"].extend(rows)
    wide_fields = list(dict.fromkeys(k for r in parts["wide"] for k in r)) or list(REPORT_FIELDS)
    fields = {"cells": LONG_FIELDS, "wide": wide_fields, "sections": SECTION_FIELDS, "checks": CHECK_FIELDS}
    out = {k: (list(fields[k]), parts[k]) for k in parts if k in kinds}
    main_fields, main_rows = out[main]
    return Dataset(main_rows, main_fields, len(files) - len(unread), unread, warnings, left_out, out, notes,
                   blob, blob_rows, written)
