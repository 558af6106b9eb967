"""What a content file may not hold before it is read any further: characters YAML refuses
(a NUL byte) and nesting deeper than the content model can use. Each is reported at its line
and column, never as an "uventet feil"."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problems
from ..messages import _

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings a content file may have (the content model needs
fewer than ten levels; each level costs stack in every later stage)."""


def too_deep(file: Path, text: str, problems: Problems, line: int = 0, col: int = 0) -> None:
    if not line:  # the parser gave up: point at the first line that is that deep
        line, col = _first_deep_line(text)
    problems.add(
        file,
        line,
        col,
        "",
        _("innholdet er nøstet for dypt (mer enn {most} nivåer)", most=MAX_DEPTH),
        expected=_("lister og nøkler nøstet høyst {most} nivåer", most=MAX_DEPTH),
    )


def _first_deep_line(text: str) -> tuple[int, int]:
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        if indent > 2 * MAX_DEPTH:  # block nesting: two spaces or more per level
            return number, indent + 1
        for col, char in enumerate(line, 1):
            depth += (char in "[{") - (char in "]}")
            if depth > MAX_DEPTH:
                return number, col
    return 1, 1


def unreadable_character(file: Path, text: str, position: int, problems: Problems) -> None:
    before = text[:position]
    line = before.count("\n") + 1
    col = position - (before.rfind("\n") + 1) + 1
    char = text[position] if position < len(text) else ""
    problems.add(
        file,
        line,
        col,
        "",
        _("filen har et tegn som ikke kan stå i YAML"),
        written=f"U+{ord(char):04X}" if char else None,
        expected=_("tekst uten NUL og andre kontrolltegn (unntatt tabulator og linjeskift)"),
        hint=_("slett tegnet; det er ofte usynlig i redigeringsprogrammet"),
    )
