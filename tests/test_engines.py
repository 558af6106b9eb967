"""The site engine is a setting: MkDocs with Material by default, Zensical when chosen.

The site-level tests (pages, privacy, axe, the HTML checker, keyboard, reproducibility) run
against both engines through the ``engine`` fixture in ``conftest.py``; this file checks what
is about the choice itself: the setting and ``--engine``, each engine's own command line and
messages, the config both can read, Zensical's cache and that both make the same pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from refleks.cli import main
from refleks.content.model import Library
from refleks.content.pipeline import build_library
from refleks.errors import BuildFailed
from refleks.project import Project
from refleks.site import build as build_module
from refleks.site import engine as site_engine

from .conftest import ENGINES, ROOT, SEARCH_INDEX, site_built_by
from .test_bad_input import make_project


def test_mkdocs_is_the_default_and_zensical_can_be_chosen(tmp_path: Path) -> None:
    project = make_project(tmp_path / "prosjekt")
    assert site_engine.choose(build_library(Project(project))).name == "mkdocs"
    site_yaml = project / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text("utf-8") + "engine: zensical\n", "utf-8")
    library = build_library(Project(project))
    assert site_engine.choose(library).name == "zensical"
    assert site_engine.choose(library, "mkdocs").name == "mkdocs"  # --engine wins


def test_an_unknown_engine_on_the_command_line_names_the_option_and_the_choices(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--project", str(ROOT), "build", "--engine", "hugo"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "refleks build: feil: argument --engine: ugyldig verdi «hugo»; velg en av: mkdocs, zensical"
    )


def test_an_engine_that_is_not_installed_says_how_to_install_it(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = site_engine.importlib.util.find_spec
    monkeypatch.setattr(
        site_engine.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "zensical" else real(name, *a),
    )
    with pytest.raises(BuildFailed) as error:
        site_engine.choose(library, "zensical")
    assert str(error.value) == (
        "nettstedsmotoren Zensical er ikke installert; installer den med "
        "pip install 'refleks[zensical]' (./scripts/setup gjør det)"
    )


def test_each_engine_gets_only_the_flags_it_has() -> None:
    config = Path("/p/build/mkdocs.yml")
    mkdocs, zensical = site_engine.ENGINES["mkdocs"], site_engine.ENGINES["zensical"]
    # mkdocs build: --clean empties the site folder; --quiet exists
    assert mkdocs.build_command(config, quiet=True)[1:] == [
        *["-m", "mkdocs", "build", "--strict", "--clean"],
        *["--config-file", "/p/build/mkdocs.yml", "--quiet"],
    ]
    # zensical build: --clean would empty its cache, and there is no --quiet
    assert zensical.build_command(config, quiet=True)[1:] == [
        *["-m", "zensical", "build", "--strict", "--config-file", "/p/build/mkdocs.yml"],
    ]
    assert mkdocs.serve_command(config, "127.0.0.1:8000")[1:] == [
        *["-m", "mkdocs", "serve", "--livereload", "--config-file", "/p/build/mkdocs.yml"],
        *["--dev-addr", "127.0.0.1:8000"],
    ]
    # zensical serve reloads by itself and has no --livereload
    assert zensical.serve_command(config, "127.0.0.1:8000")[1:] == [
        *["-m", "zensical", "serve", "--config-file", "/p/build/mkdocs.yml"],
        *["--dev-addr", "127.0.0.1:8000"],
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_config_has_folders_relative_to_itself(
    library: Library, tmp_path: Path, engine: str
) -> None:
    """Zensical takes no absolute docs_dir; both read folders relative to the config."""
    work = tmp_path / "arbeid"
    (work / "docs").mkdir(parents=True)
    config = site_engine.write_config(
        library,
        work / "docs",
        work / "mkdocs.yml",
        work / "site",
        [],
        engine=site_engine.ENGINES[engine],
    )
    written = yaml.safe_load(config.read_text("utf-8"))
    assert written["docs_dir"] == "docs"
    assert written["site_dir"] == "site"
    assert written["theme"]["variant"] == "classic"


def test_the_toc_copies_headings_as_html(library: Library, tmp_path: Path) -> None:
    """MkDocs' table of contents copies a heading as text, losing a ``<span lang="nb">``
    in it; Material's typeset plugin copies its HTML (Zensical does so by itself)."""
    (tmp_path / "docs").mkdir()
    config = site_engine.write_config(
        library, tmp_path / "docs", tmp_path / "mkdocs.yml", tmp_path / "site", []
    )
    plugins = yaml.safe_load(config.read_text("utf-8"))["plugins"]
    assert plugins[-1] == "typeset"
    assert {"search": {"lang": "no", "pipeline": ["stopWordFilter"]}} in plugins  # kept


def build_without_outputs(
    project: Path, engine: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, str]:
    """Build ``project``'s pages with ``engine`` (no decks or PDFs); the site and the error
    message, if any."""
    monkeypatch.setattr(build_module, "site_outputs", lambda: [])
    try:
        site = build_module.build(build_library(Project(project)), quiet=True, engine=engine)
    except BuildFailed as error:
        return project / "site", str(error)
    return site, ""


@pytest.mark.parametrize(("engine", "label"), [("mkdocs", "MkDocs"), ("zensical", "Zensical")])
def test_an_engine_error_names_that_engine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, label: str
) -> None:
    project = make_project(tmp_path / "prosjekt")
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text("utf-8").replace("  name: material", "  name: finnes-ikke"), "utf-8"
    )
    _, message = build_without_outputs(project, engine, monkeypatch)
    assert message.splitlines()[0] == (
        f"nettstedsmotoren ({label}) stoppet; ingenting er endret i site/."
    )
    assert "finnes-ikke" in message  # the engine's own explanation follows
    assert "\x1b[" not in message and "Traceback" not in message  # no colours, no traceback
    assert not (project / "site").exists()


def test_an_engine_error_exits_1_with_the_engine_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The engine stopping is a failed build (exit 1), not wrong use of the command (2)."""
    project = make_project(tmp_path / "prosjekt")
    mkdocs_yml = project / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text("utf-8").replace("  name: material", "  name: finnes-ikke"), "utf-8"
    )
    monkeypatch.setattr(build_module, "site_outputs", lambda: [])
    code = main(["--project", str(project), "build", "--quiet", "--engine", "zensical"])
    assert code == 1
    assert (
        "refleks: feil: nettstedsmotoren (Zensical) stoppet; ingenting er endret i site/.\n"
        in capsys.readouterr().err
    )


def test_zensical_keeps_its_cache_in_build_between_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "prosjekt")
    # the home page links to the hand-written bruk.md; Zensical's --strict refuses a link
    # to a page that is not there
    shutil.copytree(ROOT / "docs", project / "docs")
    site, message = build_without_outputs(project, "zensical", monkeypatch)
    assert message == ""
    cache = project / "build" / "cache" / "zensical"

    def pages() -> dict[str, int]:
        """Zensical's cached pages (numbered files; its object inventory is rewritten)."""
        return {p.name: p.stat().st_mtime_ns for p in cache.iterdir() if p.name.isdigit()}

    entries = pages()
    assert len(entries) > 5, "Zensical cached its pages in build/cache/zensical"
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")}
    site, message = build_without_outputs(project, "zensical", monkeypatch)
    assert message == ""
    # the second build, from a new temporary folder, reused every entry: none rewritten
    assert pages() == entries
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*.html")} == first
    # rm -r build/cache clears it; the next build makes it again
    shutil.rmtree(project / "build" / "cache")
    site, message = build_without_outputs(project, "zensical", monkeypatch)
    assert message == "" and len(pages()) == len(entries)


def own_files(site: Path, engine: str) -> set[str]:
    """The site's files less the theme's assets and the engine's own extras."""
    extras = {SEARCH_INDEX[engine], SEARCH_INDEX[engine].replace(".js", ".json")}
    extras |= {"sitemap.xml.gz"} if engine == "mkdocs" else set()
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] != "assets"
    } - extras


def page_links(page: Path) -> list[str]:
    """Every link of a page to another page (navigation, content, previous and next), in
    order, without Zensical's ``./`` prefix and the theme's assets."""
    links = re.findall(r'<a [^>]*href="([^"#]+)', page.read_text("utf-8"))
    return [re.sub(r"^\./", "", h) for h in links if "assets/" not in h]


def test_both_engines_make_the_same_pages(
    library: Library, tmp_path_factory: pytest.TempPathFactory
) -> None:
    mkdocs, zensical = (site_built_by(e, library, tmp_path_factory) for e in ENGINES)
    assert own_files(mkdocs, "mkdocs") == own_files(zensical, "zensical")
    assert len(own_files(mkdocs, "mkdocs")) > 50
    # known difference: Zensical names its search index search.js, not search/...
    assert (mkdocs / "search" / "search_index.js").is_file()
    assert (zensical / "search.js").is_file() and not (zensical / "search").exists()
    # the decks, PDFs and blank documents are Refleks's own: the same bytes with either
    # engine, so their own tests check them once (``default_site``)
    own = [f for f in own_files(mkdocs, "mkdocs") if f.startswith(("lysark/", "utskrift/"))]
    own += [f for f in own_files(mkdocs, "mkdocs") if f.endswith((".pdf", ".docx", ".xlsx"))]
    assert len(own) > 20
    different = [f for f in own if (mkdocs / f).read_bytes() != (zensical / f).read_bytes()]
    assert different == []
    pages = ["index.html", "roller/leder-gjennomgang.html", "kilder/ukom-systemperspektiv.html"]
    for page in pages:
        links = page_links(mkdocs / page)
        assert len(links) > 20
        assert page_links(zensical / page) == links, page


BROKEN_LINK_MESSAGES = {
    "mkdocs": "refleks: feil: nettstedsmotoren (MkDocs) ga én advarsel, og advarsler stopper "
    "bygget; ingenting er endret i site/.\n"
    "  advarsel: brutt.md: lenken «finnes-ikke.md» går til en side eller fil som ikke finnes\n",
    # line 3, column 13: where the link's target starts in «Les [denne](finnes-ikke.md).»
    "zensical": "refleks: feil: nettstedsmotoren (Zensical) ga én advarsel, og advarsler stopper "
    "bygget; ingenting er endret i site/.\n"
    "  advarsel: brutt.md:3:13: lenken går til en side som ikke finnes\n",
}


@pytest.mark.parametrize("engine", ENGINES)
def test_a_warning_fails_the_build_even_when_quiet(
    tmp_path: Path, engine: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``mkdocs build --strict --quiet`` exits 0 on a warning; ``refleks build --quiet`` not."""
    project = make_project(tmp_path / "prosjekt")
    (project / "docs").mkdir()
    (project / "docs" / "brutt.md").write_text(
        "# Brutt lenke\n\nLes [denne](finnes-ikke.md).\n", "utf-8"
    )
    code = main(["--project", str(project), "build", "--quiet", "--engine", engine])
    err = capsys.readouterr().err
    assert code == 1
    assert err == BROKEN_LINK_MESSAGES[engine]
    assert not (project / "site").exists()


def test_engine_warnings_are_read_from_either_engines_output() -> None:
    """The engines' own wording (MkDocs 1.6, Zensical 0.0.73), read into Norwegian."""
    from refleks.site import engine_warnings

    mkdocs_output = (
        "INFO    -  Cleaning site directory\n"
        "WARNING -  Doc file 'a/b.md' contains a link '../c.md', but the target 'c.md' is not "
        "found among documentation files.\n"
        "WARNING -  Config value 'x': Unrecognised configuration name: x\n"
        "Aborted with 2 warnings in strict mode!\n"
    )
    assert engine_warnings.found(mkdocs_output) == [
        "a/b.md: lenken «../c.md» går til en side eller fil som ikke finnes",
        "Config value 'x': Unrecognised configuration name: x",
    ]
    zensical_output = (
        "Build started\nWarning: page does not exist\n    ╭─[ index.md:20:40 ]\n    │\n"
        "Warning: something else\n1 issue found\n"
    )
    assert engine_warnings.found(zensical_output) == [
        "index.md:20:40: lenken går til en side som ikke finnes",
        "something else",
    ]
    assert engine_warnings.found("INFO    -  Documentation built in 0.5 seconds\n") == []
