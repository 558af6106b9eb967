"""Shared fixtures: the project root, the shipped content as a library, a built site."""

from __future__ import annotations

from pathlib import Path

import pytest

from refleks.model import Library, build_library
from refleks.project import Project

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def library(project: Project) -> Library:
    return build_library(project)


@pytest.fixture(scope="session")
def built_site(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built once per test run into a temporary site folder."""
    from refleks.build import build

    site = tmp_path_factory.mktemp("built") / "site"
    build(library, quiet=True, site_dir=site)
    return site
