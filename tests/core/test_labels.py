"""Label keys: numbering, notes, punctuation and footnote marks are no words of a label."""

from __future__ import annotations

import pytest

from gik_tui.core.labels import has_numbering, label_key, strip_numbering


@pytest.mark.parametrize("label, key", [
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"),
    ("3.危及“三安全一稳定”", "危及三安全一稳定"),
    ("其中：主动公开规范性文件数", "主动公开规范性文件数"),
    ("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
    ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "(本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和)"),  # all note: its words kept
    ("①规章", "规章"), ("② 规范性文件", "规范性文件"),  # a circled numbering (NFKC made 1规章 of it)
    ("3)危及“三安全一稳定”", "危及三安全一稳定"), ("3）危及“三安全一稳定”", "危及三安全一稳定"),  # numbered 3)
    # a footnote's mark after the label
    ("规章*", "规章"), ("规章※", "规章"), ("规章¹", "规章"), ("规章①", "规章"), ("规章⑵", "规章"),
    ("规章[1]", "规章"), ("规章［１］", "规章"), ("（七）总计²", "总计"), ("行政许可 *", "行政许可"),
    ("本年新收政府信息公开申请数量（注1）", "本年新收政府信息公开申请数量"),
    ("法律法规规定的其他情形[注1]", "法律法规规定的其他情形"), ("规章【注】", "规章"), ("规章【2】", "规章"),
    ("规章[bold]", "规章[bold]"),  # (words in brackets, markup or not, are no footnote's mark)
    ("行政复议1", "行政复议1"), ("2020", "2020"),  # a digit written plainly stays
])
def test_label_keys(label, key):
    assert label_key(label) == key


def test_numbering_is_stripped_repeatedly_and_found():
    assert strip_numbering("三、（一）1. 予以公开") == "予以公开"
    assert has_numbering("（三）不予公开") and not has_numbering("不予公开")


def test_the_number_a_label_is_numbered_with():
    from gik_tui.core.labels import numbering_value, ordinal

    assert [numbering_value(s) for s in ["（二）被依法纠错数", "二、主动公开", "4.不同意", "②其他", "12、x", "(十一)x", "3)x",
                                        "3）x"]] == [2, 2, 4, 2, 12, 11, 3, 3]
    assert numbering_value("2020)年") is None  # (a year is no row's number)
    assert [numbering_value(s) for s in ["无", "1.5万元", "总计", ""]] == [None, None, None, None]
    assert [ordinal(s) for s in ["一", "十", "十二", "二十", "三十四", "7", "甲"]] == [1, 10, 12, 20, 34, 7, 0]


def test_qita_written_either_way_is_one_word():
    assert label_key("5.其它方式公开政府信息数") == label_key("5.其他方式公开政府信息数") == "其他方式公开政府信息数"
    assert label_key("其它") == "其他" and label_key("它") == "它"
