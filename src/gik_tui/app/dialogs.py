"""Small modal dialogs: pick a heading's section, a line of text (a flag note, a file name), a
question with a few answers on keys, the report's agency, year and template. (A cell is edited in
the cell bar, widgets/edit_bar.py, not in a dialog.)"""

from __future__ import annotations

from rapidfuzz import fuzz
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..core.templates import Template
from .keyboard import requester_of
from .widgets.ordered_input import BindingsInOrder, OrderedInput
from .safe import displayable

NO_SECTION = "\x00none"


class DismissOnce:
    """A dialog closes once. Keys sent in one burst all reach it before its answer has closed it
    (`enter ] 7 enter u` after `c`): the second `enter` would dismiss it again, and popping the
    screen stack again would close the report beneath it.

    It answers on `enter` or `escape` in its text box (app/keyboard.py `Answers`): the keys pressed
    after that key are held, and given back once it has answered (after the answer's callback) or
    has stayed open, so they are never typed into a box that is gone. Its boxes take every key in
    the order pressed (widgets/ordered_input.py)."""

    def answers_on(self, event) -> bool:
        return event.key in ("enter", "escape")

    def dismiss(self, result=None):  # type: ignore[override]
        if self.app.screen is not self:
            return None  # already answered: the screen on top now is another's
        pump = requester_of(self)
        out = super().dismiss(result)  # type: ignore[misc]
        self.app.keyboard.answered(pump)  # type: ignore[attr-defined]
        return out

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Textual runs this after the dialog's own handler (a handler of each class of the MRO)
        if self.app.screen is self:  # `enter` kept it open: the keys after it are its own
            self.app.keyboard.answered(self)  # type: ignore[attr-defined]


class _FilterBox(OrderedInput):
    """The picker's filter: `down` and `up` move in the list below (not the box's own scrolling,
    which would take them first), in order with the typing that filters the list."""

    BINDINGS = [Binding("down", "screen.down", show=False), Binding("up", "screen.up", show=False)]


class HeadingPicker(DismissOnce, ModalScreen[str | None]):
    """The template's sections ordered by score against the heading; typing filters them (at once,
    so `down` after the typing moves in the filtered list)."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="picker.cancel"),
                Binding("down", "down", show=False, id="picker.down"),
                Binding("up", "up", show=False, id="picker.up")]

    def __init__(self, heading: str, template: Template, ranked: list[tuple[str, float]]) -> None:
        super().__init__()
        self.heading = heading
        self.template = template
        self.ranked = ranked

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(displayable(f"Map heading: {self.heading}")), id="dialog-title")
            yield _FilterBox(placeholder="type to filter", id="filter", on_change=self._filter)
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

    def _filter(self, value: str) -> None:
        ol = self.query_one(OptionList)
        ol.clear_options()
        ol.add_options(self._options(value.strip()))
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


class AskText(DismissOnce, ModalScreen[str | None]):
    """One line of text (a flag note, a file name)."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="ask.cancel")]

    def __init__(self, title: str, value: str = "", help_text: str = "enter saves · escape cancels") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.help_text = help_text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(displayable(self.title_text), markup=False, id="dialog-title")
            yield OrderedInput(displayable(self.value), id="text")
            yield Label(self.help_text, markup=False, id="dialog-help")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choose(DismissOnce, BindingsInOrder, ModalScreen[str | None]):
    """A question with a few answers, each on a key."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="choose.cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str, str]], default: str | None = None,
                 leaves: tuple[str, ...] = ()) -> None:
        """answers: (key, id, label); `default`: the id `enter` gives; `leaves`: the ids that leave
        the report (the keys typed after one are held for the next report, as after `d`)."""
        super().__init__()
        self.question = question
        self.answers = answers
        self.default = default
        self.leaves = leaves

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Text(displayable(self.question)), id="dialog-title")
            for key, _id, label in self.answers:
                yield Label(Text(displayable(f"[{key}] {label}")), markup=False)
            yield Label("enter takes the first · escape cancels" if self.default is not None else "escape cancels",
                        markup=False, id="dialog-help")

    @property
    def leaving_keys(self) -> frozenset[str]:
        """The keys whose answer leaves the report: app/keyboard.py holds the keys after one (in
        the order pressed) until the next report shows, as after `d`."""
        return frozenset(key for key, ident, _ in self.answers if ident in self.leaves)

    def answer_now(self, key: str) -> bool:
        """The answer on this key, given now (app/keyboard.py calls it in the order the keys were
        pressed, so the keys after it go to the screen beneath); False when it answers nothing."""
        for k, ident, _ in self.answers:
            if key == k:
                self.dismiss(ident)
                return True
        if key == "enter" and self.default is not None:
            self.dismiss(self.default)
            return True
        if key == "escape":  # no answer, given now as well: `escape c` asks again, not `c` lost in it
            self.action_cancel()
            return True
        return False

    async def on_key(self, event) -> None:
        # a key that answers nothing runs its binding here or does nothing, and stops here
        # too: bubbling up, it reached the app after the answer behind it had closed the question,
        # and ran the report's binding (`alt+3 2`)
        if not self.answer_now(event.key):
            await self.run_binding_now(event)
        event.stop()

    def action_cancel(self) -> None:
        self.dismiss(None)


class MetaDialog(DismissOnce, ModalScreen[dict | None]):
    """The report's agency, year and template, as the analyst corrects them."""

    BINDINGS = [Binding("escape", "cancel", "cancel", id="meta.cancel")]

    def __init__(self, agency: str, year: int | None, template: str, templates: tuple[str, ...], count: int = 0) -> None:
        """`count`: the agency and year of that many reports at once (the queue's marked rows): no
        template box, and an empty box leaves that detail as each report has it."""
        super().__init__()
        self.values = (agency, "" if year is None else str(year), template)
        self.templates = templates
        self.count = count

    def compose(self) -> ComposeResult:
        agency, year, template = self.values
        with Vertical(id="dialog"):
            title = ("Report details (enter in the last box saves, escape cancels)" if not self.count else
                     f"Agency and year of {self.count} report(s) (an empty box leaves that one as it is; "
                     "enter in the last box saves, escape cancels)")
            yield Label(title, markup=False, id="dialog-title")
            yield Label("agency", markup=False)
            yield OrderedInput(displayable(agency), id="meta-agency")
            yield Label("year", markup=False)
            yield OrderedInput(year, id="meta-year", restrict=r"[0-9]*", max_length=4)
            if not self.count:
                yield Label(f"template ({' | '.join(self.templates)})", markup=False)
                yield OrderedInput(displayable(template), id="meta-template")
            yield Label("", id="dialog-error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != ("meta-year" if self.count else "meta-template"):
            self.focus_next()
            return
        agency = self.query_one("#meta-agency", Input).value.strip()
        year = self.query_one("#meta-year", Input).value.strip()
        template = "" if self.count else self.query_one("#meta-template", Input).value.strip()
        error = self.query_one("#dialog-error", Label)
        if not self.count and template not in self.templates:
            error.update(Text(f"template must be one of: {', '.join(self.templates)}"))
            return
        if year and not (1990 <= int(year) <= 2100):
            error.update(Text("year must be between 1990 and 2100"))
            return
        self.dismiss({"agency": agency or None, "year": int(year) if year else None, "template": template})

    def action_cancel(self) -> None:
        self.dismiss(None)
