"""The extraction's data: small frozen dataclasses, serialised by `to_dict` to the JSON contract."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache

from .values import Number

LabelPath = tuple[str, ...]  # a row or a column: its labels, outermost group first
CellKey = tuple[str, LabelPath, LabelPath]  # (table id, row, column): one cell of a template


def _by_fields(obj) -> tuple:
    """Pickled as its fields in order, rebuilt by __init__ (core/cache.py): a slots dataclass's own
    __setstate__ sets them one by one in Python, several times slower. Every data class the cache
    holds uses it, so a field added to one is pickled with it."""
    return type(obj), tuple(getattr(obj, name) for name in _field_names(type(obj)))


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def cell_address(key: CellKey) -> str:
    """A cell as the analyst reads it: `requests › 本年度办理结果 › 予以公开 × 自然人` (the status line,
    a merge's notes)."""
    return f"{key[0]} › {' › '.join(key[1]) or '—'} × {' › '.join(key[2])}"


def cell_column(table: str, row: LabelPath, column: LabelPath) -> str:
    """A cell as a dataset column or a check's cell list: `requests | 本年度办理结果 / 予以公开 | 自然人`."""
    return " | ".join([table, " / ".join(row), " / ".join(column)])


@dataclass
class Cell:
    """One template cell of one report. Treated as immutable everywhere (edits make new cells);
    not declared frozen because a frozen dataclass's __init__ costs a third of the alignment time
    (benchmarks/extract_speed.py), and without __slots__ because orjson writes a dataclass from its
    __dict__ four times faster than from slots (a report's 200 cells: 50 against 200 µs)."""

    table: str
    row: LabelPath
    column: LabelPath
    value: Number | None
    raw: str = ""
    unit: str | None = None
    line: int | None = None  # 1-based line in the decoded text
    start: int | None = None  # character offsets in the decoded text
    end: int | None = None
    confidence: float = 0.0
    # the values this cell may hold when the text and the identities leave several, best first,
    # each with its share of the weight of the possibilities (a value None: the cell is empty)
    candidates: tuple[tuple[Number | None, float], ...] = ()
    # how the value was found: "table" (read at its place in a table row), "solved" (a glued digit
    # run split by the identities), "inferred" (a row that lost or gained cells, placed by the
    # identities), "prose" (a sentence); None for a cell with no evidence in the report
    method: str | None = None
    page: int | None = None  # 1-based page of a PDF or Word report where the value stands
    # a blank with no candidates: why there is nothing to choose from ("row not found", "no figure
    # on the row", "its figures could not be placed …", "empty in the table"); None otherwise
    reason: str | None = None

    @property
    def key(self) -> tuple[str, LabelPath, LabelPath]:
        return (self.table, self.row, self.column)

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    def to_dict(self) -> dict:
        return {
            "table": self.table,
            "row": list(self.row),
            "column": list(self.column),
            "value": self.value,
            "raw": self.raw,
            "unit": self.unit,
            "line": self.line,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "candidates": [[v, s] for v, s in self.candidates],
            "method": self.method,
            "page": self.page,
            "reason": self.reason,
        }


# typed: the analyst's value (annotations applied); ocr: recognised in a picture, kept because the
# identities confirm it (or, blank, its readings are the candidates)
METHODS = ("table", "solved", "inferred", "prose", "ocr", "typed")


@dataclass(frozen=True, slots=True)
class SectionMatch:
    heading: str
    line: int  # 1-based
    start: int
    end: int
    template_section: str | None
    score: float
    candidates: tuple[tuple[str, float], ...]
    page: int | None = None  # 1-based page of a PDF or Word report

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    def to_dict(self) -> dict:
        return {  # the contract's keys; start/end stay in the core for the app's highlighting
            "heading": self.heading,
            "line": self.line,
            "page": self.page,
            "template_section": self.template_section,
            "score": self.score,
            "candidates": [[n, s] for n, s in self.candidates],
        }


@dataclass(frozen=True, slots=True)
class CellRef:
    """The address of a cell, the same in the JSON, the TOML, the CSV and the app."""

    table: str
    row: LabelPath
    column: LabelPath

    @property
    def key(self) -> tuple[str, LabelPath, LabelPath]:
        return (self.table, self.row, self.column)

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    def to_dict(self) -> dict:
        return {"table": self.table, "row": list(self.row), "column": list(self.column)}


STATES = ("holds", "fails", "pending")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One identity evaluated. `state`: "holds", "fails" (whatever the cells not yet known turn out
    to be), or "pending" (it waits for the cells in `waiting`: blank or undecided cells that could
    still make it hold). `ok` is true only when it holds."""

    id: str
    ok: bool
    message: str
    cells: tuple[CellRef, ...]
    state: str = ""  # "" → "holds" when ok, else "fails"
    waiting: tuple[CellRef, ...] = ()

    def __post_init__(self) -> None:
        if not self.state:
            object.__setattr__(self, "state", "holds" if self.ok else "fails")

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    def to_dict(self) -> dict:
        return {"id": self.id, "ok": self.ok, "state": self.state, "message": self.message,
                "cells": [c.to_dict() for c in self.cells], "waiting": [c.to_dict() for c in self.waiting]}


@dataclass(frozen=True, slots=True)
class Split:
    """The whole-row choices the text and the identities leave for a row whose cells are undecided
    (a glued run of digits, figures that could sit in several columns): each a value per column,
    with its share of the weight, most likely first. The app offers them one key each; they are
    not part of the JSON contract (each cell's own `candidates` are)."""

    columns: tuple[LabelPath, ...]
    choices: tuple[tuple[tuple, float], ...]
    total: int  # how many choices there were (at most MAX_SPLITS are kept)
    reasons: tuple[tuple[str, ...], ...] = ()  # why, for each choice (core/solve.score_option)
    decided: bool = False  # the evidence (not a prior alone) puts the first clearly ahead: enter takes it
    evidence: tuple[float, ...] = ()  # per choice, the part of its weight that is evidence (solve.Score)
    offered: bool = False  # its choices may lack the true one (or each breaks the row's own total): never decided

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py


class Deferred(Mapping):
    """A read-only mapping whose values are made on first reading, each by `make(*args)` as given
    to `defer`: the splits of an extraction, which only the app and the cross-year scoring read
    (`extract` writes no split, and made them for nothing: a sixteenth of a report's time with
    many undecided rows). Its keys keep the order they were deferred in; pickled, compared and
    copied as the plain dict of all its values."""

    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: dict = {}  # key → its value, or the _Pending that makes it

    def defer(self, key, make, *args) -> None:
        """`make(*args)` is the value of `key` (a key deferred twice keeps the first)."""
        if key not in self._items:
            self._items[key] = _Pending(make, args)

    def __getitem__(self, key):
        value = self._items[key]  # KeyError: no such key
        if value.__class__ is _Pending:
            made = value.make(*value.args)
            value = self._items[key]
            if value.__class__ is _Pending:  # (else another thread made it meanwhile: the first stands)
                value = self._items[key] = made
        return value

    def __contains__(self, key) -> bool:
        return key in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __reduce__(self):
        return dict, (dict(self.items()),)

    def __repr__(self) -> str:
        return f"Deferred({dict(self.items())!r})"


class _Pending:
    __slots__ = ("make", "args")

    def __init__(self, make, args: tuple) -> None:
        self.make, self.args = make, args


@dataclass(frozen=True, slots=True)
class Offers:
    """A blank cell's own choices, each with its share and why (a figure recognised in a picture:
    core/ocr_check.py; the figures a table repeated twice gives it: tables/align.py), most likely first; `decided`: the evidence (an identity, not the reading
    alone) puts the first ahead, so `enter` takes it. Not in the JSON (the cell's candidates are)."""

    choices: tuple[tuple[Number | None, float, str], ...]
    decided: bool = False
    about: str = "recognised in a picture, not confirmed by the identities"  # what the choices are, said when asked

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py


OTHER_ROWS = "其他行（模板外）"  # the group the report's own rows stand under, in the export and the app


@dataclass(frozen=True, slots=True)
class OtherRow:
    """A row of the report's own in a one-column table (a statistics indicator the template does
    not list, 政府公文公开政府信息数 4072): kept with its figure, never dropped."""

    table: str
    label: str
    value: Number | None
    raw: str
    unit: str | None
    line: int
    start: int
    end: int
    page: int | None = None

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    def to_dict(self) -> dict:
        return {"table": self.table, "label": self.label, "value": self.value, "raw": self.raw, "unit": self.unit,
                "line": self.line, "page": self.page}


@dataclass(frozen=True, slots=True)
class QuestionOption:
    """One answer to a table's question: the column indices that hold the figures, its share of
    the evidence, why, and the values it gives each row of the question (in its order)."""

    columns: tuple[int, ...]
    share: float
    reasons: tuple[str, ...]
    values: tuple[tuple, ...]

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py


@dataclass(frozen=True, slots=True)
class Question:
    """An ambiguity that repeats in every row of a table, asked once (core/questions.py)."""

    table: str
    rows: tuple[LabelPath, ...]
    columns: tuple[LabelPath, ...]
    text: str
    options: tuple[QuestionOption, ...]
    decided: bool  # the evidence (not a prior alone) puts the first option clearly ahead

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    def label(self, option: QuestionOption) -> str:
        return " + ".join(" / ".join(self.columns[j]) for j in option.columns)

    def to_dict(self) -> dict:
        return {"table": self.table, "question": self.text, "rows": [list(r) for r in self.rows],
                "decided": self.decided,
                "options": [{"columns": [list(self.columns[j]) for j in o.columns], "share": o.share,
                             "reasons": list(o.reasons)} for o in self.options]}


@dataclass(frozen=True, slots=True)
class Extraction:
    source: str
    sha256: str
    template: str
    year: int | None
    agency: str | None
    sections: tuple[SectionMatch, ...]
    cells: tuple[Cell, ...]
    checks: tuple[CheckResult, ...]
    warnings: tuple[str, ...]
    encoding: str = "utf-8"
    splits: Mapping = field(default_factory=dict, compare=False)  # (table, row) → Split (not in the JSON; a Deferred)
    agency_from: str | None = None  # where the agency was read: title, compiler, contact, source line, text, file name
    year_from: str | None = None  # where the year was read: title, period, report, table title, file name
    questions: tuple[Question, ...] = ()  # a table's repeated ambiguity, asked once
    other_rows: tuple[OtherRow, ...] = ()  # the report's own rows in a one-column table
    offers: dict = field(default_factory=dict, compare=False)  # cell key → Offers (not in the JSON)
    # what fails for the file itself, whatever its cells hold (core/bundle.py: it holds several
    # reports), among `checks` and again in every session's checks (core/review.py)
    findings: tuple[CheckResult, ...] = ()

    def __reduce__(self):
        if self.splits.__class__ is Deferred:  # stored as the plain dict of every split (core/cache.py)
            return _by_fields(replace(self, splits=dict(self.splits.items())))
        return _by_fields(self)  # core/cache.py

    def to_dict(self, cells=None, check_cells=None) -> dict:
        """The JSON contract: the one place its keys are written. `cells` and `check_cells(refs)`
        let a writer pass faster forms of the same values (serialize.to_json_bytes gives orjson
        the cell dataclasses, whose fields are these keys, and each check's cells pre-serialised)."""
        return {
            "source": self.source,
            "sha256": self.sha256,
            "template": self.template,
            "year": self.year,
            "agency": self.agency,
            "year_from": self.year_from,
            "agency_from": self.agency_from,
            "sections": [s.to_dict() for s in self.sections],
            "cells": cells if cells is not None else [c.to_dict() for c in self.cells],
            "checks": [{"id": c.id, "ok": c.ok, "state": c.state, "message": c.message,
                        "cells": check_cells(c.cells) if check_cells is not None else [r.to_dict() for r in c.cells],
                        "waiting": check_cells(c.waiting) if check_cells is not None else [r.to_dict() for r in c.waiting]}
                       for c in self.checks],
            "warnings": list(self.warnings),
            "questions": [q.to_dict() for q in self.questions],
            "other_rows": [r.to_dict() for r in self.other_rows],
        }

    def cell(self, table: str, row, column) -> Cell | None:
        key = (table, tuple(row), tuple(column))
        for c in self.cells:
            if c.key == key:
                return c
        return None

    @property
    def failing(self) -> list[CheckResult]:
        """The checks that fail whatever is still undecided (pending ones are not failing)."""
        return [c for c in self.checks if c.state == "fails"]

    @property
    def pending(self) -> list[CheckResult]:
        return [c for c in self.checks if c.state == "pending"]
