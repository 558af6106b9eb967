"""The messages Refleks prints (errors, warnings, the closing lines), in the project's language.

gettext practice, as Sphinx does: a message is written once, in bokmål, where it is raised,
marked ``_("ukjent nøkkel «{name}»", name=name)``. That bokmål text is the message's key in
the catalogue ``templates/locale/<språk>/LC_MESSAGES/meldinger.po`` (``walkround.i18n``
collects every ``_()`` of the source into it); the nynorsk wording stands only there.

``_()`` gives a ``Message``: a ``str`` that *is* the bokmål text (compared, sorted and tested
as before) and keeps its template and fields, so it can be said again in another language when
it is printed (``localized``). Which language that is, the command line decides once it knows
the project (``speaking``): ``language`` in ``content/site.yaml``. A field that is itself a
``Message`` is said in the same language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from .catalogues import catalogue_path, read_yaml, translations
from .project import SHIPPED_TEMPLATES

DOMAIN = "meldinger"
FILES = ("new/messages.yaml",)
"""Files of messages under ``templates/`` (read with ``message_file``), in the catalogue too."""
CONTEXT = "melding"
"""Every message's ``msgctxt``: the bokmål text alone is the key."""


class Message(str):
    """Bokmål text made from ``template`` and ``fields``, able to be said again in nynorsk."""

    template: str
    fields: dict[str, Any]

    def __new__(cls, template: str, /, **fields: Any) -> Message:
        self = super().__new__(cls, template.format(**fields) if fields else template)
        self.template, self.fields = template, fields
        return self

    def format(self, *args: Any, **fields: Any) -> str:  # noqa: A003
        """A template read from a file of messages, filled in: still a ``Message``."""
        if args or self.fields:
            return str.format(self, *args, **fields)
        return Message(self.template, **fields)

    def __reduce__(self):  # noqa: ANN204 - pickled to the PDF workers as what it is
        return (_rebuild, (self.template, self.fields))


# a message written into a YAML file (a new content file) is written as the text it is
yaml.SafeDumper.add_representer(Message, yaml.representer.SafeRepresenter.represent_str)


def message_file(path: Path) -> Any:
    """A YAML file of messages (``templates/new/messages.yaml``) with every text a
    ``Message``: its bokmål text is the key in the catalogue, as a ``_()`` in the source."""
    return _marked(read_yaml(path.read_text("utf-8")))


def _marked(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _marked(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_marked(v) for v in data]
    return Message(data) if isinstance(data, str) else data


def _rebuild(template: str, fields: dict[str, Any]) -> Message:
    return Message(template, **fields)


def _(template: str, /, **fields: Any) -> Message:
    """A message, in bokmål: ``template`` with ``{name}`` fields (``{{`` for a brace when
    there are fields). Only a literal ``template`` is found by the catalogue's collector."""
    return Message(template, **fields)


_speaking: tuple[str, Path] = ("nb", SHIPPED_TEMPLATES)


def language() -> str:
    """The language messages are said in now (``nb`` outside ``speaking``)."""
    return _speaking[0]


@contextmanager
def speaking(chosen: str, templates: Path | None = None) -> Iterator[None]:
    """Say every message printed inside the block in ``chosen`` (``nb`` or ``nn``), from the
    catalogue under ``templates`` when the project has its own, else Refleks' own."""
    global _speaking
    before = _speaking
    # a project's own templates/ from before the catalogue existed: Refleks' own catalogue
    own = templates is not None and catalogue_path(templates, chosen, DOMAIN).is_file()
    _speaking = (chosen, templates if own and templates is not None else SHIPPED_TEMPLATES)
    try:
        yield
    finally:
        _speaking = before


def localized(text: Any, chosen: str | None = None) -> str:
    """``text`` in ``chosen`` (default: the language spoken now). Plain text stays as it is;
    a message the catalogue lacks stays bokmål."""
    if not isinstance(text, Message):
        return text if isinstance(text, str) else str(text)
    chosen = chosen or _speaking[0]
    if chosen == "nb":
        return str.__str__(text)
    table = translations(_speaking[1], chosen, DOMAIN)
    template = table.get((CONTEXT, text.template)) or text.template
    if not text.fields:
        return template
    return template.format(**{k: localized(v, chosen) for k, v in text.fields.items()})


def said(exc: BaseException) -> str:
    """An exception's message in the language spoken now (its first argument, when that is a
    ``Message``; ``str(exc)`` would lose what it knows)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return localized(first) if isinstance(first, Message) else str(exc)


_LANGUAGE = re.compile(r"^language:[ \t]*([\"']?)(nb|nn)\1[ \t]*(?:#.*)?$", re.MULTILINE)


def project_language(root: Path) -> str:
    """``language`` in ``content/site.yaml``, read without YAML (the file may be what is
    wrong): ``nn`` when it says so at the top level, else ``nb``."""
    try:
        with (root / "content" / "site.yaml").open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(1 << 20)
    except OSError:
        return "nb"
    found = _LANGUAGE.search(head)
    return found.group(2) if found else "nb"
