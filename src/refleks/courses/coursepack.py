"""Course packs: one PDF per reflection set (``utskrift/kurs-<set>.pdf`` in the site).

The source's summary, every theme with its findings and the questions per role, the
source's references and its reuse terms, with a table of contents; PDF/UA tagged like the
handouts (``decks.handouts.Printer``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .. import urls
from ..content import schema
from ..content.model import Library
from ..decks import handouts
from ..decks.pdfcache import PdfCache


def course_pack_path(reflection_id: str) -> str:
    """Where the course pack lives, relative to the site root."""
    return urls.course_pack(reflection_id)


def write_course_pack(
    printer: handouts.Printer, reflection: schema.Reflection, target: Path
) -> Path:
    library = printer.library
    source = library.sources[reflection.source]
    target.parent.mkdir(parents=True, exist_ok=True)
    return printer.pdf(
        "course.html.j2",
        target,
        reflection=reflection,
        source=source,
        sources=[source],
        roles=library.roles_in_order(),
    )


def files(library: Library) -> dict[str, bytes]:
    """Every set's course pack, by path in the site (laid out in a folder of the project's
    cache, then read). Unchanged packs are copied from ``build/cache/pdf-kurs/``."""
    store = PdfCache.for_templates(
        library.project.cache / "pdf-kurs",
        library.project.templates / "handouts",
        handouts.PDF_OPTIONS,
    )
    printer = handouts.Printer(library, store)
    library.project.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".refleks-", dir=library.project.cache) as tmp:
        out = {}
        for reflection in library.reflections.values():
            path = course_pack_path(reflection.id)
            out[path] = write_course_pack(printer, reflection, Path(tmp) / path).read_bytes()
    store.prune(printer.used)
    return out
