"""Picture files (.png, .jpg, .tif: a scanned report or a photographed table): each frame a page,
its text recognised (readers/ocr.py, the optional extra) and laid out as a PDF page is
(readers/pdf.layout): rows by baseline, cells where the boxes stand apart."""

from __future__ import annotations

import io

from ..document import Document
from .errors import ReadError

MAX_FRAMES = 50  # frames of a multi-page TIFF read; past it, said in a note
MAX_PICTURE_BYTES = 20 * 1024 * 1024  # a picture saved with a web page larger than this is not read
MIN_SIDE = 120  # pixels: a smaller picture in an article is an icon or a rule, not a table


def read_image(data: bytes, source: str, sha: str) -> Document:
    from . import ocr

    if not ocr.available():
        raise ocr.needs_extra(source, "a picture")
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from .pdf import _compose, _drop_running, layout

    Image.MAX_IMAGE_PIXELS = ocr.MAX_PIXELS
    try:
        img = Image.open(io.BytesIO(data))
        if img.width * img.height > ocr.MAX_PIXELS:
            raise ReadError(source, f"a picture of {img.width}×{img.height} pixels, too large to recognise")
        frames = []
        for k, frame in enumerate(ImageSequence.Iterator(img)):
            if k >= MAX_FRAMES:
                break
            frames.append(frame.convert("L"))
    except ReadError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, SyntaxError) as e:
        raise ReadError(source, f"a damaged or unreadable picture ({type(e).__name__})") from None
    notes: list[str] = []
    if getattr(img, "n_frames", 1) > MAX_FRAMES:
        notes.append(f"the picture has {img.n_frames} pages; only the first {MAX_FRAMES} were read")
    pages = []
    dpi = img.info.get("dpi", (0, 0))[0] or 150  # points per pixel as the scan says, else a usual scan's
    scale = 72 / float(dpi) if 30 <= float(dpi) <= 1200 else 72 / 150
    for k, frame in enumerate(frames):
        ocr.tell(source, k + 1, len(frames))
        boxes = ocr.recognise(frame, f"{sha}:{k + 1}")
        pages.append(layout(ocr.chars(boxes, scale), [], frame.height * scale, k + 1, recognised=True))
    if not any(p.items or p.head or p.foot for p in pages):
        raise ReadError(source, "a picture in which no text was recognised")
    _drop_running(pages)
    text, grids, starts, boxes = _compose(pages)
    names = tuple(f"picture {k + 1}" if len(pages) > 1 else "picture" for k in range(len(pages)))
    return Document(source, text, sha, "picture", tuple(grids), tuple(notes), pages=starts, page_names=names,
                    ocr_pages=frozenset(range(1, len(pages) + 1)), ocr_boxes=boxes)


def page_pictures(source: str, notes: list[str]):
    """For a web page saved with its files: `src` → the recognised lines of that picture (None when
    it is not a local picture beside the page, is too small to hold text, or cannot be read). A
    picture is read only from the page's own folder or below it (never `..`, an absolute path or a
    URL), as a regular file of a picture's kind. What was not read is said once in `notes`."""
    import os
    from urllib.parse import unquote, urlsplit

    from . import kind_of, ocr
    from ..files import NotRegular, TooLarge, read_capped

    base = os.path.dirname(os.path.realpath(source))
    skipped = {"no OCR": 0}

    def lines(src: str) -> list[str] | None:
        parts = urlsplit(src.strip())
        if parts.scheme or parts.netloc or not parts.path:
            return None  # on the web: not saved with the page
        rel = unquote(parts.path)
        path = os.path.realpath(os.path.join(base, rel))
        if os.path.isabs(rel) or not path.startswith(base + os.sep):
            return None
        try:
            data = read_capped(path, MAX_PICTURE_BYTES)
        except (OSError, TooLarge, NotRegular):
            return None
        if kind_of(data) != "picture":
            return None
        if not ocr.available():
            skipped["no OCR"] += 1
            if skipped["no OCR"] == 1:
                notes.append(f"the page's pictures (tables shown as pictures?) were not read: reading them needs "
                             f"OCR, an optional extra; install it with {ocr.INSTALL}")
            return None
        import hashlib

        from PIL import Image

        Image.MAX_IMAGE_PIXELS = ocr.MAX_PIXELS
        try:
            img = Image.open(io.BytesIO(data))
            if img.width * img.height > ocr.MAX_PIXELS or min(img.width, img.height) < MIN_SIDE:
                return None
            frame = img.convert("L")
            ocr.tell(source, 1, 1)
            boxes = ocr.recognise(frame, f"{hashlib.sha256(data).hexdigest()}:1")
        except Exception:  # noqa: BLE001 - a damaged picture in a page: the page is read without it
            notes.append(f"the picture {rel[:80]} could not be read; the page was read without it")
            return None
        return picture_lines(boxes, frame.height)

    return lines


def picture_lines(boxes, height: float) -> list[str]:
    """A recognised picture's lines, top to bottom, laid out as a page (its tables' rows with
    their columns), without page breaks: to stand in a web page's text where the picture stood."""
    from . import ocr
    from .pdf import _Line, layout

    page = layout(ocr.chars(boxes, 72 / 150), [], height * 72 / 150, 1, recognised=True)
    items = sorted([*page.head, *page.items, *page.foot], key=lambda x: x.top)
    return [x.text for x in items if isinstance(x, _Line) and x.text.strip()]
