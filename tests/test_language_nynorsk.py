"""A nynorsk project's every output reads as nynorsk (issue 27).

The shipped project is built once with ``language: nn`` in ``site.yaml`` (site with decks,
handouts and course packs, SCORM packages, a session kit for a mixed group, ``visit --all``)
and every visible text is read with the language in force: no sentence has a word only
bokmål has (``language_words.BOKMAL_ONLY``, explained there) unless it is marked
``lang="nb"`` or stands word for word in a source or in a visit file.

What is not nynorsk yet is listed in ``NOT_YET`` with the reason; everything else must pass,
and each entry must still have something to excuse (so the list shrinks as work is done).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .language_words import build_all, html_parts, misplaced, misplaced_in, parts_of, quoted_text

NOT_YET = {
    r"site/for-forfattere/.*": "the authors' guide and the content model reference are "
    "bokmål (refleks check warns: no docs/nn/ version); the reference is made from the "
    "schema's bokmål descriptions",
    r"site/kilder/.*": "the source pages: their text is marked lang=nb, but the table of "
    "contents beside it repeats the headings without the mark (the engine writes it), and "
    "notes on the references are not marked yet",
    r"site/visitt/.*": "the method page uses the nynorsk translation where it has one and "
    "marks the rest bokmål, but the engine's table of contents repeats a bokmål heading "
    "without the mark",
    r"(site|out/scorm/[^/]+)/utskrift/(kurs|lysark)-.*\.pdf": "the source's summary is "
    "marked lang=nb in the HTML handed to Typst; PDF text carries no language to read",
}


@pytest.fixture(scope="module")
def nynorsk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_all(tmp_path_factory.mktemp("nynorsk"), "nn")


def _excused(relative: str) -> bool:
    return any(re.fullmatch(pattern, relative) for pattern in NOT_YET)


def test_every_output_kind_was_read(nynorsk: Path) -> None:
    read = [p for p in nynorsk.rglob("*") if p.is_file() and parts_of(p, "nn") is not None]
    kinds = {p.relative_to(nynorsk).parts[:2] for p in read}
    for wanted in (
        ("site", "lysark"),
        ("site", "utskrift"),
        ("site", "refleksjon"),
        ("out", "scorm"),
        ("out", "sessions"),
        ("out", "visits"),
    ):
        assert wanted in kinds, wanted
    suffixes = {p.suffix for p in read}
    assert {".html", ".pdf", ".docx", ".xlsx", ".md", ".ics"} <= suffixes


def test_no_bokmal_outside_quotes(nynorsk: Path) -> None:
    quoted = quoted_text(nynorsk)
    found = {
        path.relative_to(nynorsk).as_posix(): bad
        for root in (nynorsk / "site", nynorsk / "out")
        for path, bad in misplaced_in(root, "nn", quoted)
    }
    unexcused = {k: v[:3] for k, v in found.items() if not _excused(k)}
    assert unexcused == {}
    # every excuse still excuses something: remove it from NOT_YET once it is done
    for pattern in NOT_YET:
        assert any(re.fullmatch(pattern, k) for k in found), f"{pattern} is done now"


def test_pages_and_packages_say_nynorsk(nynorsk: Path) -> None:
    for page in (
        nynorsk / "site" / "index.html",
        next((nynorsk / "out" / "scorm").glob("*/index.html")),
        next((nynorsk / "out" / "sessions").glob("*/veiledning.html")),
        next((nynorsk / "out" / "sessions").glob("*/lysark.html")),
    ):
        assert re.search(r'<html[^>]* lang="nn"', page.read_text("utf-8")), page
    guide = next((nynorsk / "out" / "sessions").glob("*/veiledning.html")).read_text("utf-8")
    assert "RETTLEIING FOR SAMTALELEIAR" in guide.upper()
    assert "<h2>I pakka</h2>" in guide
    # a story from the source stays as the source wrote it, marked as bokmål
    assert re.search(r'<blockquote lang="nb">', guide)


def test_content_is_nynorsk(nynorsk: Path) -> None:
    page = (nynorsk / "site" / "refleksjon" / "kollegastotte" / "index.html").read_text("utf-8")
    assert "Refleksjon om ivaretaking og kollegastøtte etter uønskte hendingar" in page
    roles = (nynorsk / "site" / "roller" / "index.html").read_text("utf-8")
    assert "Leiar for eininga" in roles and "Leder for enheten" not in roles


def test_the_reader_finds_bokmal_and_respects_marks() -> None:
    # worked out by hand: the examples, each in a sentence of its own
    page = (
        '<html lang="nn"><body><p>Kven har ansvaret? Hvem har ansvaret?</p>'
        '<p lang="nb">Spørsmålene er skrevet for Refleks og står ikke i kilden.</p>'
        "<h2>I pakken</h2><p>Heftet er satt sammen av Refleks fra kilden.</p>"
        "<p>Tittelen «Hva gjør vi nå» er sitert.</p></body></html>"
    )
    assert list(misplaced(html_parts(page), "nn", "")) == [
        "Hvem har ansvaret?",
        "Heftet er satt sammen av Refleks fra kilden.",
    ]
    # word for word in a source (five words in a row) counts as a quote
    quoted = " det er ikke lov her | "
    assert list(misplaced([("nn", "Det er ikke lov her.")], "nn", quoted)) == []
