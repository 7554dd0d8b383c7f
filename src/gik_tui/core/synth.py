"""Synthetic reports: random but consistent tables in each format, rendered in each layout.

Layouts: a (one cell per line ending " |"), b (one cell per line between blank lines), c (a row per
line with " | "), d (tab-separated rows), e (an HTML page with real tables, spans for group cells),
f (glued: the page's text with no separators inside a table, newlines between blocks), g (glued,
the whole report on one line), h (tab-separated rows copied from Word, whose merged label cells
leave empty fields before the values), s (the whole report on one line, a space between a row's
label and its figures and between some of its figures but not all: `171 000018`), l (as b, with
every request from natural persons: each requests row shows two figures for seven columns, the
other applicant cells empty and dropped, as 2019_lusong.txt prints it — one question for the whole
table), p (a PDF attachment), w (a Word .docx attachment), x (an Excel workbook of the tables
alone, a sheet each, as some agencies publish the statistics) and o (an OFD document: positioned
text, a table's cells at their columns): ruled
tables with merged header and label cells, a table split across two pages, running headers and
page numbers (core/synth_files.py). Glued tables (f, g, s) are the ones only the identities can
split: the share of their cells recovered is what benchmarks/solve_recovery.py measures.
A report may carry one seeded inconsistency (a total off by one), whose check must then fail. This
is how the tests, the benchmarks and users get a corpus: `gik-tui synth OUT_DIR -n N`.
"""

from __future__ import annotations

import html as _html
import math
import os
import random
import re
from dataclasses import dataclass, field

from .model import LabelPath
from .templates import TableSpec, Template, load_template, template_ids

LAYOUTS = ("a", "b", "c", "d", "e", "f", "g", "h", "s", "l")  # the text and HTML layouts: the default corpus
GLUED_LAYOUTS = ("f", "g", "s", "l")  # the layouts whose rows the identities split or place (not read cell by cell)
FILE_LAYOUTS = ("p", "w", "x", "o")  # PDF, Word, Excel and OFD attachments (slower to write and read: asked for by name)
ALL_LAYOUTS = LAYOUTS + FILE_LAYOUTS
LABEL_COLUMNS = 3  # the label columns of the requests table (一、 / （三） / 1.)
_AGENCIES = ["株洲市芦淞区人民政府", "淮安市淮阴区人民政府", "六枝特区人民政府", "鄂尔多斯市东胜区人民政府",
             "通化市东昌区人民政府", "长沙市岳麓区人民政府", "成都市武侯区人民政府", "杭州市西湖区人民政府"]
_CN = "一二三四五六七八九十"
_FILLER = ["本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，不断提升政府工作透明度。",
           "进一步加强政务信息发布和政策解读回应，依法依规答复群众提出的信息公开申请。",
           "严格落实保密审查机制，确保公开内容准确、及时、规范。"]
Key = tuple[str, LabelPath, LabelPath]


@dataclass
class SynthReport:
    name: str
    template: str
    year: int
    agency: str
    layout: str
    encoding: str
    values: dict[Key, int | float]
    rendered: dict[Key, str] = field(default_factory=dict)  # the text written for each cell
    seeded: str | None = None  # the id prefix of the check the seeded inconsistency breaks
    # how whole counts are written: "plain" (1234), "grouped" (thousands commas, 1,234 or 1，234)
    # or "units" (a count's unit after it, 1234件; a change and an amount as plain), or "dashes" (a
    # nought written as an empty cell's dash: —, / or -), or "spaced" (thousands spaces, 千分空:
    # 2 636 and 13 660.33万元)
    figures: str = "plain"

    @property
    def filename(self) -> str:
        return self.name + {"e": ".html", "p": ".pdf", "w": ".docx", "x": ".xlsx", "o": ".ofd"}.get(self.layout, ".txt")

    def render(self, ruled: bool = True) -> bytes:
        """The report's bytes in its layout; `ruled=False`: a PDF's tables drawn without rules."""
        if self.layout in FILE_LAYOUTS:
            from .synth_files import render_file

            return render_file(self.layout, outline(self), lambda spec, rng: table_rows(self, spec, rng), ruled)
        text = _render(self)
        return text.encode(self.encoding)


def _ordinal(depth: int, i: int) -> str:
    n = _CN[i] if i < 10 else f"十{_CN[i - 10]}"
    return (f"{n}、", f"（{n}）", f"{i + 1}.", "其中：" if i == 0 else "")[min(depth, 3)]


def _numbered(nodes: list[LabelPath], skip: int = 0) -> dict[LabelPath, str]:
    labels = {}
    counters: dict[LabelPath, int] = {}
    for p in nodes:
        parent = p[:-1]
        i = counters.get(parent, 0)
        counters[parent] = i + 1
        labels[p] = _ordinal(len(p) - 1 - skip, i) + p[-1] if len(p) > skip else p[-1]
    return labels


def carried(seed: int, agency: str, year: int, column: LabelPath) -> int:
    """The requests an agency carries from `year` into the next, the same in both years' reports
    (the carry-over identity across years holds in a synthetic corpus)."""
    return random.Random(f"{seed}:{agency}:{year}:{'/'.join(column)}").choice((0, 0, 0, 1, 2, 3))


def _mag(rng: random.Random, hi: int, zero: float) -> int:
    """A count as real reports give them: 0 with probability `zero`, else spread evenly over its
    orders of magnitude up to `hi` (as many 3s as 30s as 300s)."""
    if rng.random() < zero:
        return 0
    return min(hi, int(math.exp(rng.uniform(0, math.log(hi + 1)))))


def _real_active(rng: random.Random, spec: TableSpec, v: dict[Key, int | float]) -> None:
    """主动公开 figures shaped like real reports': few 规章 and 规范性文件, most of a year's made
    documents published, a 本年增/减 small against its 上一年项目数量, 处理决定数量 of any size."""
    for b in spec.blocks:
        for r in b.rows:
            names = [c[-1] for c in b.columns]
            key = lambda name: (spec.id, r, b.columns[names.index(name)])  # noqa: E731
            if "本年新制作数量" in names:  # 2019: made, published, published in all
                made = _mag(rng, 60, 0.45)
                pub = made if rng.random() < 0.8 else rng.randint(0, made)
                v[key("本年新制作数量")], v[key("本年新公开数量")] = made, pub
                v[key("对外公开总数量")] = pub + _mag(rng, 800, 0.3)
            elif "本年制发件数" in names:  # 2021: made, repealed, in force
                v[key("本年制发件数")], v[key("本年废止件数")] = _mag(rng, 40, 0.5), _mag(rng, 15, 0.6)
                v[key("现行有效件数")] = v[key("本年制发件数")] + _mag(rng, 400, 0.3)
            elif "上一年项目数量" in names:  # 2019: items last year, their change, decisions
                small = r[-1] == "行政事业性收费"
                base = _mag(rng, 60 if small else 3000, 0.15)
                # a change of 1–40 % of its base, rarely none (the sample reports: 9 on 195, -61 on 221)
                change = 0 if rng.random() < 0.1 or not base else max(1, round(base * math.exp(rng.uniform(-5, -0.9))))
                change = max(change if rng.random() < 0.6 else -change, -base)
                v[key("上一年项目数量")], v[key("本年增/减")] = base, change
                if "处理决定数量" in names:  # a third of agencies give the items in force (lusong: 323+109=432)
                    v[key("处理决定数量")] = base + change if rng.random() < 0.35 else _mag(rng, 50000, 0.2)
            for c in b.columns:  # 政府集中采购, 2021's decisions and fees
                kind = spec.cell_kind(b, r, c)
                if (spec.id, r, c) not in v:
                    v[(spec.id, r, c)] = (round(_mag(rng, 500_000, 0.15) + rng.randint(0, 99) / 100, 2)
                                          if kind == "amount" else _mag(rng, 50000 if "决定" in c[-1] else 2000, 0.2))


# how often an applicant column has requests in a real report (自然人 in almost all)
_REAL_ASKS = {"自然人": 0.95, "商业企业": 0.25, "科研机构": 0.05, "社会公益组织": 0.05, "法律服务机构": 0.12, "其他": 0.08}


def role(t: Template, spec: TableSpec) -> str:
    """What kind of table this is, by its shape in the template (no table id in code): "blocks"
    (blocks with columns of their own: 主动公开), "one row" (one unlabelled row of grouped sums:
    行政复议、行政诉讼), "indicators" (a unit column: the statistics table), "applicants" (a total
    column over its parts, holding the template's carry-over rows: 收到和处理政府信息公开申请), or
    "plain" (anything else: random figures made to keep the template's checks)."""
    if spec.headed_blocks:
        return "blocks"
    if spec.unlabelled:
        return "one row"
    if spec.unit_column:
        return "indicators"
    rule = t.carry_over
    if spec.total_column is not None and spec.first_part_column is not None and rule and rule[0] == spec.id:
        return "applicants"
    return "plain"


def _sums(t: Template, spec: TableSpec, per: str) -> list[tuple[LabelPath, list[LabelPath]]]:
    """The table's sums of parts (checks with `rhs_parts_of`) as (total, parts), in template order."""
    from .checks import parts_of

    return [(chk.lhs[0], parts_of(spec, chk.rhs_parts_of, per, chk.lhs)) for chk in t.checks
            if chk.table == spec.id and chk.kind == "eq" and chk.per == per and chk.rhs_parts_of is not None
            and len(chk.lhs) == 1]


def _gen_values(rng: random.Random, template_id: str, agency: str = "", year: int = 0,
                seed: int = 0, shape: str = "uniform") -> dict[Key, int | float]:
    """A format's tables with random figures that keep its identities: `shape` "uniform" draws
    them evenly (a stress: every split equally likely), "real" as real reports have them."""
    t = load_template(template_id)
    v: dict[Key, int | float] = {}
    real = shape == "real"
    for spec in t.tables:
        kind_of = role(t, spec)
        if kind_of == "blocks" and real:
            _real_active(rng, spec, v)
            _keep_hints(t, spec.id, v)
        elif kind_of == "blocks":
            for b in spec.blocks:
                for r in b.rows:
                    for c in b.columns:
                        kind = spec.cell_kind(b, r, c)
                        if kind == "signed":
                            v[(spec.id, r, c)] = rng.randint(-60, 60)
                        elif kind == "amount":
                            v[(spec.id, r, c)] = round(rng.randint(0, 9_999_999) / 100, 2)
                        else:
                            v[(spec.id, r, c)] = rng.randint(0, 5000)
            _keep_hints(t, spec.id, v)
        elif kind_of == "applicants":
            b = spec.blocks[0]
            rows, cols = b.rows, b.columns
            _, row_in, row_out = t.carry_over  # type: ignore[misc]
            total_row, outcomes = _sums(t, spec, "column")[0]
            new_row = next(r for r in rows if r not in (row_in, row_out, total_row, *outcomes))
            for c in cols[:-1]:
                asks = not real or rng.random() < _REAL_ASKS.get(c[-1], 0.05)
                for r in outcomes:
                    v[(spec.id, r, c)] = (rng.choice([0, 0, 0, 1, 2, rng.randint(0, 40)]) if not real
                                          else rng.choice([0, 0, 0, 0, 1, 2, rng.randint(0, 30)]) if asks and c == cols[0]
                                          else rng.choice([0, 0, 0, 0, 0, 0, 1, 2]) if asks else 0)
                carried_in, carried_out = carried(seed, agency, year - 1, c), carried(seed, agency, year, c)
                if real and c != cols[0]:  # requests carried over are a natural person's, as a rule
                    carried_in = carried_out = 0
                total = sum(v[(spec.id, r, c)] for r in outcomes)
                if total + carried_out < carried_in:  # more carried in than handled: handle the rest
                    v[(spec.id, outcomes[0], c)] += carried_in - carried_out - total
                    total = carried_in - carried_out
                v[(spec.id, total_row, c)] = total
                new = total + carried_out - carried_in
                v[(spec.id, new_row, c)] = new
                v[(spec.id, row_in, c)] = carried_in
                v[(spec.id, row_out, c)] = carried_out
            for r in rows:
                v[(spec.id, r, cols[-1])] = sum(v[(spec.id, r, c)] for c in cols[:-1])
        elif kind_of == "one row":
            real_parts = (lambda: _mag(rng, 30, 0.5), lambda: _mag(rng, 6, 0.8), lambda: _mag(rng, 8, 0.75),
                          lambda: _mag(rng, 5, 0.7))
            for total_col, part_cols in _sums(t, spec, "row"):
                parts = ([rng.choice([0, 0, 1, rng.randint(0, 20)]) for _ in part_cols] if not real else
                         [real_parts[min(k, 3)]() for k in range(len(part_cols))])
                for c, x in zip(part_cols, parts):
                    v[(spec.id, (), c)] = x
                v[(spec.id, (), total_col)] = sum(parts)
        elif kind_of == "indicators":
            b = spec.blocks[0]
            col = b.columns[0]
            for r in reversed(b.rows):
                kind = spec.row_kinds.get(r[-1], "count")
                v[(spec.id, r, col)] = round(rng.randint(0, 500000) / 100, 2) if kind == "amount" else rng.randint(0, 300)
            for chk in sorted(t.checks, key=lambda c: -len(c.lhs[0])):  # the deepest totals first
                if chk.kind == "eq" and chk.rhs_parts_of is not None and chk.table == spec.id:
                    from .checks import parts_of

                    parts = parts_of(spec, chk.rhs_parts_of, "column", chk.lhs)
                    v[(spec.id, chk.lhs[0], col)] = sum(v[(spec.id, p, col)] for p in parts)
            for chk in t.checks:
                if chk.kind == "le" and chk.table == spec.id:
                    lhs, rhs = (spec.id, chk.lhs[0], col), (spec.id, chk.rhs[0], col)
                    v[lhs] = min(v[lhs], v[rhs])
        else:
            _plain_values(rng, t, spec, v)
    return v


def _plain_values(rng: random.Random, t: Template, spec: TableSpec, v: dict[Key, int | float]) -> None:
    """A table of no known kind: random figures, then the template's checks made to hold: each sum
    sets one of its cells from the others, over a few passes (a count that would fall below zero
    raises a part instead), and an "at most" raises a right-hand part that no sum sets; then its
    hints."""
    from .checks import plan

    for b in spec.blocks:
        for r in b.rows:
            for c in b.columns:
                kind = spec.cell_kind(b, r, c)
                v[(spec.id, r, c)] = (rng.randint(-20, 20) if kind == "signed" else
                                      round(_mag(rng, 100_000, 0.2) + rng.randint(0, 99) / 100, 2) if kind == "amount"
                                      else _mag(rng, 300, 0.4))
    mine = [st for st in plan(t.id, "checks") if (st.lkeys or st.rkeys) and (st.lkeys or st.rkeys)[0][0] == spec.id]
    steps = [st for st in mine if st.kind == "eq"]
    set_by: dict[Key, object] = {}
    for st in sorted(steps, key=lambda st: len(st.lkeys)):
        target = next((k for k in (*st.lkeys, *st.rkeys) if k not in set_by), None)
        if target is not None:
            set_by[target] = st
    for _ in range(8):  # a target set from cells set by other steps: until nothing moves
        moved = False
        for st in mine:  # at most: a right-hand part no step sets is raised to it
            if st.kind == "le" and sum(v[k] for k in st.lkeys) > sum(v[k] for k in st.rkeys):
                free = next((k for k in st.rkeys if k not in set_by), None)
                if free is not None:
                    v[free] += sum(v[k] for k in st.lkeys) - sum(v[k] for k in st.rkeys)
                    moved = True
        for target, st in set_by.items():
            left = target in st.lkeys  # type: ignore[attr-defined]
            same = [k for k in (st.lkeys if left else st.rkeys) if k != target]  # type: ignore[attr-defined]
            other = st.rkeys if left else st.lkeys  # type: ignore[attr-defined]
            x = sum(v[k] for k in other) - sum(v[k] for k in same)
            if x < 0:  # raise a part of the other side that no step sets
                free = next((k for k in other if k not in set_by), None)
                if free is not None:
                    v[free] += -x
                    x = 0
                    moved = True
            if v[target] != x:
                v[target] = x
                moved = True
        if not moved:
            break
    _keep_hints(t, spec.id, v)


def _keep_hints(t, table: str, v: dict[Key, int | float]) -> None:
    """Make the table's values keep the template's hints (relations true of almost every real
    report: 本年新公开数量 ≤ 对外公开总数量, a count that does not fall below zero): a hint broken by
    the random values is mended by raising its last right-hand cell."""
    from .checks import plan

    for st in plan(t.id, "hints"):
        keys = st.lkeys + st.rkeys
        if not keys or keys[0][0] != table or st.kind != "le" or not st.rkeys:
            continue
        lsum = sum(v.get(k, 0) for k in st.lkeys)
        rsum = sum(v.get(k, 0) for k in st.rkeys)
        if lsum > rsum and st.rkeys[-1] in v:
            v[st.rkeys[-1]] += lsum - rsum


def _seed_inconsistency(rng: random.Random, template_id: str, v: dict[Key, int | float]) -> str:
    """Break one identity of the report: a total of one of the template's sums (a check with one
    cell on its left), chosen at random among those the report fills, raised by one. Returns the
    check's id (without its row or column)."""
    from .checks import plan

    steps = [st for st in plan(template_id, "checks")
             if st.kind == "eq" and len(st.lkeys) == 1 and st.rkeys and isinstance(v.get(st.lkeys[0]), (int, float))]
    st = rng.choice(steps)
    v[st.lkeys[0]] += 1
    return st.id.split("[", 1)[0]


def _natural_persons_only(template_id: str, v: dict[Key, int | float | None]) -> None:
    """Layout l: every request from a natural person; the other applicant cells left empty."""
    t = load_template(template_id)
    spec = next((s for s in t.tables if role(t, s) == "applicants"), None)
    if spec is None:
        return
    b = spec.blocks[0]
    first, total = spec.first_part_column, spec.total_column
    for r in b.rows:
        for c in b.columns:
            if c not in (first, total):
                v[(spec.id, r, c)] = None  # type: ignore[assignment]
        v[(spec.id, r, total)] = v[(spec.id, r, first)]


def _year(rng: random.Random, years: tuple[int, ...]) -> int:
    """A year the format is for (Template.years: first, last; 0 or None for open): both known, any
    of them; up to a last, one of the five up to it; from a first on, one of the five from it."""
    first, last = years[0], years[-1] if len(years) > 1 else None
    if first and last:
        return rng.choice(tuple(range(first, last + 1)))
    if last:
        return rng.randint(last - 4, last)
    return rng.randint(first, first + 4)


def make_report(i: int, seed: int = 0, inconsistent: bool = False, template_id: str | None = None,
                layout: str | None = None, encoding: str | None = None, shape: str = "uniform",
                figures: str = "plain") -> SynthReport:
    """Report `i` of the corpus `seed`; `shape`: "uniform" figures (every split of a glued run
    equally likely: the stress the tests use) or "real" (as real reports have them: see
    _gen_values)."""
    rng = random.Random(f"{seed}:{i}")
    template_id = template_id or rng.choice(template_ids())
    # a year drawn for every format, in order, then this one's taken (so a corpus's reports stay
    # the same whichever format each is asked in)
    year = {tid: _year(rng, load_template(tid).years) for tid in template_ids()}.get(template_id) \
        or _year(rng, load_template(template_id).years)
    layout = layout or LAYOUTS[i % len(LAYOUTS)]
    if encoding is None:
        encoding = "gbk" if rng.random() < 0.25 else "utf-8"
    agency = rng.choice(_AGENCIES)
    values = _gen_values(rng, template_id, agency, year, seed, shape)
    if layout == "l":
        _natural_persons_only(template_id, values)
    rep = SynthReport(f"synth_{i:06d}_{template_id}_{layout}", template_id, year, agency, layout, encoding, values,
                      figures=figures)
    if inconsistent:
        rep.seeded = _seed_inconsistency(rng, template_id, values)
    return rep


def dropped_zeros(rep: SynthReport) -> bytes:
    """The report (layout b) with every 0 of its requests table left out, as some reports print
    it: a dropped 0 is an empty cell (its truth is blank, not 0)."""
    lines, out, inside = rep.render().decode(rep.encoding).split("\n"), [], False
    for line in lines:
        inside = inside or "申请人情况" in line
        if inside and line.startswith("四、政府信息公开行政复议"):
            inside = False
        if not (inside and line.strip() == "0"):
            out.append(line)
    return "\n".join(out).encode("utf-8")


def from_extraction(ex, layout: str) -> SynthReport:
    """A report with the figures, format, year and agency of an extraction, to be rendered in
    another layout (the sample reports as PDF or Word attachments, say). Blank cells stay blank."""
    values = {c.key: c.value for c in ex.cells if c.value is not None}
    name = os.path.splitext(os.path.basename(ex.source))[0]
    return SynthReport(name, ex.template, ex.year or 2020, ex.agency or _AGENCIES[0], layout, "utf-8", values)


# ------------------------------------------------------------------ rendering
def _fmt(spec: TableSpec, row: LabelPath, col: LabelPath, x: int | float | None, rng: random.Random,
         figures: str = "plain") -> str:
    if x is None:
        return ""  # a cell the report left blank (a report rebuilt from an extraction)
    kind = spec.cell_kind(spec.block_of(row), row, col)
    if kind == "signed":
        if x == 0:
            return "0"
        return rng.choice((f"增{x}" if x > 0 else f"减{-x}", f"+{x}" if x > 0 else f"-{-x}"))
    if kind == "amount":
        if figures == "spaced":
            return f"{x:,.2f}".replace(",", " ") + ("万元" if spec.headed_blocks else "")
        return f"{x:.2f}万元" if spec.headed_blocks else f"{x:g}"
    if figures == "dashes" and x == 0 and kind == "count":
        return rng.choice(("—", "—", "/", "-"))  # (a nought written as an empty cell's dash)
    if figures == "grouped" and x >= 1000:
        return f"{x:,}".replace(",", rng.choice((",", "，")))
    if figures == "spaced" and x >= 1000:
        return f"{x:,}".replace(",", " ")
    if figures == "units" and not spec.unit_column:  # (a table with a unit column writes it there)
        return f"{x}件"
    return str(x)


def table_rows(rep: SynthReport, spec: TableSpec, rng: random.Random) -> list[tuple[str, list[list[str]]]]:
    """(kind, rows) parts of a rendered table: kind "head" rows have labels only; "body" rows carry
    the label cells in front and then the values."""
    parts: list[tuple[str, list[list[str]]]] = []
    kind_of = role(load_template(rep.template), spec)
    if kind_of == "blocks":
        for b in spec.blocks:
            parts.append(("caption", [[b.label or ""] * (1 + len(b.columns) if rep.layout in FILE_LAYOUTS else 1)]))
            parts.append(("head", [["信息内容", *[c[-1] for c in b.columns]]]))
            body = []
            for r in b.rows:
                cells = [_fmt(spec, r, c, rep.values.get((spec.id, r, c)), rng, rep.figures) for c in b.columns]
                for c, s in zip(b.columns, cells):
                    rep.rendered[(spec.id, r, c)] = s
                body.append([r[-1], *cells])
            parts.append(("body", body))
    elif kind_of == "applicants":
        b = spec.blocks[0]
        cols = b.columns
        corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        group = spec.headers[0] if spec.headers else ""  # 申请人情况, over every column
        if rep.layout in FILE_LAYOUTS:
            parts.append(("head", [[corner] * LABEL_COLUMNS + [group] * len(cols),
                                   [corner] * LABEL_COLUMNS + [c[0] for c in cols],
                                   [corner] * LABEL_COLUMNS + [c[-1] for c in cols]]))
        else:
            parts.append(("head", [[corner, group], list(dict.fromkeys(c[0] for c in cols)),
                                   [c[-1] for c in cols if len(c) > 1]]))
        labels = _numbered([p for p, _ in spec.nodes()])
        body = []
        shown: set[LabelPath] = set()
        for r in b.rows:
            front = [labels[r[:i]] for i in range(1, len(r) + 1) if r[:i] not in shown or i == len(r)]
            if rep.layout in FILE_LAYOUTS:
                # the whole grid: a group's label in every row it covers, the row's own label in
                # every label column it spans (the file's merged cells cover them)
                front = [labels[r[:i]] for i in range(1, len(r) + 1)] + [labels[r]] * (LABEL_COLUMNS - len(r))
            elif rep.layout == "h":
                # Word keeps one field per label column: a group shown only on its first row, the
                # row's own label merged over the columns it spans (empty fields after it)
                front = [labels[r[:i]] if r[:i] not in shown else "" for i in range(1, len(r))]
                front += [labels[r]] + [""] * (LABEL_COLUMNS - len(r))
            shown.update(r[:i] for i in range(1, len(r)))
            cells = [_fmt(spec, r, c, rep.values.get((spec.id, r, c)), rng, rep.figures) for c in b.columns]
            for c, s in zip(b.columns, cells):
                rep.rendered[(spec.id, r, c)] = s
            body.append([*front, *cells])
        parts.append(("body", body))
    elif kind_of == "one row":
        cols = spec.blocks[0].columns
        if rep.layout in FILE_LAYOUTS:  # the whole grid: each column's labels, top to bottom
            parts.append(("head", [[c[0] for c in cols], [c[1] if len(c) > 2 else c[-1] for c in cols],
                                   [c[-1] for c in cols]]))
        else:  # as printed: each label once, the groups' own columns under the first of them
            first = [c[-1] for c in cols if len(c) == 2]
            parts.append(("head", [list(dict.fromkeys(c[0] for c in cols)),
                                   first + list(dict.fromkeys(c[1] for c in cols if len(c) > 2)),
                                   [c[-1] for c in cols if len(c) > 2]]))
        cells = [_fmt(spec, (), c, rep.values.get((spec.id, (), c)), rng, rep.figures) for c in cols]
        for c, s in zip(cols, cells):
            rep.rendered[(spec.id, (), c)] = s
        parts.append(("body", [cells]))
    elif kind_of == "indicators":
        b = spec.blocks[0]
        parts.append(("head", [["统计指标", "单位", "统计数"]]))
        labels = _numbered([p for p, _ in spec.nodes()])
        body = []
        valued = set(b.rows)
        for node, _ in spec.nodes():
            if node not in valued:
                body.append([labels[node], "—", ""])
                continue
            s = _fmt(spec, node, b.columns[0], rep.values.get((spec.id, node, b.columns[0])), rng, rep.figures)
            rep.rendered[(spec.id, node, b.columns[0])] = s
            body.append([labels[node], spec.unit_of(node) or "件", s])
        parts.append(("body", body))
    else:  # a table of no known kind: a header row of its columns, a row a label
        for b in spec.blocks:
            if b.label:
                parts.append(("caption", [[b.label]]))
            parts.append(("head", [[spec.headers[0] if spec.headers else "", *[" ".join(c) for c in b.columns]]]))
            body = []
            for r in b.rows:
                cells = [_fmt(spec, r, c, rep.values.get((spec.id, r, c)), rng, rep.figures) for c in b.columns]
                for c, s in zip(b.columns, cells):
                    rep.rendered[(spec.id, r, c)] = s
                body.append([r[-1] if r else "", *cells])
            parts.append(("body", body))
    return parts


_FIGURE = re.compile(r"[+\-增减]?\d(?:[\d,，]| (?=\d))*(?:\.\d+)?(?:万元|件|%)?")  # (1,234, 2 636, 12件 and 12.5%: make_report's figures)


def _is_figure(cell: str) -> bool:
    return _FIGURE.fullmatch(cell) is not None


def _render_table(layout: str, parts, rng: random.Random | None = None) -> str:
    lines: list[str] = []
    for kind, rows in parts:
        for row in rows:
            if layout == "s":  # labels glued, then a space, then figures spaced or glued at random
                k = len(row)
                while k and (_is_figure(row[k - 1]) or not row[k - 1]):
                    k -= 1
                figures = [c for c in row[k:] if c]
                text = "".join(row[:k])
                if figures:
                    text += " " + figures[0] + "".join(
                        (" " if rng is None or rng.random() < 0.6 else "") + f for f in figures[1:]) + " "
                lines.append(text)
                continue
            if layout == "a":
                lines.extend(f"{c} |" if c else "|" for c in row)
            elif layout in ("b", "l"):
                lines.extend(f"{c}\n" for c in row if c)
            elif layout == "c":
                lines.append(" | ".join(row) + " |")
            elif layout in ("d", "h"):
                lines.append("\t".join(row))
            elif layout in ("f", "g"):
                lines.append("".join(row))
    return ("" if layout in ("f", "g", "s") else "\n").join(lines)


def _render_html_table(parts) -> str:
    out = ['<table border="1" cellspacing="0">']
    for kind, rows in parts:
        for row in rows:
            tag = "th" if kind in ("head", "caption") else "td"
            span = ' colspan="4"' if kind == "caption" else ""
            cells = "".join(f"<{tag}{span}>{_html.escape(c) if c else '&nbsp;'}</{tag}>" for c in row)
            out.append(f"<tr>{cells}</tr>")
    out.append("</table>")
    return "\n".join(out)


def outline(rep: SynthReport) -> tuple[random.Random, str, list, dict[str, TableSpec]]:
    """The report's random source, title, paragraphs (a table as ("TABLE", id)) and tables."""
    rng = random.Random(rep.name)
    t = load_template(rep.template)
    title = f"{rep.agency}{rep.year}年政府信息公开工作年度报告"
    paras: list[str] = [title, f"本报告所列数据的统计期限自{rep.year}年1月1日至{rep.year}年12月31日。"]
    tables = {s.id: s for s in t.tables}
    names = {sec.name for sec in t.sections}
    for i, sec in enumerate(t.sections):
        paras.append(f"{_ordinal(0, i)}{sec.name}")
        paras.append(rng.choice(_FILLER))
        for s in t.tables:  # a table in the section it belongs to
            if s.section == sec.name:
                paras.append(("TABLE", s.id))  # type: ignore[arg-type]
    for s in t.tables:  # … or appended after the last (the 2008 outline's statistics table)
        if s.section not in names:
            paras.append(f"附表：{rep.year}年{s.title}")
            paras.append(("TABLE", s.id))  # type: ignore[arg-type]
    return rng, title, paras, tables


def _render(rep: SynthReport) -> str:
    rng, title, paras, tables = outline(rep)
    if rep.layout == "e":
        body = []
        for p in paras:
            if isinstance(p, tuple):
                body.append(_render_html_table(table_rows(rep, tables[p[1]], rng)))
            else:
                body.append(f"<p>{_html.escape(p)}</p>")
        charset = "gbk" if rep.encoding == "gbk" else "utf-8"
        head, top, bottom = _chrome(random.Random(rep.name))
        return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{_html.escape(title)}</title>'
                f'<script>var x = "一、总体情况";</script>{head}</head>\n<body>\n{top}<div class="nav">返回首页 &gt; 政府信息公开</div>\n'
                f'<div class="TRS_Editor">\n' + "\n".join(body) + f'\n</div>\n{bottom}<div class="footer">版权所有 主办单位</div>\n</body></html>\n')
    out = []
    for p in paras:
        if isinstance(p, tuple):
            out.append(_render_table(rep.layout, table_rows(rep, tables[p[1]], rng), rng))
        else:
            out.append(p)
    sep = {"b": "\n\n", "l": "\n\n", "g": "", "s": ""}.get(rep.layout, "\n")
    return sep.join(out) + "\n"


_COLUMNS = ["政务公开", "政府信息公开", "法定主动公开内容", "政策文件", "政策解读", "人事信息", "财政资金", "规划计划",
            "统计信息", "应急管理", "重点领域", "建议提案办理", "互动交流", "办事服务", "走进本区", "新闻中心"]


def _chrome(rng: random.Random) -> tuple[str, str, str]:
    """A real government page's chrome around the article: (what goes in <head>, what comes before
    the article, what comes after): style and script blocks, a navigation menu of a few hundred
    links, a search form, nested layout tables with a side menu, inline styles, a footer with the
    site's ICP line — 10–25 KB, as real pages carry (benchmarks/html_vs_pandas.py)."""
    css = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{rng.randrange(0x1000000):06x};"
                  f"font-size:{12 + i % 6}px;line-height:1.{i % 9}}}\n" for i in range(30))
    js = "".join(f"function f{i}(a,b){{var s='栏目{i}';if(a>{i}){{return b+s}};return document.getElementById('m{i}')}}\n"
                 for i in range(25))
    head = (f'<meta name="keywords" content="政府信息公开,年度报告"><meta name="viewport" content="width=device-width">'
            f'<link rel="stylesheet" href="/css/common.css"><link rel="stylesheet" href="/css/index.css">'
            f'<style type="text/css">{css}</style><script type="text/javascript">{js}</script>'
            f'<script src="/js/jquery.min.js"></script>')
    links = "".join(f'<li><a href="/col/col{rng.randrange(10000, 99999)}/">{rng.choice(_COLUMNS)}</a></li>'
                    for i in range(rng.randrange(150, 260)))
    side = "".join(f'<tr><td class="side-item" style="padding:4px"><a href="/col/{i}.html">{rng.choice(_COLUMNS)}</a></td></tr>'
                   for i in range(rng.randrange(15, 30)))
    top = (f'<div class="header" style="width:1000px;margin:0 auto"><img src="/images/logo.png" alt="门户网站">'
           f'<form class="search" action="/search"><input type="text" name="q"><button>搜索</button></form></div>\n'
           f'<div class="menu" id="mainmenu"><ul>{links}</ul></div>\n'
           f'<table class="layout" width="1000" cellpadding="0" cellspacing="0" style="margin:0 auto"><tr>'
           f'<td class="left" width="220" valign="top"><table class="sidemenu" width="100%">{side}</table></td>'
           f'<td valign="top" style="padding:10px">\n')
    share = "".join(f'<a href="javascript:share({i})" class="share-{i}">分享</a>' for i in range(6))
    bottom = (f'</td></tr></table>\n<div class="share" style="text-align:right">{share}'
              f'<a href="javascript:window.print()">打印本页</a><a href="javascript:window.close()">关闭窗口</a></div>\n'
              f'<div class="bottom" style="background:#eee;padding:20px">主办单位：人民政府办公室 地址：人民路{rng.randrange(1, 300)}号 '
              f'电话：0{rng.randrange(100, 999)}-{rng.randrange(1000000, 9999999)} '
              f'<a href="https://beian.miit.gov.cn/">苏ICP备{rng.randrange(10000000, 99999999)}号-1</a> '
              f'网站标识码{rng.randrange(1000000000, 9999999999)}</div>\n')
    return head, top, bottom


def write_corpus(out_dir: str, n: int, seed: int = 0, inconsistent: float = 0.0,
                 layouts: tuple[str, ...] = LAYOUTS, broken: list[str] | None = None, shape: str = "uniform",
                 figures: str = "plain") -> int:
    """Write n reports; `inconsistent` is the share of them (rounded) given one broken identity,
    chosen at random; the id of each broken check is appended to `broken`."""
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(seed)
    chosen = set(rng.sample(range(n), round(inconsistent * n))) if inconsistent else set()
    for i in range(n):
        rep = make_report(i, seed=seed, inconsistent=i in chosen, layout=layouts[i % len(layouts)], shape=shape,
                          figures=figures)
        if rep.seeded and broken is not None:
            broken.append(rep.seeded)
        with open(os.path.join(out_dir, rep.filename), "wb") as f:
            f.write(rep.render())
    return n
