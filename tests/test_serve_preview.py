"""``refleks serve`` in Chromium (issue 18): the deck and PDF buttons work in the preview, a
content error is shown over the page until it is fixed, and the terminal says what the
preview shows, word for word, without the engine's own banners.

One preview (MkDocs, the default engine) of a copy of the minimal fixture project serves the
whole module. Screenshots of the errors go to ``tmp_path``; with ``REFLEKS_SCREENSHOTS=DIR``
they are kept in DIR to be looked at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .test_bad_input import ROOT, make_project
from .test_html_validity import readable, vnu
from .test_serve import free_port, wait_for
from .tools import require_module

require_module("playwright.sync_api")

from .browser import Recorder, axe_violations, describe, goto  # noqa: E402

pytestmark = pytest.mark.slow

THEME_PAGE = "refleksjon/sett/tema.html"
SET_PAGE = "refleksjon/sett/index.html"
# the documents the background run makes for the fixture: the handouts of its one theme
# and two roles, the set's deck as PDF and its course pack
DOCUMENTS = [
    "utskrift/kurs-sett.pdf",
    "utskrift/lysark-sett.pdf",
    "utskrift/rolle-kollega.pdf",
    "utskrift/rolle-leder.pdf",
    "utskrift/tema-sett-tema.pdf",
]
# and the set's SCORM package, a download on the site too
PACKAGES = ["scorm/refleks-sett-scorm12.zip"]
BROKEN = "source: finnes-ikke"
ERROR_LINES = [
    "content/reflections/sett.yaml:2:9: feil: kilden «finnes-ikke» finnes ikke",
    "  nøkkel: source",
    "  skrevet: finnes-ikke",
    "  forventet: en av: kilde",
]
OVERLAY = ".refleks-forhandsvisning-feil"
TEMPLATES = ROOT / "templates"
VIEWPORTS = {"1280x800": {"width": 1280, "height": 800}, "390x844": {"width": 390, "height": 844}}
PALETTES = {"lys": "light", "mork": "dark"}


@dataclass
class Preview:
    project: Path
    url: str
    log: Path
    process: subprocess.Popen

    def output(self) -> str:
        return self.log.read_text("utf-8")

    def wait_for_output(self, text: str, seconds: float, times: int = 1) -> None:
        deadline = time.monotonic() + seconds
        while self.output().count(text) < times:
            assert time.monotonic() < deadline, f"«{text}» kom ikke:\n{self.output()}"
            assert self.process.poll() is None, f"serve stoppet:\n{self.output()}"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    root = tmp_path_factory.mktemp("serve")
    project = make_project(root / "prosjekt")
    shutil.copytree(ROOT / "docs", project / "docs")  # the site's stylesheet, "Bruk" page
    port = free_port()
    log = root / "terminal.txt"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "refleks", "--project", str(project), "serve"]
            + ["--port", str(port), "--engine", "mkdocs"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    running = Preview(project, f"http://127.0.0.1:{port}/", log, process)
    try:
        assert wait_for(running.url + THEME_PAGE, "Hva gjør jeg?", 90), running.output()
        yield running
    finally:
        process.terminate()
        process.wait(30)


def refleks_lines(output: str) -> list[str]:
    """What Refleks printed: the engine's warnings about the fixture's content (a link to
    a page it does not have) are the engine's, in its own words."""
    return [line for line in output.splitlines() if not line.startswith("WARNING -")]


def served(page: Any, url: str, seconds: float = 30) -> Any:
    """The response once the engine serves ``url``: the documents are put in its docs
    folder when they are ready, and the engine then builds its copy of the site again."""
    deadline = time.monotonic() + seconds
    while (response := page.request.get(url)).status == 404 and time.monotonic() < deadline:
        time.sleep(0.5)
    return response


def test_the_deck_and_pdf_buttons_work(preview: Preview, browser: Any) -> None:
    preview.wait_for_output("PDF-ene og dokumentene er oppdatert", 180)
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    checked = []
    for path in (THEME_PAGE, SET_PAGE):
        goto(page, preview.url + path)
        for link in page.locator("a.md-button").all():
            href = link.get_attribute("href")
            response = served(page, page.url.rsplit("/", 1)[0] + "/" + href)
            assert response.status == 200, f"{link.inner_text()}: {href}"
            kind = "application/pdf" if href.endswith(".pdf") else "text/html"
            assert response.headers["content-type"].startswith(kind), href
            if kind == "application/pdf":
                assert response.body().startswith(b"%PDF-"), href
            else:  # a reveal.js deck
                assert 'class="reveal"' in response.text(), href
            checked.append(f"{link.inner_text()} -> {href}")
    assert checked == [
        "Presentasjon -> ../../lysark/tema-sett-tema.html",
        "Utskrift til samtalen (PDF) -> ../../utskrift/tema-sett-tema.pdf",
        "Presentasjon for hele settet -> ../../lysark/sett-sett.html",
        "Lysark med notater (PDF) -> ../../utskrift/lysark-sett.pdf",
    ]
    for path in DOCUMENTS:  # every PDF of the site, the course pack's too
        assert served(page, preview.url + path).headers["content-type"] == "application/pdf"
    goto(page, preview.url + "lysark/tema-sett-tema.html")
    page.wait_for_selector(".reveal.ready", timeout=15000)  # reveal.js started: its files load
    recorder.assert_local()
    context.close()


def open_page(browser: Any, url: str, scheme: str, viewport: dict) -> tuple[Any, Any]:
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    page = context.new_page()
    goto(page, url)  # "load": live reload keeps a request open, the network is never idle
    # the theme's scripts have run (overrides/refleks/page.html takes this tab stop away)
    page.wait_for_function("!document.querySelector('.md-search__scrollwrap[tabindex]')")
    return context, page


def test_a_content_error_is_shown_over_the_page_until_it_is_fixed(
    preview: Preview, browser: Any, tmp_path: Path
) -> None:
    preview.wait_for_output("PDF-ene og dokumentene er oppdatert", 180)
    pages_count = len(list((preview.project / "build" / "serve" / "pages").rglob("*.md")))
    sett = preview.project / "content" / "reflections" / "sett.yaml"
    good = sett.read_text("utf-8")
    context, page = open_page(browser, preview.url + THEME_PAGE, "light", VIEWPORTS["1280x800"])
    recorder = Recorder(context)
    assert page.locator(OVERLAY).count() == 0

    sett.write_text(good.replace("source: kilde", BROKEN), "utf-8")
    # the engine's live reload brings the errors into the open page
    page.wait_for_selector(OVERLAY, timeout=30000)
    overlay = page.locator(OVERLAY)
    assert overlay.get_attribute("role") == "alert"
    assert [line for line in overlay.inner_text().split("\n") if line.strip()] == [
        "Innholdet har 1 feil",
        "Forhåndsvisningen er ikke oppdatert: siden under er den siste gyldige. Rett feilen og "
        "lagre filen, så oppdateres siden av seg selv. Meldingen vises bare i "
        "forhåndsvisningen.",
        "content/reflections/sett.yaml:2:9 kilden «finnes-ikke» finnes ikke",
        "nøkkel",
        "source",
        "skrevet",
        "finnes-ikke",
        "forventet",
        "en av: kilde",
    ]
    assert page.locator("h1").inner_text() == "1. Et tema"  # the last valid page below
    _reach_with_the_keyboard(page)
    _valid_html(page, preview.url + THEME_PAGE, tmp_path)
    assert axe_violations(page) == [], describe(axe_violations(page))
    recorder.assert_local()
    context.close()
    _screenshots(browser, preview.url + THEME_PAGE, tmp_path)

    context, page = open_page(browser, preview.url + THEME_PAGE, "light", VIEWPORTS["1280x800"])
    sett.write_text(good, "utf-8")
    page.wait_for_selector(OVERLAY, state="detached", timeout=30000)
    context.close()
    preview.wait_for_output("sider endret.\n", 5)
    # the documents are made again in the background once the content is valid
    made = len(DOCUMENTS) + len(PACKAGES)
    documents_line = f"PDF-ene og dokumentene er oppdatert: {made} filer endret.\n"
    preview.wait_for_output(documents_line, 180, times=2)  # the whole line, not its start
    lines = refleks_lines(preview.output())
    port = preview.url.split(":")[-1].rstrip("/")
    assert lines == [
        f"Forhåndsvisningen er oppdatert: {pages_count} sider endret.",
        f"Forhåndsvisning på http://127.0.0.1:{port}/ (Ctrl+C for å avslutte)",
        f"PDF-ene og dokumentene er oppdatert: {made} filer endret.",
        *ERROR_LINES,
        "Forhåndsvisningen er ikke oppdatert: 1 feil vises i nettleseren til de er rettet.",
        f"Forhåndsvisningen er oppdatert: {pages_count} sider endret.",
        f"PDF-ene og dokumentene er oppdatert: {made} filer endret.",
    ]
    output = preview.output()
    for engine_noise in ("end of life", "MkDocs 2.0", "INFO", "Serving on", "Building"):
        assert engine_noise not in output


def _valid_html(page: Any, url: str, tmp_path: Path) -> None:
    """The page with the errors as served, and the preview's stylesheet, pass the Nu HTML
    Checker (the engine's live-reload script is part of the page)."""
    served = tmp_path / "side-med-feil.html"
    served.write_text(page.request.get(url).text(), "utf-8")
    errors = vnu([served]) + vnu([TEMPLATES / "preview" / "forhandsvisning.css"], "--css")
    assert errors == [], readable(errors, tmp_path)


def _reach_with_the_keyboard(page: Any) -> None:
    """Tab from the top of the page reaches the errors (they take the focus visibly)."""
    page.locator("body").focus()
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches('{OVERLAY}')"):
            break
    else:
        pytest.fail("the errors cannot be reached with the Tab key")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def _screenshots(browser: Any, url: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("REFLEKS_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for size, viewport in VIEWPORTS.items():
        for palette, scheme in PALETTES.items():
            context, page = open_page(browser, url, scheme, viewport)
            assert page.locator(OVERLAY).is_visible()
            box = page.locator(OVERLAY).bounding_box()
            assert box["y"] + box["height"] <= viewport["height"] + 1  # on screen, at the foot
            assert axe_violations(page, OVERLAY) == [], describe(axe_violations(page, OVERLAY))
            page.screenshot(path=str(folder / f"forhandsvisning-feil-{size}-{palette}.png"))
            context.close()
