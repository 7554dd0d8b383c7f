"""App speed, measured with Pilot: enter on a queue row → report painted; the cost of a key that
moves the cursor or commits an edit, as the difference from a key bound to nothing; the time until
a queue of 10,000 synthetic reports is usable.

    python benchmarks/app_speed.py [--queue-size 10000]

Targets (issue 3): report painted < 300 ms; key cost median < 30 ms; 10,000-report queue usable < 2 s.
Pilot's own press-and-pause costs about 60 ms here, so only the differences mean anything.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

from gik_tui.app.app import GikApp
from gik_tui.app.report import ReportScreen
from gik_tui.core.synth import write_corpus

ROOT = Path(__file__).resolve().parents[1]


async def press_time(pilot, *keys) -> float:
    t = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    return time.perf_counter() - t


async def report_and_keys(ann: str) -> None:
    app = GikApp(str(ROOT / "sample_reports"), annotations=ann)
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#queue-table")
        opens = []
        for row in list(range(table.row_count)) * 2:  # cold (first of its template), then warm
            table.move_cursor(row=row)
            await pilot.pause()
            nothing = await press_time(pilot, "f12")
            t = await press_time(pilot, "enter")
            assert isinstance(app.screen, ReportScreen)
            name = app.screen.name_
            opens.append((name, t, t - nothing))
            await pilot.press("escape")
            await pilot.pause()
        half = len(opens) // 2
        for i, (name, t, net) in enumerate(opens):
            when = "first pass" if i < half else "again"
            print(f"open {name} ({when}): {t * 1000:.0f} ms with Pilot, {net * 1000:.0f} ms beyond a key bound to nothing")
        table.move_cursor(row=4)  # 2020_huaiyin.txt: the most cells
        await pilot.press("enter")
        await pilot.pause()
        nothing, move, commit, box = [], [], [], []
        for i in range(30):
            nothing.append(await press_time(pilot, "f12"))
            move.append(await press_time(pilot, "j" if i % 2 == 0 else "k"))
            box.append(await press_time(pilot, "e"))  # opens the edit box (a modal screen)
            await pilot.press("7")
            commit.append(await press_time(pilot, "enter"))  # the key that commits the edit
        base = statistics.median(nothing)
        print(f"key bound to nothing: median {base * 1000:.0f} ms (Pilot's own cost)")
        print(f"cursor move (j/k, source highlighted): median {(statistics.median(move) - base) * 1000:.1f} ms beyond it")
        print(f"commit an edit (enter in the box: checks re-run, cells redrawn): median "
              f"{(statistics.median(commit) - base) * 1000:.1f} ms beyond it")
        print(f"open the edit box (e): median {(statistics.median(box) - base) * 1000:.1f} ms beyond it")


async def big_queue(n: int, ann: str) -> None:
    corpus = os.path.join(tempfile.mkdtemp(prefix="gik-queue-"), "c")
    write_corpus(corpus, n, seed=5)
    t = time.perf_counter()
    app = GikApp(corpus, annotations=ann)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#queue-table")
        usable = time.perf_counter() - t
        print(f"queue of {n}: {table.row_count} rows listed and the cursor live after {usable:.2f} s")
        dt = await press_time(pilot, "j")
        print(f"  a cursor key while the worker extracts: {dt * 1000:.0f} ms with Pilot")
        t2 = time.perf_counter()
        await app.workers.wait_for_complete()
        print(f"  every row summarised after another {time.perf_counter() - t2:.1f} s (in a worker thread)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queue-size", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as ann:
        asyncio.run(report_and_keys(ann))
        asyncio.run(big_queue(args.queue_size, ann))


if __name__ == "__main__":
    main()
