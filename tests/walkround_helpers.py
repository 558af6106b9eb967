"""Helpers for the walkround kit tests (letters, plans, calendar, CLI); their fixtures
(``kit_dir``, ``wr_library``, ``wr_kit``, ``blank_kit``) are in ``tests/conftest.py``, so
that the kit is made once per test run and not once per module that uses it.

The fixture project ``tests/fixtures/walkround`` has one method and a visit whose names hold
``<b>``, ``&`` and quotes, and whose action plan starts cells with ``=``, ``+``, ``-`` and ``@``.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from refleks.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "walkround"
VISIT = "testvisitt"
TODAY = "2030-01-01"
UNIT = 'Åsheim <b>bo</b> & "omsorg"'
LEADER = "Kari <b>Nordmann</b> & Co"
VISIT_LEADER = 'Åse "Visitt" Lie'


@contextmanager
def env(**values: str) -> Iterator[None]:
    """Set environment variables for the block, then restore them."""
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def copy_project(target: Path, source: Path = FIXTURE) -> Path:
    shutil.copytree(source / "content", target / "content")
    return target


def run_visit(project: Path, *args: str, today: str = TODAY) -> int:
    with env(REFLEKS_TODAY=today):
        return main(["--project", str(project), "visit", VISIT, *args])


def pdf_text(path_or_bytes: Path | bytes, layout: bool = False) -> str:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    args = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    out = subprocess.run(args, input=data, capture_output=True, check=True).stdout
    # a word hyphenated at the end of a line ends in a soft hyphen: join it again
    return re.sub(r"\u00ad\n\s*", "", out.decode("utf-8"))


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces folded to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True)
    return {
        k.strip(): v.strip()
        for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
    }


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    return [line.split() for line in out.stdout.splitlines()[2:]]


def pdf_objects(data: bytes) -> bytes:
    """The PDF's bytes with every Flate stream inflated (object streams hold the catalog)."""
    parts = [data]
    for m in re.finditer(rb"stream\r?\n", data):
        try:
            parts.append(zlib.decompressobj().decompress(data[m.end() :]))
        except zlib.error:
            continue
    return b"\n".join(parts)


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a DOCX, one per line."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    return "\n".join(lines)
