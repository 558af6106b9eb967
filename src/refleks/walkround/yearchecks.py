"""Checks across the visits of a year plan, with Norwegian messages at ``file:line:col``.

Errors (nothing is written):

- the visit leader is booked on two visits the same day (overlapping times said so);
- a visit on a weekend day or a Norwegian public holiday.

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
from .deadlines import holiday_name

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
    def __init__(self, library: Library, problems: Problems):
        self.library, self.problems = library, problems

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
    where = _Where(library, problems)
    _check_leaders(group, where)
    for visit in group.visits:
        _check_day(visit, where)
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
        what = "på to visitter som overlapper" if overlapping else "på to visitter samme dag"
        where.add(
            visit,
            ("date",),
            f"lederen for visitten, {visit.leadership.visit_leader.name}, er satt opp {what}",
            written=f"{visit.date.isoformat()} kl. {visit.time} ({visit.unit})",
            expected="én visitt per dag for hver leder",
            hint=f"den andre visitten står i {where.at(other, ('date',))} "
            f"({other.unit}, kl. {other.time}); flytt en av dem",
        )


def _check_day(visit: schema.Visit, where: _Where) -> None:
    day = visit.date
    holiday = holiday_name(day)
    if day.weekday() >= 5 or holiday:
        where.add(
            visit,
            ("date",),
            f"visitten er lagt til {holiday or 'en helgedag'}",
            written=day.isoformat(),
            expected="en virkedag",
        )
        return
    if day.isocalendar().week in SUMMER_WEEKS:
        where.add(
            visit,
            ("date",),
            "visitten er lagt til fellesferien",
            severity="warning",
            written=f"{day.isoformat()} (uke {day.isocalendar().week})",
            expected=f"en dato utenfor uke {SUMMER_WEEKS[0]}–{SUMMER_WEEKS[-1]}",
            hint="mange medarbeidere og ledere har ferie da",
        )
    elif CHRISTMAS[0] <= (day.month, day.day) <= CHRISTMAS[1]:
        where.add(
            visit,
            ("date",),
            "visitten er lagt til romjulen",
            severity="warning",
            written=day.isoformat(),
            expected="en dato utenfor 24.–31. desember",
            hint="mange medarbeidere og ledere har fri da",
        )


def _check_units(group: Group, where: _Where) -> None:
    first: dict[str, schema.Visit] = {}
    for visit in group.visits:
        key = " ".join(visit.unit.split()).casefold()
        if key in first:
            other = first[key]
            where.add(
                visit,
                ("unit",),
                "enheten får to visitter i samme plan",
                severity="warning",
                written=visit.unit,
                expected="én visitt per enhet",
                hint=f"den første står i {where.at(other, ('unit',))} ({other.date.isoformat()})",
            )
        else:
            first[key] = visit
