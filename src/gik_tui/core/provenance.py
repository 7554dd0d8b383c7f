"""How a cell came to hold its value, in words for the status line and the command line:

    "solved: split from a run of figures glued together, by 一 + 二 = 三（七）总计 + 四; …"
    "undecided: 3 splits of its run fit the identities — 1 (86%), 11 (14%)"
"""

from __future__ import annotations

from .model import Cell
from .templates import load_template
from .values import Number


def _fmt(v: Number | None) -> str:
    if v is None:
        return "blank"
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    return str(v)


def identities(template_id: str, table: str) -> list[str]:
    """The titles of the template's checks on a table."""
    return [c.title for c in load_template(template_id).checks if c.table == table]


def explain(cell: Cell, template_id: str) -> str:
    """One line on where the cell's value comes from (empty for a cell read plainly)."""
    if cell.method == "prose":
        return "from a sentence, not a table (low confidence)"
    if cell.method not in ("solved", "inferred"):
        return ""
    what = "split from a run of figures glued together" if cell.method == "solved" else \
        "placed among columns of a row that lost or gained cells"
    names = identities(template_id, cell.table)
    if cell.candidates:
        ways = "splits of its run" if cell.method == "solved" else "placements of its row's values"
        fit = "that fit the identities" if names else "(no identity ties this table)"
        shown = ", ".join(f"{_fmt(v)} ({s:.0%})" for v, s in cell.candidates[:5])
        more = f", … {len(cell.candidates) - 5} more" if len(cell.candidates) > 5 else ""
        return f"undecided: {len(cell.candidates)} values possible from the {ways} {fit} — {shown}{more}"
    by = "; ".join(names) if names else "the text alone (no identity ties this table)"
    return f"{cell.method}: {what}, decided by {by}"
