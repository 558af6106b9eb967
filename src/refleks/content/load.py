"""Load every YAML file under ``content/`` into documents (stage 1 of the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..confine import file_problem, link_problem, links_leaving
from ..errors import Problems
from ..messages import _
from ..project import Project
from .kinds import FILES, KINDS
from .yamlread import Document, load

# folder -> kind
FOLDERS = {kind.folder: kind.name for kind in KINDS}


@dataclass
class Loaded:
    """Every document of the content folder, by kind."""

    site: Document | None = None
    roles: Document | None = None
    by_kind: dict[str, list[Document]] = field(default_factory=dict)
    failed: dict[str, set[str]] = field(default_factory=dict)
    """Stems of files that could not be read, by kind (their ids are not reported missing)."""


def load_content(project: Project, problems: Problems) -> Loaded:
    content = project.content
    loaded = Loaded(
        by_kind={kind: [] for kind in FOLDERS.values()},
        failed={kind: set() for kind in [*FOLDERS.values(), "role"]},
    )
    if not content.is_dir():
        problems.add(
            content,
            0,
            0,
            "",
            _("innholdsmappen finnes ikke"),
            written=problems.rel(content),
            expected=_(
                "en mappe content/ med site.yaml, roles.yaml og undermappene {folders}",
                folders=", ".join(kind.folder for kind in KINDS if kind.top_level),
            ),
            hint=_("kjør kommandoen i prosjektmappen, eller bruk --project MAPPE"),
        )
        return loaded
    root = project.root
    for path, problem in links_leaving(project.docs, root) if project.docs.is_dir() else []:
        _refuse(path, problem, problems, _("fil eller mappe"))
    _refused(project.out, root, problems)  # refleks visit writes letters with names there
    if _refused(content, root, problems):
        return loaded
    for name, kind in FILES.items():
        path = content / name
        if path.is_symlink() or path.exists():
            problem = file_problem(path, root)
            if problem:
                _refuse(path, problem, problems)
            else:
                setattr(loaded, kind, load(path, problems))
        else:
            problems.add(
                path, 1, 1, "", _("filen {name} mangler", name=name), expected=f"content/{name}"
            )
    for folder, kind in FOLDERS.items():
        _load_folder(content / folder, kind, root, loaded, problems)
    return loaded


def _load_folder(
    directory: Path, kind: str, root: Path, loaded: Loaded, problems: Problems
) -> None:
    """The YAML files of one kind's folder, each checked before it is read."""
    if _refused(directory, root, problems) or not directory.is_dir():
        return
    for path in sorted(directory.iterdir()):
        if path.suffix == ".yml":
            problems.add(
                path,
                0,
                0,
                "",
                _("filendelsen må være .yaml"),
                written=path.name,
                expected=path.stem + ".yaml",
            )
        if path.suffix != ".yaml" or path.name.startswith("."):
            continue
        problem = file_problem(path, root)
        if problem:
            _refuse(path, problem, problems)
            loaded.failed[kind].add(path.stem)
            continue
        doc = load(path, problems)
        if doc is not None:
            loaded.by_kind[kind].append(doc)
        else:
            loaded.failed[kind].add(path.stem)


def _refuse(path: Path, problem: str, problems: Problems, what: str = "YAML-fil") -> None:
    problems.add(
        path,
        0,
        0,
        "",
        problem,
        written=problems.rel(path),
        expected=_("en vanlig {what} inne i prosjektet, eller en lenke til en", what=what),
    )


def _refused(path: Path, root: Path, problems: Problems) -> bool:
    """Report a folder that is a link leaving the project (or a broken one); never follow it."""
    problem = link_problem(path, root) if (path.is_symlink() or path.exists()) else None
    if problem:
        _refuse(path, problem, problems, "mappe")
    return problem is not None
