"""Typst templates of the walkround documents, laid out by the one PDF backend.

The template (``templates/<kind>/<name>.typ``) gets its data as one JSON input
(``sys.inputs.data``) and inserts every text as plain text. Files the template reads (a logo)
are resolved inside the project folder only, never outside it or over the network; the dates
come from the data, so the same input gives the same bytes (``refleks.pdfbackend``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ...pdfbackend import Document, compile_apart, compile_pdf


def date_parts(when: dt.datetime | None) -> list[int] | None:
    """``[year, month, day, hour, minute, second]`` in UTC for the template, or ``None``."""
    if when is None:
        return None
    utc = when.astimezone(dt.UTC)
    return [utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second]


def pdf(template: Path, root: Path, data: dict[str, Any], apart: bool = False) -> bytes:
    """Compile ``template`` with ``data``; ``root`` is the only folder it may read from.
    ``apart``: in a process of its own (a large document, see ``compile_apart``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    document = Document(template.with_suffix(".pdf").name, template, root, text)
    return compile_apart(document) if apart else compile_pdf(document)
