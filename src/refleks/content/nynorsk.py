"""The project's own texts in nynorsk: the ``nn`` fields beside the bokmål ones.

Roles (``content/roles.yaml``), reflection sets and their themes
(``content/reflections/<id>.yaml``), frameworks, the summary and note of a source
(``content/sources/<id>.yaml``), the notes on what the sources say differently
(``discrepancies`` of a source, framework or method), what a reference supports
(``supports``) and the site's title and description (``content/site.yaml``) may carry an
``nn:`` table with the same texts in nynorsk. When the site is in nynorsk
(``language: nn``) every output uses those (``localise``), and every text with no nynorsk
version is a warning (``missing``) that ``build --strict`` refuses:
a nynorsk site is never half translated without anyone being told.

Text from a source stays as the source wrote it (bokmål): questions of a theme with
``quote: true`` are not translated. A translated text is a ``Translated`` string, so the
templates can tell it from bokmål still to be marked ``lang="nb"`` (``BuildContext.mark``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from ..errors import Problem, Problems
from ..messages import message_file
from . import schema
from .model import Library
from .yamlread import KeyPath, format_path

LANGUAGE = "nn"


class Translated(str):
    """A text in the site's written standard that was translated from the bokmål one."""

    translated = True


yaml.SafeDumper.add_representer(Translated, yaml.representer.SafeRepresenter.represent_str)


def _t(text: str) -> str:
    return Translated(text) if text else text


def _question(nynorsk: str, bokmal: schema.QuestionText) -> schema.QuestionText:
    """The nynorsk question, with the bokmål one's origin."""
    out = schema.QuestionText(nynorsk)
    out.stated, out.authored_by = bokmal.stated, bokmal.authored_by
    out.translated = True  # type: ignore[attr-defined]
    return out


def localise(library: Library) -> None:
    """Put the nynorsk texts in place of the bokmål ones when the site is in nynorsk."""
    if library.site is None or library.site.language != LANGUAGE:
        return
    site = library.site
    if site.nn is not None:
        library.site = site.model_copy(
            update={"title": _t(site.nn.title), "description": _t(site.nn.description)}
        )
    for role_id, role in list(library.roles.items()):
        if role.nn is not None:
            library.roles[role_id] = role.model_copy(update=_role(role))
    for set_id, reflection in list(library.reflections.items()):
        library.reflections[set_id] = _reflection(reflection)
    for framework_id, framework in list(library.frameworks.items()):
        if framework.nn is not None:
            nn = framework.nn
            library.frameworks[framework_id] = framework.model_copy(
                update={
                    "summary": _t(nn.summary),
                    "key_ideas": [_t(k) for k in nn.key_ideas] or framework.key_ideas,
                    "refleks_note": _t(nn.refleks_note) or framework.refleks_note,
                }
            )
        framework = library.frameworks[framework_id]
        library.frameworks[framework_id] = framework.model_copy(
            update={"discrepancies": _discrepancies(framework.discrepancies)}
        )
    for source_id, source in list(library.sources.items()):
        library.sources[source_id] = _source(source)
    for method_id, method in list(library.methods.items()):
        library.methods[method_id] = method.model_copy(
            update={"discrepancies": _discrepancies(method.discrepancies)}
        )
    for method_id, method in list(library.methods_nn.items()):
        library.methods_nn[method_id] = _all_translated(method)


def _source(source: schema.Source) -> schema.Source:
    """The source with Refleks' own texts about it in nynorsk: the summary, the note and the
    sections that summarise it (``summary_of``); what the source says stays as it said it."""
    update: dict[str, Any] = {
        "sections": [_section(s) for s in source.sections],
        "discrepancies": _discrepancies(source.discrepancies),
        "references": [_reference(r) for r in source.references],
    }
    if source.nn is not None:
        update |= {
            "summary": _t(source.nn.summary),
            "refleks_note": _t(source.nn.refleks_note) or source.refleks_note,
        }
    return source.model_copy(update=update)


def _discrepancies(items: list[schema.Discrepancy]) -> list[schema.Discrepancy]:
    """The notes on what the sources say differently in nynorsk; the versions are the
    sources' words and stay as they are."""
    return [d.model_copy(update={"text": _t(d.nn.text)}) if d.nn else d for d in items]


def _reference(reference: schema.Reference) -> schema.Reference:
    """The reference with what it supports in nynorsk; the reference itself stays as the
    source gives it."""
    if reference.nn is None:
        return reference
    return reference.model_copy(update={"supports": _t(reference.nn.supports)})


def _section(section: Any) -> Any:
    nn = section.nn
    if nn is None or section.quote:
        return section
    return section.model_copy(
        update={
            "title": _t(nn.title),
            "text": _t(nn.text) or section.text,
            "items": [_t(i) for i in nn.items] or section.items,
        }
    )


def _all_translated(value: Any) -> Any:
    """``value`` (a model, list, table or text) with every text a ``Translated`` one: a
    method's nynorsk version is nynorsk throughout."""
    if isinstance(value, str):
        return _t(value)
    if isinstance(value, list):
        return [_all_translated(v) for v in value]
    if isinstance(value, dict):
        return {k: _all_translated(v) for k, v in value.items()}
    if isinstance(value, BaseModel):
        return value.model_copy(
            update={
                name: _all_translated(getattr(value, name)) for name in type(value).model_fields
            }
        )
    return value


def _role(role: schema.Role) -> dict[str, Any]:
    nn = role.nn
    assert nn is not None
    return {
        "label": _t(nn.label),
        "address": _t(nn.address),
        "examples": [_t(e) for e in nn.examples] or role.examples,
        "description": _t(nn.description) or role.description,
    }


def _reflection(reflection: schema.Reflection) -> schema.Reflection:
    themes = [_theme(theme) for theme in reflection.themes]
    update: dict[str, Any] = {"themes": themes}
    nn = reflection.nn
    if nn is not None:
        update |= {
            "title": _t(nn.title),
            "intro": _t(nn.intro) or reflection.intro,
            "instruction": _t(nn.instruction) or reflection.instruction,
        }
    return reflection.model_copy(update=update)


def _theme(theme: schema.Theme) -> schema.Theme:
    nn = theme.nn
    if nn is None:
        return theme
    # a question from the source stays as the source wrote it, even if a translation is given
    questions = {
        role_id: [
            _question(nn.questions[role_id][i], q)
            if role_id in nn.questions
            and i < len(nn.questions[role_id])
            and q.authored_by == "refleks"
            else q
            for i, q in enumerate(texts)
        ]
        for role_id, texts in theme.questions.items()
    }
    return theme.model_copy(
        update={
            "title": _t(nn.title),
            "intro": _t(nn.intro) or theme.intro,
            "notes": _t(nn.notes) or theme.notes,
            "questions": questions,
        }
    )


# -- what has no nynorsk version yet


OWN_TEXTS = {
    "framework": ("summary", "key_ideas", "refleks_note"),
    "source": ("summary", "refleks_note"),
}
"""The texts of a framework or a source file that are Refleks' own (the rest of a source
file is the source's words, or its titles, which stay as the source wrote them)."""


def _untranslated(library: Library) -> Iterator[tuple[Path, KeyPath, str]]:
    """``(file, key path of the bokmål text, text)`` for every own text with no nynorsk."""
    site_doc = next((d for d in library.settings_documents if d.file.name == "site.yaml"), None)
    roles_doc = next((d for d in library.settings_documents if d.file.name == "roles.yaml"), None)
    if site_doc is not None and isinstance(site_doc.data, dict):
        nn = site_doc.data.get("nn") or {}
        for key in ("title", "description"):
            if site_doc.data.get(key) and not (isinstance(nn, dict) and nn.get(key)):
                yield site_doc.file, (key,), site_doc.data[key]
    if roles_doc is not None and isinstance(roles_doc.data, list):
        for i, role in enumerate(roles_doc.data):
            if not isinstance(role, dict):
                continue
            nn = role.get("nn") or {}
            for key in ("label", "address", "examples", "description"):
                if role.get(key) and not (isinstance(nn, dict) and nn.get(key)):
                    yield roles_doc.file, (i, key), str(role[key])
    for (kind, _id), doc in library.documents.items():
        if kind == "reflection" and isinstance(doc.data, dict):
            yield from _untranslated_set(doc.file, doc.data)
        if kind in OWN_TEXTS and isinstance(doc.data, dict):
            nn = doc.data.get("nn") or {}
            for key in OWN_TEXTS[kind]:
                if doc.data.get(key) and not (isinstance(nn, dict) and nn.get(key)):
                    yield doc.file, (key,), str(doc.data[key])
        if kind == "source" and isinstance(doc.data, dict):
            yield from _untranslated_sections(doc.file, doc.data.get("sections"))
            yield from _untranslated_items(doc.file, doc.data, "references", "supports")
        if kind in ("source", "framework", "method") and isinstance(doc.data, dict):
            yield from _untranslated_items(doc.file, doc.data, "discrepancies", "text")


def _untranslated_items(
    file: Path, data: dict[str, Any], key: str, field: str
) -> Iterator[tuple[Path, KeyPath, str]]:
    """``field`` of every item under ``key`` (the note of a discrepancy, what a reference
    supports) that has no nynorsk."""
    items = data.get(key)
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        nn = item.get("nn") if isinstance(item.get("nn"), dict) else {}
        if item.get(field) and not nn.get(field):
            yield file, (key, i, field), str(item[field])


def _untranslated_sections(file: Path, sections: Any) -> Iterator[tuple[Path, KeyPath, str]]:
    """The title and text of every section that is Refleks' summary (``summary_of``) with
    no nynorsk; its points may be the source's words (titles, a slide's keywords)."""
    for i, section in enumerate(sections if isinstance(sections, list) else []):
        if not isinstance(section, dict) or not section.get("summary_of"):
            continue
        nn = section.get("nn") if isinstance(section.get("nn"), dict) else {}
        for key in ("title", "text"):
            if section.get(key) and not nn.get(key):
                yield file, ("sections", i, key), str(section[key])


def _untranslated_set(file: Path, data: dict[str, Any]) -> Iterator[tuple[Path, KeyPath, str]]:
    nn = data.get("nn") or {}
    for key in ("title", "intro", "instruction"):
        if data.get(key) and not (isinstance(nn, dict) and nn.get(key)):
            yield file, (key,), str(data[key])
    for t, theme in enumerate(data.get("themes") or []):
        if not isinstance(theme, dict):
            continue
        tnn = theme.get("nn") or {}
        tnn = tnn if isinstance(tnn, dict) else {}
        for key in ("title", "intro", "notes"):
            if theme.get(key) and not tnn.get(key):
                yield file, ("themes", t, key), str(theme[key])
        # the source's own questions stay as the source wrote them: nothing to translate
        stated = theme.get("authored_by") or (
            "kilden" if str(theme.get("quote")) in ("True", "true") else data.get("authored_by")
        )
        nnq = tnn.get("questions") or {}
        for role_id, texts in (theme.get("questions") or {}).items():
            have = (nnq.get(role_id) or []) if isinstance(nnq, dict) else []
            for q, text in enumerate(texts or []):
                own = text.get("authored_by", stated) if isinstance(text, dict) else stated
                if q >= len(have) and own != "kilden":
                    shown = text.get("text", "") if isinstance(text, dict) else text
                    yield file, ("themes", t, "questions", role_id, q), str(shown)


PAGES = "nn"
"""``docs/nn/``: the hand-written pages in nynorsk (``site.pages`` puts them in place)."""


def _untranslated_pages(docs: Path) -> list[Path]:
    """The hand-written pages (``docs/**/*.md``) with no ``docs/nn/`` version."""
    if not docs.is_dir():
        return []
    return [
        page
        for page in sorted(docs.rglob("*.md"))
        if page.relative_to(docs).parts[0] != PAGES
        and not (docs / PAGES / page.relative_to(docs)).is_file()
    ]


def _nynorsk_page(project: Any, page: Path) -> str:
    return (Path(project.docs.name) / PAGES / page.relative_to(project.docs)).as_posix()


def missing(library: Library) -> list[Problem]:
    """One warning per own text with no nynorsk version, when the site is in nynorsk."""
    if library.site is None or library.site.language != LANGUAGE:
        return []
    project = library.project
    said = message_file(project.templates / "new" / "messages.yaml")
    problems = Problems(project.root)
    docs = {d.file: d for d in [*library.documents.values(), *library.settings_documents]}
    for page in _untranslated_pages(project.docs):
        problems.warn(
            page,
            1,
            1,
            "",
            said["no_nynorsk_page"],
            expected=said["no_nynorsk_page_expected"].format(path=_nynorsk_page(project, page)),
        )
    for file, path, text in _untranslated(library):
        line, col = docs[file].where(path)
        problems.warn(
            file,
            line,
            col,
            format_path(path),
            said["no_nynorsk"],
            written=" ".join(text.split())[:80],
            expected=said["no_nynorsk_expected"],
            hint=said["no_nynorsk_hint"],
        )
    return problems.items
