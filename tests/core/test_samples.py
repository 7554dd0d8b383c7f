"""Every table cell of the three sample reports that have tables, as read off the reports by hand."""

from __future__ import annotations

import pytest

from gik_tui.core.templates import load_template

A = "第二十条第（一）项"
B5 = "第二十条第（五）项"
B6 = "第二十条第（六）项"
B8 = "第二十条第（八）项"
B9 = "第二十条第（九）项"
R = "本年度办理结果"

REQ_ROWS_2019 = [tuple(r) for r in load_template("gik-2019").table("requests").blocks[0].rows]
REQ_COLS = [tuple(c) for c in load_template("gik-2019").table("requests").blocks[0].columns]
REVIEW_COLS = [tuple(c) for c in load_template("gik-2019").table("review").blocks[0].columns]


def val(ex, table, row, column):
    c = ex.cell(table, row, column)
    assert c is not None, (table, row, column)
    return c.value


# ------------------------------------------------------------------ 2020_huaiyin.txt (layout c)
HUAIYIN_ACTIVE = {
    (A, "规章"): [0, 0, 0],
    (A, "规范性文件"): [1, 1, 42],
    (B5, "行政许可"): [172, 8, 22990],
    (B5, "其他对外管理服务事项"): [585, -21, 22605],
    (B6, "行政处罚"): [4416, 45, 4642],
    (B6, "行政强制"): [233, 3, 1373],
    (B8, "行政事业性收费"): [19, -1],
    (B9, "政府集中采购"): [518, 78874.11],
}
HUAIYIN_REQUESTS = {row: [0] * 7 for row in REQ_ROWS_2019}
HUAIYIN_REQUESTS.update({
    ("本年新收政府信息公开申请数量",): [17, 1, 0, 0, 0, 0, 18],
    (R, "予以公开"): [5, 1, 0, 0, 0, 0, 6],
    (R, "部分公开"): [1, 0, 0, 0, 0, 0, 1],
    (R, "不予公开", "属于三类内部事务信息"): [2, 0, 0, 0, 0, 0, 2],
    (R, "无法提供", "本机关不掌握相关政府信息"): [6, 0, 0, 0, 0, 0, 6],
    (R, "其他处理"): [3, 0, 0, 0, 0, 0, 3],
    (R, "总计"): [17, 1, 0, 0, 0, 0, 18],
})


def test_huaiyin_meta(extracted):
    ex = extracted["2020_huaiyin"]
    assert (ex.template, ex.year, ex.agency) == ("gik-2019", 2020, "淮阴区人民政府")
    assert len(ex.sha256) == 64


def test_huaiyin_active(extracted):
    ex = extracted["2020_huaiyin"]
    spec = load_template("gik-2019").table("active")
    for block in spec.blocks:
        for row in block.rows:
            got = [val(ex, "active", row, c) for c in block.columns]
            assert got == HUAIYIN_ACTIVE[row], row
    buy = ex.cell("active", (B9, "政府集中采购"), ("采购总金额",))
    assert (buy.raw, buy.unit) == ("78874.11万元", "万元")
    assert ex.cell("active", (B5, "其他对外管理服务事项"), ("本年增/减",)).raw == "-21"


def test_huaiyin_requests(extracted):
    ex = extracted["2020_huaiyin"]
    for row, expected in HUAIYIN_REQUESTS.items():
        assert [val(ex, "requests", row, c) for c in REQ_COLS] == expected, row
    assert all(c.confidence == 1.0 for c in ex.cells if c.table == "requests")


def test_huaiyin_review(extracted):
    ex = extracted["2020_huaiyin"]
    assert [val(ex, "review", (), c) for c in REVIEW_COLS] == [0] * 15


def test_huaiyin_provenance(extracted, samples):
    ex = extracted["2020_huaiyin"]
    text = (samples / "2020_huaiyin.txt").read_text(encoding="utf-8")
    c = ex.cell("active", (B5, "行政许可"), ("处理决定数量",))
    assert c.line == 21 and text[c.start:c.end] == "22990"
    assert text.split("\n")[c.line - 1].startswith("行政许可 | 172")
    for cell in ex.cells:
        assert text[cell.start:cell.end] == cell.raw


# ------------------------------------------------------------------ 2019_lusong.txt (layout b)
LUSONG_ACTIVE = {
    (A, "规章"): [0, 0, 0],
    (A, "规范性文件"): [3, 3, 3],
    (B5, "行政许可"): [195, 9, 212],
    (B5, "其他对外管理服务事项"): [323, 109, 432],
    (B6, "行政处罚"): [221, -61, 160],
    (B6, "行政强制"): [27, 5, 32],
    (B8, "行政事业性收费"): [None, None],  # one value for two columns: which one, nothing says
    (B9, "政府集中采购"): [542, 14246.73],
}
LUSONG_REQUESTS = {row: 0 for row in REQ_ROWS_2019}
LUSONG_REQUESTS.update({
    ("本年新收政府信息公开申请数量",): 11,
    (R, "予以公开"): 3,
    (R, "部分公开"): 4,
    (R, "不予公开", "危及“三安全一稳定”"): 1,
    (R, "无法提供", "本机关不掌握相关政府信息"): 3,
    (R, "总计"): 11,
})


def test_lusong_meta(extracted):
    ex = extracted["2019_lusong"]
    assert (ex.template, ex.year, ex.agency) == ("gik-2019", 2019, "株洲市芦淞区人民政府")


def test_lusong_active(extracted):
    ex = extracted["2019_lusong"]
    spec = load_template("gik-2019").table("active")
    for block in spec.blocks:
        for row in block.rows:
            assert [val(ex, "active", row, c) for c in block.columns] == LUSONG_ACTIVE[row], row
    assert ex.cell("active", (B5, "行政许可"), ("本年增/减",)).raw == "增9"
    assert ex.cell("active", (B9, "政府集中采购"), ("采购总金额",)).unit == "万元"
    fee = ex.cell("active", (B8, "行政事业性收费"), ("上一年项目数量",))
    change = ex.cell("active", (B8, "行政事业性收费"), ("本年增/减",))
    assert fee.method == change.method == "inferred"
    assert {v for v, _ in fee.candidates} == {v for v, _ in change.candidates} == {1, None}


def test_lusong_requests_dropped_cells(extracted):
    """Each row shows two equal values: its total (the template's rule for a row that lost its
    empty cells) and one part, which the identities cannot place (every column could hold it):
    the part stays blank with its candidates, 自然人 ranked first; never a guessed value."""
    ex = extracted["2019_lusong"]
    for row, v in LUSONG_REQUESTS.items():
        got = [val(ex, "requests", row, c) for c in REQ_COLS]
        assert got == [None, None, None, None, None, None, v], row
        total = ex.cell("requests", row, ("总计",))
        assert (total.method, total.confidence) == ("inferred", 0.9)
        person = ex.cell("requests", row, ("自然人",))
        assert person.candidates[0][0] == v and {x for x, _ in person.candidates} == {v, None}
        for c in REQ_COLS[1:6]:
            assert {x for x, _ in ex.cell("requests", row, c).candidates} == {v, None}
    assert any("requests: 23 row(s) missing empty cells" in w and "138 left blank with candidates" in w
               for w in ex.warnings)


def test_lusong_review(extracted):
    ex = extracted["2019_lusong"]
    expected = [1, 1, 0, 0, 2, 11, 5, 26, 0, 42, 0, 0, 0, 0, 0]
    assert [val(ex, "review", (), c) for c in REVIEW_COLS] == expected


# ------------------------------------------------------------------ 2018_dongsheng.txt (layout a)
S1, S2, S3, S8, S9 = "主动公开情况", "回应解读情况", "依申请公开情况", "机构建设和保障经费情况", "政府信息公开会议和培训情况"
CH = "通过不同渠道和方式公开政府信息的情况"
RC = "通过不同渠道和方式回应解读的情况"
ANS = (S3, "申请答复数")
NO = (*ANS, "不同意公开答复数")
DONGSHENG = {
    (S1, "主动公开政府信息数"): 13173,
    (S1, "主动公开政府信息数", "主动公开规范性文件数"): 3,
    (S1, "制发规范性文件总数"): 4,
    (S1, CH, "政府公报公开政府信息数"): 97,
    (S1, CH, "政府网站公开政府信息数"): 8755,
    (S1, CH, "政务微博公开政府信息数"): 1125,
    (S1, CH, "政务微信公开政府信息数"): 2642,
    (S1, CH, "其他方式公开政府信息数"): 651,
    (S2, "回应公众关注热点或重大舆情数"): 50,
    (S2, RC, "参加或举办新闻发布会总次数"): 19,
    (S2, RC, "参加或举办新闻发布会总次数", "主要负责同志参加新闻发布会次数"): 19,
    (S2, RC, "政府网站在线访谈次数"): 0,
    (S2, RC, "政府网站在线访谈次数", "主要负责同志参加政府网站在线访谈数"): 0,
    (S2, RC, "政策解读稿件发布数"): 45,
    (S2, RC, "微博微信回应事件数"): 18,
    (S2, RC, "其他方式回应事件数"): 2,
    (S3, "收到申请数"): 1,
    (S3, "收到申请数", "当面申请数"): 1,
    (S3, "收到申请数", "传真申请数"): 0,
    (S3, "收到申请数", "网络申请数"): 0,
    (S3, "收到申请数", "信函申请数"): 0,
    (S3, "申请办结数"): 1,
    (S3, "申请办结数", "按时办结数"): 1,
    (S3, "申请办结数", "延期办结数"): 0,
    ANS: 1,
    (*ANS, "属于已主动公开范围数"): 0,
    (*ANS, "同意公开答复数"): 0,
    (*ANS, "同意部分公开答复数"): 1,
    NO: 0,
    (*NO, "涉及国家秘密"): 0,
    (*NO, "涉及商业秘密"): 0,
    (*NO, "涉及个人隐私"): 1,
    (*NO, "危及国家安全、公共安全、经济安全和社会稳定"): 0,
    (*NO, "不是《条例》所指应公开的政府信息"): 0,
    (*NO, "法律法规规定的其他情形"): 0,
    (*ANS, "不属于本行政机关公开数"): 0,
    (*ANS, "申请信息不存在数"): 0,
    (*ANS, "告知作出更改补充数"): 0,
    (*ANS, "告知通过转其他途径办理数"): 0,
    ("行政复议数量",): 0,
    ("行政复议数量", "维持具体行政行为数"): 0,
    ("行政复议数量", "被依法纠错数"): 0,
    ("行政复议数量", "其他情形数"): 0,
    ("行政诉讼数量",): 1,
    ("行政诉讼数量", "维持具体行政行为或者驳回原告诉讼请求数"): 0,
    ("行政诉讼数量", "被依法纠错数"): 1,
    ("行政诉讼数量", "其他情形数"): 0,
    ("举报投诉数量",): 0,
    ("依申请公开信息收取的费用",): 0,
    (S8, "政府信息公开工作专门机构数"): 1,
    (S8, "设置政府信息公开查阅点数"): 6,
    (S8, "从事政府信息公开工作人员数"): 2,
    (S8, "从事政府信息公开工作人员数", "专职人员数"): 1,
    (S8, "从事政府信息公开工作人员数", "兼职人员数"): 1,
    (S8, "政府信息公开专项经费"): 0,
    (S9, "召开政府信息公开工作会议或专题会议数"): 3,
    (S9, "举办各类培训班数"): 1,
    (S9, "接受培训人员数"): 215,
}


def test_dongsheng_stats_every_cell(extracted):
    ex = extracted["2018_dongsheng"]
    assert (ex.template, ex.year, ex.agency) == ("legacy", 2018, "东胜区人民政府")
    rows = [r for r, _ in load_template("legacy").table("stats").cells]
    assert set(rows) == set(DONGSHENG)
    for row, v in DONGSHENG.items():
        assert val(ex, "stats", row, ("统计数",)) == v, row


def test_dongsheng_first_cell_is_the_first_table(extracted):
    ex = extracted["2018_dongsheng"]
    first = next(c for c in ex.cells if c.value is not None)
    assert (first.row[-1], first.value, first.line) == ("主动公开政府信息数", 13173, 30)


def test_dongsheng_units(extracted):
    ex = extracted["2018_dongsheng"]
    assert ex.cell("stats", (S2, RC, "政策解读稿件发布数"), ("统计数",)).unit == "篇"
    assert ex.cell("stats", ("依申请公开信息收取的费用",), ("统计数",)).unit == "万元"
    assert ex.cell("stats", (S9, "接受培训人员数"), ("统计数",)).unit == "人次"


def test_dongsheng_prose_vs_table_warning(extracted):
    ex = extracted["2018_dongsheng"]
    w = [w for w in ex.warnings if "主动公开政府信息数" in w and "8755" in w]
    assert len(w) == 1 and "13173" in w[0] and "table's value stands" in w[0]
    assert [o.label for o in ex.other_rows] == ["政府公文公开政府信息数"]  # kept as its own row, not dropped


@pytest.mark.parametrize("stem", ["2016_dongchang", "2018_liuzhi"])
def test_prose_reports_have_no_table_cells(extracted, stem):
    ex = extracted[stem]
    assert ex.template == "legacy"
    assert all(c.confidence <= 0.4 for c in ex.cells if c.value is not None)


def test_liuzhi_prose_figures(extracted, samples):
    ex = extracted["2018_liuzhi"]
    text = (samples / "2018_liuzhi.txt").read_text(encoding="utf-8")
    got = {c.row[-1]: c.value for c in ex.cells if c.value is not None}
    assert got["主动公开政府信息数"] == 32500
    assert got["政府网站公开政府信息数"] == 11614
    assert got["收到申请数"] == 11
    assert got["网络申请数"] == 10 and got["信函申请数"] == 1
    assert got["从事政府信息公开工作人员数"] == 60 and got["兼职人员数"] == 59
    assert got["政府信息公开专项经费"] == 378.498
    assert "接受培训人员数" not in got  # "300余人次" is not a figure: never invent one
    trained = ex.cell("stats", ("政府信息公开会议和培训情况", "接受培训人员数"), ("统计数",))
    offers = ex.offers[trained.key]  # an estimate: offered, enter taking it not
    assert trained.candidates == ((300, 1.0),) and not offers.decided and "300余人次, an estimate" in offers.choices[0][2]
    c = ex.cell("stats", ("主动公开情况", "主动公开政府信息数"), ("统计数",))
    assert (c.line, text[c.start:c.end]) == (13, "32500")
    assert (ex.year, ex.agency) == (2018, "六枝特区人民政府")


def test_dongchang_prose_figures(extracted):
    ex = extracted["2016_dongchang"]
    got = {c.row[-1]: c.value for c in ex.cells if c.value is not None}
    assert got["主动公开政府信息数"] == 5977
    assert got["制发规范性文件总数"] == 167
    assert got["政务微信公开政府信息数"] == 486
    assert got["回应公众关注热点或重大舆情数"] == 29
    assert got["收到申请数"] == 0
    assert got["专职人员数"] == 10
    assert (ex.year, ex.agency) == (2016, "东昌区政府")


# ------------------------------------------------------------------ checks
def test_checks(extracted):
    failing = {stem: [c.id for c in ex.checks if c.state == "fails"] for stem, ex in extracted.items()}
    assert failing == {
        "2016_dongchang": [],
        "2018_dongsheng": ["stats.refused"],
        "2018_liuzhi": [],
        "2019_lusong": [],
        "2020_huaiyin": [],
    }
    # 2019_lusong's applicant columns are undecided: its tables and the sums over them are pending
    # (waiting for those cells), never failing and never clean
    pending = {stem: [c.id for c in ex.pending] for stem, ex in extracted.items()}
    assert [k for k, v in pending.items() if v] == ["2018_liuzhi", "2019_lusong"]
    assert pending["2018_liuzhi"] == ["stats.undecided"]  # (its training's 300余人次: an estimate, offered)
    assert {"active.undecided", "requests.undecided", "requests.balance[自然人]"} <= set(pending["2019_lusong"])
    assert len(pending["2019_lusong"]) == 37
    balance = next(c for c in extracted["2019_lusong"].pending if c.id == "requests.balance[自然人]")
    assert [r.row for r in balance.waiting] == [("本年新收政府信息公开申请数量",), ("上年结转政府信息公开申请数量",),
                                               ("本年度办理结果", "总计"), ("结转下年度继续办理",)]
    assert "pending — waits for 4 cell(s)" in balance.message
    assert len(extracted["2020_huaiyin"].checks) == 40
    bad = extracted["2018_dongsheng"].failing[0]
    assert "不同意公开答复数 0" in bad.message and "涉及个人隐私 1" in bad.message
    assert ("stats", NO, ("统计数",)) in [c.key for c in bad.cells]


# ------------------------------------------------------------------ headings
SECTIONS = {
    "2016_dongchang": [("一、基本工作情况", "概述"), ("二、主动公开政府信息情况", "主动公开政府信息情况"),
                       ("三、回应解读情况", "回应解读情况"), ("四、依申请公开政府信息情况", "依申请公开政府信息情况"),
                       ("五、行政复议、诉讼和申诉情况", "行政复议和行政诉讼情况"),
                       ("六、政府信息公开的收费和减免情况", "政府信息公开的收费及减免情况"),
                       ("七、2016年东昌区政务公开要点落实情况", None), ("八、建议和提案办理结果公开情况", None),
                       ("九、2017年工作安排", "存在的主要问题及改进情况")],
    "2018_dongsheng": [("一、政府信息公开概况", "概述"), ("二、政府信息主动公开情况", "主动公开政府信息情况"),
                       ("三、重点领域信息公开情况", None), ("四、依申请公开办理情况", "依申请公开政府信息情况"),
                       ("五、回应解读情况", "回应解读情况"),
                       ("六、行政复议案件为零;行政诉讼案件为1件,已按法院要求重新办理。", "行政复议和行政诉讼情况"),
                       ("七、信息公开工作未发生投诉情况", None), ("八、努力方向", "存在的主要问题及改进情况"),
                       ("九、2018年东胜区政务公开工作情况统计表", None)],
    "2018_liuzhi": [("一、总体情况", "概述"), ("二、主动公开政府信息情况", "主动公开政府信息情况"),
                    ("三、回应解读情况", "回应解读情况"), ("四、基层政务公开标准化规范化试点工作情况", None),
                    ("五、办理政府信息依申请公开情况", "依申请公开政府信息情况"),
                    ("六、行政复议、行政诉讼情况", "行政复议和行政诉讼情况"),
                    ("七、存在问题及下步工作打算", "存在的主要问题及改进情况"),
                    ("八、其它需要报告的事项与附表", "其他需要报告的事项")],
    "2019_lusong": [("一、总体情况", "总体情况"), ("二、主动公开政府信息情况", "主动公开政府信息情况"),
                    ("三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"),
                    ("四、政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况"),
                    ("五、存在的主要问题及改进情况", "存在的主要问题及改进情况")],
    "2020_huaiyin": [("一、总体情况", "总体情况"), ("二、主动公开政府信息情况", "主动公开政府信息情况"),
                     ("三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"),
                     ("四、政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况"),
                     ("五、存在的主要问题及改进情况", "存在的主要问题及改进情况"),
                     ("六、其他需要报告的事项", "其他需要报告的事项")],
}


@pytest.mark.parametrize("stem", sorted(SECTIONS))
def test_headings(extracted, stem):
    ex = extracted[stem]
    assert [(s.heading, s.template_section) for s in ex.sections] == SECTIONS[stem]
    for s in ex.sections:
        assert len(s.candidates) == 3 and s.candidates[0][1] == s.score
        assert 0 <= s.score <= 100


def test_table_rows_are_not_headings(extracted):
    lusong = [s.heading for s in extracted["2019_lusong"].sections]
    assert "一、本年新收政府信息公开申请数量" not in lusong
    assert "四、结转下年度继续办理" not in lusong
    assert not any("主动公开情况 |" in s.heading for s in extracted["2018_dongsheng"].sections)


def test_a_legacy_row_the_template_does_not_list_is_kept(extracted, samples):
    """2018_dongsheng.txt's 政府公文公开政府信息数 (条, 4072) is no row of the legacy template: it is
    kept as one of the statistics table's other rows — in the JSON, the export — not dropped."""
    import json

    from click.testing import CliRunner

    from gik_tui.cli import main

    ex = extracted["2018_dongsheng"]
    [o] = ex.other_rows
    assert (o.table, o.label, o.value, o.unit, o.line) == ("stats", "政府公文公开政府信息数", 4072, "条", 37)
    assert not [w for w in ex.warnings if "not a row" in w]
    assert ex.to_dict()["other_rows"] == [{"table": "stats", "label": "政府公文公开政府信息数", "value": 4072,
                                           "raw": "4072", "unit": "条", "line": 37, "page": None}]
    r = CliRunner().invoke(main, ["export", str(samples / "2018_dongsheng.txt"), "--format", "jsonl"])
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    [other] = [x for x in rows if x["method"] == "other row"]
    assert (other["row"], other["value"], other["unit"]) == ("其他行（模板外） / 政府公文公开政府信息数", 4072, "条")


def _glue_table_lines(text: str) -> str:
    """The report as scraped with no separators inside its tables: each run of `… |` lines joined."""
    out, buf = [], ""
    for line in text.split("\n"):
        if line.endswith("|") or line.strip() == "|":
            buf += line.rstrip(" |").strip()
            continue
        if buf:
            out.append(buf)
            buf = ""
        out.append(line)
    return "\n".join(out + ([buf] if buf else []))


def test_a_legacy_row_the_template_does_not_list_is_kept_when_glued(samples, extracted):
    """…主动公开规范性文件数条3政府公文公开政府信息数条4072政府公报公开政府信息数条97…: the row no
    template lists keeps its figure when nothing can have taken its digits; with the next row's
    numbering glued to it (40721.政府公报…) it is said in a warning, never read as 40721 or 4072."""
    from gik_tui.core.extract import extract
    from gik_tui.core.readers import read_bytes

    glued = _glue_table_lines((samples / "2018_dongsheng.txt").read_text("utf-8"))
    assert "政府公文公开政府信息数条4072政府公报" in glued
    ex = extract(read_bytes(glued.encode("utf-8"), "2018_dongsheng.txt"))
    assert [(o.label, o.value, o.unit) for o in ex.other_rows] == [("政府公文公开政府信息数", 4072, "条")]
    read = {c.key: c.value for c in extracted["2018_dongsheng"].cells}
    assert all(c.value in (None, read[c.key]) for c in ex.cells)
    numbered = glued.replace("政府公文公开政府信息数条4072政府公报", "政府公文公开政府信息数条40721.政府公报")
    ex = extract(read_bytes(numbered.encode("utf-8"), "2018_dongsheng.txt"))
    assert ex.other_rows == ()
    assert any("'政府公文公开政府信息数' is not a row of the stats table" in w and "glued" in w for w in ex.warnings)
