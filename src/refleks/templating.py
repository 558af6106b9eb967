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


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of the process.

    Documents made one after another (a hundred letters, the pages on each edit under
    ``refleks serve``) each get a fresh environment; without this each compiled the same
    templates again. A template whose source changed is compiled anew (Jinja compares a
    checksum of the source); the key includes the options that change the compiled code.
    """

    def __init__(self) -> None:
        self._store: dict[tuple, bytes] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> tuple:
        env = bucket.environment
        return (bucket.key, env.autoescape, env.trim_blocks, env.lstrip_blocks,
                env.keep_trailing_newline, env.newline_sequence, env.optimized)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[self._key(bucket)] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def environment(templates: Path, kind: str) -> jinja2.Environment:
    """Templates of one output kind (``templates/<kind>/``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates / kind),
        bytecode_cache=_COMPILED,
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
