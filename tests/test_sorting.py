"""Norwegian alphabetical order (a-z, then æ, ø, å): the sort key and the lists on built pages."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from refleks.sorting import nb_key

from .test_bad_input import make_project

# the Norwegian alphabet, written out independently of refleks.sorting
ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"


def norwegian_order(words: list[str]) -> list[str]:
    """Sorted by the alphabet above, case-insensitively; other letters by their base letter."""
    import unicodedata

    def key(word: str) -> list[int]:
        out = []
        for ch in word.casefold():
            if ch not in ALPHABET:
                ch = unicodedata.normalize("NFD", ch)[0]
            out.append(ALPHABET.index(ch) if ch in ALPHABET else -1000 + ord(ch))
        return out

    return sorted(words, key=key)


@pytest.mark.parametrize(
    "words, expected",
    [
        (
            ["Åpenhet", "Ærlighet", "Øvelse", "Zebra", "Avvik"],
            ["Avvik", "Zebra", "Ærlighet", "Øvelse", "Åpenhet"],
        ),
        (["å", "ø", "æ"], ["æ", "ø", "å"]),
        # lower and upper case sort together
        (["øre", "Ørret", "Ål", "åpen"], ["øre", "Ørret", "Ål", "åpen"]),
        # after z means after every z, however many
        (["Ære", "Zzz", "Zz", "Ø"], ["Zz", "Zzz", "Ære", "Ø"]),
        # other accents sort with their base letter, not at the end
        (["Éclair", "Eple", "Ekko"], ["Éclair", "Ekko", "Eple"]),
        (["Mål", "Mal", "Mæl", "Møl", "Mz"], ["Mal", "Mz", "Mæl", "Møl", "Mål"]),
    ],
)
def test_nb_key_puts_ae_oe_aa_last(words: list[str], expected: list[str]) -> None:
    assert sorted(words, key=nb_key) == expected
    assert norwegian_order(words) == expected  # the test's own alphabet agrees


class _Lists(HTMLParser):
    """The link texts of every list item in the page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.in_article = 0
        self.lists: list[list[str]] = []
        self._stack: list[list[str]] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article += 1
        elif self.in_article and tag == "ul":
            self._stack.append([])
        elif self.in_article and tag == "a" and self._stack:
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        elif self.in_article and tag == "ul" and self._stack:
            self.lists.append(self._stack.pop())
        elif tag == "a" and self._text is not None:
            if self._stack:
                self._stack[-1].append(re.sub(r"\s+", " ", "".join(self._text)).strip())
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def first_list(page: Path) -> list[str]:
    parser = _Lists()
    parser.feed(page.read_text("utf-8"))
    assert parser.lists, f"no list in {page}"
    return parser.lists[0]


FRAMEWORKS = {
    "aapenhet": ("Åpenhetsmodellen", None),
    "aerlighet": ("Ærlighetsmodellen", None),
    "oving": ("Øvingsverktøyet", None),
    "zorro": ("Zorro-metoden", None),
    "analyse": ("Analyseverktøy for hendelser", None),
    "mal": ("Målstyring", "MÅL"),
    "stamme": ("System for alt", "ØSA"),
}


@pytest.fixture(scope="module")
def norwegian_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal project with frameworks and sources whose names start with æ, ø and å."""
    from refleks.content.pipeline import build_library
    from refleks.project import Project
    from refleks.site.build import build

    root = make_project(tmp_path_factory.mktemp("sortering") / "prosjekt")
    for fid, (name, acronym) in FRAMEWORKS.items():
        text = f"id: {fid}\nname: {name}\nsummary: Et verktøy.\nsources: [kilde]\n"
        if acronym:
            text += f"acronym: {acronym}\n"
        (root / "content" / "frameworks" / f"{fid}.yaml").write_text(text, "utf-8")
    kilde = (root / "content" / "sources" / "kilde.yaml").read_text("utf-8")
    for sid, title in [("oe", "Økt læring"), ("aa", "Årsrapport"), ("z", "Zeta-rapport")]:
        text = re.sub(r"^id: kilde$", f"id: {sid}", kilde, flags=re.M)
        text = re.sub(r"^title: .*$", f"title: {title}", text, flags=re.M)
        (root / "content" / "sources" / f"{sid}.yaml").write_text(text, "utf-8")
        shutil.copy(
            root / "content" / "sources" / "kilde.txt", root / "content" / "sources" / f"{sid}.txt"
        )
    library = build_library(Project(root))
    return build(library, quiet=True, site_dir=root / "site")


def test_frameworks_list_on_the_built_page_is_in_norwegian_order(norwegian_site: Path) -> None:
    shown = first_list(norwegian_site / "rammeverk" / "index.html")
    # sorted by what the reader sees, acronym first where there is one
    assert shown == [
        "Analyseverktøy for hendelser",
        "EV – Et verktøy",
        "MÅL – Målstyring",
        "Zorro-metoden",
        "Ærlighetsmodellen",
        "ØSA – System for alt",
        "Øvingsverktøyet",
        "Åpenhetsmodellen",
    ]


def test_sources_list_on_the_built_page_is_in_norwegian_order(norwegian_site: Path) -> None:
    shown = first_list(norwegian_site / "kilder" / "index.html")
    assert shown == ["En kilde om gjennomganger", "Zeta-rapport", "Økt læring", "Årsrapport"]


@pytest.mark.parametrize("page", ["rammeverk/index.html", "kilder/index.html"])
def test_shipped_lists_are_in_norwegian_order(built_site: Path, page: str) -> None:
    shown = first_list(built_site / page)
    assert len(shown) >= 2
    assert shown == norwegian_order(shown), shown
