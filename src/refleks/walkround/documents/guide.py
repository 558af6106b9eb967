"""The question guide handout: the method's questions by category, with room to write."""

from __future__ import annotations

from ..kit import Kit
from . import pdf as walkround_pdf

KIND = "guide"


def pdf(kit: Kit) -> bytes:
    guide = kit.method.question_guide
    assert guide is not None
    labels = kit.labels(KIND)
    title = labels["pdf_title"].format(tittel=guide.title, enhet=kit.facts["enhet"])
    return walkround_pdf.pdf(kit, KIND, "sporsmalsguide.html.j2", title, guide=guide, labels=labels)


def build(kit: Kit) -> dict[str, bytes]:
    return {"sporsmalsguide.pdf": pdf(kit)}
