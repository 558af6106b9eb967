"""The gettext catalogues of the text Refleks writes, read for any output.

``templates/locale/<språk>/LC_MESSAGES/<domene>.po`` hold the wording of the
``templates/<kind>/labels.yaml`` files in bokmål and nynorsk (``walkround.i18n`` keeps them
up to date with the labels files). Here only the reading: any layer's output may ask for a
labels file in a language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po

DOMAIN = "visitt"


def read_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, by libyaml when PyYAML has it (the same data, several times
    faster); on an error the pure-Python loader reads it again, for the same message."""
    if hasattr(yaml, "CSafeLoader"):
        try:
            return yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def catalogue_path(templates: Path, language: str, domain: str = DOMAIN) -> Path:
    return templates / "locale" / language / "LC_MESSAGES" / f"{domain}.po"


@lru_cache(maxsize=8)
def _read(path: Path, mtime: float) -> dict[tuple[str, str], str]:
    with path.open("rb") as fh:
        catalog = read_po(fh)
    return {
        (m.context or "", str(m.id)): str(m.string)
        for m in catalog
        if m.id and m.string and not m.fuzzy
    }


def translations(
    templates: Path, language: str, domain: str = DOMAIN
) -> dict[tuple[str, str], str]:
    """``(context, bokmål text) -> text`` in ``language`` (empty when there is no catalogue)."""
    path = catalogue_path(templates, language, domain)
    if not path.is_file():
        return {}
    return _read(path, path.stat().st_mtime)


def translate(data: Any, kind: str, table: dict[tuple[str, str], str], prefix: str = "") -> Any:
    """The labels tree with every text looked up; a missing one stays as written (bokmål)."""
    if isinstance(data, dict):
        return {
            k: translate(v, kind, table, f"{prefix}.{k}" if prefix else str(k))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [translate(v, kind, table, f"{prefix}.{i}") for i, v in enumerate(data)]
    if isinstance(data, str):
        return Wording(table.get((f"{kind}:{prefix}", data), data))
    return data


class Wording(str):
    """Refleks' own words, read from a catalogue in the language asked for: never marked as
    the other written standard (``BuildContext.mark``)."""

    translated = True


# a label written into a YAML file (the site engine's settings) is written as the text it is
yaml.SafeDumper.add_representer(Wording, yaml.representer.SafeRepresenter.represent_str)


def wording(templates: Path, kind: str, language: str, domain: str = DOMAIN) -> dict[str, Any]:
    """``templates/<kind>/labels.yaml`` in ``language`` (read again only when a file changes)."""
    path = templates / kind / "labels.yaml"
    catalogue = catalogue_path(templates, language, domain)
    stamp = catalogue.stat().st_mtime if catalogue.is_file() else 0.0
    return _wording(path, path.stat().st_mtime, templates, kind, language, domain, stamp)


@lru_cache(maxsize=32)
def _wording(
    path: Path, mtime: float, templates: Path, kind: str, language: str, domain: str, stamp: float
) -> dict[str, Any]:
    data = read_yaml(path.read_text("utf-8")) or {}
    return translate(data, kind, translations(templates, language, domain))
