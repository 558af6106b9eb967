"""``refleks session``: the kit on disk, an agenda that adds up, and exact error messages."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from refleks import cli
from refleks.content.model import Library
from refleks.decks import slides
from refleks.errors import UsageError
from refleks.sessions import session
from tests.browser import Recorder, axe_violations, describe, launch

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = [
    "--reflection", "systemperspektiv", "--role", "leder-virksomhet",
    "--themes", "ledelse,involvering", "--minutes", "60",
]  # fmt: skip
NAME = "systemperspektiv-leder-virksomhet-ledelse-involvering-60min"


def run(args: list[str], out: Path) -> int:
    return cli.main(["--project", str(ROOT), "session", *args, "--out", str(out)])


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("okter")
    assert run(EXAMPLE, out) == 0
    return out / NAME


# --------------------------------------------------------------------------- the agenda


THEME_CHOICES = [["ledelse"], ["ledelse", "involvering"], ["ledelse", "involvering", "rapporter"]]
AGENDA_CASES = [
    (minutes, themes)
    for themes in THEME_CHOICES
    for minutes in (20, 30, 45, 60, 61, 89, 90, 137, 240)
    if minutes >= 10 + 20 * len(themes)  # shorter is an error, tested below
]


@pytest.mark.parametrize(("minutes", "themes"), AGENDA_CASES)
def test_agenda_times_add_up_to_the_minutes(
    library: Library, minutes: int, themes: list[str]
) -> None:
    chosen = session.resolve(library, "systemperspektiv", "leder-virksomhet", themes, minutes)
    deck = slides.session_deck(
        library, chosen.reflection, chosen.role, chosen.themes, path="x.html",
        text_version="v.html", minutes=minutes,
    )  # fmt: skip
    items = session.agenda(chosen, deck)
    assert sum(i.minutes for i in items) == minutes
    assert items[0].start == 0 and items[-1].end == minutes
    assert all(b.start == a.end for a, b in zip(items, items[1:], strict=False))
    assert all(i.minutes > 0 for i in items)
    assert [i.theme.id for i in items if i.kind == "reflection"] == themes
    # the slides of the agenda cover the deck once, in order
    covered = [n for i in items for n in range(i.slides[0], i.slides[1] + 1)]
    assert covered == list(range(1, len(deck.slides) + 1))


def test_one_timing_rule_in_the_guide_and_the_kit(library: Library) -> None:
    """docs/bruk.md: a theme takes 20–30 minutes, plus 5 to open and 5 to close."""
    guide = (ROOT / "docs" / "bruk.md").read_text("utf-8")
    assert "Et tema tar 20–30 minutter" in guide and "minst 20 minutter per tema" in guide
    three = ["ledelse", "involvering", "rapporter"]
    with pytest.raises(UsageError):
        session.resolve(library, "systemperspektiv", "leder-virksomhet", three, 69)
    assert session.resolve(library, "systemperspektiv", "leder-virksomhet", three, 70)
    # without --themes: as many of the role's themes as fit in the meeting
    chosen = session.resolve(library, "kollegastotte", "kollega", None, 60)
    assert len(chosen.themes) == 2
    assert len(session.resolve(library, "kollegastotte", "kollega", None, 30).themes) == 1


def test_clock_times_with_a_start_time(library: Library) -> None:
    chosen = session.resolve(
        library, "systemperspektiv", "leder-virksomhet", ["ledelse"], 30, start="13:45"
    )
    assert session.clock_label(chosen, 0) == "13:45"
    assert session.clock_label(chosen, 30) == "14:15"
    plain = session.resolve(library, "systemperspektiv", "leder-virksomhet", ["ledelse"], 30)
    assert session.clock_label(plain, 65) == "1:05"


# --------------------------------------------------------------------------- the kit


def test_the_example_command_makes_the_whole_kit(kit: Path, capsys) -> None:
    files = sorted(p.name for p in kit.iterdir())
    assert files == [
        ".refleks-manifest.json",  # what Refleks wrote: hand-edited files are kept on a re-run
        "lysark-med-notater.pdf", "lysark.html", "reveal", "utskrift.pdf",
        "veiledning.html", "veiledning.pdf",
    ]  # fmt: skip
    assert (kit / "reveal" / "reveal.js").is_file()


def test_the_guide_agenda_adds_up_to_60_minutes(kit: Path) -> None:
    guide = (kit / "veiledning.html").read_text("utf-8")
    rows = re.findall(r'<tr data-minutter="(\d+)">\s*<td class="tid">([^<]+)</td>', guide)
    assert len(rows) == 1 + 2 * 2 + 1  # opening, two items per theme, closing
    assert sum(int(m) for m, _ in rows) == 60
    spans = [tuple(t.split("–")) for _, t in rows]
    assert spans[0][0] == "0:00" and spans[-1][1] == "1:00"
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start == end
    for minutes, span in zip((int(m) for m, _ in rows), spans, strict=True):
        a, b = (int(x.split(":")[0]) * 60 + int(x.split(":")[1]) for x in span)
        assert b - a == minutes
    total = re.search(r'<tfoot>.*?<td class="tall">(\d+)</td>', guide, re.S).group(1)
    assert total == "60"


def test_the_agenda_points_to_slides_made_for_each_item(kit: Path) -> None:
    """The example: title, instruction; theme 1 and its finding, 1 question; theme 2 and its
    finding, 2 questions; the summary, the sources (counted by hand from the content)."""
    guide = (kit / "veiledning.html").read_text("utf-8")
    rows = re.findall(r"<tr data-minutter=\"\d+\">(.*?)</tr>", guide, re.S)
    shown = [text_of(re.findall(r"<td>(.*?)</td>", row, re.S)[-1]) for row in rows]
    assert shown == ["1–2", "3–4", "5", "6–7", "8–9", "10–11"]
    assert text_of(re.findall(r"<td>(.*?)</td>", rows[-1], re.S)[0]) == (
        "Oppsummering: hva tar vi med oss, og hvem følger opp?"
    )
    deck = (kit / "lysark.html").read_text("utf-8")
    kinds = re.findall(r'<section [^>]*data-refleks-kind="(\w+)"', deck)
    assert kinds == [
        "title", "instruction", "theme", "finding", "question",
        "theme", "finding", "question", "question", "summary", "closing",
    ]  # fmt: skip
    summary = re.findall(r"<section\b[^>]*>(.*?)</section>", deck, re.S)[9]
    assert "<h2>Hva tar vi med oss?</h2>" in summary
    notes = text_of(re.search(r'<aside class="notes">(.*?)</aside>', summary, re.S).group(1))
    assert notes.endswith(
        "Be hver deltaker si én ting hun eller han tar med seg. Skriv ned hva gruppen vil "
        "prøve eller endre, hvem som følger opp, og når dere snakker om det igjen."
    )
    assert "Skrevet for Refleks – står ikke i kilden" in summary


def test_the_title_note_fits_a_kit_for_one_role(kit: Path) -> None:
    deck = (kit / "lysark.html").read_text("utf-8")
    title = re.findall(r"<section\b[^>]*>(.*?)</section>", deck, re.S)[0]
    notes = text_of(re.search(r'<aside class="notes">(.*?)</aside>', title, re.S).group(1))
    assert notes.endswith(
        "Ønsk velkommen. Si at møtet varer 60 minutter, og at målet er å lære av egen praksis, "
        "ikke å finne feil hos noen. Temaene er valgt på forhånd, og spørsmålene er til leder "
        "i virksomheten."
    )
    assert "Velg temaet" not in deck


def test_the_guide_has_the_questions_in_order_and_the_notes(library: Library, kit: Path):
    guide = text_of((kit / "veiledning.html").read_text("utf-8"))
    reflection = library.reflections["systemperspektiv"]
    themes = [t for t in reflection.themes if t.id in ("ledelse", "involvering")]
    positions = []
    for theme in themes:
        for q in theme.questions["leder-virksomhet"]:
            positions.append(guide.index(" ".join(q.split())))
        assert " ".join(theme.notes.split()) in guide
    assert positions == sorted(positions)
    other = reflection.themes[0].questions["leder-overordnet"][0]
    assert " ".join(other.split()) not in guide


def test_the_deck_has_just_those_themes_and_that_role(library: Library, kit: Path) -> None:
    deck = (kit / "lysark.html").read_text("utf-8")
    reflection = library.reflections["systemperspektiv"]
    themes = [t for t in reflection.themes if t.id in ("ledelse", "involvering")]
    expected = (
        1 + 1 + sum(1 + len(t.findings) + len(t.questions["leder-virksomhet"]) for t in themes) + 2
    )  # fmt: skip (+ summary, sources)
    assert deck.count("<section ") == expected
    asked = [text_of(q) for q in re.findall(r'<h2 class="refleks-sporsmal">(.*?)</h2>', deck)]
    assert asked == [" ".join(q.split()) for t in themes for q in t.questions["leder-virksomhet"]]
    assert reflection.themes[2].title not in deck
    assert '<a class="refleks-tekstlenke" href="veiledning.html">' in deck


def test_the_handout_and_the_pdfs(library: Library, kit: Path) -> None:
    info = subprocess.run(["pdfinfo", str(kit / "utskrift.pdf")], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert re.search(r"^Pages:\s+2$", info, re.M)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(kit / "utskrift.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    for theme in library.reflections["systemperspektiv"].themes[:2]:
        for q in theme.questions["leder-virksomhet"]:
            assert " ".join(q.split()) in text
    for name in ("utskrift.pdf", "veiledning.pdf", "lysark-med-notater.pdf"):
        reader = PdfReader(kit / name)
        assert reader.trailer["/Root"]["/Lang"] == "nb"
        assert reader.metadata.title
    assert PdfReader(kit / "veiledning.pdf").metadata.title == (
        "Veiledning for samtaleleder: Refleksjon om gjennomganger med systemperspektiv, "
        "leder i virksomheten"
    )
    assert len(PdfReader(kit / "lysark-med-notater.pdf").pages) == (
        (kit / "lysark.html").read_text("utf-8").count("<section ")
    )


def test_a_second_run_updates_the_kit_and_keeps_hand_edited_files(tmp_path: Path, capsys) -> None:
    import stat

    assert run([*EXAMPLE[:-1], "50", "--name", "mote"], tmp_path) == 0
    folder = tmp_path / "mote"
    # a colleague or a web server can open the kit: folders 0755, files 0644
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))
    (folder / "gammel.txt").write_text("x")
    (folder / "veiledning.html").write_text("mine notater", encoding="utf-8")
    capsys.readouterr()
    assert run([*EXAMPLE[:-1], "55", "--name", "mote", "--start", "09:00"], tmp_path) == 0
    assert (folder / "gammel.txt").read_text() == "x"
    assert (folder / "veiledning.html").read_text("utf-8") == "mine notater"
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == (
        f"Øktpakken er laget i {folder}: lysark-med-notater.pdf, lysark.html, "
        "utskrift.pdf, veiledning.html, veiledning.pdf."
    )
    assert err == (
        "Disse filene er endret for hånd og ble ikke overskrevet "
        f"(bruk --force for å overskrive dem):\n  {folder / 'veiledning.html'}\n"
    )
    again = [*EXAMPLE[:-1], "55", "--name", "mote", "--start", "09:00", "--force"]
    assert run(again, tmp_path) == 0
    guide = (folder / "veiledning.html").read_text("utf-8")
    assert "09:00–" in guide and "–09:55" in guide
    assert capsys.readouterr().err == (
        f"Overskrev filer som var endret for hånd (--force):\n  {folder / 'veiledning.html'}\n"
    )


# --------------------------------------------------------------------------- errors

ROLES = (
    "leder-gjennomgang (Leder av gjennomgangen), leder-virksomhet (Leder i virksomheten), "
    "leder-overordnet (Overordnet leder)"
)
THEMES = (
    "ledelse (Ledelse av gjennomganger), involvering (Involvering i gjennomganger), "
    "rapporter (Utforming og bruk av rapporter)"
)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--reflection", "systemperspektiv", "--role", "sjef"],
            f"rollen «sjef» finnes ikke. Gyldige valg: {ROLES}",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--themes", "ledelse,kultur"],
            f"temaet «kultur» finnes ikke i refleksjonssettet «systemperspektiv». "
            f"Gyldige valg: {THEMES}",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--themes", "ledelse,ledelse"],
            "temaet «ledelse» er valgt to ganger",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--themes", ","],
            f"velg minst ett tema. Gyldige valg: {THEMES}",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--themes", "ledelse,involvering,rapporter", "--minutes", "35"],
            "35 minutter er for kort tid til 3 temaer: det trengs minst 70 minutter "
            "(5 til innledning, 20 per tema og 5 til oppsummering). "
            "Velg færre temaer eller flere minutter",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--themes", "ledelse", "--minutes", "19"],
            "19 minutter er for kort tid til ett tema: det trengs minst 30 minutter "
            "(5 til innledning, 20 per tema og 5 til oppsummering). "
            "Velg færre temaer eller flere minutter",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--start", "kl. 9"],
            "starttidspunktet «kl. 9» må skrives som TT:MM, for eksempel 13:00",
        ),
        (
            ["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--name", "Møte 1"],
            "navnet «Møte 1» kan bare ha små bokstaver a-z, sifre og bindestrek",
        ),
    ],
)  # fmt: skip
def test_bad_arguments_give_exact_norwegian_messages(
    args: list[str], message: str, tmp_path: Path, capsys
) -> None:
    assert run(args, tmp_path) == 2
    assert capsys.readouterr().err == f"refleks: feil: {message}\n"
    assert list(tmp_path.iterdir()) == [], "nothing is written"


def test_unknown_reflection_set_lists_the_sets(library: Library, tmp_path: Path, capsys):
    assert run(["--reflection", "nei", "--role", "leder-virksomhet"], tmp_path) == 2
    sets = ", ".join(f"{r.id} ({r.title})" for r in library.reflections.values())
    assert "systemperspektiv (Refleksjon om gjennomganger med systemperspektiv)" in sets
    assert capsys.readouterr().err == (
        f"refleks: feil: refleksjonssettet «nei» finnes ikke. Gyldige valg: {sets}\n"
    )


def test_a_role_without_questions_in_the_set(library: Library, tmp_path: Path, capsys):
    outside = next(
        r for r in library.roles.values()
        if not any(r.id in t.questions for t in library.reflections["systemperspektiv"].themes)
    )  # fmt: skip
    assert run(["--reflection", "systemperspektiv", "--role", outside.id], tmp_path) == 2
    assert capsys.readouterr().err == (
        f"refleks: feil: rollen «{outside.id}» har ingen spørsmål i refleksjonssettet "
        f"«systemperspektiv». Gyldige valg: {ROLES}\n"
    )


def test_minutes_must_be_a_whole_number(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(["--reflection", "systemperspektiv", "--role", "leder-virksomhet",
             "--minutes", "en time"], tmp_path)  # fmt: skip
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "refleks session: feil: argument --minutes: må være et helt antall minutter, ikke «en time»"
    )


# --------------------------------------------------------------------------- in the browser


@pytest.mark.slow
def test_the_kit_works_offline_in_chromium(kit: Path) -> None:
    with launch() as browser:
        context = browser.new_context(
            viewport={"width": 1280, "height": 720}, reduced_motion="reduce"
        )
        recorder = Recorder(context)
        page = context.new_page()
        page.goto((kit / "lysark.html").as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        total = page.evaluate("Reveal.getTotalSlides()")
        for n in range(total):
            assert page.evaluate("Reveal.getIndices().h") == n
            notes = page.evaluate(
                "Reveal.getCurrentSlide().querySelector('aside.notes').textContent.trim()"
            )
            assert notes
            found = axe_violations(page)
            assert found == [], f"slide {n + 1}:\n{describe(found)}"
            page.keyboard.press("ArrowRight")
        assert page.evaluate("Reveal.isLastSlide()")
        page.locator("a.refleks-tekstlenke").click()
        page.wait_for_load_state()
        assert page.url == (kit / "veiledning.html").as_uri()
        found = axe_violations(page)
        assert found == [], describe(found)
        assert page.locator("table.agenda tbody tr").count() == 6
        context.close()
    recorder.assert_local()


def test_a_kit_with_kollegastotte_theme_3_has_the_stories_it_refers_to(tmp_path: Path) -> None:
    """The theme's notes ask to read the story of Anne and the quote on «den første kneika»
    (the source, content/sources/kollegastotte-etter-uonskede-hendelser.txt, lines 423-444)."""
    args = ["--reflection", "kollegastotte", "--role", "kollega", "--themes", "rett-etter",
            "--minutes", "30", "--name", "k"]  # fmt: skip
    assert run(args, tmp_path) == 0
    kit = tmp_path / "k"
    anne = "Kollegastøtten fulgte Anne opp underveis på vakten og trygget henne på at hun gjorde"
    kneika = "men samtalen var med på å hjelpe meg over den første kneika"
    guide = text_of((kit / "veiledning.html").read_text("utf-8"))
    assert anne in guide and kneika in guide
    assert "Fortelling: Anne" in guide and "Sitat: Den første kneika" in guide
    handout = " ".join(
        subprocess.run(
            ["pdftotext", str(kit / "utskrift.pdf"), "-"], capture_output=True, text=True,
            check=True,
        ).stdout.split()
    )  # fmt: skip
    assert anne in handout and kneika in handout
    assert "Fra F25: Knust – hvordan ivareta helsepersonell etter uønskede hendelser?" in handout
    deck = (kit / "lysark.html").read_text("utf-8")
    kinds = re.findall(r'data-refleks-kind="(\w+)"', deck)
    assert kinds[:4] == ["title", "instruction", "theme", "story"]
    guide_html = (kit / "veiledning.html").read_text("utf-8")
    rows = re.findall(r"<tr data-minutter=\"\d+\">(.*?)</tr>", guide_html, re.S)
    cells = [text_of(re.findall(r"<td>(.*?)</td>", row, re.S)[-1]) for row in rows]
    # title, instruction | theme, two stories | the role's two questions | summary, sources
    assert cells == ["1–2", "3–5", "6–7", "8–9"]


# --------------------------------------------------------------------------- themes left out


def test_a_short_meeting_says_which_themes_are_left_out_and_how_to_take_them_in(
    library: Library,
) -> None:
    from refleks.cli.session import left_out_notice

    chosen = session.resolve(library, "systemperspektiv", "leder-virksomhet", None, 45)
    assert [t.id for t in chosen.themes] == ["ledelse"]
    assert [t.id for t in chosen.left_out] == ["involvering", "rapporter"]
    # 5 + 5 minutes to open and close, 20 per theme: three themes need 70
    assert left_out_notice(chosen) == (
        "Temaene «Involvering i gjennomganger» (involvering) og «Utforming og bruk av "
        "rapporter» (rapporter) er ikke med: de fikk ikke plass på 45 minutter (minst 20 "
        "minutter per tema).\n"
        "Ta dem med: --minutes 70. Eller velg selv hvilke temaer møtet skal ha, for eksempel "
        "--themes involvering"
    )
    one = session.resolve(library, "systemperspektiv", "leder-virksomhet", None, 50)
    assert left_out_notice(one).startswith(
        "Temaet «Utforming og bruk av rapporter» (rapporter) er ikke med: det fikk ikke plass "
        "på 50 minutter"
    )
    assert session.resolve(library, "systemperspektiv", "leder-virksomhet", None, 70).left_out == []
    chosen = session.resolve(library, "systemperspektiv", "leder-virksomhet", ["rapporter"], 30)
    assert chosen.left_out == []  # themes the user chose leave nothing out by surprise
