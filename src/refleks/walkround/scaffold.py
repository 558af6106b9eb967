"""``refleks new visit``: write a commented visit file to fill in.

The essentials come from options (``--id``, ``--unit``, ``--date`` ...) or, for those not
given, from questions on the terminal (``input()``). The file is made from
``templates/visit/ny-visitt.yaml.j2`` with every value quoted safely, and an existing file
is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..content import schema
from ..content.authoring import editorschema
from ..context import BuildContext
from ..errors import UsageError, visible
from ..project import Project

# (option, required, kind of check)
FIELDS: list[tuple[str, bool, str]] = [
    ("id", True, "id"),
    ("municipality", True, "text"),
    ("unit", True, "text"),
    ("leader", True, "text"),
    ("leader_title", False, "text"),
    ("date", True, "date"),
    ("time", True, "time"),
    ("location", False, "text"),
    ("top_leader", True, "text"),
    ("visit_leader", True, "text"),
    ("coordinator", True, "text"),
    ("coordinator_phone", False, "text"),
    ("coordinator_email", False, "email"),
    ("participants", False, "list"),
]
OPTION_HELP = {
    "id": "visittens id (blir filnavnet)",
    "municipality": "kommunen eller virksomheten",
    "unit": "enheten som besøkes",
    "leader": "navnet på lederen for enheten",
    "leader_title": "stillingen til lederen for enheten",
    "date": "dato, ÅÅÅÅ-MM-DD",
    "time": "klokkeslett, TT:MM",
    "location": "sted",
    "top_leader": "navnet på øverste leder",
    "visit_leader": "navnet på lederen for visitten",
    "coordinator": "navnet på koordinatoren",
    "coordinator_phone": "koordinatorens telefon (telefon eller e-post må med: brevet viser dit)",
    "coordinator_email": "koordinatorens e-post",
    "participants": "stillingene i samtalegruppen, skilt med komma",
}


def _check(kind: str, value: str) -> str | None:
    """The message key when ``value`` is not acceptable, else ``None``."""
    if kind == "id" and not re.fullmatch(schema.ID_PATTERN, value):
        return "id"
    if kind == "date":
        try:
            if not re.fullmatch(r"^\d{4}-\d{2}-\d{2}$", value):
                raise ValueError
            dt.date.fromisoformat(value)
        except ValueError:
            return "date"
    if kind == "time" and not re.fullmatch(schema.TIME_PATTERN, value):
        return "time"
    if kind == "email" and value and not re.fullmatch(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
        return "email"
    return None


def _yaml_string(value: Any) -> Markup:
    """A double-quoted YAML string (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def collect(
    args: argparse.Namespace, labels: dict[str, Any], ask: Callable[[str], str] | None = None
) -> dict[str, Any]:
    """Values from the options, asking for the missing ones; bad options are usage errors."""
    ask = ask or (lambda prompt: input(prompt))
    values: dict[str, Any] = {}
    asked = False
    for name, required, kind in FIELDS:
        given = getattr(args, name)
        if given is not None:
            value = given.strip()
            problem = _check(kind, value) or ("empty" if required and not value else None)
            if problem:
                option = "--" + name.replace("_", "-")
                said = labels["invalid"][problem]
                raise UsageError(f"{option}: {said} (skrevet: «{visible(given)}»)")
        elif required or asked:
            asked = True
            value = _ask(labels, name, required, kind, ask)
        else:
            value = ""
        values[name] = value
        if name == "coordinator_email":
            _reachable_coordinator(values, labels, asked, ask)
    values["participants"] = [p.strip() for p in values["participants"].split(",") if p.strip()]
    return values


def _reachable_coordinator(
    values: dict[str, Any], labels: dict[str, Any], asked: bool, ask: Callable[[str], str]
) -> None:
    """The letter tells readers to contact the coordinator: phone or e-mail is needed."""
    while not (values["coordinator_phone"] or values["coordinator_email"]):
        if not asked:
            raise UsageError(f"--coordinator-phone/--coordinator-email: {labels['no_contact']}")
        print(labels["no_contact"], file=sys.stderr)
        values["coordinator_phone"] = _ask(labels, "coordinator_phone", False, "text", ask)
        if not values["coordinator_phone"]:
            values["coordinator_email"] = _ask(labels, "coordinator_email", False, "email", ask)


def _ask(
    labels: dict[str, Any], name: str, required: bool, kind: str, ask: Callable[[str], str]
) -> str:
    while True:
        try:
            value = ask(f"{labels['prompts'][name]}: ").strip()
        except EOFError:
            option = "--" + name.replace("_", "-")
            raise UsageError(f"mangler {option} (ingen svar fra terminalen)") from None
        problem = _check(kind, value) if value else ("empty" if required else None)
        if problem is None:
            return value
        print(labels["invalid"][problem], file=sys.stderr)


def new_visit(args: argparse.Namespace, project: Project) -> int:
    """Write ``content/visits/<id>.yaml`` from the options and answers."""
    context = BuildContext(project)
    labels = context.labels("visit")
    if args.id is not None and _check("id", args.id) is None:
        _refuse_existing(project, args.id)
    values = collect(args, labels)
    path = _refuse_existing(project, values["id"])
    env = context.environment("visit")
    env.filters["y"] = _yaml_string
    values["method"] = schema.Visit.model_fields["method"].default
    values["schema"] = editorschema.reference_for(project.root, path, "visit")
    text = env.get_template("ny-visitt.yaml.j2").render(v=values)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise UsageError(f"filen finnes fra før og blir ikke overskrevet: {path}") from None
    print(f"Skrev {path}. Fyll ut resten, og lag visittsettet med: refleks visit {path}")
    return 0


def _refuse_existing(project: Project, visit_id: str):
    path = project.content / "visits" / f"{visit_id}.yaml"
    if path.exists():
        raise UsageError(f"filen finnes fra før og blir ikke overskrevet: {path}")
    return path
