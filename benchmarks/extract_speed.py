"""Extraction speed: reports/s of `gik-tui extract --jobs 2` over a synthetic corpus, the ratio to
merely reading and decoding the same files, peak memory with jsonl output, and start-up time.

    python benchmarks/extract_speed.py [-n 10000] [--jobs 2] [--corpus DIR] [--samples]

The synthetic corpus has every format in every layout, glued ones (f, g) included. `--samples`
measures N copies of the five sample reports instead. Targets (issues 2 and 8): >= 1,000 reports/s
on a 2-core machine on both, peak memory < 300 MB, `extract --help` < 150 ms. It prints numbers;
it asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from gik_tui.core.readers import find_reports, read_path
from gik_tui.core.synth import write_corpus


def _read_only(path: str) -> int:
    return len(read_path(path).text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--corpus", default=None, help="reuse this folder (made if missing)")
    ap.add_argument("--samples", action="store_true", help="N copies of the five sample reports")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="gik-bench-")
    corpus = args.corpus or os.path.join(tmp, "corpus")
    if not os.path.isdir(corpus) or not os.listdir(corpus):
        t = time.perf_counter()
        if args.samples:
            here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample_reports")
            names = sorted(os.listdir(here))
            os.makedirs(corpus)
            for i in range(args.n):
                name = names[i % len(names)]
                shutil.copy(os.path.join(here, name), os.path.join(corpus, f"{i:06d}_{name}"))
            print(f"corpus: {args.n} copies of the sample reports")
        else:
            write_corpus(corpus, args.n, seed=1)
            print(f"corpus: {args.n} synthetic reports written in {time.perf_counter() - t:.1f} s")
    files, _ = find_reports([corpus])
    n = len(files)
    size = sum(os.path.getsize(f) for f in files)
    exe = shutil.which("gik-tui") or sys.executable
    cmd = [exe] if exe.endswith("gik-tui") else [exe, "-m", "gik_tui.cli"]

    # merely reading and decoding, in the same number of processes
    t = time.perf_counter()
    with mp.get_context("fork").Pool(args.jobs) as pool:
        sum(pool.imap(_read_only, files, chunksize=50))
    read_s = time.perf_counter() - t

    out = os.path.join(tmp, "out.jsonl")
    probe = (
        "import resource, sys\n"
        "from gik_tui.cli import main\n"
        "try:\n"
        f"    main(['extract', {corpus!r}, '--format', 'jsonl', '--jobs', '{args.jobs}', '-o', {out!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(s.ru_maxrss, c.ru_maxrss)\n"
    )
    t = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    extract_s = time.perf_counter() - t
    parent_kb, child_kb = map(int, res.stdout.split())
    peak_mb = (parent_kb + args.jobs * child_kb) / 1024

    starts = []
    for _ in range(10):
        t = time.perf_counter()
        subprocess.run([*cmd, "extract", "--help"], capture_output=True, check=True)
        starts.append(time.perf_counter() - t)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"reports: {n} ({size / 1e6:.1f} MB)")
    print(f"extract --jobs {args.jobs}: {extract_s:.2f} s, {n / extract_s:.0f} reports/s (whole command, start-up included)")
    print(f"read+decode only, {args.jobs} processes: {read_s:.2f} s, {n / read_s:.0f} reports/s")
    print(f"ratio extract / read+decode: {extract_s / read_s:.1f}x")
    print(f"peak memory (parent + {args.jobs} workers, jsonl to a file): {peak_mb:.0f} MB")
    print(f"extract --help: median {statistics.median(starts) * 1000:.0f} ms over 10 runs")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
