"""OFD attachments (GB/T 33190, the national e-document format): a zip of XML pages whose text
objects carry their positions. Read with lxml, no OFD library needed.

`OFD.xml` names the document (`DocRoot`), whose `Document.xml` lists the pages (`BaseLoc`); each
page's `Content.xml` holds `TextObject`s (a `Boundary` "x y w h" in mm, a font `Size`) with their
`TextCode`s (X, Y within the boundary; `DeltaX` the advances of the characters after the first).
Lines are rebuilt from the positions as for a PDF: text codes on one baseline are one line, read
left to right; where a line breaks into pieces far apart (a table's cells), the pieces are its cells
(" | " between them, as a table flattened a row per line), else they are joined. Each page starts
with a form-feed line, so cells and headings know their page. Text objects that draw nothing (not
visible, neither filled nor stroked, fully transparent, white with no picture or coloured fill under
them) are not read, unless most of the page is drawn so (`_drawn`).
"""

from __future__ import annotations

import posixpath

from ..document import PAGE_BREAK, Document, paged
from .colours import mostly, white_rgb
from .errors import ReadError
from .zips import open_zip

MAX_UNPACKED = 50 * 1024 * 1024  # an OFD that would unpack to more is refused before it is parsed
MAX_RATIO = 200  # … and one packed more tightly than a real document ever is (a zip bomb)
MAX_PAGES = 200  # as for a PDF
CELL_GAP = 1.5  # a gap of this many characters' widths or more between two pieces: two cells


def _floats(text: str | None) -> list[float]:
    out = []
    for t in (text or "").split():
        try:
            out.append(float(t))
        except ValueError:
            pass
    return out


def _advances(delta: str | None, n: int, size: float) -> float:
    """The width of a text code's characters: DeltaX's advances ("g count value" repeats one),
    else the font size per character."""
    tokens = (delta or "").split()
    widths: list[float] = []
    i = 0
    while i < len(tokens) and len(widths) < n - 1:
        if tokens[i] == "g" and i + 2 < len(tokens):
            try:
                widths += [float(tokens[i + 2])] * int(tokens[i + 1])
            except ValueError:
                pass
            i += 3
        else:
            try:
                widths.append(float(tokens[i]))
            except ValueError:
                pass
            i += 1
    widths = widths[:max(n - 1, 0)] + [size] * max(0, n - 1 - len(widths))
    return sum(widths) + size


def read_ofd(data: bytes, source: str, sha: str) -> Document:
    from lxml import etree

    z = open_zip(data, source, "OFD file", MAX_UNPACKED, MAX_RATIO)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    names = set(z.namelist())

    def xml(name: str):
        try:
            raw = z.read(name)
        except KeyError:
            raise ReadError(source, f"a damaged OFD file: {name} is missing") from None
        except Exception:  # noqa: BLE001 - a bad CRC, a broken deflate stream, an unknown method …
            raise ReadError(source, f"a damaged OFD file: {name} cannot be unpacked; download it again") from None
        try:
            return etree.fromstring(raw, parser)
        except etree.XMLSyntaxError:
            raise ReadError(source, f"a damaged OFD file: {name} is not well-formed XML") from None

    def local(el) -> str:
        return etree.QName(el).localname if isinstance(el.tag, str) else ""

    root = xml("OFD.xml")
    doc_root = next(((el.text or "").strip().lstrip("/") for el in root.iter() if local(el) == "DocRoot"), "")
    if not doc_root or doc_root not in names:
        raise ReadError(source, "a damaged OFD file: its document is missing")
    base = posixpath.dirname(doc_root)
    pages = [el.get("BaseLoc", "") for el in xml(doc_root).iter() if local(el) == "Page"]
    lines: list[str] = []
    notes: list[str] = []
    hidden = 0
    if len(pages) > MAX_PAGES:
        notes.append(f"pages past {MAX_PAGES} were not read ({len(pages)} in the file)")
    for loc in pages[:MAX_PAGES]:
        path = posixpath.normpath(posixpath.join(base, loc.lstrip("/"))) if not loc.startswith("/") else loc.lstrip("/")
        if path not in names:
            path = loc.lstrip("/")
        pieces: list[tuple[float, float, float, float, str]] = []  # y, x0, x1, size, text
        unseen: list[tuple[float, float, float, float, str]] = []  # … of text objects that draw nothing
        white: list[tuple[tuple[float, float, float, float, str], tuple[float, float]]] = []  # … and their middles
        under: list[tuple[float, float, float, float]] = []  # pictures and coloured fills (x0, y0, x1, y1)
        for obj in xml(path).iter():
            kind = local(obj)
            if kind in ("ImageObject", "PathObject"):
                if kind == "ImageObject" or obj.get("Fill") == "true" and not _white_fill(obj, local):
                    bx, by, bw, bh, *_ = _floats(obj.get("Boundary")) + [0.0] * 4
                    under.append((bx, by, bx + bw, by + bh))
                continue
            if kind != "TextObject":
                continue
            bx, by, *_ = _floats(obj.get("Boundary")) + [0.0, 0.0]
            size = (_floats(obj.get("Size")) or [3.5])[0]
            how = _drawn(obj, local)
            for code in obj:
                if local(code) != "TextCode" or not (code.text or "").strip():
                    continue
                x = bx + (_floats(code.get("X")) or [0.0])[0]
                y = by + (_floats(code.get("Y")) or [size])[0]
                text = code.text
                piece = (y, x, x + _advances(code.get("DeltaX"), len(text), size), size, text)
                if how == "none":
                    unseen.append(piece)
                elif how == "white":
                    white.append((piece, ((piece[1] + piece[2]) / 2, y - size / 2)))
                else:
                    pieces.append(piece)
        for piece, (mx, my) in white:  # white shows only on a picture or a coloured fill under it
            (pieces if any(a <= mx <= b and c <= my <= d for a, c, b, d in under) else unseen).append(piece)
        # most of a page's text drawn so: that is how its maker drew it (a search layer over outlines)
        if unseen and not mostly(hid := sum(len(p[4]) for p in unseen), hid + sum(len(p[4]) for p in pieces)):
            hidden += len(unseen)
        else:
            pieces += unseen
        lines.append(PAGE_BREAK)
        lines.extend(_lines(pieces))
    if not any(line.strip() for line in lines if line != PAGE_BREAK):
        raise ReadError(source, "an OFD file with no text (a scanned image? run OCR first)")
    if hidden:
        notes.append(f"{hidden} piece(s) of text drawn where no reader sees them (not visible, not filled, fully "
                     "transparent, or white on the white page) were not read")
    text, starts = paged(lines)
    return Document(source, text, sha, "ofd", (), tuple(notes), pages=starts)


def _drawn(obj, local) -> str:
    """How a text object draws its text: "none" (Visible false, neither filled nor stroked, fully
    transparent), "white" (filled white), or "" (as text is)."""
    if obj.get("Visible") == "false" or obj.get("Fill") == "false" and obj.get("Stroke") != "true":
        return "none"
    if obj.get("Alpha") in ("0", "0.0"):
        return "none"
    for child in obj:
        if local(child) == "FillColor":
            if child.get("Alpha") in ("0", "0.0"):
                return "none"
            if _white_value(child.get("Value")):
                return "white"
    return ""


def _white_fill(obj, local) -> bool:
    """Is a path filled white (filled without a colour, it is filled black)?"""
    return any(local(c) == "FillColor" and _white_value(c.get("Value")) for c in obj)


def _white_value(value: str | None) -> bool:
    return white_rgb(_floats(value))


def _lines(pieces: list[tuple[float, float, float, float, str]]) -> list[str]:
    """The page's lines, top to bottom: pieces on one baseline (within half a character) read left
    to right, joined where they touch and separated as cells where they stand far apart."""
    out: list[str] = []
    pieces.sort()
    row: list[tuple[float, float, float, float, str]] = []
    for p in pieces + [(float("inf"), 0.0, 0.0, 0.0, "")]:
        if row and p[0] - row[0][0] > row[0][3] / 2:
            row.sort(key=lambda q: q[1])
            cells = [row[0][4]]
            end = row[0][2]
            for y, x0, x1, size, text in row[1:]:
                if x0 - end >= CELL_GAP * size:
                    cells.append(text)
                else:
                    cells[-1] += text
                end = max(end, x1)
            out.append(" | ".join(c.strip() for c in cells) + " |" if len(cells) > 1 else cells[0].strip())
            row = []
        row.append(p)
    return out
