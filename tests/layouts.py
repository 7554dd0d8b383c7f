"""A report's `|` rows written another way, as other sources give them (tests of the layouts)."""

from __future__ import annotations


def rows_spaced(text: str, sep: str = " ") -> str:
    """`text` with each line holding `|` written with `sep` between its cells (one space: text
    taken from a PDF; a tab or a wide space: rows copied from Word); the empty cells at a row's
    ends dropped."""
    return "\n".join(sep.join(cells(line)) if "|" in line else line for line in text.split("\n"))


def cells(line: str) -> list[str]:
    """The cells of a `|` row, without the empty ones at its ends."""
    out = [c.strip() for c in line.split("|")]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def labels_broken(text: str, rng, rows: int = 3) -> str:
    """`text` (a report with `|` rows) with the label cell of `rows` rows, chosen by `rng` (a
    random.Random), broken over two lines at a random place — as text taken from a PDF gives a
    label that wraps in its cell — its figures after the label's end, beside its start, or on a
    line between: `a | 1 | 2` becomes `a1` / `a2 | 1 | 2`, `a1 | 1 | 2` / `a2`, or `a1` / `1 | 2` / `a2`."""
    lines = text.split("\n")

    candidates = [k for k, line in enumerate(lines) if "|" in line and len(cells(line)) >= 2
                  and len(cells(line)[0]) >= 5 and any(ch.isdigit() for ch in "".join(cells(line)[1:]))]
    for k in rng.sample(candidates, min(rows, len(candidates))):
        row = cells(lines[k])
        label, figures = row[0], " | ".join(row[1:])
        cut = rng.randint(2, len(label) - 2)
        lines[k] = rng.choice([f"{label[:cut]}\n{label[cut:]} | {figures}", f"{label[:cut]} | {figures}\n{label[cut:]}",
                               f"{label[:cut]}\n{figures}\n{label[cut:]}"])
    return "\n".join(lines)


def figures_wrapped(text: str, rng, rows: int = 3, label_alone: bool = False) -> str:
    """`text` (a report with `|` rows) written one space apart, with the figures of `rows` rows,
    chosen by `rng`, wrapped onto the next line at a random place — as text taken from a PDF gives
    a row too wide for its page: `a | 1 | 2 | 3` becomes `a 1` / `2 3`; with `label_alone`, the
    label on a line of its own before them (`a` / `1` / `2 3`)."""
    lines = text.split("\n")

    def figure(cell: str) -> bool:
        return bool(cell) and cell.lstrip("+-").replace(",", "").replace(".", "").isdigit()

    wide = [k for k, line in enumerate(lines) if "|" in line and sum(map(figure, cells(line))) >= 3]
    for k in rng.sample(wide, min(rows, len(wide))):
        row = cells(lines[k])
        first = next(i for i, c in enumerate(row) if figure(c))
        label, figures = row[:first], row[first:]
        cut = rng.randint(1, len(figures) - 1)
        head = [" ".join(label)] if label_alone else []
        lines[k] = "\n".join([*head, " ".join((label if not label_alone else []) + figures[:cut]),
                              " ".join(figures[cut:])])
    return rows_spaced("\n".join(lines))


def headers_wrapped(text: str, rng, is_header, sep: str = " ", lines: int = 2) -> str:
    """`text` (a report with `|` rows) with its header lines — `|` lines whose every cell
    `is_header(cell)` — wrapped as text taken from a PDF of narrow columns gives them: most cells
    of three characters or more cut in two (or, with `lines=3`, in three), their starts on one line
    and their ends on the next, in order (`结果维持 | 结果纠正` becomes `结果 结果` / `维持 纠正`); the
    cells `sep` apart, and every other row written `sep` apart."""
    out = []
    for line in text.split("\n"):
        if "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if cells and not any(ch.isdigit() for ch in line) and all(map(is_header, cells)):
            parts: list[list[str]] = [[], [], []]
            for cell in cells:
                if lines == 3 and len(cell) >= 4 and rng.random() < 0.6:
                    i, j = sorted(rng.sample(range(1, len(cell)), 2))
                    for k, piece in enumerate((cell[:i], cell[i:j], cell[j:])):
                        parts[k].append(piece)
                elif len(cell) >= 3 and rng.random() < 0.8:
                    k = rng.randint(1, len(cell) - 1)
                    parts[0].append(cell[:k])
                    parts[1].append(cell[k:])
                else:
                    parts[0].append(cell)
            out.extend(sep.join(p) for p in parts if p)
        else:
            out.append(sep.join(cells))
    return "\n".join(out)
