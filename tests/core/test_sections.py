"""Headings found and matched to the template's sections (core/sections.py)."""

import pytest

from gik_tui.core.readers import read_bytes
from gik_tui.core.sections import match_sections
from gik_tui.core.templates import load_template

_LONG = ("本年度共办理事项若干件，工作情况良好，总体平稳有序，各项工作均已按照规定的要求完成，取得较好成效。"
         "二、主动公开政府信息情况 第二十条第(一)项 规章 0 0 0")


@pytest.mark.parametrize("lead", ["", "ﬁ㈠", "（１）"])  # in NFKC already; longer in NFKC; the same length
def test_headings_on_their_own_lines_and_inside_a_long_one_point_at_their_text(lead):
    # what stands before a line (`lead`) moves where the line starts in the normalised text
    text = f"{lead}某某区人民政府2019年政府信息公开工作年度报告\n一、总体情况\n{lead}{_LONG}\n三、收到和处理政府信息公开申请情况\n"
    doc = read_bytes(text.encode(), "x.txt")
    found = [(s.line, s.template_section, doc.text[s.start:s.end]) for s in match_sections(doc, set(), load_template("gik-2019"))]
    assert found == [(2, "总体情况", "一、总体情况"), (3, "主动公开政府信息情况", "二、主动公开政府信息情况"),
                     (4, "收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请情况")]


@pytest.mark.parametrize("template,heading,section", [
    ("legacy", "四、行政复议案件为零；行政诉讼案件为1件，已按法院要求重新办理。", "行政复议和行政诉讼情况"),
    ("legacy", "三、行政诉讼情况", "行政复议和行政诉讼情况"),
    ("gik-2019", "四、行政复议、行政诉讼及举报投诉情况", "政府信息公开行政复议、行政诉讼情况"),
    ("gik-2021", "四、行政复议案件为零", "政府信息公开行政复议、行政诉讼情况"),
    ("legacy", "四、依申请公开情况（含行政复议）", "依申请公开政府信息情况"),  # the words that lead decide
])
def test_a_heading_that_starts_with_the_review_words_is_the_review_section(template, heading, section):
    # a heading run into its first sentence (2018_dongsheng.txt: 六、行政复议案件为零；…) names its
    # section by its first words (the first heading's ordinal is at most 四: here it stands first)
    doc = read_bytes(f"某某区人民政府政府信息公开工作年度报告\n{heading}\n".encode(), "x.txt")
    [m] = match_sections(doc, set(), load_template(template))
    assert m.template_section == section
