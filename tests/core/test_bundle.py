"""A file that holds several reports (core/bundle.py): the first alone is read, the rest said as a
failing finding, a copy of the report is no finding, and `gik-tui split` writes each to a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gik_tui.cli import main
from gik_tui.core.bundle import MIN_BODY, describe, find_parts, split_plan
from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.review import Review
from gik_tui.core.synth import make_report

SAMPLES = Path(__file__).resolve().parents[2] / "sample_reports"
EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"


def _text(path: Path) -> str:
    return read_bytes(path.read_bytes(), path.name).text


def _doc(text: str, name: str = "2019_bundle.txt"):
    return read_bytes(text.encode("utf-8"), name)


def _cells(ex) -> dict:
    return {c.key: (c.value, round(c.confidence, 3), tuple(c.candidates)) for c in ex.cells}


LUSONG = _text(SAMPLES / "2019_lusong.txt")
HUAIYIN = _text(SAMPLES / "2020_huaiyin.txt")


def test_two_reports_of_one_format_read_as_the_first_alone():
    # before: the second report's figures filled 100 cells under the first's agency and year
    text = LUSONG + "\n" + HUAIYIN
    doc = _doc(text)
    parts = find_parts(doc)
    assert [(p.line, p.agency, p.year) for p in parts] == [
        (1, "株洲市芦淞区人民政府", 2019), (text[:text.index("本报告由淮阴区")].count("\n") + 1, "淮阴区人民政府", 2020)]
    # the second starts at its opening paragraph (本报告由…), not at its first heading below it
    assert doc.text[parts[1].start:].startswith("本报告由淮阴区人民政府办公室")
    both, alone = extract(doc), extract(_doc(LUSONG + "\n"))
    assert _cells(both) == _cells(alone)
    assert (both.agency, both.year, both.template) == ("株洲市芦淞区人民政府", 2019, "gik-2019")
    finding = [c for c in both.checks if c.id == "file.reports"]
    assert len(finding) == 1 and finding[0].state == "fails" and both.findings == tuple(finding)
    assert finding[0].message.startswith(
        f"this file holds 2 reports: line 1 (株洲市芦淞区人民政府, 2019), line {parts[1].line} (淮阴区人民政府, 2020); "
        "only the first is read")
    assert any("holds 2 reports" in w for w in both.warnings)


def test_the_finding_stays_failing_in_the_session_whatever_is_typed():
    ex = extract(_doc(LUSONG + "\n" + HUAIYIN))
    rv = Review(ex, None, "2019_bundle.txt")
    key = next(c.key for c in ex.cells if c.value is not None)
    rv.set_cell(key, 12345)
    states = {c.id: c.state for c in rv.checks()}
    assert states["file.reports"] == "fails"
    assert rv.checks()[0].id == "file.reports"


def test_a_legacy_report_then_a_modern_one_keeps_the_first_format():
    # before: the 2019 report's words chose the 2019 format for the 2016 report
    text = _text(SAMPLES / "2016_dongchang.txt") + "\n\n" + LUSONG
    ex, alone = extract(_doc(text, "2016_bundle.txt")), extract(_doc(_text(SAMPLES / "2016_dongchang.txt") + "\n\n",
                                                                      "2016_bundle.txt"))
    assert (ex.template, ex.year) == ("legacy", 2016)
    assert _cells(ex) == _cells(alone)
    assert [c.id for c in ex.findings] == ["file.reports"]


def test_reports_run_onto_one_line_split_at_the_second_title():
    glued = _text(EXAMPLES / "2020_huaiyin_oneline.txt").rstrip("\n") + "本机关无其他需要报告的事项。"
    doc = _doc(glued + LUSONG.replace("\n", ""), "2020_glued.txt")
    parts = find_parts(doc)
    assert len(parts) == 2 and parts[1].line == parts[0].line == 1  # one line: the parts start inside it
    assert parts[1].column == parts[1].start > 0
    assert describe(parts).startswith(f"this file holds 2 reports: line 1, column 1 (淮阴区人民政府, 2020), "
                                      f"line 1, column {parts[1].start + 1:,} (株洲市芦淞区人民政府, 2019)")
    # at the page's words run into the name before the title, never before the first report's end
    assert doc.text[parts[1].start:].startswith("正文株洲市芦淞区人民政府2019年政府信息公开年度报告")
    head = doc.text[:parts[1].start]
    assert "六、其他需要报告的事项无。" in head and "芦淞" not in head
    assert (parts[1].agency, parts[1].year) == ("株洲市芦淞区人民政府", 2019)
    ex, alone = extract(doc), extract(_doc(glued, "2020_glued.txt"))
    assert _cells(ex) == _cells(alone)
    assert sum(c.value is not None for c in ex.cells) == 185


def test_a_page_whose_article_holds_two_reports():
    paras = "".join(f"<p>{line}</p>" for line in (LUSONG + "\n" + HUAIYIN).split("\n") if line.strip())
    page = f"<html><head><title>年度报告</title></head><body><div class='nav'><a href='/'>首页</a></div>" \
           f"<div class='article'>{paras}</div></body></html>"
    doc = read_bytes(page.encode("utf-8"), "2019_page.html")
    ex = extract(doc)
    assert [c.id for c in ex.findings] == ["file.reports"]
    assert [(p.agency, p.year) for p in find_parts(doc)] == [("株洲市芦淞区人民政府", 2019), ("淮阴区人民政府", 2020)]
    assert (ex.agency, ex.year) == ("株洲市芦淞区人民政府", 2019)


def test_a_title_on_two_lines_starts_at_the_agency_line():
    second = "某某县人民政府\n2020年政府信息公开工作年度报告\n" + HUAIYIN
    doc = _doc(LUSONG + "\n株洲市芦淞区人民政府办公室\n2020年1月20日\n" + second)
    parts = find_parts(doc)
    assert doc.text[parts[1].start:].startswith("某某县人民政府\n2020年")
    assert doc.text[:parts[1].start].endswith("2020年1月20日\n")  # the first report's signature stays its own


@pytest.mark.parametrize("layout", list("abcdfghsl"))  # (e is a whole web page: above)
def test_synthetic_bundles_of_every_layout(layout):
    a = make_report(3, seed=5, template_id="gik-2021", layout=layout)
    b = make_report(4, seed=5, template_id="gik-2021", layout=layout)
    ta, tb = a.render().decode(a.encoding), b.render().decode(b.encoding)
    if layout in "fg":  # glued layouts: each report on one line, run together
        ta, tb, sep, end = ta.replace("\n", ""), tb.replace("\n", ""), "", ""
    else:
        sep, end = "\n\n", "\n\n"
    both, alone = extract(_doc(ta + sep + tb, "2021_x.txt")), extract(_doc(ta + end, "2021_x.txt"))
    assert _cells(both) == _cells(alone)
    assert [c.id for c in both.findings] == ["file.reports"]


def test_a_report_written_twice_is_read_once_and_is_no_finding():
    text = LUSONG + "\n打印本页 关闭窗口\n" + LUSONG + "\n版权所有 ICP备12345678号\n"
    doc = _doc(text)
    parts = find_parts(doc)
    assert len(parts) == 2 and parts[1].copy_of == 0
    ex = extract(doc)
    assert ex.findings == () and not any(c.id == "file.reports" for c in ex.checks)
    assert _cells(ex) == _cells(extract(_doc(LUSONG + "\n")))
    # the copy with the most figures is read: here the second, its page's footer giving one more
    where = f"line {parts[1].line} (株洲市芦淞区人民政府, 2019)"
    assert any(w.endswith(f"the report stands twice in this file (again at {where}); the copy with the most "
                          f"figures, at {where}, is read") for w in ex.warnings)
    assert min(c.line for c in ex.cells if c.line) > parts[1].line


def test_the_first_lines_echoed_above_the_report_are_not_what_is_read():
    # a page's opening echoed above the whole report, cut inside the statistics table's last figure
    # (215 echoed as 21): the whole report is read, never the echo's cut figure
    text = _text(SAMPLES / "2018_dongsheng.txt").rstrip("\n")
    echo = text[:text.rindex("215 |") + 2]
    assert echo.endswith("\n21")
    doc = _doc(echo + "\n" + text, "2018_x.txt")
    parts = find_parts(doc)
    assert len(parts) == 2 and parts[1].copy_of is None and parts[1].variant_of == 0
    ex = extract(doc)
    cell = next(c for c in ex.cells if c.row[-1] == "接受培训人员数")
    assert cell.value != 21 and (cell.value, cell.method) == (215, "prose")
    assert ex.findings == ()
    # echoed without its last row: a copy with fewer figures, and the whole one is read alone (and
    # written alone by a split)
    echo = text[:text.rindex("(三)接受培训人员数")]
    doc = _doc(echo + "\n" + text, "2018_x.txt")
    parts = find_parts(doc)
    assert parts[1].copy_of == 0 and parts[1].figures > parts[0].figures
    ex = extract(doc)
    assert _cells(ex) == _cells(extract(_doc(text, "2018_x.txt")))
    assert any("the copy with the most figures" in w for w in ex.warnings)
    assert [(t.rsplit("/", 1)[-1], body) for t, body, _ in split_plan(doc, parts)] == [("2018_x.1.txt", text + "\n")]


@pytest.mark.parametrize("changed_first", [False, True])
def test_a_copy_with_another_figure_is_read_with_the_first_and_both_figures_offered(changed_first):
    # the requests table's 总计 of 三（一）予以公开 (3 in the sample: its row reads 3, 3) is 4 in one copy
    lines = LUSONG.split("\n")
    at = lines.index("(一)予以公开") + 4
    assert lines[at - 2:at + 1] == ["3", "", "3"]
    changed = "\n".join(lines[:at] + ["4"] + lines[at + 1:])
    first, second = (changed, LUSONG) if changed_first else (LUSONG, changed)
    doc = _doc(first + "\n打印本页 关闭窗口\n" + second)
    parts = find_parts(doc)
    assert len(parts) == 2 and parts[1].variant_of == 0 and parts[1].copy_of is None
    lo, hi = ("4", "3") if changed_first else ("3", "4")
    assert parts[1].differs == f"line {at + 1} says {lo}, line {first.count(chr(10)) + 3 + at} says {hi}"
    ex = extract(doc)
    assert ex.findings == ()  # one report: nothing fails for the file, the cell waits for the analyst
    row = {c.column[-1]: c for c in ex.cells if c.table == "requests" and c.row[-1] == "予以公开"}
    # left for the analyst, whichever copy comes first: no cell of the row is filled
    assert all(c.value is None for c in row.values())
    again = f"its row stands again with other figures ({'3 3, after 3 4' if changed_first else '3 4, after 3 3'})"
    assert any(again in w for w in ex.warnings)
    # both copies' readings offered, whichever comes first (before: the first copy's alone — 总计 4
    # alone), 3 first — the one that keeps 总计 = 自然人 + 法人或其他组织 — and still only offered
    assert row["总计"].candidates == ((3, 0.898), (4, 0.102)) and row["自然人"].candidates[0][0] == 3
    split = next(sp for k, sp in ex.splits.items() if k[0] == "requests" and k[1][-1] == "予以公开")
    assert [ch[-1] for ch, _ in split.choices[:2]] == [3, 4] and split.offered
    assert any("the report stands again at line" in w and "both are read" in w for w in ex.warnings)


def test_a_copy_that_differs_in_the_last_row_at_the_very_end_is_no_copy():
    # a legacy statistics table ends the text: its last figure changed is the copies' only difference
    text = _text(SAMPLES / "2018_dongsheng.txt").rstrip("\n")
    assert text.endswith("215 |")
    doc = _doc(text + "\n" + text[:-5] + "216 |", "2018_x.txt")
    parts = find_parts(doc)
    assert parts[1].variant_of == 0
    ex = extract(doc)
    cell = next(c for c in ex.cells if c.row[-1] == "接受培训人员数")
    # the table's rows give 215 and 216: the report's own sentence (共培训215人次, in both copies)
    # gives the cell, as a sentence's figure, not as the table's
    assert (cell.value, cell.method, cell.confidence, cell.line) == (215, "prose", 0.4, 19)
    assert any("line 272 says 215, line 544 says 216; left blank with both offered" in w for w in ex.warnings)


def test_a_contents_list_and_a_list_inside_a_report_are_not_reports():
    toc = ("株洲市芦淞区人民政府2019年政府信息公开年度报告\n目录\n一、总体情况\n二、主动公开政府信息情况\n"
           "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
           "六、其他需要报告的事项\n")
    assert len(find_parts(_doc(toc + LUSONG))) == 1
    # the first heading again after less than a report's body (a quoted outline, a repeated heading)
    short = "一、总体情况\n" + "本年度工作稳步推进。" * 20 + "\n二、主动公开\n一、总体情况\n" + "正文。" * 400
    assert len(_SPACE_FREE(short.split("一、总体情况")[1])) < MIN_BODY
    assert len(find_parts(_doc(short))) == 1
    for path in sorted(SAMPLES.iterdir()) + sorted(EXAMPLES.iterdir()):
        assert len(find_parts(read_bytes(path.read_bytes(), path.name))) == 1, path.name


def test_a_report_with_no_overview_or_bare_headings_starts_at_its_title():
    # the second report's outline opens at another section (it has no 总体情况), after its title
    a, b = HUAIYIN.index("一、总体情况"), HUAIYIN.index("二、主动公开政府信息情况")
    no_overview = HUAIYIN[:a] + "一、主动公开政府信息情况" + HUAIYIN[b + len("二、主动公开政府信息情况"):]
    second = "某某县人民政府2020年政府信息公开工作年度报告\n" + no_overview
    doc = _doc(LUSONG + "\n" + second)
    parts = find_parts(doc)
    assert len(parts) == 2 and doc.text[parts[1].start:].startswith("某某县人民政府2020年政府信息公开工作年度报告")
    assert _cells(extract(doc)) == _cells(extract(_doc(LUSONG + "\n")))
    # … or its headings have no ordinals (总体情况 a line of its own)
    second = "某某县人民政府2020年政府信息公开工作年度报告\n" + HUAIYIN.replace("一、总体情况\n", "总体情况\n", 1)
    assert len(find_parts(_doc(LUSONG + "\n" + second))) == 2
    # without its title, neither starts a report: 一、 before a section's name inside a report, a
    # bare 总体情况 quoted on a line
    assert len(find_parts(_doc(LUSONG + "\n" + no_overview))) == 1


def test_a_title_named_inside_a_report_starts_no_report():
    # 总体情况 says the last report was published, then the requests table's first row (一、本年新收…),
    # or a cited document names a report: neither starts one
    said = LUSONG.replace("三、收到和处理政府信息公开申请情况", "按时发布2018年政府信息公开工作年度报告。\n"
                          "三、收到和处理政府信息公开申请情况", 1)
    assert len(find_parts(_doc(said))) == 1
    cited = LUSONG.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况\n按照《关于做好2019年政府信息公开工作"
                           "年度报告编制发布工作的通知》要求：\n一、主动公开政府信息情况还需加强", 1)
    assert len(find_parts(_doc(cited))) == 1
    assert _cells(extract(_doc(cited))) == _cells(extract(_doc(LUSONG)))
    # a table's number or an eleventh heading before the overview's words: 表一、总体情况统计表
    table = LUSONG.replace("五、存在的主要问题及改进情况", "附：表一、总体情况统计表（见附件）\n五、存在的主要问题及改进情况", 1)
    assert len(find_parts(_doc(table))) == 1


def test_a_related_articles_opening_words_after_the_report_are_no_report():
    at = HUAIYIN.index("一、总体情况")
    excerpt = "相关阅读：淮阴区人民政府2020年政府信息公开工作年度报告\n" + HUAIYIN[at:at + 120] + "…\n" \
              + "网站地图 | 联系我们 | 版权所有：某某县人民政府 ICP备12345678号\n"
    doc = _doc(LUSONG + "\n" + excerpt)
    assert find_parts(doc) == (find_parts(doc)[0],) and len(find_parts(doc)) == 1
    assert extract(doc).findings == ()


def _SPACE_FREE(s: str) -> str:
    return "".join(s.split())


def test_split_plan_names_each_report_and_leaves_copies_out(tmp_path):
    text = LUSONG + "\n" + HUAIYIN + "\n" + HUAIYIN
    doc = read_bytes(text.encode("utf-8"), str(tmp_path / "汇编.txt"))
    parts = find_parts(doc)
    assert [p.copy_of for p in parts] == [None, None, 1]
    plan = split_plan(doc, parts)
    assert [Path(t).name for t, _, _ in plan] == ["汇编.1.txt", "汇编.2.txt"]
    assert plan[0][1] == LUSONG.strip("\n") + "\n"
    assert plan[1][1].startswith("本报告由淮阴区") and plan[1][1].count("一、总体情况") == 1
    assert [Path(t).parent for t, _, _ in split_plan(doc, parts, str(tmp_path / "out"))] == [tmp_path / "out"] * 2


def test_cli_split_writes_each_report_and_never_replaces_a_file(tmp_path):
    src = tmp_path / "2019_汇编.txt"
    src.write_text(LUSONG + "\n" + HUAIYIN, encoding="utf-8")
    run = CliRunner().invoke
    r = run(main, ["split", str(src)])
    assert r.exit_code == 0, r.output
    assert "wrote 2 reports: 2019_汇编.1.txt (株洲市芦淞区人民政府, 2019), 2019_汇编.2.txt (淮阴区人民政府, 2020)" in r.output
    one, two = tmp_path / "2019_汇编.1.txt", tmp_path / "2019_汇编.2.txt"
    assert extract(read_bytes(one.read_bytes(), one.name)).findings == ()
    ex2 = extract(read_bytes(two.read_bytes(), two.name))
    assert (ex2.agency, ex2.year, ex2.findings) == ("淮阴区人民政府", 2020, ())
    assert _cells(ex2) == _cells(extract(read_bytes(HUAIYIN.encode("utf-8"), two.name)))
    two.write_text("mine", encoding="utf-8")
    r = run(main, ["split", str(src)])
    assert r.exit_code == 2 and "2019_汇编.1.txt: exists; not replaced" in r.output
    assert two.read_text(encoding="utf-8") == "mine"
    r = run(main, ["split", str(src), "--force"])
    assert r.exit_code == 0 and two.read_text(encoding="utf-8").startswith("本报告由淮阴区")
    r = run(main, ["split", str(src), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0 and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2019_汇编.1.txt", "2019_汇编.2.txt"]
    r = run(main, ["split", str(SAMPLES / "2019_lusong.txt")])
    assert r.exit_code == 0 and r.output.endswith("holds one report; nothing written\n")
    r = run(main, ["split", str(tmp_path / "none.txt")])
    assert r.exit_code == 2 and r.output.strip().endswith("none.txt: no such file")


def test_a_pdf_of_two_reports_reads_the_first_pages_alone():
    import io

    import pypdfium2 as pdfium

    a = make_report(3, seed=5, template_id="gik-2021", layout="p")
    b = make_report(4, seed=5, template_id="gik-2021", layout="p")
    out = pdfium.PdfDocument.new()
    for data in (a.render(), b.render()):
        out.import_pages(pdfium.PdfDocument(data))
    buf = io.BytesIO()
    out.save(buf)
    doc = read_bytes(buf.getvalue(), "2021_汇编.pdf")
    parts = find_parts(doc)
    assert len(parts) == 2 and doc.page_of(parts[1].start) == 4  # the second report's first page
    ex, alone = extract(doc), extract(read_bytes(a.render(), "2021_汇编.pdf"))
    assert _cells(ex) == _cells(alone) and sum(c.value is not None for c in ex.cells) == 200
    assert max(c.page for c in ex.cells if c.page) == 3
    assert [c.id for c in ex.findings] == ["file.reports"]


def test_a_compilation_of_many_reports_names_a_few_and_counts_the_rest():
    reports = [make_report(i, seed=9, template_id="gik-2021", layout="a") for i in range(12)]
    text = "\n".join(r.render().decode(r.encoding) for r in reports)
    doc = _doc(text, "2021_汇编.txt")
    parts = find_parts(doc)
    assert len(parts) == 12 and all(p.copy_of is None and p.variant_of is None for p in parts)
    assert [(p.agency, p.year) for p in parts] == [(r.agency, r.year) for r in reports]
    said = describe(parts)
    assert said.startswith("this file holds 12 reports: line 1 (") and ", … and 7 more; only the first is read" in said
    assert _cells(extract(doc)) == _cells(extract(_doc(text[:parts[1].start], "2021_汇编.txt")))
