"""core/ocr_check.py: a figure recognised in a picture is kept only where the identities confirm it.

No OCR engine is needed here: a real report's text, marked as recognised (Document.ocr_pages),
goes through the same checks as a recognised page does."""

from __future__ import annotations

from gik_tui.core.document import Document
from gik_tui.core.extract import extract
from gik_tui.core.model import Cell
from gik_tui.core.ocr_check import _twins_hold, variants

from ..conftest import SAMPLES

HUAIYIN = (SAMPLES / "2020_huaiyin.txt").read_text(encoding="utf-8")
ROW1 = "一、本年新收政府信息公开申请数量 | 17 | 1 | 0 | 0 | 0 | 0 | 18 |"
NEW = ("requests", ("本年新收政府信息公开申请数量",))


def recognised(text: str):
    return extract(Document("scan.png", text, "0" * 64, "picture", pages=(0,), ocr_pages=frozenset({1})))


def plain(text: str):
    return extract(Document("scan.txt", text, "0" * 64, "utf-8"))


def test_a_recognised_figure_is_kept_only_where_the_identities_confirm_it():
    assert ROW1 in HUAIYIN
    truth = {c.key: c.value for c in plain(HUAIYIN).cells}
    ex = recognised(HUAIYIN)
    kept = [c for c in ex.cells if c.value is not None]
    # every figure kept is the text's, marked as recognised; none is kept from a table no identity covers
    assert kept and all(c.value == truth[c.key] and c.method == "ocr" for c in kept)
    assert len([c for c in kept if c.table == "requests"]) >= 60
    assert not [c for c in kept if c.table == "active"]  # 主动公开 has no identity: nothing confirms it
    active = ex.cell("active", ("第二十条第（一）项", "规章"), ("本年新制作数量",))
    assert active.value is None and active.candidates[0][0] == truth[active.key] and active.method == "ocr"
    offer = ex.offers[active.key]
    assert not offer.decided and "not confirmed" in offer.choices[0][2]  # enter never takes a reading alone
    assert any("figures recognised in a picture" in w for w in ex.warnings)


def test_a_misread_digit_is_left_blank_and_the_identities_put_the_right_reading_first():
    ex = recognised(HUAIYIN.replace(ROW1, ROW1.replace("| 18 |", "| 16 |")))
    total = ex.cell(*NEW, ("总计",))
    assert total.value is None
    offer = ex.offers[total.key]
    assert offer.choices[0][0] == 18 and "identities" in offer.choices[0][2] and offer.decided
    assert 16 in [v for v, _ in total.candidates]  # the reading stays an offer
    # the row's other figures take part in the failing sum: not kept, their readings first, enter takes none
    first = ex.cell(*NEW, ("自然人",))
    assert first.value is None and first.candidates[0][0] == 17 and not ex.offers[first.key].decided


def test_a_figure_the_engine_did_not_see_gets_what_the_identities_leave():
    ex = recognised(HUAIYIN.replace(ROW1, ROW1.replace("| 17 | 1 |", "| 17 |  |")))
    cell = ex.cell(*NEW, ("法人或其他组织", "商业企业"))
    assert cell.value is None and cell.candidates[0][0] == 1
    assert ex.offers[cell.key].decided and "identities leave" in ex.offers[cell.key].choices[0][2]


def test_the_one_confusable_reading_that_mends_a_failing_sum_is_offered_first():
    # 17 + 7 ≠ 18: 7 read for a 1 mends the row (and its column); no reading of 18 or 17 does
    ex = recognised(HUAIYIN.replace(ROW1, ROW1.replace("| 17 | 1 |", "| 17 | 7 |")))
    total = ex.cell(*NEW, ("总计",))
    part = ex.cell(*NEW, ("法人或其他组织", "商业企业"))
    assert total.value is None and part.value is None
    fix = ex.offers[part.key].choices[0]
    assert fix[0] == 1 and "identities" in fix[2] and ex.offers[part.key].decided
    # the total is in the failing sum too: its reading first, and enter does not take it
    assert ex.offers[total.key].choices[0][0] == 18 and not ex.offers[total.key].decided


def test_when_two_figures_of_a_failing_sum_could_each_mend_it_neither_goes_in_on_enter():
    # 18 + 0 … ≠ 16: the total may be an 18 read as 16, or the first figure a 16 read as 18; the
    # columns cannot tell (their carried-over cells were not recognised): both offered, neither decided
    row1 = "一、本年新收政府信息公开申请数量 | 18 | 0 | 0 | 0 | 0 | 0 | 16 |"
    row2 = "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    assert row2 in HUAIYIN
    text = HUAIYIN.replace(ROW1, row1).replace(row2, "二、上年结转政府信息公开申请数量 |  | 0 | 0 | 0 | 0 | 0 |  |")
    ex = recognised(text)
    first = ex.offers[(*NEW, ("自然人",))]
    total = ex.offers[(*NEW, ("总计",))]
    assert 16 in [v for v, _, _ in first.choices] and 18 in [v for v, _, _ in total.choices]
    assert not first.decided and not total.decided


def test_an_identity_that_would_hold_as_well_with_a_digit_confused_throughout_confirms_nothing():
    def cell(key, raw):
        return Cell("t", (key,), ("c",), int(raw), raw)

    read = {"t": cell("t", "18"), "a": cell("a", "10"), "b": cell("b", "8")}
    keys = {k: c.key for k, c in read.items()}
    eq = ((keys["t"], 1), (keys["a"], -1), (keys["b"], -1))  # 18 = 10 + 8 … and 16 = 10 + 6
    by_key = {c.key: c for c in read.values()}

    def total(eq, changed):
        return sum(coef * changed.get(k, by_key[k].value) for k, coef in eq)

    assert _twins_hold(eq, list(by_key), by_key, total)
    read["t"] = cell("t", "25")
    read["a"] = cell("a", "12")
    read["b"] = cell("b", "13")  # 25 = 12 + 13: no confusion of one digit keeps it true
    by_key = {c.key: c for c in read.values()}
    assert not _twins_hold(eq, list(by_key), by_key, total)


def test_variants_are_the_confusable_readings():
    assert set(variants("18", 18)) >= {16, 10, 13, 78}
    assert variants("1o", 10) == [] or 10 not in variants("1o", 10)
    assert 0 in variants("o", None) and 24 not in variants("24", 24)


def test_a_report_with_no_recognised_page_is_not_touched():
    ex = plain(HUAIYIN)
    assert not ex.offers and all(c.method != "ocr" for c in ex.cells)
