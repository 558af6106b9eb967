"""Year plans (``content/plans/<id>.yaml``): many visits in one file with shared defaults.

Each entry under ``visits:`` is a visit as in ``content/visits/`` where every key of
``defaults:`` may be left out; the entry's own keys win. The merged entry is validated as a
visit, and every message points at the entry's line, or at the default it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problems
from ..messages import _
from . import schema
from .validate import check_model
from .yamlread import Document, KeyPath


@dataclass
class PlanVisitDocument:
    """One visit of a plan seen as a document: key paths map into the plan file."""

    plan: Document
    index: int

    @property
    def file(self) -> Path:
        return self.plan.file

    @property
    def data(self) -> Any:
        return self.plan.data["visits"][self.index]

    @property
    def prefix(self) -> KeyPath:
        """The entry's key path in the plan file (shown in messages)."""
        return ("visits", self.index)

    def where(self, path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """The entry's own key when it has it, else the default it inherits."""
        path = tuple(path)
        if path[:2] == self.prefix:
            path = path[2:]
        if not path:  # the entry itself: where its first key is
            key = False
        entry = self.data if isinstance(self.data, dict) else {}
        if path and path[0] not in entry and ("defaults", path[0]) in self.plan.keys:
            return self.plan.where(("defaults", *path), key=key)
        return self.plan.where(("visits", self.index, *path), key=key)


def merged(plan: schema.Plan, entry: dict[str, Any]) -> dict[str, Any]:
    """The entry with the plan's defaults (and language) filled in."""
    defaults = plan.defaults.model_dump(exclude_none=True)
    if plan.language and "language" not in entry:
        defaults["language"] = plan.language
    return {**defaults, **entry}


def expand_plans(library: Any, problems: Problems) -> None:
    """Validate every plan's visits and add them to ``library.visits`` (ids unique overall)."""
    for plan in library.plans.values():
        doc = library.documents[("plan", plan.id)]
        ids: list[str] = []
        for i, entry in enumerate(plan.visits):
            view = PlanVisitDocument(doc, i)
            visit = check_model(
                view, schema.Visit, problems, data=merged(plan, entry), prefix=view.prefix
            )
            if visit is None:
                if isinstance(entry.get("id"), str):
                    library.broken["visit"].add(entry["id"])
                continue
            if visit.id in library.visits:
                line, col = view.where(("id",))
                other = problems.rel(library.documents[("visit", visit.id)].file)
                problems.add(
                    doc.file,
                    line,
                    col,
                    f"visits[{i}].id",
                    _(
                        "id-en «{visit_id}» er brukt før (i {other})",
                        visit_id=visit.id,
                        other=other,
                    ),
                    written=visit.id,
                    expected=_("en id som ikke er brukt"),
                )
                continue
            library.visits[visit.id] = visit
            library.documents[("visit", visit.id)] = view
            ids.append(visit.id)
        library.plan_visits[plan.id] = ids
