"""DOCX and XLSX files that come out byte for byte the same on every run.

``normalise`` re-packs an Office Open XML file (a ZIP archive): entries in a fixed order with
a fixed timestamp and permissions, and ``docProps/core.xml`` rewritten with the document's
title, the site's publisher as author (never the user name of the machine) and the kit's date
(or no date at all). ``render_docx`` fills a docxtpl template with autoescaping and
``StrictUndefined`` in a sandbox, so a field a (custom) template uses that Refleks does not
provide is reported by name instead of being left blank.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from jinja2.sandbox import SandboxedEnvironment

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


class TemplateFieldError(Exception):
    """A DOCX template could not be filled; ``fields`` names what it asked for."""

    def __init__(self, template: Path, fields: list[str], detail: str | None = None):
        super().__init__(", ".join(fields) or detail or "")
        self.template = template
        self.fields = fields
        self.detail = detail


def core_xml(title: str, creator: str, when: dt.datetime | None, language: str = "nb") -> bytes:
    """``docProps/core.xml`` with only the properties Refleks decides."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        f"<dc:title>{escape(title)}</dc:title>",
        f"<dc:creator>{escape(creator)}</dc:creator>",
        f"<cp:lastModifiedBy>{escape(creator)}</cp:lastModifiedBy>",
        f"<dc:language>{escape(language)}-NO</dc:language>",
        "<cp:revision>1</cp:revision>",
    ]
    if when is not None:
        stamp = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>')
        parts.append(f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>')
    parts.append("</cp:coreProperties>")
    return "".join(parts).encode("utf-8")


_WORD_LANGUAGE = re.compile(rb'(<w:(?:lang|themeFontLang) w:val=")[^"]*(")')


def tag_language(xml: bytes, language: str) -> bytes:
    """A Word part with every language setting (``w:lang``, the defaults' ``en-US`` too) as
    ``<language>-NO``, so spelling and hyphenation follow the document's written standard."""
    return _WORD_LANGUAGE.sub(rb"\g<1>" + f"{language}-NO".encode() + rb"\g<2>", xml)


def _zip_time(when: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    if when is None or when.year < 1980:
        return ZIP_EPOCH
    return (when.year, when.month, when.day, when.hour, when.minute, when.second // 2 * 2)


def normalise(
    data: bytes,
    *,
    title: str,
    creator: str,
    when: dt.datetime | None,
    language: str = "nb",
) -> bytes:
    """Re-pack an Office file deterministically with Refleks' document properties."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = {info.filename: src.read(info) for info in src.infolist()}
    entries["docProps/core.xml"] = core_xml(title, creator, when, language)
    for name in entries:
        if name.startswith("word/") and name.endswith(".xml"):
            entries[name] = tag_language(entries[name], language)
    order = [n for n in _FIRST if n in entries] + sorted(n for n in entries if n not in _FIRST)
    out = io.BytesIO()
    stamp = _zip_time(when)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            dst.writestr(info, entries[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()


def docx_environment() -> jinja2.Environment:
    """Sandboxed, autoescaping, strict: the environment every DOCX template renders in."""
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)


_MISSING = (
    re.compile(r"'([^']+)' is undefined"),
    re.compile(r"has no attribute '([^']+)'"),
)


def render_docx(
    template: Path, context: dict[str, Any], images: dict[str, Path] | None = None
) -> bytes:
    """Fill a docxtpl template; raise ``TemplateFieldError`` naming any unknown field.

    ``images`` maps context names to image files, placed with their natural width up to 4 cm.
    """
    from docx.shared import Cm
    from docxtpl import DocxTemplate, InlineImage

    env = docx_environment()
    try:
        tpl = DocxTemplate(str(template))
        full = dict(context)
        for name, path in (images or {}).items():
            full[name] = InlineImage(tpl, str(path), width=Cm(4))
        unknown = sorted(tpl.get_undeclared_template_variables(env, full))
        if unknown:
            raise TemplateFieldError(template, unknown)
        tpl.render(full, env, autoescape=True)
    except jinja2.UndefinedError as exc:
        for pattern in _MISSING:
            m = pattern.search(str(exc))
            if m:
                raise TemplateFieldError(template, [m.group(1)]) from None
        raise TemplateFieldError(template, [], str(exc)) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFieldError(template, [], f"{exc.message} (linje {exc.lineno})") from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise TemplateFieldError(template, [], str(exc)) from None
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def mark_table_language(data: bytes, heading: str, language: str) -> bytes:
    """A DOCX whose table after the paragraph ``heading`` has its body rows' runs in
    ``language`` (``nb``: the guide's example rows, quoted in bokmål in a nynorsk plan).

    The mark is written ``<w:lang w:eastAsia=... w:val=...>`` so that ``tag_language``,
    which sets every ``<w:lang w:val=...>`` to the document's language, leaves it."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table

    doc = Document(io.BytesIO(data))
    body = doc.element.body
    children = list(body.iterchildren())
    for i, child in enumerate(children):
        if (
            child.tag != qn("w:p")
            or "".join(t.text or "" for t in child.iter(qn("w:t"))) != heading
        ):
            continue
        table = next((c for c in children[i + 1 :] if c.tag == qn("w:tbl")), None)
        if table is None:
            return data
        for row in Table(table, doc).rows[1:]:
            for run in row._tr.iter(qn("w:r")):
                rpr = run.get_or_add_rPr()
                for old in rpr.findall(qn("w:lang")):
                    rpr.remove(old)
                lang = rpr.makeelement(qn("w:lang"), {})
                lang.set(qn("w:eastAsia"), f"{language}-NO")
                lang.set(qn("w:val"), f"{language}-NO")
                rpr.append(lang)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()
    return data


def append_note(data: bytes, text: str) -> bytes:
    """A DOCX with ``text`` as a last, small grey paragraph (a note about the language)."""
    if not text:
        return data
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document(io.BytesIO(data))
    run = doc.add_paragraph().add_run(text)
    run.font.size = Pt(8)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
