"""The handouts' HTML read into the document tree that ``print.typ`` lays out (issue 14).

The handout templates in ``templates/handouts/*.html.j2`` stay the one place the printed
words are written. Their HTML is read here into a plain document tree (element, classes,
a few attributes, children; text as strings), given to ``templates/handouts/print.typ`` as
JSON, and laid out by Typst (``refleks.pdfbackend``) in one pass: the ruled writing lines
fill the room left on each page by Typst's own layout (fractional space), so nothing is
laid out twice.

The tree holds only text and structure: strings from the content become Typst text, never
Typst markup, so content cannot reach the layout language. Typst writes tagged PDF/UA-1
with the title and language from the HTML's ``<title>`` and ``lang``, embeds the DejaVu
fonts it is given (and no system font), and writes the same bytes for the same tree: its
only date is the ``dcterms.created`` of the HTML (``SOURCE_DATE_EPOCH`` or the content's).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

TEMPLATE = "print.typ"

_INLINE = {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "span", "strong"}
_INLINE |= {"sub", "sup"}
_VOID = {"br", "hr", "img", "meta", "link"}
_ATTRIBUTES = {"href", "id", "colspan", "alt", "lang"}
_SPACE = re.compile(r"\s+")

Node = dict[str, Any]


class _TreeBuilder(HTMLParser):
    """HTML (as the handout templates write it) to nested dicts: ``t`` the element,
    ``c`` its classes, ``a`` the attributes Typst uses, ``k`` the children."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: Node = {"t": "root", "c": [], "a": {}, "k": []}
        self.stack: list[Node] = [self.root]
        self.meta: dict[str, str] = {}
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and "name" in values:
            self.meta[values["name"]] = values.get("content", "")
        if tag == "html":
            self.lang = values.get("lang", "")
        node: Node = {
            "t": tag,
            "c": values.get("class", "").split(),
            "a": {k: v for k, v in values.items() if k in _ATTRIBUTES},
            "k": [],
        }
        self.stack[-1]["k"].append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth]["t"] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1]["k"].append(data)


def _tidy(node: Node) -> Node:
    """Collapse white space as a browser does: runs become one space, and white space
    between blocks or at the edges of a block is dropped."""
    inline = node["t"] in _INLINE
    keep_spaces = inline or any(_is_inline(k) for k in node["k"])
    children: list[Any] = []
    for child in node["k"]:
        if isinstance(child, str):
            text = _SPACE.sub(" ", child)
            if keep_spaces or text.strip():
                children.append(text)
        else:
            children.append(_tidy(child))
    if not inline and children:
        if isinstance(children[0], str):
            children[0] = children[0].lstrip()
        if isinstance(children[-1], str):
            children[-1] = children[-1].rstrip()
    node["k"] = [c for c in children if c != ""]
    return node


def _is_inline(child: Any) -> bool:
    return isinstance(child, dict) and child["t"] in _INLINE


def _find(node: Node, tag: str) -> Node | None:
    for child in node["k"]:
        if isinstance(child, dict):
            if child["t"] == tag:
                return child
            found = _find(child, tag)
            if found is not None:
                return found
    return None


def _text(node: Node | None) -> str:
    if node is None:
        return ""
    return "".join(c if isinstance(c, str) else _text(c) for c in node["k"]).strip()


def document_tree(html: str) -> dict[str, Any]:
    """What ``print.typ`` lays out: the metadata and the body's tree."""
    parser = _TreeBuilder()
    parser.feed(html)
    parser.close()
    body = _find(parser.root, "body") or parser.root
    return {
        "title": " ".join(_text(_find(parser.root, "title")).split()),
        "lang": parser.lang or "nb",
        "author": parser.meta.get("author", ""),
        "description": parser.meta.get("description", ""),
        "created": _date(parser.meta.get("dcterms.created", "")),
        "body": _tidy(body),
    }


def _date(stamp: str) -> dict[str, int] | None:
    """``2026-01-01T00:00:00Z`` as Typst's datetime fields (None: no date in the PDF)."""
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)Z?", stamp)
    if match is None:
        return None
    names = ("year", "month", "day", "hour", "minute", "second")
    return dict(zip(names, (int(part) for part in match.groups()), strict=True))


def document_data(html: str) -> str:
    """The JSON ``print.typ`` reads (also the PDF cache's key)."""
    return json.dumps(document_tree(html), ensure_ascii=False, sort_keys=True)
