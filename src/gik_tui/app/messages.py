"""The messages the app and its screens send each other, in one place.

The app and its screens call none of each other's methods: they post these. A screen asks the app
to open a report (`OpenReport`); the app tells the report screen to load one, to quit or to ask
where to save (`LoadReport`, `QuitAsked`, `SaveAsAsked`); the report screen tells the app what
happened (`ReportShown`, `ReportSettled`, `OpenNext`, `ReportClosed`, `QuitWouldLose`). A report's
queue line is not a message: the report screen hands it to the workspace, its one writer, which
tells the queue (core/workspace.py `Workspace.watch`).

Each is a dataclass: its fields are what it carries.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


# ------------------------------------------------------------------ to the app
@dataclass
class OpenReport(Message):
    """Open this report in the report screen (the queue's enter, the agency view, the palette).
    `agency`: opened from that agency's view, which `escape` from the report returns to."""

    path: str
    agency: str | None = None


@dataclass
class ReportShown(Message):
    """The report screen has a report loaded: bring it forward."""


@dataclass
class ReportSettled(Message):
    """The report screen is ready for keys (the cursor is on the report's first value, or the
    report asked for could not be opened and nothing changed): keys held meanwhile can go."""


@dataclass
class OpenNext(Message):
    """Open the report after (step 1) or before (-1) `path` in the queue's order."""

    path: str
    step: int = 1
    only_not_done: bool = False


@dataclass
class ReportClosed(Message):
    """Back to the queue; `summary`: the report's queue line (None when none was open)."""

    summary: object = None


@dataclass
class QuitWouldLose(Message):
    """Quitting now would lose edits that could not be saved; `conflict`: because the annotation
    changed on disk meanwhile (a merge would save them)."""

    conflict: bool = False


# ------------------------------------------------------------------ to the report screen
@dataclass
class LoadReport(Message, bubble=False):
    """Save the report on screen (if any), then load this one and show it."""

    path: str


@dataclass
class QuitAsked(Message, bubble=False):
    """The analyst wants to quit: save first."""


@dataclass
class SaveAsAsked(Message, bubble=False):
    """Ask where to save the annotations (the usual place cannot be written)."""


@dataclass
class MergeAsked(Message, bubble=False):
    """Merge the open report's edits with its annotation changed on disk, and quit if it worked."""

    then_quit: bool = False
