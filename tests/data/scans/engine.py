"""The OCR engine's own output on the committed scans, recorded, so that the tests of what
gik-tui makes of a scan (straightening, characters, cells, checks, offers) need not run the engine
on 21 pages every time (about 3 minutes of one core). A picture is known by the sha256 of its
pixels; the recording names the engine's version and settings, and a picture it does not hold, or
any other engine version or settings, runs the real engine. The tests of the engine's own running
(a picture file read end to end) keep the real engine.
Record again after make.py or an engine upgrade, from the project root:

    python tests/data/scans/engine.py
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from gik_tui.core.readers import ocr

HERE = Path(__file__).parent
RECORDING = HERE / "engine.json.gz"


def picture_key(image) -> str:
    rgb = image.convert("RGB")
    return hashlib.sha256(f"{rgb.size}".encode() + rgb.tobytes()).hexdigest()


def _stamp() -> dict:
    return {"engine": ocr.engine_version(), "settings": sorted([k, v] for k, v in ocr.SETTINGS.items())}


def renderer() -> str:
    """The PDF renderer's version: another may draw the pages' pixels otherwise (then the real engine runs)."""
    from importlib.metadata import version

    return version("pypdfium2")


def recorded_renderer() -> str | None:
    try:
        return json.loads(gzip.decompress(RECORDING.read_bytes())).get("renderer")
    except (OSError, ValueError):
        return None


def two_frame_tiff(path: Path) -> Path:
    """A TIFF of two frames: the table page, then a blank page with the table page's top third."""
    from PIL import Image

    page = Image.open(HERE / "table-page.png")
    blank = Image.new("L", page.size, 255)
    blank.paste(page.crop((0, 0, page.width, page.height // 3)), (0, 0))
    page.save(path, save_all=True, append_images=[blank])
    return path


def replaying():
    """An engine for `ocr._engine` to return: the recorded output for a picture it holds (same
    engine and settings), the real engine's otherwise. Its `.ran` counts the real engine's runs."""
    try:
        saved = json.loads(gzip.decompress(RECORDING.read_bytes()))
    except (OSError, ValueError):
        saved = {}
    pages = saved.get("pages", {}) if {k: saved.get(k) for k in ("engine", "settings")} == _stamp() else {}
    real = ocr._engine

    def run(image, **settings):
        hit = pages.get(picture_key(image)) if settings == ocr.SETTINGS else None
        if hit is not None:
            return hit, None
        run.ran += 1
        return real()(image, **settings)

    run.ran = 0
    return run


def record() -> None:
    import tempfile

    from make import VARIANTS

    from gik_tui.core.readers import read_path

    pages: dict[str, list] = {}
    real = ocr._engine()

    def recording(image, **settings):
        result, elapse = real(image, **settings)
        pages[picture_key(image)] = [[[[float(x), float(y)] for x, y in quad], str(text), float(score)]
                                     for quad, text, score in (result or [])]
        return result, elapse

    ocr._engine = lambda: recording
    with tempfile.TemporaryDirectory() as cache:
        import os

        os.environ[ocr.CACHE_ENV] = cache  # nothing from an earlier run: every page goes to the engine
        for name in VARIANTS:
            read_path(HERE / f"scan-{name}.pdf")
        read_path(HERE / "table-page.png")
        tif = Path(cache) / "scan.tif"
        two_frame_tiff(tif)
        read_path(tif)
    RECORDING.write_bytes(gzip.compress(json.dumps({**_stamp(), "renderer": renderer(), "pages": pages}, ensure_ascii=False,
                                                   separators=(",", ":")).encode(), mtime=0))
    print(f"{len(pages)} pictures recorded in {RECORDING} ({RECORDING.stat().st_size:,} bytes)")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    record()
