"""Bokmål and nynorsk for the text Refleks writes in the walkround documents.

The wording lives in gettext catalogues, ``templates/locale/<språk>/LC_MESSAGES/visitt.po``,
read with Babel's PO reader (nothing compiled, nothing to commit but the ``.po`` files). Each
message's context is ``<kind>:<key path>`` of a ``templates/<kind>/labels.yaml`` file and its
msgid the bokmål text there, so a changed bokmål text shows up as a missing translation (the
test of the catalogues fails) instead of silently keeping an old one.

``python -m refleks.walkround.i18n`` brings both catalogues up to date with the labels files:
new messages are added (nynorsk empty, to be translated), gone ones removed, translations kept.
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from ..catalogues import catalogue_path, read_yaml, translations, wording
from ..content import schemadocs
from ..messages import CONTEXT
from ..messages import DOMAIN as MESSAGES
from ..messages import FILES as MESSAGE_FILES

LANGUAGES = ("nb", "nn")
DOMAIN = "visitt"
HEADER = (
    "# Tekst Refleks skriver selv (visitt: visittdokumentene; nettsted: nettstedets egne\n"
    "# ord). Skrevet for Refleks. msgctxt er mal:nøkkel i\n"
    "# templates/<mal>/labels.yaml, msgid bokmålsteksten der.\n"
    "# Oppdater med: python -m refleks.walkround.i18n templates"
)
SCHEMA_HEADER = (
    "# Forklaringene i innholdsmodellen (siden «Innholdsmodellen»). Skrevet for Refleks.\n"
    "# msgctxt er Modell (tittelen), Modell:doc eller Modell.felt i\n"
    "# src/refleks/content/schema/, msgid bokmålsteksten der.\n"
    "# Oppdater med: python -m refleks.walkround.i18n templates"
)
FIXED_DATE = dt.datetime(2026, 11, 26, tzinfo=dt.UTC)
KINDS = (
    "walkround",
    "letters",
    "poster",
    "guide",
    "actionplans",
    "minutes",
    "calendar",
    "year",
    "checks",
)
"""The ``templates/<kind>/labels.yaml`` files of the walkround documents and checks."""
DOMAINS = {
    DOMAIN: KINDS,
    "nettsted": ("pages", "selfstudy", "handouts"),
    MESSAGES: (),
    schemadocs.DOMAIN: (),
}
"""Catalogue name -> the labels files it holds (``nettsted``: the site's own words;
``meldinger``: the messages marked ``_()`` in the source, see ``refleks.messages``;
``skjema``: no labels file, the content model's descriptions, ``content.schemadocs``)."""
SOURCE = Path(__file__).resolve().parents[1]
"""The ``refleks`` package, whose ``_()`` messages ``meldinger`` holds."""


NOT_WORDING = ("actionplans:status_words", "minutes:covered_by_facts", "minutes:signature_section")
"""Labels that are not text Refleks writes: status words people may type (both languages'
spellings are listed in the labels file) and section ids."""


def messages(data: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """``(key path, text)`` for every text in a labels tree (lists by index)."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from messages(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from messages(value, f"{prefix}.{i}")
    elif isinstance(data, str):
        yield prefix, data


def source_messages(templates: Path, domain: str = DOMAIN) -> dict[tuple[str, str], str]:
    """Every ``(context, bokmål text)`` of the labels files, with the file as comment."""
    if domain == MESSAGES:
        return {**marked_messages(SOURCE), **file_messages(templates)}
    if domain == schemadocs.DOMAIN:
        return {key: schemadocs.WHERE for key in schemadocs.texts()}
    out: dict[tuple[str, str], str] = {}
    for kind in DOMAINS[domain]:
        path = templates / kind / "labels.yaml"
        if not path.is_file():
            continue
        data = read_yaml(path.read_text("utf-8")) or {}
        for key, text in messages(data):
            if f"{kind}:{key}".startswith(NOT_WORDING):
                continue
            out[(f"{kind}:{key}", text)] = f"templates/{kind}/labels.yaml"
    return out


def file_messages(templates: Path) -> dict[tuple[str, str], str]:
    """Every text of the files of messages (``messages.FILES``), with the file as comment."""
    out: dict[tuple[str, str], str] = {}
    for name in MESSAGE_FILES:
        data = read_yaml((templates / name).read_text("utf-8")) or {}
        for _key, text in messages(data):
            out.setdefault((CONTEXT, text), f"templates/{name}")
    return out


def marked_messages(package: Path) -> dict[tuple[str, str], str]:
    """Every ``_("bokmål text", ...)`` in the package's source, with its file as comment."""
    out: dict[tuple[str, str], str] = {}
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"src/refleks/{path.relative_to(package).as_posix()}"
                out.setdefault((CONTEXT, node.args[0].value), where)
    return out


HOLIDAYS = "checks"
"""The labels file with the public holidays' names (``holidays`` knows bokmål only)."""


def holiday(templates: Path, language: str, name: str) -> str:
    """A holiday's name from ``holidays.Norway`` in ``language`` (``; `` between two
    holidays on one day); a name the catalogue lacks stays as the library writes it."""
    names = wording(templates, HOLIDAYS, language).get("holidays", {})
    return "; ".join(names.get(part, part) for part in name.split("; "))


def update(templates: Path) -> list[Path]:
    """Rewrite every catalogue from the labels files, keeping existing translations."""
    return [p for domain in DOMAINS for p in _update(templates, domain)]


def _update(templates: Path, domain: str) -> list[Path]:
    written = []
    wanted = source_messages(templates, domain)
    for language in LANGUAGES:
        path = catalogue_path(templates, language, domain)
        old = translations(templates, language, domain) if path.is_file() else {}
        catalog = Catalog(
            locale=language,
            domain=domain,
            project="Refleks",
            version="",
            header_comment=SCHEMA_HEADER if domain == schemadocs.DOMAIN else HEADER,
            creation_date=FIXED_DATE,
            revision_date=FIXED_DATE,
            language_team="Refleks",
            last_translator="Refleks",
            msgid_bugs_address="",
            copyright_holder="",
            fuzzy=False,
        )
        for (context, text), where in wanted.items():
            string = old.get((context, text), text if language == "nb" else "")
            catalog.add(text, string, locations=[(where, None)], context=context)
        out = io.BytesIO()
        write_po(out, catalog, width=100, omit_header=False, sort_output=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(out.getvalue())
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("templates")
    for p in update(root):
        print(p)
