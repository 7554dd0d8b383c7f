"""core/meta.py: the year a report is on, read from its title, period or tables."""

from __future__ import annotations

import re

import pytest

from gik_tui.core.extract import extract
from gik_tui.core.meta import digit_years, find_year_from
from gik_tui.core.readers import read_bytes


@pytest.mark.parametrize("written", ["二〇二〇", "二零二零", "二○二○"])
def test_a_year_written_in_chinese_numerals_is_the_reports_year(written):
    """A report that writes its year in Chinese numerals only (二〇二〇年政府信息公开工作年度报告): its year
    is read — before, none was ("no year found"), and its figures had no year in the queue and export."""
    text = open("sample_reports/2020_huaiyin.txt", encoding="utf-8").read().replace("2020", written)
    ex = extract(read_bytes(text.encode(), "huaiyin.txt"))
    assert (ex.year, ex.template) == (2020, "gik-2019") and not any("no year" in w for w in ex.warnings)
    legacy = open("sample_reports/2018_liuzhi.txt", encoding="utf-8").read().replace("2018", "二〇一八")
    assert extract(read_bytes(legacy.encode(), "liuzhi.txt")).year == 2018


def test_only_a_four_numeral_year_before_its_year_word_is_turned_into_digits():
    # (a year of this century has a nought: 一九九九年 is left as written)
    assert digit_years("二〇二〇年度 一九九九年 十二月 二〇二〇 零零零零年 二〇二一 年 二○一八年二零一九年") == \
        "2020年度 一九九九年 十二月 二〇二〇 零零零零年 2021 年 2018年2019年"
    assert find_year_from("某县人民政府二〇一九年政府信息公开工作年度报告") == (2019, "title")
    assert re.search("二", digit_years("二〇二〇年")) is None
