"""``refleks new source|reflection|framework|role|theme``: files with a comment over every
field, ids from titles, references to what exists, refusals word for word, appends that
keep the author's text, and the worked example on the authors' page run as written."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from refleks.cli import main
from refleks.content.authoring.scaffold import slug

from .conftest import ROOT
from .test_editor_schema import read_yaml12

EXAMPLE_PAGE = ROOT / "docs" / "for-forfattere" / "eksempel.md"
FILL_IN = "Fyll ut feltene som begynner med «FYLL UT», og kjør: refleks check"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


def run(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--project", str(project), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Trygg overlevering med ISBAR", "trygg-overlevering-med-isbar"),
        ("Kollegastøtte etter uønskede hendelser", "kollegastotte-etter-uonskede-hendelser"),
        ("Årsplan 2027: Ærlig talt", "arsplan-2027-aerlig-talt"),
        ("2024 – Café og sånn", "cafe-og-sann"),
        ("ISBAR", "isbar"),
    ],
)
def test_slug_like_the_shipped_ids(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_new_source_is_valid_and_commented(project: Path, capsys) -> None:
    code, out, _ = run(project, capsys, "new", "source", "--title", "Trygg overlevering")
    assert code == 0
    assert out == f"Skrev content/sources/trygg-overlevering.yaml.\n{FILL_IN}\n"
    text = (project / "content" / "sources" / "trygg-overlevering.yaml").read_text("utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schema/source.schema.json"
    assert (project / "schema" / "source.schema.json").is_file()
    # a comment (the model's field documentation) right over every field
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^(\s*-\s+)?[a-z_]+:", line):
            assert lines[i - 1].lstrip().startswith("#"), line
    assert "# Utgiver, for eksempel «Ukom» eller «Helsedirektoratet».\npublisher:" in text
    data = yaml.safe_load(text)
    assert data["title"] == "Trygg overlevering" and data["kind"] == "rapport"
    code, out, err = run(project, capsys, "check")
    assert code == 0
    assert out.startswith("Innholdet er gyldig: 7 kilder,")
    # publisher, summary, and the finding's title, text and summary_of
    assert err.count("advarsel: feltet er ikke fylt ut ennå") == 5
    assert (
        "content/sources/trygg-overlevering.yaml:16:12: advarsel: feltet er ikke fylt ut ennå\n"
        "  nøkkel: publisher\n"
        "  skrevet: FYLL UT: utgiveren, for eksempel Helsedirektoratet\n"
        "  forventet: din egen tekst\n"
        "  tips: skriv inn din egen tekst i stedet for «FYLL UT: ...»\n"
    ) in err
    # --strict refuses to publish placeholders
    assert run(project, capsys, "check", "--strict")[0] == 1


def test_refuses_to_overwrite(project: Path, capsys) -> None:
    args = ("new", "source", "--title", "Ukom systemperspektiv")
    code, out, err = run(project, capsys, *args)
    assert (code, out) == (1, "")
    assert err == (
        "refleks: feil: filen content/sources/ukom-systemperspektiv.yaml finnes fra før og blir "
        "ikke overskrevet; velg en annen tittel, eller gi en egen id med --id\n"
    )
    before = (project / "content" / "roles.yaml").read_bytes()
    code, _, err = run(project, capsys, "new", "role", "--title", "Kollega")
    assert code == 1
    assert err == (
        "refleks: feil: rollen «kollega» finnes fra før i content/roles.yaml; velg en annen "
        "tittel, eller gi en egen id med --id\n"
    )
    assert (project / "content" / "roles.yaml").read_bytes() == before
    code, _, err = run(
        project, capsys, "new", "theme", "--reflection", "systemperspektiv", "--id", "ledelse",
        "--title", "Ledelse",
    )  # fmt: skip
    assert code == 1
    assert err == (
        "refleks: feil: temaet «ledelse» finnes fra før i "
        "content/reflections/systemperspektiv.yaml; velg en annen tittel, eller gi en egen id "
        "med --id\n"
    )


def test_bad_options(project: Path, capsys) -> None:
    code, _, err = run(project, capsys, "new", "reflection", "--title", "Sett")
    assert (code, err) == (2, "refleks: feil: refleks new reflection trenger --source KILDE\n")
    code, _, err = run(project, capsys, "new", "framework")
    assert (code, err) == (2, "refleks: feil: refleks new framework trenger --title TITTEL\n")
    code, _, err = run(project, capsys, "new", "reflection", "--title", "S", "--source", "nei")
    assert code == 2
    assert err == (
        "refleks: feil: kilden «nei» finnes ikke (content/sources/nei.yaml mangler); disse "
        "finnes: dyrbye-kollegastotte, hdir-pasient-og-brukersikkerhetsvisitt, "
        "hdir-vold-og-trusler, kollegastotte-etter-uonskede-hendelser, "
        "ukom-grenseoverskridende-handlinger, ukom-systemperspektiv\n"
    )
    code, _, err = run(project, capsys, "new", "source", "--title", "X", "--id", "Ikke Slik")
    assert code == 2
    assert err == (
        "refleks: feil: --id: ugyldig id: bruk små bokstaver a-z, sifre og bindestrek, og "
        "begynn med en bokstav (skrevet: «Ikke Slik»)\n"
    )


def test_role_is_appended_keeping_the_file(project: Path, capsys) -> None:
    path = project / "content" / "roles.yaml"
    before = path.read_text("utf-8")
    code, out, _ = run(project, capsys, "new", "role", "--title", "Student")
    assert code == 0
    assert out == f"La til rollen «student» i content/roles.yaml.\n{FILL_IN}\n"
    after = path.read_text("utf-8")
    # the line that gives editors the schema, then the file as it was, byte for byte
    schema_line = "# yaml-language-server: $schema=../schema/roles.schema.json\n"
    assert after.startswith(schema_line + before)
    assert (project / "schema" / "roles.schema.json").is_file()
    code, out, _ = run(project, capsys, "new", "role", "--title", "Lærling")
    assert code == 0 and path.read_text("utf-8").count(schema_line) == 1  # only once
    roles = yaml.safe_load(after)
    assert roles[-1] == {
        "id": "student",
        "label": "Student",
        "address": "FYLL UT: Til deg som ...",
        "examples": [],
        "level": 7,  # after the six shipped roles (levels 1-6)
    }
    assert run(project, capsys, "check")[0] == 0


def test_theme_goes_after_the_last_theme_even_with_keys_after_it(project: Path, capsys) -> None:
    path = project / "content" / "reflections" / "systemperspektiv.yaml"
    # the set's origin statement moved after the themes
    original = "".join(
        line
        for line in path.read_text("utf-8").splitlines(keepends=True)
        if not line.startswith("authored_by:")
    )
    path.write_text(original + "# slutt på temaene\nauthored_by: refleks\n", "utf-8")
    before = path.read_text("utf-8")
    code, out, _ = run(
        project, capsys, "new", "theme", "--reflection", "systemperspektiv", "--title",
        "Etter vakten", "--role", "kollega",
    )  # fmt: skip
    assert code == 0
    themes = yaml.safe_load(original)["themes"]
    number = max(t["number"] for t in themes) + 1
    assert out.splitlines()[0] == (
        f"La til temaet «etter-vakten» (nummer {number}) i "
        "content/reflections/systemperspektiv.yaml."
    )
    after = path.read_text("utf-8")
    data = yaml.safe_load(after)
    assert data["authored_by"] == "refleks"
    assert data["themes"][:-1] == themes
    assert data["themes"][-1]["id"] == "etter-vakten"
    assert data["themes"][-1]["questions"] == {"kollega": ["FYLL UT: et spørsmål til rollen"]}
    # every line of the author's file is still there, in the same order
    kept = iter(after.splitlines())
    assert all(line in kept for line in before.splitlines())
    assert after.endswith("# slutt på temaene\nauthored_by: refleks\n")
    assert run(project, capsys, "check")[0] == 0


def example_steps() -> list[tuple[str, str]]:
    """The console and YAML blocks of the example page, in order."""
    text = EXAMPLE_PAGE.read_text("utf-8")
    return re.findall(r"^```(console|yaml)\n(.*?)^```$", text, flags=re.M | re.S)


def test_worked_example_prints_what_the_page_shows(project: Path, capsys) -> None:
    steps = example_steps()
    commands = checked = 0
    last_written: Path | None = None
    for kind, block in steps:
        if kind == "yaml":
            if last_written is not None and block.startswith("# yaml-language-server"):
                last_written.write_text(block, "utf-8")  # the file as the page shows it filled in
                last_written = None
            continue
        last_written = None  # a YAML block fills in the file of the commands right before it
        pattern = r"^\$ ((?:.*\\\n)*.*)\n((?:(?!\$ ).*\n)*)"  # a command may go on after \\
        for command, expected in re.findall(pattern, block, flags=re.M):
            args = shlex.split(command.replace("\\\n", " "))
            assert args[0] == "refleks"
            _code, out, err = run(project, capsys, *args[1:])
            commands += 1
            got = (err + out).splitlines()
            assert_matches(got, expected.splitlines(), command)
            for line in out.splitlines():
                if line.startswith("Skrev "):
                    last_written = project / line.removeprefix("Skrev ").rstrip(".")
    assert commands == 7
    # what the commands wrote is valid against the JSON Schema an editor reads
    for path in [*project.glob("content/*/*.yaml"), *project.glob("content/*.yaml")]:
        text = path.read_text("utf-8")
        first = text.splitlines()[0]
        if first.startswith("# yaml-language-server: $schema="):
            schema_path = (path.parent / first.split("$schema=", 1)[1]).resolve()
            validator = jsonschema.Draft202012Validator(json.loads(schema_path.read_text()))
            errors = validator.iter_errors(read_yaml12(text))
            errors = [f"{e.json_path}: {e.message}" for e in errors]
            assert errors == [], path
            checked += 1
    assert checked == 4  # the source, the framework, the set and roles.yaml


def assert_matches(got: list[str], want: list[str], command: str) -> None:
    """``want`` line for line; a line ``...`` stands for any lines."""
    if "..." not in want:
        assert got == want, command
        return
    cut = want.index("...")
    head, tail = want[:cut], want[cut + 1 :]
    assert got[:cut] == head, command
    assert got[len(got) - len(tail) :] == tail, command


def test_titles_that_look_like_yaml_are_kept_exactly(project: Path, capsys) -> None:
    title = 'Tid: 12:30 # «Ærlig» "talt" & <b>nei</b> {a}'
    code, out, _ = run(project, capsys, "new", "source", "--title", title)
    assert code == 0
    assert out.splitlines()[0] == "Skrev content/sources/tid-12-30-aerlig-talt-b-nei-b-a.yaml."
    text = (project / "content" / "sources" / "tid-12-30-aerlig-talt-b-nei-b-a.yaml").read_text()
    assert yaml.safe_load(text)["title"] == title
    assert f"# Kilde: {title}\n" in text  # the heading comment, not HTML-escaped
    assert run(project, capsys, "check")[0] == 0


def test_role_in_a_file_with_indented_entries_and_no_last_newline(project: Path, capsys) -> None:
    path = project / "content" / "roles.yaml"
    path.write_text(
        "# mine roller\n"
        "  - id: kollega\n"
        "    label: Kollega\n"
        "    address: Til deg som er kollega\n"
        "    level: 2",
        "utf-8",
    )
    for reflection in (project / "content" / "reflections").glob("*.yaml"):
        reflection.unlink()  # they ask roles this file no longer has
    assert run(project, capsys, "new", "role", "--title", "Student", "--id", "stud")[0] == 0
    after = path.read_text("utf-8")
    assert after.startswith(
        "# yaml-language-server: $schema=../schema/roles.schema.json\n"
        "# mine roller\n  - id: kollega\n    label: Kollega\n"
    )
    assert '\n  - id: stud\n    # Kort navn til menyer og filtre.\n    label: "Student"\n' in after
    roles = yaml.safe_load(after)
    assert [(r["id"], r["level"]) for r in roles] == [("kollega", 2), ("stud", 3)]


def test_theme_refused_when_the_set_has_no_theme_list(project: Path, capsys) -> None:
    path = project / "content" / "reflections" / "kollegastotte.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    path.write_text(f"id: kollegastotte\nsource: {data['source']}\nthemes: []\n", "utf-8")
    code, _, err = run(
        project, capsys, "new", "theme", "--reflection", "kollegastotte", "--title", "Nytt"
    )
    assert code == 2
    assert err == (
        "refleks: feil: content/reflections/kollegastotte.yaml har ingen liste «themes:» å "
        "legge temaet til; rett filen (refleks check sier hva som er galt) først\n"
    )


def test_every_field_of_the_model_is_in_the_new_file_with_its_comment(
    project: Path, capsys
) -> None:
    from refleks.content import schema

    run(project, capsys, "new", "source", "--title", "Kilde")
    run(project, capsys, "new", "framework", "--title", "Verktøy", "--source", "kilde")
    run(project, capsys, "new", "reflection", "--title", "Sett", "--source", "kilde")
    run(project, capsys, "new", "role", "--title", "Student")
    content = project / "content"
    files = [
        (content / "sources" / "kilde.yaml", schema.Source),
        (content / "frameworks" / "verktoy.yaml", schema.Framework),
        (content / "reflections" / "sett.yaml", schema.Reflection),
        (content / "reflections" / "sett.yaml", schema.Theme),
        (content / "roles.yaml", schema.Role),
    ]
    for path, model in files:
        lines = path.read_text("utf-8").splitlines()
        for name, info in model.model_fields.items():
            at = [i for i, line in enumerate(lines) if re.match(rf"^\s*(# )?(- )?{name}:", line)]
            assert at, f"{path.name}: {name}"
            # the field's documentation is in the comment block right above (lines about the
            # allowed values or the ids may follow it)
            above = [comment_above(lines, i) for i in at]
            first_words = " ".join((info.description or "").split()[:3])
            assert any(first_words in block for block in above), f"{path.name}: {name}"


def comment_above(lines: list[str], index: int) -> str:
    start = index
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    return " ".join(line.strip().lstrip("# ") for line in lines[start:index])


def test_never_writes_through_a_link_out_of_the_project(
    project: Path, tmp_path_factory: pytest.TempPathFactory, capsys
) -> None:
    outside = tmp_path_factory.mktemp("utenfor")
    (project / "content" / "frameworks").rename(project / "gammel")
    (project / "content" / "frameworks").symlink_to(outside, target_is_directory=True)
    code, out, err = run(project, capsys, "new", "framework", "--title", "Nytt")
    assert (code, out) == (1, "")
    assert err == (
        f"content/frameworks: feil: frameworks peker ut av prosjektet ({outside}); lenken "
        "følges ikke\n"
        "  skrevet: content/frameworks\n"
        "  forventet: en mappe inne i prosjektet, eller en lenke til en\n"
        "  tips: fjern lenken, eller bruk en mappe i prosjektet\n"
        "\n"
        "1 feil i innholdet, så ingen sider eller dokumenter er laget. "
        "Rett den og kjør kommandoen på nytt.\n"
    )
    assert list(outside.iterdir()) == []
