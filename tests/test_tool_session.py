"""«Planlegg et møte» in Chromium: the agenda of `refleks session`, the filtered deck, the
handout, the messages; opened from disk (file://).

The 90-minute agenda below is worked out by hand from the rule in ``refleks session``:
5 minutes to open and to close, each theme at least 20 minutes plus its share of the rest
in proportion to 1 + its questions (largest remainder), a quarter of a theme's time to
present it (rounded half to even, at least 2).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refleks.decks import slides
from refleks.sessions import session

from .browser import Recorder, axe_violations, describe

pytestmark = pytest.mark.slow
PAGE = "verktoy/mote.html"


@pytest.fixture(scope="module")
def context(browser: Any) -> Any:
    ctx = browser.new_context()
    recorder = Recorder(ctx)
    yield ctx
    recorder.assert_local()
    assert ctx.cookies() == []
    ctx.close()


def open_tool(context: Any, site: Path) -> Iterator[Any]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((site / PAGE).as_uri())
    yield page
    page.close()
    assert errors == []


@pytest.fixture
def page(context: Any, default_site: Path) -> Iterator[Any]:
    """The tool in the site built by the default engine: the agenda is Refleks's own script
    and data, the same with either engine, so it is checked once."""
    yield from open_tool(context, default_site)


@pytest.fixture
def engine_page(context: Any, built_site: Path) -> Iterator[Any]:
    """The tool in the site built by each engine, for axe: the page around it is the engine's."""
    yield from open_tool(context, built_site)


def plan(
    page: Any,
    reflection: str,
    roles: list[str],
    minutes: str,
    start: str = "",
    themes: list[str] | None = None,
) -> None:
    """Fill in the form: exactly these roles and themes (None: every theme of the set)."""
    page.check(f"#sett-{reflection}")
    for box in page.locator(f"#felt-temaer-{reflection} input[name=tema]").all():
        box.set_checked(themes is None or box.get_attribute("value") in themes)
    for box in page.locator("input[name=rolle]").all():
        box.set_checked(box.get_attribute("value") in roles)
    page.fill("#minutter", minutes)
    page.fill("#start", start)
    page.get_by_role("button", name="Lag tidsplanen").click()


def agenda_rows(page: Any) -> list[list[str]]:
    return [r.locator("td").all_inner_texts() for r in page.locator("#agenda tbody tr").all()]


def test_agenda_for_one_role_as_worked_out_by_hand(engine_page: Any) -> None:
    page = engine_page
    assert axe_violations(page) == [], describe(axe_violations(page))
    plan(page, "systemperspektiv", ["leder-virksomhet"], "90", "13:00")
    # questions 1, 2, 1: extra 90 - 5 - 5 - 3 x 20 = 20 minutes shared 2:3:2 -> 6, 8, 6
    # (5.71, 8.57, 5.71 rounded by the largest remainder); themes 26, 28, 26; intros
    # round(6.5) = 6, 7, round(6.5) = 6; reflections 20, 21, 20
    assert [row[:2] for row in agenda_rows(page)] == [
        ["13:00–13:05", "5"],
        ["13:05–13:11", "6"],
        ["13:11–13:31", "20"],
        ["13:31–13:38", "7"],
        ["13:38–13:59", "21"],
        ["13:59–14:05", "6"],
        ["14:05–14:25", "20"],
        ["14:25–14:30", "5"],
    ]
    assert axe_violations(page) == [], describe(axe_violations(page))


def _cli_agenda(library: Any, reflection: str, role: str, themes: list[str], minutes: int) -> list:
    request = session.resolve(library, reflection, role, themes, minutes)
    deck = slides.session_deck(
        library,
        request.reflection,
        request.role,
        request.themes,
        path="x.html",
        text_version="y.html",
        minutes=minutes,
    )
    return [
        [
            f"{session.clock_label(request, i.start)}–{session.clock_label(request, i.end)}",
            str(i.minutes),
        ]
        for i in session.agenda(request, deck)
    ]


@pytest.mark.parametrize(
    ("reflection", "role", "minutes"),
    [
        # themes with the role's questions need 5 + 20 per theme + 5: 110, 130 and 70
        ("kollegastotte", "kollega", 117),
        ("kollegastotte", "leder-enhet", 137),
        ("systemperspektiv", "leder-overordnet", 75),
    ],
)
def test_same_agenda_as_refleks_session(
    page: Any, library: Any, reflection: str, role: str, minutes: int
) -> None:
    themes = [t.id for t in library.reflections[reflection].themes if t.questions.get(role)]
    plan(page, reflection, [role], str(minutes), themes=themes)
    rows = [row[:2] for row in agenda_rows(page)]
    assert rows == _cli_agenda(library, reflection, role, themes, minutes)


def test_mixed_group_deck_link_shows_only_the_chosen(page: Any) -> None:
    themes = ["kultur-og-ledelse", "rett-etter"]
    plan(page, "kollegastotte", ["kollega", "kollegastotte"], "60", themes=themes)
    # questions 1 and 2+2: extra 60 - 5 - 5 - 2 x 20 = 10 shared 2:5 (2.86, 7.14) -> 3, 7;
    # themes 23, 27; intros round(5.75) = 6, round(6.75) = 7; reflections 17, 20
    assert [row[1] for row in agenda_rows(page)] == ["5", "6", "17", "7", "20", "5"]
    handout = page.inner_text("#sporsmal")
    assert "Kollegastøtte" in handout and "Leder for enheten" not in handout
    page.click("#lysark-lenke")
    page.wait_for_load_state()
    assert page.url.split("?")[1].split("#")[0] == (
        "tema=kultur-og-ledelse,rett-etter&rolle=kollega,kollegastotte"
    )
    kept = page.evaluate(
        "[...document.querySelectorAll('.slides > section[data-refleks-tema]')]"
        ".map(s => s.dataset.refleksTema + '/' + (s.dataset.refleksRolle || ''))"
    )
    # rett-etter: its theme slide and the source's two stories the theme lists (Anne, "Den
    # første kneika"), shown for every role, then the two roles' questions
    assert kept == [
        "kultur-og-ledelse/",
        "kultur-og-ledelse/kollega",
        "rett-etter/",
        "rett-etter/",
        "rett-etter/",
        "rett-etter/kollega",
        "rett-etter/kollegastotte",
    ]
    assert page.evaluate("Reveal.getTotalSlides()") == len(kept) + page.evaluate(
        "document.querySelectorAll('.slides > section:not([data-refleks-tema])').length"
    )


def ticked(page: Any, name: str) -> list[str]:
    return page.locator(f"input[name={name}]:checked").evaluate_all(
        "boxes => boxes.filter(b => b.offsetParent !== null).map(b => b.value)"
    )


def make_plan(page: Any) -> None:
    page.get_by_role("button", name="Lag tidsplanen").click()
    assert page.locator("#feiloppsummering-liste li").all_inner_texts() == []
    assert page.is_visible("#plan")


def test_defaults_give_a_valid_plan_at_once(page: Any, library: Any) -> None:
    def roles_of(reflection: str) -> list[str]:
        themes = library.reflections[reflection].themes
        return [r for r in library.roles if any(t.questions.get(r) for t in themes)]

    page.check("#sett-systemperspektiv")
    # «Slik bruker du materiellet»: one or two themes; all the set's roles (a mixed group)
    assert ticked(page, "tema") == ["ledelse", "involvering"]
    assert ticked(page, "rolle") == roles_of("systemperspektiv")
    assert page.input_value("#minutter") == "60"
    make_plan(page)
    # all three roles: 3 and 5 questions; extra 60 - 5 - 5 - 2 x 20 = 10 shared 4:6 -> 4, 6;
    # themes 24, 26; intros round(6) = 6, round(6.5) = 6; reflections 18, 20
    assert [row[1] for row in agenda_rows(page)] == ["5", "6", "18", "6", "20", "5"]
    # a third theme: the minutes follow, 5 + 3 x 20 + 5 = 70
    page.check("#tema-systemperspektiv-rapporter")
    assert page.input_value("#minutter") == "70"
    make_plan(page)
    # another set: its first two themes and its roles, 60 minutes again
    page.check("#sett-kollegastotte")
    assert ticked(page, "tema") == ["kultur-og-ledelse", "forberedelse"]
    assert ticked(page, "rolle") == roles_of("kollegastotte")
    assert page.input_value("#minutter") == "60"
    make_plan(page)
    # minutes the user wrote are kept; roles the user chose are kept
    page.fill("#minutter", "95")
    page.uncheck("#rolle-kollega")
    page.check("#tema-kollegastotte-rett-etter")
    page.check("#sett-systemperspektiv")
    assert page.input_value("#minutter") == "95"
    assert "kollega" not in ticked(page, "rolle")


def test_messages_of_refleks_session(engine_page: Any) -> None:
    page = engine_page
    plan(page, "systemperspektiv", [], "25", "25:00")
    assert page.locator("#feiloppsummering-liste li").all_inner_texts() == [
        "velg minst én rolle",
        "25 minutter er for kort tid til 3 temaer: det trengs minst 70 minutter (5 til "
        "innledning, 20 per tema og 5 til oppsummering). Velg færre temaer eller flere minutter",
        "starttidspunktet «25:00» må skrives som TT:MM, for eksempel 13:00",
    ]
    assert page.is_hidden("#plan")
    assert axe_violations(page) == [], describe(axe_violations(page))
    plan(page, "systemperspektiv", ["leder-virksomhet"], "en time")
    assert page.locator("#feiloppsummering-liste li").all_inner_texts() == [
        "må være et helt antall minutter, ikke «en time»"
    ]


def test_page_reads_without_javascript(browser: Any, built_site: Path) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto((built_site / PAGE).as_uri())
    assert "Verktøyet trenger JavaScript." in page.inner_text("body")
    ctx.close()
