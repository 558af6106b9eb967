"""``refleks build``: generate pages, run the site engine, add decks and documents, then swap.

Everything is built into a fresh folder next to ``site/``; only when all of it succeeded does
the new folder replace the old one, so a failed or killed build leaves the previous site as
it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .. import templating
from ..content.model import Library
from ..writer import write_tree
from . import engine as site_engine
from . import pages


def site_outputs() -> list:
    """The outputs that add files to the built site, in order; each has ``files(library)
    -> dict[str, bytes]`` (path in the site -> content). Imported here, not at the top: they
    load WeasyPrint, which takes a second or two that a refused build should not wait for."""
    from ..courses import coursepack
    from ..decks import handouts, slides
    from ..walkround import blanks
    from . import tools

    return [slides, handouts, coursepack, blanks, tools]


def restore_interrupted(site: Path) -> None:
    """If a build was killed between its two renames, put the previous site back."""
    old = site.with_name(site.name + ".old")
    if old.is_dir() and not site.exists():
        old.rename(site)
    elif old.is_dir():
        shutil.rmtree(old, ignore_errors=True)


def swap_into_place(new: Path, site: Path) -> None:
    """Replace ``site`` with ``new``; if that fails, the old site is put back as it was."""
    old = site.with_name(site.name + ".old")
    had_site = site.exists()
    if had_site:
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if had_site:
            old.rename(site)
        raise
    shutil.rmtree(old, ignore_errors=True)


def build(
    library: Library,
    *,
    quiet: bool = False,
    site_dir: Path | None = None,
    engine: str | None = None,
) -> Path:
    """Build the whole site into ``site_dir`` (default ``site/``) atomically, with the
    ``engine`` named (default: ``site.yaml``'s)."""
    project = library.project
    chosen = site_engine.choose(library, engine)
    site = site_dir or project.site
    templating.keep_compiled_in(project.cache / "jinja")
    restore_interrupted(site)
    site.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".refleks-", dir=site.parent))
    try:
        docs = work / "docs"
        nav = pages.build(library, docs)
        # the engine (another process) and the decks and PDFs work at the same time; the
        # engine empties its site folder first, so the outputs go to their own folder
        running = site_engine.start(library, docs, nav, work, engine=chosen)
        try:
            for module in site_outputs():
                write_tree(work / "outputs", module.files(library))
        except BaseException:
            running.stop()
            raise
        running.wait()
        _move_into(work / "outputs", work / "site")
        _normalise_permissions(work / "site")
        swap_into_place(work / "site", site)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return site


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
