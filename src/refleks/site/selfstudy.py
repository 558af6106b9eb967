"""Self-study on the learning site: the question index, the script and the journal page.

Everything a learner writes stays in the browser (``localStorage``); the site only ships
what the script needs to know about the questions (``assets/refleks/sporsmal.js``): their
ids, texts, themes, sets and sources, plus the words the script shows (from
``templates/selfstudy/labels.yaml``). The script and its style sheet come from
``templates/selfstudy/`` and are listed in ``mkdocs.yml`` under ``extra_javascript`` and
``extra_css``, so any engine that reads that file loads them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from .. import catalogues, urls
from ..content.model import Library
from ..errors import BuildFailed
from ..markup import plain
from ..messages import _

ASSETS = "assets/refleks"
INDEX = f"{ASSETS}/sporsmal.js"
COPIED = ("selvstudium.js", "selvstudium.css")
JOURNAL_PAGE = "mine-refleksjoner.md"
TEACHERS_PAGE = "for-undervisere.md"


def site_key(library: Library) -> str:
    """What tells this site's answers from another's in the same browser (``file://``
    pages share one storage): the site's address when it has one, else its title."""
    return str(library.site.url or library.site.title)


def _source_line(library: Library, source_id: str) -> str:
    source = library.sources[source_id]
    details = ", ".join(str(x) for x in (source.publisher, source.year) if x)
    return f"{plain(source.title)} ({details})" if details else plain(source.title)


def question_index(library: Library, labels: dict[str, str]) -> dict[str, Any]:
    """What the script needs: roles, sets, questions in the order of the sets and themes."""
    sets = {
        r.id: {
            "tittel": plain(r.title),
            "kilde": _source_line(library, r.source),
            "side": urls.page_html(urls.reflection_page(r.id)),
            "skrevetForRefleks": r.questions_origin != "kilden",
        }
        for r in library.reflections.values()
    }
    questions = {
        q.id: {
            "tekst": plain(q.text),
            "sett": q.reflection.id,
            "tema": f"{q.theme.number}. {plain(q.theme.title)}",
            "temaside": urls.page_html(urls.theme_page(q.reflection.id, q.theme.id)),
            "rolle": q.role.id,
        }
        for q in library.questions()
    }
    roles = [
        {"id": role.id, "navn": plain(role.label), "tiltale": plain(role.address)}
        for role in library.roles_in_order()
    ]
    return {
        "nettsted": site_key(library),
        "tittel": plain(library.site.title),
        "journalside": urls.page_html(JOURNAL_PAGE),
        "roller": roles,
        "sett": sets,
        "sporsmal": questions,
        "tekster": labels,
    }


def index_script(index: dict[str, Any]) -> str:
    """The index as a script that sets one global (a script loads from ``file://``, where
    a fetched JSON file would not). ``<`` is escaped so no text can end a script element."""
    data = json.dumps(index, ensure_ascii=False, sort_keys=False, indent=1)
    data = data.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.REFLEKS_SELVSTUDIUM = {data};\n"


def write_assets(library: Library, docs: Path) -> None:
    """Put the index, the script and its style sheet into the docs folder."""
    labels = catalogues.wording(
        library.project.templates, "selfstudy", library.site.language, "nettsted"
    )  # the site's language
    folder = docs / ASSETS
    for name in ("sporsmal.js", *COPIED):
        if (folder / name).exists():
            raise BuildFailed(
                _(
                    "den håndskrevne filen docs/{assets}/{name} har samme sti som en "
                    "generert fil; gi den et annet navn",
                    assets=ASSETS,
                    name=name,
                )
            )
    folder.mkdir(parents=True, exist_ok=True)
    (docs / INDEX).write_text(index_script(question_index(library, labels)), "utf-8")
    for name in COPIED:
        shutil.copyfile(library.project.templates / "selfstudy" / name, folder / name)
