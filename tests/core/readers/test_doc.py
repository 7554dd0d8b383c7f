"""Legacy Word (core/readers/doc.py): Word 97–2003 .doc and WPS .wps read in pure Python with
olefile — the piece table's text, Word's cell and row marks as table cells, every figure right —
and a damaged, encrypted or non-Word compound file one line each. The fixtures are synthetic
reports converted once by LibreOffice (tests/data/doc/make.sh)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest

from gik_tui.core.extract import extract
from gik_tui.core.readers import ReadError, find_reports, kind_of, read_bytes, read_path
from gik_tui.core.synth import make_report

DATA = Path(__file__).resolve().parents[2] / "data" / "doc"


@pytest.mark.parametrize("name, template", [("synth_2019.doc", "gik-2019"), ("synth_2021.wps", "gik-2021"),
                                            ("synth_legacy.doc", "legacy")])
def test_every_figure_of_a_legacy_word_report(name, template):
    doc = read_path(DATA / name)
    assert doc.encoding == "doc" and kind_of((DATA / name).read_bytes()) == "legacy"
    rep = make_report(1, seed=42, template_id=template, layout="w", encoding="utf-8")
    ex = extract(doc)
    got = {c.key: c.value for c in ex.cells}
    assert {k: got.get(k) for k in rep.values} == rep.values
    assert ex.failing == [] and (ex.year, ex.agency) == (rep.year, rep.agency)
    assert len(doc.grids) == (1 if template == "legacy" else 3)  # each Word table a grid
    assert [s.template_section for s in ex.sections if s.template_section][:2] == \
        [s.name for s in __import__("gik_tui.core.templates", fromlist=["x"]).load_template(template).sections][:2]


def _stream_at(data: bytes, name: str) -> int:
    """Where a stream of the compound file starts in its bytes (its first sector)."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(data))
    entry = ole.direntries[ole._find(name)]
    return (entry.isectStart + 1) * ole.sectorsize


def _patched(data: bytes, at: int, new: bytes) -> bytes:
    return data[:at] + new + data[at + len(new):]


def test_damaged_encrypted_and_foreign_files_are_one_line_each():
    data = (DATA / "synth_2019.doc").read_bytes()
    word = _stream_at(data, "WordDocument")
    flags, = struct.unpack_from("<H", data, word + 0x0A)
    with pytest.raises(ReadError, match=r"a password-protected Word 97–2003 file \(\.doc\)"):
        read_bytes(_patched(data, word + 0x0A, struct.pack("<H", flags | 0x0100)), "r.doc")
    csw, = struct.unpack_from("<H", data, word + 32)
    cslw, = struct.unpack_from("<H", data, word + 34 + csw * 2)
    fc_clx = word + 34 + csw * 2 + 2 + cslw * 4 + 2 + 33 * 8
    with pytest.raises(ReadError, match="its piece table is broken"):
        read_bytes(_patched(data, fc_clx, struct.pack("<I", 7)), "r.doc")
    with pytest.raises(ReadError, match=r"not a Word binary document"):
        read_bytes(_patched(data, word, b"\x00\x00"), "r.doc")
    # a compound file with no Word document in it (an old Works .wps, say)
    foreign = data.replace("WordDocument".encode("utf-16-le"), "WordXocument".encode("utf-16-le"))
    with pytest.raises(ReadError, match=r"a WPS file \(\.wps\) that is not in Word's format"):
        read_bytes(foreign, "r.wps")


def test_a_folder_lists_legacy_word_files(tmp_path):
    for name in ("a.doc", "b.wps"):
        (tmp_path / name).write_bytes(b"x")
    files, _ = find_reports([tmp_path])
    assert sorted(Path(f).name for f in files) == ["a.doc", "b.wps"]


def _with_run(data: bytes, figure: str, cut: int, grpprl: bytes) -> bytes:
    """The fixture with the character run of `figure` (a cell of the review table, on the last
    character property page) split after `cut` characters, the second part given `grpprl` (as Word
    writes a footnote's number raised, a hidden or deleted character, in a run of its own)."""
    import olefile

    ole = olefile.OleFileIO(io.BytesIO(data))
    word = ole.openstream("WordDocument").read()
    flags, = struct.unpack_from("<H", word, 0x0A)
    table = ole.openstream("1Table" if flags & 0x0200 else "0Table").read()
    text_at = _stream_at(data, "WordDocument")
    csw, = struct.unpack_from("<H", word, 32)
    cslw, = struct.unpack_from("<H", word, 34 + csw * 2)
    fc, lcb = struct.unpack_from("<II", word, 34 + csw * 2 + 2 + cslw * 4 + 2 + 12 * 8)
    plc = table[fc:fc + lcb]
    m = (len(plc) - 4) // 8
    pn, = struct.unpack_from("<I", plc, 4 * (m + 1) + 4 * (m - 1))
    page = bytearray(word[pn * 512:pn * 512 + 512])
    crun = page[511]
    fcs = list(struct.unpack_from(f"<{crun + 1}I", page, 0))
    rgb = list(page[4 * (crun + 1):4 * (crun + 1) + crun])
    k = next(i for i in range(crun) if word[fcs[i]:fcs[i + 1]].decode("utf-16-le") == figure)
    fcs.insert(k + 1, fcs[k] + 2 * cut)
    at = 4 * (crun + 2) + crun + 1
    at += at % 2
    rgb.insert(k + 1, at // 2)
    page[:at] = struct.pack(f"<{crun + 2}I", *fcs) + bytes(rgb) + b"\x00" * (at - 4 * (crun + 2) - crun - 1)
    page[at:at + 1 + len(grpprl)] = bytes([len(grpprl)]) + grpprl
    assert at + 1 + len(grpprl) <= min(r * 2 for r in rgb if r and r * 2 > at)  # (into the page's free room)
    page[511] = crun + 1
    # the WordDocument stream's sectors are contiguous in these small fixtures
    return _patched(data, text_at + pn * 512, bytes(page))


@pytest.mark.parametrize("grpprl, shown", [
    (b"\x48\x2a\x01", "1⁸"),  # sprmCIss 1: raised, a footnote's number
    (b"\x3c\x08\x01", "1"),  # sprmCFVanish: hidden
    (b"\x3c\x08\x81", "1"),  # (the style's opposite)
    (b"\x00\x08\x01", "1"),  # sprmCFRMarkDel: deleted in a tracked change
    (b"\x37\x08\x01", "1"),  # sprmCFStrike: a correction's old figure
    (b"\x53\x2a\x01", "1"),  # sprmCFDStrike
    (b"\x3c\x08\x00", "18"),  # shown
    (b"\x42\x2a\x08", "1"),  # sprmCIco 8: white on the white page
    (b"\x70\x68\xff\xff\xfe\x00", "1"),  # sprmCCv: a white of its own
    (b"\x70\x68\xff\xff\xff\xff", "18"),  # (the automatic colour)
    (b"\x42\x2a\x08\x0c\x2a\x02", "18"),  # white on a highlight (sprmCHighlight): shown
])
def test_text_word_does_not_show_is_not_read_and_a_raised_number_is_a_mark(grpprl, shown):
    """The review table's 18 with its 8 in a run of its own: raised, 1⁸ shows 1 with a footnote's
    number (before: read 18); hidden, deleted or struck, it shows 1 (before: read 18 — as a hidden
    digit inside a figure, 17 read 177). Word keeps the cell either way."""
    data = (DATA / "synth_2019.doc").read_bytes()
    truth = extract(read_bytes(data, "r.doc"))
    cell = next(c for c in truth.cells if c.table == "review" and c.value == 18)
    doc = read_bytes(_with_run(data, "18", 1, grpprl), "r.doc")
    line = doc.text.split("\n")[-6]  # (the review table's row, before sections five and six)
    assert f"| {shown} | 19 |" in line
    got = {c.key: c.value for c in extract(doc).cells}
    assert got[cell.key] == (18 if shown == "18" else 1)
    assert {k: v for k, v in got.items() if k != cell.key} == {c.key: c.value for c in truth.cells if c.key != cell.key}


def test_a_fill_is_told_from_no_fill_in_shading_operands():
    """White text shows on a fill: a paragraph's or a table row's shading that paints (a colour clear
    over the background, a solid fore colour) keeps every white run read; the automatic colour
    clear, white, or nil paints nothing (LibreOffice writes such shading on every table row)."""
    from gik_tui.core.readers.doc import _paragraph

    def _shading(grpprl: bytes) -> bool:
        return _paragraph(grpprl)[1]

    shd80 = lambda fore, back, pat: bytes([(fore | back << 5 | pat << 10) & 0xFF, (fore | back << 5 | pat << 10) >> 8])  # noqa: E731
    auto, white, red = b"\x00\x00\x00\xff", b"\xff\xff\xff\x00", b"\xc0\x00\x00\x00"
    shd = lambda fore, back, pat: fore + back + struct.pack("<H", pat)  # noqa: E731
    assert not _shading(b"\x09\xd6\x04" + shd80(0, 0, 0) + shd80(0, 8, 0))  # sprmTDefTableShd80: none
    assert _shading(b"\x09\xd6\x04" + shd80(0, 0, 0) + shd80(0, 2, 0))  # … a blue cell
    assert _shading(b"\x2d\x44" + shd80(1, 0, 1))  # sprmPShd80: solid black
    assert not _shading(b"\x12\xd6\x0a" + shd(auto, auto, 0))  # sprmTDefTableShd: none
    assert not _shading(b"\x4d\xc6\x0a" + shd(auto, white, 0))
    assert not _shading(b"\x4d\xc6\x0a" + shd(auto, auto, 0xFFFF))
    assert _shading(b"\x4d\xc6\x0a" + shd(auto, red, 0))  # sprmPShd: red behind
    assert _shading(b"\x12\xd6\x0a" + shd(auto, auto, 1))  # solid over the automatic colour: black
