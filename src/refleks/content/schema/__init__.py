"""The content model as pydantic models: the contract for everything under ``content/``.

The docstring under each field is the authors' documentation: the page "Innholdsmodellen"
on the site is generated from these models, so the reference cannot drift from the code.
One module per kind of file; everything is re-exported here, so
``from refleks.content.schema import Source`` (and ``schema.Source``) keep working.
"""

from __future__ import annotations

from .common import (
    FIRST_YEAR,
    ID_PATTERN,
    LAST_YEAR,
    TIME_PATTERN,
    Discrepancy,
    Id,
    IsoDate,
    Line,
    Link,
    Markdown,
    Model,
    Ref,
    Section,
    Time,
    Url,
)
from .frameworks import Framework
from .reflections import Reflection, Theme
from .site import Contact, Role, Site
from .sources import (
    Catalogue,
    CatalogueGroup,
    Definition,
    Finding,
    KeyFigure,
    Questionnaire,
    Recommendation,
    Reference,
    Source,
    Statistic,
    Story,
    SurveyQuestion,
)
from .visits import Action, Change, Leadership, Person, Plan, PlanDefaults, Visit
from .walkround import (
    ActionPlan,
    Deadlines,
    GuideCategory,
    Letter,
    LetterField,
    LetterSection,
    Method,
    MethodRole,
    MethodTranslation,
    Phase,
    PlanColumn,
    PlanExample,
    QuestionGuide,
    Step,
)

__all__ = [
    "FIRST_YEAR",
    "ID_PATTERN",
    "LAST_YEAR",
    "TIME_PATTERN",
    "Action",
    "ActionPlan",
    "Catalogue",
    "CatalogueGroup",
    "Change",
    "Contact",
    "Deadlines",
    "Definition",
    "Discrepancy",
    "Finding",
    "Framework",
    "GuideCategory",
    "Id",
    "IsoDate",
    "KeyFigure",
    "Leadership",
    "Letter",
    "LetterField",
    "LetterSection",
    "Line",
    "Link",
    "Markdown",
    "Method",
    "MethodRole",
    "MethodTranslation",
    "Model",
    "Person",
    "Phase",
    "Plan",
    "PlanColumn",
    "PlanDefaults",
    "PlanExample",
    "Questionnaire",
    "QuestionGuide",
    "Recommendation",
    "Reference",
    "Ref",
    "Reflection",
    "Role",
    "Section",
    "Site",
    "Source",
    "Statistic",
    "Step",
    "Story",
    "SurveyQuestion",
    "Theme",
    "Time",
    "Url",
    "Visit",
]
