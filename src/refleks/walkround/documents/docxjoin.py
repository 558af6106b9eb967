"""Letters made from one DOCX template, joined into one DOCX without re-reading each letter.

A year plan's letters come from the same template (the default letter or the municipality's
own), so everything in them but the body (``word/document.xml``) and the properties is the
same, byte for byte: styles, numbering, headers, footers, images and their relationships.
Then joining them is joining the bodies, each letter after a page break, with the section
properties of the first; the drawings' ids (``wp:docPr``), which Word wants unique, are
numbered again. That takes milliseconds per letter where a general DOCX composer (which
compares styles and numbering one by one) takes a second, which is most of a 500-visit plan.

Anything this cannot join safely (parts that differ, numbered lists that would need to
restart in each letter, bookmarks, comments, footnotes) gives ``None``, and the caller joins
the letters the general way.
"""

from __future__ import annotations

import io
import re
import zipfile

BODY = "word/document.xml"
OWN = {BODY, "docProps/core.xml"}
"""Parts that differ from letter to letter."""
REFUSED = (b"<w:numPr", b"<w:bookmarkStart", b"<w:commentRangeStart", b"<w:footnoteReference")
"""Marks in a body that the general composer renumbers or restarts; joined as is, they would
be wrong (a numbered list going on from letter to letter, ids that clash)."""
PAGE_BREAK = b'<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
_DOCPR = re.compile(rb"(<wp:docPr\b[^>]*?\bid=\")\d+(\")")
_NUMBERED_STYLE = re.compile(rb"<w:style\b(?:(?!</w:style>).)*?<w:numPr", re.S)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {info.filename: z.read(info) for info in z.infolist()}


def _split(body: bytes) -> tuple[bytes, bytes, bytes] | None:
    """``document.xml`` as (everything up to the body's content, the content, the final
    section properties and what follows), or ``None`` when it does not have that shape."""
    start = body.find(b"<w:body>")
    end = body.rfind(b"<w:sectPr")
    if start < 0 or end < start or body.count(b"<w:body>") != 1:
        return None
    start += len(b"<w:body>")
    return body[:start], body[start:end], body[end:]


def numbered_styles(styles: bytes | None, numbering: bytes | None) -> set[str]:
    """The ids of the paragraph styles that number their paragraphs 1, 2, 3 (directly or by
    the style they are based on): a list in such a style would run on from letter to letter
    instead of starting again at 1, as docxcompose makes it."""
    if not styles or not numbering:
        return set()
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    num = etree.fromstring(numbering)
    formats = {
        a.get(w + "abstractNumId"): {f.get(w + "val") for f in a.iter(w + "numFmt")}
        for a in num.iter(w + "abstractNum")
    }
    numbered_ids = set()
    for n in num.iter(w + "num"):
        abstract = n.find(w + "abstractNumId")
        kinds = formats.get(abstract.get(w + "val") if abstract is not None else None, set())
        if kinds - {"bullet", "none"}:
            numbered_ids.add(n.get(w + "numId"))
    based_on, numbered = {}, set()
    for style in etree.fromstring(styles).iter(w + "style"):
        sid = style.get(w + "styleId")
        base = style.find(w + "basedOn")
        based_on[sid] = base.get(w + "val") if base is not None else None
        if any(n.get(w + "val") in numbered_ids for n in style.iter(w + "numId")):
            numbered.add(sid)
    for sid in based_on:
        seen, current = set(), sid
        while current is not None and current not in seen:
            if current in numbered:
                numbered.add(sid)
                break
            seen.add(current)
            current = based_on.get(current)
    return numbered


def join(letters: list[bytes]) -> bytes | None:
    """The letters in one DOCX, each from a new page; ``None`` when they cannot be joined by
    their bodies alone (see the module's text)."""
    if not letters:
        return None
    first = _parts(letters[0])
    split = _split(first.get(BODY, b""))
    if split is None:
        return None
    head, _, tail = split
    numbered = numbered_styles(first.get("word/styles.xml"), first.get("word/numbering.xml"))
    refused = REFUSED + tuple(f'<w:pStyle w:val="{sid}"/>'.encode() for sid in numbered)
    bodies: list[bytes] = []
    for data in letters:
        parts = first if data is letters[0] else _parts(data)
        if parts.keys() != first.keys() or any(
            parts[name] != first[name] for name in first if name not in OWN
        ):
            return None
        own = _split(parts[BODY])
        if own is None or own[0] != head or any(mark in own[1] for mark in refused):
            return None
        bodies.append(own[1])
    content = PAGE_BREAK.join(bodies)
    numbers = iter(range(1, 1 << 31))
    content = _DOCPR.sub(lambda m: m.group(1) + str(next(numbers)).encode() + m.group(2), content)
    joined = dict(first)
    joined[BODY] = head + content + tail
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in joined.items():
            z.writestr(name, data)
    return out.getvalue()
