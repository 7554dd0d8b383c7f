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


def test_export_scores_the_candidates_with_the_other_years_as_the_app_does(tmp_path):
    import json

    from gik_tui.core.export import dataset

    rep = _pair(tmp_path)
    ws = Workspace.at(str(tmp_path))
    list(ws.summarize())
    app = {c.key: c.candidates for c in ws.open(str(tmp_path / "a2019.txt")).review.ex.cells if c.candidates}
    assert app
    for jobs in (1, 2):
        ds = dataset([str(tmp_path / "a2019.txt"), str(tmp_path / "b2020.txt")], jobs=jobs)
        rows = {("active", tuple(r["row"].split(" / ")), tuple(r["column"].split(" / "))): r
                for r in ds.rows if r["source"].endswith("a2019.txt") and r["table"] == "active"}
        for key, cands in app.items():
            if key[0] != "active":
                continue
            assert json.loads(rows[key]["candidates"]) == [list(c) for c in cands], key
        # a row the next year decides has its truth first in the export too
        row = _signed_rows(rep)[0]
        key = ("active", row, ("本年增/减",))
        if key in app:
            assert json.loads(rows[key]["candidates"])[0][0] == rep.values[key]


def test_export_without_the_other_year_keeps_the_report_alone(tmp_path):
    from gik_tui.core.export import dataset
    from gik_tui.core.extract import extract_path

    _pair(tmp_path, with_next=False)
    alone = {c.key: c.candidates for c in extract_path(str(tmp_path / "a2019.txt")).cells if c.candidates}
    ds = dataset([str(tmp_path / "a2019.txt")])
    got = {("active", tuple(r["row"].split(" / ")), tuple(r["column"].split(" / "))): r["candidates"]
           for r in ds.rows if r["table"] == "active" and r["candidates"]}
    assert len(got) == len([k for k in alone if k[0] == "active"]) > 0


def test_a_question_the_reports_evidence_decided_is_not_taken_on_enter_when_the_other_years_turn_it_over():
    """The report's own evidence put a question's first answer ahead (decided); the agency's other
    year puts the second first: evidence against evidence, so `enter` takes neither. Where the other
    year agrees, the question stays decided. (Before: it stayed decided whatever the other year
    said, and enter took the answer the report's own evidence had put second.)"""
    from gik_tui.core.across import Tie, _question
    from gik_tui.core.model import Question, QuestionOption

    rows, cols = (("一、本年新收",),), (("自然人",), ("总计",))
    a = QuestionOption((0,), 0.9, ("the report's text says 5件",), ((5, None),))
    b = QuestionOption((1,), 0.1, ("a prior",), ((None, 5),))
    q = Question("requests", rows, cols, "which column?", (a, b), decided=True)
    key = ("requests", rows[0], cols[1])
    turned = _question(q, [Tie((key,), 5.0, 2020, "结转")], {})
    assert turned.options[0].columns == (1,) and not turned.decided
    kept = _question(q, [Tie((key,), 0.0, 2020, "结转")], {})  # the other year keeps the first answer
    assert kept.options[0].columns == (0,) and kept.decided
