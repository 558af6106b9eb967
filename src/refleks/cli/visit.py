"""``refleks visit``: the whole walkround kit for one visit, into ``out/visits/<id>/``.

Letters with people's names are written only under ``out/``, never into ``site/``.
``REFLEKS_TODAY`` (``ÅÅÅÅ-MM-DD``) sets the day the checks take as today."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..confine import refuse_links_leaving
from ..content.pipeline import build_library
from ..errors import ContentInvalid, Problems
from ..project import Project
from ..writer import write_files
from .warnings import add_strict, print_or_refuse

NAME = "visit"
HELP = "lag visittsettet (brev, plakat, tiltaksplan ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="VISITTFIL", help="content/visits/<id>.yaml (eller bare id-en)"
    )
    parser.add_argument(
        "--force", action="store_true", help="overskriv også filer som er endret for hånd"
    )
    add_strict(parser)


def run(args: argparse.Namespace, project: Project) -> int:
    from ..walkround.checks import check_visit
    from ..walkround.documents.office import TemplateFieldError
    from ..walkround.kit import Kit, today
    from ..walkround.visit import kit_files, template_problem, visit_file

    path = visit_file(args.file, project)
    library = build_library(project)
    visit = library.visits[path.stem]
    problems = Problems(project.root, list(library.warnings))
    check_visit(library, visit, today(), problems)
    print_or_refuse(problems, args.strict)
    kit = Kit(library, library.methods[visit.method], visit)
    try:
        files = kit_files(kit)
    except TemplateFieldError as exc:
        raise ContentInvalid(template_problem(kit, exc)) from None
    folder = project.out / "visits" / visit.id
    refuse_links_leaving(folder, project.root)  # letters with names go nowhere else
    report = write_files(folder, files, force=args.force)
    shown = _shown(folder, project)
    n = len(report.written) + len(report.overwritten)
    print(
        f"Visittsettet for {visit.unit} er skrevet til {shown}/: "
        f"{n} {'fil' if n == 1 else 'filer'} skrevet, {len(report.unchanged)} uendret."
    )
    if report.overwritten:
        print("Overskrev filer som var endret for hånd (--force):", file=sys.stderr)
        for name in report.overwritten:
            print(f"  {shown}/{name}", file=sys.stderr)
    if report.kept:
        print(
            "Disse filene er endret for hånd og ble ikke overskrevet "
            "(bruk --force for å overskrive dem):",
            file=sys.stderr,
        )
        for name in report.kept:
            print(f"  {shown}/{name}", file=sys.stderr)
    return 0


def _shown(folder: Path, project: Project) -> str:
    try:
        return folder.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return folder.as_posix()
