"""The Notes tab: the extraction's warnings and the analyst's free note. `enter` on the note starts
writing it and `escape` stops (`NoteArea.Writing`); typing in it posts `NotesPane.Changed`; the
screen records it in the review. Untrusted text (warnings quote reports,
notes come from files) is shown sanitised."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TextArea

from ..safe import displayable
from ..widgets.focus import KeepsFocusWhenShown


class NoteArea(KeepsFocusWhenShown, TextArea):
    """The analyst's note. It takes the keys only while it is being written: `enter` starts
    writing, `escape` stops (the report's keys work again; escape never leaves the report from
    here). Read-only otherwise, so a key meant for the report is never typed into the note."""

    class Writing(Message):
        def __init__(self, writing: bool) -> None:
            super().__init__()
            self.writing = writing

    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, read_only=True, **kw)

    def types(self, event) -> bool:
        """Is this key for the note (not a command)? Every key while it is written; `enter` starts."""
        return not self.read_only or event.key == "enter"

    def on_key(self, event) -> None:
        """Runs before TextArea's own key handler, which `prevent_default` skips."""
        if self.read_only and event.key == "enter":
            event.stop()
            event.prevent_default()
            self.read_only = False
            self.post_message(self.Writing(True))
        elif not self.read_only and event.key == "escape":
            event.stop()
            event.prevent_default()
            self.read_only = True
            self.post_message(self.Writing(False))

    def on_blur(self) -> None:
        if not self.read_only:
            self.read_only = True
            self.post_message(self.Writing(False))


class NotesPane(Vertical):
    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="warnings")
        yield NoteArea("", id="note", soft_wrap=True)

    def show(self, warnings: tuple[str, ...], note: str) -> None:
        text = "warnings:\n" + "\n".join(f"• {displayable(w)}" for w in warnings) if warnings else "no warnings"
        self.query_one("#warnings", Static).update(Text(text))
        self.set_note(note)

    def set_note(self, note: str) -> None:
        self.query_one("#note", TextArea).load_text(displayable(note))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Every change, loading included: the screen keeps only a text that differs from the
        review's note."""
        event.stop()
        self.post_message(self.Changed(event.text_area.text))
