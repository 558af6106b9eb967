"""The poster for the unit (one A4 page): what, when, where and why."""

from __future__ import annotations

from ...content import schema
from ..kit import Kit
from . import pdf as walkround_pdf

KIND = "poster"


def purpose(kit: Kit) -> schema.LetterSection | None:
    """The letter's section with the purpose points (the first section that has points)."""
    letter = kit.method.letter
    return next((s for s in letter.sections if s.points), None) if letter else None


def pdf(kit: Kit) -> bytes:
    labels = kit.labels(KIND)
    title = labels["pdf_title"].format(tittel=kit.method.title, enhet=kit.facts["enhet"])
    section = purpose(kit)
    return walkround_pdf.pdf(
        kit,
        KIND,
        "plakat.typ",
        title,
        labels=labels,
        municipality=kit.facts["kommune"],
        heading=kit.method.title,
        unit=kit.facts["enhet"],
        day=kit.facts["dato"],
        time=kit.time_range,
        place=kit.facts["sted"],
        purpose=[kit.fill(point) for point in section.points] if section else [],
    )


def build(kit: Kit) -> dict[str, bytes]:
    return {"plakat.pdf": pdf(kit)}
