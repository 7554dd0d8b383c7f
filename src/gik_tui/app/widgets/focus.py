"""Focus that survives keys sent in a burst.

Two of Textual's focus messages can arrive after the keys that made them are out of date:

- A TabPane tells its TabbedContent "a widget in me was focused" by a message, and the TabbedContent
  then makes that pane the active one. With `t` `T` in one burst the messages of both switches
  arrive after both keys, and the first one switched the tabs back to the Sections pane behind
  the analyst's back. `TabbedPanes` ignores such a message when the focus is no longer in that pane.
- Textual blurs a focused widget when its Hide event arrives, and the event is a message: it can
arrive late. With `t` `T` sent in one burst (a tab away and straight back), the Tables tab is shown
again and its table focused before the table's Hide from the first `t` is handled; handling it then
moves the focus to another widget, and the keys after it act there. `KeepsFocusWhenShown` ignores
a Hide that arrives when the widget is displayed again (itself and every ancestor), so the focus
stays where the keys put it; a Hide that arrives while it is still hidden blurs it as before.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane


def displayed(widget: Widget) -> bool:
    """The widget and each of its ancestors are displayed now (not as of the last screen update)."""
    node = widget
    while isinstance(node, Widget) and not node.is_dom_root:
        if not node.display:
            return False
        node = node.parent  # type: ignore[assignment]
    return True


class KeepsFocusWhenShown:
    """A mixin, before the widget class in the bases: a stale Hide does not take the focus away."""

    def on_hide(self, event: events.Hide) -> None:
        if displayed(self):  # type: ignore[arg-type]
            event.prevent_default()  # shown again since: the widget classes' own Hide handlers would blur it


class TabbedPanes(TabbedContent):
    """A TabbedContent that a late "focused in this pane" message does not switch back."""

    def on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        focused = self.screen.focused
        if focused is None or event.tab_pane not in focused.ancestors:
            event.stop()
            event.prevent_default()  # stale: the focus has moved to another pane since
