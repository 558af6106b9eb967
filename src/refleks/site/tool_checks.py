"""The visit checks of ``refleks check`` as data for the browser's «Lag visittbrev» form.

The messages are not retyped: each rule is run here, at build time, on a probe visit made to
break exactly that rule, through the same functions ``refleks check`` uses
(``validate.check_model`` for the schema, ``walkround.checks.check_visit`` for the method's
rules). The captured message, expected value and hint become templates by putting a
``{name}`` back where the probe's marker value stood; the browser fills them in again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..content import schema
from ..content.model import Library
from ..content.validate import check_model
from ..content.yamlread import Document
from ..errors import SEVERITY_WORDS, Problem, Problems
from ..walkround.checks import check_visit, health_professions, holiday_text

PROBE_ID = "probe"
TODAY = dt.date(2031, 3, 3)
"""A Monday; the day the probes take as today (its ISO form becomes ``{i_dag}``)."""
WEEKEND = dt.date(2031, 3, 8)  # a Saturday, no holiday
HOLIDAY = dt.date(2031, 5, 1)  # a Thursday, 1 May
BAD_EMAIL = "navn.example.no"
"""An e-mail address without «@» (``{verdi}`` in the message)."""
ODD_NUMBER = 987
"""A marker number no rule uses (``{verdi}`` / ``{antall}``)."""


def _base_visit(method: str) -> dict[str, Any]:
    """A visit that breaks no rule (for the method's defaults)."""
    person = {"name": "Navn", "title": "tittel", "email": "navn@example.no", "phone": "12345678"}
    return {
        "id": PROBE_ID,
        "method": method,
        "municipality": "Kommune",
        "unit": "Enhet",
        "unit_leader": {"name": "Leder", "title": "avdelingsleder"},
        "date": TODAY + dt.timedelta(days=8),
        "time": "13:00",
        "duration_minutes": 30,
        "location": "Møterommet",
        "contact": person,
        "leadership": {"top_leader": person, "visit_leader": person, "coordinator": person},
        "participants": ["sykepleier", "lege", "ufaglært", "renholder", "helsefagarbeider"],
    }


def _problems(library: Library, data: dict[str, Any]) -> list[Problem]:
    """What ``check_visit`` says about ``data`` (warnings included), method problems left out."""
    visit = schema.Visit.model_validate(data)
    doc = Document(Path("probe.yaml"), data)
    probe = dataclasses.replace(library, documents={**library.documents, ("visit", PROBE_ID): doc})
    found = check_visit(probe, visit, TODAY, Problems(None)).items
    return [p for p in found if p.file == "probe.yaml"]


def _template(problem: Problem, marks: dict[str, str]) -> dict[str, Any]:
    def put_back(text: str | None) -> str | None:
        if text is None:
            return None
        for value, name in marks.items():
            text = text.replace(value, "{" + name + "}")
        return text

    return {
        "severity": SEVERITY_WORDS[problem.severity],  # the word the user reads
        "message": put_back(problem.message),
        "expected": put_back(problem.expected),
        "hint": put_back(problem.hint),
    }


def _one(library: Library, method: str, change: dict[str, Any], marks: dict[str, str]) -> dict:
    data = {**_base_visit(method), **change}
    # only what the changed key caused: a rule added later may also speak about the probe
    found = [p for p in _problems(library, data) if p.path.split(".")[0].split("[")[0] in change]
    if len(found) != 1:
        raise RuntimeError(f"probe {change} gave {len(found)} problems: {found}")
    return _template(found[0], marks)


def rule_messages(library: Library, method: str) -> dict[str, dict[str, Any]]:
    """The method rules of ``check_visit`` that a form can break, by rule name."""
    n = str(ODD_NUMBER)
    leader = "avdelingsleder"
    everyone_health = ["sykepleier"] * 5
    return {
        "duration_not_positive": _one(library, method, {"duration_minutes": 0}, {}),
        "duration_too_long": _one(library, method, {"duration_minutes": ODD_NUMBER}, {n: "verdi"}),
        "group_size": _one(
            library, method, {"participants": ["ufaglært"] * ODD_NUMBER}, {n: "antall"}
        ),
        "no_other_staff": _one(library, method, {"participants": everyone_health}, {}),
        "leader_in_conversation": _one(library, method, {"unit_leader_in_conversation": True}, {}),
        "leader_in_group": _one(
            library,
            method,
            {"participants": ["ufaglært", "lege", leader, "renholder", "sykepleier"]},
            {},
        ),
        "date_passed": _one(
            library, method, {"date": TODAY - dt.timedelta(days=7)}, {TODAY.isoformat(): "i_dag"}
        ),
        "email": _one(
            library,
            method,
            {"contact": {"name": "Navn", "email": BAD_EMAIL}},
            {BAD_EMAIL: "verdi"},
        ),
        "contact": _one(library, method, {"contact": {"name": "Navn"}}, {}),
        "weekend": _one(library, method, {"date": WEEKEND}, {}),
        "holiday": _one(
            library, method, {"date": HOLIDAY}, {str(holiday_text(library, HOLIDAY)): "grunn"}
        ),
    }


def _schema_problem(method: str, change: dict[str, Any], drop: str | None = None) -> Problem:
    data = {**_base_visit(method), **change}
    data.pop(drop, None)
    problems = Problems(None)
    check_model(Document(Path("probe.yaml"), data), schema.Visit, problems)
    if len(problems.items) != 1:
        raise RuntimeError(f"schema probe {change} gave {problems.items}")
    return problems.items[0]


def schema_messages(method: str) -> dict[str, dict[str, Any]]:
    """What the content checks say about a missing field, a bad date, time or number."""
    missing = _schema_problem(method, {}, drop="unit")
    return {
        "missing": _template(missing, {"unit": "navn"}),
        "date": _template(_schema_problem(method, {"date": "2031-02-30"}), {}),
        "time": _template(_schema_problem(method, {"time": "25:99"}), {}),
        "integer": _template(_schema_problem(method, {"duration_minutes": "x"}), {}),
    }


def _leaves(model: Any, path: str = "") -> typing.Iterator[tuple[str, Any, tuple]]:
    """Every leaf of ``model``: (dotted key path without list indices, type, metadata)."""
    for name, field in model.model_fields.items():
        where = f"{path}.{name}" if path else name
        # pydantic keeps a field's own ``Annotated`` metadata apart from its type
        stack: list[tuple[Any, tuple]] = [(field.annotation, tuple(field.metadata))]
        while stack:
            tp, meta = stack.pop()
            origin = typing.get_origin(tp)
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                yield from _leaves(tp, where)
            elif origin is typing.Annotated:
                stack.append((typing.get_args(tp)[0], meta + tuple(tp.__metadata__)))
            elif origin in (list, typing.Union, types.UnionType):
                stack.extend((arg, meta) for arg in typing.get_args(tp))
            elif tp is not type(None):
                yield where, tp, meta


def text_fields() -> list[str]:
    """The visit's keys that may span lines (the rest must be one line): free ``str`` text
    and Markdown, as opposed to ``schema.Line``, ids, dates, times and choices."""
    return sorted(
        {
            where
            for where, tp, meta in _leaves(schema.Visit)
            if tp is str and all(m == "markdown" for m in meta)
        }
    )


def text_messages(method: str) -> dict[str, Any]:
    """The one-line and control-character rule of ``refleks check`` as data for the form:
    the refused characters (from ``schema.line_problem`` and ``schema.text_problem``), the
    keys that may span lines, the id pattern and the messages, ``{tegn}`` standing for the
    character as a message shows it."""
    mark = {"U+0001": "tegn"}
    action = {"problem": "Fall\x01", "changes": []}
    return {
        "line_refused": schema.line_rule(),
        "text_refused": schema.refused_ranges(schema.text_problem),
        "text_fields": text_fields(),
        "id_pattern": schema.ID_PATTERN,
        "one_line": _template(_schema_problem(method, {"unit": "Enhet\x01"}), mark),
        "line_break": _template(_schema_problem(method, {"unit": "Enhet\n"}), {}),
        "control": _template(_schema_problem(method, {"actions": [action]}), mark),
        "id": _template(_schema_problem(method, {"id": "Probe X"}), {}),
    }


def checks(library: Library, method: str) -> dict[str, Any]:
    """Everything the form needs to check a visit as ``refleks check`` does."""
    return {
        "rules": rule_messages(library, method),
        "schema": schema_messages(method),
        "text": text_messages(method),
        "health_professions": health_professions(library.project.templates),
    }
