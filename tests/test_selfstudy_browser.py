"""Self-study on the built site in headless Chromium: "Mitt svar" under every question, the
role choice, the progress line and "Mine refleksjoner" (print, download, delete), from disk
and over http, with no cookie and no request to another host.

Expected texts are the shipped content's own (content/reflections/systemperspektiv.yaml:
three themes with 3 + 5 + 3 = 11 questions) and the words in templates/selfstudy/labels.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .tools import require_module

require_module("playwright.sync_api")

from .browser import Recorder, axe_violations, describe  # noqa: E402

pytestmark = pytest.mark.slow

THEME = "refleksjon/systemperspektiv/ledelse.html"
SET_PAGE = "refleksjon/systemperspektiv/index.html"
ROLE = "roller/leder-virksomhet.html"
JOURNAL = "mine-refleksjoner.html"
# theme 1, leder-virksomhet, question 1 (content/reflections/systemperspektiv.yaml)
QUESTION_ID = "systemperspektiv/ledelse/leder-virksomhet/1"
QUESTION = (
    "Hva gjør jeg for å støtte leder av gjennomgangen, slik at vedkommende har kompetanse, "
    "tid, ressurser og legitimitet til å gjennomføre arbeidet med et systemperspektiv?"
)
FIELD = "#q-systemperspektiv-ledelse-leder-virksomhet-1-svar"
ANSWER = "Jeg setter av tid i ledermøtet.\nOg spør hva lederen trenger."


@pytest.fixture(params=["file", "http"])
def url(request: pytest.FixtureRequest, built_site: Path, base_url: str):
    def make(path: str) -> str:
        if request.param == "file":
            return (built_site / path).as_uri()
        return base_url + path

    return make


def fresh(browser: Any, **options: Any) -> tuple[Any, Any, Recorder]:
    context = browser.new_context(accept_downloads=True, **options)
    recorder = Recorder(context)
    return context, context.new_page(), recorder


def answer(page: Any, text: str = ANSWER) -> None:
    page.locator(FIELD).fill(text)
    page.locator(FIELD).blur()
    status = page.locator(FIELD + " ~ [role=status]")
    status.wait_for()
    assert status.inner_text() == "lagret"


def test_an_answer_is_kept_in_this_browser_only(browser: Any, url) -> None:
    context, page, recorder = fresh(browser)
    page.goto(url(THEME))
    label = page.locator(f"label[for='{FIELD[1:]}']")
    assert label.inner_text() == "Mitt svar"
    note = page.locator("#refleks-personvern").inner_text()
    assert "lagres bare i denne nettleseren" in note and "Ingenting sendes" in note
    answer(page)
    page.reload()
    assert page.locator(FIELD).input_value() == ANSWER
    # the same answer under the same question on the role page
    page.goto(url(ROLE))
    assert page.locator(FIELD).input_value() == ANSWER
    assert context.cookies() == []
    # the theme keeps its palette choice there too; ours are the keys starting "refleks:"
    stored = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('refleks:'))")
    assert stored == [f"refleks:Refleks – læring om pasientsikkerhet:svar:{QUESTION_ID}"]
    recorder.assert_local()
    context.close()


def test_progress_per_reflection_set(browser: Any, url) -> None:
    context, page, recorder = fresh(browser)
    page.goto(url(THEME))
    line = page.locator("[data-refleks-fremdrift='systemperspektiv']")
    assert line.inner_text().endswith("0 av 11 spørsmål besvart")
    answer(page)
    assert line.inner_text().endswith("1 av 11 spørsmål besvart")
    page.goto(url(SET_PAGE))
    assert page.locator("[data-refleks-fremdrift='systemperspektiv']").inner_text() == (
        "Refleksjon om gjennomganger med systemperspektiv: 1 av 11 spørsmål besvart"
    )
    recorder.assert_local()
    context.close()


def test_the_chosen_role_comes_first_and_is_marked(browser: Any, url) -> None:
    context, page, recorder = fresh(browser)
    page.goto(url(THEME))
    headings = "els => els.map(e => e.id)"
    roles = page.locator("article h3[id^='rolle-']")
    assert roles.evaluate_all(headings) == [
        "rolle-leder-gjennomgang",
        "rolle-leder-virksomhet",
        "rolle-leder-overordnet",
    ]
    page.get_by_label("Jeg er …").select_option("leder-overordnet")
    page.reload()
    assert roles.evaluate_all(headings)[0] == "rolle-leder-overordnet"
    assert page.locator("#rolle-leder-overordnet .refleks-din-rolle").inner_text() == "din rolle"
    assert page.locator(".refleks-din-rolle").count() == 1
    # each role keeps its own questions after the move
    # (the role's examples stand in a paragraph between its heading and its questions)
    first_list = page.locator("#rolle-leder-overordnet ~ ol").first.locator("li").first
    assert first_list.get_attribute("data-refleks-sporsmal") == (
        "systemperspektiv/ledelse/leder-overordnet/1"
    )
    recorder.assert_local()
    context.close()


def test_a_theme_page_prints_the_questions_without_buttons_or_hints(browser: Any, url) -> None:
    """On paper a theme page is its text: no role choice, progress, privacy note, buttons or
    «Mitt svar» status (templates/selfstudy/labels.yaml's words, seen in Chromium's print)."""
    context, page, _ = fresh(browser)
    page.goto(url(THEME))
    page.get_by_label("Jeg er …").select_option("leder-overordnet")
    page.reload()
    assert "Jeg er …" in page.inner_text("article")  # on screen
    page.emulate_media(media="print")
    printed = page.inner_text("article")
    assert QUESTION in printed
    for word in (
        "Jeg er …",
        "spørsmål besvart",
        "Spørsmålene til rollen du har valgt, står først",
        "lagres bare i denne nettleseren",
    ):
        assert word not in printed, word
    shown = [
        b.inner_text()
        for b in page.locator("article a.md-button, article button, article select").all()
        if b.is_visible()
    ]
    assert shown == []
    context.close()


def test_journal_lists_exports_and_deletes(browser: Any, url) -> None:
    context, page, recorder = fresh(browser)
    page.goto(url(THEME))
    answer(page)
    page.goto(url(JOURNAL))
    journal = page.locator("#refleks-journal")
    assert "Refleksjon om gjennomganger med systemperspektiv" in journal.inner_text()
    assert "1. Ledelse av gjennomganger" in journal.inner_text()
    assert QUESTION in journal.inner_text()
    assert page.locator(".refleks-svar-tekst").inner_text() == ANSWER
    assert "Kilde: " in journal.inner_text()
    # on paper: the day it was printed, and no links to open or buttons to press
    page.emulate_media(media="print")
    printed = journal.inner_text()
    assert re.search(r"Skrevet ut \d\d\.\d\d\.\d{4}", printed)
    assert "Åpne temaet" not in printed and "Slett alle svarene" not in printed
    page.emulate_media(media="screen")
    assert "Skrevet ut " not in journal.inner_text()

    with page.expect_download() as info:
        page.get_by_role("button", name="Last ned som tekstfil").click()
    download = info.value
    assert download.suggested_filename == "mine-refleksjoner.md"
    text = Path(download.path()).read_text("utf-8")
    assert "## Refleksjon om gjennomganger med systemperspektiv" in text
    assert "### 1. Ledelse av gjennomganger" in text
    assert f"**{QUESTION}** (til Leder i virksomheten)" in text
    assert ANSWER in text

    dialogs: list[str] = []

    def accept(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name="Slett alle svarene").click()
    assert page.locator(".refleks-svar-tekst").count() == 1, "dismissed: nothing deleted"
    page.once("dialog", accept)
    page.get_by_role("button", name="Slett alle svarene").click()
    assert dialogs and "Det kan ikke angres" in dialogs[0]
    assert page.locator(".refleks-svar-tekst").count() == 0
    assert page.locator("#refleks-journal [role=status]").last.inner_text() == (
        "Alle svarene er slettet."
    )
    assert page.evaluate("Object.keys(localStorage).filter(k => k.includes(':svar:'))") == []
    page.goto(url(THEME))
    assert page.locator(FIELD).input_value() == ""
    assert context.cookies() == []
    recorder.assert_local()
    context.close()


def test_without_javascript_the_questions_are_there_and_the_boxes_are_not(
    browser: Any, built_site: Path
) -> None:
    context, page, _ = fresh(browser, java_script_enabled=False)
    page.goto((built_site / THEME).as_uri())
    assert QUESTION in page.locator("article").inner_text()
    assert page.locator("textarea").count() == 0
    page.goto((built_site / JOURNAL).as_uri())
    assert "trenger at JavaScript er slått på" in page.locator("article").inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_with_boxes_pass_axe(browser: Any, base_url: str, scheme: str) -> None:
    context, page, recorder = fresh(browser, color_scheme=scheme)
    page.goto(base_url + THEME)
    answer(page)
    page.get_by_label("Jeg er …").select_option("leder-virksomhet")
    for path in (THEME, ROLE, SET_PAGE, JOURNAL, "index.html"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        assert violations == [], f"{path} ({scheme}):\n{describe(violations)}"
    recorder.assert_local()
    context.close()
