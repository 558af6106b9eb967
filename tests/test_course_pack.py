"""Course packs (utskrift/kurs-<set>.pdf): PDF/UA tagged, a table of contents whose page
numbers are right, every theme, every question per role and the source's references.

Expected texts from content/reflections/systemperspektiv.yaml (3 themes, 11 questions) and
content/sources/ukom-systemperspektiv.yaml (its three references).
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

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
def pack(library: Library) -> PdfReader:
    written = coursepack.files(library)
    assert sorted(written) == [
        "utskrift/kurs-kollegastotte.pdf",
        "utskrift/kurs-systemperspektiv.pdf",
    ]
    return PdfReader(io.BytesIO(written["utskrift/kurs-systemperspektiv.pdf"]))


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
