"""Read a report: bytes → Document.

Text in UTF-8 (with or without BOM), UTF-16 with BOM, or any legacy Chinese encoding (GB18030,
GBK, GB2312, Big5 …, detected by charset-normalizer); HTML pages reduced to their article text,
with real <table> grids rendered one row per line (cells between " | ", rowspan/colspan expanded).
A file that is not a readable report raises ReadError with a one-line reason.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path

from .document import Document, unify_newlines
from .files import NotRegular, TooLarge, read_capped

REPORT_SUFFIXES = (".txt", ".htm", ".html")
MAX_BYTES = 64 * 1024 * 1024
_CHINESE = ["gb18030", "big5", "utf_16", "utf_32"]
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


class ReadError(Exception):
    """A report that cannot be read; str() is one line naming the file and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


_HTML_SNIFF = re.compile(rb"<\s*(?:!doctype\s+html|html|body|table|div|p|head)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def read_path(path: str | os.PathLike) -> Document:
    source = str(path)
    try:
        data = read_capped(path, MAX_BYTES)
    except TooLarge:
        raise ReadError(source, f"too large (over {MAX_BYTES // (1024 * 1024)} MB, the limit)") from None
    except NotRegular as e:
        raise ReadError(source, f"{e.strerror}, not a report file; skipped") from None
    except FileNotFoundError:
        raise ReadError(source, "no such file") from None
    except PermissionError:
        raise ReadError(source, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(source, "is a folder, not a report") from None
    except OSError as e:
        raise ReadError(source, e.strerror or str(e)) from None
    return read_bytes(data, source)


def read_bytes(data: bytes, source: str = "<bytes>") -> Document:
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReadError(source, "empty file" if not data else "only whitespace, no text")
    text, encoding = decode(data, source)
    text = unify_newlines(text)
    if not text.strip():
        raise ReadError(source, "only whitespace, no text")
    is_html = source.lower().endswith((".htm", ".html")) or bool(_HTML_SNIFF.search(data[:4096]))
    if is_html:
        from .html import html_to_text  # lxml is loaded only for HTML pages

        text, grids, notes = html_to_text(text, source)
        if not text.strip():
            raise ReadError(source, "HTML page with no text" + (f" ({'; '.join(notes)})" if notes else ""))
        return Document(source, text, sha, encoding, tuple(grids), tuple(notes))
    return Document(source, text, sha, encoding)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode bytes; BOMs are definitive, strict UTF-8 is tried next, then charset-normalizer."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", source), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", source), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_binary(text, source)
        return text, "utf-8"
    from charset_normalizer import from_bytes

    if b"\x00" in data[:4096]:
        # NUL bytes: UTF-16/32 without a BOM, or not text at all
        wide = from_bytes(data, cp_isolation=_WIDE).best()
        if wide is None or wide.chaos > 0.2:
            raise ReadError(source, "binary file (NUL bytes), not a text report")
        text = str(wide)
        _refuse_binary(text, source)
        if not _mostly_text(text):
            raise ReadError(source, "binary file (NUL bytes), not a text report")
        return text, wide.encoding

    # Reports are Chinese: charset-normalizer first weighs the Chinese encodings on a few chunks,
    # and searches every encoding only when none of those reads cleanly.
    best = from_bytes(data, cp_isolation=_CHINESE, steps=3, chunk_size=256).best()
    if best is None or best.chaos > 0.1:
        best = from_bytes(data).best()
    if best is None:
        # UTF-8 with a few broken bytes (a truncated download, a bad splice): keep the text and say where
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        if bad and bad <= max(3, len(text) // 1000):
            _refuse_binary(text, source)
            first = data.decode("utf-8", errors="ignore")  # only to find the first bad byte
            pos = next((i for i, (a, b) in enumerate(zip(text, first)) if a != b), len(first))
            return text, f"utf-8 ({bad} invalid byte sequence(s) replaced, the first after character {pos})"
        raise ReadError(source, "binary or undecodable bytes (no text encoding fits)")
    text = str(best)
    _refuse_binary(text, source)
    return text, best.encoding


def _mostly_text(text: str) -> bool:
    """Letters, CJK, digits, punctuation and spaces make up most of a real report."""
    sample = text[:4096]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good >= 0.95 * len(sample) and sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or ch.isascii()) >= 0.5 * len(sample)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ReadError(source, f"invalid {encoding} at byte {e.start}") from None
    _refuse_binary(text, source)
    return text


def _refuse_binary(text: str, source: str) -> None:
    sample = text[:8192]
    if "\x00" in sample:
        raise ReadError(source, "binary file (NUL bytes), not a text report")
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise ReadError(source, "binary file (control bytes), not a text report")


def find_reports(paths) -> tuple[list[str], list[ReadError]]:
    """Expand folders into their report files (.txt/.htm/.html, sorted); missing paths are errors."""
    files: list[str] = []
    errors: list[ReadError] = []
    seen: set[str] = set()
    for path in paths:
        p = Path(path)
        if p.is_dir():
            def unreadable(e: OSError) -> None:
                where = e.filename or str(p)
                errors.append(ReadError(str(where), f"folder cannot be read ({e.strerror or e}); its reports were skipped"))

            for root, dirs, names in os.walk(p, onerror=unreadable, followlinks=False):
                dirs.sort()
                for name in sorted(names):
                    if name.lower().endswith(REPORT_SUFFIXES):
                        f = os.path.join(root, name)
                        real = os.path.abspath(f)
                        if real not in seen:
                            seen.add(real)
                            files.append(f)
        elif p.exists() or p.is_symlink():
            files.append(str(path))
        else:
            errors.append(ReadError(str(path), "no such file or folder"))
    return files, errors
