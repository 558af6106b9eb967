"""``refleks new visit|source|reflection|framework|role|theme``: write a commented file (or,
for a role or a theme, an entry in an existing file) to fill in. Visits: see
``refleks.walkround.scaffold``; the content kinds: ``refleks.content.newfiles`` and
``refleks.content.newentries``."""

from __future__ import annotations

import argparse

from ..errors import UsageError
from ..messages import localized
from ..project import Project
from ..walkround.scaffold import FIELDS, OPTION_HELP, new_visit

NAME = "new"
HELP = "lag en ny fil å fylle ut (visit, source, reflection, framework, role, theme)"
KINDS = ["visit", "source", "reflection", "framework", "role", "theme"]

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
# the options of the content kinds: (option, metavar, help)
CONTENT_OPTIONS = [
    ("title", "TITTEL", "tittelen (source, reflection, theme), navnet (framework, role)"),
    ("source", "KILDE", "kildens id: kilden settet bygger på, eller som omtaler rammeverket"),
    ("reflection", "SETT", "refleksjonssettet temaet legges til i (theme)"),
    ("role", "ROLLE", "rollen det første spørsmålet går til (reflection, theme)"),
    ("acronym", "FORKORTELSE", "forkortelsen til rammeverket, for eksempel ISBAR (framework)"),
]
ID_HELP = "id-en (blir filnavnet); for andre typer enn visit lages den av tittelen når den mangler"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=KINDS, metavar="TYPE", help=", ".join(KINDS))
    parser.add_argument("--id", dest="id", default=None, metavar="ID", help=ID_HELP)
    content = parser.add_argument_group("valg for source, reflection, framework, role og theme")
    for name, metavar, help_text in CONTENT_OPTIONS:
        content.add_argument("--" + name, dest=name, default=None, metavar=metavar, help=help_text)
    visit = parser.add_argument_group("valg for visit (det som mangler, spør kommandoen om)")
    for name, _required, _kind in FIELDS:
        if name != "id":
            option = "--" + name.replace("_", "-")
            visit.add_argument(
                option, dest=name, default=None, metavar=METAVARS[name], help=OPTION_HELP[name]
            )


def run(args: argparse.Namespace, project: Project) -> int:
    if args.kind == "visit":
        return new_visit(args, project)
    from ..content.authoring import newentries, newfiles
    from ..content.authoring.scaffold import messages

    if not (args.title or "").strip():
        said = messages(project)
        raise UsageError(said["missing_option"].format(kind=args.kind, option="--title TITTEL"))
    request = newfiles.Request(
        title=" ".join(args.title.split()),
        id=args.id,
        source=args.source,
        acronym=args.acronym,
        role=args.role,
        reflection=args.reflection,
    )
    make = {
        "source": newfiles.new_source,
        "reflection": newfiles.new_reflection,
        "framework": newfiles.new_framework,
        "role": newentries.new_role,
        "theme": newentries.new_theme,
    }[args.kind]
    for line in make(project, request):
        print(localized(line))
    return 0
