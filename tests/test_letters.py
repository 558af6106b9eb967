"""Invitation letter (PDF, DOCX, custom letterhead), poster and question guide, opened and read."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from docx import Document
from pypdf import PdfReader

from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.walkround import blanks as walkround_blanks
from refleks.walkround.documents import letters
from refleks.walkround.kit import Kit, kit_for
from refleks.writer import write_tree

from . import walkround_helpers as wh
from .conftest import ROOT
from .walkround_helpers import (
    LEADER,
    UNIT,
    VISIT_LEADER,
    copy_project,
    docx_text,
    flat,
    pdf_fonts,
    pdf_info,
    pdf_text,
    run_visit,
)

CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def test_letter_pdf_has_names_dates_and_text_literally(kit_dir: Path) -> None:
    text = flat(pdf_text(kit_dir / "invitasjonsbrev.pdf"))
    assert LEADER in text
    assert VISIT_LEADER in text
    assert "kommunalsjef" in text
    assert "Testkommunen Postboks 1 9999 Testby" in text
    assert "30. april 2030" in text  # letter date: two weeks before the visit
    assert (
        f"Ledelsen i Øvre Æsøy kommune vil besøke {UNIT} tirsdag 14. mai 2030 klokken "
        "13.00. Visitten tar 60 minutter og holdes i Møterommet, 2. etasje."
    ) in text
    # the four purpose points, the signature and the contact line
    assert "Formålet med visitten • Vise at ledelsen prioriterer pasientsikkerhet." in text
    assert "• Følge opp tiltak sammen med enheten." in text
    assert (
        "For mer informasjon, kontakt Ola Koordinator, telefon 123 45 678, e-post ola@example.no."
    ) in text
    assert f"Med vennlig hilsen {VISIT_LEADER} kommunalsjef" in text
    # a section with show_title: false has no heading
    assert "Invitasjon Ledelsen i" not in text
    assert "Vedlegg Informasjon til medarbeiderne" in text


def test_letter_pdf_metadata_fonts_and_pages(kit_dir: Path) -> None:
    path = kit_dir / "invitasjonsbrev.pdf"
    info = pdf_info(path)
    assert info["Title"] == f"Invitasjon til pasient- og brukersikkerhetsvisitt – {UNIT}"
    assert info["Pages"] == "2"
    assert info["Page size"].startswith("595.276 x 841.89")  # A4
    assert info["Tagged"] == "yes"
    assert info["CreationDate"].startswith("Tue Apr 30 00:00:00 2030")
    assert str(PdfReader(path).trailer["/Root"]["/Lang"]) == "nb"
    fonts = pdf_fonts(path)
    assert fonts and all("DejaVu" in f[0] and f[-5] == "yes" for f in fonts), fonts


def test_letter_docx_fields_filled_and_escaped(kit_dir: Path) -> None:
    data = (kit_dir / "invitasjonsbrev.docx").read_bytes()
    doc = Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[:8] == [
        "Testkommunen",
        "Postboks 1",
        "9999 Testby",
        "",
        LEADER,
        "avdelingsleder",
        UNIT,
        "30. april 2030",
    ]
    assert "Invitasjon" not in paragraphs  # show_title: false
    assert "Formålet med visitten" in paragraphs
    assert paragraphs.count(VISIT_LEADER) == 1
    assert "{{" not in docx_text(data) and "{%" not in docx_text(data)
    props = doc.core_properties
    assert props.author == "Testkommunen"
    # read from the XML: docxcompose (imported by docxtpl) rebinds python-docx's «cp» prefix
    # to another namespace, so python-docx no longer finds cp:lastModifiedBy in this process
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        core = ElementTree.fromstring(package.read("docProps/core.xml"))
    assert core.findtext(f"{{{CORE_PROPERTIES}}}lastModifiedBy") == "Testkommunen"
    assert props.title == f"Invitasjon til pasient- og brukersikkerhetsvisitt – {UNIT}"
    assert props.created.isoformat().startswith("2030-04-30T00:00:00")


def test_blank_letter_has_dotted_fields_and_no_names(blank_kit: Kit) -> None:
    text = flat(pdf_text(letters.pdf(blank_kit)))
    assert text.startswith("........................ kommune")
    assert "Ledelsen i ........................ kommune vil besøke ........................" in text
    assert "For mer informasjon, kontakt ........................" in text
    docx = docx_text(letters.docx(blank_kit))
    assert docx.splitlines()[0] == "........................ kommune"
    for name in ("Nordmann", "Koordinator", "Åsheim", "Øvre Æsøy"):
        assert name not in text and name not in docx


def _custom_template(path: Path, *fields: str) -> None:
    doc = Document()
    doc.add_paragraph("Vår egen brevmal")
    for field in fields:
        doc.add_paragraph("{{ " + field + " }}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def _use_template(project: Path, template: str, logo: str | None = None) -> None:
    site = project / "content" / "site.yaml"
    extra = f"letter_template: {template}\n" + (f"logo: {logo}\n" if logo else "")
    site.write_text(site.read_text("utf-8") + extra, "utf-8")


def test_custom_letter_template_with_logo(tmp_path: Path) -> None:
    from PIL import Image

    project = copy_project(tmp_path)
    _custom_template(
        project / "maler" / "brev.docx", "logo", "mottaker.navn", "fakta.dato", "underskrift.navn"
    )
    Image.new("RGB", (40, 20), (0, 80, 160)).save(project / "maler" / "logo.png")
    _use_template(project, "maler/brev.docx", "maler/logo.png")
    assert run_visit(project) == 0
    data = (project / "out" / "visits" / "testvisitt" / "invitasjonsbrev.docx").read_bytes()
    doc = Document(io.BytesIO(data))
    assert [p.text for p in doc.paragraphs][1:] == [
        "",
        LEADER,
        "tirsdag 14. mai 2030",
        VISIT_LEADER,
    ]
    assert len(doc.inline_shapes) == 1
    pdf = project / "out" / "visits" / "testvisitt" / "invitasjonsbrev.pdf"
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 1 and images[0].split()[3:5] == ["40", "20"]


def test_unknown_field_in_custom_template_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    _custom_template(project / "maler" / "brev.docx", "mottaker.navn", "saksnummer")
    _use_template(project, "maler/brev.docx")
    assert run_visit(project) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/site.yaml:6:18: feil: brevmalen maler/brev.docx bruker feltet «saksnummer», "
        "som Refleks ikke fyller ut\n  nøkkel: letter_template\n  skrevet: saksnummer\n"
        "  forventet: et av feltene: avsender, avsnitt, brevdato, etiketter, fakta, hilsen, "
        "kontakt, logo, mottaker, tid_og_sted, tittel, underskrift, vedlegg\n"
    )
    assert err.endswith(
        "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )
    assert not (project / "out").exists()


def test_unknown_attribute_in_custom_template_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    _custom_template(project / "maler" / "brev.docx", "mottaker.adresse")
    _use_template(project, "maler/brev.docx")
    assert run_visit(project) == 1
    assert (
        "feil: brevmalen maler/brev.docx bruker feltet «adresse», som Refleks ikke fyller ut"
    ) in capsys.readouterr().err


def test_missing_custom_template_and_logo_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    _use_template(project, "maler/finnes-ikke.docx", "maler/logo.png")
    assert run_visit(project) == 1
    err = capsys.readouterr().err
    assert (
        "content/site.yaml:6:18: feil: finner ikke brevmalen\n  nøkkel: letter_template\n"
        "  skrevet: maler/finnes-ikke.docx\n"
    ) in err
    assert "content/site.yaml:7:7: feil: finner ikke logoen\n  nøkkel: logo\n" in err


def test_poster(kit_dir: Path) -> None:
    path = kit_dir / "plakat.pdf"
    text = flat(pdf_text(path))
    # the municipality on top: the poster hangs in a unit and says who comes
    assert text.startswith(f"Øvre Æsøy kommune Pasient- og brukersikkerhetsvisitt {UNIT}")
    assert "tirsdag 14. mai 2030" in text and "13.00–14.00" in text
    assert "Møterommet, 2. etasje" in text
    assert "• Lære om risiko i tjenesten." in text
    info = pdf_info(path)
    assert (
        info["Pages"] == "1"
        and info["Title"] == f"Plakat: Pasient- og brukersikkerhetsvisitt – {UNIT}"
    )


def test_question_guide(kit_dir: Path) -> None:
    text = flat(pdf_text(kit_dir / "sporsmalsguide.pdf"))
    assert f"Spørsmålsguide Enhet {UNIT} Dato tirsdag 14. mai 2030" in text
    assert (
        "Åpningsspørsmål 1. Hva er den største risikoen for pasientene her? "
        "2. Når gikk noe nesten galt sist? • Legemidler • Fall og forflytning "
        "Avslutning 1. Hva kan ledelsen gjøre for å bedre sikkerheten?"
    ) in text


def test_site_blanks_have_the_linked_names_and_no_visit(wr_library, tmp_path: Path) -> None:
    written = write_tree(tmp_path, walkround_blanks.files(wr_library))
    folder = tmp_path / "visitt" / "blanko"
    # the blank forms the method page links to: every document of a kit except the timeline
    expected = [
        "invitasjonsbrev.pdf",
        "invitasjonsbrev.docx",
        "sporsmalsguide.pdf",
        "plakat.pdf",
        "tiltaksplan.xlsx",
        "tiltaksplan.docx",
        "tiltaksplan.pdf",
        "referat.docx",
    ]
    assert sorted(p.name for p in written) == sorted(expected)
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)
    texts = [pdf_text(folder / n) for n in expected if n.endswith(".pdf")]
    texts += [docx_text((folder / n).read_bytes()) for n in expected if n.endswith(".docx")]
    for text in texts:
        assert "Nordmann" not in text and "Åsheim" not in text
    assert "........................ kommune" in texts[0]


def test_letter_and_staff_information_say_when_and_where(kit_dir: Path) -> None:
    """The fixture visit: 14 May 2030, 13:00 for 60 minutes, «Møterommet, 2. etasje». The
    letter says it once in its first paragraph; the staff information, a page of its own
    put up for the staff, under its heading (a table in the DOCX)."""
    prose = (
        f"vil besøke {UNIT} tirsdag 14. mai 2030 klokken 13.00. Visitten tar 60 minutter og "
        "holdes i Møterommet, 2. etasje."
    )
    table = "Dato: tirsdag 14. mai 2030 Klokkeslett: 13.00–14.00 Sted: Møterommet, 2. etasje"
    text = flat(pdf_text(kit_dir / "invitasjonsbrev.pdf"))
    assert text.count(prose) == 1
    assert text.count("tirsdag 14. mai 2030") == 2  # the prose and the attachment's table
    assert f"Vedlegg Informasjon til medarbeiderne {table} Dere er invitert" in text
    document = Document(io.BytesIO((kit_dir / "invitasjonsbrev.docx").read_bytes()))
    paragraphs = " ".join(p.text for p in document.paragraphs)
    assert paragraphs.count(prose) == 1 and paragraphs.count("14. mai 2030") == 1
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert rows == [
        ["Dato", "tirsdag 14. mai 2030"],
        ["Klokkeslett", "13.00–14.00"],
        ["Sted", "Møterommet, 2. etasje"],
    ]


def test_letter_docx_has_page_numbers_attachment_label_and_tight_address(kit_dir: Path) -> None:
    """As the PDF: «Side 1 av 2» in the footer, «Vedlegg» above the staff information, and
    the recipient's lines under one another without a gap."""
    document = Document(io.BytesIO((kit_dir / "invitasjonsbrev.docx").read_bytes()))
    footer = document.sections[0].footer._element.xml
    assert re.search(r"<w:t[^>]*>Side </w:t>.*PAGE.*<w:t[^>]*> av </w:t>.*NUMPAGES", footer, re.S)
    texts = [p.text for p in document.paragraphs]
    label = texts.index("Vedlegg")
    assert texts[label + 1] == "Informasjon til medarbeiderne"
    assert document.paragraphs[label].paragraph_format.page_break_before
    start = texts.index("Kari <b>Nordmann</b> & Co")
    assert texts[start : start + 3] == ["Kari <b>Nordmann</b> & Co", "avdelingsleder", UNIT]
    for p in document.paragraphs[start : start + 2]:
        assert p.paragraph_format.space_after == 0
    widths = [c.width for c in document.tables[0].rows[0].cells]
    assert widths[0] < widths[1] / 3  # a narrow label column, the values beside it


def structure(path_or_bytes: Path | bytes) -> tuple[dict[str, int], set[str]]:
    """The tagged PDF's structure types (counted) and the languages set on its elements."""
    reader = PdfReader(
        io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    )
    kinds: dict[str, int] = {}
    languages: set[str] = set()

    def walk(element) -> None:
        element = element.get_object()
        if not isinstance(element, dict):
            return
        if "/S" in element:
            kinds[str(element["/S"])] = kinds.get(str(element["/S"]), 0) + 1
        if "/Lang" in element:
            languages.add(str(element["/Lang"]))
        children = element.get("/K")
        for child in children if isinstance(children, list) else [children]:
            if hasattr(child, "get_object"):
                walk(child)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return kinds, languages


def test_letter_pdf_is_pdf_ua_with_title_language_and_structure(kit_dir: Path) -> None:
    path = kit_dir / "invitasjonsbrev.pdf"
    root = PdfReader(path).trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])  # the title, not the file
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    title = f"Invitasjon til pasient- og brukersikkerhetsvisitt – {UNIT}"
    escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert f'<rdf:li xml:lang="x-default">{escaped}</rdf:li>' in xmp.replace("&quot;", '"')
    assert "<dc:language><rdf:Bag><rdf:li>nb</rdf:li></rdf:Bag></dc:language>" in xmp
    kinds, _ = structure(path)
    # the fixture letter: its title and the attachment's (H1), the four of five sections
    # with a shown title (H2), the purpose points and the staff information's as lists
    assert kinds["/H1"] == 2 and kinds["/H2"] == 4
    assert kinds["/L"] >= 2 and kinds["/LI"] >= 4 and kinds["/P"] >= 10
    # each page numbered (Typst marks the footer as an artifact, outside the structure)
    assert "Side 1 av 2" in pdf_text(path)


def test_letter_pdf_same_bytes_for_the_same_input(blank_kit: Kit, wr_kit: Kit) -> None:
    with wh.env(SOURCE_DATE_EPOCH="1900000000"):
        first = letters.pdf(wr_kit)
        again = letters.pdf(Kit(wr_kit.library, wr_kit.method, wr_kit.visit))
    assert first == again
    assert letters.pdf(blank_kit) == letters.pdf(Kit(blank_kit.library, blank_kit.method))


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_letter_pdf_does_not_hyphenate(language: str) -> None:
    """A letter set ragged right breaks lines between words («enhe-/ten» read as a form
    filled in by machine), in both languages."""
    library = build_library(Project(ROOT))
    visit = library.visits["eksempel-solbakken"].model_copy(update={"language": language})
    out = subprocess.run(
        ["pdftotext", "-", "-"],
        input=letters.pdf(kit_for(library, visit)),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert "klokk" in out  # the letter was read
    assert not re.findall(r"\w\u00ad\n\w", out)
