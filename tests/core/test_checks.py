"""The identities evaluated over a report's cells (core/checks.py)."""

from hypothesis import given, settings, strategies as st

from gik_tui.core.checks import plan, run_checks
from gik_tui.core.model import Cell
from gik_tui.core.templates import load_template

_T = load_template("gik-2019")
_KEYS = [(spec.id, r, c) for spec in _T.tables if spec.id == "review" for r, c in spec.cells]
_STEPS = [s for s in plan("gik-2019") if s.keys[0][0] == "review"]

# a cell: a figure, a blank (None), a blank with candidates, or absent from the report
_CELL = st.one_of(st.integers(0, 30), st.just(None), st.just("open"), st.just("absent"))


def _cells(draw: list) -> dict:
    out = {}
    for k, v in zip(_KEYS, draw):
        if v == "absent":
            continue
        if v == "open":
            out[k] = Cell(*k, None, candidates=((1, 0.5), (2, 0.5)))
        else:
            out[k] = Cell(*k, v)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(_CELL, min_size=len(_KEYS), max_size=len(_KEYS)))
def test_each_identity_holds_is_pending_or_fails_by_its_cells(draw):
    cells = _cells(draw)
    results = {r.id: r for r in run_checks(_T, cells)}
    for step in _STEPS:
        got = [cells.get(k) for k in step.keys]
        lv = [c.value if c else None for c in got[:step.nl]]
        rv = [c.value if c else None for c in got[step.nl:]]
        open_ = any(c is not None and c.value is None and c.candidates for c in got)
        res = results.get(step.id)
        if (all(v is None for v in lv) or all(v is None for v in rv)) and not open_:
            assert res is None  # nothing on one side: not run
            continue
        lsum, rsum = sum(v or 0 for v in lv), sum(v or 0 for v in rv)
        holds = lsum == rsum if step.kind == "eq" else lsum <= rsum
        if holds and not open_:
            assert res.ok and res.state == "holds" and f"{lsum} {'=' if step.kind == 'eq' else '≤'} {rsum}" in res.message
            blanks = lv.count(None) + rv.count(None)
            assert (f"{blanks} blank cell(s) counted as 0" in res.message) == bool(blanks)
        else:
            assert not res.ok and res.state in ("pending", "fails")
            assert set(res.waiting) == {r for r, v in zip(step.refs, lv + rv) if v is None}
            if None not in lv + rv:
                assert res.state == "fails"  # every cell known: nothing left to wait for


def test_a_table_with_no_figure_fails_missing_and_open_cells_are_pending():
    results = {r.id: r for r in run_checks(_T, {})}
    assert results["review.missing"].state == "fails" and not results["review.missing"].ok
    k, filled = _KEYS[0], _KEYS[1]
    open_cell = {k: Cell(*k, None, candidates=((1, 0.5), (None, 0.5)))}
    # figures found, none placed (a glued review row only offered): waiting for the analyst, not
    # missing — never clean either
    results = {r.id: r for r in run_checks(_T, open_cell)}
    assert "review.missing" not in results
    und = results["review.undecided"]
    assert und.state == "pending" and not und.ok and "none of the table's cells is decided yet" in und.message
    assert [r.key for r in und.waiting] == [k]
    results = {r.id: r for r in run_checks(_T, {**open_cell, filled: Cell(*filled, 3)})}
    assert results["review.undecided"].state == "pending" and results["review.undecided"].waiting == (results["review.undecided"].cells[0],)
    assert results["review.undecided"].waiting[0].key == k
