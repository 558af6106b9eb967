"""Checks across the visits of a year plan and the plan file's own validation, word for word,
as ``refleks check`` and ``refleks visit --plan`` report them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_year_plan import plan_project, run

HEAD = """\
id: arsplan-2030
title: Test
defaults:
  municipality: K
  time: "10:00"
  leadership:
    top_leader: {name: Topp}
    visit_leader: {name: Åse Lie}
    coordinator: {name: Ko, phone: "12 34 56 78"}
  participants: [lege, sykepleier, helsefagarbeider, kjøkkenpersonale, ufaglært]
visits:
"""
F = "content/plans/arsplan-2030.yaml"


def entry(key: str, unit: str, date: str, extra: str = "") -> str:
    text = f"  - id: {key}\n    unit: {unit}\n    unit_leader: {{name: L}}\n    date: {date}\n"
    return text + extra


def check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    project = plan_project(tmp_path, text)
    code = run(project, "check")
    return code, capsys.readouterr().err


def test_leader_booked_twice_the_same_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEAD
        + entry("a", "Enhet A", "2030-03-12")
        + entry("b", "Enhet B", "2030-03-12", '    time: "10:30"\n')
        + entry("c", "Enhet C", "2030-03-12", '    time: "13:00"\n')
    )
    code, err = check(tmp_path, text, capsys)
    assert code == 1
    assert err == (
        f"{F}:19:11: feil: lederen for visitten, Åse Lie, er satt opp på to visitter som "
        "overlapper\n"
        "  nøkkel: visits[1].date (visitt 2)\n"
        "  skrevet: 2030-03-12 kl. 10:30 (Enhet B)\n"
        "  forventet: én visitt per dag for hver leder\n"
        f"  tips: den andre visitten står i {F}:15 (Enhet A, kl. 10:00); flytt en av dem\n"
        f"{F}:24:11: feil: lederen for visitten, Åse Lie, er satt opp på to visitter samme dag\n"
        "  nøkkel: visits[2].date (visitt 3)\n"
        "  skrevet: 2030-03-12 kl. 13:00 (Enhet C)\n"
        "  forventet: én visitt per dag for hver leder\n"
        f"  tips: den andre visitten står i {F}:15 (Enhet A, kl. 10:00); flytt en av dem\n"
        "\n2 feil i innholdet. Rett dem og kjør refleks check på nytt.\n"
    )


def test_weekend_and_holiday_warn_as_for_one_visit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One rule for a visit on a day off: the same warning, in the same words, as `refleks
    visit` and the browser form give for a single visit (tests/test_visit_checks.py)."""
    # 17 May 2030 is a Friday (Constitution Day); 16 March 2030 is a Saturday
    text = HEAD + entry("a", "Enhet A", "2030-05-17") + entry("b", "Enhet B", "2030-03-16")
    code, err = check(tmp_path, text, capsys)
    assert code == 0
    assert err == (
        f"{F}:15:11: advarsel: visitten er lagt til Grunnlovsdag\n"
        "  nøkkel: visits[0].date (visitt 1)\n  skrevet: 2030-05-17\n  forventet: en virkedag\n"
        f"{F}:19:11: advarsel: visitten er lagt til en helgedag\n"
        "  nøkkel: visits[1].date (visitt 2)\n  skrevet: 2030-03-16\n  forventet: en virkedag\n"
    )


def test_summer_christmas_and_same_unit_are_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 16 July 2030 is in ISO week 29; 27 December 2030 is a Friday
    text = (
        HEAD
        + entry("a", "Enhet A", "2030-07-16")
        + entry("b", "Enhet B", "2030-12-27")
        + entry("c", "enhet  a", "2030-09-10")
    )
    code, err = check(tmp_path, text, capsys)
    assert code == 0
    assert err == (
        f"{F}:15:11: advarsel: visitten er lagt til fellesferien\n"
        "  nøkkel: visits[0].date (visitt 1)\n  skrevet: 2030-07-16 (uke 29)\n"
        "  forventet: en dato utenfor uke 28–31\n"
        "  tips: mange medarbeidere og ledere har ferie da\n"
        f"{F}:19:11: advarsel: visitten er lagt til romjulen\n"
        "  nøkkel: visits[1].date (visitt 2)\n  skrevet: 2030-12-27\n"
        "  forventet: en dato utenfor 24.–31. desember\n"
        "  tips: mange medarbeidere og ledere har fri da\n"
        f"{F}:21:11: advarsel: enheten får to visitter i samme plan\n"
        "  nøkkel: visits[2].unit (visitt 3)\n  skrevet: enhet  a\n"
        "  forventet: én visitt per enhet\n"
        f"  tips: den første står i {F}:13 (2030-07-16)\n"
    )
    assert run(tmp_path, "check", "--strict") == 1


def test_plan_file_errors_point_at_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD.replace("  municipality: K", "  municipalty: K") + entry("a", "A", "2030-03-12")
    code, err = check(tmp_path, text, capsys)
    assert code == 1
    assert err == (
        f"{F}:4:3: feil: ukjent nøkkel «municipalty»\n"
        "  nøkkel: defaults.municipalty\n  skrevet: municipalty\n"
        "  forventet: en av: method, municipality, time, duration_minutes, location, "
        "leadership, contact, participants\n"
        "  tips: mente du «municipality»?\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_plan_file_errors_point_at_the_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + entry("a", "Enhet A", "2030-03-12").replace("    unit:", "    unitt:")
    code, err = check(tmp_path, text, capsys)
    assert code == 1
    assert err == (
        f"{F}:13:5: feil: ukjent nøkkel «unitt» – mente du «unit»?\n"
        "  nøkkel: visits[0].unitt (visitt 1)\n  skrevet: unitt\n"
        "  forventet: unit: ...\n"
        "  tips: skriv «unit» i stedet for «unitt»; «unit» må være med her\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
