"""JSON Schema for every kind of content file, for editors (``refleks schema``).

The schemas are generated from the pydantic models in ``schema``, so they describe the keys
and values ``refleks check`` accepts (references between files and quotes are checked only
by ``refleks check``), with the Norwegian field documentation as descriptions. An editor
with the YAML language server (VS Code with the YAML extension, and others) reads the schema a
file names in its first line, ``# yaml-language-server: $schema=<path>``, and then completes
keys, shows the descriptions and marks mistakes while the author types.

Two adjustments make the schemas fit YAML as Refleks reads it (see ``yamlread``): a plain
value is the text the author wrote, so a text field also accepts what YAML would read as a
number or yes/no (``value: 13``, ``rows: [[2019, 12]]``); and the models' English type and
field names (``title`` in JSON Schema) are left out, so editors show the Norwegian
descriptions (also as ``markdownDescription``, which the YAML extension shows formatted).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..confine import refuse_links_leaving
from ..writer import atomic_write
from . import schema
from .kinds import KINDS

DEFAULT_FOLDER = "schema"
"""The folder under the project that ``refleks schema`` and ``refleks new`` write to."""
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SUFFIX = ".schema.json"
# a text field takes whatever plain scalar the author wrote (yamlread keeps it as text)
_TEXT_TYPES = ["string", "number", "boolean"]


@dataclass(frozen=True)
class SchemaFile:
    """One schema: the kind's name (the file name), its Norwegian label and what it checks."""

    name: str
    label: str
    adapter: TypeAdapter

    @property
    def file_name(self) -> str:
        return self.name + SUFFIX


def schema_files() -> list[SchemaFile]:
    """Every kind of content file: those in folders (``kinds.KINDS``), ``site.yaml`` and
    ``roles.yaml``."""
    files = [SchemaFile(kind.name, kind.label, TypeAdapter(kind.model)) for kind in KINDS]
    files.append(SchemaFile("site", "innstillinger for nettstedet", TypeAdapter(schema.Site)))
    files.append(SchemaFile("roles", "roller", TypeAdapter(list[schema.Role])))
    return files


def by_name(name: str) -> SchemaFile:
    return next(f for f in schema_files() if f.name == name)


def json_schema(file: SchemaFile) -> dict[str, Any]:
    """The JSON Schema of one kind, adjusted for YAML as Refleks reads it."""
    generated = file.adapter.json_schema(mode="validation")
    _adjust(generated)
    return {
        "$schema": DIALECT,
        "title": f"Refleks: {file.label}",
        **generated,
    }


def _adjust(node: dict[str, Any]) -> None:
    """Leave out English titles and let text fields take any plain scalar, in ``node`` and
    every schema inside it."""
    node.pop("title", None)
    if "description" in node:  # shown formatted (`kode`, **uthevet**) by the YAML extension
        node["markdownDescription"] = node["description"]
    if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & set(node):
        node["type"] = list(_TEXT_TYPES)
    for key in ("properties", "patternProperties", "$defs"):
        for child in node.get(key, {}).values():
            _adjust(child)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            _adjust(node[key])
    for key in ("anyOf", "allOf", "oneOf", "prefixItems"):
        for child in node.get(key, []):
            _adjust(child)


def render(file: SchemaFile) -> bytes:
    """The schema file's bytes: the same for the same models, so rewriting changes nothing."""
    text = json.dumps(json_schema(file), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def write_all(folder: Path) -> list[Path]:
    """Write every schema into ``folder`` (made if missing); files already up to date are
    left alone. Returns the paths of all the schema files."""
    paths = []
    for file in schema_files():
        path = folder / file.file_name
        data = render(file)
        if not path.is_file() or path.read_bytes() != data:
            atomic_write(path, data)
        paths.append(path)
    return paths


def reference_for(root: Path, target: Path, name: str) -> str:
    """What a new file at ``target`` writes after ``$schema=``: the path from its folder to
    the kind's schema in the project's schema folder, written (or refreshed) first so the
    line never points at nothing."""
    folder = root / DEFAULT_FOLDER
    refuse_links_leaving(folder, root)
    write_all(folder)
    return Path(os.path.relpath(folder / by_name(name).file_name, target.parent)).as_posix()
