"""The walkround method (``content/methods/<id>.yaml``) and its translation."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict

from .common import Discrepancy, Id, Line, Markdown, Model, Section


class MethodRole(Model):
    model_config = ConfigDict(title="Rolle i metoden")

    id: Id
    """Id, unik i metoden."""
    title: Line
    """Rollens navn, for eksempel «Koordinator/tilrettelegger»."""
    who: Line = ""
    """Hvem som kan ha rollen."""
    tasks: list[Markdown] = []
    """Oppgavene."""
    required: bool = True
    """Om gruppen bør ha rollen (`false` for anbefalte roller)."""


class Step(Model):
    model_config = ConfigDict(title="Trinn")

    id: Id
    """Id, unik i fasen."""
    text: Markdown
    """Hva som skal gjøres."""
    who: Line | None = None
    """Hvem som gjør det."""
    timing: Line | None = None
    """Når, for eksempel «i løpet av fire virkedager»."""


class Phase(Model):
    model_config = ConfigDict(title="Fase")

    id: Id
    """Id, unik i metoden."""
    title: Line
    """Fasens navn: Forberedelse, Gjennomføring, Oppfølging."""
    intro: Markdown = ""
    """Innledning."""
    steps: list[Step]
    """Trinnene i rekkefølge."""
    quote: bool = False
    """`true` når innledningen og trinnene står ordrett i kilden. `refleks check` kontrollerer da at de finnes
    i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når innledningen og trinnene er Refleks' sammendrag av kilden med egne ord (ikke ordrett): sidene eller
    avsnittet de oppsummerer, for eksempel «s. 12–13» eller «kapittel 4». Vises som
    «Refleks' sammendrag av kilden: s. 12–13». Hver fase har enten `quote: true` eller `summary_of`."""


class LetterSection(Model):
    model_config = ConfigDict(title="Avsnitt i brevet")

    id: Id
    """Id, unik i brevet."""
    title: Line
    """Overskrift i brevet."""
    text: Markdown = ""
    """Tekst. Kan bruke feltene {enhet}, {kommune}, {ledere} (øverste leder og leder for
    visitten), {dato}, {klokkeslett}, {sted}, {varighet} og {deltakere} (samtalegruppen)."""
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
    model_config = ConfigDict(title="Felt i brevet")

    id: Id
    """Id for feltet."""
    label: Line
    """Feltets navn i brevmalen."""


class Letter(Model):
    model_config = ConfigDict(title="Brev")

    title: Line
    """Brevets overskrift."""
    fields: list[LetterField] = []
    """Feltene som fylles ut i brevet."""
    sections: list[LetterSection]
    """Avsnittene i rekkefølge."""


class GuideCategory(Model):
    model_config = ConfigDict(title="Kategori i spørsmålsguiden")

    id: Id
    """Id, unik i spørsmålsguiden."""
    title: Line
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
    model_config = ConfigDict(title="Spørsmålsguide")

    title: Line
    """Overskrift."""
    intro: Markdown = ""
    """Innledning."""
    categories: list[GuideCategory]
    """Kategoriene i rekkefølge."""


class PlanColumn(Model):
    model_config = ConfigDict(title="Kolonne i tiltaksplanen")

    id: Literal["problem", "goal", "measures", "changes", "responsible", "due"]
    """Kolonnens faste id (brukes i visittfilens `actions`)."""
    title: Line
    """Kolonneoverskriften slik veilederen skriver den."""
    help: str = ""
    """Forklaring under overskriften."""


class PlanExample(Model):
    model_config = ConfigDict(title="Eksempelrad i tiltaksplanen")

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
    model_config = ConfigDict(title="Tiltaksplan")

    title: Line
    """Overskrift, for eksempel «Tiltaksplan»."""
    intro: Markdown = ""
    """Innledning."""
    columns: list[PlanColumn]
    """De seks kolonnene i rekkefølge."""
    examples: list[PlanExample] = []
    """Eksempelrader fra veilederen."""


class Deadlines(Model):
    model_config = ConfigDict(title="Frister")

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
    model_config = ConfigDict(title="Metode")

    id: Id
    """Id; lik filnavnet."""
    source: Id
    """Kilden metoden er beskrevet i."""
    title: Line
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
    model_config = ConfigDict(title="Metode på nynorsk")

    id: Id
    """Metodens id; lik filnavnet (`content/methods/nn/<id>.yaml`)."""
    language: Literal["nn"]
    """Språket teksten er oversatt til."""
    translated_by: Line
    """Hvem som har oversatt, og fra hva (står i dokumentene som bruker oversettelsen)."""
    title: Line
    """Metodens navn."""
    letter: Letter
    """Invitasjonsbrevet."""
    staff_information: Section
    """Informasjon til medarbeiderne (vedlegg)."""
    question_guide: QuestionGuide
    """Spørsmålsguiden."""
    action_plan: ActionPlan | None = None
    """Tiltaksplanen: overskrift, innledning og kolonner. Uten `examples` brukes
    eksempelradene fra metoden (på bokmål, merket som bokmål)."""
    minutes: list[Section] = []
    """Innholdet i referatmalen, med de samme id-ene som i metoden."""
