"""One question per table: 2019_lusong.txt prints each requests row as two figures for seven
columns; the 23 rows are one decision, asked once, answered once."""

from __future__ import annotations

from gik_tui.core.extract import extract, extract_path
from gik_tui.core.readers import read_bytes
from gik_tui.core.review import Review

ROW = ("本年新收政府信息公开申请数量",)


def _lusong(samples, extra: str = ""):
    text = (samples / "2019_lusong.txt").read_text(encoding="utf-8")
    if extra:
        text = text.replace("区政府共受理政府信息公开申请11件", "区政府共受理政府信息公开申请11件" + extra)
    return extract(read_bytes(text.encode("utf-8"), "2019_lusong.txt"))


def test_the_sample_opens_with_one_question_whose_first_option_is_natural_persons(samples):
    ex = extract_path(samples / "2019_lusong.txt")
    [q] = ex.questions
    assert q.table == "requests" and len(q.rows) == 23 and len(q.columns) == 7
    assert [q.label(o) for o in q.options[:2]] == ["自然人 + 总计", "法人或其他组织 / 商业企业 + 总计"]
    assert len(q.options) == 6 and abs(sum(o.share for o in q.options) - 1) < 0.01
    # only a prior (自然人 is the column most rows fill) puts it first: enter must not take it
    assert not q.decided and "a prior" in q.options[0].reasons[0]
    assert q.to_dict()["options"][0]["columns"] == [["自然人"], ["总计"]]


def test_one_answer_fills_every_row_as_one_undo_step(samples):
    ex = extract_path(samples / "2019_lusong.txt")
    rv = Review(ex, None, "2019_lusong.txt")
    [q] = rv.open_questions()
    assert rv.question_at(("requests", ROW, ("自然人",))) is q
    assert len([c for c in rv.checks() if c.state == "pending"]) == 37
    ch = rv.answer(q, 0)
    assert len(ch.cells) == 23 * 7
    assert rv.value(("requests", ROW, ("自然人",))) == 11 and rv.value(("requests", ROW, ("总计",))) == 11
    assert rv.value(("requests", ROW, ("法人或其他组织", "商业企业"))) is None
    assert rv.open_questions() == []  # answered
    req = [c for c in rv.checks() if c.id.startswith("requests.")]
    assert req and all(c.state == "holds" for c in req)
    rv.undo()
    assert rv.value(("requests", ROW, ("自然人",))) is None and rv.open_questions() == [q]
    # ] stops once at the question, not at each of its 138 cells
    stops = [a for a in rv.attention() if a.kind != "heading" and a.key[0] == "requests"]
    assert len(stops) == 1 and stops[0].label == "a table question"


def test_the_reports_own_sentence_decides_the_question(samples):
    """涉及商业企业11件: the answer that puts 11 under 商业企业 leads, on evidence, and enter takes it;
    涉及自然人11件 likewise for 自然人."""
    ex = _lusong(samples, "，其中涉及商业企业11件")
    [q] = ex.questions
    assert q.label(q.options[0]) == "法人或其他组织 / 商业企业 + 总计" and q.decided
    assert "the report's text says 商业企业 11件" in q.options[0].reasons[0]
    ex = _lusong(samples, "，均为自然人申请（自然人11件）")
    [q] = ex.questions
    assert q.label(q.options[0]) == "自然人 + 总计" and q.decided


def test_no_question_where_the_rows_are_read(samples, extracted):
    assert [stem for stem, ex in extracted.items() if ex.questions] == ["2019_lusong"]


def test_synthetic_reports_in_the_lusong_layout_ask_one_question_whose_first_answer_is_true():
    """Layout l (every request from a natural person, the other applicant cells dropped): one
    question per report, 自然人 + 总计 first (a prior, so not taken on enter), and that answer gives
    every cell of the table its true value; no other option breaks nothing it should."""
    from gik_tui.core.questions import answer
    from gik_tui.core.synth import make_report

    for tid in ("gik-2019", "gik-2021"):
        for i in range(6):
            rep = make_report(i, seed=5, template_id=tid, layout="l", encoding="utf-8")
            ex = extract(read_bytes(rep.render(), rep.filename))
            [q] = ex.questions
            assert q.label(q.options[0]) == "自然人 + 总计" and not q.decided
            got = {c.key: c.value for c in ex.cells}
            got.update(answer(q, 0))
            assert {k: got[k] for k in rep.values} == rep.values
            assert [c.id for c in ex.failing] == []


def test_a_choice_no_evidence_made_is_kept_as_such_until_confirmed(samples, tmp_path):
    """Picking the first answer of an undecided question (or split) marks its cells `unsure` in
    the annotation, the Checks tab's list and the export; typing a figure over a cell confirms it;
    a choice the evidence made is not marked."""
    from gik_tui.core.annotations import from_toml, to_toml

    ex = extract_path(samples / "2019_lusong.txt")
    rv = Review(ex, None, "2019_lusong.txt")
    [q] = rv.open_questions()
    rv.answer(q, 0)
    [(note, keys)] = rv.unsure()
    assert note == "自然人 + 总计 for 23 rows chosen without evidence" and len(keys) == 23 * 7
    back = from_toml(to_toml(rv.annotation()))
    assert {c.unsure for c in back.cells} == {note}
    stops = [a.label for a in rv.attention() if a.kind == "low" and a.key[0] == "requests"]
    assert stops == [note + " (type the figures to confirm)"]
    rv.set_cell(keys[0], 11)  # typed: confirmed
    assert len(rv.unsure()[0][1]) == 23 * 7 - 1
    # decided by the evidence: no mark
    ex = _lusong(samples, "，其中涉及商业企业11件")
    rv = Review(ex, None, "2019_lusong.txt")
    rv.answer(rv.open_questions()[0], 0)
    assert rv.unsure() == []
    rv.undo()
    rv.answer(rv.open_questions()[0], 1)  # the evidence put another first
    assert rv.unsure()[0][0].endswith("chosen against the evidence")
