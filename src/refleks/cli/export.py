"""``refleks export scorm``: SCORM 1.2 packages of the reflection sets (see
``refleks.courses.scorm``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..content.pipeline import build_library
from ..project import Project
from ..writer import write_tree

NAME = "export"
HELP = "lag pakker til læringsplattformer (SCORM 1.2)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("format", choices=["scorm"], help="pakkeformatet: scorm (SCORM 1.2)")
    p.add_argument(
        "--reflection",
        metavar="SETT",
        help="refleksjonssettets id, for eksempel systemperspektiv (standard: alle settene)",
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="MAPPE",
        help="mappen pakken legges i (standard: out/scorm i prosjektet)",
    )


def run(args: argparse.Namespace, project: Project) -> int:
    from ..courses import scorm

    library = build_library(project)
    packages = scorm.packages(library, [args.reflection] if args.reflection else None)
    for target in write_tree(args.out or project.out / "scorm", packages):
        print(f"SCORM-pakken er laget: {target}")
    return 0
