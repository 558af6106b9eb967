"""Warnings after validation, shared by the commands that validate content."""

from __future__ import annotations

import sys
from dataclasses import replace

from ..errors import ContentInvalid, Problems


def print_or_refuse(problems: Problems, strict: bool) -> None:
    """Stop the run when there are errors (with ``--strict``, warnings count as errors);
    else print the warnings."""
    if strict and problems.warnings:
        problems = Problems(problems.root, [replace(p, severity="error") for p in problems.items])
    if problems.errors:
        raise ContentInvalid(problems)
    for warning in problems.sorted():
        print(warning.format(), file=sys.stderr)


def add_strict(parser) -> None:  # noqa: ANN001
    parser.add_argument("--strict", action="store_true", help="behandle advarsler som feil")
