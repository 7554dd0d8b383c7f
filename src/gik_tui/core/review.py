"""A report under review: the extraction with the analyst's decisions applied, undo and redo.

Pure state: no screen, no file (core/open_report.py reads the report and its annotation and writes
what the review says); export uses `reviewed_cells`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Protocol

from .annotations import IN_PROGRESS, NEW, Annotation, CellEdit, SectionDecision, now
from .checks import run_checks
from .model import Cell, CellKey, CheckResult, Extraction, Question, SectionMatch, Split
from .questions import answer as answer_question
from .templates import load_template
from .values import Number, blank_mark

LOW_CONFIDENCE = 0.75


@dataclass(frozen=True, slots=True)
class Change:
    kind: str  # "cell" | "cells" (several at once: one undo step) | "section"
    key: object  # CellKey, a tuple of CellKeys ("cells"), or (heading line, heading)
    before: object  # for "cells": a tuple, one per key
    after: object

    @property
    def cells(self) -> tuple:
        """The cells this change touched (none for a heading)."""
        if self.kind == "cell":
            return (self.key,)
        return tuple(self.key) if self.kind == "cells" else ()  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Attention:
    kind: str  # "check" | "low" | "blank" | "heading"
    key: object  # CellKey for check/low, the heading's start offset for heading
    label: str
    undecided: bool = False  # a blank left with candidates (the status line tells them itself)


def corrected(ex: Extraction, meta: dict) -> Extraction:
    """The extraction with the analyst's agency and year where `meta` sets one (the one rule the
    export, the queue and the report screen share): a value the analyst left empty is the
    extraction's."""
    agency = meta.get("agency") or ex.agency
    year = meta["year"] if meta.get("year") is not None else ex.year
    if agency == ex.agency and year == ex.year:
        return ex
    return replace(ex, agency=agency, year=year)


def typed_unit(template_id: str | None, key: CellKey, c: Cell | None = None) -> str | None:
    """The unit of a value typed into a cell: the extracted one's, else the cell's own (an amount
    of 采购总金额 is in 万元 like the extracted ones; a statistics row has its unit)."""
    if c is not None and c.unit:
        return c.unit
    if template_id is None:
        return None
    from .tables.align import table_index

    kind, default = table_index(template_id).cellinfo.get(key, ("count", None))
    return "万元" if kind == "amount" and default is None else default


def unsure_note(decided: bool, choice: int, what: str) -> str:
    """The note an edit keeps when its value was picked among candidates: none when the evidence
    put that choice first; "chosen without evidence" when only a prior did; "chosen against the
    evidence" when the evidence put another first."""
    if decided and choice == 0:
        return ""
    return f"{what} chosen {'against the evidence' if decided else 'without evidence'}"


def edited(c: Cell | None, e: CellEdit | None, template_id: str | None = None) -> Cell | None:
    """A cell as the analyst left it: the extracted cell, or the edit over it: method "typed",
    confidence 1, the cell's unit (`typed_unit`)."""
    if e is None:
        return c
    unit = typed_unit(template_id, (e.table, e.row, e.column), c)
    if c is None:  # an edit of a cell the extraction did not list
        return Cell(e.table, e.row, e.column, e.value, unit=unit, confidence=1.0, method="typed")
    return replace(c, value=e.value, confidence=1.0, candidates=(), method="typed", unit=unit)


def written_empty(c: Cell) -> bool:
    """A blank the report wrote as an empty cell's mark (—, -, /, 无), read where it stands: found,
    not missing — no stop for `]` and not unsure (an empty cell with nothing in it still is)."""
    return c.value is None and not c.candidates and blank_mark(c.raw)


def doubtful(c: Cell) -> bool:
    """A value read with low confidence, or a blank that the identities left with candidates."""
    return (c.value is not None and c.confidence < LOW_CONFIDENCE) or (c.value is None and bool(c.candidates))


def reviewed_cells(ex: Extraction, ann: Annotation | None) -> list[Cell]:
    """The extraction's cells with the analyst's edits applied, in template order."""
    edits = ann.cell_map if ann else {}
    listed = {c.key for c in ex.cells}
    out = [edited(c, edits.get(c.key), ex.template) for c in ex.cells]
    out += [edited(None, e, ex.template) for key, e in edits.items() if key not in listed]
    return out


class CellView(Protocol):
    """What a table on screen reads of a review (app/widgets/template_table.py): it draws cells and
    never changes them (its edits go through the callable it is given)."""

    def cell(self, key: CellKey) -> Cell | None: ...

    def value(self, key: CellKey) -> Number | None: ...

    def state(self, key: CellKey) -> str | None: ...

    def other_rows(self, table: str) -> list: ...


class Review:
    def __init__(self, ex: Extraction, ann: Annotation | None, source_name: str, annotator: str = ""):
        self.ex = ex
        self.template = load_template(ex.template)
        base = ann or Annotation(source=source_name, sha256=ex.sha256, template=ex.template)
        self.base = base
        self.source_changed = ann is not None and bool(ann.sha256) and ann.sha256 != ex.sha256
        self.edits: dict[CellKey, CellEdit] = dict(base.cell_map)
        self.decisions: dict[tuple[int, str], SectionDecision] = dict(base.section_map)
        self.status = base.status
        self.note = base.note
        self.meta = dict(base.meta)
        self.annotator = annotator or base.annotator
        self.updated = base.updated
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._start = self.decided()  # what the review began with: undone back to it, as it was
        self._cells = {c.key: c for c in ex.cells}
        self.stale: set[CellKey] = {
            k for k, e in self.edits.items()
            if k in self._cells and self._cells[k].value != e.extracted
        } if self.source_changed else set()
        self.stale_sections: set[int] = set()  # lines whose decided heading is no longer there
        if self.source_changed:
            current = {(s.line, s.heading) for s in ex.sections}
            self.stale_sections = {key[0] for key in self.decisions if key not in current}
        self._checks: list[CheckResult] | None = None
        self._failing: set[CellKey] | None = None

    # ------------------------------------------------------------------ reading
    @property
    def agency(self) -> str | None:
        """The report's agency as the analyst left it (their correction, else the extraction's)."""
        return corrected(self.ex, self.meta).agency

    @property
    def year(self) -> int | None:
        return corrected(self.ex, self.meta).year

    def cell(self, key: CellKey) -> Cell | None:
        return edited(self._cells.get(key), self.edits.get(key), self.ex.template)

    def value(self, key: CellKey) -> Number | None:
        c = self.cell(key)
        return None if c is None else c.value

    def extracted(self, key: CellKey) -> Cell | None:
        return self._cells.get(key)

    def is_edited(self, key: CellKey) -> bool:
        return key in self.edits

    def state(self, key: CellKey) -> str | None:
        """How a cell is drawn: "stale" (an edit the changed report no longer matches), "failing"
        (in a failing check), "edited", "low" (a doubtful value, or a blank left with candidates),
        "blank", or None (a value read with confidence)."""
        if key in self.stale:
            return "stale"
        if key in self.failing_cells():
            return "failing"
        if key in self.edits:
            return "edited"
        c = self.cell(key)
        if c is not None and doubtful(c):
            return "low"
        if c is None or c.value is None:
            return "blank"
        return None

    def other_rows(self, table: str) -> list:
        """The report's own rows of this table that the template does not list (as read)."""
        return [o for o in self.ex.other_rows if o.table == table]

    def before_done(self) -> str:
        """What marking the report done would leave behind, in words ("" when nothing): its failing
        checks and the cells still undecided or unsure — the queue's "unsure", blanks not found
        included — asked about once before `d` takes it."""
        failing = sum(1 for c in self.checks() if c.state == "fails")
        open_ = self.unsure_count()
        parts = []
        if failing:
            parts.append(f"{failing} check(s) fail")
        if open_:
            parts.append(f"{open_} cell(s) are undecided or unsure")
        return " and ".join(parts)

    def current_cells(self) -> dict[CellKey, Cell]:
        out = dict(self._cells)
        for k in self.edits:
            c = self.cell(k)
            if c is not None:
                out[k] = c
        return out

    def checks(self) -> list[CheckResult]:
        if self._checks is None:
            self._checks = [*self.ex.findings, *run_checks(self.template, self.current_cells())]
        return self._checks

    def failing_cells(self) -> set[CellKey]:
        if self._failing is None:
            self._failing = {ref.key for chk in self.checks() if chk.state == "fails" for ref in chk.cells}
        return self._failing

    def section_of(self, s: SectionMatch) -> tuple[str | None, bool]:
        """(mapped section, confirmed by the analyst) for a heading."""
        d = self.decisions.get((s.line, s.heading))
        if d is not None:
            return d.section, d.confirmed
        return s.template_section, False

    def missing_sections(self) -> list[str]:
        covered = {self.section_of(s)[0] for s in self.ex.sections}
        return [n for n in self.template.section_names if n not in covered]

    def unsure_count(self) -> int:
        """The cells the analyst should still look at, the queue's "unsure": values read with low
        confidence, blanks left with candidates, and the blanks of a table that has figures (a
        figure the reader did not find, even with no warning, is never counted as clean); the
        analyst's own blanks are decided."""
        current = self.current_cells()
        filled = {c.table for c in current.values() if c.value is not None}
        return sum(1 for k, c in current.items()
                   if doubtful(c) or (c.value is None and c.table in filled and k not in self.edits
                                      and not written_empty(c)))

    def attention(self, blanks_only: bool = False) -> list[Attention]:
        """What needs the analyst, in reading order: cells in failing checks (typed ones too),
        low-confidence cells, blanks left with candidates, blank cells of a table that has values
        (a figure not found, or not typed yet), unmatched headings. `blanks_only`: the blank cells
        alone (every blank of a table that has values, whatever else it is)."""
        items: list[Attention] = []
        failing = self.failing_cells()
        current = self.current_cells()
        filled = {c.table for c in current.values() if c.value is not None}
        # an open table question is one stop: its first cell, not each of its rows' cells
        asked = {(q.table, r): q for q in self.open_questions() for r in q.rows}
        stopped: set[int] = set()
        seen_notes: set[str] = set()
        splits, offers = self.ex.splits, self.ex.offers
        split_rows: set[tuple] = set()  # rows whose undecided cells one `c` fills together: one stop
        for c in self.ex.cells:
            now = current.get(c.key, c)
            edited = c.key in self.edits
            blank = now.value is None and not edited and c.table in filled
            if blanks_only:
                if blank:
                    items.append(Attention("blank", c.key, "blank"))
                continue
            if c.key in failing:
                items.append(Attention("check", c.key, "in a failing check"))
            elif edited:
                note = self.edits[c.key].unsure  # a pick no evidence made: one stop a choice
                if note and note not in seen_notes:
                    seen_notes.add(note)
                    items.append(Attention("low", c.key, note + " (type the figures to confirm)"))
                continue  # the analyst's own figure: only a failing check brings it back
            elif c.value is not None and c.confidence < LOW_CONFIDENCE:
                items.append(Attention("low", c.key, f"low confidence {c.confidence}"))
            elif c.value is None and c.candidates and (q := asked.get((c.table, c.row))) is not None:
                if id(q) not in stopped:
                    stopped.add(id(q))
                    items.append(Attention("low", c.key, "a table question"))
            elif c.value is None and c.candidates:
                row = (c.table, c.row)
                if row in splits and c.key not in offers:  # `c` on any of its cells chooses the row's split
                    if row not in split_rows:
                        split_rows.add(row)
                        items.append(Attention("low", c.key, "undecided row: c picks its split", True))
                else:
                    items.append(Attention("low", c.key, f"undecided: {len(c.candidates)} candidates (c picks)",
                                           True))
            elif blank and not written_empty(now):
                items.append(Attention("blank", c.key, "blank"))
        if blanks_only:
            return items
        for s in self.ex.sections:
            section, confirmed = self.section_of(s)
            if section is None and not confirmed:
                items.append(Attention("heading", s.start, "unmatched heading"))
        return items

    def next_attention(self, step: int, blanks_only: bool = False, cell: CellKey | None = None,
                       heading: int | None = None) -> Attention | None:
        """What `]` (step 1) and `[` (step -1) go to from the cursor — on `cell`, or on the heading
        that starts at `heading` — in one round: the cells in template order, then the headings,
        then round again. So `[` then `]` comes back to where it started. None: nothing left."""
        items = self.attention(blanks_only)
        if not items:
            return None
        if heading is not None:
            at = next((i for i, a in enumerate(items) if a.kind == "heading" and a.key == heading), None)
            if at is not None:
                return items[(at + step) % len(items)]
        pos = {c.key: i for i, c in enumerate(self.ex.cells)}
        here = pos.get(cell) if cell is not None else None
        if here is None:
            return items[0] if step > 0 else items[-1]
        cells = [a for a in items if a.kind != "heading"]
        if step > 0:
            return next((a for a in cells if pos.get(a.key, -1) > here), None) \
                or next((a for a in items if a.kind == "heading"), None) or items[0]
        return next((a for a in reversed(cells) if pos.get(a.key, len(pos)) < here), None) or items[-1]

    def blanks(self, keys) -> dict[CellKey, Number]:
        """Of these cells, the blank ones the analyst has not decided, each to 0 (for a report that
        leaves zeros empty): what `set_cells` takes."""
        return {k: 0 for k in keys if self.value(k) is None and k not in self.edits}

    # ------------------------------------------------------------------ changing
    def _apply(self, ch: Change, forward: bool) -> None:
        target = ch.after if forward else ch.before
        if ch.kind in ("cell", "cells"):
            pairs = [(ch.key, target)] if ch.kind == "cell" else zip(ch.key, target)  # type: ignore[arg-type]
            for key, edit in pairs:
                if edit is None:
                    self.edits.pop(key, None)
                else:
                    self.edits[key] = edit
                self.stale.discard(key)
        else:
            if target is None:
                self.decisions.pop(ch.key, None)  # type: ignore[arg-type]
            else:
                self.decisions[ch.key] = target  # type: ignore[index,assignment]
            self.stale_sections.discard(ch.key[0])  # type: ignore[index]
        self._checks = None
        self._failing = None

    def _do(self, ch: Change) -> Change:
        self._apply(ch, True)
        self._started()
        self._undo.append(ch)
        self._redo.clear()
        return ch

    def set_meta(self, meta: dict) -> None:
        """The analyst's agency, year or template (only what differs from the extraction): a
        change like any other, so a new report is now in progress."""
        if meta != self.meta:
            self.meta = dict(meta)
            self._started()

    def set_note(self, text: str) -> None:
        """The analyst's note on the report: writing one is work on it, so a new report is now in
        progress — and one whose note is taken back, nothing else changed, is new again."""
        if text == self.note:
            return
        self.note = text
        if text:
            self._started()
        else:
            self._new_again()

    def _new_again(self) -> None:
        """Every change taken back to what the report began with: one that was new is new again (the
        analyst's own status, done or flagged, stays as set)."""
        if not self._undo and self.status == IN_PROGRESS and self._start[2] == NEW \
                and _without_status(self.decided()) == _without_status(self._start):
            self.status = NEW

    def _started(self) -> None:
        """The status rule: a report the analyst changed anything in is no longer new."""
        if self.status == NEW:
            self.status = IN_PROGRESS

    def set_cell(self, key: CellKey, value: Number | None) -> Change:
        table, row, column = key
        c = self._cells.get(key)
        new = CellEdit(table, row, column, value, None if c is None else c.value, self.annotator, now())
        return self._do(Change("cell", key, self.edits.get(key), new))

    def question_at(self, key: CellKey) -> Question | None:
        """The table question (core/questions.py) that the cell's row is part of, while it is open:
        none of its cells decided by the analyst yet."""
        for q in self.ex.questions:
            if q.table == key[0] and key[1] in q.rows and not any(
                    (q.table, r, c) in self.edits for r in q.rows for c in q.columns):
                return q
        return None

    def open_questions(self) -> list[Question]:
        return [q for q in self.ex.questions if self.question_at((q.table, q.rows[0], q.columns[0])) is q]

    def answer(self, question: Question, choice: int) -> Change | None:
        """Answer a table question: every one of its rows filled as the option reads them, one
        undo step; marked `unsure` unless the evidence chose it (`unsure_note`)."""
        note = unsure_note(question.decided, choice, f"{question.label(question.options[choice])} "
                                                      f"for {len(question.rows)} rows")
        return self.set_cells(answer_question(question, choice), note)

    def choose_split(self, split: Split, table: str, row, choice: int) -> Change | None:
        """Fill a row with one of its splits (one undo step); marked `unsure` unless the evidence chose it."""
        values = split.choices[choice][0]
        shown = " | ".join("·" if v is None else str(v) for v in values)
        note = unsure_note(split.decided, choice, f"{row[-1] if row else table}: {shown}")
        return self.set_cells({(table, row, col): v for col, v in zip(split.columns, values)}, note)

    def unsure(self) -> list[tuple[str, list[CellKey]]]:
        """The choices made without evidence (or against it) that the analyst has not confirmed
        since (typing a figure over one confirms it): each note with its cells, in template order."""
        by: dict[str, list[CellKey]] = {}
        for key, e in self.edits.items():
            if e.unsure:
                by.setdefault(e.unsure, []).append(key)
        return list(by.items())

    def set_cells(self, values: dict[CellKey, Number | None], unsure: str = "") -> Change | None:
        """Several cells at once (a row typed or pasted, a split chosen, blanks filled with 0): one
        undo step. None when there is nothing to set. `unsure`: the note of a choice the evidence
        did not make (see `unsure`)."""
        if not values:
            return None
        if len(values) == 1 and not unsure:
            (key, value), = values.items()
            return self.set_cell(key, value)
        keys = tuple(values)
        after = []
        when = now()
        for key in keys:
            c = self._cells.get(key)
            after.append(CellEdit(key[0], key[1], key[2], values[key], None if c is None else c.value,
                                  self.annotator, when, unsure))
        return self._do(Change("cells", keys, tuple(self.edits.get(k) for k in keys), tuple(after)))

    def map_heading(self, s: SectionMatch, section: str | None, confirmed: bool = True) -> Change:
        new = SectionDecision(s.heading, s.line, section, confirmed, self.annotator, now())
        key = (s.line, s.heading)
        return self._do(Change("section", key, self.decisions.get(key), new))

    def accept(self, s: SectionMatch) -> Change | None:
        """Confirm the suggested mapping of a heading; None when it has none above the threshold
        (a guess below it would cost trust: the analyst picks with the heading picker)."""
        if s.template_section is None:
            return None
        return self.map_heading(s, s.template_section)

    def accept_all(self) -> list[Change]:
        """Confirm every suggestion above the threshold that the analyst has not decided."""
        out = []
        for s in self.ex.sections:
            if s.template_section is not None and (s.line, s.heading) not in self.decisions:
                out.append(self.map_heading(s, s.template_section))
        return out

    def history(self) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
        """The undo and redo steps (Workspace keeps them when the report is closed)."""
        return tuple(self._undo), tuple(self._redo)

    def restore_history(self, undo: tuple[Change, ...], redo: tuple[Change, ...]) -> None:
        """Undo and redo steps kept from when this report was open before, over the same decisions."""
        self._undo, self._redo = list(undo), list(redo)

    def decided(self) -> tuple:
        """The decisions as they stand (cells, headings, status, note, agency and year), compared
        to tell whether kept undo steps still apply."""
        return (tuple(sorted((repr(k), repr(e.value)) for k, e in self.edits.items())),
                tuple(sorted((repr(k), d.section, d.confirmed) for k, d in self.decisions.items())),
                self.status, self.note, tuple(sorted(self.meta.items())))

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        ch = self._undo.pop()
        self._apply(ch, False)
        self._redo.append(ch)
        self._new_again()
        return ch

    def untouched(self) -> bool:
        """Does the review hold nothing — as it began, for a report no one had annotated?"""
        return self.decided() == self._start and self._start[2] == NEW and not any(self._start[:2])

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        ch = self._redo.pop()
        self._apply(ch, True)
        self._started()
        self._undo.append(ch)
        return ch

    def annotation(self) -> Annotation:
        """The decisions as they stand, for saving."""
        return Annotation(
            source=self.base.source or "",
            sha256=self.ex.sha256,
            template=self.ex.template,
            meta=tuple(sorted(self.meta.items())),
            status=self.status,
            note=self.note,
            updated=self.updated or now(),
            annotator=self.annotator,
            sections=tuple(sorted(self.decisions.values(), key=lambda d: d.line)),
            cells=tuple(self.edits[k] for k in sorted(self.edits, key=_order(self.ex))),
        )


def _order(ex: Extraction):
    pos = {c.key: i for i, c in enumerate(ex.cells)}
    return lambda k: (pos.get(k, len(pos)), str(k))


def _without_status(decided: tuple) -> tuple:
    """`Review.decided()` without its status."""
    return decided[:2] + decided[3:]
