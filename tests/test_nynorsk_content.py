"""The project's own content in nynorsk: the ``nn`` tables beside the bokmål texts.

A nynorsk site warns for every own text without a nynorsk version (file:line, word for
word), ``build --strict`` refuses, a bokmål site says nothing, and ``refleks new`` writes an
``nn`` table to fill in on a nynorsk site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from refleks.cli import main
from refleks.content.pipeline import build_library
from refleks.project import Project

from .conftest import ROOT
from .language_words import words_of


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def _language(project: Path, language: str) -> None:
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("language: nb", f"language: {language}"))


def _drop_role_nynorsk(project: Path) -> None:
    """The role «kollega» without its nn table (the text stays as shipped otherwise)."""
    roles = project / "content" / "roles.yaml"
    text = roles.read_text("utf-8")
    start = text.index("- id: kollega\n")
    nn = text.index("  nn:\n", start)
    end = text.index("\n- id:", nn)
    roles.write_text(text[:nn] + text[end + 1 :], "utf-8")


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--project", str(project), *args])
    captured = capsys.readouterr()
    return code, captured.out + "\n" + captured.err


def test_shipped_content_is_all_in_nynorsk(project: Path, capsys) -> None:
    shutil.copytree(ROOT / "docs", project / "docs")
    _language(project, "nn")
    code, out = run(project, capsys, "check")
    assert code == 0
    problems = [line for line in out.splitlines() if "åtvaring" in line]  # said in nynorsk
    # only the authors' guide pages (docs/) are bokmål; content/ has nynorsk everywhere
    assert [p for p in problems if p.startswith("content/")] == []
    assert any(
        p.startswith("docs/for-forfattere/index.md:1:1: åtvaring: sida har") for p in problems
    )


def test_a_role_without_nynorsk_is_warned_word_for_word(project: Path, capsys) -> None:
    _language(project, "nn")
    _drop_role_nynorsk(project)
    code, out = run(project, capsys, "check")
    assert code == 0
    lines = (project / "content" / "roles.yaml").read_text("utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text == "  label: Kollega")
    assert (
        f"content/roles.yaml:{line}:10: åtvaring: teksten har ingen nynorsk versjon, og "
        "nettstaden er på nynorsk\n"
        "  nøkkel: [4].label (rolle 5)\n"
        "  skrive: Kollega\n"
        "  venta: teksten på nynorsk under «nn:» ved sida av\n"
        "  tips: skriv teksten på nynorsk i tabellen «nn:» i same element (sjå «Bokmål og "
        "nynorsk» i forfattarrettleiinga)"
    ) in out
    assert "nøkkel: [4].address" in out and "nøkkel: [4].examples" in out
    assert run(project, capsys, "check", "--strict")[0] == 1


def test_a_bokmal_site_needs_no_nynorsk(project: Path, capsys) -> None:
    _drop_role_nynorsk(project)
    code, out = run(project, capsys, "check")
    assert code == 0
    assert "nynorsk" not in out


def test_a_nynorsk_library_uses_the_nynorsk_texts(project: Path) -> None:
    _language(project, "nn")
    library = build_library(Project(project))
    assert library.roles["leder-enhet"].label == "Leiar for eininga"
    assert library.site.title == "Refleks – læring om pasienttryggleik"
    theme = library.reflections["kollegastotte"].themes[0]
    assert theme.title == "Leiing og kultur som grunnmur"
    question = theme.questions["kollega"][0]
    assert question.startswith("Kva i kulturen vår")
    assert question.authored_by == "refleks"  # the origin goes with the translation
    # questions from the source stay as the source wrote them
    quoted = library.reflections["systemperspektiv"].themes[0].questions["leder-gjennomgang"][0]
    assert quoted.startswith("Hvor får jeg støtte")
    # every translated text is free of bokmål-only words
    texts = [theme.title, theme.intro, theme.notes, question]
    assert not words_of(" ".join(texts)) & {"ikke", "hva", "hvordan", "fra", "leder"}


def test_new_role_on_a_nynorsk_site_has_an_nn_table(project: Path, capsys) -> None:
    _language(project, "nn")
    assert run(project, capsys, "new", "role", "--title", "Vaktleiar")[0] == 0
    roles = yaml.safe_load((project / "content" / "roles.yaml").read_text("utf-8"))
    assert roles[-1]["nn"] == {
        "label": "FYLL UT: namnet på nynorsk",
        "address": "FYLL UT: Til deg som ... (på nynorsk)",
    }


def test_the_nynorsk_method_page_uses_the_translation(project: Path) -> None:
    from refleks.site import pages

    shutil.copytree(ROOT / "docs", project / "docs")
    _language(project, "nn")
    docs = project / "built"
    pages.build(build_library(Project(project)), docs)
    text = (docs / "visitt" / "pasientsikkerhetsvisitt" / "index.md").read_text("utf-8")
    assert text.startswith('---\ntitle: "Pasient- og brukartryggleiksvisitt"')
    assert "Når blei ein brukar sist skadd på eininga di? Kva skjedde?" in text
    # the translator's note is on this page, in nynorsk like the rest of it
    assert '<p class="refleks-merknad">Brevteksten, informasjonen til dei tilsette' in text
