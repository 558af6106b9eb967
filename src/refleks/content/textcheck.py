"""Warnings about text that could mislead or attack a reader: markup the sanitiser removes,
text that only looks like markup (it is shown as written), and characters that turn the
writing direction. Each warning says what happens to the text, with and without ``--strict``.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..errors import Problems, visible
from ..markup import inert_parts, looks_active, unsafe_parts
from ..messages import _
from .yamlread import Document, KeyPath, format_path

# characters that turn the writing direction: a name can be shown in another order than written
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EXPECTED = _(
    "Markdown uten skript, hendelsesattributter, javascript:-lenker eller "
    "bilder fra andre nettsteder"
)
_STRICT = _("med --strict stopper kjøringen i stedet")
REMOVED = _("usikker markering i teksten")
REMOVED_HINT = _("den fjernes når teksten vises; {strict}", strict=_STRICT)
INERT = _("teksten ligner usikker markering")
INERT_HINT = _("den vises som vanlig tekst og virker ikke; {strict}", strict=_STRICT)
BIDI = _("teksten har et usynlig tegn som snur skriveretningen")
BIDI_HINT = _(
    "tegnet vises som det står, og teksten kan se annerledes ut enn den er; {strict}",
    strict=_STRICT,
)
_PLAIN_EXPECTED = _("vanlig tekst (feltet er ikke Markdown; det vises nøyaktig som skrevet)")
_BIDI_EXPECTED = _("tekst uten tegnene U+202A-U+202E og U+2066-U+2069")


def _is_markdown(annotation: Any, metadata: list[Any] | tuple[Any, ...] = ()) -> bool:
    if "markdown" in metadata:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return "markdown" in annotation.__metadata__
    return False


def _strings(
    tp: Any, node: Any, path: KeyPath, meta: tuple = ()
) -> Iterator[tuple[KeyPath, str, bool]]:
    """Every string in ``node`` with its path and whether the schema reads it as Markdown."""
    if isinstance(node, str):
        yield path, node, _is_markdown(tp, meta)
        return
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        yield from _strings(args[0], node, path, tuple(tp.__metadata__))
    elif args and origin not in (list, dict):  # a union: the member that is not None
        member = next((a for a in args if a is not type(None)), Any)
        yield from _strings(member, node, path, meta)
    elif isinstance(node, dict):
        fields = tp.model_fields if isinstance(tp, type) and issubclass(tp, BaseModel) else {}
        for key, value in node.items():
            info = fields.get(key)
            if info is not None:
                yield from _strings(info.annotation, value, (*path, key), tuple(info.metadata))
            else:
                yield from _strings(args[1] if origin is dict else Any, value, (*path, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _strings(args[0] if origin is list else Any, item, (*path, i))


def _problems(text: str, markdown: bool) -> list[tuple[str, str, str, str]]:
    """(message, what was written, what was expected, hint) for each piece of ``text``."""
    found: list[tuple[str, str, str, str]] = []
    if markdown and any(c in text for c in "<:&{[\\="):
        found += [(REMOVED, p, _EXPECTED, REMOVED_HINT) for p in dict.fromkeys(unsafe_parts(text))]
        found += [(INERT, p, _EXPECTED, INERT_HINT) for p in dict.fromkeys(inert_parts(text))]
    elif not markdown:
        parts = dict.fromkeys(looks_active(text))
        found += [(INERT, p, _PLAIN_EXPECTED, INERT_HINT) for p in parts]
    if _BIDI_CONTROLS.search(text):
        found.append((BIDI, text, _BIDI_EXPECTED, BIDI_HINT))
    return found


def check_text(doc: Document, model: Any, problems: Problems) -> None:
    """Warn about every string of ``doc`` (read with the schema type ``model``)."""
    for path, text, markdown in _strings(model, doc.data, ()):
        for message, part, expected, hint in _problems(text, markdown):
            line, col = doc.where(path)
            problems.warn(
                doc.file,
                line,
                col,
                format_path(path),
                message,
                written=visible(part),
                expected=expected,
                hint=hint,
            )
