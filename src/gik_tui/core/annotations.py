"""Annotations: the analyst's decisions about one report, kept in TOML beside it.

One file per report, `<report file name>.gik.toml` (older files: `<name without extension>.gik.toml`),
beside the report or in an annotations folder. It holds decisions, not a copy of the extraction:

    schema = 1
    [report]   source, sha256, template            (what the decisions were made on)
    [meta]     year, agency, template              (only those the analyst changed)
    [review]   status, note, updated, annotator
    [[sections]] heading, line, section ("" = no section), confirmed
    [[cells]]  table, row, column, value (absent with blank = true), extracted (absent when null),
               by, at, unsure (a value picked among candidates no evidence told apart: what was chosen)

Files are written atomically (temporary file, fsync, rename), so a crash leaves the old or the
new version, never half of one.
"""

from __future__ import annotations

import hashlib

import errno
import math
import os
import re
try:  # tomli's compiled wheel reads an annotation about five times faster than the standard
    import tomli as tomllib  # library's pure-Python tomllib (export reads thousands); the same parser
except ImportError:  # pragma: no cover - a platform without its wheel: the standard library
    import tomllib
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

import tomli_w

from .model import CellKey, LabelPath, cell_address
from .files import FolderLock, NotRegular, TooLarge, clean_stale_temporaries, read_capped, write_atomic
from .values import Number

SCHEMA = 1
SUFFIX = ".gik.toml"
# a report's review status: the one place the names are spelled (the queue adds ERROR for a report
# that cannot be read; core/workspace.QUEUE_STATUSES)
NEW, IN_PROGRESS, DONE, FLAGGED, ERROR = "new", "in progress", "done", "flagged", "error"
STATUSES = (NEW, IN_PROGRESS, DONE, FLAGGED)
MAX_BYTES = 2 * 1024 * 1024  # an annotation is small; a larger file is refused, not parsed
MAX_DEPTH = 12


class AnnotationError(Exception):
    """An annotation file that cannot be used; str() is one line naming the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str, read_only: bool = False):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
        self.read_only = read_only


@dataclass(frozen=True, slots=True)
class CellEdit:
    table: str
    row: LabelPath
    column: LabelPath
    value: Number | None  # None: the analyst made the cell blank
    extracted: Number | None  # the value the extraction had when the analyst edited it
    by: str = ""  # who decided it (the annotator), when known
    at: str = ""  # when (ISO 8601, UTC), when known
    # set when the value was picked among candidates that no evidence told apart (or against the
    # evidence): what was chosen, said in the Checks tab until the analyst confirms the figure
    unsure: str = ""

    @property
    def key(self) -> CellKey:
        return (self.table, self.row, self.column)


@dataclass(frozen=True, slots=True)
class SectionDecision:
    heading: str
    line: int
    section: str | None  # None: the analyst said "no section"
    confirmed: bool = True
    by: str = ""  # who decided it (the annotator), when known
    at: str = ""  # when (ISO 8601, UTC), when known


@dataclass(frozen=True, slots=True)
class Annotation:
    source: str
    sha256: str
    template: str
    meta: tuple[tuple[str, object], ...] = ()
    status: str = "new"
    note: str = ""
    updated: str = ""
    annotator: str = ""
    sections: tuple[SectionDecision, ...] = ()
    cells: tuple[CellEdit, ...] = ()
    problems: tuple[str, ...] = ()  # parts of the file that were wrong and left out (see from_toml)

    @property
    def cell_map(self) -> dict[CellKey, CellEdit]:
        return {c.key: c for c in self.cells}

    @property
    def section_map(self) -> dict[tuple[int, str], SectionDecision]:
        """Decisions by (line, heading): one line may hold several headings (a one-line report)."""
        return {(s.line, s.heading): s for s in self.sections}

    @property
    def meta_map(self) -> dict[str, object]:
        return dict(self.meta)

def annotation_path(report: str | os.PathLike, folder: str | os.PathLike | None = None) -> Path:
    """Where a report's annotation lives: the report's full file name plus `.gik.toml`
    (`report.html` → `report.html.gik.toml`), so a page and its text never share one. Only the
    file name is used, and a character a file name cannot safely hold is written as %XX (and `%`
    itself), so different names never map to one file and the annotation cannot leave its folder."""
    p = Path(report)
    return Path(folder if folder is not None else p.parent) / annotation_name(p.name)


def annotation_name(name: str) -> str:
    """The file name of the annotation of the report named `name` (annotation_path)."""
    return _fitting(_safe_name(name), name)


def legacy_annotation_path(report: str | os.PathLike, folder: str | os.PathLike | None = None) -> Path:
    """The name annotations had before they were named after the whole file name: the report's
    name without .txt/.htm/.html, unsafe characters as "_" (read, never written)."""
    p = Path(report)
    return Path(folder if folder is not None else p.parent) / legacy_annotation_name(p.name)


def legacy_annotation_name(name: str) -> str:
    stem = name
    for ext in (".txt", ".html", ".htm", ".TXT", ".HTML", ".HTM"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
            break
    safe = _LEGACY_UNSAFE.sub("_", stem).strip(". ") or "report"
    return _fitting(safe, "legacy:" + name)


_LEGACY_UNSAFE = re.compile(r'[/\\\x00:*?"<>|\x01-\x1f]')
_UNSAFE = set('/\\:*?"<>|%')


NAME_MAX = 255  # bytes of one file name on every common file system


def _fitting(safe: str, name: str) -> str:
    """`<safe>.gik.toml`, or for a report whose name is too long for that (scraped titles reach 80
    Chinese characters), its first part, `~`, a hash of the whole name and the suffix: short,
    stable, never shared by two names (the annotation names its report inside, [report] source)."""
    whole = safe + SUFFIX
    if len(whole.encode("utf-8")) <= NAME_MAX:
        return whole
    tag = "~" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:16] + SUFFIX
    room = 200 - len(tag.encode())
    head = safe.encode("utf-8")[:room].decode("utf-8", "ignore")
    return head + tag


_UNSAFE_ANY = re.compile(r'[/\\:*?"<>|%\x00-\x1f\x7f]')


def _safe_name(name: str) -> str:
    if name and not _UNSAFE_ANY.search(name) and name[0] not in ". " and name[-1] not in ". ":
        return name  # most names: nothing to write as %XX
    out = []
    for i, ch in enumerate(name):
        if ch in _UNSAFE or ord(ch) < 32 or ord(ch) == 127 or (ch in ". " and (i == 0 or i == len(name) - 1)):
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        else:
            out.append(ch)
    return "".join(out) or "report"


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


# ------------------------------------------------------------------ TOML
def to_toml(a: Annotation) -> str:
    doc: dict = {"schema": SCHEMA, "report": {"source": a.source, "sha256": a.sha256, "template": a.template}}
    if a.meta:
        doc["meta"] = {k: v for k, v in a.meta if v is not None}
    review = {"status": a.status, "note": a.note, "updated": a.updated}
    if a.annotator:
        review["annotator"] = a.annotator
    doc["review"] = review
    if a.sections:
        doc["sections"] = [
            {"heading": s.heading, "line": s.line, "section": s.section or "", "confirmed": s.confirmed,
             **_who(s)}
            for s in sorted(a.sections, key=lambda s: s.line)
        ]
    if a.cells:
        cells = []
        for c in a.cells:
            d: dict = {"table": c.table, "row": list(c.row), "column": list(c.column)}
            if c.value is None:
                d["blank"] = True
            else:
                d["value"] = c.value
            if c.extracted is not None:
                d["extracted"] = c.extracted
            d.update(_who(c))
            if c.unsure:
                d["unsure"] = c.unsure
            cells.append(d)
        doc["cells"] = cells
    return tomli_w.dumps(doc, multiline_strings=False)


def _who(decision) -> dict:
    """`by` and `at` of a decision, when known (older files have neither)."""
    return {k: v for k, v in (("by", decision.by), ("at", decision.at)) if v}


def _who_of(entry: dict) -> tuple[str, str]:
    by, at = entry.get("by", ""), entry.get("at", "")
    if not isinstance(by, str) or not isinstance(at, str):
        raise ValueError("by and at should be text")
    return by, at


def _depth(x, d: int = 0) -> int:
    if d > MAX_DEPTH:
        return d
    if isinstance(x, dict):
        return max((_depth(v, d + 1) for v in x.values()), default=d)
    if isinstance(x, list):
        return max((_depth(v, d + 1) for v in x), default=d)
    return d


def from_toml(text: str, path: str = "<annotation>") -> Annotation:
    """Parse and validate an annotation. A file that is not one at all raises AnnotationError; a
    part of it that is wrong (a key of the wrong type, an unknown template, a value that is not a
    finite number) is left out and named in `Annotation.problems`, and the rest is kept."""
    if text.startswith("\ufeff"):  # a UTF-8 BOM (Windows editors) is valid input
        text = text[1:]
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise AnnotationError(path, f"not valid TOML ({e})") from None
    except RecursionError:
        raise AnnotationError(path, "nested too deeply to be an annotation") from None
    if _depth(doc) > MAX_DEPTH:
        raise AnnotationError(path, "nested too deeply to be an annotation")
    schema = doc.get("schema", 1)
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise AnnotationError(path, f"schema must be a whole number, not {schema!r}; left untouched", read_only=True)
    if schema > SCHEMA:
        raise AnnotationError(path, f"written by a newer gik-tui (schema {schema}); opened read-only", read_only=True)
    problems: list[str] = []

    def table(key: str) -> dict:
        x = doc.get(key, {})
        if isinstance(x, dict):
            return x
        problems.append(f"[{key}] is not a table; ignored")
        return {}

    def text_of(section: dict, where: str, key: str, default: str = "") -> str:
        x = section.get(key, default)
        if isinstance(x, str):
            return x
        problems.append(f"{where}.{key} should be text, not {_show(x)}; ignored")
        return default

    rep, review, meta_in = table("report"), table("review"), table("meta")
    status = text_of(review, "review", "status", "new")
    if status not in STATUSES:
        problems.append(f"review.status {status!r} is not one of {', '.join(STATUSES)}; read as new")
        status = "new"
    meta: list[tuple[str, object]] = []
    for k, v in meta_in.items():
        if k == "year":
            if isinstance(v, bool) or not isinstance(v, int) or not 1990 <= v <= 2100:
                problems.append(f"meta.year should be a year (1990–2100), not {_show(v)}; ignored")
                continue
        elif k == "agency":
            if not isinstance(v, str):
                problems.append(f"meta.agency should be text, not {_show(v)}; ignored")
                continue
        elif k == "template":
            from .templates import template_ids

            if not isinstance(v, str) or v not in template_ids():
                problems.append(f"meta.template {_show(v)} is not a known format ({', '.join(template_ids())}); ignored")
                continue
        else:
            continue
        meta.append((k, v))
    sections = _entries(doc, "sections", _section, problems)
    cells = _entries(doc, "cells", _cell, problems)
    return Annotation(
        source=text_of(rep, "report", "source"), sha256=text_of(rep, "report", "sha256"),
        template=text_of(rep, "report", "template"), meta=tuple(meta), status=status,
        note=text_of(review, "review", "note"), updated=text_of(review, "review", "updated"),
        annotator=text_of(review, "review", "annotator"), sections=tuple(sections), cells=tuple(cells),
        problems=tuple(problems),
    )


def _entries(doc: dict, key: str, parse, problems: list[str]) -> list:
    """The entries of an array of tables (`[[sections]]`, `[[cells]]`), each parsed; an entry that
    is wrong is named in `problems` and left out, the others kept."""
    raw = doc.get(key, [])
    if not isinstance(raw, list):
        problems.append(f"[[{key}]] is not a list of tables; ignored")
        return []
    out = []
    for n, entry in enumerate(raw, 1):
        try:
            if not isinstance(entry, dict):
                raise ValueError("not a table")
            out.append(parse(entry))
        except (KeyError, ValueError) as e:
            problems.append(f"{key} entry {n}: {_why(e)}; ignored")
    return out


def _section(sd: dict) -> SectionDecision:
    heading, line, section = sd["heading"], sd["line"], sd.get("section", "")
    confirmed = sd.get("confirmed", True)
    if not isinstance(heading, str) or not isinstance(section, str) or not isinstance(confirmed, bool):
        raise ValueError("heading and section should be text, confirmed true or false")
    if isinstance(line, bool) or not isinstance(line, int) or line < 1:
        raise ValueError(f"line should be a line number, not {_show(line)}")
    return SectionDecision(heading, line, section or None, confirmed, *_who_of(sd))


def _cell(c: dict) -> CellEdit:
    tbl, row, col = c["table"], c["row"], c["column"]
    if not isinstance(tbl, str) or not _labels(row) or not _labels(col):
        raise ValueError("table should be text, row and column lists of text")
    blank = c.get("blank", False)
    if not isinstance(blank, bool):
        raise ValueError(f"blank should be true or false, not {_show(blank)}")
    value = None if blank else _num(c["value"], "value")
    extracted = _num(c["extracted"], "extracted") if "extracted" in c else None
    unsure = c.get("unsure", "")
    if not isinstance(unsure, str):
        raise ValueError(f"unsure should be text, not {_show(unsure)}")
    return CellEdit(tbl, tuple(row), tuple(col), value, extracted, *_who_of(c), unsure)


def _show(x) -> str:
    r = repr(x)
    return r if len(r) <= 40 else r[:37] + "…"


def _why(e: Exception) -> str:
    return f"{e.args[0]} is missing" if isinstance(e, KeyError) else str(e)


def _labels(x) -> bool:
    return isinstance(x, list) and all(isinstance(p, str) for p in x)


def _num(x, key: str = "value") -> Number:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ValueError(f"{key} should be a number, not {_show(x)}")
    if isinstance(x, float) and not math.isfinite(x):
        raise ValueError(f"{key} should be a finite number, not {x}")
    return x


def load(path: str | os.PathLike) -> Annotation | None:
    """The annotation at `path`, None when there is none; AnnotationError when it cannot be used."""
    return _load(path)[0]


def _load(path: str | os.PathLike) -> tuple[Annotation | None, bytes | None]:
    """The annotation and the very bytes it was parsed from (None, None when there is no file)."""
    try:
        data = read_capped(path, MAX_BYTES)
    except FileNotFoundError:
        return None, None
    except TooLarge:
        raise AnnotationError(path, f"too large for an annotation (over {MAX_BYTES // 1024} KB); left untouched",
                              read_only=True) from None
    except NotRegular as e:
        raise AnnotationError(path, f"{e}, not an annotation file; left untouched", read_only=True) from None
    except OSError as e:
        raise AnnotationError(path, e.strerror or str(e)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise AnnotationError(path, f"not UTF-8 text (byte {e.start})") from None
    return from_toml(text, str(path)), data


class ConflictError(Exception):
    """The annotation file changed on disk since it was loaded (another window, another analyst)."""

    def __init__(self, path: str | os.PathLike):
        super().__init__(f"{path}: changed on disk since it was loaded; not overwritten")
        self.path = str(path)


class AnnotationFile:
    """One report's annotation file as a window holds it: what was read, whether it may be
    written, and a save that never silently overwrites a file someone else changed.

    `report`: the report's file name. An annotation whose `[report] source` names another report
    is never applied (it is left untouched and blocks saving here). `legacy`: the file name
    annotations had before (`report.gik.toml`); it is read when the current one does not exist
    and it belongs to this report, and the next save writes the current name."""

    def __init__(self, path: str | os.PathLike, report: str | None = None, legacy: str | os.PathLike | None = None):
        self.path = Path(path)
        self.report = report
        self.legacy = Path(legacy) if legacy is not None else None
        self.read_from: Path = self.path  # where the annotation in use was read
        self.known: bytes | None = None  # the bytes last read or written; None: no file then
        self.error: AnnotationError | None = None  # set when the file could not be used
        self.problems: tuple[str, ...] = ()  # parts of the file left out (named, with the file)

    @property
    def blocked(self) -> bool:
        """True when saving here would destroy something: the file is invalid or read-only."""
        return self.error is not None

    def load(self) -> Annotation | None:
        self.error = None
        self.problems = ()
        self.read_from = self.path
        try:
            # the bytes compared at the next save are the very bytes parsed here: read once, so
            # a save by another window in between is seen as a change, never taken as ours
            ann, self.known = _load(self.path)
        except AnnotationError as e:
            self.error = e
            self.known = self._current()
            return None
        if ann is None and self.legacy is not None and self.legacy != self.path:
            ann = self._legacy()
        if ann is None:
            return None
        if self.report and ann.source and os.path.basename(ann.source.replace("\\", "/")) != self.report:
            self.error = AnnotationError(self.read_from, f"belongs to another report ({ann.source}), not "
                                         f"{self.report}; not applied, left untouched", read_only=True)
            return None
        if ann.problems:
            self.problems = tuple(f"{self.read_from}: {p}" for p in ann.problems)
        return ann

    def _legacy(self) -> Annotation | None:
        """The annotation under the old name, when it is this report's: its source names this
        report, or it names none and no other report in the folder has the same old name."""
        try:
            ann = load(self.legacy)  # type: ignore[arg-type]
        except AnnotationError:
            return None  # an unusable old file is not ours to judge; it stays as it is
        if ann is None:
            return None
        name = os.path.basename(ann.source.replace("\\", "/")) if ann.source else ""
        if name:
            if name != self.report:
                return None
        elif self.report is None or self._others_share_legacy_name():
            return None
        self.read_from = self.legacy  # type: ignore[assignment]
        return ann

    def _others_share_legacy_name(self) -> bool:
        from .readers import REPORT_SUFFIXES

        assert self.legacy is not None and self.report is not None
        stem = self.legacy.name[: -len(SUFFIX)]
        folder = self.path.parent
        try:
            names = os.listdir(folder)
        except OSError:
            return True
        return any(n != self.report and n.lower().endswith(REPORT_SUFFIXES) and
                   legacy_annotation_path(n).name[: -len(SUFFIX)] == stem for n in names)

    def _current(self) -> bytes | None:
        try:
            return read_capped(self.path, MAX_BYTES)
        except FileNotFoundError:
            return None
        except OSError:
            return b"\x00unreadable"

    def changed_on_disk(self) -> bool:
        return self._current() != self.known

    def withdraw(self) -> bool:
        """Remove the file this window wrote when its decisions are all undone and there was none
        before — under the folder's lock, and only while it holds what this window wrote (another
        window's save in between keeps it). True when there is no file now."""
        with FolderLock(self.path.parent):
            if self.changed_on_disk():
                return self._current() is None
            if self.known is not None:
                try:
                    self.path.unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    return False
            self.known = None
        return True

    def save(self, a: Annotation, force: bool = False) -> None:
        """Atomic save; ConflictError when the file changed since it was read (unless forced),
        AnnotationError when the file is invalid or read-only, OSError when the disk refuses.
        The compare and the replace happen under the folder's lock, as one step."""
        if self.blocked and not force:
            raise self.error  # type: ignore[misc]
        data = to_toml(a).encode("utf-8")
        with FolderLock(self.path.parent):
            if not force and self.changed_on_disk():
                raise ConflictError(self.path)
            clean_stale_temporaries(self.path)
            write_atomic(self.path, data)
        self.known = data
        self.error = None
        self.read_from = self.path

    def merge_save(self, base: Annotation, ours: Annotation) -> tuple[Annotation, list[str]]:
        """Another window or analyst saved this file since it was read: take both sets of decisions
        (`merge`, from `base`, the annotation this window started from) and save the result, the
        read, the merge and the write under the folder's lock as one step. AnnotationError when the
        file on disk cannot be read as an annotation (nothing is written then)."""
        with FolderLock(self.path.parent):
            theirs, _ = _load(self.path)
            merged, said = merge(base, ours, theirs) if theirs is not None else (ours, [])
            data = to_toml(merged).encode("utf-8")
            clean_stale_temporaries(self.path)
            write_atomic(self.path, data)
        self.known = data
        self.error = None
        self.read_from = self.path
        return merged, said

    def save_as(self, path: str | os.PathLike, a: Annotation, replace: bool = False) -> None:
        """Save to another file (the analyst's choice after a conflict or an invalid file).
        FileExistsError when the file exists and `replace` was not given."""
        target = Path(path)
        if target.exists() and not replace:
            raise FileExistsError(errno.EEXIST, "exists", str(target))
        self.path = target
        self.known = self._current()
        self.error = None
        self.save(a, force=True)


# ------------------------------------------------------------------ two analysts, one file
def merge(base: Annotation, ours: Annotation, theirs: Annotation) -> tuple[Annotation, list[str]]:
    """Both analysts' decisions, three-way from the annotation both started from (`base`): what
    only one of them changed is taken from that one. A cell or heading both decided differently
    keeps the later decision (by `at`; ours when a time is missing), and one that one of them
    undid keeps the other's decision; each such case is said in the list returned. Status, note
    and corrections both changed differently keep ours, and are said."""
    said: list[str] = []

    def who(d) -> str:
        return (d.by or "an analyst") if d is not None else "an undo"

    def pick(kind: str, name: str, b, o, t):
        if o == b:
            return t
        if t == b or t == o:
            return o
        if o is None or t is None:
            kept = t if o is None else o
        else:
            kept = t if (t.at and o.at and t.at > o.at) else o
        said.append(f"{kind} {name}: decided differently here ({who(o)}) and in the file ({who(t)}); "
                    f"kept {who(kept)}'s")
        return kept

    def three(kind: str, b: dict, o: dict, t: dict, name) -> list:
        out = []
        for key in dict.fromkeys([*b, *o, *t]):
            d = pick(kind, name(key), b.get(key), o.get(key), t.get(key))
            if d is not None:
                out.append(d)
        return out

    cells = three("cell", base.cell_map, ours.cell_map, theirs.cell_map,
                  cell_address)
    sections = three("heading", base.section_map, ours.section_map, theirs.section_map,
                     lambda k: f"{k[1]} (line {k[0]})")

    def field_of(name: str):
        b, o, t = getattr(base, name), getattr(ours, name), getattr(theirs, name)
        if o == b:
            return t
        if t != b and t != o:
            said.append(f"{name}: changed here and in the file; kept this window's")
        return o

    merged = replace(ours, status=field_of("status"), note=field_of("note"), meta=field_of("meta"),
                     cells=tuple(cells), sections=tuple(sections), problems=())
    return merged, said
