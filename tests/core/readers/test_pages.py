"""readers/pages.py: a text taken from a paged file — pdftotext's, its pages ended by form feeds,
or a PDF's text copied out — its pages' numbers, running headers and footers found and blanked."""

from __future__ import annotations

import random

import pytest

from gik_tui.core import synth
from gik_tui.core.document import PAGE_BREAK, unify_newlines
from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.readers.pages import furniture

SAMPLES = "sample_reports/"
AGENCY = "成都市武侯区人民政府"


def _paged(text: str, every: int, footer: str, header: str | None, feed: bool, start: int = 1) -> str:
    """`text` with a page break every `every` lines: the page's footer (`{p}` its number, `{n}` the
    pages'; centred on the line when it opens with ^), a form feed when `feed`, the next page's
    running header."""
    lines = text.split("\n")
    n = len(lines) // every + 1
    out, p = [], start
    for i, line in enumerate(lines):
        if i and i % every == 0:
            f = footer.format(p=p, n=n)
            out.append(" " * (40 - len(f[1:]) // 2) + f[1:] if f.startswith("^") else f)  # (^: centred, pdftotext -layout)
            p += 1
            if feed:
                out.append("\f")
            if header:
                out.append(header)
        out.append(line)
    return "\n".join(out)


def _values(ex) -> dict:
    return {c.key: (c.value, c.confidence) for c in ex.cells}


FOOTERS = ["{p}", "{p} / {n}", "- {p} -", "第{p}页 共{n}页", "·{p}·", "^{p}"]


@pytest.mark.parametrize("name, every", [("2019_lusong.txt", 37), ("2018_dongsheng.txt", 37), ("2020_huaiyin.txt", 15)])
@pytest.mark.parametrize("footer", FOOTERS)
@pytest.mark.parametrize("feed", [True, False])
def test_a_sample_with_its_pages_furniture_reads_as_without(name, every, footer, feed):
    """A sample report (its tables a cell a line, or a row a line) with a page's number and the
    agency's running header every few lines, with pdftotext's form feeds or none, reads cell for cell as the
    report alone — before, a bare number or `3 / 12` before the header was read as a cell (lusong:
    20 cells wrong at full confidence, the rows after it shifted) — and with form feeds its pages
    are known."""
    text = open(SAMPLES + name, encoding="utf-8").read()
    want = _values(extract(read_bytes(text.encode(), name)))
    doc = read_bytes(_paged(text, every, footer, AGENCY, feed).encode(), name)
    assert _values(extract(doc)) == want
    assert any("running headers or footers left out" in note for note in doc.notes)
    assert AGENCY not in doc.text
    if feed:
        assert len(doc.pages) == text.count("\n") // every + 1 and doc.text[doc.pages[1]] == PAGE_BREAK


@pytest.mark.parametrize("feed", [True, False])
def test_a_centred_page_number_of_more_digits_is_one_of_them(feed):
    """pdftotext -layout centres a page's number: page 10's stands a space further left than page
    9's. Its line is of the others' form still (before, the one page of two digits was read as the
    cell of the row it broke, at full confidence)."""
    text = open(SAMPLES + "2019_lusong.txt", encoding="utf-8").read()
    paged = _paged(text, 40, "^{p}", AGENCY, feed)
    assert "\n" + " " * 39 + "10\n" in paged
    assert _values(extract(read_bytes(paged.encode(), "2019_x.txt"))) == _values(extract(read_bytes(text.encode(), "2019_x.txt")))


@pytest.mark.parametrize("seed", range(8))
def test_synthetic_reports_with_pages_never_give_a_wrong_figure(seed):
    """Synthetic reports whose tables stand a cell a line (with and without bars, blank lines
    between), their noughts written as dashes, with a page's bare number and a running header
    every 20–60 lines, form feeds or none: no cell filled with a figure the report does not give
    it (before: 98 cells wrong in 15 of 180 such reports, most at full confidence)."""
    rng = random.Random(seed)
    for i, layout in enumerate("abl"):
        rep = synth.make_report(i, seed=seed, layout=layout, shape="real", figures="dashes")
        text = rep.render().decode(rep.encoding)
        header = rng.choice([rep.agency, None])  # (none: a bare number the pages do not tell from a cell)
        paged = _paged(text, rng.randint(20, 60), rng.choice(FOOTERS), header, header is not None and rng.random() < 0.5)
        for c in extract(read_bytes(paged.encode(), rep.filename)).cells:
            if c.value is not None and c.confidence >= 0.9:
                assert c.value == rep.values[c.key], (layout, c.key, c.raw, c.line)


@pytest.mark.parametrize("feed", [True, False])
@pytest.mark.parametrize("header", ["株洲市芦淞区人民政府2019年政府信息公开年度报告", "株洲市芦淞区人民政府 2019年政府信息公开年度报告",
                                    "2019年度政府信息公开工作报告"])
def test_a_running_header_with_the_reports_year_goes_with_the_page_numbers(header, feed):
    """The report's title (its year in it) as every page's running header, a bare number before
    it: both go, the title itself stays — before, a header with a figure in it was taken for
    no header, and the pages' numbers beside it were read as cells or their rows offered."""
    text = open(SAMPLES + "2019_lusong.txt", encoding="utf-8").read()
    doc = read_bytes(_paged(text, 37, "{p}", header, feed).encode(), "x.txt")
    ex = extract(doc)
    assert _values(ex) == _values(extract(read_bytes(text.encode(), "x.txt")))
    assert ex.agency == "株洲市芦淞区人民政府" and doc.text.count(header) == text.count(header)


def test_the_title_that_the_running_header_repeats_stays():
    """The report's title split, its agency's name alone on the first line, which every later page
    repeats as its running header: the later ones go, the title stays (its agency is read)."""
    text = open(SAMPLES + "2019_lusong.txt", encoding="utf-8").read()
    agency = "株洲市芦淞区人民政府"
    titled = f"{agency}\n2019年政府信息公开工作年度报告\n" + text.replace(f"{agency}2019年政府信息公开年度报告", "")
    doc = read_bytes(_paged(titled, 37, "{p}", agency, True).encode(), "x.txt")
    assert doc.text.count(agency) >= 1 and doc.text.split("\n")[1] == agency
    assert extract(doc).agency == agency


def test_form_feeds_are_page_breaks_of_their_own():
    assert unify_newlines("a\fb\r\nc\f", pages=True) == "a\n\f\nb\nc\n\f\n"
    assert unify_newlines("a\fb", pages=False) == "a\nb"
    doc = read_bytes("一、总体情况\n正文\f二、主动公开政府信息情况\n正文\f".encode(), "x.txt")
    assert doc.pages == (0, doc.text.index("\f\n二")) and doc.page_of(doc.text.index("二、")) == 2


def _lines(block: list[str], pages: int, number, header: str | None) -> list[str]:
    out = []
    for p in range(1, pages + 1):
        out += block
        out.append(number(p))
        if header:
            out.append(header)
    return out


def test_page_numbers_are_found_only_where_the_pages_say_so():
    body = [f"第{k}行的文字，没有数字。" for k in range(14)]
    # a bare number beside a running header at every page: both furniture
    lines = _lines(body, 4, str, AGENCY)
    assert {lines[i] for i in furniture(lines)} == {"1", "2", "3", "4", AGENCY}
    # a bare number alone where it is the text's only one: its page numbers
    lines = _lines(body, 3, str, None)
    assert {lines[i] for i in furniture(lines)} == {"1", "2", "3"}
    # bare figures among others (a table a cell a line) with nothing beside them: none
    cells = body[:6] + ["3", "0", "1"] + body[6:]
    lines = _lines(cells, 3, str, None)
    assert furniture(lines) == set()
    # a figure one more than the same label's the first time, a report written twice: no page
    report = body + ["(一)予以公开", "3", "(二)部分公开"] + body
    lines = report + ["(一)予以公开", "4", "(二)部分公开"] + body
    assert furniture(lines) == set()
    # a header's words beside a number that are also a row's label elsewhere: no running header
    lines = _lines(body, 3, str, "其他") + ["其他", "7"]
    assert {lines[i] for i in furniture(lines)} <= {"1", "2", "3"} and "其他" not in {lines[i] for i in furniture(lines)}
    # a unit after a count is a cell's, not a page's form: 5件 … 6件 a page apart stay
    lines = [*body, "5件", *body, "6件", *body]
    assert furniture(lines) == set()
    # a label with its figure (a report written twice, 1 then 2) is a row, not a footer's words and number
    lines = [*body, "政府集中采购 1", *body, "政府集中采购 2", *body]
    assert furniture(lines) == set()
    lines = [*body, "芦淞区政府信息公开年报 1", *body, "芦淞区政府信息公开年报 2", *body]
    assert {lines[i] for i in furniture(lines)} == {"芦淞区政府信息公开年报 1", "芦淞区政府信息公开年报 2"}
    # a figure with a cell's separator beside it and words after (a table a cell a line, `2 |[注]`,
    # a note or a stray mark in the cell after it): a table's cells, however far apart, never a footer
    for a, b in (("2 |[bold]", "3 |[bold]"), ("2 | 说明如下", "3 | 说明如下"), ("2\t说明如下", "3\t说明如下"),
                 ("说明如下 | 2", "说明如下 | 3")):
        lines = [*body, a, *body, *body, b, *body]
        assert furniture(lines) == set(), (a, b)
    # a figure with words after it on many lines, most of them no page's number (0（见附注） on six
    # lines, 1（见附注） and 2（见附注） far apart among them): cells, not a footer's words and numbers
    cells = ["0（见附注）"] * 6
    lines = [*body, "1（见附注）", *cells[:3], *body, *body, *cells[3:], "2（见附注）", *body]
    assert furniture(lines) == set()
    lines = [*body, "1（见附注）", *body, *body, "2（见附注）", *body]  # (alone, they may be: a footer's)
    assert len(furniture(lines)) == 2


def test_a_number_sign_the_text_writes_is_no_page_number():
    """Found by the mutated-report property: a text opening with lines of `#` (a page's markdown
    left in): `#` is how a line's shape writes its figures, and these lines were taken for bare page
    numbers and read as figures — a traceback, `invalid literal for int()`."""
    body = [f"第{k}行的文字，没有数字。" for k in range(14)]
    assert furniture(["#", "#", "登录 注册", *body]) == set()
    assert furniture(["# 1", *body, "# 2", *body, "# 3", *body]) == set()
    # a bare number with a control character after it that str.split takes for a space (0\x1f): read as
    # its number, never int() of the whole line — a traceback before
    assert furniture(["0\x1f", "0\x1f", "登录 注册", *body]) == set()
    assert len(furniture(["1\x1f", *body, "2\x1f", *body, "3\x1f", *body])) == 3
    ex = extract(read_bytes(("#\n#\n" + open(SAMPLES + "2016_dongchang.txt", encoding="utf-8").read()).encode(),
                            "2016_dongchang.txt"))
    assert ex.year == 2016


def test_a_cell_with_a_mark_after_it_twice_is_not_taken_for_page_numbers():
    """Found by a probe: a table a cell a line (`0 |`), two of whose cells, far apart, had the same
    stray mark after them (`2 |[bold]`, `3 |[bold]`): read as a footer's words and a page number, the
    3 was left out of the review table and every cell after it read one column early, at full
    confidence. They are cells: each figure stands where it was written."""
    rep = synth.make_report(81, seed=4, layout="a", shape="real", encoding="utf-8")
    lines = rep.render().decode("utf-8").split("\n")
    assert (lines[42], lines[287]) == ("2 |", "3 |")  # (a cell of the requests table, one of the review table's)
    lines[42] += "[bold]"
    lines[287] += "[bold]"
    ex = extract(read_bytes("\n".join(lines).encode(), rep.filename))
    assert not [n for n in ex.warnings if "left out" in n]
    got = _values(ex)
    wrong = [k for k, v in rep.values.items() if got[k][0] is not None and got[k][0] != v]
    assert not wrong, [(k, got[k], rep.values[k]) for k in wrong]


def _glued_pages(text: str, every: int, footer: str, header: str) -> str:
    """`text` run together, with a page's footer and the next page's header glued in about every
    `every` characters, where two Chinese characters meet (inside a label as often as not)."""
    out, p, i = [], 1, 0
    while i < len(text):
        j = min(len(text), i + every)
        while j < len(text) and not ("\u4e00" <= text[j - 1] <= "\u9fff" and "\u4e00" <= text[j] <= "\u9fff"):
            j += 1
        out.append(text[i:j])
        if j < len(text):
            out.append(footer.format(p=p, n=9) + header)
            p += 1
        i = j
    return "".join(out)


@pytest.mark.parametrize("name", ["2020_huaiyin_glued.txt", "2020_huaiyin_oneline.txt"])
@pytest.mark.parametrize("footer", ["{p}", "- {p} -", "{p}/{n}", "第{p}页共{n}页", "年度报告·{p}·"])
def test_pages_glued_into_a_text_run_together_are_cut_out(name, footer):
    """The glued examples (a page's text taken with no separators) with a page's number and the
    agency's running header glued in every 400 characters, inside labels too (…在线访1淮安市淮阴区人民政府谈数…):
    they read cell for cell as the example alone, and say what was cut. Before, a label cut so was
    read as the label written short with the page's number its figure (16 cells wrong at 0.9 in 14
    of 90 synthetic glued reports)."""
    text = open(f"tests/data/examples/{name}", encoding="utf-8").read()
    want = _values(extract(read_bytes(text.encode(), name)))
    doc = read_bytes(_glued_pages(text, 400, footer, "淮安市淮阴区人民政府").encode(), name)
    assert _values(extract(doc)) == want
    assert any("glued into the text cut out" in note for note in doc.notes)
    assert doc.text.count("淮安市淮阴区人民政府") == text.count("淮安市淮阴区人民政府")


@pytest.mark.parametrize("seed", range(3))
def test_synthetic_glued_reports_with_pages_never_give_a_wrong_figure(seed):
    """Synthetic glued reports (three layouts, every format) with pages' numbers and headers glued
    in every 250–400 characters: no cell filled with a figure the report does not give it."""
    rng = random.Random(seed)
    for i, layout in enumerate("fgs" * 2):
        rep = synth.make_report(i, seed=seed, layout=layout, shape="real")
        text = rep.render().decode(rep.encoding)
        glued = _glued_pages(text, rng.randint(250, 400), rng.choice(FOOTERS[:-1]), rep.agency)
        for c in extract(read_bytes(glued.encode(), rep.filename)).cells:
            if c.value is not None and c.confidence >= 0.9:
                assert c.value == rep.values[c.key], (layout, c.key, c.raw)


def test_glued_words_after_figures_are_furniture_only_where_the_pages_say_so():
    from gik_tui.core.readers.pages import glued_furniture

    body = "本年度我单位认真贯彻落实条例不断提升政府工作透明度" * 12
    header = "淮安市淮阴区人民政府"
    pages = ["二、主动公开", "三、收到和处理", "（一）予以公开"]
    line = "".join(f"{body}{p}{header}{pages[p - 1]}{body}" for p in range(1, 4))
    spans = glued_furniture(line)
    assert [line[a:b] for a, b in spans] == [f"{p}{header}" for p in range(1, 4)]
    # the same text after each number far past a header's length: the report's own (numbered paragraphs)
    assert glued_furniture("".join(f"{body}第{p}段{body}" for p in range(1, 4))) == []
    # the header standing elsewhere too: the report's words, not a page's
    assert glued_furniture(line + header + "的报告") == []
    # a report written twice, a figure one more before the same label the second time: no pages
    report = body + "申请数量3不予公开属于国家秘密" + body
    assert glued_furniture(report + report.replace("数量3", "数量4")) == []
    # figures glued before the number: the figure's, never cut
    assert glued_furniture("".join(f"{body}7{p}{header}" for p in range(1, 4))) == []


def test_a_hostile_text_of_many_numbered_words_is_searched_in_bounded_time(monkeypatch):
    """A megabyte run together of figures each before words of their own, a page's worth apart,
    or before a few words again and again: at most _MOST_TRIED sets of words are searched for a
    run of pages (each search reads the whole text)."""
    from gik_tui.core.readers import pages

    searched = []
    chain = pages._chain
    monkeypatch.setattr(pages, "_chain", lambda *a, **k: searched.append(1) or chain(*a, **k))
    for line in ("".join("他" * 200 + str(p % 999 + 1) + chr(0x4E00 + p) * 6 for p in range(1, 5000)),
                 "".join("他" * 200 + str(p % 999 + 1) + chr(0x4E00 + p % 40) * 6 for p in range(1, 5000))):
        searched.clear()
        pages.glued_furniture(line)
        assert len(searched) <= pages._MOST_TRIED


@pytest.mark.parametrize("layout", list("abcdhl"))
def test_two_reports_in_one_file_have_no_pages_furniture(layout):
    """Two synthetic reports of one format in one file (and one report written twice): each label
    stands twice, a row's first figure beside it — 1 in the first, 2 in the second is no page's
    number beside a running header (before the labels were kept out, 22 of 270 such files lost
    cells so, the row numbers' 1.属于国家秘密 taken for a header with a figure)."""
    for seed in range(10):
        a = synth.make_report(3, seed=seed, template_id="gik-2019", layout=layout)
        b = synth.make_report(4, seed=seed, template_id="gik-2019", layout=layout)
        ta, tb = a.render().decode(a.encoding), b.render().decode(b.encoding)
        for text in (ta + "\n\n" + tb, ta + "\n\n" + ta):
            doc = read_bytes(text.encode(), "2019_x.txt")
            assert not any("left out" in note for note in doc.notes), (seed, doc.notes)


def test_a_report_with_no_pages_has_no_pages_furniture():
    """Clean synthetic reports of every layout, figure style and shape: nothing is taken for a
    page's furniture — a change's sign on one side, -1 then -2 a few lines apart in a table written
    a cell a line, was once taken for a page's number (− on one side only is no page's form)."""
    for seed, shape in ((1, "real"), (2, "real"), (3, "uniform")):
        for i in range(40):
            for layout in synth.LAYOUTS:
                for figures in ("plain", "dashes"):
                    rep = synth.make_report(i, seed=seed, layout=layout, figures=figures, shape=shape)
                    doc = read_bytes(rep.render(), rep.filename)
                    assert not any("left out" in n or "cut out" in n for n in doc.notes), (seed, i, layout, doc.notes)
