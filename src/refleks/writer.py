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
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
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
    """Files changed by hand that were replaced because of ``force``."""


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
    report = WriteReport(folder)
    manifest = read_manifest(folder)
    edited = set(hand_edited(folder, set(files)))
    for name in sorted(files):
        data = files[name]
        path = folder / name
        if name in edited and not force:
            report.kept.append(name)
            continue
        if path.is_file() and name not in edited and path.read_bytes() == data:
            report.unchanged.append(name)
        else:
            atomic_write(path, data)
            (report.overwritten if name in edited else report.written).append(name)
        manifest[name] = sha256(data)
    body = json.dumps({"files": dict(sorted(manifest.items()))}, indent=2, ensure_ascii=False)
    atomic_write(folder / MANIFEST, (body + "\n").encode("utf-8"))
    return report
