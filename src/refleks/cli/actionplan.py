"""``refleks actionplan status <fil.xlsx>``: read a filled-in action plan back (see
``refleks.walkround.status``); ``refleks actionplan status MAPPE``: every plan in a folder,
one line per unit (see ``refleks.walkround.statusfolder``). The old spelling ``tiltaksplan``
and ``--dato`` still work."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..errors import UsageError
from ..project import Project

NAME = "actionplan"
HELP = "les en utfylt tiltaksplan (status)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["status"], metavar="HANDLING", help="status")
    parser.add_argument(
        "file", metavar="FIL", help="den utfylte tiltaksplan.xlsx, eller en mappe med mange"
    )
    parser.add_argument(
        "--xlsx", metavar="FIL", help="for en mappe: skriv oversikten hit (standard: i mappen)"
    )
    parser.add_argument(
        "--date",
        default=None,
        metavar="DATO",
        help="regn som om i dag er denne datoen (ÅÅÅÅ-MM-DD)",
    )
    # the old spelling, kept for one release (0.2)
    parser.add_argument("--dato", dest="date", default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace, project: Project) -> int:
    from ..walkround.kit import today
    from ..walkround.status import assess, read, report, status_words

    day = today()
    if args.date:
        try:
            day = dt.date.fromisoformat(args.date)
        except ValueError:
            raise UsageError(f"--date må være en dato ÅÅÅÅ-MM-DD, ikke «{args.date}»") from None
    path = Path(args.file)
    if path.is_dir():
        from ..walkround.statusfolder import run as run_folder

        return run_folder(path, day, Path(args.xlsx) if args.xlsx else None)
    words = status_words(project.templates)
    print(report(assess(read(path), day, words), path.name), end="")
    return 0
