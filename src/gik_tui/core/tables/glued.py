"""Glued tables: a table's text scraped with no separators between its cells.

    一、本年新收政府信息公开申请数量171000018二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开…

A stretch of a line is read this way when the template's words (row labels, group labels, column
headers, captions, units) stand in it directly followed by figures. It is cut into those words
(with the numbering in front and the note behind that belong to them), other text, and runs of
figures; a run of figures becomes one token marked `glued`, which the aligner hands to the solver
(core/solve.py) to split into the row's cells. The numbering of the next row ends a run where the
template expects it: `00000002.其他法律…` is `0000000`, then `2.其他法律…` (the second row of its
group). Figures followed by a counting word (18件, 55%) are prose, not cells. Lines are cut into
sentences at `。` first; a sentence without table words directly before figures stays one token.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..labels import label_key
from ..templates import load_template
from ..values import COUNT_UNIT, DASHES, FOOTNOTE_AFTER, MARK_ENDS

_CN_NUM = "一二三四五六七八九十"
UNITS = {"条", "件", "次", "篇", "个", "人", "人次", "万元", "元", "项", "名", "期", "份", "件次", "家"}
AMOUNT_UNITS = frozenset({"元", "万元", "万", "亿元", "亿"})  # an amount's units (a cell after it, a line after it)
_CAPTION = rf"第二十条第\s*\(?\s*[{_CN_NUM}]{{1,3}}\s*\)?\s*项"
_NOTE = r"\([^()]{0,80}\)"
_D = DASHES  # (in a character class: an empty cell's dashes; the hyphen is added where no sign is meant)
_MARK = FOOTNOTE_AFTER.replace(r"\s*", "")  # a footnote's mark after a word (规章*383853): read as a note of it
# a run of figures; single spaces (or tabs) inside it are cell boundaries that the scrape kept
# (`171 000018`, `8 0 0 0 0 0 8`): the solver cuts at each of them and wherever else it must
# (a count may keep its unit where another figure follows: `0 0项 0 1`, a PDF's cells as written,
# or `125件140件`, a glued table's cells with their units)
# (a thousands comma, `2,63613660.33万元`, stays inside the run: the cell that holds it is cut
# around its groups, solve._cell_ok — cut at the comma, 2 and 63613660.33 were read at 0.9)
# (a dash among the figures, or before them, is an empty cell of the row: `1——0—01`, `—101125`)
_RUN = (rf"(?:(?:[{_D}]|-(?=[{_D}-]))[{_D}-]{{0,7}}(?:[ \t]{{1,3}}[{_D}-]{{1,8}})*[ \t]{{0,3}}(?=[+\-−增减]?\d))?"
        r"[+\-−增减]?\d(?:[\d.]|(?<=\d),(?=\d{3})|[+\-−增减](?=\d)|(?<=\d)" + COUNT_UNIT + r"(?=[ \t]{0,3}[+\-−增减]?\d)"
        rf"|[ \t]{{1,3}}(?=[+\-−增减]?\d|[{_D}])|[{_D}]|-(?=[{_D}-]|[ \t]{{1,3}}[+\-−增减]?\d))*(?:万元|万|亿元|亿|元)?")
COUNT_UNIT_AT = re.compile(COUNT_UNIT + r"(?=[ \t]|$)")
RUN_AT = re.compile(_RUN)  # (matched at a line's start: the rest of a run the line before ended in)
_PROSE_AFTER = set("件条次个人项篇份名期年月日号家起宗批户余多天%％岁届位")
PROSE_AFTER = _PROSE_AFTER
_NUMBERING_NOTE = re.compile(rf"^\(\s*[{_CN_NUM}\d]{{1,3}}\s*\)$")
_NUMBERING_TAIL = re.compile(rf"(?:[{_CN_NUM}]{{1,3}}\s*[、.]|其中\s*[:：]?|第[{_CN_NUM}]+部分)\s*$")
_RUN_NUMBERING = re.compile(r"(\d{1,2})[.、]$")
_RUN_DIGITS_END = re.compile(r"(\d{1,2})$")
# a notes column's header, which no template names, after a table's own (…总计备注0101…): a word of
# the table's, so that a one-row table glued after it is read (align: a column the template lacks)
NOTE_COLUMNS = ("备注", "说明")
# the words that open a note under a table (注：…, 备注：…): each holds 注 or 说明 (stream._note_lines)
NOTE_WORDS = ("附注", "备注", "注释", "说明", "注")
NOTE_WORD = "(?:" + "|".join(NOTE_WORDS) + ")"
_NUMBER_MARKS = ("、", ")")  # what may follow a row's number other than a dot (2、, 2)), never part of a run
# a "bare" run of figures: directly followed by CJK text that is not a counting word, by a bracket,
# or by the end of the line, spaces after it or not (prose writes 18件, 2020年, 55%; a glued table
# writes 171000018二、…)
# (or, with a space on either side, a run whose figures are spaced: 数量 8 0 0 0 0 0 8 二、…)
_BARE_BEFORE = r"[\u4e00-\u9fff)\]】”*※]"  # what stands before the figures (with a space, a sign or both between)
_BARE_SIGN = r"[+\-−增减]"
_BARE_AFTER = (rf"(?:[\d.]|(?<=\d),(?=\d{{3}})|[+\-−增减](?=\d)|[ \t]{{1,3}}(?=[+\-−增减]?\d|[{_D}])|[{_D}]"
               rf"|-(?=[{_D}-]|$|[\u4e00-\u9fff(（]|[ \t]{{1,3}}[+\-−增减]?\d))*"
               r"[ \t]?(?:(?![件条次个人项篇份名期年月日号家起宗批户余多天%％岁届位元室千百平米倍版])[\u4e00-\u9fff(（]|[ \t]*$"
               r"|" + COUNT_UNIT + r"(?=[+\-−增减]?\d))")  # (or a count's unit, then figures: 4502件+314652件)
_BARE = re.compile(rf"{_BARE_BEFORE}(?:[ \t]?{_BARE_SIGN}?|[{_D}][{_D}-]{{0,7}}|-[{_D}-]{{1,7}})\d{_BARE_AFTER}", re.M)
# the same runs found from their first digit: a pattern that starts with a digit is scanned for in
# C, one that starts with the CJK class is tried at almost every character (4x slower on a report)
_BARE_FROM_DIGIT = re.compile(
    rf"\d(?:(?<={_BARE_BEFORE}\d)|(?<={_BARE_BEFORE}[ \t]\d)|(?<={_BARE_BEFORE}{_BARE_SIGN}\d)"
    rf"|(?<={_BARE_BEFORE}[ \t]{_BARE_SIGN}\d)"
    + "".join(rf"|(?<={_BARE_BEFORE}[{_D}-][{_D}-]{{{k}}}\d)" for k in range(1, 8))
    + rf"|(?<={_BARE_BEFORE}[{_D}]\d)){_BARE_AFTER}", re.M)
_SIGN_CHARS = "+-−增减"
_DASH_CHARS = DASHES
_DASHES_OR_HYPHEN = _DASH_CHARS + "-"


@dataclass(slots=True)
class Piece:
    """A stretch of a sentence (never changed once made; not frozen, which costs four times as
    much to make, and sentences make many)."""

    kind: str  # "word" | "num" | "text"
    start: int  # offsets in the line
    end: int


@dataclass(frozen=True, slots=True)
class Vocab:
    scanner: re.Pattern
    ordinals: dict[str, frozenset[int]]  # label key → the numbers its row is numbered with
    longest: int = 0  # the most characters a word of the tables has
    chars: frozenset = frozenset()  # every character of its words


def _variants(label: str) -> set[str]:
    s = unicodedata.normalize("NFKC", label)
    out = {s, re.sub(r"[“”\"'‘’]", "", s), s.replace("“", '"').replace("”", '"')}
    out |= {v.replace("其他", "其它") for v in out if "其他" in v}  # (its common variant)
    if len(s) == 2:  # a word of two spaced to the width of a cell of four (总 计, 其  他)
        out |= {s[0] + " " + s[1], s[0] + "  " + s[1]}
    return {v for v in out if len(v) >= 2}


def _trie(words: set[str]) -> str:
    """A regular expression matching any of `words`, longest first, built as a trie so that the
    scan costs one step per character rather than one per word."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(tree)


@cache
def vocabulary(template_id: str) -> Vocab:
    t = load_template(template_id)
    words: set[str] = set()
    ordinals: dict[str, set[int]] = {}
    for spec in t.tables:
        for b in spec.blocks:
            for r in b.rows:
                if r:
                    for name in (r[-1], *spec.aliases.get(r[-1], ())):
                        words |= _variants(name)
            for c in b.columns:
                for label in c:
                    for name in (label, *spec.aliases.get(label, ())):
                        words |= _variants(name)
        for g in spec.groups():
            if not g[-1].startswith("第二十条"):
                words |= _variants(g[-1])
        for h in spec.headers:
            words |= _variants(h)
        if spec.unit_column:
            words |= UNITS
        words |= set(NOTE_COLUMNS)
        counters: dict[tuple, int] = {}
        for node, _ in spec.nodes():
            parent = node[:-1]
            counters[parent] = counters.get(parent, 0) + 1
            ordinals.setdefault(label_key(node[-1]), set()).add(counters[parent])
    # every match starts with one of these characters: a lookahead for them first turns most
    # characters of a sentence away in one step, before the words are tried one first character
    # after another (re tries a pattern that opens with named groups at every position)
    first = "".join(re.escape(c) for c in sorted({w[0] for w in words} | set("第(*※[【") | set(_SIGN_CHARS) | set(_DASH_CHARS)))
    scanner = re.compile(rf"(?=[{first}\d])(?:(?P<cap>{_CAPTION})|(?P<note>{_NOTE}|{_MARK})|(?P<word>{_trie(words)})"
                         rf"|(?P<num>{_RUN}))")
    return Vocab(scanner, {k: frozenset(v) for k, v in ordinals.items()}, max(map(len, words), default=0),
                 frozenset("".join(words)))


WORD_ACROSS_LEAST = 3  # a word this long or longer, broken by a line end, joins the two lines


def word_across(before: str, after: str, template_id: str) -> bool:
    """Does a word of the template's tables stand across the end of the line `before` and the start
    of `after` — a header cell or a row's label broken by a line end in glued text (…自然人法人或 /
    其他组织总计商业企业…, a cell's <br>)? Read apart, 其他 opened the next line as a column of its
    own and the requests table was read a column off (most of it left blank)."""
    vocab = vocabulary(template_id)
    reach = vocab.longest - 1
    text = before[-reach:] + after[:reach]
    cut = min(reach, len(before))
    scanner = vocab.scanner
    for p in range(cut - 1, max(-1, cut - reach - 1), -1):
        m = scanner.match(text, p)
        if m is not None and m.end() > cut and m.group("word") is not None and m.end() - p >= WORD_ACROSS_LEAST:
            return True
    return False


def bare_offsets(text: str) -> list[int]:
    """Offsets of every bare run of figures in `text` (one scan of the whole document): where each
    match of `_BARE` starts, as `_BARE.finditer` gives them.

    Scanned from the digits (`_BARE_FROM_DIGIT`): a run's first digit fixes where its match may
    start — one, two or three characters before it (the CJK character, then a space, a sign or
    both) — and what follows the digit decides the match whatever its start, so the match starts
    at the earliest of those the characters allow. Only when that start falls inside the match
    before it (a figure right after another run's closing character) is the rest of the text
    scanned with `_BARE` itself, which gives the matches that do not overlap."""
    out: list[int] = []
    end = 0
    for m in _BARE_FROM_DIGIT.finditer(text):
        r = m.start()
        c1 = text[r - 1]  # the lookbehind saw it: r >= 1
        c2 = text[r - 2] if r >= 2 else ""
        q = r  # (dash cells before the run's first figure: 予以公开—101125, 总计--18…; a hyphen alone is a sign)
        while q > 0 and text[q - 1] in _DASHES_OR_HYPHEN:
            q -= 1
        if q < r and (text[q] in _DASH_CHARS or r - q >= 2) and q > 0 and _before(text[q - 1]) and r - q <= 8:
            p = q - 1
        elif r >= 3 and c1 in _SIGN_CHARS and c2 in " \t" and _before(text[r - 3]):
            p = r - 3
        elif c2 and (c1 in " \t" or c1 in _SIGN_CHARS) and _before(c2):
            p = r - 2
        else:
            p = r - 1
        if p < end:
            out.extend(x.start() for x in _BARE.finditer(text, end))
            return out
        out.append(p)
        end = m.end()
    return out


_WORD_ENDS = MARK_ENDS + "”"  # what else ends the words before a run: a mark's or a note's end, a quote


def _before(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or c in _WORD_ENDS


def may_be_glued(line: str) -> bool:
    """Cheap test: a bare run of figures between CJK words somewhere in the line."""
    return len(line) >= 3 and _BARE_FROM_DIGIT.search(line) is not None  # as _BARE.search, from the digits


def _last_gap(s: str, a: int, b: int) -> int:
    """Where the last space inside the run s[a:b] begins (the run's start when it has none)."""
    i = max(s.rfind(" ", a, b), s.rfind("\t", a, b))
    if i <= a:
        return a
    while i > a and s[i - 1] in " \t":
        i -= 1
    return i


_UNIT_AT = re.compile(COUNT_UNIT)
_CAPTION_NUMBER = re.compile(r"\d{1,2}(?![\d.,])")
_AFTER_FIGURE_UNIT = re.compile(r"\d" + COUNT_UNIT + r"$")


def _piece_before(s: str, a: int, before: list[Piece]) -> int:
    """The index in `before` of the piece that stands right before the figures at `a` (spaces
    between them aside), or -1 when none does."""
    k = len(before) - 1
    while k >= 0 and before[k].kind == "text" and not s[before[k].start:before[k].end].strip(" \t"):
        k -= 1  # (a space between the label and its figures)
    return k if k >= 0 and not s[before[k].end:a].strip(" \t") else -1


def _cell_with_unit(s: str, a: int, b: int, before: list[Piece], vocab: Vocab) -> int:
    """Are the figures s[a:b], a count's unit after them, a table's cell: right after a table's
    word or another figure's unit, and before a figure, a table's word or the end? Then they are
    figures, which may hold several cells glued (`4502件+314652件`: +31 and 4652件), not one cell of
    prose (`予以公开12件，部分公开3件` stays prose: a comma follows). Where the unit ends, or 0."""
    u = _UNIT_AT.match(s, b)
    k = _piece_before(s, a, before)
    if u is None or k < 0:
        return 0
    if before[k].kind != "word" and not _AFTER_FIGURE_UNIT.search(s, max(0, before[k].end - 4), before[k].end):
        return 0
    e = u.end()
    if e == len(s) or _UNIT_AT.search(s, a, b):  # (cells with their units glued: 70件125件140件…)
        return e
    nxt = vocab.scanner.match(s, e)
    return e if nxt is not None and nxt.lastgroup in ("word", "cap", "num") else 0


_ROW_START = re.compile(rf"[{_CN_NUM}]{{1,3}}\s*、|\(\s*[{_CN_NUM}\d]{{1,3}}\s*\)|\d{{1,2}}\s*[.、](?!\d)")


def _percent_cell(s: str, a: int, b: int, before: list[Piece], vocab: Vocab) -> bool:
    """Are the figures s[a:b], a percent sign after them, a table row's figures ending in a
    share column's percentage (`申请数量9052436792443883.9%二、上年结转…`: 388, then 3.9%)? Right
    after a table's word (the row's label), and before another table word, a row's numbering or
    the end; a sentence's share (`占比达95.2%，`, `增长12%以上`) stays prose."""
    k = _piece_before(s, a, before)
    if k < 0 or before[k].kind not in ("word", "note"):
        return False
    e = b + 1
    while e < len(s) and s[e] in " \t":
        e += 1
    if e == len(s) or _ROW_START.match(s, e):
        return True
    nxt = vocab.scanner.match(s, e)
    return nxt is not None and nxt.lastgroup in ("word", "cap")


def _pieces(s: str, vocab: Vocab) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in vocab.scanner.finditer(s):
        a, b = m.span()
        if a == b:
            continue
        if a > pos:
            if out and out[-1].kind == "text" and out[-1].end == pos:
                out[-1] = Piece("text", out[-1].start, a)
            else:
                out.append(Piece("text", pos, a))
        kind = m.lastgroup
        if kind == "num":
            nxt = s[b:b + 1]
            prev = s[a - 1:a] if a else ""
            if nxt == "%" and _percent_cell(s, a, b, out, vocab):
                # a row's figures, then a share column's percentage (`…数量9052443883.9%二、…`,
                # `数量 17 1 0 0 0 0 18 12.5%`): figures, with it
                b += 1
            elif nxt in _PROSE_AFTER and a < _last_gap(s, a, b) and (u := COUNT_UNIT_AT.match(s, b)):
                b = u.end()  # the last count of a spaced run, with its unit (`0 0 0 13件 （三）`)
            elif nxt in _PROSE_AFTER and a < (cut := _last_gap(s, a, b)):
                out.append(Piece("num", a, cut))  # 0000000 2020年: the figures, then prose
                a = cut + 1
                while s[a] in " \t":
                    a += 1
                kind = "text"
            elif nxt in _PROSE_AFTER and (unit_end := _cell_with_unit(s, a, b, out, vocab)):
                b = unit_end  # a table's cell with its count's unit (`行政许可4502件+314652件其他…`): figures, with it
            elif nxt in _PROSE_AFTER or prev == "第" or prev == "表" and _CAPTION_NUMBER.match(s, a):
                # (第3; a table's caption, 表3 or 附表2 before the table's words: its number, no cell)
                kind = "text"
        elif kind == "cap":
            kind = "word"
        if kind == "text" and out and out[-1].kind == "text" and out[-1].end == a:
            out[-1] = Piece("text", out[-1].start, b)  # (figures of a sentence are its words: 截至2025年12月31日)
        else:
            out.append(Piece(kind, a, b))
        pos = b
    if pos < len(s):
        if out and out[-1].kind == "text" and out[-1].end == pos:
            out[-1] = Piece("text", out[-1].start, len(s))
        else:
            out.append(Piece("text", pos, len(s)))
    return out


def _hits(s: str, pieces: list[Piece]) -> tuple[int, int]:
    """How many table words stand directly before figures (a space between them or none), and
    how much of `s` the table's words and figures cover."""
    hits = 0
    covered = 0
    prev = None
    for p in pieces:
        if p.kind == "num" and prev in ("word", "note"):
            hits += 1
        if p.kind != "text":
            covered += p.end - p.start
        if p.kind != "text" or s[p.start:p.end].strip():
            prev = p.kind
    return hits, covered


def _is_glued(s: str, pieces: list[Piece]) -> bool:
    """Table words directly before figures, twice, or once in a stretch that is mostly table."""
    hits, covered = _hits(s, pieces)
    return hits >= 2 or (hits == 1 and covered >= 0.5 * len(s.strip()))


_NUMBERING_ONLY = re.compile(r"\d{1,2}\s*[.、．]")


def several_rows(line: str, template_id: str) -> bool:
    """Whether the line holds the figures of two table rows or more: a table's words directly
    before figures twice (a table's rows on one line, one space apart: `(一)予以公开 1 0 1(二)部分公开 2 2`),
    not one row whose label has several words (`(四)无法提供 1.本机关不掌握相关政府信息 0项 2个 0 2`)."""
    if not may_be_glued(line):
        return False
    hits = 0
    prev = None
    for p in _pieces(line, vocabulary(template_id)):
        if p.kind == "num" and prev in ("word", "note") and not _NUMBERING_ONLY.fullmatch(line, p.start, p.end):
            hits += 1  # (a row's numbering after its group's label, 不予公开 1.属于国家秘密, is no figure)
            if hits == 2:
                return True
        if p.kind != "text" or line[p.start:p.end].strip():
            prev = p.kind
    return False


def _numbering_digits(digits: str, expected: frozenset[int], whole: bool) -> int:
    """How many of the digits before `.`/`、` are the next row's numbering (1 or 2): the last
    digit when the next row is numbered so (`02.延期办结数` is 0, then row 2), both when only the
    two-digit number is expected, or when nothing is known and the run is nothing but them."""
    if len(digits) == 2:
        if int(digits[-1]) in expected:
            return 1
        if int(digits) in expected or (whole and not expected):
            return 2
    return 1


def _tokens(s: str, pieces: list[Piece], vocab: Vocab,
            after: tuple[frozenset[int], bool] | None = None) -> list[tuple[str, int, int, bool]]:
    """(text, start, end, glued) tokens of a glued stretch: numbering joined to the word after it,
    notes joined to the word before them, runs of figures cut from the next row's numbering —
    that of the row whose label opens the next line too (`after`: its numbers, and whether the
    line opens with the numbering's mark: `…件2216.` / `申请信息不存在数件…`, `…件1853` / `.网络…`)."""
    out: list[list] = []  # [start, end, glued, kind]
    carry: int | None = None  # start of numbering waiting for the word it numbers

    def numbering_alone(a: int) -> None:
        """The numbering waiting since `carry` has no word to number before `a` (its label was cut
        onto the next line: (六) 3 0 0 …, (二) 件 172): a label of its own."""
        nonlocal carry
        end = a
        while end > carry and s[end - 1] in " \t":
            end -= 1
        if end > carry:
            out.append([carry, end, False, "text"])
        carry = None

    def emit(a: int, b: int, glued: bool, kind: str) -> None:
        nonlocal carry
        if carry is not None and not glued:
            a = carry
        elif carry is not None:
            numbering_alone(a)
        carry = None
        out.append([a, b, glued, kind])

    for i, p in enumerate(pieces):
        a, b = p.start, p.end
        text = s[a:b]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        follows = nxt is not None and nxt.kind in ("word", "text") and nxt.start == b
        if p.kind == "note":
            if _NUMBERING_NOTE.match(text):
                carry = a if carry is None else carry
            elif out and out[-1][3] == "word" and out[-1][1] == a and carry is None:
                out[-1][1] = b  # the note explains the word before it
            else:
                emit(a, b, False, "text")
        elif p.kind == "word":
            if carry is not None and text in UNITS:  # a numbering, then its row's unit
                numbering_alone(a)
            emit(a, b, False, "word")
        elif p.kind == "text":
            if not text.strip() or text in _NUMBER_MARKS and carry is not None and nxt is not None and nxt.kind == "word":
                continue  # (2、其他…: the numbering, its mark, then the word it numbers, one token)
            m = _NUMBERING_TAIL.search(text)
            if m and follows:
                if text[:m.start()].strip():
                    emit(a, a + m.start(), False, "text")
                carry = a + m.start() if carry is None else carry
            else:
                emit(a, b, False, "text")
        else:  # a run of figures
            m = _RUN_NUMBERING.search(text)
            end = b
            marked = (m is None and follows and s[nxt.start:nxt.end] in _NUMBER_MARKS and i + 2 < len(pieces)
                   and pieces[i + 2].kind == "word" and pieces[i + 2].start == nxt.end)
            if marked:  # (the next row's numbering written 2、 or 2), the mark no piece of the run: 0160002182、其他…)
                m = _RUN_DIGITS_END.search(text)
                nxt = pieces[i + 2]
            if m and follows:
                nkey = label_key(s[nxt.start:nxt.end])
                take = _numbering_digits(m.group(1), vocab.ordinals.get(nkey, frozenset()), m.start() == 0)
                numbering = end = b - (0 if marked else 1) - take
                while end > a and s[end - 1] in " \t":
                    end -= 1
                if end > a:
                    emit(a, end, True, "num")
                carry = numbering if end > a else a
                continue
            if after is not None and (nxt is None or i + 2 == len(pieces) and s[nxt.start:nxt.end].strip() in _NUMBER_MARKS):
                # the stretch's last run, the next line opening with a row's label: the digits
                # before a mark at its end, or before the mark that opens that line, may be that
                # row's number — cut from the run when they are (read in, 2216. was 221 and 6.)
                expected, mark = after
                # (its digits before a mark at its end, or, the mark elsewhere, before the run's end)
                m = _RUN_NUMBERING.search(text) if nxt is None and not mark else _RUN_DIGITS_END.search(text)
                if m is not None:
                    take = _numbering_digits(m.group(1), expected, m.start() == 0)
                    numbering = m.end(1) - take
                    if int(m.group(1)[-take:]) in expected:
                        end = a + numbering
                        while end > a and s[end - 1] in " \t":
                            end -= 1
                        if end > a:
                            emit(a, end, True, "num")
                        # (all of it the number, `次2.` / `政府网站…`: the row's cell left empty) — the
                        # number no token: alone, `5` or `6.`, it would be read as a figure
                        continue
            while end > a and s[end - 1] in ".、 \t":
                end -= 1
            if end > a:
                emit(a, end, True, "num")
    if carry is not None:
        out.append([carry, pieces[-1].end, False, "text"])
    return [(s[x[0]:x[1]], x[0], x[1], x[2]) for x in out if s[x[0]:x[1]].strip()]


_DASHES = re.compile(rf"[{_D}-]{{1,8}}")
_PAGE_MARK = re.compile(r"(?<![ \t])[-—–―][ \t]+\d{1,3}[ \t]+[-—–―](?![ \t])"
                        r"|(?:共[ \t]*\d{1,3}[ \t]*页[ \t]*)?第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?")


# an empty cell written 无 (none) or 空 among a row's glued figures (3200无12044): a dash's cell
_NONE_CELLS = re.compile(r"[无空]{1,8}")
_NONE_TO_DASH = str.maketrans("无空", "——")


def _empty_cell(text: str) -> bool:
    """Is this token an empty cell's mark beside a glued run: dashes, or 无 / 空?"""
    return _DASHES.fullmatch(text) is not None or _NONE_CELLS.fullmatch(text.strip()) is not None


def _as_dashes(run: str) -> str:
    """A run's text with each empty cell's 无 or 空 written as a dash (one character for one: the
    offsets stand), which the solver reads as an empty cell."""
    return run.translate(_NONE_TO_DASH) if "无" in run or "空" in run else run


def _with_dash_cells(seg: str, toks: list[tuple[str, int, int, bool]]) -> list[tuple[str, int, int, bool]]:
    """The tokens with each glued run joined to the dashes beside it (a few spaces apart at
    most; 无 or 空 read as one): a dash among a row's figures is an empty cell of the row (`1——0—01`, `予以公开—101125`),
    which the solver places (solve.split_run) — read apart, the row's figures fell short of its
    columns and nothing of it was read."""
    if not any(not g and _empty_cell(t) for t, _, _, g in toks):
        return toks
    out: list[tuple[str, int, int, bool]] = []
    group: list[tuple[str, int, int, bool]] = []

    def flush() -> None:
        a, b = (group[0][1], group[-1][2]) if group else (0, 0)
        if any(g for *_, g in group) and any(not g for *_, g in group):
            out.append((_as_dashes(seg[a:b]), a, b, True))
        elif group and out and not out[-1][3] and len(re.sub(r"\s", "", seg[a:b])) >= 4:
            # a row of nothing but dashes after its label (（二）部分公开—-——/-—): its cells, each
            # empty (two dashes, ——, are a sentence's dash: no row's)
            out.append((_as_dashes(seg[a:b]), a, b, True))
        else:
            out.extend(group)
        group.clear()

    for tok in toks:
        t, a, b, g = tok
        if g or _empty_cell(t):
            if group and not (a - group[-1][2] <= 3 and not seg[group[-1][2]:a].strip()):
                flush()
            group.append(tok)
        else:
            flush()
            out.append(tok)
    flush()
    return out


def opening_row(line: str, template_id: str) -> tuple[frozenset[int], bool] | None:
    """The numbers of the row whose label opens `line` (a mark of a numbering before it or not:
    `.网络申请数件94…`), and whether the mark stands there; None when no numbered row's label does."""
    s = line.lstrip(" \t")
    mark = s[:1] in (".", "、")
    if mark:
        s = s[1:].lstrip(" \t")
    m = vocabulary(template_id).scanner.match(s)
    if m is None or m.group("word") is None:
        return None
    numbers = vocabulary(template_id).ordinals.get(label_key(m.group("word")))
    return (numbers, mark) if numbers else None


def split_line(line: str, template_id: str, after: tuple[frozenset[int], bool] | None = None
               ) -> list[tuple[str, int, int, bool]] | None:
    """The tokens (text, start, end, glued) of a line holding glued table text, offsets within
    the line; None when no part of the line is a glued table. `after`: the row whose label opens
    the next line (opening_row), whose numbering the line's last figures may end in."""
    vocab = vocabulary(template_id)
    out: list[tuple[str, int, int, bool]] = []
    found = False
    pos = 0
    for sent_end in [m.end() for m in re.finditer("。", line)] + [len(line)]:
        seg = line[pos:sent_end]
        base = pos
        pos = sent_end
        if not seg.strip():
            continue
        if "-" in seg or "—" in seg or "–" in seg or "―" in seg or "页" in seg:
            # a page's number (`- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 5 页`: a PDF's footer glued
            # between two rows) is blanked: no cells of a row (its dashes and figure had been read
            # as cells, or words after the row's figures, which were then only offered)
            seg = _PAGE_MARK.sub(lambda m: "\u3000" * len(m.group()), seg)
        pieces = _pieces(seg, vocab) if may_be_glued(seg) else []
        if pieces and _is_glued(seg, pieces):
            found = True
            toks = _tokens(seg, pieces, vocab, after if sent_end == len(line) else None)
            out.extend((t, base + a, base + b, g) for t, a, b, g in _with_dash_cells(seg, toks))
        else:
            lead = len(seg) - len(seg.lstrip())
            s = seg.strip()
            out.append((s, base + lead, base + lead + len(s), False))
    return out if found else None
