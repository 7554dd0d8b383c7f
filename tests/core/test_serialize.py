"""core/serialize.py: the fast JSON writer says exactly what the contract (Extraction.to_dict) says."""

from __future__ import annotations

import json
from pathlib import Path

from gik_tui.core.extract import extract_path
from gik_tui.core.model import CellRef, CheckResult, Extraction
from gik_tui.core.serialize import to_json_bytes

SAMPLES = Path(__file__).resolve().parents[2] / "sample_reports"


def _report(first: CellRef) -> Extraction:
    check = CheckResult("active.undecided", False, "主动公开政府信息情况: 1 cell(s) undecided", (first,))
    return Extraction("r.txt", "0" * 64, "gik-2021", 2021, None, (), (), (check,), ())


def test_a_checks_cells_are_its_own_not_those_of_an_earlier_report_with_the_same_check():
    # regression: the check's cells were cached by (template, check id), so the `.undecided` check
    # of every later report in a worker named the first report's cell
    a = CellRef("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))
    b = CellRef("active", ("第二十条第（八）项", "行政事业性收费"), ("本年收费金额（单位：万元）",))
    first = json.loads(to_json_bytes(_report(a)))
    second = json.loads(to_json_bytes(_report(b)))
    assert first["checks"][0]["cells"] == [{"table": "active", "row": ["第二十条第（一）项", "规章"],
                                            "column": ["本年新制作数量"]}]
    assert second["checks"][0]["cells"] == [{"table": "active", "row": ["第二十条第（八）项", "行政事业性收费"],
                                             "column": ["本年收费金额（单位：万元）"]}]


def test_the_fast_writer_agrees_with_the_contract_on_every_sample_report():
    for path in sorted(SAMPLES.iterdir()):
        ex = extract_path(path)
        assert json.loads(to_json_bytes(ex)) == json.loads(json.dumps(ex.to_dict(), ensure_ascii=False)), path.name


def test_cells_written_from_a_tuple_seen_before_or_new_are_always_its_own():
    # the template's tuples are found by identity: a tuple made anew (a later report's `.undecided`
    # cells) must never be taken for one of them, however many have been written since
    import orjson
    from hypothesis import given, settings, strategies as st

    from gik_tui.core.serialize import _refs

    refs = [CellRef("requests", (f"row {i}",), (f"col {j}",)) for i in range(6) for j in range(4)]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.lists(st.sampled_from(refs), max_size=5).map(tuple), min_size=1, max_size=20))
    def written(tuples):
        for t in tuples:
            assert bytes(orjson.dumps(_refs(t))) == orjson.dumps([r.to_dict() for r in t])
            again = tuple(list(t))  # equal, another object
            assert orjson.dumps(_refs(again)) == orjson.dumps(_refs(t))

    written()
