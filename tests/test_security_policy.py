"""The Content-Security-Policy (``src/refleks/policy.py``): every page type, a deck and the
search run under it with no violation, from disk (``file://``) and from a web server, with
both site engines. A violation event or a console message about the policy fails the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refleks import policy

from .tools import require_module

require_module("playwright.sync_api")

from .browser import SETTLED  # noqa: E402

pytestmark = pytest.mark.slow

PAGES = [
    "index.html",
    "refleksjon/systemperspektiv/ledelse.html",
    "roller/index.html",
    "mine-refleksjoner.html",
    "verktoy/visittbrev.html",
    "verktoy/mote.html",
    "tilgjengelighet.html",
    "404.html",
]
DECK = "lysark/sett-systemperspektiv.html"
WATCH = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
    "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));"
)


@pytest.fixture(scope="module")
def roots(built_site: Path, base_url: str) -> Iterator[dict[str, str]]:
    yield {"fil": built_site.as_uri() + "/", "server": base_url}


def visit(browser: Any, url: str, search: bool = False) -> tuple[list[str], int]:
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(WATCH)
    said: list[str] = []
    page.on(
        "console",
        lambda m: said.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(url)
    hits = 0
    if search:
        page.keyboard.press("/")
        page.keyboard.type("ledelse")
        page.wait_for_selector(".md-search-result__item, [role=option]", timeout=15000)
        hits = page.locator(".md-search-result__item, [role=option]").count()
    # every request has ended and the frames after it are drawn: a refused script or style
    # has been reported by then
    page.wait_for_load_state("networkidle")
    page.evaluate(SETTLED)
    found = page.evaluate("window.__violations") + said
    context.close()
    return found, hits


def test_every_page_has_the_policy(built_site: Path) -> None:
    for rel in PAGES:
        html = (built_site / rel).read_text("utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in html, rel
        assert "'unsafe-inline'" not in html.split("script-src", 1)[1].split(";", 1)[0], rel
        # the page for a missing address sets <base> to the site's top folder (any depth)
        base = "'self'" if rel == "404.html" else "'none'"
        assert f"object-src 'none'; base-uri {base}; form-action 'none'" in html, rel


@pytest.mark.parametrize("where", ["fil", "server"])
def test_no_violation_on_any_page_type(browser: Any, roots: dict[str, str], where: str) -> None:
    problems = []
    for rel in PAGES:
        found, _ = visit(browser, roots[where] + rel)
        problems += [f"{rel}: {v}" for v in found]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("where", ["fil", "server"])
def test_search_works_under_the_policy(browser: Any, roots: dict[str, str], where: str) -> None:
    found, hits = visit(browser, roots[where] + "index.html", search=True)
    assert not found, "\n".join(found)
    assert hits > 0


def test_an_injected_inline_script_is_not_allowed() -> None:
    page = b"<html><head><meta charset=utf-8></head><body><script>ok()</script></body></html>"
    protected = policy.protect(page)
    assert protected.startswith(b"<html><head><meta charset=utf-8><meta http-equiv=")
    # sha256 of "ok()", worked out with: printf 'ok()' | openssl dgst -sha256 -binary | base64
    assert b"script-src 'self' 'sha256-TD4bijd3KUcHDmm9fAy+0QwyFVw/v4b25yHb8E2F7bY='" in protected
    assert policy.inline_hashes(page.replace(b"ok()", b"evil()")) != policy.inline_hashes(page)
    assert policy.inline_hashes(b'<script type="application/json">{}</script>') == []


@pytest.fixture(scope="module")
def session_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from refleks.cli import main

    from .conftest import ROOT

    out = tmp_path_factory.mktemp("okt")
    args = ["--reflection", "kollegastotte", "--role", "kollega", "--name", "okt"]
    assert main(["--project", str(ROOT), "session", *args, "--out", str(out)]) == 0
    return out / "okt"


def test_decks_keep_their_speaker_view(built_site: Path, session_kit: Path) -> None:
    """The speaker view is a window notes.js writes with inline scripts; it inherits the
    deck's policy and would not run, so decks carry none (the guide and pages do)."""
    for deck in (built_site / DECK, session_kit / "lysark.html"):
        html = deck.read_text("utf-8")
        assert "notes.js" in html
        assert 'http-equiv="Content-Security-Policy"' not in html, deck.name


def test_the_session_kit_pages_run_under_the_policy(browser: Any, session_kit: Path) -> None:
    pages = ["veiledning.html"]
    problems = []
    for rel in pages:
        html = (session_kit / rel).read_text("utf-8")
        assert '<meta http-equiv="Content-Security-Policy"' in html, rel
        assert "'unsafe-inline'" not in html.split("script-src", 1)[1].split(";", 1)[0], rel
        found, _ = visit(browser, (session_kit / rel).as_uri())
        problems += [f"{rel}: {v}" for v in found]
    assert not problems, "\n".join(problems)
