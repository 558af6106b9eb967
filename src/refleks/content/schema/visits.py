"""A walkround visit (``content/visits/<id>.yaml``) and a year plan (``content/plans/<id>.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict

from .common import Id, IsoDate, Line, Model, Time


class Person(Model):
    model_config = ConfigDict(title="Person")

    name: Line
    """Navn."""
    title: Line | None = None
    """Stilling."""
    email: Line | None = None
    """E-post."""
    phone: Line | None = None
    """Telefon."""


class Leadership(Model):
    model_config = ConfigDict(title="Ledergruppe")

    top_leader: Person
    """Øverste leder."""
    visit_leader: Person
    """Leder for visitten; signerer brevene."""
    coordinator: Person
    """Koordinator/tilrettelegger."""
    secretary: Person | None = None
    """Sekretær (kan være koordinator)."""
    medical_advisor: Person | None = None
    """Medisinskfaglig rådgiver (valgfritt)."""
    observers: list[Person] = []
    """Linjeledere som observerer (tar ikke del i samtalen)."""


class Change(Model):
    model_config = ConfigDict(title="Endring")

    text: Line
    """Den konkrete endringen."""
    responsible: Line | None = None
    """Hvem er ansvarlig."""
    due: IsoDate | None = None
    """Frist (ÅÅÅÅ-MM-DD)."""
    status: Literal["ikke startet", "pågår", "ferdig"] = "ikke startet"
    """Status."""


class Action(Model):
    model_config = ConfigDict(title="Tiltak")

    problem: str
    """Identifisert problem."""
    goal: str = ""
    """Målsetting: hva ønsker vi å oppnå?"""
    measures: list[str] = []
    """Målinger som kan dokumentere forbedring."""
    changes: list[Change] = []
    """Konkrete endringer, hver med ansvarlig og frist."""


class Visit(Model):
    model_config = ConfigDict(title="Visitt")

    id: Id
    """Visittens id; lik filnavnet."""
    method: Id = "pasientsikkerhetsvisitt"
    """Metoden (id i `content/methods/`)."""
    municipality: Line
    """Kommunen eller virksomheten."""
    unit: Line
    """Enheten som besøkes."""
    unit_leader: Person
    """Lederen for enheten; mottar invitasjonen."""
    date: IsoDate
    """Dato for visitten (ÅÅÅÅ-MM-DD)."""
    time: Time
    """Klokkeslett, for eksempel "13:00"."""
    duration_minutes: int = 60
    """Varighet i minutter; metoden sier høyst én time."""
    location: Line | None = None
    """Sted."""
    leadership: Leadership
    """Ledergruppen for visitten."""
    participants: list[Line]
    """Samtalegruppen: stillingene til de fem deltakerne."""
    unit_leader_in_conversation: bool = False
    """`true` hvis enhetslederen skal delta i samtalen (metoden fraråder det)."""
    contact: Person | None = None
    """«For mer informasjon, kontakt»."""
    letter_date: IsoDate | None = None
    """Datoen brevet skrives (valgfritt; ellers to uker før visitten)."""
    actions: list[Action] = []
    """Tiltaksplanen: 1-3 problemer."""
    language: Literal["nb", "nn"] | None = None
    """Språket i visittdokumentene: `nb` (bokmål) eller `nn` (nynorsk); ellers årsplanens eller nettstedets."""


class PlanDefaults(Model):
    model_config = ConfigDict(title="Felles for visittene")

    method: Id | None = None
    """Metoden for alle visittene."""
    municipality: Line | None = None
    """Kommunen eller virksomheten."""
    time: Time | None = None
    """Klokkeslett, for eksempel "13:00"."""
    duration_minutes: int | None = None
    """Varighet i minutter."""
    location: Line | None = None
    """Sted."""
    leadership: Leadership | None = None
    """Ledergruppen for visittene."""
    contact: Person | None = None
    """«For mer informasjon, kontakt»."""
    participants: list[Line] | None = None
    """Samtalegruppen: stillingene til de fem deltakerne."""


class Plan(Model):
    model_config = ConfigDict(title="Årsplan")

    id: Id
    """Årsplanens id; lik filnavnet."""
    title: Line
    """Tittel, for eksempel «Pasient- og brukersikkerhetsvisitter 2027»."""
    language: Literal["nb", "nn"] | None = None
    """Språket i dokumentene: `nb` eller `nn` (ellers nettstedets)."""
    defaults: PlanDefaults = PlanDefaults()
    """Det som er likt for alle visittene; en visitt kan overstyre hver nøkkel."""
    visits: list[dict[str, object]]
    """Visittene, med de samme nøklene som en visittfil (`id`, `unit`, `unit_leader`, `date` ...)."""
