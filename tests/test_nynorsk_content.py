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
    # content/ and the hand-written pages (docs/nn/) have nynorsk everywhere (said in nynorsk)
    assert [line for line in out.splitlines() if "åtvaring" in line] == []


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


def test_a_source_summary_without_nynorsk_is_warned_word_for_word(project, capsys) -> None:
    _language(project, "nn")
    source = project / "content" / "sources" / "ukom-systemperspektiv.yaml"
    text = source.read_text("utf-8")
    source.write_text(text[: text.index("\nnn:\n") + 1], "utf-8")  # the nn table is last
    code, out = run(project, capsys, "check")
    assert code == 0
    line = text.splitlines().index("summary: |") + 1
    assert (
        # said in the project's language (nynorsk); what was written is quoted as it stands
        f"content/sources/ukom-systemperspektiv.yaml:{line}:10: åtvaring: teksten har ingen "
        "nynorsk versjon, og nettstaden er på nynorsk\n"
        "  nøkkel: summary\n"
        "  skrive: Ukom har undersøkt hvordan kommuner og sykehus går gjennom alvorlige "
        "uønskede he\n"  # the first 80 characters
        "  venta: teksten på nynorsk under «nn:» ved sida av\n"
        "  tips: skriv teksten på nynorsk i tabellen «nn:» i same element (sjå «Bokmål og "
        "nynorsk» i forfattarrettleiinga)"
    ) in out
    assert run(project, capsys, "check", "--strict")[0] == 1


def test_a_summary_section_without_nynorsk_is_warned_word_for_word(project, capsys) -> None:
    _language(project, "nn")
    source = project / "content" / "sources" / "hdir-pasient-og-brukersikkerhetsvisitt.yaml"
    text = source.read_text("utf-8")
    start = text.index('    nn:\n      title: "Vedlegga i rettleiaren"')
    source.write_text(text[:start] + text[text.index("definitions:", start) :], "utf-8")
    code, out = run(project, capsys, "check")
    assert code == 0
    line = text.splitlines().index("    title: Vedleggene i veilederen") + 1
    assert (
        f"content/sources/hdir-pasient-og-brukersikkerhetsvisitt.yaml:{line}:12: åtvaring: "
        "teksten har ingen nynorsk versjon, og nettstaden er på nynorsk\n"
        "  nøkkel: sections[5].title (avsnitt 6)\n"
        "  skrive: Vedleggene i veilederen\n"
    ) in out
    assert "  nøkkel: sections[5].text (avsnitt 6)\n  skrive: Veilederen har fire vedlegg:" in out
    # the points are the guide's own titles of its attachments: no warning for them
    assert "sections[5].items" not in out


def test_a_discrepancy_without_nynorsk_is_warned_word_for_word(project, capsys) -> None:
    _language(project, "nn")
    framework = project / "content" / "frameworks" / "fram.yaml"
    text = framework.read_text("utf-8")
    start = text.index("    nn:\n      text: |\n        Ukoms lysark kallar")
    framework.write_text(text[:start] + text[text.index("# Beskrivelsen", start) :], "utf-8")
    code, out = run(project, capsys, "check")
    assert code == 0
    line = text.splitlines().index("discrepancies:") + 3  # «text: |» of the first note
    assert (
        f"content/frameworks/fram.yaml:{line}:11: åtvaring: teksten har ingen nynorsk "
        "versjon, og nettstaden er på nynorsk\n"
        "  nøkkel: discrepancies[0].text (merknad 1)\n"
        "  skrive: Ukoms lysark kaller metoden «Functional Resonance Method (FRAM)». Metodens "
        "vanli\n"  # the first 80 characters
        "  venta: teksten på nynorsk under «nn:» ved sida av\n"
        "  tips: skriv teksten på nynorsk i tabellen «nn:» i same element (sjå «Bokmål og "
        "nynorsk» i forfattarrettleiinga)"
    ) in out
    # the versions are the sources' words: nothing to translate
    assert "discrepancies[0].versions" not in out
    assert run(project, capsys, "check", "--strict")[0] == 1


def test_what_a_reference_supports_without_nynorsk_is_warned(project, capsys) -> None:
    _language(project, "nn")
    source = project / "content" / "sources" / "dyrbye-kollegastotte.yaml"
    text = source.read_text("utf-8")
    nn = '    nn:\n      supports: "utbrenning er ein risiko for uønskte hendingar"\n'
    source.write_text(text.replace(nn, ""), "utf-8")
    code, out = run(project, capsys, "check")
    assert code == 0
    line = text.splitlines().index('    supports: "utbrenthet er en risiko for uønskede hendelser"')
    assert (
        f"content/sources/dyrbye-kollegastotte.yaml:{line + 1}:15: åtvaring: teksten har ingen "
        "nynorsk versjon, og nettstaden er på nynorsk\n"
        "  nøkkel: references[1].supports\n"
        "  skrive: utbrenthet er en risiko for uønskede hendelser\n"
    ) in out
    # the reference itself is the source's: no warning for it
    assert "references[1].text" not in out


def test_a_nynorsk_library_has_nynorsk_notes_and_the_sources_versions(project) -> None:
    _language(project, "nn")
    library = build_library(Project(project))
    fram = library.frameworks["fram"].discrepancies[0]
    assert fram.text.startswith("Ukoms lysark kallar metoden «Functional Resonance Method")
    assert fram.versions == [
        "Functional Resonance Method (FRAM)",
        "Functional Resonance Analysis Method",
    ]
    method = {d.id: d for d in library.methods["pasientsikkerhetsvisitt"].discrepancies}
    assert method["vedlegg-3"].text.startswith("Teksten kallar vedlegg 3 eit døme på tiltaksplan")
    assert method["vedlegg-3"].versions[0] == "Se vedlegg 3 for eksempel på tiltaksplan."
    refs = {r.id: r for r in library.sources["dyrbye-kollegastotte"].references}
    assert refs["west-2009"].text == "West, JAMA. 2009;302(12):1294-1300"
    assert refs["west-2009"].supports == "utbrenning er ein risiko for uønskte hendingar"
    texts = [d.text for s in library.sources.values() for d in s.discrepancies]
    texts += [d.text for f in library.frameworks.values() for d in f.discrepancies]
    texts += [d.text for d in library.methods["pasientsikkerhetsvisitt"].discrepancies]
    texts += [r.supports for s in library.sources.values() for r in s.references]
    # the notes quote the sources in «»; outside the quotes, no bokmål-only words
    own = " ".join(texts)
    while "«" in own:
        own = own[: own.index("«")] + own[own.index("»", own.index("«")) + 1 :]
    assert not words_of(own) & {"ikke", "hva", "hvordan", "fra", "leder", "kaller", "også"}


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
    # a source's summary is Refleks' own words: in nynorsk; its findings are the source's
    source = library.sources["ukom-systemperspektiv"]
    assert source.summary.startswith("Ukom har undersøkt korleis kommunar og sjukehus")
    assert source.findings[0].title == "Ledelse av gjennomganger"
    sections = {s.id: s for s in library.sources["hdir-vold-og-trusler"].sections}
    assert sections["oppdraget"].title == "Oppdraget"
    assert sections["oppdraget"].items[0].startswith("Kartleggje omfanget av vald og truslar")
    assert sections["sammendrag"].title == "Hovudpunkt frå samandraget i rapporten"
    # a section quoted from the source stays as the source wrote it
    visit = {s.id: s for s in library.sources["hdir-pasient-og-brukersikkerhetsvisitt"].sections}
    assert visit["programmet"].text.startswith("Det nasjonale pasientsikkerhetsprogrammet")
    assert visit["vedlegg"].title == "Vedlegga i rettleiaren"
    assert visit["vedlegg"].items[0].startswith("Vedlegg 1: Invitasjon til pasient- og bruker")
    # every translated text is free of bokmål-only words
    texts = [theme.title, theme.intro, theme.notes, question, source.summary]
    texts += [s.text for s in sections.values() if s.summary_of] + sections["oppdraget"].items
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


def test_new_source_on_a_nynorsk_site_has_an_nn_table(project: Path, capsys) -> None:
    _language(project, "nn")
    assert run(project, capsys, "new", "source", "--title", "Ei ny kjelde")[0] == 0
    data = yaml.safe_load((project / "content/sources/ei-ny-kjelde.yaml").read_text("utf-8"))
    assert data["nn"] == {"summary": "FYLL UT: samandraget på nynorsk"}
