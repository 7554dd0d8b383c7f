"""Across years: one agency's consecutive reports linked by its name; the carry-over identity (this
year's 二、上年结转 = last year's 四、结转下年度继续办理, per applicant column) checked in both reports,
naming both files; a year missing is said, not a break."""

from __future__ import annotations

from click.testing import CliRunner

from gik_tui.cli import main
from gik_tui.core.synth import make_report
from gik_tui.core.years import agency_key, variant_base, variants

CARRY_OUT = ("requests", ("结转下年度继续办理",), ("自然人",))


def _series(folder, years, agency="淮安市淮阴区人民政府", break_year=None):
    """Reports of one agency for these years, consistent across years as synth makes them;
    `break_year`: that report carries one more request of a natural person into the next year (its
    own identities kept: one more new request too)."""
    import random

    from gik_tui.core.synth import _gen_values

    names = {}
    for k, year in enumerate(years):
        rep = make_report(k, seed=9, template_id="gik-2021", layout="c")
        rep.agency, rep.year = agency, year
        rep.values = _gen_values(random.Random(rep.name), "gik-2021", agency, year, 9)
        if year == break_year:
            for col in (("自然人",), ("总计",)):
                for row in (("结转下年度继续办理",), ("本年新收政府信息公开申请数量",)):
                    rep.values[("requests", row, col)] += 1
        path = folder / f"{agency}_{year}.txt"
        path.write_bytes(rep.render())
        names[year] = path
    return names


def test_agency_names_link_whatever_their_spacing_and_brackets():
    assert agency_key(" 淮安市 淮阴区（人民政府） ") == agency_key("淮安市淮阴区人民政府") == "淮安市淮阴区人民政府"
    assert agency_key("ＡＢ县人民政府") == "AB县人民政府"
    assert variant_base(agency_key("某区人民政府办公室")) == variant_base(agency_key("某区人民政府")) == "某区"
    assert agency_key("某区人民政府办公室") != agency_key("某区人民政府")  # never linked without the analyst


def test_consecutive_years_that_agree_pass(tmp_path):
    _series(tmp_path, [2021, 2022, 2023])
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == "3 report(s), 0 failing check(s), 0 pending, 0 unreadable\n"


def test_a_broken_carry_over_is_said_in_both_reports_with_both_names(tmp_path):
    names = _series(tmp_path, [2021, 2022], break_year=2021)
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert r.exit_code == 1
    lines = sorted(r.stdout.splitlines())
    this, prev = str(names[2022]), str(names[2021])
    assert [ln.split(": ")[:2] for ln in lines] == [[prev, "years.carry_over[总计]"], [prev, "years.carry_over[自然人]"],
                                                     [this, "years.carry_over[总计]"], [this, "years.carry_over[自然人]"]]
    lines = [lines[3], lines[1]]
    assert lines[0].startswith(f"{this}: years.carry_over[自然人]: 2022 二、上年结转 ")
    assert lines[0].endswith(f"[自然人] (the 2021 report: {prev})")
    assert lines[1].startswith(f"{prev}: years.carry_over[自然人]: ") and lines[1].endswith(f"(the 2022 report: {this})")
    assert "≠ 2021 四、结转下年度继续办理" in lines[0]


def test_a_missing_year_is_said_not_a_break(tmp_path):
    _series(tmp_path, [2021, 2023], break_year=2021)
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert (r.exit_code, r.stdout) == (0, "")
    assert "note: 淮安市淮阴区人民政府: no report for 2022 in the folder; the carry-over from 2021 to 2023 is not checked" \
        in r.stderr


def test_an_office_of_the_same_name_is_offered_never_linked():
    from gik_tui.core.queue import Summary
    from gik_tui.core.years import agency_years

    sums = [Summary("/r/a2021.txt", "a2021.txt", agency="某区人民政府", year=2021, template="gik-2021"),
            Summary("/r/b2022.txt", "b2022.txt", agency="某区人民政府办公室", year=2022, template="gik-2021")]
    name, years, notes = agency_years(sums, agency_key("某区人民政府"))
    assert (name, [y.year for y in years]) == ("某区人民政府", [2021])
    assert notes == ["also in the folder: 某区人民政府办公室 (1 report(s)); if it is the same agency, correct the "
                     "agency of those reports (the report's metadata) to link them here"]


def test_names_that_differ_by_government_or_committee_are_offered_as_one():
    names = ["平潭综合实验区", "平潭综合实验区政府", "平潭综合实验区管委会", "平潭综合实验区公安局", "淮阴区人民政府",
             "淮阴区人民政府办公室", "人民政府"]
    assert variants(names) == [["平潭综合实验区", "平潭综合实验区政府", "平潭综合实验区管委会"],
                               ["淮阴区人民政府", "淮阴区人民政府办公室"]]
    assert agency_key("平潭综合实验区政府") != agency_key("平潭综合实验区管委会")  # offered, never linked


def test_check_offers_names_that_may_be_one_agency(tmp_path):
    _series(tmp_path, [2021], agency="平潭综合实验区管委会")
    _series(tmp_path, [2022], agency="平潭综合实验区政府")
    r = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert r.exit_code == 0
    assert ("note: possibly one agency: 平潭综合实验区政府 / 平潭综合实验区管委会 (names that differ only by 人民政府, "
            "政府, 办公室 or 管委会); correct the agency of their reports to link them") in r.stderr


def test_several_reports_for_one_year_are_counted_as_many_as_are_listed():
    from gik_tui.core.years import year_notes

    notes = year_notes("某县", [(2019, "a.txt"), (2020, "b.txt"), (2020, "c.txt"), (2020, "d.txt")])
    assert notes == ["某县: three reports for 2020 (b.txt, c.txt, d.txt); the carry-over is not checked for that year"]
    assert year_notes("某县", [(2020, "b.txt"), (2020, "c.txt")])[0].startswith("某县: two reports for 2020 (b.txt, c.txt)")


def test_the_exports_checks_name_each_reports_agency_and_year_across_years(tmp_path):
    """The export's checks part: a broken carry-over is a row in each report, each with that report's
    agency and year beside its source, naming the other report."""
    import csv
    import io

    names = _series(tmp_path, [2021, 2022], break_year=2021)
    r = CliRunner().invoke(main, ["export", str(tmp_path), "--what", "checks"])
    rows = list(csv.DictReader(io.StringIO(r.stdout_bytes.decode("utf-8-sig"))))
    carry = sorted((x["source"], x["agency"], x["year"], x["other_report"]) for x in rows
                   if x["check"] == "years.carry_over[自然人]")
    assert carry == [(str(names[2021]), "淮安市淮阴区人民政府", "2021", str(names[2022])),
                     (str(names[2022]), "淮安市淮阴区人民政府", "2022", str(names[2021]))]
