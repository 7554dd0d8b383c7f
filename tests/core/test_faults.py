"""Annotations survive faults: a saving process killed (SIGKILL) at random moments leaves a file
that parses and is either the old or the new version, every time."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from gik_tui.core.annotations import Annotation, CellEdit, load
from ..annotate import save

KILLS = int(os.environ.get("GIK_KILLS", "200"))  # more by hand: GIK_KILLS=5000


def _version(n: int) -> Annotation:
    cells = tuple(CellEdit("requests", ("本年度办理结果", "予以公开"), (f"列{i}",), n, None) for i in range(200))
    return Annotation(source="r.txt", sha256="ab" * 32, template="gik-2019", status="in progress",
                      note=f"version {n} " + "备注" * 500, cells=cells)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_during_saves_leaves_old_or_new(tmp_path):
    path = tmp_path / "r.gik.toml"
    old, new = _version(1), _version(2)
    save(path, old)
    rng = random.Random(7)
    seen = {"old": 0, "new": 0}
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:  # the child saves the new version, then the old, over and over
            try:
                while True:
                    save(path, new)
                    save(path, old)
            finally:
                os._exit(0)
        # the fault: a kill at a random moment (this delay is the fault model, not a wait for a result)
        time.sleep(rng.uniform(0, 0.04))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        got = load(path)
        assert got in (old, new)
        seen["old" if got == old else "new"] += 1
    assert seen["old"] and seen["new"]  # the kills did land in both halves of the loop
    leftovers = [p for p in os.listdir(tmp_path) if p != "r.gik.toml"]
    assert all(p.endswith(".tmp") for p in leftovers)  # a killed save may leave its temporary file, never a torn one
    from gik_tui.core.annotations import AnnotationFile

    f = AnnotationFile(path, "r.txt")
    f.load()
    f.save(old)  # the next save cleans what the killed ones left
    assert os.listdir(tmp_path) == ["r.gik.toml"]


SAVERS = 4
SAVES = int(os.environ.get("GIK_SAVES", "500"))  # per process; 4 × 500 = 2,000 saves in CI


def _counter_saver(path: str, me: int, saves: int, queue) -> None:
    """Increment this process's counter in the annotation `saves` times, the way a window does:
    load, change, save; on a conflict load again and redo the change."""
    import json

    from gik_tui.core.annotations import AnnotationFile, ConflictError

    done = conflicts = 0
    while done < saves:
        f = AnnotationFile(path, "r.txt")
        a = f.load()
        counts = json.loads(a.note)
        counts[str(me)] += 1
        try:
            f.save(Annotation(source="r.txt", sha256="", template="gik-2019", note=json.dumps(counts)))
        except ConflictError:
            conflicts += 1
            continue
        done += 1
    queue.put(conflicts)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_concurrent_saves_never_lose_an_update(tmp_path):
    """Four processes save the same annotation thousands of times at once. The "changed on disk?"
    check and the replace are one step (under the folder's lock), so every save either lands on
    the version it read or is refused as a conflict: no increment is ever lost."""
    import json
    import multiprocessing as mp

    path = tmp_path / "r.txt.gik.toml"
    save(path, Annotation(source="r.txt", sha256="", template="gik-2019",
                          note=json.dumps({str(i): 0 for i in range(SAVERS)})))
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_counter_saver, args=(str(path), i, SAVES, queue)) for i in range(SAVERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
        assert p.exitcode == 0
    conflicts = sum(queue.get(timeout=10) for _ in procs)
    assert json.loads(load(path).note) == {str(i): SAVES for i in range(SAVERS)}
    assert conflicts > 0  # they did collide, and each collision was caught
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
