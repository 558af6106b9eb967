"""The site engine (MkDocs with Material today), driven only through its config file and its
command line, so another engine that reads ``mkdocs.yml`` (Zensical) can take its place."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from ..content.model import Library
from ..errors import UsageError

# the command that builds a site from a config file; swap for another engine here
ENGINE = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
SERVE = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]


def write_config(
    library: Library, docs: Path, target: Path, site_dir: Path, nav: list[Any]
) -> Path:
    """The project's ``mkdocs.yml`` plus generated pages, navigation and build folders."""
    project = library.project
    try:
        config = yaml.safe_load(project.mkdocs_yml.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"mkdocs.yml kunne ikke leses: {exc}") from exc
    config["site_name"] = library.site.title
    if library.site.description:
        config["site_description"] = library.site.description
    if library.site.url:
        config["site_url"] = library.site.url
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site_dir)
    config["nav"] = nav
    theme = config.setdefault("theme", {})
    theme["language"] = library.site.language  # Material's own words in nb or nn
    if isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str(project.root / theme["custom_dir"])
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return target


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


class Running:
    """The engine building a site in the background (``start``); ``wait`` for the result."""

    def __init__(self, process: subprocess.Popen, log: Any) -> None:
        self.process = process
        self.log = log  # a temporary file: a pipe could fill up while nobody reads it

    def wait(self) -> None:
        """Wait for the engine; a ``UsageError`` with its messages if it failed."""
        try:
            code = self.process.wait()
            self.log.seek(0)
            output = self.log.read().decode("utf-8", "replace").strip()
        finally:
            self.log.close()
        if code != 0:
            raise UsageError(
                "nettstedsmotoren (MkDocs) stoppet; ingenting er endret i site/.\n" + output
            )

    def stop(self) -> None:
        """Stop the engine (the build failed elsewhere)."""
        self.process.kill()
        self.process.wait()
        self.log.close()


def start(config: Path, *, quiet: bool = False, root: Path | None = None) -> Running:
    """Start building the site from ``config``; ``root`` (the project) dates it when the user
    has not set ``SOURCE_DATE_EPOCH``."""
    env = dict(os.environ)
    if root is not None and not env.get("SOURCE_DATE_EPOCH"):
        env["SOURCE_DATE_EPOCH"] = source_date_epoch(root)
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Running.wait or .stop
    process = subprocess.Popen(
        [*ENGINE, "--config-file", str(config), *(["--quiet"] if quiet else [])],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    return Running(process, log)
