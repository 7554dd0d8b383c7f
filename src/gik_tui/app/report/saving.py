"""Saving the report screen's work: the unsaved mark (a reactive: the title follows it), the
debounced autosave, `ctrl+s`, a file changed on disk (reload or save as a new file), save-as
(never onto a report, never replacing a file unasked) and reloading. A mixin of ReportScreen: it
uses the screen's `workspace`, `review`, `ann_file`, `path`, `ex`, its `TablesPane`, `fill_checks()`,
`fill_sections()` and `refresh_title()`."""

from __future__ import annotations


from textual.reactive import reactive

from ...core.annotations import AnnotationError, ConflictError, now
from ...core.files import is_one_of
from ..screens.dialogs import AskText, Choose
from .tables_pane import TablesPane

SAVE_DELAY = 0.8  # seconds after the last change before the annotation is written


class Saving:
    dirty = reactive(False, init=False)

    def watch_dirty(self) -> None:
        self.refresh_title()

    def mark_dirty(self) -> None:
        self.dirty = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.autosave)

    def autosave(self) -> None:
        self._timer = None
        self.save_now(quiet=True)

    def save_now(self, quiet: bool = False) -> bool:
        """Save if there is anything to save; True when nothing is left unsaved."""
        if self.review is None or not self.dirty:
            return True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.review.updated = now()
        try:
            written = self.review.annotation()
            self.ann_file.save(written)
            self.last_saved = written
        except ConflictError as e:
            self.notify(f"{e} — ctrl+s to merge, reload or save as a new file", severity="error", timeout=10)
            return self._failed()
        except AnnotationError as e:
            if not quiet:
                self.notify(f"{e} — ctrl+s to save elsewhere", severity="error", timeout=10)
            return self._failed()
        except OSError as e:
            self.notify(f"{self.ann_file.path}: not saved ({e.strerror or e}) — edits kept; ctrl+s to save elsewhere",
                        severity="error", timeout=10)
            return self._failed()
        self.dirty = False
        self.post_message(self.Saved(self.summary()))
        return True

    def summary(self):
        """This report's queue line, from the review in memory."""
        return self.workspace.summary(self.path, self.review, self.ann_file)

    def _failed(self) -> bool:
        self.refresh_title()
        return False

    def action_save(self) -> None:
        if self.review is None:
            return
        self.dirty = True
        if self.ann_file.blocked:
            self.ask_save_as()
            return
        if self.ann_file.changed_on_disk() and self.ann_file.path.exists():
            self.ask_conflict()
            return
        if self.save_now():
            self.notify(f"saved {self.ann_file.path.name}", timeout=2)
        else:
            self.ask_save_as()

    def ask_conflict(self) -> None:
        def done(choice: str | None) -> None:
            if choice == "merge":
                self.merge_annotation()
            elif choice == "reload":
                self.reload_annotation()
            elif choice == "new":
                self.ask_save_as()

        self.app.push_screen(Choose(
            f"{self.ann_file.path} changed on disk since this window loaded it (another window or analyst).",
            [("m", "merge", "keep both: their decisions and the edits made here (a cell decided in both: the later)"),
             ("r", "reload", "reload it and drop the edits made here"), ("s", "new", "save the edits made here as a new file")],
        ), done)

    def merge_annotation(self) -> None:
        """Save both analysts' decisions (core/annotations.merge) and show the result."""
        base = self.last_saved or self.review.base
        self.review.updated = now()
        try:
            merged, said = self.ann_file.merge_save(base, self.review.annotation())
        except (AnnotationError, OSError) as e:
            self.notify(f"{self.ann_file.path}: not merged ({e}) — edits kept; ctrl+s to save as a new file",
                        severity="error", timeout=10)
            return
        self.last_saved = merged
        self.use_annotation(merged)
        self.post_message(self.Saved(self.summary()))
        self.notify(f"merged with the file on disk: both analysts' decisions kept"
                    + (f"; {len(said)} decided in both: " + "; ".join(said[:3]) + (" …" if len(said) > 3 else "")
                       if said else ""), severity="warning" if said else "information", timeout=12 if said else 5)

    def ask_save_as(self) -> None:
        p = self.ann_file.path
        suggestion = str(p.with_name(p.name.replace(".gik.toml", f".{now().replace(':', '')[:15]}.gik.toml")))

        def write(name: str, replace: bool) -> None:
            try:
                self.ann_file.save_as(name, self.review.annotation(), replace=replace)
            except FileExistsError:
                ask_replace(name)
                return
            except OSError as e:
                self.notify(f"{name}: not saved ({e.strerror or e})", severity="error")
                return
            self.dirty = False
            self.notify(f"saved as {name}")

        def ask_replace(name: str) -> None:
            def answer(choice: str | None) -> None:
                if choice == "replace":
                    write(name, True)
                elif choice == "other":
                    self.ask_save_as()

            self.app.push_screen(Choose(f"{name} exists. Replace it?",
                                        [("y", "replace", "replace the file with these annotations"),
                                         ("n", "other", "choose another name")]), answer)

        def done(name: str | None) -> None:
            if not name:
                return
            from ...core.readers import REPORT_SUFFIXES

            if name.lower().endswith(REPORT_SUFFIXES) or is_one_of(name, [self.path]):
                self.notify(f"{name}: that is a report's name; annotations are saved as .gik.toml files",
                            severity="error")
                self.ask_save_as()
                return
            write(name, False)

        self.app.push_screen(AskText("Save the annotations as:", suggestion), done)

    def reload_annotation(self) -> None:
        self.last_saved = None
        self.use_annotation(self.ann_file.load())
        self.notify("reloaded the annotation from disk")

    def use_annotation(self, annotation) -> None:
        """Show the report with this annotation (reloaded or merged), saved: nothing unsaved."""
        self.review = self.workspace.review(self.ex, annotation, self.path)
        self.query_one(TablesPane).use(self.review)
        self.dirty = False
        self.fill_checks()
        self.fill_sections()
        self.refresh_title()
