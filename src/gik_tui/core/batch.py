"""The one process pool: a function over many reports in several processes, results in input
order. `extract`, `check` and `export` use it, and so does the queue's summarising.

Workers are forked where the platform can (the parent has imported what they need, so they start
at once and share it), spawned elsewhere. Past `jobs <= 1` or a single item, the work runs here, in
this process (unless `apart`). Leaving the loop early (an error, a cancelled queue) ends the pool.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def quiet_gc() -> None:
    """For workers that make many small objects and no reference cycles: the cyclic collector only
    costs time there (about a tenth of it); memory is still freed by reference counting."""
    import gc

    gc.disable()


def batch_worker() -> None:
    """The initializer of a batch's worker processes: no cyclic collector (quiet_gc), and the time
    limit's alarm handler installed once for the process's life, not around every report."""
    import signal

    quiet_gc()
    if hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, _on_alarm)


def share_cores(jobs: int) -> None:
    """In a process that is one of `jobs` working at once: the cores shared among them — the OCR
    engine's threads (readers/ocr.THREADS_ENV) a share each, not every core each (set before the
    engine is made, which reads it once)."""
    import os

    os.environ.setdefault("GIK_TUI_OCR_THREADS", str(max(1, (os.cpu_count() or 1) // max(1, jobs))))


def _worker(jobs: int, initializer: Callable[[], None] | None) -> None:
    share_cores(jobs)
    if initializer is not None:
        initializer()


def context():
    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def ordered(fn: Callable[[T], R], items: list[T], jobs: int, chunksize: int | None = None,
            initializer: Callable[[], None] | None = None, apart: bool = False) -> Iterator[R]:
    """fn(item) for each item, in the items' order, in `jobs` processes. `apart`: in worker
    processes even for one job (the app: the work must not hold the interpreter its screen needs)."""
    if not apart and (jobs <= 1 or len(items) < 2):
        yield from map(fn, items)
        return
    if chunksize is None:
        chunksize = max(1, min(64, len(items) // (jobs * 8) or 1))
    pool = context().Pool(jobs, initializer=_worker, initargs=(jobs, initializer))
    try:
        yield from pool.imap(fn, items, chunksize=chunksize)
    finally:
        pool.terminate()


def chunks(items: list[T], size: int, jobs: int = 0, least: int = 1) -> Iterable[list[T]]:
    """The items in consecutive chunks of `size`; given `jobs`, shrinking towards the end (never
    below `least`: each at most an eighth of what is left per process) so that the processes
    finish together. A last chunk of 50 reports for one process left the other idle for a tenth of
    a second at the end of a 3-second run (benchmarks/extract_speed.py)."""
    out = []
    i, n = 0, len(items)
    while i < n:
        k = max(least, min(size, (n - i) // (jobs * 8))) if jobs else size
        out.append(items[i:i + k])
        i += k
    return out


FILE_SECONDS = 60.0  # the most one report (or one recognised page of a scan) may take in a batch (GIK_FILE_SECONDS)


class TookTooLong(Exception):
    pass


def _on_alarm(signum, frame):
    raise TookTooLong


def limited(fn: Callable[[str], R], path: str, what: str = "extract") -> tuple[str, R | str]:
    """fn(path) for one report of a batch: ("ok", result) or ("error", one line naming the file).
    A report that takes longer than FILE_SECONDS is given up (POSIX: a timer in the process, so
    only in a main thread) and said; one bad report never stops a run of thousands."""
    import os
    import signal
    import threading

    from .readers import ReadError

    from .readers import ocr

    limit = float(os.environ.get("GIK_FILE_SECONDS", FILE_SECONDS))
    timed = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    # a batch worker keeps the handler (batch_worker); anywhere else it is put back afterwards
    own = timed and signal.getsignal(signal.SIGALRM) is _on_alarm
    old = signal.signal(signal.SIGALRM, _on_alarm) if timed and not own else None

    def next_page(source: str, page: int, pages: int) -> None:
        if page > 1:  # a scan is recognised for seconds a page: the limit is a page's, each page
            signal.setitimer(signal.ITIMER_REAL, limit)

    try:
        try:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, limit)
                with ocr.reporting(next_page):
                    return "ok", fn(path)
            return "ok", fn(path)
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except TookTooLong:
        return "error", f"{path}: took longer than {limit:g} s to {what}; skipped"
    except ReadError as e:
        return "error", str(e)
    except RecursionError:
        return "error", f"{path}: too deeply nested to read"
    except MemoryError:
        return "error", f"{path}: too large to read in memory"
    except Exception as e:  # noqa: BLE001 - one bad report must not stop a run of thousands
        return "error", f"{path}: could not be {what}ed ({type(e).__name__}: {e})"
    finally:
        if timed and not own:
            signal.signal(signal.SIGALRM, old)


# ------------------------------------------------------------------ `extract` over many reports
def _serialised(path: str, how) -> tuple[str, bytes | str]:
    """One report extracted (within the time limit) and written as `how` writes it: ("ok", bytes)
    or ("error", its one-line reason)."""
    from .extract import extract_path

    status, res = limited(extract_path, path)
    if status != "ok":
        return status, res  # type: ignore[return-value]
    try:
        return status, how(res)
    except Exception as e:  # noqa: BLE001 - said for this report, the others go on
        return "error", f"{path}: could not be written ({type(e).__name__}: {e})"


def _records_of(task: tuple[list[str], str, str | None]) -> tuple[str | bytes, list[str], int]:
    """A chunk of reports extracted and written in `fmt`; the records go to a temporary file in
    `tmpdir` (or come back as bytes when there is none), so the parent only copies bytes in order."""
    from .serialize import csv_rows, csv_text, to_json_bytes

    files, fmt, tmpdir = task
    errors: list[str] = []
    sep = b"" if fmt == "csv" else (b",\n" if fmt == "json" else b"\n")

    def records() -> Iterator[bytes]:
        for path in files:
            if fmt == "csv":
                status, res = _serialised(path, lambda ex: csv_text(csv_rows(ex)).encode("utf-8"))
            else:
                status, res = _serialised(path, to_json_bytes)
            if status == "ok":
                yield res  # type: ignore[misc]
            else:
                errors.append(res)  # type: ignore[arg-type]

    if tmpdir is None:
        done = list(records())
        return sep.join(done) + (b"\n" if fmt == "jsonl" and done else b""), errors, len(done)
    import tempfile

    # each record written as it is made: a chunk's records held until its end (megabytes) cost
    # the worker a tenth of its time (benchmarks/extract_speed.py)
    fd, name = tempfile.mkstemp(dir=tmpdir, suffix=".part")
    n = 0
    with open(fd, "wb") as f:
        for data in records():
            if n:
                f.write(sep)
            f.write(data)
            n += 1
        if fmt == "jsonl" and n:
            f.write(b"\n")
    return name, errors, n


class Spooled:
    """A chunk's records as a worker wrote them to a file: copied to the output by the kernel
    (files.copy_ranges), never read into the parent, which would cost it a tenth of the CPU that
    the workers need (a report's JSON is 70 KB)."""

    __slots__ = ("path", "size")

    def __init__(self, path: str, size: int):
        self.path, self.size = path, size

    def write_to(self, out) -> None:
        """Append the records to the binary stream `out` (a file, standard output, a pipe)."""
        from .files import copy_ranges

        try:
            fd = out.fileno()
        except (AttributeError, OSError, ValueError):  # a stream in memory
            fd = None
        if fd is None:
            with open(self.path, "rb") as f:
                out.write(f.read())
            return
        out.flush()
        copy_ranges([(self.path, 0, self.size)], fd)


def write_records(out, data: bytes | Spooled) -> None:
    """Append one chunk of `extracted_records` to the binary stream `out`."""
    if isinstance(data, Spooled):
        data.write_to(out)
    else:
        out.write(data)


def extracted_records(files: list[str], fmt: str, jobs: int) -> Iterator[tuple[bytes | Spooled, list[str], int]]:
    """`extract`'s output for many reports: (records written in `fmt` — json, jsonl or csv rows —,
    one-line errors, how many records) per chunk of reports, in input order, in `jobs` processes.
    With several jobs the records come as a `Spooled` file, valid until the next chunk is asked
    for: write each with `write_records`."""
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield _records_of(([f], fmt, None))  # type: ignore[misc]
        return
    import os
    import shutil
    import tempfile

    # the engine imported once, here: forked workers share it. What only some files need (the
    # HTML reader, charset-normalizer for legacy encodings) is imported by the workers that meet
    # such a file, both at once: no later than here, and not at all for a folder without any
    from . import extract as _extract, serialize as _serialize  # noqa: F401

    size = max(1, min(50, len(files) // (jobs * 4) or 1))
    tmpdir = tempfile.mkdtemp(prefix="gik-tui-")
    try:
        for name, errors, n in ordered(_records_of, [(c, fmt, tmpdir) for c in chunks(files, size, jobs, 4)], jobs,
                                       chunksize=1, initializer=batch_worker):
            yield Spooled(name, os.path.getsize(name)), errors, n  # type: ignore[arg-type]
            os.unlink(name)  # type: ignore[arg-type]
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
