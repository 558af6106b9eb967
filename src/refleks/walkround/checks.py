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
from pathlib import Path

import yaml

from ..confine import inside
from ..content import schema
from ..content.model import Library
from ..content.yamlread import Document, format_path, load
from ..errors import Problem, Problems
from .deadlines import holiday_name, is_working_day
from .kit import PLACEHOLDER, PLACEHOLDERS


def health_professions(templates: Path) -> list[str]:
    data = yaml.safe_load((templates / "visit" / "helsepersonell.yaml").read_text("utf-8"))
    return [str(t).lower() for t in data or []]


def is_health_professional(title: str, professions: list[str]) -> bool:
    """True when a word of ``title`` ends with one of the listed professions."""
    words = title.lower().replace("-", " ").replace("/", " ").split()
    return any(word.endswith(p) for word in words for p in professions)


class _Reporter:
    """Adds problems at a document's key paths."""

    def __init__(self, problems: Problems, doc: Document):
        self.problems, self.doc = problems, doc

    def __call__(
        self, path: tuple, message: str, *, warn: bool = False, key: bool = False, **kw
    ) -> None:
        line, col = self.doc.where(path, key=key)
        severity = "warning" if warn else "error"
        shown = format_path((*getattr(self.doc, "prefix", ()), *path))  # a year plan's visit
        self.problems.add(self.doc.file, line, col, shown, message, severity=severity, **kw)


def check_method(library: Library, method: schema.Method, problems: Problems) -> None:
    """The method has what the kit needs, and its letter uses only known fields."""
    report = _Reporter(problems, library.documents[("method", method.id)])
    for key, what in (
        ("letter", "invitasjonsbrevet"),
        ("question_guide", "spørsmålsguiden"),
        ("action_plan", "tiltaksplanen"),
    ):
        if getattr(method, key) is None:
            report(
                (),
                f"metoden mangler «{key}» ({what}), som visittsettet trenger",
                expected=f"{key}: ...",
                hint="se innholdsmodellen for metoder",
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
                    f"ukjent felt «{m.group(0)}» i brevteksten",
                    written=m.group(0),
                    expected=f"ett av feltene {fields}",
                )


def check_site_files(library: Library, problems: Problems) -> None:
    """The site's own letter template and logo exist."""
    site = library.site
    wanted = [(k, getattr(site, k)) for k in ("letter_template", "logo") if getattr(site, k)]
    if not wanted:
        return
    path = library.project.content / "site.yaml"
    doc = load(path, Problems(library.project.root))
    for key, value in wanted:
        problem = _site_file_problem(library.project.root, key, value)
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
                hint="sjekk stavemåten og at filen ligger i prosjektet",
            )


def _site_file_problem(root: Path, key: str, value: str) -> tuple[str, str] | None:
    """(message, expected) when the letter template or logo cannot be used."""
    what = "brevmalen" if key == "letter_template" else "logoen"
    target = root / value
    if not inside(target, root):
        return f"{what} ligger utenfor prosjektet", "en fil inne i prosjektmappen"
    if not target.is_file():
        return f"finner ikke {what}", "en fil, med sti fra prosjektmappen"
    if key == "logo" and not _is_image(target):
        return "logoen er ikke et bilde", "et bilde i PNG, JPEG eller GIF"
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
    report = _Reporter(problems, library.documents[("visit", visit.id)])
    method = library.methods[visit.method]
    rules = method.deadlines
    check_method(library, method, problems)
    check_site_files(library, problems)

    if visit.duration_minutes <= 0:
        report(
            ("duration_minutes",),
            "varigheten må være et positivt antall minutter",
            written=str(visit.duration_minutes),
            expected=f"for eksempel {rules.max_minutes}",
        )
    elif visit.duration_minutes > rules.max_minutes:
        report(
            ("duration_minutes",),
            f"visitten varer lenger enn {rules.max_minutes} minutter",
            warn=True,
            written=str(visit.duration_minutes),
            expected=f"høyst {rules.max_minutes} minutter",
            hint="metoden anbefaler en kort samtale; kort ned programmet",
        )

    _check_contact(visit, report)
    _check_group(library, visit, rules, report)
    _check_dates(visit, today, report)
    _check_actions(visit, rules, today, report)
    return problems


def _check_contact(visit: schema.Visit, report: _Reporter) -> None:
    """The letter ends «For mer informasjon, kontakt ...»: a name alone is no way to reach."""
    person = visit.contact or visit.leadership.coordinator
    if (person.phone or "").strip() or (person.email or "").strip():
        return
    path = ("contact",) if visit.contact else ("leadership", "coordinator")
    report(
        path,
        "kontaktpersonen i brevet mangler telefon og e-post",
        key=True,
        written=person.name,
        expected="phone: eller email: (minst én av dem)",
        hint="brevet ber leseren ta kontakt; skriv telefonnummer eller e-postadresse",
    )


def _check_group(
    library: Library, visit: schema.Visit, rules: schema.Deadlines, report: _Reporter
) -> None:
    n = len(visit.participants)
    if n != rules.group_size:
        report(
            ("participants",),
            f"samtalegruppen har {n} deltakere, ikke {rules.group_size}",
            warn=True,
            written=str(n),
            expected=f"{rules.group_size} deltakere",
            hint="metoden anbefaler en samtalegruppe på fem medarbeidere"
            if rules.group_size == 5
            else None,
        )
    professions = health_professions(library.project.templates)
    if n and all(is_health_professional(p, professions) for p in visit.participants):
        report(
            ("participants",),
            "samtalegruppen har ingen medarbeidere som ikke er helsepersonell",
            warn=True,
            written=", ".join(visit.participants),
            expected="minst én deltaker uten helsefaglig stilling",
            hint="ta med for eksempel kjøkkenpersonale, renholder eller en ufaglært",
        )
    if visit.unit_leader_in_conversation:
        report(
            ("unit_leader_in_conversation",),
            "lederen for enheten skal ikke delta i samtalen",
            warn=True,
            written="true",
            expected="false",
            hint="metoden anbefaler at medarbeiderne snakker uten sin nærmeste leder til stede",
        )
    title = (visit.unit_leader.title or "").strip().lower()
    for i, p in enumerate(visit.participants):
        if title and p.strip().lower() == title:
            report(
                ("participants", i),
                "lederen for enheten står i samtalegruppen",
                warn=True,
                written=p,
                expected="medarbeidere, ikke enhetslederen",
                hint="metoden anbefaler at medarbeiderne snakker uten sin nærmeste leder",
            )


def _check_dates(visit: schema.Visit, today: dt.date, report: _Reporter) -> None:
    if visit.date < today:
        report(
            ("date",),
            "datoen for visitten er passert",
            warn=True,
            written=visit.date.isoformat(),
            expected=f"en dato etter {today.isoformat()}",
        )
    if not is_working_day(visit.date):
        reason = holiday_name(visit.date) or "en helgedag"
        report(
            ("date",),
            f"visitten er lagt til {reason}",
            warn=True,
            written=visit.date.isoformat(),
            expected="en virkedag",
        )


def _check_actions(
    visit: schema.Visit, rules: schema.Deadlines, today: dt.date, report: _Reporter
) -> None:
    if len(visit.actions) > rules.max_problems:
        report(
            ("actions", rules.max_problems),
            f"tiltaksplanen har {len(visit.actions)} problemer, mer enn {rules.max_problems}",
            written=str(len(visit.actions)),
            expected=f"1–{rules.max_problems} problemer",
            hint="velg ut de viktigste problemene, og ta resten med til neste visitt",
        )
    for i, action in enumerate(visit.actions):
        for j, change in enumerate(action.changes):
            path = ("actions", i, "changes", j)
            if not (change.responsible or "").strip():
                report(
                    path,
                    "endringen mangler ansvarlig",
                    written=change.text,
                    expected="responsible: navn eller stilling",
                    hint="hver konkrete endring skal ha en ansvarlig og en frist",
                )
            if change.due is None:
                report(
                    path,
                    "endringen mangler frist",
                    written=change.text,
                    expected="due: ÅÅÅÅ-MM-DD",
                    hint="hver konkrete endring skal ha en ansvarlig og en frist",
                )
            elif change.due < visit.date:
                report(
                    (*path, "due"),
                    "fristen er før visitten",
                    warn=True,
                    written=change.due.isoformat(),
                    expected=f"en dato etter {visit.date.isoformat()}",
                )
            elif change.due < today and change.status != "ferdig":
                report(
                    (*path, "due"),
                    "fristen er passert, og endringen er ikke ferdig",
                    warn=True,
                    written=change.due.isoformat(),
                    expected=f"en dato etter {today.isoformat()}, eller status: ferdig",
                )
