"""``refleks visit --all`` and ``refleks visit --plan PLAN``: a year of visits at once.

Every visit's kit goes to ``out/visits/<id>/`` as with ``refleks visit``; the year's shared
files (all letters in one PDF and one DOCX, the year overview as XLSX, PDF and HTML, one
calendar file) go to ``out/arsplan/<plan>/`` (``alle`` for the files under
``content/visits/``). Nothing is written when a visit or the plan as a whole has an error.
The command itself is ``refleks.cli.visit``; this module finds, checks and makes the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.model import Library
from ..errors import ContentInvalid, Problems, UsageError
from .checks import check_visit
from .documents.office import TemplateFieldError
from .kit import Kit, kit_for, method_for, today
from .yearchecks import Group, check_group, groups


def group_of(library: Library, plan: str | None) -> Group:
    """The plan named ``plan`` (a file name or id), or with ``None`` the loose visit files."""
    found = {g.id: g for g in groups(library)}
    if plan:
        wanted = Path(plan).stem
        if wanted not in library.plans:
            known = ", ".join(sorted(library.plans)) or "ingen"
            raise UsageError(f"finner ikke årsplanen «{plan}» i content/plans/ (finnes: {known})")
        return found.get(wanted) or Group(wanted, library.plans[wanted].title, [])
    if "alle" not in found:
        raise UsageError("det ligger ingen visittfiler i content/visits/")
    return found["alle"]


def problems_of(library: Library, group: Group) -> Problems:
    """Each visit's own checks and the checks across the visits, all at once."""
    problems = Problems(library.project.root, list(library.warnings))
    day = today()
    for visit in group.visits:
        check_visit(library, visit, day, problems)
    check_group(library, group, problems)
    return without_superseded(problems)


def without_superseded(problems: Problems) -> Problems:
    """Each problem once; the year plan makes a weekend or holiday an error, so the single
    visit's warning about the same date is dropped."""
    errors = {(p.file, p.line, p.column, p.message) for p in problems.errors}
    items = [
        p
        for p in dict.fromkeys(problems.items)
        if p.severity == "error" or (p.file, p.line, p.column, p.message) not in errors
    ]
    return Problems(problems.root, items)


@dataclass
class Year:
    """The files of a year: each visit's kit and the year's shared files."""

    title: str
    kits: list[Kit]
    kit_files: list[dict[str, bytes]]
    """The files each kit made, in the order of ``kits`` (date order)."""
    files: dict[str, bytes]
    """The shared files, for ``out/arsplan/<group>/``."""


def year_of(library: Library, group: Group) -> Year:
    """Every file of the group's visits and the year's shared files, in memory."""
    # here, not at the top: `refleks check` imports this module for ``without_superseded``
    # and should not load the document libraries (openpyxl, icalendar ...)
    from .documents import year as year_documents
    from .visit import kit_files, template_problem

    kits = [kit_for(library, v) for v in group.visits]
    try:
        files = [kit_files(kit) for kit in kits]
    except TemplateFieldError as exc:
        raise ContentInvalid(template_problem(kits[0], exc)) from None
    method = method_for(library)
    assert method is not None
    overview = Kit(library, method, chosen_language=group.language)
    title = group.title or overview.labels(year_documents.KIND)["all_visits"]
    return Year(title, kits, files, year_documents.build(overview, kits, title, files))
