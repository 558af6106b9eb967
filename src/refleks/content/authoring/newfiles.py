"""``refleks new source|reflection|framework``: write a new file from its template (see
``scaffold``) and say what was written. Each function returns the lines to print."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...errors import Problems, UsageError
from ...project import Project
from .. import schema
from ..yamlread import load
from .scaffold import (
    AlreadyThere,
    Scaffold,
    ids_of,
    known_ids,
    new_id,
    read_existing,
    relative,
    write_new,
)


@dataclass(frozen=True)
class Request:
    """What the author asked for on the command line."""

    title: str
    id: str | None = None
    source: str | None = None
    acronym: str | None = None
    role: str | None = None
    reflection: str | None = None


def _listed(ids: list[str], said: dict[str, Any]) -> str:
    return ", ".join(ids) or said["none"]


def new_source(project: Project, request: Request) -> list[str]:
    scaffold = Scaffold(project, schema.Source)
    source_id = new_id(scaffold.said, request.id, request.title)
    path = project.content / "sources" / f"{source_id}.yaml"
    _refuse_existing(scaffold, path)
    values = {"id": source_id, "title": request.title}
    text = scaffold.render("source.yaml.j2", v=values, schema=scaffold.schema_line(path, "source"))
    write_new(project, path, text)
    return _written(scaffold, path)


def new_framework(project: Project, request: Request) -> list[str]:
    scaffold = Scaffold(project, schema.Framework)
    if request.source is not None:
        read_existing(project, "source", "sources", request.source)  # it must exist
    framework_id = new_id(scaffold.said, request.id, request.title)
    path = project.content / "frameworks" / f"{framework_id}.yaml"
    _refuse_existing(scaffold, path)
    values = {
        "id": framework_id,
        "title": request.title,
        "acronym": request.acronym,
        "source": request.source,
        "known_sources": _listed(known_ids(project.content / "sources"), scaffold.said),
    }
    text = scaffold.render(
        "framework.yaml.j2", v=values, schema=scaffold.schema_line(path, "framework")
    )
    write_new(project, path, text)
    return _written(scaffold, path)


def new_reflection(project: Project, request: Request) -> list[str]:
    scaffold = Scaffold(project, schema.Reflection)
    if request.source is None:
        raise UsageError(
            scaffold.said["missing_option"].format(kind="reflection", option="--source KILDE")
        )
    source = read_existing(project, "source", "sources", request.source)
    set_id = new_id(scaffold.said, request.id, request.title)
    path = project.content / "reflections" / f"{set_id}.yaml"
    _refuse_existing(scaffold, path)
    theme = theme_values(project, scaffold.said, source, request, number=1, theme_id="tema-1")
    theme["title"] = scaffold.fill("temaets overskrift")
    values = {"id": set_id, "title": request.title, "source": request.source}
    text = scaffold.render(
        "reflection.yaml.j2",
        v=values,
        t=theme,
        theme_fields=set(schema.Theme.model_fields),
        schema=scaffold.schema_line(path, "reflection"),
    )
    write_new(project, path, text)
    wrote, fill_in = _written(scaffold, path)
    return [wrote, source_items(scaffold.said, request.source, source), fill_in]


def source_items(said: dict[str, Any], source_id: str, source: dict[str, Any]) -> str:
    return said["source_items"].format(
        source=source_id,
        findings=_listed(ids_of(source, "findings"), said),
        recommendations=_listed(ids_of(source, "recommendations"), said),
    )


def role_ids(project: Project) -> list[str]:
    """The ids in ``content/roles.yaml``, in the file's order."""
    path = project.content / "roles.yaml"
    doc = load(path, Problems(project.root)) if path.is_file() else None
    data = doc.data if doc is not None and isinstance(doc.data, list) else []
    return [r["id"] for r in data if isinstance(r, dict) and isinstance(r.get("id"), str)]


def theme_values(
    project: Project,
    said: dict[str, Any],
    source: dict[str, Any],
    request: Request,
    number: int,
    theme_id: str | None = None,
) -> dict[str, Any]:
    """What the theme template shows: the source's items to cite and the roles to ask."""
    roles = role_ids(project)
    role = request.role or (roles[0] if roles else "")
    if role not in roles:
        raise UsageError(said["missing_role"].format(id=role, known=_listed(roles, said)))
    return {
        "id": theme_id or slug_or_id(said, request),
        "number": number,
        "title": request.title,
        "findings": _listed(refs(source, "findings"), said),
        "recommendations": _listed(refs(source, "recommendations"), said),
        "stories": _listed(refs(source, "stories"), said),
        "roles": _listed(roles, said),
        "role": role,
    }


def refs(source: dict[str, Any], key: str) -> list[str]:
    """``<source>/<item>`` for each item: how a theme names it."""
    return [f"{source.get('id')}/{item}" for item in ids_of(source, key)]


def slug_or_id(said: dict[str, Any], request: Request) -> str:
    return new_id(said, request.id, request.title)


def _refuse_existing(scaffold: Scaffold, path) -> None:  # noqa: ANN001
    if path.exists() or path.is_symlink():
        raise AlreadyThere(
            scaffold.said["exists_file"].format(path=relative(scaffold.project, path))
        )


def _written(scaffold: Scaffold, path) -> list[str]:  # noqa: ANN001
    said = scaffold.said
    return [said["wrote"].format(path=relative(scaffold.project, path)), said["fill_in"]]
