"""The extraction cache: what one file alone gives, kept so that a folder opened again is triaged
at once and `check`, `export` and the app do not extract an unchanged report twice.

- One SQLite database in the user's cache folder (platformdirs; `GIK_TUI_CACHE` names another),
  `extractions.sqlite3`. WAL mode and a busy timeout: two windows, or a window and a CLI run, read
  and write it at once; SQLite lets one writer in at a time.
- An entry is keyed by the file's content (sha256) and name (the year and agency may come from
  the name), the engine (gik-tui's version and its core's code) and the templates (their files'
  bytes), and what else the extraction was asked for (a template the analyst chose, the headings'
  threshold). Nothing else can make a cached extraction stale.
- Which content a path holds is remembered by its size and modification time, so an unchanged
  file is not read again to be hashed; a changed one is read, hashed and extracted again.
- Entries are pickled, and read back by an unpickler that builds only the project's own data
  classes: a foreign or tampered entry is a miss, never code run. A file that is not this cache
  (damaged, or another program's) is set aside under a new name, with one warning, and a new one
  started. A folder that cannot be written means working without a cache, said once.
- The cache holds what one file alone gives: the annotation, and what the folder's other reports
  bring (the agency's other years), are applied fresh on top of it every time.

`GIK_TUI_NO_CACHE=1`, the setting `cache = false`, or `--no-cache` turn it off; `gik-tui cache`
says its size and clears it.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sqlite3
import time
from functools import cache
from pathlib import Path

DB_NAME = "extractions.sqlite3"
FORMAT = "gik-tui extraction cache 1"
CACHE_ENV = "GIK_TUI_CACHE"
OFF_ENV = "GIK_TUI_NO_CACHE"
BUSY_MS = 5000  # how long a writer waits for another to finish
_ALLOWED = {
    "gik_tui.core.model": {"Cell", "SectionMatch", "CellRef", "CheckResult", "Split", "Offers", "OtherRow",
                           "QuestionOption", "Question", "Extraction"},
    "gik_tui.core.queue": {"Summary"},
    "gik_tui.core.years": {"Carry"},
}


def folder() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("gik-tui", appauthor=False))


@cache
def engine_key() -> str:
    """gik-tui's version and the code of its engine: a changed engine invalidates every entry."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    try:
        h.update(version("gik-tui").encode())
    except PackageNotFoundError:
        pass
    core = Path(__file__).parent
    for p in sorted(core.rglob("*.py")):
        h.update(p.relative_to(core).as_posix().encode())
        try:
            h.update(p.read_bytes())
        except OSError:
            pass
    return h.hexdigest()[:16]


def templates_key() -> str:
    """The templates' files, as loaded now (the package's and GIK_TUI_TEMPLATES's)."""
    from .templates import TEMPLATES_ENV

    return _templates_key(os.environ.get(TEMPLATES_ENV, ""))


@cache
def _templates_key(extra: str) -> str:
    from .templates import _files

    h = hashlib.sha256()
    for tid, where in sorted(_files(extra).items()):
        h.update(tid.encode())
        try:
            h.update(where.read_bytes())  # type: ignore[attr-defined]
        except OSError:
            pass
    return h.hexdigest()[:16]


class _Unpickler(pickle.Unpickler):
    """Builds only the project's data classes (and Python's plain values): anything else in an
    entry makes it a miss."""

    def find_class(self, module: str, name: str):
        if name in _ALLOWED.get(module, ()):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not cached data")


def shared(ex):
    """The extraction with its equal cell addresses as one object each (a check's cells, the cells
    it waits for, the cells' row and column labels): pickle writes a shared object once and reads
    it back once, so an entry is smaller and about a third faster to load (export reads thousands).
    Equal, frozen values: nothing that reads the extraction can tell."""
    from dataclasses import replace

    from .model import CellRef, Extraction

    if not isinstance(ex, Extraction):
        return ex
    labels: dict[tuple, tuple] = {}
    refs: dict[CellRef, CellRef] = {}

    def label(t: tuple) -> tuple:
        return labels.setdefault(t, t)

    def ref(r: CellRef) -> CellRef:
        got = refs.get(r)
        if got is None:
            got = refs[r] = CellRef(r.table, label(r.row), label(r.column))
        return got

    cells = tuple(replace(c, row=label(c.row), column=label(c.column)) for c in ex.cells)
    checks = tuple(replace(c, cells=tuple(map(ref, c.cells)), waiting=tuple(map(ref, c.waiting)))
                   for c in ex.checks)
    return replace(ex, cells=cells, checks=checks)


def _loads(data: bytes):
    return _Unpickler(io.BytesIO(data)).load()


class Cache:
    """The cache in one folder. Opened lazily, once per process (a forked worker opens its own)."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.notes: list[str] = []  # what went wrong with it, said once each
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self.off = False
        self._prefix = ""

    @property
    def path(self) -> Path:
        return self.where / DB_NAME

    def _db(self) -> sqlite3.Connection | None:
        if self.off:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        self._conn = None
        try:
            self.where.mkdir(parents=True, exist_ok=True)
            conn = self._open()
        except sqlite3.DatabaseError:
            conn = self._set_aside()
        except OSError as e:
            self._say(f"the cache folder {self.where} cannot be used ({e.strerror or e}); working without a cache")
            conn = None
        if conn is None:
            self.off = True
            return None
        self._conn, self._pid = conn, os.getpid()
        self._prefix = f"{engine_key()}|{templates_key()}|"
        return conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            conn.execute(f"PRAGMA busy_timeout={BUSY_MS}")
            try:
                row = conn.execute("SELECT v FROM meta WHERE k = 'format'").fetchone()
            except sqlite3.OperationalError:  # no such table: a new file, or another program's
                row = None
            if row is None:
                row = self._create(conn)
            if row is None or row[0] != FORMAT:
                raise sqlite3.DatabaseError("another format")
            return conn
        except BaseException:
            conn.close()
            raise

    @staticmethod
    def _create(conn: sqlite3.Connection):
        """The tables of a new cache, made by one opener at a time: two windows opening a new cache
        at once would otherwise each find the other's half-made one and take it for a foreign
        file (setting it aside, with what the other had written)."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            try:
                row = conn.execute("SELECT v FROM meta WHERE k = 'format'").fetchone()
            except sqlite3.OperationalError:
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:  # another program's database
                    raise sqlite3.DatabaseError("not a gik-tui cache") from None
                row = None
            if row is None:
                conn.execute("CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT)")
                conn.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, data BLOB, PRIMARY KEY (kind, key))")
                conn.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, sha TEXT)")
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (FORMAT,))
                row = conn.execute("SELECT v FROM meta WHERE k = 'format'").fetchone()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # (outside a transaction; kept by the file once set)
        except sqlite3.OperationalError:
            pass
        return row

    def _set_aside(self) -> sqlite3.Connection | None:
        aside = self.path.with_name(f"{DB_NAME}.damaged-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}")
        try:
            os.replace(self.path, aside)
            for extra in ("-wal", "-shm"):
                try:
                    os.unlink(str(self.path) + extra)
                except FileNotFoundError:
                    pass
            self._say(f"the cache {self.path} was damaged or not gik-tui's; set aside as {aside.name}, a new one started")
            return self._open()
        except (OSError, sqlite3.DatabaseError) as e:
            self._say(f"the cache {self.path} cannot be used ({e}); working without a cache")
            return None

    def _say(self, note: str) -> None:
        if note not in self.notes:
            self.notes.append(note)

    # ------------------------------------------------------------------ entries
    def get(self, kind: str, key: str, lean: bool = False):
        """The entry, or None (a miss). An extraction is stored with its checks apart (`put`):
        `lean` leaves them unread (its `checks` is None), for export's cells, which never read the
        extraction's own checks (the review works out the analyst's); the rest build them."""
        conn = self._db()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT data FROM entries WHERE kind = ? AND key = ?", (kind, self._prefix + key)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        try:
            got = _loads(row[0])
            if kind != "extraction":
                return got
            from dataclasses import replace

            from .model import Extraction

            ex, checks = got
            if not isinstance(ex, Extraction) or not isinstance(checks, bytes):
                return None
            return ex if lean else replace(ex, checks=_loads(checks))
        except Exception:  # noqa: BLE001 - a damaged or foreign entry is a miss
            return None

    def put(self, kind: str, key: str, value) -> None:
        conn = self._db()
        if conn is None:
            return
        if kind == "extraction":  # its checks apart, so that export's cells need not read them (`get`)
            from dataclasses import replace

            value = shared(value)
            value = (replace(value, checks=None), pickle.dumps(value.checks, protocol=5))
        try:
            conn.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                         (kind, self._prefix + key, pickle.dumps(value, protocol=5)))
        except sqlite3.DatabaseError as e:  # read-only, full, or locked too long: a miss next time
            self._say(f"the cache {self.path} cannot be written ({e}); entries are not kept")

    def sha(self, path: str, st: os.stat_result) -> str | None:
        """The content hash the cache knows for this path, if the file is unchanged since."""
        conn = self._db()
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT size, mtime, sha FROM files WHERE path = ?", (os.path.abspath(path),)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None or row[0] != st.st_size or row[1] != st.st_mtime_ns:
            return None
        return row[2]

    def remember(self, path: str, st: os.stat_result, sha: str) -> None:
        conn = self._db()
        if conn is None:
            return
        try:
            conn.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                         (os.path.abspath(path), st.st_size, st.st_mtime_ns, sha))
        except sqlite3.DatabaseError as e:
            self._say(f"the cache {self.path} cannot be written ({e}); entries are not kept")

    # ------------------------------------------------------------------ the `cache` command
    def size(self) -> tuple[int, int]:
        """(entries, bytes on disk)."""
        conn = self._db()
        n = 0
        if conn is not None:
            try:
                n = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            except sqlite3.DatabaseError:
                n = 0
        total = 0
        for extra in ("", "-wal", "-shm"):
            try:
                total += os.path.getsize(str(self.path) + extra)
            except OSError:
                pass
        return n, total

    def clear(self) -> None:
        conn = self._db()
        if conn is None:
            return
        conn.execute("DELETE FROM entries")
        conn.execute("DELETE FROM files")
        conn.execute("VACUUM")


_default: dict[tuple, Cache] = {}


def default() -> Cache | None:
    """The cache this process uses, or None when it is turned off (GIK_TUI_NO_CACHE, the setting)."""
    if os.environ.get(OFF_ENV, "") not in ("", "0"):
        return None
    where = folder()
    key = (str(where),)
    c = _default.get(key)
    if c is None:
        c = _default[key] = Cache(where)
    return None if c.off else c


def extraction_key(sha: str, name: str, template: str | None, threshold: float | None) -> str:
    return f"{sha}|{name}|{template or ''}|{threshold if threshold is not None else ''}"


def moved(ex, path: str):
    """A cached extraction of the same content at another path (a copy, a renamed folder): its
    source, and the warnings that name it, say the path it is read from now."""
    from dataclasses import replace

    old = ex.source
    return replace(ex, source=path, warnings=tuple(path + w[len(old):] if w.startswith(old) else w for w in ex.warnings))


def opened() -> list[str]:
    """The cache this process will use, opened now (a damaged file set aside before any worker
    starts), and what there is to say about it: for the app's and the commands' warnings."""
    store = default()
    if store is None:
        return []
    store._db()
    return list(store.notes)
