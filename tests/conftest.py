"""Shared fixtures: the project root, the shipped content as a library, a built site."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refleks.content.model import Library
from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.walkround.kit import Kit

from .walkround_helpers import FIXTURE, VISIT, copy_project, run_visit

ROOT = Path(__file__).resolve().parents[1]


def pytest_sessionstart(session: pytest.Session) -> None:
    """With ``CI=true`` every outside program the tests use must be there. The checkout's
    state is noted, so that a test writing into the repository is caught at the end."""
    from .tools import TOOLS, in_ci, missing_tools

    session.config.stash[_CHECKOUT] = checkout_state()

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
def shipped_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content in a project folder of its own, for tests that run a command
    (``--project``): what the command writes, its cache in ``build/`` included, goes there
    and not into the checkout."""
    root = tmp_path_factory.mktemp("levert") / "prosjekt"
    shutil.copytree(ROOT / "content", root / "content")
    return root


@pytest.fixture(scope="session")
def library(project: Project) -> Library:
    return build_library(project)


# every site-level test runs against each site engine (issue 15)
ENGINES = ["mkdocs", "zensical"]
# where each engine writes the search index: the same site otherwise
SEARCH_INDEX = {"mkdocs": "search/search_index.js", "zensical": "search.js"}


def loaded_search_index(requests: list[str], engine: str) -> bool:
    """Whether ``requests`` include the search index (``.js`` from disk, ``.json`` over http)."""
    stem = "/" + SEARCH_INDEX[engine].removesuffix(".js")
    return any(u.split("?")[0].endswith((stem + ".js", stem + ".json")) for u in requests)


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The site engine a site-level test runs against: each test runs once per engine."""
    return request.param


_SITES: dict[str, Path] = {}
_EPOCH: dict[str, str] = {}


def site_built_by(engine: str, library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built by ``engine``, once per test run, into a temporary folder.

    Both builds get the same date (the first one's), also when a file is edited in between,
    so that what Refleks makes by itself is the same bytes with both engines."""
    if engine not in _SITES:
        from refleks.dates import source_date_epoch
        from refleks.site.build import build

        site = tmp_path_factory.mktemp(f"built-{engine}") / "site"
        epoch = os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch(ROOT)
        _EPOCH.setdefault("value", epoch)
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", _EPOCH["value"])
            build(library, quiet=True, site_dir=site, engine=engine)
        _SITES[engine] = site
    return _SITES[engine]


@pytest.fixture(scope="session")
def built_site(library: Library, engine: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content built by ``engine`` (each site-level test runs once per engine)."""
    return site_built_by(engine, library, tmp_path_factory)


@pytest.fixture(scope="session")
def default_site(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built by the default engine (MkDocs), for tests of what Refleks makes by
    itself (decks, PDFs): the same bytes with either engine (tests/test_engines.py)."""
    return site_built_by("mkdocs", library, tmp_path_factory)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system's headless Chromium (``tests/browser.py``), one per test module."""
    from .browser import launch
    from .tools import require_module

    require_module("playwright.sync_api")

    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over http on 127.0.0.1; ends in ``/``."""
    from .browser import serve

    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def default_base_url(default_site: Path) -> Iterator[str]:
    """``default_site`` served over http on 127.0.0.1; ends in ``/``."""
    from .browser import serve

    with serve(default_site) as url:
        yield url


# --------------------------------------------------------------------------- walkround kits
# Here and not in tests/walkround_helpers.py: a fixture imported into several test modules is
# a separate fixture in each of them, so a "session" kit was made once per module.


@pytest.fixture(scope="session")
def kit_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture visit's kit, built once with ``refleks visit``."""
    project = copy_project(tmp_path_factory.mktemp("walkround"))
    assert run_visit(project) == 0
    return project / "out" / "visits" / VISIT


@pytest.fixture(scope="session")
def wr_library() -> Library:
    return build_library(Project(FIXTURE))


@pytest.fixture
def wr_kit(wr_library: Library) -> Kit:
    visit = wr_library.visits[VISIT]
    return Kit(wr_library, wr_library.methods[visit.method], visit)


@pytest.fixture
def blank_kit(wr_library: Library) -> Kit:
    return Kit(wr_library, wr_library.methods["pasientsikkerhetsvisitt"])


# --------------------------------------------------------------------------- measurements
# The accessibility tests' results, for the statement the build writes (tests/measurements.py).


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed or (report.when == "call" and report.passed):
        from . import measurements

        measurements.module_outcome(Path(report.fspath).name, not report.failed)


def pytest_sessionfinish(session: pytest.Session) -> None:
    from . import measurements

    measurements.write()
    before = session.config.stash.get(_CHECKOUT, None)
    changed = sorted(before ^ checkout_state()) if before is not None else []
    if changed:  # a test wrote into (or removed from) the checkout instead of a tmp folder
        from .tools import in_ci

        print("\nTestene har endret i repositoriet:\n  " + "\n  ".join(changed))
        if in_ci():  # elsewhere it may be the developer, editing while the tests run
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --------------------------------------------------------------------------- the checkout
# Tests write into temporary folders only; with CI=true a run that changed the checkout fails
# (elsewhere it only says so: the change may be the developer's own edit). Left out: build/,
# Refleks's own cache and work folder (the PDF cache the site fixtures share, the
# accessibility measurements), and the tools' caches.
_CHECKOUT = pytest.StashKey[set]()
_OWN = (".pytest_cache", ".ruff_cache", ".import_linter_cache", "build")


def checkout_state() -> set[str]:
    """The top-level names of the checkout and what ``git status`` says about the rest
    (changed, untracked and ignored files; folders git does not know as one line)."""
    names = {p.name for p in ROOT.iterdir() if p.name not in _OWN}
    try:
        status = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--ignored"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return names  # not a git checkout (an unpacked release): the names still count
    lines = {
        line
        for line in status.splitlines()
        if line[3:].split("/")[0] not in _OWN and "__pycache__" not in line
    }
    return names | lines
