"""Build-time charts: a statistic with ``chart: linje`` or ``chart: stolpe`` as inline SVG.

The figure is drawn from the table's cells as published (Norwegian decimal comma, spaces as
thousands separators, ``%``, footnote stars). If a cell that the figure needs cannot be read
as a number, no figure is made: a missing figure is better than a wrong one. The table stays
the text alternative; the SVG's accessible name says so. All words in the SVG come from
``templates/charts/``; the geometry is computed here. Same statistic in, same bytes out.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..content.schema import Statistic
from ..project import SHIPPED_TEMPLATES
from ..templating import environment
from .chartnumbers import Series, format_number, read_series
from .chartnumbers import Unreadable as Unreadable  # the tests' and callers' old names
from .chartnumbers import parse_number as parse_number

WIDTH = 640
FONT = 12
CHAR = 6.6
"""Estimated width of one character at the font size, for layout only."""

TEXT = "#1a1a1a"
AXIS = "#595959"
GRID = "#d9d9d9"
BACKGROUND = "#ffffff"
PALETTE = ("#1d4f91", "#b03a00", "#1b6e3a", "#6b3fa0", "#a4106b", "#7a5c00")
"""Series colours; each has at least 3:1 contrast against white (tested)."""
MARKERS = ("circle", "square", "diamond", "triangle")


def nice_ticks(lo: Decimal, hi: Decimal, count: int = 5) -> list[Decimal]:
    """Round axis ticks covering ``lo..hi`` (always including zero)."""
    lo, hi = min(lo, Decimal(0)), max(hi, Decimal(0))
    if lo == hi:
        hi = lo + 1
    raw = (hi - lo) / (count - 1)
    exponent = math.floor(math.log10(float(raw)))
    base = Decimal(10) ** exponent
    step = next(
        base * m
        for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
        if base * m >= raw
    )
    first = (lo / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = [first]
    while ticks[-1] < hi:
        ticks.append(ticks[-1] + step)
    return ticks


def _decimals(ticks: list[Decimal]) -> int:
    step = ticks[1] - ticks[0]
    return max(0, -step.normalize().as_tuple().exponent)  # type: ignore[operator]


def _n(x: float) -> str:
    """A coordinate as short, stable text."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _marker(shape: str, x: float, y: float, r: float = 4.5) -> dict[str, str]:
    if shape == "circle":
        return {"tag": "circle", "cx": _n(x), "cy": _n(y), "r": _n(r)}
    if shape == "square":
        return {
            "tag": "rect",
            "x": _n(x - r),
            "y": _n(y - r),
            "width": _n(2 * r),
            "height": _n(2 * r),
        }
    if shape == "diamond":
        d = r * 1.3
        path = f"M{_n(x)} {_n(y - d)}L{_n(x + d)} {_n(y)}L{_n(x)} {_n(y + d)}L{_n(x - d)} {_n(y)}Z"
        return {"tag": "path", "d": path}
    d = r * 1.3
    path = f"M{_n(x)} {_n(y - d)}L{_n(x + d)} {_n(y + d * 0.8)}L{_n(x - d)} {_n(y + d * 0.8)}Z"
    return {"tag": "path", "d": path}


def _legend(series: list[Series], top: float, left: float) -> tuple[list[dict[str, Any]], float]:
    """Legend entries (one row each) when there is more than one series; the height used."""
    if len(series) < 2:
        return [], 0.0
    entries = []
    for i, s in enumerate(series):
        y = top + i * 18 + 9
        entries.append(
            {
                "x": _n(left),
                "y": _n(y),
                "tx": _n(left + 28),
                "ty": _n(y + 4),
                "x2": _n(left + 20),
                "colour": PALETTE[i % len(PALETTE)],
                "marker": _marker(MARKERS[i % len(MARKERS)], left + 10, y, 4),
                "name": s.name,
            }
        )
    return entries, len(series) * 18 + 8


def _polyline(
    i: int,
    s: Series,
    labels: list[str],
    x_of: Callable[[int], float],
    y_of: Callable[[Decimal], float],
) -> dict[str, Any]:
    """One series of a line chart: its segments (broken at empty cells) and its points."""
    colour, shape = PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]
    segments: list[list[str]] = [[]]
    points = []
    for j, (cell, v) in enumerate(zip(s.cells, s.values, strict=True)):
        if v is None:
            segments.append([])
            continue
        x, y = x_of(j), y_of(v)
        segments[-1].append(f"{_n(x)},{_n(y)}")
        points.append(
            {
                "marker": _marker(shape, x, y),
                "cell": cell,
                "label": labels[j],
                "tx": _n(x),
                "ty": _n(y - 10),
            }
        )
    return {
        "name": s.name,
        "colour": colour,
        "points": points,
        "segments": [" ".join(seg) for seg in segments if len(seg) > 1],
    }


def _line(labels: list[str], series: list[Series]) -> dict[str, Any]:
    values = [v for s in series for v in s.values if v is not None]
    ticks = nice_ticks(min(values), max(values))
    decimals = _decimals(ticks)
    tick_text = [format_number(t, decimals) for t in ticks]
    legend, legend_h = _legend(series, 12, 16)
    left = 16 + max(len(t) for t in tick_text) * CHAR
    right = WIDTH - 24
    top = 24 + legend_h
    plot_h = 220.0
    bottom = top + plot_h
    height = bottom + 40
    span = float(ticks[-1] - ticks[0])

    def y_of(v: Decimal) -> float:
        return bottom - float(v - ticks[0]) / span * plot_h

    n = len(labels)
    show_values = len(series) == 1 and n <= 12
    cells = [c or "" for s in series for c in s.cells] if show_values else []
    widest = max(len(t) for t in [*labels, *cells]) * CHAR + 8
    pad = max(12.0, widest / 2)
    step = (right - left - 2 * pad) / (n - 1) if n > 1 else 0.0

    def x_of(i: int) -> float:
        return left + pad + i * step if n > 1 else (left + right) / 2

    every = 1 if n < 2 else max(1, math.ceil((max(map(len, labels)) * CHAR + 8) / step))
    lines = [_polyline(i, s, labels, x_of, y_of) for i, s in enumerate(series)]
    return {
        "kind": "linje",
        "height": _n(height),
        "legend": legend,
        "show_values": show_values,
        "grid": [
            {"y": _n(y_of(t)), "text": text, "x1": _n(left), "x2": _n(right), "tx": _n(left - 6)}
            for t, text in zip(ticks, tick_text, strict=True)
        ],
        "axis": {
            "x1": _n(left),
            "x2": _n(right),
            "y": _n(y_of(Decimal(0))),
            "y1": _n(top),
            "y2": _n(bottom),
        },
        "xlabels": [
            {"x": _n(x_of(j)), "y": _n(bottom + 20), "text": t}
            for j, t in enumerate(labels)
            if j % every == 0
        ],
        "lines": lines,
    }


BAR_HEIGHT, BAR_GAP = 18.0, 3.0


def _bar_row(
    j: int,
    y: float,
    series: list[Series],
    label: str,
    x_of: Callable[[Decimal], float],
    pitch: float,
) -> list[dict[str, Any]]:
    """The bars of row ``j`` (one per series with a value), the first at height ``y``."""
    bars = []
    for i, s in enumerate(series):
        v = s.values[j]
        by = y + i * pitch
        if v is None:
            continue
        x0, x1 = sorted((x_of(Decimal(0)), x_of(v)))
        bars.append(
            {
                "x": _n(x0),
                "y": _n(by),
                "width": _n(max(x1 - x0, 1.0)),
                "height": _n(BAR_HEIGHT),
                "colour": PALETTE[i % len(PALETTE)],
                "cell": s.cells[j],
                "series": s.name,
                "label": label,
                "tx": _n(x1 + 6),
                "ty": _n(by + BAR_HEIGHT / 2 + 4),
            }
        )
    return bars


def _bars(labels: list[str], series: list[Series]) -> dict[str, Any]:
    values = [v for s in series for v in s.values if v is not None]
    ticks = nice_ticks(min(values), max(values))
    decimals = _decimals(ticks)
    wrapped = [_wrap(t, 28) for t in labels]
    label_w = min(220.0, max(len(line) for lines in wrapped for line in lines) * CHAR) + 12
    value_w = max(len(c or "") for s in series for c in s.cells) * CHAR + 12
    legend, legend_h = _legend(series, 12, 16)
    left, right = 16 + label_w, WIDTH - 16 - value_w
    span = float(ticks[-1] - ticks[0])

    def x_of(v: Decimal) -> float:
        return left + float(v - ticks[0]) / span * (right - left)

    pitch = BAR_HEIGHT + BAR_GAP
    y = 16 + legend_h
    top = y
    groups = []
    for j, lines in enumerate(wrapped):
        band = max(len(series) * pitch - BAR_GAP, len(lines) * 14.0)
        bars = _bar_row(j, y, series, labels[j], x_of, pitch)
        first = y + band / 2 - (len(lines) - 1) * 7 + 4
        groups.append(
            {
                "lines": [{"text": t, "y": _n(first + k * 14)} for k, t in enumerate(lines)],
                "tx": _n(left - 8),
                "bars": bars,
            }
        )
        y += band + 12
    bottom = y - 4
    return {
        "kind": "stolpe",
        "height": _n(bottom + 28),
        "legend": legend,
        "groups": groups,
        "grid": [
            {
                "x": _n(x_of(t)),
                "text": format_number(t, decimals),
                "y1": _n(top - 4),
                "y2": _n(bottom),
                "ty": _n(bottom + 16),
            }
            for t in ticks
        ],
        "axis": {"x": _n(x_of(Decimal(0))), "y1": _n(top - 4), "y2": _n(bottom)},
    }


@lru_cache(maxsize=4)
def _template(templates: Path) -> jinja2.Template:
    return environment(templates, "charts").get_template("chart.svg.j2")


def _templates_dir(templates: Path | None) -> Path:
    if templates is not None and (templates / "charts" / "chart.svg.j2").is_file():
        return templates
    return SHIPPED_TEMPLATES


def svg_chart(stat: Statistic, templates: Path | None = None) -> Markup | None:
    """Inline SVG for a statistic with ``chart: linje`` or ``stolpe``; otherwise ``None``.

    ``None`` also when a needed cell cannot be read as a number. ``templates`` is a project's
    templates folder; without it (or without ``charts/`` in it) the shipped templates are used.
    """
    if stat.chart not in ("linje", "stolpe"):
        return None
    data = read_series(stat)
    if data is None:
        return None
    labels, series = data
    context = _line(labels, series) if stat.chart == "linje" else _bars(labels, series)
    digest = hashlib.sha1(repr(stat.model_dump()).encode("utf-8")).hexdigest()[:8]
    context.update(
        id=f"figur-{stat.id}-{digest}",
        width=WIDTH,
        font=FONT,
        stat=stat,
        text=TEXT,
        axis_colour=AXIS,
        grid_colour=GRID,
        background=BACKGROUND,
    )
    svg = _template(_templates_dir(templates)).render(**context)
    return Markup("\n".join(line.strip() for line in svg.splitlines() if line.strip()))
