"""A workspace: the reports an analyst works through and where their annotations go.

The one object the app and the command line share. It holds the files (found once), the
annotations folder, the annotator's name and the section threshold, the queue's summaries and the
order the analyst goes through the reports; it opens a report into a `Review`, summarises reports
(in the one process pool for many), exports the dataset and runs the checks. Screens get the
workspace instead of reading the app's attributes; `gik-tui check` and `export` go through it too.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .annotations import DONE, ERROR, NEW, STATUSES as ANNOTATION_STATUSES
from .readers import find_reports

if TYPE_CHECKING:  # the rest is imported where it is used: `extract` needs only the files
    from .annotations import AnnotationFile
    from .export import Dataset
    from .model import Extraction
    from .open_report import OpenReport
    from .queue import Summary
    from .review import Review

STATUSES = ANNOTATION_STATUSES + (ERROR,)  # a queue line's status: an annotation's, or a report that cannot be read


@dataclass
class Workspace:
    target: str  # the folder (or the one report) the analyst opened
    files: list[str]
    annotations: str | None = None  # the folder of the annotations (None: beside the reports)
    annotator: str = ""
    section_threshold: float | None = None  # None: each template's own
    warnings: list[str] = field(default_factory=list)  # what could not be read while finding the files
    # the queue's line of each report, once known, the order the analyst goes through them (the
    # queue's, as sorted and filtered) and whether a filter made it: written here only (remember,
    # summary, summarize, set_meta, set_order, clear_filter), read anywhere; `watch` to be told
    summaries: dict[str, Summary] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    filtered: bool = False
    unreadable: int = 0  # paths given that are not reports or folders that could not be read
    watchers: list[Callable[[str, object], None]] = field(default_factory=list, repr=False)
    # each report's undo and redo steps, kept when it is closed, for the session: path → (the
    # decisions they lead to, undo steps, redo steps) (keep_history, open)
    histories: dict[str, tuple] = field(default_factory=dict, repr=False)
    scanned: bool = True  # False until a folder opened with `at(scan=False)` has been searched

    @classmethod
    def at(cls, target: str, annotations: str | None = None, annotator: str = "",
           section_threshold: float | None = None, scan: bool = True) -> Workspace:
        """A folder of reports (searched once), or one report. The annotations folder is made.
        `scan` False: a folder is searched later, by `scan` (the app: with its progress shown and
        a way to stop it)."""
        if annotations:
            os.makedirs(annotations, exist_ok=True)
        ws = cls(target, [], annotations or None, annotator, section_threshold)
        if os.path.isfile(target):
            ws.files = [target]
        elif scan:
            ws.scan()
        else:
            ws.scanned = False
        return ws

    def scan(self, progress: Callable[[int, int, str], None] | None = None,
             stop: Callable[[], bool] | None = None) -> bool:
        """Search the folder for reports (core/readers.find_reports: `progress`, `stop`); False when
        `stop` ended it early (the reports found so far are the workspace's, and it says so)."""
        files, unread = find_reports([self.target], progress, stop)
        self.files = files
        self.warnings = [str(e) for e in unread[:5]]  # said, never skipped in silence
        if len(unread) > 5:
            self.warnings.append(f"… and {len(unread) - 5} more folder(s) that could not be read")
        self.unreadable = len(unread)
        stopped = stop is not None and stop()
        if stopped:
            self.warnings.append(f"the search of {self.target} was stopped: only the {len(files):,} report(s) found "
                                 "before it are listed")
        self.scanned = True
        return not stopped

    def add_files(self, paths: list[str], after: str) -> list[str]:
        """Reports written while the folder is open (a file's reports split into files: core/bundle.py)
        listed right after `after`, the file they came from; those already listed are left. Returns
        the ones added."""
        new = [p for p in paths if p not in self.files]
        if new:
            i = self.files.index(after) + 1 if after in self.files else len(self.files)
            self.files[i:i] = new
            if after in self.order:
                j = self.order.index(after) + 1
                self.order[j:j] = new
        return new

    @classmethod
    def of(cls, paths, annotations: str | None = None) -> Workspace:
        """The reports named on a command line (files and folders); `warnings` has one line per path
        that could not be read."""
        files, unread = find_reports(list(paths))
        return cls(" ".join(map(str, paths)), files, annotations or None, warnings=[str(e) for e in unread],
                   unreadable=len(unread))

    # ------------------------------------------------------------------ where
    @property
    def single(self) -> bool:
        """One report, not a folder."""
        return os.path.isfile(self.target)

    @property
    def folder(self) -> str:
        return self.target if os.path.isdir(self.target) else os.path.dirname(self.target) or "."

    # ------------------------------------------------------------------ one report
    def open(self, path: str) -> OpenReport:
        """Read, extract and review a report with its annotation, its candidates scored with the
        agency's other years in the folder (ReadError propagates)."""
        from .open_report import OpenReport

        report = OpenReport.open(path, self.annotations, self.section_threshold, self.annotator,
                                 rescore=lambda ex, review: self.with_years(path, review))
        kept = self.histories.pop(path, None)
        # its undo history of this session, when nothing changed its decisions since it was closed
        # (another window's save, an edit by hand): then the steps would undo what they never did
        if kept is not None and kept[0] == report.review.decided():
            report.review.restore_history(kept[1], kept[2])
        return report

    def keep_history(self, report) -> None:
        """The undo and redo steps of a report being closed (OpenReport), for when it is opened again
        in this session (`open`)."""
        undo, redo = report.review.history()
        if undo or redo:
            self.histories[report.path] = (report.review.decided(), undo, redo)

    def with_years(self, path: str, review: Review) -> Extraction:
        """The report's extraction with the agency's reports of the year before and after (from
        the queue's summaries, as the analyst has them) as evidence for its candidates
        (core/across.py); the extraction itself when the folder holds neither, or nothing is
        undecided."""
        from .across import neighbours, with_neighbours
        from .open_report import OpenReport

        ex = review.ex
        if not (ex.splits or ex.questions) or review.year is None or not review.agency:
            return ex
        near = neighbours(path, review.agency, review.year,
                          ((p, s.agency, s.year) for p, s in self.summaries.items()
                           if s is not None and s.status != ERROR))

        def open_review(p: str) -> Review:
            return OpenReport.open(p, self.annotations, self.section_threshold, self.annotator).review

        return with_neighbours(ex, review.year, near, open_review)

    def summary(self, path: str, review: Review, file: AnnotationFile) -> Summary:
        """An open report's queue line, from its review in memory (nothing read again); remembered."""
        from .queue import summary_of

        s = summary_of(path, review, file, annotated=file.known is not None or review.status != NEW)
        self.remember(s)
        return s

    def set_meta(self, paths: list[str], agency: str | None = None, year: int | None = None
                 ) -> tuple[list[Summary], list[str]]:
        """Set the agency and/or the year of several reports at once (the queue's marked rows):
        each annotation read, changed and saved like the report screen's `i` (atomically, never over
        a file another window changed or one that could not be read). Their new queue lines, and
        one line for each report left as it was, saying why."""
        from .readers import ReadError

        done: list[Summary] = []
        said: list[str] = []
        for path in paths:
            name = os.path.basename(path)
            try:
                opened = self.open(path)
            except ReadError as e:
                said.append(f"{name}: {e.reason}")
                continue
            rv = opened.review
            meta = dict(rv.meta)
            if agency:
                meta["agency"] = agency
            if year is not None:
                meta["year"] = year
            rv.set_meta(meta)
            opened.changed()
            got = opened.save()
            if got.problem == "conflict":
                said.append(f"{name}: its annotation changed on disk meanwhile; open the report to set it there")
                continue
            if not got.ok:
                said.append(f"{name}: its annotation could not be written ({got.error}); left as it was")
                continue
            done.append(self.summary(path, rv, opened.file))
        return done, said

    def year_checks(self, path: str, review: Review) -> list:
        """The carry-over between this report (as the analyst has it now) and the agency's reports
        of the year before and after, from the queue's summaries (core/years.py)."""
        from .years import carry_cells, neighbours

        this = carry_cells(review.ex, review)
        if this is None:
            return []
        others = [s.carry for p, s in self.summaries.items() if p != path and s.carry is not None]
        return neighbours(this, others)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ many reports
    def summarize(self, paths: list[str] | None = None, jobs: int = 1, apart: bool = False) -> Iterator[Summary]:
        """The queue's line of each report (all of them by default), in order, in `jobs` processes
        (`apart`: in another process even for one job, so the app's screen is never held)."""
        from functools import partial

        from .batch import ordered
        from .queue import summarize

        todo = self.files if paths is None else paths
        # the cache first, here: a report unchanged since it was summarised costs a stat and two
        # lookups; only the rest are read and extracted, in the pool
        from .queue import cached_summary

        rest = []
        for p in todo:
            hit = cached_summary(p, self.annotations, self.section_threshold)
            if hit is None:
                rest.append(p)
            else:
                self.summaries[p] = hit
                yield hit
        todo = rest
        if not todo:
            return
        if not apart and (jobs <= 1 or len(todo) < 2):
            it: Iterator[Summary] = (summarize(p, self.annotations, self.section_threshold, True) for p in todo)
        else:
            it = ordered(partial(summarize, annotations_dir=self.annotations, section_threshold=self.section_threshold,
                                 looked=True),
                         todo, jobs, chunksize=64, apart=apart)
        try:
            for s in it:
                self.summaries[s.path] = s
                yield s
        finally:
            close = getattr(it, "close", None)
            if close is not None:
                close()  # ends the pool's workers when the caller stops early

    def remember(self, summary: Summary) -> None:
        """A report's queue line changed (saved, closed, its agency set): kept, and the watchers told
        ("summary", the line)."""
        self.summaries[summary.path] = summary
        self._tell("summary", summary)

    def set_order(self, order: list[str], filtered: bool) -> None:
        """The order the analyst goes through the reports: the queue's rows as sorted and filtered."""
        self.order, self.filtered = list(order), filtered

    def clear_filter(self) -> None:
        """Every report in the order again; the watchers are told ("filter cleared", None)."""
        self.order, self.filtered = list(self.files), False
        self._tell("filter cleared", None)

    def watch(self, fn: Callable[[str, object], None]) -> None:
        """Call `fn(what, value)` on each change of a report's line or of the filter (the queue
        redraws a row, or clears its filter box). Called in the writer's thread."""
        self.watchers.append(fn)

    def _tell(self, what: str, value: object) -> None:
        for fn in list(self.watchers):
            fn(what, value)

    def counts(self) -> dict[str, int]:
        """How many reports are in each review status (reports not summarised yet are not counted)."""
        sums = [self.summaries.get(p) for p in self.files]
        return {k: sum(1 for s in sums if s is not None and s.status == k) for k in STATUSES}

    def next_report(self, path: str, step: int = 1, only_not_done: bool = False) -> str | None:
        """The report after (step 1) or before (-1) `path` in the analyst's order, wrapping around;
        `only_not_done` passes over reports that are done or unreadable. None when there is none."""
        order = self.order if path in self.order else list(self.files)
        i = order.index(path) if path in order else -1
        n = len(order)
        for k in range(1, n + 1):
            cand = order[(i + step * k) % n]
            if cand == path:
                return None
            if only_not_done:
                s = self.summaries.get(cand)
                if s is not None and s.status in (DONE, ERROR):
                    continue
            return cand
        return None

    def not_done(self, paths: list[str] | None = None) -> int:
        """How many of these reports (all by default) are neither done nor unreadable."""
        todo = self.files if paths is None else paths
        return sum(1 for p in todo if (s := self.summaries.get(p)) is None or s.status not in (DONE, ERROR))

    def export(self, wide: bool = False, jobs: int = 1, what: str = "cells", every: bool = False,
               written: str = "") -> Dataset:
        """The dataset: each report extracted afresh with its annotation applied (`written`: "csv"
        or "jsonl", the format it will be written in, which lets the workers write the rows)."""
        from .export import dataset

        return dataset(self.files, self.annotations, wide, jobs, what=what, every=every, written=written)

    def check(self, jobs: int = 1, raw: bool = False) -> Iterator[tuple[str, str, tuple | str]]:
        """(path, "ok", ([(check id, message) of each failing check], its carry-over rows for the
        checks across years, core/years.py)) or (path, "error", one line), in the files' order, in
        `jobs` processes, each report within the time limit. The checks are those of the report as
        the analyst left it (the app's Checks tab); `raw`: of the extraction alone."""
        from functools import partial

        from .batch import ordered

        fn = failing_checks if raw else partial(reviewed_failing_checks, annotations=self.annotations)
        yield from ((f, *r) for f, r in zip(self.files, ordered(fn, self.files, jobs)))


def failing_checks(path: str) -> tuple[str, tuple | str]:
    """One report's failing and pending checks for the pool: ("ok", [(id, message, state)]) or
    ("error", one line)."""
    from .batch import limited
    from .extract import extract_path
    from .years import carry_cells

    status, res = limited(extract_path, path)
    if status == "ok":
        return status, ([(c.id, c.message, c.state) for c in res.checks if c.state != "holds"],  # type: ignore[union-attr]
                        carry_cells(res))  # type: ignore[arg-type]
    return status, res


def reviewed_failing_checks(path: str, annotations: str | None = None) -> tuple[str, tuple | str]:
    """The failing and pending checks of a report with its annotation applied, as the app's Checks
    tab shows them; what could not be taken from the annotation comes first, with the id None."""
    from .batch import limited
    from .open_report import OpenReport
    from .years import carry_cells

    status, r = limited(lambda p: OpenReport.open(p, annotations), path, "check")
    if status != "ok":
        return status, r  # type: ignore[return-value]
    review = r.review  # type: ignore[union-attr]
    said = [(None, w, None) for w in r.warnings]  # type: ignore[union-attr]  # said, not counted as failing
    return "ok", (said + [(c.id, c.message, c.state) for c in review.checks() if c.state != "holds"],
                  carry_cells(review.ex, review))
