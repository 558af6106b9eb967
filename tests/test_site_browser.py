"""The built learning site in a real headless Chromium: search in Norwegian, from disk and over
http, with no request to any other host."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.slow

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def http_root(built_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("file", "data", "blob", "about") or parsed.hostname in (
        "127.0.0.1", "localhost",
    )


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
def test_search_finds_inflected_norwegian_words(browser, built_site: Path, http_root: str,
                                                mode: str) -> None:
    url = (built_site / "index.html").as_uri() if mode == "file" else http_root + "index.html"
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
