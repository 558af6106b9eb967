"""Same content, same bytes: builds in other time zones, locales and hash seeds are identical.

Two copies of the project (in different folders, so no absolute path may leak) are built in
subprocesses whose environments differ in ``TZ``, ``LANG``/``LC_ALL`` and ``PYTHONHASHSEED``
and agree on ``SOURCE_DATE_EPOCH``. Every file of ``site/`` (pages, search index, sitemap and
its gzip, decks, handouts, blank walkround documents) and, when the ``visit`` command exists,
every file a visit builds (letters, XLSX, DOCX, ``.ics``) must be byte-identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from refleks.dates import source_date_epoch

from .conftest import ENGINES, ROOT
from .test_bad_input import tree_digest
from .tools import nothing_to_check

pytestmark = pytest.mark.slow

# 23:30 UTC on 1 March 2026: already 2 March east of Greenwich, still 1 March west of it
EPOCH = "1772407800"
ENVIRONMENTS = [
    {"TZ": "Pacific/Kiritimati", "LANG": "nb_NO.UTF-8", "LC_ALL": "", "PYTHONHASHSEED": "1"},
    {"TZ": "America/Adak", "LANG": "C", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "4242"},
]
PROJECT_PARTS = ["content", "docs", "mkdocs.yml", "overrides", "templates"]


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_PARTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, target / name)
        elif src.is_file():
            shutil.copy(src, target / name)
    return target


def refleks(project: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "TZ")}
    full.update({k: v for k, v in env.items() if v})
    result = subprocess.run(
        [sys.executable, "-m", "refleks", "--project", str(project), *args],
        capture_output=True,
        text=True,
        env=full,
        cwd=project,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def gzip_mtime(site: Path) -> int:
    return int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")


@pytest.fixture(scope="module", params=ENGINES)
def site_engine(request: pytest.FixtureRequest) -> str:
    """Both engines build reproducibly (a fixture of this module's own: these builds are
    fresh project copies, not the shared ``built_site``)."""
    return request.param


# The PDFs are Refleks's own, the same bytes with either engine (tests/test_engines.py), and
# the MkDocs pair shows that they are made reproducibly from nothing. Each build of the
# Zensical pair starts from the PDF cache of the MkDocs build in the same environment, so it
# lays out no PDF again (the slowest part of a build) and still gets PDFs made by another
# process in another environment to compare.
PDF_CACHES: dict[int, Path] = {}


@pytest.fixture(scope="module")
def two_builds(site_engine: str, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    projects = []
    for i, env in enumerate(ENVIRONMENTS):
        folder = tmp_path_factory.mktemp(f"bygg-{site_engine}-{i}")
        project = copy_project(folder / f"prosjekt-{i}")
        pdf_cache = project / "build" / "cache" / "pdf"
        if site_engine != "mkdocs" and i in PDF_CACHES:
            shutil.copytree(PDF_CACHES[i], pdf_cache)
        refleks(
            project,
            "build",
            "--quiet",
            "--engine",
            site_engine,
            env={**env, "SOURCE_DATE_EPOCH": EPOCH},
        )
        if site_engine == "mkdocs" and pdf_cache.is_dir():
            PDF_CACHES[i] = pdf_cache
        projects.append(project)
    return projects


def test_two_builds_give_byte_identical_sites(two_builds: list[Path]) -> None:
    first, second = (tree_digest(p / "site") for p in two_builds)
    assert sorted(first) == sorted(second), "the two builds made different files"
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"files that differ between the builds: {differing}"


def test_build_dates_come_from_source_date_epoch(two_builds: list[Path], site_engine: str) -> None:
    import gzip

    site = two_builds[0] / "site"
    if site_engine == "zensical":
        # known difference: Zensical writes no gzipped sitemap and, without a site url,
        # a sitemap with no pages and so no date
        assert not (site / "sitemap.xml.gz").exists()
        assert "<lastmod>" not in (site / "sitemap.xml").read_text("utf-8")
        return
    raw = (site / "sitemap.xml.gz").read_bytes()
    # the gzip header's mtime: midnight (UTC) of the day SOURCE_DATE_EPOCH falls on
    assert gzip_mtime(site) == 1772323200
    assert gzip.decompress(raw) == (site / "sitemap.xml").read_bytes()


def test_no_absolute_build_path_in_the_site(two_builds: list[Path]) -> None:
    for project in two_builds:
        needle = str(project).encode()
        leaks = [
            p.name
            for p in (project / "site").rglob("*")
            if p.is_file() and needle in p.read_bytes()
        ]
        assert leaks == [], f"{project} is written into {leaks}"


def test_decks_and_pdfs_are_byte_identical(two_builds: list[Path]) -> None:
    """Every deck and every PDF of the two builds, compared byte for byte; at least one deck
    and one deck PDF per reflection set in content/reflections/ (counted from the files)."""
    first, second = (p / "site" for p in two_builds)
    decks = sorted(p.relative_to(first) for p in first.rglob("*.html") if "lysark" in p.parts)
    pdfs = sorted(p.relative_to(first) for p in first.rglob("*.pdf"))
    if not decks or not pdfs:
        nothing_to_check("no deck or PDF in the site")
    reflection_sets = len(list((ROOT / "content" / "reflections").glob("*.yaml")))
    assert len(decks) >= reflection_sets
    assert len([p for p in pdfs if p.name.startswith("lysark-")]) >= reflection_sets
    differing = [
        str(rel)
        for rel in decks + pdfs
        if not (second / rel).is_file() or (second / rel).read_bytes() != (first / rel).read_bytes()
    ]
    assert differing == [], f"decks or PDFs that differ between the builds: {differing}"


def test_visit_documents_are_byte_identical(tmp_path: Path) -> None:
    visits = sorted((ROOT / "content" / "visits").glob("*.yaml"))
    if not visits:
        nothing_to_check("no visit in content/visits/")
    outs = []
    for i, env in enumerate(ENVIRONMENTS):
        project = copy_project(tmp_path / f"visitt-{i}")
        for visit in visits:
            refleks(
                project,
                "visit",
                f"content/visits/{visit.name}",
                env={**env, "SOURCE_DATE_EPOCH": EPOCH},
            )
        outs.append(project / "out")
    first, second = tree_digest(outs[0]), tree_digest(outs[1])
    assert first, "the visit command wrote nothing under out/"
    kinds = {Path(name).suffix for name in first}
    assert {".pdf", ".docx", ".xlsx", ".ics"} & kinds, kinds
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"visit files that differ between runs: {differing}"


# --- the date the engine gets when the user sets none


def git(root: Path, *args: str, when: str | None = None) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
    )
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True)


def test_source_date_is_the_last_commit_of_clean_content(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    (root / "content" / "site.yaml").write_text("title: T\n", "utf-8")
    (root / "mkdocs.yml").write_text("site_name: T\n", "utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one", when="2024-05-17T12:00:00+00:00")
    assert source_date_epoch(root) == "1715947200"
    # a later commit elsewhere in the repository does not change the site's date
    (root / "README").write_text("x", "utf-8")
    git(root, "add", "README")
    git(root, "commit", "-q", "-m", "two", when="2025-01-01T00:00:00+00:00")
    assert source_date_epoch(root) == "1715947200"


def test_source_date_of_edited_content_is_its_newest_file(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    for name, stamp in [("a.yaml", 1_000_000_000), ("b.yaml", 1_200_000_000)]:
        path = root / "content" / name
        path.write_text("x: y\n", "utf-8")
        os.utime(path, (stamp, stamp))
    os.utime(root / "content", (1_100_000_000, 1_100_000_000))
    assert source_date_epoch(root) == "1200000000"  # not a git repository
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "one", when="2024-05-17T12:00:00+00:00")
    edited = root / "content" / "a.yaml"
    edited.write_text("x: z\n", "utf-8")
    os.utime(edited, (1_300_000_000, 1_300_000_000))
    assert source_date_epoch(root) == "1300000000"  # uncommitted edit: its own time


def test_sitemap_date_follows_the_content_not_the_clock(tmp_path: Path) -> None:
    from .test_bad_input import make_project

    project = make_project(tmp_path / "prosjekt")
    stamp = 981_158_400  # 3 February 2001
    for path in project.rglob("*"):
        os.utime(path, (stamp, stamp))
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = subprocess.run(
        [sys.executable, "-m", "refleks", "--project", str(project), "build", "--quiet"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert gzip_mtime(project / "site") == stamp  # the day of the newest file, not today
