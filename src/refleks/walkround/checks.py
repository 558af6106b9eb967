"""Checks of one visit against its method, with Norwegian messages at ``file:line:col``.

Errors (``feil``: nothing is written) are what would make the kit wrong or break the
method's firm rules:

- the method lacks the letter, the question guide or the action plan, or a letter text uses
  a field Refleks does not know;
- the visit has no positive duration;
- the action plan has more problems than the method allows (``max_problems``);
- a concrete change has no one responsible or no due date;
- the letter's contact (``contact``, else the coordinator) has neither phone nor e-mail;
- the site's own letter template or logo does not exist.

Warnings (``advarsel``: the kit is written; ``--strict`` makes them errors) are departures
from the method's advice that a coordinator may have good reasons for:

- the visit is longer than ``max_minutes``;
- the conversation group is not ``group_size`` people, or has no staff who are not health
  professionals (the titles counted as health professionals are listed in
  ``templates/visit/helsepersonell.yaml``);
- the unit leader takes part in the conversation;
- the visit's date has passed, or a change's due date has passed before it is done, or is
  before the visit;
- the visit falls on a weekend day or a public holiday.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .. import catalogues
from ..confine import inside
from ..content import schema
from ..content.model import Library
from ..content.yamlread import Document, format_path, load
from ..errors import Problem, Problems
from . import i18n
from .deadlines import holiday_name, is_working_day
from .kit import PLACEHOLDER, PLACEHOLDERS

KIND = "checks"
"""``templates/checks/labels.yaml``: the messages, in bokmål and nynorsk."""
EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
"""An e-mail address as far as a letter needs it: something, «@», something, no spaces."""


def wording(library: Library, language: str | None = None) -> dict:
    """The checks' messages in ``language`` (a visit's or plan's), else the site's."""
    return catalogues.wording(library.project.templates, KIND, language or library.site.language)


def holiday_text(library: Library, day: dt.date, language: str | None = None) -> str | None:
    """The public holiday's name on ``day`` in the language, or ``None``."""
    name = holiday_name(day)
    chosen = language or library.site.language
    return None if name is None else i18n.holiday(library.project.templates, chosen, name)


def health_professions(templates: Path) -> list[str]:
    data = yaml.safe_load((templates / "visit" / "helsepersonell.yaml").read_text("utf-8"))
    return [str(t).lower() for t in data or []]


def is_health_professional(title: str, professions: list[str]) -> bool:
    """True when a word of ``title`` ends with one of the listed professions."""
    words = title.lower().replace("-", " ").replace("/", " ").split()
    return any(word.endswith(p) for word in words for p in professions)


class _Reporter:
    """Adds problems at a document's key paths."""

    def __init__(self, problems: Problems, doc: Document, words: dict):
        self.problems, self.doc, self.words = problems, doc, words

    def __call__(
        self, path: tuple, message: str, *, warn: bool = False, key: bool = False, **kw
    ) -> None:
        line, col = self.doc.where(path, key=key)
        severity = "warning" if warn else "error"
        shown = format_path((*getattr(self.doc, "prefix", ()), *path))  # a year plan's visit
        self.problems.add(self.doc.file, line, col, shown, message, severity=severity, **kw)


def check_method(library: Library, method: schema.Method, problems: Problems) -> None:
    """The method has what the kit needs, and its letter uses only known fields."""
    words = wording(library)["method"]  # the method is shared: the site's language
    report = _Reporter(problems, library.documents[("method", method.id)], words)
    for key in ("letter", "question_guide", "action_plan"):
        if getattr(method, key) is None:
            report(
                (),
                words["lacks"].format(key=key, what=words["parts"][key]),
                expected=f"{key}: ...",
                hint=words["lacks_hint"],
            )
    texts: list[tuple[tuple, str]] = []
    if method.letter:
        for i, s in enumerate(method.letter.sections):
            texts.append((("letter", "sections", i, "text"), s.text))
            texts += [(("letter", "sections", i, "points", j), p) for j, p in enumerate(s.points)]
    if method.staff_information:
        info = method.staff_information
        texts.append((("staff_information", "text"), info.text))
        texts += [(("staff_information", "items", j), t) for j, t in enumerate(info.items)]
    fields = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    for path, text in texts:
        for m in PLACEHOLDER.finditer(text or ""):
            if m.group(1) not in PLACEHOLDERS:
                report(
                    path,
                    words["unknown_field"].format(field=m.group(0)),
                    written=m.group(0),
                    expected=words["unknown_field_expected"].format(fields=fields),
                )


def check_site_files(library: Library, problems: Problems) -> None:
    """The site's own letter template and logo exist."""
    site = library.site
    wanted = [(k, getattr(site, k)) for k in ("letter_template", "logo") if getattr(site, k)]
    if not wanted:
        return
    path = library.project.content / "site.yaml"
    doc = load(path, Problems(library.project.root))
    words = wording(library)["site_files"]
    for key, value in wanted:
        problem = _site_file_problem(library.project.root, key, value, words)
        if problem:
            line, col = doc.where((key,)) if doc else (1, 1)
            message, expected = problem
            problems.add(
                path,
                line,
                col,
                key,
                message,
                written=value,
                expected=expected,
                hint=words["hint"],
            )


def _site_file_problem(root: Path, key: str, value: str, words: dict) -> tuple[str, str] | None:
    """(message, expected) when the letter template or logo cannot be used."""
    what = words[key]
    target = root / value
    if not inside(target, root):
        return words["outside"].format(what=what), words["outside_expected"]
    if not target.is_file():
        return words["missing"].format(what=what), words["missing_expected"]
    if key == "logo" and not _is_image(target):
        return words["not_image"], words["not_image_expected"]
    return None


def _is_image(path: Path) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
            return image.format in ("PNG", "JPEG", "GIF")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return False


def check_all_visits(library: Library, today: dt.date) -> list[Problem]:
    """What ``refleks visit`` would refuse or warn about, for every visit (same words)."""
    problems = Problems(library.project.root)
    for visit in library.visits.values():
        if visit.method in library.methods:
            check_visit(library, visit, today, problems)
    # the method's and the site's checks run once per visit: report each problem once
    return [p for i, p in enumerate(problems.items) if p not in problems.items[:i]]


def check_visit(
    library: Library, visit: schema.Visit, today: dt.date, problems: Problems | None = None
) -> Problems:
    """Every check of this module for one visit; returns the collected problems."""
    problems = problems or Problems(library.project.root)
    words = wording(library, visit.language)
    report = _Reporter(problems, library.documents[("visit", visit.id)], words)
    method = library.methods[visit.method]
    rules = method.deadlines
    check_method(library, method, problems)
    check_site_files(library, problems)
    _check_duration(visit, rules, report)
    _check_contact(visit, report)
    _check_emails(visit, report)
    _check_group(library, visit, rules, report)
    _check_dates(library, visit, today, report)
    _check_actions(visit, rules, today, report)
    return problems


def _check_duration(visit: schema.Visit, rules: schema.Deadlines, report: _Reporter) -> None:
    words, minutes = report.words["duration"], rules.max_minutes
    if visit.duration_minutes <= 0:
        report(
            ("duration_minutes",),
            words["not_positive"],
            written=str(visit.duration_minutes),
            expected=words["not_positive_expected"].format(minutes=minutes),
        )
    elif visit.duration_minutes > minutes:
        report(
            ("duration_minutes",),
            words["too_long"].format(minutes=minutes),
            warn=True,
            written=str(visit.duration_minutes),
            expected=words["too_long_expected"].format(minutes=minutes),
            hint=words["too_long_hint"],
        )


def _check_contact(visit: schema.Visit, report: _Reporter) -> None:
    """The letter ends «For mer informasjon, kontakt ...»: a name alone is no way to reach."""
    person = visit.contact or visit.leadership.coordinator
    if (person.phone or "").strip() or (person.email or "").strip():
        return
    path = ("contact",) if visit.contact else ("leadership", "coordinator")
    words = report.words["contact"]
    report(
        path,
        words["missing"],
        key=True,
        written=person.name,
        expected=words["expected"],
        hint=words["hint"],
    )


def _people(visit: schema.Visit) -> list[tuple[tuple, schema.Person]]:
    """Every person in the visit file with the key path to them."""
    lead = visit.leadership
    out: list[tuple[tuple, schema.Person]] = [(("unit_leader",), visit.unit_leader)]
    if visit.contact:
        out.append((("contact",), visit.contact))
    for role in ("top_leader", "visit_leader", "coordinator", "secretary", "medical_advisor"):
        person = getattr(lead, role)
        if person is not None:
            out.append((("leadership", role), person))
    out += [(("leadership", "observers", i), p) for i, p in enumerate(lead.observers or [])]
    return out


def _check_emails(visit: schema.Visit, report: _Reporter) -> None:
    """An e-mail address without «@» would be printed in the letter as it stands."""
    words = report.words["contact"]
    for path, person in _people(visit):
        email = (getattr(person, "email", None) or "").strip()
        if email and not EMAIL.fullmatch(email):
            report(
                (*path, "email"), words["email"], written=email, expected=words["email_expected"]
            )


def _check_group(
    library: Library, visit: schema.Visit, rules: schema.Deadlines, report: _Reporter
) -> None:
    n, size, words = len(visit.participants), rules.group_size, report.words["group"]
    if n != size:
        report(
            ("participants",),
            words["size"].format(n=n, size=size),
            warn=True,
            written=str(n),
            expected=words["size_expected"].format(size=size),
            hint=words["size_hint"] if size == 5 else None,
        )
    professions = health_professions(library.project.templates)
    if n and all(is_health_professional(p, professions) for p in visit.participants):
        report(
            ("participants",),
            words["no_other_staff"],
            warn=True,
            written=", ".join(visit.participants),
            expected=words["no_other_staff_expected"],
            hint=words["no_other_staff_hint"],
        )
    if visit.unit_leader_in_conversation:
        report(
            ("unit_leader_in_conversation",),
            words["leader_in_conversation"],
            warn=True,
            written="true",
            expected="false",
            hint=words["leader_in_conversation_hint"],
        )
    title = (visit.unit_leader.title or "").strip().lower()
    for i, p in enumerate(visit.participants):
        if title and p.strip().lower() == title:
            report(
                ("participants", i),
                words["leader_in_group"],
                warn=True,
                written=p,
                expected=words["leader_in_group_expected"],
                hint=words["leader_in_group_hint"],
            )


def _check_dates(library: Library, visit: schema.Visit, today: dt.date, report: _Reporter) -> None:
    words = report.words["dates"]
    if visit.date < today:
        report(
            ("date",),
            words["passed"],
            warn=True,
            written=visit.date.isoformat(),
            expected=words["after"].format(date=today.isoformat()),
        )
    if not is_working_day(visit.date):
        reason = holiday_text(library, visit.date, visit.language) or words["weekend"]
        report(
            ("date",),
            words["day_off"].format(reason=reason),
            warn=True,
            written=visit.date.isoformat(),
            expected=words["working_day"],
        )


def _check_actions(
    visit: schema.Visit, rules: schema.Deadlines, today: dt.date, report: _Reporter
) -> None:
    words, most = report.words["actions"], rules.max_problems
    if len(visit.actions) > most:
        report(
            ("actions", most),
            words["too_many"].format(n=len(visit.actions), max=most),
            written=str(len(visit.actions)),
            expected=words["too_many_expected"].format(max=most),
            hint=words["too_many_hint"],
        )
    for i, action in enumerate(visit.actions):
        for j, change in enumerate(action.changes):
            path = ("actions", i, "changes", j)
            if not (change.responsible or "").strip():
                report(
                    path,
                    words["no_responsible"],
                    written=change.text,
                    expected=words["no_responsible_expected"],
                    hint=words["rule_hint"],
                )
            if change.due is None:
                report(
                    path,
                    words["no_due"],
                    written=change.text,
                    expected=words["no_due_expected"],
                    hint=words["rule_hint"],
                )
            elif change.due < visit.date:
                report(
                    (*path, "due"),
                    words["due_before_visit"],
                    warn=True,
                    written=change.due.isoformat(),
                    expected=report.words["dates"]["after"].format(date=visit.date.isoformat()),
                )
            elif change.due < today and change.status != "ferdig":
                report(
                    (*path, "due"),
                    words["due_passed"],
                    warn=True,
                    written=change.due.isoformat(),
                    expected=words["due_passed_expected"].format(date=today.isoformat()),
                )
