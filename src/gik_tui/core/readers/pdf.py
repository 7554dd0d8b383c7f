"""PDF attachments (pdfplumber): the text in reading order and the ruled tables as grids, with the
page of every line.

- Tables are found from their ruling lines; a merged cell (a header over several columns, a group
  label over several rows) is expanded like an HTML span (readers/grid.py). A table with no rules
  is read from its text: cells far apart on a line are kept apart by two spaces, which the table
  parser reads as a row copied out of Word; a label wrapped inside its cell around its figures, and
  a header wrapped inside its column above a row of figures, are put back together.
- A table that runs over a page break is joined to its first part (its columns matched by their
  positions on the page) and a header row repeated on the next page is dropped.
- Text outside the tables is rebuilt from its characters line by line, without the stray spaces
  PDF extraction puts between Chinese characters.
- What no reader sees is not read (`_seen`): text drawn with no ink (found by pdfium, `_invisible`),
  white on nothing, covered by an opaque box drawn later, or off the page — unless most of the page
  is drawn so (a search layer over text drawn as outlines). Faked bold is merged after.
- Running headers and footers (a line repeated at the top or bottom of the pages) and page numbers
  (`— 3 —`, `第 3 页 共 5 页`, `3/5`) are dropped.
- Each page starts with a line holding only a form feed ("\\f"): no part of the engine reads it,
  Document.pages knows where each page starts, and the source view shows it as a page marker.
Bounded: at most MAX_PAGES pages are read, a page with more than MAX_CHARS characters is skipped
and one with more than MAX_RULES drawn lines is read without looking for ruled tables (each said in
a note); in a batch each file also has its time limit (core/batch.py).
"""

from __future__ import annotations

import bisect
import io
import math
import os
import threading
import re
from dataclasses import dataclass, field

from ..document import PAGE_BREAK, Document, Grid, paged
from ..values import RAISED
from .colours import WHITE_AT, mostly, white_rgb
from .errors import ReadError
from .grid import cell_text, is_figure, place, render, rows_of

MAX_PAGES = 200
PDFIUM = threading.Lock()  # every call into pdfium, from any thread (it is not thread-safe)


DEDUPE_TOLERANCE = 1.0  # points: the same character this near is drawn twice (a glyph is 5+ wide)


def _fresh_lock() -> None:  # a worker forked while another thread held it starts with it free
    global PDFIUM
    PDFIUM = threading.Lock()


os.register_at_fork(after_in_child=_fresh_lock)
MAX_CHARS = 100_000  # characters on one page (a report's fullest page has a few thousand)
MAX_RULES = 5_000  # drawn lines and boxes on one page past which no table is looked for
_BAND = 0.08  # the top and bottom share of a page where running headers and footers stand
_PAGE_NUMBER = re.compile(r"^(?:[-—–~_·\s]*\d{1,4}[-—–~_·\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|"
                          r"共\s*\d+\s*页\s*第\s*\d+\s*页|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$", re.I)
_DIGITS = re.compile(r"\d+")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
_TOL = 1.5  # points: two rules closer than this are one
_SMALLER, _HIGHER = 0.8, 0.15  # a raised character: at most 0.8 of its line's size, its foot 0.15 of it higher


@dataclass
class _Line:
    top: float
    bottom: float
    text: str
    segs: list[tuple[float, float, str]] = field(default_factory=list)  # its parts two spaces apart, with x0, x1


@dataclass
class _Table:
    top: float
    bottom: float
    x0: float
    x1: float
    xs: list[float]  # column boundaries, left to right
    cells: list[tuple[float, float, float, float, str]]  # x0, top, x1, bottom, text
    page: int = 0
    parts: list["_Table"] = field(default_factory=list)  # continuations on the next pages
    root: "_Table | None" = None  # the first part, when this one continues it


@dataclass
class _Page:
    number: int
    items: list  # _Line and _Table in reading order
    head: list[_Line]
    foot: list[_Line]
    chars: int = 0  # characters on the page
    unmapped: int = 0  # of them, characters its fonts did not map to Unicode (`_unmapped`)
    recognised: bool = False  # its text was recognised in a picture (OCR): its boxes are kept


def read_pdf(data: bytes, source: str, sha: str) -> Document:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # PdfminerException, and the many kinds pdfminer raises on a damaged file
        raise ReadError(source, _why(e)) from None
    notes: list[str] = []
    try:
        with pdf:
            try:
                pages = pdf.pages
            except Exception as e:
                raise ReadError(source, _why(e)) from None
            if not pages:
                raise ReadError(source, "a PDF with no pages")
            if len(pages) > MAX_PAGES:
                notes.append(f"the PDF has {len(pages)} pages; only the first {MAX_PAGES} were read")
            # each page's characters counted first, in pdfium's C code: a page over the cap is
            # skipped before pdfplumber builds an object for each of its characters
            counted = _char_counts(data, min(len(pages), MAX_PAGES))
            counts, unseen = counted if counted is not None else (None, None)
            read: list[_Page] = []
            images = 0
            scanned: list[int] = []  # pages with pictures and no text: for OCR
            for i, page in enumerate(pages[:MAX_PAGES]):
                try:
                    if counts is not None and counts[i] > MAX_CHARS:
                        notes.append(_too_many(i + 1, counts[i]))
                        read.append(_Page(i + 1, [], [], []))
                        continue
                    read.append(_read_page(page, i + 1, notes, unseen[i] if unseen else ((), ())))
                    images += len(page.images)
                    if page.images and not read[-1].chars:
                        scanned.append(i)
                except Exception as e:
                    notes.append(f"page {i + 1} could not be read ({_why(e)}); it was skipped")
                    read.append(_Page(i + 1, [], [], []))
                finally:
                    page.close()
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(source, _why(e)) from None
    ocr_pages: frozenset[int] = frozenset()
    if scanned:
        from . import ocr

        if ocr.available():
            for i, page in _recognised(data, source, sha, scanned, notes):
                read[i] = page
            ocr_pages = frozenset(i + 1 for i in scanned if read[i].chars)
        elif len(scanned) == len(read):
            raise ocr.needs_extra(source, "a scanned PDF (no text layer)")
        else:
            notes.append(f"{len(scanned)} page(s) are scanned images ({', '.join(str(i + 1) for i in scanned[:10])}) "
                         f"and were not read; reading them needs OCR: {ocr.INSTALL}")
    if sum(p.unmapped for p in read) > 0.1 * sum(p.chars for p in read):
        raise ReadError(source, "the PDF's fonts do not say which characters they draw (its text reads as "
                                "(cid:…) codes or unrelated rare characters); run OCR on it (e.g. `ocrmypdf "
                                "--force-ocr in.pdf out.pdf`), then open the result")
    if not any(p.items or p.head or p.foot for p in read):
        if notes:
            raise ReadError(source, "no text could be read: " + "; ".join(notes))
        if images:
            raise ReadError(source, "no text layer — a scanned image; run OCR first (e.g. `ocrmypdf in.pdf out.pdf`), "
                                    "then open the result")
        raise ReadError(source, "a PDF with no text")
    _drop_running(read)
    text, grids, starts, boxes = _compose(read)
    return Document(source, text, sha, "pdf", tuple(grids), tuple(notes), pages=starts, ocr_pages=ocr_pages,
                    ocr_boxes=boxes)


def _recognised(data: bytes, source: str, sha: str, scanned: list[int], notes: list[str]):
    """The scanned pages recognised (readers/ocr.py), each as (index, page)."""
    import pypdfium2 as pdfium

    from . import ocr

    with PDFIUM:
        pdf = pdfium.PdfDocument(data)
    try:
        for n, i in enumerate(scanned):
            ocr.tell(source, n + 1, len(scanned))
            with PDFIUM:
                page = pdf[i]
            try:
                with PDFIUM:
                    width, height = page.get_size()
                    if width * height * (ocr.DPI / 72) ** 2 > ocr.MAX_PIXELS:
                        notes.append(f"page {i + 1} is too large a picture to recognise; it was skipped")
                        continue
                    image = page.render(scale=ocr.DPI / 72, grayscale=True).to_pil()
                boxes = ocr.recognise(image, f"{sha}:{i + 1}:{ocr.DPI}")
                yield i, layout(ocr.chars(boxes, 72 / ocr.DPI), [], height, i + 1, recognised=True)
            except Exception as e:  # noqa: BLE001 - one page the engine cannot take: said, the others read
                notes.append(f"page {i + 1} could not be recognised ({type(e).__name__}); it was skipped")
            finally:
                with PDFIUM:
                    page.close()
    finally:
        with PDFIUM:
            pdf.close()


def _unmapped(text: str) -> bool:
    """A character the font did not map to Unicode: pdfminer's "(cid:123)", or one of the rare
    characters of CJK Extension A that a wrong mapping turns common ones into (a report has none)."""
    return text.startswith("(cid:") or "\u3400" <= text[:1] <= "\u4dbf"


def _why(e: BaseException) -> str:
    """One line for what went wrong opening a PDF."""
    inner = e
    while getattr(inner, "args", None) and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    name = type(inner).__name__
    msg = str(inner)
    if "Password" in name or "password" in msg.lower() or "Encryption" in name:
        return "a password-protected PDF: open it with its password and save a copy without one"
    if "Syntax" in name or "EOF" in msg or "xref" in msg.lower() or "trailer" in msg.lower() or "PSEOF" in name:
        return f"a damaged PDF ({name}); download it again"
    return f"a damaged or unreadable PDF ({name}: {msg[:80]})" if msg else f"a damaged or unreadable PDF ({name})"


def _char_counts(data: bytes, pages: int) -> tuple[list[int], list[tuple[list, list]]] | None:
    """The characters on each of the first `pages` pages, as pdfium counts them (a page of a
    million characters in half a second, its memory freed at once), and the boxes of each page's
    text that draws nothing — no ink, or covered (`_invisible`); None when pdfium cannot say, and then the count pdfplumber
    gives is the only bound."""
    with PDFIUM:  # pdfium is not thread-safe: the queue's thread and the report's both read PDFs
        return _counted(data, pages)


def _counted(data: bytes, pages: int) -> tuple[list[int], list[tuple[list, list]]] | None:
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - pdfplumber says what is wrong with the file
        return None
    counts: list[int] = []
    unseen: list[tuple[list, list]] = []
    try:
        for i in range(min(pages, len(doc))):
            page = doc[i]
            try:
                text = page.get_textpage()
                try:
                    counts.append(text.count_chars())
                    unseen.append(_invisible(page, text) if counts[-1] else ([], []))
                finally:
                    text.close()
            except Exception:  # noqa: BLE001 - this page is left to pdfplumber's own count
                counts.append(0)
                unseen.append(([], []))
            finally:
                page.close()
    finally:
        doc.close()
    more = pages - len(counts)
    return counts + [0] * more, unseen + [([], []) for _ in range(more)]


_NO_INK = (3, 7)  # text render modes that draw nothing: invisible, and invisible adding to the clip
_MAX_OBJECTS = 20_000  # page objects looked at for invisible text (a report's page has hundreds)


def _invisible(page, textpage) -> tuple[list[tuple[float, float, float, float]], list[tuple[tuple[float, float, float, float], int]]]:
    """The boxes (x0, top, x1, bottom, as pdfplumber places characters) of the page's text objects
    that draw nothing: (those in a render mode that leaves no ink — `Tr 3`: a scan's recognised
    text layer, or text put there to be found and not seen —, those a later opaque rectangle
    covers whole — an old figure under a white box, the new one written over it — each with
    how many characters it draws), within forms too, in the order the page draws them. A page turned
    by /Rotate is not looked at."""
    import ctypes

    import pypdfium2.raw as raw

    if page.get_rotation():
        return [], []
    x0, y0, _, y1 = page.get_mediabox()
    no_ink: list[tuple[float, float, float, float]] = []
    texts: list[tuple[int, tuple[float, float, float, float], object]] = []  # (order, box, object) drawn in ink
    covers: list[tuple[int, tuple[float, float, float, float]]] = []  # … of opaque rectangles
    seen = 0
    lft, bot, rgt, tp = (ctypes.c_float() for _ in range(4))
    r, g, b, alpha = (ctypes.c_uint() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def box(obj, m) -> tuple[float, float, float, float] | None:
        if not raw.FPDFPageObj_GetBounds(obj, lft, bot, rgt, tp):
            return None
        xs, ys = zip(*(_apply(m, x, y) for x in (lft.value, rgt.value) for y in (bot.value, tp.value)))
        return min(xs) - x0, y1 - max(ys), max(xs) - x0, y1 - min(ys)

    frames = [[page, False, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0, 0]]  # parent, form?, matrix, depth, next
    order = 0
    while frames:
        frame = frames[-1]
        parent, form, m, depth, k = frame
        n = (raw.FPDFFormObj_CountObjects if form else raw.FPDFPage_CountObjects)(parent)
        if k == 0:
            seen += max(n, 0)
            if seen > _MAX_OBJECTS:
                break
        if k >= n:
            frames.pop()
            continue
        frame[4] = k + 1
        obj = (raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject)(parent, k)
        order += 1
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            at = box(obj, m)
            if at is not None and raw.FPDFTextObj_GetTextRenderMode(obj) in _NO_INK:
                no_ink.append(at)
            elif at is not None:
                texts.append((order, at, obj))
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
            fm = raw.FS_MATRIX()
            if raw.FPDFPageObj_GetMatrix(obj, fm):
                frames.append([obj, True, _times((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), m), depth + 1, 0])
        elif kind == raw.FPDF_PAGEOBJ_PATH and _opaque_rectangle(raw, obj, fill, stroke, r, g, b, alpha):
            # (a picture is no cover: whether it is see-through — a seal over the date — pdfium
            # does not say without drawing it)
            at = box(obj, m)
            if at is not None and at[2] - at[0] >= _COVER_LEAST and at[3] - at[1] >= _COVER_LEAST:
                covers.append((order, at))
    covered = [(t, _chars_of(raw, obj, textpage)) for i, t, obj in texts
               if any(j > i and c[0] - _TOL <= t[0] and c[1] - _TOL <= t[1] and t[2] <= c[2] + _TOL
                      and t[3] <= c[3] + _TOL for j, c in covers)] if covers else []
    return no_ink, covered


def _chars_of(raw, obj, textpage) -> int:
    """How many characters a text object draws (its text as pdfium reads it: UTF-16, a nought
    after it)."""
    size = raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
    return max(0, size // 2 - 1)


_COVER_LEAST = 3.0  # points: a rectangle narrower or lower than this (a rule, a border) covers no text


def _opaque_rectangle(raw, obj, fill, stroke, r, g, b, alpha) -> bool:
    """Is a path one filled rectangle (at most five segments) in an opaque colour?"""
    if raw.FPDFPath_CountSegments(obj) > 5 or not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value:
        return False
    if raw.FPDFPageObj_HasTransparency(obj):
        return False
    return bool(raw.FPDFPageObj_GetFillColor(obj, r, g, b, alpha)) and alpha.value == 255


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _times(inner: tuple, outer: tuple) -> tuple:
    """The matrix of `inner` then `outer` (a form's objects, placed by the form, placed by its page)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _too_many(number: int, chars: int) -> str:
    return f"page {number} holds {chars:,} characters (more than {MAX_CHARS:,}); it was skipped"


# ------------------------------------------------------------------ one page
def _doubled(chars: list) -> bool:
    """Is some character drawn twice at (nearly) the same place? The same text on the same line,
    its left edge in the same point — or the same half-point shifted: two keys catch any shift
    under half a point, and most under one."""
    a: set = set()
    b: set = set()
    for c in chars:
        t, top, x = c["text"], round(c["top"]), c["x0"]
        k1, k2 = (t, top, int(x)), (t, top, int(x + 0.5))
        if k1 in a or k2 in b:
            return True
        a.add(k1)
        b.add(k2)
    return False


def _read_page(page, number: int, notes: list[str], invisible=((), ())) -> _Page:
    if len(page.chars) > MAX_CHARS:
        notes.append(_too_many(number, len(page.chars)))
        return _Page(number, [], [], [])
    # a character drawn twice a fraction of a point apart is one (bold faked by drawing it again,
    # as Word does for a Chinese font without a bold face): read twice, 17 would be 1177
    # (what no reader sees first: a figure written over a covered one stands where it stood)
    chars = _seen(page, invisible)
    if len(chars) < len(page.chars):
        notes.append(f"page {number}: {len(page.chars) - len(chars)} character(s) drawn where no reader sees them "
                     "(invisible, white on white, covered, or off the page) were not read")
    if _doubled(chars):  # (pdfplumber's dedupe costs a third of the reading: only where needed)
        from pdfplumber.utils import dedupe_chars

        chars = dedupe_chars(chars, tolerance=DEDUPE_TOLERANCE)
    tables = []
    if len(page.lines) + len(page.rects) + len(page.curves) > MAX_RULES:
        notes.append(f"page {number} has too many drawn lines to look for ruled tables; its text was read as lines")
    else:
        for t in page.find_tables():
            tab = _table(t, number)
            if tab is not None:
                tables.append(tab)
    return layout(chars, tables, page.height, number)


_SPOT = ("Separation", "DeviceN", "Indexed", "Pattern")  # colour spaces whose numbers are no shade of grey
_INK_PAD = (0.5, 2.0)  # points around an invisible text object's glyphs (x, y) its characters' middles fall in


def _white(color, space) -> bool:
    """Is a fill colour white (or within a few per cent of it): gray 1, RGB 1 1 1, CMYK 0 0 0 0?"""
    if not isinstance(color, tuple) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if space is not None and any(w in str(space) for w in _SPOT):
        return False
    if len(color) == 4:  # CMYK: no ink
        return max(color) <= 1 - WHITE_AT / 255
    return len(color) in (1, 3) and white_rgb([round(255 * c) for c in color * (3 // len(color))])


def _seen(page, invisible) -> list:
    """The page's characters a reader sees. Left out: those whose middle is off the page, those in
    a text object an opaque rectangle drawn later covers (`_invisible`: an old figure under a white
    box), and those in a text object drawn with no ink and those filled white, unless a picture lies
    under them (a scan's recognised text layer; a caption on a photograph), or, for white ones, a
    coloured fill (a table's shaded header row). Read, 17 with a white 1 after it would be 171.
    When most of a page's text is so drawn, it is the page's text as its maker meant it (a search
    layer over text drawn as outlines, white on a background drawn in a way not looked into):
    kept. A page whose every character is off it is placed in a way not understood: kept."""
    x0, top, x1, bottom = page.bbox
    if (page.rotation or 0) % 360:  # a page turned by /Rotate: pdfminer places its characters turned, and
        x0 = top = -math.inf      # not always on the page's box (turned 270°, left of it): none is off it
        x1 = bottom = math.inf
    pad_x, pad_y = _INK_PAD
    no_ink, covered = invisible
    ink = [(a - pad_x, t - pad_y, b + pad_x, u + pad_y) for a, t, b, u in no_ink]
    # a covered text object's characters: the first so many the page draws in its box (those drawn
    # there after it — the new figure written over the box — stand on top)
    under_cover = [[a - pad_x, t - pad_y, b + pad_x, u + pad_y, n] for (a, t, b, u), n in covered]
    under: list | None = None  # pictures and coloured fills, found when first needed
    out, unseen = [], []
    for ch in page.chars:
        mx, my = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= mx <= x1 and top <= my <= bottom):
            continue
        hit = next((c for c in under_cover if c[4] and c[0] <= mx <= c[2] and c[1] <= my <= c[3]), None)
        if hit is not None:
            hit[4] -= 1
            unseen.append(ch)  # (a box drawn over it: whatever lies under it, it is not seen)
            continue
        white = _white(ch["non_stroking_color"], ch.get("ncs"))
        if white or (ink and any(a <= mx <= b and t <= my <= u for a, t, b, u in ink)):
            if under is None:
                under = _under(page)
            if not any(a <= mx <= b and t <= my <= u for a, t, b, u, picture in under if picture or white):
                unseen.append(ch)
                continue
        out.append(ch)
    if not out and not unseen or mostly(len(unseen), len(unseen) + len(out)):
        return page.chars
    return out if len(out) < len(page.chars) else page.chars


def _under(page) -> list[tuple[float, float, float, float, bool]]:
    """What can lie under text and show it: pictures (True) and shapes filled in a colour (False)."""
    out = [(im["x0"], im["top"], im["x1"], im["bottom"], True) for im in page.images]
    for shape in (*page.rects, *page.curves):
        if shape.get("fill") and not _white(shape.get("non_stroking_color"), None):
            out.append((shape["x0"], shape["top"], shape["x1"], shape["bottom"], False))
    return out


def layout(chars: list, tables: list[_Table], height: float, number: int, recognised: bool = False) -> _Page:
    """A page from its characters (pdfplumber's, or a recognised picture's: readers/ocr.chars,
    `recognised`) and its ruled tables: lines in reading order, the running header and footer
    bands apart."""
    boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables]
    free = []
    taken: dict[int, list] = {}
    unmapped = 0
    for ch in chars:
        if _unmapped(ch["text"]):
            unmapped += 1
        mx, my = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for k, (x0, top, x1, bottom) in enumerate(boxes):
            if x0 <= mx <= x1 and top <= my <= bottom:
                taken.setdefault(k, []).append(ch)
                break
        else:
            free.append(ch)
    for k, t in enumerate(tables):
        _fill(t, taken.get(k, []))
    lines = [ln for ln in _lines(free, recognised) if ln.text]
    head = [ln for ln in lines if ln.bottom <= height * _BAND]
    foot = [ln for ln in lines if ln.top >= height * (1 - _BAND)]
    body = [ln for ln in lines if ln.bottom > height * _BAND and ln.top < height * (1 - _BAND)]
    # a recognised line's box is taller than its glyphs: lines of one wrapped label are nearer
    body = _wrapped_headers(_wrapped_rows(body))
    if recognised:
        body = _in_columns(body)
    items = sorted([*body, *tables], key=lambda x: x.top)
    return _Page(number, items, head, foot, len(chars), unmapped, recognised)


def _figure_line(line: _Line) -> int | None:
    """Where a line's figures begin: at least two of them, or one after a label, or None."""
    k = _figures_from(line, 1)
    return k if k is not None and (len(line.segs) - k >= 2 or k == 1) else None


def _in_columns(lines: list[_Line]) -> list[_Line]:
    """A recognised table's rows with their columns: the columns are the x ranges its rows'
    figures overlap, and a row missing a figure (a "0" the engine did
    not see) is written as a row of cells between " | " with that cell empty, so that no figure
    slides into its neighbour's column. Rows whose figures fill their columns stay as they are."""
    out = list(lines)
    starts = [_figure_line(ln) for ln in out]
    i = 0
    while i < len(out):
        if starts[i] is None:
            i += 1
            continue
        run = [i]  # a table's figure rows: at most 3 other lines between two, none of them a header row
        j = i + 1
        while j < len(out) and j - run[-1] <= 4:
            if starts[j] is not None:
                run.append(j)
            elif len(out[j].segs) >= 2:
                break
            j += 1
        spans = sorted((a, b) for r in run for a, b, _ in out[r].segs[starts[r]:])
        columns: list[list[float]] = []
        for a, b in spans:
            if columns and a <= columns[-1][1] + 1.0:
                columns[-1][1] = max(columns[-1][1], b)
            else:
                columns.append([a, b])
        for r in run:
            line = out[r]
            k = starts[r]
            label_end = max((b for _, b, _ in line.segs[:k]), default=float("-inf"))
            mine = [c for c in columns if c[0] > label_end]
            figs = line.segs[k:]
            if len(figs) >= len(mine):
                continue
            at: dict[int, str] = {}
            for a, b, t in figs:
                hits = [n for n, (c0, c1) in enumerate(mine) if a <= c1 + 1.0 and b >= c0 - 1.0]
                if len(hits) != 1 or hits[0] in at:
                    break
                at[hits[0]] = t
            else:
                cells = [t for _, _, t in line.segs[:k]] + [at.get(n, "") for n in range(len(mine))]
                out[r] = _Line(line.top, line.bottom, " | ".join(cells) + " |", line.segs)
        i = run[-1] + 1
    return out


def _wrapped_headers(lines: list[_Line]) -> list[_Line]:
    """The header of an unruled table whose one row is figures only (table 四): header cells that
    wrap inside their column ("结果维" over "持") are put back together, column by column, into one
    header line above the figures; a header cell wider than a column (a group over several) stays
    on its own line."""
    out = list(lines)
    for j in range(len(out) - 1, -1, -1):
        v = out[j]
        if len(v.segs) < 3 or not all(is_figure(t) for _, _, t in v.segs):
            continue
        starts = [a for a, _, _ in v.segs]
        width = (starts[-1] - starts[0]) / (len(starts) - 1)  # a column, on average
        bounds = [x - 2 for x in starts] + [starts[-1] + width - 2]  # cells aligned left or centred
        above: list[int] = []
        k, prev = j - 1, v
        while k >= 0:
            cand = out[k]
            h = max(prev.bottom - prev.top, cand.bottom - cand.top, 1.0)
            if prev.top - cand.bottom > 1.5 * h or not cand.segs or any(is_figure(t) for _, _, t in cand.segs):
                break
            above.append(k)
            prev, k = cand, k - 1
        if not above:
            continue
        columns: dict[int, list[tuple[float, str]]] = {}
        kept: dict[int, list] = {}
        for i in sorted(above):
            segs = out[i].segs
            xs = [a for a, _, _ in segs]
            if len(segs) >= 2 and min(y - x for x, y in zip(xs, xs[1:])) >= 2.5 * width:
                kept[i] = list(segs)  # groups over several columns each (行政复议 … 行政诉讼)
                continue
            for a, b, t in segs:
                c = bisect.bisect_right(bounds, a + 2.5) - 1
                if 0 <= c < len(v.segs) and b <= bounds[c + 1] + 2:
                    columns.setdefault(c, []).append((out[i].top, t))
                else:
                    kept.setdefault(i, []).append((a, b, t))
        if len(columns) * 2 < len(v.segs):
            continue  # not a header over these figures
        head = [(bounds[c], bounds[c], cell_text("\n".join(t for _, t in sorted(columns[c])))) for c in sorted(columns)]
        merged = _Line(v.top - 0.02, v.top - 0.01, "  ".join(t for _, _, t in head), head)  # just above the figures
        rest = [_Line(out[i].top, out[i].bottom, "  ".join(t for _, _, t in kept[i]), kept[i])
                for i in sorted(above) if i in kept]
        out[min(above):j] = [*rest, merged]
    return out


def _figures_from(line: _Line, least: int = 2) -> int | None:
    """Where the figures at the end of a line begin (at least `least` of them), or None."""
    k = len(line.segs)
    while k > 0 and is_figure(line.segs[k - 1][2]):
        k -= 1
    return k if len(line.segs) - k >= least else None


def _wrapped_rows(lines: list[_Line], near: float = 0.8) -> list[_Line]:
    """Rows of an unruled table whose labels wrap inside their cells: the lines of a label's text
    above and below its figures (left of them, adjacent, nearest to them) are put back into the
    row, column by column, so the row reads `label  figures` as in a table copied out of Word.
    Lines are adjacent when the gap between them is at most `near` of a line's height."""
    starts = [_figures_from(ln) for ln in lines]
    if not any(k is not None for k in starts):
        return lines
    owner: dict[int, int] = {}
    for i, ln in enumerate(lines):
        if starts[i] is not None or not ln.segs:
            continue
        right = max(x1 for _, x1, _ in ln.segs)
        mid = (ln.top + ln.bottom) / 2
        best = None
        for step in (-1, 1):
            j, prev, between = i + step, ln, [ln]
            while 0 <= j < len(lines):
                cand = lines[j]
                h = max(prev.bottom - prev.top, cand.bottom - cand.top, 1.0)
                if (cand.top - prev.bottom if step > 0 else prev.top - cand.bottom) > near * h:
                    break  # not adjacent: another block
                if starts[j] is not None:
                    x = cand.segs[starts[j]][0]
                    if all(max(x1 for _, x1, _ in b.segs) < x - 1 for b in between) and right < x - 1:
                        d = abs((cand.top + cand.bottom) / 2 - mid)
                        if best is None or d < best[0]:
                            best = (d, j)
                    break
                if not cand.segs:
                    break
                between.append(cand)
                prev, j = cand, j + step
        if best is not None:
            owner[i] = best[1]
    if not owner:
        return lines
    parts: dict[int, list[_Line]] = {}
    for i, j in owner.items():
        parts.setdefault(j, []).append(lines[i])
    out = []
    for j, ln in enumerate(lines):
        if j in owner:
            continue
        if j not in parts:
            out.append(ln)
            continue
        k = starts[j]
        group = sorted([*parts[j], _Line(ln.top, ln.bottom, "", ln.segs[:k])], key=lambda x: x.top)
        labels = [(seg, g.top) for g in group for seg in g.segs]
        columns: list[list] = []  # [x0, [(top, text)]]
        size = max(1.0, min(g.bottom - g.top for g in group))
        for (x0, x1, text), top in sorted(labels, key=lambda s: (s[0][0], s[1])):
            if columns and abs(x0 - columns[-1][0]) <= 0.8 * size:
                columns[-1][1].append((top, text))
            else:
                columns.append([x0, [(top, text)]])
        columns.sort(key=lambda c: c[0])
        # a column's texts top to bottom (a recognised line's left edge wavers by a pixel or two)
        segs = [(c[0], c[0], cell_text("\n".join(t for _, t in sorted(c[1])))) for c in columns] + ln.segs[k:]
        out.append(_Line(min(g.top for g in group), max(g.bottom for g in group),
                         "  ".join(t for _, _, t in segs), segs))
    return out


def _table(t, page: int) -> _Table | None:
    cells = [c for c in t.cells if c[2] - c[0] > 0.5 and c[3] - c[1] > 0.5]
    if not cells:
        return None
    xs = _bounds([c[0] for c in cells] + [c[2] for c in cells])
    if len(xs) < 3:  # one column: a box around text, not a table
        return None
    x0, top, x1, bottom = t.bbox
    return _Table(top, bottom, x0, x1, xs, [(c[0], c[1], c[2], c[3], "") for c in cells], page)


def _bounds(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def _fill(t: _Table, chars: list) -> None:
    """Each cell's text from the characters whose middle lies in it."""
    ys = _bounds([c[1] for c in t.cells] + [c[3] for c in t.cells])
    owner: dict[tuple[int, int], int] = {}
    for k, (x0, top, x1, bottom, _) in enumerate(t.cells):
        for r in range(_at(ys, top), max(_at(ys, top) + 1, _at(ys, bottom))):
            for c in range(_at(t.xs, x0), max(_at(t.xs, x0) + 1, _at(t.xs, x1))):
                owner.setdefault((r, c), k)
    got: dict[int, list] = {}
    for ch in chars:
        r = bisect.bisect_right(ys, (ch["top"] + ch["bottom"]) / 2) - 1
        c = bisect.bisect_right(t.xs, (ch["x0"] + ch["x1"]) / 2) - 1
        k = owner.get((r, c))
        if k is not None:
            got.setdefault(k, []).append(ch)
    for k, chs in got.items():
        x0, top, x1, bottom, _ = t.cells[k]
        t.cells[k] = (x0, top, x1, bottom, cell_text("\n".join(ln.text for ln in _lines(chs))))


def _at(bounds: list[float], v: float) -> int:
    """The index of the boundary at `v` (the nearest within the tolerance)."""
    i = bisect.bisect_left(bounds, v - _TOL)
    return min(i, len(bounds) - 1)


def _lines(chars: list, recognised: bool = False) -> list[_Line]:
    """Characters → lines of text, top to bottom. Within a line a gap wider than a character is two
    spaces (cells of an unruled table); a space glyph is one space, except between two Chinese
    characters; letter spacing and justification (gaps without a space glyph) add nothing."""
    if not chars:
        return []
    chars = sorted(chars, key=lambda c: (round(c["top"]), c["x0"]))
    groups: list[list] = []
    for ch in chars:
        if groups:
            g = groups[-1]
            first = g[0]
            if abs(ch["top"] - first["top"]) <= max(2.0, 0.5 * (first["bottom"] - first["top"])):
                g.append(ch)
                continue
        groups.append([ch])
    out = []
    for g in groups:
        g.sort(key=lambda c: c["x0"])
        segs: list[list] = []  # [x0, x1, parts]
        prev = base = None  # the last character, and the last not raised
        space = False  # a space glyph since the last character
        for ch in g:
            t = ch["text"]
            if not t.strip():
                space = True
                continue
            if base is not None and not recognised and _raised(ch, prev, base):
                # a footnote's number set small and high after a figure or a word (17¹): read as
                # shown, a mark, never a digit of the figure (171) nor a figure of its own
                t = t.translate(RAISED)
            else:
                base = ch
            if prev is None:
                segs.append([ch["x0"], ch["x1"], [t]])
            else:
                size = max(prev["size"], ch["size"], 1.0)
                gap = ch["x0"] - prev["x1"]
                cjk = _CJK.match(prev["text"]) or _CJK.match(t)
                if gap > 1.2 * size:
                    segs.append([ch["x0"], ch["x1"], [t]])
                else:
                    parts = segs[-1][2]
                    if space and not (_CJK.match(prev["text"]) and _CJK.match(t)):
                        parts.append(" ")
                    elif gap > 0.5 * size and not cjk:  # words placed apart with no space glyph
                        parts.append(" ")
                    parts.append(t)
                    segs[-1][1] = ch["x1"]
            prev = ch
            space = False
        done = [(a, b, "".join(p).strip()) for a, b, p in segs]
        if recognised:  # boxes of a page scanned askew still climb a little: the middle box's height
            tops, bottoms = sorted(c["top"] for c in g), sorted(c["bottom"] for c in g)
            top, bottom = tops[len(tops) // 2], bottoms[len(bottoms) // 2]
        else:
            top, bottom = min(c["top"] for c in g), max(c["bottom"] for c in g)
        out.append(_Line(top, bottom, "  ".join(t for _, _, t in done).strip(), done))
    return out


def _raised(ch, prev, base) -> bool:
    """Is `ch` set raised: smaller than the line's last ordinary character `base`, its foot
    higher, and touching the character before it?"""
    size = base["size"]
    return (ch["size"] <= _SMALLER * size and ch["bottom"] < base["bottom"] - _HIGHER * size
            and ch["x0"] - prev["x1"] < 0.5 * size)


# ------------------------------------------------------------------ the document
def _key(line: _Line) -> str:
    return _DIGITS.sub("#", line.text.replace(" ", ""))


def _drop_running(pages: list[_Page]) -> None:
    """Headers and footers go; a line in a page's top or bottom band that is neither is body text."""
    n = len(pages)
    counts: dict[tuple[str, str], int] = {}
    for p in pages:
        for band, lines in (("head", p.head), ("foot", p.foot)):
            for k in {_key(ln) for ln in lines}:
                counts[(band, k)] = counts.get((band, k), 0) + 1
    for p in pages:
        keep = []
        for band, lines in (("head", p.head), ("foot", p.foot)):
            for ln in lines:
                repeated = n >= 2 and counts[(band, _key(ln))] >= max(2, 0.4 * n)
                if not repeated and not _PAGE_NUMBER.match(ln.text.replace(" ", " ").strip()):
                    keep.append(ln)
        if keep:
            p.items = sorted([*p.items, *keep], key=lambda x: x.top)


def _continues(a: _Table, b: _Table) -> bool:
    return abs(a.x0 - b.x0) <= 3 and abs(a.x1 - b.x1) <= 3


def _compose(pages: list[_Page]) -> tuple[str, list[Grid], tuple[int, ...]]:
    """The text, its grids and the offset where each page starts (at its form-feed line)."""
    for p, q in zip(pages, pages[1:]):  # a table that ends a page and one that starts the next
        if p.items and q.items and isinstance(p.items[-1], _Table) and isinstance(q.items[0], _Table):
            root = p.items[-1].root or p.items[-1]
            if _continues(root, q.items[0]):
                root.parts.append(q.items[0])
                q.items[0].root = root
    lines: list[str] = []
    grids: list[Grid] = []
    seen: list[tuple[int, int, _Line]] = []  # (line, page, a recognised line): where its boxes stand
    begun = 0  # pages begun so far
    for p in pages:
        if begun < p.number:  # not already begun inside a table continued onto it
            lines.append(PAGE_BREAK)
            begun += 1
        for item in p.items:
            if isinstance(item, _Line):
                if p.recognised:
                    seen.append((len(lines), p.number, item))
                lines.append(item.text)
            elif item.root is None:
                parts = _grid_rows(item)
                rendered, grid = render([row for rows in parts for row in rows], len(lines))
                grids.append(grid)
                at = 0
                for k, rows in enumerate(parts):
                    if k:
                        lines.append(PAGE_BREAK)  # the next page begins inside the table
                        begun += 1
                    lines.extend(rendered[at:at + len(rows)])
                    at += len(rows)
    text, starts = paged(lines)
    return text, grids, starts, _boxes(lines, seen)


def _boxes(lines: list[str], seen: list[tuple[int, int, _Line]]) -> tuple[tuple[int, int, int, float, float, float, float], ...]:
    """Each recognised piece of text as (start, end, page, x0, top, x1, bottom): its offsets in the
    text and its box on the page (points), found by its text's place in its line."""
    if not seen:
        return ()
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln) + 1)
    out = []
    for i, page, ln in seen:
        at = 0
        for x0, x1, piece in ln.segs:
            k = lines[i].find(piece, at) if piece else -1
            if k < 0:
                continue
            out.append((offsets[i] + k, offsets[i] + k + len(piece), page, x0, ln.top, x1, ln.bottom))
            at = k + len(piece)
    return tuple(sorted(out))


def _grid_rows(t: _Table) -> list[list[list[str]]]:
    """A table and its continuations as rows on one set of columns, per page; a header repeated at
    the top of a continuation is dropped."""
    xs = _bounds([x for part in (t, *t.parts) for x in part.xs])
    out: list[list[list[str]]] = []
    for part in (t, *t.parts):
        ys = _bounds([c[1] for c in part.cells] + [c[3] for c in part.cells])
        grid: dict[tuple[int, int], str] = {}
        for x0, top, x1, bottom, text in sorted(part.cells, key=lambda c: (c[1], c[0])):
            r0, c0 = _at(ys, top), _at(xs, x0)
            rs, cs = max(1, _at(ys, bottom) - r0), max(1, _at(xs, x1) - c0)
            place(grid, r0, c0, rs, cs, text)
        rows = rows_of(grid, len(ys) - 1, len(xs) - 1)
        if out:
            head = out[0]
            k = 0
            while k < len(rows) - 1 and k < len(head) and rows[k] == head[k]:
                k += 1
            rows = rows[k:]
        out.append(rows)
    return out
