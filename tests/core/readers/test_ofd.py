"""OFD documents (core/readers/ofd.py): lines rebuilt from the text objects' positions, a table's
cells from the gaps between them, a page per OFD page; every figure of the synthetic OFD reports
read right; damaged files and zip bombs one line each."""

from __future__ import annotations

import io
import zipfile

import pytest

from gik_tui.core.readers import ReadError, find_reports, read_bytes

from .test_sheet import synthetic

NS = "http://www.ofdspec.org/2016"


@pytest.mark.parametrize("template", ["gik-2019", "gik-2021", "legacy"])
def test_every_figure_of_a_synthetic_ofd_report(template):
    for rep, doc, ex in synthetic(template, "o", 9, "ofd"):
        assert len(doc.pages) >= 2
        assert ex.year == rep.year and ex.agency == rep.agency
        assert all(c.page for c in ex.cells if c.value is not None)  # every figure knows its page


def _ofd(objects: list[tuple], docroot: str = "Doc_0/Document.xml", more: str = "") -> bytes:
    """One page of text objects (x, y, text, DeltaX[, the object's attributes[, its children before the
    text]]), 4 mm type, after `more` (other objects: pictures, paths)."""
    body = more + "".join(f'<ofd:TextObject ID="{k}" Boundary="{o[0]} {o[1]} 100 6" Size="4" {o[4] if len(o) > 4 else ""}>'
                          f'{o[5] if len(o) > 5 else ""}<ofd:TextCode X="0" Y="4" DeltaX="{o[3]}">{o[2]}</ofd:TextCode>'
                          "</ofd:TextObject>" for k, o in enumerate(objects))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("OFD.xml", f'<ofd:OFD xmlns:ofd="{NS}"><ofd:DocBody><ofd:DocRoot>{docroot}</ofd:DocRoot>'
                              "</ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f'<ofd:Document xmlns:ofd="{NS}"><ofd:Pages><ofd:Page ID="1" '
                                         'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/Pages/Page_0/Content.xml", f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content><ofd:Layer>{body}'
                                                     "</ofd:Layer></ofd:Content></ofd:Page>")
    return out.getvalue()


def test_lines_come_from_positions_and_cells_from_gaps():
    data = _ofd([
        (60, 40, "12", "4"),  # written before the label it follows
        (20, 40.5, "予以公开", "g 3 4"),  # the same baseline, within half a character
        (20, 30, "一、总体", "g 3 4"),
        (36, 30, "情况", "4"),  # touching the piece before it: one word
        (80, 40, "3", ""),
    ])
    lines = [line for line in read_bytes(data, "r.ofd").text.splitlines() if line.strip("\f")]
    assert lines == ["一、总体情况", "予以公开 | 12 | 3 |"]


@pytest.mark.parametrize("attrs, inner", [
    ('Visible="false"', ""), ('Fill="false"', ""), ('Alpha="0"', ""),
    ("", f'<ofd:FillColor xmlns:ofd="{NS}" Value="255 255 255"/>'),
    ("", f'<ofd:FillColor xmlns:ofd="{NS}" Value="0 0 0" Alpha="0"/>'),
], ids=["not visible", "not filled", "transparent", "white", "a transparent colour"])
def test_text_an_ofd_draws_where_no_reader_sees_it_is_not_read(attrs, inner):
    """A digit drawn right after a figure (12 then a hidden 7) that the reader does not show: the
    figure reads 12, and the note says it. (Before: 127.)"""
    data = _ofd([(20, 40, "予以公开", "g 3 4"), (60, 40, "12", "4"), (68, 40, "7", "", attrs, inner),
                 (20, 50, "不予公开", "g 3 4"), (60, 50, "3", "")])
    doc = read_bytes(data, "r.ofd")
    lines = [line for line in doc.text.splitlines() if line.strip("\f")]
    assert lines == ["予以公开 | 12 |", "不予公开 | 3 |"]
    assert any("drawn where no reader sees them" in n for n in doc.notes)


def test_white_ofd_text_on_a_picture_outlined_text_and_a_page_mostly_so_drawn_are_read():
    picture = f'<ofd:ImageObject xmlns:ofd="{NS}" ID="90" Boundary="15 30 120 20" ResourceID="1"/>'
    white = f'<ofd:FillColor xmlns:ofd="{NS}" Value="255 255 255"/>'
    data = _ofd([(20, 40, "予以公开", "g 3 4"), (60, 40, "12", "4", "", white),
                 (20, 60, "不予公开", "g 3 4"), (60, 60, "3", "", 'Fill="false" Stroke="true"')], more=picture)
    lines = [line for line in read_bytes(data, "r.ofd").text.splitlines() if line.strip("\f")]
    assert lines == ["予以公开 | 12 |", "不予公开 | 3 |"]
    doc = read_bytes(_ofd([(20, 40, "予以公开", "g 3 4", 'Fill="false"'), (60, 40, "12", "4", 'Fill="false"'),
                           (20, 50, "第1页", "4")]), "r.ofd")
    assert "予以公开 | 12 |" in doc.text.splitlines() and not doc.notes


def test_bad_ofd_files_are_one_line_each():
    with pytest.raises(ReadError, match="a damaged OFD file"):
        read_bytes(b"PK\x03\x04OFD.xml" + b"\x00" * 200, "r.ofd")
    with pytest.raises(ReadError, match="its document is missing"):
        read_bytes(_ofd([(20, 30, "正文", "4")], docroot="Doc_9/Document.xml"), "r.ofd")
    with pytest.raises(ReadError, match="no text"):
        read_bytes(_ofd([]), "r.ofd")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", b"<a>" + b" " * (40 * 1024 * 1024) + b"</a>")
    with pytest.raises(ReadError, match="would unpack to 40 MB"):
        read_bytes(bomb.getvalue(), "bomb.ofd")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD")
    with pytest.raises(ReadError, match="OFD.xml is not well-formed XML"):
        read_bytes(broken.getvalue(), "r.ofd")


def test_a_folder_lists_ofd_files(tmp_path):
    (tmp_path / "a.ofd").write_bytes(b"x")
    files, _ = find_reports([tmp_path])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["a.ofd"]
