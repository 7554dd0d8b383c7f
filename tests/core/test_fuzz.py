"""Random and mutated reports never break the extractor: it returns a result, with no exception,
in bounded time. 2,000 examples in CI; more by hand with GIK_FUZZ_EXAMPLES=50000."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
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


def _attack(c: str, rng, odds: tuple[float, float, float], word: str, mark: str, note: str) -> str:
    """The figure `c` as an attacked report writes it: in words (`word`), with a mark after it, with
    a note after it, or plain — by one draw of `rng` against `odds` (words, marks, notes)."""
    words, marks, notes = odds
    r = rng.random()
    return (word.format(c) if r < words else c + mark if r < words + marks
            else c + note.format(rng.randint(1, 9)) if r < words + marks + notes else c)


def _sure_wrong(make, n: int) -> tuple[list, int]:
    """Over the reports `make(i)` (text, synthetic report) for i < n: the figures filled at or above
    the low-confidence line that differ from the report's own, and how many figures were filled."""
    from gik_tui.core.review import LOW_CONFIDENCE

    wrong, filled = [], 0
    for i in range(n):
        text, rep = make(i)
        ex = extract(read_bytes(text.encode("utf-8"), rep.filename))
        filled += sum(c.value is not None for c in ex.cells)
        wrong += [(i, c.key, c.value, rep.values.get(c.key)) for c in ex.cells
                  if c.value is not None and c.confidence >= LOW_CONFIDENCE and c.value != rep.values.get(c.key)]
    return wrong, filled


def _mixed(i: int, seed: int) -> tuple[str, object]:
    """A synthetic report (layout c) with the attacks of real pages mixed at random: its cells
    one space, a tab, a line or a blank line apart, `|`, or glued; footnotes' marks after some
    figures (17¹, 17*, 17①, 17[1], 17（注1）) and after some row labels (规章*, 规章①); words where
    some figures stand (不详, 见附件, 约17, 17余, 暂无, 17.0); notes after some figures (17（含转办3件）,
    17(3), 17 其中3件); empty cells among the figures of a `|` row; full-width digits; and, one
    time in three, one row given again with some figures changed."""
    import random
    import re

    from gik_tui.core.synth import make_report

    from ..layouts import cells

    rng = random.Random(seed * 1000 + i)
    rep = make_report(i, seed=seed + 11, template_id=rng.choice(["gik-2019", "gik-2021", "legacy"]), layout="c",
                      encoding="utf-8", shape="real")
    lines = rep.render().decode("utf-8").split("\n")
    sep = rng.choice([" | ", " ", "\t", "\n", "", "\n\n"])
    marks, words, notes = rng.random() * 0.15, rng.random() * 0.08, rng.random() * 0.1
    empties, labelled = rng.random() * 0.1, rng.random() * 0.3
    full = rng.random() < 0.3
    mark = rng.choice(["¹", "*", "①", "[1]", "（注1）"])
    word = rng.choice(["不详", "见附件", "约{}", "{}余", "暂无", "{}.0"])
    note = rng.choice(["（含转办{}件）", "({})", " 其中{}件", "（{}件）"])
    label_mark = rng.choice(["*", "¹", "①", "[1]", "※"])
    if rng.random() < 0.3:
        rows = [j for j, line in enumerate(lines) if line.count("|") >= 3 and re.search(r"\| \d+ \|", line)]
        if rows:
            j = rng.choice(rows)
            again = re.sub(r"(?<=\| )(\d+)(?= \|)", lambda m: str(int(m.group(1)) + (rng.random() < 0.3)), lines[j])
            lines.insert(rng.choice([j, len(lines) - 3]), again)
    out = []
    for line in lines:
        if "|" in line:
            cs = []
            for k, c in enumerate(cells(line)):
                if c.isdigit():
                    c = _attack(c, rng, (words, marks, notes), word, mark, note)
                    if full:
                        c = c.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
                    cs.append(c)
                    if sep == " | " and rng.random() < empties:
                        cs.append("")
                else:
                    if k == 0 and re.search(r"[\u4e00-\u9fff]$", c) and rng.random() < labelled:
                        c += label_mark
                    cs.append(c)
            line = sep.join(cs) + (" |" if sep == " | " else "")
        out.append(line)
    return ("\n" if sep else "").join(out), rep


@pytest.mark.parametrize("seed", [1, 4, 9, 13, 22, 27, 32, 37, 39, 40, 45, 53, 60, 63, 67, 77, 81, 89, 90, 121, 139,
                                  148, 156, 166, 219, 233, 244, 281, 290, 401, 413, 427, 474, 555, 616, 707, 762,
                                  832, 847, 875, 905, 927, 1081, 1102, 1107, 1124, 1260, 1370, 1382, 1407, 1463,
                                  1524])
def test_reports_mixing_every_attack_never_get_a_wrong_figure(seed):
    """Forty reports a seed, each mixing the attacks of real pages (_mixed). Before the twelfth
    session's work on them: 1 to 12 wrong figures at full or solved confidence a seed of sixty;
    with the thirteenth's attacks added (label marks, notes, empty cells among figures, 17.0),
    21 over five seeds of forty; now none. Seeds 22 to 39 (the thirtieth session): 7 reports of
    800 with a wrong figure — a glued run with a word after it (000000余), a cell's words glued to
    the next's (见附件见附件), a number in brackets between a row's runs (0(8)4355), a label shared by
    two groups written twice in the second, a note in brackets after a run of the review row
    (3（含转办5件）); now none. Seeds 40 to 67: a row's words glued to the next heading
    (200000见附件四、…), a number in brackets after a figure of a spaced review row (0(3) 3 0 …), a
    row written twice in a row in a group whose label another group shares; seeds 81 and 90: a row
    of one cell whose words came with its label as one token, a copy of a row out of its place;
    77 and 89: a note's 其中 between the review row's runs (0002240 其中7件1055…), a word between a
    label and its figures, cells a space apart (…申请 不详 0 0 0 0 0 22: 22 had been cut into 2 | 2);
    148 and 156: words where a statistics row's one figure stands, after its unit (件 / 27(5), 人 约9),
    its cell — read as nothing, a copy of the row elsewhere had its figure filled at 1.0; 121, 139,
    166: a review row written twice, its copy's empty fields ending the first line; its first run
    with a word after it (00404105余); a mark then a word between its runs (406[1]约0100…); a copy's
    figure against words (114 against 113余) kept by a bound alone (≤), not an equality; 219: a note
    of a figure among a spaced row's cells (… 16 0 其中7件 0 3 19), which had made the row's label of
    all before it; 244, 281, 290: a review row ending in a figure in words (… 1[1] 1余, not read as a
    row at all, and its copy in the next section, after its heading, read as it at 1.0), a figure with
    its note on a line of its own (2 其中2件); 233: the review row written twice a cell a line, words
    among the copy's cells (15 / 见附件 / 0 …), which had read the first a cell too long. Seeds 401 to
    927 (the thirty-first session; 13 reports of 24,800 wrong over seeds 330 to 999): a statistics
    row written twice, once with 不详 after its unit (a line one space apart that ends in 不详 was
    no row at all); a glued row's last cells in words glued to each other and to the next heading
    (10000暂无暂无四、…, its run read as the total alone); the review row's runs parted by a mark
    ((注1) read as words before a heading `1)`), by a run with a word after it (10040余), by the same
    words glued again (见附件见附件), or by notes (runs read as figures one space apart, three totals
    alone); a labelled row's first run with a word after it (属于国家秘密1001002余). 413 and 875: the
    review row written again a cell a line, the copy opening with words (暂无 / 0 / 5 …), read as no
    row — the first copy's figures kept at 0.5, each a figure off. Seeds 1107 to 1524 (of 24,000
    reports over seeds 1000 to 1599, 6 had a figure wrong at full confidence): a row whose copy
    went unread — its cells all words with a digit (49(4) | 0(7)), or one space apart with a number
    in brackets after a figure (1(7)), words at its end (0[1] 暂无) or at its start after its label
    (暂无 暂无 0 …), each read as glued runs or as the label's words; 1081 to 1463: the review row's
    glued runs parted by a token of several runs with words (0余5余000余), or of notes before them
    ((4)12余, 其中4件约), its first runs read as its totals alone at 0.9."""
    from gik_tui.core.extract import extract
    from gik_tui.core.readers import read_bytes

    wrong, filled = [], 0
    for i in range(40):
        text, rep = _mixed(i, seed)
        ex = extract(read_bytes(text.encode("utf-8"), rep.filename))
        filled += sum(c.value is not None for c in ex.cells)
        wrong += [(i, c.key, c.value, rep.values.get(c.key)) for c in ex.cells
                  if c.value is not None and c.value != rep.values.get(c.key)]
    assert wrong == [] and filled > 3500


_FIGURE_CELL = None


def _mixed_cells(i: int, seed: int, layout: str) -> tuple[str, object]:
    """A synthetic report in `layout` (a cell a line, tabs, Word's tabs with label fields, HTML,
    cells left out) whose figure cells take the attacks of _mixed: words where a figure stands
    (不详, 约17, 17左右, 无, 17.0), a footnote's mark after it (17¹, 17[注], 17※), a note (17（含转办3件）,
    17(3), 17 其中3件, 17【3】), full-width digits; one report in five inconsistent; and, in the layouts
    a row a line, two times in five one row written again with some figures one more."""
    import random
    import re

    from gik_tui.core.synth import make_report

    global _FIGURE_CELL
    if _FIGURE_CELL is None:
        _FIGURE_CELL = re.compile(r"(?:(?<=^)|(?<=\t)|(?<=<td>))(\d+)(?=$| \||\t|</td>)", re.M)
    rng = random.Random(seed * 1000 + i)
    rep = make_report(i, seed=seed + 11, template_id=rng.choice(["gik-2019", "gik-2021", "legacy"]), layout=layout,
                      encoding="utf-8", shape="real", inconsistent=rng.random() < 0.2)
    marks, words, notes = rng.random() * 0.15, rng.random() * 0.08, rng.random() * 0.1
    full = rng.random() < 0.3
    mark = rng.choice(["¹", "*", "①", "[1]", "（注1）", "[注]", "※"])
    word = rng.choice(["不详", "见附件", "约{}", "{}余", "暂无", "{}.0", "{}左右", "无"])
    note = rng.choice(["（含转办{}件）", "({})", " 其中{}件", "（{}件）", "【{}】"])

    def attacked(m):
        c = _attack(m.group(1), rng, (words, marks, notes), word, mark, note)
        return c.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if full else c

    lines = rep.render().decode("utf-8").split("\n")
    if layout in "dh" and rng.random() < 0.4:
        rows = [j for j, line in enumerate(lines) if line.count("\t") >= 3 and re.search(r"\t\d+(\t|$)", line)]
        if rows:
            j = rng.choice(rows)
            again = re.sub(r"(?<=\t)(\d+)(?=\t|$)", lambda m: str(int(m.group(1)) + (rng.random() < 0.3)), lines[j])
            lines.insert(rng.choice([j, len(lines) - 3]), again)
    return _FIGURE_CELL.sub(attacked, "\n".join(lines)), rep


@pytest.mark.parametrize("seed, layout", [(1, "h"), (5, "h"), (8, "l"), (12, "d"), (75, "h"), (106, "d"), (126, "d"),
                                          (149, "d"), (196, "h"), (214, "d"), (257, "d")])
def test_reports_of_every_layout_mixing_every_attack_never_get_a_sure_wrong_figure(seed, layout):
    """Thirty reports a seed in a layout other than _mixed's, their figure cells attacked as
    there (_mixed_cells): no figure filled at or above the low-confidence line is wrong. Before the
    thirty-first session's work: 39 reports of 35,820 over seeds 1 to 199 in layouts a b d e h l —
    a first cell of words after a row's empty label fields (91左右, 无) taken for an empty field, the
    row placed a column off; the review row's first cell of words a cell a line taken for a header
    word; a row's copies kept cell by cell from different lines, or a copy's figure kept by the
    column's identity alone. Now 1 of 71,820 over seeds 1 to 399: both copies of a row keep their
    own totals, and the identities favour the one the report does not mean."""
    wrong, filled = _sure_wrong(lambda i: _mixed_cells(i, seed, layout), 30)
    assert wrong == [] and filled > (1400 if layout == "l" else 3500)  # (layout l leaves most empty cells out)


def _mixed_columns(i: int, seed: int) -> tuple[str, object]:
    """A synthetic report (layout c) laid out in columns as pdftotext -layout writes a PDF's table:
    each cell padded to its column's width with spaces, a label a few spaces from its figures,
    noughts left blank (or written —, -, /) half the time — the gaps kept — and the attacks of
    _mixed on its figures: words where one stands (约0, 无), a mark, a note; one report in five
    inconsistent."""
    import random

    from gik_tui.core.synth import make_report

    from ..layouts import cells

    rng = random.Random(seed * 7919 + i)
    rep = make_report(i, seed=seed + 3, template_id=rng.choice(["gik-2019", "gik-2021", "legacy"]), layout="c",
                      encoding="utf-8", shape="real", inconsistent=rng.random() < 0.2)
    marks, words, notes = rng.random() * 0.1, rng.random() * 0.06, rng.random() * 0.06
    mark = rng.choice(["¹", "*", "①", "[1]", "（注1）"])
    word = rng.choice(["不详", "见附件", "约{}", "{}余", "暂无", "无"])
    note = rng.choice(["（含转办{}件）", "({})", "（{}件）"])
    blanks, dash, width = rng.random() < 0.5, rng.choice(["", "—", "-", "/"]), rng.randint(3, 8)
    out = []
    for line in rep.render().decode("utf-8").split("\n"):
        if "|" in line:
            row = []
            for c in cells(line):
                if c.isdigit():
                    if c == "0" and blanks:
                        c = dash
                    else:
                        c = _attack(c, rng, (words, marks, notes), word, mark, note)
                    row.append(c.rjust(width))
                else:
                    row.append(c + " " * rng.randint(1, 3))
            line = "  ".join(row).rstrip()
        out.append(line)
    return "\n".join(out), rep


@pytest.mark.parametrize("seed", [68, 98, 100, 135, 136])
def test_reports_laid_out_in_columns_mixing_attacks_never_get_a_sure_wrong_figure(seed):
    """Thirty reports a seed laid out in columns as pdftotext writes them (_mixed_columns): no
    figure filled at or above the low-confidence line is wrong. Before the thirty-first session's
    work: 5 reports of 4,770 over seeds 41 to 199 — a lone 无 joined to its row's label as a word
    spaced letter by letter (its figures went to the row before), a figure glued to words (约0)
    making the whole line glued text, a row with words among fewer fields than columns (1 5 约3 9,
    its noughts left blank) read as its three totals alone; now none over seeds 1 to 199."""
    wrong, filled = _sure_wrong(lambda i: _mixed_columns(i, seed), 30)
    assert wrong == [] and filled > 2000


def _copied_rows(i: int, seed: int, layout: str) -> tuple[str, object]:
    """A synthetic report a cell a line (layouts a, b, l) seven times in ten with one row written
    again — its label line and its figure lines, some figures one more — right after itself or
    before another row's label, and words where some figures stand (不详, 约17, 17[注], 17（含转办2件）, 无)."""
    import random
    import re

    from gik_tui.core.synth import make_report
    from gik_tui.core.tables.glued import UNITS

    figure = re.compile(r"^(\d+)( \|)?$")
    rng = random.Random(seed * 31 + i)
    rep = make_report(i, seed=seed + 5, template_id=rng.choice(["gik-2019", "gik-2021", "legacy"]), layout=layout,
                      encoding="utf-8", shape="real")
    lines = rep.render().decode("utf-8").split("\n")

    def unit(line: str) -> bool:
        return line.strip().rstrip(" |") in UNITS

    starts = [j for j, line in enumerate(lines) if line.strip() and not figure.match(line.strip()) and j + 1 < len(lines)
              and not unit(line) and not unit(lines[j - 1])
              and any(figure.match(x.strip()) for x in lines[j + 1:j + 4] if x.strip())]
    if starts and rng.random() < 0.7:
        j = rng.choice(starts)
        k = j + 1
        while k < len(lines) and (not lines[k].strip() or figure.match(lines[k].strip()) or unit(lines[k])):
            k += 1
        block = [re.sub(r"^(\d+)", lambda m: str(int(m.group(1)) + (rng.random() < 0.3)), x) for x in lines[j:k]]
        at = rng.choice([k, rng.choice(starts)])
        lines[at:at] = block
    words = rng.random() * 0.06
    word = rng.choice(["不详", "见附件", "约{}", "{}余", "暂无", "无", "{}[注]", "{}（含转办2件）"])
    out = []
    for line in lines:
        m = figure.match(line.strip())
        if m and rng.random() < words:
            line = line.replace(m.group(1), word.format(m.group(1)), 1)
        out.append(line)
    return "\n".join(out), rep


@pytest.mark.parametrize("seed, layout", [(1, "b"), (15, "b"), (23, "a"), (44, "l"), (45, "a"), (100, "b")])
def test_reports_a_cell_a_line_with_a_row_written_again_never_get_a_sure_wrong_figure(seed, layout):
    """Thirty reports a seed a cell a line, a row written again (_copied_rows): no figure filled at
    or above the low-confidence line is wrong. Before the thirty-first session's work: 7 reports of
    13,410 over seeds 1 to 149 (a copy of a row whose other copy wrote words alone, 行政许可 / 暂无, or
    kept from a mix of its copies); now one, where an empty cell's 无 stands for a figure and the
    copy keeps the column's total."""
    wrong, filled = _sure_wrong(lambda i: _copied_rows(i, seed, layout), 30)
    assert wrong == [] and filled > (1400 if layout == "l" else 3500)
