"""Evaluate the template's identities (勾稽关系) over the extracted cells.

A check sums cells on each side; per = "column" repeats it in every column of the table (lhs and
rhs are row paths), per = "row" in every row (they are column paths). Blank cells count as 0 as in
the official tables, but a check runs only where its left side has a value and its right side at
least one, and never over a cell the solver left undecided (blank with candidates: unknown, not 0);
a table with such cells fails `<table>.undecided` instead, until the analyst chooses their values. A table of the template with no figure at all fails `<table>.missing`: nothing found is
a finding, never a clean report. A failing check names its cells and both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
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
            ))
    return tuple(steps)


def run_checks(template: Template, cells: dict[tuple[str, LabelPath, LabelPath], Cell]) -> list[CheckResult]:
    out: list[CheckResult] = []
    get = cells.get
    for st in plan(template.id):
        lvals = []
        for k in st.lkeys:
            c = get(k)
            if c is None or c.value is None:
                break
            lvals.append(c.value)
        else:
            if any((c := get(k)) is not None and c.value is None and c.candidates for k in st.rkeys):
                continue  # a cell the identities left open: the check cannot be decided yet
            rvals = [None if (c := get(k)) is None else c.value for k in st.rkeys]
            present = [v for v in rvals if v is not None]
            if not present:
                continue
            lsum, rsum = sum(lvals), sum(present)
            ok = abs(lsum - rsum) < 1e-6 if st.kind == "eq" else lsum <= rsum + 1e-6
            op = ("=" if ok else "≠") if st.kind == "eq" else ("≤" if ok else ">")
            msg = f"{st.title}: {_fmt(lsum)} {op} {_fmt(rsum)}"
            if not ok:
                lt = " + ".join(f"{name} {_fmt(v)}" for (name, _), v in zip(st.lhs, lvals))
                rt = " + ".join(f"{name} {'(blank)' if v is None else _fmt(v)}" for (name, _), v in zip(st.rhs, rvals))
                msg += f" ({lt} {op} {rt})"
            blanks = len(rvals) - len(present)
            if blanks:
                msg += f"; {blanks} blank cell(s) counted as 0"
            out.append(CheckResult(st.id, ok, msg, st.refs))
    filled: set[str] = set()
    undecided: dict[str, list[Cell]] = {}
    for c in cells.values():
        if c.value is not None:
            filled.add(c.table)
        elif c.candidates:
            undecided.setdefault(c.table, []).append(c)
    for spec in template.tables:
        if spec.id not in filled:
            out.append(_missing(spec, len(undecided.get(spec.id, ()))))
        elif spec.id in undecided:
            open_ = undecided[spec.id]
            keys = {c.key for c in open_}
            first = next(CellRef(spec.id, r, c) for r, c in spec.cells if (spec.id, r, c) in keys)
            out.append(CheckResult(
                f"{spec.id}.undecided", False,
                f"{spec.title}: {len(open_)} cell(s) that the text and the identities leave undecided; "
                f"each is blank with its candidates until you choose its value",
                (first,)))
    return out


def _missing(spec: TableSpec, with_candidates: int) -> CheckResult:
    rows = [r for b in spec.blocks for r in b.rows]
    cols = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
    first_row = " / ".join(rows[0]) if rows[0] else "(one unlabelled row)"
    looked = f"{first_row} … {' / '.join(rows[-1])}" if len(rows) > 1 else first_row
    msg = (f"{spec.title}: no figure of this table was found (looked for its rows {looked}, "
           f"columns {' / '.join(cols[0])} … {' / '.join(cols[-1])})")
    if with_candidates:
        msg += f"; {with_candidates} cell(s) have candidates"
    first = CellRef(spec.id, rows[0], cols[0])
    return CheckResult(f"{spec.id}.missing", False, msg, (first,))
