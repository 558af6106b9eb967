"""The built site has every item of the system-perspective deck, on the right pages."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from refleks import urls
from refleks.content.model import Library
from refleks.site.reference import describe

from .conftest import SEARCH_INDEX


def text(site: Path, md_page: str) -> str:
    html = (site / urls.page_html(md_page)).read_text("utf-8")
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_every_question_is_on_its_theme_page_and_role_page(
    built_site: Path, library: Library
) -> None:
    questions = [q for q in library.questions() if q.reflection.id == "systemperspektiv"]
    assert len(questions) == 11
    for q in questions:
        assert q.text in text(built_site, urls.theme_page(q.reflection.id, q.theme.id))
        assert q.text in text(built_site, urls.role_page(q.role.id))


def test_role_page_groups_questions_by_theme(built_site: Path) -> None:
    page = text(built_site, urls.role_page("leder-gjennomgang"))
    assert page.index("1. Ledelse av gjennomganger") < page.index("Hvor får jeg støtte")
    assert page.index("2. Involvering i gjennomganger") < page.index(
        "Hvordan forklarer jeg hensikten"
    )
    assert "Til deg som skal lede en gjennomgang" in page


def test_source_page_has_findings_recommendations_and_links(
    built_site: Path, library: Library
) -> None:
    source = library.sources["ukom-systemperspektiv"]
    page = text(built_site, urls.source_page(source.id))
    for finding in source.findings:
        assert finding.title in page
    for rec in source.recommendations:
        assert f"Anbefaling til {', '.join(rec.to)}" in page
    html = (built_site / "kilder" / "ukom-systemperspektiv.html").read_text("utf-8")
    assert 'href="https://vimeo.com/1156767618?fl=pl&amp;fe=sh"' in html
    for item in next(s for s in source.sections if s.id == "systemperspektiv-i-praksis").items:
        assert item in page


def test_frameworks_each_have_a_page_linking_to_the_source(built_site: Path) -> None:
    for fw in ["seips", "london-protokollen", "accimap", "fram", "psirf"]:
        html = (built_site / urls.page_html(urls.framework_page(fw))).read_text("utf-8")
        assert 'href="../kilder/ukom-systemperspektiv.html"' in html


def test_recommendations_overview_is_grouped_by_addressee(built_site: Path) -> None:
    page = text(built_site, urls.RECOMMENDATIONS_PAGE)
    assert page.index("Helsedirektoratet") < page.index("oppdaterer og videreutvikler")
    assert "Statsforvalterne" in page


def test_theme_page_links_findings_to_the_source(built_site: Path) -> None:
    html = (built_site / "refleksjon" / "systemperspektiv" / "ledelse.html").read_text("utf-8")
    assert 'href="../../kilder/ukom-systemperspektiv.html#funn-ledelse"' in html
    source_html = (built_site / "kilder" / "ukom-systemperspektiv.html").read_text("utf-8")
    assert 'id="funn-ledelse"' in source_html


def test_author_reference_documents_every_field(built_site: Path) -> None:
    page = text(built_site, urls.REFERENCE_PAGE)
    for model in describe():
        assert model.name in page
        for field in model.fields:
            assert field.name in page
            if field.doc:
                assert field.doc.split("\n")[0][:40].replace("`", "") in page


def test_site_settings_for_offline_norwegian_use(built_site: Path, engine: str) -> None:
    index = (built_site / "index.html").read_text("utf-8")
    assert '<html lang="nb"' in index
    assert "fonts.googleapis" not in index
    # the search worker's shim from the site itself (Zensical writes ./assets/...)
    assert re.search(r'src="(\./)?assets/iframe-worker/shim\.js"', index)
    assert (built_site / "assets" / "iframe-worker" / "shim.js").is_file()
    assert (built_site / SEARCH_INDEX[engine]).is_file()


def test_teachers_page_says_how_to_teach_upload_and_embed(default_site: Path) -> None:
    # issue 16, «For undervisere»: teaching, the downloads (issue 26), embedding; written for
    # Refleks, with no learning objectives in a source's name
    page = (default_site / "for-undervisere.html").read_text("utf-8")
    words = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "Denne siden er skrevet for Refleks" in words
    assert "setter ingen læringsmål på vegne av kildene" in words
    for heading in (
        "Slik kan du bruke et refleksjonssett i undervisningen",
        "Kurshefter og pakker til læringsplattformen",
        "Bygge inn en side eller en presentasjon",
        "Gjenbruk",
    ):
        assert re.search(rf"<h2[^>]*>{re.escape(heading)}", unescape(page)), heading
    # the downloads and the examples name what Refleks really makes
    for href in ("scorm/refleks-systemperspektiv-scorm12.zip", "utskrift/kurs-kollegastotte.pdf"):
        assert f'href="{href}"' in page and (default_site / href).is_file(), href
    code = unescape(re.sub(r"<[^>]+>", "", page))  # highlighted code: spans inside words
    example = re.search(r"DITT-NETTSTED/([\w/.-]+\.html)", code)
    assert example and (default_site / example.group(1)).is_file(), example
    index = (default_site / "index.html").read_text("utf-8")
    assert 'href="for-undervisere.html"' in index


DOUBLED = re.compile(r"[?!][.,](?!\d)|(?<![.…])\.\.(?![.…/])|,,")
"""«hendelser?, Helsedirektoratet», «slutt..»: a text that ends in its own mark meets the
template's (tests/test_print_layout.py checks the PDFs the same way)."""


def test_no_doubled_punctuation_on_any_page(built_site: Path) -> None:
    found = []
    for page in sorted(built_site.rglob("*.html")):
        if "assets" in page.relative_to(built_site).parts:
            continue
        html = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text("utf-8"), flags=re.S)
        words = unescape(re.sub(r"<[^>]+>", "", html))
        found += [
            f"{page.relative_to(built_site)}: …{words[max(0, m.start() - 30) : m.end() + 10]}…"
            for m in DOUBLED.finditer(words)
        ]
    assert found == [], "\n".join(found)
