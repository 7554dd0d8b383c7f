"""The synthetic generator reads its tables from the templates: a fourth format — a copy of the
2021 one under a new id, or a format of its own with a table of no known kind — gets a consistent
synthetic corpus that reads back, with no Python change (core/synth.py `role`)."""

from __future__ import annotations

import pytest

from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.synth import make_report, role
from gik_tui.core.templates import load_template

OWN = """
id = "gik-fees"
title = "收费情况年度报告（测试格式）"
years = [2030]
markers = ["收费项目", "减免件数"]

[[sections]]
name = "总体情况"
aliases = []

[[sections]]
name = "收费及减免情况"
aliases = []

[[sections]]
name = "其他需要报告的事项"
aliases = []

[[tables]]
id = "fees"
title = "收费及减免情况"
section = "收费及减免情况"
kind = "count"
headers = ["收费项目"]

[[tables.blocks]]
rows = [["复制费"], ["邮寄费"], ["检索费"], ["合计"]]
columns = [["收费件数"], ["减免件数"]]

[[checks]]
id = "fees.total"
table = "fees"
title = "合计 = 复制费 + 邮寄费 + 检索费"
per = "column"
kind = "eq"
lhs = [["合计"]]
rhs = [["复制费"], ["邮寄费"], ["检索费"]]

[[checks]]
id = "fees.waived"
table = "fees"
title = "减免件数 ≤ 收费件数"
per = "row"
kind = "le"
lhs = [["减免件数"]]
rhs = [["收费件数"]]
"""


@pytest.fixture
def own(tmp_path, monkeypatch):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "gik-fees.toml").write_text(OWN, encoding="utf-8")
    monkeypatch.setenv("GIK_TUI_TEMPLATES", str(folder))
    return "gik-fees"


def _reads_back(rep) -> None:
    ex = extract(read_bytes(rep.render(), rep.filename))
    assert ex.template == rep.template and ex.year == rep.year
    got = {c.key: c.value for c in ex.cells}
    assert {k: got.get(k) for k in rep.values} == rep.values
    assert ex.failing == [] and ex.pending == []


def test_a_copy_of_a_format_under_a_new_id_gets_a_corpus(fourth):
    """gik-2027 (tests/conftest.py): every table is known by its shape, not its id."""
    t = load_template("gik-2027")
    assert [role(t, s) for s in t.tables] == ["blocks", "applicants", "one row"]
    for i, layout in enumerate("abcdeh"):
        rep = make_report(i, seed=8, template_id="gik-2027", layout=layout, encoding="utf-8")
        assert 2027 <= rep.year <= 2031
        _reads_back(rep)


def test_a_format_of_its_own_gets_a_consistent_corpus(own):
    t = load_template(own)
    assert [role(t, s) for s in t.tables] == ["plain"]
    for i, layout in enumerate("abcdh"):
        rep = make_report(i, seed=8, template_id=own, layout=layout, encoding="utf-8")
        v = rep.values
        for col in (("收费件数",), ("减免件数",)):
            assert v[("fees", ("合计",), col)] == sum(v[("fees", (r,), col)] for r in ("复制费", "邮寄费", "检索费"))
        assert all(v[("fees", (r,), ("减免件数",))] <= v[("fees", (r,), ("收费件数",))]
                   for r in ("复制费", "邮寄费", "检索费", "合计"))
        _reads_back(rep)
    broken = make_report(9, seed=8, template_id=own, layout="c", encoding="utf-8", inconsistent=True)
    assert broken.seeded == "fees.total"
    ex = extract(read_bytes(broken.render(), broken.filename))
    assert any(c.id.startswith("fees.total") for c in ex.failing)
