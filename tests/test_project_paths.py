"""Where a project's templates, site settings and npm files come from (issue 24): the
project's own when it has them, else the ones shipped in the package, never the checkout's
folders by a path worked out from the package's place (``tests/test_package.py`` installs
the wheel and builds with it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.site import engine

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "refleks"


def test_a_project_with_only_content_uses_what_the_package_ships(tmp_path: Path) -> None:
    project = Project(tmp_path)
    assert project.templates == PACKAGE / "data" / "templates"
    assert project.mkdocs_yml == PACKAGE / "data" / "mkdocs.yml"
    assert project.node_modules == PACKAGE / "data" / "node_modules"
    # in a checkout the shipped folders are links to the ones at its top
    assert project.templates.resolve() == ROOT / "templates"
    assert project.mkdocs_yml.resolve() == ROOT / "mkdocs.yml"
    assert (project.node_modules / "reveal.js" / "dist" / "reveal.js").is_file()


def test_a_project_s_own_templates_and_settings_win(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", "utf-8")
    (tmp_path / "node_modules").mkdir()
    project = Project(tmp_path)
    assert project.templates == tmp_path / "templates"
    assert project.mkdocs_yml == tmp_path / "mkdocs.yml"
    # the npm files are Refleks' own, whatever the project folder holds
    assert project.node_modules == PACKAGE / "data" / "node_modules"


def test_custom_dir_is_found_beside_the_mkdocs_yml_that_names_it(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    library = build_library(Project(tmp_path))
    (tmp_path / "b").mkdir()
    target = engine.write_config(library, tmp_path / "d", tmp_path / "b" / "m.yml", tmp_path, [])
    config = yaml.safe_load(target.read_text("utf-8"))
    assert config["theme"]["custom_dir"] == str(PACKAGE / "data" / "overrides")
    assert Path(config["theme"]["custom_dir"], "main.html").is_file()

    (tmp_path / "mkdocs.yml").write_text("theme: {name: material, custom_dir: eget}\n", "utf-8")
    target = engine.write_config(library, tmp_path / "d", tmp_path / "b" / "m.yml", tmp_path, [])
    config = yaml.safe_load(target.read_text("utf-8"))
    assert config["theme"]["custom_dir"] == str(tmp_path / "eget")
