"""Reports across years: one agency's reports linked by its name, and the carry-over identity checked
between consecutive years.

The 2019 and 2021 formats tie a report to the one before: this year's 二、上年结转政府信息公开申请数量
equals last year's 四、结转下年度继续办理, applicant column by applicant column. Reports are linked
when their agency names are the same once normalised (`agency_key`: full-width forms, whitespace,
brackets and punctuation do not count); names that differ only by a trailing 人民政府 / 政府 / 办公室 /
管委会 / 管理委员会 are offered as possibly the same agency (`variants`), never linked without the analyst.
A year missing between two reports is said, not taken for a break; two reports of one agency for one
year are said too, and neither is checked against its neighbours.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .annotations import ERROR
from .model import _by_fields

_DROP = re.compile(r"[\s()（）\[\]【】〔〕<>《》{}「」『』\"'“”‘’·・,，.。、:：;；_\-—]+")
_SUFFIX = re.compile(r"(?:人民政府|政府)?(?:办公室|办公厅|管委会|管理委员会)?$")


def agency_key(name: str | None) -> str:
    """The agency's name as it links reports: NFKC, no whitespace, brackets or punctuation."""
    if not name:
        return ""
    return _DROP.sub("", unicodedata.normalize("NFKC", name))


def variant_base(key: str) -> str:
    """The name without a trailing 人民政府 / 政府 / 办公室 / 办公厅 / 管委会 / 管理委员会 (for
    suggestions only): 平潭综合实验区, 平潭综合实验区政府 and 平潭综合实验区管委会 share one."""
    base = _SUFFIX.sub("", key, count=1)
    return base if len(base) >= 2 else key


def variants(names) -> list[list[str]]:
    """Groups of two or more distinct agency names that may be one agency (same `variant_base`),
    each sorted; never linked without the analyst."""
    by: dict[str, set[str]] = {}
    for name in names:
        if name:
            by.setdefault(variant_base(agency_key(name)), set()).add(name)
    return sorted(sorted(g) for g in by.values() if len({agency_key(n) for n in g}) > 1)


@dataclass(frozen=True, slots=True)
class Carry:
    """What one report brings to the checks across years."""

    source: str
    agency: str  # as the analyst left it
    year: int | None
    carried_in: tuple[tuple[tuple[str, ...], float | int | None], ...]  # (column, value): 二、上年结转
    carried_out: tuple[tuple[tuple[str, ...], float | int | None], ...]  # (column, value): 四、结转下年度
    rule: tuple = ()  # (table, row carried in, row carried out): the template's carry-over (Template.carry_over)

    def __reduce__(self):
        return _by_fields(self)  # core/cache.py

    @property
    def key(self) -> str:
        return agency_key(self.agency)


def carry_cells(ex, review=None) -> Carry | None:
    """The report's carry-over rows (the analyst's values when a review is given), or None when
    its format has none (the template's `[[across_years]]` entry marked `carry_over`)."""
    from .templates import load_template

    template = load_template(ex.template)
    rule = template.carry_over
    if rule is None:
        return None
    table, carried_in, carried_out = rule
    columns = template.table(table).blocks[0].columns
    cells = review.current_cells() if review is not None else {c.key: c for c in ex.cells}

    def row(r):
        return tuple((col, (c.value if (c := cells.get((table, r, col))) is not None else None)) for col in columns)

    agency = review.agency if review is not None else ex.agency
    year = review.year if review is not None else ex.year
    return Carry(ex.source, agency or "", year, row(carried_in), row(carried_out), rule)


@dataclass(frozen=True, slots=True)
class YearCheck:
    """A carry-over between two reports of one agency, as each of them sees it."""

    source: str  # the report this line is about
    other: str  # the other report
    id: str
    ok: bool
    message: str
    cells: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]  # the cells of `source` it covers


def year_notes(agency: str, reports: list[tuple[int, str]]) -> list[str]:
    """What one agency's reports, (year, file) sorted by year, leave to say: a year missing between
    two of them, or two reports for one year."""
    notes = []
    years = [y for y, _ in reports]
    for a, b in zip(years, years[1:]):
        if a == b:
            same = [src for y, src in reports if y == a]
            count = {2: "two", 3: "three", 4: "four"}.get(len(same), str(len(same)))
            notes.append(f"{agency}: {count} reports for {a} ({', '.join(same)}); "
                         "the carry-over is not checked for that year")
        elif b - a > 1:
            gap = f"{a + 1}" if b - a == 2 else f"{a + 1}–{b - 1}"
            notes.append(f"{agency}: no report for {gap} in the folder; the carry-over from {a} to {b} "
                         "is not checked (a missing year is not a break)")
    return list(dict.fromkeys(notes))


def link(carries: list[Carry]) -> tuple[dict[str, list[Carry]], list[str]]:
    """Reports by agency (by year within), and what was said: years missing, years twice."""
    by: dict[str, list[Carry]] = {}
    for c in carries:
        if c.key and c.year is not None:
            by.setdefault(c.key, []).append(c)
    notes = []
    for cs in by.values():
        cs.sort(key=lambda c: (c.year, c.source))
        notes += year_notes(cs[0].agency, [(c.year, c.source) for c in cs])  # type: ignore[misc]
    return by, notes


def checks_between(prev: Carry, this: Carry) -> list[YearCheck]:
    """The carry-over from `prev` (one year before) to `this`, column by column, said in both."""
    out: list[YearCheck] = []
    given = dict(prev.carried_out)
    for col, now in this.carried_in:
        before = given.get(col)
        if now is None or before is None:
            continue  # unknown, not failing
        name = " / ".join(col)
        ok = now == before
        cid = f"years.carry_over[{name}]"
        said = (f"{this.year} 二、上年结转 {now} {'=' if ok else '≠'} {prev.year} 四、结转下年度继续办理 {before} "
                f"[{name}]")
        out.append(YearCheck(this.source, prev.source, cid, ok, f"{said} (the {prev.year} report: {prev.source})",
                             ((this.rule[0], this.rule[1], col),)))
        out.append(YearCheck(prev.source, this.source, cid, ok, f"{said} (the {this.year} report: {this.source})",
                             ((prev.rule[0], prev.rule[2], col),)))
    return out


def year_checks(carries: list[Carry]) -> tuple[list[YearCheck], list[str]]:
    """Every carry-over between consecutive years of each agency, and what was said."""
    by, notes = link(carries)
    for group in variants(c.agency for c in carries):
        notes.append(f"possibly one agency: {' / '.join(group)} (names that differ only by 人民政府, 政府, 办公室 or "
                     "管委会); correct the agency of their reports to link them")
    out: list[YearCheck] = []
    for cs in by.values():
        for prev, this in zip(cs, cs[1:]):
            if this.year == prev.year + 1 and sum(1 for c in cs if c.year in (prev.year, this.year)) == 2:  # type: ignore[operator]
                out.extend(checks_between(prev, this))
    return out, notes


def neighbours(this: Carry, carries: list[Carry]) -> list[YearCheck]:
    """The checks across years of one report (the app's Checks tab): with the year before and after."""
    same = [c for c in carries if c.key == this.key and c.source != this.source and c.year is not None]
    out: list[YearCheck] = []
    if this.year is None or not this.key:
        return out
    for c in same:
        if sum(1 for d in same if d.year == c.year) > 1:
            continue
        if c.year == this.year - 1:
            out.extend(y for y in checks_between(c, this) if y.source == this.source)
        elif c.year == this.year + 1:
            out.extend(y for y in checks_between(this, c) if y.source == this.source)
    return out


def cross_year_checks(carries: list) -> tuple[list[dict], list[str]]:
    """The failing carry-overs as rows of the export's checks sheet (each named in both reports),
    and what was said (years missing or twice)."""
    from .model import cell_column

    carries = [c for c in carries if c is not None]
    who = {c.source: (c.agency, c.year) for c in carries}
    checks, notes = year_checks(carries)
    return [{"source": y.source, "agency": who[y.source][0], "year": who[y.source][1], "check": y.id,
             "state": "fails", "message": y.message,
             "cells": "; ".join(cell_column(*k) for k in y.cells), "waiting": "", "other_report": y.other}
            for y in checks if not y.ok], notes


@dataclass(frozen=True, slots=True)
class AgencyYear:
    """One report in an agency's row of years (the app's agency view)."""

    year: int
    source: str
    figures: tuple[tuple[str, float | int | None], ...]  # the template's [summary] figures
    carry_breaks: tuple[str, ...]  # the checks across years that fail with the year before or after
    breaks_before: bool = False  # its 上年结转 disagrees with the year before
    breaks_after: bool = False  # its 结转下年度 disagrees with the year after


def agency_years(summaries, key: str) -> tuple[str, list[AgencyYear], list[str]]:
    """The agency's name, its reports by year (core/queue.Summary), and what was said (years
    missing or twice)."""
    mine = [s for s in summaries if s is not None and s.status != ERROR and s.year is not None
            and agency_key(s.agency) == key]
    mine.sort(key=lambda s: (s.year, s.path))
    carries = [s.carry for s in summaries if s is not None and s.carry is not None]
    out = []
    year_of = {c.source: c.year for c in carries}
    for s in mine:
        failing = [y for y in neighbours(s.carry, carries) if not y.ok] if s.carry is not None else []
        out.append(AgencyYear(s.year, s.path, tuple(s.figures), tuple(dict.fromkeys(y.id for y in failing)),
                              any(year_of.get(y.other) == s.year - 1 for y in failing),
                              any(year_of.get(y.other) == s.year + 1 for y in failing)))
    notes = year_notes(mine[0].agency, [(s.year, s.path) for s in mine]) if mine else []
    base = variant_base(key)
    alike: dict[str, int] = {}
    for s in summaries:
        if s is not None and s.agency and agency_key(s.agency) != key and variant_base(agency_key(s.agency)) == base:
            alike[s.agency] = alike.get(s.agency, 0) + 1
    for name, n in sorted(alike.items()):
        notes.append(f"also in the folder: {name} ({n} report(s)); if it is the same agency, correct the agency "
                     "of those reports (the report's metadata) to link them here")
    return (mine[0].agency if mine else key), out, notes
