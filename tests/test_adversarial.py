"""Content cannot attack readers (issue 11): an author with write access to ``content/`` tries
every class of attack, several encodings each, and the real site engine's output is scanned.

Expected messages are written out word for word; the attacks are in ``tests/adversarial/``.
More single-file cases (with ``--strict``) are in ``tests/bad_input/``; files, clear errors
and spreadsheets are in ``tests/test_adversarial_files.py``.
"""

from __future__ import annotations

import unicodedata
from html import unescape
from pathlib import Path

import pytest

from refleks import markup
from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.site.pages import html_title, md_text

from .adversarial.payloads import MARKDOWN, TITLES, scan_html, scan_site, write_project
from .test_bad_input import make_project, run

# ---------------------------------------------------------------- the published site


@pytest.fixture(scope="module")
def attacked_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The minimal project with every payload in titles, settings and Markdown, built."""
    project = make_project(tmp_path_factory.mktemp("angrep") / "prosjekt")
    write_project(project)
    result = run(project, "build", "--quiet")
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def test_no_payload_is_live_in_any_page_or_the_search_index(
    attacked_site: tuple[Path, str],
) -> None:
    site, _ = attacked_site
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    assert scan_site(site) == []


def test_the_scan_finds_live_payloads(tmp_path: Path) -> None:
    """The scan itself works: a page with each class of live attack is caught."""
    (tmp_path / "side.html").write_text(
        '<a href="java\tscript:alert(1)">a</a><img src="https://other.host/x.png">'
        '<p onclick="x()">b</p><script>alert(1)</script><img src="/\\other.host/y.png">',
        encoding="utf-8",
    )
    assert len(scan_site(tmp_path)) == 5


def test_payloads_are_shown_as_text(attacked_site: tuple[Path, str]) -> None:
    site, _ = attacked_site
    page = (site / "kilder" / "kilde.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the entity-encoded one, as text
    assert "[x](javascript:alert(1))" in page  # the backslash-escaped link, as text
    assert "{: onclick=alert(1) }" in page


def test_titles_are_escaped_in_navigation_tab_and_header(attacked_site: tuple[Path, str]) -> None:
    site, _ = attacked_site
    page = (site / "kilder" / "kilde.html").read_text("utf-8")
    title = "Kilde &lt;script&gt;alert(1)&lt;/script&gt;"
    site_name = "Nettsted &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<title>{title} - {site_name}</title>" in page
    assert page.count("<script>alert(1)") == 0
    assert 'content="Om &quot;&gt;&lt;img src=x onerror=alert(1)&gt;' in page


def test_reference_and_key_figure_ids_are_attributes_not_text(
    attacked_site: tuple[Path, str],
) -> None:
    """Issue 13: ``{: #ref-... }`` was visible in the reference lists."""
    site, _ = attacked_site
    page = (site / "kilder" / "kilde.html").read_text("utf-8")
    assert '<li id="ref-r0">' in page
    assert '<li id="tall-k0">' in page
    assert "{: #" not in page


def test_shipped_sources_show_no_attribute_lists(built_site: Path) -> None:
    pages = sorted((built_site / "kilder").glob("*.html"))
    assert len(pages) >= 5
    for page in pages:
        assert "{:" not in page.read_text("utf-8"), page.name


# Markdown text through the engine: each special character stays what it was
@pytest.mark.parametrize("title", [*TITLES, "1. ledd", "+ pluss", "# emneknagg", "a | b", "x\ny"])
def test_md_text_reaches_the_engine_as_plain_text(title: str) -> None:
    import markdown

    html = markdown.markdown(
        f"## {md_text(title)} {{: #id }}",
        extensions=["attr_list", "md_in_html", "tables", "admonition", "toc"],
    )
    assert html.startswith('<h2 id="id">') and html.endswith("</h2>")
    inner = html[len('<h2 id="id">') : -len("</h2>")]
    assert "<" not in inner  # no element: every character is text
    assert unescape(inner) == " ".join(title.split())


def test_html_title_escapes_what_the_theme_puts_into_html() -> None:
    assert html_title('a <b> & "c"') == "a &lt;b&gt; &amp; &quot;c&quot;"


# ---------------------------------------------------------------- the sanitiser


@pytest.mark.parametrize("text", MARKDOWN["link"] + MARKDOWN["image"] + MARKDOWN["attribute"])
def test_rendered_markdown_has_no_live_link_image_or_handler(text: str) -> None:
    assert scan_html(str(markup.render(text))) == []
    assert scan_html(str(markup.render_inline(text))) == []


# ---------------------------------------------------------------- warnings, word for word


def _check(project: Path, *args: str) -> tuple[int, str]:
    result = run(project, "check", *args)
    return result.returncode, result.stderr


def test_warning_names_removed_and_inert_markup(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    path = project / "content" / "frameworks" / "verktoy.yaml"
    text = path.read_text("utf-8").replace(
        "summary: Et verktøy for analyse.",
        'summary: "[a](jav&#x61;script:x) og \\\\[b\\\\](javascript&#58;y)"',
    )
    path.write_text(text, "utf-8")
    code, err = _check(project)
    assert code == 0
    expected = (
        "Markdown uten skript, hendelsesattributter, javascript:-lenker eller bilder fra andre "
        "nettsteder"
    )
    strict = "med --strict stopper kjøringen i stedet"
    assert err == (
        "content/frameworks/verktoy.yaml:4:10: advarsel: teksten ligner usikker markering\n"
        "  nøkkel: summary\n"
        "  skrevet: javascript:y\n"
        f"  forventet: {expected}\n"
        f"  tips: den vises som vanlig tekst og virker ikke; {strict}\n"
        "content/frameworks/verktoy.yaml:4:10: advarsel: usikker markering i teksten\n"
        "  nøkkel: summary\n"
        "  skrevet: javascript:x\n"
        f"  forventet: {expected}\n"
        f"  tips: den fjernes når teksten vises; {strict}\n"
    )
    code, err = _check(project, "--strict")
    assert code == 1
    assert "feil: usikker markering i teksten" in err
    assert err.endswith("2 feil i innholdet. Rett dem og kjør refleks check på nytt.\n")


def test_site_yaml_and_titles_are_checked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("Testnettsted", '"Test <script>"'), "utf-8")
    code, err = _check(project)
    assert code == 0
    assert err.startswith(
        "content/site.yaml:1:8: advarsel: teksten ligner usikker markering\n"
        "  nøkkel: title\n"
        "  skrevet: <script>\n"
    )


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u202b"])
def test_bidi_override_in_a_name_is_warned(tmp_path: Path, control: str) -> None:
    project = make_project(tmp_path / "p")
    roles = project / "content" / "roles.yaml"
    roles.write_text(roles.read_text("utf-8").replace("label: Leder", f"label: Le{control}der"))
    code, err = _check(project)
    assert code == 0
    assert err == (
        "content/roles.yaml:2:10: advarsel: teksten har et usynlig tegn som snur skriveretningen\n"
        "  nøkkel: [0].label (rolle 1)\n"
        f"  skrevet: LeU+{ord(control):04X}der\n"
        "  forventet: tekst uten tegnene U+202A-U+202E og U+2066-U+2069\n"
        "  tips: tegnet vises som det står, og teksten kan se annerledes ut enn den er; "
        "med --strict stopper kjøringen i stedet\n"
    )


def test_nfd_text_is_loaded_as_nfc(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    path = project / "content" / "frameworks" / "verktoy.yaml"
    nfd = unicodedata.normalize("NFD", "Ålesund-verktøy")
    path.write_text(path.read_text("utf-8").replace("Et verktøy", nfd), "utf-8")
    library = build_library(Project(project))
    assert library.frameworks["verktoy"].name == "Ålesund-verktøy"
    assert len(library.frameworks["verktoy"].name) == 15
