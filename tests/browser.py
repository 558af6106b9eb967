"""Helpers for tests that open generated files in the system's headless Chromium.

- ``launch()``: Chromium from ``/usr/bin/chromium`` (never a downloaded browser), no sandbox,
  no background networking.
- ``Recorder``: records every request of a browser context (pop-ups included), lets only
  requests to 127.0.0.1, localhost and local schemes through and aborts the rest;
  ``assert_local()`` fails the test listing every request to another host.
- ``serve(folder)``: serves a folder over http on 127.0.0.1 from a thread.
- ``axe_violations(page)``: runs axe-core from ``node_modules`` in the page and returns the
  WCAG 2.1 A/AA violations; ``describe(violations)`` makes them readable in a failure.

Usage::

    with launch() as browser:
        context = browser.new_context()
        recorder = Recorder(context)
        page = context.new_page()
        page.goto(url)
        assert axe_violations(page) == [], describe(axe_violations(page))
        recorder.assert_local()
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LOCAL_HOSTS = ("127.0.0.1", "localhost")
LOCAL_SCHEMES = ("file", "data", "blob", "about")


def is_local(url: str) -> bool:
    """True for files, inline data and the test server; false for any other host."""
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


@contextlib.contextmanager
def launch() -> Iterator[Any]:
    """The system Chromium, headless; closed when the block ends."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        from .tools import require

        browser = p.chromium.launch(executable_path=require("chromium"), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Recorder:
    """Every request a browser context makes; requests to other hosts are aborted."""

    def __init__(self, context: Any) -> None:
        self.urls: list[str] = []
        self.foreign: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        context.route("**/*", self._route)
        for page in context.pages:
            page.on("websocket", lambda ws: self.foreign.append(ws.url))
        context.on(
            "page", lambda page: page.on("websocket", lambda ws: self.foreign.append(ws.url))
        )

    def _route(self, route: Any) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort("blockedbyclient")

    def others(self) -> list[str]:
        """Requests to another host (aborted, but made)."""
        return sorted(set(self.foreign + [u for u in self.urls if not is_local(u)]))

    def assert_local(self) -> None:
        others = self.others()
        assert others == [], f"forespørsler til andre verter: {others}"


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port); yields the base URL ending in ``/``."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# the search box and its results: Material's, and Zensical's new search dialog (in a shadow
# root, which Playwright's locators look into)
SEARCH_INPUT = {"mkdocs": "input.md-search__input", "zensical": "input[role=combobox]"}
SEARCH_RESULT = {"mkdocs": ".md-search-result__item", "zensical": "[role=listbox] [role=option]"}
SEARCH_TITLE = {"mkdocs": ".md-search-result__item article h1", "zensical": "[role=option] h2"}
SEARCH_LINK = {"mkdocs": ".md-search-result__link", "zensical": "[role=option]"}
# the line above the results that says how many there are
SEARCH_COUNT = {
    "mkdocs": ".md-search-result__meta",
    "zensical": "[role=listbox] >> xpath=preceding-sibling::*[1]",
}


def search_for(page: Any, term: str, engine: str, *, delay: int = 20) -> None:
    """Open the site's search with its keyboard shortcut (``/`` on both engines; Zensical
    has no ``s``), type ``term`` and wait for the first result."""
    page.keyboard.press("/")
    page.locator(SEARCH_INPUT[engine]).press_sequentially(term, delay=delay)
    page.wait_for_selector(SEARCH_RESULT[engine], state="attached", timeout=15000)


def search_count(page: Any, engine: str) -> str:
    """What the search says about the number of results, as shown, once it shows a number
    (the line is written after the results)."""
    from playwright.sync_api import expect

    count = page.locator(SEARCH_COUNT[engine]).first
    expect(count).to_have_text(re.compile(r"\d"), timeout=15000)
    return count.inner_text().strip()


def search_results(page: Any, engine: str) -> tuple[list[str], list[str]]:
    """The titles and the links of the search results shown."""
    titles = page.locator(SEARCH_TITLE[engine]).all_inner_texts()
    hrefs = page.locator(SEARCH_LINK[engine]).evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    return titles, hrefs


# Waits until the page is still: the frames after the last action have been drawn (so that
# scroll and intersection observers have run) and every CSS transition or animation that
# ends has ended (at most 5 s). Material fades the header title and the back-to-top button
# when the page scrolls (e.g. when a form's error summary takes the focus); measured halfway,
# their colours fail contrast (seen under load, reproduced with animations played slowly).
SETTLED = """async () => {
    const frame = () => new Promise(done => requestAnimationFrame(() => done()));
    const ending = () => document.getAnimations().filter(
        a => a.playState === 'running' && Number.isFinite(a.effect.getComputedTiming().endTime));
    const deadline = Date.now() + 5000;
    for (let round = 0; round < 5 && Date.now() < deadline; round++) {
        await frame(); await frame();
        const running = ending();
        if (!running.length) return;
        await Promise.race([Promise.all(running.map(a => a.finished.catch(() => null))),
                            new Promise(done => setTimeout(done, deadline - Date.now()))]);
    }
}"""


def axe_violations(page: Any, context: Any = None, tags: list[str] | None = None) -> list[dict]:
    """Run axe-core (injected from node_modules, no request) and return its violations.

    ``context`` is axe's context (a selector or ``{"include": ..., "exclude": ...}``);
    by default the whole document. Only rules tagged WCAG 2.0/2.1 A or AA are run, once the
    page is still (``SETTLED``): a colour halfway through a fade is not what readers see.
    """
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE} mangler; kjør ./scripts/setup (npm ci)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # not a <script>: the CSP
    page.evaluate(SETTLED)
    result = page.evaluate(
        """async ([context, tags]) => {
            const result = await axe.run(context || document,
                {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
                 preload: false});
            return {passed: result.passes.map(p => p.tags),
                    violations: result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html,
                                          summary: n.failureSummary})),
            }))};
        }""",
        [context, tags or WCAG_TAGS],
    )
    if tags is None:  # a WCAG run: what it judged goes into the accessibility statement
        from . import measurements

        measurements.axe(result["passed"], [v["tags"] for v in result["violations"]])
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """Violations as lines a person can act on."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html'][:160]}")
    return "\n".join(lines)


def wait_until(page: Any, expression: str, seconds: float = 30) -> None:
    """Wait until ``expression`` is true in ``page``. Playwright's ``wait_for_function``
    compiles its predicate with ``new Function``, which a page's Content-Security-Policy
    (no ``'unsafe-eval'``) refuses; ``evaluate`` goes through the DevTools protocol."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"ventet {seconds} s på: {expression}")
        page.wait_for_timeout(100)


def goto(page: Any, url: str, tries: int = 3) -> None:
    """Open ``url`` and wait for "load". A preview reloads its page when the engine has built
    the site again (a background document arrived); such a reload may cut across a
    navigation, and the navigation is then simply made again."""
    for attempt in range(tries):
        try:
            page.goto(url)
            page.wait_for_load_state("load")
            return
        except Exception as error:  # playwright's Error; the module may not be importable
            if "interrupted by another navigation" not in str(error) or attempt == tries - 1:
                raise
