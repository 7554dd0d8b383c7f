"""The review: what a cell is drawn as, decided without a screen (Review.state)."""

from __future__ import annotations

from dataclasses import replace

from gik_tui.core.extract import extract, extract_path


def test_each_cell_state_comes_from_the_review(samples):
    from gik_tui.core.review import Review

    ex = extract_path(str(samples / "2019_lusong.txt"))
    rv = Review(ex, None, "2019_lusong.txt")
    read = next(c.key for c in ex.cells if c.value is not None and c.confidence >= 0.75)
    asked = next(c.key for c in ex.cells if c.value is None and c.candidates)
    assert rv.state(read) is None and rv.state(asked) == "low"
    rv.set_cell(read, 7)
    assert rv.state(read) in ("edited", "failing")
    total = ("requests", ("本年新收政府信息公开申请数量",), ("总计",))
    rv.set_cell(total, 999)  # breaks the column's identities
    assert rv.state(total) == "failing"
    rv.undo()
    rv.set_cell(total, None)
    assert rv.state(total) in ("edited", "failing")
    assert [o.label for o in Review(extract_path(str(samples / "2018_dongsheng.txt")), None, "x").other_rows("stats")] \
        == ["政府公文公开政府信息数"]


def test_a_blank_the_reader_left_without_a_word_is_counted_unsure():
    """A cell of a table with figures left blank with no candidates and no warning (a PDF row the
    reader missed) is counted as unsure — the queue's column — until the analyst decides it; a
    blank the analyst typed is decided."""
    from dataclasses import replace

    from gik_tui.core.extract import extract_path
    from gik_tui.core.review import Review

    from ..conftest import SAMPLES

    ex = extract_path(SAMPLES / "2020_huaiyin.txt")
    assert Review(ex, None, "x").unsure_count() == 0  # every figure read
    key = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    missed = replace(ex, cells=tuple(replace(c, value=None, raw=None, candidates=(), confidence=0.0)
                                     if c.key == key else c for c in ex.cells))
    rv = Review(missed, None, "x")
    assert rv.unsure_count() == 1
    rv.set_cell(key, None)  # the analyst says: blank
    assert rv.unsure_count() == 0


def test_the_attention_round_comes_back_where_it_started():
    """`[` then `]` come back to the cell they left, across the wrap through the headings
    (dongsheng: its first stop is a cell in a failing check; `[` from it goes round to the last
    unmatched heading, `]` from that heading back to the cell), and `]` then `[` too."""
    from gik_tui.core.extract import extract_path
    from gik_tui.core.review import Review

    from ..conftest import SAMPLES

    rv = Review(extract_path(SAMPLES / "2018_dongsheng.txt"), None, "x")
    items = rv.attention()
    first = items[0]
    assert first.kind == "check" and items[-1].kind == "heading"
    back = rv.next_attention(-1, cell=first.key)
    assert back == items[-1]
    assert rv.next_attention(1, cell=first.key, heading=back.key) == first  # the cursor is on the heading now
    for a in items:
        if a.kind == "heading":
            forth = rv.next_attention(1, heading=a.key)
            assert rv.next_attention(-1, heading=forth.key if forth.kind == "heading" else None,
                                     cell=forth.key if forth.kind != "heading" else None) == a
        else:
            forth = rv.next_attention(1, cell=a.key)
            assert rv.next_attention(-1, cell=forth.key if forth.kind != "heading" else a.key,
                                     heading=forth.key if forth.kind == "heading" else None) == a


def test_a_cell_the_report_writes_as_a_dash_is_read_not_unsure():
    """A cell the report writes as an empty cell's mark (— in a row, or a dash among glued figures)
    is read where it stands: blank, its reason says so, and it is neither unsure nor a stop for
    `]` — a report that writes its noughts as dashes was all "unsure" (91 cells) though every
    cell was read. A blank with nothing written still is both."""
    from gik_tui.core.readers import read_bytes
    from gik_tui.core.review import Review
    from gik_tui.core.synth import make_report

    for layout in ("c", "f"):
        rep = make_report(1, seed=41, template_id="gik-2019", layout=layout, figures="dashes")
        ex = extract(read_bytes(rep.render(), rep.filename))
        dashes = [c for c in ex.cells if c.value is None and c.raw in ("—", "/", "-")]
        assert len(dashes) > 40 and all(c.reason.startswith("empty in the table") for c in dashes), layout
        rv = Review(ex, None, "x")
        stops = {a.key for a in rv.attention()}
        assert not stops & {c.key for c in dashes}, layout
        assert rv.unsure_count() < 40, (layout, rv.unsure_count())  # (the 主动公开 table's undecided runs)
        key = dashes[0].key
        # the same extraction, one of its dash cells made a blank with nothing written
        rv2 = Review(replace(ex, cells=tuple(replace(c, raw="") if c.key == key else c for c in ex.cells)), None, "x")
        assert rv2.unsure_count() == rv.unsure_count() + 1 and key in {a.key for a in rv2.attention()}


def test_an_undecided_glued_row_is_one_stop_of_the_round():
    """The glued huaiyin's 主动公开 rows are each one split (`c` on any of their cells fills the
    whole row): `]` stops once a row, at its first undecided cell, and says so; once the row is
    chosen it stops there no more. A stop for an undecided cell is marked as such (the screen lets
    the cell's own candidates say it), not recognised by its words."""
    from gik_tui.core.review import Review

    from ..conftest import SAMPLES
    from .test_scraped import EXAMPLES

    ex = extract_path(EXAMPLES / "2020_huaiyin_glued.txt")
    rv = Review(ex, None, "x")
    undecided = [c for c in ex.cells if c.value is None and c.candidates]
    rows = list(dict.fromkeys((c.table, c.row) for c in undecided))
    assert all(r in ex.splits for r in rows) and len(undecided) == 13 and len(rows) < len(undecided)
    stops = [a for a in rv.attention() if a.undecided]
    assert [(a.key[0], a.key[1]) for a in stops] == rows
    assert [a.key for a in stops] == [next(c.key for c in undecided if (c.table, c.row) == r) for r in rows]
    assert all(a.kind == "low" and "row" in a.label for a in stops)
    first = stops[0]
    rv.choose_split(ex.splits[(first.key[0], first.key[1])], first.key[0], first.key[1], 0)
    assert [(a.key[0], a.key[1]) for a in rv.attention() if a.undecided] == rows[1:]
    lusong = Review(extract_path(SAMPLES / "2019_lusong.txt"), None, "x")
    # lusong's applicant columns: one table question, one stop, not an undecided cell's
    assert [a.label for a in lusong.attention() if a.key[0] == "requests" and a.kind == "low"] == ["a table question"]
