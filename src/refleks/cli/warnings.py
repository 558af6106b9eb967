"""Warnings after validation, shared by the commands that validate content."""

from __future__ import annotations

import sys
from dataclasses import replace

from ..errors import ContentInvalid, Problems


def print_or_refuse(problems: Problems, strict: bool) -> None:
    """Print the warnings; with ``--strict`` they are errors and stop the run."""
    if strict and problems.warnings:
        as_errors = [replace(p, severity="error") for p in problems.items]
        raise ContentInvalid(Problems(problems.root, as_errors))
    for warning in problems.sorted():
        if warning.severity != "error":
            print(warning.format(), file=sys.stderr)


def add_strict(parser) -> None:  # noqa: ANN001
    parser.add_argument("--strict", action="store_true", help="behandle advarsler som feil")
