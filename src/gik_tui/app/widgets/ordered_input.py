"""Text boxes that take every key in the order pressed.

Textual's Input and TextArea type a character when the key reaches them, but run a bound key
(backspace, ctrl+u, home, enter, and the dialog's own keys such as `down` in the heading picker)
only when the key has bubbled back up to the app, behind the keys pressed after it. Keys sent in
one burst then act out of order: `ctrl+u 2 0 2 1` typed the year and then cleared it, `abc
backspace d` gave `ab`. Here a key's binding (the box's, its dialog's, the app's) runs when the box
takes the key (`BindingsInOrder`), so each key acts on the text as it was when the key was pressed.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widgets import Input

from ..keyboard import Answers, check_bindings


class BindingsInOrder:
    """For a text widget (or a question, app/dialogs.py Choose): run a non-printable key's binding when
    the widget takes the key."""

    async def run_binding_now(self, event: events.Key) -> bool:
        """True when a binding ran. The key's bindings are looked up now, from the box up through its
        screen, as Textual would when the key came back up to the app — but by then the keys behind
        it may have closed the dialog: a key left to bubble ran the binding of the screen beneath
        (`alt+3` in the flag's box switched the report's tab, `down` in the details box moved the
        report's cursor). A binding that skips (a box's scrolling, with nothing to scroll) passes the
        key on up the chain, here and now (the queue's filter: `down` moves the list's cursor). A key
        no binding takes is stopped all the same; the widget's own handler still runs (a new line in
        the note)."""
        if event.is_printable:
            return False
        event.stop()
        if self.screen is not self.app.screen:  # type: ignore[attr-defined]
            return False  # a box of a screen already gone: nothing of the screen now showing
        for key in (event.key, *event.aliases):
            if await check_bindings(self.app, key, priority=False):  # type: ignore[attr-defined]
                event.prevent_default()
                return True
        return False


class OrderedInput(BindingsInOrder, Input):
    """`on_change(value)`: called as the text changes, in order with the keys (an `Input.Changed`
    message is handled after the keys that follow it: a list filtered by it would lag behind)."""

    def __init__(self, *args, on_change: Callable[[str], None] | None = None, **kwargs) -> None:
        self._on_change = on_change
        super().__init__(*args, **kwargs)

    def watch_value(self, value: str) -> None:
        if self._on_change is not None and self.is_mounted:
            self._on_change(value)

    def answers_on(self, event: events.Key) -> bool:
        """app/keyboard.py `Answers`: its dialog's answers (enter, escape: the dialog says when it
        has answered), and every other key it does not type (tab, up, down …: it may take the focus
        to another box or a list) — the keys pressed after one wait until the box has run it, then
        go where the focus is (`tab 2 0` in the details box typed 20 into the agency, not the year)."""
        return self._dialog_answers(event) or not event.is_printable

    def _dialog_answers(self, event: events.Key) -> bool:
        screen = self.screen
        return isinstance(screen, Answers) and screen.answers_on(event)

    async def on_key(self, event: events.Key) -> None:
        # runs before Input's own key handler (a class's handlers come before its base's), which
        # prevent_default skips; a printable key is left to it
        await self.run_binding_now(event)
        if not event.is_printable and not self._dialog_answers(event):
            keyboard = getattr(self.app, "keyboard", None)
            if keyboard is not None:
                keyboard.answered(self)  # the keys held after it go where the focus is now
