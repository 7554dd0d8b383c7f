"""The report screen's saving, drawn: the unsaved mark in the title, the debounced autosave,
`ctrl+s` with its dialogs (a file changed on disk: merge, reload or save as a new file; save-as
asking before it replaces a file) and what each came to, said. What a save, a merge, a reload or a
save-as does is the open report's (core/open_report.py `OpenReport`), tested there; this mixin of
ReportScreen only asks the analyst and shows the outcome. It uses the screen's `report`,
`workspace`, its `TablesPane`, `fill_checks()`, `fill_sections()` and `refresh_title()`."""

from __future__ import annotations

from ...core.open_report import Saved
from ..dialogs import AskText, Choose
from .tables_pane import TablesPane

SAVE_DELAY = 0.8  # seconds after the last change before the annotation is written


class Saving:
    @property
    def dirty(self) -> bool:
        """Something in the open report is not written yet (its one home: OpenReport.dirty)."""
        return self.report is not None and self.report.dirty

    def mark_dirty(self) -> None:
        self.report.changed()
        self.refresh_title()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.autosave)

    def autosave(self) -> None:
        self._timer = None
        self.save_now(quiet=True)

    def save_now(self, quiet: bool = False) -> bool:
        """Save if there is anything to save; True when nothing is left unsaved."""
        if self.report is None or not self.report.dirty:
            return True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        got = self.report.save()
        if not got.ok:
            self._say(got, quiet)
            self.refresh_title()
            return False
        self.refresh_title()
        self.summary()  # the queue line, to the workspace (which tells the queue)
        return True

    def _say(self, got: Saved, quiet: bool = False) -> None:
        """A save that did not happen, in one line with what the analyst can do."""
        if got.problem == "conflict":
            self.notify(f"{got.error} — ctrl+s to merge, reload or save as a new file", severity="error", timeout=10)
        elif got.problem == "refused":
            if not quiet:
                self.notify(f"{got.error} — ctrl+s to save elsewhere", severity="error", timeout=10)
        else:
            self.notify(f"{got.error} — edits kept; ctrl+s to save elsewhere", severity="error", timeout=10)

    def summary(self):
        """This report's queue line, from the review in memory, handed to the workspace (its one
        writer, which tells the queue)."""
        return self.workspace.summary(self.path, self.review, self.ann_file)

    def action_save(self) -> None:
        if self.report is None:
            return
        self.report.changed()
        needs = self.report.save_needs()
        if needs == "save as":
            self.ask_save_as()
        elif needs == "conflict":
            self.ask_conflict()
        elif self.save_now():
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

    def merge_annotation(self) -> bool:
        """Save both analysts' decisions and show the result; whether it worked."""
        got = self.report.merge()
        if not got.ok:
            self.notify(f"{got.error} — edits kept; ctrl+s to save as a new file", severity="error", timeout=10)
            return False
        self._shown_again()
        self.summary()  # the queue line, to the workspace (which tells the queue)
        said = got.said
        self.notify("merged with the file on disk: both analysts' decisions kept"
                    + (f"; {len(said)} decided in both: " + "; ".join(said[:3]) + (" …" if len(said) > 3 else "")
                       if said else ""), severity="warning" if said else "information", timeout=12 if said else 5)
        return True

    def ask_save_as(self) -> None:
        def write(name: str, replace: bool) -> None:
            got = self.report.save_as(name, replace=replace, reports=self.workspace.files)
            if got.problem == "exists":
                ask_replace(name)
            elif got.problem == "report":
                self.notify(got.error, severity="error")
                self.ask_save_as()
            elif not got.ok:
                self.notify(got.error, severity="error")
            else:
                self.refresh_title()
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
            if name:
                write(name, False)

        self.app.push_screen(AskText("Save the annotations as:", self.report.save_as_suggestion()), done)

    def reload_annotation(self) -> None:
        self.report.reload()
        self._shown_again()
        self.notify("reloaded the annotation from disk")

    def _shown_again(self) -> None:
        """The open report's review was replaced (reloaded or merged): draw it again."""
        self.query_one(TablesPane).use(self.review)
        self.fill_checks()
        self.fill_sections()
        self.refresh_title()
