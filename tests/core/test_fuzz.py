"""Random and mutated reports never break the extractor: it returns a result, with no exception,
in bounded time. 2,000 examples in CI; more by hand with GIK_FUZZ_EXAMPLES=50000."""

from __future__ import annotations

import os
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from gik_tui.core.extract import extract
from gik_tui.core.readers import ReadError, read_bytes

SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[2] / "sample_reports").glob("*.txt"))]
EXAMPLES = int(os.environ.get("GIK_FUZZ_EXAMPLES", "2000"))


@st.composite
def mutated(draw):
    lines = draw(st.sampled_from(SAMPLES)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["shuffle", "cut", "dup", "swap", "junk", "split", "join"]))
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        if op == "shuffle":
            seg = lines[min(i, j):max(i, j) + 1]
            draw(st.randoms(use_true_random=False)).shuffle(seg)
            lines[min(i, j):max(i, j) + 1] = seg
        elif op == "cut":
            del lines[min(i, j):max(i, j) + 1]
        elif op == "dup":
            lines[i:i] = lines[min(i, j):max(i, j) + 1]
        elif op == "swap":
            cells = lines[i].split("|")
            if len(cells) > 2:
                a, b = draw(st.integers(0, len(cells) - 1)), draw(st.integers(0, len(cells) - 1))
                cells[a], cells[b] = cells[b], cells[a]
                lines[i] = "|".join(cells)
            else:
                lines[i], lines[j] = lines[j], lines[i]
        elif op == "junk":
            lines.insert(i, draw(st.text(max_size=60)))
        elif op == "split":
            k = draw(st.integers(0, len(lines[i])))
            lines[i:i + 1] = [lines[i][:k], lines[i][k:]]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + draw(st.sampled_from(["", " | ", "\t", "  "])) + lines[i + 1]]
    return "\n".join(lines)


def _extract_timed(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    t = time.perf_counter()
    try:
        ex = extract(read_bytes(data, "fuzz.txt"))
    except ReadError:
        return
    dt = time.perf_counter() - t
    assert ex.template in ("gik-2019", "gik-2021", "legacy")
    for c in ex.cells:
        assert c.value is None or isinstance(c.value, (int, float))
    assert dt < 5


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_mutated_reports(text):
    _extract_timed(text)


@settings(max_examples=max(200, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=2000))
def test_random_text(text):
    _extract_timed(text)


@settings(max_examples=max(200, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=4000))
def test_random_bytes(data):
    try:
        extract(read_bytes(data, "fuzz.bin"))
    except ReadError as e:
        assert str(e).startswith("fuzz.bin: ") and "\n" not in str(e)
