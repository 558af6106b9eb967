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
from ..decks import slides
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


def _group_message(library: Library, reflection: Any, role_id: str) -> dict[str, str]:
    """``none_group`` from the first pair of the set's roles with a theme that has no
    question for either (none when the content has no such pair)."""
    for other in library.roles_with_questions(reflection.themes):
        pair = [role_id, other.id]
        empty = [t.id for t in reflection.themes if not any(t.questions.get(r) for r in pair)]
        if other.id != role_id and empty:
            return {"none_group": _no_questions_group(library, reflection.id, pair, empty[0])}
    return {}


def _no_questions_group(
    library: Library, reflection_id: str, roles: list[str], theme_id: str
) -> str:
    try:
        session.resolve(library, reflection_id, ",".join(roles), [theme_id], 60)
    except UsageError as exc:
        text = str(exc).split(". Gyldige valg")[0]
    else:  # pragma: no cover - the rule changed
        raise RuntimeError("refleks session accepted a theme without questions")
    text = text.replace(f"«{theme_id}»", "«{tema}»", 1)
    return text.replace(", ".join(f"«{r}»" for r in roles), "{roller}", 1)


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
    theme without questions for the chosen role (``none``) or roles (``none_group``); the
    browser fills in titles and labels where the command line names ids."""
    out: dict[str, str] = {}
    for reflection in library.reflections.values():
        for role in library.roles_in_order():
            without = [t.id for t in reflection.themes if not t.questions.get(role.id)]
            if without and len(without) < len(reflection.themes) and "none" not in out:
                out["none"] = _no_questions(library, reflection.id, role.id, without[0])
            if without and "none_group" not in out:
                out.update(_group_message(library, reflection, role.id))
            themes = [t.id for t in reflection.themes if t.questions.get(role.id)]
            if themes and "minutes" not in out:
                out.update(_input_messages(library, reflection.id, role.id))
            if themes and "one" not in out:
                out["one"] = _too_short(library, reflection.id, role.id, themes[:1])
            if len(themes) > 1 and "many" not in out:
                out["many"] = _too_short(library, reflection.id, role.id, themes[:2])
    return out


def handout_words(library: Library) -> dict[str, Any]:
    """The words of ``refleks session``'s guide, deck and handout (``templates/handouts/``),
    in the site's language: the tool's agenda and printout say what the kit says."""
    words = library.context.words("handouts")
    guide, common, deck = words["guide"], words["common"], words["slides"]
    group = slides.group_words(library)
    return {
        "agenda": {
            key: guide[key]
            for key in (
                "agenda_caption",
                "time",
                "minutes",
                "what",
                "opening",
                "theme_intro",
                "reflection_one",
                "reflection_many",
                "closing",
                "total",
            )
        },  # fmt: skip
        "theme": common["theme"],
        "minutes": common["minutes"],
        "meeting": deck["meeting"],
        "group": group["address"],
        "from": common["from"],
        "mark": common["mark"],
        "mark_starred": common["mark_starred"],
        "source": common["source"],
        "short_refleks": common["short_refleks"],
        "short_mixed": common["short_mixed"],
        "time_from_start": guide["time_from_start"],
    }


def _source(library: Library, source_id: str) -> dict[str, Any]:
    source = library.sources[source_id]
    return {"title": source.title, "publisher": source.publisher, "year": source.year}


def data(library: Library) -> dict[str, Any]:
    roles = library.roles_in_order()
    return {
        "kit": handout_words(library),
        "rule": {
            "opening": session.OPENING,
            "closing": session.CLOSING,
            "theme_min": session.THEME_MIN,
            "intro_share": session.INTRO_SHARE,
            "intro_min": session.INTRO_MIN,
        },
        "messages": messages(library),
        "roles": [{"id": r.id, "label": r.label, "address": r.address} for r in roles],
        "reflections": [
            {
                "id": reflection.id,
                "title": reflection.title,
                "deck": urls.reflection_deck(reflection.id),
                "source": _source(library, reflection.source),
                # only these roles are offered: the others have no question in the set
                "roles": [r.id for r in library.roles_with_questions(reflection.themes)],
                "themes": [
                    {
                        "id": t.id,
                        "number": t.number,
                        "title": t.title,
                        "findings": len(t.findings),
                        "questions": {r.id: list(t.questions.get(r.id, [])) for r in roles},
                        # per question: written for Refleks (the printout marks them)
                        "refleks": {
                            r.id: [q.authored_by == "refleks" for q in t.questions.get(r.id, [])]
                            for r in roles
                        },
                    }
                    for t in reflection.themes
                ],
            }
            for reflection in library.reflections.values()
        ],
    }
