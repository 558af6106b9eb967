"""The question guide handout: the method's questions by category, with room to write."""

from __future__ import annotations

from typing import Any

from ...content import schema
from ..kit import Kit
from . import pdf as walkround_pdf

KIND = "guide"


def categories(kit: Kit, guide: schema.QuestionGuide) -> list[dict[str, Any]]:
    """Each category's title and its questions, with their sub-points, as plain text."""
    return [
        {
            "title": category.title,
            "questions": [
                {
                    "text": kit.fill(question),
                    "points": [kit.fill(p) for p in category.subpoints.get(number, [])],
                }
                for number, question in enumerate(category.questions, start=1)
            ],
        }
        for category in guide.categories
    ]


def pdf(kit: Kit) -> bytes:
    guide = kit.method.question_guide
    assert guide is not None
    labels = kit.labels(KIND)
    common = kit.common
    title = labels["pdf_title"].format(tittel=guide.title, enhet=kit.facts["enhet"])
    return walkround_pdf.pdf(
        kit,
        KIND,
        "sporsmalsguide.typ",
        title,
        heading=guide.title,
        facts=[[common["unit"], kit.facts["enhet"]], [common["date"], kit.facts["dato"]]],
        intro=kit.blocks(guide.intro),
        categories=categories(kit, guide),
    )


def build(kit: Kit) -> dict[str, bytes]:
    return {"sporsmalsguide.pdf": pdf(kit)}
