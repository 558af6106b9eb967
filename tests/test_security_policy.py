"""The Content-Security-Policy (``src/refleks/policy.py``): every page type, the search and
the decks with their speaker view (the site's, a session kit's and a SCORM package's) run
under it with no violation, from disk (``file://``) and from a web server, with both site
engines. A violation event or a console message about the policy (pop-ups included) fails
the test; the speaker view must show the deck's current slide and notes."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refleks import policy
from refleks.errors import BuildFailed

from .tools import require, require_module

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


def test_the_speaker_views_scripts_are_hashed_from_notes_js_as_javascript_reads_it() -> None:
    # a notes.js of our own: the page it writes has a \\xA0 escape, an escaped backtick and
    # <\\/script>; hashes worked out with
    #   printf 'ok("\\xc2\\xa0")' | openssl dgst -sha256 -binary | base64
    #   printf 'go(`a`)\\n' | openssl dgst -sha256 -binary | base64
    notes_js = (
        b'w.document.write(`<html><head><script>ok("\\xA0")<\\/script></head>'
        b"<body><script>go(\\`a\\`)\n</script></body></html>`)"
    )
    assert policy.speaker_hashes(notes_js) == (
        "'sha256-w3mF5pAIckvhHsd2xE1zvBGh0p+tPXd3p9W566XGhG8='",
        "'sha256-DKbpuIewhQHusFeMmw4iiZrDIrjUx7mkc9LgI6Uv6KY='",
    )
    # a deck in a package gets them from the notes.js its own address points at
    deck = b'<html><head><meta charset=utf-8></head><body><script src="../r/notes.js"></script>'
    files = policy.protect_files({"a/deck.html": deck, "r/notes.js": notes_js})
    assert files["r/notes.js"] == notes_js
    assert (
        b"script-src 'self' 'sha256-w3mF5pAIckvhHsd2xE1zvBGh0p+tPXd3p9W566XGhG8=' "
        b"'sha256-DKbpuIewhQHusFeMmw4iiZrDIrjUx7mkc9LgI6Uv6KY='; img-src"
    ) in files["a/deck.html"]
    with pytest.raises(BuildFailed) as missing:
        policy.protect_files({"a/deck.html": deck})
    assert str(missing.value) == "../r/notes.js, som lysarkene henter, mangler ved siden av dem"
    with pytest.raises(BuildFailed) as changed:
        policy.speaker_hashes(b"w.document.write(`<script>${x}</script>`)")
    assert str(changed.value) == (
        "fant ikke talervisningens skript i notes.js fra reveal.js (en side skrevet med "
        "document.write(`\u2026`) uten ${\u2026}); se på src/refleks/policy.py etter den nye "
        "versjonen av reveal.js"
    )


def speaker_scripts_by_node(notes_js: Path) -> list[str]:
    """The hashes of the speaker view's scripts as Node itself reads notes.js: the written
    page is captured by a stand-in ``window.open``, not parsed by Refleks."""
    node = require("node")
    capture = (
        "const written = []; const vm = require('vm'); const fs = require('fs');"
        "const box = {window: {open: () => ({document: {write: h => written.push(h)}}),"
        " addEventListener() {}, location: {search: ''}}, alert() {}};"
        f"vm.runInNewContext(fs.readFileSync({json.dumps(str(notes_js))}, 'utf8'), box);"
        "const plugin = box.RevealNotes(); plugin.init({addKeyBinding() {},"
        " getConfig: () => ({}), on() {}, getState: () => ({}), getCurrentSlide: () => null});"
        "try { plugin.open(); } catch (e) {}"
        "process.stdout.write(JSON.stringify(written));"
    )
    done = subprocess.run([node, "-e", capture], capture_output=True, text=True, check=True)
    pages = json.loads(done.stdout)
    assert len(pages) == 1
    scripts = re.findall(r"<script>(.*?)</script>", pages[0], re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    return [f"'sha256-{digest}'"]


def test_decks_allow_exactly_the_speaker_views_scripts(built_site: Path, session_kit: Path) -> None:
    for deck in (built_site / DECK, session_kit / "lysark.html"):
        html = deck.read_text("utf-8")
        notes_js = deck.parent / re.search(r'src="([^"]*notes\.js)"', html).group(1)
        scripts = html.split("script-src", 1)[1].split(";", 1)[0].split()
        # the deck itself has no inline script: 'self' and the speaker view's one script
        assert scripts == ["'self'", *speaker_scripts_by_node(notes_js)], deck


def open_speaker_view(browser: Any, url: str) -> list[str]:
    """Open a deck and its speaker view (S); the speaker view must show the deck's current
    slide and its notes, and follow the deck. Returns every policy complaint seen (a
    violation event in the deck, any console message about the policy, pop-up included)."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    said: list[str] = []
    context.on(
        "console",
        lambda m: said.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page = context.new_page()
    page.on(
        "console",
        lambda m: said.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(url)
    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    with context.expect_page() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    speaker.on(
        "console",
        lambda m: said.append(m.text) if "Content Security Policy" in m.text else None,
    )
    for _ in range(2):
        notes = page.locator("section.present aside.notes").first.inner_text().split("\n")[-1]
        heading = page.locator("section.present h1, section.present h2").first.inner_text()
        speaker.locator(".speaker-controls-notes .value", has_text=notes[:50]).wait_for()
        current = speaker.frame_locator("#current-slide iframe").locator("section.present")
        current.locator("h1, h2", has_text=heading).first.wait_for()
        page.keyboard.press("ArrowRight")
    assert speaker.title() == "Talervisning"
    found = page.evaluate("window.__violations") + said
    context.close()
    return found


@pytest.mark.parametrize("where", ["fil", "server"])
def test_a_deck_and_its_speaker_view_run_under_the_policy(
    browser: Any, roots: dict[str, str], where: str
) -> None:
    found = open_speaker_view(browser, roots[where] + DECK)
    assert not found, "\n".join(found)


def test_the_session_kit_deck_and_speaker_view_run_under_the_policy(
    browser: Any, session_kit: Path
) -> None:
    found = open_speaker_view(browser, (session_kit / "lysark.html").as_uri())
    assert not found, "\n".join(found)


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


def test_the_scorm_deck_and_speaker_view_run_under_the_policy(browser: Any, tmp_path: Path) -> None:
    import zipfile

    from refleks.cli import main

    from .conftest import ROOT

    args = ["export", "scorm", "--reflection", "kollegastotte", "--out", str(tmp_path)]
    assert main(["--project", str(ROOT), *args]) == 0
    with zipfile.ZipFile(tmp_path / "refleks-kollegastotte-scorm12.zip") as package:
        package.extractall(tmp_path / "pakke")
    deck = tmp_path / "pakke" / "lysark" / "sett.html"
    assert '<meta http-equiv="Content-Security-Policy"' in deck.read_text("utf-8")
    found = open_speaker_view(browser, deck.as_uri())
    assert not found, "\n".join(found)
