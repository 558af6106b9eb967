"""Limits for reading a spreadsheet someone has mailed back (``refleks tiltaksplan status``).

An XLSX file is a zip of XML files. Before openpyxl opens it, the zip's declared sizes and
compression ratios are checked (a zip bomb of 0.4 MB can unpack to hundreds of MB), and its
XML files may not declare a DTD or entities (XXE, "billion laughs"); openpyxl itself parses
through defusedxml. Zip members never unpack to more than their declared size.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 20_000_000
MAX_TOTAL_BYTES = 60_000_000
MAX_RATIO = 200  # an action plan's XML compresses about ten times
MAX_ROWS = 2_000  # an action plan has a handful of rows; a declared million is refused


class Refused(ValueError):
    """The file is not read; the message (Norwegian) says why."""


def check_zip(path: Path) -> None:
    """Raise ``Refused`` for a file too large when unpacked or with DTDs in its XML."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise Refused(f"filen har {len(members)} deler (høyst {MAX_MEMBERS})")
        total = 0
        for info in members:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                raise Refused("filen blir for stor når den pakkes ut (mulig zip-bombe)")
            if ratio > MAX_RATIO and info.file_size > 1_000_000:
                raise Refused("filen er pakket uvanlig tett (mulig zip-bombe)")
        for info in members:
            if info.filename.endswith((".xml", ".rels", ".vml")):
                _check_xml(archive, info)


def _check_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """No ``<!DOCTYPE`` or ``<!ENTITY`` anywhere in the member (in XML text a ``<`` is always
    escaped, so these can only be markup); UTF-16 XML is searched as such too."""
    needles = [
        b"<!DOCTYPE",
        b"<!ENTITY",
        *(n.encode("utf-16-le") for n in ("<!DOCTYPE", "<!ENTITY")),
    ]
    needles += [n.encode("utf-16-be") for n in ("<!DOCTYPE", "<!ENTITY")]
    tail = b""
    with archive.open(info) as member:
        while chunk := member.read(1 << 16):
            window = tail + chunk
            if any(n in window for n in needles):
                raise Refused(
                    f"{info.filename} i filen har en DTD eller egne entiteter, som Refleks ikke "
                    "leser (de kan hente andre filer eller blåse opp teksten)"
                )
            tail = window[-32:]


class TooManyRows(ValueError):
    """The plan's table has more filled rows than a plan can have."""

    def __init__(self, rows: int) -> None:
        super().__init__(f"{rows} rows")
        self.rows = rows


def filled_rows(
    ws: Any, rows: range, columns: range, max_rows: int
) -> Iterator[tuple[int, list[Any]]]:
    """Each row of ``rows`` that has a cell in ``columns``, as (row number, values), in order.
    Only rows that have cells are visited: a declared range of a million rows costs nothing."""
    cells = ws._cells  # noqa: SLF001 - openpyxl's own store of the cells that exist
    filled = sorted({r for (r, c) in cells if r in rows and c in columns})
    if len(filled) > max_rows:
        raise TooManyRows(len(filled))
    for r in filled:
        found = [cells.get((r, c)) for c in columns]
        yield r, [cell.value if cell is not None else None for cell in found]
