"""The invitation letter to the unit leader, as PDF and DOCX.

The letter follows the method's ``letter`` (title and sections: the purpose in four points,
what happens during the visit, what happens with the information, contact), signed by the
visit leader, with the staff information as an attachment. The PDF is laid out by Typst from
``templates/letters/invitasjonsbrev.typ`` (one letter, or a year's letters in one PDF, each
starting on a new page with its own page numbers). The DOCX is filled from
``templates/letters/invitasjonsbrev.docx`` or from the municipality's own letterhead template
named in ``content/site.yaml`` (``letter_template``); the fields a template can use are the
keys of ``context`` (listed for template authors in ``templates/letters/FELTER.md``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..deadlines import letter_date
from ..kit import Kit
from . import office as walkround_office
from . import typeset

KIND = "letters"
DEFAULT_TEMPLATE = "invitasjonsbrev.docx"
PDF_TEMPLATE = "invitasjonsbrev.typ"


def _contact_line(kit: Kit) -> str:
    labels, c = kit.labels(KIND), kit.common
    if kit.visit is None:
        return f"{labels['contact_intro']} {c['blank']}"
    person = kit.visit.contact or kit.visit.leadership.coordinator
    parts = [person.name]
    if person.phone:
        parts.append(f"{labels['phone']} {person.phone}")
    if person.email:
        parts.append(f"{labels['email']} {person.email}")
    return f"{labels['contact_intro']} {', '.join(parts)}."


def when_and_where(kit: Kit) -> list[dict[str, str]]:
    """Date, time and place of the visit as label/value rows (for the letter and attachment)."""
    c = kit.common
    return [
        {"navn": c["date"], "verdi": kit.facts["dato"]},
        {"navn": c["time"], "verdi": kit.time_range},
        {"navn": c["location"], "verdi": kit.facts["sted"]},
    ]


def context(kit: Kit) -> dict[str, Any]:
    """Every field a letter template may use (Norwegian names, for template authors)."""
    labels, c, v = kit.labels(KIND), kit.common, kit.visit
    letter = kit.method.letter
    assert letter is not None
    site = kit.library.site
    staff = kit.method.staff_information
    if v is None:
        sender = {"navn": c["blank_municipality"], "adresse": []}
        recipient = {"navn": c["blank"], "stilling": "", "enhet": c["blank"]}
        signer = {"navn": c["blank"], "stilling": c["blank"]}
        letter_day = c["blank"]
    else:
        sender = {"navn": site.organisation or v.municipality, "adresse": list(site.address)}
        recipient = {
            "navn": v.unit_leader.name,
            "stilling": v.unit_leader.title or "",
            "enhet": v.unit,
        }
        leader = v.leadership.visit_leader
        signer = {"navn": leader.name, "stilling": leader.title or ""}
        letter_day = kit.date_long(letter_date(v), weekday=False)
    return {
        "tittel": letter.title,
        "avsender": sender,
        "mottaker": recipient,
        "brevdato": letter_day,
        "avsnitt": [
            {
                "tittel": s.title if s.show_title else "",
                "blokker": kit.blocks(s.text),
                "punkter": [kit.fill(p) for p in s.points],
            }
            for s in letter.sections
        ],
        "kontakt": _contact_line(kit),
        "hilsen": labels["greeting"],
        "underskrift": signer,
        "vedlegg": (
            {
                "tittel": staff.title,
                "blokker": kit.blocks(staff.text),
                "punkter": [kit.fill(i) for i in staff.items],
            }
            if staff
            else None
        ),
        "fakta": dict(kit.facts),
        "tid_og_sted": when_and_where(kit),
        "etiketter": {**c, **labels},
    }


def title(kit: Kit) -> str:
    assert kit.method.letter is not None
    return kit.labels(KIND)["pdf_title"].format(
        tittel=kit.method.letter.title, enhet=kit.facts["enhet"]
    )


def logo_path(kit: Kit) -> Path | None:
    logo = kit.library.site.logo
    return kit.library.project.root / logo if (logo and kit.visit is not None) else None


def template_path(kit: Kit) -> Path:
    """The site's own letter template for visits, else the default one."""
    custom = kit.library.site.letter_template
    if custom and kit.visit is not None:
        return kit.library.project.root / custom
    return kit.templates / KIND / DEFAULT_TEMPLATE


def typst_letter(kit: Kit) -> dict[str, Any]:
    """The letter's fields with what only the PDF needs: language, logo and language note."""
    logo = logo_path(kit)
    root = kit.library.project.root
    return {
        **context(kit),
        "lang": kit.language,
        "logo": "/" + logo.resolve().relative_to(root.resolve()).as_posix() if logo else None,
        "spraknotat": kit.language_note(KIND),
    }


def typst_pdf(
    document: Kit, letter_kits: Iterable[Kit], pdf_title: str, apart: bool = False
) -> bytes:
    """The letters of ``letter_kits`` in one PDF; ``document`` gives title, language, date
    (``apart``: laid out in a process of its own, for many letters)."""
    labels = document.common
    data = {
        "title": pdf_title,
        "author": document.creator,
        "lang": document.language,
        "date": typeset.date_parts(document.stamp),
        "page_label": labels["page"],
        "of_label": labels["of"],
        "letters": [typst_letter(kit) for kit in letter_kits],
    }
    template = document.templates / KIND / PDF_TEMPLATE
    return typeset.pdf(template, document.library.project.root, data, apart)


def pdf(kit: Kit) -> bytes:
    return typst_pdf(kit, [kit], title(kit))


def docx(kit: Kit) -> bytes:
    """Raises ``walkround_office.TemplateFieldError`` for a field the template cannot get."""
    ctx = context(kit)
    logo = logo_path(kit)
    if logo is None:
        ctx["logo"] = ""
    data = walkround_office.render_docx(
        template_path(kit), ctx, images={"logo": logo} if logo else None
    )
    data = walkround_office.append_note(data, kit.language_note(KIND))
    return walkround_office.normalise(
        data, title=title(kit), creator=kit.creator, when=kit.stamp, language=kit.language
    )


def build(kit: Kit) -> dict[str, bytes]:
    return {"invitasjonsbrev.pdf": pdf(kit), "invitasjonsbrev.docx": docx(kit)}
