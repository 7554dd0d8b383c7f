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
