"""The benchmark's synthetic content is valid Refleks content of the asked size (the benchmark
itself is not part of the test run: ``benchmarks/run``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from refleks.content.pipeline import build_library
from refleks.project import Project

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402


def test_generated_content_is_valid_and_in_proportion(tmp_path: Path) -> None:
    project = generate(tmp_path / "p", 25)
    result = subprocess.run(
        [sys.executable, "-m", "refleks", "--project", str(project), "check", "--strict"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    library = build_library(Project(project))
    assert sum(len(r.themes) for r in library.reflections.values()) == 25
    assert len(library.sources) == 3 and len(library.frameworks) == 6
    assert len(library.roles) == 4
    assert sum(1 for _ in library.questions()) == 25 * 3 * 2
    assert all(len(s.findings) == 10 for s in library.sources.values())


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first, second = generate(tmp_path / "a", 12), generate(tmp_path / "b", 12)
    files = sorted(p.relative_to(first) for p in (first / "content").rglob("*.yaml"))
    assert files == sorted(p.relative_to(second) for p in (second / "content").rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
