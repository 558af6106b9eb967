"""The one rule for the date every output carries, so that two builds of the same content
give the same bytes: ``SOURCE_DATE_EPOCH`` when the user set it (a whole number of seconds,
anything else is refused), else the time of the project's inputs (``source_date_epoch``)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from .errors import UsageError
from .messages import _


def fixed_time() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time when it is set; a ``UsageError`` when it is not a
    whole number."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            _(
                "SOURCE_DATE_EPOCH må være et heltall (sekunder siden 1970), ikke «{value}»",
                value=value,
            )
        ) from None


def document_time(root: Path) -> dt.datetime:
    """The date of the outputs of the project in ``root``."""
    fixed = fixed_time()
    if fixed is not None:
        return fixed
    return dt.datetime.fromtimestamp(int(source_date_epoch(root)), tz=dt.UTC)


# what the site is made from: its dates follow these, not the clock
DATED_INPUTS = ["content", "docs", "templates", "mkdocs.yml"]


def source_date_epoch(root: Path) -> str:
    """A ``SOURCE_DATE_EPOCH`` for a project whose user has not set one.

    The time of the last git commit that touched the inputs when they have no uncommitted
    changes (the same in every clone), else the newest modification time among the input
    files. The engine dates the sitemap and the gzip header with it, so two builds of the
    same content give the same bytes, whatever the day.
    """
    paths = [name for name in DATED_INPUTS if (root / name).exists()]
    git = ["git", "-C", str(root)]
    try:
        dirty = subprocess.run(
            [*git, "status", "--porcelain", "--", *paths],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
        stamp = subprocess.run(
            [*git, "log", "-1", "--format=%ct", "--", *paths],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
        if not dirty.strip() and stamp.strip().isdigit():
            return stamp.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    newest = 0.0
    for name in paths:
        top = root / name
        for path in [top, *top.rglob("*")] if top.is_dir() else [top]:
            if path.is_file():
                newest = max(newest, path.stat().st_mtime)
    return str(int(newest))
