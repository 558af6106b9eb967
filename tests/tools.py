"""The outside programs the tests need, and one rule for when one is missing: with
``CI=true`` the run fails (CI must have every tool), elsewhere the test that needs it is
skipped with the Debian package to install. A test that finds nothing to check fails."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# program -> Debian package (./scripts/setup installs them)
TOOLS = {
    "chromium": "chromium",
    "soffice": "libreoffice-writer-nogui libreoffice-calc-nogui",
    "java": "default-jre-headless",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "node": "nodejs",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def missing_tools() -> list[str]:
    return [name for name in TOOLS if shutil.which(name) is None]


def require(name: str) -> str:
    """The path of program ``name``; fails under CI and skips elsewhere when it is missing."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} mangler (Debian-pakken {TOOLS[name]}; kjør ./scripts/setup)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return found


def require_module(name: str) -> None:
    """Import Python module ``name`` (playwright); fails under CI and skips elsewhere when it
    is missing, like ``require`` (``pytest.importorskip`` would skip under CI too)."""
    try:
        __import__(name)
    except ImportError:
        message = f"Python-modulen {name} mangler (kjør ./scripts/setup)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message, allow_module_level=True)


def nothing_to_check(what: str) -> None:
    """A test that found nothing to check has not checked anything: it fails."""
    pytest.fail(f"ingenting å sjekke: {what}")


def chromium() -> Path:
    return Path(require("chromium"))
