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
from ..widgets.ordered_input import BindingsInOrder


class NoteArea(KeepsFocusWhenShown, BindingsInOrder, TextArea):
    """The analyst's note. It takes the keys only while it is being written: `enter` starts
    writing, `escape` stops (the report's keys work again; escape never leaves the report from
    here). Read-only otherwise, so a key meant for the report is never typed into the note.

    Those two keys are answers (app/keyboard.py `Answers`), and so is every key it does not type
    while written (alt+3, tab: they may take the focus away): the keys pressed after one wait until
    the note has taken it, so `enter a b c` writes `abc` and `escape 5` puts 5 in the report, at any
    speed; and its editing keys (backspace …) act in the order pressed (`BindingsInOrder`)."""

    class Writing(Message):
        def __init__(self, writing: bool) -> None:
            super().__init__()
            self.writing = writing

    def __init__(self, *a, **kw) -> None:
        super().__init__(*a, read_only=True, **kw)

    def types(self, event) -> bool:
        """Is this key for the note (not a command)? Every key while it is written; `enter` starts."""
        return not self.read_only or event.key == "enter"

    def answers_on(self, event) -> bool:
        """`enter` starts writing; while writing, every key it does not type (escape, tab, alt+3 …)
        may take the focus elsewhere, so the keys after it wait until it has been run."""
        if self.read_only:
            return event.key == "enter"
        return not event.is_printable and event.key != "enter"

    async def on_key(self, event) -> None:
        """Runs before TextArea's own key handler, which `prevent_default` skips."""
        if self.read_only and event.key == "enter":
            event.stop()
            event.prevent_default()
            self.read_only = False
            self.post_message(self.Writing(True))
            self.app.keyboard.answered(self)  # type: ignore[attr-defined]
        elif not self.read_only and event.key == "escape":
            event.stop()
            event.prevent_default()
            self._stop_writing()
            self.app.keyboard.answered(self)  # type: ignore[attr-defined]
        elif not self.read_only and event.key != "enter":  # enter: a new line (TextArea's own)
            await self.run_binding_now(event)
            if not event.is_printable:  # the keys held after it (answers_on) go where the focus is now
                if self.app.focused is not self:
                    self._stop_writing()  # now, not when the blur comes, after the keys behind
                self.app.keyboard.answered(self)  # type: ignore[attr-defined]

    def on_blur(self) -> None:
        self._stop_writing()

    def _stop_writing(self) -> None:
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
