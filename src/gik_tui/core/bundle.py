"""A file that holds several reports: an office's 汇编 of its agencies' reports, a page with every
year's report one after the other, a page that carries its article twice (a print copy).

A report starts again where its first section's heading (一、总体情况, 一、概述 …: the first section
of a template, with its aliases, from the templates' TOML) stands a second time after a whole
report's body since the one before (at least MIN_BODY characters that are not spaces, and another
numbered heading): a table of contents (目录 listing the headings, then the body) is too short to
be a report and is not a start. A report with no overview (its outline opens at 一、主动公开…, a
heading scored as core/sections.py scores them) or whose headings have no ordinals (总体情况 a line
of its own) starts again only after its title with its year (2020年…政府信息公开工作年度报告), never
one a cited document names (《关于做好…年度报告…的通知》); 一、 before words that name no section (the
requests table's first row, a list) starts nothing. The new report starts at its title where one
stands shortly before that heading, with the agency's line above it when the title is on two
lines; else at its opening paragraph (本报告由…); else at the heading itself.

A later report of the same agency and year (or of neither known) whose text mostly repeats an
earlier one's is that report written again: a copy when it gives the same figures in the same
order — the copy with the most figures is read alone, for a page's first lines echoed above the
report may be cut inside a row —, a variant when it gives others: read together with it, so that
where they disagree both figures are offered, never one of them at full confidence.

Reading a file as one report when it holds several mixes their figures: cells of one report under
the other's name and year, at full confidence. So extraction reads the first report alone and says
what else the file holds (core/extract.py); `gik-tui split` writes each report to its own file.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache

from .document import Document
from .meta import agency_line, find_agency_from, find_year_from, report_titles
from .sections import MAX_HEADING, names_a_section, score_sections
from .templates import load_template, template_ids

MIN_BODY = 800  # characters (not spaces) between two first headings for a report to stand between them
TITLE_BACK = 1500  # how far before a first heading its report's title may stand
_TITLE = re.compile(r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度|年)?(?:报告|年报)")
# where a report's opening paragraph starts when it has no title line (本报告由…根据《条例》…编制)
_INTRO = re.compile(r"本(?:年度)?报告|(?:根据|依据|按照)《中华人民共和国政府信息公开条例》")
MAX_LINE = 400  # a title or opening paragraph longer than this is in a report run onto one line
_OTHER_HEADING = re.compile(r"[二三四五六]\s*(?:[、.．]|部分)")
_SPACE = re.compile(r"\s+")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
# the name and year in front of a title run into the text before it: a figure other than a year
# or a sentence end stops it
_NAME_BEFORE = re.compile(r"(?:[\u4e00-\u9fff()（）]|\d{4}\s*年度?)*\Z")
MAX_NAME = 40


@dataclass(frozen=True, slots=True)
class Part:
    """One report of a file: where it starts in the text and what it is called there."""

    start: int  # offset in the text
    line: int  # 1-based line where it starts
    column: int = 0  # … and where in that line (reports run onto one line start inside it)
    agency: str | None = None  # whose report it is and on which year, as core/meta reads them in it
    year: int | None = None
    copy_of: int | None = None  # the index of an earlier part with the same text: written twice
    # … of an earlier part whose text this one repeats but where it says other things (a figure
    # changed): read with it, so that where the copies disagree their figures are offered
    variant_of: int | None = None
    differs: str = ""  # where a variant first says another figure ("line 230 says 17, line 640 says 18")
    figures: int = 0  # how many figures it gives from its first heading on (the fullest copy is read)


@cache
def _heading_marks() -> tuple[re.Pattern, re.Pattern]:
    """Where a report's outline may start: 一、 (group `first` when the name or an alias of any
    template's first section follows), and the first section's name (`bare` where it is a line of
    its own: a report whose headings have no ordinals). Two scans: one with both would try the
    line's start at every character."""
    first: set[str] = set()
    for tid in template_ids():
        sec = load_template(tid).sections[0]
        first.update((sec.name, *sec.aliases))
    words = "|".join(re.escape(n) for n in sorted(first, key=len, reverse=True))
    # (not 十一、 nor a table's number, 表一、总体情况统计表)
    return (re.compile(r"(?<![十表])一\s*(?:[、.．]|部分)\s*(?P<first>" + words + ")?"),
            re.compile(r"(?P<bare>" + words + r")[ \t\u3000]*(?:\n|\Z)"))


def _marks(norm: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each place a report's outline may start, in order; kind "first"
    (一、总体情况), "other" (一、 before other words) or "bare" (总体情况 a line of its own)."""
    ordinal, bare = _heading_marks()
    out = [(m.start(), m.end(), "other" if m.group("first") is None else "first") for m in ordinal.finditer(norm)]
    for m in bare.finditer(norm):
        line = norm.rfind("\n", 0, m.start()) + 1
        if not norm[line:m.start()].strip(" \t\u3000"):
            out.append((m.start(), m.end(), "bare"))
    return sorted(out) if len(out) > 1 else out


def _title_end(norm: str, a: int, b: int) -> int:
    """Where the last report title with its year in norm[a:b] ends (core/meta.report_titles: never
    one a cited document names, 《关于做好2020年政府信息公开工作年度报告…的通知》); -1 when none."""
    end = -1
    for t in report_titles(norm[a:b]):
        end = a + t.end()
    return end


def _a_report(body: str, kind: str) -> bool:
    """Whether the text from a report's first heading on is a whole report's: MIN_BODY characters
    (not spaces) and another numbered heading (not needed where its headings have no ordinals)."""
    return len(_SPACE.sub("", body)) >= MIN_BODY and (kind == "bare" or _OTHER_HEADING.search(body) is not None)


def _names_section(norm: str, at: int) -> bool:
    """Whether the words at `at` (after 一、) name a section of some template: a heading's line
    scored as core/sections.py scores headings, or in a line run on, its first words."""
    end = norm.find("\n", at)
    line = norm[at:end if end >= 0 else len(norm)]
    if len(line.strip()) <= MAX_HEADING:
        return any(score_sections(t, line)[0][1] >= t.section_threshold for t in map(load_template, template_ids()))
    return any(names_a_section(norm[at:at + 80], tid) for tid in template_ids())


def find_parts(doc: Document) -> tuple[Part, ...]:
    """The reports the file holds, in order: one Part for a file of one report (most of them)."""
    norm = doc.norm
    heads = _marks(norm)
    if len(heads) < 2:
        return (Part(0, 1),)
    starts: list[int] = []  # offsets in norm where another report starts
    bodies = [heads[0][0]]  # … and where each report's first heading stands
    kinds = [heads[0][2]]  # … and what kind of heading it is
    prev = heads[0][0]
    for n, (h, end, kind) in enumerate(heads[1:], 1):
        if h - prev < MIN_BODY:
            continue
        if kind != "first":
            # another section's heading (a report with no overview), or a bare one: a report
            # starts there only right after its title, no heading between them
            title = _title_end(norm, max(prev, h - TITLE_BACK), h)
            if title < 0 or heads[n - 1][0] > title:
                continue
            if kind == "other" and not _names_section(norm, end):
                continue  # 一、 before words that name no section (a table's row, a list)
        if not _a_report(norm[prev:h], kinds[-1]):
            continue  # a contents list, or a list inside the report: not a report of its own
        starts.append(_start_of(norm, max(prev, h - TITLE_BACK), h))
        bodies.append(h)
        kinds.append(kind)
        prev = h
    # the last is a report too, not a few lines of one quoted after the first (a related article's
    # opening words under the page's article): else it stays in the report before it
    while starts and not _a_report(norm[bodies[-1]:], kinds[-1]):
        starts.pop(), bodies.pop(), kinds.pop()
    if not starts:
        return (Part(0, 1),)
    parts = []
    for s, e in zip([0, *starts], [*starts, len(norm)]):
        a = doc.to_orig(s)
        agency, _ = find_agency_from(norm[s:e], doc.title if s == 0 else "")
        year, _ = find_year_from(norm[s:e], doc.title if s == 0 else "")
        line = doc.line_of(a)
        parts.append(Part(a, line + 1, a - doc.line_starts[line], agency, year))
    # each report's text from its first heading on, without spaces: a copy's is the same but for
    # the page around it
    texts = [_SPACE.sub("", norm[h:e]) for h, e in zip(bodies, [*starts, len(norm)])]
    parts = [replace(p, figures=len(_FIGURE.findall(t))) for p, t in zip(parts, texts)]
    out: list[Part] = []
    for i, p in enumerate(parts):
        for j in sorted({0, *range(max(0, i - MAX_BACK), i)} - {i}):  # (a copy follows its report, or is of the first)
            q = parts[j]
            if (p.agency and q.agency and p.agency != q.agency) or (p.year and q.year and p.year != q.year):
                continue  # another agency's report, or another year's
            same = _same(texts[j], texts[i])
            if same == "copy":
                p = replace(p, copy_of=j)
            elif same == "variant":
                p = replace(p, variant_of=j, differs=_first_difference(doc, bodies[j], [*starts, len(norm)][j],
                                                                      bodies[i], [*starts, len(norm)][i]))
            if same:
                break
        out.append(p)
    return tuple(out)


ALIKE = 0.8  # the share of the shorter of two reports' texts the longer repeats, for one report written twice
MAX_BACK = 3  # a report is compared with the first and the three before it for being one of them again
MAX_COMPARED = 30_000  # characters of each compared (the report; a page's menus after it are not)


def _same(a: str, b: str) -> str | None:
    """"copy" when two reports' texts are one written twice: the longer repeats most of the shorter
    (ALIKE) and gives every figure of it in the same order (the page around each copy may add
    some after them); "variant" when it repeats it with other figures; else None. Two reports
    whose figures other than 0 mostly differ are told apart without comparing their texts (30 ms
    a pair of reports of one format)."""
    a, b = a[:MAX_COMPARED], b[:MAX_COMPARED]
    shorter = min(len(a), len(b))
    if not shorter:
        return None
    fa, fb = _FIGURE.findall(a), _FIGURE.findall(b)
    na, nb = Counter(f for f in fa if f.strip("0.")), Counter(f for f in fb if f.strip("0."))
    if na and nb and sum((na & nb).values()) < ALIKE * min(sum(na.values()), sum(nb.values())):
        return None
    if len(os.path.commonprefix([a, b])) < ALIKE * shorter:  # (a copy followed by another page: at once)
        sm = SequenceMatcher(None, a, b, autojunk=False)
        if sm.quick_ratio() * (len(a) + len(b)) / 2 < ALIKE * shorter:
            return None
        if sum(blk.size for blk in sm.get_matching_blocks()) < ALIKE * shorter:
            return None
    short, long_ = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    # a copy gives every figure of the other in the same order, the page's after them (a report's
    # last row may stand at its very end: a copy that differs only there differs in a figure)
    return "copy" if long_[:len(short)] == short else "variant"


def _first_difference(doc: Document, a0: int, a1: int, b0: int, b1: int) -> str:
    """Where two copies first give another figure, as the analyst finds it: "line 230 says 17, line
    640 says 18" ("" when their figures agree and only words differ)."""
    fa = list(_FIGURE.finditer(doc.norm, a0, a1))
    fb = list(_FIGURE.finditer(doc.norm, b0, b1))
    for x, y in zip(fa, fb):
        if x.group() != y.group():
            lx, ly = (doc.line_of(doc.to_orig(m.start())) + 1 for m in (x, y))
            return f"line {lx} says {x.group()}, line {ly} says {y.group()}"
    return ""


def reading_span(parts: tuple[Part, ...], length: int) -> tuple[int, int]:
    """What extraction reads of the file (start, end): the first report, with every copy of it that
    gives other figures (read together: where they disagree, both figures are offered); where it
    is only written again the same, the copy with the most figures alone (a page's first lines
    echoed above the whole report give a shorter copy, its last row perhaps cut); never another
    report."""
    group = [0] + [i for i, p in enumerate(parts) if i and (p.copy_of == 0 or p.variant_of == 0)]
    ends = [p.start for p in parts[1:]] + [length]
    if any(parts[i].variant_of == 0 for i in group):
        return 0, next((p.start for i, p in enumerate(parts) if i and i not in group), length)
    best = max(group, key=lambda i: (parts[i].figures, -i))
    return parts[best].start, ends[best]


def _start_of(norm: str, a: int, heading: int) -> int:
    """Where the report whose first heading is at `heading` starts: at the line of the last title
    in norm[a:heading] (with the agency's line above a title line), or in a report run onto one
    line at the name and year before that title; with no title, where its opening paragraph starts
    (本报告…); else at the heading's line."""
    titles = list(_TITLE.finditer(norm, a, heading))
    if titles:
        m = titles[-1]
    else:
        intro = list(_INTRO.finditer(norm, a, heading))
        if not intro:
            line = norm.rfind("\n", a, heading)
            return line + 1 if line >= 0 and not norm[line + 1:heading].strip() else heading
        i = len(intro) - 1  # the first of the last run of them (本报告由…编制。本报告由…组成…)
        while i > 0 and intro[i].start() - intro[i - 1].start() <= MAX_LINE:
            i -= 1
        m = intro[i]
    line = norm.rfind("\n", 0, m.start()) + 1
    end = norm.find("\n", m.start())
    if line >= a and (len(norm) if end < 0 else end) - line <= MAX_LINE:  # a line of its own
        above_start = norm.rfind("\n", 0, max(0, line - 1)) + 1
        above = norm[above_start:line - 1].strip()
        if m.re is _TITLE and line > a and above_start >= a and agency_line(above):
            return above_start  # the agency's name above the title
        return line
    if m.re is _INTRO:
        return m.start()
    head = norm[max(line, a, m.start() - MAX_NAME):m.start()]
    name = _NAME_BEFORE.search(head)
    return m.start() - (len(head) - name.start() if name else 0)


MAX_NAMED = 6  # reports named in the finding; the rest counted


def describe(parts: tuple[Part, ...]) -> str:
    """One line on what the file holds, for the warnings and the finding."""
    shared = {p.line for p in parts if sum(q.line == p.line for q in parts) > 1}

    def name(p: Part) -> str:
        said = ", ".join(str(x) for x in (p.agency, p.year) if x)
        where = f"line {p.line}, column {p.column + 1:,}" if p.line in shared else f"line {p.line}"
        return where + (f" ({said})" if said else "")

    copies = [p for p in parts[1:] if p.copy_of is not None]
    fullest = max([parts[0], *(p for p in copies if p.copy_of == 0)], key=lambda p: p.figures)
    variants = [p for p in parts[1:] if p.variant_of is not None]
    others = [p for p in parts[1:] if p.copy_of is None and p.variant_of is None]
    said = []
    if others:
        named = [name(p) for p in (parts[0], *others)]
        if len(named) > MAX_NAMED:
            named[MAX_NAMED - 1:] = [f"… and {len(named) - MAX_NAMED + 1} more"]
        said.append(f"this file holds {len(others) + 1} reports: {', '.join(named)}; "
                    f"only the first is read (`gik-tui split`, or the app's palette, \"split this file into its "
                    f"reports\", writes each to its own file)")
    if copies:
        said.append(f"the report stands {'twice' if len(copies) == 1 else f'{len(copies) + 1} times'} in this file "
                    f"(again at {', '.join(name(p) for p in copies)}); " + (
                        "the first is read" if fullest is parts[0] else
                        f"the copy with the most figures, at {name(fullest)}, is read"))
    for p in variants:
        diff = f" ({p.differs})" if p.differs else ""
        said.append(f"the report stands again at {name(p)} with other words or figures{diff}: both are read, "
                    f"and a cell the copies give different figures is left blank with both offered")
    return "; ".join(said)


def split_plan(doc: Document, parts: tuple[Part, ...], out_dir: str | None = None) -> list[tuple[str, str, Part]]:
    """(file to write, its text, the part) for each report of the file, a report written again the
    same written once (its copy with the most figures): `NAME.1.txt`, `NAME.2.txt` … beside the file
    or in `out_dir`, each a report's text from where it starts to where the next starts (`gik-tui
    split`)."""
    folder = out_dir if out_dir is not None else os.path.dirname(doc.source)
    stem = os.path.splitext(os.path.basename(doc.source))[0]
    bounds = [p.start for p in parts[1:]] + [len(doc.text)]
    out = []
    for i, p in enumerate(parts):
        if p.copy_of is None:
            k = max([i, *(k for k, q in enumerate(parts) if q.copy_of == i)], key=lambda k: (parts[k].figures, -k))
            text = doc.text[parts[k].start:bounds[k]].strip("\n") + "\n"
            out.append((os.path.join(folder, f"{stem}.{len(out) + 1}.txt"), text, parts[k]))
    return out


class SplitRefused(Exception):
    """A split that would replace a file (or write onto the report itself): str() is one line."""


def split_file(doc: Document, parts: tuple[Part, ...], out_dir: str | None = None,
               force: bool = False) -> list[tuple[str, Part]]:
    """Write each report of the file to its own text file (`split_plan`), atomically; nothing is
    written when one of them exists (unless `force`) or is the report itself. Returns what was
    written; raises SplitRefused, or OSError when the folder cannot be written."""
    from pathlib import Path

    from .files import is_one_of, write_atomic

    plan = split_plan(doc, parts, out_dir)
    for target, _, _ in plan:
        if is_one_of(target, [doc.source]) or (os.path.lexists(target) and not force):
            raise SplitRefused(f"{target}: exists; not replaced")
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    for target, text, _ in plan:
        write_atomic(Path(target), text.encode("utf-8"))
    return [(target, p) for target, _, p in plan]


def said_of(written: list[tuple[str, Part]]) -> str:
    """What a split wrote, one line: each file with the agency and year read in it."""
    return ", ".join(f"{os.path.basename(t)} ({', '.join(str(x) for x in (p.agency, p.year) if x) or f'line {p.line}'})"
                     for t, p in written)
