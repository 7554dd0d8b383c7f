"""The Notes tab: the extraction's warnings and the analyst's free note. Typing in the note posts
`NotesPane.Changed`; the screen records it in the review. Untrusted text (warnings quote reports,
notes come from files) is shown sanitised."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TextArea

from ..safe import displayable


class NotesPane(Vertical):
    class Changed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def compose(self) -> ComposeResult:
        yield Static(Text(""), id="warnings")
        yield TextArea("", id="note", soft_wrap=True)

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
