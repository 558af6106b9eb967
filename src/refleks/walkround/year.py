"""``refleks visit --all`` and ``refleks visit --plan PLAN``: a year of visits at once.

Every visit's kit goes to ``out/visits/<id>/`` as with ``refleks visit``; the year's shared
files (all letters in one PDF and one DOCX, the year overview as XLSX, PDF and HTML, one
calendar file) go to ``out/arsplan/<plan>/`` (``alle`` for the files under
``content/visits/``). Nothing is written when a visit or the plan as a whole has an error.
The files are made and handed to the writer visit by visit (``Year.files``), so the kits of
a plan of ``yearchecks.MAX_VISITS`` visits need no more memory than those of a few (the
year's letters as one PDF, one Typst document, do grow with the visits).
The command itself is ``refleks.cli.visit``; this module finds, checks and makes the files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import overload

from ..content import schema
from ..content.model import Library
from ..errors import ContentInvalid, Problems, UsageError
from .checks import check_visit
from .documents.office import TemplateFieldError
from .kit import Kit, kit_for, method_for, today
from .yearchecks import Group, check_group, groups


def group_of(library: Library, plan: str | None) -> Group:
    """The plan named ``plan`` (a file name or id), or with ``None`` the loose visit files."""
    found = {g.id: g for g in groups(library)}
    if plan:
        wanted = Path(plan).stem
        if wanted not in library.plans:
            known = ", ".join(sorted(library.plans)) or "ingen"
            raise UsageError(f"finner ikke årsplanen «{plan}» i content/plans/ (finnes: {known})")
        return found.get(wanted) or Group(wanted, library.plans[wanted].title, [])
    if "alle" not in found:
        raise UsageError("det ligger ingen visittfiler i content/visits/")
    return found["alle"]


def problems_of(library: Library, group: Group) -> Problems:
    """Each visit's own checks and the checks across the visits, all at once."""
    problems = Problems(library.project.root, list(library.warnings))
    day = today()
    for visit in group.visits:
        check_visit(library, visit, day, problems)
    check_group(library, group, problems)
    return without_superseded(problems)


def without_superseded(problems: Problems) -> Problems:
    """Each problem once; the year plan makes a weekend or holiday an error, so the single
    visit's warning about the same date is dropped."""
    errors = {(p.file, p.line, p.column, p.message) for p in problems.errors}
    items = [
        p
        for p in dict.fromkeys(problems.items)
        if p.severity == "error" or (p.file, p.line, p.column, p.message) not in errors
    ]
    return Problems(problems.root, items)


class Kits(Sequence[Kit]):
    """The kits of ``visits``, each made when it is asked for and not kept: the year's
    shared documents go through every visit again without holding a year of kits."""

    def __init__(self, library: Library, visits: list[schema.Visit]) -> None:
        self.library, self.visits = library, visits

    def __len__(self) -> int:
        return len(self.visits)

    @overload
    def __getitem__(self, index: int) -> Kit: ...
    @overload
    def __getitem__(self, index: slice) -> list[Kit]: ...
    def __getitem__(self, index: int | slice) -> Kit | list[Kit]:
        if isinstance(index, slice):
            return [kit_for(self.library, v) for v in self.visits[index]]
        return kit_for(self.library, self.visits[index])


Progress = Callable[[int, int, schema.Visit], None]
"""Told ``(n, total, visit)`` when the n-th visit's files have all been handed over."""


@dataclass
class Year:
    """A year plan's files, made one at a time: ``files()`` yields ``(path, bytes)`` with
    ``path`` relative to ``out/`` (``visits/<id>/<name>``, then ``arsplan/<group>/<name>``).

    Each visit's kit is made, handed over file by file and released before the next visit's
    is made, so the kits' memory does not grow with the number of visits; what the year's
    shared files need from each visit is its letter as DOCX (about 40 kB) and the kits made
    again."""

    library: Library
    group: Group

    @property
    def title(self) -> str:
        from .documents import year as year_documents

        return self.group.title or self.overview.labels(year_documents.KIND)["all_visits"]

    @cached_property
    def overview(self) -> Kit:
        """A kit without a visit, for the shared files' labels, dates and properties."""
        method = method_for(self.library)
        assert method is not None
        return Kit(self.library, method, chosen_language=self.group.language)

    def files(
        self, progress: Progress | None = None, shared: Callable[[], None] | None = None
    ) -> Iterator[tuple[str, bytes]]:
        """Every visit's kit, visit by visit, then the shared files. ``progress`` is told
        when a visit's files have been taken (so, written) and before the next visit's kit
        is made; ``shared`` before the shared files are made. A letter template that cannot
        be filled stops it with the template's error (a field the template asks for is the
        same for every visit, so that happens at the first, before anything is written)."""
        # here, not at the top: `refleks check` imports this module for ``without_superseded``
        # and should not load the document libraries (openpyxl, icalendar ...)
        from .documents import year as year_documents
        from .visit import kit_outputs, template_problem

        letter_docxs: list[bytes] = []
        total = len(self.group.visits)
        for n, visit in enumerate(self.group.visits, start=1):
            kit = kit_for(self.library, visit)
            try:
                for name, data in kit_outputs(kit):
                    if name == year_documents.LETTER_DOCX:
                        letter_docxs.append(data)
                    yield f"visits/{visit.id}/{name}", data
            except TemplateFieldError as exc:
                raise ContentInvalid(template_problem(kit, exc)) from None
            if progress is not None:
                progress(n, total, visit)
        if shared is not None:
            shared()
        kits = Kits(self.library, self.group.visits)
        for name, data in year_documents.build(self.overview, kits, self.title, letter_docxs):
            yield f"arsplan/{self.group.id}/{name}", data
