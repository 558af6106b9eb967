"""Content problems: one record per problem, collected over a whole run and reported once.

Every message is in Norwegian and names the file, line and column, the key path, what was
written, what was expected and, where one helps, a hint.
"""

from __future__ import annotations

import difflib
import errno
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .messages import _, localized

# how users read a problem's severity
SEVERITY_WORDS = {"error": _("feil"), "warning": _("advarsel")}


def visible(text: str) -> str:
    """``text`` on one line with control and format characters (bidi overrides, CR, U+009B)
    written as ``U+XXXX`` and line breaks as ``\\n``: a message shows what is there."""
    out = []
    for c in text:
        if c == "\n":
            out.append("\\n")
        elif unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(f"U+{ord(c):04X}")
        else:
            out.append(c)
    return "".join(out)


# bidirectional controls: they reorder what a terminal shows (a line can read backwards)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def shown(text: str, keep: str = "\n\t") -> str:
    """``text`` with every control character except those in ``keep`` written as ``U+XXXX``
    (ESC, OSC, BEL, CR, CSI, line separators, bidi controls): what Refleks prints or writes
    into a cell can then neither steer a terminal nor break a file format."""
    out = []
    for c in text:
        if c not in keep and (c in _BIDI or unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp")):
            out.append(f"U+{ord(c):04X}")
        else:
            out.append(c)
    return "".join(out)


class ShownStream:
    """A text stream that passes what is written through ``shown``: installed over
    ``sys.stdout`` and ``sys.stderr`` for a whole run (``cli.main``), so no message of any
    command or mode can carry a control character from the content to the terminal."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(shown(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning about the content."""

    file: str
    line: int
    column: int
    path: str
    message: str
    written: str | None = None
    expected: str | None = None
    hint: str | None = None
    severity: str = "error"  # "error" or "warning"

    def format(self) -> str:
        # a folder or a missing file has no line to point at
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        # in the language spoken now (``messages.speaking``), the frame's words as well
        severity = localized(SEVERITY_WORDS[self.severity])
        lines = [f"{where}: {severity}: {localized(self.message)}"]
        if self.path:
            lines.append(f"  {localized(KEY)}: {self.path}{positions(self.path, self.file)}")
        if self.written is not None:
            lines.append(f"  {localized(WRITTEN)}: {visible(localized(self.written))}")
        if self.expected is not None:
            lines.append(f"  {localized(EXPECTED)}: {localized(self.expected)}")
        if self.hint:
            lines.append(f"  {localized(HINT)}: {localized(self.hint)}")
        return "\n".join(lines)


KEY, WRITTEN, EXPECTED, HINT = _("nøkkel"), _("skrevet"), _("forventet"), _("tips")
"""The words before a problem's key path, what was written, what was expected and a hint."""

# what an author calls an entry of a list, by the list's key (``themes[0]`` is «tema 1»)
_ITEM_NOUNS = {
    "themes": _("tema"),
    "findings": _("funn"),
    "recommendations": _("anbefaling"),
    "stories": _("fortelling"),
    "statistics": _("tabell"),
    "visits": _("visitt"),
    "sources": _("kilde"),
    "links": _("lenke"),
    "sections": _("avsnitt"),
    "definitions": _("definisjon"),
    "discrepancies": _("merknad"),
}
_INDEXED = re.compile(r"(?:^|\.)([^.\[]*)((?:\[\d+\])+)")


def positions(path: str, file: str = "") -> str:
    """The list entries in a key path counted from 1, as authors count them:
    ``themes[0].questions.leder[1]`` is « (tema 1, spørsmål 2)»; empty without lists."""
    found = []
    for match in _INDEXED.finditer(path):
        key = match.group(1)
        before = path[: match.start(1)]
        if before.endswith("questions."):
            noun = _("spørsmål")
        elif not key and file.endswith("roles.yaml"):
            noun = _("rolle")
        else:
            noun = _ITEM_NOUNS.get(key)
        indexes = re.findall(r"\d+", match.group(2))
        if noun and len(indexes) == 1:  # a table's rows and cells keep their [i][j]
            found.append(f"{localized(noun)} {int(indexes[0]) + 1}")
    return f" ({', '.join(found)})" if found else ""


@dataclass
class Problems:
    """Collects problems from every stage of a run."""

    root: Path | None = None
    items: list[Problem] = field(default_factory=list)

    def rel(self, file: Path | str) -> str:
        path = Path(file)
        if self.root is not None:
            try:  # the link itself, not where it points (a loop cannot be resolved)
                where = path.parent.resolve() / path.name
                return where.relative_to(self.root.resolve()).as_posix()
            except (ValueError, OSError, RuntimeError):
                pass
        return path.as_posix()

    def add(
        self,
        file: Path | str,
        line: int,
        column: int,
        path: str,
        message: str,
        *,
        written: str | None = None,
        expected: str | None = None,
        hint: str | None = None,
        severity: str = "error",
    ) -> None:
        self.items.append(
            Problem(self.rel(file), line, column, path, message, written, expected, hint, severity)
        )

    def warn(self, file: Path | str, line: int, column: int, path: str, message: str, **kw) -> None:
        self.add(file, line, column, path, message, severity="warning", **kw)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def sorted(self) -> list[Problem]:
        return sorted(
            set(self.items),
            key=lambda p: (
                p.file,
                p.line,
                p.column,
                p.message,
                p.path,
                p.written or "",
                p.severity,
            ),
        )

    def report(self) -> str:
        return "\n".join(p.format() for p in self.sorted())


def did_you_mean(written: str, choices: list[str]) -> str | None:
    """A hint naming the choice closest to what was written, when one is close enough."""
    close = difflib.get_close_matches(written, choices, n=1, cutoff=0.6)
    return _("mente du «{choice}»?", choice=close[0]) if close else None


class ContentInvalid(Exception):
    """Raised after validation when the content has errors; carries all of them."""

    def __init__(self, problems: Problems):
        super().__init__(_("{n} feil i innholdet", n=len(problems.errors)))
        self.problems = problems


class UsageError(Exception):
    """Wrong use: a bad argument or option, a file that is not there, a bad setting such as
    ``SOURCE_DATE_EPOCH``. The message is shown to the user as is; the exit code is 2."""


class BuildFailed(Exception):
    """The build could not finish: the site engine stopped, a template could not be used or a
    package is missing. Shown to the user as is; the exit code is 1, as for invalid content."""


_ERRNO_NB = {
    errno.ENOSPC: _("disken er full"),
    errno.EDQUOT: _("diskkvoten er brukt opp"),
    errno.EACCES: _("mangler tilgang"),
    errno.EPERM: _("operasjonen er ikke tillatt"),
    errno.EROFS: _("filsystemet er skrivebeskyttet"),
    errno.EBUSY: _("filen eller mappen er i bruk"),
    errno.ENOTEMPTY: _("mappen er ikke tom"),
    errno.EISDIR: _("er en mappe, ikke en fil"),
    errno.ENOTDIR: _("en del av stien er ikke en mappe"),
    errno.ENOENT: _("finnes ikke"),
    errno.EEXIST: _("finnes fra før"),
    errno.ELOOP: _("lenker som går i ring"),
    errno.ENAMETOOLONG: _("navnet er for langt"),
    errno.EMFILE: _("for mange åpne filer"),
    errno.EIO: _("lese- eller skrivefeil på disken"),
    errno.EXDEV: _("kan ikke flyttes mellom to disker"),
    errno.EADDRINUSE: _("adressen er i bruk"),
}


def os_message(exc: OSError) -> str:
    """A file-system error in Norwegian: what went wrong and, when known, with which file."""
    what = _ERRNO_NB.get(exc.errno or 0) or _(
        "feil fra operativsystemet (kode {code})", code=exc.errno
    )
    if exc.filename:
        return _("{file}: {what}", file=exc.filename, what=what)
    return what
