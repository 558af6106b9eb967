"""The real cause behind a YAML syntax error, in an author's words.

PyYAML reports where it gave up, which is often a line after the mistake: a key without its
colon is found when the next key (or the end of the file) comes, a forgotten ``- `` looks like
a key without a colon. This module looks at the text around the error and names the mistake
beginners make at the line where they made it: the missing colon after «student», the missing
``- `` in front of a list item, a key indented like the list items above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..messages import _


class _Scanner(yaml.reader.Reader, yaml.scanner.Scanner):
    """Only the tokens: enough to see where a plain text began."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)


@dataclass(frozen=True)
class Diagnosis:
    """One syntax problem at its own line: what is wrong, the line as written and the fix."""

    line: int  # 1-based
    column: int
    message: str
    written: str | None
    expected: str | None
    hint: str | None


def diagnose(text: str, exc: yaml.MarkedYAMLError) -> Diagnosis | None:
    """A diagnosis for the common mistakes, or ``None`` to report PyYAML's problem as is."""
    lines = text.splitlines()
    problem = (exc.problem or "").strip()
    context = exc.context or ""
    if problem == "could not find expected ':'" and "simple key" in context and exc.context_mark:
        return _no_colon(lines, exc.context_mark.line, exc.context_mark.column)
    if problem == "mapping values are not allowed here" and exc.problem_mark:
        start = _scalar_before(text, exc.problem_mark)
        if start is not None and start[0] < exc.problem_mark.line:
            line, col = start
            if col == _indent(lines[line]):  # the text began where a key begins
                return _no_colon(lines, line, col)
            return _swallowed_key(lines, exc.problem_mark.line, line)
        return None
    if problem.startswith("expected <block end>") and exc.problem_mark and exc.context_mark:
        return _misindented(lines, exc.problem_mark, exc.context_mark, context)
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _significant_above(lines: list[str], index: int) -> int | None:
    """The nearest line above ``index`` with content (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _no_colon(lines: list[str], index: int, col: int) -> Diagnosis | None:
    """The line at ``index`` holds a key without a colon, or a list item without ``- ``."""
    written = lines[index][col:].rstrip() if index < len(lines) else ""
    if not written or any(q in written for q in "\"'"):  # an unclosed quote is likelier
        return None
    above = _significant_above(lines, index)
    if (
        above is not None
        and lines[above].lstrip().startswith("- ")
        and (_indent(lines[above]) == col)
    ):
        return _no_dash(lines[above], written, index, col)
    key, _space, rest = written.partition(" ")
    fixed = f"{key}: {rest.strip()}" if rest.strip() else f"{key}:"
    return Diagnosis(
        index + 1,
        col + len(key) + 1,
        _("mangler kolon etter «{key}»", key=key),
        written,
        fixed,
        _("skriv kolon rett etter nøkkelen (og mellomrom etter kolonet)"),
    )


def _swallowed_key(lines: list[str], index: int, start: int) -> Diagnosis | None:
    """A key indented further than the text above it, so YAML read it as more of that text."""
    written = lines[index].strip()
    key = written.split(":", 1)[0]
    if not re.fullmatch(r"[^\s:#\"'-][^\s:]*", key):
        return None
    return Diagnosis(
        index + 1,
        _indent(lines[index]) + 1,
        _("innrykket stemmer ikke: «{key}:» er rykket for langt inn", key=key),
        written,
        _("«{key}:» med mindre innrykk enn teksten på linje {line}", key=key, line=start + 1),
        _(
            "en nøkkel som står lenger inn enn teksten over, leses som en del av "
            "teksten; rykk den ut så den står rett under nøkkelen den hører sammen "
            "med"
        ),
    )


def continued_item(lines: list[str], first: int, last: int) -> int | None:
    """The line (0-based) in a plain text from ``first`` to ``last`` that starts with «- »:
    a list item indented too far, read as more of the text above it."""
    for i in range(first + 1, min(last, len(lines) - 1) + 1):
        if lines[i].lstrip().startswith("- "):
            return i
    return None


def _no_dash(item_above: str, written: str, index: int, col: int) -> Diagnosis:
    pad = " " * 6
    return Diagnosis(
        index + 1,
        col + 1,
        _("punktet mangler «- » foran"),
        written,
        _(
            "«- » foran hvert punkt i listen, med samme innrykk, "
            "slik:\n{pad}{above}\n{pad}- {written}",
            pad=pad,
            above=item_above.strip(),
            written=written,
        ),
        _("skriv «- » (bindestrek og mellomrom) først på linjen"),
    )


def _misindented(
    lines: list[str], found: yaml.Mark, start: yaml.Mark, context: str
) -> Diagnosis | None:
    """A key or list item whose indentation does not match the table or list it is in."""
    if found.line >= len(lines) or start.line >= len(lines):
        return None
    written = lines[found.line].strip()
    first = lines[start.line].strip()
    if "block collection" in context:  # a list: the item above is a «- », this line is not
        owner = _owner(lines, start.line, start.column)
        same = (
            _(
                "samme innrykk som «{key}:» på linje {line} ({spaces} mellomrom)",
                key=owner[0],
                line=owner[1] + 1,
                spaces=owner[2],
            )
            if owner
            else _("samme innrykk som nøkkelen listen hører til")
        )
        return Diagnosis(
            found.line + 1,
            found.column + 1,
            _("innrykket stemmer ikke: linjen står inne i listen over, men er ikke et punkt i den"),
            written,
            _("{same}, eller «- » foran linjen hvis den er et nytt punkt i listen", same=same),
            _("rykk linjen ut så den står rett under nøkkelen listen hører til"),
        )
    if "block mapping" in context and start.line != found.line:
        return Diagnosis(
            found.line + 1,
            found.column + 1,
            _("innrykket stemmer ikke"),
            written,
            _(
                "samme innrykk som «{key}:» på linje {line} ({spaces} mellomrom)",
                key=_key_of(first),
                line=start.line + 1,
                spaces=start.column,
            ),
            _("nøkler på samme nivå må ha nøyaktig samme innrykk; rykk linjen inn eller ut"),
        )
    return None


def _key_of(line: str) -> str:
    return line.removeprefix("- ").split(":", 1)[0].strip()


def _owner(lines: list[str], index: int, col: int) -> tuple[str, int, int] | None:
    """The key a list at ``index``/``col`` belongs to: the nearest line above with less
    indentation."""
    for i in range(index - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#") and _indent(lines[i]) < col:
            if ":" not in stripped:
                return None
            key_col = _indent(lines[i]) + (2 if stripped.startswith("- ") else 0)
            return _key_of(stripped), i, key_col
    return None


def _scalar_before(text: str, mark: yaml.Mark) -> tuple[int, int] | None:
    """Where the plain text that ends at ``mark`` began (line and column, 0-based)."""
    last = None
    scanner = _Scanner(text)
    try:
        while (token := scanner.get_token()) is not None:
            if isinstance(token, yaml.ScalarToken) and token.plain:
                last = token
    except yaml.YAMLError:
        pass
    if last is None or last.end_mark.index > mark.index:
        return None
    return last.start_mark.line, last.start_mark.column
