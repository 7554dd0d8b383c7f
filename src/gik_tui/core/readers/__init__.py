"""Read a report: a file's bytes → Document, one module per kind of file.

- `text`: plain text in UTF-8 (with or without BOM), UTF-16 with BOM, or any legacy Chinese
  encoding (GB18030, GBK, GB2312, Big5 …, detected by charset-normalizer);
- `html`: web pages reduced to their article text, real <table> grids rendered one row per line
  (cells between " | ", rowspan/colspan expanded);
- `pdf`: PDF attachments (pdfplumber): ruled tables as grids, text in reading order, running
  headers and page numbers dropped, the page of every line kept;
- `docx`: Word attachments (python-docx): paragraphs and tables with their merged cells;
- `sheet`: workbooks (.xlsx with openpyxl; .xls and WPS .et with xlrd): a page a sheet, its grid a
  table with merged cells expanded;
- `ofd`: OFD documents (GB/T 33190, lxml): lines rebuilt from the text objects' positions;
- `doc`: legacy Word .doc and WPS .wps in Word's binary format (olefile): the piece table's text,
  table cells and rows from Word's cell and row marks;
- `picture`: .png, .jpg, .tif, and (in `pdf`) scanned PDF pages: text recognised by the optional
  OCR extra (`ocr`), laid out as a PDF page is; every figure of it checked by core/ocr_check.py.
Every reader gives the same Document; the engine downstream does not change with the kind of file.
`grid` renders the tables of all of them alike. A file that is not a readable report raises
ReadError with a one-line reason (a scanned PDF with no text layer, a password, a damaged file
…). The PDF, Word, workbook and OFD libraries are imported only for such files.
"""

from __future__ import annotations

import hashlib
from html import unescape as _unescape
import unicodedata
import os
import re
from collections.abc import Callable
from pathlib import Path

from ..document import PAGE_BREAK, Document, paged as paged_text, unify_newlines
from ..files import NotRegular, TooLarge, read_capped
from .errors import ReadError
from .pages import furniture, glued_furniture

TEXT_SUFFIXES = (".txt", ".htm", ".html")
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
REPORT_SUFFIXES = (*TEXT_SUFFIXES, ".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xls", ".et", ".ofd", *PICTURE_SUFFIXES)
MAX_BYTES = 64 * 1024 * 1024

__all__ = ["MAX_BYTES", "REPORT_SUFFIXES", "ReadError", "find_reports", "read_bytes", "read_path"]

_TITLE_TAG = re.compile(r"<title[^>]{0,200}>([^<]{0,600})</title", re.I)
# a page, or a piece of one saved as text (its rows <tr><td>…): read as HTML
_HTML_SNIFF = re.compile(rb"<\s*(?:!doctype\s+html|html|body|table|div|p|head|tr|td|th)\b", re.I)
# a line break of HTML in a text (a line ends in <br>, or its lines run on, joined by <br/>): a line end
_BR = re.compile(r"<\s*br\s*/?\s*>[ \t]*\n?", re.I)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .doc, .wps, .xls …


def read_path(path: str | os.PathLike) -> Document:
    source = str(path)
    try:
        data = read_capped(path, MAX_BYTES)
    except TooLarge:
        raise ReadError(source, f"too large (over {MAX_BYTES // (1024 * 1024)} MB, the limit)") from None
    except NotRegular as e:
        raise ReadError(source, f"{e.strerror}, not a report file; skipped") from None
    except FileNotFoundError:
        raise ReadError(source, "no such file") from None
    except PermissionError:
        raise ReadError(source, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(source, "is a folder, not a report") from None
    except OSError as e:
        raise ReadError(source, e.strerror or str(e)) from None
    return read_bytes(data, source)


def kind_of(data: bytes) -> str:
    """"pdf", "picture" (PNG, JPEG, TIFF), "docx", "xlsx", "ofd", "legacy" (a compound file: .doc, .wps, .xls, .et), "zip" (another zip), or
    "text" (text and HTML), by the content, whatever the name says (an old "Word" export is often a
    web page named .doc)."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "picture"
    if data.startswith(_OLE):
        return "legacy"  # Word, WPS or Excel inside: read_bytes asks the container (_ole_kind)
    if data.startswith(b"PK\x03\x04"):
        head = data[:1 << 20]
        return "docx" if b"word/" in head else "xlsx" if b"xl/" in head else "ofd" if b"OFD.xml" in head else "zip"
    return "text"


def _ole_kind(data: bytes) -> str:
    """What a compound file holds, by its streams: "word" (WordDocument: .doc, .wps), "workbook"
    (Workbook or Book: .xls, WPS .et), "other", or "damaged" (one olefile cannot open)."""
    import io
    import logging

    import olefile

    quiet = logging.getLogger("olefile")  # its warnings about a damaged file are said as one line instead
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - said by the reader (chosen by the name) as a damaged file
        return "damaged"
    try:
        if ole.exists("WordDocument"):
            return "word"
        if ole.exists("Workbook") or ole.exists("Book"):
            return "workbook"
        return "other"
    finally:
        ole.close()


def read_bytes(data: bytes, source: str = "<bytes>") -> Document:
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReadError(source, "empty file" if not data else "only whitespace, no text")
    kind = kind_of(data)
    if kind == "pdf":
        from .pdf import read_pdf  # pdfplumber is loaded only for PDF files

        return read_pdf(data, source, sha)
    if kind == "picture":
        from .picture import read_image  # the OCR engine is loaded only for pictures

        return read_image(data, source, sha)
    if kind == "docx":
        from .docx import read_docx  # python-docx is loaded only for Word files

        return read_docx(data, source, sha)
    if kind == "ofd":
        from .ofd import read_ofd

        return read_ofd(data, source, sha)
    if kind == "xlsx":
        from .sheet import read_xlsx  # openpyxl is loaded only for workbooks

        return read_xlsx(data, source, sha)
    if kind == "legacy":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError(source, "a password-protected Word file: open it with its password and save a copy "
                                    "without one")
        held = _ole_kind(data)
        if held == "workbook" or held == "damaged" and source.lower().endswith((".xls", ".et")):
            from .sheet import read_xls  # xlrd is loaded only for workbooks

            return read_xls(data, source, sha)
        from .doc import read_doc  # olefile is loaded only for legacy Word files

        return read_doc(data, source, sha)
    if kind == "zip":
        raise ReadError(source, "a zip archive, not a report: unpack it and open the reports inside")
    from .text import decode

    text, encoding = decode(data, source)
    is_html = source.lower().endswith((".htm", ".html")) or bool(_HTML_SNIFF.search(data[:4096]))
    text = unify_newlines(text, pages=not is_html)  # (a text's form feeds: pdftotext's pages)
    if not text.strip():
        raise ReadError(source, "only whitespace, no text")
    if is_html:
        from .html import html_to_text  # lxml is loaded only for HTML pages

        m = _TITLE_TAG.search(text, 0, 200_000)
        title = unicodedata.normalize("NFKC", _unescape(m.group(1))).strip()[:300] if m else ""
        pictures = None
        said: list[str] = []
        if b"<img" in data or b"<IMG" in data:  # a page saved with its files: its pictures may be its tables
            from .picture import page_pictures

            pictures = page_pictures(source, said)
        text, grids, notes, recognised = html_to_text(text, source, pictures)
        notes = [*notes, *said]
        if not text.strip():
            raise ReadError(source, "HTML page with no text" + (f" ({'; '.join(notes)})" if notes else ""))
        return Document(source, text, sha, encoding, tuple(grids), tuple(notes), title=title,
                        ocr_spans=tuple(recognised))
    from .text import REFERENCE, unwrap

    notes: tuple[str, ...] = ()
    if "<" in text and _BR.search(text) is not None:
        text = _BR.sub("\n", text)
    if "&" in text and (refs := len(REFERENCE.findall(text))):
        # (&nbsp; for an empty cell, 1&#12289; for 1、: the cells and numbers a page's text means)
        text = unify_newlines(_unescape(text), pages=True)
        notes = (f"{refs} HTML character reference(s) in the text (&nbsp;, &#12289; …) read as the characters "
                 "they stand for",)
    text, width = unwrap(text)
    if width is not None:  # (a number cut by a wrap is one figure again, never two cells)
        notes = (*notes, f"the text is wrapped every {width} characters; its cut lines are joined")
    text, starts, said = _without_furniture(text)
    return Document(source, text, sha, encoding, notes=(*notes, *said), pages=starts)


def _without_furniture(text: str) -> tuple[str, tuple[int, ...], tuple[str, ...]]:
    """A text's pages' numbers, running headers and footers blanked (`pages.furniture`), where its
    pages start (a form feed's line: pdftotext's page breaks) and what was done, said."""
    spans = glued_furniture(text)
    if spans:  # (a page's text run together: its pages' numbers and headers glued between its words, cut out)
        parts, at = [], 0
        for a, b in spans:
            parts.append(text[at:a])
            at = b
        text = "".join(parts) + text[at:]
    lines = text.split("\n")
    paged = PAGE_BREAK in lines
    if paged:
        while lines and (not lines[-1].strip() or lines[-1] == PAGE_BREAK):
            lines.pop()  # (pdftotext ends its last page with a form feed: no page after it)
        if lines and lines[0] != PAGE_BREAK:
            lines.insert(0, PAGE_BREAK)  # (the first page begins at the text's start)
    found = furniture(lines)
    said: tuple[str, ...] = ()
    if spans:
        said = (f"{len(spans)} page number(s) and running header(s) glued into the text cut out",)
    if found:
        at = sorted(found)
        for i in at:
            lines[i] = ""
        where = ", ".join(str(i + 1) for i in at[:6]) + (" …" if len(at) > 6 else "")
        said = (*said, f"{len(at)} line(s) of the pages' numbers, running headers or footers left out (line {where})")
    if paged:
        text, starts = paged_text(lines)
        return text, starts, said
    return ("\n".join(lines) if found else text), (), said


SCAN_EVERY = 200  # folders between two words of a scan's progress


def find_reports(paths, progress: Callable[[int, int, str], None] | None = None,
                 stop: Callable[[], bool] | None = None) -> tuple[list[str], list[ReadError]]:
    """Expand folders into their report files (.txt/.htm/.html, sorted); missing paths are errors.
    `progress(folders, reports, folder)` is told every SCAN_EVERY folders (a home folder holds
    hundreds of thousands); when `stop()` says so the scan ends there, with what it found."""
    files: list[str] = []
    errors: list[ReadError] = []
    seen: set[str] = set()
    folders = 0
    for path in paths:
        p = Path(path)
        if p.is_dir():
            def unreadable(e: OSError) -> None:
                where = e.filename or str(p)
                errors.append(ReadError(str(where), f"folder cannot be read ({e.strerror or e}); its reports were skipped"))

            for root, dirs, names in os.walk(p, onerror=unreadable, followlinks=False):
                folders += 1
                if folders % SCAN_EVERY == 0:
                    if stop is not None and stop():
                        return files, errors
                    if progress is not None:
                        progress(folders, len(files), root)
                dirs.sort()
                for name in sorted(names):
                    if name.lower().endswith(REPORT_SUFFIXES):
                        f = os.path.join(root, name)
                        real = os.path.abspath(f)
                        if real not in seen:
                            seen.add(real)
                            files.append(f)
        elif p.exists() or p.is_symlink():
            files.append(str(path))
        else:
            errors.append(ReadError(str(path), "no such file or folder"))
    return files, errors
