"""Handouts and the printed deck: the PDFs opened with poppler and pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from refleks import urls
from refleks.content.model import Library
from refleks.dates import fixed_time, source_date_epoch
from refleks.decks import handouts, slides
from refleks.pdfbackend import Document, compile_pdf
from refleks.writer import write_tree


def pdftotext(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return one_line(out)


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def one_line(text: str) -> str:
    """The words of ``text`` on one line; a word hyphenated at a line end (a soft hyphen,
    U+00AD, where the line was broken) is one word again."""
    return " ".join(re.sub(r"\u00ad\s*", "", text).split())


def all_pdfs(library: Library) -> list[str]:
    paths = []
    for r in library.reflections.values():
        paths += [urls.theme_handout(r.id, t.id) for t in r.themes]
        paths.append(urls.deck_pdf(r.id))
    paths += [urls.role_handout(role) for role in library.roles if library.questions_for_role(role)]
    return paths


@pytest.fixture(scope="module")
def site(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("utskrift")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)  # dated by the content
        written = handouts.files(library)
    assert sorted(written) == sorted(all_pdfs(library))
    write_tree(root, written)
    write_tree(root, slides.files(library))  # the decks, to count their slides
    return root


def test_theme_handouts_hold_every_question_with_norwegian_letters(
    library: Library, site: Path
) -> None:
    letters = set()
    for r in library.reflections.values():
        for t in r.themes:
            text = pdftotext(site / urls.theme_handout(r.id, t.id))
            assert one_line(t.title) in text
            for role_id, questions in t.questions.items():
                assert one_line(library.roles[role_id].address) in text
                for q in questions:
                    assert one_line(q) in text, q
                    letters |= set(q) & set("æøåÆØÅ")
            assert one_line(library.sources[r.source].title) in text
    assert letters >= {"æ", "ø", "å"}, "the content has all three letters to check"


def test_role_handouts_hold_that_roles_questions_only(library: Library, site: Path) -> None:
    for role_id in library.roles:
        mine = library.questions_for_role(role_id)
        if not mine:
            continue
        text = pdftotext(site / urls.role_handout(role_id))
        for q in mine:
            assert one_line(q.text) in text
        for q in library.questions():
            if q.role.id != role_id and q.text not in {m.text for m in mine}:
                assert one_line(q.text) not in text


def test_page_counts(library: Library, site: Path) -> None:
    """One page per role on a theme handout, one per theme on a role handout, one per slide
    in the printed deck: the ruled lines fill each page without running onto the next."""
    for r in library.reflections.values():
        for t in r.themes:
            roles = [k for k, v in t.questions.items() if v]
            info = pdfinfo(site / urls.theme_handout(r.id, t.id))
            # and the theme's stories from the source on a page of their own
            assert int(info["Pages"]) == len(roles) + bool(t.stories), t.id
            assert info["Page size"].startswith("595.276 x 841.89")  # A4 portrait
        deck = pdfinfo(site / urls.deck_pdf(r.id))
        # one printed page per slide of the set's deck in the site
        deck_html = (site / urls.reflection_deck(r.id)).read_text("utf-8")
        # the meeting's title and summary slides wait in a <template> for «Planlegg et møte»
        shown = re.sub(r"<template\b.*?</template>", "", deck_html, flags=re.S)
        assert int(deck["Pages"]) == shown.count("<section "), r.id
        assert deck["Page size"].startswith("841.89 x 595.276")  # A4 landscape
    for role_id in library.roles:
        themes = [
            t for r in library.reflections.values() for t in r.themes if t.questions.get(role_id)
        ]
        if themes:
            info = pdfinfo(site / urls.role_handout(role_id))
            assert int(info["Pages"]) == len(themes) + sum(bool(t.stories) for t in themes), role_id


def test_metadata_language_title_tags_and_embedded_fonts(library: Library, site: Path) -> None:
    reflection = library.reflections["systemperspektiv"]
    theme = reflection.themes[1]
    titles = {
        urls.theme_handout(
            reflection.id, theme.id
        ): f"Tema {theme.number}: {theme.title} – refleksjonsspørsmål til samtalen",
        urls.role_handout(
            "leder-virksomhet"
        ): "Refleksjonsspørsmål til leder i virksomheten – utskrift til samtalen",
        urls.deck_pdf(reflection.id): f"{reflection.title} – lysark med notater",
    }
    for path, title in titles.items():
        info = pdfinfo(site / path)
        assert info["Title"] == title
        assert info["Tagged"] == "yes"
    for path in all_pdfs(library):
        reader = PdfReader(site / path)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "nb", path
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"], path
        assert b"<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data()
        assert root["/ViewerPreferences"]["/DisplayDocTitle"], "PDF/UA: the title is shown"
        fonts = subprocess.run(
            ["pdffonts", str(site / path)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_the_printed_deck_has_each_slide_and_its_notes(library: Library, site: Path) -> None:
    reflection = library.reflections["systemperspektiv"]
    reader = PdfReader(site / urls.deck_pdf(reflection.id))
    deck = slides.set_deck(library, reflection)
    for n, (page, slide) in enumerate(zip(reader.pages, deck.slides, strict=True), start=1):
        text = one_line(page.extract_text())
        assert f"Notater til lysark {n} av {len(deck.slides)}".upper() in text.upper()
        if slide.kind == "theme":
            assert one_line(slide.theme.title) in text
            assert one_line(slide.theme.notes)[:80] in text
        if slide.kind == "role_questions":
            assert one_line(slide.questions[0].text)[:60] in text


def test_same_bytes_every_build_dated_by_the_content(
    library: Library, site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    printer = handouts.Printer(library)
    reflection = library.reflections["systemperspektiv"]
    theme = reflection.themes[0]
    again = {
        urls.theme_handout(reflection.id, theme.id): handouts.write_theme_handout(
            printer, reflection, theme, tmp_path / "tema.pdf"
        ),
        urls.role_handout("leder-virksomhet"): handouts.write_role_handout(
            printer, library.roles["leder-virksomhet"], tmp_path / "rolle.pdf"
        ),
        urls.deck_pdf(reflection.id): handouts.write_deck_pdf(
            printer, slides.set_deck(library, reflection), tmp_path / "lysark.pdf"
        ),
    }
    content_date = dt.datetime.fromtimestamp(
        int(source_date_epoch(library.project.root)), tz=dt.UTC
    ).strftime("%Y-%m-%dT%H:%M:%S")
    for rel, path in again.items():
        assert path.read_bytes() == (site / rel).read_bytes(), rel
        assert f"CreationDate:    {content_date}" in isodates(path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    run = dataclasses.replace(library)  # a new run: its context works the date out anew
    dated = handouts.write_theme_handout(
        handouts.Printer(run), reflection, theme, tmp_path / "dated.pdf"
    )
    assert "CreationDate:    2026-01-01T00:00:00" in isodates(dated)
    assert "ModDate:         2026-01-01T00:00:00" in isodates(dated)


def isodates(path: Path) -> str:
    return subprocess.run(
        ["pdfinfo", "-isodates", str(path)], check=True, capture_output=True, text=True
    ).stdout


def test_bad_source_date_epoch_is_a_norwegian_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from refleks.errors import UsageError

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "i går")
    with pytest.raises(UsageError) as err:
        fixed_time()
    assert (
        str(err.value) == "SOURCE_DATE_EPOCH må være et heltall (sekunder siden 1970), ikke «i går»"
    )


def test_nothing_is_fetched_and_content_stays_text(library: Library, tmp_path: Path) -> None:
    """Typst reads only the template and the document tree: the template imports, includes
    and reads nothing, and Typst code in the content is printed as text, never run."""
    template = (library.project.templates / "handouts" / "print.typ").read_text("utf-8")
    for call in ("#import", "#include", "read(", "image(", "plugin(", "@preview"):
        assert call not in template, call
    code = '#read("/etc/passwd") #import "@preview/cetz:0.3.0" $x^2$ <a> @b *c* _d_ `e`'
    html = (
        '<html lang="nb"><head><title>Prøve</title>'
        '<meta name="dcterms.created" content="2026-01-01T00:00:00Z"></head>'
        '<body><section class="side">'
        f"<p>{code.replace('<', '&lt;').replace('>', '&gt;')}</p>"
        '<p><a href="https://example.org/x">lenke</a> <img src="https://example.org/y.png" '
        'alt="bilde"></p></section></body></html>'
    )
    printer = handouts.Printer(library)
    data = handouts.typeset.document_data(html)
    target = tmp_path / "prøve.pdf"
    document = Document(target.name, printer.template, printer.template.parent, data)
    target.write_bytes(compile_pdf(document))
    text = pdftotext(target)
    assert code in text
    assert "lenke bilde" in text
