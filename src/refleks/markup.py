"""Markdown in content: rendered with python-markdown, then sanitised with nh3."""

from __future__ import annotations

import html
import re
import threading
from functools import lru_cache
from html.parser import HTMLParser
from typing import Literal

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

# tags whose content is code or another document: a warning names them when they are removed
_ACTIVE_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "template",
    "video",
    "audio",
    "source",
    "track",
    "portal",
    "noscript",
    "xmp",
    "plaintext",
}
# bytes a browser drops from a URL before it reads the scheme (``java\tscript:``)
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)


def _url_scheme(value: str) -> str | None:
    m = _SCHEME.match(_URL_IGNORED.sub("", value))
    return m.group(1).lower() if m else None


def _allowed_link(value: str) -> bool:
    """http, https, mailto or a relative address in the site."""
    scheme = _url_scheme(value)
    return scheme is None or scheme in _SCHEMES


def _local_image(value: str) -> bool:
    """An image from the site itself: a relative path, no scheme, no ``//host`` or ``/\\host``."""
    squeezed = _URL_IGNORED.sub("", value)
    return bool(squeezed) and _url_scheme(squeezed) is None and squeezed[0] not in "/\\"


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "src":  # images only from the site itself: no request to another host
        return value if _local_image(value) else None
    if attr == "href":
        return value if _allowed_link(value) else None
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


# every character python-markdown and the site's extensions give a meaning to that a
# backslash can take away: links, images, emphasis, code, attribute lists, table cells,
# headings, admonitions
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|!])")
# the same less the parentheses, which make no link once the brackets are escaped
_MD_SPECIAL_IN_CELL = re.compile(r"([\\`*_{}\[\]#|!])")
# what starts a block at the beginning of a line (a list item, a numbered item)
_MD_LINE_START = re.compile(r"^([-+]|\d+(?=[.)]))")

MarkdownTarget = Literal["site", "table cell"]


def md_text(value: object, target: MarkdownTarget) -> Markup:
    """Plain text written into Markdown so that nothing in it becomes markup: ``& < >`` as
    entities and Markdown's marks escaped with a backslash, for one of two targets.

    Both are made one line: a line break could start a block, end a heading or a table row.

    ``"site"``: a line the site engine renders (a heading, a list item, a link text). Its
    parentheses are escaped too, and a list or number mark at its start becomes an entity.
    Quotes stay as they are (``escape`` would make them ``&#34;`` whose ``#`` Markdown then
    sees); they cannot start markup in running text.

    ``"table cell"``: a cell of a Markdown table in a document people read as text (the
    walkround's ``tidslinje.md``): only the marks that could make markup inside the cell are
    escaped, so the text reads as written.
    """
    text = html.escape(" ".join(str(value).split()), quote=False)  # a line break ends a row
    if target == "table cell":
        return Markup(_MD_SPECIAL_IN_CELL.sub(r"\\\1", text))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(1)), text)
    return Markup(text)


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


class _Removed(HTMLParser):
    """What the sanitiser drops from rendered Markdown: active tags, event handlers and other
    attributes it does not keep, links with another scheme, images from another host.
    The parser decodes entities the way a browser does, so encoded forms are seen too."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = self.get_starttag_text() or f"<{tag}>"
        if tag in _ACTIVE_TAGS:
            self.parts.append(written)
            return
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("style", "srcdoc", "formaction"):
                self.parts.append(f"{name}={value}")
            elif (
                name == "href"
                and not _allowed_link(value)
                or name == "src"
                and not _local_image(value)
            ):
                self.parts.append(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


# what looks like active markup in the text a reader sees (entity- or backslash-encoded
# markup that Refleks shows as plain text)
_LOOKS_ACTIVE = [
    re.compile(r"<\s*/?\s*(" + "|".join(sorted(_ACTIVE_TAGS)) + r")\b[^>]*>?", re.I),
    re.compile(r"\bon[a-z]+\s*=\s*\S+", re.I),
    re.compile(r"\b(java|vb)script\s*:\S*", re.I),
    re.compile(r"\bdata\s*:\s*[a-z]+/[^\s)]*", re.I),
    re.compile(r"!\[[^\]]*\]\([^)]*\)?"),
    re.compile(r"\{:?[^}\n]*[#.=][^}\n]*\}"),
]


def unsafe_parts(text: str) -> list[str]:
    """Pieces of ``text`` the sanitiser removes (for warnings that name the place)."""
    parser = _Removed()
    parser.feed(_markdown(text))
    parser.close()
    return parser.parts


def inert_parts(text: str) -> list[str]:
    """Pieces of what the reader sees of Markdown ``text`` that look like active markup but
    are shown as text."""
    return looks_active(plain(text))


def looks_active(seen: str) -> list[str]:
    """Pieces of text shown as written that look like active markup."""
    parts = []
    for pattern in _LOOKS_ACTIVE:
        for m in pattern.finditer(seen):
            part = m.group(0)
            while part.endswith(")") and part.count(")") > part.count("("):
                part = part[:-1]  # the end of a Markdown link, not part of the address
            parts.append(part)
    return parts
