"""The poster for the unit (A4 PDF): what, when, where and why."""

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
    return walkround_pdf.pdf(
        kit,
        KIND,
        "plakat.html.j2",
        title,
        method=kit.method,
        labels=labels,
        purpose=purpose(kit),
        time_range=kit.time_range,
    )


def build(kit: Kit) -> dict[str, bytes]:
    return {"plakat.pdf": pdf(kit)}
