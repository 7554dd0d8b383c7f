"""Files on disk, safely: reading with a hard cap (never a FIFO or device), writing atomically (a
crash leaves the old file or the new one, never half of one), and a lock for compare-and-replace.
The one home of these for reports, annotations, settings and outputs."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def is_one_of(path: str | os.PathLike, paths) -> bool:
    """Is `path` (links and `..` resolved) one of `paths`? Outputs are never written onto an input."""
    real = os.path.realpath(path)
    return any(os.path.realpath(p) == real for p in paths)


class TooLarge(OSError):
    pass


class NotRegular(OSError):
    pass


def read_capped(path: str | os.PathLike, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` of them (TooLarge past it, whatever its size says:
    /dev/zero says 0). A FIFO, device or socket is never read (NotRegular): opening one without
    blocking and looking at what was opened leaves no moment to swap it in."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(errno.EINVAL, _kind(st.st_mode))
        if st.st_size > limit:
            raise TooLarge(errno.EFBIG, f"{st.st_size} bytes")
        chunks = []
        got = 0
        while True:
            try:  # a regular file's reads ignore O_NONBLOCK (Linux, macOS): no two fcntl calls a file
                chunk = os.read(fd, min(1 << 20, limit + 1 - got))
            except BlockingIOError:  # a file system that honours it after all: read it blocking
                os.set_blocking(fd, True)
                continue
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
            if got > limit:
                raise TooLarge(errno.EFBIG, f"over {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _umask() -> int:
    try:  # Linux says it without changing it
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def is_regular_or_new(path: str | os.PathLike) -> bool:
    """Whether an output at `path` is (or will be) a regular file, which is written beside and
    renamed over; a device, a FIFO or a terminal (`-o /dev/null`) is written straight to."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def write_output(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """An output the analyst named: atomically when it is a regular file, straight to a device.
    `data`: the bytes, or what writes them to a binary stream (a dataset too big to join first)."""
    if is_regular_or_new(path):
        write_atomic(path, data)
    else:
        with open(path, "wb") as f:
            _put(f, data)


def _put(f: BinaryIO, data: bytes | Callable[[BinaryIO], object]) -> None:
    if isinstance(data, (bytes, bytearray, memoryview)):
        f.write(data)
    else:
        data(f)


def write_atomic(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Write `data` (bytes, or what writes them to a binary stream) to `path` so that a crash
    leaves the old file or the new one. The new file keeps the mode of the one it replaces (a new
    one gets the umask's); temporaries are named `.<name>.<random>.tmp`."""
    folder = path.parent
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            _put(f, data)
            f.flush()
            try:
                os.fchmod(f.fileno(), mode)
            except (OSError, AttributeError):
                pass
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def clean_stale_temporaries(path: Path) -> int:
    """Remove the temporaries a killed save of `path` left (`.<name>.*.tmp`); call with the
    folder's lock held, when no other save of it can be writing one. Returns how many."""
    n = 0
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return 0
    for name in names:
        if name.startswith(prefix) and name.endswith(".tmp") and "/" not in name:
            try:
                os.unlink(path.parent / name)
                n += 1
            except OSError:
                pass
    return n


class FolderLock:
    """An exclusive lock on the annotation's folder (flock on the folder itself, or on a
    `.gik-tui.lock` file in it where a folder cannot be locked) for the few milliseconds of a
    compare-and-replace, so two windows or processes never both pass the "changed on disk?"
    check and overwrite each other. Where there is no flock (Windows), saves are not locked."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.fd: int | None = None

    def __enter__(self) -> "FolderLock":
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            return self
        for target, flags in ((self.folder, os.O_RDONLY), (self.folder / ".gik-tui.lock", os.O_RDWR | os.O_CREAT)):
            try:
                fd = os.open(target, flags, 0o666)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError:
                os.close(fd)
                continue
            self.fd = fd
            break
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock
            self.fd = None


class AtomicWriter:
    """An output file written beside its target and renamed over it at the end: an interrupted
    or failed run leaves the old file (or none), never a half-written or emptied one."""

    def __init__(self, path: str):
        self.path = path
        self.tmp = ""
        if not is_regular_or_new(path):  # /dev/null, a FIFO, a terminal: written straight, never replaced
            self.f = open(path, "wb")
            return
        folder = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
        try:  # a new file gets the umask's mode (as `export -o` and the annotations do), not mkstemp's 0600
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except OSError:
            mode = 0o666 & ~_umask()
        try:
            os.fchmod(fd, mode)
        except (OSError, AttributeError):
            pass
        self.f = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        self.f.write(data)

    def flush(self) -> None:
        self.f.flush()

    def fileno(self) -> int:
        return self.f.fileno()

    def close(self, ok: bool = True) -> None:
        self.f.close()
        if not self.tmp:
            return
        if ok:
            os.replace(self.tmp, self.path)
        else:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass


def merged_ranges(ranges: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Consecutive ranges of one file as one (a worker writes its reports one after another)."""
    out: list[tuple[str, int, int]] = []
    for path, off, n in ranges:
        if out and out[-1][0] == path and out[-1][1] + out[-1][2] == off:
            out[-1] = (path, out[-1][1], out[-1][2] + n)
        else:
            out.append((path, off, n))
    return out


def copy_ranges(ranges: list[tuple[str, int, int]], dst: int) -> None:
    """Copy the ranges, in order, to the descriptor `dst` (sendfile where the system has it, which
    copies in the kernel; else read and write)."""
    fds: dict[str, int] = {}
    try:
        for path, off, n in merged_ranges(ranges):
            src = fds.get(path)
            if src is None:
                src = fds[path] = os.open(path, os.O_RDONLY)
            while n > 0:
                try:
                    sent = os.sendfile(dst, src, off, min(n, 1 << 30))
                except (AttributeError, OSError):
                    data = os.pread(src, min(n, 1 << 24), off)
                    if not data:
                        raise OSError(f"{path}: the spooled rows ended early") from None
                    sent = 0
                    view = memoryview(data)
                    while view:
                        k = os.write(dst, view)
                        view, sent = view[k:], sent + k
                if sent == 0:
                    raise OSError(f"{path}: the spooled rows ended early")
                off, n = off + sent, n - sent
    finally:
        for fd in fds.values():
            os.close(fd)
