"""Every PDF Refleks makes is PDF/UA-1 and PDF/A-2a, as a validator (``page-validation``)
judges it: the shipped site, a visit kit, a year plan, a session kit and a SCORM package.

Each kind of output is made once in this module, and only when a test asks for it. One test
per kind and profile names every file that fails and every rule it breaks. Every PDF is
made by the one PDF backend (``refleks.pdfbackend``, Typst), so none is excused.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from refleks.cli import main

from . import measurements
from .conftest import ROOT
from .pdf_standards import PROFILES, findings
from .tools import nothing_to_check
from .walkround_helpers import env

VISIT = "eksempel-solbakken"
PLAN = "eksempel-arsplan-2027"
SESSION = [
    "--reflection", "systemperspektiv", "--role", "leder-virksomhet",
    "--themes", "ledelse,involvering", "--minutes", "60",
]  # fmt: skip
TODAY = "2027-01-01"  # before the shipped plan's first visit

# (program that made the PDF, profile) -> why it fails for now; remove an entry when it passes
PDFs = list[tuple[str, bytes]]


def _pdfs_in(folder: Path) -> PDFs:
    return [(str(p.relative_to(folder)), p.read_bytes()) for p in sorted(folder.rglob("*.pdf"))]


def _cli(project: Path, *args: str) -> None:
    with env(REFLEKS_TODAY=TODAY):
        assert main(["--project", str(project), *args]) == 0


def _shipped_content(target: Path) -> Path:
    shutil.copytree(ROOT / "content", target / "content")
    return target


@pytest.fixture(scope="module")
def made(
    default_site: Path, tmp_path_factory: pytest.TempPathFactory, shipped_project: Path
) -> Callable[[str], PDFs]:
    """The PDFs of one kind of output, made the first time a test asks for that kind."""
    cache: dict[str, PDFs] = {}

    def site() -> PDFs:
        return _pdfs_in(default_site)

    def visit() -> PDFs:
        project = _shipped_content(tmp_path_factory.mktemp("visit"))
        _cli(project, "visit", VISIT)
        return _pdfs_in(project / "out")

    def plan() -> PDFs:
        project = _shipped_content(tmp_path_factory.mktemp("plan"))
        _cli(project, "visit", "--plan", PLAN)
        return _pdfs_in(project / "out")

    def session() -> PDFs:
        out = tmp_path_factory.mktemp("session")
        _cli(shipped_project, "session", *SESSION, "--out", str(out))
        return _pdfs_in(out)

    def scorm() -> PDFs:
        out = tmp_path_factory.mktemp("scorm")
        argv = ["export", "scorm", "--reflection", "systemperspektiv", "--out", str(out)]
        _cli(shipped_project, *argv)
        found: PDFs = []
        for package in sorted(out.glob("*.zip")):
            with zipfile.ZipFile(package) as zf:
                names = sorted(n for n in zf.namelist() if n.endswith(".pdf"))
                found += [(f"{package.name}!{n}", zf.read(n)) for n in names]
        return found

    makers = {"site": site, "visit": visit, "plan": plan, "session": session, "scorm": scorm}

    def get(kind: str) -> PDFs:
        if kind not in cache:
            cache[kind] = makers[kind]()
        return cache[kind]

    return get


def maker(data: bytes) -> str:
    """The program that wrote the PDF, from its document information."""
    info = PdfReader(io.BytesIO(data)).metadata or {}
    said = f"{info.get('/Creator', '')} {info.get('/Producer', '')}"
    return next((name for name in ("Typst", "WeasyPrint") if name in said), said.strip())


KINDS = ["site", "visit", "plan", "session", "scorm"]


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("kind", KINDS)
def test_every_pdf_meets_the_standard(made: Callable[[str], PDFs], kind: str, profile: str):
    pdfs = made(kind)
    if not pdfs:
        nothing_to_check(f"ingen PDF i {kind}")
    failing = []
    for name, data in pdfs:
        rules = findings(data, profile)
        if rules:
            failing.append(f"{name} ({maker(data)}):\n    " + "\n    ".join(rules))
    standard = PROFILES[profile]
    pdf = measurements.PDF
    measurements.judge(*pdf, {})  # the validator ran; it judges no criterion of the site
    for line in failing:
        name = line.split(":", 1)[0].split(" (", 1)[0]
        measurements.deviation(*pdf, f"{name} er ikke {standard}")
    assert not failing, f"{len(failing)} av {len(pdfs)} PDF-er er ikke {standard}:\n" + "\n".join(
        failing
    )


def test_a_stream_ending_in_a_carriage_return_is_not_a_length_error() -> None:
    """The one validator finding ``findings`` drops, and only when the bytes prove it wrong:
    three data bytes ``ab\\r``, then the line feed before ``endstream``."""
    from .pdf_standards import _stream_length_is_exact

    good = b"%PDF-1.7\n7 0 obj\n<</Length 3/Filter/FlateDecode>>\nstream\nab\r\nendstream\nendobj\n"
    assert _stream_length_is_exact(good, 7, 0)
    assert not _stream_length_is_exact(good.replace(b"Length 3", b"Length 2"), 7, 0)
    assert not _stream_length_is_exact(good.replace(b"ab\r", b"abc"), 7, 0)
    assert not _stream_length_is_exact(good, 8, 0)
