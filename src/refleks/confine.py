"""Every file Refleks reads or writes stays inside the project (or the folder the user named).

A symbolic link that leaves the project, points nowhere or goes round in a loop is an error
that names the link; it is never followed. Only regular files are read: a FIFO named
``x.yaml`` would make a read wait forever, a folder named ``x.yaml`` cannot be read at all.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .messages import _


def inside(path: Path | str, root: Path | str) -> bool:
    """Whether ``path``, every link followed, lies in ``root`` (itself resolved)."""
    target, top = os.path.realpath(path), os.path.realpath(root)
    return target == top or target.startswith(top.rstrip(os.sep) + os.sep)


def link_problem(path: Path, root: Path) -> str | None:
    """Why ``path`` (a file or folder in the project) may not be followed, or ``None``."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _("lenken {name} går i ring", name=path.name)
        if path.is_symlink():
            return _(
                "lenken {name} peker på noe som ikke finnes ({target})",
                name=path.name,
                target=os.readlink(path),
            )
        return None  # missing: the caller says what was expected
    if not inside(path, root):
        shown = os.readlink(path) if path.is_symlink() else os.path.realpath(path)
        return _(
            "{name} peker ut av prosjektet ({shown}); lenken følges ikke",
            name=path.name,
            shown=shown,
        )
    if path.is_symlink() and path.is_dir() and inside(path.parent, path):
        # to a folder it lies in: copying never ends
        return _("lenken {name} går i ring", name=path.name)
    return None


def file_problem(path: Path, root: Path) -> str | None:
    """Why ``path`` cannot be read as a content file, or ``None`` if it can."""
    problem = link_problem(path, root)
    if problem:
        return problem
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _("filen kan ikke leses ({reason})", reason=exc.strerror)
    if stat.S_ISDIR(mode):
        return _("{name} er en mappe, ikke en fil", name=path.name)
    if not stat.S_ISREG(mode):
        return _("{name} er ikke en vanlig fil", name=path.name)
    return None


def links_leaving(folder: Path, root: Path) -> list[tuple[Path, str]]:
    """Every link under ``folder`` that leaves ``root``, loops or points nowhere (not followed)."""
    found: list[tuple[Path, str]] = []
    for top, dirs, files in os.walk(folder):
        for name in sorted([*dirs, *files]):
            path = Path(top) / name
            if path.is_symlink():
                problem = link_problem(path, root)
                if problem:
                    found.append((path, problem))
        dirs[:] = [d for d in dirs if not (Path(top) / d).is_symlink()]
    return found


def refuse_links_leaving(folder: Path, root: Path) -> None:
    """Before writing into ``folder`` (under ``root``): a link on the way there, or in it, that
    leaves the project stops the run (``ContentInvalid``), naming the link."""
    from .errors import ContentInvalid, Problems

    problems = Problems(root)
    current = root
    found: list[tuple[Path, str]] = []
    for part in folder.relative_to(root).parts:
        current = current / part
        problem = link_problem(current, root) if current.is_symlink() else None
        if problem:
            found.append((current, problem))
            break
    if not found and folder.is_dir():
        found = links_leaving(folder, root)
    for path, problem in found:
        problems.add(
            path,
            0,
            0,
            "",
            problem,
            written=problems.rel(path),
            expected=_("en mappe inne i prosjektet, eller en lenke til en"),
            hint=_("fjern lenken, eller bruk en mappe i prosjektet"),
        )
    if problems.errors:
        raise ContentInvalid(problems)
