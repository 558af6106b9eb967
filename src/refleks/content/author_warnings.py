"""Warnings for what an author can easily get wrong in a reflection set and the roles:
texts that do not say where they come from, two themes with the same number, a theme
without questions, and headings too long to read."""

from __future__ import annotations

from ..errors import Problems
from ..messages import _
from . import schema
from .model import Library
from .yamlread import Document, KeyPath, format_path

HEADING_MAX = 90
"""The longest heading (in characters) that reads well on a page, a slide and a handout."""

ORIGIN_EXPECTED = _(
    "authored_by: kilden (står i kilden) eller authored_by: refleks (skrevet for Refleks)"
)
ORIGIN_HINT = _(
    "skriv «authored_by: ...» på settet (gjelder alt i det) eller på "
    "temaet; til da vises tekstene som skrevet for Refleks"
)


def _warn(problems: Problems, doc: Document, path: KeyPath, message: str, **kw: str) -> None:
    line, col = doc.where(path)
    problems.warn(doc.file, line, col, format_path(path), message, **kw)


def _unstated_in_theme(reflection: schema.Reflection, theme: schema.Theme) -> list[str]:
    """What in the theme has no statement of its origin anywhere in the chain."""
    if theme.authored_by or reflection.authored_by:
        return []
    missing = []
    if theme.intro and not theme.intro_authored_by:
        missing.append("innledningen")
    if theme.notes and not theme.notes_authored_by:
        missing.append("notatene")
    if theme.stated_questions_origin(reflection) is None:
        count = sum(1 for texts in theme.questions.values() for q in texts if q.stated is None)
        if count:
            missing.append(_("1 spørsmål") if count == 1 else _("{count} spørsmål", count=count))
    return missing


def _check_origins(reflection: schema.Reflection, doc: Document, problems: Problems) -> None:
    if not reflection.authored_by and (
        (reflection.intro and not reflection.intro_authored_by) or reflection.instruction
    ):
        _warn(
            problems,
            doc,
            ("intro",)
            if reflection.intro and not reflection.intro_authored_by
            else ("instruction",),
            _(
                "det står ikke om innledningen eller instruksjonen til settet står i "
                "kilden eller er skrevet for Refleks"
            ),
            written=_("uten authored_by"),
            expected=ORIGIN_EXPECTED,
            hint=ORIGIN_HINT,
        )
    for t, theme in enumerate(reflection.themes):
        missing = _unstated_in_theme(reflection, theme)
        if missing:
            _warn(
                problems,
                doc,
                ("themes", t),
                _(
                    "det står ikke om tekstene i temaet «{theme}» står i kilden "
                    "eller er skrevet for Refleks",
                    theme=theme.title,
                ),
                written=_("uten authored_by: {missing}", missing=", ".join(missing)),
                expected=ORIGIN_EXPECTED,
                hint=ORIGIN_HINT,
            )


def _check_themes(reflection: schema.Reflection, doc: Document, problems: Problems) -> None:
    first: dict[int, int] = {}
    for t, theme in enumerate(reflection.themes):
        if theme.number in first:
            line = doc.where(("themes", first[theme.number], "number"))[0]
            _warn(
                problems,
                doc,
                ("themes", t, "number"),
                _(
                    "to temaer har nummer {theme_number} (linje {line} og {other})",
                    theme_number=theme.number,
                    line=line,
                    other=doc.where(("themes", t, "number"))[0],
                ),
                written=str(theme.number),
                expected=_("et nummer ingen andre temaer i settet har"),
                hint=_("temaene vises i rekkefølgen i filen; nummeret står i overskriftene"),
            )
        else:
            first[theme.number] = t
        if not any(theme.questions.values()):
            _warn(
                problems,
                doc,
                ("themes", t, "questions"),
                _("temaet «{theme}» har ingen spørsmål", theme=theme.title),
                expected=_("minst ett spørsmål til minst én rolle"),
                hint=_(
                    "temaet vises uten refleksjonsspørsmål; legg til spørsmål under en rolle-id"
                ),
            )
        if len(theme.title) > HEADING_MAX:
            _warn(
                problems,
                doc,
                ("themes", t, "title"),
                _(
                    "overskriften er {length} tegn, over {most}",
                    length=len(theme.title),
                    most=HEADING_MAX,
                ),
                written=theme.title,
                expected=_("en overskrift på høyst {most} tegn", most=HEADING_MAX),
                hint=_(
                    "lange overskrifter brytes over mange linjer på lysark og utskrifter; "
                    "flytt det som forklarer, til «intro»"
                ),
            )


def _check_role_headings(doc: Document, problems: Problems) -> None:
    """A role's ``address`` is the heading over its questions on every theme page (the
    ``examples`` go on a line under it)."""
    for i, item in enumerate(doc.data if isinstance(doc.data, list) else []):
        address = item.get("address") if isinstance(item, dict) else None
        if isinstance(address, str) and len(address) > HEADING_MAX:
            _warn(
                problems,
                doc,
                (i, "address"),
                _(
                    "overskriften er {length} tegn, over {most}",
                    length=len(address),
                    most=HEADING_MAX,
                ),
                written=address,
                expected=_("en overskrift på høyst {most} tegn", most=HEADING_MAX),
                hint=_(
                    "«address» er overskriften over rollens spørsmål på hver temaside; "
                    "stillingene i «examples» står på en linje under den"
                ),
            )


def check_authoring(library: Library, problems: Problems, roles: Document | None) -> None:
    """Warn about unstated origins, duplicate theme numbers, empty themes, long headings."""
    for reflection in library.reflections.values():
        doc = library.documents[("reflection", reflection.id)]
        _check_origins(reflection, doc, problems)
        _check_themes(reflection, doc, problems)
    if roles is not None:
        _check_role_headings(roles, problems)
