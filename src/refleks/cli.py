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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English
        self.print_usage(sys.stderr)
        translated = (
            message.replace("the following arguments are required", "disse argumentene mangler")
            .replace("unrecognized arguments", "ukjente argumenter")
            .replace("invalid choice", "ugyldig valg")
            .replace("choose from", "velg mellom")
            .replace("argument", "argument")
            .replace("expected one argument", "forventet én verdi")
        )
        self.exit(2, f"refleks: feil: {translated}\n")


def _library(project: Project) -> Library:
    return build_library(project)


def _print_warnings(library: Library, strict: bool) -> None:
    """Print warnings; with ``--strict`` they are errors and stop the run."""
    if strict and library.warnings:
        as_errors = [replace(w, severity="feil") for w in library.warnings]
        raise ContentInvalid(Problems(library.project.root, as_errors))
    for w in sorted(set(library.warnings)):
        print(w.format(), file=sys.stderr)


def cmd_check(args: argparse.Namespace, project: Project) -> int:
    library = _library(project)
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
    p.add_argument("--project", type=Path, default=Path.cwd(),
                   help="prosjektmappen (standard: mappen du står i)")
    p.add_argument("--debug", action="store_true", help="vis full feilsporing ved feil")
    sub = p.add_subparsers(dest="command", required=True, metavar="KOMMANDO",
                           parser_class=_Parser)
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
    from . import commands  # noqa: F401  (registers the output commands)

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
            print(f"refleks: uventet feil: {exc}\n(kjør med --debug for detaljer)",
                  file=sys.stderr)
        return 3
