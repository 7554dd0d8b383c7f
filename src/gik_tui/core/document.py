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
from functools import cache
from itertools import accumulate

from .values import FOOTNOTE_MARK, INVISIBLE, MARK_AFTER_FIGURE, SUPERSCRIPT_MARKS, SUPERSCRIPTS

# Characters whose NFKC form is one character long: translated in C, offsets unchanged.
_ONE_TO_ONE = {c: unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF01, 0xFF5F)}
_ONE_TO_ONE.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " "})
# a footnote's mark after a figure is no digit of it (17¹, 17①: values.FOOTNOTE_MARK)
_ONE_TO_ONE.update(SUPERSCRIPT_MARKS)


# a table drawn with box-drawing characters (│ 5 │ 0 │ between ├──┼──┤, as w3m or lynx dump a page's
# table): its rules as a text table's (| between cells, +——+ lines between rows), read alike
_VERTICAL = "\u2502\u2503\u2506\u2507\u250a\u250b\u2551\u254e\u254f\u2575\u2577\u2579\u257b\u257d\u257f\uffe8"
_HORIZONTAL = "\u2500\u2501\u2504\u2505\u2508\u2509\u2550\u254c\u254d\u2574\u2576\u2578\u257a\u257c\u257e"
_ONE_TO_ONE.update({c: "+" for c in range(0x2500, 0x2580)})  # (corners, tees and crosses)
_ONE_TO_ONE.update({ord(c): "|" for c in _VERTICAL})
_ONE_TO_ONE.update({ord(c): "\u2014" for c in _HORIZONTAL})  # (a dash, never a sign: ─ may stand for —)


_NEEDS_MAP = re.compile(f"[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u2500-\u257f\uffe8{SUPERSCRIPTS}]")


_ONE = {chr(k): v for k, v in _ONE_TO_ONE.items()}


def _one_to_one(text: str) -> str:
    """The characters of _ONE_TO_ONE translated: each that occurs replaced throughout (str.replace,
    in C; a report holds a handful of distinct ones — a substitution calling back per match, or
    str.translate, cost three to twenty times as much)."""
    for c in set(_NEEDS_MAP.findall(text)):
        text = text.replace(c, _ONE[c])
    return text


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_NOT_A_BREAK = re.compile(r"[^\n]")  # what Document.segment blanks before the segment


@cache
def _changing() -> re.Pattern:
    """The characters of the Basic Multilingual Plane that NFKC changes (built once, ~20 ms)."""
    chars = []
    for c in range(0x80, 0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        if unicodedata.normalize("NFKC", ch) != ch:
            chars.append(re.escape(ch))
    return re.compile("[" + "".join(chars) + "]")


INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")  # (drawn as nothing: the normalised view drops them)


def normalise(text: str) -> tuple[str, list[int] | None]:
    """NFKC text (character by character), without the characters drawn as nothing, and a map
    from its offsets to `text`'s (None when no character changed length)."""
    if INVISIBLE_RE.search(text) is None:
        return _normalise(text)
    idx: list[int] = []  # each kept character's offset in `text`
    kept: list[str] = []
    pos = 0
    for m in INVISIBLE_RE.finditer(text):
        kept.append(text[pos:m.start()])
        idx.extend(range(pos, m.start()))
        pos = m.end()
    kept.append(text[pos:])
    idx.extend(range(pos, len(text) + 1))  # (and the end)
    norm, offsets = _normalise("".join(kept))
    return norm, idx if offsets is None else [idx[o] for o in offsets]


def _normalise(text: str) -> tuple[str, list[int] | None]:
    boxed = "\u2502" in text or "\u2503" in text or "\u2551" in text  # (NFKC leaves box-drawing as it is)
    if not boxed and unicodedata.is_normalized("NFKC", text):  # most reports (checked in C): nothing to map
        return text, None
    fast = _one_to_one(MARK_AFTER_FIGURE.sub(FOOTNOTE_MARK, text))
    if unicodedata.is_normalized("NFKC", fast):
        return fast, None
    if _ASTRAL.search(fast) is None:
        parts_: list[str] = []
        offs: list[int] = []
        pos = 0
        grew = False
        for m in _changing().finditer(fast):
            i = m.start()
            n = unicodedata.normalize("NFKC", m.group())
            parts_.append(fast[pos:i])
            parts_.append(n)
            offs.extend(range(pos, i))
            offs.extend([i] * len(n))
            grew = grew or len(n) != 1
            pos = i + 1
        parts_.append(fast[pos:])
        if not grew:
            return "".join(parts_), None
        offs.extend(range(pos, len(fast)))
        offs.append(len(text))
        return "".join(parts_), offs
    parts: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(fast):
        n = unicodedata.normalize("NFKC", ch) if not ch.isascii() else ch
        parts.append(n)
        offsets.extend([i] * len(n))
    offsets.append(len(text))
    return "".join(parts), offsets


def within(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether `offset` falls inside one of the sorted, disjoint (start, end) `spans`."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


PAGE_BREAK = "\f"  # a line holding only this begins a page of a PDF or Word report
WRAPPED_LINE = 20  # characters: a line this long or longer may be a paragraph's line wrapped at a page's width


def paged(lines: list[str]) -> tuple[str, tuple[int, ...]]:
    """The text of a paged report's lines and where each page starts (at its PAGE_BREAK line):
    what a PDF or Word reader gives Document as `text` and `pages`."""
    starts, offset = [], 0
    for line in lines:
        if line == PAGE_BREAK:
            starts.append(offset)
        offset += len(line) + 1
    return "\n".join(lines) + "\n", tuple(starts)


# the other characters that end a line: vertical tab (Word's line break, copied), form feed (a page
# break, pdftotext), NEL, and Unicode's line and paragraph separators (text taken through JavaScript)
_LINE_ENDS = {ord(c): "\n" for c in "\x0b\x0c\x85\u2028\u2029"}
_LINE_ENDS_BUT_PAGES = {ord(c): "\n" for c in "\x0b\x85\u2028\u2029"}
_OTHER_ENDS = re.compile("[\x0b\x85\u2028\u2029]")
_FORM_FEED = re.compile(r"\n?\x0c\n?")


def unify_newlines(text: str, pages: bool = False) -> str:
    r"""Every line ending as "\n": \r\n and \r, and the characters that end a line elsewhere
    (_LINE_ENDS: a report whose lines ended in U+2028 was read as one line, its tables lost). With
    `pages`, a form feed (pdftotext's page break) is kept, on a line of its own: a PAGE_BREAK."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if pages and "\x0c" in text:
        text = _FORM_FEED.sub("\n\x0c\n", text)
        return text.translate(_LINE_ENDS_BUT_PAGES) if _OTHER_ENDS.search(text) else text
    if "\x0b" in text or "\x0c" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = text.translate(_LINE_ENDS)  # (five scans in C: a tenth of a regex's time)
    return text


def _starts(lines: list[str]) -> list[int]:
    """Where each of the lines starts in the text they were split from (at "\n"): 0, then after
    each break; the last line starts after the last break, and nothing after it."""
    return [0, *accumulate([len(line) + 1 for line in lines[:-1]])]


@dataclass(frozen=True, slots=True)
class Grid:
    """A real table of an HTML page: rows of cell texts, with where each row stands in `text`."""

    rows: tuple[tuple[str, ...], ...]
    first_line: int  # 0-based line of the document where the rendered table starts
    spanned: frozenset[int] = frozenset()  # rows with a figure spanning several columns (shown once)


@dataclass(eq=False, slots=True)
class Document:
    source: str
    text: str
    sha256: str
    encoding: str
    grids: tuple[Grid, ...] = ()
    notes: tuple[str, ...] = ()  # what reading had to leave out or cut (said as warnings)
    # where each page starts in `text` (PDF, Word): page k+1 at pages[k], at a line holding only a
    # form feed; empty for a text or HTML report
    pages: tuple[int, ...] = ()
    # 0-based lines the file itself marks as headings (a Word paragraph in a heading style): a
    # heading there may lack its ordinal (一、) and still be taken when it names a section
    heading_lines: frozenset[int] = frozenset()
    title: str = ""  # an HTML page's <title> (NFKC): where the report's name often is when the page drops it
    # what each page is called where it is not a numbered page: a workbook's sheets ("" for a page)
    page_names: tuple[str, ...] = ()
    # 1-based pages whose text was recognised in a picture (OCR): no figure of them is trusted alone
    ocr_pages: frozenset[int] = frozenset()
    # stretches of `text` (start, end) recognised in pictures placed in a web page's article
    ocr_spans: tuple[tuple[int, int], ...] = ()
    # each recognised piece of text on a scanned page or picture: (start, end, page, x0, top, x1,
    # bottom), its offsets in `text` and its box on the page in points (1/72 inch), sorted
    ocr_boxes: tuple[tuple[int, int, int, float, float, float, float], ...] = ()
    norm: str = field(init=False)
    _offsets: list[int] | None = field(init=False, repr=False)
    _line_starts: list[int] | None = field(init=False, repr=False, default=None)
    _text_lines: list[str] | None = field(init=False, repr=False, default=None)
    _norm_lines: list[str] | None = field(init=False, repr=False, default=None)
    _norm_line_starts: list[int] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.norm, self._offsets = normalise(self.text)

    @property
    def line_starts(self) -> list[int]:
        """Offset in `text` where each line starts (computed on first use)."""
        if self._line_starts is None:
            self._line_starts = _starts(self.text_lines)
        return self._line_starts

    @property
    def norm_line_starts(self) -> list[int]:
        """Offset in `norm` where each line starts: `line_starts` itself for a text already in NFKC
        (computed on first use)."""
        if self._norm_line_starts is None:
            self._norm_line_starts = self.line_starts if self.norm is self.text else _starts(self.norm_lines)
        return self._norm_line_starts

    @property
    def text_lines(self) -> list[str]:
        """`text` split at each line break (computed on first use; read it, never change it)."""
        if self._text_lines is None:
            self._text_lines = self.text.split("\n")
        return self._text_lines

    @property
    def norm_lines(self) -> list[str]:
        """`norm` split at each line break: the same list as `text_lines` when the text is already
        in NFKC (computed on first use; read it, never change it)."""
        if self._norm_lines is None:
            self._norm_lines = self.text_lines if self.norm is self.text else self.norm.split("\n")
        return self._norm_lines

    @property
    def same_offsets(self) -> bool:
        """True when `norm` and `text` have the same offsets (no character changed length)."""
        return self._offsets is None

    def to_orig(self, i: int) -> int:
        """Offset in `norm` → offset in `text`."""
        if self._offsets is None:
            return i
        if i >= len(self._offsets):
            return len(self.text)
        return self._offsets[i]

    def page_of(self, offset: int | None) -> int | None:
        """1-based page of an offset in `text` (None when the report has no pages)."""
        if not self.pages or offset is None:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))

    def page_label(self, page: int) -> str:
        """How the analyst knows a page: "sheet 表二" for a workbook's sheet, else "page 3"."""
        name = self.page_names[page - 1] if 0 < page <= len(self.page_names) else ""
        if name:  # a picture file's frames are named as pictures; a workbook's pages are its sheets
            return name if page in self.ocr_pages else f"sheet {name}"
        return f"page {page} (recognised)" if page in self.ocr_pages else f"page {page}"

    @property
    def recognised(self) -> bool:
        """Whether any of the text was recognised in a picture (OCR)."""
        return bool(self.ocr_pages or self.ocr_spans)

    def is_recognised(self, offset: int | None) -> bool:
        """Whether the text at `offset` was recognised in a picture: on a scanned page, or inside a
        picture placed in a web page."""
        if offset is None:
            return False
        return (bool(self.ocr_pages) and self.page_of(offset) in self.ocr_pages) or within(self.ocr_spans, offset)

    def box_at(self, offset: int | None) -> str:
        """Where on its page a recognised piece of text stands, as the analyst finds it on the
        picture: "at 52–60 mm across, 48–51 mm down" ("" for text that was not recognised)."""
        if offset is None or not self.ocr_boxes:
            return ""
        i = bisect.bisect_right(self.ocr_boxes, (offset, float("inf"))) - 1
        if i < 0 or not (self.ocr_boxes[i][0] <= offset < self.ocr_boxes[i][1]):
            return ""
        _, _, _, x0, top, x1, bottom = self.ocr_boxes[i]
        mm = 25.4 / 72
        return f"at {x0 * mm:.0f}–{x1 * mm:.0f} mm across, {top * mm:.0f}–{bottom * mm:.0f} mm down"

    def head(self, end: int) -> "Document":
        """The document cut at offset `end` of `text` (core/bundle.py: the first of the reports a file
        holds): every offset before `end` stands as it was, so figures and headings found in the
        head point into the whole text."""
        return self.segment(0, end)

    def segment(self, start: int, end: int) -> "Document":
        """The document read from `start` to `end` of `text` only (core/bundle.py: the fullest copy of a
        report written twice): what stands before `start` blanked (its line breaks kept), so every
        offset and line of the segment stands as it was in the whole text."""
        first = self.text.count("\n", 0, start)  # the segment's lines, 0-based: first … last
        last = first + self.text.count("\n", start, end)
        text = self.text[start:end] if start <= 0 else _NOT_A_BREAK.sub(" ", self.text[:start]) + self.text[start:end]
        return Document(
            source=self.source, text=text, sha256=self.sha256, encoding=self.encoding,
            grids=tuple(g for g in self.grids if first <= g.first_line <= last), notes=self.notes,
            pages=tuple(p for p in self.pages if p < end),
            heading_lines=frozenset(i for i in self.heading_lines if first <= i <= last), title=self.title,
            page_names=self.page_names, ocr_pages=self.ocr_pages,
            ocr_spans=tuple((max(a, start), min(b, end)) for a, b in self.ocr_spans if a < end and b > start),
            ocr_boxes=tuple(b for b in self.ocr_boxes if start <= b[0] < end),
        )

    def line_of(self, offset: int) -> int:
        """0-based line of an offset in `text`."""
        return bisect.bisect_right(self.line_starts, offset) - 1
