"""The accessibility statement draft (``tilgjengelighet.html``): made from the measurements the
tests leave in ``build/tilgjengelighet/``, never from a claim; linked in every page's footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from refleks.content.model import Library
from refleks.content.schema import Site
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
    rows = [line for line in text.splitlines() if line.startswith("| ") and "Nivå" not in line]
    assert len(rows) == 50
    assert (
        "| 1.4.3 Kontrast (minimum) | AA | axe-core i Chromium 2026-12-04: ingen brudd funnet |"
        in rows
    )
    assert (
        "| 4.1.2 Navn, rolle, verdi | A | axe-core i Chromium 2026-12-04: **brudd funnet** |"
        in rows
    )
    assert "| 1.1.1 Ikke-tekstlig innhold | A | ikke kontrollert |" in rows
    assert "| 1.2.4 Teksting (direkte) | AA | Ikke krav i forskriften |" in rows
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
    assert "kontrollert manuelt" not in text
    assert (
        "Ingen manuelle kontroller er skrevet inn. Den som kontrollerer et kriterium manuelt, "
        "skriver det inn under `accessibility_checks` i `content/site.yaml`."
    ) in text


CHECKS = [
    {
        "criterion": "2.1.1",
        "date": "2026-12-01",
        "checked": "Alle sidetyper og lysarkene med bare tastatur",
        "by": "Kari Nordmann",
        "result": "bestått",
    },
    {
        "criterion": "1.4.3",
        "date": "2026-11-30",
        "checked": "Lysarkene i mørk modus",
        "by": "Ola Nordmann",
        "result": "brudd",
        "note": "Lenkene i notatene har for svak kontrast",
    },
]


def test_manual_checks_say_kontrollert_manuelt_with_the_date(
    library: Library, tmp_path: Path, monkeypatch
) -> None:
    site = Site.model_validate({**library.site.model_dump(), "accessibility_checks": CHECKS})
    monkeypatch.setattr(library, "site", site)
    text = render(library, tmp_path, [AXE], monkeypatch)
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert "| 2.1.1 Tastatur | A | kontrollert manuelt 01.12.2026: ingen brudd funnet |" in rows
    assert (
        "| 1.4.3 Kontrast (minimum) | AA | axe-core i Chromium 2026-12-04: ingen brudd funnet; "
        "kontrollert manuelt 30.11.2026: **brudd funnet** |"
    ) in rows
    assert "| 2.1.2 Ingen tastaturfelle | A | ikke kontrollert |" in rows
    assert sum("ikke kontrollert" in r for r in rows) == 44  # 47 required, 3 judged
    # what was checked is listed (oldest first); who checked stays in the project
    assert (
        "Manuelle kontroller:\n\n"
        "- 1.4.3 Kontrast (minimum) (30.11.2026): Lysarkene i mørk modus\n"
        "- 2.1.1 Tastatur (01.12.2026): Alle sidetyper og lysarkene med bare tastatur\n"
    ) in text
    assert "Nordmann" not in text
    assert (
        "- 1.4.3 Kontrast (minimum): Lenkene i notatene har for svak kontrast "
        "(kontrollert manuelt 30.11.2026)\n"
    ) in text


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


def test_the_criteria_check_knows_are_the_statements_criteria(library: Library) -> None:
    from refleks.content.schema.common import WCAG21

    numbers = [c["nr"] for c in statement.criteria(library.project.templates)]
    assert len(numbers) == 50
    assert list(WCAG21) == numbers
    labels = library.context.words("pages")["page"]["statement"]["criteria"]
    assert list(labels) == numbers


MID_WORD_BREAKS = r"""h => {
  // where a line of the heading ends inside a word: no space or soft hyphen at the break
  const text = [], tops = [];
  const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (let i = 0; i < n.length; i++) {
      const range = document.createRange();
      range.setStart(n, i); range.setEnd(n, i + 1);
      const boxes = range.getClientRects(), box = boxes[boxes.length - 1];
      text.push(n.data[i]); tops.push(box && box.width > 0 ? box.top : null);
    }
  }
  const shown = tops.map((t, i) => i).filter(i => tops[i] !== null);
  const breaks = [];
  for (let k = 1; k < shown.length; k++) {
    const a = shown[k - 1], b = shown[k];
    if (tops[b] > tops[a] + 2 && !/[\s\u00ad]/.test(text.slice(a, b + 1).join(''))) {
      breaks.push(text.slice(0, b).join('') + '|');
    }
  }
  return breaks;
}"""


@pytest.mark.slow
def test_the_heading_breaks_between_words_or_with_a_hyphen_on_a_phone(
    default_site: Path, browser
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((default_site / "tilgjengelighet.html").as_uri())
    heading = page.locator("h1").first
    assert heading.inner_text() == "Tilgjengelighets\u00aderklæring (utkast)"
    assert heading.evaluate(MID_WORD_BREAKS) == []
    # two lines: «Tilgjengelighets-» and «erklæring (utkast)»
    assert (
        heading.evaluate(
            "h => Math.round(h.getBoundingClientRect().height / "
            "parseFloat(getComputedStyle(h).lineHeight))"
        )
        == 2
    )
    # the check finds the break inside the word the heading had before the soft hyphen
    heading.evaluate("h => { h.textContent = 'Tilgjengelighetserklæring (utkast)'; }")
    assert heading.evaluate(MID_WORD_BREAKS) != []
    context.close()
