"""The ``refleks`` command line. Every message to the user is in Norwegian bokmål."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from .errors import ContentInvalid, Problems, UsageError
from .model import Library, build_library
from .project import Project

_NB = {
    "usage: ": "bruk: ",
    "positional arguments": "argumenter",
    "options": "valg",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "the following arguments are required: %s": "disse argumentene mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg: %(value)r (velg blant %(choices)s)"
    ),
    "expected one argument": "forventet én verdi",
    "invalid %(type)s value: %(value)r": "ugyldig verdi: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: feil: %(message)s\n",
    "one of the arguments %s is required": "ett av argumentene %s må være med",
}
# argparse looks its words up through gettext; give it Norwegian ones
argparse._ = lambda text: _NB.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Norwegian messages; exit code 2 on wrong arguments."""


def _library(project: Project) -> Library:
    return build_library(project)


def _print_warnings(library: Library, strict: bool) -> None:
    """Print warnings; with ``--strict`` they are errors and stop the run."""
    if strict and library.warnings:
        as_errors = [replace(w, severity="feil") for w in library.warnings]
        raise ContentInvalid(Problems(library.project.root, as_errors))
    for w in Problems(library.project.root, list(library.warnings)).sorted():
        print(w.format(), file=sys.stderr)


def _visit_problems(library: Library) -> list:
    """What ``refleks visit`` would refuse or warn about, for every visit (same words)."""
    if not library.visits:
        return []
    from .outputs.visit_checks import check_visit
    from .outputs.walkround import today

    problems = Problems(library.project.root)
    for visit in library.visits.values():
        if visit.method in library.methods:
            check_visit(library, visit, today(), problems)
    # the method's and the site's checks run once per visit: report each problem once
    return [p for i, p in enumerate(problems.items) if p not in problems.items[:i]]


def cmd_check(args: argparse.Namespace, project: Project) -> int:
    library = _library(project)
    found = Problems(project.root, _visit_problems(library))
    if found.errors:
        raise ContentInvalid(Problems(project.root, [*library.warnings, *found.items]))
    library.warnings = [*library.warnings, *found.items]
    _print_warnings(library, args.strict)
    counts = (
        f"{len(library.sources)} kilder, {len(library.reflections)} refleksjonssett, "
        f"{sum(1 for _ in library.questions())} spørsmål, {len(library.roles)} roller, "
        f"{len(library.frameworks)} rammeverk, {len(library.visits)} visitter"
    )
    print(f"Innholdet er gyldig: {counts}.")
    return 0


def cmd_build(args: argparse.Namespace, project: Project) -> int:
    from .build import build

    library = _library(project)
    _print_warnings(library, args.strict)
    build(library, quiet=args.quiet)
    print(f"Nettstedet er bygd i {project.site}.")
    return 0


def cmd_serve(args: argparse.Namespace, project: Project) -> int:
    from .serve import serve

    return serve(project, host=args.host, port=args.port)


COMMANDS: dict[str, Callable[[argparse.Namespace, Project], int]] = {
    "check": cmd_check,
    "build": cmd_build,
    "serve": cmd_serve,
}
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="refleks", description="Bygg læringsnettsted og dokumenter fra content/.")
    p.add_argument(
        "--project",
        type=Path,
        default=Path.cwd(),
        metavar="MAPPE",
        help="prosjektmappen (standard: mappen du står i)",
    )
    p.add_argument("--debug", action="store_true", help="vis full feilsporing ved feil")
    sub = p.add_subparsers(dest="command", required=True, metavar="KOMMANDO", parser_class=_Parser)
    c = sub.add_parser("check", help="valider alt innhold")
    c.add_argument("--strict", action="store_true", help="behandle advarsler som feil")
    b = sub.add_parser("build", help="valider og bygg nettstedet og alle dokumenter")
    b.add_argument("--strict", action="store_true", help="behandle advarsler som feil")
    b.add_argument("--quiet", action="store_true", help="skriv bare feil")
    s = sub.add_parser("serve", help="forhåndsvis med automatisk oppdatering")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    for register in EXTRA_COMMANDS:
        register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    from . import commands

    commands.load_for(sys.argv[1:] if argv is None else argv)
    args = parser().parse_args(argv)
    project = Project(args.project.resolve())
    handler = COMMANDS[args.command]
    try:
        return handler(args, project)
    except ContentInvalid as exc:
        print(exc.problems.report(), file=sys.stderr)
        n = len(exc.problems.errors)
        print(f"\n{n} feil. Ingenting er skrevet.", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"refleks: feil: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Avbrutt.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if args.debug:
            traceback.print_exc()
        else:
            print(f"refleks: uventet feil: {exc}\n(kjør med --debug for detaljer)", file=sys.stderr)
        return 3
