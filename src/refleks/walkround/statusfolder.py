"""``refleks actionplan status MAPPE``: every filled-in action plan under a folder at once.

One line per unit (done, on time, overdue, no one responsible, no due date), printed as a
table and written as XLSX (``tiltaksplan-status.xlsx`` in the folder, or ``--xlsx FIL``),
followed by what is overdue. A file that cannot be read as an action plan is named and
skipped. Exit code 0 when nothing is overdue, 1 when something is (for scripts).

The unit comes from the plan's document title (``Tiltaksplan – <enhet>``, as Refleks
writes it), else from the name of the folder the file lies in.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import visible
from ..writer import atomic_write
from . import xlsx_guard
from .status import PlanRow, Status, assess, read_plan

REPORT_NAME = "tiltaksplan-status.xlsx"
COLUMNS = ("Enhet", "Tiltak", "Ferdig", "I rute", "Forsinket", "Uten ansvarlig", "Uten frist")
TITLE_SEPARATOR = " – "


@dataclass
class UnitStatus:
    unit: str
    file: str
    status: Status

    @property
    def counts(self) -> tuple[int, ...]:
        s = self.status
        return (
            len(s.rows),
            len(s.done),
            len(s.on_track),
            len(s.late),
            len(s.no_owner),
            len(s.no_due),
        )


def _unit(path: Path, folder: Path) -> str:
    try:
        title = load_workbook(path, read_only=True).properties.title or ""
    except Exception:  # noqa: BLE001 - the rows were read; a title is only a nicety
        title = ""
    # shown on one line: a title or folder name may hold CR or CSI (U+009B) to rewrite a line
    if TITLE_SEPARATOR in title:
        return visible(title.split(TITLE_SEPARATOR, 1)[1].strip())
    return visible(path.parent.name if path.parent != folder else path.stem)


def _plans(folder: Path, skip: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*.xlsx")
        if p.is_file()
        and not p.name.startswith(("~$", ".~", "."))
        and p.resolve() != skip.resolve()
    )


def read_folder(folder: Path, today: dt.date, skip: Path) -> tuple[list[UnitStatus], list[str]]:
    """Each readable plan's status, and one Norwegian line per file that was skipped."""
    units: list[UnitStatus] = []
    skipped: list[str] = []
    for path in _plans(folder, skip):
        name = visible(path.relative_to(folder).as_posix())
        try:
            xlsx_guard.check_zip(path)  # files mailed around: bounded work, no XML entities
            rows: list[PlanRow] = read_plan(path)
        except xlsx_guard.Refused as exc:
            skipped.append(f"{name}: leses ikke: {exc}")
            continue
        except xlsx_guard.TooManyRows as exc:
            skipped.append(
                f"{name}: leses ikke: {exc.rows} utfylte rader (høyst {xlsx_guard.MAX_ROWS})"
            )
            continue
        except DefusedXmlException:
            skipped.append(f"{name}: leses ikke: filen har en DTD eller egne entiteter")
            continue
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError):
            skipped.append(f"{name}: er ikke en Excel-fil (XLSX) som kan leses")
            continue
        except ValueError:
            skipped.append(f"{name}: er ingen tiltaksplan (tabellen «Tiltaksplan» mangler)")
            continue
        except Exception:  # noqa: BLE001 - one broken file never stops the others
            skipped.append(f"{name}: er skadet og kan ikke leses")
            continue
        units.append(UnitStatus(_unit(path, folder), name, assess(rows, today)))
    units.sort(key=lambda u: (u.unit.casefold(), u.file))
    return units, skipped


def table(units: list[UnitStatus]) -> str:
    """A plain-text table, one line per unit and a sum line."""
    lines = [COLUMNS] + [(u.unit, *map(str, u.counts)) for u in units]
    totals = [sum(u.counts[i] for u in units) for i in range(len(COLUMNS) - 1)]
    lines.append(("Sum", *map(str, totals)))
    widths = [max(len(row[i]) for row in lines) for i in range(len(COLUMNS))]
    out = []
    for n, row in enumerate(lines):
        numbers = zip(row[1:], widths[1:], strict=True)
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in numbers]
        out.append("  ".join(cells).rstrip())
        if n == 0 or n == len(lines) - 2:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out) + "\n"


def overdue(units: list[UnitStatus]) -> str:
    lines = []
    for u in units:
        for row in u.status.late:
            assert row.due is not None
            who = visible(row.responsible) if row.responsible else "uten ansvarlig"
            lines.append(
                f"  - {u.unit}: {visible(row.change or row.problem)} "
                f"({who}, frist {row.due.strftime('%d.%m.%Y')})"
            )
    return "\n".join(["Forsinket:", *lines]) + "\n" if lines else ""


def xlsx(units: list[UnitStatus], today: dt.date) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Status"
    head = ws.cell(1, 1)
    head.value = f"Status for tiltaksplanene per {today.strftime('%d.%m.%Y')}"
    head.data_type = "s"
    head.font = Font(bold=True, size=14)
    for col, name in enumerate((*COLUMNS, "Fil"), start=1):
        cell = ws.cell(3, col, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        ws.column_dimensions[get_column_letter(col)].width = 36 if col in (1, 8) else 14
    for r, u in enumerate(units, start=4):
        for col, value in enumerate((u.unit, *u.counts, u.file), start=1):
            cell = ws.cell(r, col, value)
            if isinstance(value, str):
                cell.data_type = "s"  # a unit that starts with = stays text
    ws.freeze_panes = "B4"
    ws.print_title_rows = "3:3"  # the column headings on every printed page
    wb.properties.title = head.value
    wb.properties.creator = "Refleks"
    wb.properties.language = "nb-NO"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def run(folder: Path, today: dt.date, report_path: Path | None) -> int:
    target = report_path or folder / REPORT_NAME
    units, skipped = read_folder(folder, today, target)
    for line in skipped:
        print(f"Hoppet over {line}", file=sys.stderr)
    print(f"Tiltaksplaner i {folder.as_posix()} (status per {today.strftime('%d.%m.%Y')})")
    if not units:
        print("Fant ingen utfylte tiltaksplaner.")
        return 0
    print(table(units), end="")
    late = overdue(units)
    if late:
        print("\n" + late, end="")
    atomic_write(target, xlsx(units, today))
    print(f"Oversikten er skrevet til {target.as_posix()}.")
    return 1 if late else 0
