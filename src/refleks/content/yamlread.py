"""Read YAML so that what an author writes is what they get.

PyYAML composes the document into nodes (with line and column marks); this module turns the
nodes into plain Python values itself instead of using PyYAML's constructors:

- every plain scalar stays the text the author wrote (``no``, ``0150``, ``12:30``, ``1.10``);
  the schema later turns text into numbers, dates or booleans only where a field wants one;
- ``~``, ``null`` and an empty value are ``None``;
- a duplicate key is an error naming both lines;
- explicit tags (``!!python/object`` and friends) are refused;
- alias expansion is bounded, so an alias bomb is refused quickly.

Positions of every key and value are kept by key path so that schema errors can point at
``file:line:col``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problems
from ..messages import _
from .yamllimits import MAX_DEPTH, too_deep, unreadable_character
from .yamlsyntax import continued_item, diagnose

# keys and list indexes from the top of a document to a value, e.g. ("themes", 0, "id")
KeyPath = tuple[str | int, ...]

MAX_NODES = 200_000
_NULLS = {"", "~", "null", "Null", "NULL"}
_STD = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_STD + "str", _STD + "seq", _STD + "map"}


class _PlainResolver(yaml.resolver.BaseResolver):
    """A resolver with no implicit types: plain scalars stay strings, explicit tags stay visible."""


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    _PlainResolver,
):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        _PlainResolver.__init__(self)


try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML without libyaml
    _CParser = None

if _CParser is not None:

    class _FastLoader(_CParser, _PlainResolver):
        """libyaml's parser with the same resolver: the same nodes and marks, much faster."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _PlainResolver.__init__(self)

else:  # pragma: no cover
    _FastLoader = None


def _compose(text: str) -> Node | None:
    """The document's root node.

    libyaml when PyYAML has it (loading 1,000 themes took seconds with the pure-Python
    parser); on any error the pure-Python parser reads the text again, so the messages
    translated in ``_PROBLEMS_NB`` are always its own.
    """
    if _FastLoader is not None:
        fast = _FastLoader(text)
        try:
            return fast.get_single_node()
        except yaml.YAMLError:
            pass
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


@dataclass
class Document:
    """A loaded YAML file: its data and where each key path sits in the file."""

    file: Path
    data: Any
    keys: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    values: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of a key path, falling back to the nearest parent."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if not key and p in self.keys:
                return self.keys[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


_PROBLEMS_NB = {
    "found character '\\t' that cannot start any token": (
        _("tabulator brukt til innrykk"),
        _("bruk mellomrom, ikke tabulator, til innrykk"),
    ),
    "mapping values are not allowed here": (
        _("kolon midt i en verdi"),
        _('sett verdien i anførselstegn når den inneholder «: », for eksempel title: "Tid: 12:30"'),
    ),
    "found unexpected end of stream": (
        _("anførselstegn som ikke er lukket"),
        _("lukk anførselstegnet på samme verdi"),
    ),
    "could not find expected ':'": (
        _("mangler kolon etter en nøkkel"),
        _("skriv «nøkkel: verdi»; har en tidligere verdi et anførselstegn som ikke er lukket?"),
    ),
    "expected <block end>, but found '<block mapping start>'": (
        _("innrykket stemmer ikke"),
        _("nøkler på samme nivå må ha nøyaktig samme innrykk"),
    ),
    "expected <block end>, but found '<block sequence start>'": (
        _("innrykket stemmer ikke"),
        _("punktene i en liste må ha samme innrykk"),
    ),
    "expected <block end>, but found '-'": (
        _("innrykket stemmer ikke"),
        _("punktene i en liste må ha samme innrykk"),
    ),
    "found undefined alias": (
        _("alias uten anker"),
        _("definer ankeret (&navn) før aliaset (*navn)"),
    ),
}


def _describe(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return node.value
    if isinstance(node, SequenceNode):
        return _("en liste")
    return _("en tabell (nøkkel: verdi)")


class _Converter:
    def __init__(self, doc: Document, problems: Problems, text: str = "") -> None:
        self.doc = doc
        self.problems = problems
        self.lines = text.splitlines()
        self.count = 0
        self.seen: set[int] = set()  # nodes converted (ids): one met again is an alias
        self.aliased = False
        self.bomb = False
        self.deep = False
        self.fatal = False  # errors after which the data cannot be checked further

    def _too_many(self, node: Node, path: KeyPath) -> None:
        if self.aliased:
            self.error(
                node,
                path,
                _("filen er for stor etter at aliaser er utvidet (mulig alias-bombe)"),
                expected=_("høyst {most} verdier", most=MAX_NODES),
                hint=_("bruk ikke ankere (&) og aliaser (*) til å gjenta innhold"),
            )
        else:
            self.error(
                node,
                path,
                _("filen har for mange verdier"),
                expected=_("høyst {most} verdier i én fil", most=MAX_NODES),
                hint=_("del innholdet i flere filer"),
            )

    def at(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def error(self, node: Node, path: KeyPath, message: str, **kw: Any) -> None:
        line, col = self.at(node)
        self.problems.add(self.doc.file, line, col, format_path(path), message, **kw)

    def convert(self, node: Node, path: KeyPath) -> Any:
        self.count += 1
        if id(node) in self.seen:  # an alias: the composer hands out the anchored node again
            self.aliased = True
        elif self.count <= MAX_NODES:
            self.seen.add(id(node))
        if self.count > MAX_NODES:
            self.fatal = True
            if not self.bomb:
                self.bomb = True
                self._too_many(node, path)
            return None
        if len(path) > MAX_DEPTH:  # stop before every later stage would recurse that deep
            self.fatal = True
            if not self.deep:
                self.deep = True
                line, col = self.at(node)
                too_deep(self.doc.file, "", self.problems, line, col)
            return None
        self.doc.values.setdefault(path, self.at(node))
        if node.tag not in _ALLOWED_TAGS:
            self.fatal = True
            self.error(
                node,
                path,
                _("YAML-tagger er ikke tillatt"),
                written=node.tag.replace(_STD, "!!"),
                expected=_("vanlig tekst, liste eller tabell uten tagg"),
                hint=_("fjern taggen (det som begynner med !)"),
            )
            return None
        if isinstance(node, ScalarNode):
            if not node.style and node.value in _NULLS:  # plain: None, or '' (libyaml)
                return None
            if not node.style and node.end_mark.line > node.start_mark.line:
                self.continued(node, path)
            return node.value
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.mapping(node, path)

    def continued(self, node: ScalarNode, path: KeyPath) -> None:
        """A plain text over several lines with a line that starts with «- »: a list item
        indented too far, which YAML silently made part of the item above."""
        found = continued_item(self.lines, node.start_mark.line, node.end_mark.line)
        if found is None:
            return
        line = self.lines[found]
        self.problems.add(
            self.doc.file,
            found + 1,
            len(line) - len(line.lstrip()) + 1,
            format_path(path),
            _("punktet er rykket for langt inn, så det leses som en del av teksten over"),
            written=line.strip(),
            expected=_(
                "«- » med samme innrykk som punktet på linje {line}",
                line=node.start_mark.line + 1,
            ),
            hint=_("rykk linjen ut så bindestreken står rett under bindestreken over"),
        )

    def mapping(self, node: MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _STD + "merge":
                self.fatal = True
                self.error(key_node, path, _("YAML-fletting («<<») er ikke tillatt"))
                continue
            if not isinstance(key_node, ScalarNode):
                self.fatal = True
                self.error(
                    key_node,
                    path,
                    _("en nøkkel må være vanlig tekst"),
                    written=_describe(key_node),
                    expected="tekst",
                )
                continue
            key = key_node.value
            line, col = self.at(key_node)
            if key in first_line:
                self.error(
                    key_node,
                    (*path, key),
                    _(
                        "nøkkelen «{key}» står to ganger (linje {first} og {line})",
                        key=key,
                        first=first_line[key],
                        line=line,
                    ),
                    written=key,
                    expected=_("hver nøkkel bare én gang i samme tabell"),
                    hint=_("slå sammen de to eller fjern den ene"),
                )
                continue
            first_line[key] = line
            self.doc.keys[(*path, key)] = (line, col)
            result[key] = self.convert(value_node, (*path, key))
        return result


def format_path(path: KeyPath) -> str:
    """Key path as authors read it: ``themes[0].questions.leder-gjennomgang``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def read_text(file: Path, problems: Problems) -> str | None:
    """Read a file as UTF-8 (a byte-order mark is accepted); report anything else."""
    raw = file.read_bytes()
    try:
        # NFC: an "Å" typed as A + ring sorts, compares and searches like the one-character "Å"
        return unicodedata.normalize("NFC", raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.add(
            file,
            line,
            col,
            "",
            _("filen er ikke lagret som UTF-8"),
            written=f"byte 0x{raw[exc.start]:02x}",
            expected=_("tekst i UTF-8"),
            hint=_("lagre filen på nytt som UTF-8 i redigeringsprogrammet"),
        )
        return None


def load(file: Path, problems: Problems) -> Document | None:
    """Load one YAML file; on any problem, report it and return ``None``."""
    text = read_text(file, problems)
    if text is None:
        return None
    doc = Document(file, None)
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        problems.add(file, 1, 1, "", _("filen er tom"), expected=_("innhold i YAML"))
        return None
    try:
        root = _compose(text)
    except yaml.reader.ReaderError as exc:  # a NUL byte or another character YAML refuses
        unreadable_character(file, text, exc.position, problems)
        return None
    except RecursionError:
        too_deep(file, text, problems)
        return None
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "single document" in f"{exc.context} {exc.problem}":
            problems.add(
                file,
                mark.line + 1,
                mark.column + 1,
                "",
                _("filen inneholder mer enn ett YAML-dokument"),
                written="---",
                expected=_("ett dokument per fil"),
                hint=_("fjern linjen «---» eller del innholdet i to filer"),
            )
        else:
            _syntax(file, text, exc, problems)
        return None
    except yaml.MarkedYAMLError as exc:
        _syntax(file, text, exc, problems)
        return None
    if root is None:
        problems.add(file, 1, 1, "", _("filen er tom"), expected=_("innhold i YAML"))
        return None
    converter = _Converter(doc, problems, text)
    doc.data = converter.convert(root, ())
    # a duplicate key keeps its first value so the schema can still report everything else
    return None if converter.fatal else doc


def _syntax(file: Path, text: str, exc: yaml.MarkedYAMLError, problems: Problems) -> None:
    found = diagnose(text, exc)
    if found is not None:
        problems.add(
            file,
            found.line,
            found.column,
            "",
            _("YAML-syntaksfeil: {message}", message=found.message),
            written=found.written,
            expected=found.expected,
            hint=found.hint,
        )
        return
    mark = exc.problem_mark or exc.context_mark
    problem = (exc.problem or "").strip()
    message, hint = _PROBLEMS_NB.get(problem, (None, None))
    if message is None:
        if "while scanning a quoted scalar" in (exc.context or ""):
            message, hint = _PROBLEMS_NB["found unexpected end of stream"]
        else:
            message = _("ugyldig YAML")
            hint = _("sjekk innrykk, kolon og anførselstegn på denne linjen og linjen over")
    if "while scanning a quoted scalar" in (exc.context or "") and exc.context_mark:
        mark = exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problems.add(
        file,
        line,
        col,
        "",
        _("YAML-syntaksfeil: {message}", message=message),
        expected=_("gyldig YAML"),
        hint=hint,
    )
