"""The agency's other years as evidence: a glued 2019 report whose 主动公开 rows no identity ties,
beside the same agency's 2020 report, whose 上一年项目数量 is the 2019 base plus its change."""

from __future__ import annotations

from gik_tui.core.synth import make_report
from gik_tui.core.workspace import Workspace

AGENCY = "平潭综合实验区公安局"


def _pair(folder, with_next: bool = True):
    """A glued 2019 report and, optionally, the same agency's 2020 report read cell by cell."""
    a = make_report(3, seed=21, template_id="gik-2019", layout="f", encoding="utf-8")
    a.agency, a.year = AGENCY, 2019
    (folder / "a2019.txt").write_bytes(a.render())
    if with_next:
        b = make_report(4, seed=21, template_id="gik-2019", layout="c", encoding="utf-8")
        b.agency, b.year = AGENCY, 2020
        for (table, row, col), v in a.values.items():
            if table == "active" and col == ("本年增/减",):
                base = ("active", row, ("上一年项目数量",))
                b.values[base] = a.values[base] + v  # this year's base: last year's base and change
        (folder / "b2020.txt").write_bytes(b.render())
    return a


def _signed_rows(rep):
    return [row for (table, row, col) in rep.values if table == "active" and col == ("本年增/减",)]


def test_the_next_years_report_decides_the_glued_rows(tmp_path):
    rep = _pair(tmp_path)
    ws = Workspace.at(str(tmp_path))
    list(ws.summarize())
    ex = ws.open(str(tmp_path / "a2019.txt")).review.ex
    decided = 0
    for row in _signed_rows(rep):
        sp = ex.splits.get(("active", row))
        if sp is None:
            continue  # the text alone decided it
        truth = tuple(rep.values[("active", row, col)] for col in sp.columns)
        assert sp.choices[0][0] == truth, (row, sp.choices[:3])
        assert "with the agency's 2020 report" in " ".join(sp.reasons[0])
        decided += sp.decided
        # the status line's shares are the picker's
        cell = next(c for c in ex.cells if c.key == ("active", row, ("本年增/减",)))
        assert cell.candidates[0] == (truth[1], sp.choices[0][1])
    assert decided  # at least one row the evidence, not a prior, now decides


def test_without_the_other_year_nothing_changes(tmp_path):
    _pair(tmp_path, with_next=False)
    ws = Workspace.at(str(tmp_path))
    list(ws.summarize())
    opened = ws.open(str(tmp_path / "a2019.txt"))
    assert opened.review.ex is opened.extraction
    assert not any("agency's" in " ".join(r) for sp in opened.extraction.splits.values() for r in sp.reasons)
