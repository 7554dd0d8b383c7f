"""core/files.py: reading a report with a hard cap, never a FIFO or device."""

from __future__ import annotations

import os

import pytest

from gik_tui.core import files
from gik_tui.core.files import NotRegular, TooLarge, read_capped


def test_a_regular_file_is_read_whole_and_a_larger_one_refused(tmp_path):
    p = tmp_path / "r.txt"
    data = "政府信息公开\n".encode() * 50_000  # past one read's 1 MiB
    p.write_bytes(data)
    assert read_capped(p, len(data)) == data
    with pytest.raises(TooLarge):
        read_capped(p, len(data) - 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_never_read(tmp_path):
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    with pytest.raises(NotRegular):  # opened without blocking, then refused: no writer needed
        read_capped(p, 1000)


def test_a_file_system_that_honours_nonblocking_is_read_blocking(tmp_path, monkeypatch):
    """A read that says it would block (O_NONBLOCK honoured on a regular file) is tried again on
    a blocking descriptor: the bytes all come, none twice."""
    p = tmp_path / "r.txt"
    p.write_bytes(b"12345")
    real_read = os.read
    refused = []

    def read(fd, n):
        if os.get_blocking(fd) is False:
            refused.append(fd)
            raise BlockingIOError(11, "would block")
        return real_read(fd, n)

    monkeypatch.setattr(files.os, "read", read)
    assert read_capped(p, 100) == b"12345"
    assert len(refused) == 1
