#!/usr/bin/env python3
"""100 invitation letters as PDF: the old WeasyPrint layout against today's Typst one.

Both paths run in this one process on the same letters (the shipped example visit
``content/visits/eksempel-solbakken.yaml`` with a different unit each time, every other letter
in nynorsk) and start from the visit, so each includes building the letter's fields. The old
path is kept only here: the HTML template in ``benchmarks/weasyprint_letter/`` laid out by
WeasyPrint exactly as ``refleks visit`` did before the letters moved to Typst. Target: the
Typst letters take at most 0.3 times as long. Run: ``benchmarks/letters.py [--count 100]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OLD_TEMPLATES = Path(__file__).resolve().parent / "weasyprint_letter"
TARGET = 0.3

try:
    import typst  # noqa: F401
    import weasyprint  # noqa: F401
except ImportError:  # started with a Python outside the project's .venv
    venv = REPO / ".venv" / "bin" / "python"
    if venv.is_file() and Path(sys.executable) != venv:
        os.execv(venv, [str(venv), __file__, *sys.argv[1:]])
    raise

sys.path.insert(0, str(REPO / "src"))

import jinja2  # noqa: E402
from weasyprint import HTML  # noqa: E402

from refleks.confine import ConfinedFetcher  # noqa: E402
from refleks.content.model import Library  # noqa: E402
from refleks.content.pipeline import build_library  # noqa: E402
from refleks.project import Project  # noqa: E402
from refleks.walkround.documents import letters  # noqa: E402
from refleks.walkround.kit import Kit, kit_for  # noqa: E402

VISIT = "eksempel-solbakken"


def weasyprint_letter(kit: Kit) -> bytes:
    """The letter as the WeasyPrint path made it (``walkround/documents/pdf.py``)."""
    env = kit.env(letters.KIND)
    env.loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(OLD_TEMPLATES), env.loader])
    logo = letters.logo_path(kit)
    source = env.get_template("invitasjonsbrev.html.j2").render(
        title=letters.title(kit),
        ctx=letters.context(kit),
        letter=kit.method.letter,
        staff=kit.method.staff_information,
        labels=kit.labels(letters.KIND),
        logo_url=logo.resolve().as_uri() if logo else None,
    )
    project = kit.library.project
    fetcher = ConfinedFetcher(project.root, project.templates, project.node_modules)
    document = HTML(string=source, base_url=str(project.root) + "/", url_fetcher=fetcher)
    return document.write_pdf(pdf_tags=True)


def kits(library: Library, count: int) -> list[Kit]:
    """``count`` letters to different units, every other one in nynorsk (fresh kits)."""
    visit = library.visits[VISIT]
    return [
        kit_for(
            library,
            visit.model_copy(
                update={"unit": f"Avdeling {i}, Eksempelheimen", "language": ("nb", "nn")[i % 2]}
            ),
        )
        for i in range(count)
    ]


def timed(library: Library, count: int, make: Callable[[Kit], bytes]) -> tuple[float, int]:
    """Seconds for ``count`` letters from their visits, and the bytes written."""
    started = time.perf_counter()
    size = sum(len(make(kit)) for kit in kits(library, count))
    return time.perf_counter() - started, size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="antall brev (standard 100)")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1800000000")
    library = build_library(Project(REPO))
    for make in (weasyprint_letter, letters.pdf):  # warm-up: imports, fonts, templates
        timed(library, 2, make)
    old, old_bytes = timed(library, args.count, weasyprint_letter)
    new, new_bytes = timed(library, args.count, letters.pdf)
    ratio = new / old
    print(f"{args.count} invitasjonsbrev som PDF (bokmål og nynorsk, én prosess):")
    print(f"  WeasyPrint (før): {old:6.2f} s  {1000 * old / args.count:6.1f} ms/brev")
    print(f"    {old_bytes / args.count / 1024:.0f} KiB/brev")
    print(f"  Typst (nå):       {new:6.2f} s  {1000 * new / args.count:6.1f} ms/brev")
    print(f"    {new_bytes / args.count / 1024:.0f} KiB/brev")
    verdict = "nådd" if ratio <= TARGET else "IKKE nådd"
    print(f"  forhold Typst/WeasyPrint: {ratio:.3f} (mål ≤ {TARGET}: {verdict})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
