"""Make the default DOCX templates of the walkround kit (docxtpl templates).

    .venv/bin/python scripts/make_docx_templates.py

writes ``templates/letters/invitasjonsbrev.docx``, ``templates/actionplans/tiltaksplan.docx``
and ``templates/minutes/referat.docx``. The templates hold only layout and Jinja fields; every
word people read comes from the content or from ``templates/<kind>/labels.yaml`` through the
fields. A municipality that wants its own letterhead copies ``invitasjonsbrev.docx``, edits it
in Word and names it in ``content/site.yaml`` (``letter_template``); the fields are listed in
``templates/letters/FELTER.md``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from refleks.walkround.documents.office import normalise  # noqa: E402

FONT = "Arial"


def new_document(landscape: bool = False) -> Document:
    doc = Document()
    section = doc.sections[0]
    width, height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    margin = Cm(1.5) if landscape else Cm(2.2)
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = Cm(1.5) if landscape else Cm(2.0)
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(theme), None)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "nb-NO")
        rpr.append(lang)
    doc.styles["Normal"].font.size = Pt(10.5 if not landscape else 9.5)
    doc.styles["Heading 1"].font.size = Pt(16)
    doc.styles["Heading 2"].font.size = Pt(12.5)
    doc.styles["Heading 3"].font.size = Pt(11)
    return doc


def tag(doc: Document, text: str) -> None:
    """A paragraph holding only a docxtpl block tag (removed when rendered)."""
    doc.add_paragraph(text)


def blocks(doc: Document, var: str) -> None:
    """Paragraphs and bullet points of ``var.blokker``."""
    tag(doc, f"{{%p for b in {var}.blokker %}}")
    tag(doc, "{%p if b.punkt %}")
    doc.add_paragraph("{{ b.tekst }}", style="List Bullet")
    tag(doc, "{%p else %}")
    doc.add_paragraph("{{ b.tekst }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


PLAN_SHARES = (0.16, 0.14, 0.14, 0.24, 0.11, 0.12, 0.09)


def plan_table(doc: Document, rows: str, width_cm: float) -> None:
    """The action plan: header from ``kolonner``, one row per item of ``rows``."""
    table = doc.add_table(rows=4, cols=7)
    table.style = "Table Grid"
    table.autofit = False
    for column, share in zip(table.columns, PLAN_SHARES, strict=True):
        column.width = Cm(width_cm * share)  # the grid: LibreOffice lays out from it
    for row in table.rows:
        for cell, share in zip(row.cells, PLAN_SHARES, strict=True):
            cell.width = Cm(width_cm * share)
    table.rows[2].height = Cm(1.1)
    table.rows[2].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    header = table.rows[0]
    for i, cell in enumerate(header.cells):
        cell.text = f"{{{{ kolonner[{i}] }}}}"
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # repeat the header row on every page
    trpr = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    table.rows[1].cells[0].text = f"{{%tr for r in {rows} %}}"
    for cell, field in zip(
        table.rows[2].cells,
        ("problem", "goal", "measures", "changes", "responsible", "due", "status"),
        strict=True,
    ):
        cell.text = f"{{{{ r.{field} }}}}"
    table.rows[3].cells[0].text = "{%tr endfor %}"


def facts_table(doc: Document, rows: str, grid: bool = True) -> None:
    """Label/value rows of ``rows`` (each with ``navn`` and ``verdi``)."""
    table = doc.add_table(rows=3, cols=2)
    if grid:
        table.style = "Table Grid"
    table.rows[0].cells[0].text = f"{{%tr for f in {rows} %}}"
    table.rows[1].cells[0].text = "{{ f.navn }}"
    table.rows[1].cells[1].text = "{{ f.verdi }}"
    for run in table.rows[1].cells[0].paragraphs[0].runs:
        run.bold = not grid
    table.rows[2].cells[0].text = "{%tr endfor %}"


def when_where_table(doc: Document, rows: str) -> None:
    """Date, time and place: a narrow bold label column, the values left-aligned beside it."""
    table = doc.add_table(rows=3, cols=2)
    table.autofit = False
    widths = (Cm(3.2), Cm(13.4))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid: LibreOffice lays out from it
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    table.rows[0].cells[0].text = f"{{%tr for f in {rows} %}}"
    table.rows[1].cells[0].text = "{{ f.navn }}"
    table.rows[1].cells[1].text = "{{ f.verdi }}"
    for run in table.rows[1].cells[0].paragraphs[0].runs:
        run.bold = True
    table.rows[2].cells[0].text = "{%tr endfor %}"


def field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``paragraph``: Word and LibreOffice fill it in."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def page_numbers(doc: Document) -> None:
    """«Side 1 av 3» at the foot of every page, right-aligned, as in the PDF."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("{{ etiketter.page }} ")
    field(footer, "PAGE")
    footer.add_run(" {{ etiketter.of }} ")
    field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def tight(paragraph) -> None:
    """No space after: the lines of an address block sit under one another."""
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)


def mark_table_looks(doc: Document) -> None:
    """Say in each table's look which cells are headers (assistive technology reads it):
    the first row of a table with a repeated heading row, else the first column (the
    label/value tables)."""
    for table in doc.tables:
        tbl_pr = table._tbl.tblPr
        look = tbl_pr.find(qn("w:tblLook"))
        if look is None:
            look = OxmlElement("w:tblLook")
            tbl_pr.append(look)
        first = table._tbl.tr_lst[0].trPr
        heading = first is not None and first.find(qn("w:tblHeader")) is not None
        look.set(qn("w:firstRow"), "1" if heading else "0")
        look.set(qn("w:firstColumn"), "0" if heading else "1")


def save(doc: Document, path: Path) -> None:
    mark_table_looks(doc)
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(normalise(buf.getvalue(), title="", creator="Refleks", when=None))
    print(f"skrev {path.relative_to(ROOT)}")


def letter() -> Document:
    doc = new_document()
    page_numbers(doc)
    tag(doc, "{%p if logo %}")
    doc.add_paragraph("{{ logo }}")
    tag(doc, "{%p endif %}")
    sender = doc.add_paragraph()
    sender.add_run("{{ avsender.navn }}").bold = True
    tight(sender)
    tag(doc, "{%p for linje in avsender.adresse %}")
    tight(doc.add_paragraph("{{ linje }}"))
    tag(doc, "{%p endfor %}")
    doc.add_paragraph()
    tight(doc.add_paragraph("{{ mottaker.navn }}"))
    tag(doc, "{%p if mottaker.stilling %}")
    tight(doc.add_paragraph("{{ mottaker.stilling }}"))
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{ mottaker.enhet }}")
    date = doc.add_paragraph("{{ brevdato }}")
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_heading("{{ tittel }}", level=1)
    tag(doc, "{%p for a in avsnitt %}")
    tag(doc, "{%p if a.tittel %}")
    doc.add_heading("{{ a.tittel }}", level=2)
    tag(doc, "{%p endif %}")
    blocks(doc, "a")
    tag(doc, "{%p for p in a.punkter %}")
    doc.add_paragraph("{{ p }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if kontakt %}")
    doc.add_paragraph("{{ kontakt }}")
    tag(doc, "{%p endif %}")
    doc.add_paragraph("{{ hilsen }}").paragraph_format.space_before = Pt(12)
    doc.add_paragraph()
    tight(doc.add_paragraph("{{ underskrift.navn }}"))
    doc.add_paragraph("{{ underskrift.stilling }}")
    tag(doc, "{%p if vedlegg %}")
    label = doc.add_paragraph()
    label.add_run("{{ etiketter.attachment }}").font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    label.paragraph_format.page_break_before = True
    doc.add_heading("{{ vedlegg.tittel }}", level=1)
    when_where_table(doc, "tid_og_sted")
    doc.add_paragraph()
    blocks(doc, "vedlegg")
    tag(doc, "{%p for p in vedlegg.punkter %}")
    doc.add_paragraph("{{ p }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    return doc


def action_plan() -> Document:
    doc = new_document(landscape=True)
    doc.add_heading("{{ tittel }}", level=1)
    doc.add_paragraph("{{ fakta }}")
    plan_table(doc, "rader", 26.7)
    doc.add_paragraph("{{ deltakere }}")
    doc.add_paragraph("{{ statusmerknad }}")
    tag(doc, "{%p if eksempler %}")
    heading = doc.add_heading("{{ eksempeltittel }}", level=2)
    heading.paragraph_format.page_break_before = True
    doc.add_paragraph("{{ eksempelmerknad }}")
    plan_table(doc, "eksempler", 26.7)
    tag(doc, "{%p endif %}")
    return doc


def minutes_sections(doc: Document, var: str) -> None:
    """The method's minutes sections in ``var``, each with room to write."""
    tag(doc, f"{{%p for s in {var} %}}")
    doc.add_heading("{{ s.tittel }}", level=2)
    blocks(doc, "s")
    tag(doc, "{%p for p in s.punkter %}")
    doc.add_paragraph("{{ p }}", style="Heading 3")
    doc.add_paragraph()
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not s.punkter %}")
    doc.add_paragraph()
    doc.add_paragraph()
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")


def signatures(doc: Document) -> None:
    """A line to sign on for each of ``signaturer`` (name and role under it), and the date."""
    table = doc.add_table(rows=3, cols=2)
    table.autofit = False
    widths = (Cm(6.0), Cm(10.6))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    table.rows[0].cells[0].text = "{%tr for s in signaturer %}"
    date, sign = table.rows[1].cells
    for cell in (date, sign):
        cell.paragraphs[0].paragraph_format.space_before = Pt(30)
        cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    date.paragraphs[0].text = "_" * 22
    date.add_paragraph("{{ dato_etikett }}")
    sign.paragraphs[0].text = "_" * 40
    sign.add_paragraph("{{ s.navn }}")
    table.rows[2].cells[0].text = "{%tr endfor %}"


def turn_page(doc: Document, landscape: bool) -> None:
    """A new section (new page) in A4 portrait or landscape with the document's margins."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    short, long = Cm(21.0), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.left_margin = section.right_margin = Cm(1.5) if landscape else Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(1.5) if landscape else Cm(2.0)


def minutes() -> Document:
    """Facts, the sections, the action plan on landscape pages, deadlines, then signatures."""
    doc = new_document()
    doc.add_heading("{{ tittel }}", level=1)
    facts_table(doc, "fakta")
    minutes_sections(doc, "avsnitt")
    turn_page(doc, landscape=True)
    doc.add_heading("{{ tiltaksplan }}", level=2)
    plan_table(doc, "rader", 26.7)
    turn_page(doc, landscape=False)
    doc.add_heading("{{ frister_tittel }}", level=2)
    tag(doc, "{%p for f in frister %}")
    doc.add_paragraph("{{ f }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    minutes_sections(doc, "underskrift")
    signatures(doc)
    return doc


def main() -> None:
    save(letter(), ROOT / "templates" / "letters" / "invitasjonsbrev.docx")
    save(action_plan(), ROOT / "templates" / "actionplans" / "tiltaksplan.docx")
    save(minutes(), ROOT / "templates" / "minutes" / "referat.docx")


if __name__ == "__main__":
    main()
