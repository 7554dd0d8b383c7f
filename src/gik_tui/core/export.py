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
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass, field

from .files import copy_ranges as _copy_ranges, merged_ranges as _merged
from .model import OTHER_ROWS, cell_column
from .open_report import OpenReport
from .review import edited, reviewed_cells
from .serialize import csv_text

REPORT_FIELDS = ["source", "agency", "year", "template", "status", "note", "annotator"]
LONG_FIELDS = ["source", "agency", "year", "template", "table", "row", "column", "value", "extracted", "edited",
               "edited_by", "edited_at", "confidence", "method", "candidates", "unit", "page", "status", "note",
               "unsure"]
# every part names the report's agency and year beside its source (as the analyst left them), so
# each sheet filters and pivots by agency or year alone
SECTION_FIELDS = ["source", "agency", "year", "heading", "line", "page", "section", "score", "decided", "decided_by",
                  "decided_at"]
CHECK_FIELDS = ["source", "agency", "year", "check", "state", "message", "cells", "waiting", "other_report"]
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


def _fields(values: list) -> str:
    """Some fields of a CSV row as csv_text writes them (quoted, formula-safe), without the line end."""
    return csv_text([values])[:-2]


_TEXT: dict[str, str] = {}  # a text field as written: the same labels, names and methods recur in every report


def _text(x) -> str:
    """One field as csv_text writes it inside a row (a row of one empty field is the only case where
    the csv module writes a field differently, and this never writes a field alone)."""
    t = x.__class__
    if x is None:
        return ""
    if t is int:
        return str(x)
    if t is float:
        return repr(x)
    if t is str:
        got = _TEXT.get(x)
        if got is None:
            got = _fields([x, None])[:-1] if x else ""
            if len(_TEXT) > 50_000:
                _TEXT.clear()
            _TEXT[x] = got
        return got
    return _fields([x, None])[:-1]


_LABELS: dict[tuple, str] = {}  # a cell's table, row and column as written: the template's, in every report


def _label(c) -> str:
    k = (c.table, c.row, c.column)
    got = _LABELS.get(k)
    if got is None:
        if len(_LABELS) > 50_000:
            _LABELS.clear()
        got = _LABELS[k] = _fields([c.table, " / ".join(c.row), " / ".join(c.column)])
    return got


def long_csv(r: OpenReport) -> tuple[str, int]:
    """The long rows of `long_rows` written as csv_text writes them (the same bytes:
    tests/core/test_export.py), and their count, without building a dict a row: export writes
    millions of them. A cell the analyst did not touch is written inline; an edited one field by
    field, as long_rows has it."""
    ex, ann = r.as_left(), r.annotation
    edits = ann.cell_map if ann else {}
    pre = _fields([ex.source, ex.agency, ex.year, ex.template]) + ","
    tail = _fields([ann.status if ann else "new", ann.note if ann else ""])
    text, label, template = _text, _label, ex.template

    def line(c, orig, e) -> str:  # field by field: an edited cell, or an edit of a cell not listed
        cand = json.dumps([[v, w] for v, w in c.candidates], ensure_ascii=False) if c.candidates else None
        return (f"{pre}{label(c)},{text(c.value)},{text(orig.value) if orig else ''},"
                f"{'true' if e is not None else 'false'},{text(e.by) if e else ''},{text(e.at) if e else ''},"
                f"{text(c.confidence)},{text(c.method)},{text(cand)},{text(c.unit)},"
                f"{text(orig.page) if orig else ''},{tail},{text(e.unsure) if e else ''}\r\n")

    out = []
    append = out.append
    labels, texts = _LABELS, _TEXT
    applied = 0  # edits of listed cells
    for c in ex.cells:
        k = (c.table, c.row, c.column)
        if edits:
            e = edits.get(k)
            if e is not None:
                append(line(edited(c, e, template), c, e))
                applied += 1
                continue
        x = c.value
        value = "" if x is None else str(x) if x.__class__ is int else text(x)
        conf = c.confidence
        cand = c.candidates
        m = c.method
        unit = c.unit
        page = c.page
        append(f"{pre}{labels.get(k) or label(c)},{value},{value},false,,,"
               f"{repr(conf) if conf.__class__ is float else text(conf)},{texts.get(m) or text(m)},"
               f"{text(json.dumps([[v, w] for v, w in cand], ensure_ascii=False)) if cand else ''},"
               f"{'' if unit is None else text(unit)},{'' if page is None else text(page)},{tail},\r\n")
    if applied < len(edits):  # edits of cells the extraction does not list, after them (reviewed_cells)
        listed = {c.key for c in ex.cells}
        out.extend(line(edited(None, e, template), None, e) for key, e in edits.items() if key not in listed)
    count = len(out)
    if ex.other_rows:
        rows = long_rows(r)
        out.append(csv_text([[*x.values()] for x in rows[len(rows) - len(ex.other_rows):]]))
        count += len(ex.other_rows)
    return "".join(out), count


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
        rows.append({"source": ex.source, "agency": ex.agency, "year": ex.year, "heading": s.heading, "line": s.line,
                     "page": s.page,
                     "section": section, "score": s.score, "decided": "analyst" if confirmed else "engine",
                     "decided_by": d.by if d else "", "decided_at": d.at if d else ""})
    return rows


def check_rows(r: OpenReport) -> list[dict]:
    """Every failing and pending check of the report as the analyst left it (the app's Checks
    tab), with its state and, when pending, the cells it waits for."""
    ex, review = r.as_left(), r.review
    return [{"source": ex.source, "agency": ex.agency, "year": ex.year, "check": c.id, "state": c.state,
             "message": c.message,
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
    # for in one of those formats: byte ranges (file, offset, length) of the spool files the workers
    # appended them to, in the reports' order. Nothing crosses the process boundary but the ranges,
    # and the parent copies them into the output in the kernel (`write`)
    spooled: list[tuple[str, int, int]] = field(default_factory=list)
    blob_rows: int = 0
    blob_format: str = ""
    spool: str = ""  # the spool folder (removed by `close`, or when the dataset is dropped)

    @property
    def count(self) -> int:
        """Rows in the dataset."""
        return len(self.rows) + self.blob_rows

    def _head(self, fmt: str) -> bytes:
        if fmt == "csv":
            buf = io.StringIO()
            write_csv(self.rows, self.fields, buf)
            return ("\ufeff" + buf.getvalue()).encode("utf-8")
        return b"" if self.blob_format == "jsonl" else jsonl(self.rows).encode("utf-8")

    def write(self, out, fmt: str) -> None:
        """The dataset as CSV ("csv": UTF-8 with a BOM, formula-safe, CRLF) or JSON lines ("jsonl")
        to the binary stream `out` (a file, standard output)."""
        out.write(self._head(fmt))
        if self.blob_format != fmt or not self.spooled:
            return
        try:
            fd = out.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):  # a stream in memory
            fd = None
        if fd is None:
            for path, off, n in _merged(self.spooled):
                with open(path, "rb") as f:
                    f.seek(off)
                    out.write(f.read(n))
        else:
            out.flush()
            _copy_ranges(self.spooled, fd)

    def _bytes(self, fmt: str) -> bytes:
        buf = io.BytesIO()
        self.write(buf, fmt)
        return buf.getvalue()

    def csv_bytes(self) -> bytes:
        """UTF-8 with a BOM (Excel opens the Chinese labels), formula-safe, CRLF."""
        return self._bytes("csv")

    def jsonl_bytes(self) -> bytes:
        return self._bytes("jsonl")

    def close(self) -> None:
        """Remove the spool files (the rows written out are gone with them)."""
        if self.spool:
            _drop_spool(self.spool)
            self.spool = ""
            self.spooled = []

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
    spooled: tuple[str, int, int] | None = None  # the long rows written out (CSV rows or JSON lines), when asked for so
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

    path, annotations_dir, kinds, written, near, spool = task

    # the cells and the wide rows never read the extraction's own checks: not loaded (OpenReport.open)
    lean = kinds <= {"cells", "wide"}

    def build(p: str) -> _Part:
        if near:
            from .across import with_neighbours

            r = OpenReport.open(p, annotations_dir, lean=lean, rescore=lambda ex, review: with_neighbours(
                ex, review.year, near, lambda q: OpenReport.open(q, annotations_dir, lean=lean).review))
        else:
            r = OpenReport.open(p, annotations_dir, lean=lean)
        # the parent only joins bytes when the long cells are all it asked for: no rows cross the
        # process boundary
        if written == "csv":
            text, count = long_csv(r)
            long, spooled = [], _spooled(spool, text.encode("utf-8"))
        else:
            long = long_rows(r) if "cells" in kinds else []
            count = len(long)
            # long_rows builds each row's keys in LONG_FIELDS' order (tests/core/test_export.py)
            spooled = _spooled(spool, jsonl(long).encode("utf-8")) if written == "jsonl" else None
        return _Part(long if not written else [], wide_row(r) if "wide" in kinds else None,
                     section_rows(r) if "sections" in kinds else [],
                     check_rows(r) if "checks" in kinds else [],
                     carry_cells(r.extraction, r.review) if "checks" in kinds else None,
                     r.warnings, r.left_out, spooled, count if written else 0, r.review.agency,
                     r.review.year, bool(r.extraction.splits or r.extraction.questions))

    return limited(build, path, "export")


# ------------------------------------------------------------------ spooling the long rows
_SPOOL_FD: dict[tuple[str, int], tuple[str, int]] = {}  # (spool folder, process) → (its file, descriptor)


def _spooled(spool: str, data: bytes) -> tuple[str, int, int]:
    """Append `data` to this process's file in the spool folder: its (file, offset, length)."""
    key = (spool, os.getpid())
    got = _SPOOL_FD.get(key)
    if got is None:
        path = os.path.join(spool, f"{os.getpid()}.part")
        got = _SPOOL_FD[key] = (path, os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    path, fd = got
    off = os.lseek(fd, 0, os.SEEK_END)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    return path, off, len(data)


def _drop_spool(spool: str) -> None:
    for key in [k for k in _SPOOL_FD if k[0] == spool]:
        try:
            os.close(_SPOOL_FD.pop(key)[1])
        except OSError:
            pass
    shutil.rmtree(spool, ignore_errors=True)


def dataset(files: list[str], annotations_dir: str | None = None, wide: bool = False, jobs: int = 1,
            what: str = "cells", every: bool = False, written: str = "") -> Dataset:
    """The dataset of these reports, each extracted afresh with its annotation applied, in `jobs`
    processes: the one export the command line and the app share. `what`: "cells" (long, or
    `wide`), "sections" or "checks"; `every`: all four parts too, for the workbook; `written`
    ("csv" or "jsonl"): the workers write the long cells in that format to spool files (`write`
    copies them into the output; `close` removes them)."""
    main = "wide" if what == "cells" and wide else what
    written = written if main == "cells" and not every and written in ("csv", "jsonl") else ""
    spool = tempfile.mkdtemp(prefix="gik-tui-export-") if written else ""
    try:
        return _dataset(files, annotations_dir, main, jobs, every, written, spool)
    except BaseException:
        if spool:
            _drop_spool(spool)
        raise


def _dataset(files: list[str], annotations_dir: str | None, main: str, jobs: int, every: bool, written: str,
             spool: str) -> Dataset:
    from .across import by_agency, neighbours
    from .batch import ordered
    from .years import cross_year_checks

    kinds = frozenset({"cells", "wide", "sections", "checks"} if every else {main})
    spooled: list[tuple[str, int, int]] = []
    blob_rows = 0
    parts: dict[str, list] = {"cells": [], "wide": [], "sections": [], "checks": []}
    years = []
    notes: list[str] = []
    unread: list[str] = []
    warnings: list[str] = []
    left_out: list[str] = []
    done: dict[str, tuple[str, _Part | str]] = dict(
        zip(files, ordered(_part, [(f, annotations_dir, kinds, written, {}, spool) for f in files], jobs)))
    # a second pass for the reports whose undecided cells the agency's other years bear on: the
    # candidates and shares exported are the ones the app shows (core/across.py)
    known = by_agency((f, r[1].agency, r[1].year) for f, r in done.items() if r[0] == "ok")  # type: ignore[union-attr]
    again = [(f, annotations_dir, kinds, written, near, spool) for f, r in done.items()
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
        if p.spooled:
            spooled.append(p.spooled)
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
    ds = Dataset(main_rows, main_fields, len(files) - len(unread), unread, warnings, left_out, out, notes,
                 spooled, blob_rows, written, spool)
    if spool:
        weakref.finalize(ds, _drop_spool, spool)
    return ds
