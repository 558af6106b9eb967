"""``refleks visit --all`` on a generated year of 20, 100 and 500 visits (issue 23, 29).

Each size is a copy of the shipped content with its example visits and plans replaced by
``N`` loose visit files under ``content/visits/`` (working days from 2031 on, a visit leader
per visit, so the checks across the visits find nothing). The whole command is timed (wall
clock) and its process tree's peak memory sampled every 0.2 s: RSS summed over the tree (the
measure issue 23 asks for) and PSS (pages shared with a parent counted once). The merged
letters PDF is timed alone, in one process, from the same kits.

    .venv/bin/python benchmarks/yearplan.py --sizes 20,100,500

Targets (issue 23): 500 visits, every document and the merged letters within 60 s and under
500 MB; the merged letters PDF alone within 5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
PYTHON = sys.executable
sys.path.insert(0, str(HERE))

from bench import descendants  # noqa: E402

TODAY = "2030-06-01"
VISIT = """\
id: {id}
method: pasientsikkerhetsvisitt
municipality: Benchmark kommune
unit: Enhet {n} for pasientsikkerhet
unit_leader: {{name: Leder {n}, title: avdelingsleder}}
date: {date}
time: "13:00"
duration_minutes: 60
location: Møterommet, {n}. etasje
leadership:
  top_leader: {{name: Ola Nordmann, title: kommunaldirektør}}
  visit_leader: {{name: Visittleder {n}, title: kommunalsjef}}
  coordinator:
    name: Per Prøvesen
    email: per.provesen@eksempel.example
    phone: 12 34 56 78
participants: [sykepleier, helsefagarbeider, pleieassistent, kjøkkenpersonale, ufaglært]
"""


def working_days(count: int) -> list[dt.date]:
    """``count`` weekdays from 2031 on, none a public holiday, in summer or at Christmas."""
    import holidays

    free = holidays.Norway(years=range(2031, 2040))
    days, day = [], dt.date(2031, 1, 6)
    while len(days) < count:
        week = day.isocalendar().week
        christmas = day.month == 12 and day.day >= 20
        if day.weekday() < 5 and day not in free and not 27 <= week <= 32 and not christmas:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def generate(root: Path, visits: int) -> Path:
    """A project with the shipped content and ``visits`` visit files."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copytree(REPO / "content", root / "content")
    for folder in ("visits", "plans"):
        shutil.rmtree(root / "content" / folder, ignore_errors=True)
        (root / "content" / folder).mkdir()
    for n, day in enumerate(working_days(visits), start=1):
        text = VISIT.format(id=f"visitt-{n:04d}", n=n, date=day.isoformat())
        (root / "content" / "visits" / f"visitt-{n:04d}.yaml").write_text(text, "utf-8")
    return root


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of ``pid`` and its descendants, summed, in MB."""
    rss = pss = 0
    for each in descendants(pid):
        try:
            text = Path(f"/proc/{each}/smaps_rollup").read_text()
        except OSError:
            continue
        for name, value in re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.M):
            if name == "Rss":
                rss += int(value)
            else:
                pss += int(value)
    return rss / 1024, pss / 1024


def own_peak_mb(pid: int) -> float:
    """The process's own peak resident memory so far (``VmHWM``), in MB."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmHWM:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) / 1024 if match else 0.0


def run_visit_all(project: Path) -> dict[str, float]:
    """Wall time, CPU of the tree and peak memory of ``refleks visit --all``."""
    env = dict(os.environ, REFLEKS_TODAY=TODAY, SOURCE_DATE_EPOCH="1900000000")
    command = [PYTHON, "-m", "refleks", "--project", str(project), "visit", "--all", "--force"]
    before = os.times()
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = {"rss": 0.0, "pss": 0.0, "own": 0.0}

    def sample() -> None:
        while proc.poll() is None:
            rss, pss = tree_memory_mb(proc.pid)
            peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)
            peak["own"] = max(peak["own"], own_peak_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = os.times()
    if proc.returncode != 0:
        raise SystemExit(f"refleks visit --all stoppet ({proc.returncode}):\n{err[-3000:]}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return {"wall": wall, "cpu": cpu, **peak}


MERGED_LETTERS = """\
import sys, time
from pathlib import Path
from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.walkround.year import group_of
from refleks.walkround.kit import Kit, kit_for, method_for
from refleks.walkround.documents import year
library = build_library(Project(Path(sys.argv[1])))
group = group_of(library, None)
kits = [kit_for(library, v) for v in group.visits]
overview = Kit(library, method_for(library))
started = time.perf_counter()
data = b"".join(pdf for _name, pdf in year.letters_pdfs(overview, kits, "Benchmark"))
print(f"{time.perf_counter() - started:.3f} {len(data)}")
"""


def merged_letters_seconds(project: Path) -> tuple[float, int]:
    """Seconds (and bytes) for the merged letters PDFs alone (every part of at most
    ``LETTERS_PER_PDF`` letters), their kits made beforehand."""
    env = dict(os.environ, REFLEKS_TODAY=TODAY, SOURCE_DATE_EPOCH="1900000000")
    done = subprocess.run(
        [PYTHON, "-c", MERGED_LETTERS, str(project)], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"de samlede brevene alene stoppet:\n{done.stderr[-3000:]}")
    out = done.stdout.split()
    return float(out[0]), int(out[1])


def main() -> int:
    parser = argparse.ArgumentParser(description="refleks visit --all på en generert årsplan")
    parser.add_argument("--sizes", default="20,100,500")
    args = parser.parse_args()
    print(f"belastning ved start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        "| visitter | tid (s) | CPU (s) | RSS, prosesstreet (MB) | PSS, prosesstreet (MB) | "
        "RSS, Refleks-prosessen (MB) | samlede brev som PDF alene (s) | samlede brev (MB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(x) for x in args.sizes.split(",")):
        project = generate(WORK / f"visitter-{size}", size)
        result = run_visit_all(project)
        print(f"  ({size} visitter: {result})", flush=True)  # kept if the next step fails
        seconds, size_bytes = merged_letters_seconds(project)
        print(
            f"| {size} | {result['wall']:.1f} | {result['cpu']:.1f} | {result['rss']:.0f} | "
            f"{result['pss']:.0f} | {result['own']:.0f} | {seconds:.2f} | "
            f"{size_bytes / 1e6:.1f} |",
            flush=True,
        )
    print(f"belastning ved slutt: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
