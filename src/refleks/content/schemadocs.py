"""The texts of the content model that authors read: every model's title and docstring and
every field's description, in the order the reference page shows the models.

The schema holds them in bokmål. Their nynorsk form is a gettext catalogue,
``templates/locale/nn/LC_MESSAGES/skjema.po`` (context ``Model`` for a title,
``Model:doc`` for a docstring, ``Model.field`` for a field), kept up to date with the
schema by ``python -m refleks.walkround.i18n templates``: a changed description shows up
there as a missing translation instead of an old one.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from . import schema

DOMAIN = "skjema"
WHERE = "src/refleks/content/schema/"

TOP_LEVEL: list[tuple[type[BaseModel], str]] = [
    (schema.Site, "content/site.yaml"),
    (schema.Role, "content/roles.yaml"),
    (schema.Source, "content/sources/<id>.yaml"),
    (schema.Reflection, "content/reflections/<id>.yaml"),
    (schema.Framework, "content/frameworks/<id>.yaml"),
    (schema.Method, "content/methods/<id>.yaml"),
    (schema.Visit, "content/visits/<id>.yaml"),
    (schema.Plan, "content/plans/<id>.yaml"),
]
"""Top-level models and the file each one describes."""


def title(model: type[BaseModel]) -> str:
    """The model's name as authors read it (its Norwegian ``title``)."""
    return str(model.model_config.get("title") or model.__name__)


def doc(model: type[BaseModel]) -> str:
    """The model's own docstring; pydantic's inherited one is not the author's text."""
    return (model.__dict__.get("__doc__") or "").strip()


def _models_in(tp: Any) -> Iterator[type[BaseModel]]:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        yield tp
        return
    for arg in typing.get_args(tp):
        yield from _models_in(arg)


def documented() -> list[type[BaseModel]]:
    """The top-level models, then every model their fields hold, each once."""
    order = [model for model, _file in TOP_LEVEL]
    i = 0
    while i < len(order):
        for info in order[i].model_fields.values():
            order += [m for m in _models_in(info.annotation) if m not in order]
        i += 1
    return order


def texts() -> Iterator[tuple[str, str]]:
    """``(context, bokmål text)`` of every text the reference page shows, on one line (as
    the page shows it)."""
    for model in documented():
        name = model.__name__
        yield name, title(model)
        if doc(model):
            yield f"{name}:doc", " ".join(doc(model).split())
        for field, info in model.model_fields.items():
            if info.description:
                yield f"{name}.{field}", " ".join(info.description.split())
