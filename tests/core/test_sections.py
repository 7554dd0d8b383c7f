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
