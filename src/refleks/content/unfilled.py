"""Warnings for fields a ``refleks new`` file still holds a placeholder in («FYLL UT: ...»):
the file is valid, so ``check`` passes, but the author sees what is left to write, and
``build --strict`` refuses to publish it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Problem, Problems
from ..messages import message_file
from .model import Library
from .yamlread import KeyPath, format_path


def _texts(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _texts(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def unfilled(library: Library) -> list[Problem]:
    """One warning per text that begins with the placeholder, in every content file."""
    project = library.project
    said = message_file(project.templates / "new" / "messages.yaml")
    problems = Problems(project.root)
    for doc in [*library.documents.values(), *library.settings_documents]:
        for path, text in _texts(doc.data):
            if text.lstrip().startswith(said["placeholder"]):
                line, col = doc.where(path)
                problems.warn(
                    doc.file,
                    line,
                    col,
                    format_path(path),
                    said["unfilled"],
                    written=text,
                    expected=said["unfilled_expected"],
                    hint=said["unfilled_hint"],
                )
    return problems.items
