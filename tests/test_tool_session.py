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

from refleks import cli
from refleks.decks import slides
from refleks.sessions import session

from .browser import Recorder, axe_violations, describe

pytestmark = pytest.mark.slow
PAGE = "verktoy/mote.html"
ROOT = Path(__file__).resolve().parents[1]
# templates/handouts/labels.yaml (guide): the words of the agenda in `refleks session`'s guide
OPENING = "Velkommen, formålet med møtet og instruksjonen til samtalen"
ONE = "refleksjon over spørsmålet. Tenk først hver for dere, snakk så sammen."
TWO = "refleksjon over de 2 spørsmålene. Tenk først hver for dere, snakk så sammen."
CLOSING = "Oppsummering: hva tar vi med oss, og hvem følger opp?"


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
    # no start time: minutes from the start, as the guide writes them ("0–5 min")
    return [[f"{i.start}–{i.end} min", str(i.minutes)] for i in session.agenda(request, deck)]


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


def test_without_a_start_time_the_agenda_counts_minutes_in_the_guides_words(page: Any) -> None:
    plan(page, "systemperspektiv", ["leder-virksomhet"], "90")
    # the minutes of test_agenda_for_one_role_as_worked_out_by_hand, from 0, never «0:05»
    assert agenda_rows(page) == [
        ["0–5 min", "5", OPENING],
        ["5–11 min", "6", "Tema 1: Ledelse av gjennomganger – innledning og funn"],
        ["11–31 min", "20", f"Tema 1: {ONE}"],
        ["31–38 min", "7", "Tema 2: Involvering i gjennomganger – innledning og funn"],
        ["38–59 min", "21", f"Tema 2: {TWO}"],
        ["59–65 min", "6", "Tema 3: Utforming og bruk av rapporter – innledning og funn"],
        ["65–85 min", "20", f"Tema 3: {ONE}"],
        ["85–90 min", "5", CLOSING],
    ]
    assert page.inner_text("#agenda-tittel") == "Agenda for 90 minutter"
    assert page.locator("#agenda tfoot tr").inner_text().split() == ["Totalt", "90", "minutter"]


def test_the_agenda_reads_as_the_guide_of_refleks_session(
    page: Any, browser: Any, tmp_path: Path
) -> None:
    """Row by row the same text as the command line's veiledning.html, with a start time."""
    args = ["--reflection", "kollegastotte", "--role", "leder-enhet,kollega"]
    args += ["--themes", "forberedelse,rett-etter", "--minutes", "75", "--start", "08:30"]
    assert cli.main(["--project", str(ROOT), "session", *args, "--out", str(tmp_path)]) == 0
    (guide,) = tmp_path.glob("*/veiledning.html")
    kit = browser.new_page()
    kit.goto(guide.as_uri())
    expected = [
        r.locator("td").all_inner_texts()[:3] for r in kit.locator("table.agenda tbody tr").all()
    ]
    kit.close()
    assert expected[0] == ["08:30–08:35", "5", OPENING]
    plan(page, "kollegastotte", ["leder-enhet", "kollega"], "75", "08:30",
         themes=["forberedelse", "rett-etter"])  # fmt: skip
    assert agenda_rows(page) == expected


def test_only_the_sets_roles_are_offered_and_messages_name_titles(page: Any) -> None:
    page.check("#sett-systemperspektiv")
    offered = page.locator("input[name=rolle]").evaluate_all(
        "boxes => boxes.filter(b => b.offsetParent !== null).map(b => b.value)"
    )
    # content/reflections/systemperspektiv.yaml has questions for three roles only
    assert offered == ["leder-gjennomgang", "leder-virksomhet", "leder-overordnet"]
    # «kollegastotte» has no question in theme 1 of its set, «leder-gjennomgang» neither
    plan(page, "kollegastotte", ["kollegastotte"], "60", themes=["kultur-og-ledelse"])
    assert page.locator("#feiloppsummering-liste li").all_inner_texts() == [
        "temaet «Ledelse og kultur som grunnmur» har ingen spørsmål til rollen «Kollegastøtte»"
    ]
    plan(page, "kollegastotte", ["leder-gjennomgang", "kollegastotte"], "60",
         themes=["kultur-og-ledelse"])  # fmt: skip
    assert page.locator("#feiloppsummering-liste li").all_inner_texts() == [
        "temaet «Ledelse og kultur som grunnmur» har ingen spørsmål til rollene "
        "«Leder av gjennomgangen», «Kollegastøtte»"
    ]


def test_printing_gives_the_handout_not_the_tool(engine_page: Any, tmp_path: Path) -> None:
    """Printed (Chromium's PDF), the plan is a handout like `refleks session`'s utskrift.pdf:
    the meeting, its source, the agenda across the page with times on one line, then one
    page per theme with its questions, space to write and the mark; no instructions, no
    form, no empty page. Each engine's page around the tool is hidden its own way."""
    import pdfplumber

    page = engine_page

    plan(page, "kollegastotte", ["leder-enhet", "kollega"], "60",
         themes=["forberedelse", "rett-etter"])  # fmt: skip
    page.emulate_media(media="print")
    article = page.locator("article").bounding_box()
    table = page.locator("#agenda").bounding_box()
    assert table["width"] > 0.95 * article["width"], (table, article)
    times = page.locator("#agenda .refleks-tid").all()
    heights = {round(t.bounding_box()["height"]) for t in times}
    assert len(heights) == 1, "a time cell wraps"
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    with pdfplumber.open(pdf) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
    assert len(pages) == 3, pages  # the agenda, then theme 2 and theme 3
    first = pages[0].splitlines()
    assert first[0] == "REFLEKSJONSMØTE, 60 MINUTTER"
    assert "Til en blandet gruppe: leder for enheten og kollega." in pages[0]
    # the handout's source note (content/sources/kollegastotte-etter-uonskede-hendelser.yaml)
    assert (
        "Spørsmål skrevet for Refleks, bygger på: Knust – hvordan ivareta helsepersonell etter "
        "uønskede hendelser? (Helsedirektoratet, Ukom, LEFO og RVTS Øst)"
    ) in " ".join(first)
    # each row's time on one line with its minutes («5–11 min 6 Tema 2: …»)
    assert "0–5 min 5 Velkommen" in pages[0] and "55–60 min 5 Oppsummering" in pages[0]
    for text in pages:
        assert "Planlegg et møte" not in text and "Velg refleksjonssett" not in text
        assert "Lag tidsplanen" not in text and "Skriv ut tidsplan" not in text
    assert pages[1].startswith("Tema 2: Før hendelsen – åpenhet og forberedelse")
    assert pages[2].startswith("Tema 3: Rett etter hendelsen – umiddelbar ivaretakelse")
    assert "Til deg som er kollega i en enhet eller et team" in pages[2]
    assert "Skrevet for Refleks – står ikke i kilden" in pages[2]


def test_mixed_group_deck_link_shows_only_the_chosen(page: Any) -> None:
    themes = ["kultur-og-ledelse", "rett-etter"]
    plan(page, "kollegastotte", ["kollega", "kollegastotte"], "60", themes=themes)
    # questions 1 and 2+2: extra 60 - 5 - 5 - 2 x 20 = 10 shared 2:5 (2.86, 7.14) -> 3, 7;
    # themes 23, 27; intros round(5.75) = 6, round(6.75) = 7; reflections 17, 20
    assert [row[1] for row in agenda_rows(page)] == ["5", "6", "17", "7", "20", "5"]
    handout = page.inner_text("#sporsmal")
    # each role's questions under the role's address, as in utskrift.pdf (content/roles.yaml)
    assert "Til deg som er kollegastøtte eller støtteperson i en kollegastøtteordning" in handout
    assert "nærmeste leder" not in handout
    page.click("#lysark-lenke")
    page.wait_for_load_state()
    assert page.url.split("?")[1].split("#")[0] == (
        "tema=kultur-og-ledelse,rett-etter&rolle=kollega,kollegastotte&minutter=60"
    )
    # the meeting's title slide, as in the deck of `refleks session`, not the set's
    page.set_viewport_size({"width": 1280, "height": 720})
    title = page.locator(".slides > section").first
    assert title.locator(".refleks-overtittel").inner_text() == "REFLEKSJONSMØTE, 60 MINUTTER"
    assert title.locator("h1").inner_text() == (
        "Refleksjon om ivaretakelse og kollegastøtte etter uønskede hendelser"
    )
    assert title.locator("p").nth(1).inner_text() == (
        "Til en blandet gruppe: kollega og kollegastøtte. Tema: Ledelse og kultur som "
        "grunnmur og Rett etter hendelsen – umiddelbar ivaretakelse."
    )
    assert "REFLEKSJONSSPØRSMÅL" not in page.inner_text(".slides")
    # the agenda's last item has its slide before the sources
    kinds = page.evaluate(
        "[...document.querySelectorAll('.slides > section')].map(s => s.dataset.refleksKind)"
    )
    assert kinds[-2:] == ["summary", "closing"]
    page.evaluate(f"Reveal.slide({len(kinds) - 2})")
    assert page.locator("section.present h2").inner_text() == "Hva tar vi med oss?"
    assert page.locator("section.present li").all_inner_texts() == [
        "Hva var det viktigste vi snakket om i dag?",
        "Hva vil vi prøve eller endre på egen arbeidsplass?",
        "Hvem følger opp, og når snakker vi om det igjen?",
    ]
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
