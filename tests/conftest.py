"""Shared fixtures: the project root, the shipped content as a library, a built site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refleks.content.model import Library
from refleks.content.pipeline import build_library
from refleks.project import Project

ROOT = Path(__file__).resolve().parents[1]


def pytest_sessionstart(session: pytest.Session) -> None:
    """With ``CI=true`` every outside program the tests use must be there."""
    from .tools import TOOLS, in_ci, missing_tools

    missing = missing_tools()
    if in_ci() and missing:
        packages = sorted({TOOLS[name] for name in missing})
        pytest.exit(
            f"CI=true, men disse programmene mangler: {', '.join(missing)} "
            f"(Debian-pakker: {', '.join(packages)})",
            returncode=1,
        )


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def library(project: Project) -> Library:
    return build_library(project)


@pytest.fixture(scope="session")
def built_site(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built once per test run into a temporary site folder."""
    from refleks.site.build import build

    site = tmp_path_factory.mktemp("built") / "site"
    build(library, quiet=True, site_dir=site)
    return site


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system's headless Chromium (``tests/browser.py``), one per test module."""
    pytest.importorskip("playwright.sync_api")
    from .browser import launch

    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over http on 127.0.0.1; ends in ``/``."""
    from .browser import serve

    with serve(built_site) as url:
        yield url
