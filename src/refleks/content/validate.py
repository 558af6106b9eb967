"""Check loaded documents against the schema (stage 2) and turn pydantic's errors into
Norwegian messages that point at ``file:line:col``."""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ..errors import Problems, did_you_mean
from . import schema
from .yamlread import Document, KeyPath, format_path


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


def _type_at(model: type[BaseModel], loc: KeyPath) -> Any:
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


DATE_EXPECTED = "en dato som finnes, skrevet ÅÅÅÅ-MM-DD, for eksempel 2027-03-23"
# the schema's own validators (schema/common.py) name the problem in their message
VALUE_ERRORS: tuple[tuple[str, str, str, str | None], ...] = (
    (
        "date_range",
        "datoen er utenfor det Refleks kan regne med",
        f"en dato fra år {schema.FIRST_YEAR} til {schema.LAST_YEAR}, skrevet ÅÅÅÅ-MM-DD",
        None,
    ),
    (
        "one_line",
        "teksten må stå på én linje",
        "én linje uten linjeskift, tabulator eller andre kontrolltegn",
        "skriv teksten i anførselstegn på samme linje som nøkkelen, uten | eller >",
    ),
    ("iso_date", "ugyldig dato", DATE_EXPECTED, None),
    ("url", "ugyldig lenke", "en adresse som begynner med https://, http:// eller mailto:", None),
    ("time", "ugyldig klokkeslett", 'TT:MM i anførselstegn, for eksempel "13:00"', None),
    (
        "sha256",
        "ugyldig sjekksum",
        "64 tegn 0-9 og a-f, slik refleks check foreslår den",
        "slett linjen og kjør refleks check: den foreslår sjekksummen",
    ),
)


def check_model(
    doc: Document,
    model: type[BaseModel],
    problems: Problems,
    data: Any = None,
    prefix: KeyPath = (),
) -> BaseModel | None:
    """Validate ``data`` (default: the whole document) against ``model``; report every error."""
    data = doc.data if data is None else data
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            _report(doc, model, prefix, err, problems)
        return None


def _location(err: Any, prefix: KeyPath) -> tuple[KeyPath, KeyPath, bool]:
    """The error's key path in the model, in the document, and whether it is on a key."""
    loc: KeyPath = tuple(err["loc"])
    on_key = False
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        on_key = True
    # pydantic adds the union member or validator name to the location; drop those parts
    loc = tuple(p for p in loc if not (isinstance(p, str) and ("[" in p or p in {"str", "int"})))
    return loc, (*prefix, *loc), on_key


def _report(
    doc: Document, model: type[BaseModel], prefix: KeyPath, err: Any, problems: Problems
) -> None:
    kind = err["type"]
    loc, full, on_key = _location(err, prefix)
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
        line, col = doc.where(full, key=True)
        problems.add(
            doc.file,
            line,
            col,
            format_path(full),
            f"ukjent nøkkel «{name}»",
            written=name,
            expected="en av: " + ", ".join(allowed),
            hint=did_you_mean(name, allowed) or "sjekk stavemåten i innholdsmodellen",
        )
        return
    message, expected, hint = _explain(err, _type_at(model, loc))
    if kind == "list_type" and isinstance(err.get("input"), str) and loc and str(loc[-1]):
        expected = _list_example(str(loc[-1]), err["input"])
    line, col = doc.where(full, key=on_key)
    problems.add(
        doc.file,
        line,
        col,
        format_path(full),
        message,
        written=_describe(err.get("input")),
        expected=expected,
        hint=hint,
    )


def _list_example(key: Any, value: str) -> str:
    """What a list looks like, made from what the author wrote (a single text)."""
    first = value.splitlines()[0] if value.strip() else "..."
    name = key if isinstance(key, str) else "nøkkel"
    example = f"\n      {name}:\n        - {first}"
    return "en liste, med «- » foran hvert punkt på egen linje, for eksempel:" + example


def _explain(err: Any, target: Any) -> tuple[str, str | None, str | None]:
    """Message, what was expected and a hint for a wrong value."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "literal_error":
        expected = "en av: " + ", ".join(
            a.strip("'") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        )
        choices = [a for a in typing.get_args(target)] if target is not None else []
        return "ugyldig verdi", expected, did_you_mean(str(value), [str(c) for c in choices])
    if kind == "string_pattern_mismatch" and "/" in str(ctx.get("pattern", "")):
        return (
            "ugyldig referanse",
            "<fil-id>/<element-id>, for eksempel ukom-systemperspektiv/ledelse",
            None,
        )
    if kind == "string_pattern_mismatch":
        return (
            "ugyldig id",
            "små bokstaver a-z, sifre og bindestrek, som begynner med en bokstav (høyst 64 tegn)",
            "bruk ikke store bokstaver, æ, ø, å, mellomrom, / eller punktum i id-er",
        )
    if kind == "value_error":
        for word, message, expected, hint in VALUE_ERRORS:
            if word in err["msg"]:
                return message, expected, hint
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return "ugyldig dato", DATE_EXPECTED, None
    message = "feil type" if "type" in kind or "parsing" in kind else "ugyldig verdi"
    expected = _expected_for(target) if target is not None else None
    if kind == "bool_parsing":
        expected = "true eller false"
    return message, expected, None
