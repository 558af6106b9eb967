"""``refleks check``: validate all content and say what it holds."""

from __future__ import annotations

import argparse

from ..content.nynorsk import missing as missing_nynorsk
from ..content.pipeline import build_library
from ..content.unfilled import unfilled
from ..errors import ContentInvalid, Problems
from ..project import Project
from ..templating import nb_count
from .warnings import add_strict, print_or_refuse

NAME = "check"
HELP = "valider alt innhold"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_strict(parser)


def run(args: argparse.Namespace, project: Project) -> int:
    from ..walkround.checks import check_all_visits, check_site_files
    from ..walkround.kit import today
    from ..walkround.year import without_superseded
    from ..walkround.yearchecks import check_all

    library = build_library(project)
    site_files = Problems(project.root)
    check_site_files(library, site_files)  # what `refleks visit` would refuse in site.yaml
    if site_files.errors:
        raise ContentInvalid(site_files)
    # `check` reports everything `visit` refuses, in the same words, and the checks across
    # visits (year plans, content/visits/) that `refleks visit --all` makes
    visit_problems = check_all_visits(library, today())
    problems = Problems(
        project.root,
        [*library.warnings, *unfilled(library), *missing_nynorsk(library), *visit_problems],
    )
    print_or_refuse(without_superseded(check_all(library, problems)), args.strict)
    counts = (
        f"{nb_count(len(library.sources), 'kilde', 'kilder')}, "
        f"{len(library.reflections)} refleksjonssett, "
        f"{sum(1 for _ in library.questions())} spørsmål, "
        f"{nb_count(len(library.roles), 'rolle', 'roller')}, "
        f"{len(library.frameworks)} rammeverk, "
        f"{nb_count(len(library.visits), 'visitt', 'visitter')}"
    )
    print(f"Innholdet er gyldig: {counts}.")
    return 0
