"""The validated content as one object the outputs read from (stage 3 of the pipeline)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentInvalid, Problems
from ..project import Project
from ..sorting import nb_key
from . import schema
from .load import Loaded, load_content
from .plans import expand_plans
from .references import check_references
from .validate import check_model
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
    warnings: list = field(default_factory=list)
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Ids whose file or item had errors, by kind: references to them are not reported again."""

    # -- lookups used by several outputs

    def roles_in_order(self) -> list[schema.Role]:
        return sorted(self.roles.values(), key=lambda r: (r.level or 999, nb_key(r.label)))

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

    def frameworks_of(self, source_id: str) -> list[schema.Framework]:
        return [f for f in self.frameworks.values() if source_id in f.sources]

    def reflections_of(self, source_id: str) -> list[schema.Reflection]:
        return [r for r in self.reflections.values() if r.source == source_id]

    def file_of(self, kind: str, item_id: str) -> Path:
        return self.documents[(kind, item_id)].file


_MODELS = {
    "source": schema.Source,
    "reflection": schema.Reflection,
    "framework": schema.Framework,
    "method": schema.Method,
    "visit": schema.Visit,
    "plan": schema.Plan,
    "method_nn": schema.MethodTranslation,
}
_ATTR = {
    "source": "sources",
    "reflection": "reflections",
    "framework": "frameworks",
    "method": "methods",
    "visit": "visits",
    "plan": "plans",
    "method_nn": "methods_nn",
}


def _check_roles(doc: Document, problems: Problems, broken: set[str]) -> dict[str, schema.Role]:
    roles: dict[str, schema.Role] = {}
    if not isinstance(doc.data, list):
        line, col = doc.where(())
        problems.add(
            doc.file,
            line,
            col,
            "",
            "roles.yaml må være en liste med roller",
            written="en tabell" if isinstance(doc.data, dict) else str(doc.data),
            expected="en liste der hvert punkt begynner med «- id: ...»",
        )
        return roles
    for i, item in enumerate(doc.data):
        role = check_model(doc, schema.Role, problems, data=item, prefix=(i,))
        if role is None:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                broken.add(item["id"])
            continue
        if role.id in roles:
            line, col = doc.where((i, "id"))
            problems.add(
                doc.file,
                line,
                col,
                f"[{i}].id",
                f"rollen «{role.id}» finnes fra før",
                written=role.id,
                expected="en id som ikke er brukt",
                hint="hver rolle defineres bare én gang i roles.yaml",
            )
            continue
        roles[role.id] = role
    return roles


def build_library(project: Project, problems: Problems | None = None) -> Library:
    """Load, validate and cross-reference; raise ``ContentInvalid`` with every error."""
    problems = problems or Problems(project.root)
    loaded: Loaded = load_content(project, problems)
    site = check_model(loaded.site, schema.Site, problems) if loaded.site else None
    broken = loaded.failed
    roles = _check_roles(loaded.roles, problems, broken["role"]) if loaded.roles else {}
    library = Library(project, site, roles, broken=broken)  # type: ignore[arg-type]
    for kind, docs in loaded.by_kind.items():
        store = getattr(library, _ATTR[kind])
        for doc in docs:
            item = check_model(doc, _MODELS[kind], problems)
            if item is None:
                broken[kind].add(doc.file.stem)
                if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
                    broken[kind].add(doc.data["id"])
                continue
            line, col = doc.where(("id",))
            if item.id != doc.file.stem:
                problems.add(
                    doc.file,
                    line,
                    col,
                    "id",
                    "id-en må være lik filnavnet",
                    written=item.id,
                    expected=doc.file.stem,
                    hint=f"endre id til «{doc.file.stem}» eller gi filen nytt navn",
                )
                continue
            if item.id in store:
                problems.add(
                    doc.file,
                    line,
                    col,
                    "id",
                    f"id-en «{item.id}» er brukt før",
                    written=item.id,
                    expected="en id som ikke er brukt",
                )
                continue
            store[item.id] = item
            library.documents[(kind, item.id)] = doc
    expand_plans(library, problems)
    check_references(library, problems)
    if problems.errors or site is None:
        raise ContentInvalid(problems)
    library.warnings = problems.warnings
    return library
