"""The Nu HTML Checker (vnu-jar from npm, run with the machine's Java) finds no error in any
built page, deck or the project's own style sheets."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT
from .tools import require

pytestmark = pytest.mark.slow

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu(files: list[Path], *options: str) -> list[dict]:
    java = require("java")
    assert VNU.is_file(), f"{VNU} mangler; kjør ./scripts/setup (npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *options, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")]


def readable(messages: list[dict], root: Path) -> str:
    lines = []
    for m in messages[:40]:
        where = m.get("url", "").replace(root.as_uri(), "").replace("file:" + str(root), "")
        lines.append(f"{where}:{m.get('lastLine')}:{m.get('firstColumn')}: {m['message']}")
        if m.get("extract"):
            lines.append(f"    {m['extract'].strip()[:160]}")
    return "\n".join(lines)


def site_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)


def test_every_page_and_deck_is_valid_html(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert built_site / "index.html" in pages and built_site / "404.html" in pages
    errors = vnu(pages)
    assert errors == [], f"{len(errors)} HTML-feil:\n{readable(errors, built_site)}"


def test_own_style_sheets_are_valid_css(built_site: Path) -> None:
    sheets = [built_site / "assets" / "refleks.css"]
    sheets += (
        sorted((built_site / "lysark").rglob("refleks*.css"))
        if (built_site / "lysark").is_dir()
        else []
    )
    errors = vnu(sheets, "--css")
    assert errors == [], readable(errors, built_site)


def test_the_checker_finds_errors(tmp_path: Path) -> None:
    """The gate can fail: the theme's own markup, unrepaired, is reported."""
    page = tmp_path / "side.html"
    page.write_text(
        '<!doctype html><html lang="nb"><head><title>x</title></head><body>'
        '<input type="checkbox" id="__drawer" autocomplete="off"><p><p>x</p></p></body></html>',
        "utf-8",
    )
    messages = [m["message"] for m in vnu([page])]
    assert any("autocomplete" in m for m in messages), messages
    assert any("No “p” element in scope" in m for m in messages), messages
