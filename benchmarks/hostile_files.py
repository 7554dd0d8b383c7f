"""Hostile files at full size, each extracted by `gik-tui extract` in a fresh process: a .docx
whose document.xml inflates to 1.5 GB, and a 4 KB PDF whose one page shows a million characters.
It prints the seconds, the peak memory and the one line each gets. Target (issue 24): under 2 s
and 300 MB each. It prints numbers; it asserts nothing.

    python benchmarks/hostile_files.py [--inflated-mb 1536]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gik_tui.core.synth import make_report  # noqa: E402
from tests.hostile import docx_bomb, many_chars_pdf  # noqa: E402


def run(path: str) -> tuple[float, float, str]:
    exe = shutil.which("gik-tui") or "gik-tui"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    res = subprocess.run([exe, "extract", path, "--format", "jsonl"], capture_output=True, text=True, check=False)
    took = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, max(peak, before) / 1024, (res.stderr.strip().splitlines() or [""])[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inflated-mb", type=int, default=1536)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        bomb = os.path.join(d, "bomb.docx")
        Path(bomb).write_bytes(docx_bomb(make_report(0, seed=1, layout="w").render(), args.inflated_mb))
        pdf = os.path.join(d, "million.pdf")
        Path(pdf).write_bytes(many_chars_pdf())
        for path, what in ((bomb, f"docx inflating to {args.inflated_mb} MB"), (pdf, "PDF page of 1,000,000 characters")):
            took, peak, line = run(path)
            print(f"{what} ({os.path.getsize(path) / 1e6:.2f} MB): {took:.2f} s, peak {peak:.0f} MB — {line}")


if __name__ == "__main__":
    main()
