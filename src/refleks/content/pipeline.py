"""The content pipeline: load every file, validate it against the schema, check the
references between files, and hand back one ``Library`` with every parsed document kept."""

from __future__ import annotations

from ..errors import ContentInvalid, Problems
from ..messages import _
from ..project import Project
from . import schema
from .author_warnings import check_authoring
from .kinds import BY_NAME
from .load import Loaded, load_content
from .model import Library
from .nynorsk import localise
from .plans import expand_plans
from .quotes import check_quotes
from .references import check_references
from .validate import check_model
from .yamlread import Document


def _check_roles(doc: Document, problems: Problems, broken: set[str]) -> dict[str, schema.Role]:
    roles: dict[str, schema.Role] = {}
    if not isinstance(doc.data, list):
        line, col = doc.where(())
        problems.add(
            doc.file,
            line,
            col,
            "",
            _("roles.yaml må være en liste med roller"),
            written=_("en tabell") if isinstance(doc.data, dict) else str(doc.data),
            expected=_("en liste der hvert punkt begynner med «- id: ...»"),
        )
        return roles
    for i, item in enumerate(doc.data):
        role = check_model(doc, schema.Role, problems, data=item, prefix=(i,))
        if role is None:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                broken.add(item["id"])
            continue
        if role.id in roles:
            line, col = doc.where((i, "id"))
            problems.add(
                doc.file,
                line,
                col,
                f"[{i}].id",
                _("rollen «{role_id}» finnes fra før", role_id=role.id),
                written=role.id,
                expected=_("en id som ikke er brukt"),
                hint=_("hver rolle defineres bare én gang i roles.yaml"),
            )
            continue
        roles[role.id] = role
    return roles


def build_library(project: Project, problems: Problems | None = None) -> Library:
    """Load, validate and cross-reference; raise ``ContentInvalid`` with every error."""
    problems = problems or Problems(project.root)
    loaded: Loaded = load_content(project, problems)
    site = check_model(loaded.site, schema.Site, problems) if loaded.site else None
    broken = loaded.failed
    roles = _check_roles(loaded.roles, problems, broken["role"]) if loaded.roles else {}
    library = Library(project, site, roles, broken=broken)  # type: ignore[arg-type]
    library.settings_documents = tuple(d for d in (loaded.site, loaded.roles) if d is not None)
    for kind, docs in loaded.by_kind.items():
        store = getattr(library, BY_NAME[kind].attribute)
        for doc in docs:
            item = check_model(doc, BY_NAME[kind].model, problems)
            if item is None:
                library.unchecked.append((kind, doc))
                broken[kind].add(doc.file.stem)
                if isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
                    broken[kind].add(doc.data["id"])
                continue
            line, col = doc.where(("id",))
            if item.id != doc.file.stem:
                problems.add(
                    doc.file,
                    line,
                    col,
                    "id",
                    _("id-en må være lik filnavnet"),
                    written=item.id,
                    expected=doc.file.stem,
                    hint=_("endre id til «{stem}» eller gi filen nytt navn", stem=doc.file.stem),
                )
                library.unchecked.append((kind, doc))
                continue
            if item.id in store:
                problems.add(
                    doc.file,
                    line,
                    col,
                    "id",
                    _("id-en «{item_id}» er brukt før", item_id=item.id),
                    written=item.id,
                    expected=_("en id som ikke er brukt"),
                )
                library.unchecked.append((kind, doc))
                continue
            store[item.id] = item
            library.documents[(kind, item.id)] = doc
    expand_plans(library, problems)
    check_references(library, problems, (loaded.site, loaded.roles))
    check_quotes(library, problems)
    check_authoring(library, problems, loaded.roles)
    if problems.errors or site is None:
        raise ContentInvalid(problems)
    library.warnings = problems.warnings
    localise(library)
    return library
