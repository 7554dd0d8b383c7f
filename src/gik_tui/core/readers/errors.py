"""The one error of reading: a file that is not a readable report, said in one line."""

from __future__ import annotations


class ReadError(Exception):
    """A report that cannot be read; str() is one line naming the file and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
