"""Figures recognised in a picture (OCR) are never trusted alone.

A table read from a recognised page (Document.ocr_pages) keeps a figure only where the template's
identities confirm it: every identity the cell takes part in that can be evaluated holds, at least
one can, and that one could not also hold if the engine had confused one digit for another
throughout (0/6/8, 1/7, 5/6, 3/8: a blurred 8 read as 6 in a row's figures and in its total alike).
A figure the identities only hold for when they hold for its confusable twins too tells nothing.

Every other figure of such a table is left blank, with candidates: the reading, and the readings
its confusable characters allow, ranked by what the identities say (a reading that makes a failing
identity hold comes first and `enter` takes it; the engine's reading alone never goes in on
`enter`). A cell the engine saw nothing in is unknown, not empty: when one identity leaves it one
value, that value is its candidate.

Kept figures carry method "ocr"; the offers, with why, are in Extraction.offers for the app.
"""

from __future__ import annotations

from dataclasses import replace

from .document import Document
from .model import Cell, CellKey, Offers
from .tables.align import _constraints
from .values import Number

CONFUSABLE = {"0": "68", "6": "085", "8": "063", "1": "7", "7": "1", "5": "6", "3": "8"}
LETTERS = {"o": "0", "O": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "B": "8", "Z": "2", "g": "9"}
CONFIRMED = 0.9  # the confidence of a recognised figure the identities confirm
MAX_VARIANTS = 24  # readings offered for one figure

# weights of the offers (shares are these over their sum)
FIXES = 20.0  # a reading that makes every failing identity of the cell hold
READ = 4.0  # the engine's reading
TWIN = 0.5  # a confusable reading with nothing for it


def _is_ocr(doc: Document, c: Cell) -> bool:
    return doc.is_recognised(c.start)


def variants(raw: str, value: Number | None) -> list[Number]:
    """Other readings of a recognised figure: each one confusable character changed (a letter the
    engine put for a digit read as that digit), best guesses first."""
    text = "".join(LETTERS.get(ch, ch) for ch in raw.strip())
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    out: list[Number] = []
    if digits and digits.replace(".", "").isdigit() and digits.count(".") <= 1:
        base = _num(digits)
        if base is not None and base != value:
            out.append(base)
    for i, ch in enumerate(digits):
        for alt in CONFUSABLE.get(ch, ""):
            v = _num(digits[:i] + alt + digits[i + 1:])
            if v is not None and v != value and v not in out:
                out.append(v)
    return out[:MAX_VARIANTS]


def _num(s: str) -> Number | None:
    if not s or s.startswith(".") or s.endswith("."):
        return None
    if len(s) > 1 and s[0] == "0" and "." not in s[:2]:
        return None  # "08": not a figure
    try:
        return float(s) if "." in s else int(s)
    except ValueError:
        return None


def _swap(raw: str, a: str, b: str) -> Number | None:
    digits = "".join(ch for ch in raw if ch.isdigit() or ch == ".")
    return _num(digits.replace(a, b)) if a in digits else None


def confirm(doc: Document, template_id: str, found: dict[CellKey, Cell],
            keys: dict[str, tuple[CellKey, ...]]) -> tuple[dict[CellKey, Cell], list[str], dict[CellKey, Offers]]:
    """The cells of the tables read from recognised pages, checked as the module says: the cells
    (kept, or blank with candidates), warnings, and the offers per blank cell."""
    if not doc.recognised:
        return found, [], {}
    tables = {k[0] for k, c in found.items() if _is_ocr(doc, c)}
    if not tables:
        return found, [], {}
    out = dict(found)
    warnings: list[str] = []
    offers: dict[CellKey, Offers] = {}
    # the tables' identities as the solver has them (Σ coef · cell = 0), hints left out
    eqs = [c.terms for t in sorted(tables) for c in _constraints(template_id, t)[0] if c.kind == "eq" and not c.prior]
    read: dict[CellKey, Cell] = {}  # recognised figures
    value: dict[CellKey, Number | None] = {}  # what each cell of the identities is taken to be (None: unknown)
    for table in tables:
        for k in keys.get(table, ()):
            c = found.get(k)
            if c is not None and c.value is not None and _is_ocr(doc, c):
                read[k] = c
                value[k] = c.value
            elif c is not None and c.value is not None:
                value[k] = c.value  # from text: trusted as any text is
            else:
                value[k] = None  # the engine saw nothing there: unknown, not empty
    for eq in eqs:
        for k, _ in eq:
            if k not in value:
                c = found.get(k)
                value[k] = c.value if c is not None else None

    def total(eq, vals) -> Number | None:
        s = 0
        for k, coef in eq:
            v = vals.get(k, value[k])
            if v is None:
                return None
            s += coef * v
        return s

    holds: list[bool | None] = [None if (t := total(eq, {})) is None else abs(t) < 1e-6 for eq in eqs]
    confirming: set[int] = set()
    for n, eq in enumerate(eqs):
        if not holds[n]:
            continue
        mine = [k for k, _ in eq if k in read]
        if not mine:
            continue
        if not _twins_hold(eq, mine, read, total):
            confirming.add(n)
    of_cell: dict[CellKey, list[int]] = {}
    for n, eq in enumerate(eqs):
        for k, _ in eq:
            of_cell.setdefault(k, []).append(n)
    kept = blank = 0
    rows: list[str] = []
    for k, c in read.items():
        mine = of_cell.get(k, [])
        if any(n in confirming for n in mine) and not any(holds[n] is False for n in mine):
            out[k] = replace(c, method="ocr", confidence=CONFIRMED)
            kept += 1
    # the confusable readings of each unconfirmed figure that make its failing identities hold
    # (and keep its holding ones): where two figures of one failing identity each have one, the
    # identity cannot say which was misread, and neither goes in on `enter`
    fixes_of: dict[CellKey, list[Number]] = {}
    for k, r in read.items():
        if out[k].method == "ocr":
            continue
        mine = of_cell.get(k, [])
        failing = [n for n in mine if holds[n] is False]
        if failing:
            fixes_of[k] = [v for v in variants(r.raw, r.value)
                           if all(abs(total(eqs[n], {k: v}) or 0) < 1e-6 for n in failing)
                           and not any(holds[n] and abs(total(eqs[n], {k: v}) or 0) >= 1e-6 for n in mine)]
    contested = {n for n, eq in enumerate(eqs) if holds[n] is False
                 and sum(1 for kk, _ in eq if fixes_of.get(kk)) > 1}
    # every other cell of these tables: blank, with what the identities, the reading and its
    # confusable twins offer
    for table in sorted(tables):
        for k in keys.get(table, ()):
            c = out.get(k)
            if c is not None and c.value is not None and (k not in read or c.method == "ocr"):
                continue  # confirmed, or from text
            choices: list[tuple[Number | None, float, str]] = []
            decided = False
            derived, sure = _derived(k, of_cell.get(k, []), eqs, out, value, read)
            r = read.get(k)
            if r is not None:
                failing = [n for n in of_cell.get(k, []) if holds[n] is False]
                twins = variants(r.raw, r.value)
                fixes = fixes_of.get(k, [])
                if derived is not None and derived != r.value and sure:  # the other figures are sure
                    choices.append((derived, FIXES, "the identities leave this value"))
                    decided = True
                for v in fixes:
                    choices.append((v, FIXES, "a confusable reading that makes the identities hold"))
                decided = decided or (len(fixes) == 1 and (derived is None or derived == fixes[0])
                                      and not any(n in contested for n in failing))
                choices.append((r.value, READ if not failing else READ / 4,
                                "the picture's reading" + ("; the identities fail with it" if failing else
                                                           ", not confirmed by the identities")))
                choices += [(v, TWIN, "a confusable reading") for v in twins if v not in fixes]
                blank += 1
                rows.append(" / ".join(k[1]) or k[0])
            elif derived is not None:
                choices.append((derived, FIXES, "nothing recognised here; the identities leave this value"
                                + ("" if sure else " if the other recognised figures are right")))
                decided = sure
            elif c is None:
                continue  # its row was not recognised at all (not in this picture?): said as not found
            else:
                choices.append((0, TWIN, "a prior: where nothing was recognised in a row, the figure is most often 0"))
            offer = _offers(choices, decided)
            offers[k] = offer
            base = c if c is not None else Cell(k[0], k[1], k[2], None)
            out[k] = replace(base, value=None, confidence=0.0, method="ocr",
                             candidates=tuple((v, sh) for v, sh, _ in offer.choices),
                             reason=None if r is not None or derived is not None else
                             "nothing recognised here in the picture; the identities do not pin it down")
    what = ", ".join(sorted(tables))
    warnings.append(f"{what}: figures recognised in a picture (OCR): {kept} confirmed by the identities, "
                    f"{blank} left blank with their readings as candidates"
                    + (f" (rows: {'; '.join(dict.fromkeys(rows))[:200]})" if rows else ""))
    return out, warnings, offers


def _derived(k: CellKey, mine: list[int], eqs, out: dict[CellKey, Cell], value: dict, read: dict
             ) -> tuple[int | None, bool]:
    """The value an identity leaves a cell, from the other cells of it (whole, not negative), and
    whether each of those is sure (from text, or confirmed) rather than only recognised."""
    found: tuple[int, bool] | None = None
    for n in mine:
        eq = eqs[n]
        s = 0
        sure = True
        for kk, coef in eq:
            if kk == k:
                continue
            c = out.get(kk)
            if c is not None and c.value is not None and (kk not in read or c.method == "ocr"):
                s += coef * c.value  # from text, or confirmed
            elif value.get(kk) is not None:
                s += coef * value[kk]
                sure = False
            else:
                break
        else:
            v = -s / dict(eq)[k]
            if v >= 0 and float(v).is_integer() and (found is None or (sure and not found[1])):
                found = (int(v), sure)
                if sure:
                    break
    return (found[0], found[1]) if found else (None, False)


def _twins_hold(eq, mine: list[CellKey], read: dict[CellKey, Cell], total) -> bool:
    """Whether the identity would hold as well had the engine confused one digit for another in
    every recognised figure of it (then its holding confirms none of them)."""
    for a, bs in CONFUSABLE.items():
        for b in bs:
            changed = {}
            for k in mine:
                v = _swap(read[k].raw, a, b)
                if v is not None and v != read[k].value:
                    changed[k] = v
            if changed:
                t = total(eq, changed)
                if t is not None and abs(t) < 1e-6:
                    return True
    return False


def _offers(choices: list[tuple[Number | None, float, str]], decided: bool) -> Offers:
    seen: dict = {}
    for v, w, why in choices:
        if v in seen:
            continue
        seen[v] = (w, why)
    s = sum(w for w, _ in seen.values()) or 1.0
    ranked = sorted(seen.items(), key=lambda kv: -kv[1][0])
    return Offers(tuple((v, round(w / s, 3), why) for v, (w, why) in ranked), decided)

