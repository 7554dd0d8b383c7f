"""Picture files (.png, .jpg, .tif: a scanned report or a photographed table): each frame a page,
its text recognised (readers/ocr.py, the optional extra) and laid out as a PDF page is
(readers/pdf.layout): rows by baseline, cells where the boxes stand apart."""

from __future__ import annotations

import io

from ..document import Document
from .errors import ReadError

MAX_FRAMES = 50  # frames of a multi-page TIFF read; past it, said in a note


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
        boxes = ocr.recognise(frame, f"{sha}:{k + 1}")
        pages.append(layout(ocr.chars(boxes, scale), [], frame.height * scale, k + 1, recognised=True))
    if not any(p.items or p.head or p.foot for p in pages):
        raise ReadError(source, "a picture in which no text was recognised")
    _drop_running(pages)
    text, grids, starts = _compose(pages)
    names = tuple(f"picture {k + 1}" if len(pages) > 1 else "picture" for k in range(len(pages)))
    return Document(source, text, sha, "picture", tuple(grids), tuple(notes), pages=starts, page_names=names,
                    ocr_pages=frozenset(range(1, len(pages) + 1)))
