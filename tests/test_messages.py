"""The messages of check, build and session in the project's language: nynorsk word for word
when ``content/site.yaml`` says ``language: nn``, bokmål otherwise, and a complete catalogue.

The expected nynorsk texts are written by hand here (not read from the catalogue), so a
changed translation shows up as a failing test, as a changed bokmål message does."""

from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from refleks import catalogues
from refleks.cli import main
from refleks.messages import _, localized, project_language, speaking
from refleks.walkround import i18n

from .conftest import ROOT
from .test_nynorsk import BOKMAL_ONLY, _words

TEMPLATES = ROOT / "templates"
MISSPELT = """\
id: sett
source: kilde
title: Et refleksjonssett
authored_by: kilden
instruction: Ta utgangspunkt i ditt ansvarsområde.
themes:
  - id: tema
    number: 1
    tittel: Et tema
    intro: Innledning til temaet.
    notes: Notater til lederen.
    questions:
      leder:
        - Hva gjør du?
      kollega:
        - Hva ser du?
        - Hva sier du?
"""


def _project(tmp_path: Path, language: str) -> Path:
    project = tmp_path / "prosjekt"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", project)
    site = project / "content" / "site.yaml"
    site.write_text(site.read_text("utf-8").replace("language: nb", f"language: {language}"))
    return project


def _misspelt(project: Path) -> None:
    sett = project / "content" / "reflections" / "sett.yaml"
    assert "  - id: tema\n    number: 1\n    title: Et tema\n" in sett.read_text("utf-8")
    sett.write_text(MISSPELT, "utf-8")


ERROR_NN = """\
content/reflections/sett.yaml:9:5: feil: ukjend nøkkel «tittel» – meinte du «title»?
  nøkkel: themes[0].tittel (tema 1)
  skrive: tittel
  venta: title: ...
  tips: skriv «title» i staden for «tittel»; «title» må vere med her
"""


def test_content_error_with_key_path_in_nynorsk(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nn")
    _misspelt(project)
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert err == ERROR_NN + "\n1 feil i innhaldet. Rett den og køyr refleks check på nytt.\n"


def test_build_closing_line_in_nynorsk(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nn")
    _misspelt(project)
    assert main(["--project", str(project), "build", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err == ERROR_NN + (
        "\n1 feil i innhaldet, så ingen sider eller dokument er laga. "
        "Rett den og køyr kommandoen på nytt.\n"
    )
    assert not (project / "site").exists()


def test_the_same_error_in_bokmal(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nb")
    _misspelt(project)
    assert main(["--project", str(project), "check"]) == 1
    assert capsys.readouterr().err == (
        "content/reflections/sett.yaml:9:5: feil: ukjent nøkkel «tittel» – mente du «title»?\n"
        "  nøkkel: themes[0].tittel (tema 1)\n"
        "  skrevet: tittel\n"
        "  forventet: title: ...\n"
        "  tips: skriv «title» i stedet for «tittel»; «title» må være med her\n"
        "\n1 feil i innholdet. Rett den og kjør refleks check på nytt.\n"
    )


def test_warning_and_summary_in_nynorsk(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nn")
    assert main(["--project", str(project), "check"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "Innhaldet er gyldig: 1 kjelde, 1 refleksjonssett, 3 spørsmål, 2 roller, "
        "1 rammeverk, 0 visitter.\n"
    )
    assert (
        "content/site.yaml:1:8: åtvaring: teksten har ingen nynorsk versjon, og nettstaden er "
        "på nynorsk\n"
        "  nøkkel: title\n"
        "  skrive: Testnettsted\n"
        "  venta: teksten på nynorsk under «nn:» ved sida av\n"
        "  tips: skriv teksten på nynorsk i tabellen «nn:» i same element (sjå «Bokmål og "
        "nynorsk» i forfattarrettleiinga)\n"
    ) in err
    assert "content/roles.yaml:2:10: åtvaring:" in err
    assert "  nøkkel: [0].label (rolle 1)\n" in err


def test_two_errors_in_nynorsk(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nn")
    roles = project / "content" / "roles.yaml"
    roles.write_text(roles.read_text("utf-8").replace("level: 2", "level: to\n  farge: blå"))
    assert main(["--project", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "feil: ukjend nøkkel «farge»\n  nøkkel: [1].farge (rolle 2)\n  skrive: farge\n" in err
    assert "  venta: ein av: " in err
    assert "  tips: sjekk stavemåten i innhaldsmodellen\n" in err
    assert "feil: feil type\n  nøkkel: [1].level (rolle 2)\n  skrive: to\n" in err
    assert err.endswith("\n2 feil i innhaldet. Rett dei og køyr refleks check på nytt.\n")


def test_session_error_in_nynorsk(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nn")
    args = ["--project", str(project), "session", "--reflection", "sett"]
    assert main([*args, "--role", "sjef"]) == 2
    assert capsys.readouterr().err == (
        "refleks: feil: rolla «sjef» finst ikkje. Gyldige val: leder (Leder), kollega (Kollega)\n"
    )
    assert main([*args, "--role", "leder", "--themes", "tema", "--minutes", "19"]) == 2
    assert capsys.readouterr().err == (
        "refleks: feil: 19 minutt er for kort tid til eitt tema: det trengst minst 30 minutt "
        "(5 til innleiing, 20 per tema og 5 til oppsummering). Vel færre tema eller fleire "
        "minutt\n"
    )


def test_build_error_in_nynorsk(tmp_path: Path, capsys, monkeypatch) -> None:  # noqa: ANN001
    project = _project(tmp_path, "nn")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    assert main(["--project", str(project), "build", "--quiet"]) == 2
    err = capsys.readouterr().err  # after the warnings about texts without nynorsk
    assert err.endswith(
        "\nrefleks: feil: SOURCE_DATE_EPOCH må vere eit heiltal (sekund sidan 1970), ikkje «abc»\n"
    )
    assert not (project / "site").exists()


def test_argument_errors_stay_bokmal(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    """Before a project is read there is no language to follow: argparse's errors are bokmål."""
    project = _project(tmp_path, "nn")
    with pytest.raises(SystemExit):
        main(["--project", str(project), "session", "--role", "leder"])
    assert "feil: disse argumentene mangler: --reflection" in capsys.readouterr().err


def test_language_is_read_without_yaml(tmp_path: Path) -> None:
    site = tmp_path / "content" / "site.yaml"
    assert project_language(tmp_path) == "nb"  # no site.yaml
    site.parent.mkdir()
    for text, expected in [
        ("title: X\nlanguage: nn\n", "nn"),
        ('language: "nn"  # nynorsk\n', "nn"),
        ("language: nb\n", "nb"),
        ("nn:\n  language: nn\n", "nb"),  # not at the top level
        ("title: [\nlanguage: nn\n", "nn"),  # broken YAML: the errors in nynorsk all the same
    ]:
        site.write_text(text, "utf-8")
        assert project_language(tmp_path) == expected, text


def test_message_is_its_bokmal_text_and_can_be_said_again() -> None:
    message = _("rollen «{value}» finnes ikke", value="sjef")
    assert message == "rollen «sjef» finnes ikke"
    assert localized(message, "nn") == "rolla «sjef» finst ikkje"
    with speaking("nn"):
        assert localized(message) == "rolla «sjef» finst ikkje"
    assert localized(message) == "rollen «sjef» finnes ikke"  # nb again after the block
    copy = pickle.loads(pickle.dumps(message))
    assert localized(copy, "nn") == "rolla «sjef» finst ikkje"
    # a field that is a message is said in the same language
    nested = _("{file}: {what}", file="a.yaml", what=_("finnes ikke"))
    assert localized(nested, "nn") == "a.yaml: finst ikkje"


def _catalogue(language: str) -> dict[str, str]:
    path = catalogues.catalogue_path(TEMPLATES, language, "meldinger")
    with path.open("rb") as fh:
        return {str(m.id): str(m.string) for m in read_po(fh) if m.id}


def test_every_message_has_a_nynorsk_translation() -> None:
    wanted = {text for _context, text in i18n.source_messages(TEMPLATES, "meldinger")}
    assert len(wanted) > 200
    nynorsk = _catalogue("nn")
    assert sorted(wanted - set(nynorsk)) == []
    assert sorted(text for text in wanted if not nynorsk.get(text)) == []
    assert sorted(set(nynorsk) - wanted) == []


def test_translations_keep_the_fields() -> None:
    fields = re.compile(r"\{[^{}]*\}")
    for text, translated in _catalogue("nn").items():
        assert sorted(fields.findall(text)) == sorted(fields.findall(translated)), text


def test_nynorsk_messages_have_no_bokmal_forms() -> None:
    assert _words(" ".join(_catalogue("nn").values()), BOKMAL_ONLY) == []
