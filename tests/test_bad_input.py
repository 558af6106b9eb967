"""The bad-input corpus: one case per file in tests/bad_input/, the expected message beside it.

Each case goes into a copy of a small valid project whose site is already built. The run (the
command line's ``main``, in this process: the corpus is large and a case needs no process of its
own) must exit non-zero, print exactly the expected Norwegian message, show no traceback, and
leave the previous site/ byte for byte as it was. Update the expected messages after a
deliberate change with ``REFLEKS_UPDATE_GOLDEN=1 ./scripts/test tests/test_bad_input.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from refleks import cli

from .conftest import ROOT

CASES = sorted((ROOT / "tests" / "bad_input").glob("*.yaml"))
UPDATE = os.environ.get("REFLEKS_UPDATE_GOLDEN") == "1"


def make_project(target: Path) -> Path:
    """A copy of the minimal fixture project with the repository's engine settings."""
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", target)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "templates", target / "templates")
    return target


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "refleks", "--project", str(project), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run_here(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``run`` without a new process: what ``refleks`` prints and the code it exits with."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["--project", str(project), *args]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(argv)
        except SystemExit as exit_:  # argparse
            code = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def good_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("good") / "prosjekt")
    result = run(project, "build", "--quiet")
    assert result.returncode == 0, result.stderr
    return project


def apply_case(case: Path, project: Path) -> None:
    first = case.read_bytes().split(b"\n", 1)[0].decode("utf-8-sig")
    directive, _, target = first.lstrip("# ").partition(": ")
    if directive == "slett":
        shutil.rmtree(project / target.strip())
    else:
        assert directive == "fil", f"{case.name}: first line must be '# fil: <path>'"
        dest = project / target.strip()
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case, dest)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_bad_input(case: Path, good_project: Path, tmp_path: Path) -> None:
    project = tmp_path / "prosjekt"
    shutil.copytree(good_project, project)
    before = tree_digest(project / "site")
    apply_case(case, project)

    result = run_here(project, "build", "--strict")

    expected_file = case.with_suffix(".txt")
    if UPDATE and (
        not expected_file.is_file() or expected_file.read_text("utf-8") != result.stderr
    ):
        expected_file.write_text(result.stderr, encoding="utf-8")
        pytest.fail(f"updated {expected_file.name}, review the diff (git diff) and run again")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr == expected_file.read_text(encoding="utf-8")
    assert tree_digest(project / "site") == before, "the previous site/ was changed"
