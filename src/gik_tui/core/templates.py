"""The report formats, loaded from TOML files: the package's `templates/` and any folder named by
GIK_TUI_TEMPLATES (the formats are data; adding one is adding a file).

A template has its years and markers (which choose it for a report), sections (name + aliases),
tables (blocks of value rows × columns, with the kind of value in each cell, and the section each
belongs to), checks (identities between cells), hints (relations that hold in almost every report,
used only to rank the candidates of a cell the identities leave open) and the cell the queue
summarises. `extends` takes another template's sections, tables and checks: `gik-2021.toml`
extends `gik-2019.toml`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .model import LabelPath




class TemplateError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class SectionSpec:
    name: str
    aliases: tuple[str, ...]
    # heading words that name the section whatever follows them (存在的主要问题 + 及明年工作计划,
    # 及下一步工作打算, 及改进措施 …): the heading's first words are compared, not the whole heading
    prefixes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BlockSpec:
    label: str | None  # the caption of the block (第二十条第（一）项), None when the table has one block
    rows: tuple[LabelPath, ...]  # value rows, full paths including the block label
    columns: tuple[LabelPath, ...]
    column_kinds: dict[str, str]


@dataclass(frozen=True, slots=True)
class TableSpec:
    id: str
    title: str
    kind: str
    blocks: tuple[BlockSpec, ...]
    headers: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]]
    total_column: LabelPath | None = None
    first_part_column: LabelPath | None = None
    unit_column: bool = False
    units: dict[str, str] = field(default_factory=dict)
    row_kinds: dict[str, str] = field(default_factory=dict)
    prose: dict[str, tuple[str, ...]] = field(default_factory=dict)
    section: str = ""  # the template section the table belongs to (its title when not given)

    def cell_kind(self, block: BlockSpec, row: LabelPath, column: LabelPath) -> str:
        if row and row[-1] in self.row_kinds:
            return self.row_kinds[row[-1]]
        return block.column_kinds.get(column[-1], self.kind) if column else self.kind

    def unit_of(self, row: LabelPath) -> str | None:
        if not self.units:
            return None
        return self.units.get(row[-1] if row else "", self.units.get("default"))

    @property
    def cells(self) -> list[tuple[LabelPath, LabelPath]]:
        return [(r, c) for b in self.blocks for r in b.rows for c in b.columns]

    @property
    def headed_blocks(self) -> bool:
        """Blocks with columns of their own (主动公开: 第二十条第（一）项 … each with its header row):
        the table is drawn block by block, each with its caption and header."""
        return len(self.blocks) > 1 and len({b.columns for b in self.blocks}) > 1

    @property
    def unlabelled(self) -> bool:
        """One row without a label (行政复议、行政诉讼): its header rows may look like row labels."""
        return len(self.blocks) == 1 and self.blocks[0].rows == ((),)

    def block_of(self, row: LabelPath) -> BlockSpec:
        for b in self.blocks:
            if row in b.rows:
                return b
        raise KeyError(row)

    def nodes(self) -> list[tuple[LabelPath, bool]]:
        """Every row node (groups and value rows) in document order, with whether it has values."""
        valued = {r for b in self.blocks for r in b.rows}
        out: list[LabelPath] = []
        seen: set[LabelPath] = set()
        for b in self.blocks:
            for r in b.rows:
                for i in range(1, len(r) + 1):
                    if r[:i] not in seen:
                        seen.add(r[:i])
                        out.append(r[:i])
        return [(p, p in valued) for p in out]

    def groups(self) -> set[LabelPath]:
        """Row paths that group other rows (they may or may not carry a value)."""
        out: set[LabelPath] = set()
        for b in self.blocks:
            for r in b.rows:
                for i in range(1, len(r)):
                    out.add(r[:i])
        return out


@dataclass(frozen=True, slots=True)
class CheckSpec:
    id: str
    table: str
    title: str
    per: str  # "column" | "row"
    kind: str  # "eq" | "le"
    lhs: tuple[LabelPath, ...]
    rhs: tuple[LabelPath, ...]
    rhs_parts_of: LabelPath | None
    prior: bool = False  # a hint most reports keep, not almost all: it ranks as a prior, never as evidence
    factor: float = 0.2  # a hint: how much less likely an option breaking it is (solve.score_option)
    carry_over: bool = False  # across years: the carry-over the queue, `check` and export check (core/years.py)


@dataclass(frozen=True, slots=True)
class Template:
    id: str
    title: str
    years: tuple[int, int | None]  # the report years it is for: first, last (None: onward)
    markers: tuple[str, ...]  # labels only this format has: they choose it over the year
    section_threshold: float
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    checks: tuple[CheckSpec, ...]
    hints: tuple[CheckSpec, ...] = ()
    # formats of one family share their tables' shape; a report showing the family's labels but
    # none of one format's own markers takes the family's format for its year
    family: str | None = None
    family_markers: tuple[str, ...] = ()
    requests_cell: tuple[str, LabelPath, LabelPath] | None = None  # requests received that year (queue, overview)
    figures: tuple[tuple[str, tuple[str, LabelPath, LabelPath]], ...] = ()  # (label, cell): the agency view's rows
    # this year's cell = the sum of cells of the agency's report of the year before (evidence for
    # candidates when the folder holds that report): CheckSpec with lhs = this year, rhs = the year before
    across_years: tuple[CheckSpec, ...] = ()

    @property
    def carry_over(self) -> tuple[str, LabelPath, LabelPath] | None:
        """(table, the row carried in from last year, the row carried into next year), from the
        `[[across_years]]` entry marked `carry_over = true`; None when the format has none."""
        for a in self.across_years:
            if a.carry_over and len(a.lhs) == 1 and len(a.rhs) == 1:
                return a.table, a.lhs[0], a.rhs[0]
        return None

    def table(self, table_id: str) -> TableSpec:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise KeyError(table_id)

    @property
    def section_names(self) -> list[str]:
        return [s.name for s in self.sections]


TEMPLATES_ENV = "GIK_TUI_TEMPLATES"  # more folders of template TOML files (os.pathsep between)


def template_ids() -> tuple[str, ...]:
    """The formats gik-tui knows: the TOML files in the package's templates folder and in the
    folders GIK_TUI_TEMPLATES names. Adding a format is adding a file."""
    return _ids(os.environ.get(TEMPLATES_ENV, ""))


@cache
def _ids(extra: str) -> tuple[str, ...]:
    return tuple(sorted(_files(extra)))


@cache
def _files(extra: str) -> dict[str, object]:
    """Template id → its file (a package resource or a path); the package's win a clash."""
    out: dict[str, object] = {}
    for folder in reversed([f for f in extra.split(os.pathsep) if f]):
        try:
            for name in sorted(os.listdir(folder)):
                if name.endswith(".toml"):
                    out[name[:-5]] = Path(folder) / name
        except OSError:
            continue
    package = resources.files(__package__).joinpath("templates")
    for e in package.iterdir():
        if e.name.endswith(".toml"):
            out[e.name[:-5]] = e
    return out


def _raw(template_id: str) -> dict:
    where = _files(os.environ.get(TEMPLATES_ENV, "")).get(template_id)
    if where is None:
        raise TemplateError(f"no template named {template_id!r}")
    try:
        data = where.read_bytes()  # type: ignore[attr-defined]
    except OSError:
        raise TemplateError(f"no template named {template_id!r}") from None
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise TemplateError(f"templates/{template_id}.toml: {e}") from None
    parent = raw.pop("extends", None)
    if parent:
        base = _raw(parent)
        tables = {t["id"]: t for t in base.get("tables", [])}
        for t in raw.pop("tables", []):
            tables[t["id"]] = t
        merged = {}
        for part in ("checks", "hints", "across_years"):
            by_id = {c["id"]: c for c in base.get(part, [])}
            for c in raw.pop(part, []):
                by_id[c["id"]] = c
            merged[part] = list(by_id.values())
        base.update(raw)
        base["tables"] = list(tables.values())
        base.update(merged)
        raw = base
    return raw


def _paths(items) -> tuple[LabelPath, ...]:
    return tuple(tuple(p) for p in items)


def _table(t: dict) -> TableSpec:
    blocks = []
    for b in t["blocks"]:
        label = b.get("label")
        rows = _paths(b["rows"])
        if label:
            rows = tuple((label, *r) for r in rows)
        blocks.append(BlockSpec(label, rows, _paths(b["columns"]), dict(b.get("column_kinds", {}))))
    return TableSpec(
        id=t["id"],
        title=t.get("title", t["id"]),
        kind=t.get("kind", "count"),
        blocks=tuple(blocks),
        headers=tuple(t.get("headers", ())),
        aliases={k: tuple(v) for k, v in t.get("aliases", {}).items()},
        total_column=tuple(t["total_column"]) if "total_column" in t else None,
        first_part_column=tuple(t["first_part_column"]) if "first_part_column" in t else None,
        unit_column=bool(t.get("unit_column", False)),
        units=dict(t.get("units", {})),
        row_kinds=dict(t.get("row_kinds", {})),
        prose={k: tuple(v) for k, v in t.get("prose", {}).items()},
        section=t.get("section", t.get("title", t["id"])),
    )


def _check(c: dict) -> CheckSpec:
    return CheckSpec(
        id=c["id"],
        table=c["table"],
        title=c.get("title", c["id"]),
        per=c.get("per", "column"),
        kind=c.get("kind", "eq"),
        lhs=_paths(c.get("lhs", ())),
        rhs=_paths(c.get("rhs", ())),
        rhs_parts_of=tuple(c["rhs_parts_of"]) if "rhs_parts_of" in c else None,
        prior=bool(c.get("prior", False)),
        factor=float(c.get("factor", 0.2)),
        carry_over=bool(c.get("carry_over", False)),
    )


@cache
def load_template(template_id: str) -> Template:
    raw = _raw(template_id)
    try:
        years = raw.get("years", [0])
        req = raw.get("summary", {}).get("requests")
        tables = tuple(_table(t) for t in raw.get("tables", []))
        checks = tuple(_check(c) for c in raw.get("checks", []))
        hints = tuple(_check(c) for c in raw.get("hints", []))
        across = tuple(_check(c) for c in raw.get("across_years", []))
        return Template(
            id=raw["id"],
            title=raw.get("title", raw["id"]),
            years=(min(years), max(years) if len(years) > 1 else None),
            markers=tuple(raw.get("markers", ())),
            section_threshold=float(raw.get("section_threshold", 75)),
            sections=tuple(SectionSpec(s["name"], tuple(s.get("aliases", ())), tuple(s.get("prefixes", ())))
                           for s in raw["sections"]),
            tables=tables,
            checks=checks,
            hints=hints,
            across_years=across,
            family=raw.get("family"),
            family_markers=tuple(raw.get("family_markers", ())),
            requests_cell=(req["table"], tuple(req["row"]), tuple(req["column"])) if req else None,
            figures=tuple((f["label"], (f["table"], tuple(f["row"]), tuple(f["column"])))
                          for f in raw.get("summary", {}).get("figures", ())),
        )
    except (KeyError, TypeError) as e:
        raise TemplateError(f"templates/{template_id}.toml: missing or malformed {e}") from None


def template_for_year(year: int | None, among: tuple[str, ...] | None = None) -> str | None:
    """The format for a report on `year`: of those whose years hold it, the one that starts
    latest (a revision takes over from the format it revises); None without a year."""
    if year is None:
        return None
    best = None
    for tid in among if among is not None else template_ids():
        first, last = load_template(tid).years
        if first <= year and (last is None or year <= last) and (best is None or first > best[0]):
            best = (first, tid)
    return best[1] if best else None


def earliest(among: tuple[str, ...] | None = None) -> str:
    """The format that starts earliest (the fallback when neither year nor labels tell)."""
    ids = among if among is not None else template_ids()
    return min(ids, key=lambda t: (load_template(t).years[0], t))
