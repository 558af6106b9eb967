"""The built site as a reader meets it (issue 12): source pages, search, the 404 page, README."""

from __future__ import annotations

import contextlib
import http.server
import json
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_source_metadata_table_has_no_empty_header_row(built_site: Path) -> None:
    pages = sorted(p for p in (built_site / "kilder").glob("*.html") if p.name != "index.html")
    assert pages
    for page in pages:
        html = page.read_text("utf-8")
        assert "<th></th>" not in html, page.name
        facts = re.search(r'<table class="refleks-fakta">(.*?)</table>', html, re.S)
        assert facts, page.name
        assert "<thead>" not in facts.group(1)
        assert '<th scope="row">Utgiver</th>' in facts.group(1)
        assert "](" not in facts.group(1)  # the links are links


def test_a_table_title_is_shown_once(built_site: Path) -> None:
    """The heading names the table; the caption repeats it only for screen readers."""
    html = (built_site / "kilder" / "hdir-vold-og-trusler.html").read_text("utf-8")
    captions = re.findall(r"<caption>(.*?)</caption>", html, re.S)
    assert captions
    for caption in captions:
        shown = re.sub(r'<span class="refleks-skjult">.*?</span>', "", caption)
        assert re.fullmatch(r'<span class="refleks-enhet">Enhet: [^<]+</span>', shown), caption
    css = (built_site / "assets" / "refleks.css").read_text("utf-8")
    assert re.search(r"\.refleks-skjult \{[^}]*clip", css)


def test_method_page_opens_with_its_purpose(built_site: Path) -> None:
    html = (built_site / "visitt" / "pasientsikkerhetsvisitt" / "index.html").read_text("utf-8")
    purpose = html.index(">Hensikt<")
    differs = html.index("Kildene sier ulikt")
    assert purpose < differs


def test_author_pages_are_not_in_the_readers_search(built_site: Path, engine: str) -> None:
    # MkDocs: search/search_index.json with "docs"; Zensical: search.json with "items"
    name, key = {
        "mkdocs": ("search/search_index.json", "docs"),
        "zensical": ("search.json", "items"),
    }[engine]
    docs = json.loads((built_site / name).read_text("utf-8"))[key]
    places = [doc["location"] for doc in docs]
    assert any(p.startswith("kilder/") for p in places)
    assert not [p for p in places if p.startswith("for-forfattere/")]
    assert not [d for d in docs if "Innholdsmodellen" in d["title"]]


def test_404_page_works_from_a_subfolder(built_site: Path) -> None:
    html = (built_site / "404.html").read_text("utf-8")
    rooted = re.findall(r'(?:href|src)="/(?!/)[^"]*"', html)
    assert rooted == []
    assert 'href="./assets/refleks.css"' in html
    # its words come from the nettsted catalogue through mkdocs.yml's extra (both engines)
    assert '<h1 id="ikke-funnet">Siden finnes ikke</h1>' in html
    assert ">forsiden</a> eller søk etter det du leter etter." in html


def test_readme_points_to_the_projects_own_authors_reference() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "../shared" not in readme and "CONTENT-MODEL" not in readme
    assert "docs/for-forfattere/index.md" in readme
    assert (ROOT / "docs" / "for-forfattere" / "index.md").is_file()


def test_speaker_view_layout_choices_are_norwegian(built_site: Path) -> None:
    notes = next(built_site.rglob("notes.js")).read_text("utf-8")
    for english in ("'Default'", "'Wide'", "'Tall'", "'Notes only'", "'Layout'"):
        assert english not in notes
    for norwegian in ("'Standard'", "'Bred'", "'Høy'", "'Bare notater'", "'Oppsett'"):
        assert norwegian in notes


@contextlib.contextmanager
def _serve_with_404(root: Path, not_found: bytes) -> Iterator[str]:
    """Serve ``root`` as nginx and GitHub Pages do: 404.html for every missing address."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, directory=str(root), **kw)

        def send_error(self, code: int, message: str | None = None, explain=None) -> None:
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(not_found)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_404_at_a_nested_address_loads_its_styles_and_links_home(
    built_site: Path, browser: Any, tmp_path: Path
) -> None:
    """nginx and GitHub Pages send 404.html for /refleksjon/kollegastotte/x.html too: the page
    must load its style sheets (not 8,000 px of unstyled icons) and link to the site's front
    page, with the site at the server's top and in a subfolder of it."""
    not_found = (built_site / "404.html").read_bytes()
    for prefix in ("", "repo/"):
        root = tmp_path / (prefix or "top")
        shutil.copytree(built_site, root / prefix if prefix else root)
        with _serve_with_404(root, not_found) as server:
            page = browser.new_page()
            base = server + prefix
            page.goto(base + "refleksjon/kollegastotte/x.html")
            assert page.inner_text("h1#ikke-funnet") == "Siden finnes ikke"
            loaded = page.evaluate(
                "[...document.styleSheets].filter(s => s.href && s.cssRules.length).length"
            )
            assert loaded >= 2, prefix
            assert page.evaluate("document.body.scrollHeight") < 3000, prefix
            home = page.get_by_role("link", name="forsiden").get_attribute("href")
            target = page.evaluate(f"new URL({home!r}, document.baseURI).href")
            assert target in (base, base + "index.html"), prefix
            page.close()
