"""The numbers of a statistic's table as published (Norwegian decimal comma, spaces as
thousands separators, ``%``, footnote stars), read for a chart, and numbers written back the
same way. A cell that cannot be read for certain is refused, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..content.schema import Statistic

_SPACES = "[ \u00a0\u202f\u2009]"
_GROUPED = re.compile(rf"^\d{{1,3}}({_SPACES}\d{{3}})+(,\d+)?$")
_PLAIN = re.compile(r"^\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")
_AMBIGUOUS_DOT = re.compile(r"^\d{1,3}\.\d{3}$")
_MISSING = {"", "-", "–", "—", ".", ".."}


class Unreadable(ValueError):
    """A cell the figure needs is not a number in a format we can read for certain."""


def parse_number(cell: str | None) -> Decimal | None:
    """The number a published cell shows, ``None`` for an empty cell or a dash.

    Reads ``"0,0044*"``, ``"12 311"`` (space, no-break or thin space), ``"7,5 %"``, ``"−3"``
    and an unambiguous decimal point (``"0.0044"``). ``"1.234"`` is refused: in Norwegian
    the point may group thousands.
    """
    if cell is None:
        return None
    text = cell.strip().rstrip("*").strip()
    if text in _MISSING:
        return None
    text = re.sub(rf"{_SPACES}*%$", "", text)
    sign = ""
    if text[:1] in ("-", "\u2212", "+"):
        sign = "-" if text[0] != "+" else ""
        text = text[1:].lstrip(" \u00a0")
    if _GROUPED.match(text):
        text = re.sub(_SPACES, "", text)
    elif _DOT_DECIMAL.match(text) and not _AMBIGUOUS_DOT.match(text):
        text = text.replace(".", ",")
    elif not _PLAIN.match(text):
        raise Unreadable(cell)
    try:
        return Decimal(sign + text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns above only let digits through
        raise Unreadable(cell) from None


def format_number(value: Decimal, decimals: int) -> str:
    """Norwegian number text: decimal comma, no-break space between thousands."""
    text = f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return "0" if text.strip("-0,\u00a0") == "" else text


@dataclass(frozen=True)
class Series:
    name: str
    cells: list[str | None]
    values: list[Decimal | None]


def read_series(stat: Statistic) -> tuple[list[str], list[Series]] | None:
    """X labels and one series per numeric column, or ``None`` when it cannot be read."""
    rows = list(stat.rows)
    if stat.total_row:
        rows = rows[:-1]
    if not rows or len(stat.columns) < 2:
        return None
    if any(len(row) != len(stat.columns) for row in rows):
        return None
    labels = [(row[0] or "").strip() for row in rows]
    series: list[Series] = []
    for col, name in enumerate(stat.columns[1:], start=1):
        cells = [row[col] for row in rows]
        values: list[Decimal | None] = []
        unreadable = 0
        for cell in cells:
            try:
                values.append(parse_number(cell))
            except Unreadable:
                values.append(None)
                unreadable += 1
        readable = sum(v is not None for v in values)
        if readable == 0:
            continue  # a text column (notes, names): not a series
        if unreadable:
            return None  # a number we cannot read would be drawn wrong or left out silently
        series.append(Series(name, [c.strip() if c else c for c in cells], values))
    if not series:
        return None
    return labels, series
