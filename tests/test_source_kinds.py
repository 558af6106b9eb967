"""Issue 25: every text shown under a source's name is the source's words (checked) or
Refleks's labelled summary, and the marks are computed per text, not per list or document."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from refleks.cli import main
from refleks.content.model import Library
from refleks.content.pipeline import build_library
from refleks.project import Project

from .conftest import ROOT

SOURCE_MARK = "Ordrett fra kilden"
SUMMARY_MARK = "Refleks' sammendrag av kilden"
REFLEKS_MARK = "Skrevet for Refleks – står ikke i kilden"
# the item kinds of a source page and the anchor each block carries (templates/pages/source.md.j2)
ANCHORS = {
    "sections": "{id}",
    "definitions": "def-{id}",
    "findings": "funn-{id}",
    "recommendations": "anbefaling-{id}",
}


@pytest.fixture(scope="module")
def docs(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from refleks.site import pages

    out = tmp_path_factory.mktemp("site") / "docs"
    pages.build(library, out)
    return out


def _plain(markdown: str) -> str:
    """The page's text as a reader sees it: HTML entities and Markdown escapes resolved."""
    return re.sub(r"\\([()\[\]*_])", r"\1", html.unescape(markdown))


def _block(page: str, anchor: str) -> str:
    """The page's text from the heading with ``anchor`` to the next heading."""
    start = page.index(f"{{: #{anchor} }}")
    following = re.compile(r"^#{2,3} ", re.M).search(page, start)
    return page[start : following.start() if following else len(page)]


def test_every_block_of_every_source_page_says_which_kind_it_is(
    library: Library, docs: Path
) -> None:
    from refleks import urls

    checked = 0
    for source in library.sources.values():
        page = _plain((docs / urls.source_page(source.id)).read_text("utf-8"))
        # the source's summary is always Refleks's summary
        summary = page[page.index("## Sammendrag") :]
        assert SUMMARY_MARK in summary[: summary.index("\n## ", 3)], source.id
        for key, anchor in ANCHORS.items():
            for item in getattr(source, key):
                block = _block(page, anchor.format(id=item.id))
                if item.quote:  # checked against the source's text by refleks check
                    assert SOURCE_MARK in block and SUMMARY_MARK not in block, item.id
                else:
                    assert f"{SUMMARY_MARK}: {item.summary_of}" in block, item.id
                    assert SOURCE_MARK not in block, item.id
                checked += 1
        for story in source.stories:
            start = page.index(f'id="{story.kind}-{story.id}"')
            after = page[start : page.index("</blockquote>", start) + 200]
            assert (SOURCE_MARK if story.quote else SUMMARY_MARK) in after, story.id
            checked += 1
    # counted in content/sources/*.yaml: sections 5 + 2 + 6 + 11 + 24, definitions
    # 2 + 7 + 1, findings 3 + 6 + 6 + 4, recommendations 2 + 7 + 5, stories 12 + 3
    assert checked == 48 + 10 + 19 + 14 + 15


def test_findings_and_recommendations_of_ukom_and_hdir_are_verbatim(library: Library) -> None:
    # these are what leaders act on: every one stands word for word in its source
    for source in library.sources.values():
        if source.publisher not in ("Ukom", "Helsedirektoratet"):
            continue
        for item in [*source.findings, *source.recommendations]:
            assert item.quote, f"{source.id}/{item.id}"


def test_the_about_sources_page_explains_the_three_marks(docs: Path) -> None:
    page = html.unescape((docs / "om-kildene.md").read_text("utf-8"))
    for mark in (SOURCE_MARK, SUMMARY_MARK, REFLEKS_MARK):
        assert f"**{mark}.**" in page


# --------------------------------------------------------------------------- attribution cases

SET = """id: sett
source: kilde
title: Et refleksjonssett
themes:
  - id: fra-kilden
    number: 1
    title: Fra kilden
    quote: true
    questions:
      leder:
        - Hva gjør jeg?
      kollega:
        - Hva ser jeg?
  - id: blandet
    number: 2
    title: Blandet
    authored_by: refleks
    questions:
      leder:
        - {text: Hvordan følger jeg opp?, authored_by: kilden}
      kollega:
        - Hva gjør vi neste gang?
        - Hvem spør jeg?
"""


@pytest.fixture
def prosjekt(tmp_path: Path) -> Path:
    target = tmp_path / "prosjekt"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", target)
    (target / "content" / "reflections" / "sett.yaml").write_text(SET, "utf-8")
    return target


def test_a_roles_all_refleks_questions_are_marked_under_a_mixed_theme(prosjekt: Path) -> None:
    # the box over a mixed theme says the unmarked questions are the source's: so the
    # kollega questions, all written for Refleks, carry the mark one by one
    from refleks.site import pages

    docs = prosjekt / "docs-ut"
    pages.build(build_library(Project(prosjekt)), docs)
    page = (docs / "refleksjon" / "sett" / "blandet.md").read_text("utf-8")
    mark = f' <em class="refleks-opphav">({REFLEKS_MARK})</em>'
    assert '!!! info "Delvis skrevet for Refleks"' in page
    assert '"sett/blandet/leder/1">Hvordan følger jeg opp?</li>' in page
    assert f'"sett/blandet/kollega/1">Hva gjør vi neste gang?{mark}</li>' in page
    assert f'"sett/blandet/kollega/2">Hvem spør jeg?{mark}</li>' in page


def test_a_session_of_only_refleks_questions_is_not_called_partly_refleks(
    prosjekt: Path, tmp_path: Path
) -> None:
    argv = ["--project", str(prosjekt), "session", "--reflection", "sett", "--role", "kollega"]
    argv += ["--themes", "blandet", "--out", str(tmp_path), "--name", "okt"]
    assert main(argv) == 0
    guide = (tmp_path / "okt" / "veiledning.html").read_text("utf-8")
    assert "Spørsmål skrevet for Refleks, bygger på: En kilde om gjennomganger" in guide
    assert "delvis skrevet for Refleks" not in guide
    assert "de andre er hentet fra" not in guide


def test_a_session_of_the_sources_questions_credits_the_source(
    prosjekt: Path, tmp_path: Path
) -> None:
    argv = ["--project", str(prosjekt), "session", "--reflection", "sett", "--role", "leder"]
    argv += ["--themes", "fra-kilden", "--out", str(tmp_path), "--name", "okt"]
    assert main(argv) == 0
    guide = (tmp_path / "okt" / "veiledning.html").read_text("utf-8")
    assert "Kilde: En kilde om gjennomganger" in guide
    assert "skrevet for Refleks, bygger på" not in guide.lower()


def test_the_scorm_page_marks_each_role_block(prosjekt: Path) -> None:
    from refleks.courses import scorm

    library = build_library(Project(prosjekt))
    page = scorm.index_page(library, library.reflections["sett"]).decode("utf-8")
    blandet = page[page.index("Blandet</h2>") :]
    # leder (the source's question): no mark; kollega (all Refleks's): the mark under it
    leder = blandet[blandet.index("Til deg som er leder") : blandet.index("Til deg som er kollega")]
    kollega = blandet[blandet.index("Til deg som er kollega") :]
    assert REFLEKS_MARK not in leder
    assert kollega.count(REFLEKS_MARK) == 1


def test_a_role_handout_footer_never_credits_refleks_on_a_page_of_quoted_questions(
    library: Library,
) -> None:
    # leder-overordnet has Kollegastøtte's questions (written for Refleks) and Ukom's
    # (quoted): the footer on every page names the sources only, and each page's own line
    # says where its questions come from
    from refleks.decks import handouts

    printer = handouts.Printer(library)
    role = library.roles["leder-overordnet"]
    sections = handouts.role_sections(library, role)
    assert {s.refleks for s in sections} == {True, False}
    page = printer.html(
        "role.html.j2", role=role, sections=sections, sources=handouts._sources(library, sections)
    )
    # every page has its own footer (div.sidefot-her, shown by print.typ from that page on)
    footers = re.findall(r'<div class="sidefot-her">(.*?)</div>', page, re.S)
    refleks = [f for f in footers if f.startswith("Spørsmål skrevet for Refleks, bygger på: ")]
    quoted = [f for f in footers if f.startswith("Kilde: ")]
    # Kollegastøtte: two themes with questions to the role, each with a page of stories
    # (from the source: «Kilde:»); Systemperspektiv: three themes of Ukom's questions
    assert len(refleks) == 2 and len(footers) == len(refleks) + len(quoted)
    assert sum("Systemperspektiv i gjennomganger" in f for f in quoted) == 3
    assert "Opphavet står under spørsmålene" not in page
    assert page.count("Spørsmålene er skrevet for Refleks og står ikke i kilden") == 2
    assert page.count("Kilde: <cite>Systemperspektiv i gjennomganger") == 3
    # each question says itself where it comes from
    assert page.count("(Skrevet for Refleks – står ikke i kilden)") == sum(
        len(s.questions) for s in sections if s.refleks
    )
    assert page.count("(Ordrett fra kilden)") == sum(
        len(s.questions) for s in sections if not s.refleks
    )
