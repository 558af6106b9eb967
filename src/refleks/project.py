"""Where things are in a Refleks project folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# What Refleks ships (package data, see pyproject.toml): its templates, the site engine's
# settings, theme overrides and style sheet (assets/), and the files of the npm packages the
# outputs copy. In a checkout these are symlinks to the folders at its top; in an installed
# wheel, copies.
SHIPPED = PACKAGE_DIR / "data"
SHIPPED_TEMPLATES = SHIPPED / "templates"


@dataclass(frozen=True)
class Project:
    """Paths of one project: content in, site and documents out."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        """Hand-written pages (never mixed with generated ones)."""
        return self.root / "docs"

    @property
    def templates(self) -> Path:
        """The project's own ``templates/`` if it has one, else the ones Refleks ships."""
        local = self.root / "templates"
        return local if local.is_dir() else SHIPPED_TEMPLATES

    @property
    def node_modules(self) -> Path:
        """The npm files the outputs copy (reveal.js, the search shim, the tools' libraries):
        always Refleks' own, whatever the project folder holds."""
        return SHIPPED / "node_modules"

    @property
    def mkdocs_yml(self) -> Path:
        """The site engine's settings: the project's own, else Refleks' (whose ``custom_dir``
        is the ``overrides/`` shipped beside it)."""
        local = self.root / "mkdocs.yml"
        return local if local.is_file() else SHIPPED / "mkdocs.yml"

    @property
    def build_dir(self) -> Path:
        """Scratch space for generated Markdown and the engine's config."""
        return self.root / "build"

    @property
    def cache(self) -> Path:
        """What a rebuild can reuse (compiled templates, unchanged PDFs); safe to delete."""
        return self.build_dir / "cache"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def out(self) -> Path:
        """Documents with people's names (visits, sessions): never inside site/."""
        return self.root / "out"
