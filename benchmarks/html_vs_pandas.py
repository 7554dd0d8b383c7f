"""An HTML report through gik-tui's whole extraction, against pandas.read_html pulling only the
bare grids out of the same page.

    python benchmarks/html_vs_pandas.py [-n 200]

pandas is not a dependency of gik-tui: install it (pip install pandas) to run this. Target
(issue 8): gik-tui's extraction of an HTML page takes at most half the time pandas.read_html takes
to return its tables (issue 23: on pages carrying a real page's chrome, synth.py's `_chrome`). It
prints per-page medians for reading, the whole extraction and read_html; it asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.synth import make_report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=200)
    args = ap.parse_args()
    try:
        import pandas as pd
    except ImportError:
        print("pandas is not installed: pip install pandas (it is not a dependency of gik-tui)")
        return
    pages = [make_report(i, seed=3, layout="e", encoding="utf-8") for i in range(args.n)]
    data = [(p.render(), p.filename) for p in pages]
    for b, name in data[:5]:  # warm both up
        extract(read_bytes(b, name))
        pd.read_html(io.StringIO(b.decode("utf-8")))
    reading, ours, theirs = [], [], []
    for b, name in data:
        t = time.perf_counter()
        doc = read_bytes(b, name)
        t1 = time.perf_counter()
        extract(doc)
        t2 = time.perf_counter()
        reading.append(t1 - t)
        ours.append(t2 - t)
        t = time.perf_counter()
        pd.read_html(io.StringIO(b.decode("utf-8")), flavor="lxml")
        theirs.append(time.perf_counter() - t)
    m_read, m_ours, m_theirs = statistics.median(reading), statistics.median(ours), statistics.median(theirs)
    sizes = sorted(len(b) for b, _ in data)
    print(f"{args.n} HTML reports (synthetic, layout e, with a real page's chrome: menus, scripts, styles, nested "
          f"layout tables, a footer; {sizes[0] / 1024:.0f}–{sizes[-1] / 1024:.0f} KB, median {statistics.median(sizes) / 1024:.0f} KB)")
    print(f"gik-tui reading alone (decode, chrome dropped, article, grids):    median {m_read * 1000:.2f} ms")
    print(f"gik-tui whole extraction (… tables, headings, checks):             median {m_ours * 1000:.2f} ms")
    print(f"pandas.read_html (grids only), lxml:                               median {m_theirs * 1000:.2f} ms")
    print(f"ratio, whole extraction / read_html: {m_ours / m_theirs:.2f} (target <= 0.5)")


if __name__ == "__main__":
    main()
