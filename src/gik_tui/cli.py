"""The command line: `gik-tui [PATH]` opens the app; `extract`, `check`, `synth` work without it.

This module and the extract path import nothing from Textual: the app is imported only by the
command that opens it.
"""

from __future__ import annotations

import contextlib
import sys

import click

DEFAULT_COMMAND = "open"


class _DefaultGroup(click.Group):
    """`gik-tui DIR` means `gik-tui open DIR`; `gik-tui` alone opens the bundled sample reports."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = [DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)


def _cache_setting() -> None:
    """The settings' `cache = false` turns the extraction cache off, as --no-cache does."""
    import os

    from .core.cache import OFF_ENV
    from .core.settings import load_settings

    if os.environ.get(OFF_ENV) is None and not load_settings()[0].cache:
        os.environ[OFF_ENV] = "1"


def _cache_notes() -> None:
    """Open the cache in this process before any worker does: what is wrong with it said once."""
    from .core.cache import opened

    for note in opened():
        _err(note)


def _no_cache(fn):
    """The option of every command that extracts: --no-cache reads and extracts every report anew
    and keeps nothing (core/cache.py)."""
    def off(ctx, param, value):
        if value:
            import os

            from .core.cache import OFF_ENV

            os.environ[OFF_ENV] = "1"  # the workers inherit it
        return value

    import functools

    @functools.wraps(fn)
    def run(*args, **kwargs):
        if fn.__name__ != "open_":  # the app says it on its screen
            _cache_notes()
        return fn(*args, **kwargs)

    return click.option("--no-cache", is_flag=True, expose_value=False, callback=off, is_eager=True,
                        help="extract every report anew and keep nothing in the cache")(run)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gik-tui")
def main() -> None:
    """Triage government information-disclosure annual reports (政府信息公开工作年度报告).

    \b
    gik-tui [PATH]             open the app on a folder or a report (default: the sample reports)
    gik-tui extract PATH...    structured, checked data as JSON, JSONL or CSV
    gik-tui check PATH...      the failing checks (annotations applied); exit 1 when any fail
    gik-tui synth OUT -n N     a synthetic corpus of consistent reports
    gik-tui status PATH...     progress per status and per annotator
    gik-tui export PATH...     the dataset with every decision: CSV, JSONL or an Excel workbook
    gik-tui config             where the settings are and what is set
    gik-tui cache [--clear]    the extraction cache: where it is, its size; --clear empties it
    """
    _cache_setting()


def _err(msg: str) -> None:
    click.echo(f"gik-tui: {msg}", err=True)


def _reports(paths) -> tuple[list[str], int]:
    """The report files named on the command line and how many paths could not be read (each
    said): what `extract` needs, without the workspace's annotations (a tenth of its start-up)."""
    from .core.readers import find_reports

    files, unread = find_reports(list(paths))
    for e in unread:
        _err(str(e))
    return files, len(unread)


def _workspace(paths, annotations: str | None = None):
    """The reports named on the command line; each path that could not be read is said."""
    from .core.workspace import Workspace

    ws = Workspace.of(paths, annotations)
    for line in ws.warnings:
        _err(line)
    return ws


def _progress(it, n: int, size=lambda item: 1):
    """The one progress display of the commands: a bar on a terminal for long runs, moved on by
    `size(item)` reports for each item (a chunk of `extract` counts its reports); and, for a scan
    recognised in this process (seconds a page), a line with its pages."""
    tty = sys.stderr.isatty()
    with _pages() if tty else contextlib.nullcontext():
        if not (tty and n >= 200):
            yield from it
            return
        with click.progressbar(length=n, file=sys.stderr, label="extracting") as bar:
            for item in it:
                yield item
                bar.update(size(item))


@contextlib.contextmanager
def _pages():
    """While inside: "recognising scan.pdf  page 3/10  [######----]" on the terminal's last line."""
    import os

    from .core.readers import ocr

    shown = [False]

    def show(source: str, page: int, pages: int) -> None:
        width = 20
        bar = "#" * (width * (page - 1) // max(pages, 1))
        sys.stderr.write(f"\r\x1b[Krecognising {os.path.basename(source)[:60]}  page {page}/{pages}  "
                         f"[{bar:-<{width}}]")
        sys.stderr.flush()
        shown[0] = True

    with ocr.reporting(show):
        try:
            yield
        finally:
            if shown[0]:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()


def _target(output: str | None, files: list[str], force: bool) -> None:
    """Refuse an output that is one of the inputs (never, even with --force) or an existing file
    (unless --force): exit 2 with one line saying so, before anything is written."""
    if not output:
        return
    import os

    from .core.outputs import may_write

    why = may_write(output, files)
    if why:
        _err(f"{why} (choose another output file)")
        sys.exit(2)
    from .core.files import is_regular_or_new

    if os.path.lexists(output) and not force and is_regular_or_new(output):  # /dev/null is no file to protect
        _err(f"{output}: exists; not replaced (pass --force to replace it)")
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json", show_default=True,
              help="json: one object per report (a list for several); jsonl: one per line; csv: one row per cell")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="write here instead of standard output")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="extract in this many processes")
@click.option("--force", is_flag=True, help="replace the output file if it exists")
def extract(paths, fmt, output, jobs, force):
    """Extract reports (files or folders of text, HTML, PDF, Word, workbooks, OFD and, with the OCR extra, scans and pictures) into structured, checked data."""
    from .core.files import AtomicWriter

    files, bad = _reports(paths)
    if not files:  # nothing to extract: only the one-line errors, nothing on stdout
        sys.exit(2 if bad else 0)
    _target(output, files, force)
    out = AtomicWriter(output) if output else sys.stdout.buffer
    done = False
    several = fmt == "json" and len(files) != 1
    from .core.batch import extracted_records, write_records

    try:
        if fmt == "csv":
            from .core.serialize import CSV_FIELDS, csv_text

            out.write(csv_text([CSV_FIELDS]).encode("utf-8"))
        elif several:
            out.write(b"[\n")
        written = 0
        for data, errors, n in _progress(extracted_records(files, fmt, jobs), len(files),
                                         size=lambda chunk: chunk[2] + len(chunk[1])):
            for e in errors:
                _err(e)
            bad += len(errors)
            if n:
                if several and written:
                    out.write(b",\n")
                write_records(out, data)
                if fmt == "json" and not several:
                    out.write(b"\n")
                written += n
        if several:
            out.write(b"\n]\n")
        out.flush()
        done = True
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    finally:
        if output:
            out.close(ok=done)
    sys.exit(2 if bad else 0)


@main.command()
@_no_cache
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--annotations", type=click.Path(file_okay=False), default=None,
              help="the folder holding the annotations (default: beside the reports)")
@click.option("--raw", is_flag=True, help="check the extraction alone, without the analysts' annotations")
def check(paths, jobs, annotations, raw):
    """Print the failing checks, with the analysts' annotations applied (the app's Checks tab);
    exit 1 when any fail (a pending check, which waits for undecided or blank cells, is counted
    apart and does not fail), 2 when a file cannot be read, else 0."""
    ws = _workspace(paths, annotations)
    bad = ws.unreadable
    failing = pending = 0
    carries = []
    for path, status, res in _progress(ws.check(jobs, raw=raw), len(ws.files)):
        if status != "ok":
            _err(res)
            bad += 1
            continue
        found, carry = res
        carries.append(carry)
        for cid, message, state in found:
            if cid is None:  # an annotation that could not be applied as it was
                _err(message)
                continue
            if state == "pending":  # waits for undecided or blank cells: counted, not failing
                pending += 1
                continue
            click.echo(f"{path}: {cid}: {message}")
            failing += 1
    from .core.years import year_checks

    across, notes = year_checks([c for c in carries if c is not None])
    for note in notes:  # said, not failing
        click.echo(f"note: {note}", err=True)
    for y in across:  # the carry-over between consecutive years, said in both reports
        if not y.ok:
            click.echo(f"{y.source}: {y.id}: {y.message}")
            failing += 1
    n = len(ws.files)
    click.echo(f"{n} report(s), {failing} failing check(s), {pending} pending, {bad} unreadable", err=True)
    sys.exit(2 if bad else (1 if failing else 0))


@main.command()
@_no_cache
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "xlsx"]), default=None,
              help="xlsx: a workbook with every part (cells long and wide, sections, checks); needs -o "
                   "[default: from -o's name (.xlsx, .jsonl), else csv]")
@click.option("--what", type=click.Choice(["cells", "sections", "checks"]), default="cells", show_default=True,
              help="cells: a row per cell (or per report with --wide); sections: a row per heading and its "
                   "mapping; checks: a row per failing check, within a report and across years")
@click.option("--wide", is_flag=True, help="one row per report with a column per cell (default: one row per cell)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None)
@click.option("--annotations", type=click.Path(file_okay=False), default=None,
              help="the folder holding the annotations (default: beside the reports)")
@click.option("--force", is_flag=True, help="replace the output file if it exists")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
              help="extract in this many processes")
def export(paths, fmt, what, wide, output, annotations, force, jobs):
    """A dataset: each report's extraction (from the cache when its file is unchanged) with the analyst's annotations applied, with every
    decision (who edited a cell and when, heading mappings, flag notes, the checks that fail).

    CSV is UTF-8 with a BOM (Excel opens the Chinese labels) and safe against formula injection.
    Exit 2 when a report could not be read, else 3 when an annotation had to be left out, else 0.
    """
    if fmt is None:  # the name says it: `-o data.xlsx` is a workbook, never CSV text in a .xlsx
        low = (output or "").lower()
        fmt = "xlsx" if low.endswith(".xlsx") else "jsonl" if low.endswith((".jsonl", ".ndjson")) else "csv"
    if fmt == "xlsx" and not output:
        _err("--format xlsx writes a workbook: name it with -o FILE.xlsx")
        sys.exit(2)
    ws = _workspace(paths, annotations)
    bad = ws.unreadable
    _target(output, ws.files, force)
    ds = ws.export(wide, jobs, what=what, every=fmt == "xlsx", written=fmt if fmt != "xlsx" else "")
    for line in ds.unread + ds.warnings:
        _err(line)
    for note in ds.notes:
        click.echo(f"note: {note}", err=True)
    try:
        # CSV and JSON lines are copied from the workers' spool files, never joined in memory
        data = ds.xlsx_bytes() if fmt == "xlsx" else (lambda out: ds.write(out, fmt))
        if output:
            from pathlib import Path

            from .core.files import write_output

            write_output(Path(output), data)
        else:
            out = sys.stdout.buffer
            out.write(data) if isinstance(data, bytes) else data(out)
            out.flush()
    finally:
        ds.close()
    click.echo(ds.summary(bad), err=True)
    sys.exit(2 if bad or ds.unread else 3 if ds.left_out else 0)


@main.command()
@click.argument("path", type=click.Path())
@click.option("-o", "--output-dir", type=click.Path(file_okay=False), default=None,
              help="write the reports into this folder  [default: beside the file]")
@click.option("--force", is_flag=True, help="replace files of the same names if they exist")
def split(path, output_dir, force):
    """Write each report of a file that holds several (an office's 汇编 of its agencies' reports, a page with every year's report) to its own text file: NAME.1.txt, NAME.2.txt …"""
    from .core.bundle import SplitRefused, find_parts, said_of, split_file
    from .core.readers import ReadError, read_path

    try:
        doc = read_path(path)
    except ReadError as e:
        _err(str(e))
        sys.exit(2)
    parts = find_parts(doc)
    if sum(p.copy_of is None for p in parts) < 2:
        click.echo(f"{path}: holds one report" + (" (written more than once)" if len(parts) > 1 else "")
                   + "; nothing written")
        return
    try:
        written = split_file(doc, parts, output_dir, force)
    except SplitRefused as e:
        _err(f"{e} (pass --force to replace it, or -o to write elsewhere)")
        sys.exit(2)
    except OSError as e:
        _err(f"{e.filename or path}: cannot write ({e.strerror or e})")
        sys.exit(2)
    click.echo(f"{path}: wrote {len(written)} reports: {said_of(written)}. The file itself still holds them all: "
               f"move it out of the folder, or its first report is read twice")


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("-n", "count", type=click.IntRange(1, 10_000_000), default=100, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--inconsistent", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="share of reports with one seeded inconsistency")
@click.option("--layouts", default="abcdefghsl", show_default=True,
              help="the layouts to cycle through: a–h, s and l text and HTML (f, g glued, s spaced on one "
                   "line, l two figures a requests row), "
                   "p PDF, w Word .docx, x an Excel workbook of the tables, o OFD")
@click.option("--shape", type=click.Choice(["uniform", "real"]), default="uniform", show_default=True,
              help="the figures: drawn evenly (every split of a glued run as likely: a stress), or shaped "
                   "like real reports' (few 规章, small changes, requests mostly from natural persons)")
@click.option("--figures", type=click.Choice(["plain", "grouped", "units", "dashes"]), default="plain",
              show_default=True, help="how counts are written: 1234, 1,234 (grouped), 1234件 (units), or each "
                                      "nought as an empty cell's dash, — / or - (dashes)")
def synth(out_dir, count, seed, inconsistent, layouts, shape, figures):
    """Write N synthetic reports (every format; text, HTML, PDF or Word; UTF-8/GBK) to OUT_DIR.
    `--inconsistent 0.2` breaks one identity in a fifth of them (rounded), and says which."""
    from collections import Counter

    from .core.synth import ALL_LAYOUTS, write_corpus

    bad = sorted(set(layouts) - set(ALL_LAYOUTS))
    if bad or not layouts:
        _err(f"--layouts: {''.join(bad) or 'none given'}: not a layout (choose from {''.join(ALL_LAYOUTS)})")
        sys.exit(2)
    broken: list[str] = []
    n = write_corpus(out_dir, count, seed=seed, inconsistent=inconsistent, layouts=tuple(layouts), broken=broken,
                     shape=shape, figures=figures)
    click.echo(f"wrote {n} reports to {out_dir}", err=True)
    if inconsistent:
        which = ", ".join(f"{k} ×{v}" for k, v in sorted(Counter(broken).items()))
        click.echo(f"{len(broken)} of them with one identity broken{': ' + which if which else ''}", err=True)


@main.command()
@_no_cache
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--annotations", type=click.Path(file_okay=False), default=None,
              help="the folder holding the annotations (default: beside the reports)")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
def status(paths, annotations, jobs):
    """Progress of the review: reports per status, per annotator, and the agencies and years covered."""
    from collections import Counter

    from .core.queue import coverage
    from .core.annotations import ERROR, NEW
    from .core.workspace import STATUSES

    ws = _workspace(paths, annotations)
    sums = list(_progress(ws.summarize(jobs=jobs), len(ws.files)))
    by_status = Counter(s.status for s in sums)
    click.echo(f"{len(sums)} report(s): " + " · ".join(f"{by_status.get(k, 0)} {k}" for k in STATUSES))
    people: dict[str, Counter] = {}
    for s in sums:
        if s.status not in (NEW, ERROR):
            people.setdefault(s.annotator or "(unsigned)", Counter())[s.status] += 1
    for who, counts in sorted(people.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        click.echo(f"  {who}: {sum(counts.values())} report(s): "
                   + " · ".join(f"{counts[k]} {k}" for k in STATUSES if counts.get(k)))
    click.echo(coverage(sums))
    sys.exit(2 if ws.unreadable else 0)


@main.command("open")
@_no_cache
@click.argument("path", required=False, type=click.Path())
@click.option("--annotations", type=click.Path(file_okay=False), default=None,
              help="store annotations in this folder instead of beside the reports")
@click.option("--theme", default=None, help="theme name (gik-dark, gik-daylight, gik-colourblind, or Textual's)")
@click.option("--annotator", default=None, help="your name, written into the annotations")
def open_(path, annotations, theme, annotator):
    """Open the app on a folder of reports or one report (default: the bundled sample reports)."""
    import os

    if path is None:
        path = _samples()
    if not os.path.exists(path):
        _err(f"{path}: no such file or folder")
        sys.exit(2)
    from .app.app import GikApp  # Textual is imported only here

    GikApp(path, annotations=annotations, theme_name=theme, annotator=annotator or "").run()


@main.command()
@click.option("--clear", is_flag=True, help="empty it")
def cache(clear):
    """Where the extraction cache is, how many extractions it holds and its size; --clear empties it."""
    from .core import cache as _cache

    store = _cache.Cache(_cache.folder())
    if clear:
        before = store.size()[1]
        store.clear()
        click.echo(f"cleared {store.path} ({before / 1e6:.1f} MB before)")
    n, size = store.size()
    for note in store.notes:
        _err(note)
    click.echo(f"extraction cache: {store.path}")
    click.echo(f"{n:,} entries, {size / 1e6:.1f} MB" + ("" if _cache.default() is not None else
                                                         " (turned off: GIK_TUI_NO_CACHE or the setting cache = false)"))


@main.command()
def config():
    """Print where the settings file is and what is set (flags override it)."""
    from .core.settings import load_settings, settings_path

    path = settings_path()
    s, warnings = load_settings(path)
    for w in warnings:
        _err(w)
    click.echo(f"settings file: {path}{'' if path.exists() else ' (not created yet: the defaults apply)'}")
    click.echo(f"theme = {s.theme!r}")
    click.echo(f"annotator = {s.annotator!r}")
    threshold = s.section_threshold if s.section_threshold is not None else "(each template's own)"
    click.echo(f"section_threshold = {threshold}")
    click.echo(f"annotations = {s.annotations or '(beside the reports)'!r}")
    click.echo(f"cache = {'true' if s.cache else 'false'}")
    click.echo("keymap = " + (", ".join(f"{k}={v}" for k, v in s.keymap.items()) or "(the default keys)"))
    click.echo(f"themes folder: {path.parent / 'themes'} (your own *.toml themes)")


def _samples() -> str:
    import os
    from pathlib import Path

    here = Path(__file__).resolve()
    for cand in (here.parents[2] / "sample_reports", Path.cwd() / "sample_reports"):
        if cand.is_dir():
            return str(cand)
    return os.getcwd()


if __name__ == "__main__":  # pragma: no cover
    main()
