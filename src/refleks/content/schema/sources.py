"""A source (``content/sources/<id>.yaml``) and the items it holds."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, ConfigDict

from .common import Discrepancy, Id, Line, Link, Markdown, Model, Section, Sha256, Url

SourceKind = Literal[
    "rapport",
    "sammendrag",
    "kartlegging",
    "faglige råd",
    "retningslinje",
    "veileder",
    "læringsmateriell",
    "presentasjon",
    "artikkel",
    "nettside",
]

# the English values of `sharing` before version 0.3, still read (not shown in the reference)
_SHARING_ALIASES = {"open": "åpen", "summary-only": "bare sammendrag"}


def _sharing(value: object) -> object:
    return _SHARING_ALIASES.get(value, value) if isinstance(value, str) else value


class Finding(Model):
    model_config = ConfigDict(title="Funn")

    id: Id
    """Funnets id, unik i kilden."""
    number: int | None = None
    """Nummeret funnet har i kilden."""
    title: Line
    """Overskrift."""
    text: Markdown
    """Funnet: ordrett fra kilden (med `quote: true`) eller Refleks' sammendrag (med `summary_of`)."""
    quote: bool = False
    """`true` når teksten står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når teksten er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet den oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden (s. 12–13)». Hver tekst under kildens navn har enten
    `quote: true` eller `summary_of`."""
    title_quote: bool = False
    """`true` når også overskriften står ordrett i kilden (kontrolleres som teksten). Ellers er
    overskriften Refleks' egen, og merket under teksten sier «overskriften er Refleks'
    sammendrag»."""


class Recommendation(Model):
    model_config = ConfigDict(title="Anbefaling")

    id: Id
    """Id, unik i kilden."""
    number: int | None = None
    """Nummeret i kilden."""
    kind: Literal["anbefaling", "forbedringspunkt", "forbedringsområde"] = "anbefaling"
    """`anbefaling` når kilden anbefaler, ellers `forbedringspunkt` eller `forbedringsområde`."""
    title: Line | None = None
    """Kort overskrift (valgfritt)."""
    to: list[str] = []
    """Hvem anbefalingen er rettet til, slik kilden sier det, for eksempel `[Helsedirektoratet, Statsforvalterne]`. Siden «Anbefalinger» grupperer anbefalingene etter dette."""
    text: Markdown
    """Anbefalingen."""
    quote: bool = False
    """`true` når teksten står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når teksten er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet den oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden (s. 12–13)». Hver tekst under kildens navn har enten
    `quote: true` eller `summary_of`."""
    title_quote: bool = False
    """`true` når også overskriften står ordrett i kilden (kontrolleres som teksten). Ellers er
    overskriften Refleks' egen, og merket under teksten sier «overskriften er Refleks'
    sammendrag»."""
    findings: list[Id] = []
    """Funn i samme kilde som anbefalingen bygger på."""


class Statistic(Model):
    model_config = ConfigDict(title="Tabell")

    id: Id
    """Tabellens id, unik i kilden."""
    label: Line | None = None
    """Tabellens nummer i kilden, for eksempel «Tabell 1»."""
    title: Line
    """Tabelltittel (blir tabellens caption)."""
    unit: Line
    """Enhet for tallene, for eksempel «antall tilfeller»."""
    columns: list[Line]
    """Kolonneoverskrifter."""
    rows: list[list[str | None]]
    """Radene. Tallene skrives nøyaktig som i kilden; tomme celler som `~`."""
    n: Line | None = None
    """Antall svar eller enheter tabellen bygger på."""
    period: Line | None = None
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
    model_config = ConfigDict(title="Fortelling eller sitat")

    id: Id
    """Id, unik i kilden."""
    kind: Literal["historie", "sitat"] = "historie"
    """`historie` for en case-fortelling, `sitat` for et sitat."""
    title: Line | None = None
    """Overskrift (valgfritt)."""
    text: Markdown
    """Fortellingen eller sitatet."""
    attribution: Line | None = None
    """Hvem eller hvor sitatet eller fortellingen kommer fra."""
    quote: bool = False
    """`true` når teksten står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når teksten er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet den oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden (s. 12–13)». Hver tekst under kildens navn har enten
    `quote: true` eller `summary_of`."""
    title_quote: bool = False
    """`true` når også overskriften står ordrett i kilden (kontrolleres som teksten). Ellers er
    overskriften Refleks' egen, og merket under teksten sier «overskriften er Refleks'
    sammendrag»."""


class ReferenceNynorsk(Model):
    model_config = ConfigDict(title="Referanse på nynorsk")

    supports: Markdown
    """Det referansen støtter, på nynorsk."""


class Reference(Model):
    model_config = ConfigDict(title="Referanse")

    id: Id
    """Id, unik i kilden."""
    text: str
    """Referansen slik den skal vises, for eksempel «Arbeidsmiljøloven § 4-3»."""
    url: Url | None = None
    """Lenke (valgfritt)."""
    supports: Markdown = ""
    """Hva i kilden referansen støtter, med Refleks' egne ord (valgfritt). Vises etter
    referansen som «– støtter: …»."""
    nn: ReferenceNynorsk | None = None
    """Det referansen støtter (`supports`) på nynorsk, brukt når `content/site.yaml` har
    `language: nn`. Selve referansen står som kilden skrev den."""


class Definition(Model):
    model_config = ConfigDict(title="Definisjon")

    id: Id
    """Id, unik i kilden."""
    term: Line
    """Begrepet."""
    text: Markdown
    """Definisjonen."""
    attribution: Line | None = None
    """Hvem definisjonen er hentet fra (valgfritt)."""
    quote: bool = False
    """`true` når definisjonen står ordrett i kilden. `refleks check` kontrollerer da at den finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når teksten er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet den oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden (s. 12–13)». Hver tekst under kildens navn har enten
    `quote: true` eller `summary_of`."""


class KeyFigure(Model):
    model_config = ConfigDict(title="Nøkkeltall")

    id: Id
    """Id, unik i kilden."""
    value: str
    """Tallet slik kilden skriver det, for eksempel «13 %»."""
    text: Markdown
    """Hva tallet betyr."""
    cited: Line | None = None
    """Kilden tallet oppgis fra (valgfritt)."""
    quote: bool = False
    """`true` når tallet og teksten står ordrett i kilden. `refleks check` kontrollerer da at de finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når tallet og teksten er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet de oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden: s. 12–13». Hvert nøkkeltall har enten `quote: true` eller `summary_of`."""


class CatalogueGroup(Model):
    model_config = ConfigDict(title="Gruppe i en katalog")

    id: Id
    """Id, unik i katalogen."""
    title: Line
    """Gruppens overskrift."""
    intro: Markdown = ""
    """Innledning (valgfritt)."""
    items: list[Markdown] = []
    """Punktene i gruppen."""
    title_quote: bool = False
    """`true` når også gruppens overskrift står ordrett i kilden (kontrolleres)."""
    quote: bool = False
    """`true` når innledningen og punktene står ordrett i kilden. `refleks check` kontrollerer da at de finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når innledningen og punktene er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet de oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden: s. 12–13». Hver gruppe har enten `quote: true` eller `summary_of`."""


class Catalogue(Model):
    model_config = ConfigDict(title="Katalog")

    id: Id
    """Id, unik i kilden."""
    title: Line
    """Overskrift, for eksempel «Eksempler på tiltak»."""
    intro: Markdown = ""
    """Innledning."""
    groups: list[CatalogueGroup]
    """Gruppene."""
    summary_of: str | None = None
    """Hvor i kilden katalogen står, for eksempel «vedlegg 1». Overskriften og innledningen er
    Refleks' sammendrag av kilden og vises merket slik; gruppene sier selv om de er ordrette."""


class SurveyQuestion(Model):
    model_config = ConfigDict(title="Spørsmål i et spørreskjema")

    text: str
    """Spørsmålet nøyaktig som i kilden."""
    options: list[str] = []
    """Svaralternativer (valgfritt)."""
    help: Markdown = ""
    """Forklaring i kilden (valgfritt)."""


class Questionnaire(Model):
    model_config = ConfigDict(title="Spørreskjema")

    id: Id
    """Id, unik i kilden."""
    title: Line
    """Overskrift, for eksempel «Vedlegg 2 – Forespørsel til RHF»."""
    intro: Markdown = ""
    """Innledning."""
    questions: list[SurveyQuestion]
    """Spørsmålene i rekkefølge."""
    quote: bool = False
    """`true` når spørsmålene står ordrett i kilden. `refleks check` kontrollerer da at hvert av dem finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""


class SectionNynorsk(Model):
    model_config = ConfigDict(title="Avsnitt på nynorsk")

    title: Line
    """Overskriften på nynorsk."""
    text: Markdown = ""
    """Brødteksten på nynorsk."""
    items: list[Markdown] = []
    """Punktene på nynorsk, like mange som på bokmål, når de er Refleks' egne ord (punkter
    som gjengir kildens ord, for eksempel titler eller stikkord fra et lysark, oversettes
    ikke)."""


class SourceSection(Section):
    model_config = ConfigDict(title="Avsnitt i en kilde")

    nn: SectionNynorsk | None = None
    """Avsnittet på nynorsk når det er Refleks' sammendrag (`summary_of`), brukt når
    `content/site.yaml` har `language: nn`. Et avsnitt med `quote: true` står som kilden
    skrev det og oversettes ikke."""


class SourceNynorsk(Model):
    model_config = ConfigDict(title="Kilde på nynorsk")

    summary: Markdown
    """Sammendraget på nynorsk."""
    refleks_note: Markdown = ""
    """Tillegget skrevet for Refleks, på nynorsk."""


class Source(Model):
    model_config = ConfigDict(title="Kilde")

    id: Id
    """Kildens id; må være lik filnavnet uten `.yaml`."""
    title: Line
    """Tittel nøyaktig som i kilden."""
    subtitle: Line | None = None
    """Undertittel (valgfritt)."""
    publisher: Line
    """Utgiver, for eksempel «Ukom» eller «Helsedirektoratet»."""
    kind: SourceKind
    """Hva slags dokument kilden er:
    `rapport` (en undersøkelse eller et tilsyn med funn og anbefalinger, for eksempel fra Ukom),
    `sammendrag` (en kort versjon av en rapport),
    `kartlegging` (en undersøkelse av hvordan noe gjøres, ofte med spørreskjema og tall),
    `faglige råd` (nasjonale faglige råd, for eksempel fra Helsedirektoratet: anbefalinger som ikke er en retningslinje),
    `retningslinje` (en nasjonal faglig retningslinje med anbefalinger som er sterkere enn råd),
    `veileder` (en nasjonal veileder eller håndbok som forklarer hvordan noe gjøres),
    `læringsmateriell` (materiell laget for opplæring, for eksempel lysark med refleksjonsspørsmål),
    `presentasjon` (et foredrag eller innlegg, for eksempel på en konferanse),
    `artikkel` (en fagartikkel eller forskningsartikkel),
    `nettside` (en side på nettet uten eget dokument)."""
    year: int | None = None
    """Utgivelsesår."""
    authors: list[Line] = []
    """Forfattere eller foredragsholdere (valgfritt)."""
    url: Url | None = None
    """Lenke til kilden. Vises som lenke, lastes aldri av nettstedet."""
    links: list[Link] = []
    """Andre lenker fra kilden (film, rapport, lovtekst)."""
    sharing: Annotated[Literal["åpen", "bare sammendrag"], BeforeValidator(_sharing)] = "åpen"
    """`åpen` når kilden kan gjengis (funn, sitater og tabeller ordrett), `bare sammendrag` når materialet bare kan oppsummeres med egne ord, ikke gjengis."""
    reuse_terms: Line | None = None
    """Vilkårene for gjenbruk slik kilden selv oppgir dem, ordrett. Oppgir kilden ingen, utelates feltet; nettstedet sier da det."""
    text_sha256: Sha256 | None = None
    """Sjekksummen (sha256) til kildens tekst i `content/sources/<kilde-id>.txt`. Har kilden
    en tekst, må den ha sjekksummen: `refleks check` sier da fra når teksten er endret, og
    foreslår sjekksummen når den mangler."""
    part_of: Id | None = None
    """Kilden er en del av en annen kilde (for eksempel et innlegg i en konferanse)."""
    audiences: list[Line] = []
    """Hvem kilden henvender seg til."""
    bodies: list[Line] = []
    """Instanser kilden omtaler (valgfritt)."""
    summary: Markdown
    """Refleks' sammendrag av hele kilden med egne ord. Vises merket som sammendrag."""
    sections: list[SourceSection] = []
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
    nn: SourceNynorsk | None = None
    """Refleks' egen tekst om kilden på nynorsk (`summary`, `refleks_note`), brukt når
    `content/site.yaml` har `language: nn`. Det som står i kilden, oversettes ikke."""
