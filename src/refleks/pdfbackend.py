"""The one PDF backend: every PDF Refleks makes is laid out here, by Typst.

A document is a Typst template, the one folder it may read files from, and its data as one
JSON text (``sys.inputs.data``); templates insert every text from the data as plain text,
so content never becomes Typst markup. Every PDF is PDF/UA-1 and PDF/A-2a at once (Typst
refuses to write one without a title and a language), embeds only the DejaVu fonts, and
has the same bytes for the same data: its only dates come from the data.

The process rule: Typst runs its own threads, and a process forked after they started
inherits a lock it can never take. So PDFs are never laid out in a forked copy of this
process. A ``Batch`` lays out many documents in worker processes started from a clean
``forkserver`` (or ``spawn``) process, whatever ran here before; the workers get the
document data only, and each is replaced after ``TASKS_PER_WORKER`` documents, so Typst's
memo cache (which only grows) cannot hold a worker's memory for a whole build. Every wait
on a worker ends after ``time_limit()`` seconds in a Norwegian error naming the document.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from dataclasses import dataclass
from importlib.metadata import version
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

import typst

from .errors import BuildFailed
from .messages import _

STANDARDS = ["ua-1", "a-2a"]
"""Tagged PDF for assistive technology (PDF/UA-1) that archives accept (PDF/A-2a)."""

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu")]
"""Where the DejaVu fonts are (Debian's fonts-dejavu-core, installed by the set-up)."""

ENGINE = f"typst {version('typst')}"

TIME_LIMIT_VARIABLE = "REFLEKS_PDF_TIME_LIMIT"
DEFAULT_TIME_LIMIT = 600.0
"""Seconds one PDF may take (the longest, a role handout of 1,000 themes on a loaded
two-core machine, takes well under a minute)."""

TASKS_PER_WORKER = 40


@dataclass(frozen=True)
class Document:
    """One PDF to lay out: ``name`` says which in messages (its path in the output)."""

    name: str
    template: Path
    root: Path
    data: str


def time_limit() -> float:
    """Seconds to wait for one PDF: ``REFLEKS_PDF_TIME_LIMIT`` or ``DEFAULT_TIME_LIMIT``."""
    try:
        return float(os.environ[TIME_LIMIT_VARIABLE])
    except (KeyError, ValueError):
        return DEFAULT_TIME_LIMIT


@functools.cache
def _compiler() -> typst.Compiler:
    """One compiler in a process: the fonts are loaded once and reused for every PDF."""
    fonts = [str(path) for path in FONT_DIRS]
    return typst.Compiler(font_paths=fonts, ignore_system_fonts=True)


def _layout(template: str, root: str, data: str) -> bytes:
    return _compiler().compile(
        input=Path(template).read_bytes(),
        root=root,
        format="pdf",
        sys_inputs={"data": data},
        pdf_standards=STANDARDS,
    )


def _work(template: str, root: str, data: str) -> tuple[bytes, str]:
    """In a worker: the PDF, or Typst's message (its exception does not cross processes)."""
    try:
        return _layout(template, root, data), ""
    except typst.TypstError as exc:
        return b"", _message(exc)


def _message(exc: typst.TypstError) -> str:
    return getattr(exc, "message", None) or str(exc)


def compile_pdf(document: Document) -> bytes:
    """Lay ``document`` out in this process."""
    try:
        return _layout(str(document.template), str(document.root), document.data)
    except typst.TypstError as exc:
        raise _failed(document, _message(exc)) from exc


def compile_apart(document: Document) -> bytes:
    """Lay ``document`` out in a worker process of its own, which ends with it: for a large
    document (a year's letters). Typst keeps what it laid out in the process (its memo
    cache), so in this process each such PDF would add its size for the rest of the run."""
    pool = _context().Pool(1, maxtasksperchild=1)
    try:
        args = (str(document.template), str(document.root), document.data)
        return Batch.result(pool.apply_async(_work, args), document, time_limit())
    finally:
        pool.terminate()
        pool.join()


def _failed(document: Document, message: str) -> BuildFailed:
    return BuildFailed(
        _(
            "{document}: PDF-en kunne ikke lages med malen {template}: {message}",
            document=document.name,
            template=document.template.name,
            message=message,
        )
    )


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class Batch:
    """Documents laid out by ``workers`` processes while this process goes on; with one
    worker (or one document), in this process when the results are asked for."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.documents: list[Document] = []
        self._pool: Pool | None = None
        self._pending: list[AsyncResult] = []

    def add(self, document: Document) -> None:
        self.documents.append(document)
        if self.workers > 1:
            if self._pool is None:
                self._pool = _context().Pool(self.workers, maxtasksperchild=TASKS_PER_WORKER)
            args = (str(document.template), str(document.root), document.data)
            self._pending.append(self._pool.apply_async(_work, args))

    def results(self) -> list[bytes]:
        """The PDFs, in the order they were added. A PDF that fails or takes longer than
        ``time_limit()`` stops the batch with an error that names it."""
        if self._pool is None:
            return [compile_pdf(document) for document in self.documents]
        limit = time_limit()
        try:
            return [
                self.result(pending, document, limit)
                for pending, document in zip(self._pending, self.documents, strict=True)
            ]
        finally:
            self.stop()

    @staticmethod
    def result(pending: AsyncResult, document: Document, limit: float) -> bytes:
        """What a worker made of ``document``, waiting at most ``limit`` seconds."""
        try:
            pdf, error = pending.get(timeout=limit)
        except multiprocessing.TimeoutError:
            raise BuildFailed(
                _(
                    "{document}: PDF-en ble ikke ferdig innen {limit:g} sekunder, og "
                    "bygget er stoppet. Prøv igjen; skjer det igjen, meld fra om feilen "
                    "(grensen kan økes med miljøvariabelen {variable}).",
                    document=document.name,
                    limit=limit,
                    variable=TIME_LIMIT_VARIABLE,
                )
            ) from None
        if error:
            raise _failed(document, error)
        return pdf

    def stop(self) -> None:
        """End the workers now (a PDF being laid out is abandoned)."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
