"""Property tests over the synthetic generator: every cell of a layout that is read comes back,
every seeded inconsistency is caught, in every format, layout and encoding. (Glued layouts, which
are solved rather than read, have their own properties in test_solve.py.)"""

from hypothesis import HealthCheck, given, settings, strategies as st

from gik_tui.core.extract import extract
from gik_tui.core.readers import read_bytes
from gik_tui.core.synth import GLUED_LAYOUTS as GLUED, LAYOUTS, make_report, write_corpus
from gik_tui.core.templates import load_template

READ = tuple(x for x in LAYOUTS if x not in GLUED)


def _reports(layouts):
    return st.builds(
        make_report,
        i=st.integers(0, 10**6),
        seed=st.integers(0, 1000),
        inconsistent=st.booleans(),
        template_id=st.sampled_from(["gik-2019", "gik-2021", "legacy"]),
        layout=st.sampled_from(layouts),
        encoding=st.sampled_from(["utf-8", "gbk"]),
    )


reports = _reports(READ)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports)
def test_every_cell_comes_back(rep):
    ex = extract(read_bytes(rep.render(), rep.filename))
    assert (ex.template, ex.year, ex.agency) == (rep.template, rep.year, rep.agency)
    got = {c.key: c for c in ex.cells}
    for key, value in rep.values.items():
        assert got[key].value == value, key
        assert got[key].confidence == 1.0
    assert [s.template_section for s in ex.sections] == load_template(rep.template).section_names


@settings(max_examples=150, deadline=None)
@given(_reports(LAYOUTS))
def test_seeded_inconsistency_is_caught(rep):
    """Read layouts: the seeded check fails, nothing else fails or is pending. Glued layouts: a
    report never looks clean when it is not — the seeded check fails, or it (or its table) is
    pending on the cells the identities left undecided; a consistent report fails nothing, and is
    pending only on undecided cells."""
    ex = extract(read_bytes(rep.render(), rep.filename))
    failing = [c.id for c in ex.failing]
    open_ = [c.id for c in ex.checks if c.state != "holds"]
    glued = rep.layout in GLUED
    if rep.seeded is None:
        assert failing == []
        assert glued or open_ == []
    else:
        table = rep.seeded.split(".")[0]
        if glued:
            assert any(f.startswith(rep.seeded) or f.startswith(table + ".") for f in open_), (rep.seeded, open_)
        else:
            assert any(f.startswith(rep.seeded) for f in failing) and open_ == failing, (rep.seeded, open_)
        for chk in ex.failing:
            assert chk.cells and ("≠" in chk.message or ">" in chk.message or chk.id.endswith(".missing"))
    for chk in ex.pending:  # a pending check says what it waits for
        assert chk.waiting and not chk.ok


def test_write_corpus(tmp_path):
    assert write_corpus(str(tmp_path), 15, seed=3, inconsistent=0.5) == 15
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 15 and any(f.endswith(".html") for f in files)
