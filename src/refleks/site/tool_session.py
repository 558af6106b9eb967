"""«Planlegg et møte»: the data the browser needs to plan a reflection meeting.

The agenda rule is ``refleks session``'s (``session.agenda``): its numbers are shipped as
data and the browser applies the same steps (whole minutes shared by the largest remainder,
a theme's intro a quarter of its time, rounded half to even as Python does). The message for
too short a meeting is captured from ``session.resolve`` itself, with ``{name}`` markers where
the probe's numbers stood.
"""

from __future__ import annotations

from typing import Any

from .. import urls
from ..content.model import Library
from ..errors import UsageError
from ..sessions import session


def _too_short(library: Library, reflection_id: str, role_id: str, themes: list[str]) -> str:
    minutes = 1
    needed = session.OPENING + session.CLOSING + session.THEME_MIN * len(themes)
    try:
        session.resolve(library, reflection_id, role_id, themes, minutes)
    except UsageError as exc:
        text = str(exc)
    else:  # pragma: no cover - the rule changed
        raise RuntimeError("refleks session accepted a one-minute meeting")
    text = text.replace(f"{minutes} minutter er", "{minutter} minutter er", 1)
    text = text.replace(f"minst {needed} minutter", "minst {trengs} minutter", 1)
    return text.replace(f"til {len(themes)} temaer", "til {antall} temaer", 1)


def _no_questions(library: Library, reflection_id: str, role_id: str, theme_id: str) -> str:
    try:
        session.resolve(library, reflection_id, role_id, [theme_id], 60)
    except UsageError as exc:
        text = str(exc).split(". Gyldige valg")[0]
    else:  # pragma: no cover - the rule changed
        raise RuntimeError("refleks session accepted a theme without questions")
    text = text.replace(f"«{theme_id}»", "«{tema}»", 1)
    return text.replace(f"«{role_id}»", "«{rolle}»", 1)


def _input_messages(library: Library, reflection_id: str, role_id: str) -> dict[str, str]:
    """What ``refleks session`` says about minutes and a start time it cannot read."""
    mark = "XMARKX"
    minutes = str(session.minutes_problem(mark)).replace(mark, "{verdi}")
    try:
        session.resolve(library, reflection_id, role_id, None, 600, start=mark)
    except UsageError as exc:
        start = str(exc).replace(mark, "{verdi}")
    try:
        session.resolve(library, reflection_id, role_id, [], 600)
    except UsageError as exc:
        no_theme = str(exc).split(". Gyldige valg")[0]
    return {"minutes": minutes, "start": start, "no_theme": no_theme}


def messages(library: Library) -> dict[str, str]:
    """Messages of ``session.resolve``: too short a meeting (one theme or several), a
    theme without questions for the chosen role."""
    out: dict[str, str] = {}
    for reflection in library.reflections.values():
        for role in library.roles_in_order():
            without = [t.id for t in reflection.themes if not t.questions.get(role.id)]
            if without and len(without) < len(reflection.themes) and "none" not in out:
                out["none"] = _no_questions(library, reflection.id, role.id, without[0])
            themes = [t.id for t in reflection.themes if t.questions.get(role.id)]
            if themes and "minutes" not in out:
                out.update(_input_messages(library, reflection.id, role.id))
            if themes and "one" not in out:
                out["one"] = _too_short(library, reflection.id, role.id, themes[:1])
            if len(themes) > 1 and "many" not in out:
                out["many"] = _too_short(library, reflection.id, role.id, themes[:2])
    return out


def data(library: Library) -> dict[str, Any]:
    roles = library.roles_in_order()
    return {
        "rule": {
            "opening": session.OPENING,
            "closing": session.CLOSING,
            "theme_min": session.THEME_MIN,
            "intro_share": session.INTRO_SHARE,
            "intro_min": session.INTRO_MIN,
        },
        "messages": messages(library),
        "roles": [{"id": r.id, "label": r.label} for r in roles],
        "reflections": [
            {
                "id": reflection.id,
                "title": reflection.title,
                "deck": urls.reflection_deck(reflection.id),
                "themes": [
                    {
                        "id": t.id,
                        "number": t.number,
                        "title": t.title,
                        "findings": len(t.findings),
                        "questions": {r.id: list(t.questions.get(r.id, [])) for r in roles},
                    }
                    for t in reflection.themes
                ],
            }
            for reflection in library.reflections.values()
        ],
    }
