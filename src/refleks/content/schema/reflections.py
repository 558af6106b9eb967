"""A reflection set (``content/reflections/<id>.yaml``) and its themes.

Origin: every text of a set is either the source's words (``kilden``) or written for
Refleks (``refleks``). A question, a theme's intro and notes, a theme and the set can each
say so; the nearest statement wins (question -> theme -> set). Where nothing says it, the
text is shown as written for Refleks: an author's words are never shown as the source's
(``refleks check`` warns about it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Discriminator, Tag, model_validator

from .common import Id, Line, Markdown, Model, Ref

Origin = Literal["kilden", "refleks"]
"""`kilden`: teksten står i kilden. `refleks`: teksten er skrevet for Refleks."""
TextOrigin = Literal["kilden", "sammendrag", "refleks"]
"""`kilden`: teksten står ordrett i kilden (kontrolleres). `sammendrag`: Refleks' sammendrag
av kilden med egne ord. `refleks`: teksten er skrevet for Refleks."""
UNSTATED: Origin = "refleks"
"""How a text is shown when nothing says where it comes from."""


class QuestionText(str):
    """A question's text that also knows its origin: ``stated`` is what the question itself
    says (or ``None``), ``authored_by`` what holds after the theme and the set are read."""

    stated: Origin | None = None
    authored_by: Origin = UNSTATED

    @property
    def text(self) -> str:
        return str(self)


class AuthoredQuestion(Model):
    """Et spørsmål med opphav: `{text: ..., authored_by: refleks}`."""

    model_config = ConfigDict(title="Spørsmål med opphav")

    text: str
    """Spørsmålet."""
    authored_by: Origin
    """`kilden` når spørsmålet står i kilden, `refleks` når det er skrevet for Refleks."""


def _as_question(value: str | AuthoredQuestion) -> QuestionText:
    if isinstance(value, AuthoredQuestion):
        question = QuestionText(value.text)
        question.stated = value.authored_by
        return question
    return QuestionText(value)


def _question_shape(value: Any) -> str:
    return "[tabell]" if isinstance(value, dict | AuthoredQuestion) else "[tekst]"


Question = Annotated[
    Annotated[str, Tag("[tekst]")] | Annotated[AuthoredQuestion, Tag("[tabell]")],
    Discriminator(_question_shape),
    AfterValidator(_as_question),
]
"""Et spørsmål: tekst, eller en tabell med `text` og `authored_by`."""


class ThemeNynorsk(Model):
    model_config = ConfigDict(title="Tema på nynorsk")

    title: str
    """Overskriften på nynorsk."""
    intro: Markdown = ""
    """Innledningen på nynorsk."""
    notes: Markdown = ""
    """Notatene på nynorsk."""
    questions: dict[Id, list[str]] = {}
    """Rolle-id -> spørsmålene på nynorsk, like mange og i samme rekkefølge som på bokmål.
    Spørsmål som står ordrett i kilden (`quote: true`), oversettes ikke."""


class ReflectionNynorsk(Model):
    model_config = ConfigDict(title="Refleksjonssett på nynorsk")

    title: str
    """Tittelen på nynorsk."""
    intro: Markdown = ""
    """Innledningen på nynorsk."""
    instruction: Markdown = ""
    """Instruksjonen på nynorsk."""


class Theme(Model):
    model_config = ConfigDict(title="Tema")

    id: Id
    """Temaets id, unik i refleksjonssettet."""
    number: int
    """Nummeret temaet har (1, 2, 3 ...)."""
    title: Line
    """Overskrift (høyst 90 tegn; lengre gir en advarsel, for den brytes over mange linjer på lysarkene)."""
    intro: Markdown = ""
    """Innledning til temaet."""
    intro_authored_by: TextOrigin | None = None
    """Hvor innledningen kommer fra: `kilden` (ordrett, kontrolleres), `sammendrag` (Refleks' sammendrag av kilden) eller `refleks` (ellers temaets eller settets `authored_by`)."""
    notes: Markdown = ""
    """Notater til den som leder samtalen (talenotater i lysarkene)."""
    notes_authored_by: TextOrigin | None = None
    """Hvor notatene kommer fra: `kilden` (ordrett, kontrolleres), `sammendrag` (Refleks' sammendrag av kilden) eller `refleks` (ellers temaets eller settets `authored_by`)."""
    findings: list[Ref] = []
    """Funn temaet bygger på: `<kilde-id>/<funn-id>`."""
    recommendations: list[Ref] = []
    """Anbefalinger temaet bygger på: `<kilde-id>/<anbefaling-id>`."""
    stories: list[Ref] = []
    """Fortellinger og sitater fra kilden som temaet viser etter funnene:
    `<kilde-id>/<fortelling-id>`."""
    questions: dict[Id, list[Question]]
    """Rolle-id -> spørsmål i rekkefølge. Et spørsmål er en tekst, eller
    `{text: ..., authored_by: refleks}` når akkurat det spørsmålet har et annet opphav enn
    resten av temaet. Spørsmål fra kilden skrives nøyaktig som der (og temaet får `quote: true`);
    spørsmål skrevet for Refleks merkes med `authored_by: refleks`."""
    quote: bool = False
    """`true` når spørsmålene i temaet står ordrett i kilden. `refleks check` kontrollerer da at hvert av dem finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`). Spørsmålene regnes da som kildens, også i et sett med `authored_by: refleks`."""
    nn: ThemeNynorsk | None = None
    """Temaet på nynorsk (`title`, `intro`, `notes`, `questions`), brukt når
    `content/site.yaml` har `language: nn`."""
    authored_by: Origin | None = None
    """Hvor temaets tekster (innledning, notater, spørsmål) kommer fra: `kilden` eller `refleks`. Uten: settets `authored_by`."""

    def stated_questions_origin(self, reflection: Reflection) -> Origin | None:
        """What the theme and the set say about the questions (``None``: nothing)."""
        if self.authored_by:
            return self.authored_by
        if self.quote:
            return "kilden"
        return reflection.authored_by

    @property
    def questions_origin(self) -> str:
        """The origin of all the theme's questions (``blandet`` when they differ)."""
        return origin_of(q for texts in self.questions.values() for q in texts)

    def origin_for(self, role_id: str) -> str:
        """The origin of the role's questions in the theme (``blandet`` when they differ)."""
        return origin_of(self.questions.get(role_id, []))

    def intro_origin(self, reflection: Reflection) -> TextOrigin:
        return self.intro_authored_by or self.authored_by or reflection.authored_by or UNSTATED

    def notes_origin(self, reflection: Reflection) -> TextOrigin:
        return self.notes_authored_by or self.authored_by or reflection.authored_by or UNSTATED


class Reflection(Model):
    model_config = ConfigDict(title="Refleksjonssett")

    id: Id
    """Refleksjonssettets id; lik filnavnet."""
    source: Id
    """Kilden settet bygger på."""
    title: Line
    """Tittel."""
    intro: Markdown = ""
    """Innledning (valgfritt)."""
    intro_authored_by: TextOrigin | None = None
    """Hvor innledningen kommer fra: `kilden` (ordrett, kontrolleres), `sammendrag` (Refleks' sammendrag av kilden) eller `refleks` (ellers settets `authored_by`)."""
    instruction: Markdown = ""
    """Instruksjonen til samtalen, for eksempel «Ta utgangspunkt i ditt ansvarsområde ...»."""
    authored_by: Origin | None = None
    """Hvor tekstene i settet kommer fra: `kilden` når de står i kilden, `refleks` når de er
    skrevet for Refleks. Gjelder alt i settet som ikke selv sier noe annet (et tema, et spørsmål,
    en innledning eller notater kan ha sitt eget). Står det ingen steder, vises tekstene som
    skrevet for Refleks, og `refleks check` gir en advarsel."""
    themes: list[Theme]
    """Temaene i rekkefølge."""
    nn: ReflectionNynorsk | None = None
    """Settet på nynorsk (`title`, `intro`, `instruction`), brukt når `content/site.yaml` har
    `language: nn`."""

    @model_validator(mode="after")
    def _resolve_question_origins(self) -> Reflection:
        for theme in self.themes:
            fallback = theme.stated_questions_origin(self) or UNSTATED
            for texts in theme.questions.values():
                for question in texts:
                    question.authored_by = question.stated or fallback
        return self

    @property
    def intro_origin(self) -> TextOrigin:
        return self.intro_authored_by or self.authored_by or UNSTATED

    @property
    def questions_origin(self) -> str:
        """``kilden`` or ``refleks`` when every question of the set has that origin, else
        ``blandet``."""
        return origin_of(
            q for theme in self.themes for texts in theme.questions.values() for q in texts
        )


def origin_of(questions: Iterable[Any]) -> str:
    """``kilden`` or ``refleks`` when all the questions (texts, or objects with a ``text``)
    have that origin; ``blandet`` when they differ."""
    found = {
        getattr(q, "authored_by", None) or getattr(q.text, "authored_by", UNSTATED)
        for q in questions
    }
    return found.pop() if len(found) == 1 else "blandet" if found else "kilden"
