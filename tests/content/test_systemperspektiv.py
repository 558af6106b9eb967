"""The shipped content from Ukom's learning material on system perspective (seed 002)."""

from __future__ import annotations

import pytest

from refleks.content.model import Library

SOURCE_ID = "ukom-systemperspektiv"


@pytest.fixture(scope="module")
def source(library: Library):
    return library.sources[SOURCE_ID]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def test_findings_quoted_word_for_word(source) -> None:
    # seed, «Funn i rapporten»
    assert [(f.number, f.quote, _one_line(f.text)) for f in source.findings] == [
        (
            1,
            True,
            "Mange som leder gjennomganger av alvorlige hendelser forteller at de har "
            "utfordringer med tid, ressurser, kompetanse og metodisk støtte.",
        ),
        (
            2,
            True,
            "Ikke alle med viktig innsikt blir involvert i gjennomgangene. De som blir involvert "
            "forteller ofte om uklare forventninger til deltakelsen, om frykt for skyld og at de "
            "opplever det som belastende.",
        ),
        (
            3,
            True,
            "Rapporter blir ofte utarbeidet i forbindelse med tilsyn, og bare i varierende grad "
            "til forbedringsarbeid. Systemperspektivet blir ofte ikke godt nok ivaretatt, og "
            "læringspunkter fra rapporten blir sjeldent delt.",
        ),
    ]


def test_theme_notes_keep_the_findings_meaning(library: Library) -> None:
    notes = {t.id: _one_line(t.notes) for t in library.reflections["systemperspektiv"].themes}
    assert "forteller at de har utfordringer med tid" in notes["ledelse"]
    assert "mangler tid" not in notes["ledelse"]
    assert "i forbindelse med tilsyn" in notes["rapporter"]
    assert "for tilsynet" not in notes["rapporter"]


def test_questions_are_quoted(library: Library) -> None:
    themes = library.reflections["systemperspektiv"].themes
    assert [t.quote for t in themes] == [True, True, True]
    # seed: 1 + 1 + 1, 2 + 2 + 1, 1 + 1 + 1 questions to the three leader levels
    assert sum(len(q) for t in themes for q in t.questions.values()) == 11
