"""What start-up costs (issue 14): ``refleks check`` and the site part of a build do not load
the image, PDF-reading, office and calendar libraries, and a deck works out the sources of its
questions the way the templates did with Jinja filters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from refleks.decks.slides import Deck, Slide

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("PIL", "openpyxl", "icalendar", "docx", "docxtpl", "pypdf")


def loaded_after(code: str) -> list[str]:
    """The heavy libraries in ``sys.modules`` after ``code`` ran in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1].split() if done.stdout.strip() else []


def test_importing_every_command_loads_no_document_library() -> None:
    code = (
        "import refleks.cli, refleks.cli.check, refleks.cli.build, refleks.site.build\n"
        "import refleks.walkround.year, refleks.walkround.blanks, refleks.confine"
    )
    assert loaded_after(code) == []


def test_check_of_the_shipped_content_loads_no_document_library() -> None:
    code = (
        "import contextlib, io\n"
        "from refleks import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert cli.main(['--project', {str(ROOT)!r}, 'check']) == 0\n"
    )
    assert loaded_after(code) == []


def question(authored_by: str | None) -> SimpleNamespace:
    return SimpleNamespace(text=SimpleNamespace(authored_by=authored_by))


def slide(source: str | None, *authors: str | None) -> Slide:
    reflection = SimpleNamespace(source=source) if source else None
    shown = tuple(question(a) for a in authors)
    return Slide("role_questions", reflection=reflection, questions=shown)  # type: ignore[arg-type]


def test_deck_source_ids_follow_the_questions_each_source_once() -> None:
    # worked out by hand: 'a' has questions of both origins, 'B' only Refleks questions (and
    # 'b' is the same id to Jinja's unique, which ignores case: the first spelling stays),
    # 'c' only questions from the source; a slide with no questions counts for neither
    deck = Deck(
        kind="set",
        path="lysark/x.html",
        sources=[],
        text_version="x.md",
        slides=[
            slide("a", "refleks"),
            slide("B", "refleks", "refleks"),
            slide("c", None),
            slide("a", "source"),
            slide("b", "refleks"),
            slide("d"),
            slide(None, "refleks"),
        ],
    )
    assert deck.source_ids(refleks=True) == "a B"
    assert deck.source_ids(refleks=False) == "c a"
