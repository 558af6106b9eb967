"""Questions written for Refleks show their origin the same way on every output.

The site marks them «Skrevet for Refleks»; the decks, the speaker notes, the handouts, the
printed deck and the session kit must too, and never show them under the source's name alone.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from refleks.cli import main
from refleks.content.model import Library
from refleks.decks import slides

SUMMARY = "Refleks' sammendrag av kilden"
MARK = "Skrevet for Refleks – står ikke i kilden"
SOURCE_LINE = "Spørsmålene er skrevet for Refleks og står ikke i kilden. De bygger på:"
# content/reflections/kollegastotte.yaml: authored_by: refleks; the F25 session's title
F25 = "F25: Knust – hvordan ivareta helsepersonell etter uønskede hendelser?"


def _refleks_questions(library: Library) -> list[str]:
    return [q.text for q in library.questions() if q.text.authored_by == "refleks"]


def test_the_written_for_refleks_set_is_the_one_on_colleague_support(library: Library) -> None:
    written = {q.reflection.id for q in library.questions() if q.text.authored_by == "refleks"}
    assert written == {"kollegastotte"}
    assert len(_refleks_questions(library)) == 30


def _sections(html: str) -> list[str]:
    return re.findall(r"<section\b.*?</section>", html, flags=re.S)


def test_every_slide_and_note_with_a_refleks_question_has_the_mark(library: Library) -> None:
    questions = _refleks_questions(library)
    checked = 0
    for deck in slides.site_decks(library):
        html = slides.render(library, deck)
        for section in _sections(html):
            shown, _, notes = section.partition('<aside class="notes">')
            if any(q in shown for q in questions):
                assert MARK in shown, section
                assert MARK in notes, section
                checked += 1
            if f"Kilde: <cite>{F25}" in section:  # only under what the source itself says
                assert re.search(r'data-refleks-kind="(finding|story)"', section), section
        if any(q in html for q in questions):
            assert f"{SOURCE_LINE} <cite>{F25}" in html
    assert checked >= 30  # each question on one slide at least


def test_quoted_questions_have_no_mark(library: Library) -> None:
    sett = library.reflections["systemperspektiv"]
    deck = slides.set_deck(library, sett)
    html = unescape(slides.render(library, deck))
    questions = [q.text for q in library.questions() if q.reflection.id == "systemperspektiv"]
    with_questions = [s for s in _sections(html) if any(q in s for q in questions)]
    assert with_questions
    for section in with_questions:
        assert MARK not in section and "skrevet for Refleks" not in section
    # systemperspektiv.yaml (authored_by: refleks; quote: true on each theme makes its
    # questions the source's): the set's intro and each theme's notes are Refleks's summary
    # (intro_authored_by / notes_authored_by: sammendrag), each theme's intro is the
    # source's words (intro_authored_by: kilden); nothing is Refleks's own
    assert html.count(MARK) == 0
    assert html.count("Refleks' sammendrag av kilden") == 1 + 3
    # the three theme intros and the three finding slides (quote: true in the source)
    assert html.count("Ordrett fra kilden") == 3 + 3
    assert "Kilde: <cite>Systemperspektiv i gjennomganger av alvorlige uønskede hendelser" in html


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f") if page.strip()]


@pytest.fixture(scope="module")
def session_kit(tmp_path_factory: pytest.TempPathFactory, shipped_project: Path) -> Path:
    out = tmp_path_factory.mktemp("okt")
    argv = ["--project", str(shipped_project), "session", "--reflection", "kollegastotte"]
    # 120 minutes: room for all five of the role's themes (20 minutes each, 10 to open and close)
    argv += ["--minutes", "120"]
    assert main([*argv, "--role", "kollega", "--out", str(out), "--name", "kit"]) == 0
    return out / "kit"


def _starts(library: Library) -> list[str]:
    # the first words of each question: a line break in the PDF never falls inside them
    role_questions = [
        q.text for q in library.questions_for_role("kollega") if q.reflection.id == "kollegastotte"
    ]
    assert len(role_questions) == 8  # kollegastotte.yaml: 1 + 2 + 2 + 1 + 2
    return [" ".join(q.split()[:4]) for q in role_questions]


@pytest.mark.parametrize("name", ["utskrift.pdf", "lysark-med-notater.pdf", "veiledning.pdf"])
def test_every_printed_page_with_a_question_has_the_mark(
    library: Library, session_kit: Path, name: str
) -> None:
    starts = _starts(library)
    pages = _pages(session_kit / name)
    with_questions = [p for p in pages if any(s in p for s in starts)]
    assert with_questions
    for page in with_questions:
        assert MARK in page, page
    for page in pages:  # each page's footer names the source with that page's origin
        # «Kilde:» stands only under what the source itself says (its stories, on a page
        # of their own), never on a page with the questions written for Refleks
        if "Fortellinger fra kilden" in page and name == "utskrift.pdf":
            assert f"Kilde: {F25}" in page and not any(s in page for s in starts)
            assert "Spørsmål skrevet for Refleks, bygger på" not in page
            continue
        if f"Kilde: {F25}" in page:
            assert page.startswith(("FORTELLING", "SITAT")) and not any(s in page for s in starts)
        assert "Spørsmål skrevet for Refleks, bygger på: F25" in page


def test_the_session_deck_and_guide_html_have_the_mark(library: Library, session_kit: Path) -> None:
    # the marks as a reader sees them (an apostrophe may stand as &#39;)
    deck = unescape((session_kit / "lysark.html").read_text("utf-8"))
    guide = unescape((session_kit / "veiledning.html").read_text("utf-8"))
    # each question slide and its speaker notes, the summary slide, and the notes (speaker
    # notes of the theme slide) of each of the five themes (kollegastotte.yaml: authored_by:
    # refleks covers them); each theme's intro is Refleks's summary of the source
    # (intro_authored_by: sammendrag)
    assert deck.count(MARK) == 2 * 8 + 1 + 5
    assert deck.count(SUMMARY) == 5
    # under the questions and the notes of each of the five themes; the intros are summaries
    assert guide.count(MARK) == 5 * 2
    assert guide.count(SUMMARY) == 5
    assert f"{SOURCE_LINE} <cite>{F25}</cite>" in guide


# --------------------------------------------------------------------------- issue 16 outputs
# kollegastotte.yaml has six themes, each with questions; systemperspektiv quotes its source


@pytest.fixture(scope="module")
def group_kit(tmp_path_factory: pytest.TempPathFactory, shipped_project: Path) -> Path:
    out = tmp_path_factory.mktemp("gruppe")
    argv = ["--project", str(shipped_project), "session", "--reflection", "kollegastotte"]
    # six themes: 5 + 6 x 20 + 5 = 130 minutes
    group = ["--role", "alle", "--minutes", "130"]
    assert main([*argv, *group, "--out", str(out), "--name", "g"]) == 0
    return out / "g"


def test_every_page_of_the_group_handout_has_the_mark(group_kit: Path) -> None:
    pages = _pages(group_kit / "utskrift.pdf")
    assert len(pages) >= 6  # at least one page per theme
    for page in pages:  # every page of it shows questions
        assert MARK in page, page
        assert f"Kilde: {F25}" not in page
    # questions and notes of each of the six themes (the intros are summaries)
    assert (group_kit / "veiledning.html").read_text("utf-8").count(MARK) == 6 * 2


def test_the_course_pack_marks_the_questions_of_each_theme(
    library: Library, tmp_path: Path
) -> None:
    from refleks.courses import coursepack

    packs = coursepack.files(library)
    # under each role's questions (kollegastotte.yaml: 3 + 2 + 3 + 3 + 3 + 3 role lists, all
    # written for Refleks; the theme intros are summaries); systemperspektiv quotes its
    # questions and theme intros, and its notes are summaries: no mark
    for reflection_id, count in (("kollegastotte", 17), ("systemperspektiv", 0)):
        pdf = tmp_path / f"{reflection_id}.pdf"
        pdf.write_bytes(packs[f"utskrift/kurs-{reflection_id}.pdf"])
        assert " ".join(_pages(pdf)).count(MARK) == count


def test_the_scorm_page_marks_the_questions_of_each_theme(library: Library) -> None:
    from refleks.courses import scorm

    # under each role's questions (3 + 2 + 3 + 3 + 3 + 3 role lists) and the set's intro
    # (kollegastotte.yaml: authored_by: refleks; the theme intros are summaries);
    # systemperspektiv quotes its questions and theme intros, and its set intro is a summary
    for reflection_id, count in (("kollegastotte", 17 + 1), ("systemperspektiv", 0)):
        page = scorm.index_page(library, library.reflections[reflection_id]).decode("utf-8")
        assert page.count(MARK) == count
