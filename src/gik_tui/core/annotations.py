"""Annotations: the analyst's decisions about one report, kept in TOML beside it.

One file per report, `<report name without extension>.gik.toml`, beside the report or in an
annotations folder. It holds decisions, not a copy of the extraction:

    schema = 1
    [report]   source, sha256, template            (what the decisions were made on)
    [meta]     year, agency, template              (only those the analyst changed)
    [review]   status, note, updated, annotator
    [[sections]] heading, line, section ("" = no section), confirmed
    [[cells]]  table, row, column, value (absent with blank = true), extracted (absent when null)

Files are written atomically (temporary file, fsync, rename), so a crash leaves the old or the
new version, never half of one.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import tomli_w

from .model import Path_
from .values import Number

SCHEMA = 1
SUFFIX = ".gik.toml"
STATUSES = ("new", "in progress", "done", "flagged")
MAX_BYTES = 2 * 1024 * 1024  # an annotation is small; a larger file is refused, not parsed
MAX_DEPTH = 12
CellKey = tuple[str, Path_, Path_]


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
    row: Path_
    column: Path_
    value: Number | None  # None: the analyst made the cell blank
    extracted: Number | None  # the value the extraction had when the analyst edited it

    @property
    def key(self) -> CellKey:
        return (self.table, self.row, self.column)


@dataclass(frozen=True, slots=True)
class SectionDecision:
    heading: str
    line: int
    section: str | None  # None: the analyst said "no section"
    confirmed: bool = True


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
    """Where a report's annotation lives. Only the report's file name is used, made safe, so the
    annotation can never leave its folder whatever the report is called."""
    p = Path(report)
    stem = p.name
    for ext in (".txt", ".html", ".htm", ".TXT", ".HTML", ".HTM"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
            break
    safe = "".join(ch if ch not in '/\\\x00:*?"<>|' and ord(ch) >= 32 else "_" for ch in stem).strip(". ") or "report"
    return Path(folder if folder is not None else p.parent) / (safe + SUFFIX)


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
            {"heading": s.heading, "line": s.line, "section": s.section or "", "confirmed": s.confirmed}
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
            cells.append(d)
        doc["cells"] = cells
    return tomli_w.dumps(doc, multiline_strings=False)


def _depth(x, d: int = 0) -> int:
    if d > MAX_DEPTH:
        return d
    if isinstance(x, dict):
        return max((_depth(v, d + 1) for v in x.values()), default=d)
    if isinstance(x, list):
        return max((_depth(v, d + 1) for v in x), default=d)
    return d


def from_toml(text: str, path: str = "<annotation>") -> Annotation:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise AnnotationError(path, f"not valid TOML ({e})") from None
    except RecursionError:
        raise AnnotationError(path, "nested too deeply to be an annotation") from None
    if _depth(doc) > MAX_DEPTH:
        raise AnnotationError(path, "nested too deeply to be an annotation")
    schema = doc.get("schema", 1)
    if not isinstance(schema, int) or schema > SCHEMA:
        raise AnnotationError(path, f"written by a newer gik-tui (schema {schema}); opened read-only", read_only=True)
    try:
        rep = doc.get("report", {})
        review = doc.get("review", {})
        status = review.get("status", "new")
        if status not in STATUSES:
            raise AnnotationError(path, f"unknown status {status!r}")
        sections = tuple(
            SectionDecision(str(s["heading"]), int(s["line"]), (s.get("section") or None), bool(s.get("confirmed", True)))
            for s in doc.get("sections", [])
        )
        cells = tuple(
            CellEdit(str(c["table"]), tuple(map(str, c["row"])), tuple(map(str, c["column"])),
                     None if c.get("blank") else _num(c["value"]), _num(c["extracted"]) if "extracted" in c else None)
            for c in doc.get("cells", [])
        )
        meta = tuple((k, v) for k, v in doc.get("meta", {}).items() if k in ("year", "agency", "template"))
        return Annotation(
            source=str(rep.get("source", "")), sha256=str(rep.get("sha256", "")), template=str(rep.get("template", "")),
            meta=meta, status=status, note=str(review.get("note", "")), updated=str(review.get("updated", "")),
            annotator=str(review.get("annotator", "")), sections=sections, cells=cells,
        )
    except AnnotationError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise AnnotationError(path, f"not a gik-tui annotation (missing or malformed {e})") from None


def _num(x) -> Number:
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ValueError(f"value {x!r}")
    return x


def load(path: str | os.PathLike) -> Annotation | None:
    """The annotation at `path`, None when there is none; AnnotationError when it cannot be used."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        return None
    except OSError as e:
        raise AnnotationError(path, e.strerror or str(e)) from None
    if size > MAX_BYTES:
        raise AnnotationError(path, f"too large for an annotation ({size // 1024} KB); left untouched")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise AnnotationError(path, e.strerror or str(e)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise AnnotationError(path, f"not UTF-8 text (byte {e.start})") from None
    return from_toml(text, str(path))


def save(path: str | os.PathLike, a: Annotation) -> str:
    """Write atomically: a temporary file in the same folder, fsync, rename, fsync the folder.
    Returns the text written."""
    text = to_toml(a)
    write_atomic(Path(path), text.encode("utf-8"))
    return text


def write_atomic(path: Path, data: bytes) -> None:
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


class ConflictError(Exception):
    """The annotation file changed on disk since it was loaded (another window, another analyst)."""

    def __init__(self, path: str | os.PathLike):
        super().__init__(f"{path}: changed on disk since it was loaded; not overwritten")
        self.path = str(path)


class AnnotationFile:
    """One report's annotation file as a window holds it: what was read, whether it may be
    written, and a save that never silently overwrites a file someone else changed."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self.known: bytes | None = None  # the bytes last read or written; None: no file then
        self.error: AnnotationError | None = None  # set when the file could not be used

    @property
    def blocked(self) -> bool:
        """True when saving here would destroy something: the file is invalid or read-only."""
        return self.error is not None

    def load(self) -> Annotation | None:
        self.error = None
        try:
            ann = load(self.path)
        except AnnotationError as e:
            self.error = e
            self.known = self._current()
            return None
        self.known = self._current()
        return ann

    def _current(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            return b"\x00unreadable"

    def changed_on_disk(self) -> bool:
        return self._current() != self.known

    def save(self, a: Annotation, force: bool = False) -> None:
        """Atomic save; ConflictError when the file changed since it was read (unless forced),
        AnnotationError when the file is invalid or read-only, OSError when the disk refuses."""
        if self.blocked and not force:
            raise self.error  # type: ignore[misc]
        if not force and self.changed_on_disk():
            raise ConflictError(self.path)
        data = to_toml(a).encode("utf-8")
        write_atomic(self.path, data)
        self.known = data
        self.error = None

    def save_as(self, path: str | os.PathLike, a: Annotation) -> None:
        """Save to another file (the analyst's choice after a conflict or an invalid file)."""
        self.path = Path(path)
        self.known = self._current()
        self.error = None
        self.save(a, force=True)
