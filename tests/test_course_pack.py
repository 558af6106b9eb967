"""Course packs (utskrift/kurs-<set>.pdf): PDF/UA tagged, a table of contents whose page
numbers are right, every theme, every question per role and the source's references.

Expected texts from content/reflections/systemperspektiv.yaml (3 themes, 11 questions) and
content/sources/ukom-systemperspektiv.yaml (its three references); the references of
kollegastotte as the source's slides give them (content/sources/kollegastotte-etter-uonskede-
hendelser.txt: «(Lie et al 2021)», «Ukom. Undersøkelse etter drukningstragedien i Tromsø. …»).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from refleks import pdfbackend
from refleks.content.model import Library
from refleks.content.pipeline import build_library
from refleks.courses import coursepack
from refleks.project import Project

ROOT = Path(__file__).resolve().parents[1]

THEMES = [
    "Tema 1: Ledelse av gjennomganger",
    "Tema 2: Involvering i gjennomganger",
    "Tema 3: Utforming og bruk av rapporter",
]


@pytest.fixture(scope="module")
def packs(library: Library) -> dict[str, bytes]:
    written = coursepack.files(library)
    assert sorted(written) == [
        "utskrift/kurs-kollegastotte.pdf",
        "utskrift/kurs-systemperspektiv.pdf",
    ]
    return written


@pytest.fixture(scope="module")
def pack(packs: dict[str, bytes]) -> PdfReader:
    return PdfReader(io.BytesIO(packs["utskrift/kurs-systemperspektiv.pdf"]))


def flat(text: str) -> str:
    return " ".join(text.split())


def test_tagged_like_the_handouts(pack: PdfReader) -> None:
    root = pack.trailer["/Root"]
    assert root["/Lang"] == "nb"
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
    assert pack.metadata.title == "Kurshefte: Refleksjon om gjennomganger med systemperspektiv"


def test_contents_page_numbers_lead_to_the_themes(pack: PdfReader) -> None:
    pages = [flat(p.extract_text()) for p in pack.pages]
    contents = pages[0]
    assert "Innhold" in contents
    for title in ["Sammendrag av kilden", *THEMES, "Referanser", "Gjenbruk"]:
        match = re.search(re.escape(title) + r"[ .]*?(\d+)", contents)
        assert match, f"{title} is not in the contents"
        page = int(match.group(1))
        assert title in pages[page - 1], f"{title}: not on page {page}"


def test_every_question_and_reference(pack: PdfReader) -> None:
    text = flat(" ".join(p.extract_text() for p in pack.pages))
    assert text.count("Til deg som skal lede en gjennomgang") == 3
    assert "ikke å finne syndebukker?" in text
    assert "Hvordan bruker jeg innsikt fra gjennomgangen til læring i organisasjonen?" in text
    assert "Lov om Statens undersøkelseskommisjon for helse- og omsorgstjenesten" in text
    assert "Guide for ivaretakelse av pasienter, brukere, pårørende og medarbeidere" in text
    assert "Kilden oppgir ingen vilkår for gjenbruk" in text
    assert "skrevet for Refleks" in text


def test_an_unchanged_pack_is_copied_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    shutil.copytree(Project(ROOT).content, tmp_path / "content")
    library = build_library(Project(tmp_path))
    first = coursepack.files(library)
    laid_out: list[str] = []
    original = pdfbackend.Batch.add

    def add(self: pdfbackend.Batch, document: pdfbackend.Document) -> None:
        laid_out.append(document.name)
        original(self, document)

    monkeypatch.setattr(pdfbackend.Batch, "add", add)
    assert coursepack.files(library) == first
    assert laid_out == []
    assert len(list((tmp_path / "build" / "cache" / "pdf-kurs").iterdir())) == len(first) == 2


def _text(data: bytes) -> str:
    return flat(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def test_references_stand_as_the_source_gives_them(packs: dict[str, bytes]) -> None:
    """The slides give some references in full and some as author and year only; both are
    printed as given, and the pack says once that nothing was added."""
    text = _text(packs["utskrift/kurs-kollegastotte.pdf"])
    references = text[text.index("Referanser Referansene") :]
    # a hyphen at the end of a line is extracted as a soft one
    assert (
        "Ukom. Undersøkelse etter drukningstragedien i Tromsø. Statens undersøkelseskommisjon "
        "for helse- og omsorgstjenesten (Ukom); 2021." in references.replace("\u00ad ", "- ")
    )
    assert "OECD 2021. The Economics of Patient Safety. Part IV: Safety in the Workplace" in (
        references
    )
    for stub in ["10. Lie et al 2021 11. Mesel 2014", "Aasland og Førde 2009, 2017"]:
        assert stub in references
    note = (
        "Referansene står slik kilden oppgir dem; der kilden bare har forfatter og år, har "
        "Refleks ikke lagt til mer."
    )
    assert text.count(note) == 1


def test_the_cover_punctuates_a_title_ending_in_a_question_mark_once(
    packs: dict[str, bytes],
) -> None:
    text = _text(packs["utskrift/kurs-kollegastotte.pdf"])
    assert "etter uønskede hendelser? Utgiver: Helsedirektoratet, Ukom, LEFO og RVTS Øst." in text
    assert re.findall(r"[?!][.,]|\w\.\.(?!\.)", text) == []


FOOTER = 20 / 25.4 * 72
"""The bottom margin (print.typ: 20 mm), where the page footer stands."""


def _reach(page: Any) -> tuple[float, float]:
    """How far down the page the body text starts and ends, as shares of the page height."""
    words = [w for w in page.extract_words() if w["top"] < page.height - FOOTER]
    top = min(w["top"] for w in words)
    bottom = max(w["bottom"] for w in words)
    return top / page.height, bottom / page.height


def test_pages_are_filled(packs: dict[str, bytes]) -> None:
    """The themes follow each other instead of each starting a page (which left pages of
    systemperspektiv two-thirds empty): every page between the cover and the last reaches
    at least two thirds down the page, and no page holds less than a tenth of one."""
    import pdfplumber

    thin = []
    for name, data in sorted(packs.items()):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            assert len(pages) >= 3, name
            for number, page in enumerate(pages, 1):
                top, bottom = _reach(page)
                inner = 1 < number < len(pages)
                if bottom - top < 0.1 or (inner and bottom < 2 / 3):
                    thin.append(f"{name} side {number}: {top:.0%}–{bottom:.0%}")
    assert thin == [], "\n".join(thin)


def test_a_role_keeps_its_questions_on_one_page(packs: dict[str, bytes]) -> None:
    """No page starts with a question left over from the page before, or with an origin line
    cut from the text it belongs to."""
    for name, data in sorted(packs.items()):
        for number, page in enumerate(PdfReader(io.BytesIO(data)).pages[1:], 2):
            first = page.extract_text().strip().splitlines()[0]
            assert not re.match(r"\d+\. ", first), f"{name} side {number}: «{first}»"
            assert not re.match(r"(Skrevet for Refleks|Ordrett|Refleks' sammendrag)", first), (
                f"{name} side {number}: «{first}»"
            )
