"""The data the browser tools get from the build (``verktoy/data.json``): the messages of
``refleks check`` and ``refleks session`` word for word, the public holidays and the letter
with its field markers. Expected texts are written out by hand."""

from __future__ import annotations

from typing import Any

import pytest

from refleks.content.model import Library
from refleks.site import tools


@pytest.fixture(scope="module")
def data(library: Library) -> dict[str, Any]:
    return tools.data(library)


def test_visit_check_messages(data: dict) -> None:
    checks = data["visit"]["checks"]
    rules = {name: rule["message"] for name, rule in checks["rules"].items()}
    assert rules == {
        "duration_not_positive": "varigheten må være et positivt antall minutter",
        "duration_too_long": "visitten varer lenger enn 60 minutter",
        "group_size": "samtalegruppen har {antall} deltakere, ikke 5",
        "no_other_staff": "samtalegruppen har ingen medarbeidere som ikke er helsepersonell",
        "leader_in_conversation": "lederen for enheten skal ikke delta i samtalen",
        "leader_in_group": "lederen for enheten står i samtalegruppen",
        "date_passed": "datoen for visitten er passert",
        "email": "e-postadressen mangler @",
        "contact": "kontaktpersonen i brevet mangler telefon og e-post",
        "weekend": "visitten er lagt til en helgedag",
        "holiday": "visitten er lagt til {grunn}",
    }
    assert checks["rules"]["date_passed"]["expected"] == "en dato etter {i_dag}"
    assert checks["rules"]["duration_not_positive"]["severity"] == "feil"
    assert checks["rules"]["weekend"]["severity"] == "advarsel"
    assert checks["rules"]["email"]["severity"] == "feil"
    assert checks["rules"]["email"]["expected"] == "en e-postadresse som navn@kommune.no"
    assert checks["rules"]["contact"]["expected"] == "phone: eller email: (minst én av dem)"
    assert checks["rules"]["contact"]["severity"] == "feil"
    assert checks["schema"]["missing"] == {
        "severity": "feil",
        "message": "mangler påkrevd nøkkel «{navn}»",
        "expected": "{navn}: ...",
        "hint": "legg til «{navn}:» med en verdi",
    }
    assert checks["schema"]["time"]["expected"] == 'TT:MM i anførselstegn, for eksempel "13:00"'
    assert "sykepleier" in checks["health_professions"]


def test_holidays_are_the_named_norwegian_ones(data: dict) -> None:
    days = data["visit"]["holidays"]
    assert days["2027-03-25"] == "Skjærtorsdag"
    assert days["2027-03-26"] == "Langfredag"
    assert days["2027-03-29"] == "Andre påskedag"
    assert days["2027-05-06"] == "Kristi himmelfartsdag"
    assert days["2030-05-17"] == "Grunnlovsdag"
    assert days["2027-03-28"] == "Første påskedag"  # named, as walkround.deadlines has it
    assert "2027-03-21" not in days  # an ordinary Sunday is not listed
    assert "2030-12-24" not in days  # Christmas Eve is a working day
    years = {day[:4] for day in days}
    assert len(years) == tools.HOLIDAY_YEARS


def test_deadline_rules_are_the_methods_and_the_summer_weeks(data: dict) -> None:
    rules = data["visit"]["deadlines"]
    # content/methods/pasientsikkerhetsvisitt.yaml's deadlines, the letter two weeks before
    # the visit, and the common summer holiday (fellesferien, ISO weeks 28-31)
    assert rules["reminder_days_before"] == 7
    assert rules["minutes_working_days"] == 4
    assert rules["follow_up_months"] == 3
    assert rules["letter_days_before"] == 14
    assert rules["summer_weeks"] == [28, 29, 30, 31]


def test_letter_has_markers_for_the_visit_facts(data: dict) -> None:
    letter = data["visit"]["letter"]
    first = letter["sections"][0]
    # the guide's letter (verbatim) has the municipality, the leaders, date and time as fields
    for name in ("kommune", "ledere", "dato", "klokkeslett"):
        assert f"@@{name}@@" in first["html"]
    for section in letter["sections"]:
        assert "{" not in section["html"] + "".join(section["points_text"])
    assert letter["staff"]["title"]


def test_session_messages(data: dict) -> None:
    messages = data["session"]["messages"]
    assert messages["one"] == (
        "{minutter} minutter er for kort tid til ett tema: det trengs minst {trengs} minutter "
        "(5 til innledning, 20 per tema og 5 til oppsummering). Velg færre temaer eller flere "
        "minutter"
    )
    assert messages["none"] == "temaet «{tema}» har ingen spørsmål til rollen «{rolle}»"
    assert messages["no_theme"] == "velg minst ett tema"
    assert data["session"]["rule"] == {
        "opening": 5,
        "closing": 5,
        "theme_min": 20,
        "intro_share": 0.25,
        "intro_min": 2,
    }
