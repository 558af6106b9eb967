"""«Lag visittbrev» treats an opened visit file as untrusted (issue 29): the hostile files of
the second adversarial round are opened in Chromium, and every download the tool can still
make is read back. The form and ``refleks check`` refuse the same one-line corpus
(``tests/test_untrusted.py``), with the same message, key, written value and hint.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml

from refleks.cli import main

from .browser import wait_until
from .test_tool_visit import context, download, open_tool, submit, summary  # noqa: F401
from .test_untrusted import (
    BLOCK_HINT,
    COPY_HINT,
    ONE_LINE_ACCEPTED,
    ONE_LINE_CORPUS,
    ONE_LINE_EXPECTED,
)
from .walkround_helpers import FIXTURE, VISIT

pytestmark = pytest.mark.slow
BASE = yaml.safe_load((FIXTURE / "content" / "visits" / f"{VISIT}.yaml").read_text("utf-8"))
BASE["date"] = "2030-05-14"  # a string: the file is written as JSON (which YAML reads)
for _action in BASE["actions"]:
    for _change in _action["changes"]:
        _change["due"] = _change["due"].isoformat()
REFUSED = "er ikke lest inn: filen har tekst som refleks check ikke godtar."


@pytest.fixture
def page(context: Any, default_site: Path) -> Iterator[Any]:  # noqa: F811
    yield from open_tool(context, default_site)


def _visit_file(folder: Path, name: str, **changes: Any) -> Path:
    data = {**BASE, **changes}
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=True, indent=1), "utf-8")
    return path


def _open(page: Any, path: Path) -> str:
    # the same file name twice is a change only when the field was emptied in between
    page.evaluate(
        "document.getElementById('status').textContent = '';"
        "document.getElementById('visittfil').value = ''"
    )
    page.set_input_files("#visittfil", str(path))
    wait_until(page, "document.getElementById('status').textContent !== ''")
    return page.inner_text("#status")


def test_form_and_check_refuse_the_same_one_line_values(
    page: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p"
    shutil.copytree(FIXTURE / "content", project / "content")
    target = project / "content" / "visits" / f"{VISIT}.yaml"
    for value, written, char in ONE_LINE_CORPUS:
        hint = BLOCK_HINT if char == "\\n" else f"fjern tegnet {char}; {COPY_HINT}"
        lines = [
            "feil: teksten må stå på én linje",
            "nøkkel: unit",
            f"skrevet: {written}",
            f"forventet: {ONE_LINE_EXPECTED}",
            f"tips: {hint}",
        ]
        hostile = _visit_file(tmp_path, "fiendtlig.yaml", unit=value)
        shutil.copy(hostile, target)
        assert main(["--project", str(project), "check"]) == 1
        err = capsys.readouterr().err
        assert err.splitlines()[0].endswith(f": {lines[0]}"), repr(value)
        assert err.splitlines()[1:5] == ["  " + line for line in lines[1:]], repr(value)
        assert err.endswith("\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"), (
            repr(value)
        )
        assert _open(page, hostile) == f"fiendtlig.yaml {REFUSED}", repr(value)
        assert page.inner_text("#visittfil-feil").splitlines() == lines, repr(value)
        assert summary(page) == ["unit: feil: teksten må stå på én linje"], repr(value)
        assert page.input_value("#unit") == "", repr(value)  # nothing reached the form
    for value in ONE_LINE_ACCEPTED:
        fine = _visit_file(tmp_path, "grei.yaml", unit=value)
        shutil.copy(fine, target)
        assert main(["--project", str(project), "check"]) == 0, capsys.readouterr().err
        assert _open(page, fine) == "Visittfilen grei.yaml er lest inn.", repr(value)
        assert page.input_value("#unit") == value
        page.evaluate("document.getElementById('unit').value = ''")


@pytest.mark.parametrize(
    ("changes", "path", "written", "message", "hint"),
    [
        (  # was: the calendar's UID line ended and five alarms followed
            {"id": "v\r\nBEGIN:VALARM\r\nDESCRIPTION:Visitten er flyttet - ring 820 00 000"},
            "id",
            "vU+000D\\nBEGIN:VALARMU+000D\\nDESCRIPTION:Visitten er flyttet - ring 820 00 000",
            "teksten må stå på én linje",
            f"fjern tegnet U+000D; {COPY_HINT}",
        ),
        (  # was: saved unquoted, so the visit file gained a `contact:` key
            {"method": "pasientsikkerhetsvisitt\ncontact: {name: Svindler, phone: 820 00 000}"},
            "method",
            "pasientsikkerhetsvisitt\\ncontact: {name: Svindler, phone: 820 00 000}",
            "teksten må stå på én linje",
            BLOCK_HINT,
        ),
        (  # was: a DOCX that Word calls corrupt
            {"contact": {"name": "Ola\vKoordinator", "phone": "123 45 678"}},
            "contact.name",
            "OlaU+000BKoordinator",
            "teksten må stå på én linje",
            f"fjern tegnet U+000B; {COPY_HINT}",
        ),
        (
            {"id": "Svindel"},
            "id",
            "Svindel",
            "ugyldig id",
            "bruk ikke store bokstaver, æ, ø, å, mellomrom, / eller punktum i id-er",
        ),
        (
            {"actions": [{"problem": "Fall\x01", "changes": []}]},
            "actions[0].problem",
            "FallU+0001",
            "teksten har et kontrolltegn (U+0001)",
            f"fjern tegnet U+0001; {COPY_HINT}",
        ),
    ],
)
def test_hostile_visit_files_are_refused_and_no_file_can_be_made(
    page: Any,
    tmp_path: Path,
    changes: dict[str, Any],
    path: str,
    written: str,
    message: str,
    hint: str,
) -> None:
    downloads: list[Any] = []
    page.on("download", lambda d: downloads.append(d))
    page.on("popup", lambda p: downloads.append(p))
    # a good visit first: its files must not be offered for the hostile one
    assert _open(page, _visit_file(tmp_path, "god.yaml")) == "Visittfilen god.yaml er lest inn."
    submit(page)
    assert page.is_visible("#last-ned-ics")
    hostile = _visit_file(tmp_path, "fiendtlig.yaml", **changes)
    assert _open(page, hostile) == f"fiendtlig.yaml {REFUSED}"
    assert summary(page) == [f"{path}: feil: {message}"]
    box = page.inner_text("#visittfil-feil").splitlines()
    assert box[1:3] == [f"nøkkel: {path}", f"skrevet: {written}"]
    assert box[-1] == f"tips: {hint}"
    assert not page.is_visible("#resultat")
    # the buttons make nothing even when clicked by a script: each handler calls its file
    # maker (or makes an object URL, or opens a window) before anything it awaits, so when
    # the clicks return, a count of those calls is final (no waiting for a download)
    made = page.evaluate(
        """() => {
            const made = [];
            const watch = (owner, name) => {
                const real = owner[name];
                owner[name] = (...args) => { made.push(name); return real.apply(owner, args); };
                return () => { owner[name] = real; };
            };
            const files = window.RefleksVisitFiles;
            const undo = [watch(URL, 'createObjectURL'), watch(window, 'open'),
                          ...['toIcs', 'toYaml', 'letterDocx', 'letterHtml'].map(
                              (name) => watch(files, name))];
            ['last-ned-ics', 'last-ned-yaml', 'last-ned-docx', 'skriv-ut']
                .forEach((id) => document.getElementById(id).click());
            undo.forEach((restore) => restore());
            return made;
        }"""
    )
    assert made == []
    assert downloads == []


def test_odd_but_allowed_values_are_saved_quoted_and_escaped(page: Any, tmp_path: Path) -> None:
    unit = 'Åsheim: "bo" # og; omsorg, \\ A\u00a0B'
    odd = _visit_file(
        tmp_path,
        "rar.yaml",
        unit=unit,
        location="Rom 1; 2, 3",
        contact={"name": "no", "phone": "0047 123"},
        **{"rar nøkkel": "yes", "tall": "013"},
    )
    assert _open(page, odd) == "Visittfilen rar.yaml er lest inn."
    submit(page)
    name, data = download(page, "last-ned-yaml")
    assert name == "testvisitt.yaml"
    saved = yaml.safe_load(data)
    assert saved["unit"] == unit
    assert saved["contact"] == {"name": "no", "phone": "0047 123"}
    assert (saved["rar nøkkel"], saved["tall"]) == ("yes", "013")
    assert set(saved) == set(BASE) | {"method", "rar nøkkel", "tall"}
    name, data = download(page, "last-ned-ics")
    cal = icalendar.Calendar.from_ical(data)
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == 5
    assert [c for c in cal.walk() if c.name == "VALARM"] == []
    assert sorted(str(e["UID"]) for e in events) == sorted(
        f"testvisitt-{key}@refleks"
        for key in ("brev", "paminnelse", "visitt", "referat", "oppfolging")
    )
    assert str(events[0]["SUMMARY"]).endswith(unit)
    assert [str(e["LOCATION"]) for e in events if "LOCATION" in e] == ["Rom 1; 2, 3"]
