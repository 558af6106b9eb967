"""The site engine (MkDocs with Material today), driven only through its config file and its
command line, so another engine that reads ``mkdocs.yml`` (Zensical) can take its place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError
from ..model import Library

# the command that builds a site from a config file; swap for another engine here
ENGINE = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
SERVE = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]


def write_config(library: Library, docs: Path, target: Path, site_dir: Path,
                 nav: list[Any]) -> Path:
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
    if isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str(project.root / theme["custom_dir"])
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return target


def run(config: Path, *, quiet: bool = False) -> None:
    env = dict(os.environ)
    result = subprocess.run(
        [*ENGINE, "--config-file", str(config), *(["--quiet"] if quiet else [])],
        capture_output=True, text=True, env=env, check=False,
    )
    if result.returncode != 0:
        raise UsageError(
            "nettstedsmotoren (MkDocs) stoppet; ingenting er endret i site/.\n"
            + (result.stderr or result.stdout).strip()
        )
