"""The bad-input corpus: made by this script (no checked-in blobs), each file with its expected
outcome. `python tests/badinput.py DIR` writes it to DIR for trying by hand."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

SAMPLES = Path(__file__).resolve().parents[1] / "sample_reports"


@dataclass
class Case:
    name: str
    error: str | None = None  # the reason in the one-line error, None when the file is readable
    text_has: tuple[str, ...] = ()  # strings the decoded text must contain
    warns: tuple[str, ...] = ()  # strings some warning must contain
    cells: dict = field(default_factory=dict)  # (table, row, column) → value
    big: bool = False  # too large for the quick app tests
    annotation: str | None = None  # the report's annotation is bad: what the warning about it says


def _sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


ROW = ("本年新收政府信息公开申请数量",)
HOSTILE = ("[bold]某县人民政府[/]2019年政府信息公开年度报告\n一、总体情况[/]\n[@click=app.quit]点我[/]\n"
           "\x1b[31m红色\x1b[0m 响铃\x07 退格\x08 \u202e倒序文字\u202c\n二、主动公开政府信息情况\n")


def make_corpus(folder: str | os.PathLike, big: bool = True) -> list[Case]:
    d = Path(folder)
    d.mkdir(parents=True, exist_ok=True)
    huaiyin = _sample("2020_huaiyin.txt")
    lusong = _sample("2019_lusong.txt")
    cases: list[Case] = []

    def put(name: str, data: bytes, case: Case) -> None:
        (d / name).write_bytes(data)
        cases.append(case)

    put("empty.txt", b"", Case("empty.txt", error="empty file"))
    put("whitespace.txt", b" \n\t\r\n  \n", Case("whitespace.txt", error="only whitespace"))
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 16
    put("image.txt", png, Case("image.txt", error="picture"))  # a damaged PNG: said as a picture, OCR or not
    put("nul.txt", b"\xe4\xb8\x80\x00\x00abc\x00" * 300, Case("nul.txt", error="binary"))
    raw = huaiyin.encode()
    put("bad-utf8.txt", raw[:3000] + b"\xff\xfe\x80" + raw[3000:],
        Case("bad-utf8.txt", warns=("invalid byte sequence",), cells={("review", (), ("行政复议", "总计")): 0}))
    page = ('<html><head><meta charset="utf-8"><title>t</title></head><body><div class="content">'
            + "".join(f"<p>{line}</p>" for line in lusong.splitlines() if line.strip()) + "</div></body></html>")
    put("gbk-says-utf8.html", page.encode("gb18030"),
        Case("gbk-says-utf8.html", text_has=("株洲市芦淞区人民政府",),
             cells={("review", (), ("行政诉讼", "未经复议直接起诉", "总计")): 42}))
    put("utf16-bom.txt", huaiyin.encode("utf-16"), Case("utf16-bom.txt", text_has=("淮阴区",),
                                                        cells={("requests", ROW, ("总计",)): 18}))
    put("utf16-nobom.txt", huaiyin.encode("utf-16-le"), Case("utf16-nobom.txt", text_has=("淮阴区",),
                                                              cells={("requests", ROW, ("总计",)): 18}))
    if big:
        reps = 20_000_000 // len(raw) + 1
        put("big-20mb.txt", raw * reps, Case("big-20mb.txt", big=True, cells={("requests", ROW, ("总计",)): 18}))
    put("long-line.txt", ("一、总体情况\n" + "政府信息" * 250_000 + "\n").encode(), Case("long-line.txt", big=True))
    put("many-lines.txt", "\n".join("规章" if i % 3 == 0 else str(i) for i in range(200_000)).encode(),
        Case("many-lines.txt", big=True))
    nested = ("<html><body><div class='content'><p>某县人民政府2020年政府信息公开工作年度报告<p>一、总体情况"
              "<table><tr><td>外<table><tr><td>内<table><tr><td>更内</td></tr></table></td></tr></table></td><td>2"
              "<tr><td colspan=999999>跨</td></tr></table><p>二、主动公开政府信息情况<div><span>未闭合")
    put("nested.html", nested.encode(), Case("nested.html", text_has=("外内更内 | 2 |",)))
    numbers = ("某县人民政府2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
               "一、本年新收政府信息公开申请数量 | 99999999999999999999 | −3 | 1e400 | — | 无 | - | 5 |\n")
    put("numbers.txt", numbers.encode(), Case("numbers.txt", warns=("'1e400' is not a figure", "'−3' under 法人或其他组织 / "
                                                                   "商业企业 is a change, not a count"), cells={
        ("requests", ROW, ("自然人",)): 99999999999999999999,
        ("requests", ROW, ("法人或其他组织", "商业企业")): None,  # (a count below nought is none)
        ("requests", ROW, ("法人或其他组织", "科研机构")): None,
        ("requests", ROW, ("法人或其他组织", "社会公益组织")): None,
        ("requests", ROW, ("法人或其他组织", "法律服务机构")): None,
        ("requests", ROW, ("总计",)): 5,
    }))
    put("hostile.txt", HOSTILE.encode(), Case("hostile.txt", text_has=("[bold]某县人民政府[/]", "\x1b[31m", "\u202e")))
    # issue 9: old Word exports leave one <font> open per line, 255+ deep: nothing after is lost
    lines = [ln for ln in huaiyin.splitlines() if ln.strip()]
    deep = "<html><body>" + "".join(f"<font face='宋体'>{ln}<br>\n" for ln in lines * 2) + "</body></html>"
    put("deep-font.html", deep.encode(), Case("deep-font.html", text_has=("淮阴区",),
                                               cells={("requests", ROW, ("总计",)): 18,
                                                      ("review", (), ("行政复议", "总计")): 0}))
    put("deep-10000.html", ("<html><body>" + "<div>" * 10_000 + "某县人民政府2020年政府信息公开工作年度报告<p>一、总体情况"
                            + "</div>" * 10_000 + "</body></html>").encode(),
        Case("deep-10000.html", text_has=("某县人民政府2020年",), warns=("read flattened",)))
    put("colspan-bomb.html", ("<html><body><p>某县人民政府2020年政府信息公开工作年度报告</p><table>"
                              + ("<tr>" + "<td colspan=100 rowspan=100>1</td>" * 300 + "</tr>") * 10
                              + "</table></body></html>").encode(),
        Case("colspan-bomb.html", warns=("were cut",)))
    put("nan-inf.txt", ("某县人民政府2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
                        "一、本年新收政府信息公开申请数量 | NaN | inf | 1 | 2 | 3 | 4 | 10 |\n").encode(),
        Case("nan-inf.txt", warns=("'NaN' is not a figure", "'inf' is not a figure"),
             cells={("requests", ROW, ("自然人",)): None, ("requests", ROW, ("总计",)): 10}))
    put("long-row.txt", ("某县人民政府2020年政府信息公开工作年度报告\n二、上年结转政府信息公开申请数量 | "
                         + " | ".join(["1"] * 7000) + " |\n").encode(),
        Case("long-row.txt", warns=("too long to be a table row",)))
    # not regular files: never read, never waited on
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "fifo.txt")
        cases.append(Case("fifo.txt", error="a FIFO (named pipe), not a report file"))
    for name, dev in (("zero.txt", "/dev/zero"), ("urandom.html", "/dev/urandom")):
        if os.path.exists(dev):
            os.symlink(dev, d / name)
            cases.append(Case(name, error="a device, not a report file"))
    # hostile annotations beside readable reports: each is named and left out (wholly or in part),
    # never a crash, never applied to the wrong report, never sent to the terminal
    osc52 = "\x1b]52;c;cHduZWQ=\x1b\\"
    bad_annotations = {
        "numbers.txt": ('schema = 1\n[report]\nsource = "numbers.txt"\n[meta]\ntemplate = "gik-9999"\nagency = 123\n'
                        'year = "abc"\n[[cells]]\ntable = "review"\nrow = []\ncolumn = ["行政复议", "总计"]\nvalue = nan\n',
                        "meta.template 'gik-9999' is not a known format"),
        "hostile.txt": (tomli_w.dumps({"schema": 1, "report": {"source": "hostile.txt"},
                                       "review": {"status": "flagged", "note": "复制" + osc52 + "\x1b[2J"},
                                       "meta": {"agency": "某县" + osc52 + "\u202e政府"}}), None),
        "utf16-bom.txt": ('schema = "1"\n', "schema must be a whole number"),
        "gbk-says-utf8.html": ('schema = 1\n[report]\nsource = "other.html"\n[review]\nstatus = "done"\n',
                               "belongs to another report (other.html)"),
    }
    by_name = {c.name: c for c in cases}
    for name, (toml, warning) in bad_annotations.items():
        (d / f"{name}.gik.toml").write_text(toml, encoding="utf-8")
        by_name[name].annotation = warning
    return cases


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "bad-input"
    for c in make_corpus(out):
        print(f"{c.name}: {'error: ' + c.error if c.error else 'readable'}")
