"""Write generated files without destroying what people changed by hand.

A folder of generated documents (``out/visits/<id>/``) keeps a manifest,
``.refleks-manifest.json``, with the SHA-256 of every file Refleks wrote there. On the next
run a file is *protected* when it exists and either differs from the hash Refleks recorded
(someone edited it) or was never written by Refleks (someone put their own file there, for
example a filled-in minutes document). Protected files are kept unless ``force`` is set; the
caller lists them for the user. Every file is written atomically (temporary file, then
rename), and the manifest last.

Every output hands its files over the same way, as a mapping of path (relative to the
folder, ``/`` between parts) to bytes; ``write_tree`` writes such a mapping into a folder
that Refleks alone fills (the site's build folder), ``write_files`` into one people may edit.
An output too large to hold at once (a year plan of hundreds of visits) hands its files over
one by one instead, as ``(path, bytes)`` pairs, to a ``StreamWriter``: each file is written
(with the same protection) as soon as it comes and can then be released, and each folder's
manifest is written when its files are done.

The site is built whole into a fresh folder that then takes the place of the old one
(``replace_folder``), with the same protection: a file of the old site changed by hand since
Refleks wrote it, or put there by someone else, is carried into the new site instead of
being replaced or deleted. An old site without a manifest (made by a Refleks before 0.2)
is replaced whole, as it always was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".refleks-manifest.json"


@dataclass
class WriteReport:
    """What ``write_files`` did, by file name relative to the folder."""

    folder: Path
    written: list[str] = field(default_factory=list)
    """Files created or replaced."""
    unchanged: list[str] = field(default_factory=list)
    """Files that already had exactly the new content."""
    kept: list[str] = field(default_factory=list)
    """Files changed by hand (or not made by Refleks) that were left as they were."""
    overwritten: list[str] = field(default_factory=list)
    """Files changed by hand that were replaced (or, in a site, removed) because of ``force``."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: Path) -> dict[str, str]:
    """The recorded hashes (file name -> sha256); empty when there is no readable manifest."""
    try:
        data = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {str(k): str(v) for k, v in files.items()}


def hand_edited(folder: Path, names: list[str] | set[str]) -> list[str]:
    """Those of ``names`` that exist in ``folder`` and were not left as Refleks wrote them."""
    manifest = read_manifest(folder)
    edited = []
    for name in sorted(names):
        path = folder / name
        if not path.is_file():
            continue
        if manifest.get(name) != sha256(path.read_bytes()):
            edited.append(name)
    return edited


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".refleks-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tree(folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (relative path -> bytes) into ``folder``, each atomically."""
    written = []
    for name in sorted(files):
        path = folder / name
        atomic_write(path, files[name])
        written.append(path)
    return written


def write_files(folder: Path, files: Mapping[str, bytes], *, force: bool = False) -> WriteReport:
    """Write ``files`` (relative name -> bytes) into ``folder``, protecting hand-edited files."""
    if not files:  # no files: the folder still gets its manifest, as it always did
        _write_manifest(folder, read_manifest(folder))
        return WriteReport(folder)
    writer = StreamWriter(folder, force=force)
    for name in sorted(files):
        writer.write(name, files[name])
    return writer.finish()[0]


class StreamWriter:
    """Writes ``(path, bytes)`` pairs under ``base`` one at a time, as they come, with the
    protection of ``write_files``. The first ``folder_parts`` parts of a path name the folder
    that keeps its manifest (``2`` for ``visits/<id>/brev.pdf``: ``visits/<id>/``); the
    manifest is read when the first file for that folder comes and written by ``flush`` or
    ``finish``.

    ``guard`` is called with each folder before anything is written into it (to refuse a
    folder that is a link leading elsewhere); ``on_report`` with each folder's report when
    its manifest has been written.
    """

    def __init__(
        self,
        base: Path,
        *,
        force: bool = False,
        folder_parts: int = 0,
        guard: Callable[[Path], None] | None = None,
        on_report: Callable[[WriteReport], None] | None = None,
    ) -> None:
        self.base, self.force, self.folder_parts = base, force, folder_parts
        self.guard, self.on_report = guard, on_report
        self._open: dict[Path, tuple[WriteReport, dict[str, str]]] = {}
        self._reports: list[WriteReport] = []

    def write(self, path: str, data: bytes) -> None:
        """Write ``data`` to ``base/path`` now, unless the file there was edited by hand."""
        parts = path.split("/")
        if not 0 <= self.folder_parts < len(parts):
            raise ValueError(f"{path}: not a file {self.folder_parts} folders down")
        folder = self.base.joinpath(*parts[: self.folder_parts])
        name = "/".join(parts[self.folder_parts :])
        target = folder / name
        if folder not in self._open:
            if self.guard is not None:
                self.guard(folder)
            self._open[folder] = (WriteReport(folder), read_manifest(folder))
        report, manifest = self._open[folder]
        edited = target.is_file() and manifest.get(name) != sha256(target.read_bytes())
        if edited and not self.force:
            report.kept.append(name)
        else:
            if target.is_file() and not edited and target.read_bytes() == data:
                report.unchanged.append(name)
            else:
                atomic_write(target, data)
                (report.overwritten if edited else report.written).append(name)
            manifest[name] = sha256(data)

    def flush(self) -> None:
        """Write the manifest of every folder written into since the last flush."""
        for report, manifest in self._open.values():
            _write_manifest(report.folder, manifest)
            self._reports.append(report)
            if self.on_report is not None:
                self.on_report(report)
        self._open.clear()

    def finish(self) -> list[WriteReport]:
        """Flush, and what was done in each folder, in the order the folders were done."""
        self.flush()
        return self._reports


def write_stream(
    base: Path, files: Iterable[tuple[str, bytes]], *, force: bool = False, folder_parts: int = 0
) -> list[WriteReport]:
    """Write the ``(path, bytes)`` pairs of ``files`` under ``base`` as they come."""
    writer = StreamWriter(base, force=force, folder_parts=folder_parts)
    for path, data in files:
        writer.write(path, data)
    return writer.finish()


def _write_manifest(folder: Path, manifest: Mapping[str, str]) -> None:
    body = json.dumps({"files": dict(sorted(manifest.items()))}, indent=2, ensure_ascii=False)
    atomic_write(folder / MANIFEST, (body + "\n").encode("utf-8"))


def _tree(folder: Path) -> dict[str, Path]:
    """Every file and link under ``folder`` by relative name (links are not followed)."""
    if not folder.is_dir() or folder.is_symlink():
        return {}
    return {
        path.relative_to(folder).as_posix(): path
        for path in folder.rglob("*")
        if (path.is_symlink() or path.is_file()) and path.name != MANIFEST
    }


def _made_by_refleks(path: Path, recorded: str | None) -> bool:
    return recorded is not None and not path.is_symlink() and sha256(path.read_bytes()) == recorded


def _copy_into(path: Path, target: Path) -> None:
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.is_symlink() or target.exists():
        target.unlink()  # copying a link onto a file does not replace it ("finnes fra før")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, target, follow_symlinks=False)


def carry_edits(old: Path, new: Path, *, force: bool = False) -> WriteReport:
    """Give ``new`` (a whole fresh build of ``old``) a manifest, and carry into it the files
    of ``old`` that Refleks did not leave as they were. Returns what happened, for ``old``.

    A carried file replaces the newly built one of the same name, unless ``force``; a file
    Refleks once made, changed by hand and no longer built, is kept too, unless ``force``;
    someone's own file that the build does not make is always kept.
    """
    report = WriteReport(old)
    built = _tree(new)
    manifest = {name: sha256(path.read_bytes()) for name, path in built.items()}
    report.written = sorted(built)
    recorded = read_manifest(old) if (old / MANIFEST).is_file() else None
    for name, path in sorted(_tree(old).items()) if recorded is not None else []:
        if _made_by_refleks(path, recorded.get(name)):
            continue
        ours = name in built or name in recorded  # not merely someone's own extra file
        if ours and force:
            report.overwritten.append(name)
            continue
        if ours:
            report.kept.append(name)
            if name in built:
                report.written.remove(name)
            manifest.pop(name, None)
            if name in recorded:
                manifest[name] = recorded[name]
        _copy_into(path, new / name)
    _write_manifest(new, manifest)
    return report


def restore_interrupted(site: Path) -> None:
    """If a build was killed between its two renames, put the previous site back."""
    old = site.with_name(site.name + ".old")
    if old.is_dir() and not site.exists():
        old.rename(site)
    elif old.is_dir():
        shutil.rmtree(old, ignore_errors=True)


def swap_into_place(new: Path, site: Path) -> None:
    """Replace ``site`` with ``new``; if that fails, the old site is put back as it was."""
    old = site.with_name(site.name + ".old")
    had_site = site.exists()
    if had_site:
        site.rename(old)
    try:
        new.rename(site)
    except OSError:
        if had_site:
            old.rename(site)
        raise
    shutil.rmtree(old, ignore_errors=True)


def replace_folder(new: Path, folder: Path, *, force: bool = False) -> WriteReport:
    """Put ``new`` in the place of ``folder`` (two renames), the files of ``folder`` changed by
    hand carried over first (``carry_edits``)."""
    report = carry_edits(folder, new, force=force)
    swap_into_place(new, folder)
    return report
