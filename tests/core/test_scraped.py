"""Real scraped reports: the same report as sample_reports/2020_huaiyin.txt, taken as page text with
no separators (tests/data/examples, copied from shared/examples): glued with newlines between
blocks, and the whole report on one line. Also: headings inline, metadata from a run-on title,
and a report whose tables are not there, which must fail everywhere rather than look clean."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gik_tui.cli import main
from gik_tui.core.extract import extract, extract_path
from gik_tui.core.readers import read_bytes
from gik_tui.core.templates import load_template

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
SECTIONS = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
            "存在的主要问题及改进情况", "其他需要报告的事项"]


@pytest.fixture(scope="module")
def truth(samples):
    return {c.key: c.value for c in extract_path(samples / "2020_huaiyin.txt").cells}


@pytest.mark.parametrize("name", ["2020_huaiyin_glued.txt", "2020_huaiyin_oneline.txt"])
def test_glued_example_decides_only_true_values(name, truth):
    ex = extract_path(EXAMPLES / name)
    assert (ex.template, ex.year, ex.agency) == ("gik-2019", 2020, "淮阴区人民政府")
    assert len(ex.cells) == len(truth) == 198
    decided = [c for c in ex.cells if c.value is not None]
    for c in ex.cells:
        if c.value is not None:
            assert c.value == truth[c.key], c.key
            assert c.method == "solved" and 0.75 < c.confidence < 1
        else:
            assert truth[c.key] in {v for v, _ in c.candidates}, (c.key, c.candidates)
    # the requests and review tables are decided whole by the identities; the 主动公开 table,
    # which has none, keeps only what its text alone decides (规章 0 0 0, 行政事业性收费 19 / -1 …)
    assert all(c.value is not None for c in ex.cells if c.table in ("requests", "review"))
    assert len(decided) == 185
    assert [s.template_section for s in ex.sections] == SECTIONS
    assert [c.id for c in ex.failing] == []
    assert [c.id for c in ex.pending] == ["active.undecided"]


def test_glued_example_provenance(truth):
    ex = extract_path(EXAMPLES / "2020_huaiyin_oneline.txt")
    text = (EXAMPLES / "2020_huaiyin_oneline.txt").read_text(encoding="utf-8")
    for c in ex.cells:
        if c.start is not None:
            assert text[c.start:c.end] == c.raw and c.line == 1
    cell = ex.cell("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    assert (cell.raw, text[cell.start - 2:cell.end + 2]) == ("17", "数量1710")
    open_ = ex.cell("active", ("第二十条第（一）项", "规范性文件"), ("对外公开总数量",))
    assert open_.value is None and open_.raw == "1142" and open_.candidates[0][0] == 42


def _spaced_one_line(text: str, seed: int, share: float) -> str:
    """The sample (a row per line with " | ") as a page whose text was taken on one line: labels
    glued, a space after the label, then the row's figures with a space at some boundaries
    (`share` of them) and none at the others (`171 000018`), a space after the row."""
    rng = random.Random(seed)
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|") if c.strip()] if "|" in line else []
        if not cells:
            out.append(line.strip())
            continue
        k = len(cells)
        while k and re.fullmatch(r"[+\-]?\d[\d.]*(万元)?", cells[k - 1]):
            k -= 1
        row = "".join(cells[:k])
        if k < len(cells):
            row += " " + cells[k] + "".join((" " if rng.random() < share else "") + c for c in cells[k + 1:]) + " "
        out.append(row)
    return "".join(out)


@pytest.mark.parametrize("seed, share", [(1, 1.0), (2, 0.5), (3, 0.3), (4, 0.8)])
def test_one_line_report_with_spaced_figures(seed, share, samples, truth):
    """Rows of space-separated figures in one-line text (`数量 8 0 0 0 0 0 8 二、…`, `230 000023`,
    `0 0 0 0 0 00`) and table 四 spaced and followed by the next heading on the same line: every
    table is read, nothing filled is wrong, every blank keeps the truth among its candidates."""
    text = _spaced_one_line((samples / "2020_huaiyin.txt").read_text(encoding="utf-8"), seed, share)
    assert "\n" not in text and re.search(r"尚未审结总计 0[ 0]+ 五、存在的主要问题", text)
    ex = extract(read_bytes(text.encode(), "spaced.txt"))
    assert (ex.template, ex.year, ex.agency) == ("gik-2019", 2020, "淮阴区人民政府")
    for c in ex.cells:
        if c.value is not None:
            assert c.value == truth[c.key], c.key
        else:
            assert truth[c.key] in {v for v, _ in c.candidates}, (c.key, c.candidates)
    # the requests and review tables are decided whole; nothing is missing
    assert all(c.value is not None for c in ex.cells if c.table in ("requests", "review"))
    assert not [c.id for c in ex.failing if c.id.endswith(".missing")]
    if share == 1.0:  # every boundary a space: the text alone decides every cell
        assert all(c.value is not None for c in ex.cells)
    assert [s.template_section for s in ex.sections] == SECTIONS


def test_inline_headings_with_offsets():
    ex = extract_path(EXAMPLES / "2020_huaiyin_oneline.txt")
    text = (EXAMPLES / "2020_huaiyin_oneline.txt").read_text(encoding="utf-8")
    assert [s.heading for s in ex.sections] == [
        "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    for s in ex.sections:
        assert text[s.start:s.end] == s.heading and s.line == 1
    # table rows that look like headings (一、本年新收…) and 一是 enumerations are not headings
    assert not any("本年新收" in s.heading or "一是" in s.heading for s in ex.sections)


def test_heading_run_into_its_paragraph():
    text = ("某县人民政府2020年政府信息公开工作年度报告\n"
            "一、总体情况2020年，我县认真贯彻落实《条例》，一是加强组织领导，二是完善制度，三是强化监督，取得了较好的成效，现报告如下。\n"
            "二、主动公开政府信息情况\n")
    ex = extract(read_bytes(text.encode(), "x.txt"))
    assert [(s.heading, s.template_section) for s in ex.sections] == [
        ("一、总体情况", "总体情况"), ("二、主动公开政府信息情况", "主动公开政府信息情况")]


@pytest.mark.parametrize("text, year, agency", [
    ("首页>信息公开>年度报告淮阴区人民政府2020年政府信息公开工作年度报告本报告由淮阴区人民政府办公室编制", 2020, "淮阴区人民政府"),
    ("根据《福建省人民政府办公厅关于做好2020年政府信息公开工作年度报告编制和发布工作的通知》要求，现公布永泰县2019年政府信息公开工作年度报告。",
     2019, "永泰县"),
    ("根据《福建省人民政府办公厅关于做好政府信息公开工作年度报告的通知》，编制本报告。统计期限自2021年1月1日至2021年12月31日。", 2021, None),
])
def test_metadata_never_from_a_cited_document(text, year, agency):
    ex = extract(read_bytes(text.encode(), "m.txt"))
    assert (ex.year, ex.agency) == (year, agency)


@pytest.mark.parametrize("text, title, name, agency, agency_from, year, year_from", [
    # a name with 公 in it keeps its head (公安局, 公共资源交易中心)
    ("平潭综合实验区公安局2022年政府信息公开工作年度报告\n一、总体情况", "", "a.txt",
     "平潭综合实验区公安局", "title", 2022, "title"),
    ("现公布XX市公共资源交易中心2021年政府信息公开工作年度报告。一、总体情况", "", "a.txt",
     "XX市公共资源交易中心", "title", 2021, "title"),
    ("于都县人民政府2020年政府信息公开工作年度报告", "", "a.txt", "于都县人民政府", "title", 2020, "title"),
    # a scraped page's words run into the title (首页 > 正文…, 当前位置:…): not the agency's name
    ("首页 > 百姓生活 > 正文株洲市芦淞区人民政府2019年政府信息公开年度报告发布日期:2020/2/22", "", "a.txt",
     "株洲市芦淞区人民政府", "title", 2019, "title"),
    ("您现在的位置:首页详情某某县公路局2020年政府信息公开工作年度报告", "", "a.txt",
     "某某县公路局", "title", 2020, "title"),
    # a title set on two lines, the agency's name alone before it (a PDF's centred title wrapped):
    # the agency's, not the office the compiling sentence names
    ("株洲市芦淞区教育局\n2019年政府信息公开工作年度报告\n本报告由株洲市芦淞区政务公开工作领导小组办公室编制。", "", "a.txt",
     "株洲市芦淞区教育局", "title", 2019, "title"),
    ("株洲市芦淞区人民政府\n\n2019年政府信息公开工作年度报告\n本报告由株洲市芦淞区政务公开工作领导小组办公室编制。", "",
     "a.txt", "株洲市芦淞区人民政府", "title", 2019, "title"),
    # no title: the compiling sentence, and the year from the statistics period
    ("本报告根据《条例》编制，汇总平潭综合实验区各有关单位政府信息公开工作情况。数据统计时限为2022年1月1日至2022年12月31日。"
     "如有疑问请与平潭综合实验区党政办公室联系。", "", "a.txt", "平潭综合实验区", "compiler", 2022, "period"),
    # the site's 来源 line names the county; the body names the tax bureau
    ("来源：平潭县人民政府 发布时间：2023-01-20\n本年度报告由国家税务总局平潭县税务局编制。如对本报告有疑问，请与"
     "国家税务总局平潭县税务局办公室联系。统计期限自2022年1月1日至2022年12月31日。", "", "a.txt",
     "国家税务总局平潭县税务局", "compiler", 2022, "period"),
    ("如对本报告有疑问，请与某某市生态环境局联系。本报告所列数据统计时间为2021年1月1日至12月31日。", "", "a.txt",
     "某某市生态环境局", "contact", 2021, "period"),
    # the page's <title> when the article drops it; the file name last
    ("一、总体情况\n本年度我局…", "某某县公路局2019年政府信息公开工作年度报告_某某县人民政府", "a.html",
     "某某县公路局", "title", 2019, "title"),
    ("一、总体情况\n本年度我局…", "", "某某县公路局2019年政府信息公开工作年度报告.txt",
     "某某县公路局", "file name", 2019, "file name"),
])
def test_agency_and_year_from_what_the_page_says(text, title, name, agency, agency_from, year, year_from):
    from gik_tui.core.document import Document

    ex = extract(Document(name, text, "0" * 64, "utf-8", title=title))
    assert (ex.agency, ex.agency_from, ex.year, ex.year_from) == (agency, agency_from, year, year_from)
    assert {"agency_from", "year_from"} <= set(ex.to_dict())


BODY = "\n一、总体情况\n本年度我单位认真贯彻落实《条例》。本报告由某某县政务公开工作领导小组办公室编制。\n"


@pytest.mark.parametrize("title, agency, year", [
    ("株洲\n市芦淞区人民政府2019年政府信息公开年度报告", "株洲市芦淞区人民政府", 2019),
    ("株洲市芦淞区人民\n政府2019年政府信息公开年度报告", "株洲市芦淞区人民政府", 2019),
    ("株洲市芦淞区人民政府201\n9年政府信息公开年度报告", "株洲市芦淞区人民政府", 2019),
    ("株洲市芦淞区人民政府2019年政府信息公开年度\n\n报告", "株洲市芦淞区人民政府", 2019),
    ("2016年东昌区政府信息公开工作\n年度报告", "东昌区政府", 2016),
    ("首页 > 政务公开 > 年报\n株洲市芦淞区人民政府2019年政府信息公开年度报告", "株洲市芦淞区人民政府", 2019),
    # a site's short line of words before it: no part of the title (joined, 开年报成都市武侯区人民政府)
    ("政府信息公开年报\n成都市武侯区人民\n政府2016年政府信息公开工作年度报告", "成都市武侯区人民政府", 2016),
    ("政府信息公开年报\n株洲\n市芦淞区人民政府2019年政府信息公开年度报告", "株洲市芦淞区人民政府", 2019),
    # a sentence a page's width wrapped just before the title inside it (before: 布六枝特区人民政府, 枝特区人民政府)
    ("根据《中华人民共和国政府信息公开条例》和《贵州省政府信息公开暂行规定》,现公\n布六枝特区人民政府2018年政府信息公开年度报告。",
     "六枝特区人民政府", 2018),
    ("根据《中华人民共和国政府信息公开条例》和《贵州省政府信息公开暂行规定》,现公布六\n枝特区人民政府2018年政府信息公开年度报告。",
     "六枝特区人民政府", 2018),
    # a breadcrumb's long line before the title: no part of its name
    ("首页 > 政务公开 > 政府信息公开 > 政府信息公开年报\n株洲市芦淞区人民政府2019年政府信息公开年度报告", "株洲市芦淞区人民政府", 2019),
])
def test_a_title_wrapped_over_short_lines_is_read_whole(title, agency, year):
    """A report title set over short lines, as a PDF's centred title wraps anywhere, or inside a
    sentence wrapped just before it: its agency and year read whole — before, 市芦淞区人民政府 or 政府
    from the line the year stood on, the compiling office's name, or nothing."""
    from gik_tui.core.document import Document

    ex = extract(Document("a.txt", title + BODY, "0" * 64, "utf-8"))
    assert (ex.agency, ex.year) == (agency, year)


def test_html_title_reaches_the_metadata():
    page = ("<html><head><title>某某县公路局2019年政府信息公开工作年度报告</title></head><body><div>"
            "<p>一、总体情况</p><p>本年度我局认真贯彻落实条例。</p></div></body></html>")
    ex = extract(read_bytes(page.encode(), "p.html"))
    assert (ex.agency, ex.agency_from, ex.year, ex.year_from) == ("某某县公路局", "title", 2019, "title")


# ------------------------------------------------------------------ nothing found is a finding
NOTHING = "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n我县认真贯彻落实《条例》。\n三、收到和处理政府信息公开申请情况\n本年度共收到申请18件。\n"


def test_missing_tables_listed_and_failing():
    ex = extract(read_bytes(NOTHING.encode(), "n.txt"))
    template = load_template("gik-2019")
    assert len(ex.cells) == sum(len(t.cells) for t in template.tables)
    assert all(c.value is None and c.method is None and c.candidates == () for c in ex.cells)
    assert [c.id for c in ex.failing] == ["active.missing", "requests.missing", "review.missing"]
    missing = ex.failing[1]
    assert "no figure of this table was found" in missing.message and "本年新收政府信息公开申请数量" in missing.message
    assert missing.cells[0].key == ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    assert sum("no figure of this table was found" in w for w in ex.warnings) == 3


def test_missing_tables_fail_check_and_stay_in_the_export(tmp_path):
    (tmp_path / "n.txt").write_text(NOTHING, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(main, ["check", str(tmp_path)])
    assert r.exit_code == 1 and "requests.missing" in r.output
    r = runner.invoke(main, ["extract", str(tmp_path / "n.txt"), "--format", "json"])
    data = json.loads(r.stdout)
    assert len(data["cells"]) == 198 and all(c["value"] is None for c in data["cells"])
    assert {c["method"] for c in data["cells"]} == {None} and all(c["candidates"] == [] for c in data["cells"])
    r = runner.invoke(main, ["export", str(tmp_path), "-o", str(tmp_path / "out.csv")])
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 198 and {row["value"] for row in rows} == {""}


def test_csv_has_candidates_and_method(tmp_path):
    r = CliRunner().invoke(main, ["extract", str(EXAMPLES / "2020_huaiyin_glued.txt"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0])[-4:] == ["candidates", "method", "page", "reason"]
    open_ = next(x for x in rows if x["row"] == "第二十条第（一）项 / 规范性文件" and x["column"] == "对外公开总数量")
    assert open_["value"] == "" and open_["method"] == "solved" and json.loads(open_["candidates"])[0][0] == 42


@pytest.mark.parametrize("heading", ["存在的主要问题及明年工作计划", "存在的主要问题及下一步工作打算", "存在问题及改进措施",
                                     "存在的不足和下一步工作计划", "主要问题及改进情况"])
def test_the_problems_section_worded_freely(heading):
    """Headings worded freely map to 存在的主要问题及改进情况, on their own line and inline."""
    text = f"某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n我县认真贯彻落实。\n五、{heading}\n一是加强。\n"
    ex = extract(read_bytes(text.encode(), "x.txt"))
    assert [s.template_section for s in ex.sections] == ["总体情况", "存在的主要问题及改进情况"]
    one_line = (EXAMPLES / "2020_huaiyin_oneline.txt").read_text(encoding="utf-8").replace(
        "五、存在的主要问题及改进情况", "五、" + heading)
    ex = extract(read_bytes(one_line.encode(), "o.txt"))
    assert [s.template_section for s in ex.sections] == SECTIONS


def test_a_blank_with_nothing_to_offer_says_why():
    """A blank cell without candidates carries its reason: the table is not there, the row is not,
    the row's label stands without figures, its figures could not be placed, or the table leaves
    the cell empty; a found or undecided cell has none."""
    ex = extract(read_bytes(NOTHING.encode(), "n.txt"))
    assert {c.reason for c in ex.cells} == {"table not found"}
    text = ("某县人民政府2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
            "一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n"
            "二、上年结转政府信息公开申请数量 |\n"
            "四、结转下年度继续办理 | 0 | | | | | | 0 |\n")
    ex = extract(read_bytes(text.encode(), "r.txt"))
    reason = {c.key: c.reason for c in ex.cells if c.table == "requests"}
    assert reason[("requests", ("本年新收政府信息公开申请数量",), ("自然人",))] is None
    assert reason[("requests", ("上年结转政府信息公开申请数量",), ("自然人",))].startswith("no figure on the row")
    assert reason[("requests", ("结转下年度继续办理",), ("法人或其他组织", "商业企业"))] == "empty in the table"
    assert reason[("requests", ("本年度办理结果", "部分公开"), ("自然人",))] == "row not found"
    assert all(c.reason is None for c in ex.cells if c.value is not None or c.candidates)
    # a glued run too short for its row: no cut into its cells, nor (05) its total alone
    text = (EXAMPLES / "2020_huaiyin_oneline.txt").read_text(encoding="utf-8")
    ex = extract(read_bytes(text.replace("数量171000018二", "数量05二").encode(), "o.txt"))
    c = ex.cell("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    assert c.value is None and not c.candidates and c.reason == "its figures '05': cannot be cut into 7 cells"
    # (12: its total alone, every part empty — which the table's identities, its other rows' figures,
    # refute: the table is broken, the rows its identities tie offered, the report's figure first)
    ex = extract(read_bytes(text.replace("数量171000018二", "数量12二").encode(), "o.txt"))
    for col in (("自然人",), ("总计",)):
        c = ex.cell("requests", ("本年新收政府信息公开申请数量",), col)
        assert c.value is None and not c.candidates and c.reason == (
            "its figures '12' read only as its totals alone (every part empty), which the table's identities do not "
            "bear out")
    c = ex.cell("requests", ("本年度办理结果", "总计"), ("总计",))
    assert c.value is None and c.candidates[0][0] == 18


@pytest.mark.parametrize("name", ["2016_dongchang.txt", "2019_lusong.txt", "2020_huaiyin.txt", "2020_huaiyin_glued.txt",
                                  "2020_huaiyin_oneline.txt"])
@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\ufeff", "\u2060"])
def test_characters_drawn_as_nothing_change_no_reading(name, invisible, samples):
    """A page with zero-width spaces, soft hyphens, BOMs or word joiners strewn through its text,
    inside figures (1\u200b7 shows as 17), labels and headings (by its editor, or to stop copying):
    every cell, candidate, heading, check, the year and the agency read as from the clean page —
    before, cells were read wrong (one 17 as 1 and 7) and headings lost."""
    path = samples / name if (samples / name).exists() else EXAMPLES / name
    text = path.read_text("utf-8")
    rnd = random.Random(name + invisible)
    strewn = "".join(ch + (invisible if rnd.random() < 0.08 else "") for ch in text)

    def reading(raw: str):
        ex = extract(read_bytes(raw.encode("utf-8"), name))
        return ([(c.key, c.value, c.confidence, [v for v, _ in c.candidates]) for c in ex.cells],
                [(s.line, s.template_section) for s in ex.sections], sorted(c.id for c in ex.checks if not c.ok),
                ex.year, ex.agency, ex.template)

    clean = reading(text)
    assert reading(strewn) == clean and sum(v is not None for _, v, _, _ in clean[0]) >= 19


def test_two_character_labels_spaced_to_a_wider_cell_are_read():
    """A table's two-character words spaced to the width of a wider cell (总 计, 其　他, as
    documents align them): the glued report reads as the plain one. (Before: 其 他 stood among
    the figures as words and its table's rows were offered, not filled.)"""
    text = (EXAMPLES / "2020_huaiyin_glued.txt").read_text("utf-8")
    spaced = (text.replace("法律服务机构其他一、", "法律服务机构其　他一、").replace("（七）总计", "（七）总 计")
              .replace("尚未审结总计", "尚未审结总  计").replace("组织总计商业", "组织总 计商业"))
    assert spaced.count("总 计") == 2 and "其　他" in spaced

    def cells(raw: str):
        return [(c.key, c.value, c.confidence) for c in extract(read_bytes(raw.encode("utf-8"), "g.txt")).cells]

    assert cells(spaced) == cells(text)


@pytest.mark.parametrize("layout", ["b", "l", "c", "f"])
@pytest.mark.parametrize("i", range(6))
def test_labels_spaced_out_letter_by_letter_never_a_wrong_value(layout, i, monkeypatch):
    """Table labels spaced out to fill their cells, two spaces between letters (`（二）被  依  法  纠  错  数`),
    a third of them: no cell filled wrong. (Before: a layout of one cell a line read such a label
    as cells, lost the group header 五、行  政  诉  讼  数  量, and took the 行政诉讼 row's 被依法纠错数
    for the 行政复议 one's, at full confidence — i=0, layout l.)"""
    from gik_tui.core import synth

    table_rows = synth.table_rows

    def spaced(rep, spec, rng):
        rnd = random.Random(rep.name + spec.id)
        return [(kind, [[re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", "  ", c)
                         if c and not synth._is_figure(c) and rnd.random() < 0.3 else c for c in row] for row in rows])
                for kind, rows in table_rows(rep, spec, rng)]

    monkeypatch.setattr(synth, "table_rows", spaced)
    rep = synth.make_report(6 + 3 * i, seed=53, template_id=("legacy", "gik-2019", "gik-2021")[i % 3], layout=layout)
    ex = extract(read_bytes(rep.render(), rep.filename))
    filled = [c for c in ex.cells if c.value is not None]
    assert [(c.key, c.value) for c in filled if c.value != rep.values[c.key]] == []
    assert len(filled) >= 40  # (layout l writes the natural persons column alone: its other cells stay blank)


@pytest.mark.parametrize("name", ["2020_huaiyin.txt", "2020_huaiyin_glued.txt", "2020_huaiyin_oneline.txt"])
@pytest.mark.parametrize("word, variant", [("总计", "合计"), ("其他", "其它"), ("结果维持", "维持"),
                                           ("本年新收政府信息公开申请数量", "本年新收申请数量"),
                                           ("上年结转政府信息公开申请数量", "上年结转申请")])
def test_words_as_many_reports_word_them_read_as_the_templates(name, word, variant, samples):
    """合计 for 总计 (the requests table's total row and column, the review table's totals), 其它 for
    其他, 维持 for the review table's 结果维持: the report reads as with the template's words. (Before:
    7, 25 and 10 fewer cells were read with 合计; with 其它, the 其他 column and rows were lost; with
    维持, a glued review header named no 结果维持 column, and its row was read as twelve cells; the
    requests table's first rows written short lost their figures.)"""
    path = samples / name if (samples / name).exists() else EXAMPLES / name
    text = path.read_text("utf-8")
    assert word in text

    def cells(raw: str):
        return [(c.key, c.value, c.confidence) for c in extract(read_bytes(raw.encode("utf-8"), name)).cells]

    assert cells(text.replace(word, variant)) == cells(text)


def test_a_share_column_after_the_total_is_no_cell_and_costs_no_figure(truth):
    """The glued huaiyin with a 占比 column after 总计, each row's share of the year's 18 requests
    glued after its total (`171000018100.0%`, `510000633.3%`): the percentage is no cell; where its
    digits end the identities choose, and the requests table is decided as without it, every cell
    its true figure. Before, no row of the table was read."""
    text = (EXAMPLES / "2020_huaiyin_glued.txt").read_text(encoding="utf-8")
    at = text.index("申请人情况")
    end = text.index("四、政府信息公开行政复议")
    table = text[at:end].replace("总计商业企业", "总计占比商业企业", 1)

    spec = load_template("gik-2019").table("requests")
    shared, pos = table, table.index("其他一、") + 2  # (after the header)
    for row in spec.blocks[0].rows:  # each row's run, found in order: its share glued after it
        values = [truth[("requests", row, col)] for col in spec.blocks[0].columns]
        run = "".join(str(v) for v in values)
        k = shared.index(run, shared.index(row[-1][:6], pos)) + len(run)
        mark = f"{values[-1] * 100 / 18:.1f}%"
        shared, pos = shared[:k] + mark + shared[k:], k + len(mark)
    assert shared.count("%") == len(spec.blocks[0].rows) == 23 and "171000018100.0%" in shared and "510000633.3%" in shared
    ex = extract(read_bytes((text[:at] + shared + text[end:]).encode("utf-8"), "x.txt"))
    requests = [c for c in ex.cells if c.table == "requests"]
    assert len(requests) == 161 and all(c.value == truth[c.key] for c in requests)
    assert any("requests: its rows end in a percentage" in w for w in ex.warnings)


def test_a_pages_bare_number_between_pages_run_together_is_no_figure(truth):
    """The one-line huaiyin cut into pages, a PDF's text taken page by page with its separators
    lost: each page a line, a bare page number alone between (`…申请数量` / `3` / `171000018…`),
    anywhere in the tables, even inside a figure; and a last page number after the text. Before: the
    number was read into the glued run beside it (`…人次274` / `3`: 2743 at 0.9). No figure is wrong,
    and as many are read as where the page broke with no number."""
    from gik_tui.core.tables.stream import bare_page_number

    text = (EXAMPLES / "2020_huaiyin_oneline.txt").read_text(encoding="utf-8")
    start = text.index("主动公开政府信息情况")
    for k, at in enumerate(range(start, len(text) - 10, 97)):
        broken = extract(read_bytes((text[:at] + "\n" + text[at:]).encode(), "2020_huaiyin_oneline.txt"))
        filled = sum(c.value is not None for c in broken.cells)
        for tail in ("", f"\n{k + 9}"):
            cut = text[:at] + f"\n{k + 2}\n" + text[at:] + tail
            ex = extract(read_bytes(cut.encode(), "2020_huaiyin_oneline.txt"))
            wrong = [(c.key, c.value) for c in ex.cells if c.value is not None and c.value != truth.get(c.key)]
            assert not wrong, (at, text[at - 10:at + 10], wrong)
            assert sum(c.value is not None for c in ex.cells) == filled, (at, text[at - 10:at + 10])
    # a figure alone among a table's short lines (a cell a line) is a cell, not a page's number
    assert bare_page_number(["总计", "", "3", "", "1"], 2) == ""
    assert bare_page_number(["政府信息公开" * 30, "3", "二、主动公开" * 30], 1) == "sure"
    assert bare_page_number(["政府信息公开数17" * 30, "3", "二、主动公开" * 30], 1) == "sure"
    assert bare_page_number(["政府信息公开" * 30, "", "12"], 2) == "sure"
    assert bare_page_number(["政府信息公开数17" * 30, "", "12"], 2) == "maybe"
    assert bare_page_number(["政府信息公开" * 30, "12", "打印本页 关闭窗口"], 1) == "sure"
    assert bare_page_number(["政府信息公开数17" * 30, "12", "打印本页 关闭窗口"], 1) == "maybe"
    assert bare_page_number(["政府信息公开" * 30, "12", "5"], 1) == ""  # (a table a cell a line after the page)
    assert bare_page_number(["统计数", "12", "政府信息公开" * 30], 1) == ""


@pytest.mark.parametrize("i", range(4))
def test_a_lone_figure_after_a_pages_last_figure_at_the_texts_end_is_never_filled_either_way(i):
    """A glued statistics table that ends the text with its last figure, then a line of one to
    three digits alone (then the text's end, or a line of the page's chrome): the page's number
    (`…接受培训人员数人次53` / `3`) or the rest of the figure a line end cut (`…人次5` / `3`) — nothing
    tells which. Before: joined, 533 at 0.9 for the page's
    number. The cell is offered, never filled; the rest of the table is read as without the line."""
    from gik_tui.core.synth import make_report

    rep = make_report(i, seed=1, layout="g", template_id="legacy")
    text = rep.render().decode(rep.encoding).rstrip("\n")
    key = ("stats", ("政府信息公开会议和培训情况", "接受培训人员数"), ("统计数",))
    last = str(rep.values[key])
    assert text.endswith(last)
    whole = extract(read_bytes(text.encode(), "r.txt"))
    for cut in (text + "\n3", text + "\n\n3\n", text[:-1] + "\n" + last[-1], text + "\n3\n打印本页 关闭窗口"):
        ex = extract(read_bytes(cut.encode(), "r.txt"))
        assert ex.cell(*key).value is None, cut[-30:]
        others = {c.key: c.value for c in ex.cells if c.key != key}
        assert others == {c.key: c.value for c in whole.cells if c.key != key}
