"""The Content-Security-Policy every page of the built site carries, as a ``<meta>`` element
(it works from a web server and from ``file://`` alike).

Scripts come only from the site itself (``script-src 'self'``): no ``'unsafe-inline'``, no
other origin. The few inline scripts the site engine writes into each page (the theme's
colour scheme and storage scope) are allowed by their SHA-256 hash, worked out per page from
the bytes the page holds, so a changed or injected inline script does not run. Nothing is
sent anywhere (``form-action 'none'``), no plug-ins (``object-src 'none'``), no ``<base>``
(``base-uri 'none'``; the page for a missing address sets its own). ``frame-ancestors``
cannot be set in a ``<meta>`` element: a web server sends it as a header (README,
«Sikkerhetsregel for nettstedet»).
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

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


def policy(html: bytes, base: str = "'none'") -> str:
    scripts = " ".join(["script-src 'self'", *inline_hashes(html)])
    fixed = [part if part != "base-uri 'none'" else f"base-uri {base}" for part in FIXED]
    return "; ".join([*fixed[:1], scripts, *fixed[1:]])


SPEAKER_VIEW = re.compile(rb"<script\b[^>]*\bsrc=\"[^\"]*notes\.js\"", re.I)
"""A deck with reveal.js's speaker notes: the speaker view is a new window that notes.js
writes, inline scripts and all, and a new window inherits its opener's policy, so under the
policy the speaker view would not run. Decks are left without one (README)."""


def protect(html: bytes, base: str = "'none'") -> bytes:
    """The page with its policy as the first element of ``<head>``; unchanged without one,
    and a deck with a speaker view (``SPEAKER_VIEW``) unchanged."""
    head = _HEAD.search(html)
    if head is None or b'http-equiv="Content-Security-Policy"' in html:
        return html
    if SPEAKER_VIEW.search(html):
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, base)}">'.encode()
    return html[: head.end()] + meta + html[head.end() :]


def apply(root: Path) -> None:
    """Give every HTML page under ``root`` its policy."""
    for path in sorted(root.rglob("*.html")):
        data = path.read_bytes()
        protected = protect(data, "'self'" if path == root / NOT_FOUND else "'none'")
        if protected != data:
            path.write_bytes(protected)
