"""Instructions one extraction costs, per sample report: a measure that does not move with the
machine's load (timings here vary by half from one run to the next; instruction counts by 0.1 %, and
not at all between runs of the same code: the hash seed is fixed, so sets and dicts keep one order).

    python benchmarks/extract_instructions.py [--only NAME] [-n 3]

Runs each sample under valgrind's callgrind (install: apt-get install valgrind) twice — warmed up,
then n more extractions — and prints the difference per extraction (read, extract, JSON), in
millions of instructions. Use it to tell whether a change to the per-report path made it cheaper;
reports/s itself is `benchmarks/extract_speed.py`. It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "sample_reports")

PROBE = """
import sys
from gik_tui.core.extract import extract_path
from gik_tui.core.serialize import to_json_bytes
path, n = sys.argv[1], int(sys.argv[2])
for _ in range(1 + n):
    to_json_bytes(extract_path(path))
"""


def _instructions(path: str, n: int) -> int:
    res = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          os.path.realpath(sys.executable), "-c", PROBE, path, str(n)],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "0"})  # set and dict orders fixed: counts repeat
    m = re.search(r"Collected\s*:\s*(\d+)", res.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no count: {res.stderr[-300:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="", help="only the samples whose name contains this")
    ap.add_argument("-n", type=int, default=3, help="extractions measured per sample")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    names = [f for f in sorted(os.listdir(SAMPLES)) if args.only in f]
    total = 0.0
    for name in names:
        path = os.path.join(SAMPLES, name)
        per = (_instructions(path, args.n) - _instructions(path, 0)) / args.n / 1e6
        total += per
        print(f"{name}: {per:.2f} M instructions per extraction")
    if len(names) > 1:
        print(f"mean: {total / len(names):.2f} M instructions per report")


if __name__ == "__main__":
    main()
