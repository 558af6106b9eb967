"""Quotes checked against the source text: ``quote: true`` and ``content/sources/<id>.txt``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refleks.cli import main
from refleks.content.model import Library
from refleks.content.quotes import canonical, closest, occurs, quotes

from .conftest import ROOT


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped content, to change one word in."""
    project = tmp_path / "prosjekt"
    shutil.copytree(ROOT / "content", project / "content")
    return project


def _replace(file: Path, old: str, new: str) -> None:
    text = file.read_text("utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), "utf-8")


def test_shipped_quotes_all_stand_in_their_sources(library: Library) -> None:
    # counted by hand in content/ (every finding and recommendation of Ukom and Hdir is
    # verbatim): 002 sections 5 texts + 6 points, findings 3, recommendations 2, and in its
    # set 11 questions + 3 theme intros; 000 sections 2, findings 6, recommendations 7;
    # 001 definitions 7, findings 6, recommendations 5, stories 12, questionnaire questions
    # 8 + 7; 003 sections 2, findings 4, stories 3, definition 1; 004 sections 3,
    # definitions 2, guide questions and subpoints 18, letter texts 5 (the first
    # paragraph is filled in as sentences, not quoted) and points 8; the
    # reuse terms of the Dyrbye summary (part of 003)
    found = list(quotes(library))
    assert len(found) == (
        (11 + 3 + 2 + 11 + 3)
        + (2 + 6 + 7)
        + (7 + 6 + 5 + 12 + 15)
        + (2 + 4 + 3 + 1)
        + (3 + 2 + 18 + 13)
        + 1
        # issue 25, headings and catalogues: titles with title_quote (findings 3 + 1,
        # recommendations 5, catalogue groups 2 + 12) and the quoted catalogue groups'
        # intros and items (vold og trusler 1 + 10 + 14 + 14 + 13 + 21; kollegastøtte
        # 8 + 16 + 10 + 3 + 5)
        + (3 + 1 + 5 + 2 + 12)
        + (1 + 10 + 14 + 14 + 13 + 21)
        + (8 + 16 + 10 + 3 + 5)
    )
    by_source = {q.source_id for q in found}
    assert by_source == {
        "ukom-grenseoverskridende-handlinger",
        "dyrbye-kollegastotte",
        "ukom-systemperspektiv",
        "hdir-vold-og-trusler",
        "kollegastotte-etter-uonskede-hendelser",
        "hdir-pasient-og-brukersikkerhetsvisitt",
    }
    assert not [w for w in library.warnings if "sitat" in w.message]


def test_the_five_source_texts_are_shipped() -> None:
    folder = ROOT / "content" / "sources"
    seeds = {
        "ukom-grenseoverskridende-handlinger": "Ukoms undersøkelse viser blant annet at",
        "hdir-vold-og-trusler": "kontinuerlig ledelsesfokus",
        "ukom-systemperspektiv": "Funn i rapporten",
        "kollegastotte-etter-uonskede-hendelser": "(Flere referanser)",
        "hdir-pasient-og-brukersikkerhetsvisitt": "….direktør og ....",
    }
    for source_id, words in seeds.items():
        assert words in (folder / f"{source_id}.txt").read_text("utf-8"), source_id


def test_a_changed_word_in_a_quote_is_an_error_with_the_source_passage(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _replace(
        shipped / "content" / "sources" / "ukom-systemperspektiv.yaml",
        "forteller at de har utfordringer",
        "forteller at de har problemer",
    )
    assert main(["--project", str(shipped), "check"]) == 1
    assert capsys.readouterr().err == (
        "content/sources/ukom-systemperspektiv.yaml:84:11: feil: sitatet står ikke ordrett i "
        "kildeteksten\n"
        "  nøkkel: findings[0].text (funn 1)\n"
        "  skrevet: Mange som leder gjennomganger av alvorlige hendelser forteller at de har "
        "problemer med tid, ressurser, kompetanse og metodisk støtte.\n"
        "  forventet: teksten slik den står i content/sources/ukom-systemperspektiv.txt; "
        "nærmest er: «Mange som leder gjennomganger av alvorlige hendelser forteller at de "
        "har utfordringer med tid, ressurser, kompetanse og metodisk støtte.»\n"
        "  tips: rett ordlyden etter kilden, eller fjern «quote: true» hvis teksten er skrevet "
        "med egne ord\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_a_changed_question_is_reported_at_its_line(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _replace(
        shipped / "content" / "reflections" / "systemperspektiv.yaml",
        "Hvordan kommuniserer jeg viktigheten av dette arbeidet?",
        "Hvordan kommuniserer jeg betydningen av dette arbeidet?",
    )
    assert main(["--project", str(shipped), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/reflections/systemperspektiv.yaml:67:11: feil: sitatet står ikke ordrett i "
        "kildeteksten\n  nøkkel: themes[1].questions.leder-virksomhet[0] (tema 2, spørsmål 1)\n"
    )
    assert "nærmest er: «Hvordan kommuniserer jeg viktigheten av dette arbeidet?" in err


def test_a_quote_without_a_source_text_is_an_error(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (shipped / "content" / "sources" / "ukom-systemperspektiv.txt").unlink()
    assert main(["--project", str(shipped), "check"]) == 1
    err = capsys.readouterr().err
    assert (
        "content/sources/ukom-systemperspektiv.yaml:83:12: feil: kilden «ukom-systemperspektiv» "
        "har ingen kildetekst å kontrollere sitatet mot\n"
        "  nøkkel: findings[0].quote (funn 1)\n"
        "  skrevet: quote: true\n"
        "  forventet: kildens tekst i content/sources/ukom-systemperspektiv.txt\n"
        "  tips: legg teksten fra publikasjonen i filen, eller fjern «quote: true»\n"
    ) in err
    assert (
        "content/sources/ukom-systemperspektiv.yaml:150:14: feil: kilden har en sjekksum, men "
        "ingen kildetekst i content/sources/ukom-systemperspektiv.txt\n"
    ) in err
    # five sections, three findings, two recommendations, three themes' questions and their
    # three intros, the checksum, and the three findings' titles (title_quote: true)
    assert err.count(": feil: ") == 20


# --------------------------------------------------------------------------- normalisation


def test_hyphen_at_line_end_joins_the_word() -> None:
    source = canonical("Ukom er en uavhengig undersøkelses-\nkommisjon for helse- og \nomsorg")
    assert occurs("Ukom er en uavhengig undersøkelseskommisjon for helse- og omsorg", source)


def test_a_real_hyphen_at_line_end_stays_a_hyphen() -> None:
    # content/sources/kollegastotte-etter-uonskede-hendelser.txt, line 529
    source = canonical("Reparative communication and person-\n\ncentered crisis \n\nsupport")
    assert occurs("Reparative communication and person-centered crisis support", source)


def test_a_quote_is_whole_words_of_the_source() -> None:
    source = canonical("tjenesten går glipp av læring i helsetjenesten")
    assert occurs("glipp av læring", source)
    assert not occurs("går glipp av lær", source)  # ends inside a word
    assert not occurs("tjenesten", canonical("i helsetjenesten"))  # begins inside one
    assert not occurs("går glippav læring", source)  # two words run together


def test_a_word_in_brackets_is_the_quoters_correction_of_one_word() -> None:
    source = canonical("inn-/ut-skriving til hjemmetjenestennesten  \n\nForflytninger")
    assert occurs("inn-/ut-skriving til [hjemmetjenesten]", source)
    assert not occurs("inn-/ut-skriving [hjemmetjenesten] Forflytninger", source)  # one word


def test_hyphen_before_og_stays_a_hyphen() -> None:
    source = canonical("kvalitets- og\nforbedringsarbeid")
    assert occurs("kvalitets- og forbedringsarbeid", source)


def test_typographic_and_straight_quotes_are_the_same() -> None:
    source = canonical("Arbeidet er hjemlet i “Lov om Statens \nundersøkelseskommisjon”.")
    assert occurs("Arbeidet er hjemlet i «Lov om Statens undersøkelseskommisjon».", source)
    assert occurs('Arbeidet er hjemlet i "Lov om Statens undersøkelseskommisjon".', source)


def test_spaces_line_breaks_and_bullets_do_not_count() -> None:
    source = canonical("Avvik  \n\n\u2022 Når ble en bruker sist skadet   på din \nenhet?")
    assert occurs("Når ble en bruker sist skadet på din enhet?", source)


def test_dashes_count_as_hyphens() -> None:
    source = canonical("Risiko- og hendelsesanalyse - Håndbok for helsetjenesten")
    assert occurs("Risiko- og hendelsesanalyse – Håndbok for helsetjenesten", source)


def test_a_field_stands_for_a_blank_in_the_source() -> None:
    source = canonical(
        "vil  ….direktør og ....  gjennomføre en visitt på din enhet  Dato____Klokken____"
    )
    assert occurs(
        "vil {ledere} gjennomføre en visitt på din enhet Dato {dato} Klokken {klokkeslett}", source
    )
    assert not occurs("vil ledelsen gjennomføre en visitt", source)
    # a field matches the blank only, never a word of the source beside it
    assert not occurs(
        "rundt dette {ledere} gjennomføre",
        canonical("rundt dette vil ….direktør og .... gjennomføre"),
    )
    assert not occurs("vil {ledere} en visitt", source)
    assert occurs("{kommune} er opptatt", canonical("………… kommune er opptatt"))
    assert not occurs("{kommune} opptatt", canonical("………… kommune er opptatt"))


def test_a_changed_word_does_not_occur_and_the_closest_passage_is_the_source_text() -> None:
    text = "Det er viktig at vi har system og rutiner som i større grad kan forebygge."
    source = canonical("Innledning. " + text + " Og mer tekst etterpå.")
    changed = text.replace("forebygge", "hindre")
    assert not occurs(changed, source)
    assert closest(changed, source).startswith("Det er viktig at vi har system og rutiner")


def test_the_letter_must_keep_the_guides_words(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a quoted section of the letter with one word changed (the guide says «opp til tre»)
    _replace(
        shipped / "content" / "methods" / "pasientsikkerhetsvisitt.yaml",
        "enige om opp til tre hovedtiltak som kan forbedres for å",
        "enige om opp til fire hovedtiltak som kan forbedres for å",
    )
    assert main(["--project", str(shipped), "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        "content/methods/pasientsikkerhetsvisitt.yaml:318:13: feil: sitatet står ikke ordrett i "
        "kildeteksten\n  nøkkel: letter.sections[3].text (avsnitt 4)\n"
    )
    assert "Mot slutten av møtet blir vi enige om opp til tre hovedtiltak" in err


def test_questions_written_for_refleks_cannot_be_quotes(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _replace(
        shipped / "content" / "reflections" / "kollegastotte.yaml",
        "    title: Ledelse og kultur som grunnmur\n",
        "    title: Ledelse og kultur som grunnmur\n    authored_by: refleks\n    quote: true\n",
    )
    assert main(["--project", str(shipped), "check"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "content/reflections/kollegastotte.yaml:24:12: feil: spørsmål skrevet for Refleks kan "
        "ikke være sitert fra kilden\n"
        "  nøkkel: themes[0].quote (tema 1)\n"
        "  skrevet: quote: true\n"
        "  forventet: quote: true bare på temaer der spørsmålene står i kilden\n"
        "  tips: fjern «quote: true», eller fjern «authored_by: refleks» fra temaet hvis "
        "spørsmålene står i kilden\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_reuse_terms_must_stand_in_the_source_text(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # content/sources/dyrbye-kollegastotte.yaml: reuse_terms, checked against the text of
    # the session it is part of (kollegastotte-etter-uonskede-hendelser.txt, line 87)
    _replace(
        shipped / "content" / "sources" / "dyrbye-kollegastotte.yaml",
        "tillatelse til en kort oppsummering",
        "tillatelse til en lang oppsummering",
    )
    assert main(["--project", str(shipped), "check"]) == 1
    assert capsys.readouterr().err == (
        "content/sources/dyrbye-kollegastotte.yaml:9:14: feil: sitatet står ikke ordrett i "
        "kildeteksten\n"
        "  nøkkel: reuse_terms\n"
        "  skrevet: Lotte Dyrbye har gitt tillatelse til en lang oppsummering, men ikke å dele "
        "presentasjonen hun har holdt.\n"
        "  forventet: teksten slik den står i "
        "content/sources/kollegastotte-etter-uonskede-hendelser.txt; nærmest er: «Lotte Dyrbye "
        "har gitt tillatelse til en kort oppsummering, men ikke å dele presentasjonen hun har "
        "holdt.»\n"
        "  tips: skriv vilkårene ordrett slik kilden oppgir dem, eller fjern feltet\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def _check_fails(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--project", str(project), "check"]) == 1
    return capsys.readouterr().err


def test_a_dropped_negation_is_an_error_at_its_line(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _replace(
        shipped / "content" / "sources" / "ukom-systemperspektiv.yaml",
        "Systemperspektivet blir ofte ikke godt nok ivaretatt",
        "Systemperspektivet blir ofte godt nok ivaretatt",
    )
    err = _check_fails(shipped, capsys)
    assert err.startswith(
        "content/sources/ukom-systemperspektiv.yaml:101:11: feil: sitatet står ikke ordrett i "
        "kildeteksten\n"
        "  nøkkel: findings[2].text (funn 3)\n"
        "  skrevet: Rapporter blir ofte utarbeidet i forbindelse med tilsyn, og bare i varierende "
        "grad til forbedringsarbeid. Systemperspektivet blir ofte godt nok ivaretatt, og "
        "læringspunkter fra rapporten blir sjeldent delt.\n"
    )


def test_a_changed_modal_verb_is_an_error_at_its_line(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the guide's question «Er det noe vi kan gjøre ...» (source text, line 445)
    _replace(
        shipped / "content" / "methods" / "pasientsikkerhetsvisitt.yaml",
        "Er det noe vi kan gjøre for å forhindre neste uønskede hendelse?",
        "Er det noe vi må gjøre for å forhindre neste uønskede hendelse?",
    )
    err = _check_fails(shipped, capsys)
    assert err.startswith(
        "content/methods/pasientsikkerhetsvisitt.yaml:375:11: feil: sitatet står ikke ordrett i "
        "kildeteksten\n"
        "  nøkkel: question_guide.categories[0].questions[3]\n"
        "  skrevet: Er det noe vi må gjøre for å forhindre neste uønskede hendelse?\n"
        "  forventet: teksten slik den står i "
        "content/sources/hdir-pasient-og-brukersikkerhetsvisitt.txt; nærmest er: «"
    )
    assert "Er det noe vi kan gjøre for å forhindre neste uønskede hendelse?" in err


def test_a_word_dropped_beside_a_field_is_an_error(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the guide's form: «………… kommune er opptatt av pasient- og brukersikkerhet og for å øke
    # bevissthet rundt dette i organisasjonen vil ….direktør og .... gjennomføre en pasient-
    # og brukersikkerhetsvisitt på din enhet» (the shipped letter writes it as sentences)
    method = shipped / "content" / "methods" / "pasientsikkerhetsvisitt.yaml"
    text = method.read_text("utf-8")
    start = text.index("    - id: innledning\n")
    end = text.index("    - id: formal\n")
    quoted = (
        (
            "    - id: innledning\n"
            "      quote: true\n"
            "      title: Invitasjon\n"
            "      show_title: false\n"
            "      text: {kommune} er opptatt av pasient- og brukersikkerhet og for å øke "
            "bevissthet rundt dette i organisasjonen vil {ledere} gjennomføre en pasient- og "
            "brukersikkerhetsvisitt på din enhet\n"
        )
        .replace("text: {kommune}", "text: '{kommune}")
        .replace("din enhet\n", "din enhet'\n")
    )
    method.write_text(text[:start] + quoted + text[end:], "utf-8")
    assert main(["--project", str(shipped), "check"]) == 0  # the form, word for word
    capsys.readouterr()
    _replace(method, "vil {ledere} gjennomføre", "{ledere} gjennomføre")
    err = _check_fails(shipped, capsys)
    line = text[:start].count("\n") + 5
    assert err.startswith(
        f"content/methods/pasientsikkerhetsvisitt.yaml:{line}:13: feil: sitatet står ikke "
        "ordrett i kildeteksten\n  nøkkel: letter.sections[0].text (avsnitt 1)\n"
    )


def test_an_edited_source_text_is_an_error_at_the_checksum(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a word outside every quote, so only the checksum can tell
    _replace(
        shipped / "content" / "sources" / "ukom-systemperspektiv.txt",
        "Spill av filmen (Vimeo)",
        "Se filmen (Vimeo)",
    )
    err = _check_fails(shipped, capsys)
    assert err == (
        "content/sources/ukom-systemperspektiv.yaml:150:14: feil: kildeteksten "
        "content/sources/ukom-systemperspektiv.txt er endret etter at sjekksummen ble skrevet\n"
        "  nøkkel: text_sha256\n"
        "  skrevet: f26dcab85f3e5e307669169da20f7a154587525e48d8fde810bf371429cfc991\n"
        "  forventet: text_sha256: "
        f"{_sha256(shipped / 'content' / 'sources' / 'ukom-systemperspektiv.txt')} "
        "(sjekksummen til teksten slik den er nå)\n"
        "  tips: sett den publiserte teksten tilbake; er den nye teksten riktig, skriv den nye "
        "sjekksummen\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def _sha256(file: Path) -> str:
    import hashlib

    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_a_source_text_without_a_checksum_is_an_error_at_the_id(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = shipped / "content" / "sources" / "ukom-grenseoverskridende-handlinger.yaml"
    text = file.read_text("utf-8")
    file.write_text(text[: text.index("# sjekksummen")], "utf-8")
    err = _check_fails(shipped, capsys)
    assert err == (
        "content/sources/ukom-grenseoverskridende-handlinger.yaml:1:5: feil: kildeteksten "
        "content/sources/ukom-grenseoverskridende-handlinger.txt har ingen sjekksum i kilden\n"
        "  nøkkel: text_sha256\n"
        "  skrevet: uten text_sha256\n"
        "  forventet: text_sha256: "
        "9339e33a6b05d94d4fa259a936577164df36f97e0c0f4c9a5309686f03340c53\n"
        "  tips: kontroller at teksten er den publiserte, og skriv sjekksummen i kilden\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_a_question_said_to_be_the_sources_is_compared_with_it(
    shipped: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # no «quote: true» on the theme: «authored_by: kilden» on the question is the claim
    _replace(
        shipped / "content" / "reflections" / "kollegastotte.yaml",
        "        - Hvordan viser vi i ledelsen at det er normalt og akseptert at helsepersonell "
        "trenger støtte etter uønskede hendelser?\n",
        "        - text: Hvordan viser vi i ledelsen at det er normalt å trenge støtte?\n"
        "          authored_by: kilden\n",
    )
    err = _check_fails(shipped, capsys)
    assert err.startswith(
        "content/reflections/kollegastotte.yaml:35:11: feil: sitatet står ikke ordrett i "
        "kildeteksten\n"
        "  nøkkel: themes[0].questions.leder-overordnet[0] (tema 1, spørsmål 1)\n"
        "  skrevet: Hvordan viser vi i ledelsen at det er normalt å trenge støtte?\n"
        "  forventet: teksten slik den står i "
        "content/sources/kollegastotte-etter-uonskede-hendelser.txt; nærmest er: «"
    )
    assert err.endswith(
        "»\n"
        "  tips: rett ordlyden etter kilden; er teksten skrevet med egne ord, skriv «authored_by: "
        "sammendrag» (Refleks' sammendrag av kilden) eller «authored_by: refleks» (skrevet for "
        "Refleks)\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
