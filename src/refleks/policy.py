"""The Content-Security-Policy every page of the built site carries, as a ``<meta>`` element
(it works from a web server and from ``file://`` alike).

Scripts come only from the site itself (``script-src 'self'``): no ``'unsafe-inline'``, no
other origin. The few inline scripts the site engine writes into each page (the theme's
colour scheme and storage scope) are allowed by their SHA-256 hash, worked out per page from
the bytes the page holds, so a changed or injected inline script does not run. Nothing is
sent anywhere (``form-action 'none'``), no plug-ins (``object-src 'none'``), no ``<base>``
(``base-uri 'none'``; the page for a missing address sets its own). ``frame-ancestors``
cannot be set in a ``<meta>`` element: a web server sends it as a header (README,
«Sikkerhetsregel for nettstedet»). A deck also allows the one inline script of reveal.js's
speaker view, a window that inherits the deck's policy (``SPEAKER_VIEW``).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path, PurePosixPath

from .errors import BuildFailed

# everything but the scripts, the same on every page
FIXED = (
    "default-src 'self'",
    "img-src 'self' data:",
    # the theme and reveal.js set style attributes from their scripts
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
)
_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(rb"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_HEAD = re.compile(rb"<head\b[^>]*>(?:\s*<meta charset=[^>]*>)?", re.I)
_RUNS = {b"", b"text/javascript", b"application/javascript", b"module"}


def inline_hashes(html: bytes) -> list[str]:
    """``'sha256-…'`` of every inline script the browser would run, in page order."""
    found: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.groups()
        if re.search(rb"\bsrc\s*=", attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else b"") not in _RUNS:
            continue  # data blocks (application/json) do not run
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in found:
            found.append(f"'sha256-{digest}'")
    return found


NOT_FOUND = "404.html"
"""The page a server sends for any missing address, at any depth: it sets ``<base>`` to the
site's top folder from the address (``site.engine``), so it may have a base of its own."""


def policy(html: bytes, base: str = "'none'", extra: Sequence[str] = ()) -> str:
    """The policy of a page: its own inline scripts' hashes and ``extra`` ones."""
    hashes = inline_hashes(html)
    scripts = " ".join(["script-src 'self'", *hashes, *(h for h in extra if h not in hashes)])
    fixed = [part if part != "base-uri 'none'" else f"base-uri {base}" for part in FIXED]
    return "; ".join([*fixed[:1], scripts, *fixed[1:]])


SPEAKER_VIEW = re.compile(rb"<script\b[^>]*\bsrc=\"([^\"]*notes\.js)\"", re.I)
"""A deck with reveal.js's speaker notes. The speaker view is a new window (``about:blank``)
that notes.js writes with ``document.write``, inline scripts and all; a new window inherits
its opener's policy, so the deck's policy also allows those scripts, by the hash of the
scripts in the notes.js the deck loads (``speaker_hashes``)."""

_WRITTEN = re.compile(r"\.document\.write\(\s*`")
_CHANGED = (
    "fant ikke talervisningens skript i notes.js fra reveal.js (en side skrevet med "
    "document.write(`…`) uten ${…}); se på src/refleks/policy.py etter den nye versjonen av "
    "reveal.js"
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}


def _template_end(code: str, start: int) -> int:
    """Where the JavaScript template literal that begins at ``start`` ends (its backtick)."""
    i = start
    while i < len(code):
        if code[i] == "\\":
            i += 2
            continue
        if code[i] == "`":
            return i
        if code.startswith("${", i):
            raise BuildFailed(_CHANGED)
        i += 1
    raise BuildFailed(_CHANGED)


def _cooked(raw: str) -> str:
    """The string a JavaScript template literal's source text stands for (its escapes and
    line ends read as the language reads them)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    i = 0
    while i < len(raw):
        char = raw[i]
        if char != "\\":
            out.append(char)
            i += 1
            continue
        code = raw[i + 1]
        if code == "x":
            out.append(chr(int(raw[i + 2 : i + 4], 16)))
            i += 4
        elif code == "u" and raw[i + 2] == "{":
            end = raw.index("}", i)
            out.append(chr(int(raw[i + 3 : end], 16)))
            i = end + 1
        elif code == "u":
            out.append(chr(int(raw[i + 2 : i + 6], 16)))
            i += 6
        elif code == "0" and not raw[i + 2 : i + 3].isdigit():
            out.append("\0")
            i += 2
        elif code.isdigit():
            raise BuildFailed(_CHANGED)
        else:  # a line end after the backslash continues the line; others stand for themselves
            out.append("" if code == "\n" else _ESCAPES.get(code, code))
            i += 2
    return "".join(out)


@functools.lru_cache(maxsize=4)  # every deck of a site loads the same notes.js
def speaker_hashes(notes_js: bytes) -> tuple[str, ...]:
    """``'sha256-…'`` of the inline scripts of every page notes.js writes into a new window
    (``….document.write(`…`)``), worked out from the file itself, so an upgrade of reveal.js
    or a changed text in it cannot leave the speaker view without its hash."""
    code = notes_js.decode("utf-8")
    found: list[str] = []
    for match in _WRITTEN.finditer(code):
        page = _cooked(code[match.end() : _template_end(code, match.end())])
        found += [h for h in inline_hashes(page.encode("utf-8")) if h not in found]
    if not found:
        raise BuildFailed(_CHANGED)
    return tuple(found)


Loader = Callable[[str], "bytes | None"]
"""The bytes of a file a page refers to by a relative address, ``None`` if there is none."""


def protect(html: bytes, base: str = "'none'", load: Loader | None = None) -> bytes:
    """The page with its policy as the first element of ``<head>``; unchanged without one.
    A deck with a speaker view (``SPEAKER_VIEW``) also allows the speaker view's scripts,
    from the notes.js ``load`` gives for the deck's address of it."""
    head = _HEAD.search(html)
    if head is None or b'http-equiv="Content-Security-Policy"' in html:
        return html
    extra: tuple[str, ...] = ()
    speaker = SPEAKER_VIEW.search(html)
    if speaker:
        address = speaker.group(1).decode("utf-8")
        notes_js = load(address) if load else None
        if notes_js is None:
            raise BuildFailed(f"{address}, som lysarkene henter, mangler ved siden av dem")
        extra = speaker_hashes(notes_js)
    content = policy(html, base, extra)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'.encode()
    return html[: head.end()] + meta + html[head.end() :]


def _beside(page: PurePosixPath, address: str) -> PurePosixPath | None:
    """The path, in the same tree, of what ``page`` refers to by a relative ``address``."""
    parts: list[str] = list(page.parent.parts)
    for part in address.split("?", 1)[0].split("#", 1)[0].split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return PurePosixPath(*parts) if parts else None


def protect_files(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Every HTML page of a package (path in the package -> bytes) with its policy."""

    def loader(page: str) -> Loader:
        def load(address: str) -> bytes | None:
            found = _beside(PurePosixPath(page), address)
            return files.get(found.as_posix()) if found else None

        return load

    return {
        path: protect(data, load=loader(path)) if path.endswith(".html") else data
        for path, data in files.items()
    }


def apply(root: Path) -> None:
    """Give every HTML page under ``root`` its policy."""
    for path in sorted(root.rglob("*.html")):

        def load(address: str, page: Path = path) -> bytes | None:
            found = _beside(PurePosixPath(page.relative_to(root).as_posix()), address)
            target = root.joinpath(*found.parts) if found else None
            return target.read_bytes() if target and target.is_file() else None

        data = path.read_bytes()
        protected = protect(data, "'self'" if path == root / NOT_FOUND else "'none'", load)
        if protected != data:
            path.write_bytes(protected)
