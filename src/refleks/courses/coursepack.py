"""Course packs: one PDF per reflection set (``utskrift/kurs-<set>.pdf`` in the site).

The source's summary, every theme with its findings and the questions per role, the
source's references and its reuse terms, with a table of contents; PDF/UA tagged like the
handouts (``decks.handouts.Printer``).
"""

from __future__ import annotations

from pathlib import Path

from .. import urls
from ..content import schema
from ..content.model import Library
from ..decks import handouts
from ..decks.pdfcache import PdfCache
from ..pdfbackend import Batch


def course_pack_path(reflection_id: str) -> str:
    """Where the course pack lives, relative to the site root."""
    return urls.course_pack(reflection_id)


def write_course_pack(
    printer: handouts.Printer, reflection: schema.Reflection, target: Path
) -> Path:
    library = printer.library
    source = library.sources[reflection.source]
    # no mkdir here: a batch printer's target is a path in the site, relative, and made
    # into a folder it would land in the current directory (the printer makes its own)
    return printer.pdf(
        "course.html.j2",
        target,
        reflection=reflection,
        source=source,
        sources=[source],
        roles=library.roles_in_order(),
    )


def files(library: Library) -> dict[str, bytes]:
    """Every set's course pack, by path in the site. Unchanged packs come from
    ``build/cache/pdf-kurs/``."""
    return start(library).files()


def start(library: Library) -> handouts.BatchPrinter:
    """``files``, begun: the packs are laid out by worker processes while this one goes on."""
    store = PdfCache.for_templates(
        library.project.cache / "pdf-kurs",
        library.project.templates / "handouts",
        handouts.PDF_OPTIONS,
    )
    count = min(handouts.default_jobs(), len(library.reflections))
    printer = handouts.BatchPrinter(library, store, Batch(count))
    try:
        for reflection in library.reflections.values():
            write_course_pack(printer, reflection, Path(course_pack_path(reflection.id)))
    except BaseException:
        printer.stop()
        raise
    return printer
