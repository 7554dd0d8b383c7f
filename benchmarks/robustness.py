"""Bounded time on bad input: the worst extraction time per MB over the bad-input corpus, large
inputs and mutated sample reports. Prints numbers; asserts nothing.

    python benchmarks/robustness.py [--mutations 2000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gik_tui.core.extract import extract  # noqa: E402
from gik_tui.core.readers import ReadError, read_bytes  # noqa: E402
from tests.badinput import make_corpus  # noqa: E402


def timed(data: bytes, name: str) -> float:
    t = time.perf_counter()
    try:
        extract(read_bytes(data, name))
    except ReadError:
        pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mutations", type=int, default=2000)
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for case in make_corpus(d):
            path = Path(d) / case.name
            if not path.is_file():  # the FIFO and other non-files: refused before reading (tests say so)
                continue
            data = path.read_bytes()
            dt = timed(data, case.name)
            rows.append((case.name, len(data), dt))
    samples = [p.read_text(encoding="utf-8").split("\n") for p in sorted((ROOT / "sample_reports").glob("*.txt"))]
    rng = random.Random(1)
    worst_mut = (0.0, 0, 0.0)
    # what a report imports the first time it needs it (cn2an, for a count written in Chinese
    # numerals: 0.1 s, once a process) is not the extraction's time: imported before the timing
    import cn2an  # noqa: F401
    for _ in range(args.mutations):
        lines = list(rng.choice(samples))
        for _ in range(rng.randint(1, 8)):
            i, j = sorted((rng.randrange(len(lines)), rng.randrange(len(lines))))
            op = rng.choice(["shuffle", "cut", "dup", "swap"])
            if op == "shuffle":
                seg = lines[i:j + 1]
                rng.shuffle(seg)
                lines[i:j + 1] = seg
            elif op == "cut" and j - i < len(lines) - 1:
                del lines[i:j + 1]
            elif op == "dup":
                lines[i:i] = lines[i:j + 1]
            else:
                lines[i], lines[j] = lines[j], lines[i]
        data = "\n".join(lines).encode()
        dt = timed(data, "m.txt")
        per_mb = dt / max(len(data), 1) * 1e6
        if len(data) >= 1024 and per_mb > worst_mut[0]:  # per MB means nothing for a few bytes
            worst_mut = (per_mb, len(data), dt)
    print(f"{'input':24s} {'size':>12s} {'time':>9s} {'s/MB':>8s}")
    for name, size, dt in rows:
        print(f"{name:24s} {size:>12,d} {dt:>8.3f}s {dt / max(size, 1) * 1e6:>8.2f}")
    print(f"worst of {args.mutations} mutated sample reports (of at least 1 KB): {worst_mut[0]:.2f} s/MB "
          f"({worst_mut[1]:,d} bytes in {worst_mut[2] * 1000:.1f} ms)")
    sizable = [r for r in rows if r[1] >= 100_000]
    worst = max(sizable, key=lambda r: r[2] / r[1])
    print(f"worst per MB over the inputs of 100 KB or more: {worst[2] / worst[1] * 1e6:.2f} s/MB ({worst[0]})")
    big = max(rows, key=lambda r: r[1])
    print(f"largest input: {big[1] / 1e6:.1f} MB in {big[2]:.2f} s")


if __name__ == "__main__":
    main()
