"""Take the README's screenshots: the queue, the report screen and the overview, as SVG.

    python docs/screenshots.py        (writes docs/queue.svg, docs/report.svg, docs/overview.svg)
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs"


async def main() -> None:
    os.environ.setdefault("GIK_TUI_CONFIG", tempfile.mkdtemp(prefix="gik-docs-"))
    from gik_tui.app.app import GikApp
    from gik_tui.core.settings import Settings

    os.chdir(ROOT)
    with tempfile.TemporaryDirectory() as ann:
        app = GikApp("sample_reports", annotations=ann, theme_name="gik-dark", settings=Settings())
        async with app.run_test(size=(160, 48)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot("queue.svg", str(OUT))
            await pilot.press("down", "enter")
            for _ in range(6):
                await pilot.pause()
            await pilot.press("j", "j", "j")
            await pilot.pause()
            app.save_screenshot("report.svg", str(OUT))
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
            app.save_screenshot("overview.svg", str(OUT))
    for name in ("queue.svg", "report.svg", "overview.svg"):
        print(OUT / name)


if __name__ == "__main__":
    asyncio.run(main())
