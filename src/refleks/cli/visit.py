"""``refleks visit``: the whole walkround kit for one visit, into ``out/visits/<id>/``;
with ``--plan``/``--all`` every visit of a year plan (or of ``content/visits/``) and the
year's shared files into ``out/arsplan/<id>/`` (see ``refleks.walkround.year``), written
visit by visit with one progress line per visit on stderr.

Letters with people's names are written only under ``out/``, never into ``site/``.
``REFLEKS_TODAY`` (``ÅÅÅÅ-MM-DD``) sets the day the checks take as today."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..confine import refuse_links_leaving
from ..content import schema
from ..content.pipeline import build_library
from ..errors import ContentInvalid, Problems, UsageError
from ..messages import _, localized
from ..project import Project
from ..templating import nb_count
from ..writer import StreamWriter, WriteReport, write_files
from .warnings import add_strict, print_or_refuse
from .written import add_force, print_protected, shown

NAME = "visit"
HELP = "lag visittsettet (brev, plakat, tiltaksplan ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="VISITTFIL", nargs="?", help="content/visits/<id>.yaml (eller bare id-en)"
    )
    parser.add_argument(
        "--all", action="store_true", help="alle visittene i content/visits/, med årsoversikt"
    )
    parser.add_argument(
        "--plan",
        metavar="ÅRSPLAN",
        help="alle visittene i content/plans/<id>.yaml, med årsoversikt",
    )
    add_force(parser)
    add_strict(parser)


def run(args: argparse.Namespace, project: Project) -> int:
    if args.all or args.plan:
        if args.file:
            raise UsageError("gi enten en visittfil eller --all/--plan, ikke begge")
        return _run_year(args, project)
    if not args.file:
        raise UsageError("gi en visittfil, --all (alle i content/visits/) eller --plan ÅRSPLAN")
    from ..walkround.checks import check_visit
    from ..walkround.documents.office import TemplateFieldError
    from ..walkround.kit import kit_for, today
    from ..walkround.visit import kit_files, template_problem, visit_file

    path = visit_file(args.file, project)
    library = build_library(project)
    visit = library.visits[path.stem]
    problems = Problems(project.root, list(library.warnings))
    check_visit(library, visit, today(), problems)
    print_or_refuse(problems, args.strict)
    kit = kit_for(library, visit)
    try:
        files = kit_files(kit)
    except TemplateFieldError as exc:
        raise ContentInvalid(template_problem(kit, exc)) from None
    folder = project.out / "visits" / visit.id
    report = _write(folder, files, args.force, project.root)
    n = len(report.written) + len(report.overwritten)
    print(
        f"Visittsettet for {visit.unit} er skrevet til {shown(folder)}/: "
        f"{n} {'fil' if n == 1 else 'filer'} skrevet, {len(report.unchanged)} uendret."
    )
    return 0


def _run_year(args: argparse.Namespace, project: Project) -> int:
    from ..walkround.year import Year, group_of, problems_of

    library = build_library(project)
    group = group_of(library, args.plan)
    print_or_refuse(problems_of(library, group), args.strict)
    year = Year(library, group)
    writer = StreamWriter(
        project.out,
        force=args.force,
        folder_parts=2,  # visits/<id>/ and arsplan/<plan>/ each keep a manifest
        guard=lambda folder: refuse_links_leaving(folder, project.root),
        on_report=lambda report: print_protected(report, shown(report.folder)),
    )

    def progress(n: int, total: int, visit: schema.Visit) -> None:
        writer.flush()  # the visit's folder done, manifest and all, before the next is made
        print(visit_done(n, total, visit.unit), file=sys.stderr, flush=True)

    def shared() -> None:
        print(localized(SHARED_STARTED), file=sys.stderr, flush=True)

    try:
        for path, data in year.files(progress, shared):
            writer.write(path, data)
    finally:  # what was written is in the manifests, so a next run does not take it as edited
        writer.finish()
    folder = project.out / "arsplan" / group.id
    print(
        f"Årsplanen «{year.title}»: {nb_count(len(group.visits), 'visitt', 'visitter')}. "
        "Visittsettene er skrevet til "
        f"out/visits/, brevene samlet og årsoversikten til {shown(folder)}/."
    )
    return 0


SHARED_STARTED = _("Lager de samlede brevene, årsoversikten og kalenderen …")


def visit_done(n: int, total: int, unit: str) -> str:
    """The progress line (on stderr) when a year plan's n-th visit kit has been written, in
    the project's language."""
    return localized(_("Visitt {n} av {total}: {unit} – ferdig", n=n, total=total, unit=unit))


def _write(folder: Path, files: dict[str, bytes], force: bool, root: Path) -> WriteReport:
    """Write ``files`` and name those overwritten with ``--force`` and those kept because
    edited by hand."""
    refuse_links_leaving(folder, root)  # letters with names go nowhere else
    report = write_files(folder, files, force=force)
    print_protected(report, shown(folder))
    return report
