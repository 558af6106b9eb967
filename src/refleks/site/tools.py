"""The site's browser tools: «Lag visittbrev» (and the data they share with the commands).

Two parts:

- ``pages(renderer)``: the tool pages, generated from ``templates/pages/tool-*.md.j2`` with a
  form that reads without JavaScript (the page says the tools need it);
- ``files(library)``: a site output making ``verktoy/``: the tools' scripts and
  style from ``templates/tools/``, the npm libraries they use (copied from ``node_modules``,
  never loaded from another host) and ``verktoy/data.json`` with its twin ``data.js`` (a
  file opened from disk cannot fetch JSON). The data is made here from the same code and
  templates the commands use: the method's letter with its fields as ``@@felt@@`` markers,
  labels, deadline rules, Norwegian public holidays for the coming years (``holidays``), and
  the check messages (``tool_checks``). So the browser and the command line cannot disagree.

No visit goes in: everything a coordinator types stays in the browser.
"""

from __future__ import annotations

import json
from typing import Any

import holidays

from .. import catalogues
from ..content.model import Library
from ..errors import UsageError
from ..messages import _
from ..walkround import deadlines, i18n, yearchecks
from ..walkround.kit import PLACEHOLDERS, Kit, method_for
from . import tool_checks

FOLDER = "verktoy"
VISIT_PAGE = f"{FOLDER}/visittbrev.md"
SESSION_PAGE = f"{FOLDER}/mote.md"
HOLIDAY_YEARS = 12
"""Years of public holidays shipped, from the year before the build."""

# npm package -> (file in the package, name under verktoy/vendor/)
VENDOR = {
    "js-yaml": [("dist/js-yaml.min.js", "js-yaml.min.js"), ("LICENSE", "LICENSE-js-yaml.txt")],
    "docx": [("dist/index.iife.js", "docx.js"), ("LICENSE", "LICENSE-docx.txt")],
}
SCRIPTS = ("visittbrev.js", "visit-rules.js", "visit-files.js", "mote.js", "verktoy.css")
LETTER_CSS = "brev-print.css"


def marker(name: str) -> str:
    return f"@@{name}@@"


def _marked_kit(library: Library) -> Kit | None:
    method = method_for(library)
    if method is None or method.letter is None:
        return None
    kit = Kit(library, method)
    kit.__dict__["facts"] = {name: marker(name) for name in PLACEHOLDERS}
    return kit


def _text(kit: Kit, text: str, points: list[str]) -> dict[str, Any]:
    return {
        "html": str(kit.fill_html(text)),
        "blocks": kit.blocks(text),
        "points": [str(kit.fill_inline(p)) for p in points],
        "points_text": [kit.fill(p) for p in points],
    }


def letter_data(kit: Kit) -> dict[str, Any]:
    letter, staff = kit.method.letter, kit.method.staff_information
    assert letter is not None
    return {
        "title": letter.title,
        "sections": [
            {"title": s.title if s.show_title else "", **_text(kit, s.text, s.points)}
            for s in letter.sections
        ],
        "staff": {"title": staff.title, **_text(kit, staff.text, staff.items)} if staff else None,
    }


def holiday_table(library: Library, first_year: int) -> dict[str, str]:
    """ISO date -> name in the site's language, as ``walkround.deadlines`` counts them."""
    years = range(first_year, first_year + HOLIDAY_YEARS)
    table = holidays.Norway(years=years, include_sundays=False, language="no")
    templates, language = library.project.templates, library.site.language
    return {
        day.isoformat(): i18n.holiday(templates, language, name)
        for day, name in sorted(table.items())
    }


def tool_words(library: Library, tool: str) -> dict[str, str]:
    """What a tool's script says, in the site's language (``templates/pages/labels.yaml``)."""
    words = catalogues.wording(
        library.project.templates, "pages", library.site.language, "nettsted"
    )
    return words["page"][tool]["script"]


def data(library: Library) -> dict[str, Any]:
    """Everything the tools need: ``session`` for «Planlegg et møte», ``visit`` for
    «Lag visittbrev» (``None`` when the content has no walkround method)."""
    from . import tool_session  # only when building

    return {
        "session": (
            {**tool_session.data(library), "words": tool_words(library, "tool_session")}
            if library.reflections
            else None
        ),
        "visit": visit_data(library),
    }


def visit_data(library: Library) -> dict[str, Any] | None:
    kit = _marked_kit(library)
    if kit is None:
        return None
    from ..walkround.documents import calendar  # only when building

    method = kit.method
    return {
        "method": {"id": method.id, "title": method.title},
        "deadlines": {
            **method.deadlines.model_dump(),
            "letter_days_before": deadlines.LETTER_DAYS_BEFORE,
            # the common summer holiday (ISO weeks) a follow-up visit is warned about
            "summer_weeks": list(yearchecks.SUMMER_WEEKS),
        },
        # from the year before the content's date (the one date rule: not the clock)
        "holidays": holiday_table(library, library.context.date.year - 1),
        "labels": {
            "common": kit.common,
            "letters": kit.labels("letters"),
            "calendar": kit.labels("calendar"),
        },
        "calendar": {"prodid": calendar.PRODID, "timezone": calendar.TIMEZONE},
        "letter": letter_data(kit),
        "fields": list(PLACEHOLDERS),
        "checks": tool_checks.checks(library, method.id),
        "publisher": library.site.publisher,
        "words": tool_words(library, "tool_visit"),
        "letter_css": (library.project.templates / "tools" / LETTER_CSS).read_text("utf-8"),
    }


def pages(renderer: Any) -> list[dict[str, str]]:
    """Render the tool pages; returns their navigation entries."""
    nav = []
    library = renderer.library
    if library.reflections:
        renderer.render("tool-session.md.j2", SESSION_PAGE, tool_folder=FOLDER)
        nav.append({renderer.labels["tool_session"]: SESSION_PAGE})
    if _marked_kit(library) is not None:
        renderer.render("tool-visit.md.j2", VISIT_PAGE, tool_folder=FOLDER)
        nav.append({renderer.labels["tool_visit"]: VISIT_PAGE})
    return nav


def _vendor_files(library: Library) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for package, files in VENDOR.items():
        for source, name in files:
            path = library.project.node_modules / package / source
            if not path.is_file():
                raise UsageError(
                    _(
                        "{path} mangler; kjør ./scripts/build for å installere npm-pakkene",
                        path=path,
                    )
                )
            out[f"{FOLDER}/vendor/{name}"] = path.read_bytes()
    return out


def files(library: Library) -> dict[str, bytes]:
    """The files of ``verktoy/`` by path in the site (none when there is no tool)."""
    shared = data(library)
    if shared["session"] is None and shared["visit"] is None:
        return {}
    text = json.dumps(shared, ensure_ascii=False, indent=1, sort_keys=True)
    out = {
        f"{FOLDER}/data.json": (text + "\n").encode("utf-8"),
        f"{FOLDER}/data.js": f"window.REFLEKS_VERKTOY = {text};\n".encode(),
    }
    for name in SCRIPTS:
        out[f"{FOLDER}/{name}"] = (library.project.templates / "tools" / name).read_bytes()
    return out | _vendor_files(library)
