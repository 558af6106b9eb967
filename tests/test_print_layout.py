"""Every printed document reads well on the page (issue 12).

Every PDF that ``refleks build``, ``refleks visit`` and ``refleks session`` make, and
LibreOffice's PDF of every DOCX and XLSX they make, is measured with ``tests/pdf_layout.py``:
no text outside the page, no text under 9 pt (the poster: 18 pt, read at 2 m), no text over
text, no ruled line through text, no word split inside a table cell. LibreOffice prints each
office file once for the whole module.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from docx import Document

from refleks import cli

from . import walkround_helpers as wh
from .pdf_layout import convert_office, layout_problems, office_words

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
POSTER_PT = 18.0
BODY_PT = 9.0


def min_size(pdf: Path) -> float:
    return POSTER_PT if pdf.name == "plakat.pdf" else BODY_PT


@pytest.fixture(scope="module")
def example_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped example visit's kit, made by ``refleks visit`` in a copy of the content."""
    project = tmp_path_factory.mktemp("eksempel")
    shutil.copytree(ROOT / "content", project / "content")
    with wh.env(REFLEKS_TODAY="2027-01-04"):
        code = cli.main(["--project", str(project), "visit", "eksempel-solbakken"])
    assert code == 0
    return project / "out" / "visits" / "eksempel-solbakken"


@pytest.fixture(scope="module")
def session_kit(tmp_path_factory: pytest.TempPathFactory, shipped_project: Path) -> Path:
    out = tmp_path_factory.mktemp("okt")
    args = ["--reflection", "kollegastotte", "--role", "kollega", "--name", "okt"]
    argv = ["--project", str(shipped_project), "session", *args, "--out", str(out)]
    assert cli.main(argv) == 0
    return out / "okt"


@pytest.fixture(scope="module")
def folders(default_site: Path, kit_dir: Path, example_kit: Path, session_kit: Path) -> list[Path]:
    # the site's PDFs, DOCX and XLSX are made by Refleks, the same bytes with either engine
    # (tests/test_engines.py), so they are printed and measured once
    return [default_site, kit_dir, example_kit, session_kit]


@pytest.fixture(scope="module")
def office_pdfs(folders: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """LibreOffice's PDF of every DOCX and XLSX, printed once for the module."""
    out = tmp_path_factory.mktemp("libreoffice")
    printed: dict[Path, Path] = {}
    for number, folder in enumerate(folders):
        files = sorted([*folder.rglob("*.docx"), *folder.rglob("*.xlsx")])
        printed.update(convert_office(files, out / str(number)))
    return printed


def test_every_pdf_made_reads_well(folders: list[Path]) -> None:
    pdfs = sorted(p for folder in folders for p in folder.rglob("*.pdf"))
    kinds = {p.name for p in pdfs}
    # something to check: handouts, decks, the walkround kit and the session kit
    for expected in ("sporsmalsguide.pdf", "plakat.pdf", "invitasjonsbrev.pdf", "utskrift.pdf"):
        assert expected in kinds
    problems = [p for pdf in pdfs for p in layout_problems(pdf, min_size(pdf))]
    assert problems == [], "\n".join(problems)


def test_every_office_document_prints_well(office_pdfs: dict[Path, Path]) -> None:
    kinds = {source.name for source in office_pdfs}
    assert {"invitasjonsbrev.docx", "referat.docx", "tiltaksplan.docx"} <= kinds
    assert "tiltaksplan.xlsx" in kinds
    problems = [
        f"{source}: {problem}"
        for source, pdf in sorted(office_pdfs.items())
        for problem in layout_problems(pdf, BODY_PT, words=office_words(source))
    ]
    assert problems == [], "\n".join(problems)


def test_action_plan_and_minutes_plan_print_on_landscape_pages(
    office_pdfs: dict[Path, Path],
) -> None:
    """The 7-column plan needs A4 landscape: the XLSX on every page, the minutes for the plan."""
    import pdfplumber

    def orientations(pdf: Path) -> list[str]:
        with pdfplumber.open(pdf) as doc:
            return ["liggende" if p.width > p.height else "stående" for p in doc.pages]

    def plan_header_on_every_page(pdf: Path) -> bool:
        with pdfplumber.open(pdf) as doc:
            return all("Målsetting" in (p.extract_text() or "") for p in doc.pages)

    for source, pdf in office_pdfs.items():
        if source.name == "tiltaksplan.xlsx":
            assert set(orientations(pdf)) == {"liggende"}, source
            assert plan_header_on_every_page(pdf), source
        if source.name == "referat.docx":
            pages = orientations(pdf)
            assert pages[0] == "stående" and "liggende" in pages, (source, pages)
            with pdfplumber.open(pdf) as doc:
                texts = [p.extract_text() or "" for p in doc.pages]
            plan_page = next(i for i, t in enumerate(texts) if "Målsetting" in t)
            assert pages[plan_page] == "liggende", source


PROBLEMS_TYP = """
#set document(title: "Feil", date: datetime(year: 2030, month: 1, day: 1))
#set page(paper: "a4", margin: 20mm)
#set text(font: "DejaVu Sans", size: 11pt, lang: "nb", hyphenate: false)
#set par(spacing: 4mm)
Ordet tilbakemeldingsskjemaene står her helt.

#text(size: 7pt)[Liten skrift]

#block[Strek gjennom denne linjen#place(left + horizon, line(length: 100%, stroke: 1pt))]

#block[Tekst oppå#place(top + left, dy: 1mm)[annen tekst her]]

#context table(
  columns: (measure[tilbakemeldings].width + 10pt + 1pt, 18mm),
  inset: 5pt,
  table.header[Ord][Svar],
  [tilbakemeldings#linebreak()skjemaene], [ja],
  [a], [b],
)

#place(top + left, dx: 165mm, dy: 120mm, box(width: 100mm)[Utenfor siden langt ut til høyre])
"""


def test_checker_finds_each_kind_of_problem(tmp_path: Path) -> None:
    """The checker itself, on a page made to have every problem once."""
    from refleks.pdfbackend import Document, compile_pdf

    template = tmp_path / "feil.typ"
    template.write_text(PROBLEMS_TYP, "utf-8")
    pdf = tmp_path / "feil.pdf"
    pdf.write_bytes(compile_pdf(Document("feil.pdf", template, tmp_path, "{}")))
    found = "\n".join(layout_problems(pdf))
    assert "7.0 pt er mindre enn 9.0 pt: «Liten skrift»" in found
    assert "linje gjennom teksten: «Strek gjennom denne linjen»" in found
    assert "tekst over annen tekst" in found or "tekstlinjer over hverandre" in found
    assert "ord delt i en tabellcelle: «tilbakemeldings|skjemaene»" in found
    assert "tekst utenfor siden: «Utenfor siden" in found


def test_minutes_do_not_ask_again_and_sign_after_the_plan(example_kit: Path) -> None:
    """The facts table already has date, unit and participants; signatures come last."""
    text = wh.docx_text((example_kit / "referat.docx").read_bytes())
    assert "Dato og klokkeslett for visitten" not in text  # the method's «Om visitten» items
    assert "Enheten (avdelingen) som ble besøkt" not in text
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert paragraphs.index("Tiltaksplan") < paragraphs.index("Underskrift")
    assert paragraphs.index("Frister") < paragraphs.index("Underskrift")
    # a line to sign on for the top leader and the visit leader, each with the date beside it
    document = Document(io.BytesIO((example_kit / "referat.docx").read_bytes()))
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows == [
        ["_" * 22 + "\nDato", "_" * 40 + "\nOla Nordmann, kommunaldirektør (øverste leder)"],
        [
            "_" * 22 + "\nDato",
            "_" * 40 + "\nEva Eksempel, helse- og omsorgssjef (leder for visitten)",
        ],
    ]


def test_no_page_is_nearly_empty(office_pdfs: dict[Path, Path], example_kit: Path) -> None:
    """No printed page of a letter, the minutes or an office file holds only a line or two
    (the minutes once broke onto a page with one sentence): text covers at least 10 % of
    every page's height, the page number left out."""
    import pdfplumber

    pdfs = {**office_pdfs, example_kit / "invitasjonsbrev.pdf": example_kit / "invitasjonsbrev.pdf"}
    assert any(s.name == "referat.docx" for s in pdfs)
    thin = []
    for source, pdf in sorted(pdfs.items()):
        with pdfplumber.open(pdf) as doc:
            for number, page in enumerate(doc.pages, 1):
                words = [
                    w for w in page.extract_words() if not re.fullmatch(r"Side|\d+|av", w["text"])
                ]
                covered = max((w["bottom"] for w in words), default=0) - min(
                    (w["top"] for w in words), default=0
                )
                if covered < 0.1 * page.height:
                    thin.append(f"{source.name} side {number}: {covered / page.height:.0%}")
    assert thin == [], "\n".join(thin)


DOUBLED = re.compile(r"[?!][.,]|(?<![.…])\.\.(?![.…])|,,")
"""«hendelser?. Utgiver», «hendelser?, Helsedirektoratet», «slutt..»: punctuation doubled
where a text that ends in its own mark meets the template's (a blank's dots are three or
more, and stay)."""


def test_no_doubled_punctuation_in_any_document(
    folders: list[Path], office_pdfs: dict[Path, Path]
) -> None:
    import pdfplumber

    pdfs = sorted(
        {*(p for folder in folders for p in folder.rglob("*.pdf")), *office_pdfs.values()}
    )
    assert any(p.name == "kurs-kollegastotte.pdf" for p in pdfs)
    found = []
    for pdf in pdfs:
        with pdfplumber.open(pdf) as doc:
            text = " ".join(page.extract_text() or "" for page in doc.pages)
        found += [
            f"{pdf.name}: …{text[max(0, m.start() - 30) : m.end() + 10]}…"
            for m in DOUBLED.finditer(text)
        ]
    assert found == [], "\n".join(found)
