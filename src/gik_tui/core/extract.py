"""The pipeline: Document → Extraction (template, metadata, sections, cells, checks, warnings)."""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache

from .bundle import describe, find_parts, reading_span
from .document import Document
from .meta import choose_template, find_agency_from, find_year_from
from .model import Cell, CheckResult, Extraction
from .ocr_check import confirm
from .prose import prose_figures
from .readers import read_path
from .checks import run_checks
from .sections import match_sections
from .tables.align import align
from .tables.stream import tokenize
from .templates import load_template
from .values import blank_mark


@cache
def _cell_keys(template_id: str) -> tuple[tuple[str, tuple], ...]:
    """Every cell address of each table of a template, in template order (computed once)."""
    return tuple((spec.id, tuple((spec.id, r, c) for r, c in spec.cells)) for spec in load_template(template_id).tables)


def extract_path(path: str | os.PathLike) -> Extraction:
    return extract(read_path(path))


def extract(doc: Document, template_id: str | None = None, section_threshold: float | None = None) -> Extraction:
    """Extract a report; `template_id` forces a format, `section_threshold` overrides the template's
    (the score below which a heading stays unmatched)."""
    warnings: list[str] = []
    if "replaced" in doc.encoding:
        warnings.append(f"{doc.source}: {doc.encoding}")
    warnings.extend(f"{doc.source}: {n}" for n in doc.notes)
    findings: tuple[CheckResult, ...] = ()
    parts = find_parts(doc)
    if len(parts) > 1:  # several reports in one file, or one written again: the one reading_span gives is read
        said = describe(parts)
        warnings.append(f"{doc.source}: {said}")
        if any(p.copy_of is None and p.variant_of is None for p in parts[1:]):
            findings = (CheckResult("file.reports", False, said, ()),)
        doc = doc.segment(*reading_span(parts, len(doc.text)))
    name = os.path.basename(doc.source)
    year, year_from = find_year_from(doc.norm, doc.title, name)
    if template_id is None:
        template_id, why = choose_template(doc.norm, year)
        warnings.extend(why)
    template = load_template(template_id)
    toks = tokenize(doc, template_id)
    al = align(doc, template_id, toks)
    warnings.extend(al.warnings)
    found = dict(al.cells)
    offers: dict = dict(al.offers)
    prose, said, undecided = prose_figures(doc, template_id, al.consumed, al.spans, year)
    warnings.extend(said)
    for cell in prose:
        old = found.get(cell.key)
        if cell.key in undecided:  # (figures the text says for it that nothing tells apart)
            these, said_of = undecided[cell.key]
            if old is None:
                found[cell.key] = cell
                offers[cell.key] = these
                warnings.append(said_of)
            elif old.value is not None and old.value not in {v for v, _ in cell.candidates}:
                warnings.append(f"{said_of}; the table says {old.raw} (line {old.line}), and its value stands")
        elif old is None or old.value is None:
            found[cell.key] = cell
        elif old.value != cell.value:
            warnings.append(
                f"{cell.table} {cell.row[-1]}: the table says {old.raw} (line {old.line}), the text says "
                f"{cell.raw} (line {cell.line}); the table's value stands"
            )
    if doc.recognised:  # figures recognised in a picture: kept only where the identities confirm them
        found, said, confirmed = confirm(doc, template_id, found, dict(_cell_keys(template_id)))
        offers.update(confirmed)
        warnings.extend(said)
    cells: list[Cell] = []
    filled = {k[0] for k, c in found.items() if c.value is not None or c.method == "ocr"}
    notes = al.row_notes
    for table, keys in _cell_keys(template_id):  # every cell of every table, blanks as null, each with why
        for k in keys:
            c = found.get(k)
            if c is None:
                why = notes.get((k[0], k[1])) or ("row not found" if table in filled else "table not found")
                cells.append(Cell(k[0], k[1], k[2], None, reason=why))
            elif c.value is None and not c.candidates and c.reason is None:
                dash = c.method != "table" and blank_mark(c.raw)  # (a dash among glued figures: the empty cell it is)
                cells.append(replace(c, reason=f"empty in the table ({c.raw.strip()})" if dash else
                                     "empty in the table" if c.method == "table" else
                                     "the text and the identities leave no figure here"))
            else:
                cells.append(c)
    sections = match_sections(doc, al.consumed, template, section_threshold, al.spans)
    if doc.pages:  # a PDF or Word report: every figure and heading knows its page
        page_of = doc.page_of
        cells = [replace(c, page=page_of(c.start)) if c.start is not None else c for c in cells]
        al.other_rows = [replace(r, page=page_of(r.start)) for r in al.other_rows]
        sections = [replace(s, page=page_of(s.start)) for s in sections]
    agency, agency_from = find_agency_from(doc.norm, doc.title, name)
    checks = [*findings, *run_checks(template, found)]
    for chk in checks:
        if chk.id.endswith(".missing"):
            warnings.append(chk.message)
    return Extraction(
        source=doc.source,
        sha256=doc.sha256,
        template=template_id,
        year=year,
        agency=agency,
        agency_from=agency_from,
        year_from=year_from,
        sections=tuple(sections),
        cells=tuple(cells),
        checks=tuple(checks),
        warnings=tuple(warnings),
        encoding=doc.encoding,
        splits=al.splits,
        questions=tuple(al.questions),
        other_rows=tuple(al.other_rows),
        offers=offers,
        findings=findings,
    )
