"""Sub-commands that live in output modules, imported only when used: they pull in
WeasyPrint and the office libraries, which would slow down ``refleks check``."""

from __future__ import annotations

import importlib

# command word -> module that registers it (via refleks.cli.EXTRA_COMMANDS / COMMANDS)
LAZY = {
    "session": "refleks.session",
    "export": "refleks.courses.scorm",
    "visit": "refleks.walkround.visit",
    "new": "refleks.walkround.visit",
    "tiltaksplan": "refleks.walkround.visit",
}


def load_for(argv: list[str]) -> None:
    """Import the module of the command in ``argv``, or all of them when none is named."""
    words = [a for a in argv if not a.startswith("-")]
    wanted = [LAZY[w] for w in words[:2] if w in LAZY]
    # --project takes a value that is not a command word; a help request lists everything
    for module in sorted(set(wanted or ([] if _core(words) else LAZY.values()))):
        importlib.import_module(module)


def _core(words: list[str]) -> bool:
    return any(w in ("check", "build", "serve") for w in words)
