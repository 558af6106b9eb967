"""The minutes template (referat) as DOCX with the visit's facts filled in.

Facts of the visit (unit, date, who took part), the method's ``minutes`` sections with room
to write, the action plan as far as the visit file has it, and the deadlines for the
minutes and the follow-up visit.
"""

from __future__ import annotations

from typing import Any

from ..deadlines import LABEL_KEYS
from ..kit import Kit
from . import actionplans
from . import office as walkround_office
from .calendar import items as timeline_items

KIND = "minutes"
DEADLINE_KEYS = ("minutes", "follow_up")


def facts(kit: Kit) -> list[dict[str, str]]:
    """Label/value rows for the minutes' fact table (dotted lines in the blank)."""
    c, v = kit.common, kit.visit
    rows = [
        (c["unit"], kit.facts["enhet"]),
        (c["municipality"], kit.facts["kommune"]),
        (c["date"], kit.facts["dato"]),
        (c["time"], kit.time_range),
        (c["location"], kit.facts["sted"]),
    ]
    if v is None:
        rows += [
            (c[k], c["blank"])
            for k in ("visit_leader", "top_leader", "coordinator", "secretary", "participants")
        ]
    else:
        lead = v.leadership
        rows += [
            (c["unit_leader"], kit.person(v.unit_leader)),
            (c["visit_leader"], kit.person(lead.visit_leader)),
            (c["top_leader"], kit.person(lead.top_leader)),
            (c["coordinator"], kit.person(lead.coordinator)),
            (c["secretary"], kit.person(lead.secretary or lead.coordinator)),
        ]
        if lead.medical_advisor:
            rows.append((c["medical_advisor"], kit.person(lead.medical_advisor)))
        if lead.observers:
            rows.append((c["observers"], "; ".join(kit.person(p) for p in lead.observers)))
        rows.append((c["participants"], ", ".join(v.participants)))
    return [{"navn": name, "verdi": value} for name, value in rows]


def signers(kit: Kit) -> list[dict[str, str]]:
    """Who signs the minutes: the top leader and the visit leader (once when the same
    person), as «Navn, stilling (øverste leder)»; the roles alone in the blank."""
    c, v = kit.common, kit.visit
    if v is None:
        return [{"navn": c[k]} for k in ("top_leader", "visit_leader")]
    lead = v.leadership
    people = [(lead.top_leader, c["top_leader"]), (lead.visit_leader, c["visit_leader"])]
    if lead.top_leader.name == lead.visit_leader.name:
        people = people[:1]
    return [{"navn": f"{kit.person(p)} ({role.lower()})"} for p, role in people]


def _section(kit: Kit, section: Any) -> dict[str, Any]:
    return {
        "tittel": section.title,
        "blokker": kit.blocks(section.text),
        "punkter": [kit.fill(i) for i in section.items],
    }


def context(kit: Kit) -> dict[str, Any]:
    labels = kit.labels(KIND)
    if kit.visit is not None:
        deadlines = [
            labels["deadline_line"].format(hva=i["title"], dato=i["date_text"])
            for i in timeline_items(kit)
            if i["key"] in DEADLINE_KEYS
        ]
    else:
        events = kit.labels("calendar")["events"]
        deadlines = [
            labels["deadline_line"].format(
                hva=events[LABEL_KEYS[k]]["title"], dato=kit.common["blank"]
            )
            for k in DEADLINE_KEYS
        ]
    sections = [s for s in kit.method.minutes if s.id not in labels["covered_by_facts"]]
    signing = labels["signature_section"]
    return {
        "tittel": labels["title"].format(metode=kit.method.title),
        "fakta": facts(kit),
        "avsnitt": [_section(kit, s) for s in sections if s.id != signing],
        "underskrift": [_section(kit, s) for s in sections if s.id == signing],
        "tiltaksplan": labels["action_plan"],
        "kolonner": actionplans.columns(kit),
        "rader": actionplans.docx_rows(kit, actionplans.groups(kit)),
        "frister_tittel": labels["deadlines"],
        "frister": deadlines,
        "signaturer": signers(kit),
        "dato_etikett": kit.common["date"],
    }


def docx(kit: Kit) -> bytes:
    labels = kit.labels(KIND)
    data = walkround_office.render_docx(kit.templates / KIND / "referat.docx", context(kit))
    data = walkround_office.append_note(data, kit.language_note(KIND))
    return walkround_office.normalise(
        data,
        title=labels["doc_title"].format(enhet=kit.facts["enhet"]),
        creator=kit.creator,
        when=kit.stamp,
        language=kit.language,
    )


def build(kit: Kit) -> dict[str, bytes]:
    return {"referat.docx": docx(kit)}
