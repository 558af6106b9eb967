"""Untrusted files stay harmless (issue 29): one rule for one-line text, control characters
refused by ``check`` and shown as ``U+XXXX`` in everything Refleks prints, and the smaller
holes of the second adversarial round. Messages word for word, worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from refleks.cli import main
from refleks.errors import ShownStream, shown

from .test_year_plan import PLAN, PLAN_FILE
from .walkround_helpers import FIXTURE, copy_project, run_visit

VISIT_FILE = "content/visits/testvisitt.yaml"
ONE_LINE_EXPECTED = "én linje uten linjeskift, tabulator eller andre kontrolltegn"
BLOCK_HINT = "skriv teksten i anførselstegn på samme linje som nøkkelen, uten | eller >"
CHECK_END = "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
COMMAND_END = (
    "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
    "Rett den og kjør kommandoen på nytt.\n"
)
COPY_HINT = "det kommer gjerne fra en kopi fra et annet program"

# one-line values `check` and the browser form must both refuse: (value, as a message shows
# it, the first refused character as the hint names it)
ONE_LINE_CORPUS: list[tuple[str, str, str]] = [
    ("A\x01B", "AU+0001B", "U+0001"),
    ("A\vB", "AU+000BB", "U+000B"),
    ("A\fB", "AU+000CB", "U+000C"),
    ("A\tB", "AU+0009B", "U+0009"),
    ("A\rB", "AU+000DB", "U+000D"),
    ("A\nB", "A\\nB", "\\n"),
    ("A\x1b[2JB", "AU+001B[2JB", "U+001B"),
    ("A\x1b]0;x\x07B", "AU+001B]0;xU+0007B", "U+001B"),
    ("A\x7fB", "AU+007FB", "U+007F"),
    ("A\x85B", "AU+0085B", "U+0085"),
    ("A\x9b2KB", "AU+009B2KB", "U+009B"),
    ("A\u2028B", "AU+2028B", "U+2028"),
    ("A\u2029B", "AU+2029B", "U+2029"),
]
# one-line values both accept
ONE_LINE_ACCEPTED = ["Åsheim bo- og omsorgssenter", "Møterom «2» – 3. etg.", "A\u00a0B"]


def _project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def _replace(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def _check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--project", str(project), "check"])
    out, err = capsys.readouterr()
    return code, out, err


def _quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value)


# ---------------------------------------------------------------- one-line text in `check`


@pytest.mark.parametrize(("value", "written", "char"), ONE_LINE_CORPUS)
def test_check_refuses_a_unit_that_is_not_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str, written: str, char: str
) -> None:
    project = _project(tmp_path)
    _replace(project, VISIT_FILE, 'unit: Åsheim <b>bo</b> & "omsorg"', f"unit: {_quoted(value)}")
    hint = BLOCK_HINT if char == "\\n" else f"fjern tegnet {char}; {COPY_HINT}"
    code, out, err = _check(project, capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{VISIT_FILE}:3:7: feil: teksten må stå på én linje\n"
        "  nøkkel: unit\n"
        f"  skrevet: {written}\n"
        f"  forventet: {ONE_LINE_EXPECTED}\n"
        f"  tips: {hint}\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


@pytest.mark.parametrize("value", ONE_LINE_ACCEPTED)
def test_check_accepts_ordinary_one_line_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    project = _project(tmp_path)
    _replace(project, VISIT_FILE, 'unit: Åsheim <b>bo</b> & "omsorg"', f"unit: {_quoted(value)}")
    code, _, err = _check(project, capsys)
    assert code == 0, err


def test_action_change_text_with_a_control_character_is_refused_before_any_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: `visit` ended in "uventet feil … cannot be used in worksheets" (exit 3)
    project = _project(tmp_path)
    _replace(project, VISIT_FILE, "{text: Nattlys på alle rom", '{text: "Nattlys\\v på alle rom"')
    expected = (
        f"{VISIT_FILE}:21:16: feil: teksten må stå på én linje\n"
        "  nøkkel: actions[0].changes[0].text\n"
        "  skrevet: NattlysU+000B på alle rom\n"
        f"  forventet: {ONE_LINE_EXPECTED}\n"
        f"  tips: fjern tegnet U+000B; {COPY_HINT}\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
    assert _check(project, capsys) == (1, "", expected)
    assert run_visit(project) == 1
    assert capsys.readouterr().err == expected.replace(CHECK_END, COMMAND_END)
    assert not (project / "out").exists()


def test_multi_line_text_may_hold_line_breaks_but_no_other_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    _replace(
        project,
        VISIT_FILE,
        'problem: "=SUM(A1:A3) fall om natten"',
        'problem: "Fall om natten\\nog\\tom dagen\\x01\\e[2J"',
    )
    code, out, err = _check(project, capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{VISIT_FILE}:17:14: feil: teksten har et kontrolltegn (U+0001)\n"
        "  nøkkel: actions[0].problem\n"
        "  skrevet: Fall om natten\\nogU+0009om dagenU+0001U+001B[2J\n"
        "  forventet: tekst uten kontrolltegn (bare linjeskift og tabulator går an)\n"
        f"  tips: fjern tegnet U+0001; {COPY_HINT}\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
    assert "\x1b" not in err


def test_check_echoes_no_escape_osc_or_bell_from_the_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    hostile = "\x1b]52;c;aGVp\x07\x1b]0;tittel\x07\x1b[2J\x1bc"
    old = "location: Møterommet, 2. etasje"
    _replace(project, VISIT_FILE, old, f"location: {_quoted(hostile)}")
    code, _, err = _check(project, capsys)
    assert code == 1
    assert "  skrevet: U+001B]52;c;aGVpU+0007U+001B]0;tittelU+0007U+001B[2JU+001Bc\n" in err
    assert not set(err) & {"\x1b", "\x07", "\x9b", "\r"}


def test_year_plan_title_as_a_block_scalar_is_refused_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "uventet feil: Content line can not contain unescaped new line characters"
    project = _project(tmp_path)
    (project / "content" / "plans").mkdir()
    text = PLAN.read_text("utf-8").replace(
        "title: Visitter i Øvre Æsøy 2030", "title: |\n  Visitter i Øvre Æsøy 2030"
    )
    (project / PLAN_FILE).write_text(text, "utf-8")
    expected = (
        f"{PLAN_FILE}:3:8: feil: teksten må stå på én linje\n"
        "  nøkkel: title\n"
        "  skrevet: Visitter i Øvre Æsøy 2030\\n\n"
        f"  forventet: {ONE_LINE_EXPECTED}\n"
        f"  tips: {BLOCK_HINT}\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
    assert _check(project, capsys) == (1, "", expected)
    assert main(["--project", str(project), "visit", "--plan", "arsplan-2030"]) == 1
    assert capsys.readouterr().err == expected.replace(CHECK_END, COMMAND_END)
    assert not (project / "out").exists()


def test_year_plan_title_with_escape_does_not_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    (project / "content" / "plans").mkdir()
    text = PLAN.read_text("utf-8").replace(
        "title: Visitter i Øvre Æsøy 2030", 'title: "\\e[2J\\e[HVisitter"'
    )
    (project / PLAN_FILE).write_text(text, "utf-8")
    code, _, err = _check(project, capsys)
    assert code == 1
    assert "  skrevet: U+001B[2JU+001B[HVisitter\n" in err
    assert "\x1b" not in err


@pytest.mark.parametrize(
    ("file", "old", "new", "line_col", "key", "written", "char"),
    [
        (  # was: a Typst error blaming templates/handouts/print.typ
            "content/reflections/sett.yaml",
            "title: Et tema",
            'title: "Et\\x01tema"',
            "9:12",
            "themes[0].title (tema 1)",
            "EtU+0001tema",
            "U+0001",
        ),
        (  # was: an imsmanifest.xml that is not well-formed XML
            "content/reflections/sett.yaml",
            "title: Et refleksjonssett",
            'title: "Et\\v\\frefleksjonssett"',
            "3:8",
            "title",
            "EtU+000BU+000Crefleksjonssett",
            "U+000B",
        ),
    ],
)
def test_titles_with_control_characters_are_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    old: str,
    new: str,
    line_col: str,
    key: str,
    written: str,
    char: str,
) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURE.parent / "minimal", project)
    _replace(project, file, old, new)
    assert _check(project, capsys) == (
        1,
        "",
        f"{file}:{line_col}: feil: teksten må stå på én linje\n"
        f"  nøkkel: {key}\n"
        f"  skrevet: {written}\n"
        f"  forventet: {ONE_LINE_EXPECTED}\n"
        f"  tips: fjern tegnet {char}; {COPY_HINT}\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n",
    )
    for command in (["export", "scorm"], ["build"]):
        assert main(["--project", str(project), *command]) == 1
    capsys.readouterr()
    assert not (project / "site").exists()
    assert not (project / "out").exists()


# ---------------------------------------------------------------- what Refleks prints


def test_shown_stream_makes_every_control_character_visible_but_line_breaks() -> None:
    target = io.StringIO()
    stream = ShownStream(target)
    assert stream.write("a\x1b[2J\r\x07\x9b\u202e\tb\n") == 12
    assert target.getvalue() == "aU+001B[2JU+000DU+0007U+009BU+202E\tb\n"


def test_usage_errors_show_what_was_typed_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    assert main(["--project", str(project), "visit", "\x1b]0;x\x07\x1b[2J"]) == 2
    out, err = capsys.readouterr()
    assert "U+001B]0;xU+0007U+001B[2J" in err
    assert not set(out + err) & {"\x1b", "\x07"}


def test_new_source_id_with_a_trailing_line_break_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: wrote content/sources/zz-abc⏎.yaml (the id pattern let a trailing newline through)
    project = tmp_path / "p"
    shutil.copytree(FIXTURE.parent / "minimal", project)
    before = sorted(p.name for p in (project / "content" / "sources").iterdir())
    code = main(["--project", str(project), "new", "source", "--id", "zz-abc\n", "--title", "X"])
    assert code == 2
    assert capsys.readouterr().err == (
        "refleks: feil: --id: ugyldig id: bruk små bokstaver a-z, sifre og bindestrek, "
        "og begynn med en bokstav (skrevet: «zz-abc\\n»)\n"
    )
    assert sorted(p.name for p in (project / "content" / "sources").iterdir()) == before


def test_actionplan_status_folder_shows_cr_and_csi_from_cells(
    kit_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "planer" / "a"
    folder.mkdir(parents=True)
    plan = folder / "tiltaksplan.xlsx"
    shutil.copy(kit_dir / "tiltaksplan.xlsx", plan)
    wb = load_workbook(plan)
    ws = wb["Tiltaksplan"]
    ws["D7"], ws["E7"], ws["F7"] = "Ny rutine\rALT OK", "Leder\x9b2K", dt.datetime(2030, 1, 2)
    wb.properties.title = "Tiltaksplan – Almehaugen\r\x9b2KALT OK"
    wb.save(plan)
    before = plan.read_bytes()
    code = main(["actionplan", "status", str(folder.parent), "--date", "2030-07-15"])
    out, err = capsys.readouterr()
    assert code == 1, err
    assert "AlmehaugenU+000DU+009B2KALT OK" in out
    assert "  - AlmehaugenU+000DU+009B2KALT OK: Ny rutineU+000DALT OK (LederU+009B2K, " in out
    assert not set(out + err) & {"\r", "\x9b", "\x1b"}
    assert plan.read_bytes() == before
    code = main(["actionplan", "status", str(plan), "--date", "2030-07-15"])
    out, err = capsys.readouterr()
    assert "Ny rutineU+000DALT OK (LederU+009B2K, frist 02.01.2030)" in out
    assert not set(out + err) & {"\r", "\x9b", "\x1b"}


# ---------------------------------------------------------------- the format writers


def test_calendar_texts_escape_line_breaks_and_show_control_characters() -> None:
    import icalendar

    from refleks.walkround.documents.calendar import ical_text

    cal = icalendar.Calendar()
    cal.add("x-wr-calname", ical_text("Visitter\r\nBEGIN:VALARM;\x01"))
    assert cal.to_ical() == (
        b"BEGIN:VCALENDAR\r\nX-WR-CALNAME:VisitterU+000D\\nBEGIN:VALARM\\;U+0001\r\n"
        b"END:VCALENDAR\r\n"
    )


def test_cell_and_xml_text_keep_line_breaks_and_tabs_only() -> None:
    assert shown("a\nb\tc\x0bd\x0ce\x01") == "a\nb\tcU+000BdU+000CeU+0001"


def test_xlsx_cells_with_control_characters_are_saved_shown() -> None:
    # was: "uventet feil … cannot be used in worksheets" (exit 3)
    from openpyxl import Workbook

    from refleks.walkround.documents import actionplans

    wb = Workbook()
    actionplans._text(wb.active.cell(1, 1), "=Fall\vom\x01natten\nny linje")
    out = io.BytesIO()
    wb.save(out)
    cell = load_workbook(io.BytesIO(out.getvalue())).active.cell(1, 1)
    assert (cell.value, cell.data_type) == ("=FallU+000BomU+0001natten\nny linje", "s")


# ---------------------------------------------------------------- the smaller holes


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    """``refleks build`` in a process of its own, standing in the project: the handouts' PDF
    workers are not forked from a test process that has run other commands."""
    return subprocess.run(
        [sys.executable, "-m", "refleks", "build", "--quiet"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _built(tmp_path: Path) -> Path:
    from .test_bad_input import make_project

    project = make_project(tmp_path / "p")
    assert _build(project).returncode == 0
    return project


def test_a_site_file_replaced_by_a_dangling_link_is_kept_and_named(tmp_path: Path) -> None:
    # was: "nettstedet ble ikke bygd: /tmp/…: finnes fra før"
    project = _built(tmp_path)
    link = project / "site" / "anbefalinger.html"
    link.unlink()
    link.symlink_to(tmp_path / "finnes-ikke")
    result = _build(project)
    assert result.returncode == 0
    assert result.stderr == (
        "Disse filene er endret for hånd og ble ikke overskrevet "
        "(bruk --force for å overskrive dem):\n"
        "  site/anbefalinger.html\n"
    )
    assert link.is_symlink() and link.readlink() == tmp_path / "finnes-ikke"


@pytest.mark.parametrize(("where", "target"), [("docs/loop", "."), ("docs/sub/loop", "..")])
def test_a_link_in_docs_to_a_folder_it_lies_in_is_named(
    tmp_path: Path, where: str, target: str
) -> None:
    # was: "nettstedet ble ikke bygd: feil fra operativsystemet (kode None)"
    project = _built(tmp_path)
    before = sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))
    link = project / where
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    result = _build(project)
    assert result.returncode == 1
    assert result.stderr == (
        f"{where}: feil: lenken loop går i ring\n"
        f"  skrevet: {where}\n"
        "  forventet: en vanlig fil eller mappe inne i prosjektet, eller en lenke til en\n"
        "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )
    after = sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))
    assert after == before


def test_many_plain_values_are_not_called_an_alias_bomb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURE.parent / "minimal", project)
    items = "".join("  - x\n" for _ in range(250_000))
    (project / "content" / "frameworks" / "verktoy.yaml").write_text(
        f"id: verktoy\na:\n{items}", "utf-8"
    )
    # the root table, the id and the list are values 1-3: item 199,997 (line 200,000) is the
    # 200,001st value
    assert _check(project, capsys) == (
        1,
        "",
        "content/frameworks/verktoy.yaml:200000:5: feil: filen har for mange verdier\n"
        "  nøkkel: a[199997]\n"
        "  forventet: høyst 200000 verdier i én fil\n"
        "  tips: del innholdet i flere filer\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n",
    )


# ---------------------------------------------------------------- custom letter templates


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "malen brukte mer enn 2 sekunder eller 200 MB minne "
            "(en løkke som aldri slutter, eller som gjentar for mye?)",
        ),
        (
            '{% set s = "x" * 1000000000 %}{{ s|length }}',
            "malen brukte mer enn 2 sekunder eller 200 MB minne "
            "(en løkke som aldri slutter, eller som gjentar for mye?)",
        ),
        (
            "{{ tittel.__class__.__mro__ }}",
            "malen prøver noe som ikke er tillatt: access to attribute '__class__' of 'str' "
            "object is unsafe.",
        ),
    ],
)
def test_custom_letter_template_is_stopped_and_named(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    body: str,
    detail: str,
) -> None:
    from docx import Document

    from refleks.walkround.documents import office

    monkeypatch.setattr(office, "RENDER_SECONDS", 2)
    monkeypatch.setattr(office, "RENDER_MEMORY", 200 << 20)
    project = _project(tmp_path)
    doc = Document()
    doc.add_paragraph("Vår egen brevmal")
    doc.add_paragraph(body)
    (project / "maler").mkdir()
    doc.save(str(project / "maler" / "brev.docx"))
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8") + "letter_template: maler/brev.docx\n", "utf-8")
    assert run_visit(project) == 1
    assert capsys.readouterr().err == (
        "content/site.yaml:6:18: feil: brevmalen maler/brev.docx kan ikke fylles ut\n"
        "  nøkkel: letter_template\n"
        f"  skrevet: {detail}\n"
        "  forventet: en DOCX-fil med gyldige {{ felt }}\n"
        "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )
    assert not (project / "out").exists()


# ---------------------------------------------------------------- year plans


def test_a_year_plan_beyond_the_maximum_is_refused_up_front(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import holidays

    project = _project(tmp_path)
    (project / "content" / "plans").mkdir()
    head = PLAN.read_text("utf-8").split("visits:\n")[0] + "visits:\n"
    free = holidays.Norway(years=range(2030, 2033))
    days = [dt.date(2030, 1, 1) + dt.timedelta(days=n) for n in range(3 * 365)]
    days = [d for d in days if d.weekday() < 5 and d not in free][:501]
    entries = "".join(
        f"  - id: v{i:04}\n    unit: Enhet {i}\n"
        "    unit_leader: {name: Leder, title: avdelingsleder}\n"
        f"    date: {day.isoformat()}\n"
        for i, day in enumerate(days)
    )
    (project / PLAN_FILE).write_text(head + entries, "utf-8")
    # the 501st visit (visits[500]) starts 4 lines per visit after the 14 lines of the head
    line = len(head.splitlines()) + 4 * 500 + 1
    error = (
        f"{PLAN_FILE}:{line}:9: feil: 501 visitter i samme årsplan; "
        "Refleks lager høyst 500 i én kjøring\n"
        "  nøkkel: visits[500].id (visitt 501)\n"
        "  skrevet: v0500\n"
        "  forventet: høyst 500 visitter i en årsplan (eller i content/visits/)\n"
        "  tips: del visittene på flere årsplaner, for eksempel én per halvår\n"
    )
    assert len(head.splitlines()) == 14
    code, _, err = _check(project, capsys)
    assert code == 1
    assert error in err and err.endswith(
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )
    assert main(["--project", str(project), "visit", "--plan", "arsplan-2030"]) == 1
    err = capsys.readouterr().err
    assert error in err and err.endswith(
        "\n1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )
    assert not (project / "out").exists()
