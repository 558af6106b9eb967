"""Cross-file checks: unique item ids, references that resolve, unsafe markup."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import Problems
from .schema import Framework, Method, Reflection, Role, Site, Source, Visit
from .textcheck import check_text
from .yamlread import Document, Path_, format_path

if TYPE_CHECKING:
    from .model import Library

_ITEM_LISTS = (
    "findings",
    "recommendations",
    "statistics",
    "stories",
    "references",
    "definitions",
    "key_figures",
    "sections",
    "catalogues",
    "questionnaires",
    "discrepancies",
    "themes",
    "roles",
    "phases",
)


def _unresolved(
    problems: Problems,
    doc: Document,
    path: Path_,
    what: str,
    value: str,
    choices: Iterable[str],
    *,
    key: bool = False,
    broken: set[str] = frozenset(),
) -> None:
    if value in broken or value.partition("/")[0] in broken:
        return  # the target's own file already has an error; one message is enough
    choices = sorted(choices)
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    line, col = doc.where(path, key=key)
    problems.add(
        doc.file,
        line,
        col,
        format_path(path),
        f"{what} «{value}» finnes ikke",
        written=value,
        expected="en av: " + (", ".join(choices) if choices else "(ingen definert)"),
        hint=f"mente du «{close[0]}»?" if close else None,
    )


def _check_unique_items(doc: Document, problems: Problems) -> None:
    def walk(node: Any, path: Path_) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _ITEM_LISTS and isinstance(value, list):
                    seen: dict[str, int] = {}
                    for i, item in enumerate(value):
                        if isinstance(item, dict) and isinstance(item.get("id"), str):
                            item_id = item["id"]
                            if item_id in seen:
                                p = (*path, key, i, "id")
                                line, col = doc.where(p)
                                first = doc.where((*path, key, seen[item_id], "id"))[0]
                                problems.add(
                                    doc.file,
                                    line,
                                    col,
                                    format_path(p),
                                    f"id-en «{item_id}» er brukt to ganger i samme liste "
                                    f"(linje {first} og {line})",
                                    written=item_id,
                                    expected="en id som ikke er brukt",
                                )
                            else:
                                seen[item_id] = i
                walk(value, (*path, key))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, (*path, i))

    walk(doc.data, ())


_SCHEMA = {
    "source": Source,
    "reflection": Reflection,
    "framework": Framework,
    "method": Method,
    "visit": Visit,
}


def check_references(
    library: Library, problems: Problems, settings: tuple[Document | None, ...] = ()
) -> None:
    """``settings``: site.yaml and roles.yaml, checked for markup like every content file."""
    for doc, model in zip(settings, (Site, list[Role]), strict=False):
        if doc is not None:
            check_text(doc, model, problems)
    for (kind, _id), doc in library.documents.items():
        _check_unique_items(doc, problems)
        check_text(doc, _SCHEMA[kind], problems)

    sources, roles, frameworks = library.sources, library.roles, library.frameworks
    for source in sources.values():
        doc = library.documents[("source", source.id)]
        if source.part_of and source.part_of not in sources:
            _unresolved(
                problems,
                doc,
                ("part_of",),
                "kilden",
                source.part_of,
                sources,
                broken=library.broken["source"],
            )
        for i, fw in enumerate(source.frameworks):
            if fw not in frameworks:
                _unresolved(
                    problems,
                    doc,
                    ("frameworks", i),
                    "rammeverket",
                    fw,
                    frameworks,
                    broken=library.broken["framework"],
                )
        finding_ids = {f.id for f in source.findings}
        for r, rec in enumerate(source.recommendations):
            for i, ref in enumerate(rec.findings):
                if ref not in finding_ids:
                    _unresolved(
                        problems,
                        doc,
                        ("recommendations", r, "findings", i),
                        "funnet",
                        ref,
                        finding_ids,
                    )

    for reflection in library.reflections.values():
        doc = library.documents[("reflection", reflection.id)]
        if reflection.source not in sources:
            _unresolved(
                problems,
                doc,
                ("source",),
                "kilden",
                reflection.source,
                sources,
                broken=library.broken["source"],
            )
        for t, theme in enumerate(reflection.themes):
            for role_id in theme.questions:
                if role_id not in roles:
                    _unresolved(
                        problems,
                        doc,
                        ("themes", t, "questions", role_id),
                        "rollen",
                        role_id,
                        roles,
                        key=True,
                        broken=library.broken["role"],
                    )
            for i, ref in enumerate(theme.findings):
                source_id, _, finding_id = ref.partition("/")
                source = sources.get(source_id)
                if source is None or finding_id not in {f.id for f in source.findings}:
                    # every finding of every source: only listed when a reference is wrong
                    known = [f"{s.id}/{f.id}" for s in sources.values() for f in s.findings]
                    _unresolved(
                        problems,
                        doc,
                        ("themes", t, "findings", i),
                        "funnet",
                        ref,
                        known,
                        broken=library.broken["source"],
                    )

    for framework in frameworks.values():
        doc = library.documents[("framework", framework.id)]
        for i, ref in enumerate(framework.sources):
            if ref not in sources:
                _unresolved(
                    problems,
                    doc,
                    ("sources", i),
                    "kilden",
                    ref,
                    sources,
                    broken=library.broken["source"],
                )

    for method in library.methods.values():
        doc = library.documents[("method", method.id)]
        if method.source not in sources:
            _unresolved(
                problems,
                doc,
                ("source",),
                "kilden",
                method.source,
                sources,
                broken=library.broken["source"],
            )

    for visit in library.visits.values():
        doc = library.documents[("visit", visit.id)]
        if visit.method not in library.methods:
            _unresolved(
                problems,
                doc,
                ("method",),
                "metoden",
                visit.method,
                library.methods,
                broken=library.broken["method"],
            )
