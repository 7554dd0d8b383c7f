from __future__ import annotations

from contextlib import asynccontextmanager

from gik_tui.app.app import GikApp
from gik_tui.app.report import ReportScreen
from gik_tui.app.widgets.source_view import SourceView
from gik_tui.app.widgets.template_table import TemplateTable


async def ready(app: GikApp, pilot) -> None:
    """The folder searched and every report summarised (the search starts the summarising)."""
    for _ in range(20):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers) and app.workspace.scanned:
            break
    if isinstance(app.screen, ReportScreen):
        await settled(app, pilot)


async def settled(app: GikApp, pilot) -> None:
    """Until the report screen has put the cursor on its first cell (after its tables are built)."""
    for _ in range(50):
        if isinstance(app.focused, TemplateTable) and app.screen.status_line.text.plain:
            return
        await pilot.pause()
    raise AssertionError(f"the report screen never settled: focus on {app.focused!r}, "
                         f"status {app.screen.status_line.text.plain!r}")


async def open_row(app: GikApp, pilot, name: str) -> ReportScreen:
    table = app.screen.query_one("#queue-table")
    keys = [str(r.key.value) for r in table.ordered_rows]
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


def disk_full(monkeypatch, folder=None) -> None:
    """Saving annotations fails as on a full disk (in `folder`, or everywhere)."""
    import gik_tui.core.annotations as annotations

    real = annotations.write_atomic

    def full(path, data):
        if folder is None or path.parent == folder:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(annotations, "write_atomic", full)


@asynccontextmanager
async def report_open(reports, ann_dir, name: str, size=(160, 48), settings=None):
    """The app on a folder of reports with `name` open: (app, pilot, report screen); `settings`:
    the app's (default: the test's settings file)."""
    app = GikApp(str(reports), annotations=str(ann_dir), settings=settings)
    async with app.run_test(size=size) as pilot:
        await ready(app, pilot)
        screen = await open_row(app, pilot, name)
        yield app, pilot, screen


def heading_row(screen, line: int) -> int:
    """The Sections tab's row of the (first) heading on a 1-based line of the report."""
    return next(i for i, s in enumerate(screen.ex.sections) if s.line == line)


def qrow(table, path) -> dict[str, str]:
    """A queue row's cells by column key (file, status, failing, low, cells, headings, agency,
    year, template, saved)."""
    return dict(zip([k.value for k in table.columns], [c.plain for c in table.get_row(str(path))]))
