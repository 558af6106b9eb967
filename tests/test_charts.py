"""Build-time charts: parse the SVG and check what it draws against the table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from refleks.content.schema import Statistic
from refleks.site import charts
from refleks.site.charts import format_number, nice_ticks, parse_number, svg_chart

from .conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def stat(rows, columns=("År", "Antall"), chart="linje", **extra) -> Statistic:
    return Statistic(
        id="t",
        label="Tabell 1",
        title="Rapporterte tilfeller",
        unit="antall",
        columns=list(columns),
        rows=[list(r) for r in rows],
        chart=chart,
        **extra,
    )


def parse(markup) -> ET.Element:
    assert markup is not None
    return ET.fromstring(str(markup))


def elements(root: ET.Element, cls: str) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == cls]


YEARS = [
    ("2012", "0,0044*"),
    ("2013", "0,0052*"),
    ("2014", "0,0057"),
    ("2015", "0,0061"),
    ("2016", "0,0068"),
]


# --------------------------------------------------------------------------- number formats


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0,0044*", "0.0044"),
        ("6 937", "6937"),
        ("67\u00a0441", "67441"),
        ("1\u202f234\u2009567", "1234567"),
        ("7,5 %", "7.5"),
        ("13%", "13"),
        ("\u22123,5", "-3.5"),
        ("-12", "-12"),
        ("0.0044", "0.0044"),
        ("  118 ", "118"),
    ],
)
def test_parse_number_reads_published_formats(cell, expected):
    assert parse_number(cell) == Decimal(expected)


@pytest.mark.parametrize("cell", [None, "", "–", "-", ".."])
def test_parse_number_empty_cells_are_missing(cell):
    assert parse_number(cell) is None


@pytest.mark.parametrize("cell", ["1.234", "4–6", "ca. 200", "12 34", "1,2,3", "n=385", "1 2345"])
def test_parse_number_refuses_what_it_cannot_read_for_certain(cell):
    with pytest.raises(charts.Unreadable):
        parse_number(cell)


def test_format_number_is_norwegian():
    assert format_number(Decimal("67441"), 0) == "67\u00a0441"
    assert format_number(Decimal("0.002"), 3) == "0,002"
    assert format_number(Decimal("0"), 2) == "0"


def test_nice_ticks_cover_the_values_from_zero():
    ticks = nice_ticks(Decimal("0.0044"), Decimal("0.0068"))
    assert ticks[0] == 0 and ticks[-1] >= Decimal("0.0068")
    assert ticks == [
        Decimal("0"),
        Decimal("0.002"),
        Decimal("0.004"),
        Decimal("0.006"),
        Decimal("0.008"),
    ]
    assert nice_ticks(Decimal("6937"), Decimal("18244"))[-1] == 20000


# --------------------------------------------------------------------------- line charts


def test_line_chart_has_one_point_per_row_in_order():
    root = parse(svg_chart(stat(YEARS)))
    points = elements(root, "point")
    assert [p.get("data-value") for p in points] == [c for _, c in YEARS]
    xs = [float(p.get("cx")) for p in points]
    ys = [float(p.get("cy")) for p in points]
    assert xs == sorted(xs) and len(set(xs)) == 5
    assert ys == sorted(ys, reverse=True)  # rising values are drawn higher up (smaller y)
    assert [t.text for t in elements(root, "xlabel")] == [y for y, _ in YEARS]
    polyline = root.find(f".//{SVG}polyline")
    assert len(polyline.get("points").split()) == 5


def test_line_chart_heights_are_proportional():
    root = parse(svg_chart(stat([("a", "10"), ("b", "20"), ("c", "0")])))
    zero_y = float(next(e for e in elements(root, "axis") if e.get("y1") == e.get("y2")).get("y1"))
    ys = [float(p.get("cy")) for p in elements(root, "point")]
    assert ys[2] == pytest.approx(zero_y)
    assert zero_y - ys[1] == pytest.approx(2 * (zero_y - ys[0]))


def test_line_chart_one_series_per_numeric_column_text_columns_skipped():
    root = parse(
        svg_chart(
            stat(
                [("2012", "1", "2", "merknad"), ("2013", "3", "4", "")],
                columns=("År", "Kommuner", "Sykehus", "Merknad"),
            )
        )
    )
    series = elements(root, "series")
    assert [s.get("data-series") for s in series] == ["Kommuner", "Sykehus"]
    assert [p.get("data-value") for p in series[1].iter() if p.get("class") == "point"] == [
        "2",
        "4",
    ]
    assert [t.text for t in root.iter(f"{SVG}text") if t.text in ("Kommuner", "Sykehus")] == [
        "Kommuner",
        "Sykehus",
    ]  # legend


def test_line_chart_gap_for_empty_cell():
    root = parse(svg_chart(stat([("2012", "1"), ("2013", None), ("2014", "3"), ("2015", "4")])))
    assert len(elements(root, "point")) == 3
    polylines = root.findall(f".//{SVG}polyline")
    assert [len(p.get("points").split()) for p in polylines] == [2]  # 2014-2015 only


def test_total_row_is_not_drawn():
    rows = [("2012", "6 937"), ("2013", "12 311"), ("2012-2016", "19 248")]
    root = parse(svg_chart(stat(rows, total_row=True)))
    assert [p.get("data-value") for p in elements(root, "point")] == ["6 937", "12 311"]


# --------------------------------------------------------------------------- bar charts

CATEGORIES = [
    ("Trusler", "183"),
    ("Vold mot personale", "155"),
    ("Vold mot annen pasient", "81"),
    ("Vold mot seg selv", "35"),
    ("Vold mot pårørende/andre", "7"),
    ("Vold mot inventar", "77"),
]


def test_bar_chart_has_one_bar_per_row_in_order_with_proportional_length():
    root = parse(svg_chart(stat(CATEGORIES, columns=("Kategori", "Antall"), chart="stolpe")))
    bars = elements(root, "bar")
    assert [b.get("data-value") for b in bars] == [c for _, c in CATEGORIES]
    ys = [float(b.get("y")) for b in bars]
    assert ys == sorted(ys)
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] / widths[1] == pytest.approx(183 / 155, rel=0.01)
    labels = ["".join(t.itertext()) for t in elements(root, "xlabel")]
    assert labels == [c for c, _ in CATEGORIES]


def test_bar_chart_long_labels_wrap_into_lines():
    long = "Vold og trusler mot ansatte og medpasienter i kommunene 2012-2016"
    root = parse(
        svg_chart(stat([(long, "43 935")], columns=("Kategori", "Antall"), chart="stolpe"))
    )
    label = elements(root, "xlabel")[0]
    lines = [t.text for t in label.iter(f"{SVG}tspan")]
    assert len(lines) > 1 and " ".join(lines) == long


# --------------------------------------------------------------------------- no chart


@pytest.mark.parametrize(
    "statistic",
    [
        stat(YEARS, chart="ingen"),
        stat([("2012", "4–6"), ("2013", "5")]),  # a range: no number to draw
        stat([("2012", "1.234"), ("2013", "5")]),  # ambiguous point
        stat([("2012", "ca. 200"), ("2013", "5")], chart="stolpe"),
        stat([("2012", "a"), ("2013", "b")]),  # no numeric column at all
        stat([("2012", None), ("2013", "–")]),
        stat([], chart="stolpe"),
        stat([("2012",)], columns=("År",)),
        stat([("2012", "1", "2")]),  # row longer than the columns
    ],
)
def test_no_chart_when_it_cannot_be_drawn_right(statistic):
    assert svg_chart(statistic) is None


# --------------------------------------------------------------------------- a11y, safety


def _luminance(colour: str) -> float:
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_accessible_name_and_role():
    root = parse(svg_chart(stat(YEARS)))
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert root.get("aria-labelledby") == title.get("id")
    assert title.text == (
        "Linjediagram av tabellen «Tabell 1: Rapporterte tilfeller». Tallene står i tabellen."
    )
    bars = parse(svg_chart(stat(CATEGORIES, chart="stolpe")))
    assert bars.find(f"{SVG}title").text.startswith("Stolpediagram av tabellen «Tabell 1")


def test_colours_have_enough_contrast_against_white():
    for markup in (
        svg_chart(stat(YEARS)),
        svg_chart(stat(CATEGORIES, chart="stolpe")),
        svg_chart(
            stat([("a", "1", "2", "3", "4", "5", "6")], columns=("x", "a", "b", "c", "d", "e", "f"))
        ),
    ):
        root = parse(markup)
        assert root.find(f"{SVG}rect").get("fill") == "#ffffff"  # own white background
        for el in root.iter():
            if el.get("class") in ("point", "bar", "series") or el.tag == f"{SVG}polyline":
                colour = el.get("fill") if el.get("class") in ("point", "bar") else el.get("stroke")
                if colour:
                    assert _contrast(colour, "#ffffff") >= 3, colour
            if el.tag == f"{SVG}text":
                assert _contrast(el.get("fill"), "#ffffff") >= 4.5
    for colour in charts.PALETTE:
        assert _contrast(colour, "#ffffff") >= 3


def test_no_script_no_external_reference_generic_font():
    text = str(svg_chart(stat(CATEGORIES, chart="stolpe"))) + str(svg_chart(stat(YEARS)))
    assert "<script" not in text and " on" not in re.sub(r'"[^"]*"', '""', text)
    assert "href" not in text and "url(" not in text and "@import" not in text
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in text
    fonts = re.findall(r"font-family:\s*([^;\"]+)", text)
    assert fonts and all(f.strip() == "inherit" for f in fonts)
    assert "font-family=" not in text


def test_cell_text_is_escaped():
    root = parse(svg_chart(stat([("<b>&", "1"), ("2013", "2")])))
    assert elements(root, "xlabel")[0].text == "<b>&"


def test_output_is_deterministic_and_without_blank_lines():
    a = str(svg_chart(stat(YEARS)))
    # the same chart made in another process with another hash seed
    code = (
        "from tests.test_charts import YEARS, stat\n"
        "from refleks.site.charts import svg_chart\n"
        "import sys; sys.stdout.write(str(svg_chart(stat(YEARS))))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other_process = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    ).stdout
    assert a == other_process
    assert "\n\n" not in a  # a blank line would end the raw HTML block in Markdown
    other = str(svg_chart(stat(YEARS[:-1])))
    assert re.search(r'id="([^"]+)"', a).group(1) != re.search(r'id="([^"]+)"', other).group(1)
