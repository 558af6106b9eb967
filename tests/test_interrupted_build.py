"""A build killed with SIGKILL at any moment leaves the previous site/ intact.

``refleks build`` builds into a fresh folder and swaps it into place with two renames; a kill
between the renames leaves ``site.old`` that the next build (``restore_interrupted``) puts
back. These tests kill real builds (the whole process group: Refleks and the engine it runs)
in several phases, each recognised on disk rather than guessed from the clock, so a quick
build cannot end before the kill and pass without one; the in-between states of the swap are
checked directly.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from refleks.site.build import restore_interrupted, swap_into_place

from .test_bad_input import make_project, tree_digest

pytestmark = pytest.mark.slow

PHASES: dict[str, Callable[[Path], bool]] = {
    # at once: Python is still starting and loading the content
    "start-up": lambda project: True,
    # the build's work folder has its Markdown pages: the pages are being made
    "pages": lambda project: any(project.glob(".refleks-*/docs/*")),
    # Refleks's own outputs (decks, PDFs, tools) are being written beside the engine
    "outputs": lambda project: any(project.glob(".refleks-*/outputs/*")),
    # the engine has written pages of the new site: the swap is near
    "engine": lambda project: any(project.glob(".refleks-*/site/*")),
}


def wait_for_phase(build: subprocess.Popen, project: Path, phase: str) -> None:
    """Return once ``phase`` is seen; fail when the build ends first (nothing to kill)."""
    deadline = time.monotonic() + 300
    while not PHASES[phase](project):
        assert build.poll() is None, f"the build ended before the phase «{phase}»"
        assert time.monotonic() < deadline, f"the phase «{phase}» never came"
        time.sleep(0.01)  # polling for the condition, not a guess of how long it takes


def start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "refleks", "--project", str(project), "build", "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.fixture(scope="module")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("drept") / "prosjekt")
    started = start_build(project)
    _, err = started.communicate(timeout=300)
    assert started.returncode == 0, err.decode()
    return project


def change_content(project: Path) -> None:
    """An edit, so that a build that did finish would make a different site."""
    sett = project / "content" / "reflections" / "sett.yaml"
    sett.write_text(
        sett.read_text("utf-8").replace("Et refleksjonssett", "Et endret sett"), "utf-8"
    )


@pytest.mark.parametrize("phase", PHASES)
def test_sigkill_leaves_the_previous_site(built_project: Path, tmp_path: Path, phase: str) -> None:
    project = tmp_path / "prosjekt"
    shutil.copytree(built_project, project, symlinks=True)
    site = project / "site"
    before = tree_digest(site)
    change_content(project)

    build = start_build(project)
    wait_for_phase(build, project, phase)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    assert build.returncode == -signal.SIGKILL
    if not site.exists():  # killed between the two renames
        assert site.with_name("site.old").is_dir()
        restore_interrupted(site)
    after_kill = tree_digest(site)

    # the next build puts everything right and succeeds
    again = start_build(project)
    _, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert "Et endret sett" in (site / "refleksjon" / "sett" / "index.html").read_text()
    assert not site.with_name("site.old").exists()
    # the old site or, when the kill came after the swap, the whole new one (builds are
    # reproducible, so it equals the one just made): never a mixture
    assert after_kill in (before, tree_digest(site)), f"killed in phase {phase}: mixed site/"
    assert before != tree_digest(site)


def make_site(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(text, "utf-8")
    return folder


def test_kill_between_the_renames_is_undone_by_the_next_build(tmp_path: Path) -> None:
    """First rename done (site -> site.old), second not: the old site comes back."""
    make_site(tmp_path / "site.old", "forrige")
    restore_interrupted(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "forrige"
    assert not (tmp_path / "site.old").exists()


def test_kill_after_the_renames_keeps_the_new_site(tmp_path: Path) -> None:
    """Both renames done, the old copy not yet removed: the new site stays."""
    make_site(tmp_path / "site.old", "forrige")
    make_site(tmp_path / "site", "ny")
    restore_interrupted(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text() == "ny"
    assert not (tmp_path / "site.old").exists()


def test_swap_replaces_the_site_whole(tmp_path: Path) -> None:
    make_site(tmp_path / "site", "forrige")
    (tmp_path / "site" / "gammel.html").write_text("bort", "utf-8")
    swap_into_place(make_site(tmp_path / "ny", "ny"), tmp_path / "site")
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["index.html"]
    assert not (tmp_path / "site.old").exists()
