"""A nynorsk visit's action plan, minutes and timeline opened as their readers would: tagged
``nn``/``nn-NO`` throughout, the catalogue's words in nynorsk, holidays named in nynorsk, and
the note that the method's own text is bokmål only."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from refleks.cli import main

from .test_nynorsk import BOKMAL_ONLY, NYNORSK_ONLY, _kit, _words
from .walkround_helpers import pdf_text

BOKMAL_NOTE = "Teksten frå rettleiaren i dette dokumentet finst berre på bokmål."


@pytest.fixture(scope="module")
def nn_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _kit(tmp_path_factory.mktemp("nn"), "nn")


@pytest.fixture(scope="module")
def nb_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _kit(tmp_path_factory.mktemp("nb"), None)


def _word_languages(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/"))
    return set(re.findall(r'<w:(?:lang|themeFontLang) w:val="([^"]*)"', xml))


@pytest.mark.parametrize("name", ["tiltaksplan.docx", "referat.docx", "invitasjonsbrev.docx"])
def test_docx_is_tagged_nynorsk_throughout(nn_kit: Path, nb_kit: Path, name: str) -> None:
    assert Document(str(nn_kit / name)).core_properties.language == "nn-NO"
    assert _word_languages(nn_kit / name) == {"nn-NO"}  # no nb-NO, no en-US default
    assert Document(str(nb_kit / name)).core_properties.language == "nb-NO"
    assert _word_languages(nb_kit / name) == {"nb-NO"}


@pytest.mark.parametrize("name", ["tiltaksplan.pdf", "tidslinje.pdf", "plakat.pdf"])
def test_pdf_language(nn_kit: Path, name: str) -> None:
    assert str(PdfReader(nn_kit / name).trailer["/Root"].get("/Lang")) == "nn"


def test_action_plan_xlsx_in_nynorsk(nn_kit: Path) -> None:
    wb = openpyxl.load_workbook(nn_kit / "tiltaksplan.xlsx")
    assert wb.properties.language == "nn-NO"
    ws = wb.worksheets[0]
    statuses = {str(c.value) for row in ws.iter_rows() for c in row if c.column_letter == "G"}
    assert "ikkje starta" in statuses and "ikke startet" not in statuses
    (validation,) = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert validation.formula1 == '"ikkje starta,pågår,ferdig"'
    assert validation.prompt == "Vel ein av: ikkje starta, pågår, ferdig."


def test_action_plan_and_minutes_are_nynorsk_without_a_note(nn_kit: Path) -> None:
    # the method's nynorsk translation has the action plan and the minutes (issue 27): the
    # documents are nynorsk through and through, and none says its text is bokmål only
    for name in ("tiltaksplan.docx", "referat.docx"):
        paragraphs = [p.text for p in Document(str(nn_kit / name)).paragraphs]
        assert BOKMAL_NOTE not in paragraphs
    assert BOKMAL_NOTE not in " ".join(pdf_text(nn_kit / "tiltaksplan.pdf").split())


def test_timeline_has_no_bokmal_forms(nn_kit: Path, nb_kit: Path) -> None:
    nn = pdf_text(nn_kit / "tidslinje.pdf") + (nn_kit / "tidslinje.md").read_text("utf-8")
    nn += (nn_kit / "tidslinje.ics").read_text("utf-8")
    assert _words(nn, BOKMAL_ONLY) == []
    assert "Frist for referat" in nn and "yrkedagar" in nn
    nb = pdf_text(nb_kit / "tidslinje.pdf") + (nb_kit / "tidslinje.md").read_text("utf-8")
    assert _words(nb, NYNORSK_ONLY) == []


def test_a_nynorsk_action_plan_reads_back(nn_kit: Path, capsys: pytest.CaptureFixture) -> None:
    # «ikkje starta» is read as not started: two changes were due 3 May 2027
    plan = str(nn_kit / "tiltaksplan.xlsx")
    assert main(["actionplan", "status", plan, "--date", "2027-05-04"]) == 0
    out = capsys.readouterr().out
    assert "3 tiltak: 0 ferdig, 2 forsinket, 0 uten ansvarlig, 0 uten frist." in out
    assert out.count("status: ikke startet") == 3


def test_the_guides_example_rows_are_marked_bokmal(nn_kit: Path, nb_kit: Path) -> None:
    # the guide's examples stay as the guide wrote them, in bokmål: in a nynorsk plan every
    # run of their rows carries the language nb (the heading row and the plan's own rows nn)
    from .language_words import docx_parts

    parts = docx_parts(nn_kit / "tiltaksplan.docx", "nn")
    marked = [text.strip() for lang, text in parts if lang == "nb"]
    assert "Kjøpe inn armlener asap!" in marked
    assert "Kontrollere antall fall senere" in marked
    assert "Døme frå rettleiaren" not in marked and "Kven har ansvaret?" not in marked
    assert all(lang == "nb" for lang, _ in docx_parts(nb_kit / "tiltaksplan.docx", "nb"))
