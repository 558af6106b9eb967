"""``refleks visit``: the whole walkround kit for one visit, into ``out/visits/<id>/``.

The kit: invitation letter (PDF, DOCX), poster, question guide, action
plan (XLSX, DOCX, PDF), minutes template (DOCX) and timeline (Markdown, PDF, iCalendar).
Letters with people's names are written only under ``out/``, never into ``site/``.

``REFLEKS_TODAY`` (``ÅÅÅÅ-MM-DD``) sets the day the checks take as today.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..content.yamlread import load
from ..errors import Problems, UsageError
from ..messages import _
from ..project import Project
from .documents import actionplans, calendar, guide, letters, minutes, poster
from .documents.office import TemplateFieldError
from .kit import Kit

KIT_MODULES = (letters, poster, guide, actionplans, minutes, calendar)


def template_problem(kit: Kit, exc: TemplateFieldError) -> Problems:
    """A letter template that asks for a field Refleks does not fill, as a content error."""
    library = kit.library
    problems = Problems(library.project.root)
    site_file = library.project.content / "site.yaml"
    doc = load(site_file, Problems(library.project.root))
    line, col = doc.where(("letter_template",)) if doc else (1, 1)
    custom = library.site.letter_template is not None
    file, path = (site_file, "letter_template") if custom else (exc.template, "")
    if not custom:
        line, col = 0, 0
    template = problems.rel(exc.template)
    fields = ", ".join(sorted({*letters.context(kit), "logo"}))
    if exc.fields:
        for name in exc.fields:
            problems.add(
                file,
                line,
                col,
                path,
                _(
                    "brevmalen {template} bruker feltet «{name}», som Refleks ikke fyller ut",
                    template=template,
                    name=name,
                ),
                written=name,
                expected=_("et av feltene: {fields}", fields=fields),
                hint=_("rett feltnavnet i malen (se templates/letters/FELTER.md)"),
            )
    else:
        problems.add(
            file,
            line,
            col,
            path,
            _("brevmalen {template} kan ikke fylles ut", template=template),
            written=exc.detail,
            expected=_("en DOCX-fil med gyldige {{ felt }}"),
        )
    return problems


def kit_outputs(kit: Kit) -> Iterator[tuple[str, bytes]]:
    """Every file of the kit as ``(name, bytes)``, each document as soon as it is made
    (nothing is written here)."""
    for module in KIT_MODULES:
        yield from module.build(kit).items()


def kit_files(kit: Kit) -> dict[str, bytes]:
    """Every file of the kit, by name, in memory (nothing is written here)."""
    return dict(kit_outputs(kit))


def visit_file(path_arg: str, project: Project) -> Path:
    path = Path(path_arg)
    if not path.suffix and not path.exists():
        path = project.content / "visits" / f"{path_arg}.yaml"
    elif not path.is_absolute() and not path.exists():
        path = project.root / path  # relative to --project, as other paths in the project
    if not path.is_file():
        raise UsageError(f"finner ikke visittfilen {path_arg}")
    visits = (project.content / "visits").resolve()
    if path.resolve().parent != visits or path.suffix != ".yaml":
        raise UsageError(f"visittfilen må ligge i {visits} og slutte på .yaml: {path_arg}")
    return path
