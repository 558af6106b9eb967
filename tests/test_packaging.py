"""Packaging metadata: the licence as an SPDX expression with its text beside it."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_license_is_an_spdx_string_with_a_license_file() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text("utf-8").startswith("MIT License\n")
