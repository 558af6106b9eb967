"""Quotes checked against the source's own text.

An item marked ``quote: true`` claims that its text stands word for word in its source. A
source may carry its text as ``content/sources/<id>.txt`` (extracted from the publication);
``refleks check`` then looks for every quoted text in it and reports a quote that is not
there, with the closest passage of the source.

Both texts are compared in a canonical form, so that what a PDF extraction or a careful
typist changes does not count as a different word: whitespace (line breaks, double spaces)
is ignored, a hyphen before a line break or a space is dropped (``kollega-\\nstøtte`` and
``helse- og`` match ``kollegastøtte`` and ``helse- og``), typographic quotes and dashes count
as plain ones, and PDF bullet glyphs are ignored. A letter's fields (``{enhet}``, ``{dato}``
...) stand for the source's blanks and match any short run of text.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problems
from ..markup import plain
from .yamlread import Document, KeyPath, format_path

if TYPE_CHECKING:
    from .model import Library

_SAME = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "–": "-",
        "—": "-",
        "‒": "-",
        "‐": "-",
        "‑": "-",
        "\u00ad": "",
        "•": " ",
        "▪": " ",
        "➢": " ",
        "…": "...",
    }
)
_BLANK = re.compile(r"\.{3,}|_{2,}")
"""A blank to fill in, as the sources print it: a run of dots or underscores."""
_FIELD = re.compile(r"\{[a-zæøå_]+\}")
_FIELD_WIDTH = 60
"""A field matches at most this many characters of the source (a name, a date, a blank)."""


@dataclass(frozen=True)
class Canonical:
    """A text in canonical form, with the position in the original of every character."""

    text: str
    where: tuple[int, ...]
    original: str

    def passage(self, start: int, end: int) -> str:
        """The original text behind ``text[start:end]``, whitespace collapsed."""
        if not self.where:
            return ""
        start, end = max(0, start), min(len(self.where), end)
        first = self.where[start] if start < len(self.where) else len(self.original)
        last = self.where[end - 1] + 1 if end > start else first
        # whole words: a passage never starts or ends inside one
        while first > 0 and not self.original[first - 1].isspace():
            first -= 1
        while last < len(self.original) and not self.original[last].isspace():
            last += 1
        return " ".join(self.original[first:last].split())


def canonical(text: str) -> Canonical:
    """``text`` without whitespace, with line-end hyphens dropped and quotes made plain.

    ``where`` maps every canonical character back to the text as written, so a passage can
    be shown as it stands in the source.
    """
    original = unicodedata.normalize("NFC", text)
    # one (character, position) per character after the translation
    chars = [(c, i) for i, char in enumerate(original) for c in char.translate(_SAME)]
    kept: list[tuple[str, int]] = []
    for n, (char, i) in enumerate(chars):
        if char.isspace():
            continue
        after = chars[n + 1][0] if n + 1 < len(chars) else " "
        if char == "-" and after.isspace():
            continue  # a hyphen before a line break or a space
        kept.append((char, i))
    joined = "".join(c for c, _ in kept)
    # a blank to fill in (dots or underscores) counts as one mark, wherever the line breaks
    out_chars: list[str] = []
    where: list[int] = []
    last = 0
    for blank in _BLANK.finditer(joined):
        out_chars += joined[last : blank.start()]
        where += [i for _, i in kept[last : blank.start()]]
        out_chars.append("…")
        where.append(kept[blank.start()][1])
        last = blank.end()
    out_chars += joined[last:]
    where += [i for _, i in kept[last:]]
    return Canonical("".join(out_chars), tuple(where), original)


def _pattern(quote: str) -> re.Pattern[str]:
    """The quote's canonical text as a pattern; each field matches a short run of text."""
    parts = _FIELD.split(quote)
    literal = [re.escape(canonical(part).text) for part in parts]
    return re.compile(f".{{0,{_FIELD_WIDTH}}}?".join(literal))


def occurs(quote: str, source: Canonical) -> bool:
    """Whether ``quote`` (plain text, may hold fields) stands in the source text."""
    return _pattern(quote).search(source.text) is not None


def closest(quote: str, source: Canonical) -> str:
    """The passage of the source most like ``quote``, as it stands in the source."""
    wanted = canonical(_FIELD.sub("", quote)).text
    if not wanted or not source.text:
        return ""
    matcher = difflib.SequenceMatcher(None, source.text, wanted, autojunk=False)
    anchor = matcher.find_longest_match(0, len(source.text), 0, len(wanted))
    # the longest common run anchors the passage; the region around it is where the rest of
    # the quote should be
    offset = max(0, anchor.a - anchor.b - len(wanted) // 2)
    region = source.text[offset : anchor.a + len(wanted) - anchor.b + len(wanted) // 2]
    blocks = [
        b
        for b in difflib.SequenceMatcher(None, region, wanted, autojunk=False).get_matching_blocks()
        if b.size >= 3
    ]
    if not blocks:
        return ""
    first, last = blocks[0], blocks[-1]
    start = offset + max(0, first.a - first.b)
    end = offset + last.a + last.size + (len(wanted) - last.b - last.size)
    return source.passage(start, end)


# --------------------------------------------------------------------------- the content


@dataclass(frozen=True)
class Quote:
    """One text that claims to stand word for word in a source."""

    doc: Document
    path: KeyPath
    """Key path of the text."""
    flag: KeyPath
    """Key path of the ``quote: true`` that makes the claim."""
    source_id: str
    text: str


def _texts(item: Any, fields: tuple[str, ...], path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    for name in fields:
        value = getattr(item, name, None)
        if isinstance(value, str) and value.strip():
            yield (*path, name), value
        elif isinstance(value, list):
            for i, text in enumerate(value):
                if isinstance(text, str):
                    yield (*path, name, i), text
                elif hasattr(text, "text"):
                    yield (*path, name, i, "text"), text.text
        elif isinstance(value, dict):
            for key, texts in value.items():
                for i, text in enumerate(texts):
                    if getattr(text, "authored_by", "kilden") == "kilden":  # not one's own
                        yield (*path, name, key, i), text


# item list of a document -> the fields of each item that the quote covers
_SOURCE_ITEMS = {
    "findings": ("text",),
    "recommendations": ("text",),
    "stories": ("text",),
    "definitions": ("text",),
    "questionnaires": ("questions",),
}


def _flagged(doc: Document, items: list, prefix: KeyPath, fields: tuple[str, ...], source_id: str):
    for i, item in enumerate(items):
        if getattr(item, "quote", False):
            for path, text in _texts(item, fields, (*prefix, i)):
                yield Quote(doc, path, (*prefix, i, "quote"), source_id, text)


def quotes(library: Library) -> Iterator[Quote]:
    """Every text of the content that is marked as quoted, with the source it claims."""
    for source in library.sources.values():
        doc = library.documents[("source", source.id)]
        for key, fields in _SOURCE_ITEMS.items():
            yield from _flagged(doc, getattr(source, key), (key,), fields, source.id)
        if source.reuse_terms:  # word for word from the source by definition, no flag needed
            path = ("reuse_terms",)
            yield Quote(doc, path, path, source.id, source.reuse_terms)
    for reflection in library.reflections.values():
        doc = library.documents[("reflection", reflection.id)]
        # themes whose questions are Refleks's own: a «quote: true» there is reported once
        themes = [t if not _claims_refleks(reflection, t) else None for t in reflection.themes]
        yield from _flagged(doc, themes, ("themes",), ("questions",), reflection.source)
    for method in library.methods.values():
        doc = library.documents[("method", method.id)]
        if method.letter:
            prefix, fields = ("letter", "sections"), ("text", "points")
            yield from _flagged(doc, method.letter.sections, prefix, fields, method.source)
        if method.question_guide:
            prefix, fields = ("question_guide", "categories"), ("questions", "subpoints")
            categories = method.question_guide.categories
            yield from _flagged(doc, categories, prefix, fields, method.source)


def source_text_file(library: Library, source_id: str) -> Path | None:
    """The source's own text, or the text of the source it is part of."""
    folder = library.project.content / "sources"
    source = library.sources.get(source_id)
    while source is not None:
        path = folder / f"{source.id}.txt"
        if path.is_file():
            return path
        source = library.sources.get(source.part_of) if source.part_of else None
    return None


def _claims_refleks(reflection: Any, theme: Any) -> bool:
    """Whether the theme itself says its texts are Refleks's (its «quote: true» says the
    questions are the source's, whatever the set says)."""
    return theme.authored_by == "refleks"


def _check_claims(library: Library, problems: Problems) -> None:
    """A theme whose texts were written for Refleks cannot quote its questions from the source."""
    for reflection in library.reflections.values():
        doc = library.documents[("reflection", reflection.id)]
        for t, theme in enumerate(reflection.themes):
            if theme.quote and _claims_refleks(reflection, theme):
                line, col = doc.where(("themes", t, "quote"))
                problems.add(
                    doc.file,
                    line,
                    col,
                    format_path(("themes", t, "quote")),
                    "spørsmål skrevet for Refleks kan ikke være sitert fra kilden",
                    written="quote: true",
                    expected="quote: true bare på temaer der spørsmålene står i kilden",
                    hint="fjern «quote: true», eller fjern «authored_by: refleks» fra temaet hvis "
                    "spørsmålene står i kilden",
                )


_MISQUOTED_HINT = (
    "rett ordlyden etter kilden, eller fjern «quote: true» hvis teksten er skrevet med egne ord"
)
_REUSE_HINT = "skriv vilkårene ordrett slik kilden oppgir dem, eller fjern feltet"


def check_quotes(library: Library, problems: Problems) -> None:
    """Report every quote that does not stand in its source's text."""
    _check_claims(library, problems)
    texts: dict[Path, Canonical] = {}
    missing: set[tuple[Path, KeyPath]] = set()
    for quote in quotes(library):
        if quote.source_id not in library.sources:
            continue  # an unknown source is reported by the reference check
        file = source_text_file(library, quote.source_id)
        if file is None:
            if quote.flag[-1] != "quote":
                continue  # reuse terms are checked where the source has a text
            if (quote.doc.file, quote.flag) in missing:
                continue  # one message per «quote: true»
            missing.add((quote.doc.file, quote.flag))
            line, col = quote.doc.where(quote.flag)
            problems.add(
                quote.doc.file,
                line,
                col,
                format_path(quote.flag),
                f"kilden «{quote.source_id}» har ingen kildetekst å kontrollere sitatet mot",
                written="quote: true",
                expected=f"kildens tekst i content/sources/{quote.source_id}.txt",
                hint="legg teksten fra publikasjonen i filen, eller fjern «quote: true»",
            )
            continue
        if file not in texts:
            texts[file] = canonical(file.read_text(encoding="utf-8", errors="replace"))
        text = plain(quote.text)
        if occurs(text, texts[file]):
            continue
        line, col = quote.doc.where(quote.path)
        problems.add(
            quote.doc.file,
            line,
            col,
            format_path(quote.path),
            "sitatet står ikke ordrett i kildeteksten",
            written=" ".join(text.split()),
            expected=f"teksten slik den står i {problems.rel(file)}; "
            f"nærmest er: «{closest(text, texts[file])}»",
            hint=_MISQUOTED_HINT if quote.flag[-1] == "quote" else _REUSE_HINT,
        )
