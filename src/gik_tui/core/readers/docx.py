"""Word attachments (.docx, python-docx): the body's paragraphs and tables in order.

Tables become grids with their merged cells expanded (`gridSpan` across columns, `vMerge` down
rows, `gridBefore` for rows that start late) and are rendered like HTML tables (readers/grid.py).
Running headers and footers live in their own parts of the file and are not read. Word records
where pages began when the file was last laid out (`lastRenderedPageBreak`) and where the author
broke pages by hand; each such page starts with a form-feed line, as in a PDF, so that cells and
headings know their page when the file says it.
"""

from __future__ import annotations

import io
import zipfile

from ..document import PAGE_BREAK, Document, Grid, paged
from ..values import RAISED
from .colours import mostly, white_hex as _white
from .errors import ReadError
from .grid import MISSING, cell_text, place, render, rows_of
from .zips import open_zip

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T, _SDT = (f"{_W}{x}" for x in ("p", "tbl", "tr", "tc", "t", "sdt"))
_TAB, _BR, _CR, _RENDERED = f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}lastRenderedPageBreak"
_VAL = f"{_W}val"
_TYPE = f"{_W}type"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# what Word does not show: hidden text (a run's vanish, unless turned off), text a tracked change
# moved away (its deletions are w:delText, never read), and the fallback copy of content that
# another form of the same content stands for (a text box is written twice); and text struck
# through, a correction's old figure (18 struck, then 17)
_UNSHOWN = _RAISED_TEXT = None  # lxml XPaths, made on first use (lxml is imported with python-docx)
MAX_CELLS = 200_000  # grid slots of one file's tables, spans expanded
MAX_UNPACKED = 100 * 1024 * 1024  # a .docx that would unpack to more is refused before it is parsed
MAX_RATIO = 200  # … and one packed more tightly than a real document ever is (a zip bomb)


def read_docx(data: bytes, source: str, sha: str) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    # what its parts unpack to, checked before python-docx parses any of them (zipfile never
    # inflates a part past the size it declares: one that lies fails its CRC, read as damaged)
    open_zip(data, source, "Word file (.docx)", MAX_UNPACKED, MAX_RATIO)
    try:
        d = docx.Document(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(source, "a damaged Word file (.docx): not a readable zip archive; download it again") from None
    except (PackageNotFoundError, KeyError):
        raise ReadError(source, "a zip archive that is not a Word document (.docx)") from None
    except Exception as e:
        raise ReadError(source, f"a damaged Word file (.docx) ({type(e).__name__})") from None
    out = _Out()
    out.heading_styles = _heading_styles(d)
    body = d.element.body
    hidden = _drop_unshown(body, d.styles.element, d.element.find(f"{_W}background"))
    _body(body, out)
    if not "".join(out.lines).strip(PAGE_BREAK + " \n"):
        raise ReadError(source, "a Word file with no text")
    notes = [f"{out.cut} table(s) larger than {MAX_CELLS:,} cells were cut"] if out.cut else []
    if hidden:
        notes.append(f"{hidden} piece(s) of text Word does not show or strikes through (hidden text, white text on "
                     "the white page, text moved away by a tracked change, a correction's old text) left out")
    shift = 1 if out.breaks else 0  # a file with pages begins with its first page's line
    text, pages = paged([PAGE_BREAK] * shift + out.lines)
    grids = [Grid(g.rows, g.first_line + shift, g.spanned) for g in out.grids]
    return Document(source, text, sha, "docx", tuple(grids), tuple(notes), pages=pages,
                    heading_lines=frozenset(i + shift for i in out.headings))


def _drop_unshown(body, styles=None, background=None) -> int:
    """Remove from the body what Word does not show (`_UNSHOWN`, and `_styled_unshown`: hidden or
    struck by a style, white on the white page); how many of them held text. A raised (or lowered)
    number (a footnote's, 17¹) is written raised, as Word shows it."""
    global _UNSHOWN, _RAISED_TEXT
    if _UNSHOWN is None:
        from lxml import etree

        _RAISED_TEXT = etree.XPath(".//w:r[w:rPr/w:vertAlign[@w:val='superscript' or @w:val='subscript']]/w:t",
                                   namespaces={"w": _W[1:-1]})
        _UNSHOWN = etree.XPath(
            ".//w:r[w:rPr/w:vanish[not(@w:val='0' or @w:val='false' or @w:val='off')]] | .//w:moveFrom"
            " | .//mc:Fallback | .//w:r[w:rPr/*[self::w:strike or self::w:dstrike]"
            "[not(@w:val='0' or @w:val='false' or @w:val='off')]]", namespaces={"w": _W[1:-1], "mc": _MC})
    for t in _RAISED_TEXT(body):  # a footnote's number raised after a figure: 17¹, as shown, never 171
        if t.text and t.text.strip().isdigit():
            t.text = t.text.translate(RAISED)
    n = 0
    for el in _UNSHOWN(body):
        parent = el.getparent()
        if parent is None:
            continue
        n += any((t.text or "").strip() for t in el.iter(_T))
        parent.remove(el)
    return n + (_styled_unshown(body, styles, background) if styles is not None else 0)


_R, _RPR, _PPR, _SHD, _HIGHLIGHT = (f"{_W}{x}" for x in ("r", "rPr", "pPr", "shd", "highlight"))
_HIDING = ("vanish", "strike", "dstrike")  # run properties that hide (or strike out) its text
_FILL = f"{_W}fill"


def _on(el) -> bool | None:
    """A toggle property's state: None when not set, else whether it is on."""
    return None if el is None else el.get(_VAL) not in ("0", "false", "off")


def _painted(shd) -> bool:
    """Does a shading element fill with a colour (not none, auto or white)?"""
    if shd is None:
        return False
    fill = (shd.get(_FILL) or "auto").upper()
    theme = shd.get(f"{_W}themeFill") or ""
    return (fill != "AUTO" and not _white(fill) or (shd.get(_VAL) or "clear") not in ("clear", "nil")
            or bool(theme) and theme not in ("background1", "light1"))


def _run_filled(rpr) -> bool:
    """Do a run's properties put a fill under its text: a shading that paints, or a highlight?"""
    lit = rpr.find(_HIGHLIGHT)
    return _painted(rpr.find(_SHD)) or lit is not None and lit.get(_VAL) != "none"


def _style_props(styles) -> dict[str, dict[str, object]]:
    """Per style id, the run properties that decide whether its text shows — each of `_HIDING`
    (True/False), "color" (its RRGGBB) and "shaded" (a fill or highlight) — as the style sets them
    or inherits them along basedOn."""
    own: dict[str, dict[str, object]] = {}
    base: dict[str, str | None] = {}
    for st in styles.iter(f"{_W}style"):
        sid = st.get(f"{_W}styleId") or ""
        b = st.find(f"{_W}basedOn")
        base[sid] = b.get(_VAL) if b is not None else None
        props: dict[str, object] = {}
        rpr = st.find(_RPR)
        if rpr is not None:
            for name in _HIDING:
                v = _on(rpr.find(f"{_W}{name}"))
                if v is not None:
                    props[name] = v
            color = rpr.find(f"{_W}color")
            if color is not None and color.get(_VAL):
                props["color"] = color.get(_VAL).upper()
            if _run_filled(rpr):
                props["shaded"] = True
        ppr = st.find(_PPR)
        if _painted(ppr.find(_SHD) if ppr is not None else None) or st.find(f".//{_SHD}") is not None and st.get(f"{_W}type") == "table":
            props["shaded"] = True
        own[sid] = props
    out: dict[str, dict[str, object]] = {}
    for sid in own:
        merged: dict[str, object] = {}
        at, seen = sid, set()
        while at is not None and at in own and at not in seen:  # the style first, then what it is based on
            seen.add(at)
            for k, v in own[at].items():
                merged.setdefault(k, v)
            at = base.get(at)
        if merged:
            out[sid] = merged
    return out


def _styled_unshown(body, styles, background) -> int:
    """Remove the runs Word does not show for what their styles say (a character or paragraph style
    that hides or strikes its text, unless the run turns it off) or for their colour: white text on
    the white page, with no fill under it (a run's, its paragraph's, its cell's or its table's, or
    the page's own colour); how many held text."""
    props = _style_props(styles)
    color = (background.get(f"{_W}color") or "auto").upper() if background is not None else "AUTO"
    page_white = color == "AUTO" or _white(color)
    whites = any(_white((c.get(_VAL) or "").upper()) for c in body.iter(f"{_W}color"))
    if not props and not whites:
        return 0
    hiding_styles = {sid for sid, p in props.items() if any(p.get(k) for k in _HIDING)}
    white_styles = {sid for sid, p in props.items() if _white(str(p.get("color") or ""))}
    if not hiding_styles and not (page_white and (whites or white_styles)):
        return 0
    gone, white = [], []
    for r in body.iter(_R):
        rpr = r.find(_RPR)
        rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
        rs = props.get(rstyle.get(_VAL), {}) if rstyle is not None else {}
        p = r.getparent()
        while p is not None and p.tag != _P:
            p = p.getparent()
        ppr = p.find(_PPR) if p is not None else None
        pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
        ps = props.get(pstyle.get(_VAL), {}) if pstyle is not None else {}

        def prop(name: str):
            if rpr is not None:
                el = rpr.find(f"{_W}{name}")
                if el is not None:
                    return el.get(_VAL).upper() if name == "color" else _on(el)
            return rs.get(name, ps.get(name))

        if any(prop(k) for k in _HIDING):
            gone.append(r)
            continue
        if page_white and _white(str(prop("color") or "")) and not _shown_on_fill(r, rpr, rs, ps, props):
            white.append(r)
    # most of the text white: the page is coloured in a way not looked into (a theme, a picture behind
    # the text), and the white text is what it shows
    if white and mostly(sum(_chars(r) for r in white), sum(_chars(r) for r in body.iter(_R))):
        white = []
    n = 0
    for r in gone + white:
        parent = r.getparent()
        if parent is not None:
            n += any((t.text or "").strip() for t in r.iter(_T))
            parent.remove(r)
    return n


def _chars(run) -> int:
    return sum(len(t.text or "") for t in run.iter(_T))


def _shown_on_fill(r, rpr, rs: dict, ps: dict, props: dict) -> bool:
    """Is a white run on a coloured fill: its own shading or highlight, its paragraph's, or a cell's,
    row's or table's around it (by direct formatting or by their styles)?"""
    if rs.get("shaded") or ps.get("shaded"):
        return True
    if rpr is not None and _run_filled(rpr):
        return True
    el = r.getparent()
    while el is not None:
        tag = el.tag
        if tag == _P:
            ppr = el.find(_PPR)
            if ppr is not None and _painted(ppr.find(_SHD)):
                return True
        elif tag == _TC:
            if _painted(el.find(f"{_W}tcPr/{_SHD}")):
                return True
        elif tag == _TBL:
            style = el.find(f"{_W}tblPr/{_W}tblStyle")
            if _painted(el.find(f"{_W}tblPr/{_SHD}")) or style is not None and props.get(style.get(_VAL), {}).get("shaded"):
                return True  # (a table style that shades any part of its table: which part is not looked into)
        el = el.getparent()
    return False


def _heading_styles(d) -> frozenset[str]:
    """The ids of the file's heading styles (Heading 1…, 标题 1…; Chinese Word names them by number)."""
    ids = set()
    for st in d.styles.element.iter(f"{_W}style"):
        name = st.find(f"{_W}name")
        label = (name.get(_VAL) if name is not None else "") or ""
        low = label.lower()
        if low.startswith(("heading", "标题")) or st.find(f"{_W}pPr/{_W}outlineLvl") is not None:
            ids.add(st.get(f"{_W}styleId") or "")
    return frozenset(ids)


class _Out:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.grids: list = []
        self.breaks = 0
        self.budget = MAX_CELLS
        self.cut = 0
        self.heading_styles: frozenset[str] = frozenset()
        self.headings: list[int] = []  # lines of paragraphs in a heading style

    def page(self) -> None:
        if self.lines and self.lines[-1] != PAGE_BREAK:
            self.lines.append(PAGE_BREAK)
            self.breaks += 1


def _body(el, out: _Out) -> None:
    for child in el:
        tag = child.tag
        if tag == _P:
            _paragraph(child, out)
        elif tag == _TBL:
            rows = _grid(child, out)
            if rows:
                rendered, grid = render(rows, len(out.lines))
                out.grids.append(grid)
                out.lines.extend(rendered)
        elif tag == _SDT:  # a content control: its content is body content
            for content in child.iter(f"{_W}sdtContent"):
                _body(content, out)
                break


def _paragraph(p, out: _Out) -> None:
    pr = p.find(f"{_W}pPr")
    heading = False
    if pr is not None:
        if pr.find(f"{_W}pageBreakBefore") is not None:
            out.page()
        style = pr.find(f"{_W}pStyle")
        heading = (style is not None and style.get(_VAL) in out.heading_styles) or pr.find(f"{_W}outlineLvl") is not None
    if heading:
        before = len(out.lines)
        _runs(p, out)
        out.headings.extend(i for i in range(before, len(out.lines)) if out.lines[i] != PAGE_BREAK)
        return
    _runs(p, out)


def _runs(p, out: _Out) -> None:
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR, _RENDERED):
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _RENDERED or (tag == _BR and el.get(_TYPE) == "page"):
            if "".join(parts).strip():
                _emit(parts, out)
                parts = []
            out.page()
        else:
            parts.append("\n")
    _emit(parts, out)


def _emit(parts: list[str], out: _Out) -> None:
    text = "".join(parts)
    for line in text.split("\n"):
        line = line.replace("\r", "").replace(PAGE_BREAK, " ").rstrip()
        if line.strip():
            out.lines.append(line.strip(" "))


def _cell(tc) -> str:
    paras = []
    for p in tc.iter(_P):
        paras.append("".join(el.text or "" if el.tag == _T else " " for el in p.iter(_T, _TAB)))
    return cell_text("\n".join(x for x in paras if x.strip()))


def _int(el, name: str, default: int = 1) -> int:
    if el is None:
        return default
    x = el.find(f"{_W}{name}")
    if x is None:
        return default
    try:
        return max(0, min(100, int(x.get(_VAL, default))))
    except ValueError:
        return default


def _grid(tbl, out: _Out) -> list[list[str]]:
    """The table's rows, merged cells expanded."""
    entries = []  # (row, column, columns spanned, vMerge, text)
    width = 0
    nrows = 0
    for r, tr in enumerate(x for x in tbl if x.tag == _TR):
        nrows = r + 1
        c = _int(tr.find(f"{_W}trPr"), "gridBefore", 0)
        for tc in tr:
            if tc.tag != _TC:
                continue
            pr = tc.find(f"{_W}tcPr")
            cs = max(1, _int(pr, "gridSpan"))
            vm = pr.find(f"{_W}vMerge") if pr is not None else None
            merge = None if vm is None else (vm.get(_VAL) or "continue")
            entries.append((r, c, cs, merge, _cell(tc) if merge != "continue" else ""))
            c += cs
            width = max(width, c)
    if not entries:
        return []
    if nrows * width > out.budget:
        out.cut += 1
        return []
    out.budget -= nrows * width
    down: dict[int, list] = {}  # column → the open vertical merge there: [row, column, span, text, rows]
    starts = []
    for r, c, cs, merge, text in entries:
        if merge == "continue" and c in down and down[c][0] + down[c][4] == r:
            down[c][4] += 1
            continue
        cell = [r, c, cs, text, 1]
        starts.append(cell)
        if merge == "restart":
            down[c] = cell
        else:
            down.pop(c, None)
    grid: dict[tuple[int, int], str] = {}
    for r, c, cs, text, rs in starts:
        place(grid, r, c, rs, cs, text)
    return rows_of(grid, nrows, width, MISSING)
