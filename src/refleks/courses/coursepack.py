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


def build(library: Library, site_dir: Path) -> list[Path]:
    """Every set's course pack into the built site."""
    printer = handouts.Printer(library)
    return [
        write_course_pack(printer, r, site_dir / course_pack_path(r.id))
        for r in library.reflections.values()
    ]
