"""argparse in Norwegian by subclassing, as argparse is meant to be extended: a help
formatter (``formatter_class``) with Norwegian headings, the parser's own help option, and
``error()`` giving argparse's messages in Norwegian. Nothing inside argparse is replaced.
Wrong arguments exit with code 2."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's English headings and messages (Python 3.11-3.13) -> Norwegian
USAGE = "bruk: "
HEADINGS = {"positional arguments": "argumenter", "options": "valg"}
MESSAGES = [
    (r"the following arguments are required: (.*)", r"disse argumentene mangler: \1"),
    (r"unrecognized arguments: (.*)", r"ukjente argumenter: \1"),
    (r"invalid choice: (.*) \(choose from (.*)\)", r"ugyldig valg: \1 (velg blant \2)"),
    (r"expected one argument", "forventet én verdi"),
    (r"invalid \S+ value: (.*)", r"ugyldig verdi: \1"),
    (r"one of the arguments (.*) is required", r"ett av argumentene \1 må være med"),
]


def norwegian(message: str) -> str:
    """One of argparse's error messages in Norwegian (``argument X:`` kept as it is)."""
    prefix, text = "", message
    if message.startswith("argument "):
        prefix, _, text = message.partition(": ")
    for english, norsk in MESSAGES:
        match = re.fullmatch(english, text, flags=re.S)
        if match:
            text = match.expand(norsk)
            break
    return f"{prefix}: {text}" if prefix else text


class HelpFormatter(argparse.HelpFormatter):
    """Norwegian headings for help and usage."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # noqa: ANN001
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(HEADINGS.get(heading or "", heading))


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose texts are Norwegian."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help="vis denne hjelpen og avslutt",
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: feil: {norwegian(message)}\n")
