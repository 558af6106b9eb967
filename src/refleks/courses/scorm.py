"""``refleks export scorm --reflection ID``: a SCORM 1.2 package of one reflection set.

The package is one zip file that a learning platform (Moodle-based ones, Canvas,
itslearning) imports: ``imsmanifest.xml`` at the root names one SCO, ``index.html``, and lists
every file. The SCO shows the set and its themes, links to the set's deck (reveal.js, in
the package) and the themes' handouts (PDF, in the package), and reports
``cmi.core.lesson_status`` "completed" once every theme has been opened, "incomplete"
before (``templates/scorm/scorm.js``). Nothing in it loads from another host.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import zipfile
from pathlib import Path

from .. import cli
from ..content import schema
from ..content.model import Library, build_library
from ..decks import handouts, slides
from ..errors import UsageError
from ..project import Project
from ..site.engine import source_date_epoch
from ..templating import environment
from . import coursepack

OWN_FILES = ("scorm.js", "kurs.css")
DECK = "lysark/sett.html"


def package_name(reflection_id: str) -> str:
    return f"refleks-{reflection_id}-scorm12.zip"


def _reflection(library: Library, reflection_id: str) -> schema.Reflection:
    if reflection_id not in library.reflections:
        valid = ", ".join(f"{r.id} ({r.title})" for r in library.reflections.values())
        raise UsageError(f"refleksjonssettet «{reflection_id}» finnes ikke. Gyldige valg: {valid}")
    return library.reflections[reflection_id]


def write_content(library: Library, reflection: schema.Reflection, folder: Path) -> list[str]:
    """Every file of the package except the manifest; returns their paths, sorted."""
    deck = slides.set_deck(library, reflection)
    deck.path = DECK
    deck.text_version = "index.html"
    deck.source_pages = {}
    slides.copy_assets(library, folder / "lysark" / "reveal")
    slides.write_deck(library, deck, folder)
    printer = handouts.Printer(library)
    handout_paths = {t.id: f"utskrift/tema-{t.id}.pdf" for t in reflection.themes}
    for theme in reflection.themes:
        (folder / "utskrift").mkdir(parents=True, exist_ok=True)
        handouts.write_theme_handout(printer, reflection, theme, folder / handout_paths[theme.id])
    course_pack = coursepack.course_pack_path(reflection.id)
    coursepack.write_course_pack(printer, reflection, folder / course_pack)
    templates = library.project.templates / "scorm"
    env = environment(library.project.templates, "scorm")
    env.globals["library"] = library
    page = env.get_template("index.html.j2").render(
        reflection=reflection,
        source=library.sources[reflection.source],
        roles=library.roles_in_order(),
        deck=DECK,
        handouts=handout_paths,
        course_pack=course_pack,
    )
    (folder / "index.html").write_text(page, encoding="utf-8")
    for name in OWN_FILES:
        shutil.copyfile(templates / name, folder / name)
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_manifest(
    library: Library, reflection: schema.Reflection, folder: Path, files: list[str]
) -> Path:
    env = environment(library.project.templates, "scorm")
    manifest = env.get_template("imsmanifest.xml.j2").render(
        identifier=f"refleks-{reflection.id}", reflection=reflection, files=files
    )
    target = folder / "imsmanifest.xml"
    target.write_text(manifest, encoding="utf-8")
    return target


def zip_folder(folder: Path, target: Path, stamp: int) -> Path:
    """The folder as a zip with sorted names and one fixed date: same content, same bytes."""
    when = max(stamp, 315532800)  # zip dates start in 1980
    import time

    date = time.gmtime(when)[:6]
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=date)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    partial.replace(target)
    return target


def build_package(library: Library, reflection_id: str, out: Path) -> Path:
    """Write ``out/refleks-<id>-scorm12.zip``; return its path."""
    reflection = _reflection(library, reflection_id)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".scorm-", dir=out) as work:
        folder = Path(work) / "pakke"
        folder.mkdir()
        files = write_content(library, reflection, folder)
        write_manifest(library, reflection, folder, files)
        stamp = int(source_date_epoch(library.project.root))
        return zip_folder(folder, out / package_name(reflection.id), stamp)


# --------------------------------------------------------------------------- command line


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="lag pakker til læringsplattformer (SCORM 1.2)")
    p.add_argument("format", choices=["scorm"], help="pakkeformatet: scorm (SCORM 1.2)")
    p.add_argument(
        "--reflection",
        metavar="SETT",
        help="refleksjonssettets id, for eksempel systemperspektiv (standard: alle settene)",
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="MAPPE",
        help="mappen pakken legges i (standard: out/scorm i prosjektet)",
    )


def cmd_export(args: argparse.Namespace, project: Project) -> int:
    library = build_library(project)
    wanted = [args.reflection] if args.reflection else list(library.reflections)
    for reflection_id in wanted:
        target = build_package(library, reflection_id, args.out or project.out / "scorm")
        print(f"SCORM-pakken er laget: {target}")
    return 0


cli.EXTRA_COMMANDS.append(register)
cli.COMMANDS["export"] = cmd_export
