"""HTML templates to PDF with WeasyPrint, the same way for every document of the kit.

A4 (or A4 landscape where a template asks for it), DejaVu fonts embedded, ``lang="nb"`` and
``<title>`` from the template (so the PDF has language and title), tagged PDF, creation and
modification dates from the ``Kit`` (``SOURCE_DATE_EPOCH`` or the visit) so that two runs
give the same bytes. Only ``data:`` and ``file:`` resources inside the project are fetched: a
document never loads anything from another host or embeds a file from outside the project.
"""

from __future__ import annotations

from typing import Any

from ... import confine
from ..kit import Kit


def html(kit: Kit, kind: str, template: str, title: str, **context: Any) -> str:
    """Render ``templates/<kind>/<template>`` with the kit and ``context``."""
    return kit.env(kind).get_template(template).render(title=title, **context)


def pdf(kit: Kit, kind: str, template: str, title: str, **context: Any) -> bytes:
    """Render the template and lay it out as PDF bytes."""
    from weasyprint import HTML  # here, not at the top: `refleks check` never lays out a PDF

    source = html(kit, kind, template, title, **context)
    project = kit.library.project
    fetcher = confine.ConfinedFetcher(project.root, project.templates, project.node_modules)
    document = HTML(
        string=source, base_url=str(kit.library.project.root) + "/", url_fetcher=fetcher
    )
    return document.write_pdf(pdf_tags=True)
