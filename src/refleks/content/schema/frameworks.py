"""A framework, method or tool (``content/frameworks/<id>.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict

from .common import Discrepancy, Id, Line, Link, Markdown, Model


class FrameworkNynorsk(Model):
    model_config = ConfigDict(title="Rammeverk på nynorsk")

    summary: Markdown
    """Beskrivelsen på nynorsk."""
    key_ideas: list[Markdown] = []
    """Grunntankene på nynorsk, like mange som på bokmål."""
    refleks_note: Markdown = ""
    """Tillegget skrevet for Refleks, på nynorsk."""


class Framework(Model):
    model_config = ConfigDict(title="Rammeverk")

    id: Id
    """Id; lik filnavnet."""
    name: Line
    """Fullt navn."""
    acronym: Line | None = None
    """Forkortelse, for eksempel «FRAM»."""
    kind: Literal["rammeverk", "metode", "verktøy", "opplæringsprogram", "modell"] = "rammeverk"
    """Hva slags rammeverk det er."""
    origin: Line | None = None
    """Hvem som har utviklet det, og når."""
    summary: Markdown
    """Beskrivelse med egne ord."""
    key_ideas: list[Markdown] = []
    """Grunntanker."""
    sources: list[Id]
    """Kildene som omtaler rammeverket."""
    links: list[Link] = []
    """Lenker for å lese mer."""
    discrepancies: list[Discrepancy] = []
    """Der kildene omtaler rammeverket ulikt."""
    refleks_note: Markdown = ""
    """Tillegg skrevet for Refleks: opplysninger som ikke står i kilden (for eksempel hvem som har
    utviklet rammeverket og hva det går ut på). Vises
    merket «Skrevet for Refleks – står ikke i kilden». Alt annet i filen skal stå i kilden."""
    nn: FrameworkNynorsk | None = None
    """Beskrivelsen på nynorsk (`summary`, `key_ideas`, `refleks_note`), brukt når
    `content/site.yaml` har `language: nn`. Navnet er rammeverkets eget og oversettes ikke."""
