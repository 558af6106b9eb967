"""The browser tools and the Python give the same answers on the same many cases.

The rules the tools need in the browser – a visit's deadlines (``walkround/deadlines.py`` and
``walkround/documents/calendar.py`` against ``templates/tools/visit-rules.js``), a meeting's
agenda and time shares (``session.agenda`` against ``templates/tools/mote.js``) and a visit's
checks (``walkround/checks.py`` against ``templates/tools/visittbrev.js``) – are written once in
each language; their numbers, holidays and messages are generated into the tools' data at
build time (``site/tools.py``, ``site/tool_checks.py``, ``site/tool_session.py``). Here the
scripts run in node on that generated data and the Python runs on the same generated cases:
every start date across two years (public holidays, Easter, the summer weeks) under several
deadline rules, every meeting length from 15 to 180 minutes with 1 to 8 themes, and a corpus
of visit values. The results are compared exactly, so neither side can change alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import random
import subprocess
from pathlib import Path
from typing import Any

from refleks.content import schema
from refleks.content.model import Library
from refleks.content.yamlread import Document
from refleks.decks import slides
from refleks.errors import SEVERITY_WORDS, Problems
from refleks.sessions import session
from refleks.site import tools
from refleks.walkround.checks import check_visit
from refleks.walkround.documents import calendar
from refleks.walkround.kit import Kit

from .tools import require
from .walkround_helpers import VISIT

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "templates" / "tools"
HARNESS = Path(__file__).resolve().parent / "js" / "tools.js"
FIRST, LAST = dt.date(2027, 1, 1), dt.date(2028, 12, 31)
"""Two whole years: Easter in March (2027) and April (2028), a leap day, the summer weeks."""


def run_scripts(scripts: list[str], data: dict, calls: list[dict], checked: str = "") -> list:
    """The results of ``calls`` made in node on the tools' own scripts and ``data``."""
    node = require("node")
    message = {"scripts": [str(SCRIPTS / s) for s in scripts], "data": data, "calls": calls}
    done = subprocess.run(
        [node, str(HARNESS)],
        input=json.dumps({**message, "checked": checked}, default=str),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) == len(calls)
    return results


# --------------------------------------------------------------------------- deadlines

RULES = [
    {"reminder_days_before": 7, "minutes_working_days": 4, "follow_up_months": 3},
    {"reminder_days_before": 1, "minutes_working_days": 1, "follow_up_months": 1},
    {"reminder_days_before": 3, "minutes_working_days": 10, "follow_up_months": 6},
    {"reminder_days_before": 14, "minutes_working_days": 5, "follow_up_months": 12},
]
"""The method's default rules and others a method may write (every case runs under each)."""
TIMES = [("13:00", 60), ("08:30", 45), ("23:30", 45), ("09:05", 90)]


def deadline_cases() -> list[tuple[dict, dict]]:
    """(rules, visit) for every start date in the two years under every rule set."""
    days = [FIRST + dt.timedelta(days=i) for i in range((LAST - FIRST).days + 1)]
    cases = []
    for i, (day, rules) in enumerate(itertools.product(days, RULES)):
        time, minutes = TIMES[i % len(TIMES)]
        # every seventh visit has its own letter date (kept as written, even on a Sunday)
        letter = day - dt.timedelta(days=10 + i % 5) if i % 7 == 0 else None
        visit = {"date": day, "letter_date": letter, "time": time, "duration_minutes": minutes}
        cases.append((rules, visit))
    return cases


def python_timeline(library: Library, rules: dict, visit: dict) -> list[dict]:
    base = library.visits[VISIT]
    method = library.methods[base.method]
    method = method.model_copy(update={"deadlines": method.deadlines.model_copy(update=rules)})
    kit = Kit(library, method, base.model_copy(update=visit))
    return [
        {
            "key": item["deadline"].label_key,
            "date": item["date"].isoformat(),
            "planned": item["deadline"].planned.isoformat(),
            "moved": item["deadline"].moved,
            "date_text": item["date_text"],
            "title": item["title"],
            "text": item["text"],
            "note": item["note"],
        }
        for item in calendar.items(kit)
    ]


def script_timeline(item: dict) -> dict:
    return {
        "key": item["key"],
        "date": item["date"],
        "planned": item["deadline"]["planned"],
        "moved": item["deadline"]["moved"],
        "date_text": item["dateText"],
        "title": item["title"],
        "text": item["text"],
        "note": item["note"],
    }


def test_deadlines_of_every_day_in_two_years(wr_library: Library) -> None:
    data = tools.data(wr_library)
    holidays = data["visit"]["holidays"]
    assert FIRST.isoformat() in holidays and (LAST - dt.timedelta(days=6)).isoformat() in holidays
    unit = wr_library.visits[VISIT].unit
    cases = deadline_cases()
    calls = [
        {
            "fn": "RefleksVisit.timelineItems",
            "args": [{**visit, "unit": unit, "letter_date": visit["letter_date"] or None}],
            "deadlines": rules,
        }
        for rules, visit in cases
    ]
    found = run_scripts(["visit-rules.js"], data, calls)
    differ = []
    for (rules, visit), items in zip(cases, found, strict=True):
        expected = python_timeline(wr_library, rules, visit)
        if [script_timeline(i) for i in items] != expected:
            differ.append((rules, visit["date"], visit["letter_date"]))
    assert differ == []
    # the cases reach what the rules are about: moved dates for holidays and weekends, and the
    # summer note (counted here from the Python side, which matched the script everywhere)
    notes = [i["note"] for items in found for i in items]
    assert any("Datoen er i fellesferien (uke 31)" in n for n in notes)
    assert any(n.endswith("(Skjærtorsdag).") for n in notes)
    assert any(n.endswith("(helg).") for n in notes)


# --------------------------------------------------------------------------- agenda


def agenda_cases(library: Library) -> list[tuple[list[schema.Theme], list[schema.Role], int, str]]:
    """(themes, roles, minutes, start) for every length from 15 to 180 minutes that fits
    1 to 8 themes, under several groups of roles."""
    themes = [t for r in library.reflections.values() for t in r.themes]
    roles = library.roles_in_order()
    groups = [roles[:1], roles[-1:], roles[1:3], roles]  # one role, two, a mixed group
    pick = random.Random(24)
    starts = ["", "08:00", "13:05", "23:50"]
    cases = []
    for count in range(1, 9):
        selections = [themes[:count], themes[-count:], pick.sample(themes, count)]
        for chosen, group in itertools.product(selections, groups):
            least = session.OPENING + session.CLOSING + session.THEME_MIN * count
            for minutes in range(max(15, least), 181):
                cases.append((chosen, group, minutes, starts[minutes % len(starts)]))
    return cases


def python_agenda(library: Library, themes: list, roles: list, minutes: int, start: str) -> list:
    reflection = next(iter(library.reflections.values()))
    reflection = reflection.model_copy(update={"themes": themes})  # themes of both sets
    kit = session.Session(reflection, roles[0], themes, minutes, "x", start or None, roles)
    deck = slides.session_deck(
        library, reflection, roles[0], themes, path="x.html", text_version="x.html",
        minutes=minutes, roles=roles,
    )  # fmt: skip
    return [
        [
            item.kind,
            item.start,
            item.minutes,
            item.theme.id if item.theme else None,
            item.questions,
            session.clock_label(kit, item.start),
            session.clock_label(kit, item.end),
        ]
        for item in session.agenda(kit, deck)
    ]


def test_agenda_of_every_length_and_theme_count(library: Library) -> None:
    data = tools.data(library)
    shipped = {
        t["id"]: f"$session.reflections.{i}.themes.{j}"
        for i, r in enumerate(data["session"]["reflections"])
        for j, t in enumerate(r["themes"])
    }
    cases = agenda_cases(library)
    calls = []
    for themes, roles, minutes, _start in cases:
        args = [[shipped[t.id] for t in themes], [r.id for r in roles], minutes]
        calls.append({"fn": "RefleksMote.agenda", "args": args})
    first_set = data["session"]["reflections"][0]["id"]
    found = run_scripts(["mote.js"], data, calls, checked=first_set)
    clocks = []
    for (_themes, _roles, _minutes, start), items in zip(cases, found, strict=True):
        for item in items:
            clocks.append({"fn": "RefleksMote.clock", "args": [start, item["start"]]})
            end = item["start"] + item["minutes"]
            clocks.append({"fn": "RefleksMote.clock", "args": [start, end]})
    labels = iter(run_scripts(["mote.js"], data, clocks, checked=first_set))
    differ = []
    for (themes, roles, minutes, start), items in zip(cases, found, strict=True):
        script = [
            [
                i["kind"],
                i["start"],
                i["minutes"],
                i.get("theme"),
                i.get("questions", 0),
                next(labels),
                next(labels),
            ]
            for i in items
        ]
        if script != python_agenda(library, themes, roles, minutes, start):
            differ.append(([t.id for t in themes], [r.id for r in roles], minutes, start))
    assert differ == []
    assert len(cases) > 5_000
    assert {len(t) for t, *_ in cases} == set(range(1, 9))


# --------------------------------------------------------------------------- checks

TODAY = dt.date(2027, 3, 3)
FIELDS = ("path", "severity", "message", "expected", "hint", "written")


def person(name: str, email: str | None = None, phone: str | None = None, title: str = "") -> dict:
    out: dict[str, Any] = {"name": name}
    for key, value in (("email", email), ("phone", phone), ("title", title)):
        if value:
            out[key] = value
    return out


def visit_corpus() -> list[dict]:
    """Visits as the form makes them (trimmed values), some with what an opened visit file
    adds (a contact, a secretary, observers): every value below at least once, in
    combinations drawn with a fixed seed."""
    durations = [-5, 0, 1, 30, 60, 61, 987]
    groups = [
        [],
        ["sykepleier"],
        ["sykepleier", "lege", "ufaglært", "renholder"],
        ["sykepleier", "lege", "ufaglært", "renholder", "helsefagarbeider"],
        ["sykepleier"] * 5,
        ["Sykepleier", "lege/spesialsykepleier", "hjelpepleier", "helse-fagarbeider", "fysio"],
        ["ufaglært", "Avdelingsleder", "lege", "renholder", "sykepleier", "kokk"],
        ["avdelingsleder", "avdelingsleder"],
        ["kjøkkenassistent", "vaktmester", "Ørnulf sykepleier", "lege", "assistent"],
    ]
    titles = ["", "avdelingsleder", "Avdelingsleder", "enhetsleder", "lege"]
    emails = [None, "", "a@b", "navn@kommune.no", "navn.kommune.no", "a @b", "@b", "a@", "a@b@c",
              "navn@kommune.no\u00a0", "x"]  # fmt: skip
    phones = [None, "", "12345678"]
    dates = ["2027-03-02", "2027-03-03", "2027-03-06", "2027-03-07", "2027-03-25", "2027-03-29",
             "2027-05-01", "2027-05-17", "2027-05-06", "2027-07-14", "2027-12-24", "2027-12-27",
             "2028-01-01", "2028-02-29", "2028-04-13", "2028-05-25", "2026-12-31"]  # fmt: skip
    pick = random.Random(2024)
    corpus = []
    for i in range(600):
        coordinator = person("Kari Koordinator", pick.choice(emails), pick.choice(phones))
        visit: dict[str, Any] = {
            "id": f"visitt-{i}",
            "method": "pasientsikkerhetsvisitt",
            "municipality": "Kommune",
            "unit": "Enhet",
            "unit_leader": person("Leder", title=pick.choice(titles)),
            "date": dates[i % len(dates)],
            "time": "13:00",
            "duration_minutes": durations[i % len(durations)],
            "location": "",
            "leadership": {
                "top_leader": person("Topp", title="direktør"),
                "visit_leader": person("Visitt"),
                "coordinator": coordinator,
            },
            "participants": groups[i % len(groups)],
            "unit_leader_in_conversation": i % 11 == 0,
        }
        if i % 5 == 0:  # an opened visit file: what the form keeps but does not show
            visit["contact"] = person("Kontakt", pick.choice(emails), pick.choice(phones))
            visit["leadership"]["secretary"] = person("Sekretær", pick.choice(emails))
            visit["leadership"]["observers"] = [person("Obs", pick.choice(emails))] * (i % 3)
        corpus.append(visit)
    return corpus


def python_checks(library: Library, data: dict) -> list[dict]:
    """What ``refleks check`` says about the visit file ``data`` (the method's own checks,
    which the form does not make, left out)."""
    visit = schema.Visit.model_validate(data)
    doc = Document(Path("visitt.yaml"), data)
    probe = dataclasses.replace(library, documents={**library.documents, ("visit", visit.id): doc})
    found = check_visit(probe, visit, TODAY, Problems(None)).items
    return [
        {
            "path": p.path,
            "severity": SEVERITY_WORDS[p.severity],
            "message": p.message,
            "expected": p.expected,
            "hint": p.hint,
            "written": p.written,
        }
        for p in found
        if p.file == "visitt.yaml"
    ]


def test_visit_checks_on_a_corpus_of_visits(wr_library: Library) -> None:
    data = tools.data(wr_library)
    corpus = visit_corpus()
    calls = [{"fn": "RefleksVisitForm.checkRules", "args": [v, TODAY.isoformat()]} for v in corpus]
    scripts = ["visit-rules.js", "visittbrev.js"]
    found = run_scripts(scripts, data, calls)
    differ = []
    seen: set[str] = set()
    for visit, problems in zip(corpus, found, strict=True):
        script = [{k: p.get(k) for k in FIELDS} for p in problems]
        expected = python_checks(wr_library, visit)
        key = lambda p: json.dumps(p, sort_keys=True)  # noqa: E731 - the order is each side's own
        if sorted(map(key, script)) != sorted(map(key, expected)):
            differ.append((visit["id"], script, expected))
        seen.update(p["message"] for p in expected)
    assert differ == []
    # every rule the form checks was broken somewhere in the corpus
    rules = data["visit"]["checks"]["rules"]
    plain = {r["message"] for r in rules.values() if "{" not in r["message"]}
    assert plain <= seen
    assert any(m.startswith("samtalegruppen har 6") for m in seen)
    assert "visitten er lagt til Arbeidernes dag" in seen
    assert "visitten er lagt til Andre pinsedag; Grunnlovsdag" in seen
