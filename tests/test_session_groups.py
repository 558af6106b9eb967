"""``refleks session --role a,b`` and ``--role alle``: each question with its role, theme by
theme, time shared fairly, and the speaker view's pacing from the agenda.

Hand-worked agenda for ``--role alle --minutes 90`` (content/reflections/systemperspektiv.yaml:
3 + 5 + 3 questions, one finding per theme): 90 - 5 - 5 - 3 x 20 = 20 extra minutes shared
4 : 6 : 4 (1 + questions) = 5.71, 8.57, 5.71 -> 5, 8, 5 and the two largest remainders (themes 1
and 3) get one more: themes of 26, 28 and 26 minutes; intros max(2, round(x / 4)) with halves to
even = round(6.5), round(7), round(6.5) = 6, 7, 6; reflections 20, 21, 20."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from refleks import cli
from refleks.content.model import Library
from refleks.decks import slides
from refleks.sessions import groups, session
from tests.browser import Recorder

ROOT = Path(__file__).resolve().parents[1]
ROLES = (
    "leder-gjennomgang (Leder av gjennomgangen), leder-virksomhet (Leder i virksomheten), "
    "leder-overordnet (Overordnet leder), alle (alle rollene i settet)"
)


def run(args: list[str], out: Path) -> int:
    return cli.main(["--project", str(ROOT), "session", *args, "--out", str(out)])


def deck_for(library: Library, chosen: session.Session) -> slides.Deck:
    return slides.session_deck(
        library, chosen.reflection, chosen.role, chosen.themes, path="x.html",
        text_version="v.html", minutes=chosen.minutes, roles=chosen.roles,
    )  # fmt: skip


def test_all_roles_share_the_time_fairly(library: Library) -> None:
    chosen = session.resolve(library, "systemperspektiv", "alle", None, 90)
    assert [r.id for r in chosen.roles] == [
        "leder-gjennomgang",
        "leder-virksomhet",
        "leder-overordnet",
    ]
    assert chosen.name == "systemperspektiv-alle-ledelse-involvering-rapporter-90min"
    items = session.agenda(chosen, deck_for(library, chosen))
    assert [i.minutes for i in items] == [5, 6, 20, 7, 21, 6, 20, 5]
    assert [i.questions for i in items if i.kind == "reflection"] == [3, 5, 3]


def test_all_five_roles_of_a_set_make_one_group(library: Library) -> None:
    # kollegastotte.yaml has questions to five roles; their ids joined are 72 characters;
    # its six themes need 5 + 6 x 20 + 5 = 130 minutes
    chosen = session.resolve(library, "kollegastotte", "alle", None, 130)
    assert len(chosen.roles) == 5
    assert chosen.role.label == "blandet gruppe"
    assert chosen.name == "kollegastotte-alle-" + "-".join(t.id for t in chosen.themes) + "-130min"


def test_default_minutes_take_the_themes_that_fit_and_say_which_were_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """60 minutes hold 5 + 2 x 20 + 5: the first two of kollegastotte's six themes; the
    other four are named, with the options that take all six (5 + 6 x 20 + 5 = 130)."""
    assert run(["--reflection", "kollegastotte", "--role", "alle", "--name", "alle"], tmp_path) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-2:] == [
        "Temaene «Rett etter hendelsen – umiddelbar ivaretakelse» (rett-etter), «Oppfølging "
        "over tid og ivaretakende gjennomganger» (oppfolging), «En kollegastøtteordning hos oss» "
        "(kollegastotteordning) og «Ikke bare etter alvorlige hendelser» (hverdagen) er ikke "
        "med: de fikk ikke plass på 60 minutter (minst 20 minutter per tema).",
        "Ta dem med: --minutes 130. Eller velg selv hvilke temaer møtet skal ha, for eksempel "
        "--themes rett-etter,oppfolging",
    ]
    roles = "kollega,leder-gjennomgang"
    args = ["--reflection", "kollegastotte", "--role", roles, "--name", "to"]
    assert run(args, tmp_path) == 0
    assert "fikk ikke plass på 60 minutter" in capsys.readouterr().out


def test_each_question_shows_its_role_in_theme_order(library: Library) -> None:
    chosen = session.resolve(
        library, "systemperspektiv", "leder-overordnet,leder-gjennomgang", ["involvering"], 30
    )
    assert chosen.role.label == "blandet gruppe"
    assert chosen.role.address == (
        "Til en blandet gruppe: leder av gjennomgangen og overordnet leder"
    )
    shown = [
        (s.role.id, s.question.text[:30])
        for s in deck_for(library, chosen).slides
        if s.kind == "question"
    ]
    assert shown == [
        ("leder-gjennomgang", "Hvordan sikrer jeg at personer"),
        ("leder-gjennomgang", "Hvordan forklarer jeg hensikte"),
        ("leder-overordnet", "Hvordan sikrer jeg at vi har e"),
    ]


def test_pacing_gives_every_slide_its_share_of_the_agenda(library: Library) -> None:
    chosen = session.resolve(library, "systemperspektiv", "alle", None, 90)
    deck = deck_for(library, chosen)
    per_slide = groups.pacing(session.agenda(chosen, deck), len(deck.slides))
    timings = [p["timing"] for p in per_slide]
    assert sum(timings) == 90 * 60
    # title + instruction share 5 min; theme 1: theme and finding share 6 min, three
    # questions share 20 = 1200 s, 400 s each; theme 2: theme and finding share 7 min,
    # its five questions share 21 min = 1260 s, 252 s each
    assert timings[:9] == [150, 150, 180, 180, 400, 400, 400, 210, 210]
    assert timings[9:14] == [252] * 5
    # the closing 5 minutes: the summary slide and the sources slide, 150 s each
    assert timings[-2:] == [150, 150]


@pytest.mark.parametrize(
    ("role", "message"),
    [
        ("leder-virksomhet,sjef", f"rollen «sjef» finnes ikke. Gyldige valg: {ROLES}"),
        (
            "alle,leder-virksomhet",
            f"«alle» kan ikke kombineres med andre roller. Gyldige valg: {ROLES}",
        ),
        (
            "leder-virksomhet,leder-virksomhet",
            f"rollen «leder-virksomhet» er valgt to ganger. Gyldige valg: {ROLES}",
        ),
        (
            "kollega,sjef",
            "rollen «kollega» har ingen spørsmål i refleksjonssettet «systemperspektiv»; "
            f"rollen «sjef» finnes ikke. Gyldige valg: {ROLES}",
        ),
    ],
)
def test_bad_role_lists_give_exact_norwegian_messages(
    role: str, message: str, tmp_path: Path, capsys
) -> None:
    assert run(["--reflection", "systemperspektiv", "--role", role], tmp_path) == 2
    assert capsys.readouterr().err == f"refleks: feil: {message}\n"
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def group_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kit for all roles, theme 1 only, 30 minutes: 5 + 20 + 5 (one theme needs 30)."""
    out = tmp_path_factory.mktemp("gruppe")
    args = ["--reflection", "systemperspektiv", "--role", "alle", "--themes", "ledelse"]
    assert run([*args, "--minutes", "30"], out) == 0
    return out / "systemperspektiv-alle-ledelse-30min"


@pytest.mark.slow
def test_group_kit_handout_and_speaker_pacing(group_kit: Path, browser) -> None:
    kit = group_kit
    pages = [p.extract_text() for p in PdfReader(kit / "utskrift.pdf").pages]
    # one page per role of theme 1, in the order of roles.yaml
    assert len(pages) == 3
    assert "Spørsmål til deg som skal lede en gjennomgang" in pages[0]
    assert "Spørsmål til deg som er leder i virksomheten" in pages[1]
    assert "Spørsmål til deg som er overordnet leder i virksomheten" in pages[2]
    guide = (kit / "veiledning.html").read_text("utf-8")
    assert "Til deg som er overordnet leder i virksomheten" in guide
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    page.goto((kit / "lysark.html").as_uri())
    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    assert page.evaluate("Reveal.getConfig().totalTime") == 30 * 60
    line = page.locator("section.present aside.notes .refleks-tempo")
    assert line.inner_text() == (
        "Tid igjen: 5 min av «Velkommen og instruksjon» og 30 min av møtet "
        "(regnet fra da lysarkene ble åpnet)."
    )
    recorder.assert_local()
    context.close()


SPEAKER_LINE = ".speaker-controls-notes .refleks-tempo"
WELCOME = "«Velkommen og instruksjon»"


def speaker_line_is(speaker, text: str) -> None:
    speaker.wait_for_function(
        "([sel, text]) => { const l = document.querySelector(sel); "
        "return l !== null && l.textContent === text; }",
        arg=[SPEAKER_LINE, text],
        timeout=10_000,
    )


@pytest.mark.slow
def test_speaker_view_time_left_ticks_on_one_slide_and_says_when_to_move_on(
    group_kit: Path, browser
) -> None:
    # a fake clock from 14:05:00 Oslo time (13:05 UTC); the presenter stays on slide 1, whose
    # agenda item «Velkommen og instruksjon» is minutes 0-5 of 30
    context = browser.new_context(timezone_id="Europe/Oslo", locale="nb-NO")
    context.clock.install(time=datetime(2026, 11, 26, 13, 5, tzinfo=UTC))
    recorder = Recorder(context)
    page = context.new_page()
    page.goto((group_kit / "lysark.html").as_uri())
    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    with context.expect_page() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker_line_is(
        speaker,
        f"Tid igjen: 5 min av {WELCOME} og 30 min av møtet (regnet fra da lysarkene ble åpnet).",
    )
    # 2.5 minutes later, still on slide 1: ceil(5 - 2.5) = 3 and ceil(30 - 2.5) = 28
    context.clock.run_for("02:30")
    speaker_line_is(
        speaker,
        f"Tid igjen: 3 min av {WELCOME} og 28 min av møtet (regnet fra da lysarkene ble åpnet).",
    )
    assert "refleks-tempo-over" not in speaker.locator(SPEAKER_LINE).get_attribute("class")
    # 5.5 minutes in: the item is over time; ceil(30 - 5.5) = 25 left of the meeting
    context.clock.run_for("03:00")
    speaker_line_is(
        speaker,
        f"{WELCOME} skulle vært ferdig for 1 min siden; 25 min igjen av møtet. Gå videre.",
    )
    over = speaker.locator(SPEAKER_LINE)
    assert "refleks-tempo-over" in over.get_attribute("class")
    assert over.evaluate("l => getComputedStyle(l).fontWeight") == "700"
    assert page.evaluate("Reveal.getIndices().h") == 0
    # the speaker view's clock: 24-hour Norwegian time, 14:05 + 5.5 min
    clock = speaker.locator(".speaker-controls-time .clock-value").inner_text()
    assert clock == "14:10"
    time_box = speaker.locator(".speaker-controls-time").inner_text()
    assert "AM" not in time_box and "PM" not in time_box
    recorder.assert_local()
    context.close()


def test_group_kit_pdfs_are_tagged_pdf_ua_with_title_and_language(tmp_path: Path) -> None:
    """The mixed group's handout, the printed deck and the guide, as the site's PDFs."""
    args = ["--reflection", "systemperspektiv", "--role", "alle", "--themes", "ledelse"]
    assert run([*args, "--minutes", "30"], tmp_path) == 0
    kit = tmp_path / "systemperspektiv-alle-ledelse-30min"
    titles = {
        "utskrift.pdf": "Refleksjonsspørsmål til blandet gruppe: Ledelse av gjennomganger "
        "– utskrift til samtalen",
        "veiledning.pdf": "Veiledning for samtaleleder: Refleksjon om gjennomganger med "
        "systemperspektiv, blandet gruppe",
    }
    for name in ("utskrift.pdf", "lysark-med-notater.pdf", "veiledning.pdf"):
        reader = PdfReader(kit / name)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "nb", name
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], name
        assert b"<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data()
        if name in titles:
            assert reader.metadata.title == titles[name]
