"""The site's PDFs: laid out in parallel and reused from the cache, with the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from refleks import pdfbackend, urls
from refleks.content.model import Library
from refleks.content.pipeline import build_library
from refleks.decks import handouts
from refleks.project import Project
from refleks.writer import write_tree

from .test_bad_input import tree_digest
from .test_handouts import pdftotext

EPOCH = "1767225600"
# the cache the first full build of test_a_rebuild_lays_out_only_what_changed filled, so that
# the next test needs no full build of its own to start from a full cache
FILLED: dict[str, Path] = {}
QUESTION = "Hvor får jeg støtte og verktøy til å lede gjennomgangen med et systemperspektiv?"


@pytest.fixture
def copy(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A project of its own (its own build/cache/), with the shipped content."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    root = tmp_path / "prosjekt"
    shutil.copytree(project.content, root / "content")
    return Project(root)


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the PDFs Typst lays out (in this process: use ``workers=1``)."""
    names: list[str] = []
    original = pdfbackend.compile_pdf

    def compile_pdf(document: pdfbackend.Document) -> bytes:
        names.append(Path(document.name).name)
        return original(document)

    monkeypatch.setattr(pdfbackend, "compile_pdf", compile_pdf)
    return names


def build(library: Library, site: Path, workers: int, use_cache: bool = True) -> list[Path]:
    """The site's handouts and deck PDFs written into ``site``, as ``refleks build`` does."""
    written = handouts.start(library, workers=workers, use_cache=use_cache).files()
    return write_tree(site, written)


def test_parallel_workers_and_one_process_give_the_same_bytes_and_no_cache(
    copy: Project, tmp_path: Path, rendered: list[str]
) -> None:
    library = build_library(copy)
    two = build(library, tmp_path / "to", workers=2, use_cache=False)
    assert not (copy.build_dir / "cache").exists()
    rendered.clear()
    one = build(library, tmp_path / "en", workers=1, use_cache=False)
    # without the cache every PDF is laid out and nothing is kept
    assert len(rendered) == len(handouts.jobs(library))
    assert not (copy.build_dir / "cache").exists()
    assert [p.relative_to(tmp_path / "en") for p in one] == [
        p.relative_to(tmp_path / "to") for p in two
    ]
    assert tree_digest(tmp_path / "en") == tree_digest(tmp_path / "to")
    assert len(tree_digest(tmp_path / "en")) == len(handouts.jobs(library)) > 10


def test_a_rebuild_lays_out_only_what_changed(copy: Project, rendered: list[str]) -> None:
    library = build_library(copy)
    first = copy.root / "site-1"
    build(library, first, workers=1)
    total = len(handouts.jobs(library))
    assert len(rendered) == total
    cache = copy.build_dir / "cache" / "pdf"
    assert len(list(cache.glob("*.pdf"))) == total
    FILLED["pdf"] = shutil.copytree(cache, copy.root.parent / "fylt-mellomlager")

    rendered.clear()
    build(library, copy.root / "site-2", workers=1)
    assert rendered == []
    assert tree_digest(copy.root / "site-2") == tree_digest(first)

    reflections = copy.content / "reflections" / "systemperspektiv.yaml"
    text = reflections.read_text("utf-8")
    assert text.count(QUESTION) == 1
    # a question of one's own is no longer the source's words: it says so itself (the
    # theme's other questions stay quoted from the source)
    own = f'{{text: "{QUESTION} Og hvem spør jeg?", authored_by: refleks}}'
    reflections.write_text(text.replace(QUESTION, own), "utf-8")
    changed = build_library(copy)
    third = copy.root / "site-3"
    build(changed, third, workers=1)
    assert sorted(rendered) == sorted(
        Path(p).name
        for p in [
            urls.theme_handout("systemperspektiv", "ledelse"),
            urls.deck_pdf("systemperspektiv"),
            urls.role_handout("leder-gjennomgang"),
        ]
    )
    text = pdftotext(third / urls.theme_handout("systemperspektiv", "ledelse"))
    assert "Og hvem spør jeg?" in text
    # the cache holds this build's PDFs only: the three old versions are gone
    assert len(list(cache.glob("*"))) == total


def test_a_changed_template_lays_out_everything_again(
    copy: Project, project: Project, rendered: list[str]
) -> None:
    shutil.copytree(project.templates, copy.root / "templates")
    library = build_library(copy)
    if "pdf" in FILLED:  # the same content and templates: start from that cache
        shutil.copytree(FILLED["pdf"], copy.build_dir / "cache" / "pdf")
    build(library, copy.root / "site-1", workers=1)
    assert len(list((copy.build_dir / "cache" / "pdf").glob("*.pdf"))) == len(
        handouts.jobs(library)
    )
    rendered.clear()
    layout = copy.templates / "handouts" / "print.typ"
    layout.write_text(layout.read_text("utf-8") + "\n// a changed layout\n", "utf-8")
    build(library, copy.root / "site-2", workers=1)
    assert len(rendered) == len(handouts.jobs(library))
