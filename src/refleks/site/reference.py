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
    file: str
    doc: str
    fields: list[FieldDoc]


def _type_name(tp: Any, nested: list[type[BaseModel]]) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        base = args[0]
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
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return {
        str: "tekst",
        int: "heltall",
        float: "tall",
        bool: "`true`/`false`",
        dt.date: DATE,
    }.get(tp, getattr(tp, "__name__", str(tp)))


def _field_type(info: FieldInfo, nested: list[type[BaseModel]]) -> str:
    """The type of a field as authors read it. Pydantic moves the constraints of a field's
    own ``Annotated`` type (the id and reference patterns) from the annotation to
    ``info.metadata``, so they are looked for there."""
    patterns = [m.pattern for m in info.metadata if getattr(m, "pattern", None)]
    if patterns and info.annotation is str:
        return "referanse" if "/" in patterns[0] else "id"
    return _type_name(info.annotation, nested)


def _model_doc(model: type[BaseModel], file: str, nested: list[type[BaseModel]]) -> ModelDoc:
    fields = []
    for name, info in model.model_fields.items():
        required = info.is_required()
        default = "" if required else repr(info.default) if info.default not in ([], "") else ""
        if isinstance(info.default, BaseModel):
            default = ""
        fields.append(
            FieldDoc(
                name,
                _field_type(info, nested),
                required,
                default.replace("'", ""),
                info.description or "",
            )
        )
    return ModelDoc(model.__name__, file, (model.__doc__ or "").strip(), fields)


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
