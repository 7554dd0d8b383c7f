"""tables/stream.py: the cells of every layout, read as one stream of tokens."""

import pytest

from gik_tui.core.readers import read_bytes
from gik_tui.core.tables.stream import tokenize


def toks(text: str):
    return [(t.text, t.line, t.multi) for t in tokenize(read_bytes(text.encode(), "s.txt"), "gik-2019")]


def test_a_row_of_figures_with_one_space_between_them_is_its_cells():
    """Text taken from a PDF keeps one space between a row's cells: a line of figures alone is
    read as cells (as a wide-spaced row), each at its own offset."""
    text = "标题\n0 12 -3 +4 1,234 5.5 — /\n"
    doc = read_bytes(text.encode(), "s.txt")
    got = [t for t in tokenize(doc, "gik-2019") if t.line == 1]
    assert [t.text for t in got] == ["0", "12", "-3", "+4", "1,234", "5.5", "—", "/"]
    assert all(t.multi and not t.glued for t in got)
    assert all(doc.norm[t.start:t.end] == t.text for t in got)


@pytest.mark.parametrize("line", [
    "2020 年 12 月 31 日",  # a date in words
    "共 3 页 1 2 3 下一页",  # pagination with words
    "12",  # one figure: no row to split
    "1 2 3 abc",  # not figures alone
    "3.1 节",
])
def test_a_line_with_anything_but_figures_is_not_split_on_single_spaces(line):
    assert toks(f"标题\n{line}\n")[1] == (line, 1, False)


def test_words_then_figures_with_one_space_between_them_are_a_row():
    """The end of a label broken over two lines, then the row's figures, one space apart (text
    taken from a PDF): the words are one cell and each figure another; one figure after words is
    left to the glued reading (a sentence may end in a figure)."""
    got = toks("标题\n不计其他情形) 1 0 0 0 0 0 1\n")
    assert got[1:] == [("不计其他情形)", 1, True)] + [(v, 1, True) for v in "1000001"]
    assert toks("标题\n联系人 张三 1\n")[1:] == [("联系人 张三 1", 1, False)]


def test_a_spaced_rows_cells_may_carry_a_footnotes_mark_or_hold_words_between_its_figures():
    """17* or 17[1] is a figure with a footnote's mark; 不详, 约5, 5余 between two figures are
    cells that hold words. (Before: such a row was one token — its figures lost, and a copy of
    the row elsewhere taken alone at full confidence.)"""
    got = toks("标题\n4.保护第三方合法权益 0 0 0* 0 0[1] 0(注1) 0\n")
    assert got[1:] == [("4.保护第三方合法权益", 1, True)] + [(v, 1, True) for v in
                                                         ["0", "0", "0*", "0", "0[1]", "0(注1)", "0"]]
    got = toks("标题\n本年新收 17 不详 约5 5余 0 0 17\n")
    assert [t for t, _, _ in got[1:]] == ["本年新收", "17", "不详", "约5", "5余", "0", "0", "17"]
    # words before the first figure are the label's (header words, each its own), never a cell
    assert toks("标题\n法律服务机构 其他 0 0\n")[1:] == [("法律服务机构", 1, True), ("其他", 1, True),
                                                      ("0", 1, True), ("0", 1, True)]


def test_two_figures_alone_and_a_statistics_row_with_its_unit_are_cells():
    """A line of two figures alone (a two-column row whose label is on the lines around it: 行政 /
    19 -1 / 事业性收费) is its two cells; a statistics row one space apart — its label (perhaps cut
    short), its unit, its figure — is three; an amount keeps its unit (78874.11万元)."""
    doc = read_bytes("标题\n19 -1\n政府网站在线 次 104\n政府集 518 78874.11万元\n".encode(), "s.txt")
    got = [(t.text, t.line) for t in tokenize(doc, "gik-2019")]
    assert got[1:] == [("19", 1), ("-1", 1), ("政府网站在线", 2), ("次", 2), ("104", 2),
                       ("政府集", 3), ("518", 3), ("78874.11万元", 3)]
    assert all(doc.norm[t.start:t.end] == t.text for t in tokenize(doc, "gik-2019"))
    assert toks("标题\n共 3 次\n")[1] == ("共 3 次", 1, False)  # a unit after a figure: words, not a row


@pytest.mark.parametrize("line", ["- 3 -", "— 12 —", "第 3 页", "第3页 共5页", "共5页 第3页", "Page 3 of 5", "page 3",
                                  "—3—", "-12-", "·3·", "• 3 •"])
def test_a_pages_number_alone_on_its_line_is_no_cell(line):
    """Where a PDF's page breaks inside a table its number stands between two rows; its figure went
    to the row before, which then had more values than columns. (Written close, —3— and ·3·, it was a
    line of words, the row beside it offered: now no cell either.)"""
    got = [t for t, _, _ in toks(f"标题\n行政许可 | 3 | 0 |\n{line}\n行政处罚 | 5 | 1 |\n")]
    assert got == ["标题", "行政许可", "3", "0", "行政处罚", "5", "1"]


def test_a_rows_first_figure_glued_to_the_word_before_it_is_a_cell_of_its_own():
    """A header's last word glued to the row's first figure (`尚未审结 总计27 0 0 0 27`: the review
    table's one row taken onto its header's line with no separator) gives the figure as a cell,
    at its own offset; the word stays a word. A word ending in digits that stand before no run of
    figures is left as it is."""
    text = "标题\n结果维持 结果纠正 其他结果 尚未审结 总计27 0 0 0 27\n第3项 说明\n"
    doc = read_bytes(text.encode(), "s.txt")
    got = [t for t in tokenize(doc, "gik-2019") if t.line == 1]
    assert [t.text for t in got] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "27", "0", "0", "0", "27"]
    assert all(doc.norm[t.start:t.end] == t.text for t in got)
    assert [t.text for t in tokenize(doc, "gik-2019") if t.line == 2] == ["第3项 说明"]


def test_a_word_spaced_out_letter_by_letter_is_one_cell():
    """Wide spaces part a row's cells; a word spaced out letter by letter to fill its cell is one
    (`（二）被  依  法  纠  错  数` was six cells, its row lost, and a figure went to the row of the
    same name in the other group); a unit alone before a figure stays a cell of its own."""
    text = "标题\n（二）被  依  法  纠  错  数\n总  计  27  3\n被依法纠错数  件  178\n不  是《条例》所指  件  3\n"
    got = [(t, line) for t, line, _ in toks(text) if line]
    assert got == [("(二)被  依  法  纠  错  数", 1), ("总  计", 2), ("27", 2), ("3", 2), ("被依法纠错数", 3), ("件", 3),
                   ("178", 3), ("不  是《条例》所指", 4), ("件", 4), ("3", 4)]


def test_glued_text_with_a_wide_space_inside_is_read_as_glued():
    """A glued table line with a word spaced wide inside it (尚未审结总  计未经复议…) is glued text,
    its words and runs — not pieces between the spaces, which cut a row's run from its label."""
    text = "标题\n行政复议结果维持结果纠正其他结果尚未审结总  计0000000000000000\n"
    got = [(t, g) for t in tokenize(read_bytes(text.encode(), "s.txt"), "gik-2019") if t.line == 1
           for t, g in [(t.text, t.glued)]]
    assert ("总  计", False) in got and ("0000000000000000", True) in got



@pytest.mark.parametrize("line, cells", [
    ("（四）无法提供 1.本机关不掌握相关政府信息 见附件 0 1(7) 0 0 0 30(8)",
     ["(四)无法提供", "1.本机关不掌握相关政府信息", "见附件", "0", "1(7)", "0", "0", "0", "30(8)"]),
    ("6.属于四类过程性信息 0 0 0 0 0 0[1] 暂无", ["6.属于四类过程性信息", "0", "0", "0", "0", "0", "0[1]", "暂无"]),
    ("7.属于行政执法案卷 暂无 暂无 0 0 0 0 18①", ["7.属于行政执法案卷", "暂无", "暂无", "0", "0", "0", "0", "18*"]),
    ("7.属于行政执法案卷 约3 0 0 0 0 0 18*", ["7.属于行政执法案卷", "约3", "0", "0", "0", "0", "0", "18*"]),
])
def test_a_row_one_space_apart_keeps_its_cells_of_words_at_either_end(line, cells):
    """A row one space apart whose cells hold words at its start or end, or a number in brackets
    after a figure (见附件 0 1(7) … 30(8); … 0[1] 暂无; 暂无 暂无 0 … 18①): each is a cell, none glued
    text, none the label's. Before, such a line was read as glued runs (its words lost, a copy of
    the row elsewhere taken as read again and filled at full confidence), or its first words were
    read as the label's, which then named no row."""
    doc = read_bytes(f"标题\n{line}\n".encode(), "s.txt")
    got = [t for t in tokenize(doc, "gik-2019") if t.line == 1]
    assert [t.text for t in got] == cells and not any(t.glued for t in got)
    assert all(doc.norm[t.start:t.end] == t.text for t in got)


@pytest.mark.parametrize("line, cells", [
    ("行政强制           无  减1       31970", ["行政强制", "无", "减1", "31970"]),
    ("行政处罚     暂无", ["行政处罚", "暂无"]),
    ("3.要求提供公开出版物     11    约0  0（注1）     0     0     0  11（注1）",
     ["3.要求提供公开出版物", "11", "约0", "0(注1)", "0", "0", "0", "11(注1)"]),
    ("其他对外管理服务事项      6  增1       约5", ["其他对外管理服务事项", "6", "增1", "约5"]),
])
def test_a_row_laid_out_in_columns_keeps_its_cells_of_words(line, cells):
    """A row laid out in columns with wide spaces (pdftotext -layout) whose cells hold words or a
    figure with words (无, 减1, 约0, 0（注1）): each is a cell. Before, a lone 无 was joined to the label
    as a letter-spaced word, the change 减1 to the 无 before it — the label lost, the row's figures
    went to the row before at 0.9 —, and a figure glued to words (约0) made the whole line glued
    text, its runs cut anew (11 as a total alone, 0.9)."""
    doc = read_bytes(f"标题\n{line}\n".encode(), "s.txt")
    for template in (None, "gik-2019"):
        got = [t for t in tokenize(doc, template) if t.line == 1]
        assert [t.text for t in got] == cells and not any(t.glued for t in got)

@pytest.mark.parametrize("line, cells", [
    ("0 | 1 | 5注：本表统计时间为2020年。 |", ["0", "1", "5", "注：本表统计时间为2020年。"]),
    ("5 备注：无 |", ["5", "备注：无"]),
    ("5说明：表中数据为0的为无。", ["5", "说明：表中数据为0的为无。"]),
    ("86246.09万元注：本表统计时间为2020年。", ["86246.09万元", "注：本表统计时间为2020年。"]),
    ("0\t1\t5注：本表统计时间为2020年。", ["0", "1", "5", "注：本表统计时间为2020年。"]),
    ("0   1   5注：本表统计时间为2020年。", ["0", "1", "5", "注：本表统计时间为2020年。"]),
    ("0 1 5 2注：表中数据为0的为无。", ["0", "1", "5", "2", "注：表中数据为0的为无。"]),
])
def test_a_note_glued_after_a_rows_last_figure_is_a_cell_of_its_own(line, cells):
    """A note under the table glued after the last figure of its row (…| 5注：本表…): the figure, then
    the note — one cell each, so that the note ends the row (align) and its figures are no cells."""
    doc = read_bytes(f"标题\n{line}\n".encode(), "s.txt")
    got = [t for t in tokenize(doc, "gik-2019") if t.line == 1]
    assert [t.text for t in got] == [c.replace("：", ":") for c in cells]  # (the tokens are NFKC text)
    assert all(doc.norm[t.start:t.end] == t.text for t in got)


def test_a_line_that_goes_on_past_its_note_keeps_it_for_the_aligner():
    """A report on one line: a note after a table's last figure is followed by the rest of the report
    (its next tables): the line is not cut there (align reads the note where it stands)."""
    rest = "三、收到和处理政府信息公开申请情况" + "说明文字" * 60
    got = [t.text for t in tokenize(read_bytes(f"标题\n总计 1 2 5注：本表。{rest}\n".encode(), "s.txt"), "gik-2019")]
    assert "注:本表。" + rest not in got and any(t.startswith("三、收到和处理") for t in got)


@pytest.mark.parametrize("after, run", [
    ("9（四）政府信息公开专项经费", "9"),  # the rest of the run, a numbering after it
    ("18第二十条第（八）项信息内容", "18"),
    ("60万元三、收到和处理政府信息公开申请情况", "60万元"),  # after its decimal point, left on the line before
    (".60万元三、收到和处理政府信息公开申请情况", ".60万元"),  # its decimal point, then the rest
    ("1.属于国家秘密", None),  # the next row's numbering, not figures
    ("2020年，本机关", None),  # a year in a sentence
    ("18件，其中", None),  # a count
    ("3 4 5 合计", None),  # a row one space apart
    ("12|3|4|", None),  # a row between bars
])
def test_figures_opening_a_line_after_a_glued_run_are_the_rest_of_it(after, run):
    """A line cut inside a glued run (`…兼职人员数人3` / `9（四）…`): the figures that open the next
    line are a glued token of their own (align joins the two, `_run_on`) — not a row's numbering,
    a year, a count or a row one space apart."""
    import unicodedata

    point = "." if run == "60万元" else ""
    text = f"（一）主动公开政府信息数条4072（二）兼职人员数人3{point}\n{after}\n"
    got = [(t.text, t.glued) for t in tokenize(read_bytes(text.encode(), "2016_s.txt"), "legacy") if t.line == 1]
    if run is None:
        assert not got[0][1], got
    else:
        assert got[0] == (run, True)
        assert got[1][0].startswith(unicodedata.normalize("NFKC", after[len(run):len(run) + 2])), got


@pytest.mark.parametrize("text, want", [
    # a row's number alone on its line, its mark and label on the next: one cell
    ("1.按时办结数 |\n件 |\n|\n2\n.延期办结数 |\n件 |\n", ["1.按时办结数", "件", "2.延期办结数", "件"]),
    ("1.按时办结数 |\n件 |\n|\n2\n\n、延期办结数 |\n件 |\n", ["1.按时办结数", "件", "2、延期办结数", "件"]),
    # a figure alone, then a cell: a figure cut in two or a page's number before a cell — apart
    ("主动公开政府信息数 |\n条 |\n9\n9 |\n", ["主动公开政府信息数", "条", "9", "9"]),
    # … but a cell never opens with its decimal point: one figure cut at it (see test_a_figure_cut_at_its_decimal_point…)
    ("主动公开政府信息数 |\n条 |\n3\n.5 |\n", ["主动公开政府信息数", "条", "3.5"]),
    ("行政许可 | 172 | +8 | 2299\n0 |\n", ["行政许可", "172", "+8", "2299", "0"]),
    ("1.按时办结数 |\n件 |\n|\n2\n| .延期办结数 |\n", ["1.按时办结数", "件", "2", ".延期办结数"]),
])
def test_a_rows_number_cut_from_its_mark_by_a_line_end_in_a_table_between_bars_is_one_cell(text, want):
    """A table written a cell a line between bars, cut by a line end between a row's number and its
    mark (`2` / `.延期办结数 |`): one cell, the row's label — read alone, 2 was a figure of the row
    before at 0.9. A figure alone before a cell stays apart (cut in two, or a page's number: which,
    the text does not say) — unless the cell opens with a decimal point, which no cell does."""
    got = tokenize(read_bytes(text.encode(), "2019_s.txt"), "gik-2019")
    assert [t.text for t in got if not t.empty] == want


@pytest.mark.parametrize("text, want", [
    ("政府集中采购\n\n2754\n\n36118\n.36万元\n\n三、收到", ["政府集中采购", "2754", "36118.36万元", "三、收到"]),
    ("政府集中采购\n2754\n36118.\n\n36万元\n", ["政府集中采购", "2754", "36118.36万元"]),
    ("政府集中采购 |\n2754 |\n36118\n.36万元 |\n", ["政府集中采购", "2754", "36118.36万元"]),
    ("行政事业性收费\t9942\n.89\t12\n", ["行政事业性收费", "9942.89", "12"]),
    # a cell its bar closed, a row's number (1.) before its label, a figure after a figure: apart
    ("政府集中采购 |\n36118 |\n.36万元 |\n", ["政府集中采购", "36118", ".36万元"]),
    ("1.\n36万元\n", ["1.", "36万元"]),
    ("政府集中采购\n12\n3\n", ["政府集中采购", "12", "3"]),
])
def test_a_figure_cut_at_its_decimal_point_by_a_line_end_is_one_cell(text, want):
    """`36118` / `.36万元` (or `36118.` / `36万元`), blank lines alone between: one figure — no cell
    opens with its decimal point, and no figure ends in one. Read apart, the amount's whole part
    was filled at full confidence, its fraction lost (36118 for 36118.36)."""
    got = tokenize(read_bytes(text.encode(), "2019_s.txt"), "gik-2019")
    assert [t.text for t in got if not t.empty] == want


@pytest.mark.parametrize("after, run, long", [
    ("57 第二十条第（八）项信息内容", "57", False),  # one figure, a space, words: the run's rest
    ("925 0 1 0 0 111 0 五、存在的主要问题", "925 0 1 0 0 111 0", True),  # a page's text cut in two
    ("925 0 1 0 0 111 0 五、存在的主要问题", None, False),  # short lines: a row one space apart
])
def test_figures_then_a_space_and_words_after_a_glued_run_are_its_rest_on_a_page_run_together(after, run, long):
    """A page whose figures stand a space from the words (`…行政强制 33` / `57 第二十条…`): the
    figures opening the next line, a space and words after them, are the rest of the run the line
    before ended in — several figures one space apart only where the two lines are a page's text
    (longer together than rows). Read as a boundary, 33 was filled for 3357 at 0.9."""
    head = "本年度，我单位认真贯彻落实条例。" * (40 if long else 0)
    text = f"{head}第二十条第（五）项信息内容本年处理决定数量行政处罚 649 行政强制 33\n{after}\n"
    got = [(t.text, t.glued) for t in tokenize(read_bytes(text.encode(), "2021_s.txt"), "gik-2021") if t.line == 1]
    if run is None:
        assert not got[0][1], got
    else:
        assert got[0] == (run, True) and got[1][0].startswith(after[len(run) + 1:len(run) + 3]), got


def test_a_line_end_inside_a_word_of_a_glued_table_is_read_as_no_break():
    """Glued text broken by a line end inside a header word (a cell's <br>: 法人或 / 其他组织): the
    two lines are read as one — the word whole, each token at its place in the text (a word across
    the break spans it), its line the one it starts on. Read apart, 其他 opened the second line as
    a column of its own."""
    text = ("三、收到和处理政府信息公开申请情况\n申请人情况自然人法人或\n其他组织总计商业企业科研机构社会公益组织"
            "法律服务机构其他一、本年新收政府信息公开申请数量171000018二、上年结转政府信息公开申请数量0000000")
    doc = read_bytes(text.encode(), "r.txt")
    toks = tokenize(doc, "gik-2019")
    words = [t.text for t in toks]
    assert words[words.index("自然人"):words.index("自然人") + 3] == ["自然人", "法人或其他组织", "总计"]
    assert "其他组织" not in words and words.count("其他") == 1
    for t in toks:
        assert doc.norm[t.start:t.end].replace("\n", "") == t.text
    whole = next(t for t in toks if t.text == "法人或其他组织")
    assert whole.line == 1 and doc.norm[whole.start:whole.end] == "法人或\n其他组织"
    assert next(t for t in toks if t.text == "总计").line == 2
    assert next(t for t in toks if t.text == "171000018").glued


def test_a_page_end_inside_a_word_of_a_glued_table_its_bare_number_between_is_read_as_no_break():
    """A PDF's pages run together a line each, the page ending inside a header word and its bare
    number alone between (`…法人或` / `3` / `其他组织…`): the word whole, the number no token."""
    page = "本报告由县人民政府办公室根据条例编制。" * 8 + "三、收到和处理政府信息公开申请情况申请人情况自然人法人或"
    text = page + "\n3\n其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量171000018"
    doc = read_bytes(text.encode(), "r.txt")
    toks = tokenize(doc, "gik-2019")
    words = [t.text for t in toks]
    assert "法人或其他组织" in words and "3" not in words and "其他组织" not in words
    whole = next(t for t in toks if t.text == "法人或其他组织")
    assert doc.norm[whole.start:whole.end] == "法人或\n3\n其他组织" and whole.line == 0
    run = next(t for t in toks if t.text == "171000018")
    assert doc.norm[run.start:run.end] == "171000018" and run.line == 2


@pytest.mark.parametrize("after", ["三、收到和处理政府信息公开申请情况", "第二十条第（九）项信息内容"])
def test_an_amounts_unit_opening_the_line_after_a_glued_run_is_a_token_of_its_own(after):
    """A line end between a glued run and its amount's unit, a heading glued after the unit
    (`…采购518788741100` / `元三、收到和处理…`): the unit a token of its own (align reads it as the
    run's), not one word with the heading — nor 元 opening words that are no heading (元旦)."""
    text = "第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购518788741100\n元" + after
    toks = [t.text for t in tokenize(read_bytes(text.encode(), "r.txt"), "gik-2019")]
    assert toks[toks.index("518788741100") + 1] == "元"
    prose = tokenize(read_bytes("政府集中采购518788741100\n元旦期间共公开信息12条".encode(), "r.txt"), "gik-2019")
    assert "元" not in [t.text for t in prose]
