"""Quotes checked against the source's own text.

An item marked ``quote: true`` claims that its text stands word for word in its source. A
source may carry its text as ``content/sources/<id>.txt`` (extracted from the publication);
``refleks check`` then looks for every quoted text in it and reports a quote that is not
there, with the closest passage of the source.

Both texts are compared word for word in a canonical form, so that what a PDF extraction or
a careful typist changes does not count as a different word: a run of whitespace (line breaks,
double spaces) is one space, typographic quotes and dashes count as plain ones, and PDF bullet
glyphs are ignored. A quote must begin and end at whole words of the source. A hyphen at the
end of a line inside a word may be the layout's (``kollega-\\nstøtte``) or a real one
(``person-\\ncentered``); the extracted text cannot tell, so the quote may have either the
joined or the hyphenated word. A letter's fields (``{enhet}``, ``{dato}`` ...) stand for the
source's blanks (a run of dots or underscores) and match nothing else: a word dropped beside
a field is a difference.

A source's text carries its checksum (``text_sha256`` in the source's YAML), so a text
edited after it was extracted is an error too.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problems
from ..markup import plain
from ..messages import _
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
_FIELD = re.compile(r"\{([a-zæøå_]+)\}|(\[(?:…|\.\.\.)\])|(\[[^\[\]\s]+\])")
"""A letter's field (``{dato}``); ``[…]``, the quoter's mark for text of the source left out;
or a word in square brackets, the quoter's correction of the one word of the source that
stands there («[Det] er behov» for the source's «det er behov», a misprint corrected)."""
_OMITTED_WIDTH = 3000
"""The most text of the source one ``[…]`` leaves out."""
_O_BULLET = re.compile(r"(?m)^[ \t]*(o)[ \t]+(?=\S)")
"""A list bullet printed as a lone «o» at the start of a line (PDFs made from Word)."""
BREAK = "¬"
"""A hyphen at the end of a line of the source: the extracted text cannot tell a word split
by the layout (``kollega-\\nstøtte``) from a real hyphen (``person-\\ncentered``), so the
quote may have either."""
_WORD = re.compile(r"\w")


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


def _line_end_hyphen(chars: list[tuple[str, int]], n: int) -> int | None:
    """Where the next word starts when ``chars[n]`` is a hyphen ending a line inside a word
    (a letter or digit before it, a line break and then a letter after it), else ``None``."""
    if chars[n][0] != "-" or n == 0 or not _WORD.match(chars[n - 1][0]):
        return None
    m, broken = n + 1, False
    while m < len(chars) and chars[m][0].isspace():
        broken = broken or chars[m][0] in "\n\r\u2028\u2029\f\v"
        m += 1
    return m if broken and m < len(chars) and chars[m][0].isalpha() else None


def canonical(text: str) -> Canonical:
    """``text`` with whitespace runs as one space, quotes and dashes made plain, a blank to
    fill in as one ``…`` and a hyphen at a line end inside a word as ``¬``.

    ``where`` maps every canonical character back to the text as written, so a passage can
    be shown as it stands in the source.
    """
    original = unicodedata.normalize("NFC", text)
    bullets = {m.start(1) for m in _O_BULLET.finditer(original)}
    # one (character, position) per character after the translation
    chars = [
        (c, i)
        for i, char in enumerate(original)
        for c in (" " if i in bullets else char.translate(_SAME))
    ]
    kept: list[tuple[str, int]] = []
    n = 0
    while n < len(chars):
        char, i = chars[n]
        if char.isspace():
            if kept and kept[-1][0] != " ":
                kept.append((" ", i))
            n += 1
            continue
        word_start = _line_end_hyphen(chars, n)
        if word_start is not None:
            kept.append((BREAK, i))
            n = word_start
            continue
        kept.append((char, i))
        n += 1
    while kept and kept[-1][0] == " ":
        kept.pop()
    joined = "".join(c for c, _at in kept)
    # a blank to fill in (dots or underscores) counts as one mark, wherever the line breaks
    out_chars: list[str] = []
    where: list[int] = []
    last = 0
    for blank in _BLANK.finditer(joined):
        out_chars += joined[last : blank.start()]
        where += [i for _char, i in kept[last : blank.start()]]
        out_chars.append("…")
        where.append(kept[blank.start()][1])
        last = blank.end()
    out_chars += joined[last:]
    where += [i for _char, i in kept[last:]]
    return Canonical("".join(out_chars), tuple(where), original)


def _literal(text: str) -> str:
    """A part of a quote as a pattern: where the source breaks a line at a hyphen, the quote
    may have the joined word or the hyphenated one (``¬`` in the source text)."""
    out: list[str] = []
    for n, char in enumerate(text):
        after = text[n + 1] if n + 1 < len(text) else ""
        before = text[n - 1] if n else ""
        if char == BREAK:  # the quote's own line ends at a hyphen: «helse-\\nog»
            out.append(f"(?:- ?|{BREAK})")
        elif char == "-" and _WORD.match(before) and after == " ":
            out.append(f"(?:-|{BREAK})")  # «helse- og» may stand as «helse-¬og»
        elif char == " " and before == "-":
            out.append(f"(?:(?<={BREAK})| )")
        elif char == "-" and _WORD.match(before) and _WORD.match(after):
            out.append(f"[-{BREAK}]")
        else:
            out.append(re.escape(char))
            if _WORD.match(char) and _WORD.match(after):
                out.append(f"{BREAK}?")
    return "".join(out)


def _field(name: str) -> str:
    """A letter's field as a pattern: the source's blank (``…``, or ``…`` words ``…`` as in
    «….direktør og ....»), with the field's own name after it where the source labels the
    blank («………… kommune»). Never a word of the source's text beside it: a quote that drops
    «vil» before ``{ledere}`` does not stand in the source."""
    return f" ?…(?:[^…]{{0,40}}?…)?(?: ?{re.escape(name)})? ?"


def _pattern(quote: str) -> re.Pattern[str]:
    """The quote's canonical text as a pattern of whole words; each field matches a blank."""
    pieces = _FIELD.split(quote)
    # split() gives text, field name, omission, correction, text ...: one entry per mark
    parts = [pieces[0]]
    for n in range(1, len(pieces), 4):
        parts += [pieces[n] or pieces[n + 1] or pieces[n + 2], pieces[n + 3]]
    pattern: list[str] = []
    for n, part in enumerate(parts):
        if n % 2 and part in ("[…]", "[...]"):
            pattern.append(f".{{1,{_OMITTED_WIDTH}}}?")  # text of the source left out
            continue
        if n % 2 and part.startswith("["):
            pattern.append(r"[^\s…]+")  # the source's word the correction stands for
            continue
        if n % 2:
            pattern.append(_field(part))
            continue
        text = canonical(part).text
        if text and part[:1].isspace():
            text = " " + text
        if text and part[-1:].isspace():
            text += " "
        # a field takes the spaces around it (the source may print «Dato____»)
        if n > 0 and not parts[n - 1].startswith("["):
            text = text.lstrip(" ")
        if n < len(parts) - 1 and not parts[n + 1].startswith("["):
            text = text.rstrip(" ")
        pattern.append(_literal(text))
    body = "".join(pattern)
    first, last = quote.strip()[:1], quote.strip()[-1:]
    start = rf"(?<![\w{BREAK}])" if _WORD.match(first) else ""
    end = rf"(?![\w{BREAK}])" if _WORD.match(last) else ""
    return re.compile(start + body + end)


def occurs(quote: str, source: Canonical) -> bool:
    """Whether ``quote`` (plain text, may hold fields) stands in the source text, whole
    words."""
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
        elif isinstance(value, dict):  # the guide's subpoints: question number -> points
            for key, texts in value.items():
                for i, text in enumerate(texts):
                    yield (*path, name, key, i), text


# item list of a document -> the fields of each item that the quote covers
_SOURCE_ITEMS = {
    "sections": ("text", "items"),
    "key_figures": ("value", "text"),
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
        if getattr(item, "title_quote", False) and item.title:
            path = (*prefix, i, "title")
            yield Quote(doc, path, (*prefix, i, "title_quote"), source_id, item.title)


def quotes(library: Library) -> Iterator[Quote]:
    """Every text of the content that is marked as quoted, with the source it claims."""
    for source in library.sources.values():
        doc = library.documents[("source", source.id)]
        for key, fields in _SOURCE_ITEMS.items():
            yield from _flagged(doc, getattr(source, key), (key,), fields, source.id)
        for c, catalogue in enumerate(source.catalogues):
            prefix = ("catalogues", c, "groups")
            yield from _flagged(doc, catalogue.groups, prefix, ("intro", "items"), source.id)
        if source.reuse_terms:  # word for word from the source by definition, no flag needed
            path = ("reuse_terms",)
            yield Quote(doc, path, path, source.id, source.reuse_terms)
    for reflection in library.reflections.values():
        yield from _reflection_quotes(library, reflection)
    for method in library.methods.values():
        doc = library.documents[("method", method.id)]
        yield from _flagged(doc, method.sections, ("sections",), ("text", "items"), method.source)
        yield from _flagged(doc, method.phases, ("phases",), ("intro", "steps"), method.source)
        if method.letter:
            prefix, fields = ("letter", "sections"), ("text", "points")
            yield from _flagged(doc, method.letter.sections, prefix, fields, method.source)
        if method.question_guide:
            prefix, fields = ("question_guide", "categories"), ("questions", "subpoints")
            categories = method.question_guide.categories
            yield from _flagged(doc, categories, prefix, fields, method.source)


def _reflection_quotes(library: Library, reflection: Any) -> Iterator[Quote]:
    """Every text of a set that is the source's words: the questions, intros and notes whose
    origin is ``kilden`` (by ``quote: true`` or by ``authored_by``, on the text, the theme or
    the set), whether or not the theme says ``quote: true``."""
    doc = library.documents[("reflection", reflection.id)]
    if reflection.intro and reflection.intro_origin == "kilden":
        path = ("intro",)
        yield Quote(doc, path, ("intro_authored_by",), reflection.source, reflection.intro)
    for t, theme in enumerate(reflection.themes):
        prefix = ("themes", t)
        if _claims_refleks(reflection, theme) and theme.quote:
            continue  # reported once by _check_claims
        for field, origin in (("intro", theme.intro_origin), ("notes", theme.notes_origin)):
            text = getattr(theme, field)
            if text and origin(reflection) == "kilden":
                path = (*prefix, field)
                yield Quote(doc, path, (*prefix, f"{field}_authored_by"), reflection.source, text)
        for role, texts in theme.questions.items():
            for i, question in enumerate(texts):
                if question.authored_by != "kilden":
                    continue
                path = (*prefix, "questions", role, i)
                flag = (*prefix, "quote") if theme.quote and question.stated is None else path
                yield Quote(doc, path, flag, reflection.source, str(question))


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
                    _("spørsmål skrevet for Refleks kan ikke være sitert fra kilden"),
                    written="quote: true",
                    expected=_("quote: true bare på temaer der spørsmålene står i kilden"),
                    hint=_(
                        "fjern «quote: true», eller fjern «authored_by: refleks» fra temaet "
                        "hvis spørsmålene står i kilden"
                    ),
                )


_MISQUOTED_HINT = _(
    "rett ordlyden etter kilden, eller fjern «quote: true» hvis teksten er skrevet med egne ord"
)
_OWN_WORDS = _(
    "skriv «authored_by: sammendrag» (Refleks' sammendrag av kilden) eller "
    "«authored_by: refleks» (skrevet for Refleks)"
)
_MISQUOTED_ORIGIN_HINT = _(
    "rett ordlyden etter kilden; er teksten skrevet med egne ord, {own}", own=_OWN_WORDS
)
_REUSE_HINT = _("skriv vilkårene ordrett slik kilden oppgir dem, eller fjern feltet")


def text_checksum(file: Path) -> str:
    """The sha256 of a source's text, line endings counted as ``\\n`` (so a checkout on
    Windows gives the same sum)."""
    data = file.read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


# the items of a source shown under its name: each is the source's words or a summary
_ATTRIBUTED = ("sections", "definitions", "key_figures", "findings", "recommendations", "stories")
_KIND_EXPECTED = _(
    "quote: true (står ordrett i kilden; kontrolleres) eller summary_of: "
    "sidene eller avsnittet teksten oppsummerer (Refleks' sammendrag)"
)


def _attributed(library: Library) -> Iterator[tuple[Document, KeyPath, Any]]:
    """Every item shown under a source's name, with its key path: a source's items and
    its catalogues' groups, a method's sections and phases (the method is the guide's,
    shown under its name)."""
    for source in library.sources.values():
        doc = library.documents[("source", source.id)]
        for key in _ATTRIBUTED:
            for i, item in enumerate(getattr(source, key)):
                yield doc, (key, i), item
        for c, catalogue in enumerate(source.catalogues):
            for g, group in enumerate(catalogue.groups):
                yield doc, ("catalogues", c, "groups", g), group
    for method in library.methods.values():
        doc = library.documents[("method", method.id)]
        for key in ("sections", "phases"):
            for i, item in enumerate(getattr(method, key)):
                yield doc, (key, i), item


def _check_kinds(library: Library, problems: Problems) -> None:
    """Every text shown under a source's name says whether it is the source's words or
    Refleks's summary of them, and not both."""
    for doc, where, item in _attributed(library):
        summary = (item.summary_of or "").strip()
        if item.quote and not summary and item.summary_of is None:
            continue
        if summary and not item.quote:
            continue
        both = item.quote and item.summary_of is not None
        path = (*where, "summary_of") if both else where
        line, col = doc.where(path)
        problems.add(
            doc.file,
            line,
            col,
            format_path(path),
            _(
                "det står ikke om teksten i «{item}» er kildens ord eller Refleks' sammendrag",
                item=item.id,
            )
            if not both
            else _(
                "teksten i «{item}» kan ikke både stå ordrett i kilden og være Refleks' sammendrag",
                item=item.id,
            ),
            written=_("quote: true og summary_of")
            if both
            else _("summary_of uten sider eller avsnitt")
            if item.summary_of is not None
            else _("uten quote og summary_of"),
            expected=_KIND_EXPECTED,
            hint=_(
                "skriv teksten ordrett etter kilden med «quote: true», eller skriv "
                "«summary_of: s. ...» når den er skrevet med egne ord"
            ),
        )


def _check_checksums(library: Library, problems: Problems) -> None:
    """A source's text is the one its YAML was checked against: an edited ``.txt`` (or a
    checksum without a text) is an error at the YAML's line."""
    folder = library.project.content / "sources"
    for source in library.sources.values():
        doc = library.documents[("source", source.id)]
        file = folder / f"{source.id}.txt"
        stated = source.text_sha256
        if not file.is_file():
            if stated is not None:
                line, col = doc.where(("text_sha256",))
                problems.add(
                    doc.file,
                    line,
                    col,
                    "text_sha256",
                    _(
                        "kilden har en sjekksum, men ingen kildetekst i {file}",
                        file=problems.rel(file),
                    ),
                    written=stated,
                    expected=_("kildens tekst i {file}", file=problems.rel(file)),
                    hint=_("legg teksten fra publikasjonen i filen, eller fjern «text_sha256»"),
                )
            continue
        actual = text_checksum(file)
        if stated == actual:
            continue
        if stated is None:
            line, col = doc.where(("id",))
            problems.add(
                doc.file,
                line,
                col,
                "text_sha256",
                _(
                    "kildeteksten {file} har ingen sjekksum i kilden",
                    file=problems.rel(file),
                ),
                written=_("uten text_sha256"),
                expected=f"text_sha256: {actual}",
                hint=_("kontroller at teksten er den publiserte, og skriv sjekksummen i kilden"),
            )
            continue
        line, col = doc.where(("text_sha256",))
        problems.add(
            doc.file,
            line,
            col,
            "text_sha256",
            _(
                "kildeteksten {file} er endret etter at sjekksummen ble skrevet",
                file=problems.rel(file),
            ),
            written=stated,
            expected=_(
                "text_sha256: {actual} (sjekksummen til teksten slik den er nå)", actual=actual
            ),
            hint=_(
                "sett den publiserte teksten tilbake; er den nye teksten riktig, skriv "
                "den nye sjekksummen"
            ),
        )


def _claim(quote: Quote) -> str:
    """What in the YAML says the text is the source's words."""
    if quote.flag[-1] in ("quote", "title_quote"):
        return f"{quote.flag[-1]}: true"
    return "authored_by: kilden"


def check_quotes(library: Library, problems: Problems) -> None:
    """Report every quote that does not stand in its source's text, and every source text
    that differs from its checksum."""
    _check_claims(library, problems)
    _check_kinds(library, problems)
    _check_checksums(library, problems)
    texts: dict[Path, Canonical] = {}
    missing: set[tuple[Path, KeyPath]] = set()
    for quote in quotes(library):
        if quote.source_id not in library.sources:
            continue  # an unknown source is reported by the reference check
        file = source_text_file(library, quote.source_id)
        if file is None:
            if quote.flag[-1] == "reuse_terms":
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
                _(
                    "kilden «{source}» har ingen kildetekst å kontrollere sitatet mot",
                    source=quote.source_id,
                ),
                written=_claim(quote),
                expected=_(
                    "kildens tekst i content/sources/{source}.txt",
                    source=quote.source_id,
                ),
                hint=_(
                    "legg teksten fra publikasjonen i filen, eller {what}",
                    what=(
                        _("fjern «{claim}»", claim=_claim(quote))
                        if _claim(quote) != "authored_by: kilden"
                        else _OWN_WORDS
                    ),
                ),
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
            _("sitatet står ikke ordrett i kildeteksten"),
            written=" ".join(text.split()),
            expected=_(
                "teksten slik den står i {file}; nærmest er: «{closest}»",
                file=problems.rel(file),
                closest=closest(text, texts[file]),
            ),
            hint=_REUSE_HINT
            if quote.flag[-1] == "reuse_terms"
            else _MISQUOTED_HINT
            if _claim(quote) != "authored_by: kilden"
            else _MISQUOTED_ORIGIN_HINT,
        )
