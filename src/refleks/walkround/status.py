"""``refleks actionplan status <fil.xlsx>``: read a filled-in action plan back.

Reports in Norwegian what is done, what is late (due before today and not done), what has no
one responsible and what has no (readable) due date. The file is the ``tiltaksplan.xlsx``
Refleks made, filled in by people: the rows of its table «Tiltaksplan» are read in Refleks'
column order.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import UsageError, visible
from . import xlsx_guard
from .documents.actionplans import FIELDS, STATUSES, TABLE_NAME

DONE = "ferdig"


# --------------------------------------------------------------------------- reading back


@dataclass(frozen=True)
class PlanRow:
    """One filled-in row of an action plan."""

    row: int
    problem: str
    change: str
    responsible: str
    due: dt.date | None
    due_text: str
    status: str
    status_cell: str = ""
    """Where the status was written (``G7``), for messages about it."""


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _parse_due(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _cell_text(value)
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def read_plan(path: Path, max_rows: int = xlsx_guard.MAX_ROWS) -> list[PlanRow]:
    """The rows of the plan's table (columns in Refleks' order); empty rows are skipped.

    Raises ``ValueError`` when the file has no action-plan table.
    """
    wb = load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        if TABLE_NAME not in ws.tables:
            continue
        ref = ws.tables[TABLE_NAME].ref
        (first_col, first_row), (_, last_row) = _bounds(ref)
        rows = []
        columns = range(first_col, first_col + len(FIELDS))
        for r, values in xlsx_guard.filled_rows(
            ws, range(first_row + 1, last_row + 1), columns, max_rows
        ):
            texts = [_cell_text(v) for v in values]
            if not any(texts):
                continue
            rows.append(
                PlanRow(
                    r,
                    texts[0],
                    texts[3],
                    texts[4],
                    _parse_due(values[5]),
                    texts[5],
                    texts[6].lower(),
                    f"{get_column_letter(first_col + 6)}{r}",
                )
            )
        return rows
    raise ValueError("no action plan table")


def _bounds(ref: str) -> tuple[tuple[int, int], tuple[int, int]]:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return (min_col, min_row), (max_col, max_row)


@dataclass
class Status:
    """The rows of a plan sorted into what the coordinator needs to know."""

    today: dt.date
    rows: list[PlanRow]
    done: list[PlanRow] = field(default_factory=list)
    late: list[PlanRow] = field(default_factory=list)
    no_owner: list[PlanRow] = field(default_factory=list)
    no_due: list[PlanRow] = field(default_factory=list)
    on_track: list[PlanRow] = field(default_factory=list)
    unknown: list[PlanRow] = field(default_factory=list)


def normal(word: str) -> str:
    """``" Utført. "`` -> ``"utført"``: lower case, single spaces, no full stops."""
    return " ".join(word.lower().replace(".", " ").split())


def status_words(templates: Path) -> dict[str, str]:
    """Every accepted spelling -> its status (``templates/actionplans/labels.yaml``)."""
    labels = yaml.safe_load((templates / "actionplans" / "labels.yaml").read_text("utf-8"))
    return {
        normal(spelling): status
        for status, spellings in labels["status_words"].items()
        for spelling in [status, *spellings]
    }


def assess(rows: list[PlanRow], today: dt.date, words: dict[str, str] | None = None) -> Status:
    """Sort the rows; with ``words`` (spelling -> status) other spellings count too."""
    status = Status(today, rows)
    for row in rows:
        known = (words or {}).get(normal(row.status), normal(row.status))
        if row.status and known not in STATUSES:
            status.unknown.append(row)
        row = replace(row, status=known if known in STATUSES else row.status)
        if row.status == DONE:
            status.done.append(row)
            continue
        if not row.responsible:
            status.no_owner.append(row)
        if row.due is None:
            status.no_due.append(row)
        elif row.due < today:
            status.late.append(row)
        if row.responsible and row.due is not None and row.due >= today:
            status.on_track.append(row)
    return status


def _describe(row: PlanRow) -> str:
    """One row as a line; cell text with control or direction characters shows them as
    ``U+XXXX`` (a cell can hold a carriage return or a terminal escape)."""
    what = visible(row.change or row.problem)
    details = []
    if row.responsible:
        details.append(visible(row.responsible))
    if row.due is not None:
        details.append(f"frist {row.due.strftime('%d.%m.%Y')}")
    elif row.due_text:
        details.append(f"frist «{visible(row.due_text)}» er ikke en dato")
    if row.status and row.status != DONE:
        details.append(f"status: {visible(row.status)}")
    suffix = f" ({', '.join(details)})" if details else ""
    return f"  - rad {row.row}: {what}{suffix}"


def report(status: Status, name: str) -> str:
    """The Norwegian report printed by the command."""
    n = len(status.rows)
    lines = [
        f"Tiltaksplan: {visible(name)} (status per {status.today.strftime('%d.%m.%Y')})",
        f"{n} tiltak: {len(status.done)} ferdig, {len(status.late)} forsinket, "
        f"{len(status.no_owner)} uten ansvarlig, {len(status.no_due)} uten frist.",
    ]
    groups = [
        ("Ferdig", status.done),
        ("Forsinket (fristen er passert)", status.late),
        ("Uten ansvarlig", status.no_owner),
        ("Uten frist", status.no_due),
        ("I rute", status.on_track),
    ]
    for title, rows in groups:
        if rows:
            lines.append("")
            lines.append(f"{title} ({len(rows)}):")
            lines += [_describe(r) for r in rows]
    if status.unknown:
        lines.append("")
        lines.append(f"Ukjent status ({len(status.unknown)}):")
        lines += [
            f"  - celle {r.status_cell}: «{r.status}» er ikke en status "
            f"(skriv {', '.join(STATUSES[:-1])} eller {STATUSES[-1]})"
            for r in status.unknown
        ]
    if not n:
        lines.append("Planen har ingen utfylte rader.")
    return "\n".join(lines) + "\n"


def read(path: Path) -> list[PlanRow]:
    """The plan's rows; unreadable files are usage errors with a Norwegian message."""
    if not path.is_file():
        raise UsageError(f"finner ikke filen {path}")
    try:
        xlsx_guard.check_zip(path)
        return read_plan(path, xlsx_guard.MAX_ROWS)
    except xlsx_guard.Refused as exc:
        raise UsageError(f"{path} leses ikke: {exc}") from None
    except xlsx_guard.TooManyRows as exc:
        raise UsageError(
            f"{path} leses ikke: tiltaksplanen har {exc.rows} utfylte rader "
            f"(høyst {xlsx_guard.MAX_ROWS})"
        ) from None
    except DefusedXmlException:
        raise UsageError(
            f"{path} leses ikke: filen har en DTD eller egne entiteter, som Refleks ikke leser"
        ) from None
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, SyntaxError):
        raise UsageError(f"{path} er ikke en Excel-fil (XLSX) som kan leses") from None
    except ValueError:
        raise UsageError(
            f"fant ingen tiltaksplan i {path} (tabellen «Tiltaksplan» mangler)"
        ) from None
