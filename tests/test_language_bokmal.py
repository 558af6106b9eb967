"""A bokmål project's outputs have nynorsk only where it is marked (issue 27).

The shipped project is built once as it is (``language: nb``): site, decks, handouts, course
packs, SCORM packages, a session kit and ``visit --all``. No sentence has a word only nynorsk
has (``language_words.NYNORSK_ONLY``, explained there) unless it is marked ``lang="nn"`` (the
note on the method page on who translated the method into nynorsk).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .language_words import build_all, docx_parts, misplaced_in, quoted_text


@pytest.fixture(scope="module")
def bokmal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_all(tmp_path_factory.mktemp("bokmal"), "nb")


def test_no_nynorsk_outside_marked_parts(bokmal: Path) -> None:
    quoted = quoted_text(bokmal)
    found = {
        path.relative_to(bokmal).as_posix(): bad[:3]
        for root in (bokmal / "site", bokmal / "out")
        for path, bad in misplaced_in(root, "nb", quoted)
    }
    assert found == {}


def test_the_method_page_marks_the_nynorsk_note(bokmal: Path) -> None:
    page = (bokmal / "site" / "visitt" / "pasientsikkerhetsvisitt" / "index.html").read_text(
        "utf-8"
    )
    note = re.search(r'<p class="refleks-merknad" lang="nn">([^<]*)</p>', page)
    assert note is not None
    assert "omsette til nynorsk for Refleks" in " ".join(note.group(1).split())
    # the documents a municipality sends carry no such note
    letter = bokmal / "out" / "visits" / "eksempel-solbakken" / "invitasjonsbrev.docx"
    text = " ".join(text for _lang, text in docx_parts(letter, "nb"))
    assert "Med vennlig hilsen" in text and "nynorsk" not in text
