"""The kinds of content file: one table that the loader, the pipeline, the validator's
messages, the reference checks and the authors' reference page all read from."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from . import schema


@dataclass(frozen=True)
class Kind:
    """One kind of content file under ``content/<folder>/<id>.yaml``."""

    name: str
    folder: str
    """The folder under ``content/`` (``methods/nn`` is a folder inside another kind's)."""
    model: type[BaseModel]
    label: str
    """The kind's name in Norwegian, as users read it in messages."""

    @property
    def attribute(self) -> str:
        """The ``Library`` attribute that holds the items: the folder, ``/`` as ``_``."""
        return self.folder.replace("/", "_")

    @property
    def top_level(self) -> bool:
        """Whether the folder is directly under ``content/`` (named in messages)."""
        return "/" not in self.folder


KINDS: tuple[Kind, ...] = (
    Kind("source", "sources", schema.Source, "kilde"),
    Kind("reflection", "reflections", schema.Reflection, "refleksjonssett"),
    Kind("framework", "frameworks", schema.Framework, "rammeverk"),
    Kind("method", "methods", schema.Method, "metode"),
    Kind("visit", "visits", schema.Visit, "visitt"),
    Kind("plan", "plans", schema.Plan, "årsplan"),
    Kind("method_nn", "methods/nn", schema.MethodTranslation, "metode på nynorsk"),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

# files directly under content/, by the ``Loaded`` attribute that holds them
FILES = {"site.yaml": "site", "roles.yaml": "roles"}


@dataclass(frozen=True)
class Reference:
    """A field of one kind that names an item of another.

    ``path`` leads from the item to the field: ``*`` stands for every entry of a list and
    ``{}`` for every key of a table (the key is the reference). ``target`` is a kind's name,
    ``role``, ``finding``, ``recommendation`` or ``story`` (``<source>/<item>`` anywhere) or
    ``own finding`` (a finding of the same source)."""

    kind: str
    path: tuple[str, ...]
    target: str
    what: str


REFERENCES: tuple[Reference, ...] = (
    Reference("source", ("part_of",), "source", "kilden"),
    Reference("source", ("frameworks", "*"), "framework", "rammeverket"),
    Reference("source", ("recommendations", "*", "findings", "*"), "own finding", "funnet"),
    Reference("reflection", ("source",), "source", "kilden"),
    Reference("reflection", ("themes", "*", "questions", "{}"), "role", "rollen"),
    Reference("reflection", ("themes", "*", "findings", "*"), "finding", "funnet"),
    Reference(
        "reflection", ("themes", "*", "recommendations", "*"), "recommendation", "anbefalingen"
    ),
    Reference("reflection", ("themes", "*", "stories", "*"), "story", "fortellingen"),
    Reference("framework", ("sources", "*"), "source", "kilden"),
    Reference("method", ("source",), "source", "kilden"),
    Reference("visit", ("method",), "method", "metoden"),
)
