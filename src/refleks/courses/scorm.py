"""``refleks export scorm --reflection ID``: a SCORM 1.2 package of one reflection set.

The package is one zip file that a learning platform (Moodle-based ones, Canvas,
itslearning) imports: ``imsmanifest.xml`` at the root names one SCO, ``index.html``, and lists
every file. The SCO shows the set and its themes, links to the set's deck (reveal.js, in
the package) and the themes' handouts (PDF, in the package), and reports
``cmi.core.lesson_status`` "completed" once every theme has been opened, "incomplete"
before (``templates/scorm/scorm.js``). Nothing in it loads from another host.
"""

from __future__ import annotations

import io
import tempfile
import time
import zipfile
from pathlib import Path

from .. import policy
from ..content import schema
from ..content.model import Library
from ..decks import handouts, slides
from ..errors import UsageError, shown
from ..messages import _
from . import coursepack

OWN_FILES = ("scorm.js", "kurs.css")
DECK = "lysark/sett.html"
ZIP_EPOCH = 315532800  # zip dates start in 1980


def package_name(reflection_id: str) -> str:
    return f"refleks-{reflection_id}-scorm12.zip"


def _reflection(library: Library, reflection_id: str) -> schema.Reflection:
    if reflection_id not in library.reflections:
        valid = ", ".join(f"{r.id} ({r.title})" for r in library.reflections.values())
        raise UsageError(
            _(
                "refleksjonssettet «{reflection_id}» finnes ikke. Gyldige valg: {valid}",
                reflection_id=reflection_id,
                valid=valid,
            )
        )
    return library.reflections[reflection_id]


def _pdfs(library: Library, reflection: schema.Reflection) -> dict[str, bytes]:
    """The themes' handouts and the course pack, by path in the package."""
    printer = handouts.Printer(library)
    library.project.cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".scorm-", dir=library.project.cache) as tmp:
        written = {
            f"utskrift/tema-{t.id}.pdf": handouts.write_theme_handout(
                printer, reflection, t, Path(tmp) / f"tema-{t.id}.pdf"
            )
            for t in reflection.themes
        }
        pack = coursepack.course_pack_path(reflection.id)
        written[pack] = coursepack.write_course_pack(printer, reflection, Path(tmp) / "kurs.pdf")
        return {path: target.read_bytes() for path, target in written.items()}


def content_files(library: Library, reflection: schema.Reflection) -> dict[str, bytes]:
    """Every file of the package except the manifest, by path in the package."""
    deck = slides.set_deck(library, reflection)
    deck.path = DECK
    deck.text_version = "index.html"
    deck.source_pages = {}
    out = {f"lysark/reveal/{name}": data for name, data in slides.asset_files(library).items()}
    out[DECK] = slides.render(library, deck).encode("utf-8")
    out.update(_pdfs(library, reflection))
    out["index.html"] = index_page(library, reflection)
    templates = library.project.templates / "scorm"
    for name in OWN_FILES:
        out[name] = (templates / name).read_bytes()
    # the same Content-Security-Policy as the site's pages: scripts only from the package
    return policy.protect_files(out)


def index_page(library: Library, reflection: schema.Reflection) -> bytes:
    """The SCO: the set, its themes with their questions, links to the deck and PDFs."""
    env = library.context.environment("scorm")
    env.globals["library"] = library
    page = env.get_template("index.html.j2").render(
        reflection=reflection,
        source=library.sources[reflection.source],
        roles=library.roles_in_order(),
        deck=DECK,
        handouts={t.id: f"utskrift/tema-{t.id}.pdf" for t in reflection.themes},
        course_pack=coursepack.course_pack_path(reflection.id),
    )
    return page.encode("utf-8")


def manifest(library: Library, reflection: schema.Reflection, files: list[str]) -> bytes:
    env = library.context.environment("scorm")
    text = env.get_template("imsmanifest.xml.j2").render(
        identifier=f"refleks-{reflection.id}", reflection=reflection, files=files
    )
    return shown(text).encode("utf-8")  # XML 1.0 holds no other control character


def zip_bytes(files: dict[str, bytes], stamp: int) -> bytes:
    """The files as a zip with sorted names and one fixed date: same content, same bytes."""
    date = time.gmtime(max(stamp, ZIP_EPOCH))[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def files(library: Library, reflection_ids: list[str] | None = None) -> dict[str, bytes]:
    """The packages of ``reflection_ids`` (default: every set), by file name."""
    wanted = [_reflection(library, r) for r in reflection_ids or list(library.reflections)]
    stamp = int(library.context.date.timestamp())
    out = {}
    for reflection in wanted:
        content = content_files(library, reflection)
        content["imsmanifest.xml"] = manifest(library, reflection, sorted(content))
        out[package_name(reflection.id)] = zip_bytes(content, stamp)
    return out
