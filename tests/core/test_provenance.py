"""core/provenance.py: a cell's source text as the status line shows it."""

from __future__ import annotations

from hypothesis import given, strategies as st

from gik_tui.core.extract import extract_path
from gik_tui.core.provenance import shown_raw

LUSONG_PERSONS = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))


def test_a_raw_text_across_lines_reads_as_it_stands_not_as_an_escaped_string(samples):
    ex = extract_path(samples / "2019_lusong.txt")
    raw = next(c.raw for c in ex.cells if c.key == LUSONG_PERSONS)
    assert raw == "11\n\n11"  # the row's two figures, one per line with a blank line between
    assert shown_raw(raw) == '"11 ⏎ 11"'


def test_spaces_are_collapsed_and_a_long_raw_is_cut_with_an_ellipsis():
    assert shown_raw("  12 \t 3\u3000 ") == '"12 3"'
    assert shown_raw("12\r\n 3 \r4\u2028") == '"12 ⏎ 3 ⏎ 4"'
    assert shown_raw("") == '""' and shown_raw(None) == '""'
    long = "一" * 60
    assert shown_raw(long, limit=10) == '"' + "一" * 9 + '…"'


@given(st.text(max_size=200), st.integers(min_value=2, max_value=80))
def test_the_shown_raw_is_one_line_within_its_limit(raw, limit):
    out = shown_raw(raw, limit)
    assert len(out.splitlines()) <= 1 and "\t" not in out
    assert len(out) <= limit + 2  # the two quotes
    assert out.startswith('"') and out.endswith('"')
