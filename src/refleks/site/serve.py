"""``refleks serve``: preview with live reload.

Refleks regenerates the Markdown pages whenever a file under ``content/``, ``templates/`` or
``docs/`` changes and writes only the pages that changed into the folder the site engine's
own development server watches; the engine then rebuilds and reloads the browser. Invalid
content prints its errors and leaves the preview as it was.
"""

from __future__ import annotations

import errno
import filecmp
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from .. import templating
from ..content.pipeline import build_library
from ..errors import ContentInvalid, os_message
from ..project import Project
from . import engine as site_engine
from . import pages


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
    """Generates pages for the development server; one regeneration at a time."""

    def __init__(self, project: Project, engine: str | None = None) -> None:
        self.project = project
        self.engine_name = engine
        self.engine: site_engine.Engine | None = None
        self.work = project.build_dir / "serve"
        self.docs = self.work / "docs"
        self.config = self.work / "mkdocs.yml"
        self.lock = threading.Lock()

    def regenerate(self) -> bool:
        with self.lock:
            try:
                library = build_library(self.project)
            except ContentInvalid as exc:
                print(exc.problems.report(), file=sys.stderr, flush=True)
                print("Forhåndsvisningen er ikke oppdatert.", file=sys.stderr, flush=True)
                return False
            if self.engine is None:  # the engine's server, once started, stays
                self.engine = site_engine.choose(library, self.engine_name)
            with tempfile.TemporaryDirectory(dir=self.project.root) as tmp:
                fresh = Path(tmp) / "docs"
                nav = pages.build(library, fresh)
                self.docs.mkdir(parents=True, exist_ok=True)
                changed = sync_tree(fresh, self.docs)
                config = site_engine.write_config(
                    library,
                    self.docs,
                    Path(tmp) / "mkdocs.yml",
                    self.work / "site",
                    nav,
                    engine=self.engine,
                    folder=self.work,
                )
                if not self.config.exists() or config.read_bytes() != self.config.read_bytes():
                    shutil.copyfile(config, self.config)
            if changed:
                print(f"Oppdatert: {changed} sider.", flush=True)
            return True


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
    engine = subprocess.Popen(preview.engine.serve_command(preview.config, f"{host}:{port}"))
    print(f"Forhåndsvisning på http://{host}:{port}/ (Ctrl+C for å avslutte)", flush=True)
    try:
        while engine.poll() is None:
            if handler.pending.wait(0.2):
                time.sleep(0.1)  # let an editor finish writing
                handler.pending.clear()
                preview.regenerate()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
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
