"""The site engine's development server for ``refleks serve``, with its output filtered.

The engine's own banners (Material's English end-of-life notice, its "MkDocs 2.0" warning)
are switched off with the variables the theme reads, and its progress lines ("Building
documentation...", "Serving on ...", a browser connected) are left out: Refleks says in
Norwegian what the preview does. What the engine warns about is passed on, without
terminal colours.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from ..engine import Engine, readable

# what the theme reads to leave out its banners (material/templates/__init__.py)
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

_NOISE = [
    # MkDocs: every progress line is INFO
    r"^INFO\s+-",
    # Zensical's progress lines
    r"^Serving .* on https?://",
    r"^Build started\b",
    r"^Build finished\b",
    r"^No issues found$",
    r"^Watching\b",
    r"^\s*Reloading\b",
    # a banner the variables did not reach: its box, its link and its last line
    r"^ │(?:\s*$|\s+(?:Material for MkDocs|Critical fixes|Zensical is its|Try it alongside"
    r"|https://zensical\.org|A third-party plugin|ProperDocs|team and does not))",
    r"^\s*To disable this warning, set ",
    # links to the PDFs the preview makes in the background (they follow in seconds)
    r"contains a link '[^']*\.(?:pdf|docx|xlsx)', but the target",
]
NOISE = re.compile("|".join(f"(?:{pattern})" for pattern in _NOISE))


def shown(lines: Iterable[str]) -> Iterable[str]:
    """The engine's lines a user needs, without colours; blank runs collapse to one."""
    blank = True
    for raw in lines:
        line = readable(raw).rstrip()
        if NOISE.search(line):
            continue
        if not line.strip():
            if not blank:
                blank = True
                yield ""
            continue
        blank = False
        yield line


def environment() -> dict[str, str]:
    return {**os.environ, **QUIET_BANNERS}


def start(
    engine: Engine, config: Path, address: str, out: TextIO | None = None
) -> subprocess.Popen:
    """Start the engine's development server; its output goes through ``shown`` to
    ``out`` (standard output) from a thread."""
    process = subprocess.Popen(
        engine.serve_command(config, address),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=environment(),
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    target = out or sys.stdout

    def copy() -> None:
        assert process.stdout is not None
        for line in shown(process.stdout):
            print(line, file=target, flush=True)

    threading.Thread(target=copy, daemon=True).start()
    return process
