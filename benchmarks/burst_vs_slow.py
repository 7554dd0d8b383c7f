"""Keys at any speed: random runs of keys, pressed one at a time and sent at once, must leave the
app in the same state (the cells, the note, the status, the headings, the screen, the focus, the
cursor; the queue's filter, sort and cursor). Prints each run that differs and how many did.

    python benchmarks/burst_vs_slow.py [-n 40] [--seed 1]

A run whose burst was stopped on purpose (a refused entry drops the keys pressed after it: "stopped
there") is not counted. Each run opens the app twice (about 5 s a run). It asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GIK_TUI_NO_CACHE", "1")

from gik_tui.app.app import GikApp  # noqa: E402
from gik_tui.app.report import ReportScreen  # noqa: E402
from gik_tui.app.screens.queue import QueueScreen  # noqa: E402
from tests.app.helpers import open_row, ready  # noqa: E402
from tests.app.test_fast_lane import burst  # noqa: E402

KEYS = ["1", "2", "5", "0", "enter", "enter", "right", "down", "left", "up", "]", "[", "}", "c", "x", "u", "ctrl+r",
        "t", "T", "alt+1", "alt+3", "alt+4", "f", "a", "b", "backspace", "z", "y", "n", "escape", "tab", "m", "i",
        "space", "/", "s", "o", "j", "k", "l"]


def state(app) -> list:
    out: list = [type(app.screen).__name__]
    for q in (s for s in app.screen_stack if isinstance(s, QueueScreen)):
        out += [q.query_text, str(q.sort), q.query_one("#queue-table").cursor_row, q.query_one("#queue-filter").value]
    for r in (s for s in app.screen_stack if isinstance(s, ReportScreen)):
        if "stopped there" in r.status_line.text.plain:
            return ["stopped"]
        rv = r.review
        if rv is not None:
            out += [os.path.basename(r.path), sorted((str(k), str(e.value)) for k, e in rv.edits.items()), rv.note,
                    rv.status, sorted(map(str, rv.meta.items())),
                    sorted((str(k), d.section, d.confirmed) for k, d in rv.decisions.items())]
    focused = app.focused
    out.append(type(focused).__name__)
    if hasattr(focused, "key_at_cursor"):
        out.append(str(focused.key_at_cursor()))
    return out


async def run(keys: list[str], at_once: bool, reports: str) -> list:
    tmp = tempfile.mkdtemp(prefix="gik-burst-")
    try:
        shutil.copytree(reports, os.path.join(tmp, "r"))
        app = GikApp(os.path.join(tmp, "r"), annotations=os.path.join(tmp, "ann"))
        async with app.run_test(size=(160, 48)) as pilot:
            await ready(app, pilot)
            await open_row(app, pilot, "g.txt")
            if at_once:
                await burst(app, pilot, *keys)
            else:
                for key in keys:
                    await burst(app, pilot, key)
            for _ in range(3):
                await pilot.pause()
            return state(app)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    reports = tempfile.mkdtemp(prefix="gik-burst-reports-")
    shutil.copy(ROOT / "tests" / "data" / "examples" / "2020_huaiyin_glued.txt", os.path.join(reports, "g.txt"))
    shutil.copy(ROOT / "sample_reports" / "2018_dongsheng.txt", os.path.join(reports, "d.txt"))
    differ = 0
    for _ in range(args.n):
        keys = [rnd.choice(KEYS) for _ in range(rnd.randint(4, 16))]
        slow, fast = await run(keys, False, reports), await run(keys, True, reports)
        if slow != fast and fast != ["stopped"]:
            differ += 1
            print("differs:", " ".join(keys))
            print("  one at a time:", slow)
            print("  at once:      ", fast)
    shutil.rmtree(reports, ignore_errors=True)
    print(f"{args.n} runs, {differ} differ (seed {args.seed})")


if __name__ == "__main__":
    asyncio.run(main())
