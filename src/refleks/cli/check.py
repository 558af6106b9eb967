"""``refleks check``: validate all content and say what it holds."""

from __future__ import annotations

import argparse

from ..content.nynorsk import missing as missing_nynorsk
from ..content.pipeline import build_library
from ..content.unfilled import unfilled
from ..errors import ContentInvalid, Problems
from ..messages import _, localized
from ..project import Project
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
    sources, roles, visits = len(library.sources), len(library.roles), len(library.visits)
    valid = _(
        "Innholdet er gyldig: {sources}, {reflections} refleksjonssett, {questions} spørsmål, "
        "{roles}, {frameworks} rammeverk, {visits}.",
        sources=_("{n} kilde", n=sources) if sources == 1 else _("{n} kilder", n=sources),
        reflections=len(library.reflections),
        questions=sum(1 for _question in library.questions()),
        roles=_("{n} rolle", n=roles) if roles == 1 else _("{n} roller", n=roles),
        frameworks=len(library.frameworks),
        visits=_("{n} visitt", n=visits) if visits == 1 else _("{n} visitter", n=visits),
    )
    print(localized(valid))
    return 0
