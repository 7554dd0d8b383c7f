"""Find a report's top-level headings and map each to a section of the template.

A heading is a line that starts with a Chinese ordinal (一、 二、 … or 第一部分), or a short bare line
that is itself a section name (总体情况). In a long line (a report scraped onto one line, or a
heading run into its first paragraph) a heading is an ordinal followed directly by the words of a
section name or alias (二、主动公开政府信息情况第二十条…): the words decide where it ends. Lines that belong to a table (its rows look like headings:
一、本年新收政府信息公开申请数量) and lines holding table cells (" | ") are not headings, and an
ordinal that does not go forward (一、 after 三、) is a list item, not a heading. Each heading is
scored against every section name and alias with rapidfuzz; below the template's threshold it stays
unmatched: an unmatched heading costs the analyst one key, a wrong one costs trust.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from .document import INVISIBLE_RE, Document, within
from .labels import DROP_CHARS, label_key, ordinal
from .model import SectionMatch
from .templates import Template, load_template

_ORDINAL = re.compile(r"^\s*(?:第\s*)?([一二三四五六七八九十]{1,3})\s*(?:[、.．]|部分)\s*(\S.*)$")
_YEAR = re.compile(r"\d{4}\s*年度?")
_SENTENCE_END = re.compile(r"[。;；:：!！?？]")
MAX_HEADING = 60
INLINE_SCORE = 90  # an ordinal inside a line starts a heading only when a section name follows this closely
_INLINE = re.compile(r"(?:第\s*)?([一二三四五六七八九十]{1,3})\s*(?:[、.．]|部分)\s*")
_ORDINAL_MARK = re.compile(r"[一二三四五六七八九十]{1,3}\s*(?:[、.．]|部分)")  # cheap scan: no optional prefix
_KEYKEEP = re.compile("[^" + DROP_CHARS[1:])  # a character a label key keeps


def _choices(template: Template) -> tuple[list[str], list[str]]:
    return _choices_of(template.id)


@cache
def _choices_of(template_id: str) -> tuple[list[str], list[str]]:
    keys, names = [], []
    for sec in load_template(template_id).sections:
        for label in (sec.name, *sec.aliases):
            keys.append(heading_key(label))
            names.append(sec.name)
    return keys, names


def heading_key(text: str) -> str:
    """The words of a heading that name its section: no ordinal, year or trailing sentence."""
    text = INVISIBLE_RE.sub("", text)
    m = _ORDINAL.match(text)
    body = m.group(2) if m else text
    body = _SENTENCE_END.split(body, 1)[0]
    body = _YEAR.sub("", body)
    return label_key(body)


def score_sections(template: Template, heading: str) -> list[tuple[str, float]]:
    """Every section of the template with its best score (0–100) against the heading, best first."""
    return list(_scores(template.id, heading_key(heading)))


@lru_cache(maxsize=16384)
def _scores(template_id: str, key: str) -> tuple[tuple[str, float], ...]:
    template = load_template(template_id)
    keys, names = _choices_of(template_id)
    best: dict[str, float] = {}
    if key:
        for _, score, i in process.extract(key, keys, scorer=fuzz.ratio, limit=None):
            name = names[i]
            if score > best.get(name, -1):
                best[name] = round(float(score), 1)
    for sec in template.sections:
        for p in _prefix_keys(template_id, sec.name):
            if key.startswith(p) and len(key) - len(p) <= PREFIX_TAIL:
                best[sec.name] = max(best.get(sec.name, 0.0), PREFIX_SCORE)
        best.setdefault(sec.name, 0.0)
    order = template.section_names
    return tuple(sorted(best.items(), key=lambda kv: (-kv[1], order.index(kv[0]))))


PREFIX_SCORE = 95.0  # a heading that starts with a section's prefix words (存在的主要问题及…)
PREFIX_TAIL = 16  # … followed by at most this many characters


@cache
def _prefix_keys(template_id: str, name: str) -> tuple[str, ...]:
    sec = next(s for s in load_template(template_id).sections if s.name == name)
    return tuple(k for k in (label_key(p) for p in sec.prefixes) if k)


@cache
def _prefixes(template_id: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Per length n of text to compare: the section names and aliases (keys) within one character
    of n long, so one rapidfuzz call a length scores them all."""
    keys, _ = _choices_of(template_id)
    keys = sorted({k for k in keys if k} | {p for sec in load_template(template_id).sections
                                           for p in _prefix_keys(template_id, sec.name)})
    lengths = sorted({n for k in keys for n in (len(k) - 1, len(k), len(k) + 1) if n >= 2})
    return tuple((n, tuple(k for k in keys if abs(len(k) - n) <= 1)) for n in lengths)


def _section_prefix(body: str, template_id: str) -> int:
    """How many characters of `body` (normalised text) are a section name, or 0: the longest
    start of it that scores highest against a name or alias about as long."""
    kept = [m.start() for m in _KEYKEEP.finditer(body, 0, 80)]
    view = "".join([body[i] for i in kept])
    best, best_len = 0.0, 0
    for n, keys in _prefixes(template_id):
        if n > len(view):
            break
        hit = process.extractOne(view[:n], keys, scorer=fuzz.ratio, score_cutoff=INLINE_SCORE)
        if hit is not None and (hit[1], n) > (best, best_len):
            best, best_len = hit[1], n
    return kept[best_len - 1] + 1 if best_len else 0


def names_a_section(text: str, template_id: str) -> bool:
    """Whether `text` (normalised, after an ordinal) starts with the words of a section's name or
    alias, as closely as a heading inside a line must (core/bundle.py)."""
    return _section_prefix(text, template_id) > 0


def _inline(doc: Document, norm_line: str, norm_start: int, template: Template,
            spans: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(ordinal, start, end) in the text of headings standing inside a line."""
    out = []
    for m in _INLINE.finditer(norm_line):
        a = norm_start + m.start()
        start = doc.to_orig(a)
        if spans and within(spans, start):
            continue
        n = _section_prefix(norm_line[m.end():], template.id)
        if n:
            out.append((ordinal(m.group(1)), start, doc.to_orig(norm_start + m.end() + n)))
    return out


def find_headings(doc: Document, consumed: set[int], template: Template,
                  spans: list[tuple[int, int]] = ()) -> list[tuple[int, str, int, int]]:
    """(0-based line, heading text, start, end) of each top-level heading."""
    out = []
    last = 0
    keys, _ = _choices(template)
    exact = set(keys)
    norm = doc.norm
    text_lines = doc.text_lines
    norm_lines = doc.norm_lines  # a text in NFKC is its own
    starts = doc.line_starts  # where each line starts in the text
    for i, line in enumerate(text_lines):
        if i in consumed:
            continue
        s = line.strip()
        if len(s) > MAX_HEADING and "|" not in s and "\t" not in s:
            # a long line may hold a heading only where an ordinal mark stands in it (a mark is
            # looked for in these lines alone, not over the whole text)
            norm_starts = doc.norm_line_starts  # … in `norm` (made only for a report with such lines)
            norm_line = norm_lines[i] if i < len(norm_lines) else ""
            norm_start = norm_starts[i] if i < len(norm_starts) else len(norm)
            if _ORDINAL_MARK.search(norm, norm_start, norm_start + len(norm_line)) is None:
                continue
            for n, a, b in _inline(doc, norm_line, norm_start, template, spans):
                if last < n <= last + 4:
                    last = n
                    out.append((i, doc.text[a:b], a, b))
            continue
        if not s or len(s) > MAX_HEADING or "|" in s or "\t" in s:
            continue
        m = _ORDINAL.match(norm_lines[i] if i < len(norm_lines) else unicodedata.normalize("NFKC", s))
        if m:
            n = ordinal(m.group(1))
            if n <= last or n > last + 4:
                continue
            last = n
        elif not (len(s) <= 20 and label_key(s) in exact) and not (
                i in doc.heading_lines and score_sections(template, s)[0][1] >= template.section_threshold):
            continue
        start = starts[i] + (len(line) - len(line.lstrip()))
        out.append((i, s, start, start + len(s)))
    return out


def match_sections(doc: Document, consumed: set[int], template: Template,
                   threshold: float | None = None, spans: list[tuple[int, int]] = ()) -> list[SectionMatch]:
    threshold = template.section_threshold if threshold is None else threshold
    out = []
    for i, text, start, end in find_headings(doc, consumed, template, spans):
        ranked = score_sections(template, text)
        name, score = ranked[0]
        out.append(SectionMatch(
            heading=text,
            line=i + 1,
            start=start,
            end=end,
            template_section=name if score >= threshold else None,
            score=score,
            candidates=tuple(ranked[:3]),
        ))
    return out
