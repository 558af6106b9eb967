"""``refleks serve``: preview the site, rebuilt when content or templates change."""

from __future__ import annotations

import argparse

from ..project import Project
from .build import add_engine

NAME = "serve"
HELP = "forhåndsvis med automatisk oppdatering"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADRESSE",
        help="adressen forhåndsvisningen lytter på (standard: 127.0.0.1, bare denne maskinen; "
        "0.0.0.0 slipper inn andre på nettverket)",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8000,
        metavar="PORT",
        help="portnummeret (standard: 8000, altså http://127.0.0.1:8000/); velg et annet "
        "hvis 8000 er i bruk",
    )
    add_engine(parser)


def run(args: argparse.Namespace, project: Project) -> int:
    from ..site.serve import serve

    return serve(project, host=args.host, port=args.port, engine=args.engine)
