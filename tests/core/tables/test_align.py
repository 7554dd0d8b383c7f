"""tables/align.py: the figures the report's sentences state (soft evidence for the solver), and the
fuzzy match of a row label."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from gik_tui.core.tables.align import _EVIDENCE

_AS_WRITTEN = re.compile(r"(?<![\d.])(\d{2,9})(?=[件条次个项篇人])")  # the plain form of the pattern


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=list("0123456789.件条人年a ，\u0663"), max_size=30))
def test_evidence_pattern_finds_what_its_plain_form_finds(text):
    assert _EVIDENCE.findall(text) == _AS_WRITTEN.findall(text)


def test_evidence_of_a_sentence():
    # 25 is inside 1.25 and 1234567890 is longer than nine digits: neither is a stated figure
    assert _EVIDENCE.findall("共受理申请18件，办结4003条，1.25件不算，1234567890件太长") == ["18", "4003"]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["gik-2019", "gik-2021", "legacy"]), st.data())
def test_a_label_matched_among_the_keys_of_its_length_finds_what_all_the_keys_find(tid, data):
    """`_near_keys` leaves out only keys too long or too short for fuzz.ratio to reach the cutoff:
    extractOne over them gives the same key (the first of the best) as over every key."""
    from rapidfuzz import fuzz, process

    from gik_tui.core.tables.align import FUZZY_ROW_SCORE, _near_keys, table_index

    idx = table_index(tid)
    table = data.draw(st.sampled_from(sorted(idx.fuzzy)))
    keys, _ = idx.fuzzy[table]
    base = data.draw(st.sampled_from(keys)) if keys else ""
    # a key of the table with a few characters dropped, doubled or replaced, or any text
    edits = data.draw(st.lists(st.tuples(st.integers(0, 40), st.sampled_from(["drop", "dup", "sub"])), max_size=3))
    query = base
    for at, how in edits:
        if not query:
            break
        i = at % len(query)
        query = query[:i] + ("" if how == "drop" else query[i] * 2 if how == "dup" else "某" ) + query[i + 1:]
    query = data.draw(st.one_of(st.just(query), st.text(alphabet="申请公开不予数量本年其他", min_size=2, max_size=12)))
    if not 2 <= len(query) <= 40:
        return
    full = process.extractOne(query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_ROW_SCORE) if keys else None
    near, at = _near_keys(tid, table, len(query))
    got = process.extractOne(query, near, scorer=fuzz.ratio, score_cutoff=FUZZY_ROW_SCORE) if near else None
    if full is None:
        assert got is None
    else:
        assert got is not None and (got[0], got[1], at[got[2]]) == (full[0], full[1], full[2])
