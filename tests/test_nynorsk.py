"""Bokmål and nynorsk in the walkround documents: complete catalogues, and letters without
the other written standard's forms of the catalogue's and the method's words."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from docx import Document

from refleks import catalogues
from refleks.cli import main
from refleks.walkround import i18n

from .conftest import ROOT
from .walkround_helpers import env, pdf_text

TEMPLATES = ROOT / "templates"
VISIT = "eksempel-solbakken"

# bokmål forms that nynorsk writes differently, and the other way round (whole words)
BOKMAL_ONLY = ("ikke", "hva", "hvordan", "fra", "hvilke", "jeg", "ønsker", "ansatte", "enhet")
NYNORSK_ONLY = ("ikkje", "kva", "korleis", "frå", "kva for", "eg", "ønskjer", "tilsette", "eining")


def _words(text: str, forms: tuple[str, ...]) -> list[str]:
    lower = " ".join(re.sub(r"\{[a-zæøå_]+\}", " ", text).lower().split())  # not {enhet}
    return [f for f in forms if re.search(rf"(?<![\wæøå]){re.escape(f)}(?![\wæøå])", lower)]


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_catalogue_message_exists_in_both_languages(language: str) -> None:
    wanted = set(i18n.source_messages(TEMPLATES))
    path = catalogues.catalogue_path(TEMPLATES, language)
    with path.open("rb") as fh:
        catalog = read_po(fh)
    entries = {(m.context, m.id): m for m in catalog if m.id}
    missing = sorted(wanted - set(entries))
    assert not missing, f"mangler i {path.name} ({language}): {missing}"
    assert not sorted(set(entries) - wanted), "meldinger som ikke lenger brukes"
    untranslated = [k for k, m in entries.items() if not m.string or m.fuzzy]
    assert not untranslated, f"uoversatt i {language}: {untranslated}"


def test_nynorsk_catalogue_has_no_bokmal_forms() -> None:
    table = catalogues.translations(TEMPLATES, "nn")
    text = " ".join(table.values())
    assert _words(text, BOKMAL_ONLY) == []
    assert table[("letters:greeting", "Med vennlig hilsen")] == "Med venleg helsing"
    assert table[("walkround:weekdays.1", "tirsdag")] == "tysdag"


def _kit(tmp_path: Path, language: str | None) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    visit = tmp_path / "content" / "visits" / f"{VISIT}.yaml"
    if language:
        visit.write_text(visit.read_text("utf-8") + f"language: {language}\n", "utf-8")
    with env(REFLEKS_TODAY="2027-01-01", SOURCE_DATE_EPOCH="1800000000"):
        assert main(["--project", str(tmp_path), "visit", VISIT]) == 0
    return tmp_path / "out" / "visits" / VISIT


def _letter_texts(kit: Path) -> tuple[str, str]:
    pdf = pdf_text(kit / "invitasjonsbrev.pdf")
    doc = Document(io.BytesIO((kit / "invitasjonsbrev.docx").read_bytes()))
    return pdf, "\n".join(p.text for p in doc.paragraphs)


def test_nynorsk_letter_has_no_bokmal_forms(tmp_path: Path) -> None:
    kit = _kit(tmp_path, "nn")
    for text in _letter_texts(kit):
        assert _words(text, BOKMAL_ONLY) == []
        assert "Med venleg helsing" in text
        assert "tysdag 13. april 2027 klokka 13.00" in " ".join(text.split())
        # the letter goes out under the municipality's name: no translator's note on it
        # (who translated the method is said on the site's method page)
        assert "omsette til nynorsk for Refleks" not in " ".join(text.split())
    doc = Document(io.BytesIO((kit / "invitasjonsbrev.docx").read_bytes()))
    assert doc.core_properties.language == "nn-NO"
    guide = pdf_text(kit / "sporsmalsguide.pdf")
    assert _words(guide, ("ikke", "hva", "hvordan")) == []
    assert "Kva skjedde?" in guide
    # the action plan's headings and the minutes are in the method's nynorsk translation,
    # so no document says its text is in bokmål only
    plan = " ".join(pdf_text(kit / "tiltaksplan.pdf").split())
    assert "Kven har ansvaret?" in plan
    assert "Hvem har ansvaret?" not in plan
    assert "finst berre på bokmål" not in plan
    minutes = Document(io.BytesIO((kit / "referat.docx").read_bytes()))
    text = "\n".join(p.text for p in minutes.paragraphs)
    assert "Dei viktigaste områda som blei drøfta" in text
    assert "Vidare oppfølging" in text
    assert "Sekretæren skriv referatet og sender det ut innan fire verkedagar." in " ".join(
        text.split()
    )
    assert _words(text, BOKMAL_ONLY) == []


def test_bokmal_letter_has_no_nynorsk_forms(tmp_path: Path) -> None:
    kit = _kit(tmp_path, None)
    for text in _letter_texts(kit):
        assert _words(text, NYNORSK_ONLY) == []
        assert "Med vennlig hilsen" in text
        assert "nynorsk" not in text


def test_nynorsk_html_language(tmp_path: Path) -> None:
    from pypdf import PdfReader

    kit = _kit(tmp_path, "nn")
    reader = PdfReader(kit / "invitasjonsbrev.pdf")
    assert str(reader.trailer["/Root"].get("/Lang")) == "nn"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_site_catalogue_is_complete(language: str) -> None:
    wanted = set(i18n.source_messages(TEMPLATES, "nettsted"))
    table = catalogues.translations(TEMPLATES, language, "nettsted")
    assert sorted(wanted - set(table)) == []


def test_site_in_nynorsk_navigation_and_theme(tmp_path: Path) -> None:
    import yaml

    from refleks.content.pipeline import build_library
    from refleks.project import Project
    from refleks.site import engine, pages

    from .test_bad_input import make_project

    root = make_project(tmp_path / "prosjekt")
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(
        site_yaml.read_text("utf-8").replace("language: nb", "language: nn"), "utf-8"
    )
    library = build_library(Project(root))
    nav = pages.build(library, tmp_path / "docs")
    titles = [next(iter(item)) for item in nav]
    assert "Heim" in titles and "Kjelder" in titles and "Kilder" not in titles
    (root / "mkdocs.yml").write_text("theme: {name: material, language: nb}\n", "utf-8")
    config = engine.write_config(
        library, tmp_path / "docs", tmp_path / "mkdocs.yml", tmp_path / "site", nav
    )
    assert yaml.safe_load(config.read_text("utf-8"))["theme"]["language"] == "nn"


def test_site_blanks_follow_the_site_language(tmp_path: Path) -> None:
    from refleks.content.pipeline import build_library
    from refleks.project import Project
    from refleks.walkround import blanks

    shutil.copytree(ROOT / "content", tmp_path / "content")
    site_yaml = tmp_path / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8")
    site_yaml.write_text(re.sub(r"(?m)^language: nb$", "language: nn", text), "utf-8")
    library = build_library(Project(tmp_path))
    assert library.site.language == "nn"
    letter = " ".join(pdf_text(blanks.files(library)["visitt/blanko/invitasjonsbrev.pdf"]).split())
    assert "Invitasjon til pasient- og brukartryggleiksvisitt" in letter
    assert "Med venleg helsing" in letter
    assert _words(letter, BOKMAL_ONLY) == []


@pytest.mark.parametrize("domain", list(i18n.DOMAINS))
def test_every_catalogue_of_each_domain_is_complete_in_both(domain: str) -> None:
    """Each catalogue (visitt: the documents and checks; nettsted: the site's own words)
    has every message of its labels files, translated, and nothing left over."""
    wanted = set(i18n.source_messages(TEMPLATES, domain))
    assert wanted, f"ingen meldinger i {domain}"
    for language in i18n.LANGUAGES:
        path = catalogues.catalogue_path(TEMPLATES, language, domain)
        with path.open("rb") as fh:
            entries = {(m.context, m.id): m for m in read_po(fh) if m.id}
        assert sorted(wanted - set(entries)) == [], f"mangler i {language}/{path.name}"
        assert sorted(set(entries) - wanted) == [], f"ubrukt i {language}/{path.name}"
        empty = [k for k, m in entries.items() if not m.string or m.fuzzy]
        assert empty == [], f"uoversatt i {language}/{path.name}"


def test_nynorsk_site_catalogue_has_no_bokmal_forms() -> None:
    table = catalogues.translations(TEMPLATES, "nn", "nettsted")
    assert _words(" ".join(table.values()), BOKMAL_ONLY) == []
    bokmal = catalogues.translations(TEMPLATES, "nb", "nettsted")
    assert _words(" ".join(bokmal.values()), NYNORSK_ONLY) == []


def test_nynorsk_schema_catalogue_has_no_bokmal_forms() -> None:
    # the content model's descriptions (skjema.po); key values (`bare sammendrag`) and
    # headings cited in «» are written as the content writes them
    def prose(table: dict[tuple[str, str], str]) -> str:
        return re.sub(r"`[^`]*`|«[^»]*»", " ", " ".join(table.values()))

    assert _words(prose(catalogues.translations(TEMPLATES, "nn", "skjema")), BOKMAL_ONLY) == []
    assert _words(prose(catalogues.translations(TEMPLATES, "nb", "skjema")), NYNORSK_ONLY) == []


def test_site_pages_in_nynorsk(tmp_path: Path) -> None:
    from refleks.content.pipeline import build_library
    from refleks.project import Project
    from refleks.site import pages

    shutil.copytree(ROOT / "content", tmp_path / "content")
    site_yaml = tmp_path / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8")
    site_yaml.write_text(re.sub(r"(?m)^language: nb$", "language: nn", text), "utf-8")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    docs = tmp_path / "docs"
    pages.build(build_library(Project(tmp_path)), docs)
    home = (docs / "index.md").read_text("utf-8")
    assert "## Start her når du lærer på eiga hand" in home
    assert "## Kjelder" in home and "## Kilder" not in home
    themes = [p.read_text("utf-8") for p in (docs / "refleksjon").rglob("*.md")]
    page = next(t for t in themes if "## Refleksjonsspørsmål" in t)
    assert "Kjelde: [" in page and "Kilde: [" not in page
    assert "Denne sida er tekstversjonen av presentasjonen." in page
    journal = (docs / "mine-refleksjoner.md").read_text("utf-8")
    assert "# Mine refleksjonar" in journal and _words(journal, BOKMAL_ONLY) == []
    script = (docs / "assets" / "refleks" / "sporsmal.js").read_text("utf-8")
    assert '"rollevalg": "Eg er …"' in script


def test_tools_speak_the_site_language(tmp_path: Path) -> None:
    from refleks.content.pipeline import build_library
    from refleks.project import Project
    from refleks.site import tools

    shutil.copytree(ROOT / "content", tmp_path / "content")
    site_yaml = tmp_path / "content" / "site.yaml"
    text = site_yaml.read_text("utf-8")
    site_yaml.write_text(re.sub(r"(?m)^language: nb$", "language: nn", text), "utf-8")
    library = build_library(Project(tmp_path))
    visit = tools.tool_words(library, "tool_visit")
    assert visit["ready"] == "Dokumenta er klare."
    assert visit["not_a_visit"] == "ikkje ei visittfil"
    session = tools.tool_words(library, "tool_session")
    assert session["theme"] == "Tema {nummer}: {tittel}"
    assert tools.data(library)["session"]["kit"]["agenda"]["what"] == "Kva"
    # 1 May: «Arbeidarane sin dag» in the letter tool's holiday table
    table = tools.holiday_table(library, 2030)
    assert table["2030-05-01"] == "Arbeidarane sin dag"
    assert table["2030-05-17"] == "Grunnlovsdagen"
