"""Hostile variants of a filled-in ``tiltaksplan.xlsx``: each rewrites members of the zip."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

Edit = Callable[[dict[str, bytes]], None]


def rewrite(source: Path, target: Path, edit: Edit) -> Path:
    """Copy the XLSX ``source`` to ``target`` with ``edit`` applied to its members."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    edit(members)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def _sheet_with_table(members: dict[str, bytes]) -> str:
    return next(
        n for n, d in members.items() if n.startswith("xl/worksheets/sheet") and b"tablePart" in d
    )


def huge_range(members: dict[str, bytes]) -> None:
    """The table and the sheet declare a million rows; one cell sits at the last row."""
    table = next(n for n in members if n.startswith("xl/tables/"))
    members[table] = re.sub(
        rb'ref="([A-Z]+\d+):([A-Z]+)\d+"', rb'ref="\g<1>:\g<2>1048576"', members[table]
    )
    sheet = _sheet_with_table(members)
    members[sheet] = re.sub(
        rb'<dimension ref="[^"]*"', b'<dimension ref="A1:G1048576"', members[sheet]
    )


def many_rows(members: dict[str, bytes]) -> None:
    """Ten thousand filled rows inside a declared range of a million."""
    huge_range(members)
    sheet = _sheet_with_table(members)
    rows = b"".join(
        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
        for r in range(100, 10100)
    )
    members[sheet] = members[sheet].replace(b"</sheetData>", rows + b"</sheetData>")


def zip_bomb(members: dict[str, bytes]) -> None:
    """A member that unpacks to 300 MB of spaces."""
    members["xl/media/bombe.xml"] = b" " * 300_000_000


def _with_doctype(members: dict[str, bytes], doctype: bytes, entity: bytes) -> None:
    sheet = _sheet_with_table(members)
    data = doctype + members[sheet]
    members[sheet] = data.replace(b"<t>", b"<t>" + entity, 1)


def xxe(members: dict[str, bytes]) -> None:
    _with_doctype(members, b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b"&x;")


def billion_laughs(members: dict[str, bytes]) -> None:
    levels = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
    )
    _with_doctype(members, b"<!DOCTYPE w [" + levels + b"]>", b"&l9;")


def xxe_in_workbook(members: dict[str, bytes]) -> None:
    """The DTD in another part of the file, after a long comment."""
    name = "xl/workbook.xml"
    members[name] = (
        b"<?xml version='1.0'?><!--" + b"-" * 5000 + b"-->"
        b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + members[name]
    )


HOSTILE: dict[str, Edit] = {
    "stort område": huge_range,
    "mange rader": many_rows,
    "zip-bombe": zip_bomb,
    "XXE": xxe,
    "entitetsbombe": billion_laughs,
    "XXE i arbeidsboken": xxe_in_workbook,
}
