"""``refleks new visit``: write a commented visit file to fill in (see
``refleks.walkround.scaffold``)."""

from __future__ import annotations

import argparse

from ..project import Project
from ..walkround.scaffold import FIELDS, OPTION_HELP, new_visit

NAME = "new"
HELP = "lag en ny fil å fylle ut (visit)"

# what each option's value is, as the help shows it
METAVARS = {
    "id": "ID",
    "municipality": "KOMMUNE",
    "unit": "ENHET",
    "leader": "NAVN",
    "leader_title": "STILLING",
    "date": "ÅÅÅÅ-MM-DD",
    "time": "TT:MM",
    "location": "STED",
    "top_leader": "NAVN",
    "visit_leader": "NAVN",
    "coordinator": "NAVN",
    "coordinator_phone": "TELEFON",
    "coordinator_email": "E-POST",
    "participants": "STILLINGER",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=["visit"], metavar="TYPE", help="visit")
    for name, _required, _kind in FIELDS:
        option = "--" + name.replace("_", "-")
        parser.add_argument(
            option, dest=name, default=None, metavar=METAVARS[name], help=OPTION_HELP[name]
        )


def run(args: argparse.Namespace, project: Project) -> int:
    return new_visit(args, project)
