"""``refleks check``: validate all content and say what it holds."""

from __future__ import annotations

import argparse

from ..content.pipeline import build_library
from ..errors import Problems
from ..project import Project
from .warnings import add_strict, print_or_refuse

NAME = "check"
HELP = "valider alt innhold"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_strict(parser)


def run(args: argparse.Namespace, project: Project) -> int:
    from ..walkround.checks import check_all_visits
    from ..walkround.kit import today

    library = build_library(project)
    # `check` reports everything `visit` refuses, in the same words
    visit_problems = check_all_visits(library, today())
    print_or_refuse(Problems(project.root, [*library.warnings, *visit_problems]), args.strict)
    counts = (
        f"{len(library.sources)} kilder, {len(library.reflections)} refleksjonssett, "
        f"{sum(1 for _ in library.questions())} spørsmål, {len(library.roles)} roller, "
        f"{len(library.frameworks)} rammeverk, {len(library.visits)} visitter"
    )
    print(f"Innholdet er gyldig: {counts}.")
    return 0
