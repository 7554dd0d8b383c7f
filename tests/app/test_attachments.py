"""PDF and Word reports in the app: listed in the queue beside text and HTML, opened with the page
of every figure on the status line and the pages marked in the source view; a damaged .doc says
what to do; annotations are saved and read back like any report's."""

from __future__ import annotations

from gik_tui.app.app import GikApp
from gik_tui.app.screens.queue import QueueScreen
from gik_tui.core.annotations import annotation_path, load
from gik_tui.core.extract import extract_path
from gik_tui.core.synth import from_extraction

from ..conftest import SAMPLES
from .helpers import open_row, qrow, ready, source, status
from .test_flows import open_row_fail

SIZE = (160, 48)


def _folder(tmp_path):
    folder = tmp_path / "attachments"
    folder.mkdir()
    truth = extract_path(SAMPLES / "2020_huaiyin.txt")
    for layout in "pw":
        rep = from_extraction(truth, layout)
        (folder / rep.filename).write_bytes(rep.render())
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return folder, truth


async def test_pdf_and_word_reports_in_the_queue_and_the_report_screen(tmp_path):
    folder, truth = _folder(tmp_path)
    ann = tmp_path / "ann"
    ann.mkdir()
    app = GikApp(str(folder), annotations=str(ann))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        table = app.screen.query_one("#queue-table")
        for name in ("2020_huaiyin.pdf", "2020_huaiyin.docx"):
            row = qrow(table, folder / name)
            assert (row["status"], row["failing"], row["cells"], row["headings"], row["year"]) == \
                ("new", "0", "198", "6/6", "2020"), row
        old = qrow(table, folder / "old.doc")
        assert old["status"] == "error" and old["agency"].startswith("a damaged Word 97–2003 file (.doc)")
        await open_row_fail(app, pilot, "old.doc")
        assert isinstance(app.screen, QueueScreen)
        assert any("old.doc: a damaged Word 97–2003 file (.doc)" in n.message and "download it again" in n.message
                   for n in app._notifications)

        screen = await open_row(app, pilot, "2020_huaiyin.pdf")
        first = status(screen)
        want = next(c for c in truth.cells if c.value is not None)
        assert f"= {want.value}" in first and "· page 2, line " in first, first
        view = source(screen)
        assert view.page_lines == {0: "page 1", screen.doc.line_of(screen.doc.pages[1]): "page 2",
                                   screen.doc.line_of(screen.doc.pages[2]): "page 3"}
        assert view.get_line(0).plain == "── page 1 ──"
        assert view.get_line(screen.doc.line_of(screen.doc.pages[1])).plain == "── page 2 ──"
        # a figure typed in is saved as for any report
        await pilot.press("9", "enter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = load(annotation_path(str(folder / "2020_huaiyin.pdf"), str(ann)))
        assert [(e.key, e.value, e.extracted) for e in saved.cells] == [(want.key, 9, want.value)]
        assert saved.sha256 == screen.doc.sha256


async def test_the_sections_tab_gives_each_headings_page(tmp_path):
    folder, truth = _folder(tmp_path)
    app = GikApp(str(folder / "2020_huaiyin.pdf"), annotations=str(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await ready(app, pilot)
        screen = app.screen
        await pilot.press("t")
        await pilot.pause()
        from gik_tui.app.report.sections_pane import SectionsPane

        pane = screen.query_one(SectionsPane)
        lines = [str(pane.get_row_at(r)[0]) for r in range(pane.row_count)]
        assert lines == [f"p{s.page} · {s.line}" for s in screen.ex.sections]
        assert lines[0].startswith("p1 · ") and lines[1].startswith("p2 · ")


async def test_a_workbooks_sheets_are_its_pages_by_name(tmp_path):
    """A figure of a workbook says its sheet on the status line, and the source view marks each
    sheet where it begins."""
    from gik_tui.core.synth import make_report

    from .helpers import report_open

    reports, ann = tmp_path / "r", tmp_path / "a"
    reports.mkdir()
    ann.mkdir()
    rep = make_report(1, seed=6, template_id="gik-2019", layout="x", encoding="utf-8")
    (reports / rep.filename).write_bytes(rep.render())
    async with report_open(reports, ann, rep.filename) as (app, pilot, screen):
        said = status(screen)
        assert "· sheet 主动公开政府信息情况, line " in said, said
        view = source(screen)
        assert view.get_line(0).plain == "── sheet 主动公开政府信息情况 ──"
        assert sorted(view.page_lines.values()) == sorted(f"sheet {s.title}" for s in screen.template.tables)
