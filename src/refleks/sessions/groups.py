"""Session kits for mixed groups: ``refleks session --role a,b`` and ``--role alle``.

The deck and handout show each question with the role it is for, theme by theme; the
group is named from ``templates/handouts/group.yaml``.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from ..content import schema
from ..content.model import Library
from ..decks import handouts, slides
from ..errors import UsageError
from ..messages import _

ALL = "alle"


def _choices(roles: list[schema.Role]) -> str:
    return ", ".join(f"{r.id} ({r.label})" for r in roles)


def parse_roles(library: Library, reflection: schema.Reflection, text: str) -> list[schema.Role]:
    """The roles named by ``--role``: one id, ids with commas between, or ``alle``; in the
    order of ``roles.yaml``. Unknown roles and roles without questions are errors."""
    set_roles = [
        r for r in library.roles_in_order() if any(r.id in t.questions for t in reflection.themes)
    ]
    valid = _("{choices}, {all} (alle rollene i settet)", choices=_choices(set_roles), all=ALL)
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if ids == [ALL]:
        return set_roles
    if not ids:
        raise UsageError(_("velg minst én rolle. Gyldige valg: {valid}", valid=valid))
    errors: list[str] = []
    seen: set[str] = set()
    for role_id in ids:
        if role_id in seen:
            errors.append(_("rollen «{role_id}» er valgt to ganger", role_id=role_id))
            continue
        seen.add(role_id)
        if role_id == ALL:
            errors.append(_("«{all}» kan ikke kombineres med andre roller", all=ALL))
        elif role_id not in library.roles:
            errors.append(_("rollen «{role_id}» finnes ikke", role_id=role_id))
        elif role_id not in {r.id for r in set_roles}:
            errors.append(
                _(
                    "rollen «{role_id}» har ingen spørsmål i refleksjonssettet «{reflection_id}»",
                    role_id=role_id,
                    reflection_id=reflection.id,
                )
            )
    if errors:
        said = functools.reduce(lambda a, b: _("{a}; {b}", a=a, b=b), errors)
        raise UsageError(_("{errors}. Gyldige valg: {valid}", errors=said, valid=valid))
    return [r for r in set_roles if r.id in ids]


GROUP_ROLE_ID = "blandet-gruppe"


def group_role(library: Library, roles: list[schema.Role]) -> schema.Role:
    """The role a kit is addressed to: the one role, or the group of them."""
    if len(roles) == 1:
        return roles[0]
    words = slides.group_words(library)
    labels = [r.label[0].lower() + r.label[1:] for r in roles]
    joined = ", ".join(labels[:-1]) + " og " + labels[-1]
    return schema.Role(
        id=GROUP_ROLE_ID,  # not the roles' ids joined: five of them are too long for an id
        label=words["label"],
        address=words["address"].format(labels=joined),
    )


def questions_in(theme: schema.Theme, roles: list[schema.Role]) -> int:
    return sum(len(theme.questions.get(r.id, [])) for r in roles)


def write_group_handout(
    printer: handouts.Printer,
    reflection: schema.Reflection,
    themes: list[schema.Theme],
    roles: list[schema.Role],
    target: Path,
) -> Path:
    """One page per theme and role, in the order of the themes."""
    sections = [
        handouts.Section(reflection, theme, role, theme.questions[role.id])
        for theme in themes
        for role in roles
        if theme.questions.get(role.id)
    ]
    source = printer.library.sources[reflection.source]
    return printer.pdf(
        "group.html.j2",
        target,
        sections=sections,
        role=group_role(printer.library, roles),
        themes=themes,
        sources=[source],
    )


def pacing(agenda: list[Any], slide_count: int) -> list[dict[str, Any]]:
    """Per slide (in order): its agenda item and its share of the item's time in seconds
    (the last slide of an item gets the remainder), for the speaker view's pacing."""
    per_slide: list[dict[str, Any]] = [{} for _slide in range(slide_count)]
    for item in agenda:
        first, last = item.slides
        count = last - first + 1
        seconds = item.minutes * 60
        for number in range(first, last + 1):
            timing = seconds // count + (seconds % count if number == last else 0)
            per_slide[number - 1] = {"item": item, "timing": timing}
    return per_slide
