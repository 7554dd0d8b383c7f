"""Text recognised in pictures: scanned PDF pages, picture files, pictures saved with a web page.

OCR is an optional extra (`pip install 'gik-tui[ocr]'`: rapidocr-onnxruntime, whose PP-OCR models
ship inside its wheel; nothing is downloaded at run time). Without it, a file that needs it is a
one-line ReadError that names the command.

What the engine gives is a box per run of text (four corners, the text, a confidence). Here the
boxes are straightened (a page scanned 1° askew: the median slant of the long boxes is turned
back), and turned into characters placed like a PDF's (`chars`), so that a recognised page goes
through the PDF reader's line and column rebuilding unchanged: rows by baseline, cells where the
gap between boxes is wide. No recognised figure is trusted for that: core/ocr_check.py decides
which the identities confirm.

Results are cached by the picture's content (sha256) and the engine's version, in the user's cache
folder (`GIK_TUI_CACHE` names another; a folder that cannot be written means no cache), so a report
opened a second time is not recognised again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import math
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import ReadError

INSTALL = "pip install 'gik-tui[ocr]'"
ENGINE = "rapidocr-onnxruntime"
from ..cache import CACHE_ENV  # noqa: E402,F401 - the one cache folder's variable, named for the tests
MAX_PIXELS = 60_000_000  # a picture larger than this is refused before it is decoded (a decompression bomb)
PAD = 0.2  # the share of a box's height the engine leaves as margin above and below the glyphs
# the engine's thresholds: keep every box it finds (a lone "0" in a small font is read at a
# confidence near 0.5, which its default 0.5 would drop); what is trusted is decided by the identities
SETTINGS = {"text_score": 0.05, "box_thresh": 0.3, "unclip_ratio": 1.6}
DPI = 150  # a scanned PDF page is rendered at this resolution for the engine


@dataclass(frozen=True, slots=True)
class Box:
    """One run of recognised text: its bounds (pixels, the page straightened) and confidence."""

    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    score: float


_listeners: list[Callable[[str, int, int], None]] = []


@contextmanager
def reporting(listener: Callable[[str, int, int], None]):
    """While inside, `listener(source, page, pages)` is told before each picture or scanned page is
    recognised (seconds each): the CLI's progress line, the queue's, the batch's time limit."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def tell(source: str, page: int, pages: int) -> None:
    for listener in list(_listeners):
        listener(source, page, pages)


def available() -> bool:
    """Whether the OCR extra is installed (its engine importable)."""
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


def needs_extra(source: str, what: str) -> ReadError:
    """The one line a file that needs OCR gets when the extra is not installed."""
    return ReadError(source, f"{what}: reading it needs OCR, an optional extra; install it with {INSTALL}")


# the threads each recognition may use, set by a process that shares the machine's cores with
# others (core/batch.share_cores: a batch's workers, a test runner's); unset, the engine's own
# choice (every core: best for one process alone, and worst for two at once — two scans recognised
# side by side took 36 s with every core each, 27 s with one each, 14 s for one alone)
THREADS_ENV = "GIK_TUI_OCR_THREADS"


def _threads() -> int | None:
    import os

    try:
        n = int(os.environ.get(THREADS_ENV, ""))
    except ValueError:
        return None
    return n if n >= 1 else None


@cache
def _engine():
    from rapidocr_onnxruntime import RapidOCR  # the models are inside the installed package

    for name in ("RapidOCR", "rapidocr_onnxruntime", "root"):  # its progress lines are not ours to print
        if name != "root":
            logging.getLogger(name).setLevel(logging.ERROR)
    threads = _threads()
    # (the global setting: rapidocr copies it over each model's, det_/cls_/rec_ ones are lost)
    return RapidOCR(intra_op_num_threads=threads) if threads else RapidOCR()


@cache
def engine_version() -> str:
    try:
        from importlib.metadata import version

        return f"{ENGINE} {version(ENGINE)}"
    except Exception:  # noqa: BLE001 - no metadata: the cache key still names the engine
        return ENGINE


def _cache_dir() -> Path | None:
    from ..cache import folder  # the one cache folder (GIK_TUI_CACHE or the platform's)

    return folder() / "ocr"


def _cache_file(key: str) -> Path | None:
    folder = _cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(f"{engine_version()}\0{sorted(SETTINGS.items())}\0{key}".encode()).hexdigest()
    return folder / f"{name}.json"


def _load(key: str) -> list[Box] | None:
    path = _cache_file(key)
    if path is None:
        return None
    try:
        raw = json.loads(path.read_bytes())
        return [Box(float(b[0]), float(b[1]), float(b[2]), float(b[3]), str(b[4]), float(b[5])) for b in raw]
    except (OSError, ValueError, TypeError, IndexError):
        return None  # absent, or damaged: recognised again (and written anew)


def _store(key: str, boxes: list[Box]) -> None:
    path = _cache_file(key)
    if path is None:
        return
    from ..files import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps([[b.x0, b.top, b.x1, b.bottom, b.text, b.score] for b in boxes],
                                      ensure_ascii=False).encode())
    except OSError:
        pass  # a cache that cannot be written is no cache


def recognise(image, key: str | None = None) -> list[Box]:
    """The text boxes of a picture (a PIL image), straightened, top to bottom. `key` (the file's
    sha256 and the page) finds a cached result."""
    if key is not None:
        hit = _load(key)
        if hit is not None:
            return hit
    result, _ = _engine()(image.convert("RGB"), **SETTINGS)
    boxes = straighten([(quad, text, float(score)) for quad, text, score in (result or []) if str(text).strip()])
    if key is not None:
        _store(key, boxes)
    return boxes


def straighten(found: list[tuple[list, str, float]]) -> list[Box]:
    """Boxes from the engine's quadrilaterals, turned back by the page's slant (the median angle
    of the boxes at least three times as wide as high) so that a row's boxes share a baseline."""
    angles = []
    for quad, _, _ in found:
        (ax, ay), (bx, by) = quad[0], quad[1]
        h = math.dist(quad[0], quad[3])
        if math.dist(quad[0], quad[1]) >= 3 * max(h, 1.0):
            angles.append(math.atan2(by - ay, bx - ax))
    angles.sort()
    angle = angles[len(angles) // 2] if angles else 0.0
    cos, sin = math.cos(-angle), math.sin(-angle)
    out = []
    for quad, text, score in found:
        xs, ys = [], []
        for x, y in quad:
            xs.append(x * cos - y * sin)
            ys.append(x * sin + y * cos)
        out.append(Box(min(xs), min(ys), max(xs), max(ys), str(text).strip(), score))
    if out:  # rotation moved the page: put its top left back at 0, 0
        dx, dy = min(0.0, min(b.x0 for b in out)), min(0.0, min(b.top for b in out))
        if dx or dy:
            out = [Box(b.x0 - dx, b.top - dy, b.x1 - dx, b.bottom - dy, b.text, b.score) for b in out]
    out.sort(key=lambda b: (b.top, b.x0))
    return out


_ZERO_LIKE = {"o", "O", "D", "。", "〇", "○"}  # a box holding only one of these stands where a 0 is
_FIGURE_LIKE = re.compile(r"^[0-9.,%+\-oOlIDSBZ]*[0-9][0-9.,%+\-oOlIDSBZ]*$")
_AS_DIGIT = str.maketrans({"o": "0", "O": "0", "D": "0", "l": "1", "I": "1", "S": "5", "B": "8", "Z": "2"})


def as_figure(text: str) -> str:
    """A box's text with the letters the engine puts for digits read as digits, where the box is a
    figure ("1o" → "10", a lone "o" or "。" → "0"); any other text as it is. Which reading is right
    is not decided here: core/ocr_check.py offers the others."""
    if text in _ZERO_LIKE:
        return "0"
    if _FIGURE_LIKE.match(text) and any(ch.isalpha() for ch in text):
        return text.translate(_AS_DIGIT)
    return text


def chars(boxes: list[Box], scale: float) -> list[dict]:
    """The boxes as characters placed like a PDF's (pdfplumber's keys), `scale` points per pixel:
    each box's width shared evenly by its characters, its height (less the margin the engine
    leaves around the glyphs) their size."""
    out = []
    for b in boxes:
        text = as_figure(b.text)
        n = len(text)
        pad = (b.bottom - b.top) * PAD
        top, bottom = (b.top + pad) * scale, (b.bottom - pad) * scale
        size = (bottom - top) * 0.8
        w = (b.x1 - b.x0) * scale / max(n, 1)
        x = b.x0 * scale
        for ch in text:
            out.append({"text": ch, "x0": x, "x1": x + w, "top": top, "bottom": bottom, "size": size})
            x += w
    return out
