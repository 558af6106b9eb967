"""``refleks new source|reflection|framework``: a commented file to fill in.

Each file is made from ``templates/new/<kind>.yaml.j2``. The comment above every field is the
field's documentation in the content model (``schema``), so the comments say what the
authors' reference says. The first line names the kind's JSON Schema (``editorschema``) for
editors; the schema folder is written or refreshed at the same time. Fields the author must
fill in hold a placeholder that ``refleks check`` warns about (``unfilled``); the file is
valid as written, so ``check`` passes. An existing file is never overwritten.
"""

from __future__ import annotations

import json
import re
import textwrap
import types
import typing
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

import jinja2
import yaml
from markupsafe import Markup
from pydantic import BaseModel

from ...confine import refuse_links_leaving
from ...errors import BuildFailed, Problems, UsageError, visible
from ...messages import message_file
from ...project import Project
from ...templating import environment
from .. import schema
from ..yamlread import load
from . import editorschema

_NORWEGIAN = {"æ": "ae", "ø": "o", "å": "a"}
COMMENT_WIDTH = 92


class AlreadyThere(BuildFailed):
    """A file or id that ``new`` would overwrite: refused, exit 1."""


def slug(title: str) -> str:
    """An id from a title, as the shipped ids are made: lower case, æ ø å as ae o a, other
    accents dropped, anything else a hyphen; at most 64 characters, starting with a letter."""
    text = "".join(_NORWEGIAN.get(c, c) for c in title.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = re.sub(r"^[^a-z]+", "", text)
    while len(text) > 64:
        text = text.rsplit("-", 1)[0] if "-" in text else text[:64]
    return text


def messages(project: Project) -> dict[str, Any]:
    return message_file(project.templates / "new" / "messages.yaml")


@dataclass
class Scaffold:
    """What one ``refleks new`` run renders with: the project, its messages and the model
    whose field documentation the comments show."""

    project: Project
    model: type[BaseModel]
    said: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.said = messages(self.project)

    def environment(self) -> jinja2.Environment:
        env = environment(self.project.templates, "new")
        env.filters["y"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
        env.globals.update(
            comment=comment,
            doc=self.doc,
            remaining=self.remaining,
            example=self.example,
            choices=self.choices,
            default_choice=self.default_choice,
            fill=self.fill,
            nynorsk=self.nynorsk(),
        )
        return env

    def nynorsk(self) -> bool:
        """Whether the site is in nynorsk: new content then gets an ``nn:`` table to fill in
        (``content.nynorsk``), so ``refleks check`` has nothing to warn about once it is."""
        path = self.project.content / "site.yaml"
        try:
            data = yaml.safe_load(path.read_text("utf-8")) or {}
        except (OSError, yaml.YAMLError):
            return False
        return isinstance(data, dict) and data.get("language") == "nn"

    def _model(self, of: str | None) -> type[BaseModel]:
        return getattr(schema, of) if of else self.model

    def doc(self, name: str, of: str | None = None, indent: int = 0) -> Markup:
        """The field's documentation as comment lines (the first unindented: the template
        places it)."""
        return comment(self._model(of).model_fields[name].description or "", indent)

    def remaining(self, shown: list[str], of: str | None = None) -> list[str]:
        """The model's fields a template has not written out, in the model's order (a field
        added to the model shows up in new files without a change here)."""
        return [name for name in self._model(of).model_fields if name not in shown]

    def example(self, name: str, of: str | None = None) -> str:
        """What a commented-out line shows after the key: an empty list or table, or the
        yes/no that is not the default; nothing for other types."""
        default = self._model(of).model_fields[name].default
        if isinstance(default, bool):
            return " " + json.dumps(not default)
        if isinstance(default, list | dict):
            return " " + json.dumps(default)
        return ""

    def choices(self, name: str, of: str | None = None) -> str:
        """The values a field allows, as an author writes them (never Python's spelling)."""
        annotation = self._model(of).model_fields[name].annotation
        return ", ".join(str(value) for value in literal_values(annotation))

    def default_choice(self, name: str, of: str | None = None) -> str:
        """The field's default, or its first allowed value when it has none."""
        info = self._model(of).model_fields[name]
        if info.is_required():
            return str(literal_values(info.annotation)[0])
        return str(info.default)

    def fill(self, what: str) -> str:
        return f"{self.said['placeholder']}: {what}"

    def render(self, template: str, **values: Any) -> str:
        fields = set(self.model.model_fields)
        return self.environment().get_template(template).render(fields=fields, **values)

    def schema_line(self, target: Path, kind: str) -> str:
        """The path from ``target``'s folder to the kind's schema (see ``editorschema``)."""
        return editorschema.reference_for(self.project.root, target, kind)


def literal_values(annotation: Any) -> list[Any]:
    """The allowed values of a ``Literal`` field, also inside ``Annotated`` or ``| None``."""
    origin = typing.get_origin(annotation)
    if origin is Literal:
        return list(get_args(annotation))
    if origin is typing.Annotated:
        return literal_values(get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [v for arg in get_args(annotation) for v in literal_values(arg)]
    return []


def comment(text: str, indent: int = 0) -> Markup:
    """``text`` as comment lines that fit the width (the first unindented: the template
    places it)."""
    width = COMMENT_WIDTH - indent - 2
    lines = textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False) or [""]
    return Markup(("\n" + " " * indent).join("# " + line for line in lines))


def new_id(said: dict[str, Any], given: str | None, title: str) -> str:
    """``--id`` when given (checked), else the title's slug."""
    if given is not None:
        if not re.fullmatch(schema.ID_PATTERN, given):
            raise UsageError(said["bad_id"].format(option="--id", written=visible(given)))
        return given
    made = slug(title)
    if not made:
        raise UsageError(said["no_slug"].format(written=title))
    return made


def relative(project: Project, path: Path) -> str:
    return path.relative_to(project.root).as_posix()


def known_ids(folder: Path) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def read_existing(project: Project, kind: str, folder: str, item_id: str) -> dict[str, Any]:
    """The data of ``content/<folder>/<id>.yaml`` (an empty table when it cannot be read:
    ``refleks check`` reports why); a usage error naming the ids there when it is missing."""
    said = messages(project)
    path = project.content / folder / f"{item_id}.yaml"
    if not re.fullmatch(schema.ID_PATTERN, item_id) or not path.is_file():
        known = ", ".join(known_ids(project.content / folder)) or said["none"]
        what = said["what"][kind]
        raise UsageError(
            said["missing_file"].format(
                what=what, id=item_id, path=f"content/{folder}/{item_id}.yaml", known=known
            )
        )
    refuse_links_leaving(path.parent, project.root)
    doc = load(path, Problems(project.root))
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


def ids_of(data: dict[str, Any], key: str) -> list[str]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]


def write_new(project: Project, path: Path, text: str) -> None:
    """Write a new file; never overwrite one."""
    said = messages(project)
    refuse_links_leaving(path.parent, project.root)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise AlreadyThere(said["exists_file"].format(path=relative(project, path))) from None
