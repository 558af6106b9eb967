"""``refleks schema``: JSON Schema for editors. Every shipped content file is valid against
its kind's schema (read as an editor reads YAML: YAML 1.2, where ``13:00`` and ``2027-03-01``
are text), wrong files are not, and the descriptions are the Norwegian field documentation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from refleks.cli import main

from .conftest import ROOT

CONTENT = ROOT / "content"

# which schema each shipped file is checked against, worked out from the folder table in
# README ("content/") by hand
FOLDER_SCHEMA = {
    "sources": "source",
    "reflections": "reflection",
    "frameworks": "framework",
    "methods": "method",
    "methods/nn": "method_nn",
    "visits": "visit",
    "plans": "plan",
}
TOP_FILES = {"site.yaml": "site", "roles.yaml": "roles"}
ALL_SCHEMAS = sorted([*FOLDER_SCHEMA.values(), *TOP_FILES.values()])


class _Yaml12Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema, as the YAML language server reads files: only true/false are
    booleans; no dates, no base-60 numbers, no yes/no."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
):
    _Yaml12Resolver.add_implicit_resolver(
        "tag:yaml.org,2002:" + _tag, re.compile(_pattern), list(_first)
    )


class _Yaml12Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Yaml12Resolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Yaml12Resolver.__init__(self)


def read_yaml12(text: str) -> object:
    return yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 - a safe constructor


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("schema")
    assert main(["--project", str(ROOT), "schema", "--out", str(out)]) == 0
    found = {p.name.removesuffix(".schema.json"): p for p in out.glob("*.schema.json")}
    assert sorted(found) == ALL_SCHEMAS
    return {name: json.loads(p.read_text("utf-8")) for name, p in found.items()}


def shipped_files() -> list[tuple[Path, str]]:
    files = [(CONTENT / name, kind) for name, kind in TOP_FILES.items()]
    for folder, kind in FOLDER_SCHEMA.items():
        files += [(p, kind) for p in sorted((CONTENT / folder).glob("*.yaml"))]
    return files


def test_every_shipped_file_is_valid_against_its_schema(schemas: dict[str, dict]) -> None:
    files = shipped_files()
    every_yaml = {p for p in CONTENT.rglob("*.yaml")}
    assert {p for p, _ in files} == every_yaml, "a content file with no schema"
    assert len(files) >= 30  # 5 sources, 2 sets, 25 frameworks ... as shipped
    failures = []
    for path, kind in files:
        validator = jsonschema.Draft202012Validator(schemas[kind])
        data = read_yaml12(path.read_text("utf-8"))
        for error in validator.iter_errors(data):
            failures.append(f"{path.relative_to(ROOT)}: {error.json_path}: {error.message}")
    assert failures == []


def test_every_schema_is_a_valid_json_schema(schemas: dict[str, dict]) -> None:
    for schema in schemas.values():
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def errors_of(schema: dict, text: str) -> list[tuple[str, str]]:
    validator = jsonschema.Draft202012Validator(schema)
    return sorted((e.json_path, e.validator) for e in validator.iter_errors(read_yaml12(text)))


SET = """\
id: mitt-sett
source: ukom-systemperspektiv
title: Mitt sett
themes:
  - id: forste
    number: 1
    title: Første tema
    questions:
      kollega:
        - Hva gjør vi?
"""


def test_wrong_files_fail(schemas: dict[str, dict]) -> None:
    reflection = schemas["reflection"]
    assert errors_of(reflection, SET) == []
    # questions written as a string instead of a list
    wrong = SET.replace("      kollega:\n        - Hva gjør vi?", "      kollega: Hva gjør vi?")
    assert errors_of(reflection, wrong) == [("$.themes[0].questions.kollega", "type")]
    # a misspelt key, a missing title and a bad id
    wrong = SET.replace("title: Mitt sett", "tittel: Mitt sett").replace("mitt-sett", "Mitt sett")
    assert errors_of(reflection, wrong) == [
        ("$", "additionalProperties"),
        ("$", "required"),
        ("$.id", "pattern"),
    ]
    # a value outside the allowed ones
    assert errors_of(reflection, SET + "authored_by: meg\n") == [("$.authored_by", "anyOf")]
    # a role with no address; roles.yaml is a list
    assert errors_of(schemas["roles"], "- id: student\n  label: Student\n") == [
        ("$[0]", "required")
    ]
    assert errors_of(schemas["roles"], "id: student\n") == [("$", "type")]


def test_text_fields_take_what_yaml_reads_as_numbers(schemas: dict[str, dict]) -> None:
    # Refleks keeps a plain value as written, so `title: 2024` is the text «2024"
    assert errors_of(schemas["reflection"], SET.replace("title: Første tema", "title: 2024")) == []
    # a number field still wants a number
    wrong = SET.replace("number: 1", "number: først")
    assert errors_of(schemas["reflection"], wrong) == [("$.themes[0].number", "type")]


def test_descriptions_are_the_norwegian_field_documentation(schemas: dict[str, dict]) -> None:
    source = schemas["source"]
    assert source["title"] == "Refleks: kilde"
    assert source["properties"]["publisher"]["description"] == (
        "Utgiver, for eksempel «Ukom» eller «Helsedirektoratet»."
    )
    theme = schemas["reflection"]["$defs"]["Theme"]
    assert theme["properties"]["number"]["description"] == "Nummeret temaet har (1, 2, 3 ...)."
    # no English type or field names for editors to show
    assert "title" not in theme and "title" not in theme["properties"]["number"]
    assert schemas["roles"]["title"] == "Refleks: roller"
    assert schemas["site"]["properties"]["title"]["description"] == "Nettstedets tittel."


def test_schema_command_writes_into_the_project_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    assert main(["--project", str(tmp_path), "schema"]) == 0
    written = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert written == sorted(f"{name}.schema.json" for name in ALL_SCHEMAS)
    assert capsys.readouterr().out == (
        "Skrev JSON Schema for 9 filtyper i schema/.\n"
        "Begynn en YAML-fil med for eksempel\n"
        "  # yaml-language-server: $schema=../../schema/source.schema.json\n"
        "så hjelper redigeringsprogrammet (VS Code med YAML-utvidelsen) deg mens du skriver.\n"
    )


# ------------------------------------------------------- the messages the editor shows


def shown(error: jsonschema.ValidationError) -> list[str]:
    """What the YAML extension (yaml-language-server) shows for a jsonschema error: a
    pattern's ``patternErrorMessage``, else the failing schema's ``errorMessage``, else its own
    English words; for ``X | None`` the messages of X (its best match)."""
    if error.validator in ("anyOf", "oneOf"):
        choices = [c for c in error.context if c.schema.get("type") != "null"] or error.context
        return sorted({m for c in choices for m in shown(c)})
    if error.validator == "pattern":
        return [error.schema.get("patternErrorMessage") or error.schema.get("errorMessage") or ""]
    if error.validator == "required":
        return ["(Missing property)"]  # the extension's own words; no schema keyword changes it
    return [error.schema.get("errorMessage") or error.message]


def messages_of(schema: dict, text: str) -> list[tuple[str, list[str]]]:
    validator = jsonschema.Draft202012Validator(schema)
    found = [(e.json_path, shown(e)) for e in validator.iter_errors(read_yaml12(text))]
    return sorted(found)


ID_MESSAGE = (
    "Ugyldig id: bruk små bokstaver a-z, sifre og bindestrek, og begynn med en bokstav "
    "(høyst 64 tegn). Ikke store bokstaver, mellomrom, / eller punktum; æ, ø og å skrives "
    "ae, o og a."
)


def test_the_editor_shows_norwegian_messages_for_beginners_mistakes(
    schemas: dict[str, dict],
) -> None:
    reflection = schemas["reflection"]
    assert messages_of(reflection, SET.replace("id: forste", "id: Første")) == [
        ("$.themes[0].id", [ID_MESSAGE])
    ]
    wrong = SET.replace("    questions:", "    findings: [funn]\n    questions:")
    assert messages_of(reflection, wrong) == [
        (
            "$.themes[0].findings[0]",
            [
                "Ugyldig henvisning: skriv <kilde-id>/<id>, for eksempel "
                "ukom-systemperspektiv/ledelse, med små bokstaver a-z, sifre og bindestrek "
                "(æ, ø og å skrives ae, o og a)."
            ],
        )
    ]
    assert messages_of(reflection, SET + "authored_by: meg\n") == [
        ("$.authored_by", ["Ugyldig verdi. Tillatte verdier: kilden, refleks."])
    ]
    wrong = SET.replace("      kollega:\n        - Hva gjør vi?", "      kollega: Hva gjør vi?")
    assert messages_of(reflection, wrong) == [
        (
            "$.themes[0].questions.kollega",
            ["Her skal det stå en liste, med «- » foran hvert punkt på egen linje."],
        )
    ]
    assert messages_of(reflection, SET.replace("number: 1", "number: først")) == [
        ("$.themes[0].number", ["Her skal det stå et heltall, for eksempel 1."])
    ]
    # a misspelt key: the table's message, which names the keys it takes
    missing, (path, [message]) = messages_of(reflection, SET.replace("title: Mitt", "tittel: Mitt"))
    assert path == "$" and missing == ("$", ["(Missing property)"])
    assert message == (
        "Her skal det stå en tabell med «nøkkel: verdi» på hver linje, med nøklene id, source, "
        "title, intro, intro_authored_by, instruction, authored_by, themes, nn. Er en nøkkel "
        "ukjent, sjekk stavemåten og innrykket."
    )
    roles = "- id: student\n  label: Student\n  address: Til deg som er student\n  level: to\n"
    assert messages_of(schemas["roles"], roles) == [
        ("$[0].level", ["Her skal det stå et heltall, for eksempel 1."])
    ]


def test_every_constraint_has_a_norwegian_message(schemas: dict[str, dict]) -> None:
    """No raw pattern or English «Incorrect type» reaches the author: every node that checks
    something names it in Norwegian."""
    bare = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            checks = {"pattern", "enum", "const", "type"} & set(node)
            if "pattern" in node and "patternErrorMessage" not in node:
                bare.append(where + " pattern")
            if checks and "errorMessage" not in node:
                bare.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    for name, schema in schemas.items():
        walk({k: v for k, v in schema.items() if k != "$schema"}, name)
    assert bare == []
    sharing = schemas["source"]["properties"]["sharing"]
    assert sharing["markdownEnumDescriptions"] == [
        "Kilden kan gjengis: funn, sitater og tabeller ordrett.",
        "Materialet kan bare oppsummeres med egne ord, ikke gjengis.",
    ]


def test_new_files_are_valid_in_the_editor_and_hold_no_python(
    tmp_path: Path, schemas: dict[str, dict], capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_bad_input import make_project

    project = make_project(tmp_path / "p")
    for args in (
        ["source", "--title", "Veileder om ny beboer"],
        ["reflection", "--title", "Ny beboer", "--source", "veileder-om-ny-beboer"],
        ["framework", "--title", "ISBAR", "--source", "kilde"],
        ["role", "--title", "Student"],
    ):
        assert main(["--project", str(project), "new", *args]) == 0
    capsys.readouterr()
    made = {
        "source": project / "content" / "sources" / "veileder-om-ny-beboer.yaml",
        "reflection": project / "content" / "reflections" / "ny-beboer.yaml",
        "framework": project / "content" / "frameworks" / "isbar.yaml",
        "roles": project / "content" / "roles.yaml",
    }
    for kind, path in made.items():
        text = path.read_text("utf-8")
        assert text.startswith("# yaml-language-server: $schema="), path.name
        for python in ("typing.", "Literal[", "<class", "NoneType"):
            assert python not in text, (path.name, python)
        assert messages_of(schemas[kind], text) == [], path.name
    assert "# Tillatte verdier: kilden, refleks." in made["reflection"].read_text("utf-8")
    assert "\nsharing: åpen\n" in made["source"].read_text("utf-8")
