"""One open report: its text, its extraction, the analyst's review of it, its annotation file and
what this window last saved — and everything done to it that needs no screen: open, save, merge
with the file another window wrote, reload, save as.

The report screen draws an `OpenReport` and sends it the analyst's intents; `export` reads each
report through one too; the queue opens one to summarise a report it has on screen. The conflict
rules live here, so they are tested in milliseconds:

- a save writes the annotation atomically, and refuses (ConflictError) when the file changed on
  disk since this window read or wrote it: the analyst then merges, reloads or saves as;
- a merge keeps both analysts' decisions (core/annotations.merge: a cell decided in both, the later);
- save-as never writes onto a report of the folder nor replaces a file unasked;
- nothing unsaved is ever dropped without the analyst saying so (reload).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from .annotations import (Annotation, AnnotationError, AnnotationFile, ConflictError, annotation_path,
                          legacy_annotation_path, now)
from .document import Document
from .extract import extract
from .outputs import may_write
from .model import Extraction
from .readers import read_path
from .review import Review, corrected
from .templates import Template, template_ids


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save, a merge or a save-as came to: `ok`, else `problem` ("conflict": the file changed
    on disk; "refused": the annotation file cannot be used as it is; "failed": the system refused
    the write; "exists": save-as would replace a file; "report": save-as named a report) with the
    error's own words; `said`: a merge's cells decided in both windows (the later kept)."""

    ok: bool
    problem: str = ""
    error: str = ""
    said: tuple[str, ...] = ()


class OpenReport:
    """A report opened for review. `review` holds the analyst's decisions (pure state, with undo);
    `dirty` is true while it holds something not yet written — told by `changed()`, or seen in the
    review itself, whose decisions differ from those last read or written (an edit made before the
    screen was told of it is saved all the same); `last_saved` is the annotation this window last
    wrote (the base of a merge)."""

    def __init__(self, path: str, doc: Document | None, extraction: Extraction, file: AnnotationFile,
                 annotation: Annotation | None, annotator: str = "") -> None:
        self.path = path
        self._doc = doc  # None when the extraction came from the cache: read when first asked for
        self.extraction = extraction  # as scored for the analyst (the agency's other years too)
        self.file = file  # its .error is set when the annotation file could not be used
        self.annotation = annotation  # as read from disk (None: none yet)
        self.annotator = annotator
        self.review = Review(extraction, annotation, os.path.basename(path), annotator=annotator)
        self.last_saved: Annotation | None = None
        self._changed = False
        self._written = self.review.decided()  # the decisions as last read or written

    @property
    def dirty(self) -> bool:
        return self._changed or self.review.decided() != self._written

    def _clean(self) -> None:
        """What the review holds is what the file holds (read, written, merged)."""
        self._changed = False
        self._written = self.review.decided()

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str, annotations_dir: str | None = None, section_threshold: float | None = None,
             annotator: str = "", rescore: Callable[[Extraction, Review], Extraction] | None = None,
             lean: bool = False) -> OpenReport:
        """Read a report, load its annotation and extract it with the template the analyst chose
        (ReadError propagates). `rescore`: the extraction scored again with what the folder knows
        (the agency's other years: Workspace.with_years), given the review as the analyst has it.
        `lean`: an extraction from the cache comes without its own checks (`extraction.checks` is
        None; the review's are worked out as ever): export's cells and wide rows, which never read
        them."""
        from . import cache as _cache

        store = _cache.default()
        doc: Document | None = None
        sha = None
        st = None
        if store is not None:
            try:
                st = os.stat(path)
                sha = store.sha(path, st)
            except OSError:
                st = None
        if sha is None:
            doc = read_path(path)
            sha = doc.sha256
        file = AnnotationFile(annotation_path(path, annotations_dir), os.path.basename(path),
                              legacy_annotation_path(path, annotations_dir))
        ann = file.load()
        if ann is not None and ann.sha256 and ann.sha256 != sha:
            other = report_with_sha(path, ann.sha256)
            if other is not None:  # made on another report of the folder (renamed, swapped): not this one's
                file.error = AnnotationError(file.read_from, f"was made on {os.path.basename(other)} (same sha256), "
                                             f"not {os.path.basename(path)}; not applied, left untouched",
                                             read_only=True)
                ann = None
        template = ann.meta_map.get("template") if ann else None
        chosen = template if isinstance(template, str) and template in template_ids() else None
        key = _cache.extraction_key(sha, os.path.basename(path), chosen, section_threshold)
        ex = store.get("extraction", key, lean) if store is not None else None
        if not isinstance(ex, Extraction):
            ex = None
        elif ex.source != path:
            ex = _cache.moved(ex, path)
        if ex is None:
            if doc is None:
                doc = read_path(path)
                key = _cache.extraction_key(doc.sha256, os.path.basename(path), chosen, section_threshold)
            ex = extract(doc, chosen, section_threshold)
            if store is not None:
                store.put("extraction", key, ex)
                if st is not None:
                    store.remember(path, st, doc.sha256)
        report = cls(path, doc, ex, file, ann, annotator)
        if rescore is not None:
            scored = rescore(ex, report.review)
            if scored is not ex:
                report = cls(path, doc, scored, file, ann, annotator)
        return report

    @property
    def doc(self) -> Document:
        """The report's text (read now if the extraction came from the cache)."""
        if self._doc is None:
            self._doc = read_path(self.path)
        return self._doc

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def ex(self) -> Extraction:
        return self.review.ex

    @property
    def template(self) -> Template:
        return self.review.template

    @property
    def warnings(self) -> tuple[str, ...]:
        """What could not be taken from the annotation as it was, one line each: `check` and
        `export` say it (the app says it when the report opens)."""
        out: list[str] = []
        if self.file.error:
            out.append(f"{self.file.error}; the report is exported without it")
        out.extend(f"{p}; exported without that part" for p in self.file.problems)
        if self.annotation is not None and self.annotation.sha256 and self.annotation.sha256 != self.extraction.sha256:
            out.append(f"{self.path}: the report changed since it was annotated (sha256); edits applied where they "
                       "still fit")
        return tuple(out)

    @property
    def left_out(self) -> str | None:
        """The annotation file that exists but could not be applied (named), else None."""
        return str(self.file.error.path) if self.file.error else None

    def as_left(self) -> Extraction:
        """The extraction with the agency and year the analyst gave in the annotation on disk (what
        export writes beside the cells)."""
        return corrected(self.extraction, self.annotation.meta_map) if self.annotation else self.extraction

    # ------------------------------------------------------------------ saving
    def changed(self) -> None:
        """The review holds something new (an edit, an undo, a note): to be saved."""
        self._changed = True

    def save_needs(self) -> str:
        """What saving on the analyst's asking (ctrl+s) needs first: "save as" when the usual
        annotation file cannot be written, "conflict" when it changed on disk since this window
        read or wrote it, else "save"."""
        if self.file.blocked:
            return "save as"
        if self.file.changed_on_disk() and self.file.path.exists():
            return "conflict"
        return "save"

    def save(self) -> Saved:
        """Write the annotation if anything is unsaved (atomically; never over a file changed on
        disk meanwhile). The review is kept whatever happens: nothing typed is lost."""
        if not self.dirty:
            return Saved(True)
        if self.annotation is None and self.review.untouched():
            # every decision undone on a report that had no annotation: no file, as before it opened
            # (one this window wrote meanwhile is taken back, unless another window wrote since)
            if self.file.blocked or self.file.withdraw():
                self.last_saved = None
                self._clean()
                return Saved(True)
        self.review.updated = now()
        written = self.review.annotation()
        try:
            self.file.save(written)
        except ConflictError as e:
            return Saved(False, "conflict", str(e))
        except AnnotationError as e:
            return Saved(False, "refused", str(e))
        except OSError as e:
            return Saved(False, "failed", f"{self.file.path}: not saved ({e.strerror or e})")
        self.last_saved = written
        self._clean()
        return Saved(True)

    def merge(self) -> Saved:
        """Save both this window's decisions and the ones on disk (core/annotations.merge) and
        review the merged annotation; `said`: the cells decided in both (the later kept)."""
        base = self.last_saved or self.review.base
        self.review.updated = now()
        try:
            merged, said = self.file.merge_save(base, self.review.annotation())
        except (AnnotationError, OSError) as e:
            return Saved(False, "failed", f"{self.file.path}: not merged ({e})")
        self.last_saved = merged
        self.use(merged)
        return Saved(True, said=tuple(said))

    def reload(self) -> None:
        """Drop what this window holds unsaved and review the annotation on disk."""
        self.last_saved = None
        self.use(self.file.load())

    def use(self, annotation: Annotation | None) -> None:
        """Review the report with this annotation (reloaded or merged): nothing unsaved."""
        self.review = Review(self.extraction, annotation, self.name, annotator=self.annotator)
        self._clean()

    def save_as_suggestion(self) -> str:
        p = self.file.path
        return str(p.with_name(p.name.replace(".gik.toml", f".{now().replace(':', '')[:15]}.gik.toml")))

    def save_as(self, name: str, replace: bool = False, reports: list[str] = ()) -> Saved:
        """Write the annotation under another name: never a report's name (nor one of `reports`,
        the folder's inputs), never replacing a file unless `replace`."""
        why = may_write(name, [self.path, *reports], annotation=True)
        if why:
            return Saved(False, "report", why)
        try:
            self.file.save_as(name, self.review.annotation(), replace=replace)
        except FileExistsError:
            return Saved(False, "exists", f"{name} exists")
        except OSError as e:
            return Saved(False, "failed", f"{name}: not saved ({e.strerror or e})")
        self._clean()
        return Saved(True)


def report_with_sha(path: str, sha: str, limit: int = 500) -> str | None:
    """Another report in `path`'s folder whose bytes have this sha256 (the first `limit` looked at);
    asked only when an annotation's sha256 is not its report's, which is rare."""
    import hashlib

    from .files import read_capped
    from .readers import MAX_BYTES, REPORT_SUFFIXES

    folder = os.path.dirname(os.path.abspath(path))
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    me = os.path.basename(path)
    for name in [n for n in names if n != me and n.lower().endswith(REPORT_SUFFIXES)][:limit]:
        try:
            if hashlib.sha256(read_capped(os.path.join(folder, name), MAX_BYTES)).hexdigest() == sha:
                return os.path.join(folder, name)
        except OSError:
            continue
    return None
