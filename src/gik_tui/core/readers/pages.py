"""A text taken from a paged file — pdftotext's output, its pages ended by form feeds, or a PDF's
text copied out, its pages run together — with its pages' furniture found: page numbers and the
running headers and footers beside them, which the PDF reader leaves out by where they stand on
the page. In a text they stand among the lines of the report, and a table written a cell a line
took a page's number for a cell: `…0` / `5` / `成都市武侯区人民政府` / `34 |`, the row's total read
as 5 at full confidence and every row after it shifted.

A line is a page's number only when the pages say so together, never alone (a cell of a table
written a cell a line is a bare figure too):
- its line's form (its digits as `#`: `#`, `- # -`, `# / 12`, `第#页`, `XX人民政府 #`) repeats, and its
  number goes up by one from page to page, each a page's worth of lines after the last
  (`MIN_PAGE_LINES`) — or, the pages known (form feeds), on consecutive pages at a page's top or
  bottom (`BAND` lines);
- a bare figure besides, with nothing to tell it from a cell, stands beside the page's break: at
  a known page's top or bottom, or beside a line of words that repeats at every such number and
  nowhere else (a running header: `成都市武侯区人民政府`, `政府信息公开工作年度报告`) — and that
  header goes with it.
With the pages known, a line of words at the top or bottom of most pages (`RUNNING_SHARE`) is
their running header or footer, a page number or none.

What is found is blanked, not cut out: the report's lines keep their numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from os.path import commonprefix
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cache

from ..document import PAGE_BREAK
from ..labels import label_key, strip_numbering
from ..templates import load_template, template_ids

MIN_PAGE_LINES = 10  # lines: consecutive page numbers with no form feed stand at least this far apart
MIN_FORM_LINES = 3  # … or this far, a number written as no cell is (- 3 -, 3 / 12, 第3页)
BAND = 2  # lines with words: a page's top and bottom where its running header, footer and number stand
RUNNING_SHARE = 0.6  # of the pages: a line at their top or bottom this often is their running header or footer
_SHORT = 40  # characters: a page's furniture is a short line
_DIGITS = re.compile(r"\d{1,4}")
_RUNS = re.compile(r"\d+")
_SPACES = " \t\u3000\xa0"  # (not the form feed: a page's break)
_WORDS = re.compile(r"[\u3400-\u9fffA-Za-z]")
_NOT_WORDS = re.compile(r"[\d\s\-—–~_·•/]+")
_HEADER_WORDS = re.compile(r"[\u3400-\u9fff]{4}")  # a running header's words around a figure (its year)
# a page number's forms (spaces gone, digits as #): #, - # -, ·#·, #/12, 第#页, 第#页共#页, 共#页第#页, Page # of #
# (a dash on one side only is a change's sign, -1, a cell);
# with a running footer's words before or after it (XX人民政府 - # -), four characters or more — a
# figure with its unit, #件, is a cell
_PAGE_FORM = r"(?:#|[-—–~_·•]+#[-—–~_·•]+|#/#|第#页(?:[,，/]?共#页)?|共#页[,，]?第#页|(?i:page)#(?:(?i:of)#)?)"
_PAGE_KEY = re.compile(rf"(?:[^#]{{4,}})?{_PAGE_FORM}(?:[^#]{{4,}})?")
# a figure with a cell's separator beside it (`2 |[注]`, `合计\t3`): a table's cell, its row's words no footer's
_CELL_SEPARATED = re.compile(r"\d[ \u3000]*[|｜\t]|[|｜\t][ \u3000]*\d")


def furniture(lines: list[str]) -> set[int]:
    """The lines (0-based) of `lines` that are the pages' furniture. `lines` may hold PAGE_BREAK
    lines, where each page starts."""
    # each line's shape, its digits as # (in C, over the whole text at once), and how often each
    # stands: a page's number and its running header stand on several pages
    stripped = [line.strip(_SPACES) for line in lines]  # (a centred number's spaces gone)
    # (a # the text writes is not a number's: it stands as ﹟ in the shapes)
    shapes = _RUNS.sub("#", "\n".join(stripped).replace("#", "\ufe5f")).split("\n")
    count = Counter(shapes)
    paged = PAGE_BREAK in count
    forms: dict[str, str] = {}  # numbered shapes of a page number's form → their key
    alike: list[str] = []  # shapes that stand more than once, each perhaps a running header's
    for shape, n in count.items():
        if n < 2 or len(shape) > 2 * _SHORT:
            continue
        if "#" in shape:
            k = "".join(shape.split())
            worded = _HEADER_WORDS.search(k) is not None
            if len(k) <= _SHORT and _PAGE_KEY.fullmatch(k) and (k == "#" or not _CELL_SEPARATED.search(
                    stripped[shapes.index(shape)])) and (
                    not worded or _no_label(_NOT_WORDS.sub("", stripped[shapes.index(shape)]))):
                forms[shape] = k  # (a label with its figure, 政府集中采购 1, is a row: never a footer's words)
            if worded:  # (a running header may hold the report's year: …2019年…报告)
                alike.append(shape)
        else:
            alike.append(shape)
    if not forms and not paged:
        return set()
    # the shapes of words alone, each perhaps a running header (a row's numbered label is none; a
    # shape with figures only where every line of it is the same: its year's, no page's number)
    words = {shape for shape in alike if 0 < len(k := "".join(shape.split())) <= _SHORT and _WORDS.search(k)
             and ("#" not in shape or _alike_lines(shape, shapes, stripped, count))
             and _no_label(stripped[shapes.index(shape)])}
    breaks = [i for i, shape in enumerate(shapes) if shape == PAGE_BREAK] if paged else []

    def page(i: int) -> int:
        return bisect_right(breaks, i)

    def near(i: int, step: int) -> int | None:
        """The shown line next to `i` (step 1 after it, -1 before) on its page, within three lines."""
        for j in range(i + step, i + 4 * step, step):
            if not 0 <= j < len(lines) or lines[j] == PAGE_BREAK:
                return None
            if lines[j].strip():
                return j
        return None

    top, seen = 0, 0  # the first five shown lines (the first page's header may stand among them)
    while top < len(lines) and seen < 5:
        seen += bool(lines[top].strip()) and lines[top] != PAGE_BREAK
        top += 1
    band: set[int] = set()  # the shown lines at each page's top and bottom (known pages only)
    for b in (*breaks, len(lines)) if paged else ():  # (the last page's bottom: the text's end)
        for step in (1, -1):
            j, got = b, 0
            while got < BAND and (j := near(j, step)) is not None:
                band.add(j)
                got += 1
    # the numbered lines, by form (a bare figure by what stands beside it: the running header it repeats with)
    groups: dict[tuple, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    bare: dict[int, tuple[int, ...]] = {}  # the lines of a bare figure, and it
    for i in [i for i, shape in enumerate(shapes) if shape in forms]:
        k = forms[shapes[i]]
        if k != "#":
            groups[(k,)].append((i, tuple(int(d) for d in _DIGITS.findall(lines[i]))))
            continue
        line = lines[i]  # (a bare number's line may keep a character str.split takes for a space: 0\x1f)
        values = (int(line),) if len(line) <= 4 and line.isascii() and line.isdigit() \
            else tuple(int(d) for d in _DIGITS.findall(line))
        bare[i] = values
        groups[("#", "all")].append((i, values))
        if i in band:
            groups[("#", "band")].append((i, values))
    if bare and words:  # each line of words with a bare figure beside it (looked for from the words: fewer)
        for j in [j for j, shape in enumerate(shapes) if shape in words]:
            for side in (-1, 1):
                i = near(j, side)
                if i in bare:
                    groups[("#", -side, shapes[j])].append((i, bare[i]))

    def running(shape: str, beside: set[int]) -> bool:
        """Do the lines of `shape` stand only `beside` the page numbers (or among the text's first
        five lines: the first page's header)?"""
        return count[shape] == len(beside) + sum(1 for j in range(top) if shapes[j] == shape and j not in beside)

    found: set[int] = set()
    n = len(breaks)
    for group, members in groups.items():
        if len(members) < 2 or group[-1] == "all" and any(
                b[1][0] != a[1][0] + 1 for a, b in zip(members, members[1:])):
            continue  # (bare figures where nothing stands beside them: only when they are the text's only ones)
        chain = _chain(members, page if paged else None, MIN_PAGE_LINES if group[0] == "#" else MIN_FORM_LINES)
        if len(chain) < (2 if group[-1] != "band" else max(2, RUNNING_SHARE * n)):
            continue  # (a bare figure at a page's bottom or top: on most pages, as their number is)
        if not paged and not _regular(chain, members):
            continue  # (pages of about one length, the first numbered as far into the text as it stands)
        if group[-1] == "all" and len(chain) < len(members) or group[0] != "#" and 2 * len(chain) <= len(members):
            continue  # (a form most of whose lines are no page's number — 0[注] on eleven lines, 1[注] and
            # 2[注] among them — is a cell's, not a footer's)
        if len(group) == 3 and not running(group[2], {near(i, group[1]) for i in chain}):
            continue  # (a bare figure beside a running header: that header stands beside each, and nowhere else)
        found.update(chain)
        for side in (1, -1):  # the running header or footer beside the numbers
            beside: dict[str, set[int]] = defaultdict(set)
            for i in chain:
                j = near(i, side)
                if j is not None and shapes[j] in words:
                    beside[shapes[j]].add(j)
            for shape, these in beside.items():
                if len(these) >= 2 and running(shape, these):
                    found.update(these)
    if paged:  # a line of words at the top or bottom of most pages: a running header or footer
        tops: dict[tuple[str, bool], set[int]] = defaultdict(set)
        # (the first page's top is the report's title: its agency's name there stays, whatever the pages repeat)
        kinds = {i: (shapes[i], near(i, -1) is None) for i in band if shapes[i] in words and i >= top}
        for i, kind in kinds.items():
            tops[kind].add(page(i))
        for i, kind in kinds.items():
            if len(tops[kind]) >= max(2, RUNNING_SHARE * n):
                found.add(i)
    return found


_SP = r"[^\S\n]*"
MIN_PAGE_CHARS = 200  # characters: page numbers glued into a text run together stand at least this far apart
HEADER_LEAST = 6  # characters of words after each number alike: a running header glued after it
# where a running header may begin, glued after a page's number (…访1成都市…, 访- 1 -成都市…, 访1/5成都市…,
# 访第1页共5页成都市…): words after the number's last character — looked for first, a simple pattern
# fast at every character; the number's form read back from there only where the words repeat
_HEADER_AFTER = re.compile(rf"[0-9\-—–·•页](?=[\u3400-\u9fff]{{{HEADER_LEAST}}})")
_GLUED_NUMBER = re.compile(rf"(?:(?:[-—–·•]{_SP})?(\d{{1,3}})(?:{_SP}[-—–·•]|{_SP}/{_SP}\d{{1,3}})?"
                           rf"|第{_SP}(\d{{1,3}}){_SP}页(?:{_SP}[,，/]?{_SP}共{_SP}\d{{1,3}}{_SP}页)?)$")
_MOST_TRIED = 16  # sets of words after numbers looked at (a real text has one running header)
_NOT_BEFORE = frozenset("0123456789.,，%")  # (a figure's end before the number: it is that figure's)


def glued_furniture(line: str) -> list[tuple[int, int]]:
    """Where, in a text whose pages' text runs together (its line ends lost, or some of them: a
    PDF's text scraped with no separators), its pages' furniture stands, glued between the words of the
    report — even inside a label, `…在线访1成都市武侯区人民政府谈数次77…` (before, 在线访 was read as
    the label written short and 1 as its figure, at 0.9): a page number with the same words after
    it each time (the running header) that stand nowhere else, the numbers one more a page and the
    pages regular (`_chain`, `_regular`, in characters); with the footer's words before each
    number that they share too. The spans, sorted. (The header may stand in the first
    MIN_PAGE_CHARS too: the report's title, 成都市武侯区人民政府2020年…)"""
    after: dict[str, list[int]] = defaultdict(list)
    for m in _HEADER_AFTER.finditer(line):
        after[line[m.end():m.end() + HEADER_LEAST]].append(m.end())
    spans: list[tuple[int, int]] = []
    tried = 0
    for ends in after.values():
        if len(ends) < 2 or (len(ends) - 1) * MIN_PAGE_CHARS > len(line):
            continue  # (more than a page's worth of text could hold: words a figure often stands before)
        tried += 1
        if tried > _MOST_TRIED:
            break  # (a hostile text of many such words: a bounded search)
        found = []  # (where the number starts, its page number, where it ends)
        for end in ends:
            m = _GLUED_NUMBER.search(line, max(0, end - 2 * _SHORT), end)
            if m is not None and (m.start() == 0 or line[m.start() - 1] not in _NOT_BEFORE):
                found.append((m.start(), int(m.group(1) or m.group(2)), end))
        if len(found) < 2:
            continue
        members = [(a, (p,)) for a, p, _ in found]
        chain = set(_chain(members, None, MIN_PAGE_CHARS))
        chosen = [(a, b) for a, _, b in found if a in chain]
        if len(chosen) < 2 or not _regular(sorted(chain), members):
            continue
        title = min(MIN_PAGE_CHARS, chosen[0][0])  # (the text's start, where the title may say the header's words)

        def alone(words: str) -> bool:  # do the words stand only at these pages' breaks (and in the title)?
            return line.count(words) == len(chosen) + line.count(words, 0, title)

        # the header: the words after each number alike, to their last Chinese character (the pages'
        # texts after it differ — alike as far as a short header goes, they are the report's own, a
        # numbered paragraph's), standing nowhere else
        header = commonprefix([line[b:b + 2 * _SHORT] for _, b in chosen])
        if len(header) == 2 * _SHORT:
            continue
        header = header[:max((k + 1 for k, ch in enumerate(header) if "\u3400" <= ch <= "\u9fff"), default=0)]
        if len(header) < HEADER_LEAST or not alone(header):
            continue  # (words that stand elsewhere too are the report's)
        footer = commonprefix([line[max(0, a - _SHORT):a][::-1] for a, _ in chosen])[::-1]
        while len(footer.strip()) >= 4 and not alone(footer):
            footer = footer[1:]
        footer = footer if len(footer.strip()) >= 4 else ""
        spans.extend((a - len(footer), b + len(header)) for a, b in chosen)
    return sorted(spans)


def _no_label(line: str) -> bool:
    """Can the line be a running header: no row's numbered label (1.属于国家秘密, （一）予以公开), nor
    any label of a report format (a report written twice, or two reports in one file, repeat each
    of them — 政府集中采购 beside its 1 in the first and its 2 in the second is no page's header)?"""
    return strip_numbering(line) == line and label_key(line) not in _labels()


@cache
def _labels() -> frozenset[str]:
    """The label keys of every report format's rows, columns, groups and header words."""
    keys: set[str] = set()
    for tid in template_ids():
        for spec in load_template(tid).tables:
            keys.update(label_key(h) for h in spec.headers)
            for block in spec.blocks:
                keys.update(label_key(x) for path in (*block.rows, *block.columns) for x in path)
    keys.discard("")
    return frozenset(keys)


def _alike_lines(shape: str, shapes: list[str], stripped: list[str], count: Counter) -> bool:
    """Are the lines of `shape` (its figures as #) all the same line?"""
    first = stripped[shapes.index(shape)]
    return sum(1 for line in stripped if line == first) == count[shape]


def _regular(chain: list[int], members: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Do the page numbers on the lines of `chain` stand where pages of one length put them: the
    first page's number as many pages into the text as it says (a page or two either way: a
    cover, a header's number), and no page more than twice as long as another? (A report
    written twice, each row label again before a figure one more than the first time's, is no
    run of pages.)"""
    if len(chain) < 2:
        return False
    at = dict(members)
    first = at[chain[0]]
    page = next((a for a, b in zip(first, at[chain[1]]) if b == a + 1), first[0])
    gaps = [b - a for a, b in zip(chain, chain[1:])]
    length = sum(gaps) / len(gaps)
    return page - 2 <= chain[0] / length <= page + 0.5 and max(gaps) <= 2 * min(gaps)


def _chain(members: list[tuple[int, tuple[int, ...]]], page: Callable[[int], int] | None,
           least: int = MIN_PAGE_LINES) -> list[int]:
    """The lines of the longest run of `members` (line, its numbers) whose page number goes up by
    one from each to the next (a second number, the pages' count, the same in all), each on the
    next page (`page`, when known) or a page's worth of lines after the one before."""
    best: list[int] = []
    for at in range(max(len(v) for _, v in members)):
        ends: dict[tuple, list[tuple[int, int, list[int]]]] = defaultdict(list)  # (number, the rest) → (line, its page, chain)
        for line, values in members:
            if at >= len(values):
                continue
            p, rest = values[at], values[:at] + values[at + 1:]
            if not 1 <= p <= 999 or rest and rest[0] < p:
                continue
            chain = [line]
            for before, on, got in ends.get((p - 1, rest), ()):
                if (page(line) == on + 1 if page is not None else line - before >= least) \
                        and len(got) + 1 > len(chain):
                    chain = [*got, line]
            ends[(p, rest)].append((line, page(line) if page is not None else 0, chain))
            if len(chain) > len(best):
                best = chain
    return best
