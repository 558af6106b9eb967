"""What an author meets in `refleks check`: every error in one run, where each text comes
from (the source or Refleks), references to findings and recommendations, and warnings
for duplicate theme numbers, themes without questions and long headings.

Every project is the small fixture (tests/fixtures/minimal) with one or two files
changed; line numbers in the expected messages are counted in the YAML written here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refleks.cli import main
from refleks.content.pipeline import build_library
from refleks.project import Project

from .conftest import ROOT

SET_HEAD = """id: sett
source: kilde
title: Et refleksjonssett
"""

THEME = """themes:
  - id: tema
    number: 1
    title: Et tema
    findings: [kilde/funn]
    questions:
      leder:
        - Hva gjør jeg?
"""

ORIGIN_EXPECTED = (
    "  forventet: authored_by: kilden (står i kilden) eller authored_by: refleks "
    "(skrevet for Refleks)\n"
    "  tips: skriv «authored_by: ...» på settet (gjelder alt i det) eller på temaet; til da "
    "vises tekstene som skrevet for Refleks\n"
)


@pytest.fixture
def prosjekt(tmp_path: Path) -> Path:
    target = tmp_path / "prosjekt"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", target)
    return target


def _write(prosjekt: Path, rel: str, text: str) -> None:
    (prosjekt / rel).write_text(text, "utf-8")


def _check(prosjekt: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--project", str(prosjekt), "check"])
    return code, capsys.readouterr().err


# --------------------------------------------------------------------------- all errors at once


def test_a_schema_error_and_a_wrong_reference_in_two_files_come_in_one_run(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frameworks = "content/frameworks/verktoy.yaml"
    _write(prosjekt, frameworks, "id: verktoy\nname: Et verktøy\nsummary: Et.\nsources: kilde\n")
    theme = THEME.replace("[kilde/funn]", "[kilde/fun]")
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    code, err = _check(prosjekt, capsys)
    assert code == 1
    assert err == (
        "content/frameworks/verktoy.yaml:4:10: feil: «sources» skal være en liste, "
        "med «- » foran hvert punkt\n"
        "  nøkkel: sources\n"
        "  skrevet: kilde\n"
        "  forventet: en liste, med «- » foran hvert punkt på egen linje, for eksempel:\n"
        "      sources:\n"
        "        - kilde\n"
        "content/reflections/sett.yaml:9:16: feil: funnet «kilde/fun» finnes ikke\n"
        "  nøkkel: themes[0].findings[0] (tema 1, funn 1)\n"
        "  skrevet: kilde/fun\n"
        "  forventet: en av: kilde/funn\n"
        "  tips: mente du «kilde/funn»?\n"
        "\n2 feil i innholdet. Rett dem og kjør refleks check på nytt.\n"
    )


def test_a_file_with_a_schema_error_still_has_its_references_checked(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = THEME.replace("number: 1", "number: en").replace("leder:", "ledr:")
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    code, err = _check(prosjekt, capsys)
    assert code == 1
    assert err == (
        "content/reflections/sett.yaml:7:13: feil: feil type\n"
        "  nøkkel: themes[0].number (tema 1)\n"
        "  skrevet: en\n"
        "  forventet: et heltall\n"
        "content/reflections/sett.yaml:11:7: feil: rollen «ledr» finnes ikke\n"
        "  nøkkel: themes[0].questions.ledr (tema 1)\n"
        "  skrevet: ledr\n"
        "  forventet: en av: kollega, leder\n"
        "  tips: mente du «leder»? Er «ledr» en ny rolle, lag den med: "
        "refleks new role --title Ledr\n"
        "\n2 feil i innholdet. Rett dem og kjør refleks check på nytt.\n"
    )


def test_a_question_written_as_text_gets_an_example_of_a_list(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = THEME.replace("      leder:\n        - Hva gjør jeg?", "      leder: Hva gjør jeg?")
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    code, err = _check(prosjekt, capsys)
    assert code == 1
    assert err == (
        "content/reflections/sett.yaml:11:14: feil: «leder» skal være en liste, "
        "med «- » foran hvert punkt\n"
        "  nøkkel: themes[0].questions.leder (tema 1)\n"
        "  skrevet: Hva gjør jeg?\n"
        "  forventet: en liste, med «- » foran hvert punkt på egen linje, for eksempel:\n"
        "      leder:\n"
        "        - Hva gjør jeg?\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


# --------------------------------------------------------------------------- references


def test_themes_build_on_recommendations_and_a_wrong_one_names_its_own_source(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        prosjekt,
        "content/sources/annen.yaml",
        "id: annen\ntitle: En annen kilde\npublisher: Utgiver\nkind: rapport\nsummary: Kort.\n"
        "findings:\n  - {id: funnet, title: Et annet funn, text: Noe., summary_of: s. 1}\n",
    )
    theme = THEME.replace(
        "    findings: [kilde/funn]\n",
        "    findings: [kilde/funnet]\n    recommendations: [kilde/anbefaling, kilde/anbefalin]\n",
    )
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    code, err = _check(prosjekt, capsys)
    assert code == 1
    # «kilde/funnet» is closest to annen/funnet, but the source named comes first
    assert err == (
        "content/reflections/sett.yaml:9:16: feil: funnet «kilde/funnet» finnes ikke\n"
        "  nøkkel: themes[0].findings[0] (tema 1, funn 1)\n"
        "  skrevet: kilde/funnet\n"
        "  forventet: en av: kilde/funn\n"
        "  tips: mente du «kilde/funn»?\n"
        "content/reflections/sett.yaml:10:41: feil: anbefalingen «kilde/anbefalin» finnes ikke\n"
        "  nøkkel: themes[0].recommendations[1] (tema 1, anbefaling 2)\n"
        "  skrevet: kilde/anbefalin\n"
        "  forventet: en av: kilde/anbefaling\n"
        "  tips: mente du «kilde/anbefaling»?\n"
        "\n2 feil i innholdet. Rett dem og kjør refleks check på nytt.\n"
    )


def test_a_theme_shows_the_recommendations_it_builds_on(prosjekt: Path) -> None:
    theme = THEME.replace(
        "    findings: [kilde/funn]\n", "    recommendations: [kilde/anbefaling]\n"
    )
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    library = build_library(Project(prosjekt))
    assert library.reflections["sett"].themes[0].recommendations == ["kilde/anbefaling"]
    assert library.recommendation("kilde/anbefaling")[1].text == "Testkilden anbefaler noe."


# --------------------------------------------------------------------------- origin


def test_texts_that_do_not_say_where_they_come_from_are_a_warning(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    theme = THEME.replace("    title: Et tema\n", "    title: Et tema\n    intro: Om temaet.\n")
    text = SET_HEAD + "instruction: Snakk sammen.\n" + theme
    _write(prosjekt, "content/reflections/sett.yaml", text)
    code, err = _check(prosjekt, capsys)
    assert code == 0
    assert err == (
        "content/reflections/sett.yaml:4:14: advarsel: det står ikke om innledningen eller "
        "instruksjonen til settet står i kilden eller er skrevet for Refleks\n"
        "  nøkkel: instruction\n"
        "  skrevet: uten authored_by\n" + ORIGIN_EXPECTED + "content/reflections/sett.yaml:6:5: "
        "advarsel: det står ikke om tekstene i temaet «Et tema» står i kilden eller er "
        "skrevet for Refleks\n"
        "  nøkkel: themes[0] (tema 1)\n"
        "  skrevet: uten authored_by: innledningen, 1 spørsmål\n" + ORIGIN_EXPECTED
    )


def test_unstated_texts_are_shown_as_written_for_refleks(prosjekt: Path) -> None:
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + THEME)
    library = build_library(Project(prosjekt))
    reflection = library.reflections["sett"]
    theme = reflection.themes[0]
    assert reflection.authored_by is None
    assert theme.questions["leder"][0].authored_by == "refleks"
    assert theme.intro_origin(reflection) == "refleks"
    assert reflection.questions_origin == "refleks"


def test_each_text_can_say_where_it_comes_from(prosjekt: Path) -> None:
    theme = (
        THEME.replace(
            "    title: Et tema\n",
            "    title: Et tema\n    authored_by: kilden\n    intro: Om temaet.\n"
            "    intro_authored_by: refleks\n    notes: Notater til lederen.\n",
        )
        + "        - {text: Hva ser jeg?, authored_by: refleks}\n"
    )
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: refleks\n" + theme)
    library = build_library(Project(prosjekt))
    assert not library.warnings
    reflection = library.reflections["sett"]
    theme_item = reflection.themes[0]
    first, second = theme_item.questions["leder"]
    assert (first, first.authored_by) == ("Hva gjør jeg?", "kilden")  # the theme's
    assert (second, second.authored_by) == ("Hva ser jeg?", "refleks")  # its own
    assert theme_item.intro_origin(reflection) == "refleks"
    assert theme_item.notes_origin(reflection) == "kilden"
    assert theme_item.origin_for("leder") == "blandet"
    assert reflection.questions_origin == "blandet"


def test_quoted_questions_count_as_the_sources() -> None:
    from refleks.content.schema import Reflection

    theme = {"id": "t", "number": 1, "title": "T", "quote": True, "questions": {"a": ["Hva?"]}}
    data = {"id": "s", "source": "k", "title": "S", "themes": [theme]}
    reflection = Reflection.model_validate(data)
    assert reflection.themes[0].questions["a"][0].authored_by == "kilden"


# --------------------------------------------------------------------------- theme warnings


def test_duplicate_numbers_empty_themes_and_long_headings_are_warnings(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_title = "Et tema med en overskrift som er altfor lang til å stå på ett lysark " + (
        "uten å bryte over mange linjer"
    )
    assert len(long_title) == 99  # 69 + 30 characters
    theme = THEME + (
        f"  - id: tema-to\n    number: 1\n    title: {long_title}\n    questions: {{}}\n"
    )
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    code, err = _check(prosjekt, capsys)
    assert code == 0
    assert err == (
        "content/reflections/sett.yaml:14:13: advarsel: to temaer har nummer 1 "
        "(linje 7 og 14)\n"
        "  nøkkel: themes[1].number (tema 2)\n"
        "  skrevet: 1\n"
        "  forventet: et nummer ingen andre temaer i settet har\n"
        "  tips: temaene vises i rekkefølgen i filen; nummeret står i overskriftene\n"
        f"content/reflections/sett.yaml:15:12: advarsel: overskriften er 99 tegn, over 90\n"
        "  nøkkel: themes[1].title (tema 2)\n"
        f"  skrevet: {long_title}\n"
        "  forventet: en overskrift på høyst 90 tegn\n"
        "  tips: lange overskrifter brytes over mange linjer på lysark og utskrifter; flytt det "
        "som forklarer, til «intro»\n"
        "content/reflections/sett.yaml:16:16: advarsel: temaet "
        f"«{long_title}» har ingen spørsmål\n"
        "  nøkkel: themes[1].questions (tema 2)\n"
        "  forventet: minst ett spørsmål til minst én rolle\n"
        "  tips: temaet vises uten refleksjonsspørsmål; legg til spørsmål under en rolle-id\n"
    )


def test_a_long_role_address_is_a_warning(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    address = "Til deg som er leder for en enhet, en avdeling, en seksjon eller et helt " + (
        "område i kommunene"
    )
    assert len(address) == 91  # 73 + 18 characters
    roles = prosjekt / "content" / "roles.yaml"
    roles.write_text(
        roles.read_text("utf-8").replace("Til deg som er leder\n", address + "\n"), "utf-8"
    )
    code, err = _check(prosjekt, capsys)
    assert code == 0
    assert err == (
        "content/roles.yaml:3:12: advarsel: overskriften er 91 tegn, over 90\n"
        "  nøkkel: [0].address (rolle 1)\n"
        f"  skrevet: {address}\n"
        "  forventet: en overskrift på høyst 90 tegn\n"
        "  tips: «address» er overskriften over rollens spørsmål på hver temaside; stillingene "
        "i «examples» står på en linje under den\n"
    )


def test_the_shipped_content_says_where_every_text_comes_from(library) -> None:
    assert not [w for w in library.warnings if "authored_by" in (w.expected or "")]
    assert not [w for w in library.warnings if "tegn, over" in w.message]


def test_the_theme_page_lists_the_recommendations_it_builds_on(prosjekt: Path) -> None:
    from refleks.site import pages

    built_on = "    recommendations: [kilde/anbefaling]\n"
    theme = THEME.replace("    findings: [kilde/funn]\n", built_on)
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    docs = prosjekt / "docs-ut"
    pages.build(build_library(Project(prosjekt)), docs)
    page = (docs / "refleksjon" / "sett" / "tema.md").read_text("utf-8")
    # tests/fixtures/minimal/content/sources/kilde.yaml: the recommendation has no title
    assert "## Anbefalinger temaet bygger på" in page
    assert "<strong>Anbefaling:</strong> Testkilden anbefaler noe." in page
    assert '"../../kilder/kilde.html#anbefaling-anbefaling">les i kilden</a>' in page


# --------------------------------------------------------------------------- values in Norwegian


def test_sharing_is_written_in_norwegian_and_the_old_english_values_still_work(
    prosjekt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = prosjekt / "content" / "sources" / "kilde.yaml"
    text = source.read_text("utf-8")
    for written, read in (("open", "åpen"), ("summary-only", "bare sammendrag")):
        source.write_text(text.replace("kind: rapport\n", f"kind: rapport\nsharing: {written}\n"))
        assert build_library(Project(prosjekt)).sources["kilde"].sharing == read
    source.write_text(text.replace("kind: rapport\n", "kind: faglige råd\nsharing: apen\n"))
    code, err = _check(prosjekt, capsys)
    assert code == 1
    assert err == (
        "content/sources/kilde.yaml:5:10: feil: ugyldig verdi\n"
        "  nøkkel: sharing\n"
        "  skrevet: apen\n"
        "  forventet: en av: åpen, bare sammendrag\n"
        "  tips: mente du «åpen»?\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_only_the_refleks_questions_of_a_mixed_list_are_marked(prosjekt: Path) -> None:
    from refleks.site import pages

    # the intro is the source's (the set's authored_by: kilden), so it stands in kilde.txt
    intro = "    intro: Innledning til temaet.\n"
    theme = THEME.replace("    title: Et tema\n", "    title: Et tema\n" + intro)
    theme += "        - {text: Hva ser jeg?, authored_by: refleks}\n"
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    docs = prosjekt / "docs-ut"
    pages.build(build_library(Project(prosjekt)), docs)
    page = (docs / "refleksjon" / "sett" / "tema.md").read_text("utf-8")
    mark = ' <em class="refleks-opphav">(Skrevet for Refleks – står ikke i kilden)</em>'
    assert '"sett/tema/leder/1">Hva gjør jeg?</li>' in page
    assert f'"sett/tema/leder/2">Hva ser jeg?{mark}</li>' in page
    assert '!!! info "Delvis skrevet for Refleks"' in page
    assert page.count("Skrevet for Refleks – står ikke i kilden") == 2  # the box and the mark


def test_a_mixed_list_is_not_credited_wholly_to_refleks_in_handouts_and_decks(
    prosjekt: Path,
) -> None:
    from refleks.decks import handouts, slides

    theme = THEME + "        - {text: Hva ser jeg?, authored_by: refleks}\n"
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: kilden\n" + theme)
    library = build_library(Project(prosjekt))
    reflection = library.reflections["sett"]
    chosen = reflection.themes[0]
    mixed = (
        "Noen av spørsmålene er skrevet for Refleks og står ikke i kilden (de er merket); "
        "de andre er hentet fra: <cite>"
    )
    printer = handouts.Printer(library)
    sections = handouts.theme_sections(library, reflection, chosen)
    handout = printer.html(
        "theme.html.j2", reflection=reflection, theme=chosen, sections=sections,
        sources=[library.sources[reflection.source]],
    )  # fmt: skip
    assert mixed in handout
    assert "Spørsmålene er skrevet for Refleks og står ikke i kilden" not in handout
    assert "Spørsmål delvis skrevet for Refleks, ellers fra: " in handout  # the page footer
    deck = slides.render(library, slides.theme_deck(library, reflection, chosen))
    assert mixed in deck
    assert "Spørsmålene er skrevet for Refleks og står ikke i kilden" not in deck
    # all of a theme's questions written for Refleks: the line says so, without "some"
    _write(prosjekt, "content/reflections/sett.yaml", SET_HEAD + "authored_by: refleks\n" + THEME)
    library = build_library(Project(prosjekt))
    reflection = library.reflections["sett"]
    deck = slides.render(library, slides.theme_deck(library, reflection, reflection.themes[0]))
    assert "Spørsmålene er skrevet for Refleks og står ikke i kilden. De bygger på: " in deck
    assert "Noen av spørsmålene" not in deck
