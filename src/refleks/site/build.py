"""``refleks build``: generate pages, run the site engine, add decks and documents, then swap.

Everything is built into a fresh folder next to ``site/``; only when all of it succeeded does
the new folder replace the old one, so a failed or killed build leaves the previous site as
it was. A file of the old site that was changed by hand is carried into the new one, as in
every folder Refleks writes (``writer.replace_folder``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .. import policy, templating
from ..content.model import Library
from ..writer import WriteReport, replace_folder, restore_interrupted, write_tree
from ..writer import swap_into_place as swap_into_place
from . import engine as site_engine
from . import pages


def site_outputs() -> list:
    """The outputs that add files to the built site, in order; each has ``files(library)
    -> dict[str, bytes]`` (path in the site -> content); one that also has ``start(library)``
    is begun before the others and finished last (``start`` returns what has ``files()``
    and ``stop()``).
    Imported here, not at the top: a refused build should not wait for their imports."""
    from ..courses import coursepack, scorm
    from ..decks import handouts, slides
    from ..walkround import blanks
    from . import tools

    # the SCORM packages last: they hold the handouts and course packs laid out before
    return [slides, handouts, coursepack, blanks, tools, scorm]


def build(
    library: Library,
    *,
    quiet: bool = False,
    site_dir: Path | None = None,
    engine: str | None = None,
) -> Path:
    """Build the whole site into ``site_dir`` (default ``site/``) atomically, with the
    ``engine`` named (default: ``site.yaml``'s); files changed by hand are kept."""
    return build_site(library, quiet=quiet, site_dir=site_dir, engine=engine).folder


def build_site(
    library: Library,
    *,
    quiet: bool = False,
    site_dir: Path | None = None,
    engine: str | None = None,
    force: bool = False,
) -> WriteReport:
    """``build``, saying which files changed by hand were kept (or, with ``force``, not)."""
    project = library.project
    chosen = site_engine.choose(library, engine)
    site = site_dir or project.site
    templating.keep_compiled_in(project.cache / "jinja")
    restore_interrupted(site)
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".refleks-", dir=site.parent))
    try:
        docs = work / "docs"
        outputs = site_outputs()
        started: list = []
        try:
            nav = pages.build(library, docs)
            running = site_engine.start(library, docs, nav, work, engine=chosen)
            try:
                # the engine (another process) starts first: it takes longest. Then the
                # PDFs laid out by worker processes begin, while the other outputs are made
                # here; the engine empties its site folder first, so the outputs go apart
                started = [m.start(library) for m in outputs if hasattr(m, "start")]
                for module in outputs:
                    if not hasattr(module, "start"):
                        write_tree(work / "outputs", module.files(library))
                for pending in started:
                    write_tree(work / "outputs", pending.files())
            except BaseException:
                running.stop()
                raise
        except BaseException:
            for pending in started:
                pending.stop()
            raise
        running.wait()
        _move_into(work / "outputs", work / "site")
        policy.apply(work / "site")  # the Content-Security-Policy, once every page is there
        _normalise_permissions(work / "site")
        return replace_folder(work / "site", site, force=force)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _move_into(source: Path, target: Path) -> None:
    """Move every file under ``source`` to the same place under ``target`` (replacing)."""
    if not source.is_dir():
        return
    for path in sorted(source.rglob("*")):
        if path.is_file():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)


def _normalise_permissions(root: Path) -> None:
    # mkdtemp makes 0700 folders; a published site should be readable by the web server
    for path in [root, *root.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
