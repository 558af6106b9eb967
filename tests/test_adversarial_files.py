"""Content cannot attack readers (issue 11), part two: files outside the project, clear
errors instead of "uventet feil", and spreadsheets mailed back. Expected messages word for
word; the hostile spreadsheets are built in ``tests/adversarial/spreadsheets.py``.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest
from openpyxl import load_workbook

from refleks.cli import main

from .adversarial.spreadsheets import HOSTILE, rewrite
from .test_bad_input import make_project, run
from .walkround_helpers import FIXTURE, copy_project, run_visit


def _check(project: Path, *args: str) -> tuple[int, str]:
    result = run(project, "check", *args)
    return result.returncode, result.stderr


# ---------------------------------------------------------------- files outside the project

LINK_EXPECTED = "en vanlig YAML-fil inne i prosjektet, eller en lenke til en"


def _project_with(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "utenfor"
    outside.mkdir()
    (outside / "kilde.yaml").write_text("id: ute\n", "utf-8")
    (outside / "hemmelig.txt").write_text("passord: hemmelig\n", "utf-8")
    return make_project(tmp_path / "p"), outside


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "ut.yaml",
            lambda s, o: os.symlink(o / "kilde.yaml", s / "ut.yaml"),
            "ut.yaml peker ut av prosjektet ({o}/kilde.yaml); lenken følges ikke",
        ),
        (
            "tekst.yaml",
            lambda s, o: os.symlink(o / "hemmelig.txt", s / "tekst.yaml"),
            "tekst.yaml peker ut av prosjektet ({o}/hemmelig.txt); lenken følges ikke",
        ),
        (
            "relativ.yaml",
            lambda s, o: os.symlink("../../../utenfor/kilde.yaml", s / "relativ.yaml"),
            "relativ.yaml peker ut av prosjektet (../../../utenfor/kilde.yaml); lenken følges ikke",
        ),
        (
            "borte.yaml",
            lambda s, o: os.symlink(s / "finnes-ikke.yaml", s / "borte.yaml"),
            "lenken borte.yaml peker på noe som ikke finnes ({s}/finnes-ikke.yaml)",
        ),
        (
            "ring.yaml",
            lambda s, o: os.symlink(s / "ring.yaml", s / "ring.yaml"),
            "lenken ring.yaml går i ring",
        ),
        ("ror.yaml", lambda s, o: os.mkfifo(s / "ror.yaml"), "ror.yaml er ikke en vanlig fil"),
        (
            "mappe.yaml",
            lambda s, o: (s / "mappe.yaml").mkdir(),
            "mappe.yaml er en mappe, ikke en fil",
        ),
    ],
)
def test_content_files_that_cannot_be_read_are_errors_naming_them(
    tmp_path: Path, name: str, make, message: str
) -> None:
    project, outside = _project_with(tmp_path)
    sources = project / "content" / "sources"
    make(sources, outside)
    code, err = _check(project)
    shown = message.format(o=outside, s=sources)
    assert code == 1, err
    assert err == (
        f"content/sources/{name}: feil: {shown}\n"
        f"  skrevet: content/sources/{name}\n"
        f"  forventet: {LINK_EXPECTED}\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
    assert "passord" not in err


def test_a_link_in_docs_leaving_the_project_is_not_published(tmp_path: Path) -> None:
    project, outside = _project_with(tmp_path)
    (project / "docs").mkdir(exist_ok=True)
    os.symlink(outside / "hemmelig.txt", project / "docs" / "hemmelig.md")
    result = run(project, "build", "--quiet")
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"docs/hemmelig.md: feil: hemmelig.md peker ut av prosjektet ({outside}/hemmelig.txt); "
        "lenken følges ikke\n"
    )
    assert not (project / "site").exists()


def test_a_content_folder_linked_outside_is_refused(tmp_path: Path) -> None:
    project, outside = _project_with(tmp_path)
    shutil.move(project / "content" / "frameworks", outside / "frameworks")
    os.symlink(outside / "frameworks", project / "content" / "frameworks")
    code, err = _check(project)
    assert code == 1
    assert (
        f"content/frameworks: feil: frameworks peker ut av prosjektet ({outside}/frameworks); "
        "lenken følges ikke\n"
    ) in err


PROBE = (
    '#set document(title: "x", date: datetime(year: 2030, month: 1, day: 1))\n'
    '#set text(lang: "nb", font: "DejaVu Sans")\n'
    "#read({path!r})\n"
)


def _read_in_pdf(tmp_path: Path, path: str) -> bytes:
    """A PDF whose template reads ``path``, laid out with ``tmp_path / "p"`` as its root."""
    from refleks.pdfbackend import Document, compile_pdf

    template = tmp_path / "les.typ"
    template.write_text(PROBE.format(path=path).replace("'", '"'), "utf-8")
    return compile_pdf(Document("les.pdf", template, tmp_path / "p", "{}"))


@pytest.mark.parametrize("path", ["/../../etc/passwd", "../etc/passwd", "/etc/passwd"])
def test_pdf_templates_read_nothing_outside_the_project(tmp_path: Path, path: str) -> None:
    from refleks.errors import BuildFailed

    (tmp_path / "p").mkdir()
    with pytest.raises(BuildFailed, match="les.pdf: PDF-en kunne ikke lages med malen les.typ"):
        _read_in_pdf(tmp_path, path)


def test_pdf_template_reads_a_file_in_the_project(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "logo.txt").write_text("x", "utf-8")
    assert _read_in_pdf(tmp_path, "/logo.txt").startswith(b"%PDF-")


@pytest.mark.parametrize("kind", ["lenke", "rør"])
def test_the_only_file_a_pdf_reads_is_a_regular_file_inside(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Typst follows a link out of its root and waits for ever on a FIFO: the logo, the one
    file a PDF template reads, is refused before any PDF is made."""
    project = copy_project(tmp_path / "p")
    if kind == "lenke":
        os.symlink("/etc/passwd", project / "logo.png")
        message = ": feil: logoen ligger utenfor prosjektet\n  nøkkel: logo\n  skrevet: logo.png\n"
    else:
        os.mkfifo(project / "logo.png")
        message = ": feil: finner ikke logoen\n  nøkkel: logo\n  skrevet: logo.png\n"
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8") + "logo: logo.png\n", "utf-8")
    assert main(["--project", str(project), "check"]) == 1
    assert message in capsys.readouterr().err
    assert run_visit(project) == 1
    assert not (project / "out").exists()


def test_visit_does_not_write_letters_through_a_linked_out_folder(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    elsewhere = tmp_path / "et-annet-sted"
    elsewhere.mkdir()
    os.symlink(elsewhere, project / "out")
    assert run_visit(project) == 1
    assert list(elsewhere.iterdir()) == []


# ---------------------------------------------------------------- clear errors, exit 1


def _visit_project(tmp_path: Path, old: str, new: str) -> Path:
    project = copy_project(tmp_path / "p", FIXTURE)
    path = project / "content" / "visits" / "testvisitt.yaml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    return project


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'unit: Åsheim <b>bo</b> & "omsorg"',
            'unit: "Åsheim\\n"',
            "content/visits/testvisitt.yaml:3:7: feil: teksten må stå på én linje\n"
            "  nøkkel: unit\n"
            "  skrevet: Åsheim\\n\n"
            "  forventet: én linje uten linjeskift, tabulator eller andre kontrolltegn\n"
            "  tips: skriv teksten i anførselstegn på samme linje som nøkkelen, uten | eller >\n",
        ),
        (
            'time: "13:00"',
            'time: "1٣:00"',
            "content/visits/testvisitt.yaml:6:7: feil: ugyldig klokkeslett\n"
            "  nøkkel: time\n"
            "  skrevet: 1٣:00\n"
            '  forventet: TT:MM i anførselstegn, for eksempel "13:00"\n',
        ),
        (
            'time: "13:00"',
            'time: "１3:00"',
            "content/visits/testvisitt.yaml:6:7: feil: ugyldig klokkeslett\n"
            "  nøkkel: time\n"
            "  skrevet: １3:00\n"
            '  forventet: TT:MM i anførselstegn, for eksempel "13:00"\n',
        ),
        (
            "date: 2030-05-14",
            "date: 9999-12-31",
            "content/visits/testvisitt.yaml:5:7: "
            "feil: datoen er utenfor det Refleks kan regne med\n"
            "  nøkkel: date\n"
            "  skrevet: 9999-12-31\n"
            "  forventet: en dato fra år 1900 til 2199, skrevet ÅÅÅÅ-MM-DD\n",
        ),
    ],
)
def test_check_and_visit_agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    project = _visit_project(tmp_path, old, new)
    assert main(["--project", str(project), "check"]) == 1
    checked = capsys.readouterr().err
    assert run_visit(project) == 1
    visited = capsys.readouterr().err
    assert checked == message + "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    assert visited == message + (
        "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )


def test_a_logo_that_is_not_an_image(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_project(tmp_path / "p")
    (project / "logo.png").write_text("<svg onload=alert(1)>", "utf-8")
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8") + "logo: logo.png\n", "utf-8")
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert ": feil: logoen er ikke et bilde\n  nøkkel: logo\n  skrevet: logo.png\n" in err
    assert run_visit(project) == 1


def test_serve_on_a_port_in_use(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run(project, "serve", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr == (
        f"refleks: feil: porten {port} på 127.0.0.1 er allerede i bruk (kjører en "
        "forhåndsvisning fra før?); avslutt den, eller velg en annen port med --port\n"
    )
    assert "Forhåndsvisning på" not in result.stdout


def test_a_site_that_cannot_be_replaced_is_left_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno

    project = make_project(tmp_path / "p")
    old_site = project / "site"
    old_site.mkdir()
    (old_site / "index.html").write_text("den gamle siden", "utf-8")
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if Path(target) == old_site and self.name == "site" and self != old_site:
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    assert main(["--project", str(project), "build", "--quiet"]) == 1
    assert capsys.readouterr().err == (
        f"refleks: feil: nettstedet ble ikke bygd: {old_site}: disken er full; site/ er som før\n"
    )
    assert (old_site / "index.html").read_text("utf-8") == "den gamle siden"
    assert not old_site.with_name("site.old").exists()


# ---------------------------------------------------------------- spreadsheets mailed back


@pytest.fixture(scope="module")
def filled_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("plan") / "p")
    assert run_visit(project) == 0
    return project / "out" / "visits" / "testvisitt" / "tiltaksplan.xlsx"


HOSTILE_MESSAGES = {
    "stort område": None,  # read: only filled rows count, and it is quick
    "mange rader": "tiltaksplanen har 10005 utfylte rader (høyst 2000)",
    "zip-bombe": "filen blir for stor når den pakkes ut (mulig zip-bombe)",
    "XXE": "xl/worksheets/sheet1.xml i filen har en DTD eller egne entiteter, som Refleks "
    "ikke leser (de kan hente andre filer eller blåse opp teksten)",
    "entitetsbombe": "xl/worksheets/sheet1.xml i filen har en DTD eller egne entiteter, som "
    "Refleks ikke leser (de kan hente andre filer eller blåse opp teksten)",
    "XXE i arbeidsboken": "xl/workbook.xml i filen har en DTD eller egne entiteter, som "
    "Refleks ikke leser (de kan hente andre filer eller blåse opp teksten)",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_spreadsheets_are_refused_quickly(
    filled_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # refused before the bomb goes off: pytest-timeout ends the test if it does
    hostile = rewrite(filled_plan, tmp_path / "plan.xlsx", HOSTILE[name])
    code = main(["tiltaksplan", "status", str(hostile), "--dato", "2030-01-01"])
    captured = capsys.readouterr()
    if HOSTILE_MESSAGES[name] is None:
        assert code == 0
        assert "2 tiltak" in captured.out
    else:
        assert code == 2
        assert captured.err == f"refleks: feil: {hostile} leses ikke: {HOSTILE_MESSAGES[name]}\n"
        assert "root:" not in captured.out + captured.err


def test_control_characters_in_cells_are_shown_visibly(
    filled_plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wb = load_workbook(filled_plan)
    ws = next(w for w in wb.worksheets if "Tiltaksplan" in w.tables)
    first = ws.tables["Tiltaksplan"].ref.split(":")[0]
    row = int("".join(c for c in first if c.isdigit())) + 1
    ws.cell(row, 4).value = "Nattlys\rSLETTET\u009b2J på \u202eromene"
    ws.cell(row, 5).value = "Avdelings\u200fleder\u2028[31m"
    target = tmp_path / "plan.xlsx"
    wb.save(target)
    assert main(["tiltaksplan", "status", str(target), "--dato", "2030-01-01"]) == 0
    out = capsys.readouterr().out
    assert "NattlysU+000DSLETTETU+009B2J på U+202Eromene" in out
    assert "AvdelingsU+200FlederU+2028[31m" in out
    assert not any(c in out for c in "\r\u009b\u202e\u200f\u2028")
