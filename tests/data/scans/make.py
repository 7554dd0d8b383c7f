"""Make the scanned-report fixtures: a synthetic 2021 report (core/synth.py, layout p) printed to
PDF, each page rendered to a picture (pypdfium2; its Chinese drawn with a CJK font installed on the
machine that makes them, e.g. Debian's fonts-wqy-microhei), then saved as an image-only PDF, as a
scanner would: clean, blurred (and heavily at 150) and turned 1°, at 150 and 300 dpi; and one page as a PNG. The tests
need no font: the pictures are committed. Run from the project root:

    python tests/data/scans/make.py

then record the OCR engine's output on them for the tests (tests/data/scans/engine.py):

    python tests/data/scans/engine.py
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from gik_tui.core.synth import make_report

HERE = Path(__file__).parent
REPORT = dict(i=3, seed=1, layout="p", template_id="gik-2021", shape="real")
VARIANTS = {  # name: (dpi, blur radius in pixels, degrees turned)
    "clean-150": (150, 0, 0),
    "blur-150": (150, 0.8, 0),
    "heavy-blur-150": (150, 1.2, 0),  # digits hard to tell apart: most figures must stay blank
    "turned-150": (150, 0, 1.0),
    "clean-300": (300, 0, 0),
    "blur-300": (300, 1.6, 0),
    "turned-300": (300, 0, 1.0),
}


def report():
    return make_report(**REPORT)


def pages(dpi: int) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(report().render())
    return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for i in range(len(pdf))]


def scanned(dpi: int, blur: float, turn: float) -> list[Image.Image]:
    out = []
    for img in pages(dpi):
        if blur:
            img = img.filter(ImageFilter.GaussianBlur(blur))
        if turn:
            img = img.rotate(turn, resample=Image.BICUBIC, expand=False, fillcolor=255)
        out.append(img)
    return out


def main() -> None:
    for name, (dpi, blur, turn) in VARIANTS.items():
        imgs = scanned(dpi, blur, turn)
        buf = io.BytesIO()
        imgs[0].save(buf, "PDF", save_all=True, append_images=imgs[1:], resolution=dpi, quality=70)
        (HERE / f"scan-{name}.pdf").write_bytes(buf.getvalue())
    img = scanned(150, 0, 0)[1]
    img.save(HERE / "table-page.png", optimize=True, dpi=(150, 150))


if __name__ == "__main__":
    main()
