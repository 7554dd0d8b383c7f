"""The queue's view of a report: one summary line, computed from the extraction with the
annotation applied. A report that cannot be read gets a summary with its one-line error."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from .annotations import ERROR, NEW, AnnotationFile
from .readers import ReadError
from .model import _by_fields
from .open_report import OpenReport
from .review import Review
from .years import carry_cells


@dataclass(frozen=True, slots=True)
class Summary:
    path: str
    name: str
    agency: str = ""
    year: int | None = None
    template: str = ""
    headings: tuple[int, int] = (0, 0)  # matched, found
    cells: int = 0  # cells with a value
    failing: int = 0  # checks that fail whatever is undecided
    pending: int = 0  # checks that wait for undecided or blank cells
    low: int = 0  # unsure: low-confidence values, blanks with candidates, blanks of a table with figures (Review.unsure_count)
    status: str = NEW
    saved: str = ""  # when the annotation was last written (local time), "" when never
    error: str | None = None
    failing_by_table: tuple[tuple[str, int], ...] = ()  # failing checks per table id
    requests: int | float | None = None  # requests received that year (new requests, total)
    annotator: str = ""  # who last signed the report's annotation
    carry: object = None  # core/years.Carry: its carry-over rows, for the checks across years
    figures: tuple[tuple[str, int | float | None], ...] = ()  # the template's [summary] figures: the agency view

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py: the queue reads thousands


def summarize(path: str, annotations_dir: str | None = None, section_threshold: float | None = None,
              looked: bool = False) -> Summary:
    """The report's queue line; `looked`: the cache was asked already (Workspace.summarize asks it
    for every report before the pool starts), so it is not asked again."""
    name = os.path.basename(path)
    hit = None if looked else cached_summary(path, annotations_dir, section_threshold)
    if hit is not None:
        return hit
    try:
        # lean: the line counts the review's own checks, never the extraction's (OpenReport.open)
        opened = OpenReport.open(path, annotations_dir, section_threshold, lean=True)
    except ReadError as e:
        return Summary(path, name, error=e.reason, status=ERROR)
    except Exception as e:  # noqa: BLE001 - the queue shows the error instead of stopping
        return Summary(path, name, error=f"could not be extracted ({type(e).__name__})", status=ERROR)
    s = summary_of(path, opened.review, opened.file, opened.annotation is not None)
    if opened.annotation is None and opened.file.error is None and not _annotated(path, annotations_dir):
        from . import cache

        store = cache.default()
        if store is not None:  # a report no one has annotated: its line is the file's alone
            store.put("summary", cache.extraction_key(opened.ex.sha256, name, None, section_threshold), s)
    return s


def _annotated(path: str, annotations_dir: str | None) -> bool:
    """Whether the report has an annotation file (its name now or before): two stats, no reading."""
    from .annotations import annotation_name, legacy_annotation_name

    folder = os.fspath(annotations_dir) if annotations_dir is not None else os.path.dirname(path)
    name = os.path.basename(path)
    return any(os.path.lexists(os.path.join(folder, n)) for n in (annotation_name(name), legacy_annotation_name(name)))


def cached_summary(path: str, annotations_dir: str | None = None, section_threshold: float | None = None) -> Summary | None:
    """The queue's line of a report no one has annotated, from the cache, when its file is
    unchanged since it was summarised (a stat and two lookups: no reading, no extracting)."""
    from dataclasses import replace

    from . import cache

    store = cache.default()
    if store is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    sha = store.sha(path, st)
    if sha is None or _annotated(path, annotations_dir):
        return None
    name = os.path.basename(path)
    s = store.get("summary", cache.extraction_key(sha, name, None, section_threshold))
    if not isinstance(s, Summary):
        return None
    return s if s.path == path else replace(s, path=path)


def summary_of(path: str, rv: Review, file: AnnotationFile, annotated: bool = True) -> Summary:
    """A report's queue line from its review in memory (no reading, no extracting): what the
    report screen hands the queue after each save."""
    if not os.path.isfile(path):  # a stat, not a read: the report went away while it was open
        return Summary(path, os.path.basename(path), error="no such file (removed while it was open)",
                       status=ERROR)
    ex = rv.ex
    # an annotation's trouble is said as the annotation's, never as the report's
    note = None
    if file.error:
        note = f"annotation {os.path.basename(file.error.path)}: {file.error.reason}"
    elif file.problems:
        note = f"annotation: {len(file.problems)} part(s) left out ({file.problems[0].split(': ', 1)[-1]})"
    matched = sum(1 for s in ex.sections if rv.section_of(s)[0] is not None)
    cells = rv.current_cells().values()
    checks = rv.checks()
    saved = ""
    try:
        saved = datetime.fromtimestamp(file.path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        pass
    return Summary(
        path=path, name=os.path.basename(path), agency=rv.agency or "", year=rv.year,
        template=ex.template, headings=(matched, len(ex.sections)),
        cells=sum(1 for c in cells if c.value is not None),
        failing=sum(1 for c in checks if c.state == "fails"),
        pending=sum(1 for c in checks if c.state == "pending"),
        low=rv.unsure_count(),
        status=rv.status if annotated else NEW, saved=saved, error=note,
        failing_by_table=tuple(sorted(Counter(c.cells[0].table for c in checks if c.state == "fails" and c.cells).items())),
        requests=_requests(rv),
        annotator=rv.annotator if annotated else "",
        carry=carry_cells(ex, rv),
        figures=tuple((label, rv.value(key)) for label, key in rv.template.figures),
    )


def _requests(rv: Review):
    """The requests the report received that year: the cell its template names (`[summary]`)."""
    key = rv.template.requests_cell
    return rv.value(key) if key is not None else None


def coverage(summaries) -> str:
    """The agencies and years the readable reports cover, in words: "5 agencies, 4 year(s)
    (2016–2020)" (agencies told apart by core/years.agency_key)."""
    from .years import agency_key

    ok = [s for s in summaries if s is not None and s.status != ERROR]
    agencies = len({agency_key(s.agency) for s in ok if s.agency})
    years = sorted({s.year for s in ok if s.year is not None})
    span = "" if not years else f" ({years[0]})" if years[0] == years[-1] else f" ({years[0]}–{years[-1]})"
    return f"{agencies} agenc{'y' if agencies == 1 else 'ies'}, {len(years)} year(s){span}"


@dataclass(slots=True)
class RequestsPerYear:
    """The requests received per year over a corpus, each agency's year counted once (a report's
    page and its PDF attachment are one report, not two)."""

    per_year: dict[int, int | float] = field(default_factory=dict)
    counted: int = 0  # agency-years that give the figure and are counted
    once: list[tuple[str, int, int]] = field(default_factory=list)  # (agency, year, reports) giving one figure: counted once
    disagree: list[tuple[str, int, tuple]] = field(default_factory=list)  # (agency, year, figures): left out


def requests_per_year(summaries) -> RequestsPerYear:
    """Requests received per year. Reports of the same agency and year (core/years.agency_key)
    are one agency-year: counted once when they give the same figure, left out and said when
    they disagree (which is right, only the analyst can tell). A report whose agency is not known
    is its own agency-year."""
    from .years import agency_key

    groups: dict[tuple, list[Summary]] = {}
    for s in summaries:
        if s is None or s.year is None or s.requests is None or s.status == ERROR:
            continue
        key = agency_key(s.agency)
        groups.setdefault((key, s.year) if key else ("", s.path), []).append(s)
    out = RequestsPerYear()
    for group in groups.values():
        year = group[0].year
        figures = tuple(dict.fromkeys(s.requests for s in group))
        if len(figures) > 1:
            out.disagree.append((group[0].agency, year, figures))
            continue
        out.per_year[year] = out.per_year.get(year, 0) + figures[0]
        out.counted += 1
        if len(group) > 1:
            out.once.append((group[0].agency, year, len(group)))
    out.per_year = dict(sorted(out.per_year.items()))
    return out
