"""Refleks installed from its wheel works outside the checkout (issue 24).

The wheel is built once from a copy of the checkout (so the build writes nothing into it),
installed with its dependencies into a fresh virtual environment in a temporary folder (from
the package index pip is configured with), and builds the shipped example project from a
folder holding only ``content/``. The templates, the site engine's settings, the theme
overrides, the style sheet and the npm files then all come from the installed package.
Nothing here skips: a missing file fails the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow

# what the wheel is built from; node_modules is linked, its few needed files go in the wheel
SOURCE_FILES = ["pyproject.toml", "LICENSE", "mkdocs.yml"]
SOURCE_FOLDERS = ["src", "templates", "overrides", "docs"]
# what an author's project folder needs: no docs/, templates/, mkdocs.yml or overrides/
PROJECT_FOLDERS = ["content"]
# the npm files the outputs copy (decks/reveal.py, site/pages.py, site/tools.py)
NPM_FILES = [
    "reveal.js/dist/reset.css",
    "reveal.js/dist/reveal.css",
    "reveal.js/dist/reveal.js",
    "reveal.js/dist/plugin/notes.js",
    "reveal.js/LICENSE",
    "iframe-worker/shim/index.js",
    "js-yaml/dist/js-yaml.min.js",
    "js-yaml/LICENSE",
    "docx/dist/index.iife.js",
    "docx/LICENSE",
]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def outside_env() -> dict[str, str]:
    """The environment without anything that could point Python back into the checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(str(ROOT))
    )
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in SOURCE_FILES:
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in SOURCE_FOLDERS:
        # symlinks=True: src/refleks/data/ stays links to the copied folders beside it
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=ignore)
    (source / "node_modules").symlink_to(ROOT / "node_modules")
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", ".", "-w", work, cwd=source)
    (built,) = work.glob("refleks-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies (MkDocs, the default
    site engine, included)."""
    folder = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", folder, cwd=folder.parent)
    python = folder / "bin" / "python"
    run(python, "-m", "pip", "install", "-q", f"{wheel}[mkdocs]", cwd=folder.parent)
    return folder


# one date for both builds, so the site from the wheel and from the checkout can be compared
EPOCH = "1767225600"  # 2026-01-01


def author_project(folder: Path) -> Path:
    """A copy of the shipped example's content, the one folder a project needs."""
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def built(venv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped example project built by the installed ``refleks``."""
    project = author_project(tmp_path_factory.mktemp("project"))
    env = outside_env() | {"SOURCE_DATE_EPOCH": EPOCH}
    run(venv / "bin" / "refleks", "build", "--quiet", cwd=project, env=env)
    return project / "site"


def installed_package(venv: Path) -> Path:
    code = "import refleks, pathlib; print(pathlib.Path(refleks.__file__).parent)"
    return Path(run(venv / "bin" / "python", "-c", code, cwd=venv, env=outside_env()).strip())


def test_the_wheel_holds_the_templates_the_settings_and_the_npm_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "refleks/data/mkdocs.yml",
        "refleks/data/assets/refleks.css",
        "refleks/data/overrides/main.html",
        "refleks/data/templates/pages/labels.yaml",
        "refleks/data/templates/locale/nn/LC_MESSAGES/nettsted.po",
        "refleks/data/templates/handouts/print.typ",
        "refleks/data/templates/actionplans/tiltaksplan.docx",
        "refleks/data/templates/minutes/referat.docx",
        *(f"refleks/data/node_modules/{name}" for name in NPM_FILES),
    }
    assert shipped - names == set()
    templates = {
        f"refleks/data/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
        for p in (ROOT / "templates").rglob("*")
        if p.is_file()
    }
    assert templates - names == set()
    # only the files the outputs copy, not the whole of node_modules
    npm = {n for n in names if n.startswith("refleks/data/node_modules/")}
    assert npm - {f"refleks/data/node_modules/{name}" for name in NPM_FILES} == {
        "refleks/data/node_modules/iframe-worker/LICENSE"
    }


def test_the_installed_package_points_nowhere_into_the_checkout(venv: Path) -> None:
    package = installed_package(venv)
    assert package.is_relative_to(venv)
    links = [p for p in package.rglob("*") if p.is_symlink()]
    assert links == []
    site_packages = package.parent
    pointing = [
        p.name for p in site_packages.glob("*.pth") if str(ROOT) in p.read_text("utf-8", "replace")
    ]
    assert pointing == []
    assert (package / "data" / "templates" / "pages").is_dir()


def test_the_installed_refleks_builds_the_example_project(built: Path) -> None:
    reflections = sorted(p.stem for p in (ROOT / "content" / "reflections").glob("*.yaml"))
    assert reflections == ["kollegastotte", "systemperspektiv"]
    expected = [
        "index.html",
        "404.html",
        "assets/refleks.css",  # the style sheet mkdocs.yml names, shipped in the wheel
        "assets/iframe-worker/shim.js",
        "lysark/reveal/reveal.js",
        "lysark/reveal/notes.js",
        "verktoy/data.js",
        "verktoy/vendor/docx.js",
        "verktoy/vendor/js-yaml.min.js",
        "visitt/blanko/invitasjonsbrev.pdf",
        "visitt/blanko/tiltaksplan.pdf",
        *(f"lysark/sett-{r}.html" for r in reflections),
        *(f"utskrift/lysark-{r}.pdf" for r in reflections),
        *(f"utskrift/kurs-{r}.pdf" for r in reflections),
    ]
    missing = [name for name in expected if not (built / name).is_file()]
    assert missing == []
    for name in expected:
        if name.endswith(".pdf"):
            assert (built / name).read_bytes().startswith(b"%PDF-"), name
    css = (ROOT / "docs" / "assets" / "refleks.css").read_bytes()
    assert (built / "assets" / "refleks.css").read_bytes() == css
    # the theme overrides shipped in the wheel: the script that makes wide tables reachable
    assert "md-typeset__scrollwrap" in (built / "index.html").read_text("utf-8")
    # reveal.js with its texts in Norwegian (templates/slides/reveal-nb.yaml)
    shipped = (ROOT / "node_modules" / "reveal.js" / "dist" / "reveal.js").read_bytes()
    assert (built / "lysark" / "reveal" / "reveal.js").read_bytes() != shipped


def test_the_installed_refleks_makes_the_same_site_as_the_checkout(
    built: Path, tmp_path: Path
) -> None:
    project = author_project(tmp_path / "project")
    env = os.environ | {"SOURCE_DATE_EPOCH": EPOCH}
    run(sys.executable, "-m", "refleks", "build", "--quiet", cwd=project, env=env)
    ours = project / "site"

    def files(site: Path) -> dict[str, bytes]:
        return {
            p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()
        }

    wheel, checkout = files(built), files(ours)
    assert sorted(wheel) == sorted(checkout)
    assert len(checkout) > 100
    assert [name for name in checkout if wheel[name] != checkout[name]] == []
