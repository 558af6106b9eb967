"""``refleks visit`` and ``refleks new visit`` from the command line: files, same bytes on every
run, hand-edited files kept, errors and warnings, and a LibreOffice round trip (slow)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document

from refleks.cli import main
from refleks.content.pipeline import build_library
from refleks.project import Project

from .tools import require
from .walkround_helpers import (
    LEADER,
    UNIT,
    VISIT,
    copy_project,
    docx_text,
    env,
    flat,
    pdf_info,
    pdf_text,
    run_visit,
)

ROOT = Path(__file__).resolve().parents[1]
KIT = [
    "invitasjonsbrev.docx",
    "invitasjonsbrev.pdf",
    "plakat.pdf",
    "referat.docx",
    "sporsmalsguide.pdf",
    "tiltaksplan.docx",
    "tiltaksplan.pdf",
    "tiltaksplan.xlsx",
    "tidslinje.ics",
    "tidslinje.md",
    "tidslinje.pdf",
]
OFFICE = [n for n in KIT if n.endswith((".docx", ".xlsx"))]


def test_visit_writes_the_whole_kit(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    assert run_visit(project) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"Visittsettet for {UNIT} er skrevet til out/visits/testvisitt/: "
        "11 filer skrevet, 0 uendret.\n"
    )
    assert err == ""
    folder = project / "out" / "visits" / VISIT
    assert sorted(p.name for p in folder.iterdir()) == sorted([*KIT, ".refleks-manifest.json"])
    assert not (project / "site").exists()


def test_same_input_same_bytes(kit_dir: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    with env(TZ="America/New_York"):
        assert run_visit(project) == 0
    again = project / "out" / "visits" / VISIT
    for name in KIT:
        assert (again / name).read_bytes() == (kit_dir / name).read_bytes(), name


def test_office_files_have_fixed_times_and_no_machine_author(kit_dir: Path) -> None:
    for name in OFFICE:
        with zipfile.ZipFile(kit_dir / name) as z:
            infos = z.infolist()
            assert infos[0].filename == "[Content_Types].xml"
            assert {i.date_time for i in infos} == {(2030, 4, 30, 0, 0, 0)}, name
            core = z.read("docProps/core.xml").decode()
        assert "<dc:creator>Testkommunen</dc:creator>" in core
        assert "<cp:lastModifiedBy>Testkommunen</cp:lastModifiedBy>" in core
        assert '<dcterms:created xsi:type="dcterms:W3CDTF">2030-04-30T00:00:00Z' in core
    for name in KIT:
        if name.endswith(".pdf"):
            assert pdf_info(kit_dir / name)["CreationDate"].startswith("Tue Apr 30 00:00:00 2030")


def test_source_date_epoch_sets_document_dates(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    with env(SOURCE_DATE_EPOCH="1700000000"):
        assert run_visit(project) == 0
    folder = project / "out" / "visits" / VISIT
    assert pdf_info(folder / "plakat.pdf")["CreationDate"].startswith("Tue Nov 14 22:13:20 2023")
    doc = Document(str(folder / "referat.docx"))
    assert doc.core_properties.created.isoformat() == "2023-11-14T22:13:20+00:00"


def test_hand_edited_files_are_kept_and_listed(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    monkeypatch.chdir(project)
    assert run_visit(project) == 0
    folder = project / "out" / "visits" / VISIT
    (folder / "tidslinje.md").write_text("Mine egne notater\n", "utf-8")
    (folder / "referat.docx").unlink()
    shutil.copy(folder / "tiltaksplan.docx", folder / "referat.docx")  # not what Refleks wrote
    capsys.readouterr()
    assert run_visit(project) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"Visittsettet for {UNIT} er skrevet til out/visits/testvisitt/: "
        "0 filer skrevet, 9 uendret.\n"
    )
    assert err == (
        "Disse filene er endret for hånd og ble ikke overskrevet (bruk --force for å "
        "overskrive dem):\n  out/visits/testvisitt/referat.docx\n"
        "  out/visits/testvisitt/tidslinje.md\n"
    )
    assert (folder / "tidslinje.md").read_text("utf-8") == "Mine egne notater\n"
    assert run_visit(project, "--force") == 0
    out, err = capsys.readouterr()
    assert "2 filer skrevet, 9 uendret." in out
    assert err == (
        "Overskrev filer som var endret for hånd (--force):\n"
        "  out/visits/testvisitt/referat.docx\n  out/visits/testvisitt/tidslinje.md\n"
    )
    assert (folder / "tidslinje.md").read_text("utf-8").startswith("# Tidslinje og frister")
    assert run_visit(project) == 0
    assert capsys.readouterr().err == ""


def test_errors_stop_the_run_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    visit = project / "content" / "visits" / "testvisitt.yaml"
    visit.write_text(
        visit.read_text("utf-8").replace(
            "{text: Nattlys på alle rom, responsible: Avdelingsleder, due: 2030-06-01}",
            "{text: Nattlys på alle rom, due: 2030-06-01}",
        ),
        "utf-8",
    )
    assert run_visit(project) == 1
    err = capsys.readouterr().err
    assert err == (
        "content/visits/testvisitt.yaml:21:9: feil: endringen mangler ansvarlig\n"
        "  nøkkel: actions[0].changes[0]\n  skrevet: Nattlys på alle rom\n"
        "  forventet: responsible: navn eller stilling\n"
        "  tips: hver konkrete endring skal ha en ansvarlig og en frist\n"
        "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )
    assert not (project / "out").exists()


def test_warnings_are_printed_and_strict_makes_them_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    assert run_visit(project, today="2030-06-05") == 0
    err = capsys.readouterr().err
    assert err.startswith(
        "content/visits/testvisitt.yaml:5:7: advarsel: datoen for visitten er passert\n"
    )
    assert (project / "out" / "visits" / VISIT / "plakat.pdf").is_file()
    shutil.rmtree(project / "out")
    assert run_visit(project, "--strict", today="2030-06-05") == 1
    err = capsys.readouterr().err
    assert "content/visits/testvisitt.yaml:5:7: feil: datoen for visitten er passert\n" in err
    assert err.endswith(
        "\n2 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett dem og kjør kommandoen på nytt.\n"
    )
    assert not (project / "out").exists()


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "visit", "finnes-ikke"]) == 2
    assert capsys.readouterr().err == "refleks: feil: finner ikke visittfilen finnes-ikke\n"
    stray = tmp_path / "annen.yaml"
    stray.write_text("id: annen\n", "utf-8")
    assert main(["--project", str(project), "visit", str(stray)]) == 2
    visits = (project / "content" / "visits").resolve()
    assert capsys.readouterr().err == (
        f"refleks: feil: visittfilen må ligge i {visits} og slutte på .yaml: {stray}\n"
    )


def test_the_shipped_example_visit(tmp_path: Path) -> None:
    project = copy_project(tmp_path, ROOT)
    with env(REFLEKS_TODAY="2027-01-04"):
        assert main(["--project", str(project), "visit", "eksempel-solbakken", "--strict"]) == 0
    folder = project / "out" / "visits" / "eksempel-solbakken"
    letter = flat(pdf_text(folder / "invitasjonsbrev.pdf"))
    assert "Kari Nordmann" in letter
    # the guide's «vil ….direktør og .... gjennomføre ... på din enhet Dato____Klokken____»
    # filled in as a sentence, with the place and the visit file's group
    intro = (
        "Eksempel kommune er opptatt av pasient- og brukersikkerhet, og for å øke bevissthet "
        "rundt dette i organisasjonen vil kommunaldirektør Ola Nordmann og helse- og "
        "omsorgssjef Eva Eksempel gjennomføre en pasient- og brukersikkerhetsvisitt på din "
        "enhet (Solbakken sykehjem, avdeling 2) tirsdag 13. april 2027 klokken 13.00. "
        "Møtested: Møterommet, 2. etasje."
    )
    group = (
        "De jeg ønsker å snakke med, er sykepleier, helsefagarbeider, pleieassistent, "
        "kjøkkenpersonale og ufaglært."
    )
    observer = "Du som er leder for enheten, er velkommen til å delta på møtet som observatør."
    docx_letter = docx_text((folder / "invitasjonsbrev.docx").read_bytes())
    for text in (letter, " ".join(docx_letter.split())):
        assert intro in text and group in text and observer in text
        assert "lege, sykepleier, hjelpepleier" not in text
    assert "Eva Eksempel helse- og omsorgssjef" in letter
    timeline = (folder / "tidslinje.md").read_text("utf-8")
    assert "| mandag 19. april 2027 | **Frist for referat**" in timeline
    assert "| tirsdag 13. juli 2027 | **Oppfølgingsvisitt**" in timeline
    # 13 July 2027 is in week 28, the common summer holiday: the timeline says so
    assert timeline.count("Datoen er i fellesferien (uke 28), da mange medarbeidere") == 1
    assert "Datoen er i fellesferien (uke 28)" in flat(pdf_text(folder / "tidslinje.pdf"))


NEW = [
    "--id",
    "ny-visitt",
    "--municipality",
    "Nye «Kommune»",
    "--unit",
    'Avd. "3" & <b>',
    "--leader",
    "Kari: Leder",
    "--date",
    "2030-09-10",
    "--time",
    "09:30",
    "--top-leader",
    "Topp # Leder",
    "--visit-leader",
    "Visitt Leder",
    "--coordinator",
    "yes",
    "--coordinator-email",
    "yes@example.no",
    "--participants",
    "lege, kokk,  ufaglært",
]


def test_new_visit_from_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path)
    assert main(["--project", str(project), "new", "visit", *NEW]) == 0
    path = project / "content" / "visits" / "ny-visitt.yaml"
    assert capsys.readouterr().out == (
        f"Skrev {path}. Fyll ut resten, og lag visittsettet med: refleks visit {path}\n"
    )
    text = path.read_text("utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schema/visit.schema.json\n"
        '# Pasient- og brukersikkerhetsvisitt: "Avd. \\"3\\" & <b>"\n'
    )
    assert (project / "schema" / "visit.schema.json").is_file()
    assert "#     refleks visit content/visits/ny-visitt.yaml\n" in text
    visit = build_library(Project(project)).visits["ny-visitt"]
    assert visit.unit == 'Avd. "3" & <b>' and visit.municipality == "Nye «Kommune»"
    assert visit.unit_leader.name == "Kari: Leder" and visit.unit_leader.title is None
    assert str(visit.date) == "2030-09-10" and visit.time == "09:30"
    assert visit.leadership.top_leader.name == "Topp # Leder"
    assert visit.leadership.coordinator.name == "yes"
    assert visit.leadership.coordinator.email == "yes@example.no"
    assert visit.leadership.coordinator.phone is None
    assert visit.participants == ["lege", "kokk", "ufaglært"]
    assert visit.location is None and visit.actions == []
    # never overwritten
    assert main(["--project", str(project), "new", "visit", *NEW]) == 2
    assert capsys.readouterr().err == (
        f"refleks: feil: filen finnes fra før og blir ikke overskrevet: {path}\n"
    )


def test_new_visit_asks_on_the_terminal(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    answers = iter(
        [
            "Solbakken-2030",
            "solbakken-2030",
            "Eksempel kommune",
            "Solbakken",
            "",
            "Kari Nordmann",
            "",
            "2030-02-30",
            "2030-10-01",
            "1300",
            "13:00",
            "",
            "Ola",
            "Eva",
            "Per",
            "",
            "",
            "",
            "per@",
            "per@example.no",
            "",
        ]
    )
    prompts: list[str] = []

    def fake_input(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", fake_input)
    assert main(["--project", str(project), "new", "visit"]) == 0
    err = capsys.readouterr().err
    assert err == (
        "ugyldig id: bruk små bokstaver a-z, sifre og bindestrek, og begynn med en bokstav\n"
        "feltet må fylles ut\n"
        "ugyldig dato: skriv ÅÅÅÅ-MM-DD, for eksempel 2027-03-23\n"
        "ugyldig klokkeslett: skriv TT:MM, for eksempel 13:00\n"
        "koordinatoren trenger telefon eller e-post; brevet ber leseren ta kontakt\n"
        "ugyldig e-postadresse: skriv for eksempel navn@kommune.no\n"
    )
    assert prompts[0].startswith("Id for visitten (små bokstaver")
    assert prompts[15:18] == [
        "Koordinatorens telefon (trykk Enter for å hoppe over): ",
        "Koordinatorens e-post (trykk Enter for å hoppe over): ",
        "Koordinatorens telefon (trykk Enter for å hoppe over): ",
    ]
    assert len(prompts) == 21
    visit = build_library(Project(project)).visits["solbakken-2030"]
    assert (visit.unit, visit.unit_leader.name, visit.time) == (
        "Solbakken",
        "Kari Nordmann",
        "13:00",
    )
    assert visit.participants == []
    assert visit.leadership.coordinator.email == "per@example.no"


def test_new_visit_without_a_way_to_reach_the_coordinator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    without = [a for a in NEW if a not in ("--coordinator-email", "yes@example.no")]
    assert main(["--project", str(project), "new", "visit", *without]) == 2
    assert capsys.readouterr().err == (
        "refleks: feil: --coordinator-phone/--coordinator-email: koordinatoren trenger "
        "telefon eller e-post; brevet ber leseren ta kontakt\n"
    )
    assert not (project / "content" / "visits" / "ny-visitt.yaml").exists()


def test_new_visit_bad_option_and_no_terminal(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    bad = [*NEW[:8], "--date", "10.09.2030", *NEW[10:]]
    assert main(["--project", str(project), "new", "visit", *bad]) == 2
    assert capsys.readouterr().err == (
        "refleks: feil: --date: ugyldig dato: skriv ÅÅÅÅ-MM-DD, for eksempel 2027-03-23 "
        "(skrevet: «10.09.2030»)\n"
    )

    def no_terminal(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", no_terminal)
    assert main(["--project", str(project), "new", "visit", "--id", "x"]) == 2
    assert capsys.readouterr().err == (
        "refleks: feil: mangler --municipality (ingen svar fra terminalen)\n"
    )
    assert not (project / "content" / "visits" / "x.yaml").exists()


def test_site_has_blanks_and_no_letters_with_names(built_site: Path) -> None:
    blanks = built_site / "visitt" / "blanko"
    assert (blanks / "tiltaksplan.xlsx").is_file() and (blanks / "referat.docx").is_file()
    letters = sorted(
        p.relative_to(built_site).as_posix() for p in built_site.rglob("invitasjonsbrev*")
    )
    assert letters == ["visitt/blanko/invitasjonsbrev.docx", "visitt/blanko/invitasjonsbrev.pdf"]
    text = pdf_text(blanks / "invitasjonsbrev.pdf") + docx_text(
        (blanks / "invitasjonsbrev.docx").read_bytes()
    )
    assert "Kari Nordmann" not in text and "Solbakken" not in text
    assert "........................ kommune" in text


@pytest.mark.slow
def test_libreoffice_opens_the_office_files(kit_dir: Path, tmp_path: Path) -> None:
    soffice = require("soffice")
    profile = tmp_path / "lo-profil"
    expected = {
        "invitasjonsbrev.docx": [LEADER, "tirsdag 14. mai 2030", "Formålet med visitten"],
        "referat.docx": ["Øvre Æsøy kommune", "Frist for referat: tirsdag 21. mai 2030"],
        "tiltaksplan.docx": ["=SUM(A1:A3) fall om natten", "Nattlys på alle rom", "01.06.2030"],
        "tiltaksplan.xlsx": [
            "=SUM(A1:A3) fall om natten",
            "-antall fall per måned",
            "@registrering i avvikssystemet",
            "01.06.2030",
            "pågår",
        ],
    }
    assert sorted(expected) == sorted(OFFICE)
    for name, snippets in expected.items():
        outdir = tmp_path / name.replace(".", "-")
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(kit_dir / name),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = outdir / (Path(name).stem + ".pdf")
        assert pdf.is_file(), name
        assert int(pdf_info(pdf)["Pages"]) >= 1
        text = flat(pdf_text(pdf))
        for snippet in snippets:
            assert snippet in text, (name, snippet)
        assert "{{" not in text and "{%" not in text


def test_a_bad_source_date_epoch_is_refused_for_a_visit_too(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = copy_project(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "i går")
    assert run_visit(project) == 2
    assert capsys.readouterr().err == (
        "refleks: feil: SOURCE_DATE_EPOCH må være et heltall (sekunder siden 1970), ikke «i går»\n"
    )
