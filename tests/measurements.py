"""What the accessibility tests measured, for the statement ``refleks build`` writes
(``src/refleks/site/statement.py``): one JSON file per tool in ``build/tilgjengelighet/``.

A criterion counts as judged by a tool only where that tool really tests it: axe-core's rules
name their WCAG criteria in their tags (``wcag143`` is 1.4.3); the Nu HTML checker judges 4.1.1;
the keyboard tests judge 2.4.7 (focus visible at every tab stop) and 2.4.1 (the skip link).
The PDF validator judges no WCAG criterion of the site: its findings are listed as deviations.
A failed test is a breach of each criterion its module judges; a breach is never overwritten
by a later pass in the same run. Files are written when the test run ends.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[1] / "build" / "tilgjengelighet"

# test module -> (file name, tool, method, the criteria its tests judge)
MODULES = {
    "test_html_validity.py": (
        "nu-checker",
        "Nu HTML Checker",
        "hver side, hvert lysark og stilarkene, ingen feil tillatt",
        ["4.1.1"],
    ),
    "test_keyboard.py": (
        "tastatur",
        "Tastaturtester i Chromium",
        "hvert tabulatorstopp viser fokus, og «Gå til innhold» flytter fokus forbi menyene",
        ["2.4.7", "2.4.1"],
    ),
}
AXE = (
    "axe-core",
    "axe-core i Chromium",
    "hver sidetype, lys og mørk modus, mobilmeny, søk og "
    "hvert slags lysark; regler merket WCAG 2.0/2.1 A og AA",
)
PDF = (
    "pdf-validator",
    "PDF-validator (page-validation)",
    "hver PDF i nettstedet, et visittsett, "
    "en årsplan, en øktpakke og en SCORM-pakke, for PDF/UA-1 og PDF/A-2a",
)

_results: dict[str, dict] = {}


def _entry(name: str, tool: str, method: str) -> dict:
    return _results.setdefault(
        name, {"verktøy": tool, "metode": method, "kriterier": {}, "avvik": []}
    )


def judge(name: str, tool: str, method: str, criteria: dict[str, bool]) -> None:
    """Record per criterion whether ``tool`` found it met (``True``) or breached."""
    found = _entry(name, tool, method)["kriterier"]
    for criterion, ok in criteria.items():
        if found.get(criterion) != "brudd":
            found[criterion] = "bestått" if ok else "brudd"


def deviation(name: str, tool: str, method: str, text: str) -> None:
    entry = _entry(name, tool, method)
    if text not in entry["avvik"]:
        entry["avvik"].append(text)


_AXE_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")


def axe(passed_tags: list[list[str]], failed_tags: list[list[str]]) -> None:
    """axe-core's rules that passed and failed, each by its tags."""

    def criteria(tags: list[str]) -> list[str]:
        return [".".join(m.groups()) for t in tags if (m := _AXE_TAG.match(t))]

    judged = {c: True for tags in passed_tags for c in criteria(tags)}
    judged |= {c: False for tags in failed_tags for c in criteria(tags)}
    judge(AXE[0], AXE[1], AXE[2], judged)


def module_outcome(module: str, passed: bool) -> None:
    if module in MODULES:
        name, tool, method, criteria = MODULES[module]
        judge(name, tool, method, dict.fromkeys(criteria, passed))


def write() -> None:
    """Write what this run measured, with today's date (a tool not run keeps its old file)."""
    if not _results:
        return
    FOLDER.mkdir(parents=True, exist_ok=True)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    for name, entry in _results.items():
        text = json.dumps({**entry, "dato": today}, ensure_ascii=False, indent=1, sort_keys=True)
        tmp = FOLDER / f".{name}.json.tmp"
        tmp.write_text(text + "\n", "utf-8")
        tmp.replace(FOLDER / f"{name}.json")
