"""``refleks new role|theme``: add an entry to an existing file (``content/roles.yaml``, a
reflection set) as text, so the author's comments, order and layout stay exactly as they were.

The entry is rendered from ``templates/new/role.yaml.j2`` or ``theme.yaml.j2`` and indented
like the entries already in the list; a theme goes right after the set's last theme, even
when other keys follow ``themes:``. Each function returns the lines to print."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from ...confine import refuse_links_leaving
from ...errors import UsageError
from ...project import Project
from ...writer import atomic_write
from .. import schema
from .newfiles import Request, role_ids, source_items, theme_values
from .scaffold import AlreadyThere, Scaffold, new_id, read_existing, relative


def _compose(text: str) -> Node | None:
    """The nodes of a YAML text (with their marks), or ``None`` when it cannot be read."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None


def _dash_indent(text: str, sequence: SequenceNode) -> int:
    """The column of the ``-`` before the list's first entry."""
    first = sequence.value[0].start_mark
    line = text.splitlines()[first.line]
    return line.rfind("-", 0, first.column)


def _reindent(block: str, shift: int) -> str:
    """``block`` (written with its dashes at column ``2`` or ``0``) moved by ``shift``."""
    lines = []
    for line in block.splitlines():
        if shift >= 0:
            lines.append(" " * shift + line if line.strip() else line)
        else:
            lines.append(line[-shift:] if line[:-shift].isspace() else line.lstrip())
    return "\n".join(lines) + "\n"


def _insert_after(text: str, end_index: int, block: str) -> str:
    """``block`` inserted after the last line with content before ``end_index`` (blank lines
    and comments that lead into what follows stay with it)."""
    head = text[:end_index]
    lines = head.splitlines(keepends=True)
    keep = len(lines)
    while keep and (not lines[keep - 1].strip() or lines[keep - 1].lstrip().startswith("#")):
        keep -= 1
    cut = sum(len(line) for line in lines[:keep])
    before = text[:cut] if text[:cut].endswith("\n") or not cut else text[:cut] + "\n"
    return before + block + text[cut:]


SCHEMA_LINE = "# yaml-language-server: $schema="


def new_role(project: Project, request: Request) -> list[str]:
    scaffold = Scaffold(project, schema.Role)
    path = project.content / "roles.yaml"
    role_id = new_id(scaffold.said, request.id, request.title)
    refuse_links_leaving(path.parent, project.root)
    text = path.read_text("utf-8") if path.is_file() else ""
    root = _compose(text) if text.strip() else None
    if text.strip() and not (isinstance(root, SequenceNode) and not root.flow_style):
        raise UsageError(scaffold.said["not_a_list"].format(path=relative(project, path)))
    if role_id in role_ids(project):
        raise AlreadyThere(
            scaffold.said["exists_role"].format(id=role_id, path=relative(project, path))
        )
    levels = [_number(item, "level") for item in (root.value if root else [])]
    values = {"id": role_id, "title": request.title, "level": max([0, *levels]) + 1}
    block = scaffold.render("role.yaml.j2", v=values)
    if root is not None and root.value:
        block = _reindent(block, _dash_indent(text, root))
    new_text = text + ("" if not text or text.endswith("\n") else "\n") + block
    if SCHEMA_LINE not in text.split("\n", 1)[0]:  # editors help with roles.yaml too
        new_text = f"{SCHEMA_LINE}{scaffold.schema_line(path, 'roles')}\n" + new_text
    atomic_write(path, new_text.encode("utf-8"))
    said = scaffold.said
    return [said["added_role"].format(id=role_id, path=relative(project, path)), said["fill_in"]]


def _number(item: Node, key: str) -> int:
    """The integer under ``key`` of a mapping node, 0 when there is none."""
    if isinstance(item, MappingNode):
        for k, v in item.value:
            if getattr(k, "value", None) == key and str(getattr(v, "value", "")).isdigit():
                return int(v.value)
    return 0


def _themes_node(root: Node | None) -> SequenceNode | None:
    if isinstance(root, MappingNode):
        for key, value in root.value:
            if key.value == "themes" and isinstance(value, SequenceNode) and value.value:
                return None if value.flow_style else value
    return None


def new_theme(project: Project, request: Request) -> list[str]:
    scaffold = Scaffold(project, schema.Reflection)
    said = scaffold.said
    if request.reflection is None:
        raise UsageError(said["missing_option"].format(kind="theme", option="--reflection SETT"))
    data = read_existing(project, "reflection", "reflections", request.reflection)
    path = project.content / "reflections" / f"{request.reflection}.yaml"
    text = path.read_text("utf-8")
    themes = _themes_node(_compose(text))
    if themes is None:
        raise UsageError(said["no_themes"].format(path=relative(project, path)))
    theme_id = new_id(said, request.id, request.title)
    if any(_text(item, "id") == theme_id for item in themes.value):
        raise AlreadyThere(said["exists_theme"].format(id=theme_id, path=relative(project, path)))
    number = max([0, *(_number(item, "number") for item in themes.value)]) + 1
    source = _source_of(project, data)
    theme = theme_values(project, said, source, request, number, theme_id)
    block = scaffold.render("theme.yaml.j2", t=theme, theme_fields=set(schema.Theme.model_fields))
    block = _reindent(block, _dash_indent(text, themes) - 2)
    new_text = _insert_after(text, themes.end_mark.index, block)
    atomic_write(path, new_text.encode("utf-8"))
    where = relative(project, path)
    lines = [said["added_theme"].format(id=theme_id, number=number, path=where)]
    if source:
        lines.append(source_items(said, str(source.get("id")), source))
    return [*lines, said["fill_in"]]


def _text(item: Node, key: str) -> str | None:
    if isinstance(item, MappingNode):
        for k, v in item.value:
            if getattr(k, "value", None) == key:
                return getattr(v, "value", None)
    return None


def _source_of(project: Project, data: dict[str, Any]) -> dict[str, Any]:
    """The set's source, or an empty table when the set names none that can be read."""
    source_id = data.get("source")
    if not isinstance(source_id, str):
        return {}
    try:
        return read_existing(project, "source", "sources", source_id)
    except UsageError:
        return {}
