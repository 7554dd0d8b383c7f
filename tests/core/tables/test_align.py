"""tables/align.py: the figures the report's sentences state (soft evidence for the solver)."""

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
