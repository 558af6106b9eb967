"""Check loaded documents against the schema (stage 2) and turn pydantic's errors into
Norwegian messages that point at ``file:line:col``."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ..errors import Problems
from .yamlread import Document, Path_, format_path

_KINDS_NB = {
    "source": "kilde",
    "reflection": "refleksjonssett",
    "framework": "rammeverk",
    "method": "metode",
    "visit": "visitt",
    "plan": "årsplan",
    "method_nn": "metode på nynorsk",
}


def _unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``X | None``."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _type_at(model: type[BaseModel], loc: Path_) -> Any:
    """The annotation reached by following ``loc`` from ``model``."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            if field is None:
                return None
            tp = field.annotation
        elif typing.get_origin(tp) is list:
            tp = typing.get_args(tp)[0]
        elif typing.get_origin(tp) is dict:
            tp = typing.get_args(tp)[1]
        else:
            return None
    return _unwrap(tp)


def _describe(value: Any) -> str:
    if value is None:
        return "ingenting (tom verdi)"
    if isinstance(value, dict):
        return "en tabell (nøkkel: verdi)"
    if isinstance(value, list):
        return "en liste"
    return str(value)


def _expected_for(tp: Any) -> str:
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if origin is Literal:
        return "en av: " + ", ".join(str(a) for a in typing.get_args(tp))
    if origin is list:
        return "en liste"
    if origin is dict:
        return "en tabell (nøkkel: verdi)"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "en tabell med nøklene " + ", ".join(tp.model_fields)
    return {
        str: "tekst",
        int: "et heltall",
        float: "et tall",
        bool: "true eller false",
    }.get(tp, "en gyldig verdi")


def check_model(
    doc: Document, model: type[BaseModel], problems: Problems, data: Any = None, prefix: Path_ = ()
) -> BaseModel | None:
    """Validate ``data`` (default: the whole document) against ``model``; report every error."""
    data = doc.data if data is None else data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            _report(doc, model, prefix, err, problems)
        return None


def _report(
    doc: Document, model: type[BaseModel], prefix: Path_, err: Any, problems: Problems
) -> None:
    kind = err["type"]
    loc: Path_ = tuple(err["loc"])
    on_key = False
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        on_key = True
    # pydantic adds the union member or validator name to the location; drop those parts
    loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in {"str", "int"})))
    full = (*prefix, *loc)
    value = err.get("input")
    written = _describe(value)
    message: str
    expected: str | None = None
    hint: str | None = None
    ctx = err.get("ctx") or {}

    if kind == "missing":
        parent = full[:-1]
        line, col = doc.where(parent, key=bool(parent))
        name = str(loc[-1])
        problems.add(
            doc.file,
            line,
            col,
            format_path(full),
            f"mangler påkrevd nøkkel «{name}»",
            expected=f"{name}: ...",
            hint=f"legg til «{name}:» med en verdi",
        )
        return
    if kind == "extra_forbidden":
        name = str(loc[-1])
        owner = _type_at(model, loc[:-1])
        allowed = list(owner.model_fields) if isinstance(owner, type) else []
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        line, col = doc.where(full, key=True)
        problems.add(
            doc.file,
            line,
            col,
            format_path(full),
            f"ukjent nøkkel «{name}»",
            written=name,
            expected="en av: " + ", ".join(allowed),
            hint=f"mente du «{close[0]}»?" if close else "sjekk stavemåten i innholdsmodellen",
        )
        return
    target = _type_at(model, loc)
    if kind == "literal_error":
        message = "ugyldig verdi"
        expected = "en av: " + ", ".join(
            a.strip("'") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        )
        choices = [a for a in typing.get_args(target)] if target is not None else []
        close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
        hint = f"mente du «{close[0]}»?" if close else None
    elif kind == "string_pattern_mismatch" and "/" in str(ctx.get("pattern", "")):
        message = "ugyldig referanse"
        expected = "<fil-id>/<element-id>, for eksempel ukom-systemperspektiv/ledelse"
    elif kind == "string_pattern_mismatch":
        message = "ugyldig id"
        expected = (
            "små bokstaver a-z, sifre og bindestrek, som begynner med en bokstav (høyst 64 tegn)"
        )
        hint = "bruk ikke store bokstaver, æ, ø, å, mellomrom, / eller punktum i id-er"
    elif kind == "value_error" and "iso_date" in err["msg"]:
        message = "ugyldig dato"
        expected = "en dato som finnes, skrevet ÅÅÅÅ-MM-DD, for eksempel 2027-03-23"
    elif kind == "value_error" and "url" in err["msg"]:
        message = "ugyldig lenke"
        expected = "en adresse som begynner med https://, http:// eller mailto:"
    elif kind == "value_error" and "time" in err["msg"]:
        message = "ugyldig klokkeslett"
        expected = 'TT:MM i anførselstegn, for eksempel "13:00"'
    elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        message = "ugyldig dato"
        expected = "en dato som finnes, skrevet ÅÅÅÅ-MM-DD, for eksempel 2027-03-23"
    else:
        message = "feil type" if "type" in kind or "parsing" in kind else "ugyldig verdi"
        expected = _expected_for(target) if target is not None else None
        if kind == "bool_parsing":
            expected = "true eller false"
    line, col = doc.where(full, key=on_key)
    problems.add(
        doc.file,
        line,
        col,
        format_path(full),
        message,
        written=written,
        expected=expected,
        hint=hint,
    )


def kind_label(kind: str) -> str:
    return _KINDS_NB.get(kind, kind)
