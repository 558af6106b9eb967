"""Privacy: nothing the site, decks and documents make reaches another host or carries the
machine's people.

- Every built page and deck, opened in headless Chromium over http on 127.0.0.1 and from
  disk, makes no request to another host (requests are recorded and aborted).
- A static scan of ``site/`` finds no other-host URL in ``src``, ``srcset``, ``<link href>``,
  CSS ``url()`` or ``@import`` (``<a href>`` to other hosts are links, not loads).
- PDFs, DOCX and XLSX in ``site/`` and from ``refleks visit`` carry no user name, real name,
  host name or home folder of the machine that made them.
- Letters with names never go into ``site/``: none of the example visit's invented people
  appears anywhere in the site.
"""

from __future__ import annotations

import getpass
import os
import pwd
import re
import socket
import subprocess
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml

from refleks import urls

from .conftest import ROOT, loaded_search_index
from .test_reproducibility import copy_project, refleks
from .tools import nothing_to_check, require

pytestmark = pytest.mark.slow

# --- static scan

NOT_LOADED_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help"}
LOAD_ATTRIBUTES = {"src", "poster", "data", "background", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)['"]""", re.I)  # url() form: CSS_URL
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def other_host(url: str) -> bool:
    """True when loading ``url`` would go to a host (any host: the site has none of its own)."""
    url = url.strip()
    if not url or url.startswith(("data:", "#", "blob:")):
        return False
    parsed = urlparse(url)
    return bool(parsed.netloc) or parsed.scheme in ("http", "https", "ftp", "ws", "wss")


def css_urls(css: str) -> list[str]:
    css = CSS_COMMENT.sub("", css)
    found = [next(g for g in m.groups() if g is not None) for m in CSS_URL.finditer(css)]
    return found + CSS_IMPORT.findall(css)


class _Loads(HTMLParser):
    """Every URL an HTML or SVG document would load by itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in LOAD_ATTRIBUTES:
                self.urls.append((f"<{tag} {name}>", value))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    self.urls.append((f"<{tag} {name}>", candidate.strip().split(" ")[0]))
            elif name == "style":
                self.urls += [(f"<{tag} style>", u) for u in css_urls(value)]
        if tag == "link" and not NOT_LOADED_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(("<link href>", values.get("href", "")))
        if tag in ("image", "use", "feimage", "script") and "href" in values:
            self.urls.append((f"<{tag} href>", values["href"]))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(("<meta refresh>", values.get("content", "").partition("=")[2]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += [("<style>", u) for u in css_urls(data)]


def scan(site: Path) -> list[str]:
    """``file: what -> url`` for every other-host load found in the site's files."""
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".htm", ".svg", ".css", ".xhtml"):
            continue
        text = path.read_text("utf-8", errors="replace")
        if path.suffix == ".css":
            loads = [("css", u) for u in css_urls(text)]
        else:
            parser = _Loads()
            parser.feed(text)
            loads = parser.urls
        rel = path.relative_to(site).as_posix()
        found += [f"{rel}: {what} -> {url}" for what, url in loads if other_host(url)]
    return found


def test_static_scan_finds_no_other_host_load(built_site: Path) -> None:
    found = scan(built_site)
    assert found == [], "\n".join(found[:30])


def test_static_scan_catches_what_it_should(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<html><head><link rel="stylesheet" href="https://cdn.example/x.css">'
        '<link rel="canonical" href="https://example.org/a.html">'
        "<style>@import 'https://fonts.example/f.css'; p{background:url(//img.example/b.png)}"
        '</style></head><body><img src="bilde.png" srcset="x.png 1x, https://i.example/y.png 2x">'
        '<a href="https://lovdata.no/">lenke</a>'
        "<div style=\"background: url('http://bg.example/c.png')\"></div></body></html>",
        "utf-8",
    )
    (tmp_path / "b.css").write_text(
        '/* https://comment.example */ .x{background:url("data:image/svg+xml;'
        "xmlns='http://www.w3.org/2000/svg'\")} @import url(https://fonts.example/g.css);",
        "utf-8",
    )
    found = scan(tmp_path)
    assert found == [
        "a.html: <link href> -> https://cdn.example/x.css",
        "a.html: <style> -> //img.example/b.png",
        "a.html: <style> -> https://fonts.example/f.css",
        "a.html: <img srcset> -> https://i.example/y.png",
        "a.html: <div style> -> http://bg.example/c.png",
        "b.css: css -> https://fonts.example/g.css",
    ]


# --- the crawl


def crawl_targets(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "assets" not in p.relative_to(site).parts and p.name != "404.html"
    )


# each engine's site crawled once, one from a server and one from disk: the static scan
# above reads both whole, and a crawl waits for every page to go quiet (the slowest test)
@pytest.mark.parametrize(
    ("engine", "mode"), [("mkdocs", "http"), ("zensical", "file")], indirect=["engine"]
)
def test_crawl_of_every_page_and_deck_stays_local(
    browser: Any, built_site: Path, mode: str, engine: str
) -> None:
    from .browser import Recorder, search_for, serve

    targets = crawl_targets(built_site)
    decks = [t for t in targets if t.startswith(urls.DECKS + "/")]
    assert "index.html" in targets and len(targets) > 10
    with serve(built_site) as base:
        root = base if mode == "http" else built_site.as_uri() + "/"
        context = browser.new_context()
        recorder = Recorder(context)
        page = context.new_page()
        try:
            for target in targets:
                page.goto(root + target, wait_until="load")
                if target in decks:
                    page.wait_for_function("window.Reveal && Reveal.isReady()")
                    page.keyboard.press("End")  # every slide shown once
                page.wait_for_load_state("networkidle")
            # the search loads its worker and index on first use
            page.goto(root + "index.html")
            search_for(page, "leder", engine, delay=10)
        finally:
            context.close()
    prefix = base if mode == "http" else built_site.as_uri()
    loaded = {u for u in recorder.urls if u.startswith(prefix)}
    assert len(loaded) > len(targets), "the crawl loaded the pages' own files"
    assert loaded_search_index(recorder.urls, engine)
    recorder.assert_local()


# --- documents: no identity of the machine


def identity() -> list[str]:
    """What would tell who made a file here: user name, real name, host name, home folder."""
    user = getpass.getuser()
    values = {user, socket.gethostname(), os.path.expanduser("~")}
    try:
        gecos = pwd.getpwnam(user).pw_gecos.split(",")[0].strip()
        values.add(gecos)
    except KeyError:
        pass
    return sorted(v for v in values if v and len(v) >= 4 and v != "/")


def pdf_metadata(path: Path) -> str:
    result = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=False
    )
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return info.stdout + result.stdout


def office_metadata(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(
            z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.startswith("docProps/")
        )


def metadata_of(path: Path) -> str:
    return pdf_metadata(path) if path.suffix == ".pdf" else office_metadata(path)


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx"))


def leaks(text: str, values: list[str]) -> list[str]:
    return [v for v in values if re.search(rf"(?<![\w/]){re.escape(v)}(?!\w)", text)]


# the documents are Refleks's own, the same bytes with either engine: checked once


def test_site_documents_carry_no_identity_of_the_machine(default_site: Path) -> None:
    built_site = default_site
    require("pdfinfo")
    docs = documents(built_site)
    if not docs:
        nothing_to_check("no PDF, DOCX or XLSX in the site")
    me = identity()
    found = {p.relative_to(built_site).as_posix(): leaks(metadata_of(p), me) for p in docs}
    assert {k: v for k, v in found.items() if v} == {}


def authors(path: Path) -> list[str]:
    """The author-like fields of a document's metadata."""
    text = metadata_of(path)
    if path.suffix == ".pdf":
        return [v.strip() for k, v in re.findall(r"^(Author|Creator):\s*(.*)$", text, re.M)]
    return re.findall(r"<(?:dc:creator|cp:lastModifiedBy|Company|Manager)>([^<]*)<", text)


def test_site_documents_name_the_publisher_not_a_person(default_site: Path, library) -> None:
    built_site = default_site
    allowed = {"", library.site.publisher, "Refleks"}
    docs = documents(built_site)
    if not docs:
        nothing_to_check("no PDF, DOCX or XLSX in the site")
    # a PDF's Creator is the program that laid it out (Typst writes its name and version)
    software = re.compile(r"Typst \d+\.\d+\.\d+")
    odd = {
        p.name: a
        for p in docs
        if (a := [x for x in authors(p) if x not in allowed and not software.fullmatch(x)])
    }
    assert odd == {}


FAKE_USER = "kari.testbruker"
FAKE_NAME = "Kari Testbruker Maskinnavn"


def test_visit_documents_carry_no_identity_of_the_machine(tmp_path: Path) -> None:
    """A visit built by a user with a distinctive name, home and e-mail set in the
    environment, as office programs and libraries read them."""
    visits = sorted((ROOT / "content" / "visits").glob("*.yaml"))
    if not visits:
        nothing_to_check("no visit in content/visits/")
    project = copy_project(tmp_path / "prosjekt")
    home = tmp_path / FAKE_USER
    home.mkdir()
    env = dict(
        os.environ,
        USER=FAKE_USER,
        LOGNAME=FAKE_USER,
        USERNAME=FAKE_USER,
        HOME=str(home),
        NAME=FAKE_NAME,
        GIT_AUTHOR_NAME=FAKE_NAME,
        EMAIL=f"{FAKE_USER}@maskin.example",
        DEBFULLNAME=FAKE_NAME,
    )
    for visit in visits:
        refleks(project, "visit", f"content/visits/{visit.name}", env=env)
    docs = documents(project / "out")
    assert docs, "the visit command wrote no PDF, DOCX or XLSX"
    for path in docs:
        blob = path.read_bytes()
        texts = [metadata_of(path), blob.decode("latin-1")]
        if path.suffix != ".pdf":
            with zipfile.ZipFile(path) as z:
                texts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        found = leaks("\n".join(texts), [FAKE_USER, FAKE_NAME, str(home)])
        assert found == [], f"{path.relative_to(project)}: {found}"


# --- letters with names stay out of the site


def people_in_visits() -> list[str]:
    """Every name, e-mail and phone number written in the example visits."""
    found: set[str] = set()

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif key in ("name", "responsible", "email", "phone") and isinstance(node, str):
            found.add(node.strip())

    for path in sorted((ROOT / "content" / "visits").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text("utf-8")))
    return sorted(v for v in found if v)


def site_text(site: Path) -> Iterator[tuple[str, str]]:
    """Every file's readable text: pages and data as text, PDFs through pdftotext, office
    files through their XML."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".pdf":
            out = subprocess.run(
                ["pdftotext", "-q", str(path), "-"], capture_output=True, text=True, check=False
            ).stdout
            yield rel, out + pdf_metadata(path)
        elif path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                yield rel, "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
        elif path.suffix in (".html", ".json", ".js", ".xml", ".txt", ".md", ".ics", ".csv"):
            yield rel, path.read_text("utf-8", errors="replace")


def test_no_visit_person_appears_in_the_site(built_site: Path) -> None:
    people = people_in_visits()
    if not people:
        nothing_to_check("no named people in content/visits/")
    hits = {
        rel: found
        for rel, text in site_text(built_site)
        if (found := [p for p in people if p in text])
    }
    assert hits == {}, f"names from content/visits/ in site/: {hits}"
