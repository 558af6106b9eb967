"""The site settings (``content/site.yaml``) and the roles (``content/roles.yaml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict

from .common import Id, IsoDate, Line, Markdown, Model, Url, WcagCriterion


class Contact(Model):
    model_config = ConfigDict(title="Kontakt")

    name: Line | None = None
    """Navn på kontaktperson eller -enhet."""
    email: Line | None = None
    """E-postadresse."""
    phone: Line | None = None
    """Telefonnummer, skrevet slik det skal vises."""
    url: Url | None = None
    """Nettadresse."""


class AccessibilityCheck(Model):
    model_config = ConfigDict(title="Manuell kontroll av tilgjengeligheten")

    criterion: WcagCriterion
    """Suksesskriteriet i WCAG 2.1 (nivå A eller AA) som er kontrollert, for eksempel `"2.1.1"`."""
    date: IsoDate
    """Datoen kontrollen ble gjort, ÅÅÅÅ-MM-DD."""
    checked: Line
    """Hva som er kontrollert, og hvordan, for eksempel «Alle sidetyper og lysarkene med bare tastatur». Står i tilgjengelighetserklæringen."""
    by: Line
    """Hvem som kontrollerte. Står bare i prosjektet, ikke på nettstedet."""
    result: Literal["bestått", "brudd"]
    """`bestått` (ingen brudd funnet) eller `brudd`."""
    note: Line | None = None
    """Hva som ble funnet (valgfritt); står under «Kjente avvik» når resultatet er `brudd`."""


class SiteNynorsk(Model):
    model_config = ConfigDict(title="Nettstedet på nynorsk")

    title: str
    """Tittelen på nynorsk."""
    description: str = ""
    """Beskrivelsen på nynorsk."""


class Site(Model):
    model_config = ConfigDict(title="Nettstedet")

    title: Line
    """Nettstedets tittel."""
    description: str = ""
    """Kort beskrivelse (brukes i metadata og på forsiden)."""
    publisher: Line
    """Hvem som gir ut nettstedet."""
    language: Literal["nb", "nn"] = "nb"
    """Språk: `nb` (bokmål) eller `nn` (nynorsk) for nettstedets eget grensesnitt, og standard for visittdokumentene."""
    contact: Contact | None = None
    """Kontakt for spørsmål om innholdet."""
    url: Url | None = None
    """Adressen nettstedet publiseres på (valgfritt)."""
    organisation: Line | None = None
    """Kommunens eller virksomhetens navn i brev (valgfritt; ellers fra visitten)."""
    address: list[Line] = []
    """Postadresse i brevhodet, én linje per punkt (valgfritt)."""
    logo: Line | None = None
    """Sti til logo for brev, relativt til prosjektmappen (valgfritt)."""
    letter_template: Line | None = None
    """Sti til egen brevmal i DOCX, relativt til prosjektmappen (valgfritt)."""
    nn: SiteNynorsk | None = None
    """Tittel og beskrivelse på nynorsk, brukt når `language` er `nn`."""
    accessibility_checks: list[AccessibilityCheck] = []
    """Manuelle kontroller av tilgjengeligheten, ett punkt per kriterium og kontroll. Tilgjengelighetserklæringen sier «kontrollert manuelt» med datoen for hvert kriterium som står her, og «ikke kontrollert» for et kriterium ingen (verken et verktøy eller en person) har kontrollert."""
    engine: Literal["mkdocs", "zensical"] = "mkdocs"
    """Nettstedsmotoren som bygger sidene: `mkdocs` (MkDocs med Material, standard) eller `zensical` (etterfølgeren). `refleks build --engine` overstyrer valget for ett bygg."""


class RoleNynorsk(Model):
    model_config = ConfigDict(title="Rolle på nynorsk")

    label: str
    """Navnet på nynorsk."""
    address: str
    """«Til deg som …» på nynorsk."""
    examples: list[str] = []
    """Eksemplene på stillinger, på nynorsk."""
    description: Markdown = ""
    """Beskrivelsen på nynorsk."""


class Role(Model):
    model_config = ConfigDict(title="Rolle")

    id: Id
    """Rollens id, for eksempel `leder-gjennomgang`."""
    label: Line
    """Kort navn til menyer og filtre."""
    address: Line
    """Hvordan spørsmålene henvender seg til rollen: «Til deg som ...». Er overskriften over rollens spørsmål på hver temaside, så den bør være kort (høyst 90 tegn, ellers gir `refleks check` en advarsel)."""
    examples: list[Line] = []
    """Eksempler på stillinger i rollen, for eksempel `[avdelingsleder, kvalitetsrådgiver]`. De står etter «For eksempel» på rollesiden, på linjen under overskriften over rollens spørsmål på hver temaside, og på tittelarket i rollens presentasjon."""
    level: int | None = None
    """Rollens plass i rekkefølgen (1 først): rollene vises i denne rekkefølgen i menyer, på temasidene og i utskriftene. Roller med samme tall, og roller uten `level` (de kommer sist), står i alfabetisk rekkefølge."""
    description: Markdown = ""
    """Lengre beskrivelse (valgfritt)."""
    nn: RoleNynorsk | None = None
    """Rollen på nynorsk (`label`, `address`, `examples`, `description`), brukt når
    `content/site.yaml` har `language: nn`."""
