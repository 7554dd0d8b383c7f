"""Annotations survive faults: a saving process killed (SIGKILL) at random moments leaves a file
that parses and is either the old or the new version, every time."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from gik_tui.core.annotations import Annotation, CellEdit, load, save

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
