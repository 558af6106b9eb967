"""``refleks visit``: the whole walkround kit for one visit, into ``out/visits/<id>/``.

Also registers ``refleks new visit`` (``visit_new``) and ``refleks tiltaksplan status``
(``visit_status``). The kit: invitation letter (PDF, DOCX), poster, question guide, action
plan (XLSX, DOCX, PDF), minutes template (DOCX) and timeline (Markdown, PDF, iCalendar).
Letters with people's names are written only under ``out/``, never into ``site/``.

``REFLEKS_TODAY`` (``ÅÅÅÅ-MM-DD``) sets the day the checks take as today.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import cli
from ..content.model import build_library
from ..content.yamlread import load
from ..errors import ContentInvalid, Problems, UsageError
from ..project import Project
from ..writer import WriteReport, write_files
from . import scaffold as visit_new
from . import status as visit_status
from .checks import check_visit
from .documents import actionplans, calendar, guide, letters, minutes, poster
from .documents.office import TemplateFieldError
from .kit import Kit, kit_for, today

KIT_MODULES = (letters, poster, guide, actionplans, minutes, calendar)


def template_problem(kit: Kit, exc: TemplateFieldError) -> Problems:
    """A letter template that asks for a field Refleks does not fill, as a content error."""
    library = kit.library
    problems = Problems(library.project.root)
    site_file = library.project.content / "site.yaml"
    doc = load(site_file, Problems(library.project.root))
    line, col = doc.where(("letter_template",)) if doc else (1, 1)
    custom = library.site.letter_template is not None
    file, path = (site_file, "letter_template") if custom else (exc.template, "")
    if not custom:
        line, col = 0, 0
    template = problems.rel(exc.template)
    fields = ", ".join(sorted({*letters.context(kit), "logo"}))
    if exc.fields:
        for name in exc.fields:
            problems.add(
                file,
                line,
                col,
                path,
                f"brevmalen {template} bruker feltet «{name}», som Refleks ikke fyller ut",
                written=name,
                expected=f"et av feltene: {fields}",
                hint="rett feltnavnet i malen (se templates/letters/FELTER.md)",
            )
    else:
        problems.add(
            file,
            line,
            col,
            path,
            f"brevmalen {template} kan ikke fylles ut",
            written=exc.detail,
            expected="en DOCX-fil med gyldige {{ felt }}",
        )
    return problems


def kit_files(kit: Kit) -> dict[str, bytes]:
    """Every file of the kit, by name, in memory (nothing is written here)."""
    files: dict[str, bytes] = {}
    for module in KIT_MODULES:
        files.update(module.build(kit))
    return files


def _visit_of(path_arg: str, project: Project) -> Path:
    path = Path(path_arg)
    if not path.suffix and not path.exists():
        path = project.content / "visits" / f"{path_arg}.yaml"
    elif not path.is_absolute() and not path.exists():
        path = project.root / path  # relative to --project, as other paths in the project
    if not path.is_file():
        raise UsageError(f"finner ikke visittfilen {path_arg}")
    visits = (project.content / "visits").resolve()
    if path.resolve().parent != visits or path.suffix != ".yaml":
        raise UsageError(f"visittfilen må ligge i {visits} og slutte på .yaml: {path_arg}")
    return path


def cmd_visit(args: argparse.Namespace, project: Project) -> int:
    if args.all or args.plan:
        if args.file:
            raise UsageError("gi enten en visittfil eller --all/--plan, ikke begge")
        from .year import cmd_year

        return cmd_year(args, project)
    if not args.file:
        raise UsageError("gi en visittfil, --all (alle i content/visits/) eller --plan ÅRSPLAN")
    path = _visit_of(args.file, project)
    library = build_library(project)
    visit = library.visits[path.stem]
    problems = Problems(project.root, list(library.warnings))
    check_visit(library, visit, today(), problems)
    if args.strict and problems.warnings:
        from dataclasses import replace

        problems = Problems(project.root, [replace(p, severity="feil") for p in problems.items])
    if problems.errors:
        raise ContentInvalid(problems)
    for warning in problems.sorted():
        print(warning.format(), file=sys.stderr)
    kit = kit_for(library, visit)
    try:
        files = kit_files(kit)
    except TemplateFieldError as exc:
        raise ContentInvalid(template_problem(kit, exc)) from None
    folder = project.out / "visits" / visit.id
    report = write_files(folder, files, force=args.force)
    shown = _shown(folder, project)
    n = len(report.written) + len(report.overwritten)
    print(
        f"Visittsettet for {visit.unit} er skrevet til {shown}/: "
        f"{n} {'fil' if n == 1 else 'filer'} skrevet, {len(report.unchanged)} uendret."
    )
    write_report(report, folder, project)
    return 0


def write_report(report: WriteReport, folder: Path, project: Project) -> None:
    """Name the files overwritten with ``--force`` and those kept because edited by hand."""
    shown = _shown(folder, project)
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


def _shown(folder: Path, project: Project) -> str:
    try:
        return folder.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return folder.as_posix()


def register(sub: argparse._SubParsersAction) -> None:
    v = sub.add_parser("visit", help="lag visittsettet (brev, plakat, tiltaksplan ...)")
    v.add_argument(
        "file", metavar="VISITTFIL", nargs="?", help="content/visits/<id>.yaml (eller bare id-en)"
    )
    v.add_argument(
        "--all", action="store_true", help="alle visittene i content/visits/, med årsoversikt"
    )
    v.add_argument(
        "--plan",
        metavar="ÅRSPLAN",
        help="alle visittene i content/plans/<id>.yaml, med årsoversikt",
    )
    v.add_argument(
        "--force", action="store_true", help="overskriv også filer som er endret for hånd"
    )
    v.add_argument("--strict", action="store_true", help="behandle advarsler som feil")
    visit_new.register(sub)
    visit_status.register(sub)


cli.EXTRA_COMMANDS.append(register)
cli.COMMANDS["visit"] = cmd_visit
