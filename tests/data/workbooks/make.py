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


def hidden(path: Path) -> None:
    """Cells Excel shows nothing of (the .xls twin of test_sheet's .xlsx): a format that shows nothing
    (;;;, a nought's empty section), white text on a cell not filled; white on a filled cell shows."""
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("表")
    nothing, no_nought = xlwt.easyxf(num_format_str=";;;"), xlwt.easyxf(num_format_str="0;-0;;@")
    white = xlwt.easyxf("font: colour white")
    shaded = xlwt.easyxf("font: colour white; pattern: pattern solid, fore_colour dark_blue")
    for r, row in enumerate([["项目", "自然人", "总计"], ["本年新收", 17, 18], ["上年结转", 0, 3], ["予以公开", 5, 6]]):
        for c, v in enumerate(row):
            ws.write(r, c, v, no_nought if (r, c) == (2, 1) else shaded if (r, c) == (3, 2) else xlwt.Style.default_style)
    ws.write(1, 3, 9, nothing)
    ws.write(2, 3, 4, white)
    book.save(str(path))


if __name__ == "__main__":
    hidden(HERE / "hidden.xls")
    for tid, name in (("gik-2019", "synth_2019.xls"), ("gik-2021", "synth_2021.xls"), ("legacy", "synth_legacy.xls")):
        write(make_report(1, seed=42, template_id=tid, layout="x", encoding="utf-8"), HERE / name)
    shutil.copy(HERE / "synth_2021.xls", HERE / "synth_2021.et")
