"""core/cache.py: the extraction cache — a hit is what extracting again would give, a changed file,
engine or template is a miss, and a damaged, foreign, shared or unwritable cache never costs a
result."""

from __future__ import annotations

import multiprocessing as mp
import os
import pickle
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from gik_tui.cli import main
from gik_tui.core import cache, extract as extract_module
from gik_tui.core.open_report import OpenReport
from gik_tui.core.queue import summarize
from gik_tui.core.workspace import Workspace

from ..conftest import SAMPLES


@pytest.fixture
def on(tmp_path, monkeypatch):
    """The cache turned on, in a folder of the test's own."""
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache._default.clear()
    yield tmp_path / "cache"
    cache._default.clear()


@pytest.fixture
def reports(tmp_path):
    d = tmp_path / "reports"
    d.mkdir()
    for name in ("2019_lusong.txt", "2020_huaiyin.txt"):
        shutil.copy(SAMPLES / name, d / name)
    return d


def no_extracting(monkeypatch):
    """Extracting from now on fails the test: what follows must come from the cache."""
    def boom(*a, **k):
        raise AssertionError("extracted again")

    monkeypatch.setattr(extract_module, "extract", boom)
    import gik_tui.core.open_report as o

    monkeypatch.setattr(o, "extract", boom)


def test_a_folder_opened_again_is_summarised_from_the_cache(on, reports, monkeypatch):
    ws = Workspace.at(str(reports))
    first = {s.path: s for s in ws.summarize()}
    no_extracting(monkeypatch)
    again = {s.path: s for s in Workspace.at(str(reports)).summarize()}
    assert again == first and len(again) == 2
    lusong = again[str(reports / "2019_lusong.txt")]
    assert (lusong.agency, lusong.year, lusong.cells, lusong.pending) == ("株洲市芦淞区人民政府", 2019, 58, 37)


def test_an_opened_report_comes_from_the_cache_and_reads_its_text_only_when_asked(on, reports, monkeypatch):
    path = str(reports / "2020_huaiyin.txt")
    before = OpenReport.open(path)
    no_extracting(monkeypatch)
    opened = OpenReport.open(path)
    assert opened._doc is None and opened.ex.cells == before.ex.cells and opened.ex.checks == before.ex.checks
    assert opened.ex.splits.keys() == before.ex.splits.keys()
    assert "二、主动公开政府信息情况" in opened.doc.text  # read now, for the source view


def test_a_changed_file_is_extracted_again(on, reports, monkeypatch):
    path = reports / "2020_huaiyin.txt"
    summarize(str(path))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("| 17 | 1 | 0 | 0 | 0 | 0 | 18 |", "| 16 | 1 | 0 | 0 | 0 | 0 | 17 |"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even with an old time: the size or the time differs, so it is hashed again
    calls = []
    real = extract_module.extract
    import gik_tui.core.open_report as o

    monkeypatch.setattr(o, "extract", lambda *a, **k: calls.append(1) or real(*a, **k))
    s = summarize(str(path))
    assert calls and s.requests == 17


def test_a_new_engine_or_a_changed_template_is_a_miss(on, reports, monkeypatch, tmp_path):
    path = str(reports / "2020_huaiyin.txt")
    summarize(path)
    assert summarize(path) == summarize(path)
    calls = []
    real = extract_module.extract
    import gik_tui.core.open_report as o

    monkeypatch.setattr(o, "extract", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(cache, "engine_key", lambda: "another engine")
    cache._default.clear()
    summarize(path)
    assert len(calls) == 1
    extra = tmp_path / "templates"
    extra.mkdir()
    (extra / "gik-extra.toml").write_text(
        (SAMPLES.parent / "src" / "gik_tui" / "core" / "templates" / "legacy.toml").read_text(encoding="utf-8"),
        encoding="utf-8")
    monkeypatch.setenv("GIK_TUI_TEMPLATES", str(extra))
    cache._default.clear()
    summarize(path)
    assert len(calls) == 2


@pytest.mark.parametrize("content", [b"not a database at all" * 100, "sqlite"])
def test_a_damaged_or_foreign_cache_is_set_aside_and_a_new_one_started(on, reports, content):
    on.mkdir(parents=True)
    db = on / cache.DB_NAME
    if content == "sqlite":
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE photos (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        db.write_bytes(content)
    s = summarize(str(reports / "2020_huaiyin.txt"))
    assert s.cells == 198
    store = cache.default()
    assert store is not None and any("set aside" in n for n in store.notes)
    assert [p.name for p in on.iterdir() if ".damaged-" in p.name]
    assert store.size()[0] == 2  # the new cache holds the report's extraction and its line


def test_a_cache_folder_that_cannot_be_made_means_no_cache_said_once(tmp_path, monkeypatch, reports):
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    cache._default.clear()
    s = summarize(str(reports / "2020_huaiyin.txt"))
    assert s.cells == 198
    store = cache._default[(str(blocker / "cache"),)]
    assert store.off and len(store.notes) == 1 and "working without a cache" in store.notes[0]
    cache._default.clear()


def test_an_entry_that_would_run_code_is_a_miss(on, reports):
    path = str(reports / "2020_huaiyin.txt")
    summarize(path)
    store = cache.default()

    class Evil:
        def __reduce__(self):
            return (os.system, ("touch pwned",))

    store._db().execute("UPDATE entries SET data = ?", (pickle.dumps(Evil()),))
    s = summarize(path)
    assert s.cells == 198 and not os.path.exists("pwned")


def _writer(folder: str, who: int, q) -> None:
    os.environ[cache.CACHE_ENV] = folder
    os.environ.pop(cache.OFF_ENV, None)
    store = cache.Cache(cache.Path(folder))
    for i in range(150):
        store.put("test", f"{who}-{i}", {"who": who, "i": i})
    q.put(store.notes)


def test_two_processes_writing_at_once_lose_nothing(on):
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(on), who, q)) for who in (1, 2)]
    for p in procs:
        p.start()
    notes = [q.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert notes == [[], []]
    store = cache.Cache(on)
    assert store.size()[0] == 300
    assert store.get("test", "2-149") == {"who": 2, "i": 149} and store.get("test", "1-0") == {"who": 1, "i": 0}


def _opener(folder: str, barrier, q) -> None:
    barrier.wait()
    store = cache.Cache(cache.Path(folder))
    store.put("test", str(os.getpid()), 1)
    q.put(store.notes)


def test_windows_opening_a_new_cache_at_once_keep_it(tmp_path):
    """Four processes open a cache folder with no database yet at the same moment, forty times
    over: the tables are made once, by one of them, and every entry is kept. (Before: one opener
    could find another's half-made database, take it for another program's and set it aside with
    what had been written — 2 rounds in 30.)"""
    ctx = mp.get_context("fork")
    for k in range(40):
        folder = tmp_path / str(k)
        barrier, q = ctx.Barrier(4), ctx.Queue()
        procs = [ctx.Process(target=_opener, args=(str(folder), barrier, q)) for _ in range(4)]
        for p in procs:
            p.start()
        notes = [q.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert notes == [[]] * 4
        assert cache.Cache(folder).size()[0] == 4
        assert not [f for f in os.listdir(folder) if "damaged" in f]


def test_the_cache_command_says_its_size_and_clears_it(on, reports):
    runner = CliRunner()
    r = runner.invoke(main, ["status", str(reports)])
    assert r.exit_code == 0
    r = runner.invoke(main, ["cache"])
    assert r.exit_code == 0 and "4 entries" in r.output and str(on) in r.output
    r = runner.invoke(main, ["cache", "--clear"])
    assert r.exit_code == 0 and "0 entries" in r.output


def test_no_cache_keeps_nothing(on, reports, monkeypatch):
    r = CliRunner().invoke(main, ["status", "--no-cache", str(reports)])
    assert r.exit_code == 0
    monkeypatch.delenv(cache.OFF_ENV, raising=False)  # --no-cache set it for the run
    cache._default.clear()
    assert cache.Cache(on).size()[0] == 0


def test_a_copy_elsewhere_says_its_own_path(on, reports, tmp_path):
    first = OpenReport.open(str(reports / "2020_huaiyin.txt"))
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(reports / "2020_huaiyin.txt", other / "2020_huaiyin.txt")
    again = OpenReport.open(str(other / "2020_huaiyin.txt"))
    assert again.ex.source == str(other / "2020_huaiyin.txt") and again.ex.cells == first.ex.cells


def test_a_damaged_cache_is_said_once_by_the_command(on, reports):
    on.mkdir(parents=True)
    (on / cache.DB_NAME).write_bytes(b"garbage" * 100)
    r = CliRunner().invoke(main, ["check", str(reports)])
    assert r.exit_code in (0, 1) and "Traceback" not in r.output
    said = [line for line in r.stderr.splitlines() if "set aside" in line]
    assert len(said) == 1 and cache.DB_NAME in said[0]


def test_the_queue_fills_from_the_cache_and_extracts_only_what_changed(on, reports, monkeypatch):
    list(Workspace.at(str(reports)).summarize())
    changed = reports / "2019_lusong.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    extracted = []
    real = extract_module.extract
    import gik_tui.core.open_report as o

    monkeypatch.setattr(o, "extract", lambda doc, *a, **k: extracted.append(doc.source) or real(doc, *a, **k))
    got = list(Workspace.at(str(reports)).summarize(jobs=1))
    assert [os.path.basename(p) for p in extracted] == ["2019_lusong.txt"]
    # the unchanged report came first, from the cache, before the changed one was read
    assert [os.path.basename(s.path) for s in got] == ["2020_huaiyin.txt", "2019_lusong.txt"]


def test_an_annotated_report_is_summarised_with_its_annotation_applied_fresh(on, reports):
    from gik_tui.core.annotations import Annotation, CellEdit, annotation_path, to_toml

    path = reports / "2020_huaiyin.txt"
    before = summarize(str(path))
    key = ("requests", ("本年新收政府信息公开申请数量",), ("自然人",))
    ann = Annotation(source=path.name, sha256="", template="gik-2019", status="done", annotator="t",
                     cells=(CellEdit(*key, 99, 17, "t", "2026-12-04T00:00:00+00:00"),))
    annotation_path(path).write_text(to_toml(ann), encoding="utf-8")
    after = summarize(str(path))
    assert before.status == "new" and after.status == "done" and after.failing > before.failing and after.annotator == "t"


def test_every_kind_of_cached_data_comes_back_equal(samples):
    """Cell, CellRef, CheckResult and SectionMatch pickle as their fields: a field added to one of
    them and not to its __reduce__ would come back wrong (compared field by field)."""
    import dataclasses

    from gik_tui.core.extract import extract_path

    for name in ("2019_lusong.txt", "2018_dongsheng.txt"):
        ex = extract_path(samples / name)
        back = cache._loads(pickle.dumps(ex, protocol=5))
        for f in dataclasses.fields(ex):
            assert getattr(back, f.name) == getattr(ex, f.name), f.name
        for c, d in zip(ex.cells + ex.sections + ex.checks, back.cells + back.sections + back.checks):
            assert all(getattr(c, f.name) == getattr(d, f.name) for f in dataclasses.fields(c))


def test_an_extraction_comes_back_whole_or_lean_and_a_stored_one_equal(on, reports, monkeypatch):
    """An extraction is stored with its equal addresses shared and its checks apart: read back it
    equals what was extracted, field by field; `lean` (export's cells) leaves its own checks
    unread, as None, never as an empty list that would read as clean."""
    import dataclasses

    path = str(reports / "2020_huaiyin.txt")
    first = OpenReport.open(path)
    no_extracting(monkeypatch)
    whole, lean = OpenReport.open(path), OpenReport.open(path, lean=True)
    for f in dataclasses.fields(first.extraction):
        assert getattr(whole.extraction, f.name) == getattr(first.extraction, f.name), f.name
        if f.name != "checks":
            assert getattr(lean.extraction, f.name) == getattr(first.extraction, f.name), f.name
    assert lean.extraction.checks is None and len(whole.extraction.checks) == len(first.extraction.checks) > 20
    assert [c.state for c in lean.review.checks()] == [c.state for c in whole.review.checks()]


def test_a_stored_extraction_in_another_shape_is_a_miss(on, reports):
    path = str(reports / "2020_huaiyin.txt")
    before = OpenReport.open(path)
    store = cache.default()
    store._db().execute("UPDATE entries SET data = ? WHERE kind = 'extraction'", (pickle.dumps(before.extraction),))
    again = OpenReport.open(path)
    assert again.extraction.checks == before.extraction.checks  # extracted again, whole
