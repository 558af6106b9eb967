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
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .. import urls
from ..content import schema
from ..content.model import Library
from ..dates import document_time, fixed_time
from ..errors import BuildFailed
from . import slides, typeset
from .pdfcache import PdfCache

PDF_OPTIONS: dict[str, Any] = {
    "engine": typeset.ENGINE,
    "pdf_standards": typeset.PDF_STANDARDS,  # tagged PDF/UA-1: language and title required
    "fonts": [str(path) for path in typeset.FONT_DIRS],
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


def created_date(root: Path | None = None) -> str | None:
    """The date written into the PDFs (``dates.document_time``); without a project, only
    ``SOURCE_DATE_EPOCH``, or none."""
    stamp = document_time(root) if root is not None else fixed_time()
    return iso_date(stamp) if stamp is not None else None


def iso_date(stamp: dt.datetime) -> str:
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


class Printer:
    """Renders handout templates to HTML, and that HTML to PDF through Typst."""

    def __init__(self, library: Library, cache: PdfCache | None = None) -> None:
        self.library = library
        self.cache = cache
        self.used: set[str] = set()
        """Cache keys of the PDFs this printer wrote or reused."""
        self.created = iso_date(library.context.date)
        self.env = environment_for(library)
        self.folder = library.project.templates / "handouts"
        self._typesetter: typeset.Typesetter | None = None

    @property
    def typesetter(self) -> typeset.Typesetter:
        """Made on first use, in the process that uses it (parallel workers each have one)."""
        if self._typesetter is None:
            self._typesetter = typeset.Typesetter(self.folder)
        return self._typesetter

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
                f"malen templates/handouts/{template} kunne ikke brukes: {exc}"
            ) from exc

    def render(self, data: str, target: Path) -> Path:
        """Lay out the document tree ``data`` (``typeset.Typesetter.data``) into ``target``."""
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.typesetter.pdf(data))
        return target

    def cached(self, kind: str, data: str, target: Path) -> tuple[str | None, bool]:
        """The cache key for ``data`` (None without a cache), and whether the cached PDF
        was copied to ``target``."""
        if self.cache is None:
            return None, False
        key = self.cache.key(kind, data)
        self.used.add(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        return key, self.cache.fetch(key, target)

    def remember(self, key: str | None, target: Path) -> None:
        if self.cache is not None and key is not None:
            self.cache.store(key, target)

    def pdf(self, template: str, target: Path, **context: Any) -> Path:
        data = typeset.Typesetter.data(self.html(template, **context))
        key, reused = self.cached("pdf", data, target)
        if not reused:
            self.render(data, target)
            self.remember(key, target)
        return target

    def fitted_pdf(
        self, template: str, target: Path, sections: list[Section], **context: Any
    ) -> Path:
        """Like ``pdf``, with as many ruled lines under each question as its page has room
        (``print.typ`` fills the room left on each page: one layout pass)."""
        return self.pdf(template, target, sections=sections, **context)


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
    return printer.fitted_pdf(
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
    return printer.fitted_pdf(
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
# ("role", role id), with the target path last.
Job = tuple[str, ...]

_worker: Printer | None = None
_library: Library | None = None
_store: PdfCache | None = None


def jobs(library: Library, site_dir: Path) -> list[Job]:
    """Every PDF of the site, the long ones (role handouts, decks) first so that parallel
    workers finish at about the same time."""
    roles: list[Job] = [
        ("role", role.id, str(site_dir / urls.role_handout(role.id)))
        for role in library.roles_in_order()
        if library.questions_for_role(role.id)
    ]
    decks: list[Job] = [
        ("deck", r.id, str(site_dir / urls.deck_pdf(r.id))) for r in library.reflections.values()
    ]
    themes: list[Job] = [
        ("theme", r.id, t.id, str(site_dir / urls.theme_handout(r.id, t.id)))
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


def _run_in_worker(job: Job) -> tuple[str, list[str]]:
    global _worker
    if _worker is None:  # once per worker process, after the fork
        assert _library is not None
        _worker = Printer(_library, _store)
    before = set(_worker.used)
    path = run_job(_worker, job)
    return str(path), sorted(_worker.used - before)


def default_jobs() -> int:
    """Worker processes: one per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def files(library: Library) -> dict[str, bytes]:
    """Every handout and deck PDF of the site, by path in the site (made by ``build`` in a
    folder of the project's cache, then read)."""
    return start(library).files()


def start(library: Library) -> Started:
    """``files``, begun: workers lay the PDFs out while this process goes on (``files()``)."""
    library.project.cache.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=".refleks-", dir=library.project.cache))
    try:
        return Started(root, begin(library, root))
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise


class Started:
    """PDFs being laid out into the folder ``root`` (removed once read, or at ``stop``)."""

    def __init__(self, root: Path, pending: Pending) -> None:
        self.root, self.pending = root, pending

    def files(self) -> dict[str, bytes]:
        try:
            written = self.pending.finish()
            return {p.relative_to(self.root).as_posix(): p.read_bytes() for p in written}
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def stop(self) -> None:
        self.pending.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def build(
    library: Library, site_dir: Path, *, workers: int | None = None, use_cache: bool = True
) -> list[Path]:
    """Write every handout and deck PDF into the built site.

    PDFs whose input has not changed since the last build are copied from the project's
    cache (``build/cache/pdf/``); the rest are laid out by ``workers`` processes (default:
    one per CPU). The bytes are the same whichever way a PDF was made.
    """
    return begin(library, site_dir, workers=workers, use_cache=use_cache).finish()


def begin(
    library: Library, site_dir: Path, *, workers: int | None = None, use_cache: bool = True
) -> Pending:
    """``build``, begun: the workers are forked now (before Typst runs here)."""
    global _library, _store, _worker
    todo = jobs(library, site_dir)
    store = (
        PdfCache.for_templates(
            library.project.cache / "pdf",
            library.project.templates / "handouts",
            PDF_OPTIONS,
        )
        if use_cache
        else None
    )
    count = min(workers or default_jobs(), len(todo))
    # a child forked after Typst ran here would wait for its threads forever (typeset.started)
    fork = "fork" in multiprocessing.get_all_start_methods() and not typeset.started()
    if count <= 1 or not fork:
        return Pending(library, store, todo)
    # forked workers inherit the loaded library; only job tuples cross the pipe. A pool
    # with the fork method forks all its workers at the first submit, here and now.
    _library, _store, _worker = library, store, None
    try:
        pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
        futures = [pool.submit(_run_in_worker, job) for job in todo]
    finally:
        _library = _store = None
    return Pending(library, store, todo, pool, futures)


@dataclass
class Pending:
    """Jobs laid out by a pool of workers (``pool``), or in this process at ``finish``."""

    library: Library
    store: PdfCache | None
    todo: list[Job]
    pool: ProcessPoolExecutor | None = None
    futures: list[Future] = field(default_factory=list)

    def finish(self) -> list[Path]:
        if self.pool is None:
            printer = Printer(self.library, self.store)
            written = [run_job(printer, job) for job in self.todo]
            used = printer.used
        else:
            try:
                results = [future.result() for future in self.futures]
            finally:  # after a failure, no new PDF is begun
                self.pool.shutdown(cancel_futures=True)
            written = [Path(path) for path, _ in results]
            used = {key for _, keys in results for key in keys}
        if self.store is not None:
            self.store.prune(used)
        return written

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
