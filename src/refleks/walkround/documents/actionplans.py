"""The action plan (tiltaksplan) with the method's six columns and a status column.

Prefilled from the visit's ``actions`` (one row per concrete change), blank rows otherwise.
Written as XLSX (frozen header, column widths, a real table with filter, a status drop-down,
date validation, A4 landscape with the header row repeated), DOCX and PDF. Every XLSX cell
is written as text, number or date and never as a formula: text that starts with ``=``,
``+``, ``-`` or ``@`` stays literal text. ``visit_status.read_plan`` reads a filled-in XLSX
back.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import typing
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.table import Table, TableStyleInfo

from ...content import schema
from ...errors import shown
from ..kit import Kit
from . import office as walkround_office
from . import pdf as walkround_pdf

KIND = "actionplans"
FIELDS = ("problem", "goal", "measures", "changes", "responsible", "due", "status")
STATUSES: tuple[str, ...] = typing.get_args(schema.Change.model_fields["status"].annotation)
WIDTHS = (22, 19, 19, 25, 13, 11, 11)
"""Column widths (characters): 120 fit A4 landscape at 10 pt without scaling, also where the
font falls back to a wide one (DejaVu Sans on Linux)."""
FONT_NAME = "Arial"
FONT_SIZE = 10
LINE_HEIGHT = 13.5
"""Points per line of 10 pt text; rows get the height their wrapped text needs."""
CHARS_PER_WIDTH = 1.1
"""Characters of 10 pt text that fit in one unit of column width (kept on the safe side)."""
CHANGES_PER_BLANK_PROBLEM = 3
EXTRA_XLSX_ROWS = 3
HEADER_ROW = 4
TABLE_NAME = "Tiltaksplan"
DATE_FORMAT = "DD.MM.YYYY"
EXCEL_DATE_MIN = "36526"  # 2000-01-01 as an Excel serial day


def columns(kit: Kit) -> list[str]:
    """Column titles (with the method's help text): the six in fixed order, then status."""
    plan = kit.method.action_plan
    assert plan is not None
    by_id = {c.id: f"{c.title}: {c.help}" if c.help else c.title for c in plan.columns}
    return [by_id.get(f, f) for f in FIELDS[:6]] + [kit.labels(KIND)["status"]]


def status_name(kit: Kit, status: str) -> str:
    """A change's status as the document writes it (``ikkje starta`` in nynorsk)."""
    return kit.labels(KIND)["status_names"].get(status, status)


def _change(
    text: str = "",
    responsible: str = "",
    due: str = "",
    status: str = "",
    due_date: dt.date | None = None,
) -> dict[str, Any]:
    """One row of the plan's changes; with no arguments, a blank row to fill in."""
    return {
        "text": text,
        "responsible": responsible,
        "due": due,
        "status": status,
        "due_date": due_date,
    }


def _blank_group(rows: int) -> dict[str, Any]:
    """A problem to fill in, with ``rows`` blank changes."""
    return {"problem": "", "goal": "", "measures": [], "changes": [_change() for _ in range(rows)]}


def groups(kit: Kit) -> list[dict[str, Any]]:
    """One group per problem, each with its changes (blank groups for an empty plan)."""
    actions = kit.visit.actions if kit.visit else []
    if not actions:
        return [
            _blank_group(CHANGES_PER_BLANK_PROBLEM)
            for _ in range(kit.method.deadlines.max_problems)
        ]
    out = []
    for action in actions:
        changes = [
            _change(
                c.text,
                c.responsible or "",
                kit.date_short(c.due) if c.due else "",
                status_name(kit, c.status),
                c.due,
            )
            for c in action.changes
        ]
        out.append(
            {
                "problem": action.problem,
                "goal": action.goal,
                "measures": list(action.measures),
                "changes": changes or [_change()],
            }
        )
    return out


def _examples(kit: Kit) -> list[dict[str, Any]]:
    plan = kit.method.action_plan
    return [
        {
            "problem": e.problem,
            "goal": e.goal,
            "measures": [e.measures],
            "changes": [_change(e.changes, e.responsible, e.due)],
        }
        for e in (plan.examples if plan else [])
    ]


def _flat(groups_: list[dict[str, Any]], repeat: bool) -> list[dict[str, Any]]:
    """Rows for a table; ``repeat`` puts the problem's text on every row of the group."""
    rows = []
    for group in groups_:
        for i, change in enumerate(group["changes"]):
            first = i == 0 or repeat
            rows.append(
                {
                    "problem": group["problem"] if first else "",
                    "goal": group["goal"] if first else "",
                    "measures": "\n".join(group["measures"]) if first else "",
                    "changes": change["text"],
                    "responsible": change["responsible"],
                    "due": change["due"],
                    "due_date": change["due_date"],
                    "status": change["status"],
                }
            )
    return rows


def facts_line(kit: Kit) -> str:
    return kit.labels(KIND)["facts"].format(
        metode=kit.method.title, enhet=kit.facts["enhet"], dato=kit.facts["dato"]
    )


def participants(kit: Kit) -> str:
    """The conversation group, for the «Deltakere» line under the plan."""
    if kit.visit is None or not kit.visit.participants:
        return kit.common["blank"]
    return ", ".join(kit.visit.participants)


def title(kit: Kit) -> str:
    plan = kit.method.action_plan
    assert plan is not None
    return kit.labels(KIND)["pdf_title"].format(tittel=plan.title, enhet=kit.facts["enhet"])


# --------------------------------------------------------------------------- XLSX


def _text(cell: Cell, value: str) -> Cell:
    """Store ``value`` as a string cell, even when it looks like a formula; a control
    character (which the XLSX format cannot hold) is shown as ``U+XXXX``."""
    if value:
        cell.value = shown(value)
        cell.data_type = "s"
    return cell


def _lines_needed(text: str, width: float) -> int:
    per_line = max(int(width * CHARS_PER_WIDTH), 1)
    return sum(max(math.ceil(len(part) / per_line), 1) for part in str(text).split("\n"))


def _fit_rows(ws, first: int, last: int) -> None:
    """Row heights for the wrapped text, and a thin border round every cell of the table."""
    side = Side(style="thin", color="444444")
    border = Border(left=side, right=side, top=side, bottom=side)
    for r in range(first, last + 1):
        lines = 1
        for col, width in enumerate(WIDTHS, start=1):
            cell = ws.cell(r, col)
            cell.border = border
            if cell.value is not None and not isinstance(cell.value, dt.date):
                lines = max(lines, _lines_needed(cell.value, width))
        ws.row_dimensions[r].height = lines * LINE_HEIGHT + 4


def _sheet_rows(
    ws, kit: Kit, rows: list[dict[str, Any]], heading: str, lines: tuple[str, ...]
) -> int:
    """Title, the lines under it (facts, notes) and the table; returns the last row."""
    _text(ws.cell(1, 1), heading).font = Font(name=FONT_NAME, bold=True, size=14)
    for r, line in enumerate(lines, start=2):
        _text(ws.cell(r, 1), line).font = Font(name=FONT_NAME, size=FONT_SIZE)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, name in enumerate(columns(kit), start=1):
        cell = _text(ws.cell(HEADER_ROW, col), name)
        cell.font = Font(name=FONT_NAME, bold=True, color="FFFFFF", size=FONT_SIZE)
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = wrap
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS[col - 1]
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, field in enumerate(FIELDS, start=1):
            cell = ws.cell(r, col)
            if field == "due" and row["due_date"] is not None:
                cell.value = row["due_date"]
                cell.number_format = DATE_FORMAT
            elif field == "due":
                _text(cell, row["due"])
                cell.number_format = DATE_FORMAT if not row["due"] else "@"
            else:
                _text(cell, row[field])
            cell.alignment = wrap
            cell.font = Font(name=FONT_NAME, size=FONT_SIZE)
    last = HEADER_ROW + max(len(rows), 1)
    _fit_rows(ws, HEADER_ROW, last)
    return last


def _print_setup(ws, last_row: int, kit: Kit) -> None:
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1).coordinate
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(len(FIELDS))}{last_row}"
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.print_options.horizontalCentered = True
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = kit.labels(KIND)["footer"]


def _validations(ws, first: int, last: int, kit: Kit) -> None:
    labels = kit.labels(KIND)
    names = [status_name(kit, s) for s in STATUSES]
    choices = ", ".join(names)
    status = DataValidation(
        type="list",
        formula1='"' + ",".join(names) + '"',
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    status.promptTitle, status.prompt = (
        labels["status_prompt_title"],
        labels["status_prompt"].format(valg=choices),
    )
    status.errorTitle, status.error = (
        labels["status_error_title"],
        labels["status_error"].format(valg=choices),
    )
    due = DataValidation(
        type="date",
        operator="greaterThan",
        formula1=EXCEL_DATE_MIN,
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
    )
    due.promptTitle, due.prompt = labels["date_prompt_title"], labels["date_prompt"]
    due.errorTitle, due.error = labels["date_error_title"], labels["date_error"]
    status.add(f"G{first}:G{last}")
    due.add(f"F{first}:F{last}")
    ws.add_data_validation(status)
    ws.add_data_validation(due)


def xlsx(kit: Kit) -> bytes:
    labels = kit.labels(KIND)
    plan = kit.method.action_plan
    assert plan is not None
    rows = _flat(groups(kit), repeat=True)
    if kit.visit and kit.visit.actions:
        rows += _flat([_blank_group(EXTRA_XLSX_ROWS)], repeat=True)
    wb = Workbook()
    normal = next(style for style in wb._named_styles if style.name == "Normal")
    normal.font = Font(name=FONT_NAME, size=FONT_SIZE)
    ws = wb.active
    ws.title = labels["sheet"]
    last = _sheet_rows(ws, kit, rows, plan.title, (facts_line(kit), labels["status_note"]))
    table = Table(displayName=TABLE_NAME, ref=f"A{HEADER_ROW}:G{last}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    _validations(ws, HEADER_ROW + 1, last, kit)
    _print_setup(ws, last, kit)
    examples = _flat(_examples(kit), repeat=True)
    if examples:
        ex = wb.create_sheet(labels["examples_sheet"])
        notes = (labels["examples_note"], labels["status_note"])
        ex_last = _sheet_rows(ex, kit, examples, labels["examples"], notes)
        _print_setup(ex, ex_last, kit)
    buf = io.BytesIO()
    wb.save(buf)
    return walkround_office.normalise(
        buf.getvalue(), title=title(kit), creator=kit.creator, when=kit.stamp, language=kit.language
    )


# --------------------------------------------------------------------------- DOCX and PDF


def docx_rows(kit: Kit, groups_: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for the DOCX templates (multi-line cells as docxtpl listings)."""
    from docxtpl import Listing

    return [{**row, **{f: Listing(row[f]) for f in FIELDS}} for row in _flat(groups_, False)]


def docx(kit: Kit) -> bytes:
    plan = kit.method.action_plan
    assert plan is not None
    context = {
        "tittel": plan.title,
        "fakta": facts_line(kit),
        "kolonner": columns(kit),
        "deltakere": f"{kit.common['participants']}: {participants(kit)}",
        "rader": docx_rows(kit, groups(kit)),
        "eksempeltittel": kit.labels(KIND)["examples"],
        "eksempelmerknad": kit.labels(KIND)["examples_note"],
        "statusmerknad": kit.labels(KIND)["status_note"],
        "eksempler": docx_rows(kit, _examples(kit)),
    }
    data = walkround_office.render_docx(kit.templates / KIND / "tiltaksplan.docx", context)
    if kit.language != "nb":  # the guide's examples are quoted as written: in bokmål
        data = walkround_office.mark_table_language(data, context["eksempeltittel"], "nb")
    data = walkround_office.append_note(data, kit.language_note(KIND))
    return walkround_office.normalise(
        data, title=title(kit), creator=kit.creator, when=kit.stamp, language=kit.language
    )


def _pdf_groups(groups_: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The groups as the PDF template reads them (texts only)."""
    fields = ("text", "responsible", "due", "status")
    return [
        {
            "problem": group["problem"],
            "goal": group["goal"],
            "measures": group["measures"],
            "changes": [{f: change[f] for f in fields} for change in group["changes"]],
        }
        for group in groups_
    ]


def pdf(kit: Kit) -> bytes:
    plan = kit.method.action_plan
    assert plan is not None
    return walkround_pdf.pdf(
        kit,
        KIND,
        "tiltaksplan.typ",
        title(kit),
        heading=plan.title,
        facts=facts_line(kit),
        columns=columns(kit),
        groups=_pdf_groups(groups(kit)),
        participants=[kit.common["participants"], participants(kit)],
        examples_heading=kit.labels(KIND)["examples"],
        examples=_pdf_groups(_examples(kit)),
    )


def build(kit: Kit) -> dict[str, bytes]:
    return {
        "tiltaksplan.xlsx": xlsx(kit),
        "tiltaksplan.docx": docx(kit),
        "tiltaksplan.pdf": pdf(kit),
    }
