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
import os
import pickle
import re
import select
import signal
import time
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

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


RENDER_SECONDS = 30
"""Longest a DOCX template may take to fill (CPU and wall clock): a loop in a custom
template (``{% for i in range(100000) %}`` nested) is stopped and named, not waited for."""
RENDER_MEMORY = 1 << 30
"""Memory (bytes) a template may use beyond what Refleks already holds when it starts."""


def render_docx(
    template: Path, context: dict[str, Any], images: dict[str, Path] | None = None
) -> bytes:
    """Fill a docxtpl template in a child process with a time and memory limit; raise
    ``TemplateFieldError`` naming any unknown field, a sandbox violation or the limit hit.

    ``images`` maps context names to image files, placed with their natural width up to 4 cm.
    """
    import docxtpl  # noqa: F401 - imported here, before the fork, not in the child

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: fill the template, send the result, never return
        os.close(read)
        try:
            _limit()
            result: tuple = ("ok", _render(template, context, images))
        except TemplateFieldError as exc:
            result = ("field", exc.fields, exc.detail)
        except MemoryError:
            result = ("limit",)
        except BaseException as exc:  # noqa: BLE001 - reported by the parent, named
            result = ("field", [], f"{type(exc).__name__}: {exc}")
        with os.fdopen(write, "wb") as out:
            pickle.dump(result, out)
        os._exit(0)
    os.close(write)
    data = _receive(read, pid)
    if not data:
        raise TemplateFieldError(template, [], _limit_text())
    kind, *rest = pickle.loads(data)  # noqa: S301 - from our own child process
    if kind == "ok":
        return rest[0]
    if kind == "limit":
        raise TemplateFieldError(template, [], _limit_text())
    raise TemplateFieldError(template, rest[0], rest[1])


def _limit_text() -> str:
    return (
        f"malen brukte mer enn {RENDER_SECONDS} sekunder eller {RENDER_MEMORY >> 20} MB minne "
        "(en løkke som aldri slutter, eller som gjentar for mye?)"
    )


def _limit() -> None:
    """The child's limits: CPU seconds, and address space above what it inherited."""
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (RENDER_SECONDS, RENDER_SECONDS + 1))
    try:
        with open("/proc/self/statm") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # no /proc: the CPU and wall-clock limits still hold
    resource.setrlimit(resource.RLIMIT_AS, (size + RENDER_MEMORY, size + RENDER_MEMORY))


def _receive(read: int, pid: int) -> bytes:
    """What the child sends, or ``b""`` when it was stopped (killed here after the time)."""
    deadline = time.monotonic() + RENDER_SECONDS + 5
    chunks: list[bytes] = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                return b""
            if select.select([read], [], [], left)[0]:
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read)
        _, status = os.waitpid(pid, 0)
    return b"".join(chunks) if os.waitstatus_to_exitcode(status) == 0 else b""


def _render(
    template: Path, context: dict[str, Any], images: dict[str, Path] | None = None
) -> bytes:
    """Fill a docxtpl template (in the child of ``render_docx``)."""
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
    except SecurityError as exc:  # the sandbox refused what the template asked for
        raise TemplateFieldError(
            template, [], f"malen prøver noe som ikke er tillatt: {exc}"
        ) from None
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
