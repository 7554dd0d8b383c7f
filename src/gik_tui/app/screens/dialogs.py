"""Small modal dialogs: edit a cell, pick a heading's section, a note, yes/no, a file name."""

from __future__ import annotations

from rapidfuzz import fuzz
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...core.templates import Template

NO_SECTION = "\x00none"


class HeadingPicker(ModalScreen[str | None]):
    """The template's sections ordered by score against the heading; typing filters them."""

    BINDINGS = [Binding("escape", "cancel", "cancel"), Binding("down", "down", show=False),
                Binding("up", "up", show=False)]

    def __init__(self, heading: str, template: Template, ranked: list[tuple[str, float]]) -> None:
        super().__init__()
        self.heading = heading
        self.template = template
        self.ranked = ranked

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(f"Map heading: {self.heading}"), id="dialog-title")
            yield Input(placeholder="type to filter", id="filter")
            yield OptionList(*self._options(""), id="sections", markup=False)
            yield Label("enter chooses · escape cancels", id="dialog-help", markup=False)

    def _options(self, query: str) -> list[Option]:
        items = list(self.ranked)
        if query:
            aliases = {s.name: (s.name, *s.aliases) for s in self.template.sections}
            items = sorted(
                ((n, sc) for n, sc in items
                 if max(fuzz.partial_ratio(query, a) for a in aliases[n]) >= 60),
                key=lambda kv: -max(fuzz.partial_ratio(query, a) for a in aliases[kv[0]]),
            )
        opts = [Option(Text(f"{score:5.1f}  {name}"), id=name) for name, score in items]
        opts.append(Option(Text("   —   no section (unmapped)"), id=NO_SECTION))
        return opts

    def on_input_changed(self, event: Input.Changed) -> None:
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(self._options(event.value.strip()))
        ol.highlighted = 0

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0
        self.query_one(Input).focus()

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            self.dismiss(ol.get_option_at_index(ol.highlighted).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AskText(ModalScreen[str | None]):
    """One line of text (a flag note, a file name)."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, value: str = "", help_text: str = "enter saves · escape cancels") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.help_text = help_text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, markup=False, id="dialog-title")
            yield Input(self.value, id="text")
            yield Label(self.help_text, markup=False, id="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choose(ModalScreen[str | None]):
    """A question with a few answers, each on a key."""

    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str, str]]) -> None:
        """answers: (key, id, label)."""
        super().__init__()
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(self.question), id="dialog-title")
            for key, _id, label in self.answers:
                yield Label(Text(f"[{key}] {label}"), markup=False)
            yield Label("escape cancels", markup=False, id="dialog-help")

    def on_key(self, event) -> None:
        for key, ident, _ in self.answers:
            if event.key == key:
                event.stop()
                self.dismiss(ident)
                return

    def action_cancel(self) -> None:
        self.dismiss(None)
