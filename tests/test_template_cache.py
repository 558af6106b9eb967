"""Compiled templates are kept in build/cache/jinja/ and reused only while the source is
the same."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from refleks import templating


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """A fresh, empty compiled-template store on disk; returns the names compiled."""
    store = templating._CompiledTemplates()  # noqa: SLF001 - a clean store per test
    monkeypatch.setattr(templating, "_COMPILED", store)
    templating.keep_compiled_in(tmp_path / "cache")
    names: list[str] = []
    original = jinja2.Environment.compile

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001, ANN202
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return names


def render(templates: Path) -> str:
    return templating.environment(templates, "pages").get_template("side.md.j2").render(n=3)


def test_a_second_run_compiles_nothing_and_an_edit_compiles_again(
    compiled: list[str], tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    (templates / "pages").mkdir(parents=True)
    page = templates / "pages" / "side.md.j2"
    page.write_text("Tema {{ n }}\n", "utf-8")

    assert render(templates) == "Tema 3\n"
    assert compiled == ["side.md.j2"]
    assert len(list((tmp_path / "cache").glob("*.jinja"))) == 1

    # a new process: the in-memory store is empty, the disk has the compiled template
    templating._COMPILED._store.clear()  # noqa: SLF001
    compiled.clear()
    assert render(templates) == "Tema 3\n"
    assert compiled == []

    page.write_text("Endret tema {{ n }}\n", "utf-8")
    templating._COMPILED._store.clear()  # noqa: SLF001
    assert render(templates) == "Endret tema 3\n"
    assert compiled == ["side.md.j2"]


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    compiled: list[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe", "utf-8")
    templating.keep_compiled_in(blocker / "jinja")
    templates = tmp_path / "templates"
    (templates / "pages").mkdir(parents=True)
    (templates / "pages" / "side.md.j2").write_text("Tema {{ n }}\n", "utf-8")
    assert render(templates) == "Tema 3\n"
    assert compiled == ["side.md.j2"]
