"""Templates are data: the formats, their years, the labels that choose them, the section of each
table and the cell the queue summarises all come from the TOML files; adding a format is adding a
file (here a fourth, in a folder named by GIK_TUI_TEMPLATES), with no Python change."""

from __future__ import annotations

import json

from click.testing import CliRunner

from gik_tui.cli import main
from gik_tui.core.extract import extract_path
from gik_tui.core.meta import choose_template
from gik_tui.core.templates import load_template, template_for_year, template_ids

def test_years_and_families_come_from_the_files():
    assert template_ids() == ("gik-2019", "gik-2021", "legacy")
    assert [template_for_year(y) for y in (2012, 2018, 2019, 2020, 2021, 2030)] == \
        ["legacy", "legacy", "gik-2019", "gik-2019", "gik-2021", "gik-2021"]
    assert load_template("gik-2021").family == "gik" and load_template("legacy").family is None
    assert load_template("legacy").requests_cell == ("stats", ("依申请公开情况", "收到申请数"), ("统计数",))
    # labels decide against the year; the family's labels alone take the family's format for the year
    assert choose_template("本年制发件数 本年废止件数", 2019)[0] == "gik-2021"
    assert choose_template("申请人情况 第二十条", 2023)[0] == "gik-2021"
    assert choose_template("申请人情况 第二十条", 2016)[0] == "gik-2019"
    assert choose_template("统计指标", None)[0] == "legacy"


def test_a_fourth_template_is_a_file(fourth):  # the fixture: tests/conftest.py
    assert "gik-2027" in template_ids() and template_for_year(2028) == "gik-2027"
    ex = extract_path(fourth / "r2027.txt")
    assert ex.template == "gik-2027" and ex.year == 2027
    assert sum(c.value is not None for c in ex.cells if c.table == "requests") > 50
    assert not [c for c in ex.checks if not c.ok]
    r = CliRunner().invoke(main, ["export", str(fourth), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    assert {json.loads(x)["template"] for x in r.stdout.splitlines()} == {"gik-2027"}


def test_every_summary_figure_is_a_cell_of_its_template():
    from gik_tui.core.templates import load_template, template_ids

    for tid in template_ids():
        t = load_template(tid)
        cells = {(s.id, r, c) for s in t.tables for r, c in s.cells}
        assert t.figures and [label for label, key in t.figures if key not in cells] == [], tid
        assert t.figures[0][1] == t.requests_cell  # the agency view's sparkline: requests received
