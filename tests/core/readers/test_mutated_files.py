"""Damaged legacy Word, Excel and OFD files: whatever bytes are broken, reading gives a Document or
one ReadError — never another exception — in bounded time, and the libraries underneath print
nothing (xlrd writes its warnings on stdout by default, where `extract` writes its records)."""

from __future__ import annotations

import random
import time
from pathlib import Path

from gik_tui.core.extract import extract
from gik_tui.core.readers import ReadError, read_bytes
from gik_tui.core.synth import make_report

DATA = Path(__file__).resolve().parents[2] / "data"


def test_mutated_files_fail_in_one_line_and_print_nothing(capfd):
    files = {"synth_2019.doc": (DATA / "doc" / "synth_2019.doc").read_bytes(),
             "synth_2021.wps": (DATA / "doc" / "synth_2021.wps").read_bytes(),
             "synth_2019.xls": (DATA / "workbooks" / "synth_2019.xls").read_bytes(),
             "x.xlsx": make_report(1, seed=3, template_id="gik-2019", layout="x", encoding="utf-8").render(),
             "o.ofd": make_report(1, seed=3, template_id="gik-2019", layout="o", encoding="utf-8").render()}
    rng = random.Random(11)
    outcomes = {"read": 0, "refused": 0}
    for name, data in files.items():
        for _ in range(40):
            b = bytearray(data)
            for _ in range(rng.choice([1, 4, 16, 64])):
                b[rng.randrange(len(b))] = rng.randrange(256)
            if rng.random() < 0.2:
                b = b[:rng.randrange(len(b))]
            start = time.monotonic()
            try:
                extract(read_bytes(bytes(b), name))
                outcomes["read"] += 1
            except ReadError as e:
                assert "\n" not in str(e) and name in str(e)
                outcomes["refused"] += 1
            assert time.monotonic() - start < 10, name
    assert outcomes["read"] and outcomes["refused"]
    out, err = capfd.readouterr()
    assert out == "" and err == ""
