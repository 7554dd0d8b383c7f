"""Export speed: `gik-tui export DIR --jobs 2` over N synthetic reports, each reviewed (an
annotation with a typed cell, a heading decision, a status and a note), as CSV (long form) and as
an Excel workbook. Target (issue 13): 10,000 reviewed reports exported in under 30 s on this
machine. It prints numbers; it asserts nothing.

    python benchmarks/export_speed.py [-n 10000] [--jobs 2] [--xlsx-n 1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

from gik_tui.core.annotations import Annotation, CellEdit, SectionDecision, annotation_path, to_toml
from gik_tui.core.synth import make_report, write_corpus


def _annotate(folder: str, n: int) -> None:
    for i in range(n):
        rep = make_report(i, seed=1)
        key = next(iter(rep.values))
        ann = Annotation(source=rep.filename, sha256="", template=rep.template, status="done", note="复核",
                         annotator="bench", cells=(CellEdit(*key, 1, rep.values[key], "bench", "2026-11-28T00:00:00+00:00"),),
                         sections=(SectionDecision("一、总体情况", 3, "总体情况", True, "bench", "2026-11-28T00:00:00+00:00"),))
        with open(annotation_path(os.path.join(folder, rep.filename)), "w", encoding="utf-8") as f:
            f.write(to_toml(ann))


def _run(args: list[str]) -> float:
    exe = shutil.which("gik-tui")
    cmd = [exe] if exe else [sys.executable, "-m", "gik_tui.cli"]
    t = time.perf_counter()
    subprocess.run([*cmd, *args], check=False, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--xlsx-n", type=int, default=1_000, help="reports in the workbook run (a smaller folder)")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="gik-export-bench-")
    try:
        corpus = os.path.join(tmp, "corpus")
        t = time.perf_counter()
        write_corpus(corpus, args.n, seed=1)
        _annotate(corpus, args.n)
        print(f"corpus: {args.n} synthetic reports, each with an annotation, made in {time.perf_counter() - t:.1f} s")
        took = _run(["export", corpus, "--jobs", str(args.jobs), "-o", os.path.join(tmp, "out.csv")])
        size = os.path.getsize(os.path.join(tmp, "out.csv")) / 1e6
        print(f"export --jobs {args.jobs}, CSV long form: {took:.1f} s ({args.n / took:.0f} reports/s, {size:.0f} MB) "
              "— target < 30 s for 10,000")
        small = os.path.join(tmp, "small")
        os.makedirs(small)
        for name in sorted(os.listdir(corpus))[: args.xlsx_n * 2]:
            shutil.copy(os.path.join(corpus, name), small)
        took = _run(["export", small, "--jobs", str(args.jobs), "--format", "xlsx", "-o", os.path.join(tmp, "out.xlsx")])
        print(f"export --jobs {args.jobs}, Excel workbook (4 sheets), {args.xlsx_n} reports: {took:.1f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
