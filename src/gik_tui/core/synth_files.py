"""Synthetic PDF and Word attachments (synth layouts p and w), made as agencies make them: ruled
tables whose header and label cells are merged, the long requests table running over a page
break (its header repeated on the next page or not), a running header with the report's title and
a page number in the footer (`— 3 —`, `第 3 页`, `- 3 -`). The PDF uses reportlab's built-in
`STSong-Light` CID font, so no font file is needed; the Word file is written with python-docx.
"""

from __future__ import annotations

import io
import random

from collections.abc import Callable

from .values import parse_value


def render_file(layout: str, parts: tuple, rows: Callable, ruled: bool = True) -> bytes:
    """A synthetic report (core/synth.py hands its parts: this module imports nothing of it) as a
    PDF (layout p) or a Word file (w). `parts`: its (random source, title, paragraphs, tables) as
    synth.outline gives them; `rows(spec, rng)`: a table's rows as synth.table_rows gives them.
    `ruled=False` draws the PDF's tables without rules, as some agencies' layouts do (read from the
    text's columns)."""
    if layout == "x":
        return _xlsx(parts, rows)
    if layout == "o":
        return _ofd(parts, rows)
    return _pdf(parts, rows, ruled) if layout == "p" else _docx(parts, rows)


def _is_figure(text: str) -> bool:
    p = parse_value(text) if text and len(text) < 40 else None
    return p is not None and p.value is not None


def grid_of(parts) -> tuple[list[list[str]], int]:
    """The table's whole grid (every row as wide as the widest) and how many rows are header rows."""
    rows = [list(r) for kind, rs in parts for r in rs]
    head = 0
    for kind, rs in parts:
        if kind == "body":
            break
        head += len(rs)
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows], head


def merges(rows: list[list[str]]) -> tuple[list[tuple[int, int, int, int]], set[tuple[int, int]]]:
    """(r0, c0, r1, c1) rectangles of one label repeated: merged cells, greedy, left to right and
    top to bottom (figures and empty cells are never merged); and the slots they cover beyond
    their first."""
    seen: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in seen or not text or _is_figure(text):
                continue
            c1 = c
            while c1 + 1 < len(row) and row[c1 + 1] == text and (r, c1 + 1) not in seen:
                c1 += 1
            r1 = r
            while r1 + 1 < len(rows) and all(rows[r1 + 1][k] == text and (r1 + 1, k) not in seen
                                             for k in range(c, c1 + 1)):
                r1 += 1
            for rr in range(r, r1 + 1):
                for cc in range(c, c1 + 1):
                    seen.add((rr, cc))
            if r1 > r or c1 > c:
                out.append((r, c, r1, c1))
    covered = {(rr, cc) for r0, c0, r1, c1 in out for rr in range(r0, r1 + 1) for cc in range(c0, c1 + 1)
               if (rr, cc) != (r0, c0)}
    return out, covered


def _footer(rng: random.Random):
    return rng.choice(("— {} —", "第 {} 页", "- {} -"))


# ------------------------------------------------------------------ PDF
def _pdf(parts: tuple, table_rows: Callable, ruled: bool = True) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    font = "STSong-Light"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    rng, title, paras, tables = parts
    footer = _footer(rng)
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK", spaceAfter=4)
    head = ParagraphStyle("head", parent=body, fontSize=12, leading=18, spaceBefore=6)
    cell = ParagraphStyle("cell", fontName=font, fontSize=7, leading=9, wordWrap="CJK")
    width = A4[0] - 30 * mm
    story = []
    for i, p in enumerate(paras):
        if isinstance(p, tuple):
            spec = tables[p[1]]
            rows, nhead = grid_of(table_rows(spec, rng))
            ncols = len(rows[0])
            # label columns: none for a table of one unlabelled row, one a level of its rows for a
            # table with a total column over its parts (申请人情况), else one
            long = spec.total_column is not None
            labels = 0 if spec.unlabelled else max(len(r) for b in spec.blocks for r in b.rows) if long else 1
            lw = 30 * mm if long else (60 * mm if labels else 0)
            vw = (width - labels * lw) / max(1, ncols - labels)
            merged, covered = merges(rows)
            data = [[("" if (r, c) in covered else Paragraph(t, cell) if t else "") for c, t in enumerate(row)]
                    for r, row in enumerate(rows)]
            style = [("FONT", (0, 0), (-1, -1), font, 7), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            if ruled:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            style += [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in merged]
            repeat = nhead if long and rng.random() < 0.5 else 0  # the long table's header again on its next page, or not
            story.append(Table(data, colWidths=[lw] * labels + [vw] * (ncols - labels), style=TableStyle(style),
                               repeatRows=repeat, splitInRow=0))
        else:
            if i > 0 and p.startswith("二、"):
                story.append(PageBreak())  # the tables start on a new page: the requests table runs over
            story.append(Paragraph(p, head if i == 0 or p[:2] in _HEADS else body))

    def page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 10 * mm, title)
        canvas.line(15 * mm, A4[1] - 12 * mm, A4[0] - 15 * mm, A4[1] - 12 * mm)
        canvas.drawCentredString(A4[0] / 2, 8 * mm, footer.format(doc.page))
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=18 * mm,
                            bottomMargin=16 * mm, title=title, invariant=1)
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buf.getvalue()


_HEADS = tuple(f"{n}、" for n in "一二三四五六七八九十")


# ------------------------------------------------------------------ Word
def _docx(parts: tuple, table_rows: Callable) -> bytes:
    import docx
    from docx.shared import Pt

    rng, title, paras, tables = parts
    footer = _footer(rng)
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = title
    sec.footer.paragraphs[0].text = footer.format(1)
    for i, p in enumerate(paras):
        if isinstance(p, tuple):
            spec = tables[p[1]]
            rows, _ = grid_of(table_rows(spec, rng))
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            merged, covered = merges(rows)
            for r, row in enumerate(rows):
                cells = t.rows[r].cells
                for c, text in enumerate(row):
                    if text and (r, c) not in covered:
                        cells[c].text = text
            for r0, c0, r1, c1 in merged:
                t.cell(r0, c0).merge(t.cell(r1, c1))
        elif i == 0:
            d.add_heading(p, level=1)
        elif p[:2] in _HEADS:
            if p.startswith("二、"):
                d.add_page_break()
            if rng.random() < 0.5:
                d.add_heading(p, level=2)
            else:
                d.add_paragraph(p).runs[0].font.size = Pt(14)
        else:
            d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ------------------------------------------------------------------ Excel
def _xlsx(parts: tuple, table_rows: Callable) -> bytes:
    """The report's tables alone, a sheet each (named by the table's caption), header and label
    cells merged as in the official tables; figures as numbers where they are plain numbers."""
    import openpyxl

    rng, title, paras, tables = parts
    book = openpyxl.Workbook()
    book.remove(book.active)
    for p in paras:
        if not isinstance(p, tuple):
            continue
        spec = tables[p[1]]
        rows, _ = grid_of(table_rows(spec, rng))
        ws = book.create_sheet(spec.title[:31])
        merged, covered = merges(rows)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r, c) in covered or not text:
                    continue
                plain = text.lstrip("-").isdigit() and not (len(text) > 1 and text.lstrip("-")[0] == "0")
                ws.cell(row=r + 1, column=c + 1, value=int(text) if plain else text)
        for r0, c0, r1, c1 in merged:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ------------------------------------------------------------------ OFD
_OFD_NS = "http://www.ofdspec.org/2016"


def _ofd(parts: tuple, table_rows: Callable) -> bytes:
    """The report as an OFD document (GB/T 33190): A4 pages of positioned text objects, 3.5 mm
    type; a table's cells at their columns' x (a merged cell written once, in its first slot), the
    rows 6 mm apart; a paragraph wrapped at the page's width."""
    import html
    import zipfile

    rng, title, paras, tables = parts
    left, top, width, height, size, step = 20.0, 25.0, 170.0, 297.0, 3.5, 6.0
    pages: list[list[tuple[float, float, str, float]]] = [[]]
    y = top

    def put(x: float, text: str, type_size: float = size) -> None:
        pages[-1].append((x, y, text, type_size))

    def newline() -> None:
        nonlocal y
        y += step
        if y > height - 25:
            pages.append([])
            y = top

    per_line = int(width // size)
    for p in paras:
        if isinstance(p, tuple):
            spec = tables[p[1]]
            rows, _ = grid_of(table_rows(spec, rng))
            _, covered = merges(rows)
            # each column as wide as its longest cell and two characters more; the type made
            # smaller when the table would not fit the page (as a wide table is set)
            units = [max((len(row[c]) for r, row in enumerate(rows) if (r, c) not in covered), default=1) + 2
                     for c in range(len(rows[0]))]
            cell = min(size, width / sum(units))
            xs = [left + cell * sum(units[:c]) for c in range(len(units))]
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    if text and (r, c) not in covered:
                        put(xs[c], text, cell)
                newline()
            continue
        for k in range(0, max(len(p), 1), per_line):
            put(left, p[k:k + per_line])
            newline()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_OFD_NS}" Version="1.0">'
                              f"<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_OFD_NS}">'
                                         f"<ofd:Pages>{refs}</ofd:Pages></ofd:Document>")
        for i, objects in enumerate(pages):
            body = []
            for k, (x, yy, text, sz) in enumerate(objects):
                w = len(text) * sz
                deltas = f"g {len(text) - 1} {sz:.3f}" if len(text) > 1 else ""
                body.append(f'<ofd:TextObject ID="{k + 2}" Boundary="{x:.2f} {yy:.2f} {w:.2f} {sz * 1.4:.2f}" '
                            f'Font="1" Size="{sz:.3f}"><ofd:TextCode X="0" Y="{sz:.3f}" DeltaX="{deltas}">'
                            f"{html.escape(text)}</ofd:TextCode></ofd:TextObject>")
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD_NS}"><ofd:Content>'
                       f'<ofd:Layer ID="1">{"".join(body)}</ofd:Layer></ofd:Content></ofd:Page>')
    return out.getvalue()
