"""core/prose.py: figures in sentences, looked for only around each pattern's anchor word."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from gik_tui.core.document import Document
from gik_tui.core.extract import extract
from gik_tui.core.prose import _matches, _patterns, _reach, prose_figures, run_on_lines
from gik_tui.core.templates import template_ids

PATTERNS = [p for tid in template_ids() for p in _patterns(tid)]


def test_every_bundled_pattern_has_a_bounded_reach():
    # an unbounded pattern is scanned whole (slow but right); the bundled ones must not be
    assert PATTERNS
    assert all(reach is not None and reach < 200 for *_, reach in PATTERNS)


def test_reach_counts_lookaheads_and_refuses_unbounded_patterns():
    assert _reach(r"ab") == 2
    assert _reach(r"a(?!bcd)") == 4
    assert _reach(r"a(?:x(?=\d{1,5}))?") == 7
    assert _reach(r"a\d+") is None
    assert _reach(r"a(?=.*b)") is None


# text made of the words the patterns are built from, figures, and filler, so that the anchors
# stand often, close together and in every order
_WORDS = sorted({w for *_, anchor, _ in PATTERNS for w in (anchor, anchor[:2])} |
                {"共", "为", "件", "条", "次", "人", "个", "万元", "收到", "受理", "了", "属于", "已", "不", "分",
                 "，", "。", "\n", ",", ".", "年", "政府信息公开", "申请", "其中"})
_PIECE = st.one_of(st.sampled_from(_WORDS), st.integers(0, 10**7).map(str),
                   st.sampled_from(["1,234", "12,345,678", "3.5", "0.123456789012", "零"]))


@st.composite
def _text_for(draw):
    """A pattern, and text of its own matches (drawn from the pattern) among filler words."""
    which = draw(st.integers(0, len(PATTERNS) - 1))
    pattern = PATTERNS[which][2]
    own = st.from_regex(pattern, fullmatch=True)
    pieces = draw(st.lists(st.one_of(own, _PIECE, _PIECE), max_size=40))
    return which, "".join(pieces)


@settings(max_examples=400, deadline=None)
@given(_text_for())
def test_anchored_search_finds_exactly_what_a_whole_scan_finds(case):
    which, text = case
    *_, pattern, _, _, anchor, reach = PATTERNS[which]
    whole = [(m.span(), m.group("n")) for m in pattern.finditer(text)]
    assert [(m.span(), m.group("n")) for m in _matches(pattern, text, anchor, reach)] == whole


@settings(max_examples=300, deadline=None)
@given(_text_for())
def test_each_way_of_searching_around_the_anchor_finds_what_a_whole_scan_finds(case):
    """The same, with the search forced around every occurrence (never the whole scan), and the
    starts tried one by one (`match`) or searched for in a window, whatever the pattern."""
    from unittest import mock

    from gik_tui.core import prose

    which, text = case
    *_, pattern, _, _, anchor, reach = PATTERNS[which]
    whole = [(m.span(), m.group("n")) for m in pattern.finditer(text)]
    for few in (-1, 10**6):
        with mock.patch.object(prose, "_WINDOW_COST", 0), mock.patch.object(prose, "_FEW_STARTS", few), \
                mock.patch.object(prose, "_opens_plainly", lambda p: False):
            assert [(m.span(), m.group("n")) for m in _matches(pattern, text, anchor, reach)] == whole


def test_anchored_search_on_hand_made_cases():
    pattern = re.compile(r"(?:属于)?(?:已)?主动公开(?:范围)?(?:数)?(?P<n>\d{1,12})件")
    text = "主动公开。属于主动公开范围3件，已主动公开12件" + "主动公开" * 30 + "主动公开7件"
    assert [m.group(0) for m in _matches(pattern, text, "主动公开", _reach(pattern.pattern))] == [
        "属于主动公开范围3件", "已主动公开12件", "主动公开7件"]


def test_liuzhi_style_sentence_gives_its_figure():
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n全年共受理政府信息公开申请18件，属于已主动公开范围3件。\n",
                   "0" * 64, "utf-8")
    got = {c.row[-1]: c.value for c in prose_figures(doc, "legacy", set())[0]}
    assert got.get("收到申请数") == 18 and got.get("属于已主动公开范围数") == 3, got


def test_a_match_cut_short_by_the_window_is_not_taken():
    # the window around the first 工作人员 ends right before 次: seen through it, the second
    # 工作人员5人 looks like a match (人 not followed by 次); in the whole text it is 5人次, no match
    pattern = re.compile(r"工作人员(?:数)?(?:共计|共|为)?(?P<n>\d{1,12})人(?!次)")
    reach = _reach(pattern.pattern)
    second = "工作人员5人"
    text = "工作人员" + "x" * (reach + 1 - len(second) - 4) + second + "次"
    assert text.index("次") == reach + 1
    assert list(pattern.finditer(text)) == []
    assert list(_matches(pattern, text, "工作人员", reach)) == []


def _legacy(text: str) -> dict[str, int | float]:
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n" + text + "\n", "0" * 64, "utf-8")
    return {c.row[-1]: c.value for c in prose_figures(doc, "legacy", set())[0]}


def test_counts_written_in_chinese_numerals_are_read():
    got = _legacy("全年主动公开政府信息一千二百条。全年共受理政府信息公开申请十二件，其中当面申请两件，网络申请十件。"
                  "同意公开十件，不同意公开答复两件。行政复议为零。行政诉讼一件。专职人员三人。"
                  "召开了两千零一十次专题会议。")
    assert got == {"主动公开政府信息数": 1200, "收到申请数": 12, "当面申请数": 2, "网络申请数": 10,
                   "同意公开答复数": 10, "不同意公开答复数": 2, "行政复议数量": 0, "行政诉讼数量": 1,
                   "专职人员数": 3, "召开政府信息公开工作会议或专题会议数": 2010}


def test_estimates_in_chinese_numerals_are_no_count():
    # 数十 (some tens), 一两 (one or two), 两三, 十一二 (eleven or twelve), 十余 (ten and more), 上百,
    # 近十: estimates, never read as a count — nor is the one figure inside them (十, 两, 百)
    got = _legacy("全年共受理政府信息公开申请数十件，其中当面申请一两件，网络申请两三件，信函申请十一二件，"
                  "传真申请近十件。同意公开十余件，不同意公开上百件。行政复议几件。专职人员数百人。")
    assert got == {}


def test_a_chinese_numeral_that_does_not_read_back_is_not_taken():
    from gik_tui.core.prose import _value

    assert [_value(s) for s in ("十", "一十", "十一", "两百", "一百〇五", "二〇一九", "一二", "零", "1,234")] == \
        [10, 10, 11, 200, 105, None, None, 0, 1234]


def test_sentences_that_say_none_happened_read_0():
    """Old reports say a count was nought in words: 无行政复议、诉讼和申诉情况 (2016_dongchang.txt), 行政
    复议申请、行政诉讼案件为0件 (2018_liuzhi.txt: counts that add up to nought are each nought),
    未发生…行政复议、行政诉讼案件, 未收到…申请, 未收取任何费用. (Before: each such row blank.)"""
    assert _legacy("2016年我区无行政复议、诉讼和申诉情况。") == {"行政复议数量": 0, "行政诉讼数量": 0, "举报投诉数量": 0}
    assert _legacy("我区因政府信息公开事务引起的行政复议申请、行政诉讼案件为0件。") == {"行政复议数量": 0, "行政诉讼数量": 0}
    assert _legacy("本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。行政复议、行政诉讼和举报投诉均为0件。") == {
        "行政复议数量": 0, "行政诉讼数量": 0, "举报投诉数量": 0}
    assert _legacy("本年度未收到政府信息公开申请。依申请公开未收取任何费用。") == {"收到申请数": 0, "依申请公开信息收取的费用": 0}


def test_a_none_said_of_something_else_reads_nothing():
    """未发生行政复议被纠错的情况 says nothing of how many reviews there were; 无法, 无论 are no
    "none"; a figure the report gives wins over a none said elsewhere."""
    assert _legacy("全年未发生行政复议被纠错的情况。无行政诉讼败诉情况。") == {}
    assert _legacy("申请人无法提起行政复议。无论行政复议还是行政诉讼，均依法办理。") == {}
    assert _legacy("本年度发生行政复议案件3件，未发生行政诉讼。") == {"行政复议数量": 3, "行政诉讼数量": 0}
    assert _legacy("行政复议案件3件。未发生行政复议、行政诉讼案件。") == {"行政复议数量": 3, "行政诉讼数量": 0}


def test_the_answers_as_old_reports_word_them():
    """予以公开, 部分公开, 不予公开 (the words of the 2019 form, used by many an old report), 受理依申请公开
    without 申请, 主动公开各类政府信息; an active disclosure 主动予以公开 is no answer to a request."""
    assert _legacy("全年主动公开各类政府信息1234条。共受理依申请公开12件，其中予以公开8件，部分公开2件，不予公开1件。") == {
        "主动公开政府信息数": 1234, "收到申请数": 12, "同意公开答复数": 8, "同意部分公开答复数": 2, "不同意公开答复数": 1}
    assert _legacy("对涉及群众利益的文件主动予以公开35件。") == {}


@pytest.mark.parametrize("text, want", [
    ("上年收到政府信息公开申请3件。本年收到政府信息公开申请5件。", {"收到申请数": 5}),
    ("2014年收到政府信息公开申请8件；2015年收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("近三年共收到政府信息公开申请36件。", {}),
    ("因政府信息公开申请提起行政复议1件，去年行政复议2件。", {"行政复议数量": 1}),
    ("去年行政复议2件，今年因政府信息公开申请提起行政复议1件。", {"行政复议数量": 1}),
    ("截至2015年12月31日，收到政府信息公开申请12件。", {"收到申请数": 12}),  # a date of the year itself
    ("全区累计主动公开政府信息5977条。", {"主动公开政府信息数": 5977}),  # 累计: the year's own total
    # the sentence's period, where the figure's clause names none: the last one it names before it
    ("2014年，我县共收到政府信息公开申请12件。", {}),
    ("2014年，我县共收到政府信息公开申请12件；本年，共收到政府信息公开申请17件。", {"收到申请数": 17}),
    ("去年，我县共收到政府信息公开申请12件，今年收到政府信息公开申请17件。", {"收到申请数": 17}),
    ("2015年，我县共收到政府信息公开申请17件。", {"收到申请数": 17}),
    ("与2014年相比，我县共收到政府信息公开申请17件。", {"收到申请数": 17}),  # (a comparison's year)
    ("2014年，我县收到申请不多。全年共收到政府信息公开申请17件。", {"收到申请数": 17}),  # (another sentence)
    # a part of the year, a span of years: another period's (before: each read at 0.4 as the year's)
    ("上半年，共收到政府信息公开申请5件。", {}),
    ("2015年1-6月，共收到政府信息公开申请5件。", {}),
    ("第一季度共收到政府信息公开申请5件。", {}),
    ("2015年12月共收到政府信息公开申请3件。", {}),
    ("《条例》实施以来，累计收到政府信息公开申请120件。", {}),
    ("五年来共收到政府信息公开申请120件。", {}),
    ("“十二五”期间共收到政府信息公开申请120件。", {}),
    ("二〇一四年，我县共收到政府信息公开申请12件。", {}),  # (a year in Chinese numerals)
    # … and what still names the year itself
    ("今年以来，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("2015年以来，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("一年来，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("2015年1-12月，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("截至2015年12月，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("截至12月底，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("2015年1月1日至12月31日，共收到政府信息公开申请12件。", {"收到申请数": 12}),
    ("在报告期间，共收到政府信息公开申请12件。", {"收到申请数": 12}),
])
def test_a_figure_said_of_another_period_is_not_the_years(text, want):
    """A sentence about last year, another year or several years (上年, 去年, 2014年 in a 2015
    report, 近三年) gives none of the year's figures — said in the figure's clause, or, where that
    names no period, opening its sentence (2014年，我县共收到申请12件: read 12 before).
    (Before: 上年收到申请3件 before 本年…5件 read 3.)"""
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n" + text + "\n", "0" * 64, "utf-8")
    assert {c.row[-1]: c.value for c in prose_figures(doc, "legacy", set(), year=2015)[0]} == want


@pytest.mark.parametrize("text", [
    "全区主动公开政府信息5977条，其中乡镇主动公开政府信息1293条。",
    "其中乡镇主动公开政府信息1293条。全区共主动公开政府信息5977条。",  # (the part first: read before, at 0.4)
    "区本级主动公开政府信息1739条，全年累计主动公开政府信息5977条。",
])
def test_the_wholes_figure_is_read_where_the_others_are_a_parts(text):
    """Several figures for one indicator, each but one a part's by its words (其中, 乡镇, 本级): the
    whole's is read, in whichever order the text says them; the others are named in a warning."""
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n" + text + "\n", "0" * 64, "utf-8")
    cells, said, undecided = prose_figures(doc, "legacy", set(), year=2015)
    assert [(c.row[-1], c.value) for c in cells] == [("主动公开政府信息数", 5977)] and not undecided
    assert len(said) == 1 and said[0].endswith("5977 is read, the others are a part's") and "a part: " in said[0]


@pytest.mark.parametrize("text, part, read", [
    ("乡镇主动公开政府信息1293条。", "乡", None),
    ("区本级主动公开政府信息1739条。", "本级", None),
    ("各部门主动公开政府信息800条。", "部门", None),
    ("全县各乡镇、各部门共主动公开政府信息1200条。", "", 1200),  # (a whole's words too: the whole)
    ("本镇主动公开政府信息800条。", "", 800),  # (本镇, 我局: the agency's own)
    ("其中，主动公开规范性文件143件。", "", 143),  # (其中 opens the template's own part)
    ("其中乡镇主动公开政府信息1293条。", "乡", None),  # (其中 and a place's word: the place's part)
    ("其中，各部门主动公开政府信息800条。", "部门", None),
])
def test_a_parts_figure_alone_is_offered_not_read(text, part, read):
    """The text gives only a part's figure for an indicator (乡镇…, 区本级…, 各部门…, and no
    whole's word): it is not the indicator's — the cell is blank, the figure offered with its words,
    and `enter` takes it not. (Before: read at 0.4 as the agency's own total.)"""
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n" + text + "\n", "0" * 64, "utf-8")
    cells, _, offers = prose_figures(doc, "legacy", set(), year=2015)
    (cell,) = cells
    assert cell.value == read
    if read is None:
        (choice,) = offers[cell.key][0].choices
        assert not offers[cell.key][0].decided and f"a part: {part}" in choice[2]
        assert [v for v, _ in cell.candidates] == [choice[0]]
    else:
        assert not offers


def test_figures_nothing_tells_apart_are_offered_not_read():
    """Two figures for one indicator that no word tells apart (two totals that contradict, or a
    part said without a word that says so): the cell is blank, both offered, enter takes neither;
    the whole's first where one is a whole's. (Before: the first was read, at 0.4.)"""
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n本年度收到政府信息公开申请12件。"
                   "另外，全年共收到政府信息公开申请15件。\n", "0" * 64, "utf-8")
    cells, said, undecided = prose_figures(doc, "legacy", set(), year=2015)
    (cell,) = cells
    assert cell.row[-1] == "收到申请数" and cell.value is None and [v for v, _ in cell.candidates] == [15, 12]
    offers, named = undecided[cell.key]
    assert [v for v, _, _ in offers.choices] == [15, 12] and not offers.decided
    assert "a whole: 全年" in offers.choices[0][2] and named.startswith("stats 收到申请数: the text says 12 (line 2)")
    ex = extract(doc)
    c = next(c for c in ex.cells if c.key == cell.key)
    assert c.value is None and ex.offers[c.key] == offers and c.key not in {k for k, v in ex.offers.items() if v.decided}
    assert any(w.endswith("left blank, each offered (c)") for w in ex.warnings)


def _offered_alone(text: str, row: str, offered):
    """A 2015 report of the one sentence `text`: its document, its one cell — the indicator `row`,
    blank, the figure `offered` its one candidate — and that cell's offers and what is said of them."""
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n" + text + "\n", "0" * 64, "utf-8")
    cells, _, offers = prose_figures(doc, "legacy", set(), year=2015)
    (cell,) = cells
    assert cell.row[-1] == row and cell.value is None and cell.candidates == ((offered, 1.0),)
    return (doc, cell, *offers[cell.key])


@pytest.mark.parametrize("text, row, offered", [
    ("全年共收到政府信息公开申请约12件。", "收到申请数", 12),
    ("全年共收到政府信息公开申请超过12件。", "收到申请数", 12),
    ("全年共收到政府信息公开申请不少于12件。", "收到申请数", 12),
    ("全年共收到政府信息公开申请12件以上。", "收到申请数", 12),
    ("全年共收到政府信息公开申请12件左右，均已办结。", "收到申请数", 12),
    ("全年主动公开政府信息达3000余条。", "主动公开政府信息数", 3000),
    ("全年主动公开政府信息3000多条。", "主动公开政府信息数", 3000),
    ("全年主动公开政府信息1.2万条。", "主动公开政府信息数", 12000),
    ("全年主动公开政府信息1.15万条。", "主动公开政府信息数", 11500),
    ("全年主动公开政府信息将近3,000条。", "主动公开政府信息数", 3000),
    ("政府信息公开专项经费约5万元。", "政府信息公开专项经费", 5),
    ("政府信息公开专项经费5000余元。", "政府信息公开专项经费", 0.5),
])
def test_an_estimate_is_offered_not_read(text, row, offered):
    """A figure the text gives as an estimate — 约, 超过, 不少于 before it, 余, 多 or 万 after it,
    以上, 左右 after its unit — is no count: the cell is blank, the figure offered with the
    estimate's words, and `enter` takes it not. (Before: 12件以上, 12件左右 read at 0.4 as the
    count; 约12件, 3000余条 gave nothing at all.)"""
    doc, cell, these, said = _offered_alone(text, row, offered)
    (choice,) = these.choices
    assert choice[0] == offered and choice[2].endswith(", an estimate") and not these.decided
    assert "the text gives only an estimate" in said
    ex = extract(doc)
    c = next(c for c in ex.cells if c.key == cell.key)
    assert c.value is None and ex.offers[c.key] == these


@pytest.mark.parametrize("text, want", [
    ("全年共收到政府信息公开申请 12 件，同意公开 10 件。", {"收到申请数": 12, "同意公开答复数": 10}),
    ("全年主动公开政府信息 1234 条。", {"主动公开政府信息数": 1234}),
    ("全年主动公开政府信息2 636条。", {"主动公开政府信息数": 2636}),  # (a thousands space, 千分空)
    ("举办各类培训班 2 期，接受培训人员 215 人次。", {"举办各类培训班数": 2, "接受培训人员数": 215}),
    ("政府信息公开专项经费 5.3 万元。", {"政府信息公开专项经费": 5.3}),
    ("政府信息公开专项经费 12 345 元。", {"政府信息公开专项经费": 1.2345}),
])
def test_a_figure_with_a_space_on_either_side_is_read(text, want):
    """A space between a figure and its words (共收到申请 12 件: many a writer sets Arabic figures
    apart from Chinese so, and a PDF's text often has them) or inside it as a thousands space:
    read as without (before: nothing was read)."""
    assert _legacy(text) == want


def test_indicators_listed_by_their_names_with_a_colon_are_read():
    """A report that lists its indicators as the table names them, each with a colon and its
    figure (（一）收到申请数：12件。1.当面申请数：3件；…): each read (before: only those its
    sentences' words also matched, 当面申请 and 网络申请 here); a figure the name does not own
    (主动公开政府信息数：12月份…) is none; an estimate stays an estimate."""
    assert _legacy("（一）收到申请数：12件。1.当面申请数：3件；2.网络申请数：9件。") == {
        "收到申请数": 12, "当面申请数": 3, "网络申请数": 9}
    assert _legacy("专职人员数：2人，兼职人员数：5人。政府信息公开专项经费：53230元。行政诉讼数量：1。") == {
        "专职人员数": 2, "兼职人员数": 5, "政府信息公开专项经费": 5.323, "行政诉讼数量": 1}
    assert _legacy("主动公开政府信息数：12月份起按月统计。") == {}
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n主动公开政府信息数：约1200条。\n", "0" * 64, "utf-8")
    (cell,) = prose_figures(doc, "legacy", set(), year=2015)[0]
    assert cell.value is None and cell.candidates == ((1200, 1.0),)


def test_a_figure_with_a_space_before_its_estimates_words_is_still_an_estimate():
    doc = Document("x.txt", "2015年政府信息公开工作年度报告\n全年主动公开政府信息 3000 余条，约 1.2 万人次浏览。\n",
                   "0" * 64, "utf-8")
    (cell,) = prose_figures(doc, "legacy", set(), year=2015)[0]
    assert cell.value is None and cell.candidates == ((3000, 1.0),)


@pytest.mark.parametrize("text, row, offered", [
    ("截至目前，累计主动公开政府信息12345条，其中本年度主动公开1234条。", "主动公开政府信息数", 12345),
    ("迄今累计受理政府信息公开申请235件。", "收到申请数", 235),
    ("至今，我县累计主动公开政府信息12345条。", "主动公开政府信息数", 12345),
])
def test_a_total_to_this_day_is_offered_not_read(text, row, offered):
    """A total to this day (截至目前，累计…; 迄今累计…; 至今…累计), nothing in its sentence saying the
    year's: perhaps every year's total — blank, offered with its words, and `enter` takes it not
    (before: read at 0.4 as the year's, 12345 where the year's was 1234)."""
    _, _, these, said = _offered_alone(text, row, offered)
    (choice,) = these.choices
    assert choice[2].endswith(", a total to this day, perhaps of every year") and "累计" in choice[2]
    assert not these.decided and "the text gives only a total to this day" in said


@pytest.mark.parametrize("text, want", [
    ("截止2016年12月31日，全区累计主动公开政府信息5977条。", {"主动公开政府信息数": 5977}),  # (to the year's end)
    ("目前，本年度累计主动公开政府信息123条。", {"主动公开政府信息数": 123}),
    ("截至目前，全年累计受理政府信息公开申请35件。", {"收到申请数": 35}),
    ("本年度累计收到政府信息公开申请35件，目前均已办结。", {"收到申请数": 35}),
])
def test_a_total_to_the_years_end_or_of_the_year_is_the_years(text, want):
    assert _legacy(text) == want


def test_an_estimate_gives_way_to_the_figure_itself_and_words_after_it_are_no_estimate():
    got = _legacy("全年主动公开政府信息达3000余条。其中，全年主动公开政府信息3125条。"
                  "全年共收到政府信息公开申请12件，多为咨询类。工作人员三千余人。")
    assert got == {"主动公开政府信息数": 3125, "收到申请数": 12}


@pytest.mark.parametrize("text, want", [
    ("全年共收到信息公开申请12件。", {"收到申请数": 12}),
    ("共受理公民、法人和其他组织政府信息公开申请12件。", {"收到申请数": 12}),
    ("全年共受理各类政府信息公开申请12件。", {"收到申请数": 12}),
    ("共接到政府信息公开申请12件。", {"收到申请数": 12}),
    ("全年受理政府信息公开申请事项12件。", {"收到申请数": 12}),
    ("全年共收到公开申请12件。", {"收到申请数": 12}),
    ("全年共主动公开各类信息3200条。", {"主动公开政府信息数": 3200}),
    ("主动公开政府信息总数3200条。", {"主动公开政府信息数": 3200}),
    ("举办新闻发布会3场。", {"参加或举办新闻发布会总次数": 3}),
    ("属于已主动公开范围的5件，申请信息不存在的2件，不属于本机关公开范围的3件。",
     {"属于已主动公开范围数": 5, "申请信息不存在数": 2, "不属于本行政机关公开数": 3}),
    ("同意公开的10件，同意部分公开的1件，不同意公开的1件。",
     {"同意公开答复数": 10, "同意部分公开答复数": 1, "不同意公开答复数": 1}),
    ("2015年，我县主动公开政府信息4362条，其中通过政府网站公开3890条，通过政府公报公开12条，通过其他方式公开460条。",
     {"主动公开政府信息数": 4362, "政府网站公开政府信息数": 3890, "政府公报公开政府信息数": 12,
      "其他方式公开政府信息数": 460}),
    ("通过政务微博发布信息120条，政务微信公众号发布信息80条。", {"政务微博公开政府信息数": 120, "政务微信公开政府信息数": 80}),
    ("全年共举办新闻发布会5次，其中主要负责同志参加2次。",
     {"参加或举办新闻发布会总次数": 5, "主要负责同志参加新闻发布会次数": 2}),
    ("全年共召开政府信息公开工作会议3次，举办培训班2期，培训人员150人次。",
     {"召开政府信息公开工作会议或专题会议数": 3, "举办各类培训班数": 2, "接受培训人员数": 150}),
    ("全年共有政府信息公开工作人员8人，其中专职2人，兼职6人。", {"从事政府信息公开工作人员数": 8, "专职人员数": 2, "兼职人员数": 6}),
    ("发布政策解读材料35篇，开展在线访谈活动4期。", {"政策解读稿件发布数": 35, "政府网站在线访谈次数": 4}),
    # amounts, in the template's 万元 whatever the sentence writes them in
    ("政府信息公开专项经费共计378.498万元。", {"政府信息公开专项经费": 378.498}),
    ("政府信息公开专项经费共计人民币53230元。", {"政府信息公开专项经费": 5.323}),
    ("共收取检索、复制、邮寄等费用0元。", {"依申请公开信息收取的费用": 0}),
    ("依申请公开收取费用120元。", {"依申请公开信息收取的费用": 0.012}),
    # the leader's own count is the leader's row, never the total's (before: 主要负责同志参加新闻发布会2次
    # read 2 as every press conference; 主要负责同志参加在线访谈2次 as every online interview)
    ("主要负责同志参加新闻发布会2次。", {"主要负责同志参加新闻发布会次数": 2}),
    ("开展在线访谈活动4期，其中主要负责同志参加政府网站在线访谈2次。",
     {"政府网站在线访谈次数": 4, "主要负责同志参加政府网站在线访谈数": 2}),
    ("主要负责同志出席会议3次。", {}),
    ("信息公开专项工作费用12万元。", {}),  # (no fee charged: 收取 is not said)
    ("本年度主动公开的12件规范性文件均已备案。", {}),  # (an answer's row only with 属于 or 范围)
    ("属于已主动公开的5件。", {"属于已主动公开范围数": 5}),
    # what stays unread: a request of another kind, a figure of a part of the disclosures
    ("收到行政复议申请3件。共收到申请5件。", {"行政复议数量": 3}),
    ("对重点工作主动公开信息78条。", {}),
])
def test_the_counts_as_more_old_reports_word_them(text, want):
    """收到信息公开申请, 接到…, …申请事项, 公民、法人和其他组织 before 申请, 主动公开各类信息, …总数, 场, and
    的 before the count of an answer: read (before: nothing was). A bare 主动公开信息 is often a
    part's (重点工作主动公开信息78条 in 2016_dongchang) and a bare 申请 another kind's: not read."""
    assert _legacy(text) == want


@pytest.mark.parametrize("name", ["2016_dongchang.txt", "2018_liuzhi.txt"])
@pytest.mark.parametrize("width", [24, 31, 38, 45])
@pytest.mark.parametrize("page", [0, 7, 11])
def test_a_paragraph_wrapped_at_a_pages_width_reads_as_unwrapped(name, width, page):
    """An old report whose figures stand in its sentences, each paragraph's lines broken at about
    a page's width as a PDF's text gives them (the widths a little uneven, as a page's are: no hard
    wrap the reader would join) — and, `page`, a page's end every few lines, a form feed between
    (pdftotext's): every figure read from its sentences as in the unbroken text, at its place.
    Before, a sentence cut inside its words or figure (累计主动公开政 / 府信息5977条) was not read —
    16 of 325 such cuts of dongchang lost a figure — nor, later, one a page's end cut (13 of the
    392 figures of these 16 paged texts lost)."""
    import random

    from gik_tui.core.readers import read_bytes

    text = open(f"sample_reports/{name}", encoding="utf-8").read()
    rng = random.Random(width)
    lines = []
    for line in text.split("\n"):
        while len(line) > width + 3 and "|" not in line:
            w = width + rng.randint(0, 3)
            lines.append(line[:w])
            line = line[w:]
            if page and len(lines) % page == 0:
                lines.append("\f")
        lines.append(line)
    wrapped = "\n".join(lines)
    assert wrapped.count("\n") > text.count("\n") + 20
    whole = {c.key: c for c in extract(read_bytes(text.encode(), name)).cells if c.method == "prose"}
    got = {c.key: c for c in extract(read_bytes(wrapped.encode(), name)).cells if c.method == "prose"}
    assert len(whole) > 10
    assert {k: c.value for k, c in got.items()} == {k: c.value for k, c in whole.items()}
    doc = read_bytes(wrapped.encode(), name)
    for c in got.values():
        if c.value is not None:
            assert doc.text[c.start:c.end] == c.raw


def test_the_lines_of_a_paragraph_run_on_and_its_items_and_tables_do_not():
    para = "截至2016年12月31日，全区累计主动公开政"
    text = f"{para}\n府信息5977条。\n一、概述\n{para}\n1.当面申请数\n{para}\n37\n{para}\n8.498万元\n统计指标 | 单位 | 统计数 |\n短行\n接着"
    joined, joins = run_on_lines(text)
    assert joined.split("\n") == [para + "府信息5977条。", "一、概述", para, "1.当面申请数", para + "37", para + "8.498万元",
                                   "统计指标 | 单位 | 统计数 |", "短行", "接着"]
    assert len(joins) == 3
    for k, at in enumerate(joins):  # (each where a line end stood: the offset in the text is at + k + …)
        assert text[at + k] == "\n" and joined[at] == text[at + k + 1]
    assert run_on_lines("一行") == ("一行", [])
