"""PDF extraction speed: reports/s of `gik-tui extract --jobs 2` over synthetic PDF reports (every
format; ruled tables with merged cells, a table over a page break, running headers and footers),
and the ratio to pdfplumber alone doing `extract_text` + `extract_tables` on the same files in the
same number of processes, in the same run. Target (issue 12): ratio <= 1.3 — the alignment,
solving and checks should cost little beside reading the PDF. Word files are measured too.

    python benchmarks/pdf_speed.py [-n 300] [--jobs 2]

It prints numbers; it asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import subprocess
import sys
import tempfile
import time

from gik_tui.core.synth import write_corpus


def _plumber(path: str) -> int:
    import pdfplumber

    n = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            n += len(page.extract_text() or "")
            n += sum(len(t) for t in page.extract_tables())
            page.close()
    return n


def _docx_alone(path: str) -> int:
    import docx

    d = docx.Document(path)
    return sum(len(p.text) for p in d.paragraphs) + sum(len(c.text) for t in d.tables for r in t.rows for c in r.cells)


def _extract(corpus: str, jobs: int, out: str) -> float:
    exe = shutil.which("gik-tui")
    cmd = [exe] if exe else [sys.executable, "-m", "gik_tui.cli"]
    t = time.perf_counter()
    subprocess.run([*cmd, "extract", corpus, "--format", "jsonl", "--jobs", str(jobs), "-o", out, "--force"],
                   check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="gik-pdf-bench-")
    try:
        for layout, alone, what in (("p", _plumber, "pdfplumber extract_text + extract_tables"),
                                    ("w", _docx_alone, "python-docx paragraphs + table cells")):
            corpus = os.path.join(tmp, layout)
            t = time.perf_counter()
            write_corpus(corpus, args.n, seed=1, layouts=(layout,))
            files = sorted(os.path.join(corpus, f) for f in os.listdir(corpus))
            size = sum(os.path.getsize(f) for f in files)
            print(f"{'PDF' if layout == 'p' else 'Word'}: {len(files)} synthetic reports ({size / 1e6:.1f} MB) "
                  f"written in {time.perf_counter() - t:.1f} s")
            t = time.perf_counter()
            with mp.get_context("fork").Pool(args.jobs) as pool:
                sum(pool.imap(alone, files, chunksize=4))
            base = time.perf_counter() - t
            took = _extract(corpus, args.jobs, os.path.join(tmp, f"{layout}.jsonl"))
            print(f"  gik-tui extract --jobs {args.jobs}: {took:.2f} s, {len(files) / took:.0f} reports/s")
            print(f"  {what} alone, {args.jobs} processes: {base:.2f} s, {len(files) / base:.0f} reports/s")
            print(f"  ratio: {took / base:.2f} (target <= 1.3)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
