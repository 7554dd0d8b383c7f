"""What the solver recovers from tables only the identities can pin down, and what it costs.

    python benchmarks/solve_recovery.py [-n 200] [--seed 1]

For each format and each layout whose cells are solved or placed rather than read — f and g
(glued: the page's text with no separators, with newlines between blocks or all on one line), s (one line, the figures spaced at some boundaries only),
h (Word rows with merged label cells), b-dropped (one cell per line with every 0 left out) and
f-dashes (as f, its noughts written as an empty cell's dash: —, / or -, a dash read blank counted filled) —
over N synthetic reports, consistent and with a seeded break, it prints per table: the share of
cells filled (each must equal the truth: a wrong one is counted and must stay 0), left blank with
the truth among their candidates, and lost (blank, the truth not among the candidates). Then the
worst extraction time of one report, and the worst time of one table's solve (the caps at work),
over the same reports and a set of hostile runs of digits. It prints numbers; it asserts nothing.
Target (issue 8): >= 95 % of the cells of consistent 2019/2021 tables filled, 0 wrong.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter

from gik_tui.core import solve as solve_module
from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.synth import dropped_zeros, make_report

TEMPLATES = ("gik-2019", "gik-2021", "legacy")




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    worst_table = [0.0, ""]
    real_solve = solve_module.solve

    def timed_solve(rows, *a, **kw):
        t = time.perf_counter()
        out = real_solve(rows, *a, **kw)
        dt = time.perf_counter() - t
        if dt > worst_table[0]:
            worst_table[:] = [dt, f"{rows[0].table if rows else ''} ({len(rows)} rows)"]
        return out

    import gik_tui.core.tables.align as align_module

    align_module.solve = timed_solve
    worst_report = [0.0, ""]
    for consistent in (True, False):
        print(f"\n{'consistent' if consistent else 'with a seeded break (every other report)'} — "
              f"{args.n} reports per format and layout")
        print(f"{'layout':<10} {'format':<9} {'table':<9} {'filled':>7} {'candidates':>11} {'lost':>6} {'wrong':>6}")
        for layout in ("f", "g", "s", "h", "b-dropped", "f-dashes"):
            for tid in TEMPLATES:
                if layout == "b-dropped" and tid == "legacy":
                    continue
                stats: Counter = Counter()
                for i in range(args.n):
                    rep = make_report(i, seed=args.seed, template_id=tid, layout=layout[0], encoding="utf-8",
                                      inconsistent=not consistent and i % 2 == 0,
                                      figures="dashes" if layout == "f-dashes" else "plain")
                    data = dropped_zeros(rep) if layout == "b-dropped" else rep.render()
                    t = time.perf_counter()
                    ex = extract(read_bytes(data, rep.filename))
                    dt = time.perf_counter() - t
                    if dt > worst_report[0]:
                        worst_report[:] = [dt, f"{rep.filename} ({layout})"]
                    got = {c.key: c for c in ex.cells}
                    for key, value in rep.values.items():
                        if layout == "b-dropped" and key[1] and key[0] == "requests" and value == 0:
                            value = None  # a dropped 0 is an empty cell: its truth is blank
                        c = got[key]
                        table = key[0]
                        stats[(table, "n")] += 1
                        if layout == "f-dashes" and value == 0 and c.value is None and c.raw in ("—", "/", "-"):
                            stats[(table, "filled")] += 1  # (a dash read as the empty cell it is)
                        elif c.value is not None:
                            stats[(table, "filled" if c.value == value else "wrong")] += 1
                        elif value is None or value in {v for v, _ in c.candidates}:
                            stats[(table, "candidates" if value is not None or c.candidates else "filled")] += 1
                        else:
                            stats[(table, "lost")] += 1
                for table in sorted({k[0] for k in stats}):
                    n = stats[(table, "n")]
                    print(f"{layout:<10} {tid:<9} {table:<9} {stats[(table, 'filled')] / n:>7.1%} "
                          f"{stats[(table, 'candidates')] / n:>11.1%} {stats[(table, 'lost')] / n:>6.1%} "
                          f"{stats[(table, 'wrong')]:>6}")
    # hostile runs: long random digit strings in every row of the requests table
    rnd = random.Random(args.seed)
    head = "某县人民政府2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况自然人法人或其他组织总计"
    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开",
              "（二）部分公开", "（七）总计", "四、结转下年度继续办理"]
    for length in (20, 40, 80):
        text = head + "".join(lab + "".join(rnd.choice("0123456789") for _ in range(length)) for lab in labels)
        t = time.perf_counter()
        extract(read_bytes(text.encode(), f"hostile-{length}.txt"))
        dt = time.perf_counter() - t
        print(f"\nhostile report, {len(labels)} rows of {length} random digits: {dt * 1000:.0f} ms")
        if dt > worst_report[0]:
            worst_report[:] = [dt, f"hostile-{length}"]
    print(f"\nworst report: {worst_report[0] * 1000:.0f} ms ({worst_report[1]})")
    print(f"worst single table solve: {worst_table[0] * 1000:.1f} ms ({worst_table[1]})")


if __name__ == "__main__":
    main()
