"""Evaluate the template's identities (勾稽关系) over the extracted cells.

A check sums cells on each side; per = "column" repeats it in every column of the table (lhs and
rhs are row paths), per = "row" in every row (they are column paths). Blank cells count as 0 as in
the official tables, but a check runs only where its left side has a value and its right side at
least one: a table that is not there fails nothing. A failing check names its cells and both sides.
"""

from __future__ import annotations

from .model import Cell, CheckResult, Path_
from .templates import CheckSpec, TableSpec, Template
from .values import Number


def parts_of(spec: TableSpec, prefix: Path_, axis: str, exclude: tuple[Path_, ...]) -> list[Path_]:
    """The value-bearing parts under `prefix`: direct children with a value, descending through
    groups that have none (（三）不予公开 → its eight rows)."""
    if axis == "column":
        paths = [r for b in spec.blocks for r in b.rows]
    else:
        paths = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
    valued = set(paths)
    out: list[Path_] = []

    def walk(p: Path_) -> None:
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


def _fmt(x: Number) -> str:
    if isinstance(x, float):
        return f"{x:.6f}".rstrip("0").rstrip(".")
    return str(x)


def _label(path: Path_) -> str:
    return path[-1] if path else "—"


def run_checks(template: Template, cells: dict[tuple[str, Path_, Path_], Cell]) -> list[CheckResult]:
    results: list[CheckResult] = []
    for chk in template.checks:
        spec = template.table(chk.table)
        results.extend(_run(chk, spec, cells))
    return results


def _run(chk: CheckSpec, spec: TableSpec, cells) -> list[CheckResult]:
    rhs = list(chk.rhs)
    if chk.rhs_parts_of is not None:
        axis = "column" if chk.per == "column" else "row"
        rhs = parts_of(spec, chk.rhs_parts_of, axis, chk.lhs)
    if chk.per == "column":
        lines = list(dict.fromkeys(c for b in spec.blocks for c in b.columns))
    else:
        lines = [r for b in spec.blocks for r in b.rows]
    out = []
    for other in lines:
        def addr(p: Path_) -> tuple[str, Path_, Path_]:
            return (spec.id, p, other) if chk.per == "column" else (spec.id, other, p)

        lcells = [cells.get(addr(p)) for p in chk.lhs]
        rcells = [cells.get(addr(p)) for p in rhs]
        if any(c is None or c.value is None for c in lcells):
            continue
        if not any(c is not None and c.value is not None for c in rcells):
            continue
        lsum = sum(c.value for c in lcells)  # type: ignore[misc]
        rsum = sum(c.value for c in rcells if c is not None and c.value is not None)
        ok = abs(lsum - rsum) < 1e-6 if chk.kind == "eq" else lsum <= rsum + 1e-6
        blanks = sum(1 for c in rcells if c is None or c.value is None)
        where = f" [{' / '.join(other)}]" if other and len(lines) > 1 else ""
        lt = " + ".join(f"{_label(p)} {_fmt(c.value)}" for p, c in zip(chk.lhs, lcells))  # type: ignore[union-attr]
        rt = " + ".join(
            f"{_label(p)} {_fmt(c.value) if c is not None and c.value is not None else '(blank)'}"
            for p, c in zip(rhs, rcells)
        )
        op = ("=" if ok else "≠") if chk.kind == "eq" else ("≤" if ok else ">")
        msg = f"{chk.title}{where}: {_fmt(lsum)} {op} {_fmt(rsum)} ({lt} {op} {rt})"
        if blanks:
            msg += f"; {blanks} blank cell(s) counted as 0"
        cid = f"{chk.id}[{' / '.join(other)}]" if other and len(lines) > 1 else chk.id
        used = tuple(addr(p) for p in (*chk.lhs, *rhs))
        out.append(CheckResult(cid, ok, msg, used, lsum, rsum))
    return out
