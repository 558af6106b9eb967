"""A cache of rendered PDFs, so that a rebuild only lays out the handouts that changed.

Laying out pages is most of a build's work; the same document and templates always give the
same bytes (the builds are reproducible), so a PDF made from identical input can be reused.
The key is a SHA-256 of everything the PDF depends on: the document tree given to Typst
(which holds the content and the creation date), the handout templates, and the PDF options
(which name the Typst version and the font folders). The font files are not part of the
key: after changing the fonts, delete ``build/cache/`` (or pass a fresh project).

Entries live in ``build/cache/pdf/<key>.pdf``. Each is written to a temporary file and
renamed, so parallel workers and killed builds never leave half a PDF in the cache. After a
successful build, entries the build did not use are removed, so the cache holds one site's
worth of PDFs and no more.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..writer import atomic_write


class PdfCache:
    """Rendered PDFs by the SHA-256 of their inputs."""

    def __init__(self, folder: Path, salt: bytes) -> None:
        self.folder = folder
        self.salt = salt
        """Bytes shared by every key of this build (templates, stylesheet, options)."""

    @classmethod
    def for_templates(cls, folder: Path, templates: Path, options: object) -> PdfCache:
        """A cache whose keys change when any file under ``templates`` or the PDF options
        (with the layout engine's version) change."""
        digest = hashlib.sha256()
        digest.update(f"{options!r}\n".encode())
        for path in sorted(p for p in templates.rglob("*") if p.is_file()):
            digest.update(path.relative_to(templates).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return cls(folder, digest.digest())

    def key(self, *parts: str) -> str:
        digest = hashlib.sha256(self.salt)
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        """The cached PDF for ``key``, or None when there is none."""
        try:
            return self.path(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, pdf: bytes) -> None:
        """Keep ``pdf`` under ``key`` (atomically; a failure only costs speed)."""
        with contextlib.suppress(OSError):
            atomic_write(self.path(key), pdf)

    def prune(self, used: Iterable[str]) -> None:
        """Remove every entry (and stray temporary file) not in ``used``."""
        keep = {f"{key}.pdf" for key in used}
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.name not in keep:
                path.unlink(missing_ok=True)
