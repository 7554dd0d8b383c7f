"""OCR: seconds per scanned page through gik-tui against the engine alone, peak memory, the cache
hit, and what the identities let through, per scan quality.

    python benchmarks/ocr_speed.py [--scan FILE] [--rounds 5]

Needs the OCR extra (`pip install 'gik-tui[ocr]'`). Measures the committed fixtures of
tests/data/scans (a synthetic 2021 report printed, rendered and scanned: clean, blurred, turned 1°,
at 150 and 300 dpi). Targets (issue 22): gik-tui within 1.2× the engine alone per page, peak memory
under 1 GB, a second opening from the cache instant; no recognised figure wrong at any quality.
Each measure runs in its own process (peak memory is a process's). It prints numbers; it asserts
nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCANS = ROOT / "tests" / "data" / "scans"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _speed(pdf: str, rounds: int, q) -> None:
    """The engine alone on the pages as gik-tui renders them, and gik-tui reading the scan with an
    empty cache, interleaved round by round (the machine's noise falls on both alike); then the
    cache hit and the whole extraction from the cache."""
    import shutil

    import pypdfium2 as pdfium

    cache = tempfile.mkdtemp()
    os.environ["GIK_TUI_CACHE"] = cache
    from gik_tui.core.extract import extract_path
    from gik_tui.core.readers import ocr, read_path

    engine = _warm()
    doc = pdfium.PdfDocument(Path(pdf).read_bytes())
    images = [doc[i].render(scale=ocr.DPI / 72, grayscale=True).to_pil() for i in range(len(doc))]
    alone, gik = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        for img in images:
            engine(img.convert("RGB"), **ocr.SETTINGS)
        alone.append((time.perf_counter() - t) / len(images))
        shutil.rmtree(cache, ignore_errors=True)
        t = time.perf_counter()
        read_path(pdf)
        gik.append((time.perf_counter() - t) / len(images))
    t = time.perf_counter()
    read_path(pdf)
    hit = time.perf_counter() - t
    t = time.perf_counter()
    extract_path(pdf)
    whole = time.perf_counter() - t
    size = sum(f.stat().st_size for f in Path(cache).rglob("*.json"))
    shutil.rmtree(cache, ignore_errors=True)
    q.put({"alone": statistics.median(alone), "gik": statistics.median(gik), "pages": len(images),
           "ratios": [g / a for g, a in zip(gik, alone)], "hit": hit, "extract_cached": whole, "cache_kb": size / 1024})


def _peak(pdf: str, q) -> None:
    """Peak memory of a process that reads the scan through gik-tui (models loaded, every page
    recognised), from start to end."""
    with tempfile.TemporaryDirectory() as cache:
        os.environ["GIK_TUI_CACHE"] = cache
        from gik_tui.core.readers import read_path

        read_path(pdf)
    q.put(_peak_mb())


def _warm():
    """The models loaded and run once on a small picture (the timings start warm)."""
    from PIL import Image, ImageDraw

    from gik_tui.core.readers import ocr

    img = Image.new("RGB", (400, 100), "white")
    ImageDraw.Draw(img).text((10, 40), "2024 18", fill="black")
    engine = ocr._engine()
    engine(img, **ocr.SETTINGS)
    return engine


def _quality(q) -> None:
    sys.path.insert(0, str(SCANS))
    from make import VARIANTS, report  # noqa: E402

    from gik_tui.core.extract import extract_path

    truth = report().values
    out = {}
    for name in VARIANTS:
        ex = extract_path(SCANS / f"scan-{name}.pdf")
        cells = [c for c in ex.cells if c.key in truth]
        filled = [c for c in cells if c.value is not None]
        wrong = sum(c.value != truth[c.key] for c in filled)
        offered = sum(any(v == truth[c.key] for v, _ in c.candidates) for c in cells if c.value is None)
        decided = [k for k, o in ex.offers.items() if o.decided and k in truth]
        out[name] = {"cells": len(cells), "filled": len(filled), "wrong": wrong,
                     "blank_truth_offered": offered, "blank": len(cells) - len(filled),
                     "enter_takes": len(decided),
                     "enter_wrong": sum(ex.offers[k].choices[0][0] != truth[k] for k in decided)}
    q.put(out)


def _run(target, *args):
    q = mp.get_context("spawn").Queue()
    p = mp.get_context("spawn").Process(target=target, args=(*args, q))
    p.start()
    res = q.get()
    p.join()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scan", default=str(SCANS / "scan-clean-150.pdf"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    from gik_tui.core.readers import ocr

    if not ocr.available():
        print(f"the OCR extra is not installed: {ocr.INSTALL}")
        return
    print(f"{ocr.engine_version()}, {os.cpu_count()} cores; scan {Path(args.scan).name} rendered at {ocr.DPI} dpi")
    sp = _run(_speed, args.scan, args.rounds)
    peak = _run(_peak, args.scan)
    print(f"engine alone   {sp['alone']:.2f} s/page (median of {args.rounds} rounds of {sp['pages']} pages)")
    print(f"gik-tui read   {sp['gik']:.2f} s/page: {sp['gik'] / sp['alone']:.2f}× the engine "
          f"(round by round: {', '.join(f'{r:.2f}' for r in sp['ratios'])}); peak memory {peak:.0f} MB")
    print(f"cache hit      {sp['hit'] * 1000:.0f} ms for the whole scan; extraction from the cache "
          f"{sp['extract_cached'] * 1000:.0f} ms; cache {sp['cache_kb']:.0f} KB for {sp['pages']} pages")
    quality = _run(_quality)
    print("\nscan quality      cells  filled (share)  wrong  blank: truth offered  enter takes (wrong)")
    for name, r in quality.items():
        print(f"{name:<16} {r['cells']:>6}  {r['filled']:>6} ({r['filled'] / r['cells']:>4.0%})  {r['wrong']:>5}  "
              f"{r['blank_truth_offered']:>7}/{r['blank']:<7}       {r['enter_takes']:>3} ({r['enter_wrong']})")


if __name__ == "__main__":
    main()
