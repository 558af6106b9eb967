"""The walkround checks' messages in nynorsk, word for word, when the visit (or its year plan)
says ``language: nn``; the method's and ``site.yaml``'s checks follow ``site.yaml``. The
frame of a message (``feil``, ``nøkkel``, ``skrevet`` ...) is the command line's and stays
bokmål like the rest of the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from .test_visit_checks import BASE, FILE, _actions, problems
from .test_year_checks import HEAD, check, entry

NN = BASE + "language: nn\n"
PLAN = HEAD.replace("title: Test\n", "title: Test\nlanguage: nn\n")
F = "content/plans/arsplan-2030.yaml"


def test_contact_group_and_leader(tmp_path: Path) -> None:
    text = (
        NN.replace("{name: Ko Ordinator, email: ko@example.no}", "{name: Ko Ordinator}")
        .replace("duration_minutes: 60", "duration_minutes: 0")
        .replace(
            "[lege, sykepleier, helsefagarbeider, kjøkkenpersonale, ufaglært]",
            "[lege, sykepleier, avdelingsleder]",
        )
        + "unit_leader_in_conversation: true\n"
    )
    assert problems(tmp_path, text) == [
        f"{FILE}:7:19: feil: lengda må vere eit positivt tal minutt\n"
        "  nøkkel: duration_minutes\n  skrevet: 0\n  forventet: til dømes 60",
        f"{FILE}:11:3: feil: kontaktpersonen i brevet manglar telefon og e-post\n"
        "  nøkkel: leadership.coordinator\n  skrevet: Ko Ordinator\n"
        "  forventet: phone: eller email: (minst éin av dei)\n"
        "  tips: brevet ber lesaren ta kontakt; skriv telefonnummer eller e-postadresse",
        f"{FILE}:12:15: advarsel: samtalegruppa har 3 deltakarar, ikkje 5\n"
        "  nøkkel: participants\n  skrevet: 3\n  forventet: 5 deltakarar\n"
        "  tips: metoden tilrår ei samtalegruppe på fem medarbeidarar",
        f"{FILE}:12:34: advarsel: leiaren for eininga står i samtalegruppa\n"
        "  nøkkel: participants[2]\n  skrevet: avdelingsleder\n"
        "  forventet: medarbeidarar, ikkje einingsleiaren\n"
        "  tips: metoden tilrår at medarbeidarane snakkar utan den næraste leiaren sin",
        f"{FILE}:14:30: advarsel: leiaren for eininga skal ikkje delta i samtalen\n"
        "  nøkkel: unit_leader_in_conversation\n  skrevet: true\n  forventet: false\n"
        "  tips: metoden tilrår at medarbeidarane snakkar utan den næraste leiaren sin til stades",
    ]


def test_long_visit_and_health_professionals_only(tmp_path: Path) -> None:
    text = NN.replace("duration_minutes: 60", "duration_minutes: 95").replace(
        "[lege, sykepleier, helsefagarbeider, kjøkkenpersonale, ufaglært]",
        "[lege, sykepleier, helsefagarbeider, lege, sykepleier]",
    )
    assert problems(tmp_path, text) == [
        f"{FILE}:7:19: advarsel: visitten varer lenger enn 60 minutt\n"
        "  nøkkel: duration_minutes\n  skrevet: 95\n  forventet: høgst 60 minutt\n"
        "  tips: metoden tilrår ein kort samtale; kort ned programmet",
        f"{FILE}:12:15: advarsel: samtalegruppa har ingen medarbeidarar som ikkje er "
        "helsepersonell\n"
        "  nøkkel: participants\n  skrevet: lege, sykepleier, helsefagarbeider, lege, sykepleier\n"
        "  forventet: minst éin deltakar utan helsefagleg stilling\n"
        "  tips: ta med til dømes kjøkkenpersonale, reinhaldar eller ein ufaglært",
    ]


def test_actions(tmp_path: Path) -> None:
    assert problems(tmp_path, NN + _actions(4)) == [
        f"{FILE}:24:5: feil: tiltaksplanen har 4 problem, meir enn 3\n"
        "  nøkkel: actions[3]\n  skrevet: 4\n  forventet: 1–3 problem\n"
        "  tips: vel ut dei viktigaste problema, og ta resten med til neste visitt"
    ]
    text = NN + _actions(1, "{text: Nattlys, responsible: ' '}")
    assert problems(tmp_path / "2", text) == [
        f"{FILE}:17:9: feil: endringa manglar ansvarleg\n"
        "  nøkkel: actions[0].changes[0]\n  skrevet: Nattlys\n"
        "  forventet: responsible: namn eller stilling\n"
        "  tips: kvar konkrete endring skal ha ein ansvarleg og ein frist",
        f"{FILE}:17:9: feil: endringa manglar frist\n"
        "  nøkkel: actions[0].changes[0]\n  skrevet: Nattlys\n  forventet: due: ÅÅÅÅ-MM-DD\n"
        "  tips: kvar konkrete endring skal ha ein ansvarleg og ein frist",
    ]


def test_dates(tmp_path: Path) -> None:
    text = NN + _actions(1) + "      - {text: Tidleg, responsible: Leiar, due: 2030-05-01}\n"
    assert problems(tmp_path, text, today=dt.date(2030, 7, 1)) == [
        f"{FILE}:5:7: advarsel: datoen for visitten er passert\n"
        "  nøkkel: date\n  skrevet: 2030-05-14\n  forventet: ein dato etter 2030-07-01",
        f"{FILE}:17:49: advarsel: fristen er passert, og endringa er ikkje ferdig\n"
        "  nøkkel: actions[0].changes[0].due\n  skrevet: 2030-06-01\n"
        "  forventet: ein dato etter 2030-07-01, eller status: ferdig",
        f"{FILE}:18:49: advarsel: fristen er før visitten\n"
        "  nøkkel: actions[0].changes[1].due\n  skrevet: 2030-05-01\n"
        "  forventet: ein dato etter 2030-05-14",
    ]


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2030-05-01", "Arbeidarane sin dag"),  # the holidays library says «Arbeidernes dag»
        ("2030-05-18", "ein helgedag"),
        ("2030-05-30", "Kristi himmelfartsdag"),
    ],
)
def test_visit_on_a_day_off(tmp_path: Path, day: str, reason: str) -> None:
    assert problems(tmp_path, NN.replace("2030-05-14", day)) == [
        f"{FILE}:5:7: advarsel: visitten er lagd til {reason}\n"
        f"  nøkkel: date\n  skrevet: {day}\n  forventet: ein yrkedag"
    ]


def test_year_plan_in_nynorsk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 1 May 2030 is a Wednesday; 16 March a Saturday; 12 March a Tuesday
    text = (
        PLAN
        + entry("a", "Eining A", "2030-05-01")
        + entry("b", "Eining B", "2030-03-16")
        + entry("c", "Eining C", "2030-03-12")
        + entry("d", "Eining D", "2030-03-12", '    time: "10:30"\n')
    )
    code, err = check(tmp_path, text, capsys)
    assert code == 1
    assert err == (
        f"{F}:16:11: advarsel: visitten er lagd til Arbeidarane sin dag\n"
        "  nøkkel: visits[0].date (visitt 1)\n  skrevet: 2030-05-01\n  forventet: ein yrkedag\n"
        f"{F}:20:11: advarsel: visitten er lagd til ein helgedag\n"
        "  nøkkel: visits[1].date (visitt 2)\n  skrevet: 2030-03-16\n  forventet: ein yrkedag\n"
        f"{F}:28:11: feil: leiaren for visitten, Åse Lie, er sett opp på to visittar som "
        "overlappar\n"
        "  nøkkel: visits[3].date (visitt 4)\n  skrevet: 2030-03-12 kl. 10:30 (Eining D)\n"
        "  forventet: éin visitt per dag for kvar leiar\n"
        f"  tips: den andre visitten står i {F}:24 (Eining C, kl. 10:00); flytt ein av dei\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_year_plan_warnings_in_nynorsk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        PLAN
        + entry("a", "Eining A", "2030-07-16")
        + entry("b", "Eining B", "2030-12-27")
        + entry("c", "eining  a", "2030-09-10")
    )
    code, err = check(tmp_path, text, capsys)
    assert code == 0
    assert err == (
        f"{F}:16:11: advarsel: visitten er lagd til fellesferien\n"
        "  nøkkel: visits[0].date (visitt 1)\n  skrevet: 2030-07-16 (veke 29)\n"
        "  forventet: ein dato utanfor veke 28–31\n"
        "  tips: mange medarbeidarar og leiarar har ferie då\n"
        f"{F}:20:11: advarsel: visitten er lagd til romjula\n"
        "  nøkkel: visits[1].date (visitt 2)\n  skrevet: 2030-12-27\n"
        "  forventet: ein dato utanfor 24.–31. desember\n"
        "  tips: mange medarbeidarar og leiarar har fri då\n"
        f"{F}:22:11: advarsel: eininga får to visittar i same plan\n"
        "  nøkkel: visits[2].unit (visitt 3)\n  skrevet: eining  a\n"
        "  forventet: éin visitt per eining\n"
        f"  tips: den første står i {F}:14 (2030-07-16)\n"
    )
