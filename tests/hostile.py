"""Hostile files made small: a PDF page that holds a million characters in 4 KB, and a Word file
whose document.xml inflates to hundreds of MB from a few hundred KB (tests and
benchmarks/hostile_files.py)."""

from __future__ import annotations

import io
import zipfile
import zlib


def many_chars_pdf(runs: int = 10_000, per_run: int = 100) -> bytes:
    """One page showing `runs` × `per_run` characters (a million by default), its content stream
    deflated to a few KB."""
    content = b"BT /F1 1 Tf 0 0 Td " + (b"(" + b"a" * per_run + b") Tj ") * runs + b"ET"
    packed = zlib.compress(content, 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
            b"/Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def docx_bomb(real_docx: bytes, inflated_mb: int) -> bytes:
    """A real .docx whose document.xml carries `inflated_mb` MB of spaces before its body ends."""
    real = zipfile.ZipFile(io.BytesIO(real_docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in real.namelist():
            part = real.read(name)
            if name == "word/document.xml":
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w", force_zip64=True) as w:
                    head, tail = part.split(b"</w:body>", 1)
                    w.write(head)
                    block = b" " * (1024 * 1024)
                    for _ in range(inflated_mb):
                        w.write(block)
                    w.write(b"</w:body>" + tail)
                continue
            z.writestr(name, part)
    return out.getvalue()


def refusal(path, within: float) -> str:
    """The one line extracting `path` is refused with, asserted to come within `within` seconds."""
    import time

    import pytest

    from gik_tui.core.extract import extract_path
    from gik_tui.core.readers import ReadError

    t = time.perf_counter()
    with pytest.raises(ReadError) as e:
        extract_path(path)
    assert time.perf_counter() - t < within
    return str(e.value)
