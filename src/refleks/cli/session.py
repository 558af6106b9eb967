"""``refleks session``: a kit for one reflection meeting (see ``refleks.session``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..confine import refuse_links_leaving
from ..content.pipeline import build_library
from ..messages import Message, _, localized
from ..project import Project
from ..sessions.session import THEME_MIN, Session, minutes_for, minutes_problem
from .written import add_force, print_protected

NAME = "session"
HELP = "lag lysark, utskrift og veiledning til ett refleksjonsmøte"


def _minutes(text: str) -> int:
    problem = minutes_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return int(text)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reflection",
        required=True,
        metavar="SETT",
        help="refleksjonssettets id, for eksempel systemperspektiv",
    )
    p.add_argument(
        "--role",
        required=True,
        metavar="ROLLE[,ROLLE]",
        help="rollens id, for eksempel leder-virksomhet; flere med komma mellom, eller alle",
    )
    p.add_argument(
        "--themes",
        metavar="TEMA,TEMA",
        help="temaenes id-er med komma mellom (standard: de første temaene med spørsmål "
        "til rollen som får plass, minst 20 minutter per tema)",
    )
    p.add_argument(
        "--minutes",
        type=_minutes,
        default=60,
        metavar="MINUTTER",
        help="hvor lenge møtet varer (standard: 60)",
    )
    p.add_argument("--start", metavar="TT:MM", help="klokkeslett møtet begynner (valgfritt)")
    p.add_argument("--name", metavar="NAVN", help="mappenavn under out/sessions/ (valgfritt)")
    add_force(p)
    p.add_argument(
        "--out",
        type=Path,
        metavar="MAPPE",
        help="mappen øktpakkene legges i (standard: out/sessions i prosjektet)",
    )


def run(args: argparse.Namespace, project: Project) -> int:
    from ..sessions.session import build_kit, resolve

    library = build_library(project)
    theme_ids = None
    if args.themes is not None:
        theme_ids = [t.strip() for t in args.themes.split(",") if t.strip()]
    session = resolve(
        library,
        args.reflection,
        args.role,
        theme_ids,
        args.minutes,
        name=args.name,
        start=args.start,
    )
    folder = (args.out or project.out / "sessions") / session.name
    if args.out is None:  # the folder the user names is theirs; out/ must stay in the project
        refuse_links_leaving(folder, project.root)
    report = build_kit(library, session, folder, force=args.force)
    shown = sorted(n for n in report.written + report.unchanged + report.kept if "/" not in n)
    made = _("Øktpakken er laget i {folder}: {files}.", folder=folder, files=", ".join(shown))
    print(localized(made))
    if session.left_out:
        print(localized(left_out_notice(session)))
    print_protected(report, str(folder))
    return 0


def left_out_notice(session: Session) -> Message:
    """Which of the role's themes did not fit, and the two ways to take them in."""
    names = [f"«{t.title}» ({t.id})" for t in session.left_out]
    every = len(session.themes) + len(session.left_out)
    instead = ",".join(t.id for t in session.left_out[: len(session.themes)])
    fields = {"minutes": session.minutes, "least": THEME_MIN, "needed": minutes_for(every)}
    if len(names) == 1:
        return _(
            "Temaet {listed} er ikke med: det fikk ikke plass på {minutes} minutter "
            "(minst {least} minutter per tema).\nTa det med: --minutes {needed}. "
            "Eller velg selv hvilke temaer møtet skal ha, for eksempel --themes {instead}",
            listed=names[0],
            instead=instead,
            **fields,
        )
    return _(
        "Temaene {listed} og {last} er ikke med: de fikk ikke plass på {minutes} minutter "
        "(minst {least} minutter per tema).\nTa dem med: --minutes {needed}. "
        "Eller velg selv hvilke temaer møtet skal ha, for eksempel --themes {instead}",
        listed=", ".join(names[:-1]),
        last=names[-1],
        instead=instead,
        **fields,
    )
