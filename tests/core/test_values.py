import pytest
from hypothesis import given, strategies as st

from gik_tui.core.values import BLANK, in_wan, parse_value, times


@pytest.mark.parametrize("raw, value, unit, kind", [
    ("增9", 9, None, "signed"),
    ("减61", -61, None, "signed"),
    ("+8", 8, None, "signed"),
    ("-21", -21, None, "signed"),
    ("−3", -3, None, "signed"),
    ("14246.73万", 14246.73, "万元", "amount"),
    ("78874.11万元", 78874.11, "万元", "amount"),
    ("251000元", 25.1, "万元", "amount"),
    ("1.5亿元", 15000, "万元", "amount"),
    ("１２３", 123, None, "count"),
    ("1,234", 1234, None, "count"),
    ("13173条", 13173, "条", "count"),
    (" 42 ", 42, None, "count"),
    ("99999999999999999999", 99999999999999999999, None, "count"),
    # a footnote's mark after the figure: no digit of it
    ("17*", 17, None, "count"), ("17※", 17, None, "count"), ("17¹", 17, None, "count"),
    ("17①", 17, None, "count"), ("１７⑵", 17, None, "count"), ("17件*", 17, "件", "count"),
    ("增9*", 9, None, "signed"), ("17[1]", 17, None, "count"), ("17（注1）", 17, None, "count"),
    ("17(注)", 17, None, "count"), ("17 [2]", 17, None, "count"), ("17[注]", 17, None, "count"),
    ("17 其中3件", 17, None, "count"), ("5 含2件", 5, None, "count"),  # a note of part of the figure
    ("17[注1]", 17, None, "count"), ("17【注】", 17, None, "count"), ("17【2】", 17, None, "count"),
    # a change written with a word or an arrow (本年增/减: 增加31, 减少45, 上升, 下降, 增长, ↑, ↓)
    ("增加31", 31, None, "signed"), ("减少45", -45, None, "signed"), ("上升7", 7, None, "signed"),
    ("下降12", -12, None, "signed"), ("增长3", 3, None, "signed"), ("↑9", 9, None, "signed"),
    ("↓61", -61, None, "signed"), ("减少61件", -61, "件", "signed"),
])
def test_figures(raw, value, unit, kind):
    p = parse_value(raw)
    assert (p.value, p.unit, p.kind) == (value, unit, kind)


def test_amounts_in_wan_and_scaled_figures_round_as_written():
    assert [in_wan(53230, "元"), in_wan(120, "元"), in_wan(0, "元"), in_wan(1.5, "亿元"), in_wan(5.3, "万")] == \
        [5.323, 0.012, 0, 15000, 5.3]
    assert (times(1.15, 10000), times(1.2, 10000), times(3, 10000)) == (11500, 12000, 30000)
    assert isinstance(times(1.15, 10000), int)


@pytest.mark.parametrize("raw, value, unit", [
    ("2 636", 2636, None), ("2\u2009636", 2636, None), ("2\u00a0636", 2636, None), ("2\u202f636", 2636, None),
    ("12 345 678", 12345678, None), ("2 636件", 2636, "件"), ("13 660.33万元", 13660.33, "万元"),
])
def test_a_cell_grouped_by_thousands_spaces_is_one_figure(raw, value, unit):
    """A report's cell may group its figure by thousands with a space (千分空, GB/T 15835: a thin,
    no-break or plain space): one figure, as 2,636 is; a space that makes no group of three (1 23,
    2 6366, 0 123) leaves two figures, not one."""
    p = parse_value(raw)
    assert (p.value, p.unit) == (value, unit)
    assert [parse_value(x) for x in ("1 23", "2 6366", "0 123", "12 34 567")] == [None] * 4


def test_what_the_analyst_types_spaced_is_a_figure_a_cell():
    """A typed entry separates its cells by spaces (its own rule): 1 234 is two cells, also between
    bars, never a figure with a thousands space."""
    from gik_tui.core.values import parse_entry

    assert parse_entry("1 234") == [[1, 234]]
    assert parse_entry("5|1 234") == [[5, 1, 234]]
    assert parse_entry("5\t12 345 678") == [[5, 12, 345, 678]]


@pytest.mark.parametrize("raw", ["", "—", "-", "/", "无", "——", "  "])
def test_blanks(raw):
    assert parse_value(raw) is BLANK


@pytest.mark.parametrize("raw", ["本年新", "1e400", "2019年", "第二十条", "12-3", "abc", "1.2.3", "*", "①", "—*", "abc*",
                                 "17*2", "[1]", "(注1)", "[注]", "【注1】", "17[]", "17[bold]", "17[注释]", "其中3件", "17其中3件", "17(1)", "17[123]", "上年结转", "上1", "下", "增加", "上升下降3"])
def test_not_figures(raw):
    assert parse_value(raw) is None


@given(st.integers(min_value=0, max_value=10**15))
def test_counts_round_trip(n):
    assert parse_value(str(n)).value == n
    assert parse_value(f"{n:,}").value == n
    full = str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    assert parse_value(full).value == n


@given(st.integers(min_value=1, max_value=10**6))
def test_signed_round_trip(n):
    assert parse_value(f"增{n}").value == n
    assert parse_value(f"减{n}").value == -n


# ------------------------------------------------------------------ what the analyst types
from gik_tui.core.values import EntryError, parse_entry  # noqa: E402


@pytest.mark.parametrize("text, rows", [
    ("5", [[5]]),
    ("", [[None]]),
    ("  ", [[None]]),
    ("0 0 2 0 4 70", [[0, 0, 2, 0, 4, 70]]),
    ("1\t\t3\t", [[1, None, 3]]),  # a spreadsheet row: an empty field is a blank cell
    ("| 1 | | 3 |", [[1, None, 3]]),
    ("1 2\n3 4\n", [[1, 2], [3, 4]]),
    ("1\t2\r\n3\t4", [[1, 2], [3, 4]]),
    ("增9 1,234 — 874.11万元", [[9, 1234, None, 874.11]]),
    ("-3 +2", [[-3, 2]]),
])
def test_parse_entry(text, rows):
    assert parse_entry(text) == rows


@pytest.mark.parametrize("text, bad", [("5e5e5", "5e5e5"), ("1 2 abc", "abc"), ("1\n2 x3", "x3")])
def test_parse_entry_names_what_is_not_a_figure(text, bad):
    with pytest.raises(EntryError, match=f"not a number: {bad}"):
        parse_entry(text)


def test_a_share_never_reads_certain_or_impossible_unless_it_is():
    from gik_tui.core.values import fmt_share

    assert [fmt_share(s) for s in (1.0, 0.995, 0.73, 0.005, 0.004, 0.0)] == ["100%", ">99%", "73%", "<1%", "<1%", "<1%"]


def test_separators_mixed_in_one_entry_make_one_row():
    """`5|6` then tab then `7`, or `5|6 7`: each separator alone works, so together they do too."""
    from gik_tui.core.values import parse_entry

    assert parse_entry("5|6\t7") == [[5, 6, 7]]
    assert parse_entry("5|6 7") == [[5, 6, 7]]
    assert parse_entry("5||7") == [[5, None, 7]]  # an empty field between bars is still a blank cell
    assert parse_entry("| 5 | 6 7 |\n8\t9") == [[5, 6, 7], [8, 9]]


def test_the_first_character_gate_admits_exactly_what_can_open_a_figure_or_a_blank():
    """parse_value turns most text cells away by their first character (a set, not a regex): the
    same characters as the class it replaced — spaces, digits (full-width too), signs (the words'
    first too: 上升, 下降, ↑, ↓), dashes, 无, 空, n/N, and 零 and 〇 (nought as a word)."""
    import re
    import sys

    from gik_tui.core.values import _MAYBE

    cls = re.compile(r"[\s0-9０-９+\-−增减↑↓上下—–/\\无空nN－―零〇]")
    assert [c for c in range(sys.maxunicode + 1) if (chr(c) in _MAYBE or chr(c).isspace()) != bool(cls.match(chr(c)))] == []
    assert parse_value("\u3000１２") == parse_value("12") and parse_value("①") is None and parse_value("n/a") is BLANK


@pytest.mark.parametrize("text, marked", [
    ("17①", "17*"), ("１７⑵", "１７*"),  # after a figure
    ("规章① | 38", "规章* | 38"), ("规章①\n38", "规章*\n38"), ("规章①", "规章*"),  # after a word, where its cell ends
    ("行政处罚①2", "行政处罚*2"), ("行政处罚⑴２", "行政处罚*２"),  # glued to the figure after it
    ("政府网站公开政府信息数①条暂无", "政府网站公开政府信息数*条暂无"),  # or to its unit
    ("7 |① | 3", "7 |* | 3"), ("7\t①\t3", "7\t*\t3"), ("| ① |", "| * |"),  # alone in its cell: no figure 1
    ("之和）①", "之和）*"), ("—① | 3", "—* | 3"), ("-①", "-*"), ("（一）①规章", "（一）①规章"),  # after a bracket, a dash
    ("公开情况①规章", "公开情况①规章"), ("如下：① 规章", "如下：① 规章"), ("①规章", "①规章"),  # numbering
])
def test_a_numbered_mark_is_a_footnote_after_a_figure_or_at_a_words_end(text, marked):
    from gik_tui.core.values import FOOTNOTE_MARK, MARK_AFTER_FIGURE

    assert MARK_AFTER_FIGURE.sub(FOOTNOTE_MARK, text) == marked


def test_a_typed_figure_fits_its_cells_kind():
    from gik_tui.core.values import EntryError, fit_to_kind

    assert fit_to_kind(17.0, "count") == 17 and isinstance(fit_to_kind(17.0, "count"), int)
    assert fit_to_kind(-4, "signed") == -4 and fit_to_kind(12.75, "amount") == 12.75 and fit_to_kind(None, "count") is None
    for value, kind, why in [(1.5, "count", "1.5 is no whole number"), (2.5, "signed", "2.5 is no whole number"),
                             (-3, "count", "-3 is below nought")]:
        with pytest.raises(EntryError, match=why):
            fit_to_kind(value, kind)


def test_nought_written_as_a_word_alone_in_its_cell_is_0():
    assert parse_value("零") == parse_value("〇") == parse_value("0")
    assert parse_value("零星") is None and parse_value("〇一") is None and parse_value("零件") is None


def test_a_share_typed_into_a_table_is_refused():
    """No template cell holds a share: 50% typed is refused, never taken as 50."""
    with pytest.raises(EntryError, match="50% is a share"):
        parse_entry("3 50% 4")
