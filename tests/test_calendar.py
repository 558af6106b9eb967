"""Deadlines in Norwegian working days, the timeline and the calendar file (.ics)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from refleks.content import schema
from refleks.walkround import deadlines
from refleks.walkround.deadlines import add_months, add_working_days, is_working_day, timeline
from refleks.walkround.documents import calendar
from refleks.walkround.kit import Kit

from .walkround_helpers import UNIT, flat, pdf_text

D = dt.date
RULES = schema.Deadlines()


def _visit(wr_kit: Kit, day: D, **update) -> schema.Visit:
    assert wr_kit.visit is not None
    return wr_kit.visit.model_copy(update={"date": day, **update})


def _dates(visit: schema.Visit) -> dict[str, D]:
    return {d.key: d.date for d in timeline(visit, RULES)}


def test_only_named_holidays_no_sundays_counted_twice() -> None:
    # an ordinary Sunday is a weekend day, not a holiday of its own
    assert deadlines.holiday_name(D(2030, 5, 19)) is None
    assert not is_working_day(D(2030, 5, 19))
    assert deadlines.holiday_name(D(2030, 4, 21)) == "Første påskedag"
    assert is_working_day(D(2030, 12, 24))  # Christmas Eve is not a public holiday


# Norway's public holidays in 2030, worked out by hand: Easter Sunday is 21 April 2030
HOLIDAYS_2030 = {
    D(2030, 1, 1),  # første nyttårsdag
    D(2030, 4, 18),  # skjærtorsdag (Easter - 3)
    D(2030, 4, 19),  # langfredag (Easter - 2)
    D(2030, 4, 21),  # første påskedag
    D(2030, 4, 22),  # andre påskedag (Easter + 1)
    D(2030, 5, 1),  # arbeidernes dag
    D(2030, 5, 17),  # grunnlovsdag
    D(2030, 5, 30),  # Kristi himmelfartsdag (Easter + 39)
    D(2030, 6, 9),  # første pinsedag (Easter + 49)
    D(2030, 6, 10),  # andre pinsedag (Easter + 50)
    D(2030, 12, 25),  # første juledag
    D(2030, 12, 26),  # andre juledag
}


def test_working_days_of_2030_are_weekdays_that_are_not_public_holidays() -> None:
    day = D(2030, 1, 1)
    while day.year == 2030:
        expected = day.weekday() < 5 and day not in HOLIDAYS_2030
        assert is_working_day(day) == expected, day
        if day in HOLIDAYS_2030:
            assert deadlines.holiday_name(day) is not None, day
        day += dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("visit", "minutes", "why"),
    [
        (D(2027, 3, 24), D(2027, 4, 2), "Easter: Maundy Thursday, Good Friday, Easter Monday"),
        (D(2027, 5, 4), D(2027, 5, 11), "Ascension Day 6 May"),
        (D(2030, 5, 14), D(2030, 5, 21), "17 May on a Friday"),
        (D(2030, 6, 6), D(2030, 6, 13), "Whit Monday 10 June"),
        (D(2026, 12, 23), D(2026, 12, 30), "Christmas Day; Boxing Day is a Saturday"),
        (D(2026, 12, 28), D(2027, 1, 4), "New Year's Day"),
        (D(2030, 5, 10), D(2030, 5, 16), "a weekend only"),
    ],
)
def test_minutes_within_four_working_days(visit: D, minutes: D, why: str) -> None:
    assert add_working_days(visit, 4) == minutes, why


def test_follow_up_moves_to_the_next_working_day(wr_kit: Kit) -> None:
    # three months after 25 September 2026 is Christmas Day (Friday)
    follow = next(
        d for d in timeline(_visit(wr_kit, D(2026, 9, 25)), RULES) if d.key == "follow_up"
    )
    assert (follow.planned, follow.date, follow.reason) == (
        D(2026, 12, 25),
        D(2026, 12, 28),
        "Første juledag",
    )
    # 17 May 2027 is also Whit Monday
    assert _dates(_visit(wr_kit, D(2027, 2, 17)))["follow_up"] == D(2027, 5, 18)
    # the last day of a month, into a shorter month, landing on a Sunday
    assert add_months(D(2026, 11, 30), 3) == D(2027, 2, 28)
    assert _dates(_visit(wr_kit, D(2026, 11, 30)))["follow_up"] == D(2027, 3, 1)


def test_reminder_and_letter_move_back_to_a_working_day(wr_kit: Kit) -> None:
    dates = _dates(_visit(wr_kit, D(2030, 5, 24)))
    assert dates["reminder"] == D(2030, 5, 16)  # 17 May is a holiday
    # two weeks before 12 April 2027 is Easter Monday; back past Good Friday and Maundy Thursday
    assert _dates(_visit(wr_kit, D(2027, 4, 12)))["letter"] == D(2027, 3, 24)
    # a letter date written in the visit file is kept as it is
    written = _visit(wr_kit, D(2027, 4, 12), letter_date=D(2027, 3, 28))
    assert _dates(written)["letter"] == D(2027, 3, 28)


def test_timeline_of_the_fixture_visit(wr_kit: Kit) -> None:
    assert [(i["key"], i["date_text"]) for i in calendar.items(wr_kit)] == [
        ("letter", "tirsdag 30. april 2030"),
        ("reminder", "tirsdag 7. mai 2030"),
        ("visit", "tirsdag 14. mai 2030, 13.00–14.00"),
        ("minutes", "tirsdag 21. mai 2030"),
        ("follow_up", "onsdag 14. august 2030"),
    ]


def test_moved_dates_are_explained(wr_kit: Kit) -> None:
    kit = Kit(wr_kit.library, wr_kit.method, _visit(wr_kit, D(2030, 5, 24)))
    reminder = next(i for i in calendar.items(kit) if i["key"] == "reminder")
    assert reminder["note"] == "Flyttet fra fredag 17. mai 2030 (Grunnlovsdag)."
    kit = Kit(wr_kit.library, wr_kit.method, _visit(wr_kit, D(2030, 2, 17)))
    follow = next(i for i in calendar.items(kit) if i["key"] == "follow_up")
    assert follow["note"] == "Flyttet fra fredag 17. mai 2030 (Grunnlovsdag)."
    kit = Kit(wr_kit.library, wr_kit.method, _visit(wr_kit, D(2030, 3, 15)))
    follow = next(i for i in calendar.items(kit) if i["key"] == "follow_up")
    assert follow["date_text"] == "mandag 17. juni 2030"
    assert follow["note"] == "Flyttet fra lørdag 15. juni 2030 (helg)."


def test_timeline_markdown(kit_dir: Path) -> None:
    text = (kit_dir / "tidslinje.md").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# Tidslinje og frister"
    escaped = 'Åsheim &lt;b&gt;bo&lt;/b&gt; &amp; "omsorg"'
    assert lines[2] == f"Pasient- og brukersikkerhetsvisitt: {escaped}, Øvre Æsøy kommune"
    assert lines[4:6] == ["| Dato | Hva | Merknad |", "|---|---|---|"]
    assert lines[9] == (
        f"| tirsdag 21. mai 2030 | **Frist for referat** – Referatet med tiltaksplan sendes til "
        f"{escaped} innen 4 virkedager etter visitten. |  |"
    )
    assert len(lines) == 11


def test_timeline_pdf(kit_dir: Path) -> None:
    text = flat(pdf_text(kit_dir / "tidslinje.pdf"))
    assert text.startswith(
        f"Tidslinje og frister Pasient- og brukersikkerhetsvisitt: {UNIT}, Øvre Æsøy kommune"
    )
    for expected in (
        "tirsdag 7. mai 2030 Påminnelse til enheten",
        "tirsdag 21. mai 2030 Frist for referat",
        "onsdag 14. august 2030 Oppfølgingsvisitt",
    ):
        assert expected in text


def test_ics_events(kit_dir: Path) -> None:
    cal = icalendar.Calendar.from_ical((kit_dir / "tidslinje.ics").read_bytes())
    assert str(cal["prodid"]) == "-//Refleks//Visittsett//NB"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Oslo"]
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    # the UIDs calendars already know the events by (the program's keys are English now)
    assert list(events) == [
        "testvisitt-brev@refleks",
        "testvisitt-paminnelse@refleks",
        "testvisitt-visitt@refleks",
        "testvisitt-referat@refleks",
        "testvisitt-oppfolging@refleks",
    ]
    visit = events["testvisitt-visitt@refleks"]
    oslo = ZoneInfo("Europe/Oslo")
    assert visit.decoded("dtstart") == dt.datetime(2030, 5, 14, 13, 0, tzinfo=oslo)
    assert visit.decoded("dtend") == dt.datetime(2030, 5, 14, 14, 0, tzinfo=oslo)
    assert str(visit["location"]) == "Møterommet, 2. etasje"
    assert str(visit["summary"]) == f"Pasient- og brukersikkerhetsvisitt: {UNIT}"
    minutes = events["testvisitt-referat@refleks"]
    assert minutes.decoded("dtstart") == D(2030, 5, 21)
    assert minutes.decoded("dtend") == D(2030, 5, 22)
    assert events["testvisitt-oppfolging@refleks"].decoded("dtstart") == D(2030, 8, 14)
    assert events["testvisitt-paminnelse@refleks"].decoded("dtstart") == D(2030, 5, 7)
    stamps = {e.decoded("dtstamp") for e in events.values()}
    assert stamps == {dt.datetime(2030, 4, 30, tzinfo=dt.UTC)}


def test_moved_dates_are_explained_in_nynorsk(wr_kit: Kit) -> None:
    # 1 February 2030 + 3 months is Wednesday 1 May (Labour Day: «Arbeidernes dag» in the
    # holidays library, «Arbeidarane sin dag» in nynorsk); the follow-up moves to 2 May
    visit = _visit(wr_kit, D(2030, 2, 1), language="nn")
    kit = Kit(wr_kit.library, wr_kit.method, visit)
    follow = next(i for i in calendar.items(kit) if i["key"] == "follow_up")
    assert follow["date_text"] == "torsdag 2. mai 2030"
    assert follow["note"] == "Flytta frå onsdag 1. mai 2030 (Arbeidarane sin dag)."
    nb = Kit(wr_kit.library, wr_kit.method, _visit(wr_kit, D(2030, 2, 1)))
    follow = next(i for i in calendar.items(nb) if i["key"] == "follow_up")
    assert follow["note"] == "Flyttet fra onsdag 1. mai 2030 (Arbeidernes dag)."
