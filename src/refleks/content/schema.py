"""The content model as pydantic models: the contract for everything under ``content/``.

The docstring under each field is the authors' documentation: the page "Innholdsmodellen"
on the site is generated from these models, so the reference cannot drift from the code.
Every plain YAML scalar arrives here as the text the author wrote (see ``yamlread``);
fields that want numbers, dates or yes/no turn that text into a value here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

ID_PATTERN = r"^[a-z][a-z0-9-]{0,63}$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]
"""Lower-case a-z, 0-9 and -, starting with a letter, at most 64 characters."""

Ref = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,63}/[a-z][a-z0-9-]{0,63}$")]
"""A reference to an item in another file: ``<fil-id>/<element-id>``."""

Markdown = Annotated[str, "markdown"]
"""Text that may use Markdown (lists, **uthevet**, lenker)."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_URL = re.compile(r"^(https?://|mailto:)[^\s<>\"]+$")
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
"""A time of day, ``TT:MM`` (24 hours, ASCII digits only)."""
_TIME = re.compile(TIME_PATTERN, re.ASCII)
# dates the walkround's deadlines (months and working days later) can still be counted from
FIRST_YEAR, LAST_YEAR = 1900, 2199


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not _ISO_DATE.match(value):
            raise ValueError("iso_date")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("iso_date") from None
        value = day
    if isinstance(value, dt.date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError("date_range")
    return value


def _line(value: str) -> str:
    """One line: no line break, tab or other control character (names go into calendar
    entries, file names and letter headings)."""
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in value):
        raise ValueError("one_line")
    return value


def _url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError("url")
    return value


def _time(value: str) -> str:
    if not _TIME.match(value):
        raise ValueError("time")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Url = Annotated[str, AfterValidator(_url)]
Time = Annotated[str, AfterValidator(_time)]
Line = Annotated[str, AfterValidator(_line)]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", use_attribute_docstrings=True, frozen=True, str_strip_whitespace=False
    )


# --------------------------------------------------------------------------- shared


class Link(Model):
    text: str
    """Lenketeksten som vises."""
    url: Url
    """Adressen (https://, http:// eller mailto:). Vises som lenke; nettstedet laster aldri noe fra den."""


class Discrepancy(Model):
    """Et sted der kildene (eller én kilde) sier ulike ting."""

    id: Id
    """Id for merknaden, unik i filen."""
    text: Markdown
    """Hva som står ulikt, og hvor. Begge versjonene gjengis."""
    versions: list[str] = []
    """Ordlyden i hver versjon, slik de står i kilden."""


class Section(Model):
    id: Id
    """Id for avsnittet, unik i filen."""
    title: str
    """Overskrift."""
    text: Markdown = ""
    """Brødtekst."""
    items: list[Markdown] = []
    """Punkter (valgfritt)."""


# --------------------------------------------------------------------------- site and roles


class Contact(Model):
    name: str | None = None
    """Navn på kontaktperson eller -enhet."""
    email: str | None = None
    """E-postadresse."""
    phone: str | None = None
    """Telefonnummer, skrevet slik det skal vises."""
    url: Url | None = None
    """Nettadresse."""


class Site(Model):
    title: str
    """Nettstedets tittel."""
    description: str = ""
    """Kort beskrivelse (brukes i metadata og på forsiden)."""
    publisher: str
    """Hvem som gir ut nettstedet."""
    language: Literal["nb", "nn"] = "nb"
    """Språk: `nb` (bokmål) eller `nn` (nynorsk) for nettstedets eget grensesnitt, og standard for visittdokumentene."""
    contact: Contact | None = None
    """Kontakt for spørsmål om innholdet."""
    url: Url | None = None
    """Adressen nettstedet publiseres på (valgfritt)."""
    organisation: str | None = None
    """Kommunens eller virksomhetens navn i brev (valgfritt; ellers fra visitten)."""
    address: list[str] = []
    """Postadresse i brevhodet, én linje per punkt (valgfritt)."""
    logo: str | None = None
    """Sti til logo for brev, relativt til prosjektmappen (valgfritt)."""
    letter_template: str | None = None
    """Sti til egen brevmal i DOCX, relativt til prosjektmappen (valgfritt)."""
    engine: Literal["mkdocs", "zensical"] = "mkdocs"
    """Nettstedsmotoren som bygger sidene: `mkdocs` (MkDocs med Material, standard) eller `zensical` (etterfølgeren). `refleks build --engine` overstyrer valget for ett bygg."""


class Role(Model):
    id: Id
    """Rollens id, for eksempel `leder-gjennomgang`."""
    label: str
    """Kort navn til menyer og filtre."""
    address: str
    """Hvordan spørsmålene henvender seg til rollen: «Til deg som ...»."""
    examples: list[str] = []
    """Eksempler på stillinger i rollen."""
    level: int | None = None
    """Rekkefølge (1 først)."""
    description: Markdown = ""
    """Lengre beskrivelse (valgfritt)."""


# --------------------------------------------------------------------------- sources


class Finding(Model):
    id: Id
    """Funnets id, unik i kilden."""
    number: int | None = None
    """Nummeret funnet har i kilden."""
    title: str
    """Overskrift."""
    text: Markdown
    """Funnet, med egne ord eller (med `quote: true`) ordrett fra kilden."""
    quote: bool = False
    """`true` når teksten står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class Recommendation(Model):
    id: Id
    """Id, unik i kilden."""
    number: int | None = None
    """Nummeret i kilden."""
    kind: Literal["anbefaling", "forbedringspunkt", "forbedringsområde"] = "anbefaling"
    """`anbefaling` når kilden anbefaler, ellers `forbedringspunkt` eller `forbedringsområde`."""
    title: str | None = None
    """Kort overskrift (valgfritt)."""
    to: list[str] = []
    """Hvem anbefalingen er rettet til."""
    text: Markdown
    """Anbefalingen."""
    quote: bool = False
    """`true` når teksten står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    findings: list[Id] = []
    """Funn i samme kilde som anbefalingen bygger på."""


class Statistic(Model):
    id: Id
    """Tabellens id, unik i kilden."""
    label: str | None = None
    """Tabellens nummer i kilden, for eksempel «Tabell 1»."""
    title: str
    """Tabelltittel (blir tabellens caption)."""
    unit: str
    """Enhet for tallene, for eksempel «antall tilfeller»."""
    columns: list[str]
    """Kolonneoverskrifter."""
    rows: list[list[str | None]]
    """Radene. Tallene skrives nøyaktig som i kilden; tomme celler som `~`."""
    n: str | None = None
    """Antall svar eller enheter tabellen bygger på."""
    period: str | None = None
    """Periode eller år tallene gjelder."""
    note: Markdown | None = None
    """Merknad fra kilden."""
    caveats: list[Markdown] = []
    """Forbehold: manglende data, overlappende kategorier og lignende."""
    overlapping: bool = False
    """`true` når kategoriene overlapper (ingen del-av-helhet-figurer)."""
    chart: Literal["ingen", "linje", "stolpe"] = "ingen"
    """Figur laget ved bygging: `linje` for tidsserier, `stolpe` for sammenligning."""
    total_row: bool = False
    """`true` når siste rad er en sumrad (for eksempel «2012-2016»): den står i tabellen, men
    tegnes ikke i figuren."""


class Story(Model):
    id: Id
    """Id, unik i kilden."""
    kind: Literal["historie", "sitat"] = "historie"
    """`historie` for en case-fortelling, `sitat` for et sitat."""
    title: str | None = None
    """Overskrift (valgfritt)."""
    text: Markdown
    """Fortellingen eller sitatet."""
    attribution: str | None = None
    """Hvem eller hvor sitatet eller fortellingen kommer fra."""
    quote: bool = False
    """`true` når teksten står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class Reference(Model):
    id: Id
    """Id, unik i kilden."""
    text: str
    """Referansen slik den skal vises, for eksempel «Arbeidsmiljøloven § 4-3»."""
    url: Url | None = None
    """Lenke (valgfritt)."""


class Definition(Model):
    id: Id
    """Id, unik i kilden."""
    term: str
    """Begrepet."""
    text: Markdown
    """Definisjonen."""
    attribution: str | None = None
    """Hvem definisjonen er hentet fra (valgfritt)."""
    quote: bool = False
    """`true` når definisjonen står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class KeyFigure(Model):
    id: Id
    """Id, unik i kilden."""
    value: str
    """Tallet slik kilden skriver det, for eksempel «13 %»."""
    text: Markdown
    """Hva tallet betyr."""
    cited: str | None = None
    """Kilden tallet oppgis fra (valgfritt)."""


class CatalogueGroup(Model):
    id: Id
    """Id, unik i katalogen."""
    title: str
    """Gruppens overskrift."""
    intro: Markdown = ""
    """Innledning (valgfritt)."""
    items: list[Markdown] = []
    """Punktene i gruppen."""


class Catalogue(Model):
    id: Id
    """Id, unik i kilden."""
    title: str
    """Overskrift, for eksempel «Eksempler på tiltak»."""
    intro: Markdown = ""
    """Innledning."""
    groups: list[CatalogueGroup]
    """Gruppene."""


class SurveyQuestion(Model):
    text: str
    """Spørsmålet nøyaktig som i kilden."""
    options: list[str] = []
    """Svaralternativer (valgfritt)."""
    help: Markdown = ""
    """Forklaring i kilden (valgfritt)."""


class Questionnaire(Model):
    id: Id
    """Id, unik i kilden."""
    title: str
    """Overskrift, for eksempel «Vedlegg 2 – Forespørsel til RHF»."""
    intro: Markdown = ""
    """Innledning."""
    questions: list[SurveyQuestion]
    """Spørsmålene i rekkefølge."""
    quote: bool = False
    """`true` når spørsmålene står ordrett i kilden. `refleks check` kontrollerer da at hvert av dem finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class Source(Model):
    id: Id
    """Kildens id; må være lik filnavnet uten `.yaml`."""
    title: str
    """Tittel nøyaktig som i kilden."""
    subtitle: str | None = None
    """Undertittel (valgfritt)."""
    publisher: str
    """Utgiver, for eksempel «Ukom» eller «Helsedirektoratet»."""
    kind: Literal[
        "rapport", "sammendrag", "kartlegging", "læringsmateriell", "presentasjon", "veileder"
    ]
    """Hva slags dokument kilden er."""
    year: int | None = None
    """Utgivelsesår."""
    authors: list[str] = []
    """Forfattere eller foredragsholdere (valgfritt)."""
    url: Url | None = None
    """Lenke til kilden. Vises som lenke, lastes aldri av nettstedet."""
    links: list[Link] = []
    """Andre lenker fra kilden (film, rapport, lovtekst)."""
    sharing: Literal["open", "summary-only"] = "open"
    """`open`, eller `summary-only` når materialet bare kan oppsummeres, ikke gjengis."""
    reuse_terms: str | None = None
    """Vilkårene for gjenbruk slik kilden selv oppgir dem, ordrett. Oppgir kilden ingen, utelates feltet; nettstedet sier da det."""
    part_of: Id | None = None
    """Kilden er en del av en annen kilde (for eksempel et innlegg i en konferanse)."""
    audiences: list[str] = []
    """Hvem kilden henvender seg til."""
    bodies: list[str] = []
    """Instanser kilden omtaler (valgfritt)."""
    summary: Markdown
    """Sammendrag med egne ord."""
    sections: list[Section] = []
    """Andre avsnitt: bakgrunn, hva noe betyr i praksis, oppsummeringer."""
    definitions: list[Definition] = []
    """Definisjoner kilden bruker."""
    key_figures: list[KeyFigure] = []
    """Nøkkeltall."""
    findings: list[Finding] = []
    """Funn."""
    recommendations: list[Recommendation] = []
    """Anbefalinger og forbedringspunkter."""
    statistics: list[Statistic] = []
    """Tabeller; tallene nøyaktig som publisert."""
    stories: list[Story] = []
    """Sitater og case-fortellinger."""
    catalogues: list[Catalogue] = []
    """Lister i grupper, for eksempel en tiltakskatalog."""
    questionnaires: list[Questionnaire] = []
    """Spørreskjemaer kilden gjengir."""
    references: list[Reference] = []
    """Referanser, lover og forskrifter."""
    frameworks: list[Id] = []
    """Rammeverk og verktøy kilden nevner (id-er i `content/frameworks/`)."""
    discrepancies: list[Discrepancy] = []
    """Steder der kilden sier ulike ting; vises som merknad på siden."""
    refleks_note: Markdown = ""
    """Tillegg skrevet for Refleks: opplysninger som ikke står i kilden (for eksempel en tittel
    Refleks har satt på et dokument uten tittel). Vises
    merket «Skrevet for Refleks – står ikke i kilden». Alt annet i filen skal stå i kilden."""


# --------------------------------------------------------------------------- reflections


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


# --------------------------------------------------------------------------- frameworks


class Framework(Model):
    id: Id
    """Id; lik filnavnet."""
    name: str
    """Fullt navn."""
    acronym: str | None = None
    """Forkortelse, for eksempel «FRAM»."""
    kind: Literal["rammeverk", "metode", "verktøy", "opplæringsprogram", "modell"] = "rammeverk"
    """Hva slags rammeverk det er."""
    origin: str | None = None
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


# --------------------------------------------------------------------------- walkround method


class MethodRole(Model):
    id: Id
    """Id, unik i metoden."""
    title: str
    """Rollens navn, for eksempel «Koordinator/tilrettelegger»."""
    who: str = ""
    """Hvem som kan ha rollen."""
    tasks: list[Markdown] = []
    """Oppgavene."""
    required: bool = True
    """Om gruppen bør ha rollen (`false` for anbefalte roller)."""


class Step(Model):
    id: Id
    """Id, unik i fasen."""
    text: Markdown
    """Hva som skal gjøres."""
    who: str | None = None
    """Hvem som gjør det."""
    timing: str | None = None
    """Når, for eksempel «i løpet av fire virkedager»."""


class Phase(Model):
    id: Id
    """Id, unik i metoden."""
    title: str
    """Fasens navn: Forberedelse, Gjennomføring, Oppfølging."""
    intro: Markdown = ""
    """Innledning."""
    steps: list[Step]
    """Trinnene i rekkefølge."""


class LetterSection(Model):
    id: Id
    """Id, unik i brevet."""
    title: str
    """Overskrift i brevet."""
    text: Markdown = ""
    """Tekst. Kan bruke feltene {enhet}, {kommune}, {ledere} (øverste leder og leder for
    visitten), {dato}, {klokkeslett}, {sted}, {varighet}."""
    points: list[str] = []
    """Punkter (for eksempel formålet i fire punkter)."""
    quote: bool = False
    """`true` når teksten og punktene står ordrett i kilden. `refleks check` kontrollerer da at de finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`); et felt som {enhet} står for et tomt felt
    i kilden (prikker eller understrek) og godtar hva som helst der."""
    show_title: bool = True
    """Om overskriften skrives i brevet. `false` for avsnitt som ikke har overskrift i
    veilederens brev (innledningen, formålet, kontakt og hilsen); tittelen brukes da bare
    til å vise brevets oppbygning."""


class LetterField(Model):
    id: Id
    """Id for feltet."""
    label: str
    """Feltets navn i brevmalen."""


class Letter(Model):
    title: str
    """Brevets overskrift."""
    fields: list[LetterField] = []
    """Feltene som fylles ut i brevet."""
    sections: list[LetterSection]
    """Avsnittene i rekkefølge."""


class GuideCategory(Model):
    id: Id
    """Id, unik i spørsmålsguiden."""
    title: str
    """Kategoriens navn."""
    questions: list[str]
    """Spørsmålene nøyaktig som i veilederen."""
    subpoints: dict[int, list[str]] = {}
    """Underpunkter til et spørsmål (valgfritt): spørsmålets nummer i kategorien (1, 2, 3 ...)
    -> punktene, nøyaktig som i veilederen."""
    quote: bool = False
    """`true` når spørsmålene og underpunktene står ordrett i kilden. `refleks check` kontrollerer da at hvert av dem finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class QuestionGuide(Model):
    title: str
    """Overskrift."""
    intro: Markdown = ""
    """Innledning."""
    categories: list[GuideCategory]
    """Kategoriene i rekkefølge."""


class PlanColumn(Model):
    id: Literal["problem", "goal", "measures", "changes", "responsible", "due"]
    """Kolonnens faste id (brukes i visittfilens `actions`)."""
    title: str
    """Kolonneoverskriften slik veilederen skriver den."""
    help: str = ""
    """Forklaring under overskriften."""


class PlanExample(Model):
    problem: str
    """Identifisert problem."""
    goal: str
    """Målsetting."""
    measures: str
    """Målinger som viser forbedring."""
    changes: str
    """Konkrete endringer."""
    responsible: str
    """Hvem er ansvarlig."""
    due: str
    """Når."""


class ActionPlan(Model):
    title: str
    """Overskrift, for eksempel «Tiltaksplan»."""
    intro: Markdown = ""
    """Innledning."""
    columns: list[PlanColumn]
    """De seks kolonnene i rekkefølge."""
    examples: list[PlanExample] = []
    """Eksempelrader fra veilederen."""


class Deadlines(Model):
    reminder_days_before: int = 7
    """Påminnelse til enheten så mange dager før visitten."""
    minutes_working_days: int = 4
    """Referatet sendes innen så mange virkedager etter visitten."""
    follow_up_months: int = 3
    """Oppfølgingsvisitt så mange måneder etter visitten."""
    max_minutes: int = 60
    """Lengste varighet for visitten, i minutter."""
    group_size: int = 5
    """Ideell størrelse på samtalegruppen."""
    max_problems: int = 3
    """Høyeste antall problemer i tiltaksplanen."""


class Method(Model):
    id: Id
    """Id; lik filnavnet."""
    source: Id
    """Kilden metoden er beskrevet i."""
    title: str
    """Metodens navn."""
    summary: Markdown
    """Hva metoden er, med egne ord."""
    sections: list[Section] = []
    """Andre avsnitt: formål, forutsetninger, bakgrunn."""
    roles: list[MethodRole] = []
    """Rollene i metoden."""
    phases: list[Phase]
    """Fasene med trinn."""
    letter: Letter | None = None
    """Invitasjonsbrevet."""
    staff_information: Section | None = None
    """Informasjon til medarbeiderne (vedlegg)."""
    question_guide: QuestionGuide | None = None
    """Spørsmålsguiden."""
    action_plan: ActionPlan | None = None
    """Tiltaksplanen."""
    minutes: list[Section] = []
    """Innholdet i referatmalen."""
    deadlines: Deadlines = Deadlines()
    """Frister og grenser metoden setter."""
    discrepancies: list[Discrepancy] = []
    """Der veilederen sier ulike ting."""


class MethodTranslation(Model):
    id: Id
    """Metodens id; lik filnavnet (`content/methods/nn/<id>.yaml`)."""
    language: Literal["nn"]
    """Språket teksten er oversatt til."""
    translated_by: str
    """Hvem som har oversatt, og fra hva (står i dokumentene som bruker oversettelsen)."""
    title: str
    """Metodens navn."""
    letter: Letter
    """Invitasjonsbrevet."""
    staff_information: Section
    """Informasjon til medarbeiderne (vedlegg)."""
    question_guide: QuestionGuide
    """Spørsmålsguiden."""


# --------------------------------------------------------------------------- visits


class Person(Model):
    name: Line
    """Navn."""
    title: Line | None = None
    """Stilling."""
    email: Line | None = None
    """E-post."""
    phone: Line | None = None
    """Telefon."""


class Leadership(Model):
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
    text: str
    """Den konkrete endringen."""
    responsible: str | None = None
    """Hvem er ansvarlig."""
    due: IsoDate | None = None
    """Frist (ÅÅÅÅ-MM-DD)."""
    status: Literal["ikke startet", "pågår", "ferdig"] = "ikke startet"
    """Status."""


class Action(Model):
    problem: str
    """Identifisert problem."""
    goal: str = ""
    """Målsetting: hva ønsker vi å oppnå?"""
    measures: list[str] = []
    """Målinger som kan dokumentere forbedring."""
    changes: list[Change] = []
    """Konkrete endringer, hver med ansvarlig og frist."""


class Visit(Model):
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
    method: Id | None = None
    """Metoden for alle visittene."""
    municipality: str | None = None
    """Kommunen eller virksomheten."""
    time: Time | None = None
    """Klokkeslett, for eksempel "13:00"."""
    duration_minutes: int | None = None
    """Varighet i minutter."""
    location: str | None = None
    """Sted."""
    leadership: Leadership | None = None
    """Ledergruppen for visittene."""
    contact: Person | None = None
    """«For mer informasjon, kontakt»."""
    participants: list[str] | None = None
    """Samtalegruppen: stillingene til de fem deltakerne."""


class Plan(Model):
    id: Id
    """Årsplanens id; lik filnavnet."""
    title: str
    """Tittel, for eksempel «Pasient- og brukersikkerhetsvisitter 2027»."""
    language: Literal["nb", "nn"] | None = None
    """Språket i dokumentene: `nb` eller `nn` (ellers nettstedets)."""
    defaults: PlanDefaults = PlanDefaults()
    """Det som er likt for alle visittene; en visitt kan overstyre hver nøkkel."""
    visits: list[dict[str, object]]
    """Visittene, med de samme nøklene som en visittfil (`id`, `unit`, `unit_leader`, `date` ...)."""
