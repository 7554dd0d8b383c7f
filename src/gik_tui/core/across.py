"""The agency's other years as evidence for a report's candidates.

The templates' `[[across_years]]` say which cells of a report equal sums of cells of the same
agency's report of the year before (this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减;
this year's 上年结转 = last year's 结转下年度继续办理). When the folder holds the report of the year
before or after, each such identity ties cells of this report to a known figure: a split or a
table-question answer that keeps it weighs more (evidence), one that breaks it less. Nothing here
fills a cell; the shares of the splits, the cells' candidates and the questions' options are scored
again from the same numbers, so the picker, the status line and the Checks tab agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .checks import plan
from .model import Cell, CellKey, Extraction, Question
from .solve import ahead, distinguishing

MATCH = 10.0  # a choice that keeps an identity with the agency's other year
MISMATCH = 0.1  # … or breaks one


@dataclass(frozen=True, slots=True)
class Tie:
    """Σ of this report's `cells` must equal `value`, as the agency's report of `year` says."""

    cells: tuple[CellKey, ...]
    value: float
    year: int
    title: str


def ties(template_id: str, cells: dict[CellKey, Cell], before: tuple[str, int, dict] | None,
         after: tuple[str, int, dict] | None) -> list[Tie]:
    """The identities across years that tie this report's cells to a figure of the report of the
    year before or after: `before`/`after` are (template id, year, that report's values by cell)."""
    out: list[Tie] = []
    if before is not None:
        _, year, values = before
        for st in plan(template_id, "across_years"):  # this year's lhs = the year before's rhs
            if not all(k in cells for k in st.lkeys):
                continue
            got = [values.get(k) for k in st.rkeys]
            if got and all(v is not None for v in got):
                out.append(Tie(tuple(st.lkeys), float(sum(got)), year, st.name))
    if after is not None:
        tid, year, values = after
        for st in plan(tid, "across_years"):  # the year after's lhs = this year's rhs
            if not all(k in cells for k in st.rkeys):
                continue
            got = [values.get(k) for k in st.lkeys]
            if got and all(v is not None for v in got):
                out.append(Tie(tuple(st.rkeys), float(sum(got)), year, st.name))
    return out


def _judge(ties_: list[Tie], fixed: dict[CellKey, object], known: dict[CellKey, Cell]) -> tuple[float, list[str]]:
    """How a choice (`fixed`: the values it gives its cells) fares against the ties that involve
    its cells: the factor, and why."""
    factor = 1.0
    why: list[str] = []
    for t in ties_:
        if not any(k in fixed for k in t.cells):
            continue
        total = 0.0
        for k in t.cells:
            v = fixed[k] if k in fixed else (known[k].value if k in known else None)
            if v is None and k not in fixed:
                break  # a cell of the tie outside the choice is not known: it says nothing
            total += v or 0
        else:
            if math.isclose(total, t.value, abs_tol=1e-6):
                factor *= MATCH
                why.append(f"keeps {t.title} with the agency's {t.year} report")
            else:
                factor *= MISMATCH
                why.append(f"breaks {t.title} with the agency's {t.year} report ({_fmt(total)} ≠ {_fmt(t.value)})")
    return factor, why


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def with_years(ex: Extraction, ties_: list[Tie]) -> Extraction:
    """The extraction with its splits, its undecided cells' candidates and its questions scored
    again with the ties to the agency's other years (unchanged when none bears on them)."""
    if not ties_:
        return ex
    known = {c.key: c for c in ex.cells}
    splits = dict(ex.splits)
    cells = dict(known)
    changed = False
    for (table, row), sp in ex.splits.items():
        keys = [(table, row, col) for col in sp.columns]
        judged = [_judge(ties_, dict(zip(keys, values)), known) for values, _ in sp.choices]
        if all(f == 1.0 for f, _ in judged):
            continue
        changed = True
        weights = [share * f for (_, share), (f, _) in zip(sp.choices, judged)]
        evidence = [e * f for e, (f, _) in zip(sp.evidence or (1.0,) * len(weights), judged)]
        reasons = [tuple(why) + r for (_, why), r in zip(judged, sp.reasons or ((),) * len(weights))]
        order = sorted(range(len(weights)), key=lambda i: -weights[i])
        total = sum(weights) or 1.0
        choices = tuple((sp.choices[i][0], round(weights[i] / total, 3)) for i in order)
        decided = not sp.offered and ahead([weights[i] for i in order], [evidence[i] for i in order])
        splits[(table, row)] = replace(sp, choices=choices, reasons=distinguishing([reasons[i] for i in order]),
                                       decided=decided, evidence=tuple(evidence[i] for i in order))
        for j, key in enumerate(keys):  # each undecided cell's candidates: the same shares, by value
            c = cells.get(key)
            if c is None or c.value is not None or not c.candidates:
                continue
            by: dict = {}
            for values, share in choices:
                by[values[j]] = by.get(values[j], 0.0) + share
            cells[key] = replace(c, candidates=tuple(sorted(by.items(), key=lambda kv: -kv[1])))
    questions = tuple(_question(q, ties_, known) for q in ex.questions)
    if not changed and questions == ex.questions:
        return ex
    return replace(ex, cells=tuple(cells[c.key] for c in ex.cells), splits=splits, questions=questions)


def _question(q: Question, ties_: list[Tie], known: dict[CellKey, Cell]) -> Question:
    judged = []
    for o in q.options:
        fixed = {(q.table, row, col): v for row, values in zip(q.rows, o.values) for col, v in zip(q.columns, values)}
        judged.append(_judge(ties_, fixed, known))
    if all(f == 1.0 for f, _ in judged):
        return q
    weights = [o.share * f for o, (f, _) in zip(q.options, judged)]
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    total = sum(weights) or 1.0
    reasons = distinguishing([tuple(judged[i][1]) + q.options[i].reasons for i in order])
    options = tuple(replace(q.options[i], share=round(weights[i] / total, 3), reasons=r) for i, r in zip(order, reasons))
    # the report's own evidence put its first ahead: still so only where the other years leave it
    # first (evidence against evidence is no decision); else the other years' evidence alone decides
    decided = order[0] == 0 if q.decided else ahead([weights[i] for i in order], [judged[i][0] for i in order])
    return replace(q, options=options, decided=decided)


def neighbour_values(review) -> dict[CellKey, object]:
    """A neighbouring year's report as the analyst has it: its values by cell."""
    return {k: c.value for k, c in review.current_cells().items() if c.value is not None}



def by_agency(reports: Iterable[tuple[str, str | None, int | None]]) -> dict[tuple[str, int], list[str]]:
    """The folder's reports as (path, agency, year), by agency (as agencies link reports) and year:
    what `neighbours` looks in, built once for a whole folder."""
    from .years import agency_key

    index: dict[tuple[str, int], list[str]] = {}
    for p, a, y in reports:
        if y is not None and a:
            index.setdefault((agency_key(a), y), []).append(p)
    return index


def neighbours(path: str, agency: str | None, year: int | None,
               reports: Iterable[tuple[str, str | None, int | None]] | dict[tuple[str, int], list[str]]
               ) -> dict[int, str]:
    """Of the folder's reports as (path, agency, year), or as `by_agency` holds them, the agency's
    one report of the year before and the one of the year after `year`, by year (a year with none,
    or with two, is left out: two reports for one year give no evidence, and years.py says so)."""
    from .years import agency_key

    if year is None or not agency:
        return {}
    index = reports if isinstance(reports, dict) else by_agency(reports)
    key = agency_key(agency)
    found = {y: [p for p in index.get((key, y), ()) if p != path] for y in (year - 1, year + 1)}
    return {y: ps[0] for y, ps in found.items() if len(ps) == 1}


def side(path: str, year: int, open_review) -> tuple[str, int, dict] | None:
    """A neighbouring year's report as evidence: (its template, its year, its values by cell), from
    `open_review(path)` (the report as the analyst has it); None when it cannot be read."""
    try:
        rv = open_review(path)
    except Exception:  # noqa: BLE001 - a neighbour that cannot be read gives no evidence
        return None
    return (rv.ex.template, year, neighbour_values(rv))


def with_neighbours(ex: Extraction, year: int | None, near: dict[int, str], open_review) -> Extraction:
    """The extraction (of a report on `year`, as the analyst has it) scored again with the agency's
    reports of the year before and after (`near`, from `neighbours`), each opened with
    `open_review`: the one way the app and export bring the other years in. The extraction itself
    when nothing is undecided or none is near."""
    if not (ex.splits or ex.questions) or year is None or not near:
        return ex
    before = side(near[year - 1], year - 1, open_review) if year - 1 in near else None
    after = side(near[year + 1], year + 1, open_review) if year + 1 in near else None
    cells = {c.key: c for c in ex.cells}
    return with_years(ex, ties(ex.template, cells, before, after))
