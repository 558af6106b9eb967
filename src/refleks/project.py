"""Where things are in a Refleks project folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


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
        local = self.root / "templates"
        return local if local.is_dir() else PACKAGE_DIR.parents[1] / "templates"

    @property
    def node_modules(self) -> Path:
        """npm packages (reveal.js, the search shim, axe-core): the project's or Refleks' own."""
        local = self.root / "node_modules"
        return local if local.is_dir() else PACKAGE_DIR.parents[1] / "node_modules"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

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
