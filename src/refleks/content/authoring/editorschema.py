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

Every constraint also carries the Norwegian message the YAML extension shows instead of its
own English one with a raw pattern: ``patternErrorMessage`` for an id or a reference,
``errorMessage`` for a wrong type, a value outside the allowed ones or an unknown key (the
extension uses a table's ``errorMessage`` for both a wrong type and a key it does not know),
and ``markdownEnumDescriptions`` for the allowed values it offers to complete. Only a missing
key keeps the extension's own words («Missing property»).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ...confine import refuse_links_leaving
from ...writer import atomic_write
from .. import schema
from ..kinds import KINDS

DEFAULT_FOLDER = "schema"
"""The folder under the project that ``refleks schema`` and ``refleks new`` write to."""
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SUFFIX = ".schema.json"
# a text field takes whatever plain scalar the author wrote (yamlread keeps it as text)
_TEXT_TYPES = ["string", "number", "boolean"]

# what the YAML extension shows when a value breaks a constraint, in the words of
# ``refleks check`` (validate.py)
PATTERN_MESSAGES = {
    schema.ID_PATTERN: (
        "Ugyldig id: bruk små bokstaver a-z, sifre og bindestrek, og begynn med en bokstav "
        "(høyst 64 tegn). Ikke store bokstaver, mellomrom, / eller punktum; æ, ø og å "
        "skrives ae, o og a."
    ),
    r"^[a-z][a-z0-9-]{0,63}/[a-z][a-z0-9-]{0,63}$": (
        "Ugyldig henvisning: skriv <kilde-id>/<id>, for eksempel "
        "ukom-systemperspektiv/ledelse, med små bokstaver a-z, sifre og bindestrek "
        "(æ, ø og å skrives ae, o og a)."
    ),
}
TYPE_MESSAGES = {
    "integer": "Her skal det stå et heltall, for eksempel 1.",
    "number": "Her skal det stå et tall.",
    "boolean": "Her skal det stå true eller false.",
    "array": "Her skal det stå en liste, med «- » foran hvert punkt på egen linje.",
    "object": "Her skal det stå en tabell, med «nøkkel: verdi» på hver linje.",
    "string": "Her skal det stå tekst.",
}
EMPTY_OR_OTHER = "Her skal det stå en tabell med «nøkkel: verdi» på hver linje, eller ingenting."
DATE_MESSAGE = "Ugyldig dato: skriv ÅÅÅÅ-MM-DD, for eksempel 2027-03-23."
# what each allowed value means, where the field's own description does not say it per value
ENUM_DESCRIPTIONS = {
    "kilden": "Teksten står i kilden.",
    "refleks": "Teksten er skrevet for Refleks.",
    "åpen": "Kilden kan gjengis: funn, sitater og tabeller ordrett.",
    "bare sammendrag": "Materialet kan bare oppsummeres med egne ord, ikke gjengis.",
    "mkdocs": "MkDocs med Material (standard).",
    "zensical": "Zensical, etterfølgeren til Material.",
    "nb": "Bokmål.",
    "nn": "Nynorsk.",
    "ingen": "Ingen diagram, bare tabellen.",
    "linje": "Linjediagram.",
    "stolpe": "Stolpediagram.",
    "ikke startet": "Arbeidet er ikke startet.",
    "pågår": "Arbeidet pågår.",
    "ferdig": "Arbeidet er ferdig.",
    "bestått": "Ingen brudd funnet.",
    "brudd": "Brudd funnet.",
}


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
    _messages(node)
    for key in ("properties", "patternProperties", "$defs"):
        for child in node.get(key, {}).values():
            _adjust(child)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            _adjust(node[key])
    for key in ("anyOf", "allOf", "oneOf", "prefixItems"):
        for child in node.get(key, []):
            _adjust(child)
    _empty_allowed(node.get("anyOf", []))


def _empty_allowed(choices: list[dict[str, Any]]) -> None:
    """``X | None``: a wrong value gets X's message, not «Incorrect type. Expected null»."""
    empty = [c for c in choices if c.get("type") == "null"]
    said = [c["errorMessage"] for c in choices if "errorMessage" in c and c not in empty]
    if len(empty) == 1 and len(said) == 1:
        empty[0]["errorMessage"] = said[0]
    elif empty and all("$ref" in c for c in choices if c not in empty):
        empty[0]["errorMessage"] = EMPTY_OR_OTHER  # a table defined once (``$ref``), or nothing
    elif empty:
        empty[0]["errorMessage"] = " Eller: ".join(said) if said else EMPTY_OR_OTHER


def _messages(node: dict[str, Any]) -> None:
    """The Norwegian message for each constraint of ``node`` (see the module's docstring)."""
    if node.get("pattern") in PATTERN_MESSAGES:  # a number where an id goes is a bad id too
        node["patternErrorMessage"] = node["errorMessage"] = PATTERN_MESSAGES[node["pattern"]]
    elif "enum" in node:
        allowed = ", ".join(str(v) for v in node["enum"])
        node["errorMessage"] = f"Ugyldig verdi. Tillatte verdier: {allowed}."
        if all(v in ENUM_DESCRIPTIONS for v in node["enum"]):
            node["markdownEnumDescriptions"] = [ENUM_DESCRIPTIONS[v] for v in node["enum"]]
    elif "const" in node:
        node["errorMessage"] = f"Her kan det bare stå {node['const']}."
    elif node.get("format") == "date":
        node["errorMessage"] = DATE_MESSAGE
    elif node.get("type") == "object" and isinstance(node.get("properties"), dict):
        keys = ", ".join(node["properties"])
        node["errorMessage"] = (
            "Her skal det stå en tabell med «nøkkel: verdi» på hver linje, med nøklene "
            f"{keys}. Er en nøkkel ukjent, sjekk stavemåten og innrykket."
        )
    elif node.get("type") == list(_TEXT_TYPES):
        node["errorMessage"] = TYPE_MESSAGES["string"]
    elif isinstance(node.get("type"), str) and node["type"] in TYPE_MESSAGES:
        node["errorMessage"] = TYPE_MESSAGES[node["type"]]


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
