"""Keys per cell for entering a whole synthetic 2021 report's tables from the keyboard, the fast lane:
each row typed as its figures with spaces between and `enter` at its end (the cursor then stands on
the next row's first cell, and past a table's last row on the next table's first). The keys are sent
in bursts with no pause between them, as a fast typist's arrive, and every cell is checked against
the report's true value afterwards.

    python benchmarks/entry_keys.py [--reports 3]

Target (issue 11): the digits plus at most 1.2 keys per cell (about 4.7 before the fast lane:
`e`, the digits, `enter`, `→`, and a few more to change rows). It prints numbers; it asserts nothing
(a wrong cell is printed as a failure).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from textual import events
from textual.keys import _character_to_key

from gik_tui.app.app import GikApp
from gik_tui.app.report import ReportScreen
from gik_tui.core.synth import make_report
from gik_tui.core.values import fmt_number


def printout(rep) -> str:
    """The report as an analyst has it when nothing could be extracted: headings, no tables."""
    from gik_tui.core.templates import load_template

    lines = [f"{rep.agency}{rep.year}年政府信息公开工作年度报告",
             f"本报告所列数据的统计期限自{rep.year}年1月1日至{rep.year}年12月31日。"]
    for i, sec in enumerate(load_template(rep.template).sections):
        lines.append(f"{'一二三四五六七八九十'[i]}、{sec.name}")
        lines.append("（表格见纸质件）")
    return "\n".join(lines) + "\n"


def send(app, keys: list[str]) -> None:
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        ev = events.Key(name, key if len(key) == 1 else None)
        ev.set_sender(app)
        app._driver.send_message(ev)


async def enter_report(seed: int, folder: Path) -> tuple[int, int, int, int, float]:
    rep = make_report(seed, seed=11, template_id="gik-2021", layout="a")
    path = folder / f"printout_{seed}.txt"
    path.write_text(printout(rep), encoding="utf-8")
    app = GikApp(str(path), annotations=str(folder / "ann"))
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(50):
            await pilot.pause()
            if isinstance(app.screen, ReportScreen) and app.screen.review is not None and app.focused is not None:
                break
        screen = app.screen
        keys: list[str] = []
        cells = 0
        for table in screen.tables():
            for r in table.value_rows:
                row = [rep.values[table.slots[(r, c)]] for c in table.value_cols[r]]
                cells += len(row)
                keys.extend(" ".join(fmt_number(v) for v in row))
                keys.append("enter")
        t = time.perf_counter()
        for i in range(0, len(keys), 200):  # bursts of 200 keys, no pause inside one
            send(app, keys[i:i + 200])
            await pilot.pause()
        for _ in range(20):
            await pilot.pause()
        elapsed = time.perf_counter() - t
        wrong = sum(1 for t_ in screen.tables() for key in t_.slots.values()
                    if screen.review.value(key) != rep.values[key])
        figures = sum(1 for k in keys if k not in (" ", "enter"))
        return cells, figures, len(keys) - figures, wrong, elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        for seed in range(args.reports):
            cells, figures, other, wrong, elapsed = asyncio.run(enter_report(seed, Path(d)))
            print(f"report {seed}: {cells} cells, {figures} figure keys + {other} other keys "
                  f"({other / cells:.2f} per cell beyond the figures; {(figures + other) / cells:.2f} keys per cell "
                  f"in all), {wrong} wrong cell(s), entered in {elapsed:.1f} s")


if __name__ == "__main__":
    main()
