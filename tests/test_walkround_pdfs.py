"""The walkround kit's PDFs as printed pages (issue 23, issue 26 item 1): the poster is one
A4 page that says when and where, with the date, the time and the room each on one line, and
no page of any walkround PDF is nearly empty (a page less than 10 % full is a break gone
wrong: a heading or the last row of a table alone on a page).

Measured on the shipped example visit, its year plan and the blank documents of the site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from refleks import cli
from refleks.content.pipeline import build_library
from refleks.project import Project
from refleks.walkround import blanks
from refleks.writer import write_tree

from . import walkround_helpers as wh

ROOT = Path(__file__).resolve().parents[1]
A4 = (595.276, 841.89)
LEAST_FILLED = 0.10
FOOTER = re.compile(r"^Side \d+ av \d+$")
# the shipped example visit (content/visits/eksempel-solbakken.yaml), read by hand
DAY, TIME, ROOM = "tirsdag 13. april 2027", "13.00–14.00", "Møterommet, 2. etasje"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example visit's kit, the example year plan's folder and the site's blank kit."""
    project = tmp_path_factory.mktemp("eksempel")
    shutil.copytree(ROOT / "content", project / "content")
    with wh.env(REFLEKS_TODAY="2027-01-04"):
        for args in (["eksempel-solbakken"], ["--plan", "eksempel-arsplan-2027"]):
            assert cli.main(["--project", str(project), "visit", *args]) == 0
    site = project / "site"
    write_tree(site, blanks.files(build_library(Project(ROOT))))
    return {
        "visit": project / "out" / "visits" / "eksempel-solbakken",
        "year": project / "out" / "arsplan" / "eksempel-arsplan-2027",
        "blank": site / "visitt" / "blanko",
    }


def pdfs(shipped: dict[str, Path]) -> list[Path]:
    return sorted(pdf for folder in shipped.values() for pdf in folder.glob("*.pdf"))


def filled(page) -> float:
    """The share of the page's height from the top of what is printed on it to the bottom,
    the page number left out."""
    lines = page.extract_text_lines(strip=True)
    boxes = [line for line in lines if not FOOTER.match(line["text"].strip())]
    boxes += page.rects + page.lines + page.curves
    if not boxes:
        return 0.0
    top = min(box["top"] for box in boxes)
    bottom = max(box["bottom"] for box in boxes)
    return (bottom - top) / page.height


def test_every_walkround_pdf_page_is_at_least_a_tenth_full(shipped: dict[str, Path]) -> None:
    import pdfplumber

    found = pdfs(shipped)
    names = {pdf.name for pdf in found}
    expected = {"plakat.pdf", "sporsmalsguide.pdf", "tiltaksplan.pdf", "tidslinje.pdf"}
    assert expected | {"arsoversikt.pdf", "invitasjonsbrev.pdf"} <= names
    thin = []
    for pdf in found:
        with pdfplumber.open(pdf) as doc:
            for number, page in enumerate(doc.pages, start=1):
                share = filled(page)
                if share < LEAST_FILLED:
                    thin.append(f"{pdf.parent.name}/{pdf.name} side {number}: {share:.0%}")
    assert thin == []


def test_the_poster_is_one_a4_page(shipped: dict[str, Path]) -> None:
    for folder in ("visit", "blank"):
        info = wh.pdf_info(shipped[folder] / "plakat.pdf")
        assert info["Pages"] == "1", folder
        assert info["Page size"].startswith(f"{A4[0]} x {A4[1]}"), folder


def _poster_lines(pdf: Path) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return doc.pages[0].extract_text_lines(strip=True)


def _size(line: dict) -> float:
    return round(max(c["size"] for c in line["chars"] if c["text"].strip()), 1)


def test_the_poster_says_when_and_where_each_on_one_large_line(shipped: dict[str, Path]) -> None:
    lines = _poster_lines(shipped["visit"] / "plakat.pdf")
    texts = [line["text"] for line in lines]
    body = min(_size(line) for line in lines)
    for value in (DAY, TIME, ROOM):
        # the value ends its line: the date, the time and the room are never wrapped
        (line,) = [line for line in lines if line["text"].endswith(value)]
        assert _size(line) > body, value  # larger than the text of the poster
    heading = next(line for line in lines if "Pasient- og" in line["text"])
    assert _size(heading) == max(_size(line) for line in lines)  # the heading is the largest
    assert texts[0] == "Eksempel kommune"


def test_the_blank_poster_has_room_for_when_and_where(shipped: dict[str, Path]) -> None:
    lines = _poster_lines(shipped["blank"] / "plakat.pdf")
    texts = [line["text"] for line in lines]
    assert "NÅR" in texts and "HVOR" in texts
    # the site's blank: dotted lines for the date, the time and the room, each on its own
    # line and as large as each other (the unit's dotted line is smaller)
    dotted = [_size(line) for line in lines if line["text"] == "........................"]
    (time,) = [_size(line) for line in lines if line["text"] == "........–........"]
    assert dotted.count(time) == 2 and len(dotted) == 3
    assert time > min(_size(line) for line in lines)


THIN_TYP = """
#set document(title: "Tynn", date: datetime(year: 2030, month: 1, day: 1))
#set page(paper: "a4", margin: 20mm, footer: align(right)[Side 1 av 2])
#set text(font: "DejaVu Sans", size: 10pt, lang: "nb")
#table(columns: 2, table.header[Dato][Hva], [14.05.2030], [Visitten])
#pagebreak()
#table(columns: 2, table.header[Dato][Hva], [21.05.2030], [Frist for referat])
#v(1fr)
Nederst på siden.
"""


def test_the_measure_finds_a_page_with_one_row(tmp_path: Path) -> None:
    """The measure itself: a table of one row is a few per cent of its page, a page printed from
    top to bottom nearly all of it (the page number at the foot is not counted)."""
    import pdfplumber

    from refleks.pdfbackend import Document, compile_pdf

    template = tmp_path / "tynn.typ"
    template.write_text(THIN_TYP, "utf-8")
    pdf = tmp_path / "tynn.pdf"
    pdf.write_bytes(compile_pdf(Document("tynn.pdf", template, tmp_path, "{}")))
    with pdfplumber.open(pdf) as doc:
        shares = [filled(page) for page in doc.pages]
    assert shares[0] < LEAST_FILLED < 0.8 < shares[1]
