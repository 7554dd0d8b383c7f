"""Legacy Word files: Word 97–2003 `.doc` and WPS `.wps` saved in Word's binary format, read in pure
Python with olefile ([MS-DOC]).

The text is the main document's characters, found through the piece table (the `Clx` in the table
stream: each piece of text stored as UTF-16 or, "compressed", one byte a character). Word ends each
table cell with mark 7 and each table row with mark 7 too, in a paragraph whose properties say it
ends a row (`sprmPFTtp`, in the paragraph property pages the `PlcBtePapx` points to): so cells and
rows come out exactly, and a table reads as cleanly as a `.docx` one (rendered as readers/grid.py
renders every table). A field's code (`{ PAGE }`, hyperlinks) is dropped, its result kept; pictures
and drawn objects are dropped; a page break starts a new page. Text Word does not show as text is
not read — hidden, deleted in a tracked change, struck through — and a raised number (a footnote's,
17¹) is written raised: from the character properties (`PlcBteChpx` pages).
"""

from __future__ import annotations

import io
import struct

from ..document import PAGE_BREAK, Document, Grid, paged
from ..values import RAISED
from .colours import mostly, white_rgb
from .errors import ReadError
from .grid import MISSING, cell_text, place, render, rows_of

MAX_CHARS = 5_000_000  # the main document's characters read at most
MAX_CELLS = 200_000


def _what(source: str) -> str:
    return "WPS file (.wps)" if source.lower().endswith(".wps") else "Word 97–2003 file (.doc)"


def read_doc(data: bytes, source: str, sha: str) -> Document:
    import olefile

    what = _what(source)
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - not a compound file olefile can open: one line
        raise ReadError(source, f"a damaged {what}; download it again") from None
    try:
        if not ole.exists("WordDocument"):
            raise ReadError(source, f"a {what} that is not in Word's format (no WordDocument stream): save it "
                                    "as .docx and open that")
        word = ole.openstream("WordDocument").read()
        text_runs, ttp = _read(ole, word, source, what)
    except ReadError:
        raise
    except Exception as e:  # noqa: BLE001 - a structure that does not hold together: one line
        raise ReadError(source, f"a damaged {what} ({type(e).__name__})") from None
    finally:
        ole.close()
    lines, grids, cut = _layout(text_runs, ttp)
    if not "".join(lines).strip(PAGE_BREAK + " \n"):
        raise ReadError(source, f"a {what} with no text")
    shift = 1 if PAGE_BREAK in lines else 0
    text, pages = paged([PAGE_BREAK] * shift + lines)
    grids = [Grid(g.rows, g.first_line + shift, g.spanned) for g in grids]
    notes = [f"table cells past {MAX_CELLS:,} were cut"] if cut else []
    return Document(source, text, sha, "doc", tuple(grids), tuple(notes), pages=pages if shift else ())


def _read(ole, word: bytes, source: str, what: str) -> tuple[list[tuple[str, int, int]], list[tuple[int, int, int]]]:
    """The main document's text as (text, fc of its first character, bytes a character) runs, one a
    piece; and the paragraphs' (fc start, fc end, kind): kind 0 outside tables, 1 in a table cell,
    2 ending a table row."""
    ident, = struct.unpack_from("<H", word, 0)
    if ident != 0xA5EC:
        raise ReadError(source, f"a damaged {what}: not a Word binary document")
    flags, = struct.unpack_from("<H", word, 0x0A)
    if flags & 0x0100:
        raise ReadError(source, f"a password-protected {what}: open it with its password and save a copy "
                                "without one")
    table_name = "1Table" if flags & 0x0200 else "0Table"
    if not ole.exists(table_name):
        raise ReadError(source, f"a damaged {what}: its table stream is missing")
    table = ole.openstream(table_name).read()
    huge = ole.openstream("Data").read() if ole.exists("Data") else b""  # large paragraph properties
    csw, = struct.unpack_from("<H", word, 32)
    lw = 34 + csw * 2
    cslw, = struct.unpack_from("<H", word, lw)
    ccp_text, = struct.unpack_from("<i", word, lw + 2 + 3 * 4)
    fclcb = lw + 2 + cslw * 4 + 2

    def pair(i: int) -> tuple[int, int]:
        return struct.unpack_from("<II", word, fclcb + 8 * i)

    fc_clx, lcb_clx = pair(33)
    fc_papx, lcb_papx = pair(13)
    # the piece table
    clx = table[fc_clx:fc_clx + lcb_clx]
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property changes, not needed here
        cb, = struct.unpack_from("<h", clx, pos + 1)
        pos += 3 + cb
    if pos >= len(clx) or clx[pos] != 0x02:
        raise ReadError(source, f"a damaged {what}: its piece table is broken")
    lcb, = struct.unpack_from("<I", clx, pos + 1)
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0:
        raise ReadError(source, f"a damaged {what}: its piece table is broken")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    runs: list[tuple[str, int, int]] = []
    left = min(max(ccp_text, 0), MAX_CHARS)
    for i in range(n):
        if left <= 0:
            break
        fc, = struct.unpack_from("<I", plc, 4 * (n + 1) + 12 * i + 2)
        count = min(cps[i + 1] - cps[i], left)
        if count <= 0:
            continue
        if fc & 0x40000000:
            start = (fc & 0x3FFFFFFF) // 2
            chunk = word[start:start + count].decode("cp1252", errors="replace")
            runs.append((chunk, start, 1))
        else:
            chunk = word[fc:fc + 2 * count].decode("utf-16-le", errors="replace")
            runs.append((chunk, fc, 2))
        left -= count
    # the paragraphs that end a table row (sprmPFTtp), from the paragraph property pages
    ttp: list[tuple[int, int, int]] = []
    shaded = False  # a paragraph or a table row shaded anywhere: white text may show on it
    for start, end, page, b in _fkp_runs(word, table[fc_papx:fc_papx + lcb_papx], 13):  # (a BxPap: 13 bytes)
        kind = 0
        if b:
            cb = page[b]
            at, size = (b + 1, 2 * cb - 1) if cb else (b + 2, 2 * page[b + 1])
            kind, filled = _paragraph(page[at + 2:at + size], huge)  # (after the style index)
            shaded = shaded or filled
        ttp.append((start, end, kind))
    fc_chpx, lcb_chpx = pair(12)
    try:
        props = _char_props(word, table[fc_chpx:fc_chpx + lcb_chpx])
    except (struct.error, IndexError, KeyError):  # damaged character properties: the text as stored
        props = []
    if shaded:  # white text on some fill: which, the properties here do not say — all of it read
        props = [p for p in props if p[2] != WHITE]
    return _shown(runs, props), ttp


# character properties (sprms) that change what a character is: Word shows no text for a deleted
# revision (sprmCFRMarkDel), hidden text (sprmCFVanish) and, read as a correction's old text, text
# struck through (sprmCFStrike, sprmCFDStrike); sprmCIss 1 raises it (superscript)
_UNSHOWN_SPRMS = (0x0800, 0x083C, 0x0837, 0x2A53)
_ISS = 0x2A48
# a run's colour: sprmCIco (8: white) and sprmCCv (a COLORREF: red, green, blue, fAuto); what puts a
# fill under it: sprmCHighlight, sprmCShd80, sprmCShd. A paragraph's or a table's fill: sprmPShd80,
# sprmPShd, sprmTDefTableShd80, sprmTDefTableShd (and its 2nd and 3rd), sprmTShd80, sprmTCellShd
_ICO, _CV, _HIGHLIGHT = 0x2A42, 0x6870, 0x2A0C
_SHD80_FILLS = frozenset((0x4866, 0x442D, 0xD609))  # their operands: SHD80s (2 bytes each)
_SHD_FILLS = frozenset((0xCA71, 0xC64D, 0xD612, 0xD616, 0xD60C, 0xD670))  # … SHDs (10 bytes each)
UNSHOWN, RAISED_TEXT, WHITE = 1, 2, 3


def _fkp_runs(word: bytes, plc: bytes, entry: int):
    """The runs of the formatted disk pages (FKP) a bin table `plc` points to: (fc start, fc end,
    the page, where the run's properties start in it — 0: none). `entry`: the bytes of an entry
    after the page's fc array (13 for paragraphs, 1 for characters)."""
    m = (len(plc) - 4) // 8
    for k in range(max(m, 0)):
        pn, = struct.unpack_from("<I", plc, 4 * (m + 1) + 4 * k)
        page = word[(pn & 0x3FFFFF) * 512:(pn & 0x3FFFFF) * 512 + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        if 4 * (crun + 1) + entry * crun > 511:
            continue
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            yield fcs[i], fcs[i + 1], page, page[4 * (crun + 1) + entry * i] * 2


def _sprms(grpprl: bytes):
    """Each property modifier of `grpprl` as (its operation, where its operand starts)."""
    i = 0
    while i + 2 <= len(grpprl):
        op, = struct.unpack_from("<H", grpprl, i)
        i += 2
        spra = op >> 13
        if spra == 6:
            if op == 0xD608 and i + 2 <= len(grpprl):  # sprmTDefTable: a 2-byte size
                size = struct.unpack_from("<H", grpprl, i)[0] + 1
            else:
                size = (grpprl[i] if i < len(grpprl) else 0) + 1
        else:
            size = _SIZES[spra]
        yield op, i
        i += size


def _char_props(word: bytes, plc: bytes) -> list[tuple[int, int, int]]:
    """(fc start, fc end, UNSHOWN or RAISED_TEXT) of the runs whose characters are not shown as
    text or are raised, from the character property pages (ChpxFkp) the bin table `plc` points to.
    A toggle's 0x81 ("not the style's") counts as on: styles do not hide or strike report text."""
    out: list[tuple[int, int, int]] = []
    for start, end, page, b in _fkp_runs(word, plc, 1):
        if b:
            what = _what_chpx(page[b + 1:b + 1 + page[b]])
            if what:
                out.append((start, end, what))
    out.sort()
    return out


def _what_chpx(grpprl: bytes) -> int:
    what = 0
    white = filled = False
    for op, i in _sprms(grpprl):
        value = grpprl[i] if i < len(grpprl) else 0
        if op in _UNSHOWN_SPRMS:
            if value in (1, 0x81):
                return UNSHOWN
        elif op == _ISS:
            what = RAISED_TEXT if value == 1 else 0
        elif op == _ICO:
            white = value == 8
        elif op == _CV and i + 4 <= len(grpprl):
            white = grpprl[i + 3] == 0 and white_rgb(grpprl[i:i + 3])
        elif op == _HIGHLIGHT and value not in (0, 8) or op in (0x4866, 0xCA71) and _fills(op, grpprl, i):
            filled = True
    return what or (WHITE if white and not filled else 0)


def _fills(op: int, grpprl: bytes, i: int) -> bool:
    """Does a shading modifier's operand (at `i`) fill with a colour — not clear over the automatic
    or a white background, nor nil? SHD80: icoFore, icoBack (5 bits each; 0 automatic, 8 white),
    ipat (6 bits: 0 clear, 1 solid, 63 nil); SHD: cvFore and cvBack (COLORREFs, fAuto 0xFF), ipat."""
    if op in _SHD80_FILLS:
        data = grpprl[i:i + 2] if op != 0xD609 else grpprl[i + 1:i + 1 + grpprl[i]] if i < len(grpprl) else b""
        for k in range(0, len(data) - 1, 2):
            w = data[k] | data[k + 1] << 8
            fore, back, pat = w & 0x1F, (w >> 5) & 0x1F, (w >> 10) & 0x3F
            if pat == 0 and back not in (0, 8) or pat == 1 and fore != 8 or 1 < pat < 0x3F:
                return True
        return False
    data = grpprl[i + 1:i + 1 + grpprl[i]] if i < len(grpprl) else b""
    for k in range(0, len(data) - 9, 10):
        fore, back, pat = data[k:k + 4], data[k + 4:k + 8], data[k + 8] | data[k + 9] << 8
        paint = (pat == 0 and back) or (pat == 1 and fore) or (1 < pat < 0xFFFF and fore)
        if paint and (paint[3] == 0xFF and pat != 0 or paint[3] != 0xFF and not white_rgb(paint[:3])):
            return True  # (solid over the automatic colour is black; clear over it is no fill)
    return False


def _shown(runs: list[tuple[str, int, int]], props: list[tuple[int, int, int]]) -> list[tuple[str, int, int]]:
    """The runs with their unshown characters made \\x01 (which the layout skips; a cell's or a
    paragraph's mark stays, as Word keeps its table) and their raised digits written raised. White
    text is unshown unless most of the text is white (the page coloured some way not looked into)."""
    if not props:
        return runs
    if any(w == WHITE for _, _, w in props):
        total = sum(len(t) * width for t, _, width in runs)
        if mostly(sum(b - a for a, b, w in props if w == WHITE), total):
            props = [p for p in props if p[2] != WHITE]
    out = []
    for text, fc0, width in runs:
        end = fc0 + len(text) * width
        chars = None
        for a, b, what in props:
            if b <= fc0 or a >= end:
                continue
            if chars is None:
                chars = list(text)
            for j in range(max(0, (a - fc0) // width), min(len(text), (b - fc0 + width - 1) // width)):
                ch = chars[j]
                if ch >= " " or ch == "\t":
                    chars[j] = ch.translate(RAISED) if what == RAISED_TEXT else "\x01"
        out.append(("".join(chars), fc0, width) if chars is not None else (text, fc0, width))
    return out


_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}


def _paragraph(grpprl: bytes, huge: bytes = b"") -> tuple[int, bool]:
    """What a paragraph's property list says, in one walk: its table kind — 0 outside tables, 1 in
    a table cell (sprmPFInTable 0x2416, sprmPItap 0x6649), 2 the mark that ends a table row
    (sprmPFTtp 0x2417, sprmPFInnerTtp 0x244C) — and whether it puts a fill anywhere (its own
    shading, its row's cells': `_fills`). A row's long properties (a wide table's cell definitions)
    are in the Data stream (`huge`), where sprmPHugePapx 0x6646 points."""
    kind, filled = 0, False
    for op, i in _sprms(grpprl):
        value = grpprl[i] if i < len(grpprl) else 0
        if op == 0x6646 and i + 4 <= len(grpprl) and huge:
            at, = struct.unpack_from("<I", grpprl, i)
            if at + 2 <= len(huge):
                cb, = struct.unpack_from("<H", huge, at)
                k, f = _paragraph(huge[at + 2:at + 2 + cb])
                kind, filled = max(kind, k), filled or f
        elif op in (0x2417, 0x244C) and value:
            kind = 2
        elif op in (0x2416, 0x244B) and value or op == 0x6649 and value:
            kind = max(kind, 1)
        elif not filled and (op in _SHD80_FILLS or op in _SHD_FILLS) and _fills(op, grpprl, i):
            filled = True
    return kind, filled


def _layout(runs: list[tuple[str, int, int]], ttp: list[tuple[int, int, int]]):
    """Lines and table grids from the text, marks 7 read as cell or row ends."""
    import bisect

    starts = [a for a, _, _ in ttp]

    def kind_at(fc: int) -> int:
        k = bisect.bisect_right(starts, fc) - 1
        return ttp[k][2] if k >= 0 and ttp[k][0] <= fc < ttp[k][1] else 0

    lines: list[str] = []
    grids: list = []
    para: list[str] = []
    cells: list[str] = []
    rows: list[list[str]] = []
    field: list[int] = []  # open fields: 0 while in the code, 1 in the result
    budget = MAX_CELLS
    cut = False

    def end_table() -> None:
        nonlocal rows, budget, cut
        if not rows:
            return
        width = max(len(r) for r in rows)
        grid: dict[tuple[int, int], str] = {}
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if budget <= 0:
                    cut = True
                    break
                budget -= 1
                place(grid, r, c, 1, 1, text)
        table, g = render(rows_of(grid, len(rows), width, MISSING), len(lines))
        lines.extend(table)
        grids.append(g)
        rows = []

    for text, fc0, width in runs:
        for j, ch in enumerate(text):
            if ch == "\x13":
                field.append(0)
                continue
            if ch == "\x14":
                if field:
                    field[-1] = 1
                continue
            if ch == "\x15":
                if field:
                    field.pop()
                continue
            if field and field[-1] == 0:
                continue  # a field's code
            if ch == "\x07":
                if kind_at(fc0 + j * width) == 2:
                    rows.append(cells)
                    cells = []
                else:
                    cells.append(cell_text("".join(para)))
                para = []
            elif ch == "\r" and kind_at(fc0 + j * width):  # a paragraph inside a cell: the cell goes on
                para.append(" ")
            elif ch in "\r\x0b":
                end_table()
                lines.append("".join(para).strip())
                para = []
            elif ch == "\x0c":
                end_table()
                if para:
                    lines.append("".join(para).strip())
                    para = []
                lines.append(PAGE_BREAK)
            elif ch in "\x01\x08\x1f":
                continue
            elif ch == "\x1e":
                para.append("-")
            elif ch == "\xa0":
                para.append(" ")
            elif ch >= " " or ch == "\t":
                para.append(ch)
    end_table()
    if para:
        lines.append("".join(para).strip())
    return lines, grids, cut
