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
from ..dates import document_time
from ..errors import BuildFailed
from .pages import html_title

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
        raise BuildFailed(f"mkdocs.yml kunne ikke leses: {exc}") from exc
    # the theme puts these into every page as HTML: escaped like every title
    config["site_name"] = html_title(library.site.title)
    if library.site.description:
        config["site_description"] = html_title(library.site.description)
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


class Running:
    """The engine building a site in the background (``start``); ``wait`` for the result."""

    def __init__(self, process: subprocess.Popen, log: Any) -> None:
        self.process = process
        self.log = log  # a temporary file: a pipe could fill up while nobody reads it

    def wait(self) -> None:
        """Wait for the engine; ``BuildFailed`` with its messages if it failed."""
        try:
            code = self.process.wait()
            self.log.seek(0)
            output = self.log.read().decode("utf-8", "replace").strip()
        finally:
            self.log.close()
        if code != 0:
            raise BuildFailed(
                "nettstedsmotoren (MkDocs) stoppet; ingenting er endret i site/.\n" + output
            )

    def stop(self) -> None:
        """Stop the engine (the build failed elsewhere)."""
        self.process.kill()
        self.process.wait()
        self.log.close()


def start(config: Path, *, quiet: bool = False, root: Path | None = None) -> Running:
    """Start building the site from ``config``, dated by ``dates.document_time(root)``."""
    env = dict(os.environ)
    if root is not None:
        env["SOURCE_DATE_EPOCH"] = str(int(document_time(root).timestamp()))
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Running.wait or .stop
    process = subprocess.Popen(
        [*ENGINE, "--config-file", str(config), *(["--quiet"] if quiet else [])],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    return Running(process, log)
