"""The validated content as one object the outputs read from (made by ``pipeline``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from ..context import BuildContext
from ..project import Project
from ..sorting import nb_key
from . import schema
from .yamlread import Document


@dataclass(frozen=True)
class Question:
    """One reflection question with its stable id ``<set>/<theme>/<role>/<n>``."""

    reflection: schema.Reflection
    theme: schema.Theme
    role: schema.Role
    number: int
    text: str

    @property
    def id(self) -> str:
        return f"{self.reflection.id}/{self.theme.id}/{self.role.id}/{self.number}"


@dataclass
class Library:
    """Everything under ``content/``, validated and cross-referenced."""

    project: Project
    site: schema.Site
    roles: dict[str, schema.Role]
    sources: dict[str, schema.Source] = field(default_factory=dict)
    reflections: dict[str, schema.Reflection] = field(default_factory=dict)
    frameworks: dict[str, schema.Framework] = field(default_factory=dict)
    methods: dict[str, schema.Method] = field(default_factory=dict)
    visits: dict[str, schema.Visit] = field(default_factory=dict)
    plans: dict[str, schema.Plan] = field(default_factory=dict)
    methods_nn: dict[str, schema.MethodTranslation] = field(default_factory=dict)
    """Nynorsk versions of a method's letter, staff information and question guide."""
    plan_visits: dict[str, list[str]] = field(default_factory=dict)
    """The ids of each plan's visits, in the plan's order."""
    documents: dict[tuple[str, str], Document] = field(default_factory=dict)
    settings_documents: tuple[Document, ...] = ()
    """``site.yaml`` and ``roles.yaml`` as read, so nothing parses them again."""
    warnings: list = field(default_factory=list)
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Ids whose file or item had errors, by kind: references to them are not reported again."""
    unchecked: list[tuple[str, Document]] = field(default_factory=list)
    """Documents (by kind) that failed the schema: their references are still checked."""

    @cached_property
    def context(self) -> BuildContext:
        """The date, labels and templates every output of this run shares."""
        return BuildContext(self.project, self.site.language)

    # -- lookups used by several outputs

    def roles_in_order(self) -> list[schema.Role]:
        return sorted(self.roles.values(), key=lambda r: (r.level or 999, nb_key(r.label)))

    def roles_with_questions(self, themes: Iterable[schema.Theme]) -> list[schema.Role]:
        """The roles that have questions in any of ``themes``, in order."""
        themes = list(themes)
        return [r for r in self.roles_in_order() if any(r.id in t.questions for t in themes)]

    def questions(self) -> Iterator[Question]:
        for reflection in self.reflections.values():
            for theme in reflection.themes:
                for role_id, texts in theme.questions.items():
                    for n, text in enumerate(texts, start=1):
                        yield Question(reflection, theme, self.roles[role_id], n, text)

    def questions_for_role(self, role_id: str) -> list[Question]:
        # indexed once: every role page asked for all questions (roles x questions)
        index = self.__dict__.get("_questions_by_role")
        if index is None:
            index = {}
            for q in self.questions():
                index.setdefault(q.role.id, []).append(q)
            self.__dict__["_questions_by_role"] = index
        return list(index.get(role_id, []))

    def finding(self, ref: str) -> tuple[schema.Source, schema.Finding]:
        source_id, finding_id = ref.split("/", 1)
        source = self.sources[source_id]
        return source, next(f for f in source.findings if f.id == finding_id)

    def recommendation(self, ref: str) -> tuple[schema.Source, schema.Recommendation]:
        source_id, item_id = ref.split("/", 1)
        source = self.sources[source_id]
        return source, next(r for r in source.recommendations if r.id == item_id)

    def story(self, ref: str) -> tuple[schema.Source, schema.Story]:
        source_id, story_id = ref.split("/", 1)
        source = self.sources[source_id]
        return source, next(s for s in source.stories if s.id == story_id)

    def frameworks_of(self, source_id: str) -> list[schema.Framework]:
        return [f for f in self.frameworks.values() if source_id in f.sources]

    def reflections_of(self, source_id: str) -> list[schema.Reflection]:
        return [r for r in self.reflections.values() if r.source == source_id]
