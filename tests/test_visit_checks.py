"""The visit checks: every message word for word, at its file:line:col, as error or warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.walkround.checks import check_visit, health_professions, is_health_professional

from .walkround_helpers import copy_project

BASE = """\
id: sjekk
municipality: Testkommune
unit: Enhet A
unit_leader: {name: Kari Leder, title: avdelingsleder}
date: 2030-05-14
time: "13:00"
duration_minutes: 60
leadership:
  top_leader: {name: Topp Leder}
  visit_leader: {name: Visitt Leder}
  coordinator: {name: Ko Ordinator, email: ko@example.no}
participants: [lege, sykepleier, helsefagarbeider, kjøkkenpersonale, ufaglært]
"""
TODAY = dt.date(2030, 1, 1)
FILE = "content/visits/sjekk.yaml"


def problems(tmp_path: Path, text: str, today: dt.date = TODAY) -> list[str]:
    project = copy_project(tmp_path)
    (project / "content" / "visits" / "sjekk.yaml").write_text(text, "utf-8")
    library = build_library(Project(project))
    return [p.format() for p in check_visit(library, library.visits["sjekk"], today).sorted()]


def test_a_visit_by_the_method_has_no_problems(tmp_path: Path) -> None:
    assert problems(tmp_path, BASE) == []


def test_an_email_address_without_at_is_an_error(tmp_path: Path) -> None:
    """It would be printed in the letter as written; line 11 is the coordinator's."""
    text = BASE.replace("email: ko@example.no", "email: ko.example.no")
    assert problems(tmp_path, text) == [
        f"{FILE}:11:44: feil: e-postadressen mangler @\n"
        "  nøkkel: leadership.coordinator.email\n  skrevet: ko.example.no\n"
        "  forventet: en e-postadresse som navn@kommune.no"
    ]


def test_the_letters_contact_needs_phone_or_email(tmp_path: Path) -> None:
    no_way = BASE.replace("{name: Ko Ordinator, email: ko@example.no}", "{name: Ko Ordinator}")
    message = (
        "feil: kontaktpersonen i brevet mangler telefon og e-post\n"
        "  nøkkel: {key}\n  skrevet: {name}\n  forventet: phone: eller email: (minst én av dem)\n"
        "  tips: brevet ber leseren ta kontakt; skriv telefonnummer eller e-postadresse"
    )
    assert problems(tmp_path, no_way) == [
        f"{FILE}:11:3: " + message.format(key="leadership.coordinator", name="Ko Ordinator")
    ]
    # a contact of its own is what the letter names; a phone alone is enough
    assert problems(tmp_path / "1", BASE + "contact: {name: Per Olsen}\n") == [
        f"{FILE}:13:1: " + message.format(key="contact", name="Per Olsen")
    ]
    assert problems(tmp_path / "2", BASE + 'contact: {name: Per Olsen, phone: "12"}\n') == []


def test_check_reports_what_visit_refuses_in_the_same_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One validation: ``refleks check`` refuses what ``refleks visit`` refuses."""
    from refleks.cli import main

    from .walkround_helpers import env

    project = copy_project(tmp_path)
    text = BASE.replace("{name: Ko Ordinator, email: ko@example.no}", "{name: Ko Ordinator}")
    text += "actions:\n  - problem: Fall\n    changes:\n"
    text += '      - {text: Nattlys, responsible: "", due: 2030-06-01}\n'
    (project / "content" / "visits" / "sjekk.yaml").write_text(text, "utf-8")
    capsys.readouterr()
    with env(REFLEKS_TODAY="2030-01-01"):
        assert main(["--project", str(project), "visit", "sjekk"]) == 1
        refused = capsys.readouterr().err
        assert main(["--project", str(project), "check"]) == 1
        checked = capsys.readouterr()
    assert "endringen mangler ansvarlig" in refused
    assert "kontaktpersonen i brevet mangler telefon og e-post" in refused
    # the same problems; only the last line, on what happens now, differs
    same = refused.rsplit("\n\n", 1)[0]
    assert checked.err.rsplit("\n\n", 1)[0] == same and "Innholdet er gyldig" not in checked.out
    assert checked.err.endswith("feil i innholdet. Rett dem og kjør refleks check på nytt.\n")


def test_duration(tmp_path: Path) -> None:
    assert problems(tmp_path, BASE.replace("duration_minutes: 60", "duration_minutes: 75")) == [
        f"{FILE}:7:19: advarsel: visitten varer lenger enn 60 minutter\n"
        "  nøkkel: duration_minutes\n  skrevet: 75\n  forventet: høyst 60 minutter\n"
        "  tips: metoden anbefaler en kort samtale; kort ned programmet"
    ]
    assert problems(
        tmp_path / "0", BASE.replace("duration_minutes: 60", "duration_minutes: 0")
    ) == [
        f"{FILE}:7:19: feil: varigheten må være et positivt antall minutter\n"
        "  nøkkel: duration_minutes\n  skrevet: 0\n  forventet: for eksempel 60"
    ]


def test_group_size_and_health_professionals_only(tmp_path: Path) -> None:
    text = BASE.replace(
        "[lege, sykepleier, helsefagarbeider, kjøkkenpersonale, ufaglært]",
        "[overlege, intensivsykepleier, LIS-lege, jordmor]",
    )
    assert problems(tmp_path, text) == [
        f"{FILE}:12:15: advarsel: samtalegruppen har 4 deltakere, ikke 5\n"
        "  nøkkel: participants\n  skrevet: 4\n  forventet: 5 deltakere\n"
        "  tips: metoden anbefaler en samtalegruppe på fem medarbeidere",
        f"{FILE}:12:15: advarsel: samtalegruppen har ingen medarbeidere som ikke er "
        "helsepersonell\n  nøkkel: participants\n"
        "  skrevet: overlege, intensivsykepleier, LIS-lege, jordmor\n"
        "  forventet: minst én deltaker uten helsefaglig stilling\n"
        "  tips: ta med for eksempel kjøkkenpersonale, renholder eller en ufaglært",
    ]


@pytest.mark.parametrize(
    ("title", "health"),
    [
        ("lege", True),
        ("Overlege", True),
        ("LIS-lege", True),
        ("intensivsykepleier", True),
        ("helsefagarbeider", True),
        ("vernepleier", True),
        ("legesekretær", False),
        ("sykepleierstudent", False),
        ("kjøkkenpersonale", False),
        ("ufaglært", False),
        ("pleieassistent", False),
        ("renholder", False),
    ],
)
def test_health_profession_titles(title: str, health: bool, project) -> None:
    assert is_health_professional(title, health_professions(project.templates)) is health


def test_unit_leader_in_the_conversation(tmp_path: Path) -> None:
    text = BASE.replace("ufaglært]", "Avdelingsleder]") + "unit_leader_in_conversation: true\n"
    assert problems(tmp_path, text) == [
        f"{FILE}:12:70: advarsel: lederen for enheten står i samtalegruppen\n"
        "  nøkkel: participants[4]\n  skrevet: Avdelingsleder\n"
        "  forventet: medarbeidere, ikke enhetslederen\n"
        "  tips: metoden anbefaler at medarbeiderne snakker uten sin nærmeste leder",
        f"{FILE}:13:30: advarsel: lederen for enheten skal ikke delta i samtalen\n"
        "  nøkkel: unit_leader_in_conversation\n  skrevet: true\n  forventet: false\n"
        "  tips: metoden anbefaler at medarbeiderne snakker uten sin nærmeste leder til stede",
    ]


def _actions(n: int, change: str = "{text: Tiltak, responsible: Leder, due: 2030-06-01}") -> str:
    return "actions:\n" + "".join(
        f"  - problem: Problem {i}\n    changes:\n      - {change}\n" for i in range(1, n + 1)
    )


def test_more_problems_than_the_method_allows(tmp_path: Path) -> None:
    assert problems(tmp_path, BASE + _actions(3)) == []
    assert problems(tmp_path / "4", BASE + _actions(4)) == [
        f"{FILE}:23:5: feil: tiltaksplanen har 4 problemer, mer enn 3\n"
        "  nøkkel: actions[3]\n  skrevet: 4\n  forventet: 1–3 problemer\n"
        "  tips: velg ut de viktigste problemene, og ta resten med til neste visitt"
    ]


def test_change_without_responsible_or_due(tmp_path: Path) -> None:
    assert problems(tmp_path, BASE + _actions(1, "{text: Nattlys, responsible: ' '}")) == [
        f"{FILE}:16:9: feil: endringen mangler ansvarlig\n"
        "  nøkkel: actions[0].changes[0]\n  skrevet: Nattlys\n"
        "  forventet: responsible: navn eller stilling\n"
        "  tips: hver konkrete endring skal ha en ansvarlig og en frist",
        f"{FILE}:16:9: feil: endringen mangler frist\n"
        "  nøkkel: actions[0].changes[0]\n  skrevet: Nattlys\n  forventet: due: ÅÅÅÅ-MM-DD\n"
        "  tips: hver konkrete endring skal ha en ansvarlig og en frist",
    ]


def test_dates_in_the_past(tmp_path: Path) -> None:
    text = (
        BASE + _actions(1) + "      - {text: Ferdig, responsible: Leder, due: 2030-06-01, "
        "status: ferdig}\n      - {text: Tidlig, responsible: Leder, due: 2030-05-01}\n"
    )
    assert problems(tmp_path, text, today=dt.date(2030, 7, 1)) == [
        f"{FILE}:5:7: advarsel: datoen for visitten er passert\n"
        "  nøkkel: date\n  skrevet: 2030-05-14\n  forventet: en dato etter 2030-07-01",
        f"{FILE}:16:49: advarsel: fristen er passert, og endringen er ikke ferdig\n"
        "  nøkkel: actions[0].changes[0].due\n  skrevet: 2030-06-01\n"
        "  forventet: en dato etter 2030-07-01, eller status: ferdig",
        f"{FILE}:18:49: advarsel: fristen er før visitten\n"
        "  nøkkel: actions[0].changes[2].due\n  skrevet: 2030-05-01\n"
        "  forventet: en dato etter 2030-05-14",
    ]


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2030-05-17", "Grunnlovsdag"),
        ("2030-05-18", "en helgedag"),
        ("2030-05-30", "Kristi himmelfartsdag"),
    ],
)
def test_visit_on_a_day_off(tmp_path: Path, day: str, reason: str) -> None:
    assert problems(tmp_path, BASE.replace("2030-05-14", day)) == [
        f"{FILE}:5:7: advarsel: visitten er lagt til {reason}\n"
        f"  nøkkel: date\n  skrevet: {day}\n  forventet: en virkedag"
    ]


def test_unknown_field_in_the_method_letter(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    method = project / "content" / "methods" / "pasientsikkerhetsvisitt.yaml"
    method.write_text(
        method.read_text("utf-8").replace(
            "Ta gjerne kontakt hvis noe er uklart.", "Ring {telefon} hvis noe er uklart."
        ),
        "utf-8",
    )
    (project / "content" / "visits" / "sjekk.yaml").write_text(BASE, "utf-8")
    library = build_library(Project(project))
    found = [p.format() for p in check_visit(library, library.visits["sjekk"], TODAY).sorted()]
    assert found == [
        "content/methods/pasientsikkerhetsvisitt.yaml:43:13: feil: ukjent felt «{telefon}» i "
        "brevteksten\n  nøkkel: letter.sections[4].text (avsnitt 5)\n  skrevet: {telefon}\n"
        "  forventet: ett av feltene {enhet}, {kommune}, {ledere}, {dato}, {klokkeslett}, "
        "{sted}, {varighet}, {deltakere}"
    ]
