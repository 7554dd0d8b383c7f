"""OCR of scanned reports (readers/ocr.py, readers/picture.py, the PDF reader's scanned pages) on
the committed fixtures of tests/data/scans (made by its make.py from a synthetic report): no
recognised figure is ever wrong, and every cell is right or blank with the truth among its
candidates. Skipped without the OCR extra; CI installs it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gik_tui.core.extract import extract_path
from gik_tui.core.readers import ReadError, ocr, read_path

SCANS = Path(__file__).parents[2] / "data" / "scans"
sys.path.insert(0, str(SCANS))
from engine import recorded_renderer, renderer, replaying, two_frame_tiff  # noqa: E402
from make import VARIANTS, report  # noqa: E402

needs_engine = pytest.mark.skipif(not ocr.available(), reason=f"the OCR extra is not installed ({ocr.INSTALL})")
TRUTH = report().values


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    """One OCR cache for the session's tests (each scan recognised once per worker), never the user's."""
    monkeypatch.setenv(ocr.CACHE_ENV, str(tmp_path_factory.getbasetemp() / "ocr-cache"))


@pytest.fixture
def recorded(monkeypatch):
    """The engine's recorded output on the committed scans (tests/data/scans/engine.py): what
    gik-tui makes of each page is tested without running the engine on it again."""
    run = replaying()
    monkeypatch.setattr(ocr, "_engine", lambda: run)
    return run


def score(ex) -> tuple[int, int, list]:
    right, misses = 0, []
    for c in ex.cells:
        if c.key not in TRUTH:
            continue
        v = TRUTH[c.key]
        if c.value is not None:
            right += c.value == v
            if c.value != v:
                misses.append(("wrong", c.key, c.value, v))
        elif all(x != v for x, _ in c.candidates):
            misses.append(("truth not offered", c.key, c.candidates[:3], v))
    return right, len(TRUTH), misses


@needs_engine
@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_scanned_report_never_gets_a_wrong_figure(name, recorded):
    ex = extract_path(SCANS / f"scan-{name}.pdf")
    right, n, misses = score(ex)
    wrong = [m for m in misses if m[0] == "wrong"]
    assert not wrong, wrong
    if name == "heavy-blur-150":  # most digits unreadable: few kept (none wrong), many blanks without the truth
        assert right >= 0.15 * n
        return
    # the truth is offered for every blank cell, and most cells are confirmed
    assert not misses, misses
    assert right >= 0.85 * n
    assert all(c.method == "ocr" for c in ex.cells if c.value is not None and c.key in TRUTH)
    # enter never takes a wrong offer
    bad = [(k, o) for k, o in ex.offers.items() if o.decided and k in TRUTH and o.choices[0][0] != TRUTH[k]]
    assert not bad, bad
    assert ex.template == "gik-2021" and ex.year == report().year
    if renderer() == recorded_renderer():  # the pages drawn as when recorded: the recording held them all
        assert recorded.ran == 0


@needs_engine
def test_a_picture_file_is_a_report_with_its_page_called_the_picture(tmp_path):
    doc = read_path(SCANS / "table-page.png")
    assert doc.ocr_pages == {1} and doc.page_label(1) == "picture"
    assert "一、本年新收政府信息公开申请数量" in doc.norm
    ex = extract_path(SCANS / "table-page.png")
    right, _, misses = score(ex)
    assert not [m for m in misses if m[0] == "wrong"]
    assert right >= 7  # the rows of the requests table on this page that their identities confirm


@needs_engine
def test_a_second_reading_comes_from_the_cache(monkeypatch, recorded):
    first = read_path(SCANS / "scan-clean-150.pdf")

    def no_engine():
        raise AssertionError("the engine ran again")

    monkeypatch.setattr(ocr, "_engine", no_engine)
    again = read_path(SCANS / "scan-clean-150.pdf")
    assert again.text == first.text and again.ocr_pages == {1, 2, 3}
    assert again.page_label(2) == "page 2 (recognised)"


@needs_engine
def test_a_damaged_cache_entry_is_recognised_again(monkeypatch, recorded):
    read_path(SCANS / "table-page.png")
    for f in (Path(ocr._cache_dir())).glob("*.json"):
        f.write_bytes(b"{not json")
    doc = read_path(SCANS / "table-page.png")
    assert "一、本年新收政府信息公开申请数量" in doc.norm


def test_without_the_extra_a_scan_names_the_command_that_installs_it(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    for name in ("scan-clean-150.pdf", "table-page.png"):
        with pytest.raises(ReadError) as e:
            read_path(SCANS / name)
        assert ocr.INSTALL in str(e.value) and name in str(e.value) and "\n" not in str(e.value)


def test_boxes_askew_are_straightened_onto_their_rows():
    # a row of three boxes on a page turned 1°: their corners climb 1.7 px per 100 px
    import math

    t = math.tan(math.radians(1))

    def quad(x0, y0, w, h):
        return [[x0, y0 + x0 * t], [x0 + w, y0 + (x0 + w) * t], [x0 + w, y0 + h + (x0 + w) * t], [x0, y0 + h + x0 * t]]

    boxes = ocr.straighten([(quad(0, 100, 300, 20), "一、本年新收政府信息公开申请数量", 0.99),
                            (quad(900, 100, 30, 20), "13", 0.9), (quad(1500, 100, 30, 20), "25", 0.9)])
    tops = [b.top for b in boxes]
    assert max(tops) - min(tops) < 2  # one baseline again (26 px apart before)


def test_letters_read_for_digits_in_a_figure_box_are_read_as_digits():
    assert ocr.as_figure("1o") == "10" and ocr.as_figure("o") == "0" and ocr.as_figure("。") == "0"
    assert ocr.as_figure("自然人") == "自然人" and ocr.as_figure("Bob") == "Bob" and ocr.as_figure("I") == "I"


PAGE = """<html><head><meta charset="utf-8"><title>淮安市淮阴区人民政府2022年政府信息公开工作年度报告</title></head>
<body><div class="nav"><a href="/">首页</a><img src="logo.png"></div>
<div class="TRS_Editor"><p>淮安市淮阴区人民政府2022年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》。</p>
<p><img src="{src}" width="600"></p>
<p>五、存在的主要问题及改进情况</p><p>无。</p></div></body></html>"""


def _page(folder: Path, src: str, picture_at: str = "report_files/table.png") -> Path:
    target = folder / picture_at
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((SCANS / "table-page.png").read_bytes())
    page = folder / "report.html"
    page.write_text(PAGE.format(src=src), encoding="utf-8")
    return page


@needs_engine
def test_a_table_shown_as_a_picture_in_a_saved_page_is_read_where_it_stands(tmp_path, recorded):
    page = _page(tmp_path, "report_files/table.png")
    doc = read_path(page)
    text = doc.norm
    assert text.index("一、总体情况") < text.index("一、本年新收政府信息公开申请数量") < text.index("五、存在的主要问题")
    assert doc.ocr_spans and doc.is_recognised(doc.text.index("一、本年新收")) and not doc.is_recognised(0)
    ex = extract_path(page)
    right, _, misses = score(ex)
    assert right >= 7 and not [m for m in misses if m[0] == "wrong"]
    kept = [c for c in ex.cells if c.value is not None]
    assert kept and all(c.method == "ocr" for c in kept)


@pytest.mark.parametrize("src", ["../outside.png", "/etc/table.png", "http://example.org/table.png",
                                 "report_files/missing.png"])
def test_a_picture_not_saved_beside_the_page_is_not_read(tmp_path, src):
    (tmp_path / "site").mkdir()
    page = _page(tmp_path / "site", src, picture_at="../outside.png" if src.startswith("..") else "report_files/t.png")
    doc = read_path(page)
    assert "本年新收" not in doc.norm and not doc.ocr_spans and "五、存在的主要问题" in doc.norm


def test_without_the_extra_a_page_says_its_pictures_were_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    doc = read_path(_page(tmp_path, "report_files/table.png"))
    assert any(ocr.INSTALL in n for n in doc.notes) and "一、总体情况" in doc.norm


@pytest.mark.parametrize("value, threads", [("1", 1), ("2", 2), ("", None), ("0", None), ("many", None)])
def test_the_engine_takes_the_threads_its_process_was_given(monkeypatch, value, threads):
    """THREADS_ENV (set by core/batch.share_cores in a batch's workers) reaches the engine as its
    global thread count (rapidocr copies the global one over each model's); unset or unusable, the
    engine's own choice."""
    import sys
    import types

    made = []
    fake = types.ModuleType("rapidocr_onnxruntime")
    fake.RapidOCR = lambda **kw: made.append(kw) or object()
    monkeypatch.setitem(sys.modules, "rapidocr_onnxruntime", fake)
    monkeypatch.setenv(ocr.THREADS_ENV, value)
    ocr._engine.cache_clear()
    try:
        ocr._engine()
    finally:
        ocr._engine.cache_clear()
    assert made == [{"intra_op_num_threads": threads} if threads else {}]


@needs_engine
def test_each_page_of_a_scan_is_told_before_it_is_recognised(recorded):
    told = []
    with ocr.reporting(lambda source, page, pages: told.append((source.rsplit("/", 1)[-1], page, pages))):
        read_path(SCANS / "scan-clean-150.pdf")
    assert told == [("scan-clean-150.pdf", 1, 3), ("scan-clean-150.pdf", 2, 3), ("scan-clean-150.pdf", 3, 3)]


def test_the_time_limit_of_a_batch_is_a_page_s_for_a_scan(monkeypatch):
    import time

    from gik_tui.core.batch import limited

    monkeypatch.setenv("GIK_FILE_SECONDS", "0.5")

    def slow_scan(path):  # three pages of 0.3 s: longer than the limit in all, each page within it
        for page in (1, 2, 3):
            ocr.tell(path, page, 3)
            time.sleep(0.3)
        return "read"

    def stuck(path):
        time.sleep(2)
        return "read"

    assert limited(slow_scan, "scan.pdf") == ("ok", "read")
    status, said = limited(stuck, "stuck.pdf")
    assert status == "error" and "took longer than 0.5 s" in said


@needs_engine
def test_a_multi_page_tiff_is_a_page_a_frame(tmp_path, recorded):
    doc = read_path(two_frame_tiff(tmp_path / "scan.tif"))
    assert len(doc.pages) == 2 and doc.ocr_pages == {1, 2}
    assert doc.page_label(1) == "picture 1" and doc.page_label(2) == "picture 2"
    assert doc.norm.count("二、主动公开政府信息情况") == 2


@needs_engine
def test_a_picture_too_large_to_decode_is_refused_before_it_is_decoded(tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    # a PNG header claiming 100,000 × 100,000 pixels, a few bytes of data
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b"")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png)
    with pytest.raises(ReadError) as e:
        read_path(bomb)
    assert "bomb.png" in str(e.value) and ("too large" in str(e.value) or "damaged" in str(e.value))


@needs_engine
def test_a_recognised_figure_says_where_it_stands_on_the_page(recorded):
    doc = read_path(SCANS / "scan-clean-150.pdf")
    ex = extract_path(SCANS / "scan-clean-150.pdf")
    first = ex.cell("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    total = ex.cell("requests", ("本年新收政府信息公开申请数量",), ("总计",))
    label = doc.text.index("一、本年新收政府信息公开申请数量")
    import re

    def across(said: str) -> int:
        return int(re.match(r"at (\d+)–\d+ mm across", said).group(1))

    assert doc.box_at(label).startswith("at ") and across(doc.box_at(label)) < 30  # the label column, at the left
    # the figures stand where the printed table's columns are: 自然人 left of 总计, both right of the label
    assert 30 < across(doc.box_at(first.start)) < across(doc.box_at(total.start)) < 210
    assert doc.box_at(0) == "" and read_path(SCANS.parents[1] / ".." / "sample_reports" / "2020_huaiyin.txt").box_at(5) == ""
