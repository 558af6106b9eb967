"""The action plan as XLSX, DOCX and PDF, opened and read; and read back after filling in."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from refleks.cli import main
from refleks.walkround.documents import actionplans
from refleks.walkround.kit import Kit

from .walkround_helpers import UNIT, flat, pdf_info, pdf_text

HEADER = [
    "Identifisert problem",
    "Målsetting: Hva ønsker vi å oppnå?",
    "Målinger som viser forbedring",
    "Konkrete endringer",
    "Hvem er ansvarlig",
    "Når",
    "Status",
]
PROBLEM = "=SUM(A1:A3) fall om natten"
MEASURES = "-antall fall per måned\n@registrering i avvikssystemet"


def _values(ws, row: int) -> list:
    return [ws.cell(row, c).value for c in range(1, 8)]


def test_xlsx_prefilled_rows_as_literal_text(kit_dir: Path) -> None:
    wb = load_workbook(kit_dir / "tiltaksplan.xlsx")
    assert wb.sheetnames == ["Tiltaksplan", "Eksempler"]
    ws = wb["Tiltaksplan"]
    assert ws["A1"].value == "Tiltaksplan"
    assert ws["A2"].value == f"Pasient- og brukersikkerhetsvisitt: {UNIT}, tirsdag 14. mai 2030"
    assert _values(ws, 4) == HEADER
    assert _values(ws, 5) == [
        PROBLEM,
        "+ færre fall",
        MEASURES,
        "Nattlys på alle rom",
        "Avdelingsleder",
        dt.datetime(2030, 6, 1),
        "ikke startet",
    ]
    assert _values(ws, 6) == [
        PROBLEM,
        "+ færre fall",
        MEASURES,
        "Gjennomgang av fallrisiko",
        "Fagsykepleier",
        dt.datetime(2030, 6, 15),
        "pågår",
    ]
    assert ws["F5"].number_format == "DD.MM.YYYY"
    for row in (7, 8, 9):  # three blank rows to add to
        assert _values(ws, row) == [None] * 7


def test_xlsx_has_no_formula_anywhere(kit_dir: Path) -> None:
    data = (kit_dir / "tiltaksplan.xlsx").read_bytes()
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name


def test_xlsx_table_freeze_validation_and_print_setup(kit_dir: Path) -> None:
    data = (kit_dir / "tiltaksplan.xlsx").read_bytes()
    ws = load_workbook(io.BytesIO(data))["Tiltaksplan"]
    assert ws.freeze_panes == "A5"
    assert list(ws.tables) == ["Tiltaksplan"] and ws.tables["Tiltaksplan"].ref == "A4:G9"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        table_xml = z.read("xl/tables/table1.xml").decode()
    assert '<autoFilter ref="A4:G9"/>' in table_xml
    validations = {dv.type: dv for dv in ws.data_validations.dataValidation}
    status, due = validations["list"], validations["date"]
    assert status.formula1 == '"ikke startet,pågår,ferdig"'
    assert str(status.sqref) == "G5:G9" and status.showErrorMessage
    assert status.error == "Velg en status fra listen: ikke startet, pågår, ferdig."
    assert str(due.sqref) == "F5:F9" and due.operator == "greaterThan"
    assert due.error == "Skriv en dato, for eksempel 01.06.2030."
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$4:$4"
    # characters per column: problem, cause, change, measure, responsible, due date, status
    # 120 characters in all: what fits A4 landscape at 10 pt without scaling
    assert [ws.column_dimensions[c].width for c in "ABCDEFG"] == [22, 19, 19, 25, 13, 11, 11]


def test_blank_xlsx_has_blank_rows_for_every_problem(blank_kit: Kit) -> None:
    ws = load_workbook(io.BytesIO(actionplans.xlsx(blank_kit)))["Tiltaksplan"]
    assert ws["A2"].value.endswith("........................, ........................")
    assert ws.tables["Tiltaksplan"].ref == "A4:G13"  # 3 problems x 3 changes
    assert all(_values(ws, r) == [None] * 7 for r in range(5, 14))


def test_examples_sheet(kit_dir: Path) -> None:
    workbook = load_workbook(kit_dir / "tiltaksplan.xlsx")
    ws = workbook["Eksempler"]
    assert ws["A1"].value == "Eksempler fra veilederen"
    # the guide's example, not the unit's own plan: no unit or date above it, and the status
    # column said to be Refleks's (on both sheets), as the method page says
    status_note = (
        "Kolonnen «Status» er lagt til av Refleks for å følge opp tiltakene; veilederens "
        "tiltaksplan har den ikke."
    )
    assert ws["A2"].value == (
        "Eksemplene er hentet fra veilederen og viser hvordan en tiltaksplan kan fylles "
        "ut. De gjelder ikke denne enheten."
    )
    assert ws["A3"].value == status_note
    assert workbook["Tiltaksplan"]["A3"].value == status_note
    assert UNIT not in " ".join(str(c.value) for row in ws.iter_rows(max_row=3) for c in row)
    document = Document(io.BytesIO((kit_dir / "tiltaksplan.docx").read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert status_note in texts
    at = texts.index("Eksempler fra veilederen")
    assert texts[at + 1].startswith("Eksemplene er hentet fra veilederen og viser")
    assert _values(ws, 5) == [
        "Fall om natten",
        "Færre fall",
        "Antall fall per måned",
        "Nattlys på alle rom",
        "Avdelingsleder",
        "Innen 1. juni",
        None,
    ]


def test_docx_plan(kit_dir: Path) -> None:
    data = (kit_dir / "tiltaksplan.docx").read_bytes()
    doc = Document(io.BytesIO(data))
    assert doc.sections[0].orientation == 1  # landscape
    table = doc.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == HEADER
    assert rows[1] == [
        PROBLEM,
        "+ færre fall",
        MEASURES,
        "Nattlys på alle rom",
        "Avdelingsleder",
        "01.06.2030",
        "ikke startet",
    ]
    assert rows[2] == [
        "",
        "",
        "",
        "Gjennomgang av fallrisiko",
        "Fagsykepleier",
        "15.06.2030",
        "pågår",
    ]
    assert len(rows) == 3
    assert b"<w:tblHeader" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    texts = [p.text for p in doc.paragraphs]
    assert "Samtalegruppen: lege, sykepleier, helsefagarbeider, kjøkkenpersonale, ufaglært" in texts


def test_pdf_plan(kit_dir: Path) -> None:
    path = kit_dir / "tiltaksplan.pdf"
    info = pdf_info(path)
    assert info["Page size"].startswith("841.89 x 595.276")  # A4 landscape
    assert info["Pages"] == "2"  # the plan, then the guide's examples
    assert info["Title"] == f"Tiltaksplan – {UNIT}"
    text = flat(pdf_text(path))
    for expected in (
        PROBLEM,
        "+ færre fall",
        "-antall fall per måned",
        "@registrering i avvikssystemet",
        "Gjennomgang av fallrisiko",
        "15.06.2030",
        "Eksempler fra veilederen",
    ):
        assert expected in text


def _fill_in(source: Path, target: Path) -> None:
    """What people do: mark one done, add a row without an owner, add a late one."""
    wb = load_workbook(source)
    ws = wb["Tiltaksplan"]
    ws["G5"] = "ferdig"
    ws["D7"], ws["F7"] = "Ny rutine for nattevakt", dt.datetime(2030, 7, 1)
    ws["D8"], ws["E8"], ws["F8"], ws["G8"] = "Opplæring", "Fagutvikler", "01.08.2030", "pågår"
    ws["D9"], ws["E9"], ws["F9"] = "Sjekkliste", "Leder", "snart"
    wb.save(target)


def test_status_report_of_a_filled_plan(
    kit_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = tmp_path / "utfylt.xlsx"
    _fill_in(kit_dir / "tiltaksplan.xlsx", filled)
    assert main(["actionplan", "status", str(filled), "--date", "2030-07-15"]) == 0
    assert capsys.readouterr().out == (
        "Tiltaksplan: utfylt.xlsx (status per 15.07.2030)\n"
        "5 tiltak: 1 ferdig, 2 forsinket, 1 uten ansvarlig, 1 uten frist.\n"
        "\n"
        "Ferdig (1):\n"
        "  - rad 5: Nattlys på alle rom (Avdelingsleder, frist 01.06.2030)\n"
        "\n"
        "Forsinket (fristen er passert) (2):\n"
        "  - rad 6: Gjennomgang av fallrisiko (Fagsykepleier, frist 15.06.2030, status: pågår)\n"
        "  - rad 7: Ny rutine for nattevakt (frist 01.07.2030)\n"
        "\n"
        "Uten ansvarlig (1):\n"
        "  - rad 7: Ny rutine for nattevakt (frist 01.07.2030)\n"
        "\n"
        "Uten frist (1):\n"
        "  - rad 9: Sjekkliste (Leder, frist «snart» er ikke en dato)\n"
        "\n"
        "I rute (1):\n"
        "  - rad 8: Opplæring (Fagutvikler, frist 01.08.2030, status: pågår)\n"
    )


def test_status_uses_today_from_the_environment(
    kit_dir: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REFLEKS_TODAY", "2030-06-10")
    assert main(["tiltaksplan", "status", str(kit_dir / "tiltaksplan.xlsx")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [
        "Tiltaksplan: tiltaksplan.xlsx (status per 10.06.2030)",
        "2 tiltak: 0 ferdig, 1 forsinket, 0 uten ansvarlig, 0 uten frist.",
    ]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (None, "refleks: feil: finner ikke filen {path}\n"),
        ("text", "refleks: feil: {path} er ikke en Excel-fil (XLSX) som kan leses\n"),
        (
            "empty",
            "refleks: feil: fant ingen tiltaksplan i {path} (tabellen «Tiltaksplan» mangler)\n",
        ),
    ],
)
def test_status_of_a_file_that_is_not_a_plan(
    tmp_path: Path, make: str | None, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.xlsx"
    if make == "text":
        path.write_text("ikke et regneark", "utf-8")
    elif make == "empty":
        Workbook().save(path)
    assert main(["tiltaksplan", "status", str(path)]) == 2
    assert capsys.readouterr().err == message.format(path=path)


def test_status_accepts_everyday_spellings_and_names_unknown_words_by_cell(
    kit_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    filled = tmp_path / "utfylt.xlsx"
    wb = load_workbook(kit_dir / "tiltaksplan.xlsx")
    ws = wb["Tiltaksplan"]
    ws["G5"], ws["G6"] = "Utført", " GJORT. "
    ws["D7"], ws["E7"], ws["F7"], ws["G7"] = "Ny rutine", "Leder", "01.08.2030", "Ferdig"
    ws["D8"], ws["E8"], ws["F8"], ws["G8"] = "Opplæring", "Leder", "01.08.2030", "kanskje"
    wb.save(filled)
    assert main(["actionplan", "status", str(filled), "--date", "2030-07-15"]) == 0
    assert capsys.readouterr().out == (
        "Tiltaksplan: utfylt.xlsx (status per 15.07.2030)\n"
        "4 tiltak: 3 ferdig, 0 forsinket, 0 uten ansvarlig, 0 uten frist.\n"
        "\n"
        "Ferdig (3):\n"
        "  - rad 5: Nattlys på alle rom (Avdelingsleder, frist 01.06.2030)\n"
        "  - rad 6: Gjennomgang av fallrisiko (Fagsykepleier, frist 15.06.2030)\n"
        "  - rad 7: Ny rutine (Leder, frist 01.08.2030)\n"
        "\n"
        "I rute (1):\n"
        "  - rad 8: Opplæring (Leder, frist 01.08.2030, status: kanskje)\n"
        "\n"
        "Ukjent status (1):\n"
        "  - celle G8: «kanskje» er ikke en status (skriv ikke startet, pågår eller ferdig)\n"
    )
