"""HTML page → article text, with each real <table> rendered one row per line.

Navigation, scripts, styles, forms and footers are dropped. A table row becomes
"cell | cell | cell", with rowspan/colspan expanded (a spanned cell is repeated in each slot it
covers) and `&nbsp;` cells empty, so the table parser reads it like a row-per-line layout.
"""

from __future__ import annotations

import re

from lxml import etree, html

from .document import Grid

_DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "select",
              "button", "head", "title", "meta", "link", "svg", "object", "embed", "input", "textarea"}
_DROP_ATTR = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|breadcrumb|crumb|sidebar|share|copyright|topbar|header)(?:$|[\s_-])", re.I)
_ARTICLE_ATTR = re.compile(r"(?:TRS_Editor|article|content|zoom|main|detail|view|text)", re.I)
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
          "tr", "table", "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "body", "main"}
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
MAX_SPAN = 100


class _Out:
    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.tables: list[list[list[str]]] = []

    def newline(self) -> None:
        self.chunks.append("\n")


def html_to_text(text: str, source: str = "") -> tuple[str, list[Grid]]:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str input with an encoding declaration
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return text, []
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        if tag in _DROP_TAGS or (tag not in ("body", "html", "table", "td", "th", "tr") and _DROP_ATTR.search(attrs)):
            _remove(el)
    article = _article(root)
    out = _Out()
    _render(article, out)
    raw_lines = "".join(out.chunks).split("\n")
    lines: list[str] = []
    grids: list[Grid] = []
    for line in raw_lines:
        m = re.fullmatch(r"\s*\x00T(\d+)\x00\s*", line)
        if m:
            rows = out.tables[int(m.group(1))]
            grids.append(Grid(tuple(tuple(r) for r in rows), len(lines)))
            lines.extend(" | ".join(r) + " |" for r in rows)
            continue
        line = _WS.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) + "\n", grids


def _remove(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _article(root):
    body = root.find("body")
    if body is None:
        body = root
    best, best_len = None, 0
    for el in body.iter("div", "article", "td", "section"):
        attrs = f"{el.get('id', '')} {el.get('class', '')}"
        if _ARTICLE_ATTR.search(attrs):
            n = len(el.text_content())
            if n > best_len:
                best, best_len = el, n
    total = len(body.text_content())
    if best is not None and best_len >= 0.3 * total:
        return best
    return body


def _render(el, out: _Out) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "table":
        out.newline()
        out.chunks.append(f"\x00T{len(out.tables)}\x00")
        out.tables.append(_grid(el))
        out.newline()
        if el.tail:
            out.chunks.append(el.tail)
        return
    block = tag in _BLOCK
    if block:
        out.newline()
    if el.text and tag != "br":
        out.chunks.append(el.text)
    for child in el:
        if isinstance(child.tag, str):
            _render(child, out)
        elif child.tail:
            out.chunks.append(child.tail)
    if block:
        out.newline()
    if el.tail:
        out.chunks.append(el.tail)


def _cell_text(cell) -> str:
    parts = []
    for t in cell.itertext():
        parts.append(t)
    s = _WS.sub(" ", "".join(parts)).strip()
    return s.replace("|", "¦")


def _span(cell, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(cell.get(name, "1"))))
    except ValueError:
        return 1


def _grid(table) -> list[list[str]]:
    """The table's rows with spans expanded; cells of nested tables are flattened into their cell."""
    rows = []
    for tr in table.iter("tr"):
        # only rows of this table, not of a table nested in one of its cells
        anc = tr.getparent()
        while anc is not None and anc.tag != "table":
            anc = anc.getparent()
        if anc is table:
            rows.append(tr)
    grid: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            text = _cell_text(cell)
            for dr in range(_span(cell, "rowspan")):
                for dc in range(_span(cell, "colspan")):
                    grid.setdefault((r + dr, c + dc), text)
            c += _span(cell, "colspan")
    if not grid:
        return []
    nrows = len(rows)
    width = max(c for (_, c) in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(nrows)]
