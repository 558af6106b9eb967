"""Which sentences of an output are in the wrong written standard (bokmål under nynorsk, or
nynorsk under bokmål), for the tests of issue 27.

The word lists hold only words that exist in one standard and not in the other (checked
against the official dictionaries, Bokmålsordboka and Nynorskordboka): a sentence with one of
them is in that standard. Words both standards have (``skal``, ``også``, ``blei``, ``eit``
in compounds ...) or that differ only in forms the other allows are left out, so a hit is a
real mistake, not a guess.

Text is read with the language in force: in HTML the nearest ``lang`` attribute, in DOCX the
run's ``w:lang``, in PDF the ``/Lang`` of a marked-content span or structure element (Typst
tags ``text(lang: ...)`` so). XLSX carries no language per cell, so there (and in a PDF
part not tagged) a sentence found word for word in a source text
(``content/sources/*.txt``) counts as a marked quote.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

BOKMAL_ONLY = frozenset(
    [
        "ikke",
        "hva",
        "hvordan",
        "hvem",
        "hvorfor",
        "hvilke",
        "hvilken",
        "hvilket",
        "hvis",
        "fra",
        "noen",
        "jeg",
        "dere",
        "deres",
        "mye",
        "bare",
        "uten",
        "hjem",
        "leder",
        "lederen",
        "ledere",
        "lederne",
        "enheten",
        "enhetene",
        "hendelse",
        "hendelsen",
        "hendelser",
        "hendelsene",
        "skrevet",
        "spørsmålene",
        "svarene",
        "veileder",
        "veilederen",
        "veiledning",
        "samtaleleder",
        "ansatte",
    ]
)
"""Bokmål words with no nynorsk spelling alike (nynorsk: ikkje, kva, korleis, kven, kvifor,
kva for, viss, frå, nokon, eg, de/dykk, dykkar, mykje, berre, utan, heim, leiar, eininga,
hending, skrive(n), spørsmåla, svara, rettleiar, rettleiing, samtaleleiar, tilsette).
«Kurshefte», «heftet» and «pakken» are right in both standards, so the issue's examples
«KURSHEFTE» and «I pakken» are found by the words around them, not by themselves."""

NYNORSK_ONLY = frozenset(
    [
        "ikkje",
        "kva",
        "korleis",
        "kven",
        "kvifor",
        "frå",
        "nokon",
        "eg",
        "dykk",
        "dykkar",
        "mykje",
        "berre",
        "utan",
        "leiar",
        "leiaren",
        "leiarar",
        "eininga",
        "einingane",
        "hending",
        "hendinga",
        "hendingar",
        "vere",
        "vore",
        "spørsmåla",
        "rettleiar",
        "rettleiaren",
    ]
)
"""Nynorsk words with no bokmål spelling alike (bokmål: ikke, hva, hvordan, hvem, hvorfor,
fra, noen, jeg, dere, deres, mye, bare, uten, leder, enheten, hendelse, være, vært,
spørsmålene, veileder). «Heim» and «tilsette» are bokmål too, so not listed."""


INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "u",
        "var",
        "wbr",
    ]
)
SKIPPED = frozenset({"script", "style", "template", "svg", "math", "code", "pre"})
WORD = re.compile(r"[a-zæøåéèôA-ZÆØÅÉÈÔ]+")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+|\s+[–—]\s+")


QUOTED = re.compile(r"«[^«»]*»")
"""A title or a phrase cited in «»: the words of whoever is quoted, in their language."""
FILE_NAME = re.compile(r"\b[\w-]+\.(?:html|pdf|docx|xlsx|ics|md|zip)\b")


def words_of(text: str) -> set[str]:
    """The words of a sentence, leaving out what is cited in «» and file names."""
    text = FILE_NAME.sub(" ", QUOTED.sub(" ", text))
    return {w.lower() for w in WORD.findall(text)}


def sentences(text: str) -> Iterator[str]:
    for part in SENTENCE_END.split(text):
        part = " ".join(part.split())
        if part:
            yield part


def squeeze(text: str) -> str:
    """Text with hyphenation at line ends joined and whitespace made single spaces."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return " ".join(text.replace("\u00ad", "").split()).lower()


class _Html(HTMLParser):
    """``(language, text)`` of every visible text node, with the nearest ``lang`` in force."""

    VOID = frozenset(
        [
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "source",
            "track",
            "wbr",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.parts: list[tuple[str, str]] = []

    def _lang(self) -> str:
        for _tag, lang, _skip in reversed(self.stack):
            if lang:
                return lang.split("-")[0].lower()
        return ""

    def _skipped(self) -> bool:
        return any(skip for _t, _l, skip in self.stack)

    def _break(self, tag: str) -> None:
        """A block element's start or end ends the sentence (as the page shows it)."""
        if tag not in INLINE:
            self.parts.append((self._lang(), "\n"))

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self._break(tag)
        if tag in self.VOID:
            return
        a = dict(attrs)
        hidden = tag in SKIPPED or "hidden" in a or a.get("aria-hidden") == "true"
        self.stack.append((tag, a.get("lang"), hidden))

    def handle_endtag(self, tag):  # noqa: ANN001
        self._break(tag)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):  # noqa: ANN001
        if data.strip() and not self._skipped():
            self.parts.append((self._lang(), data))


def html_parts(html: str) -> list[tuple[str, str]]:
    """``(language, text)`` runs of a page; text in one element kept together per language."""
    parser = _Html()
    parser.feed(html)
    joined: list[tuple[str, str]] = []
    for lang, text in parser.parts:
        if text == "\n" and joined:
            joined[-1] = (joined[-1][0], joined[-1][1] + text)
            continue
        if joined and joined[-1][0] == lang:
            joined[-1] = (lang, joined[-1][1] + text)
        else:
            joined.append((lang, text))
    return joined


def docx_parts(path: Path, default: str) -> list[tuple[str, str]]:
    """``(language, text)`` per run of every paragraph in a DOCX (body, headers, footers)."""
    from docx import Document  # noqa: PLC0415

    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    doc = Document(str(path))
    parts: list[tuple[str, str]] = []
    roots = [doc.element.body]
    for section in doc.sections:
        roots += [section.header._element, section.footer._element]
    for root in roots:
        for p in root.iter(f"{ns}p"):
            line: list[tuple[str, str]] = []
            for r in p.iter(f"{ns}r"):
                text = "".join(t.text or "" for t in r.iter(f"{ns}t"))
                lang_el = r.find(f"{ns}rPr/{ns}lang")
                lang = lang_el.get(f"{ns}val") if lang_el is not None else None
                lang = (lang or default).split("-")[0].lower()
                if line and line[-1][0] == lang:
                    line[-1] = (lang, line[-1][1] + text)
                else:
                    line.append((lang, text))
            parts += [(lang, text + "\n") for lang, text in line if text.strip()]
    return parts


def xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook  # noqa: PLC0415

    book = load_workbook(path)
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            cells += [str(c.value) for c in row if isinstance(c.value, str)]
        for dv in sheet.data_validations.dataValidation:
            cells += [t for t in (dv.promptTitle, dv.prompt, dv.errorTitle, dv.error) if t]
    return "\n".join(cells)


def pdf_parts(path: Path, language: str) -> list[tuple[str, str]]:
    """``(language, text)`` of a PDF: the text set in the other written standard (a
    marked-content span or a structure element with that ``/Lang``, as Typst tags
    ``text(lang: ...)``) apart from the rest, which is in ``language``."""
    import pdfplumber  # noqa: PLC0415

    other = "nn" if language == "nb" else "nb"
    with pdfplumber.open(path) as pdf:
        marked = _marked_content(pdf, other)
        if not marked:
            return [(language, pdf_text(path))]
        own, theirs = [], []
        for page in pdf.pages:
            ids = marked.get(page.page_number, set())
            own.append(
                page.filter(lambda o, ids=ids: o.get("mcid") not in ids).extract_text(
                    use_text_flow=True
                )
            )
            theirs.append(
                page.filter(lambda o, ids=ids: o.get("mcid") in ids).extract_text(
                    use_text_flow=True
                )
            )
    return [(language, squeeze_lines("\n".join(own))), (other, "\n".join(theirs))]


def _text(page: Any) -> str:
    return page.extract_text(use_text_flow=True)


BDC = re.compile(rb"/\w+\s*<<([^<>]*)>>\s*BDC")
MCID = re.compile(rb"/MCID\s+(\d+)")
LANG = re.compile(rb"/Lang\s*\(([^()]*)\)")


def _marked_content(pdf: Any, lang: str) -> dict[int, set[int]]:
    """``{page number: marked-content ids}`` of the text in ``lang``: the ``/Lang`` of a
    marked-content sequence in the page's content, or of a structure element (inherited
    by what it holds)."""
    found: dict[int, set[int]] = {}
    for page in pdf.pages:
        contents = page.page_obj.contents
        data = b"".join(stream.get_data() for stream in contents)
        for props in BDC.findall(data):
            mcid, tagged = MCID.search(props), LANG.search(props)
            if mcid and tagged and tagged.group(1).decode().split("-")[0].lower() == lang:
                found.setdefault(page.page_number, set()).add(int(mcid.group(1)))

    def walk(element: dict[str, Any], inherited: str) -> None:
        here = (element.get("lang") or inherited).split("-")[0].lower()
        if here == lang and element.get("mcids") and element.get("page_number"):
            found.setdefault(element["page_number"], set()).update(element["mcids"])
        for child in element.get("children", []):
            walk(child, here)

    for element in pdf.structure_tree:
        walk(element, "")
    return found


def pdf_text(path: Path) -> str:
    """The PDF's text with its lines joined (a sentence or a «quote» broken over lines is
    read whole; hyphens at line ends joined)."""
    return squeeze_lines(_pdftotext(path))


def squeeze_lines(text: str) -> str:
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text.replace("\u00ad\n", ""))
    return re.sub(r"[ \t]*\n[ \t]*", " ", text)


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def misplaced(parts: list[tuple[str, str]], language: str, quoted: str) -> Iterator[str]:
    """Sentences in ``language`` (``nb``/``nn``) with a word only the other standard has,
    that are not marked as the other language and not word for word in ``quoted`` (the
    sources' text, squeezed)."""
    other = BOKMAL_ONLY if language == "nn" else NYNORSK_ONLY
    other_lang = "nb" if language == "nn" else "nn"
    for lang, text in parts:
        if lang == other_lang or lang not in (language, "no", ""):
            continue
        for sentence in sentences(QUOTED.sub(" ", text)):
            if words_of(sentence) & other and not _quoted(sentence, other, quoted):
                yield sentence


WINDOW = 5
"""A word counts as quoted when it stands in a run of this many words found word for word
in the quoted text (a heading or a label run into a quote by the PDF's text does not hide it,
and three common words in a row are not yet a quote)."""


def tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def _quoted(sentence: str, other: frozenset[str], quoted: str) -> bool:
    """Whether every word of the other standard in ``sentence`` is inside a quote."""
    plain = FILE_NAME.sub(" ", QUOTED.sub(" ", sentence))
    words = tokens(plain)
    for i, word in enumerate(words):
        if word not in other:
            continue
        runs = (
            " " + " ".join(words[j : j + WINDOW]) + " "
            for j in range(max(0, i - WINDOW + 1), i + 1)
            if len(words[j : j + WINDOW]) == WINDOW or len(words) < WINDOW
        )
        if not any(run in quoted for run in runs):
            return False
    return True


def quoted_text(project: Path) -> str:
    """What counts as quoted: the sources' text, their titles, subtitles and publishers,
    and the visit files (as words separated by single spaces, one string)."""
    from refleks.context import read_yaml  # noqa: PLC0415

    parts = [p.read_text("utf-8") for p in (project / "content/sources").glob("*.txt")]
    for p in (project / "content/sources").glob("*.yaml"):
        data = read_yaml(p.read_text("utf-8")) or {}
        parts += [str(data.get(k) or "") for k in ("title", "subtitle", "publisher")]
    # what a municipality typed in its visit files is printed as it was written
    parts += [p.read_text("utf-8") for p in (project / "content/visits").glob("*.yaml")]
    joined = (" ".join(tokens(re.sub(r"(\w)-\n(\w)", r"\1\2", t))) for t in parts)
    return " " + " | ".join(joined) + " "


def parts_of(path: Path, language: str) -> list[tuple[str, str]] | None:
    """``(language, text)`` runs of one output file; ``None`` for a kind not read here."""
    suffix = path.suffix
    if suffix == ".html":
        return html_parts(path.read_text("utf-8"))
    if suffix == ".docx":
        return docx_parts(path, language)
    if suffix == ".xlsx":
        return [(language, xlsx_text(path))]
    if suffix == ".pdf":
        return pdf_parts(path, language)
    if suffix in (".md", ".ics"):
        return [(language, path.read_text("utf-8"))]
    return None


def misplaced_in(
    root: Path, language: str, quoted: str, skip: tuple[str, ...] = ()
) -> Iterator[tuple[Path, list[str]]]:
    """``(file, sentences)`` for every output under ``root`` with sentences in the wrong
    written standard (``misplaced``); folders named in ``skip`` are left out."""
    for path in sorted(root.rglob("*")):
        if not path.is_file() or any(part in skip for part in path.relative_to(root).parts):
            continue
        parts = parts_of(path, language)
        if parts is None:
            continue
        bad = list(misplaced(parts, language, quoted))
        if bad:
            yield path, bad


def build_all(project: Path, language: str) -> Path:
    """Every output kind of the shipped project with ``language`` in ``site.yaml``: the site
    (pages, decks, handouts, course packs), SCORM packages (unpacked), a session kit and
    ``visit --all``. Returns the project folder (outputs in ``site/`` and ``out/``)."""
    import shutil  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    from refleks.cli import main  # noqa: PLC0415

    from .conftest import ROOT  # noqa: PLC0415

    for name in ("content", "templates", "docs", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    site = project / "content" / "site.yaml"
    text = site.read_text("utf-8")
    assert "\nlanguage: nb\n" in text
    site.write_text(text.replace("\nlanguage: nb\n", f"\nlanguage: {language}\n"), "utf-8")
    run = ["--project", str(project)]
    assert main([*run, "build"]) == 0
    assert main([*run, "export", "scorm"]) == 0
    for package in (project / "out" / "scorm").glob("*.zip"):
        with zipfile.ZipFile(package) as zf:
            zf.extractall(project / "out" / "scorm" / package.stem)
    session = ["session", "--reflection", "kollegastotte", "--role", "alle", "--minutes", "150"]
    assert main([*run, *session]) == 0
    assert main([*run, "visit", "--all"]) == 0
    return project
