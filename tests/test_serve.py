"""``refleks serve``: saving a YAML file updates the page the preview serves, with either
site engine's own development server."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .test_bad_input import make_project

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.2)
    return False


def test_editing_yaml_updates_the_served_page(tmp_path: Path, engine: str) -> None:
    project = make_project(tmp_path / "prosjekt")
    port = free_port()
    command = ["serve", "--port", str(port), "--engine", engine]
    proc = subprocess.Popen(
        [sys.executable, "-m", "refleks", "--project", str(project), *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/refleksjon/sett/tema.html"
    try:
        assert wait_for(url, "Hva gjør jeg?", 60), "the preview did not start"
        sett = project / "content" / "reflections" / "sett.yaml"
        sett.write_text(
            # a question of one's own (the set's are the source's, checked against its text)
            sett.read_text("utf-8").replace(
                "Hva gjør jeg?", '{text: "Hva endrer jeg nå?", authored_by: refleks}'
            ),
            encoding="utf-8",
        )
        assert wait_for(url, "Hva endrer jeg nå?", 30), "the page was not updated"
        # the deck and, made in the background, the PDFs (issue 18)
        base = f"http://127.0.0.1:{port}/"
        assert content_type(base + "lysark/tema-sett-tema.html") == "text/html"
        assert wait_for_type(base + "utskrift/tema-sett-tema.pdf", "application/pdf", 180)
        # invalid content keeps the last good preview with the errors over it
        sett.write_text("id: sett\nsource: finnes-ikke\n", encoding="utf-8")
        assert wait_for(url, "refleks-forhandsvisning-feil", 30), "the errors are not shown"
        assert "Hva endrer jeg nå?" in fetch(url)
        shown = "content/reflections/sett.yaml:1:1</code> mangler påkrevd nøkkel «title»"
        assert shown in fetch(url)
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    # the number of errors is the content model's business (tests/test_bad_input.py)
    assert re.search(
        r"^Forhåndsvisningen er ikke oppdatert: \d+ feil vises i nettleseren til de er rettet\.$",
        out,
        re.M,
    )
    assert "Traceback" not in out
    assert "end of life" not in out


def content_type(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.headers.get_content_type()
    except OSError:
        return ""


def wait_for_type(url: str, kind: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if content_type(url) == kind:
            return True
        time.sleep(0.5)
    return False
