"""The walkround's deadlines on the calendar, counted in Norwegian working days.

A working day is Monday to Friday and not a Norwegian public holiday (``holidays.Norway``:
New Year's Day, Maundy Thursday, Good Friday, Easter Monday, 1 May, 17 May, Ascension Day,
Whit Monday, Christmas Day and Boxing Day; Easter Sunday and Whit Sunday are Sundays
anyway). Sundays are excluded as weekend days once: the holiday calendar is made with
``include_sundays=False`` so that it holds the named holidays only.

The rules (the numbers come from the method's ``deadlines``):

- the invitation letter goes out on the visit's ``letter_date`` as written, or else two weeks
  before the visit, moved back to the working day before when that day is not a working day;
- the reminder goes out ``reminder_days_before`` days before, moved back the same way;
- the minutes are sent within ``minutes_working_days`` working days after the visit;
- the follow-up visit is ``follow_up_months`` months later, moved forward to the next working
  day.
"""

from __future__ import annotations

import calendar as _stdcal
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from ..content import schema

LETTER_DAYS_BEFORE = 14

LABEL_KEYS = {
    "letter": "brev",
    "reminder": "paminnelse",
    "visit": "visitt",
    "minutes": "referat",
    "follow_up": "oppfolging",
}
"""Each deadline's key in the calendar's labels (``templates/calendar/labels.yaml``, shipped to
the browser tool with the site), in the browser tool's own timeline and in the calendar
files' UIDs (``<visit>-brev@refleks``): calendars that imported a visit know its events by
these UIDs, so they keep the words they were first made with."""


@lru_cache(maxsize=64)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Norway(years=year, include_sundays=False, language="no")


def holiday_name(day: dt.date) -> str | None:
    """The Norwegian name of the public holiday on ``day``, or ``None``."""
    return _holidays(day.year).get(day)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def previous_working_day(day: dt.date) -> dt.date:
    """``day`` itself when it is a working day, otherwise the last working day before it."""
    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def add_working_days(day: dt.date, n: int) -> dt.date:
    """The ``n``-th working day after ``day`` (``day`` itself does not count)."""
    while n > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later; the 31st becomes the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _stdcal.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    """One date on the walkround's timeline."""

    key: str
    """``letter``, ``reminder``, ``visit``, ``minutes`` or ``follow_up``."""
    date: dt.date
    planned: dt.date
    """The date the rule gives before moving it to a working day."""

    @property
    def label_key(self) -> str:
        """The deadline's key in the labels and the calendar's UIDs (``LABEL_KEYS``)."""
        return LABEL_KEYS[self.key]

    @property
    def moved(self) -> bool:
        return self.date != self.planned

    @property
    def reason(self) -> str | None:
        """Why the planned date was not used: the holiday's name, or ``None`` for a weekend."""
        return holiday_name(self.planned)


def timeline(visit: schema.Visit, rules: schema.Deadlines) -> list[Deadline]:
    """The visit's deadlines in date order."""
    letter_planned = visit.letter_date or visit.date - dt.timedelta(days=LETTER_DAYS_BEFORE)
    letter = letter_planned if visit.letter_date else previous_working_day(letter_planned)
    reminder_planned = visit.date - dt.timedelta(days=rules.reminder_days_before)
    follow_planned = add_months(visit.date, rules.follow_up_months)
    minutes = add_working_days(visit.date, rules.minutes_working_days)
    items = [
        Deadline("letter", letter, letter_planned),
        Deadline("reminder", previous_working_day(reminder_planned), reminder_planned),
        Deadline("visit", visit.date, visit.date),
        Deadline("minutes", minutes, minutes),
        Deadline("follow_up", next_working_day(follow_planned), follow_planned),
    ]
    return sorted(items, key=lambda d: d.date)


def letter_date(visit: schema.Visit) -> dt.date:
    """The date the invitation letter carries."""
    return next(d.date for d in timeline(visit, schema.Deadlines()) if d.key == "letter")
