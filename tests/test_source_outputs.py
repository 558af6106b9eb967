"""Issue 25 over the shipped build: every text a source page, a theme page, a deck or a
course pack shows under a source's name either stands word for word in that source's text
(``content/sources/<id>.txt``, the text extracted from the publication) or carries the
summary label.

The comparison is written here, not taken from ``refleks.content.quotes``: a quote is the
source's words when it stands in the source's text after the small changes a PDF extraction
makes (white space, typographic quotes and dashes, a hyphen at a line end), and where the
quoter marks a left-out passage (``[…]``) or a corrected word (``[Det]``) the other parts
must each stand there.
"""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from refleks.content.model import Library

from .conftest import ROOT

SOURCE_MARK = "Ordrett fra kilden"
SUMMARY_MARK = "Refleks' sammendrag av kilden"
TEXTS = ROOT / "content" / "sources"

_PLAIN = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "’": "'", "–": "-", "—": "-"})


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", html.unescape(text)).translate(_PLAIN)
    text = text.replace("\u00ad", "").replace("…", "...")
    text = re.sub(r"[•▪➢]", " ", text)
    return " ".join(text.split())


def _source_forms(source_id: str) -> list[str]:
    """The source's text as it may be quoted: a line-end hyphen joined or kept."""
    raw = (TEXTS / f"{source_id}.txt").read_text("utf-8")
    joined = re.sub(r"(\w)-[ \t]*\n\s*(?=[a-zæøå])", r"\1", raw)
    kept = re.sub(r"(\w)-[ \t]*\n\s*(?=\w)", r"\1-", raw)
    return [_normal(raw), _normal(joined), _normal(kept)]


def _verbatim(quote: str, forms: list[str]) -> bool:
    # the quoter's marks: [...] for text left out, [Ord] for one corrected word
    parts = [p for p in re.split(r"\[(?:…|\.\.\.)\]|\[[^\[\]\s]+\]", quote) if p.strip()]
    parts = [_normal(p).strip(" .,:;") for p in parts]
    return all(any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", f) for f in forms) for p in parts)


CONTAINER = "beholder"


class _Blocks(HTMLParser):
    """The article's headings, paragraphs and list items as text, in order, with the
    class of each."""

    BLOCKS = {"h2", "h3", "p", "li", "blockquote", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, str]] = []
        self.stack: list[tuple[str, str, list[str]]] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.inside = True
        if self.inside and tag in self.BLOCKS:
            self.stack.append((tag, dict(attrs).get("class") or "", []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.inside = False
        if self.stack and self.stack[-1][0] == tag:
            name, cls, parts = self.stack.pop()
            if CONTAINER in parts:  # a quote around paragraphs: its paragraphs are the texts
                cls += " " + CONTAINER
            text = " ".join("".join(p for p in parts if p != CONTAINER).split())
            self.blocks.append((name, cls, text))
            if self.stack:  # the outer block holds the inner's text too
                self.stack[-1][2].extend([" " + text + " ", CONTAINER])

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1][2].append(data)


def _blocks(page: Path) -> list[tuple[str, str, str]]:
    parser = _Blocks()
    # a paragraph that is one emphasised line is Refleks's label over a text (its kind, the
    # recipients, where in the source it stands), not part of the text
    html = re.sub(r"<p><em>([^<]*)</em></p>", r'<p class="etikett">\1</p>', page.read_text("utf-8"))
    parser.feed(html)
    return parser.blocks


def _marked_texts(blocks: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(mark, text) for every block the page marks: the texts since the last heading or
    mark above a mark line; a list item or key figure with its mark inside it."""
    out: list[tuple[str, str]] = []
    pending: list[str] = []
    for name, cls, text in blocks:
        if name in ("h2", "h3"):
            pending = []
        elif cls == "etikett" or CONTAINER in cls:
            continue
        elif "refleks-opphav" in cls and name == "p":
            out.append((text, "\n".join(pending)))  # one block a line
            pending = []
        elif name == "li" and f"({SOURCE_MARK}" in text:
            out.append((SOURCE_MARK, text[: text.index(f"({SOURCE_MARK}")]))
        elif (
            name in ("p", "li", "blockquote")
            and "refleks-opphav" not in cls
            and (name == "li" or not any(text and text in p for p in pending))
        ):
            pending.append(text)
    return out


@pytest.fixture(scope="module")
def site(default_site: Path) -> Path:
    return default_site


def test_every_source_page_text_marked_as_the_sources_words_is_verbatim(
    library: Library, site: Path
) -> None:
    checked = 0
    for source in library.sources.values():
        if not (TEXTS / f"{source.id}.txt").is_file():
            continue
        forms = _source_forms(source.id)
        page = site / "kilder" / f"{source.id}.html"
        for mark, text in _marked_texts(_blocks(page)):
            if not mark.startswith(SOURCE_MARK) or not text:
                continue
            # a list item's own text: the finding's title before «:» is its heading
            for piece in re.split(r"\n|(?<=[.!?:»])\s+(?=[A-ZÆØÅ«\"])", text):
                piece = re.sub(r"^— ", "", piece)
                assert _verbatim(piece, forms), f"{source.id}: «{piece}» is not in the source"
                checked += 1
    assert checked > 150


def test_every_key_figure_and_catalogue_group_carries_a_mark(library: Library, site: Path) -> None:
    checked = 0
    for source in library.sources.values():
        page = (site / "kilder" / f"{source.id}.html").read_text("utf-8")
        for figure in source.key_figures:
            item = re.search(rf'<li id="tall-{figure.id}">(.*?)</li>', page, re.S)
            text = html.unescape(item.group(1))
            assert SUMMARY_MARK in text or SOURCE_MARK in text, figure.id
            checked += 1
        for catalogue in source.catalogues:
            for group in catalogue.groups:
                start = page.index(f'id="{catalogue.id}-{group.id}"')
                end = page.find("<h", start + 10)
                block = html.unescape(page[start : end if end > 0 else len(page)])
                assert SUMMARY_MARK in block or SOURCE_MARK in block, group.id
                checked += 1
    # counted in content/sources/*.yaml: key figures 7 + 24 + 4, catalogue groups 5 + 17
    assert checked == 35 + 22


def test_theme_pages_and_decks_show_findings_with_their_marks(library: Library, site: Path) -> None:
    from refleks import urls

    for reflection in library.reflections.values():
        for theme in reflection.themes:
            page = html.unescape(
                (site / urls.theme_page(reflection.id, theme.id).replace(".md", ".html")).read_text(
                    "utf-8"
                )
            )
            deck = html.unescape(
                (site / urls.theme_deck(reflection.id, theme.id)).read_text("utf-8")
            )
            for ref in theme.findings:
                _, finding = library.finding(ref)
                mark = SOURCE_MARK if finding.quote else f"{SUMMARY_MARK}: {finding.summary_of}"
                item = re.search(
                    rf"<li><strong>{re.escape(finding.title)}:</strong>.*?</li>", page, re.S
                )
                assert item and mark in item.group(0), ref
                slide = re.search(
                    rf'data-refleks-kind="finding">.*?{re.escape(finding.title)}.*?</section>',
                    deck,
                    re.S,
                )
                assert slide and mark in slide.group(0), ref


def _pdf_text(pdf: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return " ".join(out.split())


def test_every_finding_in_a_course_pack_carries_its_mark(library: Library, site: Path) -> None:
    for reflection in library.reflections.values():
        text = _pdf_text(site / "utskrift" / f"kurs-{reflection.id}.pdf")
        findings = [library.finding(ref)[1] for t in reflection.themes for ref in t.findings]
        assert findings
        for finding in findings:
            heading = f"Funn: {finding.title}"
            assert heading in text, heading
            after = text[text.index(heading) :][: len(finding.text) * 2 + 300]
            assert SOURCE_MARK in after or SUMMARY_MARK in after, heading
