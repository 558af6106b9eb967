"""The accessibility statement draft (``tilgjengelighet.html``), made from measurements.

Nothing in it is claimed by hand. The tests that judge accessibility (axe-core, the Nu HTML
checker, the keyboard tests, the PDF validator) write what they measured to
``build/tilgjengelighet/<verktøy>.json``; the build reads those files and says, per WCAG 2.1
criterion, which tool judged it on which date and whether it found a breach. What a person
checked by hand (what tools cannot judge) the project records in ``content/site.yaml``,
``accessibility_checks`` (criterion, date, what was checked, by whom, result): the row says
"kontrollert manuelt <dato>". A criterion neither a tool nor a person judged is "ikke
kontrollert". Without measurements the statement says so. The words are the pages' labels
(``page.statement``), so a nynorsk site gets a nynorsk statement.

A measurement file: ``{"verktøy": str, "metode": str, "dato": "ÅÅÅÅ-MM-DD",
"kriterier": {"1.4.3": "bestått" | "brudd"}, "avvik": [str]}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..content.model import Library

PAGE = "tilgjengelighet.md"
MEASUREMENTS = Path("build") / "tilgjengelighet"
VERDICTS = ("bestått", "brudd")


def measurements(root: Path) -> list[dict[str, Any]]:
    """The measurement files the tests left, by tool name; unreadable ones are left out."""
    found = []
    for path in sorted((root / MEASUREMENTS).glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("kriterier"), dict):
            found.append(data)
    return found


def criteria(templates: Path) -> list[dict[str, Any]]:
    return yaml.safe_load((templates / "accessibility" / "wcag21.yaml").read_text("utf-8"))


def rows(library: Library, measured: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per criterion: what each tool that judged it found, and the manual checks
    of it (oldest first)."""
    table = []
    manual = sorted(library.site.accessibility_checks, key=lambda c: c.date)
    for criterion in criteria(library.project.templates):
        judged = [
            {"verktøy": str(m.get("verktøy", "")), "dato": str(m.get("dato", "")), "dom": verdict}
            for m in measured
            if (verdict := m["kriterier"].get(criterion["nr"])) in VERDICTS
        ]
        checks = [c for c in manual if c.criterion == criterion["nr"]]
        table.append({**criterion, "målt": judged, "manuelt": checks})
    return table


def write(renderer: Any) -> str:
    """Render the statement page; returns its path in the site."""
    library = renderer.library
    measured = measurements(library.project.root)
    renderer.render(
        "accessibility.md.j2",
        PAGE,
        rows=rows(library, measured),
        measured=measured,
        manual=library.site.accessibility_checks,
        contact=library.site.contact,
        date=library.context.date.date(),
    )
    return PAGE
