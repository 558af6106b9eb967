"""``refleks schema``: write JSON Schema for every kind of content file, for editors (see
``refleks.content.editorschema``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..confine import refuse_links_leaving
from ..messages import localized
from ..project import Project

NAME = "schema"
HELP = "skriv JSON Schema for innholdsfilene, til hjelp i redigeringsprogrammet"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        metavar="MAPPE",
        help="mappen skjemaene skrives i (standard: schema/ i prosjektet)",
    )


def run(args: argparse.Namespace, project: Project) -> int:
    from ..content.authoring import editorschema
    from ..content.authoring.scaffold import messages

    if args.out:
        folder = args.out.resolve()
    else:
        folder = project.root / editorschema.DEFAULT_FOLDER
        refuse_links_leaving(folder, project.root)
    paths = editorschema.write_all(folder)
    try:
        shown = folder.relative_to(project.root).as_posix() + "/"
    except ValueError:
        shown = str(folder)
    print(localized(messages(project)["schema_written"].format(count=len(paths), folder=shown)))
    return 0
