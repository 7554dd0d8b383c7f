"""Evaluate the template's identities (勾稽关系) over the extracted cells.

A check sums cells on each side; per = "column" repeats it in every column of the table (lhs and
rhs are row paths), per = "row" in every row (they are column paths). Each check *holds*, *fails*
or is *pending*. Blank cells count as 0 as in the official tables when that makes it hold;
otherwise blank cells and the cells the solver left undecided (blank with candidates: unknown, not
0) are what it waits for: pending while some values they may take would make it hold, failing only
when none would. A table with undecided cells is pending as `<table>.undecided` until the analyst
chooses their values (so is a table whose every figure is undecided: its figures were found). A
table of the template with no figure at all, filled or offered, fails `<table>.missing`: nothing
found is a finding, never a clean report. A check names its cells and both sides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

from .model import Cell, CellRef, CheckResult, LabelPath
from .templates import TableSpec, Template, load_template
from .values import fmt_number as _fmt


def parts_of(spec: TableSpec, prefix: LabelPath, axis: str, exclude: tuple[LabelPath, ...]) -> list[LabelPath]:
    """The value-bearing parts under `prefix`: direct children with a value, descending through
    groups that have none (（三）不予公开 → its eight rows)."""
    if axis == "column":
        paths = [r for b in spec.blocks for r in b.rows]
    else:
        paths = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
    valued = set(paths)
    out: list[LabelPath] = []

    def walk(p: LabelPath) -> None:
        children = list(dict.fromkeys(q[: len(p) + 1] for q in paths if len(q) > len(p) and q[: len(p)] == p))
        for ch in children:
            if ch in exclude:
                continue
            if ch in valued:
                out.append(ch)
            else:
                walk(ch)

    walk(prefix)
    return out


def _label(path: LabelPath) -> str:
    return path[-1] if path else "—"


@dataclass(frozen=True, slots=True)
class _Step:
    id: str
    title: str  # with the row or column it runs in
    name: str  # the identity's own title, for all its rows or columns
    kind: str
    lhs: tuple[tuple[str, LabelPath], ...]  # (label, address) pairs
    rhs: tuple[tuple[str, LabelPath], ...]
    lkeys: tuple[tuple[str, LabelPath, LabelPath], ...]
    rkeys: tuple[tuple[str, LabelPath, LabelPath], ...]
    refs: tuple[CellRef, ...]
    prior: bool = False  # a hint that ranks as a prior (CheckSpec.prior)
    factor: float = 0.2  # a hint's weight on an option breaking it (CheckSpec.factor)
    # derived: every cell in one tuple (lkeys + rkeys) and where the right side starts in it
    keys: tuple[tuple[str, LabelPath, LabelPath], ...] = field(init=False, repr=False, compare=False)
    nl: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "keys", self.lkeys + self.rkeys)
        object.__setattr__(self, "nl", len(self.lkeys))


@cache
def plan(template_id: str, part: str = "checks") -> tuple[_Step, ...]:
    """Every check (or hint, with part="hints") of the template unrolled over its rows or columns,
    computed once."""
    template = load_template(template_id)
    steps = []
    for chk in getattr(template, part):
        spec = template.table(chk.table)
        rhs = list(chk.rhs)
        if chk.rhs_parts_of is not None:
            rhs = parts_of(spec, chk.rhs_parts_of, "column" if chk.per == "column" else "row", chk.lhs)
        if chk.per == "column":
            lines = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
        else:
            lines = [r for b in spec.blocks for r in b.rows]
        for other in lines:
            def addr(p: LabelPath, other=other) -> tuple[str, LabelPath, LabelPath]:
                return (spec.id, p, other) if chk.per == "column" else (spec.id, other, p)

            several = bool(other) and len(lines) > 1
            steps.append(_Step(
                id=f"{chk.id}[{' / '.join(other)}]" if several else chk.id,
                title=f"{chk.title} [{' / '.join(other)}]" if several else chk.title,
                name=chk.title,
                kind=chk.kind,
                lhs=tuple((_label(p), p) for p in chk.lhs),
                rhs=tuple((_label(p), p) for p in rhs),
                lkeys=tuple(addr(p) for p in chk.lhs),
                rkeys=tuple(addr(p) for p in rhs),
                refs=tuple(CellRef(*addr(p)) for p in (*chk.lhs, *rhs)),
                prior=chk.prior,
                factor=chk.factor,
            ))
    return tuple(steps)


def _bounds(c: Cell | None) -> tuple[float, float]:
    """What a cell not known yet may still hold: the span of its candidates (an empty candidate
    is 0), or any count (0 … ∞) for a blank without candidates."""
    if c is not None and c.candidates:
        vals = [0 if v is None else v for v, _ in c.candidates]
        return min(vals), max(vals)
    return 0.0, math.inf


def run_checks(template: Template, cells: dict[tuple[str, LabelPath, LabelPath], Cell]) -> list[CheckResult]:
    """Every identity of the template over the cells, each "holds", "fails" or "pending".

    Blank cells count as 0, as in the official tables, when that makes the identity hold. When it
    does not, the blanks and the undecided cells (blank with candidates) are unknowns: the check is
    *pending*, waiting for them, while some values they may still take would make it hold, and
    *fails* only when none would (the known cells already exceed the total). A check with an
    undecided cell never holds before the analyst decides it. A check none of whose cells has a
    value is not run."""
    out: list[CheckResult] = []
    get = cells.get
    anything = (0.0, math.inf)  # _bounds of a blank without candidates
    # id(cell) → _bounds(cell) for the undecided cells, made at the first check that has unknowns
    # (a cell is in many identities); any other blank may hold anything
    spans: dict[int, tuple[float, float]] | None = None

    for st in plan(template.id):
        cs = [get(k) for k in st.keys]
        vals = [None if c is None else c.value for c in cs]
        nl = st.nl
        lvals, rvals = vals[:nl], vals[nl:]
        if None not in vals and lvals and rvals:  # every cell known (most checks): no unknowns
            lsum, rsum = sum(lvals), sum(rvals)
            blanks, undecided = 0, False
        else:
            if all(v is None for v in lvals) or all(v is None for v in rvals):
                if not any(c is not None and c.candidates for c in cs):
                    continue  # a side with nothing on it: not run (as in a table with no figures)
            lsum = sum(v for v in lvals if v is not None)
            rsum = sum(v for v in rvals if v is not None)
            undecided = any(c is not None and c.value is None and c.candidates for c in cs)
            blanks = vals.count(None)
        ok = abs(lsum - rsum) < 1e-6 if st.kind == "eq" else lsum <= rsum + 1e-6
        op = ("=" if ok else "≠") if st.kind == "eq" else ("≤" if ok else ">")
        if ok and not undecided:
            msg = f"{st.title}: {_fmt(lsum)} {op} {_fmt(rsum)}"
            if blanks:
                msg += f"; {blanks} blank cell(s) counted as 0"
            out.append(CheckResult(st.id, True, msg, st.refs))
            continue
        # unknowns: what the blank and undecided cells may still hold
        lo = lsum - rsum
        hi = lo
        lcells, rcells = cs[:nl], cs[nl:]
        if spans is None:
            spans = {id(c): _bounds(c) for c in cells.values() if c.value is None and c.candidates}
        span_of = spans.get
        for c, v in zip(lcells, lvals):
            if v is None:
                a, b = span_of(id(c), anything)
                lo, hi = lo + a, hi + b
        for c, v in zip(rcells, rvals):
            if v is None:
                a, b = span_of(id(c), anything)
                lo, hi = lo - b, hi - a
        can_hold = (lo <= 1e-6 and hi >= -1e-6) if st.kind == "eq" else lo <= 1e-6
        lt = " + ".join(f"{name} {'(blank)' if v is None else _fmt(v)}" for (name, _), v in zip(st.lhs, lvals))
        rt = " + ".join(f"{name} {'(blank)' if v is None else _fmt(v)}" for (name, _), v in zip(st.rhs, rvals))
        waiting = tuple(ref for ref, v in zip(st.refs, vals) if v is None)
        if len(waiting) == len(st.refs):
            waiting = st.refs  # all of them: the template's own tuple (serialize._refs knows it)
        if can_hold and waiting:
            names = ", ".join([name for (name, _), v in zip((*st.lhs, *st.rhs), vals) if v is None][:4])
            more = f" and {len(waiting) - 4} more" if len(waiting) > 4 else ""
            msg = (f"{st.title}: pending — waits for {len(waiting)} cell(s) not known yet ({names}{more}); "
                   f"known so far {lt} {'=' if st.kind == 'eq' else '≤'}? {rt}")
            out.append(CheckResult(st.id, False, msg, st.refs, "pending", waiting))
            continue
        op = "≠" if st.kind == "eq" else ">"
        msg = f"{st.title}: {_fmt(lsum)} {op} {_fmt(rsum)} ({lt} {op} {rt})"
        if waiting:
            msg += "; fails whatever the cells not known yet turn out to be"
        out.append(CheckResult(st.id, False, msg, st.refs, "fails", waiting))
    filled: set[str] = set()
    undecided: dict[str, list[Cell]] = {}
    for c in cells.values():
        if c.value is not None:
            filled.add(c.table)
        elif c.candidates:
            undecided.setdefault(c.table, []).append(c)
    for spec in template.tables:
        if spec.id in undecided:  # (its figures were found, none placed yet: they wait for the analyst)
            open_ = undecided[spec.id]
            keys = {c.key for c in open_}
            refs = tuple(ref for key, ref in _cell_refs(spec) if key in keys)  # in the table's order
            none = "" if spec.id in filled else "; none of the table's cells is decided yet"
            out.append(CheckResult(
                f"{spec.id}.undecided", False,
                f"{spec.title}: {len(open_)} cell(s) that the text and the identities leave undecided{none}; "
                f"each is blank with its candidates until you choose its value",
                (refs[0],), "pending", refs))
        elif spec.id not in filled:
            out.append(_missing(spec))
    return out


_CELL_REFS: dict[int, tuple[TableSpec, tuple[tuple[tuple[str, LabelPath, LabelPath], CellRef], ...]]] = {}


def _cell_refs(spec: TableSpec) -> tuple[tuple[tuple[str, LabelPath, LabelPath], CellRef], ...]:
    """Every cell of the table as (key, CellRef), in the table's order: made once a table."""
    hit = _CELL_REFS.get(id(spec))
    if hit is None or hit[0] is not spec:
        hit = _CELL_REFS[id(spec)] = (spec, tuple(((spec.id, r, c), CellRef(spec.id, r, c)) for r, c in spec.cells))
    return hit[1]


def _missing(spec: TableSpec) -> CheckResult:
    rows = [r for b in spec.blocks for r in b.rows]
    cols = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
    first_row = " / ".join(rows[0]) if rows[0] else "(one unlabelled row)"
    looked = f"{first_row} … {' / '.join(rows[-1])}" if len(rows) > 1 else first_row
    msg = (f"{spec.title}: no figure of this table was found (looked for its rows {looked}, "
           f"columns {' / '.join(cols[0])} … {' / '.join(cols[-1])})")
    first = CellRef(spec.id, rows[0], cols[0])
    return CheckResult(f"{spec.id}.missing", False, msg, (first,))
