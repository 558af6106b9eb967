"""The ``refleks`` command line. Every message to the user is in Norwegian: once the project
is known, in its language (``language`` in ``content/site.yaml``, see ``refleks.messages``);
the argument errors before that, and the help, in bokmål.

One module per command (``check``, ``build`` ...), listed in ``registry``; each has
``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args, project) -> int``.

Exit codes: 0 done; 1 the content is invalid or the build failed; 2 wrong use (arguments,
a missing file, a bad setting); 3 an unexpected error (a bug); 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from ..errors import BuildFailed, ContentInvalid, ShownStream, UsageError, os_message
from ..messages import _, localized, project_language, said, speaking
from ..project import Project
from . import registry
from .parser import Parser


def parser() -> argparse.ArgumentParser:
    p = Parser(prog="refleks", description="Bygg læringsnettsted og dokumenter fra content/.")
    p.add_argument(
        "--project",
        type=Path,
        default=Path.cwd(),
        metavar="MAPPE",
        help="prosjektmappen (standard: mappen du står i)",
    )
    p.add_argument("--debug", action="store_true", help="vis full feilsporing ved feil")
    sub = p.add_subparsers(dest="command", required=True, metavar="KOMMANDO", parser_class=Parser)
    for command in registry.COMMANDS:
        command.add_arguments(sub.add_parser(command.NAME, help=command.HELP))
    for old, command in registry.HIDDEN_ALIASES.items():
        command.add_arguments(sub.add_parser(old))  # no help: not listed
    return p


def _invalid_summary(n: int, command: str) -> str:
    """The last line after content errors: how many, and what happens now. Not «nothing is
    written», which an author reads as «your file was not saved»."""
    if command == "check":
        if n == 1:
            return localized(
                _("{n} feil i innholdet. Rett den og kjør refleks check på nytt.", n=n)
            )
        return localized(_("{n} feil i innholdet. Rett dem og kjør refleks check på nytt.", n=n))
    if n == 1:
        return localized(
            _(
                "{n} feil i innholdet, så ingen sider eller dokumenter er laget. "
                "Rett den og kjør kommandoen på nytt.",
                n=n,
            )
        )
    return localized(
        _(
            "{n} feil i innholdet, så ingen sider eller dokumenter er laget. "
            "Rett dem og kjør kommandoen på nytt.",
            n=n,
        )
    )


ERROR = _("feil")
"""The word before a message that stopped the command."""


def main(argv: list[str] | None = None) -> int:
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = ShownStream(out), ShownStream(err)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = out, err


def _main(argv: list[str] | None) -> int:
    args = parser().parse_args(argv)
    project = Project(args.project.resolve())
    command = registry.command(args.command)
    with speaking(project_language(project.root), project.templates):
        return _run(command, args, project)


def _run(command, args: argparse.Namespace, project: Project) -> int:  # noqa: ANN001
    try:
        return command.run(args, project)
    except ContentInvalid as exc:
        print(exc.problems.report(), file=sys.stderr)
        print("\n" + _invalid_summary(len(exc.problems.errors), args.command), file=sys.stderr)
        return 1
    except BuildFailed as exc:
        print(f"refleks: {localized(ERROR)}: {said(exc)}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"refleks: {localized(ERROR)}: {said(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(localized(_("Avbrutt.")), file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a folder that cannot be replaced: nothing half-done
        if args.debug:
            traceback.print_exc()
        untouched = _("{problem}. Det som var der fra før, er urørt.", problem=os_message(exc))
        print(f"refleks: {localized(ERROR)}: {localized(untouched)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - last line of defence: no traceback for users
        if args.debug:
            traceback.print_exc()
        else:
            unexpected = _("uventet feil: {error}\n(kjør med --debug for detaljer)", error=str(exc))
            print(f"refleks: {localized(unexpected)}", file=sys.stderr)
        return 3
