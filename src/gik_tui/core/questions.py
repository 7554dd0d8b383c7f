"""One question per table: an ambiguity that repeats in every row, asked once.

A report that drops a table's empty cells prints each row of the requests table as two figures for
seven columns (`2019_lusong.txt`: 11 … 11, 3 … 3, 0 … 0): each row alone may put its first figure
under any applicant column, so the solver leaves 23 rows undecided with the same choices. They are
one decision, not 138: which columns hold the figures. `table_question` finds the column patterns
that every such row allows, ranks them by the same evidence as a row's splits (the figures the
report's sentences give per applicant column — 涉及自然人72件、商业企业3件 — then the priors), keeps
only those whose answer for every row together satisfies the table's identities, and says why.
The answer fills every row at once (one undo step in the app); nothing here fills a cell.
"""

from __future__ import annotations

import re
from functools import cache

from .checks import plan
from .model import LabelPath, Question, QuestionOption
from .solve import ahead, distinguishing
from .templates import Template

PROSE_MATCH = 20.0  # the pattern puts a figure the report's sentences state where they say (it outweighs the 自然人 prior)
PROSE_MISMATCH = 0.05  # … or contradicts one


@cache
def _stated_pattern(labels: tuple[str, ...]) -> re.Pattern:
    alts = "|".join(re.escape(x) for x in sorted(labels, key=len, reverse=True))
    return re.compile(rf"({alts})[^\d。；;，,]{{0,6}}?(\d{{1,7}})\s*(?:件|个|条|人次|次)")


def stated_by_column(norm: str, labels: tuple[str, ...]) -> dict[str, int]:
    """Figures the report's sentences give per column (涉及自然人72件、商业企业3件): label → figure,
    the first statement of each."""
    out: dict[str, int] = {}
    for m in _stated_pattern(labels).finditer(norm):
        out.setdefault(m.group(1), int(m.group(2)))
    return out


def table_question(template: Template, table: str, rows: list, cells: dict, norm: str) -> Question | None:
    """The one question of `table`, or None. `rows`: (Uncertain, RowResult) of its solved rows;
    `cells`: every cell found so far (the question's rows still blank)."""
    spec = template.table(table)
    patterns: list[tuple[object, dict[tuple[int, ...], tuple[float, tuple, tuple[str, ...], float]]]] = []
    for u, res in rows:
        if u.method != "inferred" or not res.candidates:
            continue
        by: dict[tuple[int, ...], tuple[float, tuple, tuple[str, ...], float]] = {}
        total = sum(res.scores[d].weight for d in res.options) or 1.0
        for d in res.options:
            values = res.source[d].values
            sc = res.scores[d]
            pat = tuple(j for j, v in enumerate(values) if v is not None)
            w, vals, why, ev = by.get(pat, (0.0, values, sc.reasons, sc.evidence))
            by[pat] = (w + sc.weight / total, vals, why, ev)
        if len(by) > 1:
            patterns.append((u, by))
    if len(patterns) < 2:
        return None
    columns = patterns[0][0].columns
    if any(u.columns != columns for u, _ in patterns):
        return None
    common = set(patterns[0][1])
    for _, by in patterns[1:]:
        common &= set(by)
    if len(common) < 2:
        return None
    labels = tuple(c[-1] for c in columns if c != spec.total_column)
    stated = stated_by_column(norm, labels)
    first_row = spec.blocks[0].rows[0]
    options = []
    # the table's known cells (a blank read as empty counts 0; an undecided one is not known), by
    # their slot among the cells the table's identities name
    slot, steps = _indexed(template.id, table)
    base: list = [_ABSENT] * len(slot)
    for k, c in cells.items():
        i = slot.get(k)
        if i is not None and (c.value is not None or not c.candidates):
            base[i] = c.value
    places = [[slot.get((table, u.row, col)) for col in columns] for u, _ in patterns]
    first = next((by for u, by in patterns if u.row == first_row), None)
    for pat in common:
        values = base[:]
        for (_, by), at in zip(patterns, places):
            row = by[pat][1]
            for j, i in enumerate(at):
                if i is not None:
                    values[i] = row[j]
        if _fails(steps, values):
            continue  # every row read this way breaks the table's identities
        weight = sum(by[pat][0] for _, by in patterns) / len(patterns)
        evidence = 1.0
        why = list(patterns[0][1][pat][2])
        for label, n in stated.items():
            col = next(c for c in columns if c[-1] == label)
            if first is not None:  # the first row is one of the question's: this answer's figure
                got = first[pat][1][columns.index(col)]
            else:
                read = cells.get((table, first_row, col))
                got = read.value if read is not None else None
            if got == n:
                weight *= PROSE_MATCH
                evidence *= PROSE_MATCH
                why.insert(0, f"the report's text says {label} {n}件, and this reads {n} there")
            else:
                weight *= PROSE_MISMATCH
                evidence *= PROSE_MISMATCH
                why.insert(0, f"the report's text says {label} {n}件; this reads {'none' if got is None else got}")
        values = tuple(tuple(by[pat][1]) for _, by in patterns)
        options.append((weight, evidence, pat, tuple(dict.fromkeys(why)), values))
    if len(options) < 2:
        return None
    options.sort(key=lambda o: (-o[0], o[2]))
    total = sum(o[0] for o in options) or 1.0
    decided = ahead([o[0] for o in options], [o[1] for o in options])
    k = len(next(iter(common)))
    text = (f"{spec.title}: {len(patterns)} rows show {k} figure(s) for {len(columns)} columns, the same way in "
            f"every row: which columns hold them?")
    return Question(
        table=table,
        rows=tuple(u.row for u, _ in patterns),
        columns=columns,
        text=text,
        options=tuple(QuestionOption(pat, round(w / total, 3), why, values)
                      for (w, _, pat, _, values), why in zip(options, distinguishing([o[3] for o in options]))),
        decided=decided,
    )


_ABSENT = object()  # a cell the report does not show: an identity naming it says nothing


@cache
def _indexed(template_id: str, table: str) -> tuple[dict[tuple, int], tuple[tuple[bool, tuple[int, ...], tuple[int, ...]], ...]]:
    """The cells the table's identities name, each with a slot, and each identity as (equality?,
    left slots, right slots): the identities are tried once per answer, over a list."""
    slot: dict[tuple, int] = {}
    steps = []
    for st in plan(template_id):
        if (st.lkeys or st.rkeys)[0][0] != table:
            continue
        lhs = tuple(slot.setdefault(k, len(slot)) for k in st.lkeys)
        rhs = tuple(slot.setdefault(k, len(slot)) for k in st.rkeys)
        steps.append((st.kind == "eq", lhs, rhs))
    return slot, tuple(steps)


def _fails(steps, values: list) -> bool:
    """Does some identity fail with these values (None counts 0; an identity with a cell the
    report does not show says nothing)?"""
    for eq, lhs, rhs in steps:
        lsum, rsum = _sum(values, lhs), _sum(values, rhs)
        if lsum is None or rsum is None:
            continue
        if (abs(lsum - rsum) > 1e-6) if eq else (lsum > rsum + 1e-6):
            return True
    return False


def _sum(values: list, slots: tuple[int, ...]):
    """The side's sum (None counts 0), or None when one of its cells is not shown."""
    total = 0
    for i in slots:
        v = values[i]
        if v is _ABSENT:
            return None
        if v is not None:
            total += v
    return total


def answer(question: Question, choice: int) -> dict[tuple[str, LabelPath, LabelPath], object]:
    """The cells an option of the question fills: every one of its rows, every column."""
    opt = question.options[choice]
    return {(question.table, row, col): v
            for row, values in zip(question.rows, opt.values) for col, v in zip(question.columns, values)}
