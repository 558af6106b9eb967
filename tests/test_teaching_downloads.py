"""«For undervisere» offers every set's course pack and SCORM package, built with the site.

- The teachers' page (docs/for-undervisere.md) gets the list where it writes
  ``<!-- refleks: nedlastinger -->``; the shipped content has two sets (content/reflections/:
  kollegastotte, systemperspektiv), so the built page links two PDFs and two zip files.
- The set's own page links both as well.
- Each link leads to a file of the site that opens: a PDF with the set's title, a zip file
  with a SCORM manifest naming the set; the site's packages are the bytes
  ``refleks export scorm`` writes, and hold only the set's own material (no letter, nothing
  from ``out/``, none of the example visits' people).
- The page asks no one to run a command, and its code examples are not cut off in Chromium at
  1280x800 and 390x844.
"""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from refleks import cli
from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.site import pages

from .conftest import ROOT
from .test_bad_input import make_project
from .test_privacy import people_in_visits

SETS = {
    "kollegastotte": "Refleksjon om ivaretakelse og kollegastøtte etter uønskede hendelser",
    "systemperspektiv": "Refleksjon om gjennomganger med systemperspektiv",
}
"""The shipped sets' ids and titles (content/reflections/*.yaml)."""

PAGE = "for-undervisere.html"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str | None]]] = []
        self.code: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "", dict(attrs)))
        self._in_code = self._in_code or tag == "code"

    def handle_endtag(self, tag: str) -> None:
        if tag == "code":
            self._in_code = False

    def handle_data(self, data: str) -> None:
        if self._in_code:
            self.code.append(data)


def _page(site: Path) -> _Links:
    parser = _Links()
    parser.feed((site / PAGE).read_text("utf-8"))
    return parser


def test_the_list_goes_where_the_page_asks_for_it(tmp_path: Path) -> None:
    """The fixture project's one set (tests/fixtures/minimal: «sett», «Et refleksjonssett»)."""
    project = Project(make_project(tmp_path / "prosjekt"))
    project.docs.mkdir(parents=True, exist_ok=True)
    (project.docs / "for-undervisere.md").write_text(
        "# For undervisere\n\nFør.\n\n<!-- refleks: nedlastinger -->\n\nEtter.\n", "utf-8"
    )
    docs = tmp_path / "docs"
    pages.build(build_library(project), docs)
    assert (docs / "for-undervisere.md").read_text("utf-8") == (
        "# For undervisere\n\nFør.\n\n"
        "- **Et refleksjonssett**\n"
        '    - <a href="utskrift/kurs-sett.pdf">Kurshefte (PDF)</a>\n'
        '    - <a href="scorm/refleks-sett-scorm12.zip" download>SCORM 1.2-pakke til '
        "læringsplattformen (zip)</a>\n"
        "\nEtter.\n"
    )


def test_the_page_links_every_set_s_course_pack_and_package(default_site: Path) -> None:
    hrefs = [href for href, _ in _page(default_site).links]
    for reflection_id, title in SETS.items():
        pack = f"utskrift/kurs-{reflection_id}.pdf"
        package = f"scorm/refleks-{reflection_id}-scorm12.zip"
        assert pack in hrefs and package in hrefs
        reader = PdfReader(io.BytesIO((default_site / pack).read_bytes()))
        assert reader.metadata.title == f"Kurshefte: {title}"
        with zipfile.ZipFile(default_site / package) as archive:
            assert archive.testzip() is None
            manifest = archive.read("imsmanifest.xml").decode("utf-8")
        assert f'identifier="refleks-{reflection_id}"' in manifest
        # the set's own page offers both too
        set_page = (default_site / "refleksjon" / reflection_id / "index.html").read_text("utf-8")
        assert f'href="../../{pack}"' in set_page and f'href="../../{package}"' in set_page
    assert sorted(p.name for p in (default_site / "scorm").iterdir()) == [
        f"refleks-{r}-scorm12.zip" for r in sorted(SETS)
    ]


def test_the_page_asks_for_no_command(default_site: Path) -> None:
    parser = _page(default_site)
    code = " ".join(parser.code)
    assert "refleks " not in code and ".venv" not in code and "out/" not in code
    assert "<iframe" in code  # the embedding example is the one code block left


def test_the_site_s_packages_are_the_exported_ones(default_site: Path, tmp_path: Path) -> None:
    assert cli.main(["--project", str(ROOT), "export", "scorm", "--out", str(tmp_path)]) == 0
    for reflection_id in SETS:
        name = f"refleks-{reflection_id}-scorm12.zip"
        assert (default_site / "scorm" / name).read_bytes() == (tmp_path / name).read_bytes()


ALLOWED = re.compile(
    r"imsmanifest\.xml|index\.html|scorm\.js|kurs\.css|lysark/sett\.html|lysark/reveal/.+"
    r"|utskrift/tema-[a-z0-9-]+\.pdf|utskrift/kurs-[a-z0-9-]+\.pdf"
)


def _texts(archive: zipfile.ZipFile) -> dict[str, str]:
    out = {}
    for name in archive.namelist():
        data = archive.read(name)
        if name.endswith(".pdf"):
            out[name] = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        else:
            out[name] = data.decode("utf-8", "replace")
    return out


def test_packages_hold_only_the_set_s_material(default_site: Path) -> None:
    people = people_in_visits()
    assert people, "content/visits/ names no one: nothing to look for"
    for package in sorted((default_site / "scorm").glob("*.zip")):
        with zipfile.ZipFile(package) as archive:
            names = archive.namelist()
            assert [n for n in names if not ALLOWED.fullmatch(n)] == [], package.name
            found = {n: [p for p in people if p in t] for n, t in _texts(archive).items()}
        assert {n: p for n, p in found.items() if p} == {}, package.name
    assert not (default_site / "out").exists()


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_code_examples_are_not_cut_off(base_url: str, browser: Any, size: tuple[int, int]) -> None:
    """Every code block of the page shows all of its text inside its box, with either engine:
    nothing runs out to the right behind a scroll bar (the iframe example lost «></iframe>»
    at 1280 px)."""
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(base_url + PAGE)
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.md-content pre > code')].map(c => ({
            text: c.textContent, client: c.clientWidth, scroll: c.scrollWidth,
            right: c.getBoundingClientRect().right,
            page: document.documentElement.clientWidth }))"""
    )
    page.close()
    assert any("</iframe>" in b["text"] for b in boxes)
    for box in boxes:
        assert box["scroll"] <= box["client"], f"{box['text'][:40]!r} is cut off at {size}"
        assert box["right"] <= box["page"], f"{box['text'][:40]!r} runs off the page at {size}"
