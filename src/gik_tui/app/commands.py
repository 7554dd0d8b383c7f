"""The command palette offers every action of the current screen (from its key bindings)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActions(Provider):
    def _actions(self):
        seen = set()
        for binding in self.screen.BINDINGS:
            b = binding
            if not b.description or b.action in seen:
                continue
            seen.add(b.action)
            key = b.key_display or b.key
            yield f"{b.description}  ({key})", b.action

    async def discover(self) -> Hits:
        for title, action in self._actions():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help="gik-tui action")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action in self._actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.screen.run_action, action), help="gik-tui action")
