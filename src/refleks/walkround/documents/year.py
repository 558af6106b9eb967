"""The year plan's shared documents: every letter in one PDF and one DOCX (date order, each
letter on a new page), the year overview (XLSX, PDF, HTML page) and one calendar file.

They are written under ``out/arsplan/<plan>/`` only, never into the public site: the letters
carry people's names. The DOCX joins the very files each visit's kit holds (by their bodies
when they come from one template, ``docxjoin``); the PDF lays out the same letters again in
one Typst document, one compile (a tagged PDF stays tagged, with each letter in its own
language). ``build`` gives the files one at a time, going through the kits once per document.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterator, Sequence
from typing import Any

from ...errors import shown
from ..deadlines import timeline
from ..kit import Kit
from . import calendar, docxjoin, letters
from . import office as walkround_office
from . import pdf as walkround_pdf

KIND = "year"
LETTER_DOCX = "invitasjonsbrev.docx"
"""The name of a visit's letter as DOCX in its kit (joined into the year's DOCX)."""
COLUMNS = (
    "unit",
    "date",
    "time",
    "location",
    "visit_leader",
    "letter",
    "reminder",
    "minutes",
    "follow_up",
)
DEADLINE_COLUMNS = ("letter", "reminder", "minutes", "follow_up")
"""The columns with a deadline, named as ``deadlines.timeline``'s keys."""
WIDTHS = (30, 13, 13, 24, 24, 13, 13, 13, 13)
HEADER_ROW = 4


def _dates(kit: Kit) -> dict[str, dt.date]:
    assert kit.visit is not None
    by_key = {d.key: d.date for d in timeline(kit.visit, kit.method.deadlines)}
    return {column: by_key[column] for column in DEADLINE_COLUMNS}


def rows(kits: Sequence[Kit]) -> list[dict[str, Any]]:
    """One row per visit: plain values (dates as dates) by column name."""
    out = []
    for kit in kits:
        v = kit.visit
        assert v is not None
        out.append(
            {
                "unit": v.unit,
                "date": v.date,
                "time": kit.time_range,
                "location": kit.facts["sted"],
                "visit_leader": kit.person(v.leadership.visit_leader),
                **_dates(kit),
            }
        )
    return out


def _texts(overview: Kit, row: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "text": overview.date_short(row[c]) if isinstance(row[c], dt.date) else row[c],
            "nowrap": isinstance(row[c], dt.date) or c == "time",
        }
        for c in COLUMNS
    ]


def _context(overview: Kit, kits: Sequence[Kit], title: str) -> dict[str, Any]:
    labels = overview.labels(KIND)
    return {
        "columns": [labels["columns"][c] for c in COLUMNS],
        "rows": [_texts(overview, r) for r in rows(kits)],
        "count": _count(labels, len(kits)),
        "made_by": labels["made_by"],
    }


def _count(labels: dict[str, Any], count: int) -> str:
    """``1 visitt`` or ``2 visitter`` (labels ``count_one`` and ``count``)."""
    return labels["count_one" if count == 1 else "count"].format(antall=count)


def overview_title(overview: Kit, title: str) -> str:
    return overview.labels(KIND)["pdf_title"].format(tittel=title)


def overview_pdf(overview: Kit, kits: Sequence[Kit], title: str) -> bytes:
    name = overview_title(overview, title)
    return walkround_pdf.pdf(
        overview, KIND, "arsoversikt.typ", name, heading=name, **_context(overview, kits, title)
    )


def overview_html(overview: Kit, kits: Sequence[Kit], title: str) -> bytes:
    """The overview as a web page (``templates/year/arsoversikt.html.j2``)."""
    name = overview_title(overview, title)
    template = overview.env(KIND).get_template("arsoversikt.html.j2")
    return template.render(title=name, **_context(overview, kits, title)).encode("utf-8")


def _text(cell, value: str):
    """A string cell even when the text looks like a formula (no formula injection); a
    control character (which the XLSX format cannot hold) is shown as ``U+XXXX``."""
    cell.value = shown(value)
    cell.data_type = "s"
    return cell


XLSX_LINE_HEIGHT = 15.0
"""Points per line of the workbook's 11 pt text."""
XLSX_CHARS_PER_WIDTH = 0.95
"""Characters of 11 pt text in one unit of column width (bold headers too; on the safe side)."""


def _fit_rows(ws, first: int, last: int) -> None:
    """Each row as high as its most wrapped cell: LibreOffice prints a wrapped cell in a row
    of the default height over the next row."""
    for r in range(first, last + 1):
        lines = 1
        for col, width in enumerate(WIDTHS, start=1):
            value = ws.cell(r, col).value
            if isinstance(value, str):
                per_line = max(int(width * XLSX_CHARS_PER_WIDTH), 1)
                lines = max(
                    lines,
                    sum(max(math.ceil(len(part) / per_line), 1) for part in value.split("\n")),
                )
        ws.row_dimensions[r].height = lines * XLSX_LINE_HEIGHT + 3


def overview_xlsx(overview: Kit, kits: Sequence[Kit], title: str) -> bytes:
    # here, not at the top: `refleks check` imports this module and writes no workbook
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    labels = overview.labels(KIND)
    wb = Workbook()
    ws = wb.active
    ws.title = labels["sheet"]
    _text(ws.cell(1, 1), overview_title(overview, title)).font = Font(bold=True, size=14)
    _text(ws.cell(2, 1), _count(labels, len(kits)))
    _text(ws.cell(3, 1), labels["made_by"])
    wrap = Alignment(wrap_text=True, vertical="top", horizontal="left")
    for col, name in enumerate(COLUMNS, start=1):
        cell = _text(ws.cell(HEADER_ROW, col), labels["columns"][name])
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = wrap
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    for r, row in enumerate(rows(kits), start=HEADER_ROW + 1):
        for col, name in enumerate(COLUMNS, start=1):
            cell = ws.cell(r, col)
            if isinstance(row[name], dt.date):
                cell.value = row[name]
                cell.number_format = "DD.MM.YYYY"
            else:
                _text(cell, row[name])
            cell.alignment = wrap
    last = HEADER_ROW + max(len(kits), 1)
    _fit_rows(ws, HEADER_ROW, last)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 2).coordinate
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = labels["footer"]
    out = io.BytesIO()
    wb.save(out)
    return walkround_office.normalise(
        out.getvalue(),
        title=overview_title(overview, title),
        creator=overview.creator,
        when=overview.stamp,
        language=overview.language,
    )


LETTERS_PER_PDF = 50
"""The most letters in one merged PDF. Typst holds a whole document while it lays it out
(about 2 MB a letter), so a larger year's letters come in parts of this many, and memory
stays the same whatever the number of visits."""


def letters_pdf(overview: Kit, kits: Sequence[Kit], title: str, part: str = "") -> bytes:
    """Letters in one tagged PDF, each starting on a new page (``part``: «del 1 av 3»)."""
    labels = overview.labels(KIND)
    name = labels["letters_title"].format(tittel=title)
    if part:
        name = labels["letters_part"].format(tittel=name, delen=part)
    return letters.typst_pdf(overview, kits, name, apart=True)


def letters_pdfs(overview: Kit, kits: Sequence[Kit], title: str) -> Iterator[tuple[str, bytes]]:
    """Every visit's letter: ``invitasjonsbrev-alle.pdf``, or for more than
    ``LETTERS_PER_PDF`` visits one PDF per part (``invitasjonsbrev-alle-1.pdf`` …), each
    made and handed on before the next."""
    starts = range(0, len(kits), LETTERS_PER_PDF)
    if len(starts) == 1:
        yield "invitasjonsbrev-alle.pdf", letters_pdf(overview, kits, title)
        return
    of = overview.labels(KIND)["part_of"]
    for n, start in enumerate(starts, start=1):
        part = [kits[i] for i in range(start, min(start + LETTERS_PER_PDF, len(kits)))]
        label = of.format(n=n, av=len(starts))
        yield f"invitasjonsbrev-alle-{n}.pdf", letters_pdf(overview, part, title, label)


def letters_docx(overview: Kit, letter_docxs: list[bytes], title: str) -> bytes:
    """Every letter's DOCX joined, each starting on a new page: by their bodies when they
    allow it (``docxjoin``), else by docxcompose."""
    joined = docxjoin.join(letter_docxs)
    if joined is None:
        joined = _composed(letter_docxs)
    name = overview.labels(KIND)["letters_title"].format(tittel=title)
    return walkround_office.normalise(
        joined,
        title=name,
        creator=overview.creator,
        when=overview.stamp,
        language=overview.language,
    )


def _composed(letter_docxs: list[bytes]) -> bytes:
    """The letters joined by docxcompose (styles, numbering and ids made to fit)."""
    from docx import Document
    from docxcompose.composer import Composer

    composer = Composer(Document(io.BytesIO(letter_docxs[0])))
    for data in letter_docxs[1:]:  # one letter read at a time
        composer.doc.add_page_break()
        composer.append(Document(io.BytesIO(data)))
    out = io.BytesIO()
    composer.save(out)
    return out.getvalue()


def ics(overview: Kit, kits: Sequence[Kit], title: str) -> bytes:
    """Every visit's deadlines and the visits themselves in one calendar."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", calendar.PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    name = overview.labels(KIND)["calendar_name"].format(tittel=title)
    cal.add("x-wr-calname", calendar.ical_text(name))
    cal.add("x-wr-timezone", calendar.TIMEZONE)
    stamp = overview.stamp or dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
    for kit in kits:
        for item in calendar.items(kit):
            cal.add_component(calendar._event(kit, item, stamp.astimezone(dt.UTC)))
    cal.add_missing_timezones()
    return cal.to_ical()


def build(
    overview: Kit, kits: Sequence[Kit], title: str, letter_docxs: list[bytes]
) -> Iterator[tuple[str, bytes]]:
    """The year's files as ``(name, bytes)``, each as soon as it is made.

    ``kits`` in date order (a sequence that may make each kit when asked: every document
    goes through it once), ``letter_docxs`` each kit's letter as DOCX (same order),
    ``overview`` a kit without a visit (for labels, dates and document properties).
    """
    if not kits:
        return
    yield from letters_pdfs(overview, kits, title)
    yield "invitasjonsbrev-alle.docx", letters_docx(overview, letter_docxs, title)
    yield "arsoversikt.xlsx", overview_xlsx(overview, kits, title)
    yield "arsoversikt.pdf", overview_pdf(overview, kits, title)
    yield "arsoversikt.html", overview_html(overview, kits, title)
    yield "arsplan.ics", ics(overview, kits, title)
