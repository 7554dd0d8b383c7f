"""tables/glued.py: where bare runs of figures stand."""

from __future__ import annotations

import re

import pytest

from hypothesis import given, settings, strategies as st

from gik_tui.core.tables.glued import _BARE, bare_offsets, may_be_glued, word_across

# every character the pattern treats apart: CJK before and after (counting words among them),
# brackets, signs (增 and 减 are CJK too), digits (a full-width and an Arabic-Indic one), points, commas,
# spaces, tabs, line ends and dashes (an empty cell among glued figures)
_ALPHABET = list("数二增减件年元(（)]”1209.,+-−  \t\n\u0663a—/")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_bare_offsets_are_where_the_pattern_matches(text):
    assert bare_offsets(text) == [m.start() for m in _BARE.finditer(text)]


def test_bare_offsets_of_known_texts():
    assert bare_offsets("申请数量171000018二、上年结转") == [3]
    assert bare_offsets("共收到18件，其中2020年") == []  # prose: a counting word follows
    assert bare_offsets("数量 8 0 0 0 0 0 8 二、") == [1]
    assert bare_offsets("本年增+3二") == [2]  # 增 is the CJK character before, then the sign
    assert bare_offsets("数1二2三") == [0]  # 二 closes the first run: it cannot open the next
    assert bare_offsets("数1二 2三") == [0]  # nor with a space between
    assert bare_offsets("数1二三 2三") == [0, 3]
    assert bare_offsets("采购2,636二") == [1]  # a thousands comma inside the run
    assert bare_offsets("许可4502件+314652件其他") == [1]  # a count's unit, then figures: a table's cells
    assert bare_offsets("共收到18件3个") == [2] and bare_offsets("共收到18件，其中") == []
    # a run that ends its line, spaces after it or not (a page's trailing spaces, a no-break one)
    assert bare_offsets("总计000\n") == bare_offsets("总计000  \n") == bare_offsets("总计000 \t \n五") == [1]


def test_a_glued_report_with_spaces_at_its_lines_ends_reads_as_without():
    """The glued example with spaces (two, a tab, a no-break space) after each line: read exactly as
    without — before, two spaces after the review row's fifteen noughts lost the table (15 cells
    blank, nothing offered)."""
    from gik_tui.core.extract import extract
    from gik_tui.core.readers import read_bytes

    text = open("tests/data/examples/2020_huaiyin_glued.txt", encoding="utf-8").read()
    want = {c.key: c.value for c in extract(read_bytes(text.encode(), "2020_x.txt")).cells}
    for tail in ("  ", " \t", " \u00a0", "\u3000 "):
        got = {c.key: c.value for c in extract(read_bytes(text.replace("\n", tail + "\n").encode(), "2020_x.txt")).cells}
        assert got == want, repr(tail)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_may_be_glued_is_whether_the_pattern_matches(text):
    assert may_be_glued(text) == (len(text) >= 3 and _BARE.search(text) is not None)


def test_a_numbering_before_figures_or_a_unit_is_a_label_of_its_own():
    """A row's numbering with no word after it (its label cut onto the next line): `(六) 3 0 0 0 0 0 3`
    and `(二) 件 172` keep the numbering as a token — it was dropped, and its figures went to the
    row before — and never join it to the unit."""
    from gik_tui.core.tables.glued import split_line

    assert [(t, g) for t, _, _, g in split_line("(六) 3 0 0 0 0 0 3", "gik-2019")] == [("(六)", False), ("3 0 0 0 0 0 3", True)]
    assert [(t, g) for t, _, _, g in split_line("(二) 件 172", "legacy")] == [("(二)", False), ("件", False), ("172", True)]
    # a numbering before its word is still joined to it
    assert [t for t, _, _, _ in split_line("(二)被依法纠错数 件 172", "legacy")] == ["(二)被依法纠错数", "件", "172"]


def test_a_rows_number_written_with_a_mark_other_than_a_dot_ends_the_run_before_it():
    """`…0160002182、其他法律…` and `…0160002182)其他法律…`: the next row's number (2) written with 、 or
    ) is no figure of the run before it, as with a dot (`2.`); the 、 or ) stood outside the run, so
    the 2 was read as its last digit and every such row had a figure more (no row of the table was
    filled)."""
    from gik_tui.core.tables.glued import split_line

    for mark in ("、", ")", "."):
        line = f"(三)不予公开1.属于国家秘密016000218{2}{mark}其他法律行政法规禁止公开0000101"
        got = [(t, g) for t, _, _, g in split_line(line, "gik-2019")]
        assert ("016000218", True) in got and (f"2{mark}其他法律行政法规禁止公开", False) in got, (mark, got)


def test_several_rows_on_a_line_are_told_from_one_row_whose_label_has_several_words():
    """A table's rows taken onto one line one space apart hold figures after two table words;
    one row whose label starts with its group's holds them after one (its numbering, 1., is none)."""
    from gik_tui.core.tables.glued import several_rows

    assert several_rows("(一)予以公开 1 0 1(二)部分公开 2 0 2(三)不予公开 1.属于国家秘密 1 1", "gik-2019")
    assert several_rows("三、本年度办理结果 (一)予以公开 1 0 0 0 0 1 (二)部分公开 2 0 2", "gik-2021")
    assert not several_rows("（四）无法提供 1.本机关不掌握相关政府信息 0项 2个 0 2", "gik-2019")
    assert not several_rows("(三)不予公开 1.属于国家秘密 2件 0 0 0 0 0 2个", "gik-2019")
    assert not several_rows("政府信息公开工作年度报告", "gik-2019")


def test_dashes_among_glued_figures_stay_with_their_run():
    """A dash among a glued row's figures (an empty cell the page wrote —, / or -) is part of its
    run, before, inside or after the figures: the run is one token the solver cuts. A line whose
    only figures follow a dash (the review table's one row) holds a bare run."""
    from gik_tui.core.tables.glued import split_line

    line = "二、上年结转政府信息公开申请数量1——0—01三、本年度办理结果（一）予以公开—101125（二）部分公开——1—0—1"
    assert [(t, g) for t, _, _, g in split_line(line, "gik-2019")] == [
        ("二、上年结转政府信息公开申请数量", False), ("1——0—01", True), ("三、本年度办理结果", False), ("（一）", False),
        ("予以公开", False), ("—101125", True), ("（二）", False), ("部分公开", False), ("——1—0—1", True)]
    review = "尚未审结总计结果维持结果纠正其他结果尚未审结总计—————14319——12021"
    assert bare_offsets(review) == [review.index("—————") - 1]
    spaced = "一、本年新收政府信息公开申请数量 36 24 10062 117 29 368 二、上年结转政府信息公开申请数量—-— 12 1 4 三、本年度办理结果"
    assert ("—-— 12 1 4", True) in [(t, g) for t, _, _, g in split_line(spaced, "gik-2021")]
    # a row of nothing but dashes after its label is its cells, each empty; a sentence's —— is no row's
    row = "三、本年度办理结果(一)予以公开28—-—11—39(二)部分公开—-——/-—(三)不予公开1.属于国家秘密1—1——2"  # (as normalised)
    assert ("—-——/-—", True) in [(t, g) for t, _, _, g in split_line(row, "gik-2019")]
    said = "三、本年度办理结果(一)予以公开28—-—11—39(二)部分公开——依法公开(三)不予公开1.属于国家秘密1—1——2"
    assert ("——", True) not in [(t, g) for t, _, _, g in split_line(said, "gik-2019")]
    # a dash in a sentence stays prose: 2019—2020年 is no bare run; 1/3 of the requests may be one
    # (1 | / | 3 in a table), but no table's word stands before it: no glued table
    assert bare_offsets("时间为2019—2020年，") == []
    assert split_line("时间为2019—2020年，其中1/3的申请", "gik-2019") is None


def test_an_empty_cell_written_none_among_glued_figures_is_a_dash_of_its_run():
    """无 (or 空) among a glued row's figures, one or several, spaced or not, is an empty cell: one
    run with them, each read as a dash (same offsets) — read apart, the row's runs fell short of its
    columns and nothing of it was read. 无 starting a label (（四）无法提供) or inside a sentence stays
    words."""
    from gik_tui.core.tables.glued import split_line

    line = "（二）部分公开3200无12044（三）不予公开1.属于国家秘密020无91728（四）无法提供1.本机关不掌握相关政府信息无0无0无无无"
    toks = [(t, g) for t, _, _, g in split_line(line, "gik-2019")]
    assert ("3200—12044", True) in toks and ("020—91728", True) in toks
    assert ("—0—0———", True) in toks
    assert any(t.endswith("无法提供") for t, g in toks if not g)
    spaced = "（二）部分公开32无无 0120 44 （三）不予公开"
    got = [(t, a, b) for t, a, b, g in split_line(spaced, "gik-2019") if g]
    assert [t for t, _, _ in got] == ["32—— 0120 44"]
    assert spaced[got[0][1]:got[0][2]] == "32无无 0120 44"  # (the offsets are the page's)
    assert split_line("本年度无行政复议，申请数量为0，无其他情况", "gik-2019") is None


def test_a_tables_caption_or_date_before_its_glued_header_is_words_not_its_row():
    """`表3 单位：件` or `数据截至2020年12月31日` glued before the review table's header: the caption's
    number and the date's figures are words of the page, not the table's one row — read as its row,
    the real row after the header was taken for the row given again and only offered."""
    from gik_tui.core.extract import extract
    from gik_tui.core.readers import read_bytes
    from gik_tui.core.synth import make_report

    for words in ("表3 单位：件", "附表3", "数据截至2020年12月31日"):
        rep = make_report(1, seed=31, template_id="gik-2019", layout="g")
        text = rep.render().decode("utf-8")
        at = text.index("行政复议行政诉讼结果维持")
        ex = extract(read_bytes((text[:at] + words + text[at:]).encode("utf-8"), rep.filename))
        review = [c for c in ex.cells if c.table == "review"]
        assert all(c.value == rep.values[c.key] for c in review if c.value is not None), words
        assert sum(c.value is not None for c in review) == 15, (words, [w for w in ex.warnings if "review" in w])


def test_a_pages_number_glued_between_two_rows_is_no_cell():
    """A PDF's footer glued between two rows of a one-line scrape (`- 3 -`, `— 3 —`, `第3页`, `第 3 页
    共 5 页`): blanked, not cells of the row before it (its dashes were read as empty cells and
    its figure as one more, and the row was not read) nor words after its figures (the row was
    only offered)."""
    from gik_tui.core.extract import extract
    from gik_tui.core.readers import read_bytes
    from gik_tui.core.synth import make_report

    for i, template_id in ((0, "legacy"), (1, "gik-2019"), (2, "gik-2021")):
        rep = make_report(i, seed=37, template_id=template_id, layout="f")
        text = read_bytes(rep.render(), rep.filename).text  # (in whichever encoding it was written)
        clean = extract(read_bytes(text.encode("utf-8"), rep.filename))
        at = [m.start() for m in re.finditer(r"(?<=\d)(?=[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)", text)]
        for mark in ("- 3 -", "— 3 —", "第3页", "第 3 页 共 5 页"):
            for k in at[::3]:
                ex = extract(read_bytes((text[:k] + mark + text[k:]).encode("utf-8"), rep.filename))
                assert [c.value for c in ex.cells] == [c.value for c in clean.cells], (template_id, mark, text[k - 20:k + 20])


def test_a_rows_figures_then_a_share_columns_percentage_stay_one_run():
    """A glued row ending in a share column's percentage (占比 after 总计: `…数量9052443883.9%二、…`)
    is one run of figures with its percentage, between its label and the next row's numbering or
    label; a sentence's share (`占比达95.2%，`, `增长12%以上`, after words that are no row's label)
    stays prose."""
    from gik_tui.core.tables.glued import split_line

    line = ("一、本年新收政府信息公开申请数量9052436792443883.9%二、上年结转政府信息公开申请数量30200050.0%"
            "三、本年度办理结果(一)予以公开2010021240.2%(二)部分公开0214200180.1%(三)不予公开1.属于国家秘密"
            "21100040.0%2.其他法律行政法规禁止公开0201104100%")
    runs = [t for t, _, _, glued in split_line(line, "gik-2019") if glued]
    assert runs == ["9052436792443883.9%", "30200050.0%", "2010021240.2%", "0214200180.1%", "21100040.0%",
                    "0201104100%"]
    prose = "本年度收到申请数量171000018件，占比达95.2%，较上年增长12%以上。予以公开5100006二、上年结转0000000"
    toks = split_line(prose, "gik-2019")
    assert not any("%" in t for t, _, _, glued in toks if glued) and any("95.2%" in t for t, *_ in toks)


def test_a_rows_number_cut_from_its_label_by_a_line_end_ends_the_run_before_it():
    """The next row's number glued after a figure, its label on the next line (`…数件2216.` /
    `申请信息不存在数件…`, or the mark there: `…数件2216` / `.申请…`): cut from the run as on one
    line — read in, 2216 was filled for 221; all of the run (`人2.`), the row's cell is empty. With
    no numbered row opening the next line, the run stays whole."""
    from gik_tui.core.tables.glued import opening_row, split_line

    row6 = opening_row("申请信息不存在数件1217.告知", "legacy")
    assert row6 == (frozenset({6}), False)
    assert opening_row(".申请信息不存在数件1217.", "legacy") == (frozenset({6}), True)
    assert opening_row("五、存在的主要问题", "legacy") is None
    line = "不属于本行政机关公开数件2216."
    # (the number no token: alone, `6.` or `6` would be read as a figure)
    assert [t[0] for t in split_line(line, "legacy", row6)] == ["不属于本行政机关公开数", "件", "221"]
    assert [t[0] for t in split_line(line[:-1], "legacy", (frozenset({6}), True))][2:] == ["221"]
    assert [t[0] for t in split_line("兼职人员数人2.", "legacy", (frozenset({2}), False))][2:] == []  # (its cell empty)
    assert [t[0] for t in split_line(line, "legacy", None)][2:] == ["2216"]
    assert [t[0] for t in split_line(line, "legacy", (frozenset({7}), False))][2:] == ["2216"]  # (not its number)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from(["f", "g"]), st.sampled_from(["\n", "\n\n", " \n"]),
       st.booleans(), st.data())
def test_a_line_cut_at_a_rows_number_in_a_glued_legacy_table_never_fills_a_wrong_figure(i, layout, sep, before, data):
    """A glued legacy statistics table (its rows numbered, 数件2216.申请信息不存在数件…) with a line
    break right after a row's number, or between its digits and its mark: every figure filled is
    the report's."""
    from gik_tui.core.extract import extract
    from gik_tui.core.readers import read_bytes
    from gik_tui.core.synth import make_report

    rep = make_report(i, seed=3, layout=layout, template_id="legacy")
    text = rep.render().decode(rep.encoding)
    marks = [m.start() + (0 if before else 1) for m in re.finditer(r"(?<=\d)\.(?=[\u4e00-\u9fff])", text)]
    assert marks
    cut = data.draw(st.sampled_from(marks))
    ex = extract(read_bytes((text[:cut] + sep + text[cut:]).encode(rep.encoding), rep.filename))
    truth = {k: v for k, v in rep.values.items() if v is not None}
    wrong = [(c.row, c.value, truth[c.key]) for c in ex.cells if c.value is not None and c.key in truth and c.value != truth[c.key]]
    assert not wrong, (text[cut - 12:cut], text[cut:cut + 12], wrong)


@pytest.mark.parametrize("before, after, across", [
    ("申请人情况自然人法人或", "其他组织总计商业企业", True),
    ("申请人情况自然人法人", "或其他组织总计", True),
    ("一、本年新收政府信息公开", "申请数量171000018", True),
    ("行政复议结果维持结果纠正尚未", "审结总计", True),
    ("申请人情况自然人法人或其他组织", "总计商业企业", False),  # (a line end between two words)
    ("三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为", False),
    ("各部门汇总", "计划于明年", False),  # (总计 across it: a word of two characters joins nothing)
    ("", "其他组织", False),
])
def test_a_word_of_the_tables_across_a_line_end(before, after, across):
    assert word_across(before, after, "gik-2019") is across
