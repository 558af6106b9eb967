"""Every DOCX and XLSX Refleks makes says its title, language and author, and marks the header
of each table: the site's blank forms, a visit kit, a year plan and the status of a folder of
action plans (``refleks actionplan status``).

A Word table is either a table with column headings (its first row repeats on each page:
``w:tblHeader``, and the table style's first row is on) or a two-column table of labels and
values (the first column is the header: ``w:firstColumn="1"``, no header row claimed). A
worksheet repeats its header row on each printed page (print titles), and that row holds a
heading over every column in use.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from refleks.cli import main

from .tools import nothing_to_check
from .walkround_helpers import env

YEAR_PLAN = Path(__file__).resolve().parent / "fixtures" / "yearplan" / "arsplan-2030.yaml"


@pytest.fixture(scope="module")
def documents(default_site: Path, kit_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    """The site first: a site build forks its PDF workers, which hang when the letters' Typst
    has already run in this process (the walkround's compiler is not the one
    ``decks.typeset.started`` knows of).

    Every DOCX and XLSX of the site's blanks, the fixture visit's kit, a year plan made
    once here, and a status report of a folder holding the kit's action plan."""
    from .test_year_plan import plan_project

    project = plan_project(tmp_path_factory.mktemp("office-year"))
    with env(REFLEKS_TODAY="2030-01-01"):
        assert main(["--project", str(project), "visit", "--plan", "arsplan-2030"]) == 0
    status = tmp_path_factory.mktemp("office-status")
    shutil.copy(kit_dir / "tiltaksplan.xlsx", status / "tiltaksplan.xlsx")
    assert main(["actionplan", "status", str(status), "--date", "2030-01-02"]) in (0, 1)
    folders = [default_site / "visitt", kit_dir, project / "out", status]
    found = [p for f in folders for ext in ("*.docx", "*.xlsx") for p in sorted(f.rglob(ext))]
    kinds = {p.name for p in found}
    for name in (
        "invitasjonsbrev.docx",
        "referat.docx",
        "tiltaksplan.docx",
        "tiltaksplan.xlsx",
        "invitasjonsbrev-alle.docx",
        "arsoversikt.xlsx",
        "tiltaksplan-status.xlsx",
    ):
        assert name in kinds, f"{name} ble ikke laget"
    return found


def _docx(documents: list[Path]) -> Iterator[Path]:
    return (p for p in documents if p.suffix == ".docx")


def _xlsx(documents: list[Path]) -> Iterator[Path]:
    return (p for p in documents if p.suffix == ".xlsx")


def _core_problems(title: str | None, language: str | None, author: str | None) -> list[str]:
    problems = []
    if not (title or "").strip():
        problems.append("ingen tittel")
    if language not in ("nb-NO", "nn-NO"):
        problems.append(f"språk {language!r}, ventet nb-NO eller nn-NO")
    if not (author or "").strip():
        problems.append("ingen forfatter")
    return problems


def test_every_document_has_title_language_and_author(documents: list[Path]) -> None:
    problems = []
    for path in _docx(documents):
        core = Document(str(path)).core_properties
        problems += [f"{path}: {p}" for p in _core_problems(core.title, core.language, core.author)]
    for path in _xlsx(documents):
        props = load_workbook(path).properties
        problems += [
            f"{path}: {p}" for p in _core_problems(props.title, props.language, props.creator)
        ]
    assert not problems, "\n".join(problems)


def _table_problem(table) -> str | None:
    """Why a Word table's header is not marked, or None."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    first_row = look is not None and look.get(qn("w:firstRow")) == "1"
    first_column = look is not None and look.get(qn("w:firstColumn")) == "1"
    rows = table.rows
    if not rows:
        return "tom tabell"
    if rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
        if not first_row or first_column:
            return "overskriftsraden er ikke slått på i tabellstilen (firstRow=1, firstColumn=0)"
        if not all(c.text.strip() for c in rows[0].cells):
            return "en kolonne uten overskrift"
        return None
    if len(table.columns) != 2:
        return f"{len(table.columns)} kolonner og ingen overskriftsrad (w:tblHeader)"
    if first_row or not first_column:
        return "ledetekst-tabell uten første kolonne som overskrift (firstColumn=1, firstRow=0)"
    if not all(r.cells[0].text.strip() for r in rows):
        return "en rad uten ledetekst i første kolonne"
    return None


def test_every_word_table_marks_its_header(documents: list[Path]) -> None:
    problems, tables = [], 0
    for path in _docx(documents):
        for i, table in enumerate(Document(str(path)).tables, start=1):
            tables += 1
            problem = _table_problem(table)
            if problem:
                problems.append(f"{path}, tabell {i}: {problem}")
    if not tables:
        nothing_to_check("ingen tabeller i DOCX-filene")
    assert not problems, "\n".join(problems)


def test_every_worksheet_repeats_a_header_row(documents: list[Path]) -> None:
    problems, sheets = [], 0
    for path in _xlsx(documents):
        for ws in load_workbook(path).worksheets:
            sheets += 1
            rows = ws.print_title_rows
            if not rows:
                problems.append(f"{path} «{ws.title}»: ingen utskriftstitler")
                continue
            start, _, end = rows.replace("$", "").partition(":")
            if start != end:
                problems.append(f"{path} «{ws.title}»: utskriftstitlene er {rows}, ventet én rad")
                continue
            header = [ws.cell(int(start), c).value for c in range(1, ws.max_column + 1)]
            if not all(str(v or "").strip() for v in header):
                problems.append(f"{path} «{ws.title}»: en kolonne uten overskrift: {header}")
            for table in ws.tables.values():
                if table.headerRowCount == 0 or range_boundaries(table.ref)[1] != int(start):
                    problems.append(
                        f"{path} «{ws.title}»: tabellen {table.name} har ikke rad "
                        f"{start} som overskrift ({table.ref})"
                    )
    if not sheets:
        nothing_to_check("ingen regneark")
    assert not problems, "\n".join(problems)
