"""What the writing commands (``build``, ``session``, ``visit``) say about files changed by
hand: the same words for the site, a session kit and a walkround kit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..messages import _, localized
from ..writer import WriteReport

OVERWRITTEN = _("Overskrev filer som var endret for hånd (--force):")
KEPT = _(
    "Disse filene er endret for hånd og ble ikke overskrevet (bruk --force for å overskrive dem):"
)


def add_force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--force", action="store_true", help="overskriv også filer som er endret for hånd"
    )


def print_protected(report: WriteReport, shown: str) -> None:
    """Name (on stderr) the files overwritten with ``--force`` and those kept because they were
    changed by hand; ``shown`` is the folder as the user should read it."""
    for heading, names in ((OVERWRITTEN, report.overwritten), (KEPT, report.kept)):
        if names:
            print(localized(heading), file=sys.stderr)
            for name in sorted(names):
                print(f"  {shown}/{name}", file=sys.stderr)


def shown(folder: Path) -> str:
    """``folder`` relative to the folder the user stands in, when it is under it."""
    try:
        return folder.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return folder.as_posix()
