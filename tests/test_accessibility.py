"""WCAG 2.1 A/AA with axe-core in headless Chromium: every page type, both palettes, the mobile
menu open, the search results open, and every kind of slide deck.

Violations of rules tagged wcag2a, wcag2aa, wcag21a or wcag21aa fail the test. The
best-practice and wcag22aa results are printed (run with ``-s`` to see them), not gated.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from refleks import urls
from refleks.content.model import Library

from .tools import nothing_to_check, require_module

require_module("playwright.sync_api")

from .browser import (  # noqa: E402
    SETTLED,
    Recorder,
    axe_violations,
    describe,
    search_count,
    search_for,
)

pytestmark = pytest.mark.slow

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}
PALETTES = {"lys": "light", "mørk": "dark"}
SCHEME_OF = {"light": "default", "dark": "slate"}
ADVISORY_TAGS = ["best-practice", "wcag22aa"]


def page_types(library: Library) -> dict[str, str | None]:
    """One page of every type, as a path in the site; ``None`` when the content has none."""
    sources = sorted(
        library.sources.values(),
        key=lambda s: -(len(s.statistics) + len(s.findings) + len(s.stories)),
    )
    reflection = next(iter(library.reflections.values()), None)
    role = next(iter(library.roles_in_order()), None)
    framework = next(iter(sorted(library.frameworks)), None)
    method = next(iter(sorted(library.methods)), None)

    def html(md: str | None) -> str | None:
        return urls.page_html(md) if md else None

    return {
        "forside": "index.html",
        "kilde": html(urls.source_page(sources[0].id)) if sources else None,
        "tema": html(urls.theme_page(reflection.id, reflection.themes[0].id))
        if reflection
        else None,
        "rolle": html(urls.role_page(role.id)) if role else None,
        "rammeverk": html(urls.framework_page(framework)) if framework else None,
        "anbefalinger": html(urls.RECOMMENDATIONS_PAGE),
        "forfattere": html(urls.REFERENCE_PAGE),
        "visitt": html(urls.method_page(method)) if method else None,
        "visittbrev": "verktoy/visittbrev.html" if method else None,
        "mote": "verktoy/mote.html" if reflection else None,
    }


@pytest.fixture(scope="module")
def pages(library: Library, built_site: Path) -> dict[str, str | None]:
    found = page_types(library)
    for kind, path in found.items():
        if path is not None:
            assert (built_site / path).is_file(), f"{kind}: {path} was not built"
    return found


def open_page(browser: Any, url: str, scheme: str, viewport: dict) -> tuple[Any, Any, Recorder]:
    context = browser.new_context(color_scheme=scheme, viewport=viewport)
    recorder = Recorder(context)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    # the theme picks the palette from prefers-color-scheme on a first visit
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEME_OF[scheme]
    return context, page, recorder


def check(page: Any, what: str, advisory: bool = True) -> None:
    violations = axe_violations(page)
    advisory = advisory and axe_violations(page, tags=ADVISORY_TAGS)
    if advisory:
        print(f"\n[axe, ikke krav] {what}:\n{describe(advisory)}")
    assert violations == [], f"{what}:\n{describe(violations)}"


def skip_if_missing(pages: dict[str, str | None], kind: str) -> str:
    path = pages[kind]
    if path is None:
        reason = {"visitt": "no walkround method in content/methods/ yet"}.get(
            kind, f"the content has no {kind} page"
        )
        nothing_to_check(reason)
    return path


KINDS = [
    "forside",
    "kilde",
    "tema",
    "rolle",
    "rammeverk",
    "anbefalinger",
    "forfattere",
    "visitt",
    "visittbrev",
    "mote",
]


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("kind", KINDS)
def test_page_type(browser: Any, base_url: str, pages: dict, kind: str, palette: str) -> None:
    path = skip_if_missing(pages, kind)
    context, page, recorder = open_page(browser, base_url + path, PALETTES[palette], DESKTOP)
    try:
        check(page, f"{path} ({palette} palett)")
        recorder.assert_local()
    finally:
        context.close()


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("kind", KINDS)
def test_page_type_with_the_mobile_menu_open(
    browser: Any, base_url: str, pages: dict, kind: str, palette: str
) -> None:
    path = skip_if_missing(pages, kind)
    context, page, _ = open_page(browser, base_url + path, PALETTES[palette], MOBILE)
    try:
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_function("document.getElementById('__drawer').checked")
        page.evaluate(SETTLED)  # the drawer has slid in: its transition has ended
        assert page.locator(".md-sidebar--primary").bounding_box()["x"] >= -1
        check(page, f"{path} med mobilmenyen åpen ({palette} palett)")
    finally:
        context.close()


@pytest.mark.parametrize("palette", PALETTES)
def test_search_results_open(browser: Any, base_url: str, palette: str, engine: str) -> None:
    context, page, recorder = open_page(
        browser, base_url + "index.html", PALETTES[palette], DESKTOP
    )
    try:
        search_for(page, "gjennomgang", engine, delay=10)
        search_count(page, engine)  # the results are shown in full once their count is
        check(page, f"søkeresultater for «gjennomgang» ({palette} palett)")
        recorder.assert_local()
    finally:
        context.close()


# --- slide decks


def deck_kinds(site: Path) -> dict[str, Path]:
    """The first deck of every kind (set, theme, role ...) by its file-name prefix."""
    folder = site / urls.DECKS
    kinds: dict[str, Path] = {}
    for deck in sorted(folder.glob("*.html")) if folder.is_dir() else []:
        kinds.setdefault(deck.name.split("-", 1)[0], deck)
    return kinds


# the decks are Refleks's own, the same bytes with either engine: checked once


def test_every_kind_of_deck_is_checked(default_site: Path, library: Library) -> None:
    if not (default_site / urls.DECKS).is_dir():
        nothing_to_check("no slide decks in the site")
    assert {"sett", "tema", "rolle"} <= set(deck_kinds(default_site)), deck_kinds(default_site)


@pytest.mark.parametrize("kind", ["sett", "tema", "rolle"])
def test_deck_every_slide(
    browser: Any, default_base_url: str, default_site: Path, kind: str
) -> None:
    base_url = default_base_url
    decks = deck_kinds(default_site)
    if kind not in decks:
        nothing_to_check(f"no {kind} deck in the site")
    path = decks[kind].relative_to(default_site).as_posix()
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    recorder = Recorder(context)
    try:
        page = context.new_page()
        page.goto(base_url + path)
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        total = page.evaluate("Reveal.getTotalSlides()")
        assert total >= 2
        for index in range(total):
            page.evaluate(
                """i => { const ix = Reveal.getIndices(Reveal.getSlides()[i]);
                          Reveal.slide(ix.h, ix.v); }""",
                index,
            )
            # axe measures colours as shown: wait until the slide has faded in
            page.wait_for_function(
                """i => Reveal.getCurrentSlide() === Reveal.getSlides()[i]
                       && getComputedStyle(Reveal.getCurrentSlide()).opacity === '1'""",
                arg=index,
            )
            check(page, f"{path}, lysark {index + 1} av {total}", advisory=index == 0)
        recorder.assert_local()
    finally:
        context.close()
