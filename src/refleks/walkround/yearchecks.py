"""Checks across the visits of a year plan, with Norwegian messages at ``file:line:col``.

Errors (nothing is written):

- more visits than ``MAX_VISITS`` in one plan;
- the visit leader is booked on two visits the same day (overlapping times said so).

(A visit on a weekend day or a public holiday is the visit's own check, a warning, in
``walkround.checks``: the same rule and words in ``check``, ``visit`` and the browser form.)

Warnings:

- a visit in the common summer holiday weeks (ISO weeks 28-31, «fellesferien») or between
  Christmas Eve and New Year's Eve;
- two visits to the same unit in one plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..content import schema
from ..content.model import Library
from ..content.yamlread import format_path
from ..errors import Problems
from .checks import wording
from .deadlines import holiday_name

MAX_VISITS = 500
"""Most visits one year plan (or ``content/visits/``) may hold, refused up front by
``check`` and ``visit`` alike at the first visit beyond the limit. ``refleks visit --plan``
writes the plan visit by visit, so the kits' memory does not grow with the visits, but the
year's letters as one PDF are one Typst document, which Typst holds whole while it lays it
out: about 2 MB per letter, 1.3 GB at 500 (``benchmarks/yearplan.py``, ``NOTES.md``)."""
SUMMER_WEEKS = range(28, 32)
"""ISO weeks of the common summer holiday (fellesferien: July)."""
CHRISTMAS = ((12, 24), (12, 31))


@dataclass(frozen=True)
class Group:
    """Visits checked together: one plan, or every file under ``content/visits/``."""

    id: str
    title: str
    visits: list[schema.Visit]
    language: str | None = None


def groups(library: Library) -> list[Group]:
    """The loose visit files as one group (``alle``), then each plan."""
    loose = [v for v in library.visits.values() if not _in_plan(library, v.id)]
    out = [Group("alle", "", sorted(loose, key=order))] if loose else []
    for plan in library.plans.values():
        visits = [library.visits[i] for i in library.plan_visits.get(plan.id, [])]
        out.append(Group(plan.id, plan.title, sorted(visits, key=order), plan.language))
    return out


def _in_plan(library: Library, visit_id: str) -> bool:
    return any(visit_id in ids for ids in library.plan_visits.values())


def order(visit: schema.Visit) -> tuple[dt.date, str, str]:
    return (visit.date, visit.time, visit.id)


def _span(visit: schema.Visit) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(visit.date, dt.time.fromisoformat(visit.time))
    return start, start + dt.timedelta(minutes=max(visit.duration_minutes, 0))


class _Where:
    def __init__(self, library: Library, problems: Problems, language: str | None = None):
        self.library, self.problems, self.language = library, problems, language

    def words(self, visit: schema.Visit) -> dict:
        """The messages in the visit's language (its plan's), else the site's."""
        return wording(self.library, visit.language or self.language)["year"]

    def at(self, visit: schema.Visit, path: tuple) -> str:
        doc = self.library.documents[("visit", visit.id)]
        line, _ = doc.where(path)
        return f"{self.problems.rel(doc.file)}:{line}"

    def add(self, visit: schema.Visit, path: tuple, message: str, **kw) -> None:
        doc = self.library.documents[("visit", visit.id)]
        line, col = doc.where(path)
        shown = format_path((*getattr(doc, "prefix", ()), *path))
        self.problems.add(doc.file, line, col, shown, message, **kw)


def check_group(library: Library, group: Group, problems: Problems) -> Problems:
    where = _Where(library, problems, group.language)
    _check_size(group, where)
    _check_leaders(group, where)
    for visit in group.visits:
        _check_day(library, visit, where)
    _check_units(group, where)
    return problems


def check_all(library: Library, problems: Problems) -> Problems:
    for group in groups(library):
        check_group(library, group, problems)
    return problems


def _leader(visit: schema.Visit) -> str:
    return " ".join(visit.leadership.visit_leader.name.split()).casefold()


def _overlaps(a: schema.Visit, b: schema.Visit) -> bool:
    a_start, a_end = _span(a)
    b_start, b_end = _span(b)
    return a_start < b_end and b_start < a_end


def _check_leaders(group: Group, where: _Where) -> None:
    """One error per visit whose leader already has a visit that day (overlap first)."""
    seen: list[schema.Visit] = []
    for visit in group.visits:
        same_day = [o for o in seen if o.date == visit.date and _leader(o) == _leader(visit)]
        seen.append(visit)
        if not same_day:
            continue
        overlapping = [o for o in same_day if _overlaps(o, visit)]
        other = (overlapping or same_day)[0]
        words = where.words(visit)
        what = words["overlapping"] if overlapping else words["same_day"]
        name = visit.leadership.visit_leader.name
        where.add(
            visit,
            ("date",),
            words["leader_booked"].format(name=name, what=what),
            written=words["booked_written"].format(
                date=visit.date.isoformat(), time=visit.time, unit=visit.unit
            ),
            expected=words["booked_expected"],
            hint=words["booked_hint"].format(
                where=where.at(other, ("date",)), unit=other.unit, time=other.time
            ),
        )


def _check_day(library: Library, visit: schema.Visit, where: _Where) -> None:
    day = visit.date
    words = where.words(visit)
    if day.weekday() >= 5 or holiday_name(day):
        # one rule for a visit on a day off, in `check`, `visit` and the browser form: the
        # visit's own check (walkround.checks) warns about it
        return
    week = day.isocalendar().week
    if week in SUMMER_WEEKS:
        where.add(
            visit,
            ("date",),
            words["summer"],
            severity="warning",
            written=words["summer_written"].format(date=day.isoformat(), week=week),
            expected=words["summer_expected"].format(first=SUMMER_WEEKS[0], last=SUMMER_WEEKS[-1]),
            hint=words["summer_hint"],
        )
    elif CHRISTMAS[0] <= (day.month, day.day) <= CHRISTMAS[1]:
        where.add(
            visit,
            ("date",),
            words["christmas"],
            severity="warning",
            written=day.isoformat(),
            expected=words["christmas_expected"],
            hint=words["christmas_hint"],
        )


def _check_size(group: Group, where: _Where) -> None:
    if len(group.visits) <= MAX_VISITS:
        return
    visit = group.visits[MAX_VISITS]  # the first one too many, in date order
    words, count = where.words(visit), len(group.visits)
    where.add(
        visit,
        ("id",),
        words["too_many"].format(count=count, max=MAX_VISITS),
        written=visit.id,
        expected=words["too_many_expected"].format(max=MAX_VISITS),
        hint=words["too_many_hint"],
    )


def _check_units(group: Group, where: _Where) -> None:
    first: dict[str, schema.Visit] = {}
    for visit in group.visits:
        key = " ".join(visit.unit.split()).casefold()
        if key in first:
            other, words = first[key], where.words(visit)
            where.add(
                visit,
                ("unit",),
                words["same_unit"],
                severity="warning",
                written=visit.unit,
                expected=words["same_unit_expected"],
                hint=words["same_unit_hint"].format(
                    where=where.at(other, ("unit",)), date=other.date.isoformat()
                ),
            )
        else:
            first[key] = visit
