"""A reflection set (``content/reflections/<id>.yaml``) and its themes."""

from __future__ import annotations

from typing import Literal

from .common import Id, Markdown, Model, Ref


class Theme(Model):
    id: Id
    """Temaets id, unik i refleksjonssettet."""
    number: int
    """Nummeret temaet har (1, 2, 3 ...)."""
    title: str
    """Overskrift."""
    intro: Markdown = ""
    """Innledning til temaet."""
    notes: Markdown = ""
    """Notater til den som leder samtalen (talenotater i lysarkene)."""
    findings: list[Ref] = []
    """Funn temaet bygger på: `<kilde-id>/<funn-id>`."""
    stories: list[Ref] = []
    """Fortellinger og sitater fra kilden som temaet viser etter funnene:
    `<kilde-id>/<fortelling-id>`."""
    questions: dict[Id, list[str]]
    """Rolle-id -> spørsmål i rekkefølge. Står spørsmålene i kilden, skrives de nøyaktig som der
    (og temaet får `quote: true`)."""
    quote: bool = False
    """`true` når spørsmålene i temaet står ordrett i kilden. `refleks check` kontrollerer da at hvert av dem finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class Reflection(Model):
    id: Id
    """Refleksjonssettets id; lik filnavnet."""
    source: Id
    """Kilden settet bygger på."""
    title: str
    """Tittel."""
    intro: Markdown = ""
    """Innledning (valgfritt)."""
    instruction: Markdown = ""
    """Instruksjonen til samtalen, for eksempel «Ta utgangspunkt i ditt ansvarsområde ...»."""
    authored_by: Literal["kilden", "refleks"] = "kilden"
    """`kilden` når spørsmålene står i kilden; `refleks` når de er skrevet for Refleks."""
    themes: list[Theme]
    """Temaene i rekkefølge."""
