"""readers/text.py: plain text — its encoding, and a text hard-wrapped at a fixed width."""

from __future__ import annotations

import pytest

from gik_tui.core import synth
from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.readers.text import unwrap

GLUED = "tests/data/examples/2020_huaiyin_glued.txt"


def _wrapped(text: str, width: int) -> str:
    return "\n".join(line[k:k + width] if line else "" for line in text.split("\n")
                     for k in (range(0, len(line), width) if line else [0]))


@pytest.mark.parametrize("width", [40, 57, 76, 80, 100])
def test_a_glued_report_wrapped_at_a_fixed_width_reads_as_unwrapped(width):
    """The glued example cut every N characters (`…申请数量1710\\n00018…`, a figure cut in two): its
    lines are joined again, and it reads exactly as on one line — before, a figure cut by the wrap
    was read as two cells: 行政强制 3 | 1373 read 31 | 373, at 0.9 (widths 76 and 100)."""
    one = open(GLUED, encoding="utf-8").read().replace("\n", "")
    want = {c.key: c.value for c in extract(read_bytes(one.encode(), "2020_x.txt")).cells}
    ex = extract(read_bytes(_wrapped(one, width).encode(), "2020_x.txt"))
    assert {c.key: c.value for c in ex.cells} == want
    assert any(f"wrapped every {width} characters" in w for w in ex.warnings)


@pytest.mark.parametrize("layout", ["f", "g", "s"])
def test_synthetic_glued_reports_wrapped_never_give_a_wrong_figure(layout):
    """Synthetic glued reports (3 formats) wrapped at 60 and 100 characters read as unwrapped
    (before: 4–6 figures wrong at 0.9 in 9 reports, per layout)."""
    for i in range(3):
        rep = synth.make_report(i, seed=41, template_id=("legacy", "gik-2019", "gik-2021")[i], layout=layout)
        text = rep.render().decode(rep.encoding or "utf-8")
        want = {c.key: c.value for c in extract(read_bytes(text.encode(), rep.filename)).cells}
        for width in (60, 100):
            ex = extract(read_bytes(_wrapped(text, width).encode(), rep.filename))
            assert {c.key: c.value for c in ex.cells} == want, (layout, i, width)


@pytest.mark.parametrize("width", [300, 500])
def test_a_glued_report_wrapped_into_a_few_wide_lines_reads_as_unwrapped(width):
    """A report run onto one line, then cut every 300 or 500 characters: three to five lines, too few
    to be told wrapped by their number — at that width, two or more and half the lines are enough.
    (Before: a synthetic legacy report cut at 500 read 2651 for 主动公开政府信息数 265, the next
    row's number 1. run into it, at 0.9.)"""
    rep = synth.make_report(5, seed=5, template_id="legacy", layout="g", encoding="utf-8", shape="real")
    one = rep.render().decode("utf-8").replace("\n", "")
    assert 2 * width < len(one) < 5 * width  # (1,461 characters)
    want = {c.key: c.value for c in extract(read_bytes(one.encode(), rep.filename)).cells}
    ex = extract(read_bytes(_wrapped(one, width).encode(), rep.filename))
    assert {c.key: c.value for c in ex.cells} == want
    assert want[("stats", ("主动公开情况", "主动公开政府信息数"), ("统计数",))] == 265
    assert any(f"wrapped every {width} characters" in w for w in ex.warnings)


def test_unwrap_joins_only_the_lines_cut_at_the_width():
    text = "一" * 40 + "\n" + "二" * 40 + "\n" + "三" * 12 + "\n" + "四" * 40 + "\n" + "五" * 40 + "\n" + "六" * 40 + "\n七"
    joined, width = unwrap(text)
    assert width == 40 and joined == "一" * 40 + "二" * 40 + "三" * 12 + "\n" + "四" * 40 + "五" * 40 + "六" * 40 + "七"


@pytest.mark.parametrize("text", [
    "\n".join(["一二三四五六七八九十" * 4] * 3),  # too few lines of the width
    "\n".join(["统计指标          单位   统计数"] * 10),  # a table padded to one width: its spaces
    "\n".join(["规章 | 5 | 6 | 7 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"] * 10),  # a table's rows
    "\n".join(["短行"] * 20),  # narrower than a wrap
    "\n".join(["一" * 50] * 6 + ["二" * 51]),  # a longer line than the rest
    "\n".join(["一" * 120, "二" * 80, "三" * 120, "四" * 60, "五" * 90]),  # wide, but two of five at the width
    "一" * 300 + "\n" + "二" * 200,  # one line at the width: a paragraph and a shorter one
])
def test_a_text_that_is_not_wrapped_is_left_as_it_is(text):
    assert unwrap(text) == (text, None)


def test_the_sample_reports_are_not_taken_for_wrapped():
    import os

    for name in sorted(os.listdir("sample_reports")):
        text = open(os.path.join("sample_reports", name), encoding="utf-8").read()
        assert unwrap(text) == (text, None), name


SAMPLES = ("2018_dongsheng.txt", "2019_lusong.txt", "2020_huaiyin.txt")


def _cells(text: str, name: str):
    ex = extract(read_bytes(text.encode("utf-8"), name))
    return {c.key: c.value for c in ex.cells}, ex.warnings


@pytest.mark.parametrize("end", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_every_character_that_ends_a_line_ends_one(end):
    """Lines ended by U+2028 or U+2029 (text taken through JavaScript), NEL, a vertical tab (Word's
    line break, copied) or a form feed (a page break): the samples read exactly as with "\\n" —
    lusong, one cell per line, had read nothing with U+2028."""
    for name in SAMPLES:
        text = open(f"sample_reports/{name}", encoding="utf-8").read()
        assert _cells(text.replace("\n", end), name)[0] == _cells(text, name)[0], name


@pytest.mark.parametrize("how", ["empty", "every space", "numbers"])
def test_html_character_references_in_a_text_are_the_characters_they_stand_for(how):
    """A page's source saved as text keeps its references: `| &nbsp; |` for an empty cell, `&nbsp;`
    for every space, `1&#12289;` for 1、. Each is read as its character, and the reading says so;
    the samples read exactly as without them (huaiyin had lost 156 of its 198 figures to `&nbsp;`
    in its empty cells, 21 to `&#12289;`)."""
    change = {"empty": lambda t: t.replace("| |", "| &nbsp; |"), "every space": lambda t: t.replace(" ", "&nbsp;"),
              "numbers": lambda t: t.replace("、", "&#12289;").replace("（", "&#xFF08;")}[how]
    for name in SAMPLES:
        text = open(f"sample_reports/{name}", encoding="utf-8").read()
        if change(text) == text:
            continue
        got, warnings = _cells(change(text), name)
        assert got == _cells(text, name)[0], name
        assert any("HTML character reference(s)" in w for w in warnings), name
    # (an ampersand that is no reference is left as it is, and nothing is said)
    plain = read_bytes("某县2019年政府信息公开工作年度报告\nR&D; A&B 共12件&\n".encode(), "x.txt")
    assert "R&D; A&B 共12件&" in plain.text and not plain.notes


@pytest.mark.parametrize("tag", ["<br>", "<br/>", "<BR />"])
def test_a_br_tag_in_a_text_ends_its_line(tag):
    """A piece of a page saved as text, each line ending in <br> (or its lines run on, joined by
    <br/>), and no <html> or <table> tag: each <br> is a line's end, so its lines are lines again
    (huaiyin had kept 15 of its 198 figures, lusong none)."""
    for name in SAMPLES:
        text = open(f"sample_reports/{name}", encoding="utf-8").read()
        assert _cells(text.replace("\n", tag + "\n"), name)[0] == _cells(text, name)[0], name
        assert _cells(text.replace("\n", tag), name)[0] == _cells(text, name)[0], name


def test_two_long_lines_of_one_length_one_ending_in_a_space_are_no_wrap():
    """A glued legacy report cut once by a line end with a space before it (`…次数次12 ` / `.政府网站…`,
    the row number 2 parted from its mark), its two lines by chance of one length (730): no text
    wrapped at a width — joined, the space kept, 12 was read for the row's 1 at 0.9 (found by the
    property test of line cuts at row numbers)."""
    rep = synth.make_report(85, seed=3, layout="g", template_id="legacy")
    text = rep.render().decode(rep.encoding)
    cut = text.index("次数次12.政府网站") + len("次数次12")
    cut_text = text[:cut] + " \n" + text[cut:]
    assert [len(line) for line in cut_text.split("\n")] == [730, 730, 0]
    assert unwrap(cut_text) == (cut_text, None)
    ex = extract(read_bytes(cut_text.encode(), rep.filename))
    got = {c.row[-1]: c.value for c in ex.cells if c.row}
    assert got["主要负责同志参加新闻发布会次数"] == rep.values[next(k for k in rep.values if k[1][-1] == "主要负责同志参加新闻发布会次数")]
