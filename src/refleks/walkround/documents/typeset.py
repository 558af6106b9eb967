"""Typst templates to PDF, the way the letters are laid out (fast: milliseconds a letter).

The template (``templates/<kind>/<name>.typ``) gets its data as one JSON input
(``sys.inputs.data``) and inserts every text as plain text. The PDF is tagged PDF/UA-1 (Typst
refuses to write one without a title), embeds the DejaVu fonts found on the system, and takes
its dates from the data, so the same input gives the same bytes. Files the template reads
(a logo) are resolved inside the project folder only, never outside it or over the network.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import typst

STANDARDS = ["ua-1"]


@lru_cache(maxsize=1)
def _compiler() -> typst.Compiler:
    """One compiler per process: it finds the system fonts once."""
    return typst.Compiler()


def date_parts(when: dt.datetime | None) -> list[int] | None:
    """``[year, month, day, hour, minute, second]`` in UTC for the template, or ``None``."""
    if when is None:
        return None
    utc = when.astimezone(dt.UTC)
    return [utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second]


def pdf(template: Path, root: Path, data: dict[str, Any]) -> bytes:
    """Compile ``template`` with ``data``; ``root`` is the only folder it may read from."""
    source = template.read_bytes()
    return _compiler().compile(
        input=source,
        root=str(root),
        sys_inputs={"data": json.dumps(data, ensure_ascii=False, sort_keys=True)},
        pdf_standards=STANDARDS,
        pdf_tags=True,
    )
