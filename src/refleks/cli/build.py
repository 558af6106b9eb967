"""``refleks build``: validate, then build the site with its decks, handouts and blank forms."""

from __future__ import annotations

import argparse
import sys

from ..content.nynorsk import missing as missing_nynorsk
from ..content.pipeline import build_library
from ..content.unfilled import unfilled
from ..errors import Problems, os_message
from ..messages import _, localized
from ..project import Project
from ..site.engine import ENGINES, engine_argument
from .warnings import add_strict, print_or_refuse
from .written import add_force, print_protected, shown

NAME = "build"
HELP = "valider og bygg nettstedet og alle dokumenter"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_strict(parser)
    parser.add_argument("--quiet", action="store_true", help="skriv bare feil")
    add_engine(parser)
    add_force(parser)


def add_engine(parser: argparse.ArgumentParser) -> None:
    """``--engine``, for ``build`` and ``serve``: overrides ``site.yaml``'s ``engine``."""
    parser.add_argument(
        "--engine",
        type=engine_argument,
        metavar="{" + ",".join(ENGINES) + "}",
        help="nettstedsmotoren (standard: engine i content/site.yaml, ellers mkdocs)",
    )


def run(args: argparse.Namespace, project: Project) -> int:
    library = build_library(project)
    print_or_refuse(
        Problems(project.root, [*library.warnings, *unfilled(library), *missing_nynorsk(library)]),
        args.strict,
    )
    from ..site.build import build_site  # after validation: a refused build starts quickly

    try:
        report = build_site(library, quiet=args.quiet, engine=args.engine, force=args.force)
    except OSError as exc:
        print(
            localized(
                _(
                    "refleks: feil: nettstedet ble ikke bygd: {problem}; {name}/ er som før",
                    problem=os_message(exc),
                    name=project.site.name,
                )
            ),
            file=sys.stderr,
        )
        return 1
    print_protected(report, shown(project.site))
    print(localized(_("Nettstedet er bygd i {site}.", site=project.site)))
    return 0
