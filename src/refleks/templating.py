"""The Jinja environment every output renders with: autoescape on, StrictUndefined."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2

from . import markup, urls
from .sorting import nb_key
from .writer import atomic_write


def nb_join(items: list[str], last: str = "eller") -> str:
    """``a, b eller c`` - Norwegian list with no comma before the last word."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def nb_count(count: int, singular: str, plural: str) -> str:
    """``1 visitt``, ``0 visitter``, ``2 visitter``: a count with the Norwegian noun form
    that goes with it (singular only for exactly one)."""
    return f"{count} {singular if count == 1 else plural}"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of the process, and kept on disk
    between runs once ``keep_compiled_in`` has named a folder.

    Documents made one after another (a hundred letters, the pages on each edit under
    ``refleks serve``) each get a fresh environment; without this each compiled the same
    templates again, and every ``refleks build`` compiled them all before writing a page.
    A template whose source changed is compiled anew (Jinja compares a checksum of the
    source, and its bytecode header names the Python version); the key includes the
    options that change the compiled code.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}
        self.folder: Path | None = None

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> str:
        env = bucket.environment
        options = (
            env.autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.newline_sequence,
            env.optimized,
        )
        return hashlib.sha256(f"{bucket.key}{options!r}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = self._key(bucket)
        data = self._store.get(key)
        if data is None and self.folder is not None:
            try:
                data = (self.folder / f"{key}.jinja").read_bytes()
            except OSError:
                return
        if data is not None:
            bucket.bytecode_from_string(data)  # checks the source's checksum

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key, data = self._key(bucket), bucket.bytecode_to_string()
        self._store[key] = data
        if self.folder is not None:
            with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
                atomic_write(self.folder / f"{key}.jinja", data)


_COMPILED = _CompiledTemplates()


def keep_compiled_in(folder: Path) -> None:
    """Keep compiled templates in ``folder`` (``build/cache/jinja/``) from run to run."""
    _COMPILED.folder = folder


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
