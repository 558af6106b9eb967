"""The accessibility statement draft (``tilgjengelighet.html``): made from the measurements the
tests leave in ``build/tilgjengelighet/``, never from a claim; linked in every page's footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from refleks.content.model import Library
from refleks.site import statement
from refleks.site.pages import Renderer

from . import measurements

AXE = {
    "verktøy": "axe-core i Chromium",
    "metode": "hver sidetype",
    "dato": "2026-12-04",
    "kriterier": {"1.4.3": "bestått", "4.1.2": "brudd"},
    "avvik": ["plakat.pdf er ikke PDF/UA-1"],
}


def render(library: Library, tmp_path: Path, measured: list[dict], monkeypatch) -> str:
    monkeypatch.setattr(statement, "measurements", lambda root: measured)
    docs = tmp_path / "docs"
    docs.mkdir()
    statement.write(Renderer(library, docs))
    return (docs / "tilgjengelighet.md").read_text("utf-8")


def test_each_criterion_says_what_was_measured(library: Library, tmp_path: Path, monkeypatch):
    text = render(library, tmp_path, [AXE], monkeypatch)
    # the names are Markdown-escaped: \( is a parenthesis on the page
    rows = [line for line in text.splitlines() if line.startswith("| ") and "Nivå" not in line]
    assert len(rows) == 50
    assert (
        r"| 1.4.3 Kontrast \(minimum\) | AA | axe-core i Chromium 2026-12-04: ingen brudd funnet |"
        in rows
    )
    assert (
        "| 4.1.2 Navn, rolle, verdi | A | axe-core i Chromium 2026-12-04: **brudd funnet** |"
        in rows
    )
    assert "| 1.1.1 Ikke-tekstlig innhold | A | ikke kontrollert |" in rows
    assert r"| 1.2.4 Teksting \(direkte\) | AA | Ikke krav i forskriften |" in rows
    assert sum("ikke kontrollert" in r for r in rows) == 45  # 47 required, 2 measured
    assert "- plakat.pdf er ikke PDF/UA-1 (axe-core i Chromium)" in text
    assert "- **axe-core i Chromium** (2026-12-04): hver sidetype" in text
    assert "si fra til Redaksjonen for Refleks." in text


def test_without_measurements_nothing_is_claimed(library: Library, tmp_path: Path, monkeypatch):
    text = render(library, tmp_path, [], monkeypatch)
    assert "Ingen målinger er funnet da nettstedet ble bygd." in text
    assert text.count("| ikke kontrollert |") == 47
    assert "ingen brudd funnet" not in text
    assert "Ikke målt." in text


def test_measurement_files_are_read_and_broken_ones_left_out(tmp_path: Path) -> None:
    folder = tmp_path / "build" / "tilgjengelighet"
    folder.mkdir(parents=True)
    (folder / "a.json").write_text('{"verktøy": "x", "kriterier": {"2.4.7": "bestått"}}', "utf-8")
    (folder / "b.json").write_text("{ikke json", "utf-8")
    (folder / "c.json").write_text('["ingen kriterier"]', "utf-8")
    assert statement.measurements(tmp_path) == [{"verktøy": "x", "kriterier": {"2.4.7": "bestått"}}]


def test_axe_tags_name_the_criteria(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(measurements, "_results", {})
    measurements.axe([["wcag2aa", "wcag143"], ["wcag21aa", "wcag1410"]], [["wcag2a", "wcag412"]])
    measurements.axe([["wcag412"]], [])  # a later pass does not undo a breach
    assert measurements._results["axe-core"]["kriterier"] == {
        "1.4.3": "bestått",
        "1.4.10": "bestått",
        "4.1.2": "brudd",
    }


def test_every_page_links_to_the_statement(default_site: Path) -> None:
    assert (default_site / "tilgjengelighet.html").is_file()
    for page, href in (
        ("index.html", "tilgjengelighet.html"),
        ("roller/index.html", "../tilgjengelighet.html"),
    ):
        html = (default_site / page).read_text("utf-8")
        assert f'<a href="{href}">Tilgjengelighetserklæring</a>' in html, page
