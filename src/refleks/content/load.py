"""Load every YAML file under ``content/`` into documents (stage 1 of the pipeline)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problems
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
            "innholdsmappen finnes ikke",
            written=problems.rel(content),
            expected="en mappe content/ med site.yaml, roles.yaml og undermappene "
            + ", ".join(kind.folder for kind in KINDS if kind.top_level),
            hint="kjør kommandoen i prosjektmappen, eller bruk --project MAPPE",
        )
        return loaded
    for name, kind in FILES.items():
        path = content / name
        if path.is_file():
            setattr(loaded, kind, load(path, problems))
        else:
            problems.add(path, 1, 1, "", f"filen {name} mangler", expected=f"content/{name}")
    for folder, kind in FOLDERS.items():
        directory = content / folder
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if path.suffix == ".yml":
                problems.add(
                    path,
                    0,
                    0,
                    "",
                    "filendelsen må være .yaml",
                    written=path.name,
                    expected=path.stem + ".yaml",
                )
            if path.suffix != ".yaml" or path.name.startswith("."):
                continue
            doc = load(path, problems)
            if doc is not None:
                loaded.by_kind[kind].append(doc)
            else:
                loaded.failed[kind].add(path.stem)
    return loaded
