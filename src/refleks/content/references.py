"""Cross-file checks: unique item ids, references that resolve, unsafe markup."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from typing import Any

from ..errors import Problems, did_you_mean
from . import schema
from .kinds import BY_NAME, REFERENCES
from .model import Library
from .textcheck import check_text
from .yamlread import Document, KeyPath, format_path

_Found = tuple[KeyPath, str, bool]

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
    path: KeyPath,
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
    line, col = doc.where(path, key=key)
    problems.add(
        doc.file,
        line,
        col,
        format_path(path),
        f"{what} «{value}» finnes ikke",
        written=value,
        expected="en av: " + (", ".join(choices) if choices else "(ingen definert)"),
        hint=did_you_mean(value, choices),
    )


def _check_unique_items(doc: Document, problems: Problems) -> None:
    def walk(node: Any, path: KeyPath) -> None:
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


def check_references(
    library: Library, problems: Problems, settings: tuple[Document | None, ...] = ()
) -> None:
    """Unique item ids, safe markup, and every declared reference field (``kinds.REFERENCES``)
    naming an item that exists. ``settings``: site.yaml and roles.yaml, checked for markup
    like every content file."""
    for doc, model in zip(settings, (schema.Site, list[schema.Role]), strict=False):
        if doc is not None:
            check_text(doc, model, problems)
    for (kind, _id), doc in library.documents.items():
        _check_unique_items(doc, problems)
        check_text(doc, BY_NAME[kind].model, problems)
    known: dict[str, tuple[Collection[str], set[str]]] = {}
    for reference in REFERENCES:
        items = getattr(library, BY_NAME[reference.kind].attribute)
        for item in items.values():
            doc = library.documents[(reference.kind, item.id)]
            for path, value, is_key in _values_at(item, reference.path):
                if reference.target == "own finding":
                    choices, broken = {f.id for f in item.findings}, set()
                else:
                    if reference.target not in known:
                        known[reference.target] = _targets(library, reference.target)
                    choices, broken = known[reference.target]
                if value not in choices:
                    _unresolved(
                        problems,
                        doc,
                        path,
                        reference.what,
                        value,
                        choices,
                        key=is_key,
                        broken=broken,
                    )


def _values_at(node: Any, pattern: tuple[str, ...], path: KeyPath = ()) -> Iterator[_Found]:
    """Every value ``pattern`` leads to from ``node``, with its key path (empty values skipped)."""
    if not pattern:
        if node:
            yield path, node, False
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        for i, entry in enumerate(node):
            yield from _values_at(entry, rest, (*path, i))
    elif step == "{}":
        for key in node:
            yield (*path, key), key, True
    else:
        yield from _values_at(getattr(node, step), rest, (*path, step))


def _targets(library: Library, target: str) -> tuple[Collection[str], set[str]]:
    """The names a reference to ``target`` may use, and those whose own file had errors."""
    if target == "finding":
        known = {f"{s.id}/{f.id}" for s in library.sources.values() for f in s.findings}
        return known, library.broken["source"]
    if target == "story":
        known = {f"{s.id}/{t.id}" for s in library.sources.values() for t in s.stories}
        return known, library.broken["source"]
    if target == "role":
        return library.roles, library.broken["role"]
    return getattr(library, BY_NAME[target].attribute), library.broken[target]
