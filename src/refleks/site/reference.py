"""The authors' reference page's data: every model of ``content.schema`` with its fields,
their types in Norwegian, whether they are required, defaults and the field docstrings."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..content import schema

DATE = "dato (ÅÅÅÅ-MM-DD)"
MARKDOWN = "tekst (Markdown)"
NONE = "\0"
"""The default of a field left out: shown as «ingen» (not as a value to write)."""
# the schema's validators (content/schema/common.py) -> the type's name for authors
SPECIAL_TEXTS = {
    "_iso_date": DATE,
    "_url": "nettadresse (https://, http:// eller mailto:)",
    "_time": "klokkeslett (TT:MM)",
    "_line": "tekst på én linje",
}

# top-level models and the file each one describes
TOP_LEVEL: list[tuple[type[BaseModel], str]] = [
    (schema.Site, "content/site.yaml"),
    (schema.Role, "content/roles.yaml (hvert punkt i listen)"),
    (schema.Source, "content/sources/<id>.yaml"),
    (schema.Reflection, "content/reflections/<id>.yaml"),
    (schema.Framework, "content/frameworks/<id>.yaml"),
    (schema.Method, "content/methods/<id>.yaml"),
    (schema.Visit, "content/visits/<id>.yaml"),
    (schema.Plan, "content/plans/<id>.yaml"),
]


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


def _type_name(tp: Any, nested: list[type[BaseModel]]) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        base = args[0]
        special = _special(tp.__metadata__)
        if special:
            return special
        if any(getattr(m, "pattern", None) for m in getattr(tp, "__metadata__", ())):
            return "id"
        for meta in tp.__metadata__:
            if getattr(meta, "metadata", None) and any(
                getattr(m, "pattern", None) for m in meta.metadata
            ):
                return "referanse" if "/" in meta.metadata[0].pattern else "id"
        return _type_name(base, nested)
    if origin in (typing.Union, types.UnionType):
        parts = [a for a in args if a is not type(None)]
        return " eller ".join(_type_name(a, nested) for a in parts)
    if origin is Literal:
        return "en av: " + ", ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"liste med {_type_name(args[0], nested)}"
    if origin is dict:
        return f"tabell {_type_name(args[0], nested)} → {_type_name(args[1], nested)}"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if tp not in nested:
            nested.append(tp)
        return f"[{title(tp)}](#{tp.__name__.lower()})"
    return {
        str: "tekst",
        int: "heltall",
        float: "tall",
        bool: "`true`/`false`",
        dt.date: DATE,
        object: "hva som helst",
    }.get(tp, "tekst")


def title(model: type[BaseModel]) -> str:
    """The model's name as authors read it (its Norwegian ``title``)."""
    return str(model.model_config.get("title") or model.__name__)


def _special(metadata: Any) -> str | None:
    """The Norwegian name of a text with a meaning of its own (a date, a link, a time)."""
    for meta in metadata:
        if meta == "markdown":
            return MARKDOWN
        name = getattr(getattr(meta, "func", None), "__name__", "")
        if name in SPECIAL_TEXTS:
            return SPECIAL_TEXTS[name]
    return None


def _field_type(info: FieldInfo, nested: list[type[BaseModel]]) -> str:
    """The type of a field as authors read it. Pydantic moves the constraints of a field's
    own ``Annotated`` type (the id and reference patterns) from the annotation to
    ``info.metadata``, so they are looked for there."""
    patterns = [m.pattern for m in info.metadata if getattr(m, "pattern", None)]
    if patterns and info.annotation is str:
        return "referanse" if "/" in patterns[0] else "id"
    special = _special(info.metadata)
    if special and info.annotation in (str, dt.date):
        return special
    return _type_name(info.annotation, nested)


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


def _model_doc(model: type[BaseModel], file: str, nested: list[type[BaseModel]]) -> ModelDoc:
    fields = []
    for name, info in model.model_fields.items():
        fields.append(
            FieldDoc(
                name,
                _field_type(info, nested),
                info.is_required(),
                _default(info),
                info.description or "",
            )
        )
    return ModelDoc(title(model), model.__name__.lower(), file, _doc(model), fields)


def _doc(model: type[BaseModel]) -> str:
    """The model's own docstring; pydantic's inherited one is not the author's text."""
    doc = model.__dict__.get("__doc__")
    return (doc or "").strip()


def describe() -> list[ModelDoc]:
    """Every model an author can write, top-level files first, then nested tables."""
    nested: list[type[BaseModel]] = []
    docs = [_model_doc(model, file, nested) for model, file in TOP_LEVEL]
    seen = {m for m, _ in TOP_LEVEL}
    i = 0
    while i < len(nested):
        model = nested[i]
        i += 1
        if model in seen:
            continue
        seen.add(model)
        docs.append(_model_doc(model, "", nested))
    return docs
