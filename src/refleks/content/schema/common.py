"""Shared pieces of the content model: ids, references, Markdown, dates, links and the
base ``Model`` every table of ``content/`` is made from.

Every plain YAML scalar arrives here as the text the author wrote (see ``yamlread``);
fields that want numbers, dates or yes/no turn that text into a value here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
)

ID_PATTERN = r"^[a-z][a-z0-9-]{0,63}$"
"""Use with ``re.fullmatch``: ``$`` alone lets a trailing line break through."""
Id = Annotated[str, Field(pattern=ID_PATTERN)]
"""Lower-case a-z, 0-9 and -, starting with a letter, at most 64 characters."""

Ref = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,63}/[a-z][a-z0-9-]{0,63}$")]
"""A reference to an item in another file: ``<fil-id>/<element-id>``."""

Markdown = Annotated[str, "markdown"]
"""Text that may use Markdown (lists, **uthevet**, lenker)."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_URL = re.compile(r"^(https?://|mailto:)[^\s<>\"]+$")
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"
"""A time of day, ``TT:MM`` (24 hours, ASCII digits only)."""
_TIME = re.compile(TIME_PATTERN, re.ASCII)
# dates the walkround's deadlines (months and working days later) can still be counted from
FIRST_YEAR, LAST_YEAR = 1900, 2199


def _iso_date(value: object) -> object:
    if isinstance(value, str):
        if not _ISO_DATE.fullmatch(value):
            raise ValueError("iso_date")
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("iso_date") from None
        value = day
    if isinstance(value, dt.date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError("date_range")
    return value


LINE_REFUSED = ("Cc", "Cs", "Zl", "Zp")
"""Unicode categories a one-line text may not hold: control characters (tab, line breaks,
ESC, U+0085), lone surrogates and the line and paragraph separators. The one source of the
rule: ``refleks check`` uses it here, the browser tools get it as data (``line_rule``)."""
TEXT_ALLOWED = frozenset("\n\t")
"""The only control characters a multi-line text may hold."""


def line_problem(value: str) -> str | None:
    """The first character that stops ``value`` being one line of text, or ``None``."""
    return next((c for c in value if unicodedata.category(c) in LINE_REFUSED), None)


def text_problem(value: str) -> str | None:
    """The first control character a multi-line text may not hold, or ``None``."""
    return next(
        (c for c in value if c not in TEXT_ALLOWED and unicodedata.category(c) in ("Cc", "Cs")),
        None,
    )


@functools.cache
def refused_ranges(problem: Callable[[str], str | None]) -> list[list[int]]:
    """The characters ``problem`` (``line_problem`` or ``text_problem``) refuses, as ranges of
    code points ``[first, last]``: the browser tools build their check from this, so the
    form and ``check`` cannot differ."""
    ranges: list[list[int]] = []  # lists, not tuples: ready for JSON
    for code in range(0x110000):
        if problem(chr(code)) is not None:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return ranges


def line_rule() -> list[list[int]]:
    """The characters a one-line text may not hold (``line_problem``), as ranges."""
    return refused_ranges(line_problem)


def _line(value: str) -> str:
    """One line: no line break, tab or other control character (names go into calendar
    entries, file names, XML attributes, spreadsheet cells and letter headings), in NFC so
    the same name typed on two machines is the same text."""
    if line_problem(value) is not None:
        raise ValueError("one_line")
    return unicodedata.normalize("NFC", value)


def _url(value: str) -> str:
    if not _URL.fullmatch(value):
        raise ValueError("url")
    return value


def _time(value: str) -> str:
    if not _TIME.fullmatch(value):
        raise ValueError("time")
    return value


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _sha256(value: str) -> str:
    if not _SHA256.match(value):
        raise ValueError("sha256")
    return value


Sha256 = Annotated[str, AfterValidator(_sha256)]
"""A sha256 checksum in hexadecimal, as ``refleks check`` proposes it."""
WCAG21 = (
    *("1.1.1", "1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.3.1", "1.3.2", "1.3.3"),
    *("1.3.4", "1.3.5", "1.4.1", "1.4.2", "1.4.3", "1.4.4", "1.4.5", "1.4.10", "1.4.11"),
    *("1.4.12", "1.4.13", "2.1.1", "2.1.2", "2.1.4", "2.2.1", "2.2.2", "2.3.1", "2.4.1"),
    *("2.4.2", "2.4.3", "2.4.4", "2.4.5", "2.4.6", "2.4.7", "2.5.1", "2.5.2", "2.5.3"),
    *("2.5.4", "3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.3.1", "3.3.2"),
    *("3.3.3", "3.3.4", "4.1.1", "4.1.2", "4.1.3"),
)
"""The success criteria of WCAG 2.1 at levels A and AA, by number (their names and levels
are in ``templates/accessibility/wcag21.yaml`` and the pages' labels)."""


def _wcag(value: str) -> str:
    if value not in WCAG21:
        raise ValueError("wcag")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
WcagCriterion = Annotated[
    str, AfterValidator(_wcag), WithJsonSchema({"type": "string", "enum": list(WCAG21)})
]
Url = Annotated[str, AfterValidator(_url)]
Time = Annotated[str, AfterValidator(_time)]
Line = Annotated[str, AfterValidator(_line)]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", use_attribute_docstrings=True, frozen=True, str_strip_whitespace=False
    )


class Link(Model):
    model_config = ConfigDict(title="Lenke")

    text: Line
    """Lenketeksten som vises."""
    url: Url
    """Adressen (https://, http:// eller mailto:). Vises som lenke; nettstedet laster aldri noe fra den."""


class DiscrepancyNynorsk(Model):
    model_config = ConfigDict(title="Ulikhet i kildene på nynorsk")

    text: Markdown
    """Merknaden på nynorsk."""


class Discrepancy(Model):
    """Et sted der kildene (eller én kilde) sier ulike ting."""

    model_config = ConfigDict(title="Ulikhet i kildene")

    id: Id
    """Id for merknaden, unik i filen."""
    text: Markdown
    """Hva som står ulikt, og hvor. Begge versjonene gjengis."""
    versions: list[str] = []
    """Ordlyden i hver versjon, slik de står i kilden."""
    nn: DiscrepancyNynorsk | None = None
    """Merknaden (`text`) på nynorsk, brukt når `content/site.yaml` har `language: nn`.
    Versjonene er kildens ord og oversettes ikke."""


class Section(Model):
    model_config = ConfigDict(title="Avsnitt")

    id: Id
    """Id for avsnittet, unik i filen."""
    title: Line
    """Overskrift."""
    text: Markdown = ""
    """Brødtekst."""
    items: list[Markdown] = []
    """Punkter (valgfritt)."""
    quote: bool = False
    """`true` når teksten og punktene står ordrett i kilden. `refleks check` kontrollerer da at
    de finnes i kildens tekst (`content/sources/<kilde-id>.txt`)."""
    summary_of: str | None = None
    """Når teksten er Refleks' sammendrag av kilden med egne ord: sidene eller avsnittet den
    oppsummerer, for eksempel «s. 3». I en kilde har hvert avsnitt enten `quote: true` eller
    `summary_of`."""
