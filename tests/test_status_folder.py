"""``refleks actionplan status MAPPE``: one line per unit, XLSX written, exit code for
scripts, and damaged or foreign files named and skipped. Counts worked out by hand from the
fixture visit's two changes (due 01.06.2030 and 15.06.2030) and what the test fills in."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from refleks.cli import main


def _retitle(path: Path, title: str | None) -> None:
    wb = load_workbook(path)
    wb.properties.title = title
    wb.save(path)


@pytest.fixture
def folder(kit_dir: Path, tmp_path: Path) -> Path:  # noqa: F811
    root = tmp_path / "planer"
    for name in ("a", "b", "c"):
        (root / name).mkdir(parents=True)
        shutil.copy(kit_dir / "tiltaksplan.xlsx", root / name / "tiltaksplan.xlsx")
    wb = load_workbook(root / "a" / "tiltaksplan.xlsx")
    ws = wb["Tiltaksplan"]
    ws["G5"] = "ferdig"
    ws["D7"], ws["F7"] = "Ny rutine for nattevakt", dt.datetime(2030, 7, 1)
    ws["D8"], ws["E8"], ws["F8"], ws["G8"] = "Opplæring", "Fagutvikler", "01.08.2030", "pågår"
    ws["D9"], ws["E9"], ws["F9"] = "Sjekkliste", "Leder", "snart"
    wb.properties.title = "Tiltaksplan – Almehaugen"
    wb.save(root / "a" / "tiltaksplan.xlsx")
    _retitle(root / "b" / "tiltaksplan.xlsx", "Tiltaksplan – =Bjørkly")
    _retitle(root / "c" / "tiltaksplan.xlsx", None)
    (root / "c" / "skadet.xlsx").write_text("ikke et regneark", "utf-8")
    Workbook().save(root / "annet.xlsx")
    (root / "notat.txt").write_text("ikke en plan", "utf-8")
    return root


def test_status_of_a_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actionplan", "status", str(folder), "--date", "2030-07-15"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        "Hoppet over annet.xlsx: er ingen tiltaksplan (tabellen «Tiltaksplan» mangler)\n"
        "Hoppet over c/skadet.xlsx: er ikke en Excel-fil (XLSX) som kan leses\n"
    )
    assert out == (
        f"Tiltaksplaner i {folder.as_posix()} (status per 15.07.2030)\n"
        "Enhet       Tiltak  Ferdig  I rute  Forsinket  Uten ansvarlig  Uten frist\n"
        "----------  ------  ------  ------  ---------  --------------  ----------\n"
        "=Bjørkly         2       0       0          2               0           0\n"
        "Almehaugen       5       1       1          2               1           1\n"
        "c                2       0       0          2               0           0\n"
        "----------  ------  ------  ------  ---------  --------------  ----------\n"
        "Sum              9       1       1          6               1           1\n"
        "\n"
        "Forsinket:\n"
        "  - =Bjørkly: Nattlys på alle rom (Avdelingsleder, frist 01.06.2030)\n"
        "  - =Bjørkly: Gjennomgang av fallrisiko (Fagsykepleier, frist 15.06.2030)\n"
        "  - Almehaugen: Gjennomgang av fallrisiko (Fagsykepleier, frist 15.06.2030)\n"
        "  - Almehaugen: Ny rutine for nattevakt (uten ansvarlig, frist 01.07.2030)\n"
        "  - c: Nattlys på alle rom (Avdelingsleder, frist 01.06.2030)\n"
        "  - c: Gjennomgang av fallrisiko (Fagsykepleier, frist 15.06.2030)\n"
        f"Oversikten er skrevet til {(folder / 'tiltaksplan-status.xlsx').as_posix()}.\n"
    )
    ws = load_workbook(folder / "tiltaksplan-status.xlsx")["Status"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert rows[0] == (
        "Enhet",
        "Tiltak",
        "Ferdig",
        "I rute",
        "Forsinket",
        "Uten ansvarlig",
        "Uten frist",
        "Fil",
    )
    assert rows[1] == ("=Bjørkly", 2, 0, 0, 2, 0, 0, "b/tiltaksplan.xlsx")
    assert ws["A4"].data_type == "s"
    assert rows[2] == ("Almehaugen", 5, 1, 1, 2, 1, 1, "a/tiltaksplan.xlsx")
    # the report it wrote is not read as a plan the next time
    assert main(["actionplan", "status", str(folder), "--date", "2030-07-15"]) == 1
    assert "tiltaksplan-status" not in capsys.readouterr().err


def test_nothing_overdue_exits_0(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "c"):
        (folder / name / "tiltaksplan.xlsx").unlink()
    target = folder.parent / "rapport.xlsx"
    args = ["tiltaksplan", "status", str(folder), "--dato", "2030-05-01", "--xlsx", str(target)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[3].split() == ["=Bjørkly", "2", "0", "2", "0", "0", "0"]
    assert "Forsinket:" not in out
    assert target.is_file() and not (folder / "tiltaksplan-status.xlsx").exists()
