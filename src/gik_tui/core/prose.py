"""Figures in sentences: the legacy statistics indicators written out in prose.

Old reports often have no table: "全区主动公开政府信息32500条" is 主动公开政府信息数 = 32500. The
patterns are data (`[tables.prose]` in legacy.toml); a figure found this way gets low confidence and
its source span. Where a table gave the same indicator, the table's value stands, and a warning
names both when they differ.
"""

from __future__ import annotations

import re
from functools import cache

from .document import Document, within
from .model import Cell, LabelPath
from .templates import load_template

CONF_PROSE = 0.4
_N = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,12}(?:\.\d+)?)"


def _anchor(pattern: str) -> str:
    """The longest run of plain characters that every match of `pattern` contains (a quick test
    with `in` before the regular expression scans the whole text)."""
    s = pattern.replace("{n}", "\x00")
    while True:  # optional or alternative groups, and character classes, are not required
        t = re.sub(r"\((?:\?[:!=<]+)?[^()]*\)[?*]?|\[[^\]]*\](?:\{[^}]*\}\??|[?*+])?", "\x00", s)
        if t == s:
            break
        s = t
    pieces = re.split(r"[\x00.^$|?*+{}\\]", s)
    plain = [p for p in pieces if p and re.fullmatch(r"[\u4e00-\u9fff]+", p)]
    # a character followed by a quantifier is optional: drop the last character before ? or *
    return max(plain, key=len, default="")


@cache
def _patterns(template_id: str) -> list[tuple[str, LabelPath, re.Pattern, str | None, str, str]]:
    out = []
    for spec in load_template(template_id).tables:
        if not spec.prose:
            continue
        by_leaf = {r[-1]: r for b in spec.blocks for r in b.rows if r}
        for leaf, pats in spec.prose.items():
            row = by_leaf[leaf]
            kind = spec.row_kinds.get(leaf, spec.kind)
            for p in pats:
                out.append((spec.id, row, re.compile(p.replace("{n}", _N)), spec.unit_of(row), kind, _anchor(p)))
    return out


def prose_figures(doc: Document, template_id: str, consumed: set[int],
                  spans: list[tuple[int, int]] = ()) -> list[Cell]:
    """The first figure for each indicator found in the text outside tables (`consumed` lines and,
    on glued lines, the table `spans`)."""
    found: dict[tuple[str, LabelPath], Cell] = {}
    text = doc.norm
    for table, row, pattern, unit, kind, anchor in _patterns(template_id):
        if (table, row) in found or (anchor and anchor not in text):
            continue
        for m in pattern.finditer(text):
            s, e = m.span("n")
            start, end = doc.to_orig(s), doc.to_orig(e)
            line = doc.line_of(start)
            if line in consumed or (spans and within(spans, start)):
                continue
            raw = m.group("n")
            value: int | float = 0 if raw == "零" else (float(raw.replace(",", "")) if "." in raw else int(raw.replace(",", "")))
            found[(table, row)] = Cell(table, row, ("统计数",), value, doc.text[start:end],
                                       "万元" if kind == "amount" else unit, line + 1, start, end, CONF_PROSE,
                                       method="prose")
            break
    return list(found.values())
