"""Document: the decoded text of a report, its lines, and a normalised view for matching.

The text is kept as decoded (only line ends are unified to "\\n", so that offsets and the app's
TextArea agree). Matching runs on `norm`, the NFKC form (full-width digits and punctuation become
ASCII, U+3000 a space); `to_orig` maps an offset in `norm` back to `text`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

# Characters whose NFKC form is one character long: translated in C, offsets unchanged.
_ONE_TO_ONE = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF01, 0xFF5F)}
_ONE_TO_ONE.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " "})


def normalise(text: str) -> tuple[str, list[int] | None]:
    """NFKC text and a map from its offsets to `text`'s (None when offsets are unchanged)."""
    fast = text.translate(_ONE_TO_ONE)
    if unicodedata.is_normalized("NFKC", fast):
        return fast, None
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(fast):
        n = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        parts.append(n)
        offsets.extend([i] * len(n))
    offsets.append(len(text))
    return "".join(parts), offsets


def unify_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass(frozen=True, slots=True)
class Grid:
    """A real table of an HTML page: rows of cell texts, with where each row stands in `text`."""

    rows: tuple[tuple[str, ...], ...]
    first_line: int  # 0-based line of the document where the rendered table starts


@dataclass(eq=False, slots=True)
class Document:
    source: str
    text: str
    sha256: str
    encoding: str
    kind: str = "text"  # "text" | "html"
    grids: tuple[Grid, ...] = ()
    norm: str = field(init=False)
    _offsets: list[int] | None = field(init=False, repr=False)
    line_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.norm, self._offsets = normalise(self.text)
        starts = [0]
        starts.extend(m.end() for m in re.finditer("\n", self.text))
        self.line_starts = starts

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def to_orig(self, i: int) -> int:
        """Offset in `norm` → offset in `text`."""
        if self._offsets is None:
            return i
        if i >= len(self._offsets):
            return len(self.text)
        return self._offsets[i]

    def line_of(self, offset: int) -> int:
        """0-based line of an offset in `text`."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def norm_lines(self) -> list[tuple[int, str]]:
        """(offset in norm, line) for each line of the normalised text."""
        out = []
        pos = 0
        for line in self.norm.split("\n"):
            out.append((pos, line))
            pos += len(line) + 1
        return out
