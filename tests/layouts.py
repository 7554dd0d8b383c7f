"""A report's `|` rows written another way, as other sources give them (tests of the layouts)."""

from __future__ import annotations


def rows_spaced(text: str, sep: str = " ") -> str:
    """`text` with each line holding `|` written with `sep` between its cells (one space: text
    taken from a PDF; a tab or a wide space: rows copied from Word); the empty cells at a row's
    ends dropped."""
    out = []
    for line in text.split("\n"):
        if "|" in line:
            cells = [c.strip() for c in line.split("|")]
            while cells and not cells[-1]:
                cells.pop()
            while cells and not cells[0]:
                cells.pop(0)
            line = sep.join(cells)
        out.append(line)
    return "\n".join(out)


def labels_broken(text: str, rng, rows: int = 3) -> str:
    """`text` (a report with `|` rows) with the label cell of `rows` rows, chosen by `rng` (a
    random.Random), broken over two lines at a random place — as text taken from a PDF gives a
    label that wraps in its cell — its figures after the label's end, beside its start, or on a
    line between: `a | 1 | 2` becomes `a1` / `a2 | 1 | 2`, `a1 | 1 | 2` / `a2`, or `a1` / `1 | 2` / `a2`."""
    lines = text.split("\n")

    def cells(line):
        out = [c.strip() for c in line.split("|")]
        while out and not out[-1]:
            out.pop()
        while out and not out[0]:
            out.pop(0)
        return out

    candidates = [k for k, line in enumerate(lines) if "|" in line and len(cells(line)) >= 2
                  and len(cells(line)[0]) >= 5 and any(ch.isdigit() for ch in "".join(cells(line)[1:]))]
    for k in rng.sample(candidates, min(rows, len(candidates))):
        row = cells(lines[k])
        label, figures = row[0], " | ".join(row[1:])
        cut = rng.randint(2, len(label) - 2)
        lines[k] = rng.choice([f"{label[:cut]}\n{label[cut:]} | {figures}", f"{label[:cut]} | {figures}\n{label[cut:]}",
                               f"{label[:cut]}\n{figures}\n{label[cut:]}"])
    return "\n".join(lines)
