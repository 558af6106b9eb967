"""Markdown in content: rendered with python-markdown, then sanitised with nh3."""

from __future__ import annotations

import html
import re
import threading
from functools import lru_cache

import markdown as md
import nh3
from markupsafe import Markup

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "img",
    "span",
}
_ATTRS = {"a": {"href", "title"}, "abbr": {"title"}, "img": {"src", "alt"}, "th": {"scope"}}
_SCHEMES = {"http", "https", "mailto"}

_UNSAFE = [
    re.compile(r"<\s*(script|style|iframe|object|embed|form|input|link|meta|svg)\b[^>]*>", re.I),
    re.compile(r"<[^>]*\son[a-z]+\s*=[^>]*>", re.I),
    re.compile(r"(javascript|vbscript|data)\s*:[^\s\"'<>]*", re.I),
    re.compile(r"!\[[^\]]*\]\(\s*(https?:)?//[^)]*\)", re.I),
    re.compile(r"<img[^>]*src\s*=\s*[\"']?(https?:)?//[^>]*>", re.I),
]


def unsafe_parts(text: str) -> list[str]:
    """Pieces of ``text`` the sanitiser will remove (for warnings that name the place)."""
    found: list[str] = []
    for pattern in _UNSAFE:
        for m in pattern.finditer(text):
            part = m.group(0)
            while part.endswith(")") and part.count(")") > part.count("("):
                part = part[:-1]  # the end of a Markdown link, not part of the address
            found.append(part)
    return found


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    # images only from the site itself: no request may go to another host
    if tag == "img" and attr == "src" and re.match(r"^([a-z]+:)?//", value, re.I):
        return None
    return value


_local = threading.local()


def _converter() -> md.Markdown:
    """One Markdown converter per thread, reset between texts: building a new one for every
    text took most of the page generation's time on large sites."""
    converter = getattr(_local, "converter", None)
    if converter is None:
        converter = md.Markdown(extensions=["sane_lists", "tables"], output_format="html")
        _local.converter = converter
    return converter


# one line with nothing Markdown could read as markup: no escapes, code, emphasis, links,
# images, HTML, entities, tables, headings; not starting like a list, quote or rule
_PLAIN_LINE = re.compile(r"(?![-+=>]|\d+[.)])[^\x00-\x1f\x7f\\`*_\[\]<>&!|#~]+")


def _markdown(text: str) -> str:
    line = text[:-1] if text.endswith("\n") else text
    if line and line == line.strip() and _PLAIN_LINE.fullmatch(line):
        # what python-markdown makes of such a line, without building its tree (most
        # questions and titles are like this; tests/test_markup_fast_path.py compares)
        return f"<p>{line}</p>"
    return _converter().reset().convert(text)


# large enough for every text of a large site: role pages repeat the themes' questions
@lru_cache(maxsize=65536)
def _render(text: str, inline: bool) -> str:
    out = _markdown(text)
    if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return nh3.clean(
        out,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes=_SCHEMES,
        attribute_filter=_attribute_filter,
        link_rel="noopener noreferrer",
    )


def render(text: str | None) -> Markup:
    """Block Markdown to safe HTML."""
    return Markup(_render(text or "", False))


def render_inline(text: str | None) -> Markup:
    """One line of Markdown (a title, a question) to safe inline HTML."""
    return Markup(_render(text or "", True))


def plain(text: str | None) -> str:
    """Markdown to plain text (for PDFs metadata, spreadsheets, calendar entries)."""
    rendered = _render(text or "", False)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
