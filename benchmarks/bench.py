"""The Refleks speed benchmark (issue 6): one run, one table, results in RESULTS.md.

Measures, on synthetic projects of 10, 100 and 1,000 reflection themes (``generate.py``):

- ``refleks build`` against plain ``mkdocs build`` on the identical generated Markdown and
  config (made with ``refleks.site.pages.build`` + ``site_engine.write_config``), and the
  same for every engine in ``--engines`` (MkDocs and Zensical side by side);
  the build's phases are timed (``phases.py``) so that the site part (loading, checking,
  page generation, engine, swap) can be told from the decks and PDF handouts, which the
  plain engine does not make;
- growth from 100 to 1,000 themes; peak memory at 1,000 themes (Refleks's process and the
  engine's, added up: they run at the same time);
- ``refleks check`` against the build;
- ``refleks serve``: from saving a YAML file to the changed page being served, on the
  shipped content.

Wall-clock times are the best of ``--repeat`` runs; CPU times (user + system, the process
and the children it waited for) are given too, as they move less when the machine is busy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
PYTHON = sys.executable
sys.path.insert(0, str(HERE))

import targets  # noqa: E402
from generate import generate  # noqa: E402


@dataclass
class Run:
    wall: float
    cpu: float
    stdout: str = ""
    peak_mb: float = 0.0
    """Peak memory of the process tree (PSS), when sampled."""


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def tree_memory_mb(pid: int) -> float:
    """Memory of ``pid`` and its descendants: the sum of their proportional set sizes (PSS,
    so that pages forked workers share with their parent are counted once)."""
    total_kb = 0
    for each in descendants(pid):
        try:
            text = Path(f"/proc/{each}/smaps_rollup").read_text()
        except OSError:
            continue
        match = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
        total_kb += int(match.group(1)) if match else 0
    return total_kb / 1024


def run(
    cmd: list[str], *, cwd: Path | None = None, env: dict | None = None, memory: bool = False
) -> Run:
    """Run ``cmd`` to the end; wall time and, with ``memory``, the peak memory of it and its
    children together, sampled every 0.2 s."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = [0.0]
    sampler = None
    if memory:

        def sample() -> None:
            while proc.poll() is None:
                peak[0] = max(peak[0], tree_memory_mb(proc.pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    if sampler is not None:
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} stoppet ({proc.returncode}):\n{err[-3000:]}")
    return Run(wall, 0.0, out, peak[0])


def timed(cmd: list[str], **kwargs: Any) -> Run:
    """``run`` with the CPU time of this one child (and its waited-for children)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = run(cmd, **kwargs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.wall)


# --------------------------------------------------------------------------- site builds


@dataclass
class SizeResult:
    """One size: plain engine and Refleks's site part (best of interleaved runs), one full
    build with decks and PDFs from an empty cache, the same after one edit, and
    ``refleks check``."""

    themes: int
    files: int = 0
    mkdocs: Run | None = None
    site_run: Run | None = None
    site_phases: dict[str, float] = field(default_factory=dict)
    build: Run | None = None
    phases: dict[str, float] = field(default_factory=dict)
    cpu_phases: dict[str, float] = field(default_factory=dict)
    rss_refleks: float = 0.0
    rss_engine: float = 0.0
    rebuild: Run | None = None
    """The whole build again after one question was edited (PDFs from the cache)."""
    check: Run | None = None
    engines: dict[str, tuple[Run, Run]] = field(default_factory=dict)
    """Per engine: its plain build and Refleks's site part with it (best of the runs)."""

    @property
    def outputs(self) -> float:
        """Decks, handouts and blank documents in the full build: what the engine does not make."""
        return sum(v for k, v in self.phases.items() if k not in SITE_PHASES)

    @property
    def site(self) -> float:
        """``refleks build`` without decks and PDFs (wall-clock seconds)."""
        assert self.site_run is not None
        return self.site_run.wall

    @property
    def ratio(self) -> float:
        assert self.mkdocs is not None
        return self.site / self.mkdocs.wall

    @property
    def cpu_ratio(self) -> float:
        assert self.mkdocs is not None and self.site_run is not None
        return self.site_run.cpu / self.mkdocs.cpu


SITE_PHASES = ("load", "pages", "config", "engine")


def plain_engine_project(project: Path, engine: str = "mkdocs") -> Path:
    """The generated Markdown and ``engine``'s config of ``project``, in a folder of their
    own."""
    target = project.with_name(f"{project.name}-{engine}")
    if target.exists():
        shutil.rmtree(target)
    code = (
        "import sys; from pathlib import Path\n"
        "from refleks.content.pipeline import build_library\n"
        "from refleks.project import Project\n"
        "from refleks.site import engine as site_engine, pages\n"
        "root, out, engine = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]\n"
        "lib = build_library(Project(root))\n"
        "nav = pages.build(lib, out / 'docs')\n"
        "site_engine.write_config(lib, out / 'docs', out / 'mkdocs.yml', out / 'site', nav,\n"
        "                         engine=site_engine.ENGINES[engine])\n"
    )
    run([PYTHON, "-c", code, str(project), str(target), engine])
    return target / "mkdocs.yml"


def engine_env(project: Path) -> dict[str, str]:
    """The environment ``refleks build`` gives the engine (same SOURCE_DATE_EPOCH)."""
    from refleks.dates import source_date_epoch

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(project))
    return env


def phases_run(
    project: Path, env: dict[str, str], *extra: str, memory: bool = False
) -> tuple[Run, dict]:
    r = timed([PYTHON, str(HERE / "phases.py"), str(project), *extra], env=env, memory=memory)
    return r, json.loads(r.stdout.strip().splitlines()[-1])


def measure_engine(
    project: Path, env: dict[str, str], engine: str, repeat: int
) -> tuple[Run, Run, dict]:
    """``engine``'s plain build against ``refleks build --engine`` without PDFs, interleaved,
    so that a busy moment hits both alike; the best of each and the site run's phases."""
    from refleks.site.engine import ENGINES

    config = plain_engine_project(project, engine)
    command = ENGINES[engine].build_command(config, quiet=True)
    print(f"  {project.name}: {engine} build og refleks build uten PDF, {repeat} ganger ...")
    plain, site = [], []
    for _ in range(repeat):
        plain.append(timed(command, env=env))
        site.append(phases_run(project, env, "--site-only", "--engine", engine))
    site_run, data = min(site, key=lambda b: b[0].wall)
    return best(plain), site_run, data


def measure_size(themes: int, repeat: int, engines: list[str]) -> SizeResult:
    project = generate(WORK / f"temaer-{themes}", themes)
    result = SizeResult(themes, files=sum(1 for _ in (project / "content").rglob("*.yaml")))
    env = engine_env(project)
    for engine in dict.fromkeys(["mkdocs", *engines]):
        plain, site_run, data = measure_engine(project, env, engine, repeat)
        if engine in engines:
            result.engines[engine] = (plain, site_run)
        if engine == "mkdocs":
            result.mkdocs, result.site_run, result.site_phases = plain, site_run, data["phases"]
    print(f"  {themes} temaer: hele refleks build, tomt mellomlager ...", flush=True)
    shutil.rmtree(project / "build" / "cache", ignore_errors=True)
    result.build, data = phases_run(project, env, memory=True)
    result.phases, result.cpu_phases = data["phases"], data["cpu"]
    result.rss_refleks, result.rss_engine = data["rss_refleks_mb"], data["rss_engine_mb"]
    print(f"  {themes} temaer: hele refleks build etter én endring ...", flush=True)
    edit_one_question(project)
    result.rebuild, _ = phases_run(project, env)
    print(f"  {themes} temaer: refleks check ...", flush=True)
    result.check = best(
        [
            timed([PYTHON, "-m", "refleks", "--project", str(project), "check"])
            for _ in range(max(repeat, 3))
        ]
    )
    return result


def edit_one_question(project: Path) -> None:
    """Change the first question of the first reflection set, as an author would."""
    path = sorted((project / "content" / "reflections").glob("*.yaml"))[0]
    text = path.read_text("utf-8")
    changed = re.sub(r"^(\s+- .+)\?$", r"\1 nå?", text, count=1, flags=re.M)
    assert changed != text
    path.write_text(changed, "utf-8")


# --------------------------------------------------------------------------- serve


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(predicate: Any, timeout: float, step: float = 0.05) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if predicate():
            return time.perf_counter() - started
        time.sleep(step)
    raise SystemExit(f"ventet i {timeout} s uten resultat")


def measure_serve(edits: int) -> dict[str, Any]:
    """Seconds from saving a theme's YAML to the served theme page showing the change."""
    project = WORK / "serve"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    for name in ["content", "docs", "templates", "overrides", "mkdocs.yml"]:
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    reflection_file = sorted((project / "content" / "reflections").glob("*.yaml"))[0]
    reflection_id = reflection_file.stem
    text = reflection_file.read_text("utf-8")
    first_title = re.search(r"^\s+title:\s*(.+)$", text.split("themes:", 1)[1], re.M)
    theme_id = re.search(r"^\s+- id:\s*(\S+)", text.split("themes:", 1)[1], re.M).group(1)
    assert first_title is not None
    port = free_port()
    url = f"http://127.0.0.1:{port}/refleksjon/{reflection_id}/{theme_id}.html"
    started = time.perf_counter()
    server = subprocess.Popen(
        [PYTHON, "-m", "refleks", "--project", str(project), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        wait_for(lambda: fetch(url) is not None, 120)
        ready = time.perf_counter() - started
        times = []
        for n in range(1, edits + 1):
            marker = f"Endret tittel {n}"
            old_line = first_title.group(0)
            new_line = old_line.replace(first_title.group(1), marker)
            time.sleep(1.0)  # the watcher and the engine settle
            reflection_file.write_text(text.replace(old_line, new_line, 1), "utf-8")
            times.append(wait_for(lambda m=marker: m in (fetch(url) or ""), 120))
        return {"ready": ready, "times": times, "page": url.split("/", 3)[3]}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


# --------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    def first(path: str, key: str) -> str:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return "ukjent"

    def version(module: str) -> str:
        from importlib.metadata import PackageNotFoundError
        from importlib.metadata import version as v

        try:
            return v(module)
        except PackageNotFoundError:
            return "ikke installert"

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    return {
        "nproc": str(os.cpu_count()),
        "minne": f"{int(mem_kb) / 1024 / 1024:.1f} GiB" if mem_kb.isdigit() else "ukjent",
        "cpu": first("/proc/cpuinfo", "model name"),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "zensical": version("zensical"),
        "typst": version("typst"),
        "pyyaml med libyaml": str(__import__("yaml").__with_libyaml__),
        "belastning ved start (load average)": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def engines_table(sizes: list[SizeResult]) -> list[str]:
    """MkDocs and Zensical side by side: each engine's plain build and Refleks's site part
    with it, on the same generated pages."""
    engines = list(dict.fromkeys(e for s in sizes for e in s.engines))
    if not engines:
        return []
    head = " | ".join(f"{e} (s) | Refleks med {e} (s) | forhold" for e in engines)
    lines = [
        "",
        "Motorene side om side: hver motor alene på de samme genererte sidene, og "
        "«Refleks, nettsted» med den motoren (`refleks build --engine`, uten lysark og PDF). "
        "Fra andre kjøring (`--repeat`) gjenbruker Zensical sidene i mellomlageret sitt, slik "
        "det gjør i vanlig bruk (`build/cache/zensical/`); tallet er beste kjøring.",
        "",
        f"| temaer | {head} |",
        "|---:|" + "---:|---:|---:|" * len(engines),
    ]
    for s in sizes:
        cells = []
        for e in engines:
            if e in s.engines:
                plain, site = s.engines[e]
                cells.append(f"{plain.wall:.2f} | {site.wall:.2f} | {site.wall / plain.wall:.2f}")
            else:
                cells.append("– | – | –")
        lines.append(f"| {s.themes} | " + " | ".join(cells) + " |")
    return lines


def report(
    sizes: list[SizeResult],
    serve: dict | None,
    facts: dict[str, str],
    seconds: float,
) -> str:
    lines = [
        "# Refleks: ytelsesmåling",
        "",
        f"Målt {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} med `benchmarks/run` "
        f"({seconds / 60:.1f} minutter). Veggklokketid er beste av flere kjøringer, der "
        "`mkdocs build` og Refleks kjøres annenhver gang; CPU er bruker- + systemtid for "
        "prosessen og barna den ventet på (den flytter seg mindre når maskinen har annet å "
        "gjøre).",
        "",
        "## Maskinen",
        "",
        *[f"- {k}: {v}" for k, v in facts.items()],
        "",
        "## Bygg",
        "",
        "«Refleks, nettsted» er `refleks build` uten lysark og PDF-er (lasting, sjekk, "
        "sidegenerering, motoren, bytte av mappe; samme kode, bare listen over utdata er "
        "tom): det som kan sammenlignes med en ren `mkdocs build` på nøyaktig de samme "
        "genererte Markdown-sidene og den samme konfigurasjonen. «Hele refleks build» lager "
        "også lysark og PDF-er (én kjøring, tomt mellomlager for PDF-er); motoren arbeider "
        "i en egen prosess mens lysark og PDF-er lages. «Etter én endring» er det samme "
        "bygget igjen etter at ett spørsmål er endret: uendrede PDF-er hentes fra "
        "mellomlageret (`build/cache/pdf/`).",
        "",
        "| temaer | YAML-filer | mkdocs build (s) | Refleks, nettsted (s) | forhold | "
        "forhold, CPU | hele refleks build (s) | etter én endring (s) | refleks check (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        assert s.mkdocs and s.build and s.check and s.rebuild
        lines.append(
            f"| {s.themes} | {s.files} | {s.mkdocs.wall:.2f} | {s.site:.2f} | {s.ratio:.2f} | "
            f"{s.cpu_ratio:.2f} | {s.build.wall:.1f} | {s.rebuild.wall:.1f} | "
            f"{s.check.wall:.2f} |"
        )
    lines += engines_table(sizes)
    names = sorted({k for s in sizes for k in s.phases})
    lines += [
        "",
        "Faser i hele `refleks build` (s), tomt mellomlager; «engine» er tiden bygget venter "
        "på motoren etter at lysark og PDF-er er laget, «oppstart og annet» er "
        "Python-oppstart, import, rettigheter og bytte av mappe:",
        "",
        "| temaer | " + " | ".join(names) + " | oppstart og annet |",
        "|---:|" + "---:|" * (len(names) + 1),
    ]
    for s in sizes:
        other = s.build.wall - sum(s.phases.values())  # type: ignore[union-attr]
        lines.append(
            f"| {s.themes} | "
            + " | ".join(f"{s.phases.get(k, 0):.2f}" for k in names)
            + f" | {other:.2f} |"
        )
    lines += ["", "## Mål (issue 14)", ""]
    lines += targets.table(targets.checks(sizes))
    lines += ["", "## refleks serve", ""]
    if serve:
        times = sorted(serve["times"])
        lines.append(
            f"Fra en YAML-fil lagres til den endrede siden (`{serve['page']}`) serveres, på "
            f"det medfølgende innholdet: median {times[len(times) // 2]:.1f} s "
            f"(alle: {', '.join(f'{t:.1f}' for t in serve['times'])} s). Fra oppstart til "
            f"siden serveres første gang: {serve['ready']:.1f} s."
        )
    else:
        lines.append("Ikke målt.")
    lines += ["", "## Merknader", "", "NOTES", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Refleks ytelsesmåling")
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=3, help="kjøringer per størrelse < 1000")
    parser.add_argument("--serve-edits", type=int, default=3)
    parser.add_argument(
        "--notes",
        type=Path,
        default=HERE / "NOTES.md",
        help="tekst som settes inn under Merknader i RESULTS.md",
    )
    parser.add_argument(
        "--engines",
        default="mkdocs,zensical",
        help="nettstedsmotorene som måles side om side (kommaskilt)",
    )
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    started = time.perf_counter()
    facts = machine()
    WORK.mkdir(exist_ok=True)
    sizes = []
    for themes in (int(x) for x in args.sizes.split(",")):
        print(f"Størrelse {themes} ...", flush=True)
        repeat = args.repeat if themes < 1000 else min(args.repeat, 2)
        sizes.append(measure_size(themes, repeat, args.engines.split(",")))
    print("refleks serve ...", flush=True)
    serve = measure_serve(args.serve_edits) if args.serve_edits else None
    facts["belastning ved slutt (load average)"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(sizes, serve, facts, time.perf_counter() - started)
    notes = args.notes.read_text("utf-8").strip() if args.notes.is_file() else "Ingen."
    text = text.replace("NOTES", notes)
    args.out.write_text(text, "utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
