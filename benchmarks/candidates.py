"""How good the offers are where the analyst decides: over synthetic reports in the layouts whose
cells are solved or placed (glued f, g; spaced one-line s; dropped zeros b-dropped; two figures a
requests row l), for every cell left blank with candidates:

- the share whose truth is among the candidates (target 100 %),
- the share whose truth is the first candidate (target >= 90 %),
- the share of rows whose first split `enter` would take (Split.decided) and how often that
  first split is the truth (it must be: a wrong one is one key away),
- for the table questions (core/questions.py): how many, how often the first answer gives every
  cell its truth, and how often enter would take it (and be right),
- a calibration table: for candidates scored in each band of share, the share that is true (a
  score should mean what it says, within 10 points).

    python benchmarks/candidates.py [-n 100] [--seed 1] [--shape real|uniform]

`--shape real` (the default) draws the synthetic figures as real reports have them (few 规章, a
本年增/减 small against its base, requests mostly from natural persons: synth._gen_values);
`uniform` draws every figure evenly, so that every split of a glued run is as likely as any other
— a stress no prior can win, printed for comparison.

It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
from collections import Counter

from gik_tui.core.extract import extract
from gik_tui.core.questions import answer
from gik_tui.core.readers import read_bytes
from gik_tui.core.synth import dropped_zeros, make_report

TEMPLATES = ("gik-2019", "gik-2021")




def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--shape", choices=("real", "uniform"), default="real")
    args = ap.parse_args()
    bands = Counter()
    print(f"figures shaped: {args.shape}")
    print(f"{'layout':<10} {'format':<9} {'blank':>6} {'truth in':>9} {'truth 1st':>10} {'enter rows':>11} {'enter right':>12}")
    questions = Counter()
    every = Counter()
    for layout in ("f", "g", "s", "b-dropped", "l"):
        for tid in TEMPLATES:
            st = Counter()
            for i in range(args.n):
                rep = make_report(i, seed=args.seed, template_id=tid, layout=layout[0], encoding="utf-8",
                                  shape=args.shape)
                data = dropped_zeros(rep) if layout == "b-dropped" else rep.render()
                ex = extract(read_bytes(data, rep.filename))
                truth = dict(rep.values)
                if layout == "b-dropped":  # a dropped 0 is an empty cell: its truth is blank
                    truth = {k: (None if k[0] == "requests" and k[1] and v == 0 else v) for k, v in truth.items()}
                for c in ex.cells:
                    if c.value is not None or not c.candidates or c.key not in truth:
                        continue
                    t = truth[c.key]
                    st["blank"] += 1
                    vals = [v for v, _ in c.candidates]
                    st["in"] += t in vals
                    st["first"] += vals[0] == t
                    for v, share in c.candidates:
                        band = min(int(share * 10), 9)
                        bands[(band, "n")] += 1
                        bands[(band, "share")] += share
                        bands[(band, "true")] += v == t
                for q in ex.questions:
                    questions["n"] += 1
                    first = answer(q, 0)
                    right = all((truth.get(k) or 0) == (v or 0) for k, v in first.items())
                    questions["first right"] += right
                    questions["decided"] += q.decided
                    questions["decided right"] += q.decided and right
                for (table, row), sp in ex.splits.items():
                    keys = [(table, row, col) for col in sp.columns]
                    if any(k not in truth for k in keys):
                        continue
                    st["rows"] += 1
                    if sp.decided:
                        st["enter"] += 1
                        st["enter_right"] += tuple(truth[k] for k in keys) == tuple(sp.choices[0][0])
            every.update(st)
            n = st["blank"] or 1
            e = st["enter"] or 1
            print(f"{layout:<10} {tid:<9} {st['blank']:>6} {st['in'] / n:>9.1%} {st['first'] / n:>10.1%} "
                  f"{st['enter']:>5}/{st['rows']:<5} {st['enter_right'] / e:>12.1%}")
    n = every["blank"] or 1
    print(f"{'all':<10} {'':<9} {every['blank']:>6} {every['in'] / n:>9.1%} {every['first'] / n:>10.1%} "
          f"{every['enter']:>5}/{every['rows']:<5} {every['enter_right'] / (every['enter'] or 1):>12.1%}")
    n = questions["n"] or 1
    print(f"\ntable questions: {questions['n']}, first answer right {questions['first right'] / n:.1%}, "
          f"taken on enter {questions['decided']} (right {questions['decided right']})")
    print("\ncalibration: candidates scored in each band of share, and the share of them that is true")
    print(f"{'band':<10} {'candidates':>10} {'scored':>8} {'true':>8} {'gap':>6}")
    worst = 0.0
    for b in range(10):
        n = bands[(b, "n")]
        if n:
            gap = bands[(b, 'true')] / n - bands[(b, 'share')] / n
            worst = max(worst, abs(gap)) if n >= 100 else worst
            print(f"{b * 10:>3}–{b * 10 + 10:<3}%   {n:>10} {bands[(b, 'share')] / n:>8.1%} {bands[(b, 'true')] / n:>8.1%} {gap * 100:>+6.1f}")
    print(f"largest gap between the mean score and the share true, over bands of 100 candidates or more: {worst * 100:.1f} points")


if __name__ == "__main__":
    main()
