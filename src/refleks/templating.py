"""The Jinja environment every output renders with: autoescape on, StrictUndefined."""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import markup, urls
from .sorting import nb_key


def nb_join(items: list[str], last: str = "eller") -> str:
    """``a, b eller c`` - Norwegian list with no comma before the last word."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def environment(templates: Path, kind: str) -> jinja2.Environment:
    """Templates of one output kind (``templates/<kind>/``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates / kind),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markup.render
    env.filters["md_inline"] = markup.render_inline
    env.filters["plain"] = markup.plain
    env.filters["nb_sort"] = lambda items, attr=None: sorted(
        items, key=lambda x: nb_key(str(getattr(x, attr) if attr else x))
    )
    env.filters["nb_join"] = nb_join
    env.globals["urls"] = urls
    return env
