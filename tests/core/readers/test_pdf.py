"""PDF attachments: the sample reports' own figures written as PDFs (reportlab, ruled tables with
merged cells, the requests table running over a page break, running headers and page numbers)
come back cell for cell with their pages; what cannot be read says why in one line."""

from __future__ import annotations

import io
import re

import pytest

from gik_tui.core.extract import extract, extract_path
from gik_tui.core.readers import ReadError, read_bytes
from gik_tui.core.readers import pdf as pdf_reader
from gik_tui.core.synth import from_extraction, make_report

from ...conftest import SAMPLES

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))


def _pdf_of(rep):
    return read_bytes(rep.render(), rep.filename)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_sample_report_as_a_pdf_extracts_cell_for_cell_with_its_pages(name):
    truth = extract_path(SAMPLES / name)
    rep = from_extraction(truth, "p")
    doc = _pdf_of(rep)
    ex = extract(doc)
    assert (ex.template, ex.year, ex.agency) == (truth.template, truth.year, truth.agency)
    want = {c.key: c.value for c in truth.cells if c.value is not None}
    got = {c.key: c for c in ex.cells}
    assert {k: got[k].value for k in want} == want
    assert [c.key for c in ex.cells if c.value is not None and c.key not in want] == []  # nothing invented
    assert all(got[k].page in (2, 3) and got[k].method == "table" for k in want)
    for k in want:  # the page said is the page the figure is on
        c = got[k]
        assert doc.pages[c.page - 1] <= c.start < (doc.pages[c.page] if c.page < len(doc.pages) else len(doc.text))
    mapped = [s for s in ex.sections if s.template_section]
    assert len(mapped) == len(ex.sections) == (8 if truth.template == "legacy" else 6)
    assert [s.page for s in mapped][:2] == [1, 2]  # the file breaks the page before its second section
    assert ex.failing == [] or truth.failing  # no check fails that did not fail in the text


@pytest.mark.parametrize("template", ["gik-2019", "gik-2021", "legacy"])
def test_every_format_as_a_pdf(template):
    for i in range(3):
        rep = make_report(i, seed=7, template_id=template, layout="p")
        ex = extract(_pdf_of(rep))
        got = {c.key: c.value for c in ex.cells}
        assert {k: got[k] for k in rep.values} == rep.values, (template, i)
        assert not ex.failing


def test_a_table_over_a_page_break_is_one_table_and_a_repeated_header_is_dropped():
    seen_repeat = seen_plain = False
    for i in range(8):
        rep = make_report(i, seed=3, template_id="gik-2021", layout="p")
        data = rep.render()
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            raw = [p.extract_text() for p in pdf.pages]
        on_pages = [k for k, t in enumerate(raw) if "本年度办理结果" in t or "本年新收" in t]
        assert len(on_pages) == 2  # the file itself splits the requests table over two pages
        repeated = sum(t.count("申请人情况") for t in raw) == 2
        seen_repeat |= repeated
        seen_plain |= not repeated
        doc = read_bytes(data, rep.filename)
        assert len(doc.grids) == 3  # active, requests (joined), review
        requests = doc.grids[1]
        assert sum(1 for r in requests.rows if "申请人情况" in r) == 1  # the header once
        assert sum(1 for r in requests.rows if any(x.startswith(("一、本年新收", "三、本年度", "四、结转")) for x in r)) >= 3
        ex = extract(doc)
        pages = {c.page for c in ex.cells if c.table == "requests"}
        assert pages == {on_pages[0] + 1, on_pages[1] + 1}
        assert {k: v for k, v in ((c.key, c.value) for c in ex.cells) if k in rep.values} == rep.values
    assert seen_repeat and seen_plain


def test_running_headers_and_page_numbers_are_not_text():
    rep = make_report(2, seed=1, template_id="gik-2019", layout="p")
    doc = _pdf_of(rep)
    title = f"{rep.agency}{rep.year}年政府信息公开工作年度报告"
    assert doc.text.count(title) == 1  # the body's title; the running header on every page is gone
    lines = doc.text.split("\n")
    assert not [ln for ln in lines if re.fullmatch(r"[-—–\s]*\d+[-—–\s]*|第\s*\d+\s*页", ln)]
    assert lines.count("\f") == len(doc.pages) == 3
    assert [doc.text[p] for p in doc.pages] == ["\f"] * 3
    assert doc.page_of(0) == 1 and doc.page_of(len(doc.text) - 1) == 3


def _canvas_pdf(draw) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _requests_head(c, heading_at=(0,), top: float = 760) -> None:
    """A page's title at `top`, the requests table's heading (drawn at each shift in `heading_at`:
    more than one fakes bold) and its column headers, above rows drawn from `top` - 60 down."""
    c.setFont("STSong-Light", 10)
    c.drawString(60, top, "2020年政府信息公开工作年度报告")
    for dx in heading_at:
        c.drawString(60 + dx, top - 20, "三、收到和处理政府信息公开申请情况")
    for k, h in enumerate(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]):
        c.drawString(260 + 45 * k, top - 40, h[:4])


def _requests_rows(c, rows, top: float = 700) -> None:
    """Each (label, figures) a row, 20 points apart from `top` down, its figures in the columns of
    `_requests_head`."""
    for i, (label, values) in enumerate(rows):
        c.drawString(60, top - 20 * i, label)
        for k, v in enumerate(values):
            c.drawString(270 + 45 * k, top - 20 * i, str(v))


def test_chinese_text_spaced_out_in_the_pdf_reads_without_stray_spaces():
    def draw(c):
        t = c.beginText(60, 700)
        t.setFont("STSong-Light", 12)
        t.setCharSpace(4)  # justified or letter-spaced text: gaps pdfplumber would turn into spaces
        t.textLine("一、总体情况")
        t.textLine("本年度共收到申请 12 件，办结 2020 年结转申请。")
        c.drawText(t)

    doc = read_bytes(_canvas_pdf(draw), "spaced.pdf")
    assert doc.text.split("\n")[1:3] == ["一、总体情况", "本年度共收到申请 12 件，办结 2020 年结转申请。"]


def test_an_unruled_table_is_read_from_its_columns():
    rows = [("一、本年新收政府信息公开申请数量", [17, 1, 0, 0, 0, 0, 18]),
            ("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0])]

    def draw(c):
        _requests_head(c)
        _requests_rows(c, rows)

    doc = read_bytes(_canvas_pdf(draw), "unruled.pdf")
    assert "一、本年新收政府信息公开申请数量  17  1  0  0  0  0  18" in doc.text.split("\n")
    ex = extract(doc, "gik-2019")
    got = {c.row: [] for c in ex.cells}
    for c in ex.cells:
        if c.table == "requests" and c.row in (("本年新收政府信息公开申请数量",), ("上年结转政府信息公开申请数量",)):
            got[c.row].append(c.value)
    assert got[("本年新收政府信息公开申请数量",)] == [17, 1, 0, 0, 0, 0, 18]
    assert got[("上年结转政府信息公开申请数量",)] == [0] * 7


@pytest.mark.parametrize("shift", [0.2, 0.45, 0.7])
def test_bold_faked_by_drawing_each_character_twice_is_read_once(shift):
    """Word fakes bold for a Chinese font that has none by drawing each character again a
    fraction of a point to the right: the characters come twice. (Before: a bold total row read
    17 as 1177 — wrong figures at full confidence, 18 of 912 cells over six reports with a third
    of their lines bold.)"""
    rows = [("一、本年新收政府信息公开申请数量", [17, 1, 0, 0, 0, 0, 18], True),
            ("二、上年结转政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3], False)]

    def draw(c):
        _requests_head(c, (0, shift))  # (a bold heading)
        for i, (label, values, bold) in enumerate(rows):
            for dx in (0, shift) if bold else (0,):
                c.drawString(60 + dx, 700 - 20 * i, label)
                for k, v in enumerate(values):
                    c.drawString(270 + 45 * k + dx, 700 - 20 * i, str(v))

    doc = read_bytes(_canvas_pdf(draw), "bold.pdf")
    lines = doc.text.split("\n")
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert "一、本年新收政府信息公开申请数量  17  1  0  0  0  0  18" in lines
    ex = extract(doc, "gik-2019")
    got = {c.key[2][-1]: c.value for c in ex.cells if c.row == ("本年新收政府信息公开申请数量",)}
    assert list(got.values()) == [17, 1, 0, 0, 0, 0, 18]


@pytest.mark.parametrize("rise, small", [(3, 5), (2, 6), (4, 6)])
def test_a_footnotes_number_set_small_and_raised_is_a_mark_not_a_digit(rise, small):
    """A footnote's number after a figure (17¹) or a label (行政许可¹), drawn smaller and higher:
    read as shown, a mark. (Before: 17¹ was 171, or 1 became a figure of its own — 100 of 912
    cells wrong at full confidence over six reports with one figure in seven marked.)"""
    from reportlab.pdfbase import pdfmetrics

    rows = [("一、本年新收政府信息公开申请数量", [17, 1, 0, 0, 0, 0, 18], {0: "1", 6: "2"}),
            ("二、上年结转政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3], {1: "3"})]

    def draw(c):
        _requests_head(c)
        for i, (label, values, marks) in enumerate(rows):
            y = 700 - 20 * i
            c.setFont("STSong-Light", 10)
            c.drawString(60, y, label)
            c.setFont("STSong-Light", small)
            c.drawString(60 + pdfmetrics.stringWidth(label, "STSong-Light", 10) + 0.3, y + rise, "4")
            for k, v in enumerate(values):
                c.setFont("STSong-Light", 10)
                c.drawString(270 + 45 * k, y, str(v))
                if k in marks:
                    c.setFont("STSong-Light", small)
                    c.drawString(270 + 45 * k + pdfmetrics.stringWidth(str(v), "STSong-Light", 10) + 0.3, y + rise,
                                 marks[k])

    doc = read_bytes(_canvas_pdf(draw), "raised.pdf")
    assert "一、本年新收政府信息公开申请数量⁴  17¹  1  0  0  0  0  18²" in doc.text.split("\n")
    ex = extract(doc, "gik-2019")
    for label, values, _ in rows:
        got = [c.value for c in ex.cells if c.row == (label[2:],)]
        assert got == values


def _hide(c, how: str, x: float, y: float, text: str) -> None:
    """Draw `text` at (x, y) where no reader sees it: white on the white page, in render mode 3 (no
    ink; in a form XObject too), or placed off the page with its figures."""
    c.saveState()
    if how == "white":
        c.setFillColorRGB(1, 1, 1)
    elif how == "white-cmyk":
        c.setFillColorCMYK(0, 0, 0, 0)
    if how in ("invisible", "form"):
        t = c.beginText(0 if how == "form" else x, 0 if how == "form" else y)
        t.setFont("STSong-Light", 10)
        t.setTextRenderMode(3)
        t.textOut(text)
        t.setTextRenderMode(0)
        if how == "form":
            name = f"f{x:.0f}{y:.0f}"
            c.beginForm(name)
            c.drawText(t)
            c.endForm()
            c.translate(x, y)
            c.doForm(name)
        else:
            c.drawText(t)
    else:
        c.drawString(x, y, text)
    c.restoreState()


@pytest.mark.parametrize("how", ["white", "white-cmyk", "invisible", "form"])
def test_text_drawn_where_no_reader_sees_it_is_not_read(how):
    """A digit drawn white on the white page, with no ink (Tr 3) or inside a form with no ink,
    right after a figure (17 then a hidden 1), or a hidden row of figures and a hidden figure off
    the page: what the reader shows is read, and the note says how many characters were left out.
    (Before: 17 read 171 at full confidence, the hidden row's figures filled cells.)"""
    from reportlab.pdfbase import pdfmetrics

    rows = [("一、本年新收政府信息公开申请数量", [17, 1, 0, 0, 0, 0, 18]),
            ("二、上年结转政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3])]

    def draw(c):
        _requests_head(c)
        for i, (label, values) in enumerate(rows):
            y = 700 - 20 * i
            c.setFont("STSong-Light", 10)
            c.drawString(60, y, label)
            for k, v in enumerate(values):
                c.setFont("STSong-Light", 10)
                c.drawString(270 + 45 * k, y, str(v))
                if k in (0, 6):
                    _hide(c, how, 270 + 45 * k + pdfmetrics.stringWidth(str(v), "STSong-Light", 10), y, "1")
        _hide(c, how, 60, 660, "（一）予以公开  9  9  9  9  9  9  54")
        c.setFont("STSong-Light", 10)
        c.drawString(700, 640, "三、本年度办理结果  5  5  5")  # off the page (595 points wide)

    doc = read_bytes(_canvas_pdf(draw), "hidden.pdf")
    lines = doc.text.split("\n")
    assert "一、本年新收政府信息公开申请数量  17  1  0  0  0  0  18" in lines
    assert not any("予以公开" in ln or "办理结果" in ln for ln in lines)
    assert any(re.search(r"page 1: \d+ character\(s\) drawn where no reader sees them", n) for n in doc.notes)
    ex = extract(doc, "gik-2019")
    for label, values in rows:
        assert [c.value for c in ex.cells if c.row == (label[2:],)] == values
    assert all(c.value is None for c in ex.cells if c.row and "予以公开" in c.row[-1])


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_landscape_page_turned_by_rotate_reads_whole(turn):
    """A landscape table on a portrait page turned by /Rotate, its text drawn turned back so that
    it stands upright on screen: pdfminer places such characters turned, some off the page's box
    (left of it, turned 270°) — none of them is taken for text off the page. (Before the check
    knew this, a page turned 270° lost its labels.)"""
    rows = [("一、本年新收政府信息公开申请数量", [17, 1, 0, 0, 0, 0, 18]), ("二、上年结转政府信息公开申请数量", [3, 0, 0, 0, 0, 0, 3])]

    def draw(c):
        c.setPageRotation(turn)
        c.translate(*{90: (595, 0), 180: (595, 842), 270: (0, 842)}[turn])
        c.rotate(turn)
        _requests_head(c, top=560)
        _requests_rows(c, rows, top=500)

    doc = read_bytes(_canvas_pdf(draw), "turned.pdf")
    assert "一、本年新收政府信息公开申请数量  17  1  0  0  0  0  18" in doc.text.split("\n")
    assert not any("no reader sees" in n for n in doc.notes)
    ex = extract(doc, "gik-2019")
    for label, values in rows:
        assert [c.value for c in ex.cells if c.row == (label[2:],)] == values


def test_white_text_on_a_coloured_fill_and_no_ink_text_on_a_picture_are_read():
    """White on a shaded header row shows; a scan's recognised text layer (no ink, over its
    picture) is what the page says: both are read, and nothing is said missing."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def draw(c):
        c.setFont("STSong-Light", 10)
        c.drawString(60, 760, "2020年政府信息公开工作年度报告")
        c.setFillColorRGB(0.2, 0.3, 0.7)
        c.rect(55, 735, 300, 16, fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1)
        c.drawString(60, 740, "三、收到和处理政府信息公开申请情况")
        c.setFillColorRGB(0, 0, 0)
        c.drawImage(ImageReader(Image.new("L", (200, 40), 200)), 55, 690, 400, 30)
        t = c.beginText(60, 700)
        t.setFont("STSong-Light", 10)
        t.setTextRenderMode(3)
        t.textOut("本年新收申请 17 件")
        c.drawText(t)

    doc = read_bytes(_canvas_pdf(draw), "shown.pdf")
    lines = doc.text.split("\n")
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert "本年新收申请 17 件" in lines
    assert not any("no reader sees" in n for n in doc.notes)


@pytest.mark.parametrize("cover", ["white box", "coloured box"])
def test_a_figure_covered_by_a_box_drawn_over_it_is_not_read(cover):
    """A correction pasted over a figure: the old 17 drawn, a white (or any opaque) box drawn over
    it, the new 18 written on the box. The reader shows 18; the old figure is not read
    (before: 1718, or 17 and 18 side by side). A box drawn see-through, a picture (a seal), or a box
    drawn before the text (a shaded cell), hides nothing."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    def draw(c):
        _requests_head(c)
        c.drawString(60, 700, "一、本年新收政府信息公开申请数量")
        for k, v in enumerate([17, 1, 0, 0, 0, 0, 17]):
            c.drawString(270 + 45 * k, 700, str(v))
        for x in (270, 270 + 45 * 6):  # the correction: 17 → 18 in 自然人 and 总计
            c.setFillColorRGB(*((1, 1, 1) if cover == "white box" else (0.9, 0.9, 0.6)))
            c.rect(x - 2, 697, 16, 12, fill=1, stroke=0)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x, 700, "18")
        c.drawString(60, 680, "二、上年结转政府信息公开申请数量")
        c.setFillColorRGB(0.8, 0.8, 0.8)
        c.rect(268, 677, 16, 12, fill=1, stroke=0)  # a shaded cell: drawn before its figure
        c.setFillColorRGB(0, 0, 0)
        for k, v in enumerate([3, 0, 0, 0, 0, 0, 3]):
            c.drawString(270 + 45 * k, 680, str(v))
        c.setFillAlpha(0.3)
        c.rect(268 + 45 * 6, 677, 16, 12, fill=1, stroke=0)  # see-through, over the total
        c.setFillAlpha(1)
        seal = ImageReader(Image.new("RGBA", (20, 10), (220, 0, 0, 90)))  # a seal's see-through picture
        c.drawImage(seal, 268 + 45, 677, 16, 12, mask="auto")

    doc = read_bytes(_canvas_pdf(draw), "covered.pdf")
    lines = doc.text.split("\n")
    assert "一、本年新收政府信息公开申请数量  18  1  0  0  0  0  18" in lines
    assert "二、上年结转政府信息公开申请数量  3  0  0  0  0  0  3" in lines
    assert any("covered" in n for n in doc.notes)


@pytest.mark.parametrize("how", ["invisible", "white"])
def test_a_page_drawn_mostly_in_no_ink_or_white_keeps_its_text(how):
    """A page whose text is mostly drawn with no ink (a search layer over text drawn as outlines) or
    in white (on a background drawn in a way not looked into): that is the page's text — kept whole,
    nothing said missing."""
    def draw(c):
        c.setFont("STSong-Light", 10)
        c.drawString(60, 780, "第 1 页")
        for i, line in enumerate(["2020年政府信息公开工作年度报告", "一、总体情况", "本年度共收到申请 17 件。"]):
            _hide(c, how, 60, 740 - 20 * i, line)

    doc = read_bytes(_canvas_pdf(draw), "layer.pdf")
    assert "本年度共收到申请 17 件。" in doc.text.split("\n")
    assert not any("no reader sees" in n for n in doc.notes)


def test_characters_drawn_twice_are_found_and_distinct_ones_are_not():
    one = lambda t, x, top=100.0: {"text": t, "x0": x, "top": top}  # noqa: E731
    assert not pdf_reader._doubled([one("1", 10.0), one("1", 15.2), one("1", 10.0, 120.0), one("7", 10.1)])
    assert pdf_reader._doubled([one("1", 10.9), one("7", 16.0), one("1", 11.2)])
    assert pdf_reader._doubled([one("1", 10.4), one("1", 10.7)])


def _scanned() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    return _canvas_pdf(lambda c: c.drawImage(ImageReader(Image.new("RGB", (80, 40), "white")), 50, 500, 200, 100))


def _locked() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="secret")
    c.drawString(100, 700, "hello")
    c.showPage()
    c.save()
    return buf.getvalue()


GOOD = None


def _good() -> bytes:
    global GOOD
    if GOOD is None:
        GOOD = make_report(1, template_id="gik-2021", layout="p").render()
    return GOOD


def _unmapped_fonts() -> bytes:
    # the same report with its font's encoding made Identity-H (same length, so the file stays
    # whole): its codes no longer map to the characters drawn, as in PDFs whose fonts lack a map
    return _good().replace(b"/UniGB-UCS2-H", b"/Identity-H  ")


@pytest.mark.parametrize("make, says", [
    (_scanned, "no text layer — a scanned image; run OCR first"),
    (_unmapped_fonts, "the PDF's fonts do not say which characters they draw"),
    (_locked, "a password-protected PDF"),
    (lambda: _good()[:400], "a damaged PDF"),
    (lambda: b"%PDF-1.4\n" + b"\x00garbage" * 50, "a damaged PDF"),
])
def test_a_pdf_that_cannot_be_read_says_why_in_one_line(make, says):
    with pytest.raises(ReadError) as e:
        read_bytes(make(), "folder/report.pdf")
    msg = str(e.value)
    assert msg.startswith("folder/report.pdf: ") and says in msg and "\n" not in msg


def test_pages_past_the_cap_are_left_out_and_said(monkeypatch):
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 1)
    doc = read_bytes(_good(), "long.pdf")
    assert doc.notes == ("the PDF has 3 pages; only the first 1 were read",)
    assert len(doc.pages) == 1 and "一、总体情况" in doc.text and "二、主动公开" not in doc.text
    ex = extract(doc)
    assert any("only the first 1 were read" in w for w in ex.warnings)


def test_a_hostile_page_is_bounded_and_said(monkeypatch):
    def draw(c):
        c.setFont("STSong-Light", 10)
        c.drawString(60, 780, "一、总体情况")
        for i in range(60):
            for k in range(60):
                c.rect(40 + 8 * k, 100 + 8 * i, 6, 6)  # 3,600 boxes: a grid no report has

    data = _canvas_pdf(draw)
    monkeypatch.setattr(pdf_reader, "MAX_RULES", 1000)
    doc = read_bytes(data, "boxes.pdf")
    assert "一、总体情况" in doc.text
    assert doc.notes == ("page 1 has too many drawn lines to look for ruled tables; its text was read as lines",)
    monkeypatch.setattr(pdf_reader, "MAX_CHARS", 3)
    with pytest.raises(ReadError, match="boxes.pdf: no text could be read: page 1 holds 6 characters"):
        read_bytes(data, "boxes.pdf")


@pytest.mark.parametrize("template", ["gik-2019", "gik-2021", "legacy"])
def test_unruled_tables_whose_labels_and_headers_wrap_in_their_cells(template):
    """The same reports drawn without table rules: a label wrapped over two to four lines around
    its figures is put back into its row, and table 四's header cells wrapped in their columns
    (结果维 / 持) are put back together above its one row of figures; every cell is read."""

    for i in range(2):
        rep = make_report(i, seed=11, template_id=template, layout="p")
        doc = read_bytes(rep.render(ruled=False), rep.filename)
        assert not doc.grids
        ex = extract(doc)
        got = {c.key: c.value for c in ex.cells}
        assert {k: got[k] for k in rep.values} == rep.values
        assert ex.failing == []
    if template != "legacy":
        lines = doc.text.split("\n")
        k = next(i for i, ln in enumerate(lines) if ln.startswith("结果维持  结果纠正  其他结果  尚未审结  总计  结果维持"))
        assert lines[k - 2:k] == ["行政复议  行政诉讼", "未经复议直接起诉  复议后起诉"]  # groups stay on their lines


def test_a_page_of_a_million_characters_is_skipped_before_its_characters_are_built(tmp_path):
    """4 KB of PDF whose one page shows a million characters: counted in pdfium's C code and
    skipped in about a second (pdfplumber took 27 s and 2 GB to build an object for each), with
    the same one line."""
    from ...hostile import many_chars_pdf, refusal

    (tmp_path / "million.pdf").write_bytes(many_chars_pdf())
    assert refusal(tmp_path / "million.pdf", within=3.0) == (f"{tmp_path / 'million.pdf'}: no text could be read: page 1 holds 1,000,000 characters "
                            "(more than 100,000); it was skipped")


def test_pdfs_read_in_several_threads_at_once():
    """pdfium is not thread-safe and every PDF read counts its pages' characters there: the queue's
    thread and the report's read PDFs at the same time (this aborted the process before the lock)."""
    import threading

    from gik_tui.core.synth import make_report

    rep = make_report(0, seed=1, layout="p")
    data = rep.render()
    got: list[str] = []

    def read() -> None:
        for _ in range(4):
            got.append(read_bytes(data, rep.filename).text)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 16 and len(set(got)) == 1
