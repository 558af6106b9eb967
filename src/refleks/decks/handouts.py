"""Printable PDFs for reflection sessions, from ``templates/handouts/``, laid out by Typst.

- per theme: the theme's intro, then one A4 page per role with that role's questions and
  ruled space to write under each question (the questions on a page share the page's space,
  which Typst's layout fills in one pass: ``templates/handouts/print.typ``);
- per role: one page per theme with questions to the role;
- per reflection set: the deck as a PDF for the facilitator, one slide per landscape page
  with the speaker notes below.

Every PDF is tagged (PDF/UA-1), has the document language ``nb`` and a title in its
metadata, embeds its fonts, and is byte for byte the same from one build of the same content
to the next: its only date is ``SOURCE_DATE_EPOCH`` or, when that is not set, the date the
site engine uses (the content's last commit, or its newest file). Nothing is fetched from
another host: Typst reads only the template and the document tree (``typeset.py``).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from .. import pdfbackend, urls
from ..content import schema
from ..content.model import Library
from ..errors import BuildFailed
from ..messages import _
from ..pdfbackend import Batch, Document, compile_pdf
from . import slides, typeset
from .pdfcache import PdfCache

PDF_OPTIONS: dict[str, Any] = {
    "engine": pdfbackend.ENGINE,
    "pdf_standards": pdfbackend.STANDARDS,  # PDF/UA-1 and PDF/A-2a: language, title required
    "fonts": [str(path) for path in pdfbackend.FONT_DIRS],
}
"""What the PDF cache's keys depend on besides the templates and the document."""


@dataclass(frozen=True)
class Section:
    """One page of a handout: a theme, one role and that role's questions in it."""

    reflection: schema.Reflection
    theme: schema.Theme
    role: schema.Role
    questions: list[str]
    lines: int = 0
    """Ruled lines under each question in the HTML (none: ``print.typ`` draws them)."""

    @property
    def refleks(self) -> bool:
        """Whether any of the page's questions was written for Refleks."""
        return any(getattr(q, "authored_by", None) == "refleks" for q in self.questions)

    @property
    def from_source(self) -> bool:
        """Whether any of the page's questions stands in the source."""
        return any(getattr(q, "authored_by", None) != "refleks" for q in self.questions)


def environment_for(library: Library) -> jinja2.Environment:
    """Handout templates, with the slide macros available as ``slides/...``."""
    return library.context.environment("handouts", prefixed="slides")


def iso_date(stamp: dt.datetime) -> str:
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


class Printer:
    """Renders handout templates to HTML, and that HTML to PDF through the PDF backend."""

    def __init__(self, library: Library, cache: PdfCache | None = None) -> None:
        self.library = library
        self.cache = cache
        self.used: set[str] = set()
        """Cache keys of the PDFs this printer wrote or reused."""
        self.created = iso_date(library.context.date)
        self.env = environment_for(library)
        self.template = library.project.templates / "handouts" / typeset.TEMPLATE

    def html(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(
                library=self.library,
                site=self.library.site,
                created=self.created,
                **context,
            )
        except jinja2.TemplateError as exc:
            raise BuildFailed(
                _(
                    "malen templates/handouts/{template} kunne ikke brukes: {exc}",
                    template=template,
                    exc=exc,
                )
            ) from exc

    def document(self, template: str, name: str, **context: Any) -> Document:
        """The handout template rendered, as the backend's document named ``name``."""
        data = typeset.document_data(self.html(template, **context))
        return Document(name, self.template, self.template.parent, data)

    def cached(self, document: Document) -> bytes | None:
        """The PDF made from the same document before, if the cache has it."""
        if self.cache is None:
            return None
        key = self.cache.key("pdf", document.data)
        self.used.add(key)
        return self.cache.get(key)

    def remember(self, document: Document, pdf: bytes) -> None:
        if self.cache is not None:
            self.cache.put(self.cache.key("pdf", document.data), pdf)

    def pdf(self, template: str, target: Path, **context: Any) -> Path:
        """Lay the template out (or take it from the cache) into ``target``."""
        document = self.document(template, target.name, **context)
        pdf = self.cached(document)
        if pdf is None:
            pdf = compile_pdf(document)
            self.remember(document, pdf)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        return target


class BatchPrinter(Printer):
    """A printer that gives the PDFs it is asked for to worker processes (``batch``) and
    collects them by name: ``pdf`` returns at once, ``files`` waits for them."""

    def __init__(self, library: Library, cache: PdfCache | None, batch: Batch) -> None:
        super().__init__(library, cache)
        self.batch = batch
        self.found: dict[str, bytes] = {}

    def pdf(self, template: str, target: Path, **context: Any) -> Path:
        document = self.document(template, target.as_posix(), **context)
        pdf = self.cached(document)
        if pdf is None:
            self.batch.add(document)
        else:
            self.found[document.name] = pdf
        return target

    def files(self) -> dict[str, bytes]:
        for document, pdf in zip(self.batch.documents, self.batch.results(), strict=True):
            self.remember(document, pdf)
            self.found[document.name] = pdf
        if self.cache is not None:
            self.cache.prune(self.used)
        return dict(sorted(self.found.items()))

    def stop(self) -> None:
        self.batch.stop()


# --------------------------------------------------------------------------- content


def theme_sections(
    library: Library, reflection: schema.Reflection, theme: schema.Theme
) -> list[Section]:
    """A theme handout's pages: one per role with questions, in the roles' order."""
    return [
        Section(reflection, theme, role, theme.questions[role.id])
        for role in library.roles_in_order()
        if theme.questions.get(role.id)
    ]


def role_sections(
    library: Library, role: schema.Role, only: list[tuple[str, str]] | None = None
) -> list[Section]:
    """A role handout's pages: one per theme with questions to the role.

    ``only`` limits it to (reflection id, theme id) pairs, in that order (session kits).
    """
    pairs = only or [(r.id, t.id) for r in library.reflections.values() for t in r.themes]
    sections = []
    for reflection_id, theme_id in pairs:
        reflection = library.reflections[reflection_id]
        theme = next(t for t in reflection.themes if t.id == theme_id)
        if theme.questions.get(role.id):
            sections.append(Section(reflection, theme, role, theme.questions[role.id]))
    return sections


def _sources(library: Library, sections: list[Section]) -> list[schema.Source]:
    found: list[schema.Source] = []
    for s in sections:
        source = library.sources[s.reflection.source]
        if source not in found:
            found.append(source)
    return found


# --------------------------------------------------------------------------- writing


def write_theme_handout(
    printer: Printer, reflection: schema.Reflection, theme: schema.Theme, target: Path
) -> Path:
    sections = theme_sections(printer.library, reflection, theme)
    return printer.pdf(
        "theme.html.j2",
        target,
        reflection=reflection,
        theme=theme,
        sections=sections,
        sources=_sources(printer.library, sections),
    )


def write_role_handout(
    printer: Printer, role: schema.Role, target: Path, only: list[tuple[str, str]] | None = None
) -> Path:
    sections = role_sections(printer.library, role, only)
    return printer.pdf(
        "role.html.j2",
        target,
        role=role,
        sections=sections,
        sources=_sources(printer.library, sections),
    )


def write_deck_pdf(printer: Printer, deck: slides.Deck, target: Path) -> Path:
    site_url = printer.library.site.url

    def href(path: str) -> str | None:
        # relative links mean nothing in a printed PDF: the published address, if known
        return f"{site_url.rstrip('/')}/{path}" if site_url else None

    return printer.pdf("deck.html.j2", target, deck=deck, href=href)


# --------------------------------------------------------------------------- the site's PDFs

# One job per PDF: ("theme", reflection id, theme id), ("deck", reflection id) or
# ("role", role id), with the path in the site last.
Job = tuple[str, ...]


def jobs(library: Library) -> list[Job]:
    """Every PDF of the site, the long ones (role handouts, decks) first so that parallel
    workers finish at about the same time."""
    roles: list[Job] = [
        ("role", role.id, urls.role_handout(role.id))
        for role in library.roles_in_order()
        if library.questions_for_role(role.id)
    ]
    decks: list[Job] = [("deck", r.id, urls.deck_pdf(r.id)) for r in library.reflections.values()]
    themes: list[Job] = [
        ("theme", r.id, t.id, urls.theme_handout(r.id, t.id))
        for r in library.reflections.values()
        for t in r.themes
    ]
    return roles + decks + themes


def run_job(printer: Printer, job: Job) -> Path:
    library = printer.library
    kind, *ids, target = job
    if kind == "role":
        return write_role_handout(printer, library.roles[ids[0]], Path(target))
    reflection = library.reflections[ids[0]]
    if kind == "deck":
        return write_deck_pdf(printer, slides.set_deck(library, reflection), Path(target))
    theme = next(t for t in reflection.themes if t.id == ids[1])
    return write_theme_handout(printer, reflection, theme, Path(target))


def default_jobs() -> int:
    """Worker processes: one per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def files(library: Library) -> dict[str, bytes]:
    """Every handout and deck PDF of the site, by path in the site."""
    return start(library).files()


def start(library: Library, *, workers: int | None = None, use_cache: bool = True) -> BatchPrinter:
    """``files``, begun: the documents are rendered here and laid out by ``workers``
    processes (default: one per CPU) while this process goes on; ``files()`` waits for
    them, ``stop()`` ends them. PDFs whose input has not changed since the last build come
    from the project's cache (``build/cache/pdf/``); the bytes are the same either way."""
    store = (
        PdfCache.for_templates(
            library.project.cache / "pdf",
            library.project.templates / "handouts",
            PDF_OPTIONS,
        )
        if use_cache
        else None
    )
    todo = jobs(library)
    printer = BatchPrinter(library, store, Batch(min(workers or default_jobs(), len(todo))))
    try:
        for job in todo:
            run_job(printer, job)
    except BaseException:
        printer.stop()
        raise
    return printer
