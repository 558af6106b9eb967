"""Cross-file checks: unique item ids, references that resolve, unsafe markup."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from ..errors import Problems, did_you_mean
from ..messages import Message, _
from . import schema
from .kinds import BY_NAME, REFERENCES, Reference
from .model import Library
from .textcheck import check_text
from .yamlread import Document, KeyPath, format_path

_Found = tuple[KeyPath, str, bool]

# a reference target inside a source (``<source>/<item>``) -> the source's list of them
_SOURCE_ITEM_LISTS = {
    "finding": "findings",
    "recommendation": "recommendations",
    "story": "stories",
}

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


def one_of(choices: list[str]) -> Message:
    """What to write instead: one of ``choices``."""
    if not choices:
        return _("en av: (ingen definert)")
    return _("en av: {choices}", choices=", ".join(choices))


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
    every = sorted(choices)
    choices = _same_file_first(value, every)
    line, col = doc.where(path, key=key)
    problems.add(
        doc.file,
        line,
        col,
        format_path(path),
        _("{what} «{value}» finnes ikke", what=what, value=value),
        written=value,
        expected=one_of(choices),
        hint=did_you_mean(value, choices) or did_you_mean(value, every),
    )


def _same_file_first(value: str, choices: list[str]) -> list[str]:
    """For ``<file>/<item>``: the items of the file named, when it has any of this kind
    (not every finding of the project); otherwise all of them."""
    prefix = value.partition("/")[0] + "/"
    same = [c for c in choices if c.startswith(prefix)] if "/" in value else []
    return same or choices


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
                                    _(
                                        "id-en «{item_id}» er brukt to ganger i samme "
                                        "liste (linje {first} og {line})",
                                        item_id=item_id,
                                        first=first,
                                        line=line,
                                    ),
                                    written=item_id,
                                    expected=_("en id som ikke er brukt"),
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
    like every content file. Files that failed the schema (``library.unchecked``) have their
    references checked too, read from the YAML as written, so every error comes in one run."""
    for doc, model in zip(settings, (schema.Site, list[schema.Role]), strict=False):
        if doc is not None:
            check_text(doc, model, problems)
    for (kind, _id), doc in library.documents.items():
        _check_unique_items(doc, problems)
        check_text(doc, BY_NAME[kind].model, problems)
    known: dict[str, tuple[Collection[str], set[str]]] = {}
    for reference in REFERENCES:
        if reference.target not in known and not reference.target.startswith("own "):
            known[reference.target] = _targets(library, reference.target)
        items = getattr(library, BY_NAME[reference.kind].attribute)
        for item in items.values():
            doc = library.documents[(reference.kind, item.id)]
            own = {f.id for f in getattr(item, "findings", [])}
            for path, value, is_key in _values_at(item, reference.path):
                _check_one(problems, doc, reference, path, value, is_key, known, own)
        for kind, doc in library.unchecked:
            if kind != reference.kind:
                continue
            own = _raw_ids(doc.data, "findings")
            for path, value, is_key in _raw_values_at(doc.data, reference.path):
                _check_one(problems, doc, reference, path, value, is_key, known, own)


def _check_one(
    problems: Problems,
    doc: Document,
    reference: Reference,
    path: KeyPath,
    value: str,
    is_key: bool,
    known: dict[str, tuple[Collection[str], set[str]]],
    own: set[str],
) -> None:
    if reference.target == "own finding":
        choices, broken = own, set()
    else:
        choices, broken = known[reference.target]
    if value in choices:
        return
    if reference.target in _SOURCE_ITEM_LISTS:  # ``<kilde>/<element>``: its shape is ours
        if not _REF.match(value):
            _malformed(problems, doc, path, reference.what, value, sorted(choices))
            return
    elif not re.match(schema.ID_PATTERN, value):
        return  # the schema stage said why the id is not valid
    if reference.target == "role":
        _unknown_role(problems, doc, path, value, choices, is_key, broken)
        return
    _unresolved(problems, doc, path, reference.what, value, choices, key=is_key, broken=broken)


_REF = re.compile(r"^[a-z][a-z0-9-]{0,63}/[a-z][a-z0-9-]{0,63}$")
_ASCII = {"æ": "ae", "ø": "o", "å": "a"}


def _malformed(
    problems: Problems, doc: Document, path: KeyPath, what: str, value: str, every: list[str]
) -> None:
    """A reference that is not ``<kilde-id>/<element-id>``: the kilde missing in front, or
    letters an id cannot have. The items of the set's own source are the ones to choose."""
    source = doc.data.get("source") if isinstance(doc.data, dict) else None
    own = [c for c in every if isinstance(source, str) and c.startswith(source + "/")]
    choices = own or every
    line, col = doc.where(path)
    if "/" not in value:
        message = _("{what} «{value}» mangler kilden foran", what=what, value=value)
        guess = f"{source}/{value}" if isinstance(source, str) else value
        hint = (
            _("skriv «{guess}»", guess=guess)
            if guess in choices
            else _("skriv kildens id og «/» foran, for eksempel «{example}»", example=choices[0])
            if choices
            else None
        )
        expected = (
            _("<kilde-id>/<id>: {choices}", choices=", ".join(choices))
            if choices
            else _("<kilde-id>/<id>: (ingen definert)")
        )
    else:
        message = _("{what} «{value}» er ikke en gyldig henvisning", what=what, value=value)
        plain = "".join(_ASCII.get(c, c) for c in value.lower())
        hint = _(
            "id-er har bare små bokstaver a-z, sifre og bindestrek: æ, ø og å "
            "skrives ae, o og a, og store bokstaver små"
        )
        close = did_you_mean(plain, choices)
        if close:
            hint = _("{hint}; {close}", hint=hint, close=close)
        expected = one_of(choices)
    problems.add(
        doc.file, line, col, format_path(path), message, written=value, expected=expected, hint=hint
    )


def _unknown_role(
    problems: Problems,
    doc: Document,
    path: KeyPath,
    value: str,
    roles: Any,
    is_key: bool,
    broken: set[str],
) -> None:
    """A role that is not in roles.yaml: the role whose examples name it (``sykepleier`` is an
    example of ``kollega``), and how to make a new one."""
    if value in broken:
        return
    ids = sorted(roles)
    named = [
        r for r in ids if any(value.lower() == _slug(e) for e in getattr(roles[r], "examples", []))
    ]
    guess = (
        _(
            "mente du «{role}»? «{value}» er et eksempel på den rollen.",
            role=named[0],
            value=value,
        )
        if named
        else did_you_mean(value, ids)
    )
    new = f"refleks new role --title {value.capitalize()}"
    if guess:
        hint = _(
            "{guess} Er «{value}» en ny rolle, lag den med: {new}",
            guess=guess,
            value=value,
            new=new,
        )
    else:
        hint = (
            _("lag en ny rolle med: {new}, eller bruk en av rollene som finnes", new=new)
            if ids
            else _("lag en ny rolle med: {new}", new=new)
        )
    line, col = doc.where(path, key=is_key)
    problems.add(
        doc.file,
        line,
        col,
        format_path(path),
        _("rollen «{value}» finnes ikke", value=value),
        written=value,
        expected=one_of(ids),
        hint=hint,
    )


def _slug(text: str) -> str:
    text = "".join(_ASCII.get(c, c) for c in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _raw_ids(data: Any, key: str) -> set[str]:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return set()
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}


def _raw_values_at(node: Any, pattern: tuple[str, ...], path: KeyPath = ()) -> Iterator[_Found]:
    """As ``_values_at``, on the YAML as written (a file that failed the schema): whatever
    is not of the expected shape is skipped (the schema stage has reported it)."""
    if not pattern:
        if isinstance(node, str) and node:
            yield path, node, False
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*" and isinstance(node, list):
        for i, entry in enumerate(node):
            yield from _raw_values_at(entry, rest, (*path, i))
    elif step == "{}" and isinstance(node, dict):
        for key in node:
            if isinstance(key, str) and key:
                yield (*path, key), key, True
    elif isinstance(node, dict) and step in node:
        yield from _raw_values_at(node[step], rest, (*path, step))


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
    if target in _SOURCE_ITEM_LISTS:
        attribute = _SOURCE_ITEM_LISTS[target]
        known = {
            f"{s.id}/{item.id}" for s in library.sources.values() for item in getattr(s, attribute)
        }
        return known, library.broken["source"]
    if target == "role":
        return library.roles, library.broken["role"]
    return getattr(library, BY_NAME[target].attribute), library.broken[target]
