"""The process pool's chunking (core/batch.py)."""

from hypothesis import given, strategies as st

from gik_tui.core.batch import chunks, ordered


@given(st.integers(0, 3000), st.integers(1, 64), st.integers(0, 8), st.integers(1, 8))
def test_chunks_keep_every_item_in_order_within_their_bounds(n, size, jobs, least):
    items = list(range(n))
    out = chunks(items, size, jobs, least)
    assert [x for c in out for x in c] == items
    assert all(c for c in out)
    assert all(len(c) <= max(size, least) for c in out)
    if not jobs:  # without jobs: plain chunks of `size`
        assert all(len(c) == size for c in out[:-1])
    elif out:  # shrinking, never below `least` except the last, never growing
        assert all(len(c) >= min(least, size) for c in out[:-1])
        assert all(a >= b for a, b in zip(map(len, out), map(len, out[1:])) if b >= least)


def test_chunks_shrink_towards_the_end():
    sizes = [len(c) for c in chunks(list(range(2000)), 50, 2, 4)]
    assert sizes[0] == 50 and sizes[-2] == 4 and sizes[-1] <= 4
    assert sum(1 for k in sizes if k == 50) == 25  # 50 while 800 or more are left (2 jobs × 8 × 50)
    assert sum(sizes) == 2000


def test_ordered_gives_results_in_input_order_in_processes():
    assert list(ordered(abs, [-3, 1, -2, 5, -8], 2, chunksize=1)) == [3, 1, 2, 5, 8]


def _slow(path: str) -> str:
    import time

    time.sleep(float(path))
    return path


def _limited_twice(path: str):
    from gik_tui.core.batch import limited

    return [limited(_slow, p) for p in ("0", path)]


def test_a_batch_worker_keeps_its_alarm_handler_and_the_limit_still_holds(monkeypatch):
    """In a batch worker the alarm handler is installed once (batch_worker) and every report is
    still given up past the limit; the next report after it runs as usual."""
    from gik_tui.core import batch

    monkeypatch.setenv("GIK_FILE_SECONDS", "0.05")
    with batch.context().Pool(1, initializer=batch.batch_worker) as pool:
        (fast, slow), = pool.map(_limited_twice, ["5"])
        again, = pool.map(_slow, ["0"])
    assert fast == ("ok", "0")
    assert slow == ("error", "5: took longer than 0.05 s to extract; skipped")
    assert again == "0"


def test_outside_a_worker_the_alarm_handler_is_put_back(monkeypatch):
    import signal

    from gik_tui.core.batch import limited

    mine = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        monkeypatch.setenv("GIK_FILE_SECONDS", "0.05")
        assert limited(_slow, "1") == ("error", "1: took longer than 0.05 s to extract; skipped")
        assert signal.getsignal(signal.SIGALRM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGALRM, mine)


def _ocr_threads(_: object) -> str | None:
    import os

    return os.environ.get("GIK_TUI_OCR_THREADS")


def test_a_batchs_workers_share_the_cores_among_their_ocr_engines(monkeypatch):
    """Each of `jobs` workers gives its OCR engine a share of the cores, not every core (two scans
    recognised side by side: 36 s with every core each, 27 s with one each) — never below one; a
    value the analyst set stands."""
    import os

    monkeypatch.delenv("GIK_TUI_OCR_THREADS", raising=False)
    cores = os.cpu_count() or 1
    assert set(ordered(_ocr_threads, [1, 2, 3, 4], 2, chunksize=1)) == {str(max(1, cores // 2))}
    assert set(ordered(_ocr_threads, [1, 2, 3], 3 * cores, chunksize=1)) == {"1"}
    assert set(ordered(_ocr_threads, [1, 2], 1, apart=True)) == {str(cores)}
    monkeypatch.setenv("GIK_TUI_OCR_THREADS", "3")
    assert set(ordered(_ocr_threads, [1, 2], 2, chunksize=1)) == {"3"}
    assert os.environ["GIK_TUI_OCR_THREADS"] == "3"  # (the parent's own environment untouched)
