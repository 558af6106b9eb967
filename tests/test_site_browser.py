"""The built learning site in a real headless Chromium: search in Norwegian, from disk and over
http, with no request to any other host."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("playwright.sync_api")

from .browser import is_local  # noqa: E402

pytestmark = pytest.mark.slow


def search(browser, url: str, term: str) -> tuple[list[str], list[str], list[str]]:
    """Open ``url``, search for ``term``; return result titles, hrefs and every request."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url)
    page.keyboard.press("s")  # Material's shortcut to the search field
    page.locator("input.md-search__input").press_sequentially(term, delay=20)
    page.wait_for_selector(".md-search-result__item", state="attached", timeout=15000)
    titles = page.locator(".md-search-result__item article h1").all_inner_texts()
    hrefs = page.locator(".md-search-result__link").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    page.close()
    return titles, hrefs, requests


@pytest.mark.parametrize("mode", ["file", "http"])
def test_search_finds_inflected_norwegian_words(
    browser, built_site: Path, base_url: str, mode: str
) -> None:
    url = (built_site / "index.html").as_uri() if mode == "file" else base_url + "index.html"
    titles, hrefs, requests = search(browser, url, "gjennomgang")
    assert "2. Involvering i gjennomganger" in titles
    assert any("refleksjon/systemperspektiv/involvering.html" in h for h in hrefs)
    others = [u for u in requests if not is_local(u)]
    assert others == [], f"requests to other hosts: {others}"
    assert any("search_index" in u for u in requests), "the search index was loaded"


def test_search_for_a_question_word_finds_the_role_page(browser, built_site: Path) -> None:
    titles, hrefs, _ = search(browser, (built_site / "index.html").as_uri(), "syndebukker")
    assert any("roller/leder-virksomhet.html" in h for h in hrefs), hrefs
    assert titles


@pytest.mark.parametrize("term", ["gjennomganger", "gjennomgangen", "rapporter"])
def test_full_inflected_forms_are_found_too(browser, built_site: Path, term: str) -> None:
    titles, _, _ = search(browser, (built_site / "index.html").as_uri(), term)
    assert titles, f"no result for {term}"
