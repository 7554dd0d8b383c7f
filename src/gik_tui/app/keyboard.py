"""The keyboard: every key acts on what was under the cursor when it was pressed, whatever the timing.

Follow a key from here (the app hands every key press to `Keyboard.key`):

1. While a report opens, keys are *held*: a key that opens another report or goes back to the
   queue (a binding whose id is in TRANSITIONS) holds the keys pressed after it until the screen
   they are meant for says it is ready (`ReportSettled`, app/messages.py); they are then replayed
   in order (`release`).
2. On the report screen every key is handled at once, in the order pressed (`dispatch`): a key the
   focused widget types before any binding (`TypesAtOnce.takes_first`: `tab` while a figure is
   typed), then the priority bindings, then typing (`TypesAtOnce.key_now`: a figure into a table,
   which the table puts in through the callable it was given — app/widgets/template_table.py
   `enter` → ReportScreen.apply_values → core/review.py `Review.set_cells`), then the key's binding
   — the screen's or the focused pane's — run there and then. A text box being written in (the
   note: `Types`) and every other screen take their keys the usual way.
3. An escape typed just before another key reaches us merged with it: a terminal without the kitty
   keyboard protocol sends ESC and the key as one sequence, which Textual reads as alt+key, or as a
   symbol (ESC 1 → ¡), or drops the escape (ESC . → `.`, ESC enter → `enter`: `1 2 esc enter` put
   12 in). The terminal's input parser is given back the alt key in every case
   (`install_terminal_keys`), and `Keyboard.key` splits it into escape then the key (`unmerged`)
   unless a binding takes the alt key where no text is being typed (alt+1–4 change tabs).
4. The edit in the review is saved by the report screen's autosave (app/report/saving.py →
   core/open_report.py `OpenReport.save` → core/annotations.py, an atomic write of the TOML).

The widgets that take part say so by the protocols below (declared, not guessed). The one place
that uses Textual's private API is `_TEXTUAL` here (the bindings check and the usual forwarding of
a key); tests/app/test_keyboard.py fails if Textual changes them.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from typing import Protocol, runtime_checkable

from textual import events
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.widget import Widget

TRANSITIONS = {"report.done", "report.next", "report.previous", "report.back", "queue.open"}
HOLD_SECONDS = 5.0  # the longest keys are held (a report that never settles must not eat the keyboard)


@runtime_checkable
class Types(Protocol):
    """A widget that some keys type into (a cell being edited, the note being written): those keys
    are not commands."""

    def types(self, event: events.Key) -> bool: ...


@runtime_checkable
class Answers(Protocol):
    """A screen whose text box answers on a key (a dialog's `enter` or `escape`: a note, a file name,
    a heading's section, the report's details; the queue's filter on `enter`), or a widget that does
    (the report's note: `enter` starts writing, `escape` stops; a text box, widgets/ordered_input.py,
    on every key it does not type: `tab`, `down` … may take the focus elsewhere). A key a priority
    binding takes is never an answer: the box never sees it. The box takes its
    keys in its own queue, so the keys pressed after that one wait (`Keyboard.hold`) until the
    answer is given — they then go where the focus is, the screen beneath a closed dialog — or the
    dialog stays open (an error, the next box): they are then its own (`Keyboard.answered`)."""

    def answers_on(self, event: events.Key) -> bool: ...


@runtime_checkable
class TypesAtOnce(Types, Protocol):
    """A widget whose typing the keyboard hands it at once, in order (the template tables)."""

    def takes_first(self, event: events.Key) -> bool: ...

    async def key_now(self, event: events.Key) -> bool: ...


# ------------------------------------------------------------------ Textual's private API, in one place
_TEXTUAL = {
    # App._check_bindings(key, priority=...) -> bool: run the key's priority (or other) binding
    "App._check_bindings": (App, "_check_bindings"),
    # Widget._forward_event(event): hand an event on the usual way (to the focused widget's handlers)
    "Widget._forward_event": (Widget, "_forward_event"),
    # XTermParser._sequence_to_key_events(sequence, alt=False): the terminal's bytes to key events,
    # wrapped so an escape merged with the next key is never lost (install_terminal_keys)
    "XTermParser._sequence_to_key_events": (XTermParser, "_sequence_to_key_events"),
}
# Screen._result_callbacks (an instance's list of ResultCallback, each with its `requester`): where
# a dialog's answer runs (requester_of); Screen._binding_chain ((node, BindingsMap) from the focused
# widget up): which keys a priority binding takes before the focused widget sees them (priority_bound)


def priority_bound(app: App, key: str) -> bool:
    """Does a priority binding (ctrl+s, ctrl+q) take this key before the focused widget sees it?"""
    return any(b.priority for _, bindings in app.screen._binding_chain for b in bindings.key_to_bindings.get(key, ()))


def requester_of(screen) -> object | None:
    """The message pump that runs a dialog's answer (its push_screen callback), or None."""
    callbacks = getattr(screen, "_result_callbacks", None)
    return getattr(callbacks[-1], "requester", None) if callbacks else None


def check_bindings(app: App, key: str, priority: bool) -> Awaitable[bool]:
    return app._check_bindings(key, priority=priority)


def forward(widget: Widget, event: events.Key) -> None:
    widget._forward_event(event)


def writing(focused) -> bool:
    """Is the focus a text box being written in (an input, a text area that is not read-only)?"""
    from textual.widgets import Input, TextArea

    return isinstance(focused, Input) or (isinstance(focused, TextArea) and not focused.read_only)


ESC = "\x1b"
# alt keys read from ESC + a key in one sequence → the key's own event (as it is without the escape)
MERGED: weakref.WeakKeyDictionary[events.Key, events.Key] = weakref.WeakKeyDictionary()


def install_terminal_keys() -> None:
    """Make the terminal's parser report ESC + one key, read in one sequence, as that key with alt
    — every such key, whatever Textual would name it (ESC 1 is not ¡, ESC . keeps its escape) —
    and remember it as merged (MERGED), so `Keyboard.key` can tell an escape typed fast before a
    key from the key alone. A chord the terminal encodes itself (alt+up: CSI 1;3A) is not merged.
    Idempotent."""
    original = XTermParser._sequence_to_key_events
    if getattr(original, "_gik_merged", False):
        return

    def with_alt(self, char: str):
        for ev in original(self, char, alt=False):
            merged = events.Key(alt_name(ev.key), None)  # no character: an alt key is never typed
            MERGED[merged] = ev
            yield merged

    def sequence_to_key_events(self, sequence: str, alt: bool = False):
        if alt and len(sequence) == 1 and sequence != ESC:  # ESC and a key, reissued one by one
            yield from with_alt(self, sequence)
            return
        if len(sequence) == 2 and sequence[0] == ESC and sequence[1] != ESC:
            keys = list(original(self, sequence, alt))
            # a known pair (ESC 1 → ¡, ESC enter → enter, ESC tab → shift+tab): the key it merged;
            # an unknown one (ESC [ starting a longer sequence) says nothing yet
            yield from (with_alt(self, sequence[1]) if keys else ())
            return
        yield from original(self, sequence, alt)

    sequence_to_key_events._gik_merged = True
    XTermParser._sequence_to_key_events = sequence_to_key_events


def alt_name(key: str) -> str:
    """The key's name with alt, as Textual names it (J → alt+shift+j)."""
    if len(key) == 1 and key.isupper():
        return f"alt+shift+{key.lower()}"
    return f"alt+{key}"


def unmerged(event: events.Key) -> events.Key | None:
    """The key typed after an escape that the terminal merged with it (alt+j → j, alt+shift+j → J,
    alt+full_stop → .), or None for any other key."""
    plain = MERGED.get(event)
    return None if plain is None else events.Key(plain.key, plain.character)


class Keyboard:
    """The app's keys, in order. `is_report(screen)`: the screen whose keys are handled in order;
    `queue_enter(event)`: for `enter` on the queue's table or the agency view's years, whether it
    opens a report (a row or a year is there), else None (the app knows its screens)."""

    def __init__(self, app: App, is_report: Callable[[object], bool],
                 queue_enter: Callable[[events.Key], bool | None]) -> None:
        self.app = app
        self.is_report = is_report
        self.queue_enter = queue_enter
        self.held: list[events.Key] | None = None  # keys pressed while a report opens
        self.for_answer = False  # held after a dialog's enter (released by `answered`) or a screen shown
        self._timer = None
        self._unbound: weakref.WeakSet[events.Key] = weakref.WeakSet()  # forwarded with no binding (came_back)

    async def key(self, event: events.Key, usual: Callable[[events.Event], Awaitable[None]]) -> None:
        """A key press: held, or dispatched at once. `usual`: the app's own handling."""
        if self.held is not None:
            self.held.append(event)
            return
        plain = unmerged(event)
        if plain is not None and (self.typing() or not self.bound(event.key)):
            # an escape typed just before this key, merged with it by the terminal: both, in order
            for ev in (events.Key("escape", ESC), plain):
                ev.set_sender(self.app)
                await self.app.on_event(ev)
            return
        transition = self.is_transition(event)
        answering = not transition and self.answers(event)
        before = self.app.screen
        await self.dispatch(event, usual)
        if transition:
            self.hold()
        elif answering:
            self.hold(for_answer=True)
        elif self.app.screen is not before:
            # a dialog opened (or a screen closed): the keys after this one wait until it has been
            # drawn, when its box has the focus (pressed at once, `f n o t e` lost its letters)
            self.hold(for_answer=True)
            self.app.screen.call_after_refresh(self._release_answer)

    async def dispatch(self, event: events.Key, usual: Callable[[events.Event], Awaitable[None]]) -> None:
        app = self.app
        focused = app.focused
        if not self.in_order(event, focused):
            if await self.binding_now(event, focused):
                return
            await usual(event)
            return
        at_once = focused if isinstance(focused, TypesAtOnce) else None
        if at_once is not None and at_once.takes_first(event) and await at_once.key_now(event):
            return
        if await check_bindings(app, event.key, priority=True):
            return
        if at_once is not None and await at_once.key_now(event):
            return
        if await self._bound(event):
            return
        # nobody's key here: the usual way, to the focused widget's own handlers. No binding took it
        # now, so none may when it comes back up to the app, after the keys behind it (`backspace`
        # on a table, back after `T enter` had opened the note, deleted a letter typed there)
        self._unbound.add(event)
        forward(focused, event)

    def typing(self) -> bool:
        """Is text being typed where the focus is (a cell's edit, the note, a text box)? An alt key
        is never typed: there it is an escape, then a key."""
        focused = self.app.focused
        return writing(focused) or (isinstance(focused, Types) and focused.types(events.Key("escape", ESC)))

    def _active(self, key: str):
        """The screen's enabled binding of this key (its own or its focused widget's), or None."""
        active = self.app.screen.active_bindings.get(key)
        return active if active is not None and active.enabled else None

    def bound(self, key: str) -> bool:
        """Does a binding of the screen (or a priority one) take this key?"""
        return self._active(key) is not None or priority_bound(self.app, key)

    def came_back(self, event: events.Key) -> bool:
        """Is this a key forwarded with no binding when pressed, back at the app? (Its bindings are
        not looked up again: the focus may have moved since.)"""
        if event in self._unbound:
            self._unbound.discard(event)
            return True
        return False

    async def _bound(self, event: events.Key) -> bool:
        """Run the key's binding on the screen (or its focused widget) now, if it has one."""
        active = self._active(event.key)
        if active is None:
            return False
        await self.app.run_action(active.binding.action, active.node)
        return True

    async def binding_now(self, event: events.Key, focused) -> bool:
        """Off the report screen (the queue, a dialog), a key bound there runs now, in the order
        pressed, not when its turn comes in the focused widget's queue: `/ l u s` sent at once
        must not run `s` (sort) before `/` has put the focus in the filter box. A box being typed
        in takes its keys the usual way."""
        from textual.widgets import Input, TextArea

        screen = self.app.screen
        if self.is_report(screen):
            return False
        # a question's answer is given now: it closes the dialog at once, and the keys after it
        # go to the screen beneath in order (not into the closed dialog's queue, where a second
        # enter answered again and closed the report)
        answer = getattr(screen, "answer_now", None)
        if answer is not None and answer(event.key):
            return True
        if focused is None or isinstance(focused, (Input, TextArea)):
            return False
        return await check_bindings(self.app, event.key, priority=True) or await self._bound(event)

    def in_order(self, event: events.Key, focused) -> bool:
        """Is this key for the report screen's ordered handling (not for a box being typed in)?"""
        if not self.is_report(self.app.screen) or focused is None or writing(focused):
            return False
        if isinstance(focused, TypesAtOnce):
            return True
        return not (isinstance(focused, Types) and focused.types(event))

    def is_transition(self, event: events.Key) -> bool:
        opens = self.queue_enter(event)
        if opens is not None:
            return opens
        if event.key in getattr(self.app.screen, "leaving_keys", ()):  # a question's answer that leaves the report
            return True
        focused = self.app.focused
        if isinstance(focused, Types) and focused.types(event):
            return False  # typed into a cell (escape while typing cancels the edit, it does not leave)
        active = self.app.screen.active_bindings.get(event.key)
        return active is not None and active.binding.id in TRANSITIONS

    def answers(self, event: events.Key) -> bool:
        """A key a screen's text box answers on, or the focused widget (`Answers`)."""
        from textual.widgets import Input

        screen = self.app.screen
        focused = self.app.focused
        if isinstance(focused, Answers):  # the note, a text box: a key that may take the focus away
            answers = focused.answers_on(event)
        else:
            answers = isinstance(screen, Answers) and isinstance(focused, Input) and screen.answers_on(event)
        # a key a priority binding takes never reaches the box: nothing would give the keys after it back
        return answers and not priority_bound(self.app, event.key)

    def answered(self, pump) -> None:
        """A screen has answered, or a dialog stayed open, after its key (`Answers`): the keys held
        since go where the focus is once `pump` has run the answer (a dialog's callback runs first)."""
        if self.held is not None and self.for_answer:
            (pump or self.app).call_next(self._release_answer)

    async def _release_answer(self) -> None:
        if self.for_answer:  # not since turned into a report's opening (its keys wait for it)
            await self.release()

    def hold(self, for_answer: bool = False) -> None:
        """Hold the keys pressed from now until `release` (at most HOLD_SECONDS); `for_answer`:
        until a screen has answered or been drawn (`_release_answer`), not until a report opens."""
        self.for_answer = for_answer
        if self.held is None:
            self.held = []
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(HOLD_SECONDS, self.release)

    async def release(self) -> None:
        """Replay the held keys in order (one may start holding again: the rest wait with it)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.for_answer = False
        held, self.held = self.held or [], None
        for i, key in enumerate(held):
            if self.held is not None:  # a replayed key opened another report
                self.held[:0] = held[i:]
                return
            replayed = events.Key(key.key, key.character)
            if key in MERGED:
                MERGED[replayed] = MERGED[key]
            # from the app, as a pressed key is: made in a screen's handler it would be that
            # screen's, and a key stops bubbling at its sender (never reaching the app's bindings)
            replayed.set_sender(self.app)
            await self.app.on_event(replayed)
