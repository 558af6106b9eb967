"""Golden test of the generated Markdown: the small fixture project renders to exactly the
tree in tests/golden/pages/. After a deliberate change, update it with
``REFLEKS_UPDATE_GOLDEN=1 ./scripts/test tests/test_golden_pages.py``: it writes the
files and fails; review the diff, then run the test again without the variable."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.site import pages

from .conftest import ROOT
from .test_bad_input import make_project

GOLDEN = ROOT / "tests" / "golden" / "pages"


def md_tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8") for p in sorted(root.rglob("*.md"))
    }


def test_generated_markdown_matches_golden(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")  # the statement's date (2030-03-17)
    project = Project(make_project(tmp_path / "prosjekt"))
    shutil.rmtree(project.docs, ignore_errors=True)  # only generated pages in the golden tree
    docs = tmp_path / "docs"
    nav = pages.build(build_library(project), docs)
    (docs / "nav.md").write_text(repr(nav) + "\n", encoding="utf-8")
    got, want = md_tree(docs), md_tree(GOLDEN)
    if os.environ.get("REFLEKS_UPDATE_GOLDEN") == "1" and got != want:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in got.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
        pytest.fail(f"updated {GOLDEN}, review the diff (git diff) and run the test again")
    assert sorted(got) == sorted(want)
    for rel in want:
        assert got[rel] == want[rel], f"{rel} differs from the golden file"
