"""Zip-based files (a workbook, an OFD document) opened with their size checked first: what the
members declare they unpack to, against a cap and against how tightly real files are packed, so a
zip bomb is refused in one line before any parsing."""

from __future__ import annotations

import io
import zipfile

from .errors import ReadError


def open_zip(data: bytes, source: str, what: str, max_unpacked: int, max_ratio: int) -> zipfile.ZipFile:
    """The archive, or ReadError: `what` names the kind of file ("Excel file (.xlsx)")."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(i.file_size for i in z.infolist())
    except Exception:  # noqa: BLE001 - BadZipFile, a name that is not UTF-8, an unknown zip version …
        raise ReadError(source, f"a damaged {what}: not a readable zip archive; download it again") from None
    if unpacked > max_unpacked or unpacked > max_ratio * max(len(data), 1):
        article = "an" if what[:1] in "AEIOU" else "a"
        raise ReadError(source, f"{article} {what} that would unpack to {unpacked // (1024 * 1024)} MB; not read "
                                "(a real one is far smaller)")
    return z
