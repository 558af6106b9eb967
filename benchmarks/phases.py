"""``refleks build`` with a stopwatch on each phase; prints one JSON line.

Run as ``python benchmarks/phases.py PROJECT [--site-only] [--engine NAME]``. The build is
the real one with timers wrapped around the library loading, the page generation and each
output that adds files to the site. The site engine runs in its own process while the outputs
are made; its phase ``engine`` is the time the build waits for it after them. Memory: the
peak resident size of this process and of the largest child (the site engine), in MB.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from refleks import cli
from refleks.cli import build as build_command
from refleks.site import build as build_module
from refleks.site import engine as site_engine
from refleks.site import pages

TIMES: dict[str, float] = {}


CPU: dict[str, float] = {}
DEPTH: dict[str, int] = {}


def cpu_now() -> float:
    """CPU seconds of this process and of the children it has waited for (the engine)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` with its wall and CPU time added to ``TIMES`` and ``CPU`` (outermost calls)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        DEPTH[name] = DEPTH.get(name, 0) + 1
        started, cpu = time.perf_counter(), cpu_now()
        try:
            return func(*args, **kwargs)
        finally:
            DEPTH[name] -= 1
            if DEPTH[name] == 0:
                TIMES[name] = TIMES.get(name, 0.0) + time.perf_counter() - started
                CPU[name] = CPU.get(name, 0.0) + cpu_now() - cpu

    return wrapper


def started_and_timed(name: str, start: Callable[..., Any]) -> Callable[..., Any]:
    """``start`` (an output begun early) whose ``files()`` is timed as the phase ``name``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = timed(f"{name}_start", start)(*args, **kwargs)
        started.files = timed(name, started.files)
        return started

    return wrapper


def main(project: Path, site_only: bool = False, engine: str | None = None) -> None:
    """Build ``project``; with ``site_only`` the decks and PDFs are left out (the site part
    of the build, on its own code path: only the list of outputs is empty)."""
    started = time.perf_counter()
    build_command.build_library = timed("load", build_command.build_library)
    pages.build = timed("pages", pages.build)
    site_engine.write_config = timed("config", site_engine.write_config)
    site_engine.Running.wait = timed("engine", site_engine.Running.wait)
    original_outputs = build_module.site_outputs

    def outputs() -> list:
        if site_only:
            return []
        # importing the output modules (openpyxl, Typst ...) is part of making the outputs
        modules = timed("outputs_import", original_outputs)()
        for module in modules:
            name = module.__name__.rsplit(".", 1)[-1]
            module.files = timed(name, module.files)
            if hasattr(module, "start"):  # begun before the others; the phase is the wait
                module.start = started_and_timed(name, module.start)
        return modules

    build_module.site_outputs = outputs
    engine_args = ["--engine", engine] if engine else []
    code = cli.main(["--project", str(project), "build", "--quiet", *engine_args])
    total = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "exit": code,
                "total": total,
                "phases": TIMES,
                "cpu": CPU,
                "rss_refleks_mb": own,
                "rss_engine_mb": child,
            }
        )
    )


if __name__ == "__main__":
    options = sys.argv[2:]
    chosen = options[options.index("--engine") + 1] if "--engine" in options else None
    main(Path(sys.argv[1]).resolve(), site_only="--site-only" in options, engine=chosen)
