"""The walkround documents as PDF: one Typst template per document, its data as JSON.

Every document has its template in ``templates/<kind>/<name>.typ``. The builders give the
document's own texts (from the method and the kind's ``labels.yaml``, with the placeholders
filled in and Markdown marks removed); this module adds what every document carries: title,
author, language, date (``Kit.stamp``), the page labels and the language note, and lays the
document out with the one PDF backend (``typeset``). The templates insert every text as plain
text, never as Typst markup, and the only date in the PDF is the kit's, so the same input
gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from ..kit import Kit
from . import typeset


def document(kit: Kit, kind: str, title: str, **data: Any) -> dict[str, Any]:
    """The data a document template reads: what every document has, then ``data``."""
    common = kit.common
    return {
        "title": title,
        "author": kit.creator,
        "lang": kit.language,
        "date": typeset.date_parts(kit.stamp),
        "page_label": common["page"],
        "of_label": common["of"],
        "language_note": kit.language_note(kind),
        **data,
    }


def pdf(kit: Kit, kind: str, template: str, title: str, **data: Any) -> bytes:
    """Lay out ``templates/<kind>/<template>`` with the document's ``data``."""
    path = kit.templates / kind / template
    return typeset.pdf(path, kit.library.project.root, document(kit, kind, title, **data))
