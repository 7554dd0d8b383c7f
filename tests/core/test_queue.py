"""The queue's corpus figures (core/queue.py): requests per year, each agency-year counted once."""

from gik_tui.core.annotations import ERROR
from gik_tui.core.queue import Summary, requests_per_year


def _s(name, agency, year, requests, status="new"):
    return Summary(f"/r/{name}", name, agency=agency, year=year, requests=requests, status=status)


def test_two_reports_of_one_agency_year_giving_one_figure_count_once():
    got = requests_per_year([
        _s("a.html", "淮阴区人民政府", 2020, 18),
        _s("a.pdf", "淮阴区 人民政府", 2020, 18),  # the attachment: the same agency as it links reports
        _s("b.txt", "东胜区人民政府", 2020, 5),
        _s("c.txt", "东胜区人民政府", 2019, 7),
    ])
    assert got.per_year == {2019: 7, 2020: 23}
    assert got.counted == 3
    assert got.once == [("淮阴区人民政府", 2020, 2)]
    assert got.disagree == []


def test_reports_of_one_agency_year_that_disagree_are_left_out_and_said():
    got = requests_per_year([
        _s("a.html", "淮阴区人民政府", 2020, 18),
        _s("a.pdf", "淮阴区人民政府", 2020, 20),
        _s("b.txt", "东胜区人民政府", 2020, 5),
    ])
    assert got.per_year == {2020: 5}
    assert got.counted == 1
    assert got.disagree == [("淮阴区人民政府", 2020, (18, 20))]


def test_reports_with_no_agency_no_year_no_figure_or_an_error():
    got = requests_per_year([
        _s("x.txt", "", 2020, 3),
        _s("y.txt", "", 2020, 3),  # no agency: not known to be the same report, both count
        _s("z.txt", "某局", None, 9),
        _s("w.txt", "某局", 2020, None),
        _s("e.txt", "某局", 2020, 4, status=ERROR),
        None,
    ])
    assert got.per_year == {2020: 6}
    assert got.counted == 2
    assert got.once == [] and got.disagree == []
