from __future__ import annotations

from gik_tui.app.app import GikApp
from gik_tui.app.screens.report import ReportScreen
from gik_tui.app.widgets.source_view import SourceView
from gik_tui.app.widgets.template_table import TemplateTable


async def ready(app: GikApp, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    if isinstance(app.screen, ReportScreen):
        await settled(app, pilot)


async def settled(app: GikApp, pilot) -> None:
    """Until the report screen has put the cursor on its first cell (after its tables are built)."""
    for _ in range(50):
        if isinstance(app.focused, TemplateTable) and app.screen.status_line.text.plain:
            return
        await pilot.pause()


async def open_row(app: GikApp, pilot, name: str) -> ReportScreen:
    table = app.screen.query_one("#queue-table")
    keys = [str(k.value) for k in table.rows]
    row = next(i for i, k in enumerate(keys) if k.endswith(name))
    table.move_cursor(row=row)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, ReportScreen)
    await settled(app, pilot)
    return app.screen


def status(screen) -> str:
    return screen.query_one("#status").text.plain


def source(screen) -> SourceView:
    return screen.query_one(SourceView)
