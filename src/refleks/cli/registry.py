"""Every command of ``refleks``, in the order ``refleks --help`` lists them.

The command modules are light: each imports what its command needs (the office
libraries) only when it runs, so ``refleks check`` starts quickly."""

from __future__ import annotations

from types import ModuleType

from . import actionplan, build, check, export, new, schema, serve, session, visit

COMMANDS: tuple[ModuleType, ...] = (
    check,
    build,
    serve,
    session,
    export,
    visit,
    new,
    schema,
    actionplan,
)

# old spellings that still work for one release (0.2), not shown in the help
HIDDEN_ALIASES: dict[str, ModuleType] = {"tiltaksplan": actionplan}


def command(name: str) -> ModuleType:
    """The module of the command word ``name`` (an alias included)."""
    by_name = {module.NAME: module for module in COMMANDS}
    return by_name.get(name) or HIDDEN_ALIASES[name]
