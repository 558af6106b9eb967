"""``refleks visit --all`` and ``refleks visit --plan PLAN``: a year of visits at once.

Every visit's kit goes to ``out/visits/<id>/`` as with ``refleks visit``; the year's shared
files (all letters in one PDF and one DOCX, the year overview as XLSX, PDF and HTML, one
calendar file) go to ``out/arsplan/<plan>/`` (``alle`` for the files under
``content/visits/``). Nothing is written when a visit or the plan as a whole has an error.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from ..content.model import Library, build_library
from ..errors import ContentInvalid, Problems, UsageError
from ..project import Project
from ..writer import write_files
from .checks import check_visit
from .documents import year as year_documents
from .documents.office import TemplateFieldError
from .kit import Kit, kit_for, method_for, today
from .yearchecks import Group, check_group, groups


def _group(library: Library, args: argparse.Namespace) -> Group:
    found = {g.id: g for g in groups(library)}
    if args.plan:
        wanted = Path(args.plan).stem
        if wanted not in library.plans:
            known = ", ".join(sorted(library.plans)) or "ingen"
            raise UsageError(
                f"finner ikke årsplanen «{args.plan}» i content/plans/ (finnes: {known})"
            )
        return found.get(wanted) or Group(wanted, library.plans[wanted].title, [])
    if "alle" not in found:
        raise UsageError("det ligger ingen visittfiler i content/visits/")
    return found["alle"]


def problems_of(library: Library, group: Group, strict: bool) -> Problems:
    """Each visit's own checks and the checks across the visits, all at once."""
    problems = Problems(library.project.root, list(library.warnings))
    day = today()
    for visit in group.visits:
        check_visit(library, visit, day, problems)
    check_group(library, group, problems)
    # the year plan makes a weekend or holiday an error; drop the single visit's warning
    errors = {(p.file, p.line, p.column, p.message) for p in problems.errors}
    items = [
        p
        for p in dict.fromkeys(problems.items)
        if p.severity == "feil" or (p.file, p.line, p.column, p.message) not in errors
    ]
    if strict:
        items = [replace(p, severity="feil") for p in items]
    return Problems(library.project.root, items)


def cmd_year(args: argparse.Namespace, project: Project) -> int:
    from .visit import kit_files, template_problem, write_report

    library = build_library(project)
    group = _group(library, args)
    problems = problems_of(library, group, args.strict)
    if problems.errors:
        raise ContentInvalid(problems)
    for warning in problems.sorted():
        print(warning.format(), file=sys.stderr)
    kits = [kit_for(library, v) for v in group.visits]
    try:
        files = [kit_files(kit) for kit in kits]
    except TemplateFieldError as exc:
        raise ContentInvalid(template_problem(kits[0], exc)) from None
    method = method_for(library)
    assert method is not None
    overview = Kit(library, method, chosen_language=group.language)
    title = group.title or overview.labels(year_documents.KIND)["all_visits"]
    for kit, kit_file in zip(kits, files, strict=True):
        report = write_files(project.out / "visits" / kit.visit.id, kit_file, force=args.force)
        write_report(report, project.out / "visits" / kit.visit.id, project)
    folder = project.out / "arsplan" / group.id
    year_files = year_documents.build(overview, kits, title, files)
    report = write_files(folder, year_files, force=args.force)
    write_report(report, folder, project)
    print(
        f"Årsplanen «{title}»: {len(kits)} visitter. Visittsettene er skrevet til "
        f"out/visits/, brevene samlet og årsoversikten til {_shown(folder)}/."
    )
    return 0


def _shown(folder: Path) -> str:
    try:
        return folder.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return folder.as_posix()
