"""Readers: encodings, line ends, HTML pages with real tables, and one-line errors."""

import codecs

import pytest

from gik_tui.core.extract import extract
from gik_tui.core.readers import ReadError, find_reports, read_bytes, read_path

TEXT = "株洲市芦淞区人民政府2019年政府信息公开年度报告\n一、总体情况\n本年度共受理申请11件。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16"])
def test_encodings(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    doc = read_bytes(data, "r.txt")
    assert doc.text == TEXT
    assert doc.encoding.replace("_", "").lower() in {"utf8", "utf-8", "utf-8-sig", "utf8sig", "gb18030", "gbk", "gb2312", "utf-16", "utf16"}


def test_gbk_longer_report(samples):
    text = (samples / "2019_lusong.txt").read_text(encoding="utf-8")
    data = text.encode("gb18030")
    doc = read_bytes(data, "lusong-gbk.txt")
    assert doc.text == text
    ex = extract(doc)
    assert ex.year == 2019 and ex.agency == "株洲市芦淞区人民政府"
    assert sum(c.value is not None for c in ex.cells) == 58


@pytest.mark.parametrize("nl", ["\r\n", "\r", "\n"])
def test_line_ends_are_unified(nl):
    doc = read_bytes(TEXT.replace("\n", nl).encode(), "r.txt")
    assert doc.text == TEXT
    assert doc.line_of(doc.text.index("一、")) == 1


def test_fullwidth_text_keeps_offsets():
    text = "一、总体情况\n行政许可｜１７２｜＋８｜２２９９０｜\n"
    doc = read_bytes(text.encode(), "fw.txt")
    assert doc.text == text
    assert "行政许可|172|+8|22990|" in doc.norm
    i = doc.norm.index("22990")
    assert doc.text[doc.to_orig(i):doc.to_orig(i + 5)] == "２２９９０"


def test_nfkc_expanding_characters_map_back():
    text = "㈠主动公开 ⑴ 政府信息１２条\n"
    doc = read_bytes(text.encode(), "x.txt")
    i = doc.norm.index("12")
    assert doc.text[doc.to_orig(i):doc.to_orig(i + 2)] == "１２"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"   \n\t\n", "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4, "picture"),  # a damaged one
    (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary"),
    (b"abc\x00def\x00" * 100, "binary"),
])
def test_unreadable(data, reason):
    with pytest.raises(ReadError) as e:
        read_bytes(data, "bad.txt")
    assert reason in str(e.value) and str(e.value).startswith("bad.txt: ")
    assert "\n" not in str(e.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="folder"):
        read_path(tmp_path)


def test_find_reports(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.HTML").write_text("x")
    (tmp_path / "c.pdf").write_text("x")
    (tmp_path / "e.png").write_text("x")
    (tmp_path / "g.bmp").write_text("x")
    (tmp_path / "f.DOCX").write_text("x")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.htm").write_text("x")
    (sub / "loop").symlink_to(tmp_path, target_is_directory=True)
    files, errors = find_reports([tmp_path, tmp_path / "missing"])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.txt", "b.HTML", "c.pdf", "e.png", "f.DOCX", "d.htm"]
    assert len(errors) == 1 and "missing" in str(errors[0])


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>
<script>document.write("一、总体情况")</script><style>p{}</style></head><body>
<div class="nav">返回首页 &gt; 政务公开</div>
<div id="content" class="TRS_Editor">
<p>株洲市芦淞区人民政府2020年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>正文。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益<br>组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td>1</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>6</td></tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>4</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
</div><div class="footer">版权所有：某某政府 网站标识码</div></body></html>"""


def test_html_page_tables_with_spans():
    doc = read_bytes(HTML.encode("utf-8"), "page.html")
    assert "返回首页" not in doc.text and "版权所有" not in doc.text and "document.write" not in doc.text
    assert len(doc.grids) == 1 and len(doc.grids[0].rows) == 7
    ex = extract(doc)
    assert ex.year == 2020 and ex.template == "gik-2019"
    row = ("本年新收政府信息公开申请数量",)
    got = [ex.cell("requests", row, c).value for c in
           [("自然人",), ("法人或其他组织", "商业企业"), ("法人或其他组织", "科研机构"), ("总计",)]]
    assert got == [5, 1, None, 6]
    assert ex.cell("requests", ("本年度办理结果", "不予公开", "属于国家秘密"), ("自然人",)).value == 1
    assert [s.heading for s in ex.sections] == ["一、总体情况", "三、收到和处理政府信息公开申请情况",
                                                "四、政府信息公开行政复议、行政诉讼情况"]
    for c in ex.cells:
        if c.start is not None:
            assert doc.text[c.start:c.end] == c.raw


def test_gbk_html_declaring_utf8():
    data = HTML.encode("gb18030")
    doc = read_bytes(data, "page.htm")
    assert "株洲市芦淞区人民政府" in doc.text


def test_nested_and_unclosed_html():
    page = "<html><body><div class='content'><p>一、总体情况<table><tr><td>外<table><tr><td>内</td></tr></table></td><td>2</td></tr></table><p>二、主动公开政府信息情况"
    doc = read_bytes(page.encode(), "n.html")
    assert "外内 | 2 |" in doc.text
