"""The keyboard seam (app/keyboard.py): the widgets declare how they take keys, and the private
parts of Textual the app relies on are still there as it uses them — a Textual upgrade that
changes one fails here, by name, before any key is lost."""

from __future__ import annotations

import inspect

from textual.widgets import DataTable

from gik_tui.app.keyboard import _TEXTUAL, Types, TypesAtOnce
from gik_tui.app.report.notes_pane import NoteArea
from gik_tui.app.widgets.template_table import TemplateTable


def test_textuals_private_methods_the_keyboard_uses_are_there_as_used():
    for name, (cls, attr) in _TEXTUAL.items():
        assert callable(getattr(cls, attr, None)), f"Textual no longer has {name}"
    check = inspect.signature(_TEXTUAL["App._check_bindings"][0]._check_bindings)
    assert list(check.parameters)[:2] == ["self", "key"] and "priority" in check.parameters
    assert inspect.iscoroutinefunction(_TEXTUAL["App._check_bindings"][0]._check_bindings)
    forward = inspect.signature(_TEXTUAL["Widget._forward_event"][0]._forward_event)
    assert list(forward.parameters) == ["self", "event"]


def test_the_queue_tables_private_dimensions_hook_is_there():
    """QueueTable (app/screens/queue.py) skips DataTable's measuring of every new row."""
    assert list(inspect.signature(DataTable._update_dimensions).parameters) == ["self", "new_rows"]
    for attr in ("_total_row_height", "_row_label_column_width"):
        assert hasattr(DataTable, attr), attr
    assert DataTable()._labelled_row_exists is False  # set per table


async def test_a_dialogs_answer_is_run_by_the_pump_that_asked_for_it():
    """requester_of (app/keyboard.py) reads Textual's Screen._result_callbacks: the keys held after
    a dialog's enter are given back by the pump that runs its answer, after the answer."""
    from textual.app import App
    from textual.screen import ModalScreen

    from gik_tui.app.keyboard import requester_of

    app = App()
    async with app.run_test() as pilot:
        dialog = ModalScreen()
        app.push_screen(dialog, lambda result: None)
        await pilot.pause()
        assert requester_of(dialog) is app
        assert requester_of(ModalScreen()) is None


async def test_priority_bound_reads_the_screens_binding_chain():
    """priority_bound (app/keyboard.py) reads Textual's Screen._binding_chain: a key a priority
    binding takes never reaches the focused box, so the keys after it are not held for it."""
    from textual.app import App
    from textual.binding import Binding

    from gik_tui.app.keyboard import priority_bound

    class Bound(App):
        BINDINGS = [Binding("ctrl+s", "bell", priority=True), Binding("ctrl+t", "bell")]

    app = Bound()
    async with app.run_test():
        assert priority_bound(app, "ctrl+s")
        assert not priority_bound(app, "ctrl+t") and not priority_bound(app, "x")


def test_widgets_declare_how_they_take_keys():
    from gik_tui.app.dialogs import AskText, Choose, HeadingPicker, MetaDialog
    from gik_tui.app.keyboard import Answers
    from gik_tui.app.screens.queue import QueueScreen

    assert all(issubclass(d, Answers) for d in (AskText, HeadingPicker, MetaDialog, Choose, QueueScreen))
    assert issubclass(TemplateTable, TypesAtOnce) and issubclass(TemplateTable, Types)
    assert issubclass(NoteArea, Types) and not issubclass(NoteArea, TypesAtOnce)
    from gik_tui.app.widgets.ordered_input import OrderedInput

    assert issubclass(OrderedInput, Answers) and issubclass(NoteArea, Answers)
    assert not issubclass(DataTable, Types)


def test_no_widget_overrides_a_private_textual_handler():
    """Widgets use public handlers (on_key, on_hide …) with prevent_default, never `_on_…`."""
    import ast
    from pathlib import Path

    import gik_tui.app

    found = []
    for path in Path(gik_tui.app.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("_on_"):
                found.append(f"{path.name}:{node.name}")
    assert found == []


def test_the_terminal_parser_reports_an_escape_merged_with_a_key_as_that_key_with_alt():
    """install_terminal_keys: ESC + a key read as one sequence is the key with alt, remembered as
    merged with the key's own event — whatever Textual named it (¡ for ESC 1, `enter` for ESC
    enter: the escape dropped); a chord the terminal encodes (alt+up) and a plain key are not."""
    from textual._xterm_parser import XTermParser

    from gik_tui.app.keyboard import install_terminal_keys, unmerged

    install_terminal_keys()
    install_terminal_keys()  # idempotent: not wrapped twice

    def keys(text):
        p = XTermParser()
        out = []
        for ev in [*p.feed(text), *p.feed("")]:
            plain = unmerged(ev)
            out.append((ev.key, plain and (plain.key, plain.character)))
        return out

    assert keys("\x1bj") == [("alt+j", ("j", "j"))]
    assert keys("\x1bJ") == [("alt+shift+j", ("J", "J"))]
    assert keys("\x1b1") == [("alt+1", ("1", "1"))]
    assert keys("\x1b\r") == [("alt+enter", ("enter", "\r"))]
    assert keys("\x1b.") == [("alt+full_stop", ("full_stop", "."))]
    assert keys("\x1b]x") == [("alt+right_square_bracket", ("right_square_bracket", "]")), ("x", None)]
    assert keys("\x1b[1;3A") == [("alt+up", None)]
    assert keys("\x1b[A") == [("up", None)]
    assert keys("\x1b\x1b") == [("escape", None), ("escape", None)]
    assert keys("5") == [("5", None)]
