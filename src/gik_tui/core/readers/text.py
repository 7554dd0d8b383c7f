"""Plain text: bytes → str. BOMs are definitive, strict UTF-8 is tried next, then the legacy
Chinese encodings (GB18030, GBK, GB2312, Big5 …) and everything else charset-normalizer knows."""

from __future__ import annotations

import codecs
import re

from .errors import ReadError

# a character reference of HTML (&nbsp;, &#12289;, &#x3001;) in a text — a page's source saved as text —
# or in a page's text, escaped twice (&amp;nbsp; shows as &nbsp;): read as the character it stands for
REFERENCE = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ensp|emsp|thinsp|middot|hellip|ldquo|rdquo|lsquo|rsquo|mdash|ndash"
                       r"|#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6});")

_CHINESE = ["gb18030", "big5", "utf_16", "utf_32"]
_WIDE = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


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


_HARD_WRAP_MIN_WIDTH = 30  # a narrower fixed width is no wrap of a report's lines
_HARD_WRAP_MIN_LINES = 5
# … or, at this width or more, at least two lines and half of them (a report run onto one line, then
# cut every 500 characters or more: a few lines, their cut inside a row's run giving its figures
# wrong at 0.9 — 2651 for 265 | 1.主动公开规范性文件数)
_HARD_WRAP_WIDE = 100


def unwrap(text: str) -> tuple[str, int | None]:
    """A text hard-wrapped at a fixed width (its lines cut every N characters, a number too:
    `…申请数量1710\\n00018二、…`) with its cut lines joined again, and N; (text, None) for any other.
    Wrapped: many of its lines (5 or more, a fifth; or, N ≥ 100, two or more and half) are exactly
    N ≥ 30 characters, none is longer, and those hold no table's separators (|, tabs, wide spaces)
    — a table padded to one width is no wrap.
    A line of N characters ran on into the next; a shorter one ended its paragraph."""
    if "\n" not in text:
        return text, None
    lines = text.split("\n")
    lengths = list(map(len, lines))  # (counted in C: most texts are no wrap, and leave here)
    width = max(lengths)
    fulls = lengths.count(width)
    written = len(lengths) - lengths.count(0)
    if width < _HARD_WRAP_MIN_WIDTH or fulls < 2:
        return text, None
    if (fulls < _HARD_WRAP_MIN_LINES or fulls < 0.2 * written) and not (width >= _HARD_WRAP_WIDE and 2 * fulls >= written):
        return text, None
    full = [line for line in lines if len(line) == width]
    if sum(1 for line in full if "|" in line or "\t" in line or "  " in line) > len(full) // 10:
        return text, None
    if fulls < _HARD_WRAP_MIN_LINES and any(line[-1].isspace() for line in full):
        # (a few long lines of one length, one ending in a space: a writer's line ends, their
        # lengths alike by chance — joined, `…次1` + `2 ` / `.政府网站…` read 12 for 1 at 0.9)
        return text, None
    out = [lines[0]]
    for k in range(1, len(lines)):
        if lengths[k - 1] != width:
            out.append("\n")
        out.append(lines[k])
    return "".join(out), width
