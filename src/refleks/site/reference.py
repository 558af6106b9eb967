"""The authors' reference page's data: every model of ``content.schema`` with its fields,
their types in Norwegian, whether they are required, defaults and the field docstrings."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..catalogues import Wording, translations, wording
from ..content import schemadocs
from ..project import SHIPPED_TEMPLATES

NONE = "\0"
"""The default of a field left out: shown as «ingen» (not as a value to write)."""
# the schema's validators (content/schema/common.py) -> the key of the type's name for
# authors in templates/pages/labels.yaml (page.reference.types)
SPECIAL_TEXTS = {"_iso_date": "date", "_url": "url", "_time": "time", "_line": "line"}
PLAIN = {str: "text", int: "integer", float: "number", bool: "boolean", object: "anything"}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    default: str
    doc: str


@dataclass(frozen=True)
class ModelDoc:
    name: str
    anchor: str
    file: str
    doc: str
    fields: list[FieldDoc]


class _Describer:
    """Names the types in ``words`` (``page.reference.types`` of the pages' labels) and
    gives the schema's texts in the site's language (``table``: the ``skjema`` catalogue)."""

    def __init__(self, words: Mapping[str, str], table: Mapping[tuple[str, str], str]) -> None:
        self.words = words
        self.table = table

    def text(self, context: str, bokmal: str) -> str:
        """A text of the schema in the site's language (``Wording``: never marked as bokmål
        on a nynorsk page); one not translated stays bokmål, and is marked so."""
        bokmal = " ".join(bokmal.split())  # as the catalogue has it (schemadocs.texts)
        found = self.table.get((context, bokmal))
        return Wording(found) if found else bokmal

    def title(self, model: type[BaseModel]) -> str:
        return self.text(model.__name__, schemadocs.title(model))

    def type_name(self, tp: Any) -> str:
        w = self.words
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is typing.Annotated:
            special = self.special(tp.__metadata__)
            if special:
                return special
            if any(getattr(m, "pattern", None) for m in getattr(tp, "__metadata__", ())):
                return w["id"]
            for meta in tp.__metadata__:
                if getattr(meta, "metadata", None) and any(
                    getattr(m, "pattern", None) for m in meta.metadata
                ):
                    return w["reference"] if "/" in meta.metadata[0].pattern else w["id"]
            return self.type_name(args[0])
        if origin in (typing.Union, types.UnionType):
            parts = [a for a in args if a is not type(None)]
            return f" {w['or']} ".join(self.type_name(a) for a in parts)
        if origin is Literal:
            return w["one_of"].format(values=", ".join(f"`{a}`" for a in args))
        if origin is list:
            return w["list"].format(items=self.type_name(args[0]))
        if origin is dict:
            key, value = self.type_name(args[0]), self.type_name(args[1])
            return w["table"].format(key=key, value=value)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return f"[{self.title(tp)}](#{tp.__name__.lower()})"
        if tp is dt.date:
            return w["date"]
        return w[PLAIN.get(tp, "text")]

    def special(self, metadata: Any) -> str | None:
        """The name of a text with a meaning of its own (a date, a link, a time)."""
        for meta in metadata:
            if meta == "markdown":
                return self.words["markdown"]
            name = getattr(getattr(meta, "func", None), "__name__", "")
            if name in SPECIAL_TEXTS:
                return self.words[SPECIAL_TEXTS[name]]
        return None

    def field_type(self, info: FieldInfo) -> str:
        """The type of a field as authors read it. Pydantic moves the constraints of a
        field's own ``Annotated`` type (the id and reference patterns) from the annotation
        to ``info.metadata``, so they are looked for there."""
        patterns = [m.pattern for m in info.metadata if getattr(m, "pattern", None)]
        if patterns and info.annotation is str:
            return self.words["reference" if "/" in patterns[0] else "id"]
        special = self.special(info.metadata)
        if special and info.annotation in (str, dt.date):
            return special
        return self.type_name(info.annotation)

    def model_doc(self, model: type[BaseModel], file: str) -> ModelDoc:
        name = model.__name__
        fields = [
            FieldDoc(
                field,
                self.field_type(info),
                info.is_required(),
                _default(info),
                self.text(f"{name}.{field}", info.description or ""),
            )
            for field, info in model.model_fields.items()
        ]
        doc = schemadocs.doc(model)
        return ModelDoc(
            self.title(model), name.lower(), file, self.text(f"{name}:doc", doc), fields
        )


def _default(info: FieldInfo) -> str:
    """The default as authors would write it; empty when there is nothing to say."""
    value = info.default
    if info.is_required() or value in ([], "", {}) or isinstance(value, BaseModel):
        return ""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def describe(
    words: Mapping[str, str] | None = None, language: str = "nb", templates: Path | None = None
) -> list[ModelDoc]:
    """Every model an author can write, top-level files first, then nested tables, in
    ``language`` (``words``: the type names, ``page.reference.types`` of the pages' labels;
    by default from ``templates``, else Refleks' own)."""
    templates = templates or SHIPPED_TEMPLATES
    if words is None:
        pages = wording(templates, "pages", language, "nettsted")
        words = pages["page"]["reference"]["types"]
    describer = _Describer(words, translations(templates, language, schemadocs.DOMAIN))
    files = {model: file for model, file in schemadocs.TOP_LEVEL}
    return [describer.model_doc(m, files.get(m, "")) for m in schemadocs.documented()]
