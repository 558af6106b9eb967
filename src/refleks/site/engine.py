"""The site engine, driven only through its config file and its command line.

Two engines read the same ``mkdocs.yml``: MkDocs with Material (the default) and Zensical,
Material's successor. ``site.yaml``'s ``engine`` (or ``refleks build --engine``) picks one.
What differs between them (command-line flags, where Zensical keeps its cache, the theme
variant) is here; what the site promises holds on both (tests/conftest.py builds both).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content.model import Library
from ..errors import BuildFailed
from ..messages import _
from ..project import Project
from . import engine_warnings
from .pages import html_title


@dataclass(frozen=True)
class Engine:
    """One site engine: its name in ``site.yaml`` and on the command line, and its flags."""

    name: str
    label: str  # in messages
    module: str  # run as ``python -m <module>``
    build_flags: tuple[str, ...]
    quiet_flags: tuple[str, ...]
    serve_flags: tuple[str, ...]
    # the engine's own cache, in the config file's folder; kept in build/cache/ between builds
    cache_dir: str | None = None

    def build_command(self, config: Path, *, quiet: bool = False) -> list[str]:
        """``quiet`` only for a plain engine run to compare with: MkDocs' ``--quiet`` hides
        the warnings ``--strict`` counts, so Refleks' own builds never pass it."""
        quiet_flags = self.quiet_flags if quiet else ()
        command = [sys.executable, "-m", self.module, "build", *self.build_flags]
        return [*command, "--config-file", str(config), *quiet_flags]

    def serve_command(self, config: Path, address: str) -> list[str]:
        command = [sys.executable, "-m", self.module, "serve", *self.serve_flags]
        return [*command, "--config-file", str(config), "--dev-addr", address]


ENGINES = {
    # --clean: MkDocs empties the site folder first
    "mkdocs": Engine(
        "mkdocs", "MkDocs", "mkdocs", ("--strict", "--clean"), ("--quiet",), ("--livereload",)
    ),
    # Zensical's --clean empties its cache instead; it has no --quiet and reloads by itself
    "zensical": Engine(
        "zensical", "Zensical", "zensical", ("--strict",), (), (), cache_dir=".cache"
    ),
}
DEFAULT_ENGINE = "mkdocs"


def engine_argument(value: str) -> str:
    """``--engine``'s type: a known engine's name, else the allowed names in the message."""
    if value not in ENGINES:
        raise argparse.ArgumentTypeError(
            _(
                "ugyldig verdi «{value}»; velg en av: {engines}",
                value=value,
                engines=", ".join(ENGINES),
            )
        )
    return value


def choose(library: Library, name: str | None = None) -> Engine:
    """The engine named on the command line, else the one in ``site.yaml``; it must be
    installed."""
    engine = ENGINES[name or library.site.engine]
    if importlib.util.find_spec(engine.module) is None:
        raise BuildFailed(
            _(
                "nettstedsmotoren {label} er ikke installert; installer den med "
                "pip install 'refleks[{name}]' (./scripts/setup gjør det)",
                label=engine.label,
                name=engine.name,
            )
        )
    return engine


def write_config(
    library: Library,
    docs: Path,
    target: Path,
    site_dir: Path,
    nav: list[Any],
    *,
    engine: Engine | None = None,
    folder: Path | None = None,
) -> Path:
    """The project's ``mkdocs.yml`` plus generated pages, navigation and build folders.

    ``docs`` and ``site_dir`` are written relative to ``folder`` (default: ``target``'s
    folder), where the engine will read the file: Zensical takes no absolute ``docs_dir``.
    """
    project = library.project
    try:
        config = yaml.safe_load(project.mkdocs_yml.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise BuildFailed(_("mkdocs.yml kunne ikke leses: {exc}", exc=exc)) from exc
    folder = folder or target.parent
    # the theme puts these into every page as HTML: escaped like every title
    config["site_name"] = html_title(library.site.title)
    if library.site.description:
        config["site_description"] = html_title(library.site.description)
    if library.site.url:
        config["site_url"] = library.site.url
    config["docs_dir"] = os.path.relpath(docs, folder)
    config["site_dir"] = os.path.relpath(site_dir, folder)
    config["nav"] = nav
    theme = config.setdefault("theme", {})
    theme["language"] = library.site.language  # Material's own words in nb or nn
    _own_words(library, config)
    _headings_as_written(config)
    if isinstance(theme.get("custom_dir"), str):
        # relative to the file that names it: the project's folder or Refleks' own settings
        theme["custom_dir"] = str(project.mkdocs_yml.parent / theme["custom_dir"])
    if engine is not None and engine.name == "zensical":
        # the overrides and the colours checked by axe are Material's classic look
        theme.setdefault("variant", "classic")
    target.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return target


def _own_words(library: Library, config: dict[str, Any]) -> None:
    """The colour toggles, the footer line and the 404 page in the site's language: a text
    of ``mkdocs.yml`` that is the bokmål one in ``templates/pages/labels.yaml`` is swapped
    for its translation (one written differently is left as written)."""
    from .. import catalogues

    templates = library.project.templates
    nb = catalogues.wording(templates, "pages", "nb", "nettsted")["engine"]
    words = catalogues.wording(templates, "pages", library.site.language, "nettsted")["engine"]
    swap = {nb[k]: words[k] for k in ("to_dark", "to_light", "copyright")}
    for entry in config.get("theme", {}).get("palette") or []:
        toggle = entry.get("toggle") if isinstance(entry, dict) else None
        if isinstance(toggle, dict) and toggle.get("name") in swap:
            toggle["name"] = swap[toggle["name"]]
    if config.get("copyright") in swap:
        config["copyright"] = swap[config["copyright"]]
    extra = config.setdefault("extra", {})
    if isinstance(extra, dict):
        extra["refleks_404"] = words["not_found"]
        extra["refleks_statement"] = words["statement"]


def _headings_as_written(config: dict[str, Any]) -> None:
    """Material's ``typeset`` plugin: MkDocs' table of contents copies a heading as plain
    text, which loses a ``<span lang="nb">`` in it (bokmål quoted on a nynorsk page, WCAG
    3.1.2); with the plugin it copies the heading's HTML, as Zensical does by itself (it
    ignores the plugin)."""
    plugins = config.get("plugins")
    if plugins is None:
        config["plugins"] = plugins = ["search"]
    names = {p if isinstance(p, str) else next(iter(p), "") for p in plugins or []}
    if isinstance(plugins, list) and not names & {"typeset", "material/typeset"}:
        plugins.append("typeset")
    elif isinstance(plugins, dict) and not names & {"typeset", "material/typeset"}:
        plugins["typeset"] = {}


ANSI_CODES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
TRACEBACK = re.compile(r"^Traceback \(most recent call last\):\n(?:[ \t].*\n)*", re.M)


def readable(output: str) -> str:
    """The engine's messages without terminal colours (Zensical writes them into a file too)
    and without the engine's own Python traceback: its last line says what happened."""
    return TRACEBACK.sub("", ANSI_CODES.sub("", output))


class Running:
    """The engine building a site in the background (``start``); ``wait`` for the result."""

    def __init__(
        self, process: subprocess.Popen, log: Any, engine: Engine, built: Path, target: Path
    ) -> None:
        self.process = process
        self.engine = engine
        self.log = log  # a temporary file: a pipe could fill up while nobody reads it
        self.built = built  # where the engine writes the site
        self.target = target  # where the build wants it
        self.fold = b""  # appended to Material's lunr.no (templates/search/lunr-fold.js)

    def wait(self) -> Path:
        """Wait for the engine and return the built site; ``BuildFailed`` with the
        engine's messages if it failed."""
        try:
            code = self.process.wait()
            self.log.seek(0)
            output = self.log.read().decode("utf-8", "replace").strip()
        finally:
            self.log.close()
        output = readable(output)
        warnings = engine_warnings.found(output)
        if warnings:
            raise BuildFailed(engine_warnings.message(self.engine.label, warnings))
        if code != 0:
            raise BuildFailed(
                _(
                    "nettstedsmotoren ({label}) stoppet; ingenting er endret i site/.\n{output}",
                    label=self.engine.label,
                    output=output,
                )
            )
        if self.built != self.target:
            shutil.move(self.built, self.target)
        _relative_404(self.target / "404.html")
        _folded_search(self.target, self.fold)
        return self.target

    def stop(self) -> None:
        """Stop the engine (the build failed elsewhere)."""
        self.process.kill()
        self.process.wait()
        self.log.close()


_ROOTED = re.compile(rb'((?:href|src)=")/(?!/)')


_BASE_SCRIPT = (
    '<script>(function(){{var top={folders},p=location.pathname.split("/");'
    "for(var i=0;i<p.length-1;i++)if(top.indexOf(p[i])>=0)"
    "{{document.write('<base href=\"'+p.slice(0,i).join(\"/\")+'/\">');return}}}})()</script>"
)
"""Sets ``<base>`` to the site's top folder before any style sheet loads: the server sends
404.html for ``/refleksjon/kollegastotte/x.html`` too, where ``./assets/...`` would point
into a folder that is not there. The top folder is the one above the last of the site's
own top-level folders first named in the address (the site may sit in a subfolder of the
server)."""


def _relative_404(page: Path) -> None:
    """The page for a missing address is served from any folder, so its links must be
    relative to the site's top folder: Zensical roots its navigation links at ``/`` (the
    site breaks in a subfolder); MkDocs gets the same from ``overrides/404.html``. A
    ``<base>`` set from the address makes them work at any depth."""
    if page.is_file():
        html = page.read_bytes()
        fixed = _ROOTED.sub(rb"\1./", html)
        if b"<base " not in fixed:
            folders = sorted(d.name for d in page.parent.iterdir() if d.is_dir())
            script = _BASE_SCRIPT.format(folders=json.dumps(folders)).encode("utf-8")
            fixed = fixed.replace(b"<head>", b"<head>\n" + script, 1)
        if fixed != html:
            page.write_bytes(fixed)


FOLD_SCRIPT = "lunr-fold.js"
LUNR_NO = "assets/javascripts/lunr/min/lunr.no.min.js"


def _folded_search(site: Path, script: bytes) -> None:
    """Material's search (lunr) finds «kollegastøtte» from «kollegastotte»: the folding
    script runs after lunr's Norwegian support in the search worker (MkDocs only: Zensical
    has no lunr and folds letters itself)."""
    lunr_no = site / LUNR_NO
    if script and lunr_no.is_file():
        text = lunr_no.read_bytes()
        if script not in text:
            lunr_no.write_bytes(text.rstrip(b"\n") + b"\n" + script)


def engine_folder(engine: Engine, work: Path, project: Project) -> Path:
    """Where the engine reads its config and pages and writes the site.

    MkDocs works in the build's own temporary folder. Zensical keys its cache by the
    absolute path of its config file's folder, so it works in ``build/<engine>/`` every
    time; its cache there (``.cache``) is a link to ``build/cache/<engine>/``, which the
    next build finds and ``rm -r build/cache`` clears.
    """
    if engine.cache_dir is None:
        return work
    folder = project.build_dir / engine.name
    for stale in ("docs", "site"):
        shutil.rmtree(folder / stale, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    kept = project.cache / engine.name
    kept.mkdir(parents=True, exist_ok=True)
    link = folder / engine.cache_dir
    if not link.is_symlink() or link.resolve() != kept.resolve():
        if link.is_symlink() or link.is_file():
            link.unlink()
        else:
            shutil.rmtree(link, ignore_errors=True)
        link.symlink_to(kept.resolve(), target_is_directory=True)
    return folder


def start(
    library: Library,
    docs: Path,
    nav: list[Any],
    work: Path,
    *,
    engine: Engine | None = None,
) -> Running:
    """Start building the site from the pages in ``docs`` (moved where the engine wants
    them); ``Running.wait`` puts it in ``work/site``. Dated by the run's ``context.date``.
    Strict whatever the verbosity: the engine runs without ``--quiet``, its output is
    captured, and a warning in it fails the build (``engine_warnings``)."""
    engine = engine or ENGINES[DEFAULT_ENGINE]
    project = library.project
    folder = engine_folder(engine, work, project)
    if folder != work:
        shutil.move(docs, folder / "docs")
    config = write_config(
        library, folder / "docs", folder / "mkdocs.yml", folder / "site", nav, engine=engine
    )
    env = dict(os.environ)
    env["SOURCE_DATE_EPOCH"] = str(int(library.context.date.timestamp()))
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Running.wait or .stop
    process = subprocess.Popen(
        engine.build_command(config),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    running = Running(process, log, engine, folder / "site", work / "site")
    running.fold = (project.templates / "search" / FOLD_SCRIPT).read_bytes()
    return running
