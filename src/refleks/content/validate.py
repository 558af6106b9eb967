"""Check loaded documents against the schema (stage 2) and turn pydantic's errors into
Norwegian messages that point at ``file:line:col``."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ..errors import Problems, did_you_mean, visible
from ..messages import _
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
        return _("ingenting (tom verdi)")
    if isinstance(value, dict):
        return _("en tabell (nøkkel: verdi)")
    if isinstance(value, list):
        return _("en liste")
    return str(value)


def _expected_for(tp: Any) -> str:
    tp = _unwrap(tp)
    origin = typing.get_origin(tp)
    if origin is Literal:
        return _("en av: {choices}", choices=", ".join(str(a) for a in typing.get_args(tp)))
    if origin is list:
        return _("en liste")
    if origin is dict:
        return _("en tabell (nøkkel: verdi)")
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _("en tabell med nøklene {keys}", keys=", ".join(tp.model_fields))
    return {
        str: _("tekst"),
        int: _("et heltall"),
        float: _("et tall"),
        bool: _("true eller false"),
    }.get(tp, _("en gyldig verdi"))


TEXT_EXPECTED = _("tekst uten kontrolltegn (bare linjeskift og tabulator går an)")
DATE_EXPECTED = _("en dato som finnes, skrevet ÅÅÅÅ-MM-DD, for eksempel 2027-03-23")
ONE_LINE_EXPECTED = _("én linje uten linjeskift, tabulator eller andre kontrolltegn")
ONE_LINE_HINT = _("skriv teksten i anførselstegn på samme linje som nøkkelen, uten | eller >")
# the schema's own validators (schema/common.py) name the problem in their message
VALUE_ERRORS: tuple[tuple[str, str, str, str | None], ...] = (
    (
        "date_range",
        _("datoen er utenfor det Refleks kan regne med"),
        _(
            "en dato fra år {first} til {last}, skrevet ÅÅÅÅ-MM-DD",
            first=schema.FIRST_YEAR,
            last=schema.LAST_YEAR,
        ),
        None,
    ),
    ("iso_date", _("ugyldig dato"), DATE_EXPECTED, None),
    (
        "url",
        _("ugyldig lenke"),
        _("en adresse som begynner med https://, http:// eller mailto:"),
        None,
    ),
    (
        "wcag",
        _("ukjent suksesskriterium"),
        _('nummeret på et suksesskriterium i WCAG 2.1 nivå A eller AA, for eksempel "2.1.1"'),
        None,
    ),
    ("time", _("ugyldig klokkeslett"), _('TT:MM i anførselstegn, for eksempel "13:00"'), None),
    (
        "sha256",
        _("ugyldig sjekksum"),
        _("64 tegn 0-9 og a-f, slik refleks check foreslår den"),
        _("slett linjen og kjør refleks check: den foreslår sjekksummen"),
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
        valid = model.model_validate(data)
        reported: set[KeyPath] = set()
    except ValidationError as exc:
        valid, reported = None, set()
        errors = exc.errors(include_url=False)
        errors = _colon_texts(doc, model, prefix, errors, problems)
        errors = _misspelt_keys(doc, model, prefix, errors, problems)
        for err in errors:
            _report(doc, model, prefix, err, problems)
            reported.add(_location(err, ())[0])
    _check_texts(doc, model, data, prefix, reported, problems)
    return valid


def _remove(character: str) -> str:
    return _(
        "fjern tegnet {character}; det kommer gjerne fra en kopi fra et annet program",
        character=visible(character),
    )


def _strings(data: Any, loc: KeyPath = ()) -> typing.Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))


def _check_texts(
    doc: Document,
    model: type[BaseModel],
    data: Any,
    prefix: KeyPath,
    reported: set[KeyPath],
    problems: Problems,
) -> None:
    """Control characters in texts that may span lines (one-line texts are the schema's
    ``Line``): only a line break and a tab may stand in them, nothing that reaches a
    terminal, a spreadsheet cell or an XML file as a command."""
    for loc, value in _strings(data):
        bad = schema.text_problem(value)
        target = _type_at(model, loc) if bad is not None else None
        if bad is None or loc in reported or target in (None, object):
            continue  # a key the schema does not know is reported as such, untyped data later
        line, col = doc.where((*prefix, *loc))
        problems.add(
            doc.file,
            line,
            col,
            format_path((*prefix, *loc)),
            _("teksten har et kontrolltegn ({character})", character=visible(bad)),
            written=value,
            expected=TEXT_EXPECTED,
            hint=_remove(bad),
        )


def _value_at(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _accepts_text(tp: Any) -> bool:
    tp = _unwrap(tp)
    if tp is str:
        return True
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return any(_accepts_text(a) for a in typing.get_args(tp))
    return False


def _colon_text(doc: Document, model: type[BaseModel], loc: KeyPath, full: KeyPath) -> bool:
    """A list item that is a text with «: » in it, which YAML read as «key: value»."""
    value = _value_at(doc.data, full)
    if not (loc and isinstance(loc[-1], int) and isinstance(value, dict) and len(value) == 1):
        return False
    key, text = next(iter(value.items()))
    if text is not None and not isinstance(text, str):
        return False
    where = doc.keys.get((*full, key))
    after = doc.values.get((*full, key))
    on_one_line = text is None or (where is not None and after is not None and where[0] == after[0])
    return on_one_line and _accepts_text(_type_at(model, loc))


def _quoted(text: str) -> str:
    if '"' not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


_COLON_MESSAGES = {
    (True, True): _("spørsmålet slutter med «:» – sett det i anførselstegn"),
    (True, False): _("spørsmålet inneholder «: » – sett det i anførselstegn"),
    (False, True): _("teksten slutter med «:» – sett den i anførselstegn"),
    (False, False): _("teksten inneholder «: » – sett den i anførselstegn"),
}
"""A list item YAML split at «: », by (a question?, ends with the colon?)."""


def _colon_texts(
    doc: Document, model: type[BaseModel], prefix: KeyPath, errors: list[Any], problems: Problems
) -> list[Any]:
    """Report each list item YAML split at «: » once, at its line, and drop the errors
    pydantic gave for it (missing keys, an unknown key, a table instead of a text)."""
    found: set[KeyPath] = set()
    rest = []
    for err in errors:
        loc, full, _key = _location(err, prefix)
        depth = len(prefix)
        cuts = range(len(loc), 0, -1)
        cut = next((n for n in cuts if _colon_text(doc, model, loc[:n], full[: depth + n])), None)
        if cut is None:
            rest.append(err)
            continue
        item = full[: len(prefix) + cut]
        if item in found:
            continue
        found.add(item)
        key, text = next(iter(_value_at(doc.data, item).items()))
        written = f"{key}: {text}" if text is not None else f"{key}:"
        question = "questions" in loc
        line, col = doc.where((*item, key), key=True)
        problems.add(
            doc.file,
            line,
            col,
            format_path(item),
            _COLON_MESSAGES[(question, text is None)],
            written=written,
            expected=f"- {_quoted(written)}",
            hint=_("uten anførselstegn leses teksten foran kolonet som en nøkkel"),
        )
    return rest


# keys an author may write in Norwegian, and the model's English name for them
NORWEGIAN_KEYS = {
    "tittel": "title",
    "navn": "name",
    "tekst": "text",
    "kilde": "source",
    "kilder": "sources",
    "tema": "themes",
    "temaer": "themes",
    "spørsmål": "questions",
    "sporsmal": "questions",
    "funn": "findings",
    "anbefalinger": "recommendations",
    "fortellinger": "stories",
    "innledning": "intro",
    "notater": "notes",
    "nummer": "number",
    "sammendrag": "summary",
    "lenker": "links",
    "rolle": "role",
    "roller": "roles",
    "eksempler": "examples",
    "utgiver": "publisher",
    "år": "year",
    "ar": "year",
}


def _suggestion(name: str, allowed: list[str]) -> str | None:
    """The allowed key an author most likely meant: its Norwegian name, or one spelt alike."""
    english = NORWEGIAN_KEYS.get(name.lower())
    if english in allowed:
        return english
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)  # as did_you_mean
    return close[0] if close else None


def _misspelt_keys(
    doc: Document, model: type[BaseModel], prefix: KeyPath, errors: list[Any], problems: Problems
) -> list[Any]:
    """A misspelt key gives one message at the misspelling, not a second one for the key
    that is then missing (which points at the start of the table)."""
    missing = {}
    for err in errors:
        if err["type"] == "missing":
            loc, _full, _key = _location(err, prefix)
            missing[(loc[:-1], str(loc[-1]))] = err
    dropped: set[int] = set()
    for err in errors:
        if err["type"] != "extra_forbidden":
            continue
        loc, full, _key = _location(err, prefix)
        name = str(loc[-1])
        wanted = _suggestion(name, [m for (parent, m) in missing if parent == loc[:-1]])
        if wanted is None:
            continue
        dropped.add(id(err))
        dropped.add(id(missing[(loc[:-1], wanted)]))
        line, col = doc.where(full, key=True)
        problems.add(
            doc.file,
            line,
            col,
            format_path(full),
            _("ukjent nøkkel «{name}» – mente du «{wanted}»?", name=name, wanted=wanted),
            written=name,
            expected=f"{wanted}: ...",
            hint=_(
                "skriv «{wanted}» i stedet for «{name}»; «{wanted}» må være med her",
                wanted=wanted,
                name=name,
            ),
        )
    return [err for err in errors if id(err) not in dropped]


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
            _("mangler påkrevd nøkkel «{name}»", name=name),
            expected=f"{name}: ...",
            hint=_("legg til «{name}:» med en verdi", name=name),
        )
        return
    if kind == "extra_forbidden":
        _unknown_key(doc, model, loc, full, problems)
        return
    if kind == "string_pattern_mismatch" and "/" in str((err.get("ctx") or {}).get("pattern")):
        return  # a reference «<kilde>/<id>»: the reference check says what to write instead
    message, expected, hint = _explain(err, _type_at(model, loc))
    if kind == "list_type" and isinstance(err.get("input"), str) and loc and str(loc[-1]):
        message = _("«{key}» skal være en liste, med «- » foran hvert punkt", key=loc[-1])
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


def _unknown_key(
    doc: Document, model: type[BaseModel], loc: KeyPath, full: KeyPath, problems: Problems
) -> None:
    """An unknown key: a typo, or a key indented to the wrong table (a role next to
    ``questions`` instead of under it)."""
    name = str(loc[-1])
    owner = _type_at(model, loc[:-1])
    allowed = list(owner.model_fields) if isinstance(owner, type) else []
    line, col = doc.where(full, key=True)
    message = _("ukjent nøkkel «{name}»", name=name)
    wanted = _suggestion(name, allowed)
    hint = (
        _("mente du «{wanted}»?", wanted=wanted)
        if wanted
        else _("sjekk stavemåten i innholdsmodellen")
    )
    expected = _("en av: {choices}", choices=", ".join(allowed)) if allowed else None
    under = None if wanted else _table_for(owner, _value_at(doc.data, full))
    if under is not None:
        expected = _(
            "«{name}:» inne i «{under}:», med samme innrykk som nøklene der", name=name, under=under
        )
        at = doc.where((*full[:-1], under), key=True)
        message = _("«{name}» står på feil nivå – innrykket stemmer ikke", name=name)
        hint = _(
            "skal «{name}» stå under «{under}:» (linje {line})? Rykk den inn like "
            "langt som de andre nøklene der",
            name=name,
            under=under,
            line=at[0],
        )
    problems.add(
        doc.file,
        line,
        col,
        format_path(full),
        message,
        written=name,
        expected=expected,
        hint=hint,
    )


def _table_for(owner: Any, value: Any) -> str | None:
    """The one field of ``owner`` whose own keys are free (ids, such as the roles under
    ``questions``) and whose values look like ``value``: where a key with too little
    indentation belongs."""
    if not (isinstance(owner, type) and issubclass(owner, BaseModel)):
        return None
    fits = []
    for name, info in owner.model_fields.items():
        tp = _unwrap(info.annotation)
        if typing.get_origin(tp) is dict:
            inner = _unwrap(typing.get_args(tp)[1])
            shape = list if typing.get_origin(inner) is list else dict
            if isinstance(value, shape):
                fits.append(name)
    return fits[0] if len(fits) == 1 else None


def _list_example(key: Any, value: str) -> str:
    """What a list looks like, made from what the author wrote (a single text)."""
    first = value.splitlines()[0] if value.strip() else "..."
    name = key if isinstance(key, str) else _("nøkkel")
    example = f"\n      {name}:\n        - {first}"
    return _(
        "en liste, med «- » foran hvert punkt på egen linje, for eksempel:{example}",
        example=example,
    )


def _explain(err: Any, target: Any) -> tuple[str, str | None, str | None]:
    """Message, what was expected and a hint for a wrong value."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    if kind == "literal_error":
        choices_written = ", ".join(
            a.strip("'") for a in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        )
        expected = _("en av: {choices}", choices=choices_written)
        choices = [a for a in typing.get_args(target)] if target is not None else []
        return _("ugyldig verdi"), expected, did_you_mean(str(value), [str(c) for c in choices])
    if kind == "string_pattern_mismatch" and "/" in str(ctx.get("pattern", "")):
        return (
            _("ugyldig referanse"),
            _("<fil-id>/<element-id>, for eksempel ukom-systemperspektiv/ledelse"),
            None,
        )
    if kind == "string_pattern_mismatch":
        return (
            _("ugyldig id"),
            _(
                "små bokstaver a-z, sifre og bindestrek, som begynner med en bokstav "
                "(høyst 64 tegn)"
            ),
            _("bruk ikke store bokstaver, æ, ø, å, mellomrom, / eller punktum i id-er"),
        )
    if kind == "value_error" and "one_line" in err["msg"] and isinstance(value, str):
        bad = schema.line_problem(value) or "\n"
        hint = ONE_LINE_HINT if bad == "\n" else _remove(bad)
        return _("teksten må stå på én linje"), ONE_LINE_EXPECTED, hint
    if kind == "value_error":
        for word, message, expected, hint in VALUE_ERRORS:
            if word in err["msg"]:
                return message, expected, hint
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return _("ugyldig dato"), DATE_EXPECTED, None
    message = _("feil type") if "type" in kind or "parsing" in kind else _("ugyldig verdi")
    expected = _expected_for(target) if target is not None else None
    if kind == "bool_parsing":
        expected = _("true eller false")
    return message, expected, None
