"""The year plan: ``refleks visit --plan`` / ``--all`` and the checks across visits.

Expected dates are worked out by hand from the method's rules (letter 14 days before, moved
back to a working day; reminder 7 days before; minutes 4 working days after; follow-up 3
months after, moved forward to a working day).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from refleks.cli import main

from .walkround_helpers import copy_project, env, pdf_info, pdf_text

PLAN = Path(__file__).resolve().parent / "fixtures" / "yearplan" / "arsplan-2030.yaml"
PLAN_FILE = "content/plans/arsplan-2030.yaml"
UNITS_IN_DATE_ORDER = ["Fjordly sykehjem", '=HYPERLINK("http://x")', "Heimtun bu- og omsorgssenter"]


def plan_project(target: Path, text: str | None = None) -> Path:
    project = copy_project(target)
    (project / "content" / "plans").mkdir()
    plan = project / PLAN_FILE
    if text is None:
        shutil.copy(PLAN, plan)
    else:
        plan.write_text(text, "utf-8")
    return project


def run(project: Path, *args: str) -> int:
    with env(REFLEKS_TODAY="2030-01-01", SOURCE_DATE_EPOCH="1900000000"):
        return main(["--project", str(project), *args])


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = plan_project(tmp_path_factory.mktemp("year"))
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    return project / "out" / "arsplan" / "arsplan-2030"


def test_every_visit_gets_its_kit_and_the_year_its_files(year: Path) -> None:
    visits = year.parent.parent / "visits"
    assert sorted(p.name for p in visits.iterdir()) == ["fjordly", "heimtun", "solsiden"]
    assert sorted(p.name for p in year.iterdir() if not p.name.startswith(".")) == [
        "arsoversikt.html",
        "arsoversikt.pdf",
        "arsoversikt.xlsx",
        "arsplan.ics",
        "invitasjonsbrev-alle.docx",
        "invitasjonsbrev-alle.pdf",
    ]


def test_merged_letters_pdf_in_date_order_each_letter_whole(year: Path) -> None:
    text = pdf_text(year / "invitasjonsbrev-alle.pdf")
    starts = [text.index(f"vil besøke {unit}") for unit in UNITS_IN_DATE_ORDER]
    assert starts == sorted(starts)
    visits = year.parent.parent / "visits"
    pages = [
        int(pdf_info(visits / v / "invitasjonsbrev.pdf")["Pages"])
        for v in ("fjordly", "solsiden", "heimtun")
    ]
    assert int(pdf_info(year / "invitasjonsbrev-alle.pdf")["Pages"]) == sum(pages)
    # the first page of each letter is page 1 of that letter
    pages_text = text.split("\f")
    assert pages_text[0].count("Side 1 av") == 1
    assert "Side 1 av" in pages_text[pages[0]]


def _starts_new_page(paragraph) -> bool:
    previous = paragraph._p.getprevious()
    brs = [] if previous is None else previous.findall(".//" + qn("w:br"))
    return any(br.get(qn("w:type")) == "page" for br in brs)


def test_merged_letters_docx_each_letter_on_a_new_page(year: Path) -> None:
    doc = Document(io.BytesIO((year / "invitasjonsbrev-alle.docx").read_bytes()))
    senders = [p for p in doc.paragraphs if p.text == "Testkommunen"]
    assert len(senders) == 3
    assert [_starts_new_page(p) for p in senders] == [False, True, True]
    body = "\n".join(p.text for p in doc.paragraphs)
    starts = [body.index(f"vil besøke {unit}") for unit in UNITS_IN_DATE_ORDER]
    assert starts == sorted(starts)


def test_every_merged_letter_says_date_time_and_place(year: Path) -> None:
    """The fixture's first paragraph: «vil besøke <enhet> <dato> klokken <tid>. ... holdes i
    <sted>.», once in each of the three letters, in the merged PDF and DOCX."""
    when = re.compile(
        r"vil besøke (.+?) (mandag|tirsdag|onsdag|torsdag|fredag) \d+\. \w+ 2030 klokken "
        r"\d\d\.\d\d\. Visitten tar \d+ minutter og holdes i [^.]+\."
    )
    doc = Document(io.BytesIO((year / "invitasjonsbrev-alle.docx").read_bytes()))
    for text in (
        " ".join(pdf_text(year / "invitasjonsbrev-alle.pdf").split()),
        " ".join(" ".join(p.text for p in doc.paragraphs).split()),
    ):
        units = [m.group(1) for m in when.finditer(text)]
        assert units == list(UNITS_IN_DATE_ORDER)


def test_year_overview_xlsx_values_worked_out_by_hand(year: Path) -> None:
    ws = load_workbook(year / "arsoversikt.xlsx").active
    assert ws.title == "Årsoversikt"
    rows = list(ws.iter_rows(min_row=4, max_row=7, values_only=True))
    assert rows[0] == (
        "Enhet",
        "Dato",
        "Tid",
        "Sted",
        "Leder for visitten",
        "Brev sendes",
        "Påminnelse",
        "Frist for referat",
        "Oppfølging",
    )
    d = dt.datetime
    assert rows[1] == (
        "Fjordly sykehjem",
        d(2030, 3, 12),
        "10.00–11.00",
        "Møterommet på enheten",
        "Åse Lie, kommunalsjef",
        d(2030, 2, 26),
        d(2030, 3, 5),
        d(2030, 3, 18),
        d(2030, 6, 12),
    )
    # solsiden, Tuesday 4 June: minutes on the working days 5, 6, 7 and 11 June (Whit Monday
    # is 10 June 2030)
    assert rows[2][5:] == (d(2030, 5, 21), d(2030, 5, 28), d(2030, 6, 11), d(2030, 9, 4))
    assert rows[3][0] == "Heimtun bu- og omsorgssenter"
    assert rows[3][8] == d(2030, 12, 10)
    assert ws["A6"].data_type == "s"  # a unit that looks like a formula stays text


def test_year_overview_xlsx_rows_are_as_high_as_their_text(year: Path) -> None:
    """LibreOffice prints a wrapped cell in a row of the default height over the next row:
    every row of the table has its height. «Frist for referat» (17 characters) wraps in a
    column 13 wide to two lines of 15 pt; a visit's row needs one line at least."""
    ws = load_workbook(year / "arsoversikt.xlsx").active
    assert ws.row_dimensions[4].height >= 2 * 15
    for row in range(5, 8):
        assert ws.row_dimensions[row].height >= 15, row
    assert ws["B5"].alignment.horizontal == "left"  # the date does not run into the time
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$4:$4"


def test_year_overview_pdf_and_html(year: Path) -> None:
    info = pdf_info(year / "arsoversikt.pdf")
    assert info["Title"] == "Årsoversikt – Visitter i Øvre Æsøy 2030"
    assert info["Page size"].startswith("841.89 x 595.276")  # A4 landscape
    text = pdf_text(year / "arsoversikt.pdf")
    assert [text.index(u) for u in ("Fjordly", "HYPERLINK", "Heimtun")] == sorted(
        text.index(u) for u in ("Fjordly", "HYPERLINK", "Heimtun")
    )
    assert "Laget med Refleks" in text
    html = (year / "arsoversikt.html").read_text("utf-8")
    assert '<html lang="nb">' in html
    assert '<th scope="row">=HYPERLINK(&#34;http://x&#34;)</th>' in html
    assert '<td class="date">26.02.2030</td>' in html


def test_year_calendar(year: Path) -> None:
    cal = icalendar.Calendar.from_ical((year / "arsplan.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 15
    assert len({str(e["uid"]) for e in events}) == 15
    visit = next(e for e in events if str(e["uid"]) == "heimtun-visitt@refleks")
    assert visit.decoded("dtstart") == dt.datetime(
        2030, 9, 10, 10, 0, tzinfo=visit.decoded("dtstart").tzinfo
    )
    assert str(visit["location"]) == "Møterommet på enheten"
    assert str(cal["x-wr-calname"]) == "Visitter – Visitter i Øvre Æsøy 2030"


def test_visit_all_takes_the_files_under_content_visits(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    assert run(project, "visit", "--all") == 0
    folder = project / "out" / "arsplan" / "alle"
    assert "Åsheim" in pdf_text(folder / "arsoversikt.pdf")
    assert not (project / "site").exists()


def test_visit_without_file_or_all_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    assert run(project, "visit") == 2
    assert capsys.readouterr().err == (
        "refleks: feil: gi en visittfil, --all (alle i content/visits/) eller --plan ÅRSPLAN\n"
    )
    assert run(project, "visit", "--plan", "finnes-ikke") == 2
    assert capsys.readouterr().err == (
        "refleks: feil: finner ikke årsplanen «finnes-ikke» i content/plans/ (finnes: ingen)\n"
    )


@pytest.mark.slow
def test_year_overview_html_is_valid(year: Path) -> None:
    from .test_html_validity import readable, vnu

    messages = vnu([year / "arsoversikt.html"])
    assert not messages, readable(messages, year)


def test_merged_letters_pdf_tagged_with_each_letters_language(tmp_path: Path) -> None:
    """One visit of the plan in nynorsk: the merged PDF is one tagged PDF/UA document with the
    plan's title and language, and the nynorsk letter's elements say «nn»."""
    from pypdf import PdfReader

    from .test_letters import structure

    text = PLAN.read_text("utf-8").replace(
        "    date: 2030-09-10\n", "    date: 2030-09-10\n    language: nn\n"
    )
    project = plan_project(tmp_path, text)
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    merged = project / "out" / "arsplan" / "arsplan-2030" / "invitasjonsbrev-alle.pdf"
    info = pdf_info(merged)
    assert info["Title"] == "Invitasjonsbrev – Visitter i Øvre Æsøy 2030"
    assert info["Tagged"] == "yes"
    root = PdfReader(merged).trailer["/Root"]
    assert str(root["/Lang"]) == "nb"
    assert "<pdfuaid:part>1</pdfuaid:part>" in root["/Metadata"].get_object().get_data().decode()
    kinds, languages = structure(merged)
    assert kinds["/H1"] == 6  # three letters, each with its staff information
    assert languages == {"nn"}
    words = " ".join(pdf_text(merged).split())
    assert words.count("Med vennlig hilsen") == 2 and words.count("Med venleg helsing") == 1
    # Heimtun (10 September) comes last, in nynorsk
    assert words.index("Med venleg helsing") > words.rindex("Med vennlig hilsen")


KIT_FILES = [
    ".refleks-manifest.json",
    "invitasjonsbrev.docx",
    "invitasjonsbrev.pdf",
    "plakat.pdf",
    "referat.docx",
    "sporsmalsguide.pdf",
    "tidslinje.ics",
    "tidslinje.md",
    "tidslinje.pdf",
    "tiltaksplan.docx",
    "tiltaksplan.pdf",
    "tiltaksplan.xlsx",
]
PROGRESS = (
    "Visitt 1 av 3: Fjordly sykehjem – ferdig\n"
    'Visitt 2 av 3: =HYPERLINK("http://x") – ferdig\n'
    "Visitt 3 av 3: Heimtun bu- og omsorgssenter – ferdig\n"
    "Lager de samlede brevene, årsoversikten og kalenderen …\n"
)


def test_year_is_written_visit_by_visit_with_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory flat in the number of visits, checked by order: when a visit's kit is made,
    every earlier visit's folder is already written whole (files and manifest) and its
    progress line printed, and no later visit has a folder yet."""
    from refleks.walkround import year as year_module

    project = plan_project(tmp_path)
    visits = project / "out" / "visits"
    made = year_module.kit_for
    seen: list[tuple[str, dict[str, list[str]], str]] = []
    printed: list[str] = []

    def kit_for(library, visit):
        printed.append(capsys.readouterr().err)
        folders = {p.name: sorted(q.name for q in p.iterdir()) for p in visits.glob("*")}
        seen.append((visit.id, folders, "".join(printed)))
        return made(library, visit)

    monkeypatch.setattr(year_module, "kit_for", kit_for)
    from refleks.walkround.documents import typeset

    compiled: list[str] = []
    apart: list[str] = []
    compile_pdf, compile_apart = typeset.compile_pdf, typeset.compile_apart

    def counted(document):
        compiled.append(document.template.name)
        return compile_pdf(document)

    def counted_apart(document):
        apart.append(document.template.name)
        return compile_apart(document)

    monkeypatch.setattr(typeset, "compile_pdf", counted)
    monkeypatch.setattr(typeset, "compile_apart", counted_apart)
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    printed.append(capsys.readouterr().err)
    # one letter per visit here, and all three in one more: the merged PDF is one Typst
    # compile, in a process of its own (its memory goes when it ends)
    assert compiled.count("invitasjonsbrev.typ") == 3
    assert apart == ["invitasjonsbrev.typ"]
    lines = PROGRESS.splitlines(keepends=True)
    assert seen[:3] == [
        ("fjordly", {}, ""),
        ("solsiden", {"fjordly": KIT_FILES}, lines[0]),
        ("heimtun", {"fjordly": KIT_FILES, "solsiden": KIT_FILES}, "".join(lines[:2])),
    ]
    # the shared files go through the visits again, after the last visit's progress line
    assert [visit for visit, _, _ in seen[3:]] == ["fjordly", "solsiden", "heimtun"] * 5
    assert seen[3][2] == PROGRESS
    assert "".join(printed) == PROGRESS
    manifest = json.loads((visits / "solsiden" / ".refleks-manifest.json").read_text("utf-8"))
    assert sorted(manifest["files"]) == KIT_FILES[1:]


def test_year_plan_keeps_files_edited_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = plan_project(tmp_path)
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    out = project / "out"
    notes = out / "visits" / "solsiden" / "tidslinje.md"
    notes.write_text("Mine egne notater\n", "utf-8")
    overview = out / "arsplan" / "arsplan-2030" / "arsoversikt.html"
    overview.write_text("<p>Min egen</p>\n", "utf-8")
    capsys.readouterr()
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    assert capsys.readouterr().err == (
        "Visitt 1 av 3: Fjordly sykehjem – ferdig\n"
        "Disse filene er endret for hånd og ble ikke overskrevet (bruk --force for å "
        f"overskrive dem):\n  {out}/visits/solsiden/tidslinje.md\n"
        'Visitt 2 av 3: =HYPERLINK("http://x") – ferdig\n'
        "Visitt 3 av 3: Heimtun bu- og omsorgssenter – ferdig\n"
        "Lager de samlede brevene, årsoversikten og kalenderen …\n"
        "Disse filene er endret for hånd og ble ikke overskrevet (bruk --force for å "
        f"overskrive dem):\n  {out}/arsplan/arsplan-2030/arsoversikt.html\n"
    )
    assert notes.read_text("utf-8") == "Mine egne notater\n"
    assert overview.read_text("utf-8") == "<p>Min egen</p>\n"
    assert run(project, "visit", "--plan", "arsplan-2030", "--force") == 0
    assert capsys.readouterr().err == (
        "Visitt 1 av 3: Fjordly sykehjem – ferdig\n"
        "Overskrev filer som var endret for hånd (--force):\n"
        f"  {out}/visits/solsiden/tidslinje.md\n"
        'Visitt 2 av 3: =HYPERLINK("http://x") – ferdig\n'
        "Visitt 3 av 3: Heimtun bu- og omsorgssenter – ferdig\n"
        "Lager de samlede brevene, årsoversikten og kalenderen …\n"
        "Overskrev filer som var endret for hånd (--force):\n"
        f"  {out}/arsplan/arsplan-2030/arsoversikt.html\n"
    )
    assert notes.read_text("utf-8").startswith("# Tidslinje og frister")


def _docx(*paragraphs: tuple[str, str | None]) -> bytes:
    doc = Document()
    for text, style in paragraphs:
        doc.add_paragraph(text, style=style)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_letters_from_one_template_are_joined_by_their_bodies(tmp_path: Path) -> None:
    """The plan's letters with a logo: one DOCX whose styles are the letters' own (joined
    by the bodies, not composed again), three logos with three different drawing ids."""
    import zipfile

    from PIL import Image

    project = plan_project(tmp_path)
    Image.new("RGB", (40, 20), (0, 80, 160)).save(project / "logo.png")
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8") + "logo: logo.png\n", "utf-8")
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    merged = project / "out" / "arsplan" / "arsplan-2030" / "invitasjonsbrev-alle.docx"
    letter = project / "out" / "visits" / "fjordly" / "invitasjonsbrev.docx"
    with zipfile.ZipFile(merged) as a, zipfile.ZipFile(letter) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")
        body = a.read("word/document.xml").decode("utf-8")
    assert re.findall(r'<wp:docPr id="(\d+)"', body) == ["1", "2", "3"]
    assert len(Document(str(merged)).inline_shapes) == 3
    # each letter (its logo, then the sender) after a page break
    marks = re.findall(r'<w:br w:type="page"/>|<wp:docPr|>Testkommunen<', body)
    assert marks == [
        *["<wp:docPr", ">Testkommunen<", '<w:br w:type="page"/>'] * 2,
        *["<wp:docPr", ">Testkommunen<"],
    ]


def test_letters_that_differ_beyond_their_bodies_are_composed() -> None:
    from refleks.walkround.documents import docxjoin

    plain = _docx(("Brev 1", None))
    assert _paragraphs(docxjoin.join([plain, _docx(("Brev 2", None))]) or b"") == [
        "Brev 1",
        "",
        "Brev 2",
    ]
    other = io.BytesIO()
    doc = Document(io.BytesIO(_docx(("Brev 2", None))))
    doc.styles.add_style("Egen", 1)  # another styles part
    doc.save(other)
    assert docxjoin.join([plain, other.getvalue()]) is None
    # numbered lists would run on from letter to letter: docxcompose starts them again
    numbered = [_docx((f"Punkt i brev {n}", "List Number")) for n in (1, 2)]
    assert docxjoin.join(numbered) is None
    bullets = [_docx((f"Punkt i brev {n}", "List Bullet")) for n in (1, 2)]
    assert docxjoin.join(bullets) is not None


def test_merged_docx_falls_back_to_composing(tmp_path: Path) -> None:
    from refleks.walkround.documents import docxjoin
    from refleks.walkround.documents import year as year_documents

    project = plan_project(tmp_path)
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    letters = [
        (project / "out" / "visits" / v / "invitasjonsbrev.docx").read_bytes()
        for v in ("fjordly", "solsiden", "heimtun")
    ]
    merged = project / "out" / "arsplan" / "arsplan-2030" / "invitasjonsbrev-alle.docx"
    joined = _paragraphs(merged.read_bytes())
    assert docxjoin.join(letters) is not None
    composed = _paragraphs(year_documents._composed(letters))
    assert composed == joined


@pytest.mark.parametrize("profile", ["ua1", "2a"])
def test_merged_letters_pdf_meets_the_standards(year: Path, profile: str) -> None:
    """The year's letters in one Typst document (each page numbered within its letter) stay
    PDF/UA-1 and PDF/A-2a."""
    from .pdf_standards import findings

    merged = (year / "invitasjonsbrev-alle.pdf").read_bytes()
    assert findings(merged, profile) == []
    footers = re.findall(r"Side (\d) av (\d)", pdf_text(merged))
    assert footers == [("1", "2"), ("2", "2")] * 3


def test_a_large_years_letters_come_in_parts_of_bounded_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typst holds a whole PDF while it lays it out: above the limit the letters come in
    parts (here a limit of 2 for the fixture's 3 visits), in date order, each part titled."""
    from refleks.walkround.documents import year as year_documents

    monkeypatch.setattr(year_documents, "LETTERS_PER_PDF", 2)
    project = plan_project(tmp_path)
    assert run(project, "visit", "--plan", "arsplan-2030") == 0
    year = project / "out" / "arsplan" / "arsplan-2030"
    names = sorted(p.name for p in year.glob("invitasjonsbrev-alle*"))
    assert names == [
        "invitasjonsbrev-alle-1.pdf",
        "invitasjonsbrev-alle-2.pdf",
        "invitasjonsbrev-alle.docx",
    ]
    first, second = (pdf_text(year / n) for n in names[:2])
    assert "vil besøke Fjordly sykehjem" in first
    assert "vil besøke Heimtun bu- og omsorgssenter" in second
    assert "Fjordly" not in second and "Heimtun" not in first
    title = pdf_info(year / "invitasjonsbrev-alle-2.pdf")["Title"]
    assert title.endswith(", del 2 av 2"), title
