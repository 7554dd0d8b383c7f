"""The identities as constraints: rows whose cells the text alone does not pin down, solved jointly.

Two kinds of row are uncertain:

- a **glued** row, whose figures were scraped with no separators (`171000018` for seven cells): its
  options are the ways to cut the run into the row's cells (`split_run`);
- a row that **lost or gained cells** (empty cells dropped, a value spanning two columns, a
  subtotal the template does not have): its options are the ways to place its values in order
  into the row's columns (`placements`).

`solve` keeps, for each row, the options that the template's identities (the checks, as data in
the templates) allow together with every other row of the table: a cell is filled only when every
remaining joint solution gives it the same value; otherwise it stays blank and carries its
candidates, ranked by soft evidence. When nothing fits (the report's own sums are broken), only what
each row's own identities decide is filled, and the checks report the break. The work per table is
capped, so a hostile input cannot make extraction slow; past the cap the same cautious answer is
given. Nothing here guesses: a value is filled only when the text and the identities leave one.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .values import COUNT_UNIT, DASHES, Number, Parsed, parse_value, unfit

MAX_RUN = 80  # characters of a glued run; a longer one is not a table row
SPLIT_BUDGET = 20_000  # steps spent enumerating one run's splits
SEARCH_BUDGET = 60_000  # search nodes spent on one table's joint solution
MAX_OPTIONS = 2_000  # options kept for one row; more: the row is too ambiguous to use

_UNIT = re.compile(r"(万元|万|亿元|亿|元)$")
_SIGNS = "+-−增减"


@dataclass(frozen=True, slots=True)
class Option:
    """One way to read an uncertain row: a value per column (None: the cell is empty) and, per
    column, the (start, end) of its text relative to the row's source (None when empty)."""

    values: tuple[Number | None, ...]
    spans: tuple[tuple[int, int] | None, ...]
    raws: tuple[str, ...]
    weight: float = 1.0
    why: str = ""  # the prior behind `weight`, in words ("" for the digit prior)


@dataclass(slots=True)
class Uncertain:
    table: str
    row: tuple[str, ...]
    columns: tuple[tuple[str, ...], ...]
    options: list[Option]
    method: str  # "solved" (a glued run) | "inferred" (values placed into columns)
    why: str = ""  # what made the row uncertain, for warnings
    # the row's plain options (the text alone, its own totals not applied), asked for only when
    # the table's identities turn out broken; None: the options above are plain already
    plain: Callable[[], list[Option] | None] | None = None
    kinds: tuple[str, ...] = ()  # each column's kind of value (count, signed, amount): plausibility
    # the options may lack the true reading (its other readings were too many to list): the row
    # takes no part in the identities and is offered, never filled
    open: bool = False
    # some options place the row's figures with a placement's prior (its last figure in the total
    # column, `placements`): where they agree is no evidence when every reading breaks the row's total
    placed: bool = False


@dataclass(slots=True)
class RowResult:
    """Per column: the decided value (with an option giving it) or the candidates."""

    decided: dict[int, tuple[Number | None, int]]  # column index → (value, index into `source`)
    candidates: dict[int, list[tuple[Number | None, float]]]
    options: list[int]  # indices into `source` of the options that remain
    source: list[Option] = field(default_factory=list)  # the options the indices refer to
    # per option of `source`: its score (the one number every share is computed from), why, and
    # the part of the score that is evidence rather than a prior (see `score_option`)
    scores: list[Score] = field(default_factory=list)
    offered: bool = False  # nothing of the row may be filled: its readings are offered (_offered)


@dataclass(slots=True)
class Outcome:
    rows: list[RowResult]
    status: str  # "solved" (joint solution found) | "broken" (nothing fits) | "capped" (too much work)
    used: list[str] = field(default_factory=list)  # titles of the identities that constrained


# ------------------------------------------------------------------ options of one row
def _cell_ok(text: str, kind: str, last: bool, unit: str | None) -> bool:
    if not text:
        return False
    body = text
    if body[0] in _SIGNS:
        if kind != "signed":
            return False
        body = body[1:]
        if not body:
            return False
    if any(c in _SIGNS for c in body):
        return False
    if "," in body and not _GROUPED.fullmatch(body):
        return False  # a thousands comma: one to three digits before it, three after (1,234; never 12,34)
    if "." in body:
        if kind != "amount" or body.count(".") > 1 or body[0] == "." or body[-1] == ".":
            return False
        whole = body.split(".", 1)[0]
        if len(whole) > 1 and whole[0] == "0":
            return False
    elif len(body) > 1 and body[0] == "0":
        return False
    if unit is not None and last and kind != "amount":
        return False
    return True


# a cell boundary the scrape kept: a space, or a count's unit after a figure (`125件140件`)
_GAP = re.compile(r"(?:(?<!\d)" + COUNT_UNIT + r"|(?!" + COUNT_UNIT + r")\S)+")
_UNIT_END = re.compile(r"(?<=\d)" + COUNT_UNIT + "$")
_COUNT_UNIT_INSIDE = re.compile(r"(?<=\d)" + COUNT_UNIT + r"(?=\S)")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")


# a cell a glued row writes as a dash (an empty cell: —, -, /, as values.parse_value reads one in
# the other layouts); a hyphen before a digit may be a sign instead (4764-401265: 4764 | -40 | 1265)
_DASH_RUN = re.compile(f"[{DASHES}-]+")
_DASH_CELL = re.compile(f"[{DASHES}]|-(?!\\d)")  # (a run holds one that is surely no sign)
MAX_DASH_CELLS = 6  # a longer run of dashes at the end of a row may be a rule drawn after it
MAX_DASH_READINGS = 64  # ways to count a run's dash cells (—— is one cell or two); more: too many


def split_run(run: str, kinds: tuple[str, ...], sums: tuple[tuple[int, tuple[int, ...]], ...] = (),
              budget: int = SPLIT_BUDGET, grouping: bool = False) -> list[Option] | None:
    """Every way to cut `run` into len(kinds) cells; None when the enumeration passes its budget.
    A space in the run is a cell boundary the scrape kept (`230 000023` is 23|0 and 0|0|0|0|23):
    every split cuts there, and wherever else it must (see `_split_unspaced`). A dash is an empty
    cell of its own (`1——0—01` under seven columns: 1|—|—|0|—|0|1, see `_split_dashed`). With
    `grouping` (the report may write a thousands space, 2 636: align's _grouping), a space between a
    digit and three more is read both ways (`_split_spaced`)."""
    if _DASH_CELL.search(run) or "-" in run and "signed" not in kinds:  # (no column takes a sign: a hyphen is a dash)
        return _split_dashed(run, kinds, sums, budget, grouping=grouping)
    return _split_spaced(run, kinds, sums, budget, grouping)


EMPTY_PRIOR = 0.5  # an empty cell where the row could have been cut into figures (a prior, per empty cell)


def split_empties(run: str, kinds: tuple[str, ...], sums: tuple[tuple[int, tuple[int, ...]], ...] = (),
                  budget: int = SPLIT_BUDGET) -> list[Option] | None:
    """Every way to cut `run` into len(kinds) cells of which one or more are empty: a row of a
    report that leaves cells empty rather than writing 0, whose empty cells the scrape dropped with
    its separators (`228224056` under seven columns may be 2 | 28 | 2 | 24 | ∅ | 0 | 56 as well as
    2 | 2 | 8 | 2 | 2 | 40 | 56). An empty cell is None (0 to the sums), its span None; a cut is
    made at each space and before each sign, which starts a cell of a signed column (`1712减11`
    under 上一年项目数量 | 本年增/减 | 处理决定数量 is 1712 | -1 | 1 or 1712 | -11 | ∅); cells are whole
    figures without leading zeros. `sums` as in `_split_unspaced`: a total after its parts is forced
    once they are cut. None when the run is not figures and signs (a unit, a decimal, a dash: its
    readings cannot be listed so) or the enumeration passes its budget — the row's readings may
    then lack its true one."""
    n = len(kinds)
    digits = run.replace(" ", "").replace("\t", "")
    if n < 2:
        return []  # (a row of one cell that holds figures: that cell is not empty)
    if not any(c.isdigit() for c in digits) or any(not c.isdigit() and c not in _SIGNS for c in digits) \
            or len(digits) > MAX_RUN:
        return None
    must: set[int] = {i for i, c in enumerate(digits) if c in _SIGNS and i}
    at = 0
    for piece in run.split():
        if at:
            must.add(at)
        at += len(piece)
    L = len(digits)
    sums = tuple((t, parts) for t, parts in sums
                 if parts and max(parts) < t and all(kinds[c] in ("count", "signed") for c in (t, *parts)))
    total_at = {t: i for i, (t, _) in enumerate(sums)}  # a total's column → its identity's index
    mine = [[i for i, (t, parts) in enumerate(sums) if c in parts] for c in range(n)]  # the totals a column is a part of
    live = [[i for i, (t, _) in enumerate(sums) if t >= c] for c in range(n)]  # the totals still open at a column
    acc = [0] * len(sums)  # each identity's parts cut so far, summed
    empty = [0]  # the empty cells cut so far
    out: list[Option] = []
    steps = 0
    cells: list[tuple[int, int] | None] = []
    vals: list[int] = []
    # (where, column, an empty cell yet?, each open total's parts so far) that gave no reading: the
    # same again gives none — empty cells make many ways to one such place
    dead: set[tuple] = set()

    def rec(pos: int, col: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > budget:
            return False
        if col == n:
            if pos == L and empty[0]:
                raws = [digits[sp[0]:sp[1]] if sp is not None else "" for sp in cells]
                w = split_prior([r for r in raws if r]) * EMPTY_PRIOR ** raws.count("")
                out.append(Option(tuple(None if sp is None else v for v, sp in zip(vals, cells)),
                                  tuple(cells), tuple(raws), w))
            return len(out) <= MAX_OPTIONS
        key = (pos, col, empty[0] > 0, *[acc[i] for i in live[col]])
        if key in dead:
            return True
        found = len(out)
        if col in total_at:  # a total whose parts are cut: their sum, or left empty when it is 0
            x = acc[total_at[col]]
            want = str(x)
            ends = ([pos] if x == 0 else []) + ([pos + len(want)] if digits.startswith(want, pos) else [])
        elif col == n - 1:
            ends = [L] if pos == L or digits[pos] != "0" or L - pos == 1 else []
        elif pos == L:
            ends = [pos]
        elif digits[pos] == "0":
            ends = [pos, pos + 1]
        else:
            ends = [pos, *range(pos + 1, min((m for m in must if m > pos), default=L) + 1)]
        parts_of = mine[col]
        for e in ends:
            if must and any(pos < m < e for m in must):
                continue
            text = digits[pos:e]
            if text and not _cell_ok(text, kinds[col], col == n - 1, None):
                continue
            v = (int(text) if text.isdigit() else parse_value(text).value) if text else 0
            if v and parts_of and L - e < max(len(str(acc[i] + v)) for i in parts_of):
                continue  # (the text left cannot hold a total its parts so far make)
            cells.append((pos, e) if e > pos else None)
            vals.append(v)
            empty[0] += e == pos
            for i in parts_of:
                acc[i] += v
            ok = rec(e, col + 1)
            for i in parts_of:
                acc[i] -= v
            empty[0] -= e == pos
            cells.pop()
            vals.pop()
            if not ok:
                return False
        if len(out) == found:
            dead.add(key)
        return True

    try:
        finished = rec(0, 0)
    finally:
        rec = None  # noqa: F841 - break the closure's cycle (workers run without the cyclic GC)
    if not finished or len(out) > MAX_OPTIONS:
        return None
    if must:  # the spans in the run, its spaces counted
        where = [i for i, c in enumerate(run) if not c.isspace()]
        out = [Option(o.values, tuple(None if sp is None else (where[sp[0]], where[sp[1] - 1] + 1) for sp in o.spans),
                      o.raws, o.weight) for o in out]
    return out


TOTALS_WHY = "the table gives its totals alone: a row of it reads no other way"


def totals_only(run: str, kinds: tuple[str, ...], sums: tuple[tuple[int, tuple[int, ...]], ...] = (),
                budget: int = SPLIT_BUDGET) -> list[Option] | None:
    """Every way to read `run` as a row that gives its totals alone, every part of them empty (a
    report that does not count its requests by applicant: `一、本年新收…数量11` under seven
    columns is 11 under 总计). The totals are those no other total counts; the run is cut into
    them (some left empty when there are several). A run of as many digits as the row has
    columns, or more, is read as its cells: no table's totals alone run so long. None when there
    are too many ways."""
    counted = {c for _, parts in sums for c in parts}
    tops = sorted({t for t, parts in sums if parts} - counted)
    if not tops or sum(c.isdigit() for c in run) >= len(kinds):
        return []
    sub = tuple(kinds[t] for t in tops)
    opts = split_run(run, sub, (), budget)
    more = split_empties(run, sub, (), budget) if len(tops) > 1 and opts is not None else []
    if opts is None or more is None:
        return None
    n = len(kinds)
    out = []
    for o in opts + more:
        vals: list[Number | None] = [None] * n
        spans: list[tuple[int, int] | None] = [None] * n
        raws = [""] * n
        for k, t in enumerate(tops):
            vals[t], spans[t], raws[t] = o.values[k], o.spans[k], o.raws[k]
        out.append(Option(tuple(vals), tuple(spans), tuple(raws), o.weight, TOTALS_WHY))
    return out


def _split_spaced(run: str, kinds: tuple[str, ...], sums: tuple[tuple[int, tuple[int, ...]], ...],
                  budget: int, grouping: bool = False) -> list[Option] | None:
    """split_run of a run without dash cells: its spaces (and a count's unit after a figure) are
    cuts every split makes — except, with `grouping`, a space that may be a thousands space (千分空,
    GB/T 15835: 2 636 for 2636), between a digit and three more: that one is read both ways, a cut
    and a space inside a figure (as a thousands comma is read, _cell_ok), for the identities to
    choose; a reading that takes it inside a figure weighs THOUSANDS_SPACE_PRIOR less (a prior: a
    glued row's space is more often a cell boundary the scrape kept)."""
    if (m := _UNIT_END.search(run)) is not None:
        run = run[:m.start()]  # (the last cell's unit: 4652件)
    if " " not in run and "\t" not in run and not _COUNT_UNIT_INSIDE.search(run):
        return _split_unspaced(run, kinds, sums, budget)
    # (a count's unit ends its cell, `0项`: the figure is the cell)
    chunks = [(m.start(), m.group()) for m in _GAP.finditer(run)]
    if not chunks:
        return []
    # the gaps (after chunk k) that may be thousands spaces: one space, a digit before, three after
    maybe = [k for k in range(len(chunks) - 1) if grouping
             and chunks[k][1][-1].isdigit() and chunks[k + 1][0] == chunks[k][0] + len(chunks[k][1]) + 1
             and run[chunks[k + 1][0] - 1] == " " and _THREE.match(chunks[k + 1][1])]
    if not grouping or not maybe or len(maybe) > MAX_THOUSANDS_SPACES:  # (too many ways to read them: each space a cut)
        return _split_chunks(run, chunks, set(), kinds, sums, budget) if len(chunks) <= len(kinds) else []
    out: dict[tuple, Option] = {}
    share = max(500, budget >> len(maybe))
    for inside in itertools.product((False, True), repeat=len(maybe)):
        joins = {k for k, j in zip(maybe, inside) if j}
        if len(chunks) - len(joins) > len(kinds):
            continue
        opts = _split_chunks(run, chunks, joins, kinds, sums, share)
        if opts is None:
            return None
        for o in opts:
            if o.values not in out or out[o.values].weight < o.weight:
                out[o.values] = o
    if len(out) > MAX_OPTIONS:
        return None
    return list(out.values())


_THREE = re.compile(r"\d{3}")
MAX_THOUSANDS_SPACES = 4  # spaces read both ways in one run; more: each a cut
THOUSANDS_SPACE_PRIOR = 0.2  # a reading's weight per space it takes for a thousands space (a prior)


def _split_chunks(run: str, chunks: list[tuple[int, str]], joins: set[int], kinds: tuple[str, ...],
                  sums, budget: int) -> list[Option] | None:
    """The splits of `run` cut at each gap between its chunks but those after the chunks in `joins`,
    which are thousands spaces inside a figure (read as a thousands comma)."""
    joined: list[str] = []
    where: list[int] = []  # index in `joined` → index in `run`
    must: set[int] = set()
    for k, (s0, t) in enumerate(chunks):
        if where:
            if k - 1 in joins:
                joined.append(",")
                where.append(s0 - 1)
            else:
                must.add(len(where))
        joined.append(t)
        where.extend(range(s0, s0 + len(t)))
    opts = _split_unspaced("".join(joined), kinds, sums, budget, frozenset(must))
    if opts is None:
        return None
    out = []
    for o in opts:
        spans = tuple(None if sp is None else (where[sp[0]], where[sp[1] - 1] + 1) for sp in o.spans)
        if joins:  # (a figure across a thousands space: its text as written, 2 636)
            raws = tuple(r if sp is None or "," not in r else run[sp[0]:sp[1]] for r, sp in zip(o.raws, spans))
            out.append(Option(o.values, spans, raws, spaced_prior(raws), spaced_why(raws)))
        else:
            out.append(Option(o.values, spans, o.raws, o.weight))
    return out


def _split_dashed(run: str, kinds: tuple[str, ...], sums: tuple[tuple[int, tuple[int, ...]], ...],
                  budget: int, rule: bool = True, grouping: bool = False) -> list[Option] | None:
    """The splits of a run whose dashes are empty cells: each cell of a run of dashes is one dash
    or two (—— is a cell written as a long dash, or two cells), and a hyphen right before a figure
    may be its sign; every way of counting them is read as the run with each dash cell a 0 cut
    off by spaces (sums hold with a blank as 0), and the dash cells' values are then empty (None)
    and their text the dashes. None when the ways or the splits are too many."""
    choices: list[list[tuple[int, bool]]] = []  # per dash run: (cells, last hyphen a sign?)
    found = list(_DASH_RUN.finditer(run))
    if rule and found and found[-1].end() == len(run) and len(found[-1].group()) > MAX_DASH_CELLS and found[-1].start():
        # many dashes after the row's figures: its empty cells (the review row's last ten), or a
        # rule drawn after it, no cells of it — both read, for the identities to choose
        cells = _split_dashed(run, kinds, sums, budget, rule=False, grouping=grouping)
        ruled = split_run(run[:found[-1].start()], kinds, sums, budget, grouping)
        if cells is None or ruled is None:
            return None
        seen = {o.values for o in cells}
        out = cells + [o for o in ruled if o.values not in seen]
        return out if len(out) <= MAX_OPTIONS else None
    for m in found:
        a, b = m.span()
        k = b - a
        signed = run[b - 1] in "-−" and b < len(run) and run[b].isdigit()
        ways = [(c, False) for c in range((k + 1) // 2, k + 1)]  # (a cell is one dash or two: — or ——)
        if signed and "signed" in kinds:
            ways += [(c, True) for c in range(k // 2, k) if c or k == 1]
        choices.append(ways)
    combos = math.prod(len(w) for w in choices)
    if combos > MAX_DASH_READINGS:
        return None
    budget = max(500, budget // combos)  # (the run's budget shared by its readings: a hostile run stays cheap)
    seen: dict[tuple, Option] = {}
    for combo in itertools.product(*choices):
        sub: list[str] = []
        at: list[int] = []  # each character of `sub` → its offset in `run` (-1: a space put in)
        dash: dict[int, tuple[int, int]] = {}  # the 0 that stands for a dash cell → the dashes' span
        pos = 0
        for m, (cells, sign) in zip(found, combo):
            a, b = m.span()
            sub.append(run[pos:a])
            at.extend(range(pos, a))
            end = b - 1 if sign else b  # (the sign stays with the figure after it)
            for j in range(cells):
                sub.append(" ")
                at.append(-1)
                dash[len(at)] = (a + j, end if j == cells - 1 else a + j + 1)
                sub.append("0")
                at.append(a + j)
            sub.append(" ")
            at.append(-1)
            pos = end
        sub.append(run[pos:])
        at.extend(range(pos, len(run)))
        text = "".join(sub)
        if not text.strip():
            continue
        opts = _split_spaced(text, kinds, sums, budget, grouping)
        if opts is None:
            return None
        for o in opts:
            values, spans, raws = [], [], []
            for v, sp, r in zip(o.values, o.spans, o.raws):
                if sp is not None and sp[0] in dash and sp[1] == sp[0] + 1:
                    da, db = dash[sp[0]]
                    values.append(None)
                    spans.append((da, db))
                    raws.append(run[da:db])
                else:
                    values.append(v)
                    spans.append(None if sp is None else (at[sp[0]], at[sp[1] - 1] + 1))
                    raws.append(r)
            if any(sp is not None and sp[0] < 0 for sp in spans):
                continue  # (a cell that took a space put in: none of the run's readings)
            opt = Option(tuple(values), tuple(spans), tuple(raws), spaced_prior(raws), spaced_why(raws))
            if opt.values not in seen or seen[opt.values].weight < opt.weight:
                seen[opt.values] = opt  # (one reading a set of values: its likeliest cut)
    out = list(seen.values())
    return out if len(out) <= MAX_OPTIONS else None


def _split_unspaced(run: str, kinds: tuple[str, ...], sums: tuple[tuple[int, tuple[int, ...]], ...] = (),
                    budget: int = SPLIT_BUDGET, must: frozenset[int] = frozenset()) -> list[Option] | None:
    """Every way to cut `run` (no spaces) into len(kinds) cells, cutting at each offset in `must`;
    None when the enumeration passes its budget.

    Each cell is a whole number without leading zeros (other than 0 itself); a sign starts a cell
    of a signed column; a decimal stays whole in one amount cell; a unit at the end (万元) belongs to
    the last cell, which must then be an amount. `sums`: the row's own identities, (total column,
    part columns) with the parts before the total, all counts: they prune while cutting (a total
    is forced once its parts are cut, and the text left must still hold it), so only splits that
    satisfy them are returned."""
    n = len(kinds)
    m = _UNIT.search(run)
    unit = m.group(1) if m else None
    digits = run[: m.start()] if m else run
    L = len(digits)
    if n == 0 or L == 0 or L > MAX_RUN or L < n:
        return []
    if any(not (c.isdigit() or c == "." or c == "," or c in _SIGNS) for c in digits):
        return []
    if L == n and digits.isdigit():  # one digit a cell
        return [Option(tuple(int(c) for c in digits), tuple((i, i + 1) for i in range(n)), tuple(digits),
                       split_prior(list(digits)))]
    if must and max(must) >= L:  # a space before the unit (12 万元) is no cut between cells
        must = frozenset(i for i in must if i < L)
    blocks = _blocks(kinds, sums)
    if blocks is not None and unit is None and digits.isdigit():
        cut = _split_blocks(digits, blocks, budget)
        if cut is None:
            return None
        out_b = []
        for lens in cut:
            spans, pos = [], 0
            for k in lens:
                spans.append((pos, pos + k))
                pos += k
            if must and not must <= {a for a, _ in spans}:
                continue
            raws = [digits[a:b] for a, b in spans]
            out_b.append(Option(tuple(int(r) for r in raws), tuple(spans), tuple(raws), split_prior(raws)))
        return out_b if len(out_b) <= MAX_OPTIONS else None
    plain_sums = not any(parts and max(parts) < t and all(kinds[c] == "count" for c in (t, *parts))
                         for t, parts in sums)
    if unit is None and plain_sums and digits.isdigit() and n * math.comb(L - 1, n - 1) <= min(budget, 4 * MAX_OPTIONS):
        return _plain_splits(digits, n, must)
    # a sign must start a cell: cuts are forced before each sign (except at 0), and at each boundary
    forced = sorted({i for i, c in enumerate(digits) if c in _SIGNS and i > 0} | must)
    out: list[Option] = []
    steps = 0
    cuts: list[int] = [0]
    grouped = "," in digits  # thousands commas (1,234): a cell holds each whole, _cell_ok
    # the identities usable while cutting: totals after all their parts, every cell a count
    sums = tuple((t, parts) for t, parts in sums
                 if parts and max(parts) < t and all(kinds[c] == "count" for c in (t, *parts)))
    total_of = {t: parts for t, parts in sums}
    open_sums = [(t, parts) for t, parts in sums]
    vals: list[int] = []

    def rec(pos: int, col: int) -> bool:
        nonlocal steps
        steps += 1
        if steps > budget:
            return False
        left = n - col  # cells still to place, this one included
        if col in total_of:  # a total whose parts are cut: it must read as their sum
            x = sum(vals[c] for c in total_of[col])
            want = str(x) if not grouped or not digits.startswith(f"{x:,}", pos) else f"{x:,}"
            if not digits.startswith(want, pos) or (left == 1 and pos + len(want) != L):
                return True
            ends: range | list[int] = [pos + len(want)]
        elif left == 1:
            ends = [L]
        else:
            hi = L - (left - 1)
            nxt = next((f for f in forced if f > pos), None)
            if nxt is not None:
                hi = min(hi, nxt)
            ends = range(pos + 1, hi + 1)
        for e in ends:
            text = digits[pos:e]
            if any(f > pos and f < e for f in forced):
                continue
            if not _cell_ok(text, kinds[col], col == n - 1, unit):
                continue
            value = (int(text.replace(",", "")) if grouped else int(text)) if kinds[col] == "count" else 0
            if sums and not _room(col, e, value):
                continue
            cuts.append(e)
            vals.append(value)
            if left == 1:
                _emit()
                if len(out) > MAX_OPTIONS:  # too many: the answer is None, stop here
                    return False
            elif not rec(e, col + 1):
                return False
            cuts.pop()
            vals.pop()
        return True

    def _room(col: int, end: int, value: int) -> bool:
        """After cutting column `col` at `end`, is there text enough for each open total?"""
        for t, parts in open_sums:
            if col >= t or col not in parts:
                continue
            done = sum(vals[c] for c in parts if c < col) + value
            cells_between = t - col - 1  # cells still to cut before the total
            if L - end < cells_between + len(str(done)):
                return False
        return True

    def _emit() -> None:
        vals, spans, raws = [], [], []
        for k in range(n):
            a, b = cuts[k], cuts[k + 1]
            text = digits[a:b]
            if k == n - 1 and unit is not None:
                b = len(run)
                text = run[a:b]
            p = parse_value(text)
            if p is None or p.value is None:
                return
            vals.append(p.value)
            spans.append((a, b))
            raws.append(text)
        out.append(Option(tuple(vals), tuple(spans), tuple(raws), split_prior(raws)))

    try:
        finished = rec(0, 0)
    finally:
        rec = _room = _emit = None  # noqa: F841 - break the closures' cycles (workers run without the cyclic GC)
    if not finished or len(out) > MAX_OPTIONS:
        return None
    return out


def _plain_splits(digits: str, n: int, must: frozenset[int] = frozenset()) -> list[Option] | None:
    """Every cut of a run of digits into n whole numbers without leading zeros, cutting at each
    offset in `must`; no sums to prune by (the search below gives the same, slower)."""
    L = len(digits)
    zero = [c == "0" for c in digits]
    out: list[Option] = []
    free = [i for i in range(1, L) if i not in must]
    if len(must) > n - 1:
        return []
    for extra in itertools.combinations(free, n - 1 - len(must)):
        cuts = sorted((*extra, *must)) if must else extra
        bounds = (0, *cuts, L)
        if any(zero[a] and b - a > 1 for a, b in zip(bounds, bounds[1:])):
            continue
        raws = tuple(digits[a:b] for a, b in zip(bounds, bounds[1:]))
        out.append(Option(tuple(map(int, raws)), tuple(zip(bounds, bounds[1:])), raws, split_prior(raws)))
    return out if len(out) <= MAX_OPTIONS else None


def _blocks(kinds: tuple[str, ...], sums) -> list[int] | None:
    """When the row is a sequence of blocks "parts, then their total" covering every column (all
    counts), the number of parts of each block; else None."""
    if not sums or any(k != "count" for k in kinds):
        return None
    out, col = [], 0
    for t, parts in sorted(sums):
        if t < col or tuple(parts) != tuple(range(col, t)):
            return None
        out.append(t - col)
        col = t + 1
    return out if col == len(kinds) else None


def _split_blocks(digits: str, blocks: list[int], budget: int) -> list[tuple[int, ...]] | None:
    """The cell lengths of every split of `digits` into the blocks, each block's total (its last
    cell) equal to the sum of its parts; None past the budget. Memoised: where a part may end
    depends only on (position, parts left, sum left), and no part is longer than the sum left."""
    L = len(digits)
    steps = 0
    memo: dict[tuple[int, int, int, int], list[tuple[int, ...]]] = {}

    # num[a][l - 1]: the value of digits[a:a + l], None with a leading zero
    num = [[None if (l > 1 and digits[a] == "0") else int(digits[a:a + l]) for l in range(1, min(18, L - a) + 1)]
           for a in range(L)]

    def parts(pos: int, end: int, k: int, rem: int) -> list[tuple[int, ...]]:
        nonlocal steps
        steps += 1  # every call counts, a leaf too
        if steps > budget:
            raise _Budget
        room = end - pos
        if k == 1:
            return [(room,)] if room <= 18 and num[pos][room - 1] == rem else []
        key = (pos, end, k, rem)
        hit = memo.get(key)
        if hit is not None:
            return hit
        res: list[tuple[int, ...]] = []
        memo[key] = res
        if room < k:
            return res
        # the least sum k parts can make of `room` digits (lengths as even as they go: a part of
        # l > 1 digits is at least 10^(l-1)), and the greatest (one part as long as it goes)
        q, r = divmod(room, k)
        least = (r * 10 ** q + (k - r) * 10 ** (q - 1)) if q > 1 else (r * 10 if q == 1 else 0)
        if rem < least or rem > 10 ** (room - k + 1) + 9 * k:
            return res
        row = num[pos]
        for length in range(1, min(room - k + 1, len(row)) + 1):
            v = row[length - 1]
            if v is None:
                break
            if v > rem:
                break
            for rest in parts(pos + length, end, k - 1, rem - v):
                res.append((length, *rest))
        return res

    def from_block(pos: int, bi: int) -> list[tuple[int, ...]]:
        m = blocks[bi]
        last = bi == len(blocks) - 1
        after = sum(b + 1 for b in blocks[bi + 1:])  # cells still to come after this block
        out: list[tuple[int, ...]] = []
        ends = [L] if last else range(pos + m + 1, L - after + 1)
        for e in ends:
            for q in range(max(pos + m, e - 18), e):  # the total is digits[q:e]
                total = num[q][e - q - 1]
                if total is None:
                    continue
                splits = parts(pos, q, m, total) if m else ([()] if q == pos else [])
                if not splits:
                    continue
                rests = [()] if last else from_block(e, bi + 1)
                for sp in splits:
                    for rest in rests:
                        out.append((*sp, e - q, *rest))
        return out

    try:
        return from_block(0, 0)
    except _Budget:
        return None
    finally:
        parts = from_block = None  # noqa: F841 - break the closures' cycles (workers run without the cyclic GC)


class _Budget(Exception):
    pass


# a row that lost its empty cells: its figure in the column most rows fill (自然人) is this much
# likelier than in any one other column (about nine rows in ten with figures fill it in real reports)
PREFER_FACTOR = 30.0

# how often a figure of a real report's table has 1, 2, … digits before its point, relatively: real
# counts spread over the orders of magnitude (as many 3s as 300s), thinning past four digits
_DIGITS = (1.0, 1.0, 0.75, 0.6, 0.4, 0.15, 0.05, 0.02)
_ZERO = 0.4  # the share of 0 among one-digit figures (an empty count is printed 0)
_LN10 = math.log(10)


@lru_cache(maxsize=8192)
def _figure_prior(raw: str) -> float:
    """How common a figure is in a real table: its length as _DIGITS, and within a length, Benford's
    law (a figure spread over orders of magnitude is x with probability ∝ 1/x: 1 is as likely
    as 2 and 3 together, 19 likelier than 190). An amount written in 元 or 亿元 weighs as its 万元,
    as the tables write amounts (788741100元 is 78874.11 万元: read by its 9 digits, a count of
    51878874110 and an amount of 0 had come first)."""
    head = raw.split(".", 1)[0]
    digits = "".join(ch for ch in head if ch.isdigit())
    if not digits:
        return 1.0
    n, x = len(digits), int(digits)
    if x == 0:
        return _ZERO
    if raw[-1:] in "元亿" and raw[-2:] != "万元" and (p := parse_value(raw)) is not None and p.value is not None:
        x = max(1, int(p.value))  # (parse_value gives an amount in 万元)
        n = len(str(x))
    w = _DIGITS[min(n, len(_DIGITS)) - 1] / (x * _LN10)
    return (1 - _ZERO) * w if n == 1 else w


def spaced_prior(raws) -> float:
    """split_prior, less THOUSANDS_SPACE_PRIOR for each thousands space a figure takes (2 636)."""
    return split_prior(raws) * THOUSANDS_SPACE_PRIOR ** sum(r.count(" ") for r in raws)


def spaced_why(raws) -> str:
    """What a reading takes for thousands spaces, in words ("" for none): each offer says why."""
    grouped = [r for r in raws if " " in r]
    if not grouped:
        return ""
    each = "one figure, a thousands space in it" if len(grouped) == 1 else "one figure each, thousands spaces in them"
    return f"reads {', '.join(grouped)} as {each} (a prior)"


def split_prior(raws: list[str]) -> float:
    """The digit prior of a split: the product over its cells of how common each figure is in real
    tables (_figure_prior)."""
    w = 1.0
    for r in raws:
        w *= _figure_prior(r)
    return w


def _fits(p: Parsed, kind: str) -> bool:
    """Can the figure stand in a column of `kind`? A change only under a change, and nothing a
    count's cell cannot hold (values.unfit: 17.0 may, 2.5, 50% and 1万元 may not)."""
    if p.value is None or p.kind == "count":  # (a count, a whole number from nought up, fits anywhere)
        return True
    if p.kind == "signed" and kind != "signed":
        return False
    return unfit(p.value, kind, p) is None


def placements(values: list[tuple[Parsed, tuple[int, int], str]], kinds: tuple[str, ...],
               prefer: int | None = None, total: int | None = None, prefer_label: str = "") -> list[Option] | None:
    """Every way to put `values` in order into the columns: with fewer values than columns, the
    missing ones are empty; with more, the extra ones are left out. `total`: the row's total
    column, which holds the last value of a row that lost its empty cells (the template's
    `total_column`). `prefer`: a column that is usually filled (自然人) — placements that fill it
    weigh more; leaving out an empty value weighs more than leaving out a figure. None when there
    are too many ways."""
    n, k = len(kinds), len(values)
    out: list[Option] = []
    if k <= n:
        if math.comb(n, k) > MAX_OPTIONS:
            return None
        if total is not None and k:  # the last value in the total column, the others before it
            combos = (c + (total,) for c in itertools.combinations(range(total), k - 1))
        else:
            combos = itertools.combinations(range(n), k)
        # only a signed figure or an amount can be out of place in a column (_fits)
        typed = any(p.value is not None and p.kind in ("signed", "amount") for p, _, _ in values)
        label = prefer_label or "its first column"
        why_filled = f"{label} is the column most rows fill (a prior)" if prefer is not None else ""
        why_empty = f"leaves {label}, the column most rows fill, empty (a prior)" if prefer is not None else ""
        for cols in combos:
            if typed and not all(_fits(values[i][0], kinds[c]) for i, c in enumerate(cols)):
                continue
            vals: list[Number | None] = [None] * n
            spans: list[tuple[int, int] | None] = [None] * n
            raws = [""] * n
            for (p, span, raw), c in zip(values, cols):
                vals[c], spans[c], raws[c] = p.value, span, raw
            filled = prefer is not None and vals[prefer] is not None
            out.append(Option(tuple(vals), tuple(spans), tuple(raws), PREFER_FACTOR if filled else 1.0,
                              why_filled if filled else why_empty))
    else:
        if math.comb(k, n) > MAX_OPTIONS:
            return None
        for keep in itertools.combinations(range(k), n):
            if not all(_fits(values[i][0], kinds[c]) for c, i in enumerate(keep)):
                continue
            dropped = [values[i][0] for i in range(k) if i not in keep]
            w = 5.0 ** sum(1 for p in dropped if p.value is None)
            out.append(Option(tuple(values[i][0].value for i in keep), tuple(values[i][1] for i in keep),
                              tuple(values[i][2] for i in keep), w))
    return out


def shifts(values: list[tuple[Parsed, tuple[int, int], str]], n: int, lead: int) -> list[Option]:
    """A row whose first `lead` fields are empty: they may be merged label cells or empty cells.
    Each option reads the fields left to right after passing over d of them (0 <= d <= lead),
    the cells past the last field empty (Word keeps no trailing empty field)."""
    out = []
    for d in range(lead + 1):
        window = values[d:d + n]
        vals: list[Number | None] = [p.value for p, _, _ in window] + [None] * (n - len(window))
        spans: list[tuple[int, int] | None] = [sp if p.value is not None else None for p, sp, _ in window]
        raws = [raw for _, _, raw in window]
        out.append(Option(tuple(vals), tuple(spans + [None] * (n - len(window))),
                          tuple(raws + [""] * (n - len(window))), 1.0 + d))
    return out


# ------------------------------------------------------------------ the evidence for an option
@dataclass(frozen=True, slots=True)
class Score:
    """What an option of an uncertain row weighs, and why. `weight` ranks it (every share shown
    anywhere is its weight over the remaining options' weights); `evidence` is the part of it that
    comes from evidence (figures the report states, relations that hold in almost every report, a
    change that could not be, the row's own totals) rather than from a prior (the length of its
    figures, a change small or large against its base): an offer is taken on `enter` only when the evidence,
    not a prior, puts it ahead."""

    weight: float
    evidence: float
    reasons: tuple[str, ...]


PROSE_FACTOR = 3.0  # a figure of the option that the report's sentences state
FITS_FACTOR = 5.0  # a broken table: a row's option that satisfies its own totals
IMPOSSIBLE_FACTOR = 0.001  # a fall below zero: a count cannot end negative
LARGE_CHANGE_FACTOR = 0.05  # a change larger than its base
SHARPEN = 1.35  # scores are weights raised to this power, so that a share means what it says (benchmarks/candidates.py: within 10 points in every band)
CHANGE_SCALE = 4.0  # a change small against its base is likelier: exp(-CHANGE_SCALE · |change| / base)
UNSIGNED_FACTOR = 0.2  # a bare figure read as a change, in a report that writes its rises with a sign (增9, +9)


# an offer nothing but the figure prior ranks: a split by how common figures of its size are, a
# placement of the same figures in other columns by nothing at all
NO_EVIDENCE = "no evidence tells it apart (only how common such figures are)"


def score_option(o: Option, kinds: tuple[str, ...], columns: tuple, evidence: set = frozenset(),
                 hints: list = (), fits: bool | None = None, signs: str = "") -> Score:
    """The one place an option is scored: the digit prior it came with, the figures the report's
    sentences state (`evidence`), the hints it breaks (`hints` as from `_row_hints`), whether it
    satisfies its row's own totals when the table is broken (`fits`), the report's own way of
    writing a change (`signs`: where it writes its rises with a sign, as 增9 on line 75, a bare
    figure is a count, not a change) and plausibility (a 本年增/减 against its 上一年项目数量:
    below zero, larger than its base, or its share of the base)."""
    w = o.weight
    ev = 1.0
    why: list[str] = []
    if evidence:
        for v in o.values:
            if v is not None and v.__class__ is int and v >= 10 and v in evidence:
                w *= PROSE_FACTOR
                ev *= PROSE_FACTOR
                why.append(f"the report's text states {v}")
    for kind, const, terms, title, prior, factor in hints:
        if not holds(kind, const + sum(coef * _num(o.values[j]) for j, coef in terms)):
            w *= factor
            if not prior:
                ev *= factor
            why.append(f"breaks {title}, as few reports do (a prior)" if prior else
                       f"breaks {title}, which holds in almost every report")
        else:
            why.append(f"keeps {title}" + (", as most reports do (a prior)" if prior else ""))
    if fits is not None:
        if fits:
            w *= FITS_FACTOR
            ev *= FITS_FACTOR
            why.append("fits the row's own totals")
        else:
            why.append("breaks the row's own totals")
    if signs and "signed" in kinds:
        unsigned = [o.raws[j].strip() for j, kind in enumerate(kinds)
                    if kind == "signed" and (v := o.values[j]) is not None and v > 0 and bare(o.raws[j])]
        if unsigned:
            w *= UNSIGNED_FACTOR ** len(unsigned)
            ev *= UNSIGNED_FACTOR ** len(unsigned)
            why.append(f"reads {', '.join(unsigned)} as a change, but the report writes its rises with a sign ({signs})")
        else:
            why.append(f"reads no bare figure as a change, as the report writes its rises with a sign ({signs})")
    for j in _changes(kinds):
        base, change = o.values[j - 1], o.values[j]
        if base is None or change is None:
            continue
        name = columns[j - 1][-1] if columns else "its base"
        if base + change < 0:
            w *= IMPOSSIBLE_FACTOR
            ev *= IMPOSSIBLE_FACTOR
            why.append(f"a fall of {-change} from {base} would leave fewer than none")
        elif abs(change) > base:  # unusual, not impossible (a small base can more than double): a prior,
            w *= LARGE_CHANGE_FACTOR / (abs(change) / max(base, 1))  # the rarer the larger (a Pareto tail)
            why.append(f"a change of {change:+} is larger than its {name} {base}")
        elif change:
            w *= math.exp(-CHANGE_SCALE * abs(change) / max(base, 1))
            why.append(f"a change of {change:+} is {abs(change) / max(base, 1):.0%} of its {name} {base}")
    if o.why:
        why.append(o.why)
    if not why:
        why.append(NO_EVIDENCE)
    return Score(w ** SHARPEN, ev, tuple(why))


def bare(raw: str) -> bool:
    """A figure written without a sign (9, not 增9 or +9)."""
    p = parse_value(raw)
    return p is not None and p.value is not None and p.kind != "signed"


@lru_cache(maxsize=256)
def _changes(kinds: tuple[str, ...]) -> tuple[int, ...]:
    """The columns that hold a change (本年增/减: signed) of the count before them (上一年项目数量)."""
    return tuple(j for j in range(1, len(kinds)) if kinds[j] == "signed" and kinds[j - 1] == "count")


LEAD = 2.0  # the first choice is taken on enter only when it weighs this much more than the next, by its evidence too


def ahead(weights: list[float], evidence: list[float]) -> bool:
    """Is the first of these choices (most likely first, each with the part of its weight that is
    evidence, not a prior) to be taken on `enter`? Only when it weighs LEAD times the second and its
    evidence weighs LEAD times that of every other choice: a choice ranked lower by a prior alone
    (the digits' lengths) whose evidence equals the first's leaves the first a guess. Compared with
    the second alone, `规章 11 1` (1, 1, 1: two cells glued) was taken as 11, none, 1 on enter, its
    evidence equal to the true reading's, which the prior ranked fourth."""
    if len(weights) < 2:
        return len(weights) == 1
    return weights[0] >= LEAD * weights[1] and evidence[0] >= LEAD * max(evidence[1:])


def distinguishing(reasons: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Each choice's reasons less those every choice shares (they tell the choices not apart)."""
    shared = set.intersection(*(set(r) for r in reasons)) if len(reasons) > 1 else set()
    return tuple(tuple(x for x in r if x not in shared) or (NO_EVIDENCE,)
                 for r in reasons)


# ------------------------------------------------------------------ the joint problem
@dataclass(frozen=True, slots=True)
class Constraint:
    """Σ coef · cell (= or ≤) 0 over cell keys; `title` names the identity."""

    kind: str  # "eq" | "le"
    terms: tuple[tuple[tuple, int], ...]  # (cell key, coefficient)
    title: str
    prior: bool = False  # a hint that ranks as a prior, not as evidence (CheckSpec.prior)
    factor: float = 0.2  # a hint: the weight of an option breaking it (CheckSpec.factor)


def _own_totals(rows: list[Uncertain], constraints: list[Constraint]) -> dict[int, set[int]]:
    """For each row offered only (`open`: left out of every identity, its cells unknown to them)
    that the identities of its own cells alone tie (总计 = 自然人 + 法人或其他组织): its options that keep
    them all. Its readings are ranked so (a row written twice with other figures: 3 | … | 3, which
    keeps its 总计, before 3 | … | 4), and still only offered."""
    own = {(r.table, r.row, col): (i, j) for i, r in enumerate(rows) if r.open for j, col in enumerate(r.columns)}
    fit: dict[int, set[int]] = {}
    if not own:
        return fit
    for c in constraints:
        at = [own.get(key) for key, _ in c.terms]
        if None in at or len({i for i, _ in at}) != 1:  # (a term of another row, or of no row offered only)
            continue
        i = at[0][0]
        last = max(j for _, j in at)
        # (an option is as long as its row's columns — align merges a row's readings over the same
        # columns only —; one that were not would keep nothing it cannot show, never an IndexError)
        keep = {d for d, o in enumerate(rows[i].options) if last < len(o.values)
                and holds(c.kind, sum(coef * _num(o.values[j]) for (_, j), (_, coef) in zip(at, c.terms)))}
        fit[i] = fit[i] & keep if i in fit else keep
    return fit


def _num(v: Number | None) -> Number:
    return 0 if v is None else v


def solve(rows: list[Uncertain], known: dict[tuple, Number | None], constraints: list[Constraint],
          hints: list[Constraint] = (), evidence: set = frozenset(), budget: int = SEARCH_BUDGET,
          signs: str = "") -> Outcome:
    """Solve one table's uncertain rows together. `known`: the cells read with certainty (None for
    an empty one); a constraint is used only when each of its cells is known or in an uncertain
    row (a cell the report does not show is unknown, not 0). `hints` only rank candidates;
    `evidence`: figures stated elsewhere in the report, which raise the options that contain them;
    `signs`: where the report writes its rises with a sign (score_option).

    A reading that gives a row's total and leaves every part of it empty keeps that total, pending
    (`_total_alone`: a report that gives its totals alone), where some row of the table reads no
    other way (`予以公开 3` under seven columns); a table that then does not solve is broken, read
    cautiously (dropping those rows instead left the others free to fit by chance: `110`, 11 and
    a 合计 column's 0, read 1 | ∅ … | 1 at 0.9). Where no row shows it, the table is solved as
    though no row gave its totals alone: without the readings `totals_only` made, and a row that
    reads no other way is read as nothing (its result has no `source`)."""
    out, alone_totals, shown = _solve(rows, known, constraints, hints, evidence, budget, signs, True)
    if not any(alone_totals) or shown:
        return out
    rows = [replace(r, options=[o for o in r.options if o.why != TOTALS_WHY])
            if any(o.why == TOTALS_WHY for o in r.options) else r for r in rows]
    again = _solve([r for r in rows if r.options], known, constraints, hints, evidence, budget, signs, False)[0]
    results = iter(again.rows)
    again.rows = [next(results) if r.options else RowResult({}, {}, []) for r in rows]
    return again


def _solve(rows: list[Uncertain], known: dict[tuple, Number | None], constraints: list[Constraint],
           hints, evidence: set, budget: int, signs: str, totals_alone: bool) -> tuple[Outcome, list[set[int]], bool]:
    """solve(), once: with `totals_alone`, readings that give a row's total alone keep it. Also
    returns, per row, its options that keep a total only so, and whether some row keeps its
    totals in no other way."""
    where: dict[tuple, tuple[int, int]] = {}
    for i, r in enumerate(rows):
        if r.open:
            continue  # (its cells are unknown to the identities: they cannot be used)
        for j, col in enumerate(r.columns):
            where[(r.table, r.row, col)] = (i, j)
    # each option's score from the soft evidence (score_option: the one place it is computed)
    mine = _row_hints(hints, where, known, len(rows))
    fit = _own_totals(rows, constraints)
    scores: list[list[Score]] = [[score_option(o, r.kinds, r.columns, evidence, mine[i], d in fit[i] if i in fit else None,
                                               signs) for d, o in enumerate(r.options)]
                                 for i, r in enumerate(rows)]
    # constraints as (constant, [(row, contribution per option)])
    usable: list[tuple[Constraint, float, list[tuple[int, list[float]]]]] = []
    columns: dict[tuple[int, int], list[float]] = {}  # (row, column) → its value in each option
    for c in constraints:
        const = 0.0
        per_row: dict[int, list[float]] = {}
        ok = True
        for key, coef in c.terms:
            if key in where:
                i, j = where[key]
                col = columns.get((i, j))
                if col is None:
                    col = columns[(i, j)] = [0 if (v := o.values[j]) is None else v for o in rows[i].options]
                old = per_row.get(i)
                if old is None:  # (a row's contributions are only read: the column's own list serves)
                    per_row[i] = col if coef == 1 else [coef * x for x in col]
                elif coef == 1:  # (1 * x is x, exactly: the same sums)
                    per_row[i] = [a + x for a, x in zip(old, col)]
                else:
                    per_row[i] = [a + coef * x for a, x in zip(old, col)]
            elif key in known:
                const += coef * _num(known[key])
            else:
                ok = False
                break
        if ok and per_row:
            usable.append((c, const, list(per_row.items())))
    # node consistency: constraints on one row filter it alone
    alone: list[list[int]] = [list(range(len(r.options))) for r in rows]
    multi = []
    vacuous: list[set[int]] = [set() for _ in rows]  # options that hold a row's total only as given alone
    for c, const, parts in usable:
        if len(parts) == 1:
            i, contrib = parts[0]
            keep = [d for d in alone[i] if holds(c.kind, const + contrib[d])]
            if totals_alone and len(keep) < len(alone[i]) and (given := _total_alone(c, where, rows[i], const)):
                # (only where some reading breaks it: the test is made for the readings left out)
                held = set(keep)
                total_only = [d for d in alone[i] if d not in held and given(d)]
                vacuous[i].update(total_only)
                keep = sorted(keep + total_only)
            alone[i] = keep
        else:
            multi.append((c, const, parts))
    # (a row whose every reading with a figure gives its total alone: an empty reading, one that
    # takes its figure for a label's field, is no other way to read it)
    shown = any(vacuous[i] and vacuous[i].issuperset(d for d in a if any(v is not None for v in rows[i].options[d].values))
                for i, a in enumerate(alone))
    used = sorted({c.title for c, _, _ in usable})
    if any(not a for a in alone):
        return Outcome(_cautious(rows, scores, alone, multi, evidence, mine, signs, vacuous), "broken", used), vacuous, shown
    # options that weigh the same in every identity are interchangeable: search over classes
    classes: list[dict[tuple, list[int]]] = []
    of_row: list[list[list[float]]] = [[] for _ in rows]
    for _, _, parts in multi:
        for r, contrib in parts:
            of_row[r].append(contrib)
    for i in range(len(rows)):
        sig_parts = of_row[i]
        by_sig: dict[tuple, list[int]] = {}
        # an option's signature: its contribution to each identity (the parts, read across)
        sigs = list(zip(*sig_parts)) if sig_parts else None
        for d in alone[i]:
            by_sig.setdefault(sigs[d] if sigs is not None else (), []).append(d)
        classes.append(by_sig)
    reps = [[members[0] for members in cl.values()] for cl in classes]
    if math.prod(len(r) for r in reps) > PRUNE_ABOVE:  # a search this wide is worth narrowing first
        reps = _prune(reps, multi)
    if any(not r for r in reps):
        return Outcome(_cautious(rows, scores, alone, multi, evidence, mine, signs, vacuous), "broken", used), vacuous, shown
    supported, status = _supports(reps, multi, budget)
    if status != "solved":
        return Outcome(_cautious(rows, scores, alone, multi, evidence, mine, signs, vacuous), status, used), vacuous, shown
    keep = []
    for i, cl in enumerate(classes):
        keep.append(sorted(d for members in cl.values() if members[0] in supported[i] for d in members))
    return Outcome([_offered(_result(r, scores[i], keep[i])) if r.open else _result(r, scores[i], keep[i])
                    for i, r in enumerate(rows)], "solved", used), vacuous, shown


def _total_alone(c: Constraint, where: dict[tuple, tuple[int, int]], row: Uncertain, const: float):
    """For a row's own total (a check `total = Σ parts` whose every cell is on the row): a test
    of an option — does it give the total and leave every part empty? Such a row gives its total
    alone, not its parts (不分申请人, 11 under 总计 only): the check waits for them (pending), it
    is not broken (were the empty parts 0, it would be). None for any other constraint."""
    if c.kind != "eq" or const or not c.terms:
        return None
    tot = [where[k][1] for k, coef in c.terms if coef == 1 and k in where]
    parts = [where[k][1] for k, coef in c.terms if coef == -1 and k in where]
    if len(tot) != 1 or len(parts) + 1 != len(c.terms) or not parts:
        return None
    t, options = tot[0], row.options
    return lambda d: total_alone(options[d].values, t, parts)


def total_alone(values: tuple[Number | None, ...], total: int, parts) -> bool:
    """Does a reading give the total (at index `total`) and leave every one of its `parts` empty?"""
    return values[total] is not None and all(values[j] is None for j in parts)


def _offered(res: RowResult) -> RowResult:
    """The row's result with nothing filled: each value its readings agree on is a candidate."""
    for j, (v, _) in res.decided.items():
        res.candidates[j] = [(v, 1.0)]
    res.decided = {}
    res.offered = True
    return res


def _cautious(rows: list[Uncertain], scores: list[list[Score]], alone: list[list[int]], multi,
              evidence: set = frozenset(), hints: list = (), signs: str = "",
              vacuous: list[set[int]] = ()) -> list[RowResult]:
    """The answer when the identities cannot all hold (or the search gave up): some figure of the
    report breaks them, and which one is not known, so no identity is trusted blindly. A row keeps
    what its own identities decide only when each identity it takes part in is fully determined
    and holds; any other row is filled only where its text alone leaves one value (its plain
    splits agree), and its candidates are all its plain options, those that satisfy its own
    totals ranked first. A wrong split that happens to satisfy a broken row's total is never
    filled, nor a row whose only readings give its total alone (`vacuous`: they keep it only as
    pending)."""
    unique = [len(a) == 1 for a in alone]
    trusted = [bool(a) for a in alone]
    for c, const, parts in multi:
        idx = [i for i, _ in parts]
        if all(unique[i] for i in idx) and holds(c.kind, const + sum(contrib[alone[i][0]] for i, contrib in parts)):
            continue
        for i in idx:
            trusted[i] = False
    out = []
    for i, r in enumerate(rows):
        if r.open:
            out.append(_offered(_result(r, scores[i], alone[i])))
            continue
        if trusted[i]:
            out.append(_result(r, scores[i], alone[i]))
            continue
        plain = r.plain() if r.plain is not None else r.options
        fitting = {r.options[d].values for d in alone[i]}
        if plain is None:  # too many plain splits to list: nothing decided, the fitting ones as candidates
            res = _result(r, scores[i], alone[i] or list(range(len(r.options))))
            res.decided = {}
            out.append(res)
            continue
        mine = hints[i] if hints else ()
        sc = [score_option(o, r.kinds, r.columns, evidence, mine, o.values in fitting, signs) for o in plain]
        res = _result(r, sc, list(range(len(plain))), plain)
        # a row whose every reading breaks its own total: its figures are not all there (or not
        # all its own), so where its readings agree is no evidence — a total put last by a
        # placement, 0 of `49 0` under seven columns, is a prior; a glued run cut into the
        # template's columns holds a cell more or fewer (a column the template lacks, one the
        # report leaves out: `01000000` cut in seven is 0 10 0 0 0 0 0). Offered, never filled
        kept = set(alone[i]) - vacuous[i] if vacuous else alone[i]
        out.append(_offered(res) if (r.placed or r.method == "solved") and not kept else res)
    return out


def holds(kind: str, x: float) -> bool:
    """Does an identity of `kind` ("eq" or "le") hold when its sides differ by `x` (left − right)?"""
    return abs(x) < 1e-6 if kind == "eq" else x <= 1e-6


def _row_hints(hints, where, known, n: int) -> list[list[tuple[str, float, list[tuple[int, int]], str, bool, float]]]:
    """Per row, the hints it alone can break: every other cell of the hint is known and filled.
    Each as (kind, constant, [(column index, coefficient)], title, prior, factor): an option breaking one weighs less."""
    out: list[list[tuple[str, float, list[tuple[int, int]], str, bool, float]]] = [[] for _ in range(n)]
    for h in hints:
        row = None
        const = 0.0
        terms: list[tuple[int, int]] = []
        for key, coef in h.terms:
            at = where.get(key)
            if at is not None and (row is None or row == at[0]):
                row = at[0]
                terms.append((at[1], coef))
            elif at is None and known.get(key) is not None:
                const += coef * known[key]
            else:
                row = None
                break
        if row is not None and terms:
            out[row].append((h.kind, const, terms, h.title, h.prior, h.factor))
    return out


def _result(row: Uncertain, scores: list[Score], keep: list[int], source: list[Option] | None = None) -> RowResult:
    options = row.options if source is None else source
    decided: dict[int, tuple[Number | None, int]] = {}
    candidates: dict[int, list[tuple[Number | None, float]]] = {}
    if not keep:
        return RowResult(decided, candidates, keep, options, scores)
    ws = [scores[d].weight for d in keep]
    total = sum(ws) or 1.0
    for j, column in enumerate(zip(*[options[d].values for d in keep])):
        v0 = column[0]
        if column.count(v0) == len(column):  # one value in every option: decided
            decided[j] = (v0, keep[0])
            continue
        seen: dict[Number | None, float] = {}
        for v, w in zip(column, ws):
            seen[v] = seen.get(v, 0.0) + w
        ranked = sorted(seen.items(), key=_rank)
        candidates[j] = [(v, round(w / total, 3)) for v, w in ranked]
    return RowResult(decided, candidates, keep, options, scores)


def _rank(kv: tuple[Number | None, float]) -> tuple:
    return (-kv[1], kv[0] is None, kv[0] if kv[0] is not None else 0)


PRUNE_ABOVE = 100_000  # joint assignments above which the options are pruned before the search
PRUNE_WORK = 20_000  # sums formed while pruning one table; past it, pruning stops where it is


def _prune(domains: list[list[int]], constraints) -> list[list[int]]:
    """Drop the options that no solution can use, group by group, before the joint search.

    The equalities are split into groups that share no cell (in a requests table: the two
    identities of each column). Within a group each row's options reduce to their contributions
    to the group's identities, and which of them reach a solution of the group alone is exact and
    cheap: the sums reachable over the rows before (forward) and after (backward). An option that
    fails in any group fails in the whole table, so dropping it changes no answer; the joint
    search that follows then has far less to try. Repeated until nothing more drops."""
    eq = [(const, parts) for c, const, parts in constraints if c.kind == "eq"]
    if not eq or all(len(d) <= 1 for d in domains):
        return domains
    # any split into groups is sound (each group alone is a relaxation); identities that share a
    # cell go together, which keeps what ties them
    groups = [g for g in (_group_sigs([eq[ci] for ci in g], domains) for g in _groups(constraints))
              if g is not None and g[1]]
    doms = [list(d) for d in domains]
    todo = list(range(len(groups)))
    rounds = 0
    work = [PRUNE_WORK]
    while todo and rounds < 4 * len(groups) + 4:
        rounds += 1
        gi = todo.pop(0)
        start, rows = groups[gi]
        keep = _prune_group(start, rows, doms, work)
        if work[0] < 0:
            break
        if keep is None:
            continue
        for i, allowed in keep.items():
            if len(allowed) < len(doms[i]):
                doms[i] = allowed
                if not allowed:
                    return doms
                for gj, (_, other) in enumerate(groups):  # groups that see this row again
                    if gj != gi and gj not in todo and i in other:
                        todo.append(gj)
    return doms


_GROUPS: dict[tuple[Constraint, ...], list[list[int]]] = {}


def _groups(constraints) -> list[list[int]]:
    """The equalities (indices among them) in groups joined by a shared cell (once per set)."""
    eq = tuple(c for c, _, _ in constraints if c.kind == "eq")
    hit = _GROUPS.get(eq)
    if hit is None:
        if len(_GROUPS) > 256:
            _GROUPS.clear()
        hit = _GROUPS[eq] = _group(eq)
    return hit


def _group(eq: tuple[Constraint, ...]) -> list[list[int]]:
    parent = list(range(len(eq)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    owner: dict[tuple, int] = {}
    for ci, c in enumerate(eq):
        for key, _ in c.terms:
            other = owner.setdefault(key, ci)
            if other != ci:
                parent[find(ci)] = find(other)
    out: dict[int, list[int]] = {}
    for ci in range(len(eq)):
        out.setdefault(find(ci), []).append(ci)
    return list(out.values())


def _group_sigs(cons: list[tuple[float, list[tuple[int, list[float]]]]], domains: list[list[int]]
                ) -> tuple[int, dict[int, dict[int, int]]] | None:
    """A group's constant (with what the rows of one option give) and, per row of several
    options, each option's contributions to the group's identities; None when they are not whole
    numbers (amounts: the group is not pruned).

    Each vector of contributions (one per identity of the group) comes packed into one integer,
    its components as balanced digits of a base larger than twice any sum the pruning can form:
    packing is then one-to-one and adds as the vectors add, so the pruning's sums are integer
    additions rather than tuples built in Python (the same sets, the same answers)."""
    dim = len(cons)
    start = [0] * dim
    for ci, (const, _) in enumerate(cons):
        if const != int(const):
            return None
        start[ci] = int(const)
    terms: dict[int, list[tuple[int, list[float]]]] = {}
    for ci, (_, parts) in enumerate(cons):
        for i, c in parts:
            terms.setdefault(i, []).append((ci, c))
    rows: dict[int, dict[int, list[int]]] = {}
    for i, ts in terms.items():
        if len(domains[i]) == 1:  # fixed: part of the constant
            d = domains[i][0]
            for ci, c in ts:
                x = c[d]
                if x != int(x):
                    return None
                start[ci] += int(x)
            continue
        sigs: dict[int, list[int]] = {}
        for d in domains[i]:
            sig = [0] * dim
            for ci, c in ts:
                x = c[d]
                if x != int(x):
                    return None
                sig[ci] = int(x)
            sigs[d] = sig
        rows[i] = sigs
    # the largest size any component of a sum can reach: the constant and every row at its largest
    reach = [abs(x) for x in start]
    for sigs in rows.values():
        for ci in range(dim):
            reach[ci] += max((abs(sig[ci]) for sig in sigs.values()), default=0)
    base = 2 * max(reach, default=0) + 1
    weights = [base ** ci for ci in range(dim)]

    def pack(vec: list[int]) -> int:
        return sum(x * w for x, w in zip(vec, weights))

    return pack(start), {i: {d: pack(sig) for d, sig in sigs.items()} for i, sigs in rows.items()}


def _prune_group(start: int, rows: dict[int, dict[int, int]],
                 doms: list[list[int]], work: list[int]) -> dict[int, list[int]] | None:
    """For the rows in one group of identities, the options whose contributions reach a solution
    of the group alone; None when the sums to form pass what is left of `work` (spent there).
    Contributions and sums are packed vectors (_group_sigs): the group holds where a sum is 0."""
    base = start
    varying: list[tuple[int, dict[int, list[int]]]] = []
    for i, sigs in rows.items():
        by: dict[int, list[int]] = {}
        for d in doms[i]:
            by.setdefault(sigs[d], []).append(d)
        if len(by) == 1:  # one contribution whatever the option: a constant
            base += next(iter(by))
        else:
            varying.append((i, by))
    if not varying:
        return None if base == 0 else {i: [] for i in rows}
    # forward[k]: the sums reachable after varying[:k]; backward[k]: those of varying[k:]
    forward = [{base}]
    for _, by in varying:
        work[0] -= len(forward[-1]) * len(by)
        if work[0] < 0:
            return None
        forward.append({s + sig for s in forward[-1] for sig in by})
    backward = [{0}]
    for _, by in reversed(varying):
        work[0] -= len(backward[-1]) * len(by)
        if work[0] < 0:
            return None
        backward.append({s + sig for s in backward[-1] for sig in by})
    backward.reverse()
    keep: dict[int, list[int]] = {}
    for k, (i, by) in enumerate(varying):
        after = backward[k + 1]
        work[0] -= len(forward[k]) * len(by)
        if work[0] < 0:
            return None
        ok: list[int] = []
        for sig, members in by.items():
            if any(-(s + sig) in after for s in forward[k]):
                ok.extend(members)
        if not ok:
            return {i: [] for i in rows}
        keep[i] = sorted(ok)
    return keep


def _span(contrib: list[float], domain: list[int]) -> tuple[float, float]:
    """The least and greatest of a row's contributions over its domain."""
    if len(domain) == 1:
        v = contrib[domain[0]]
        return v, v
    vals = [contrib[d] for d in domain]
    return min(vals), max(vals)


def _supports(domains: list[list[int]], constraints, budget: int) -> tuple[list[set[int]], str]:
    """For each row, the options that belong to at least one joint solution; "broken" when none
    exists, "capped" when the search passed its budget."""
    n = len(domains)
    if all(len(d) == 1 for d in domains):  # one option a row: it is the solution, or there is none
        if all(holds(c.kind, const + sum(contrib[domains[i][0]] for i, contrib in parts))
               for c, const, parts in constraints):
            return [set(d) for d in domains], "solved"
        return [set() for _ in domains], "broken"
    degree = [0] * n
    for _, _, parts in constraints:
        for i, _ in parts:
            degree[i] += 1
    # few options first, then the rows that take part in the most identities (the totals)
    order = sorted(range(n), key=lambda i: (len(domains[i]) > 1, -degree[i], len(domains[i])))
    pos = {v: k for k, v in enumerate(order)}
    # per constraint: its rows in search order, and which constraints each row takes part in
    cons = []
    of_row: list[list[int]] = [[] for _ in range(n)]
    for ci, (c, const, parts) in enumerate(constraints):
        parts = sorted(parts, key=lambda p: pos[p[0]])
        cons.append((c.kind, const, parts))
        for i, _ in parts:
            of_row[i].append(ci)
    spent = 0
    supported: list[set[int]] = [set() for _ in range(n)]

    # each row's least and greatest contribution to each identity over its whole domain, once
    span_of = [{i: _span(c, domains[i]) for i, c in parts} for _, _, parts in cons]

    # suffix bounds per constraint over the whole domains: the least and greatest contribution of
    # the rows from search position k on, once; a search that fixes one row shifts them
    base_bounds = []
    for ci, (kind, const, parts) in enumerate(cons):
        lo = [0.0] * (n + 1)
        hi = [0.0] * (n + 1)
        at = {pos[i]: i for i, _ in parts}
        for k in range(n - 1, -1, -1):
            i = at.get(k)
            if i is None:
                lo[k], hi[k] = lo[k + 1], hi[k + 1]
            else:
                a, b = span_of[ci][i]
                lo[k], hi[k] = lo[k + 1] + a, hi[k + 1] + b
        base_bounds.append((lo, hi))
    contrib_of = [{i: contrib for i, contrib in parts} for _, _, parts in cons]

    def checks_of(bounds, rows) -> list:
        # per row: (identity, its contributions, the bounds of the rows after it, equality?)
        return [[(ci, contrib_of[ci][i], bounds[ci][0][pos[i] + 1], bounds[ci][1][pos[i] + 1],
                  cons[ci][0] == "eq") for ci in of_row[i]] for i in rows]

    base_checks = checks_of(base_bounds, range(n))
    # the rows of one option come first in the search order: every search passes through them the
    # same way, so they are walked in a plain loop (the same sums and tests as a level of `rec`)
    nf = 0
    while nf < n and len(domains[order[nf]]) == 1:
        nf += 1
    head = order[:nf]
    # the walk through them, once: the sums after them, and per identity the tests it meets on
    # the way as (step, sum so far, bounds after the row, equality?) — a search walks them again
    # only where a fixed row's narrower bounds could make one fail (see `search`)
    head_partial = [const for _, const, _ in cons]
    head_tests: list[list[tuple[int, float, float, float, bool]]] = [[] for _ in cons]
    head_choice = [0] * n
    for h, i in enumerate(head):
        d = domains[i][0]
        mine = base_checks[i]
        for ci, contrib, lo, hi, eq in mine:
            head_tests[ci].append((h, head_partial[ci] + contrib[d], lo, hi, eq))
        for ci, contrib, _, _, _ in mine:
            head_partial[ci] += contrib[d]
        head_choice[i] = d

    def search(doms: list[list[int]], fixed: int | None = None) -> list[int] | None | bool:
        """A joint solution (option per row), None when there is none, False past the budget.
        `fixed`: the one row whose domain `doms` narrows to a single option."""
        nonlocal spent
        bounds = base_bounds
        checks = base_checks
        shift: dict[int, tuple[float, float]] = {}
        if fixed is not None:  # the fixed row's identities have narrower bounds before it
            bounds = list(base_bounds)
            d = doms[fixed][0]
            k0 = pos[fixed]
            touched: set[int] = set()
            for ci in of_row[fixed]:
                a, b = span_of[ci][fixed]
                v = contrib_of[ci][fixed][d]
                lo, hi = bounds[ci]
                lo, hi = lo[:], hi[:]
                for k in range(k0 + 1):
                    lo[k] += v - a
                    hi[k] += v - b
                bounds[ci] = (lo, hi)
                shift[ci] = (v - a, v - b)  # what the rows of one option (before it) see
                touched.update(i for i in contrib_of[ci] if nf <= pos[i] < k0)
            checks = list(base_checks)
            for i, row_checks in zip(touched, checks_of(bounds, touched)):
                checks[i] = row_checks
        for ci, (kind, const, _) in enumerate(cons):  # can each identity still hold at all?
            lo, hi = bounds[ci]
            if const + lo[0] > 1e-6 or (kind == "eq" and const + hi[0] < -1e-6):
                return None

        if spent + nf <= budget:
            # the rows of one option: their tests as the walk met them (`head_tests`). The first
            # search meets every one; a search with a fixed row passes the same sums, so only the
            # tests of its identities, whose bounds it narrows, can fail where they did not
            fail = nf
            for ci in (shift if fixed is not None else range(len(cons))):
                narrowed = shift.get(ci)
                for h, p, lo, hi, eq in head_tests[ci]:
                    if h >= fail:
                        break
                    if narrowed is not None:
                        lo, hi = lo + narrowed[0], hi + narrowed[1]
                    if p + lo > 1e-6 or (eq and p + hi < -1e-6):
                        fail = h
                        break
            if fail < nf:
                spent += fail + 1  # as the walk would have counted up to the failing row
                return None
            spent += nf
            partial = head_partial[:]
            choice = head_choice[:]
            head_rows: list[int] = []
        else:  # the budget runs out among them: walked one by one, to count as ever
            partial = [const for _, const, _ in cons]
            choice = [0] * n
            head_rows = head

        for i in head_rows:
            d = domains[i][0]
            spent += 1
            if spent > budget:
                return False
            mine = base_checks[i]
            for ci, contrib, lo, hi, eq in mine:
                p = partial[ci] + contrib[d]
                if ci in shift:
                    s_lo, s_hi = shift[ci]
                    lo, hi = lo + s_lo, hi + s_hi
                if p + lo > 1e-6 or (eq and p + hi < -1e-6):
                    return None
            for ci, contrib, _, _, _ in mine:
                partial[ci] += contrib[d]
            choice[i] = d

        def rec(k: int):
            nonlocal spent
            if k == n:
                return True
            i = order[k]
            mine = checks[i]
            for d in doms[i]:
                spent += 1
                if spent > budget:
                    return False
                ok = True
                for ci, contrib, lo, hi, eq in mine:
                    p = partial[ci] + contrib[d]
                    if p + lo > 1e-6 or (eq and p + hi < -1e-6):
                        ok = False
                        break
                if not ok:
                    continue
                for ci, contrib, _, _, _ in mine:
                    partial[ci] += contrib[d]
                choice[i] = d
                r = rec(k + 1)
                for ci, contrib, _, _, _ in mine:
                    partial[ci] -= contrib[d]
                if r is True or r is False:
                    return r
            return None

        try:
            r = rec(nf)
        finally:
            rec = None  # noqa: F841 - break the closure's cycle (workers run without the cyclic GC)
        if r is True:
            return list(choice)
        return r

    first = search(domains)
    if first is False:
        return supported, "capped"
    if first is None:
        return supported, "broken"
    for i, d in enumerate(first):
        supported[i].add(d)
    for i in range(n):
        for d in domains[i]:
            if d in supported[i]:
                continue
            doms = list(domains)
            doms[i] = [d]
            sol = search(doms, i)
            if sol is False:
                return supported, "capped"
            if sol is not None:
                for k, dd in enumerate(sol):
                    supported[k].add(dd)
    return supported, "solved"
