"""The queue's view of a report: one summary line, computed from the extraction with the
annotation applied. A report that cannot be read gets a summary with its one-line error."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from .read import ReadError
from .review import Review, doubtful, open_report


@dataclass(frozen=True, slots=True)
class Summary:
    path: str
    name: str
    agency: str = ""
    year: int | None = None
    template: str = ""
    headings: tuple[int, int] = (0, 0)  # matched, found
    cells: int = 0  # cells with a value
    failing: int = 0
    low: int = 0  # low-confidence values and blanks left with candidates
    status: str = "new"
    saved: str = ""  # when the annotation was last written (local time), "" when never
    error: str | None = None
    failing_by_table: tuple[tuple[str, int], ...] = ()  # failing checks per table id
    requests: int | float | None = None  # requests received that year (new requests, total)


def summarize(path: str, annotations_dir: str | None = None, section_threshold: float | None = None) -> Summary:
    name = os.path.basename(path)
    try:
        opened = open_report(path, annotations_dir, section_threshold)
    except ReadError as e:
        return Summary(path, name, error=e.reason, status="error")
    except Exception as e:  # noqa: BLE001 - the queue shows the error instead of stopping
        return Summary(path, name, error=f"could not be extracted ({type(e).__name__})", status="error")
    ex, ann, ann_path = opened.extraction, opened.annotation, opened.file.path
    # an annotation's trouble is said as the annotation's, never as the report's
    note = None
    if opened.file.error:
        note = f"annotation {os.path.basename(opened.file.error.path)}: {opened.file.error.reason}"
    elif opened.file.problems:
        note = f"annotation: {len(opened.file.problems)} part(s) left out ({opened.file.problems[0].split(': ', 1)[-1]})"
    rv = Review(ex, ann, name)
    matched = sum(1 for s in ex.sections if rv.section_of(s)[0] is not None)
    cells = rv.current_cells().values()
    saved = ""
    try:
        saved = datetime.fromtimestamp(ann_path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        pass
    return Summary(
        path=path, name=name, agency=rv.agency or "", year=rv.year,
        template=ex.template, headings=(matched, len(ex.sections)),
        cells=sum(1 for c in cells if c.value is not None),
        failing=sum(1 for c in rv.checks() if not c.ok),
        low=sum(1 for c in cells if doubtful(c)),
        status=rv.status if ann else "new", saved=saved, error=note,
        failing_by_table=tuple(sorted(Counter(c.cells[0].table for c in rv.checks() if not c.ok and c.cells).items())),
        requests=_requests(rv),
    )


def _requests(rv: Review):
    """The requests the report received that year: the cell its template names (`[summary]`)."""
    key = rv.template.requests_cell
    return rv.value(key) if key is not None else None
