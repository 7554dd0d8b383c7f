"""How a cell came to hold its value, in words for the status line and the command line:

    "solved: split from a run of figures glued together, by 一 + 二 = 三（七）总计 + 四; …"
    "undecided: 3 splits of its run fit the identities — 1 (86%), 11 (14%)"
"""

from __future__ import annotations

from .model import Cell, Offers, Split
from .templates import load_template
from .values import Number, fmt_number, fmt_share


def _fmt(v: Number | None) -> str:
    return "blank" if v is None else fmt_number(v)


def shown_raw(raw: str | None, limit: int = 40) -> str:
    """A cell's source text for one status line, quoted: its line breaks (any kind, with the spaces
    around them) as " ⏎ ", other runs of spaces as one, cut at `limit` characters with an ellipsis.
    A raw text held across lines (a figure broken over two, a row read from several) is shown as it
    reads, never as an escaped Python string."""
    lines = [" ".join(line.split()) for line in (raw or "").splitlines()]
    text = " ⏎ ".join(line for line in lines if line)
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return f'"{text}"'


def identities(template_id: str, table: str) -> list[str]:
    """The titles of the template's checks on a table."""
    return [c.title for c in load_template(template_id).checks if c.table == table]


FIRST = " — first:"  # where an undecided cell's shares end and why its first candidate leads begins


def explain(cell: Cell, template_id: str, split: Split | None = None, offers: Offers | None = None) -> str:
    """A short phrase on where the cell's value comes from (empty for a cell read plainly); the
    identities used are named in the extraction's warnings. With the row's `split`, an undecided
    cell also says why its first candidate leads and whether `enter` would take it; with the cell's
    `offers` (a figure recognised in a picture, the figures a repeated row gives it), each offer's why."""
    if cell.value is None and not cell.candidates and cell.reason:
        return f"blank: {cell.reason}"
    if cell.value is None and offers is not None and offers.choices:  # (a picture's readings, a repeated row's figures)
        v, share, why = offers.choices[0]
        rest = ", ".join(f"{_fmt(x)} ({fmt_share(s)})" for x, s, _ in offers.choices[1:4])
        return (f"{offers.about}: first {_fmt(v)} ({fmt_share(share)}, {why})"
                + (f"; then {rest}" if rest else "")
                + ("" if offers.decided else " — enter does not take it: c, then its number"))
    if cell.method == "ocr":
        if cell.value is not None:
            return "recognised in a picture (OCR), confirmed by the identities"
        return "recognised in a picture, not confirmed by the identities"
    if cell.method == "prose":
        return "from a sentence, not a table (low confidence)"
    if cell.method not in ("solved", "inferred"):
        return ""
    how = "glued run" if cell.method == "solved" else "row that lost or gained cells"
    if cell.candidates:
        shown = ", ".join(f"{_fmt(v)} ({fmt_share(s)})" for v, s in cell.candidates[:5])
        more = f", +{len(cell.candidates) - 5} more" if len(cell.candidates) > 5 else ""
        said = f"undecided ({how}): {shown}{more}"
        if split is not None and split.reasons:
            lead = "; ".join(split.reasons[0])
            said += (f"{FIRST} {lead}" + ("" if split.decided else " (not clearly ahead: c, then its number)"))
        return said
    by = "the identities" if identities(template_id, cell.table) else "its text alone"
    verb = "cut from a glued run" if cell.method == "solved" else "placed in a row that lost or gained cells"
    return f"{cell.method}: {verb}, decided by {by}"
