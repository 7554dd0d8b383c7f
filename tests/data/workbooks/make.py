"""Makes this folder's Excel 97–2003 fixtures, once (xlwt, which gik-tui does not need, writes
them; `pip install xlwt` then `python tests/data/workbooks/make.py`): the tables of synthetic
reports, a sheet each, with their header and label cells merged — the same grids as synth's `x`
layout (.xlsx), written as .xls. `synth_2021.et` is the 2021 one under WPS's name for it."""

from __future__ import annotations

import shutil
from pathlib import Path

import xlwt

from gik_tui.core.synth import make_report, outline, table_rows
from gik_tui.core.synth_files import grid_of, merges

HERE = Path(__file__).parent


def write(rep, path: Path) -> None:
    rng, title, paras, tables = outline(rep)
    book = xlwt.Workbook(encoding="utf-8")
    for p in paras:
        if not isinstance(p, tuple):
            continue
        spec = tables[p[1]]
        rows, _ = grid_of(table_rows(rep, spec, rng))
        ws = book.add_sheet(spec.title[:31])
        merged, covered = merges(rows)
        spans = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in merged}
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                plain = text.lstrip("-").isdigit() and not (len(text) > 1 and text.lstrip("-")[0] == "0")
                value = int(text) if plain else text
                if (r, c) in spans:
                    r1, c1 = spans[(r, c)]
                    ws.write_merge(r, r1, c, c1, value)
                else:
                    ws.write(r, c, value)
    book.save(str(path))


if __name__ == "__main__":
    for tid, name in (("gik-2019", "synth_2019.xls"), ("gik-2021", "synth_2021.xls"), ("legacy", "synth_legacy.xls")):
        write(make_report(1, seed=42, template_id=tid, layout="x", encoding="utf-8"), HERE / name)
    shutil.copy(HERE / "synth_2021.xls", HERE / "synth_2021.et")
