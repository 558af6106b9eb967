"""The visit's timeline: ``tidslinje.md``, ``tidslinje.pdf`` and ``tidslinje.ics``.

The dates come from ``deadlines.timeline`` (Norwegian working days and public holidays). The
calendar file has one all-day event per deadline and a timed event for the visit itself in
Europe/Oslo time, with stable UIDs (importing it again updates the events instead of adding
copies) and a fixed DTSTAMP so that two runs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from ... import markup
from ...errors import shown
from .. import i18n
from ..deadlines import Deadline, timeline
from ..kit import Kit
from ..yearchecks import SUMMER_WEEKS
from . import pdf as walkround_pdf

if TYPE_CHECKING:
    import icalendar

KIND = "calendar"
TIMEZONE = "Europe/Oslo"
PRODID = "-//Refleks//Visittsett//NB"


def md_text(value: object) -> Markup:
    """Plain text for a Markdown table cell (``markup.md_text`` for a table cell)."""
    return markup.md_text(value, "table cell")


def items(kit: Kit) -> list[dict[str, Any]]:
    """The deadlines with their Norwegian titles, texts and notes on moved dates."""
    assert kit.visit is not None
    labels = kit.labels(KIND)
    rules = kit.method.deadlines
    counts = {"minutes": rules.minutes_working_days, "follow_up": rules.follow_up_months}
    out = []
    for d in timeline(kit.visit, rules):
        event = labels["events"][d.label_key]
        text = event["text"].format(
            enhet=kit.visit.unit, antall=counts.get(d.key, ""), tid=kit.time_range
        )
        note = ""
        if d.moved:
            holiday = d.reason and i18n.holiday(kit.templates, kit.language, d.reason)
            note = labels["moved"].format(
                dato=kit.date_long(d.planned), grunn=holiday or labels["weekend"]
            )
        week = d.date.isocalendar().week
        if d.key == "follow_up" and week in SUMMER_WEEKS:
            note = " ".join(filter(None, (note, labels["summer"].format(uke=week))))
        date_text = kit.date_long(d.date)
        if d.key == "visit":
            date_text = f"{date_text}, {kit.time_range}"
        out.append(
            {
                "deadline": d,
                "key": d.key,
                "date": d.date,
                "date_text": date_text,
                "title": event["title"],
                "text": text,
                "note": note,
            }
        )
    return out


def markdown(kit: Kit) -> bytes:
    labels = kit.labels(KIND)
    env = kit.env(KIND)
    env.filters["t"] = md_text
    text = env.get_template("timeline.md.j2").render(
        heading=labels["heading"], labels=labels, items=items(kit), method=kit.method
    )
    return text.encode("utf-8")


def pdf(kit: Kit) -> bytes:
    labels = kit.labels(KIND)
    return walkround_pdf.pdf(
        kit,
        KIND,
        "tidslinje.typ",
        labels["pdf_title"].format(enhet=kit.facts["enhet"]),
        heading=labels["heading"],
        method=kit.method.title,
        unit=kit.facts["enhet"],
        municipality=kit.facts["kommune"],
        columns=[labels["date"], labels["what"]],
        items=[
            {key: item[key] for key in ("date_text", "title", "text", "note")}
            for item in items(kit)
        ],
    )


def ical_text(value: str) -> Any:
    """A calendar text: icalendar escapes line breaks, commas and semicolons (also in an
    ``X-`` property, which it otherwise writes as it is); a control character is shown as
    ``U+XXXX``, so no value can add a line (an alarm) to the calendar."""
    import icalendar

    return icalendar.vText(shown(value, keep="\n"))


def _event(kit: Kit, item: dict[str, Any], stamp: dt.datetime) -> icalendar.Event:
    assert kit.visit is not None
    import icalendar  # here, not at the top: `refleks check` writes no calendar

    visit = kit.visit
    d: Deadline = item["deadline"]
    event = icalendar.Event()
    event.add("uid", f"{visit.id}-{d.label_key}@refleks")
    event.add("dtstamp", stamp)
    event.add("summary", ical_text(f"{item['title']}: {visit.unit}"))
    description = item["text"] + (f"\n{item['note']}" if item["note"] else "")
    event.add("description", ical_text(description))
    if d.key == "visit":
        zone = ZoneInfo(TIMEZONE)
        start = dt.datetime.combine(d.date, dt.time.fromisoformat(visit.time), tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=visit.duration_minutes))
        if visit.location:
            event.add("location", ical_text(visit.location))
    else:
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    return event


def ics(kit: Kit) -> bytes:
    assert kit.visit is not None
    import icalendar

    labels = kit.labels(KIND)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add(
        "x-wr-calname",
        ical_text(labels["calendar_name"].format(metode=kit.method.title, enhet=kit.visit.unit)),
    )
    cal.add("x-wr-timezone", TIMEZONE)
    stamp = kit.stamp or dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
    for item in items(kit):
        cal.add_component(_event(kit, item, stamp.astimezone(dt.UTC)))
    cal.add_missing_timezones()
    return cal.to_ical()


def build(kit: Kit) -> dict[str, bytes]:
    return {"tidslinje.md": markdown(kit), "tidslinje.pdf": pdf(kit), "tidslinje.ics": ics(kit)}
