"""``refleks serve``: preview with live reload.

Refleks regenerates the Markdown pages whenever a file under ``content/``, ``templates/`` or
``docs/`` changes and writes only the pages that changed into the folder the site engine's
own development server watches; the engine then rebuilds and reloads the browser. The decks
are made with the pages, the PDFs and documents in the background (``preview.documents``).
Invalid content prints its errors and shows them over the last valid page in the browser
(``preview.overlay``) until it is valid again.
"""

from __future__ import annotations

import errno
import filecmp
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from .. import templating
from ..content.model import Library
from ..content.pipeline import build_library
from ..errors import BuildFailed, ContentInvalid, Problem, Problems, os_message
from ..project import Project
from ..templating import nb_count
from ..writer import atomic_write, write_tree
from . import build as site_build
from . import engine as site_engine
from . import pages
from .preview import documents, overlay, server


def sync_tree(new: Path, live: Path) -> int:
    """Make ``live`` equal to ``new``, touching only files that differ. Returns the count."""
    changed = 0
    for src in new.rglob("*"):
        if src.is_dir():
            continue
        dst = live / src.relative_to(new)
        if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        changed += 1
    for dst in sorted(live.rglob("*"), reverse=True):
        if not (new / dst.relative_to(live)).exists():
            if dst.is_dir():
                shutil.rmtree(dst)
            else:
                dst.unlink()
            changed += 1
    return changed


class Preview:
    """Generates pages for the development server; one regeneration at a time.

    ``pages`` holds the pages, decks and tools' files of the last valid content,
    ``documents`` the PDFs and documents made in the background from it; ``docs``, which
    the engine watches, is both together, each Markdown page with the content errors at
    its top while the content is invalid (``preview.overlay``).
    """

    def __init__(self, project: Project, engine: str | None = None) -> None:
        self.project = project
        self.engine_name = engine
        self.engine: site_engine.Engine | None = None
        self.work = project.build_dir / "serve"
        self.docs = self.work / "docs"
        self.pages = self.work / "pages"
        self.config = self.work / "mkdocs.yml"
        self.documents = documents.Documents(project, self.work / "documents")
        self.overlay: str | None = None
        self.lock = threading.Lock()

    def regenerate(self) -> bool:
        with self.lock:
            try:
                library = build_library(self.project)
            except ContentInvalid as exc:
                self._show_errors(exc.problems)
                return False
            if self.engine is None:  # the engine's server, once started, stays
                self.engine = site_engine.choose(library, self.engine_name)
                self._write_pages(library)
            else:
                try:  # a template being edited: shown like a content error
                    self._write_pages(library)
                except BuildFailed as exc:
                    print(f"refleks: feil: {exc}", file=sys.stderr, flush=True)
                    failed = Problems(items=[Problem("", 0, 0, "", str(exc))])
                    self._show_errors(failed, report=False)
                    return False
            self.overlay = None
            changed = self.publish()
            print(f"Forhåndsvisningen er oppdatert: {_pages_changed(changed)}.", flush=True)
            self.documents.start()
            return True

    def _show_errors(self, problems: Problems, *, report: bool = True) -> None:
        if report:
            print(problems.report(), file=sys.stderr, flush=True)
        if self.engine is None:  # not started yet: nothing to show them over
            print("Forhåndsvisningen er ikke startet.", file=sys.stderr, flush=True)
            return
        self.overlay = overlay.render(self.project.templates, problems.errors)
        self.publish()
        print(
            f"Forhåndsvisningen er ikke oppdatert: {len(problems.errors)} feil vises i "
            "nettleseren til de er rettet.",
            file=sys.stderr,
            flush=True,
        )

    def _write_pages(self, library: Library) -> None:
        """The pages, decks and tools' files of ``library`` into ``pages``; the config."""
        with tempfile.TemporaryDirectory(dir=self.project.root) as tmp:
            fresh = Path(tmp) / "docs"
            nav = pages.build(library, fresh)
            for module in site_build.site_outputs():
                if module not in documents.document_outputs():
                    write_tree(fresh, module.files(library))
            style = fresh / overlay.STYLESHEET_PATH
            style.parent.mkdir(parents=True, exist_ok=True)
            style.write_bytes(overlay.stylesheet(self.project.templates))
            self.pages.mkdir(parents=True, exist_ok=True)
            sync_tree(fresh, self.pages)
            config = site_engine.write_config(
                library,
                self.docs,
                Path(tmp) / "mkdocs.yml",
                self.work / "site",
                nav,
                engine=self.engine,
                folder=self.work,
            )
            _add_stylesheet(config, overlay.STYLESHEET_PATH)
            if not self.config.exists() or config.read_bytes() != self.config.read_bytes():
                shutil.copyfile(config, self.config)

    def documents_finished(self) -> None:
        """Publish the background run's PDFs and documents once it finished."""
        with self.lock:
            done = self.documents.finished()
            if done is None:
                return
            if not done:
                print("PDF-ene i forhåndsvisningen er ikke oppdatert.", file=sys.stderr, flush=True)
                return
            changed = self.publish()
            if changed:
                files = nb_count(len(changed), "fil", "filer")
                print(f"PDF-ene og dokumentene er oppdatert: {files} endret.", flush=True)

    def publish(self) -> list[str]:
        """Make ``docs`` the pages and documents (the errors on each page while there
        are any), touching only files that differ; the paths changed."""
        wanted: dict[str, Path] = {}
        for folder in (self.documents.folder, self.pages):  # a page wins over a document
            if folder.is_dir():
                wanted |= {p.relative_to(folder).as_posix(): p for p in folder.rglob("*")}
        wanted = {rel: path for rel, path in wanted.items() if path.is_file()}
        changed = []
        for rel, source in sorted(wanted.items()):
            data = source.read_bytes()
            if self.overlay is not None and rel.endswith(".md"):
                data = overlay.inject(data.decode("utf-8"), self.overlay).encode()
            target = self.docs / rel
            if _same(target, data):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data)
            changed.append(rel)
        for stale in sorted(self.docs.rglob("*"), reverse=True):
            rel = stale.relative_to(self.docs).as_posix()
            if stale.is_file() and rel not in wanted:
                stale.unlink()
                changed.append(rel)
            elif stale.is_dir() and not any(stale.iterdir()):
                stale.rmdir()
        return changed


def _same(path: Path, data: bytes) -> bool:
    return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data


def _pages_changed(changed: list[str]) -> str:
    count = sum(1 for rel in changed if rel.endswith(".md"))
    if count == 0:
        return "ingen sider endret"
    return f"{nb_count(count, 'side', 'sider')} endret"


def _add_stylesheet(config: Path, stylesheet: str) -> None:
    """The preview's own stylesheet in the engine's config (never in ``refleks build``)."""
    settings = yaml.safe_load(config.read_text("utf-8"))
    settings["extra_css"] = [*settings.get("extra_css", []), stylesheet]
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), "utf-8")


class _Handler(FileSystemEventHandler):
    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.pending = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.pending.set()


def serve(
    project: Project, *, host: str = "127.0.0.1", port: int = 8000, engine: str | None = None
) -> int:
    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt  # SIGTERM stops the engine's server too, as Ctrl+C does

    signal.signal(signal.SIGTERM, stop)
    busy = _port_problem(host, port)
    if busy:
        print(f"refleks: feil: {busy}", file=sys.stderr)
        return 1
    templating.keep_compiled_in(project.cache / "jinja")
    preview = Preview(project, engine)
    if not preview.regenerate():
        return 1
    handler = _Handler(preview)
    observer = PollingObserver(timeout=0.3)
    for folder in (project.content, project.templates, project.docs):
        if folder.is_dir():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    assert preview.engine is not None  # chosen by the first regenerate()
    engine = server.start(preview.engine, preview.config, f"{host}:{port}")
    print(f"Forhåndsvisning på http://{host}:{port}/ (Ctrl+C for å avslutte)", flush=True)
    try:
        while engine.poll() is None:
            if handler.pending.wait(0.2):
                time.sleep(0.1)  # let an editor finish writing
                handler.pending.clear()
                preview.regenerate()
            preview.documents_finished()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        preview.documents.stop()
        engine.terminate()
        engine.wait(10)
    if engine.returncode not in (0, -signal.SIGTERM):
        print(f"refleks: feil: forhåndsvisningen på {host}:{port} stoppet", file=sys.stderr)
        return 1
    return 0


def _port_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen on ``host:port`` (in use, not allowed), or ``None``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return f"finner ikke adressen «{host}»; bruk for eksempel --host 127.0.0.1"
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (
                    f"porten {port} på {host} er allerede i bruk (kjører en forhåndsvisning "
                    "fra før?); avslutt den, eller velg en annen port med --port"
                )
            return f"kan ikke lytte på {host}:{port} ({os_message(exc)})"
    return None
