"""``refleks export scorm``: the SCORM 1.2 package of a reflection set, imported by a real
SCORM runtime (scorm-again, pinned in package.json) acting as the learning platform.

What SCORM 1.2 requires of the manifest (ADL SCORM 1.2 Content Aggregation Model): one
``imsmanifest.xml`` at the root, a manifest identifier, ``organizations`` with a default that
names an organization, items that point at resources, and resources whose launchable SCO has
``adlcp:scormtype="sco"`` and lists its files. The set has three themes
(content/reflections/systemperspektiv.yaml): "completed" only after all three are opened.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from refleks import cli

from .browser import Recorder, axe_violations, describe, serve

ROOT = Path(__file__).resolve().parents[1]
RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
THEMES = ["ledelse", "involvering", "rapporter"]

LAUNCHER = """<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>Plattform</title>
<script src="scorm12.min.js"></script>
<script>
  window.statuses = [];
  window.API = new Scorm12API({autocommit: false, logLevel: 5});
  window.API.on("LMSSetValue.cmi.core.lesson_status", function (el, value) {
    window.statuses.push(value);
  });
</script></head>
<body><iframe title="Kurs" src="pakke/index.html" width="900" height="700"></iframe></body>
</html>
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, shipped_project: Path) -> Path:
    out = tmp_path_factory.mktemp("scorm")
    code = cli.main(
        ["--project", str(shipped_project), "export", "scorm", "--reflection", "systemperspektiv",
         "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    target = out / "refleks-systemperspektiv-scorm12.zip"
    assert target.is_file()
    return target


def test_manifest_has_what_scorm_12_requires(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = sorted(archive.namelist())
        manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    assert manifest.tag == f"{CP}manifest"
    assert manifest.get("identifier") == "refleks-systemperspektiv"
    assert manifest.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = manifest.find(f"{CP}organizations")
    default = organizations.get("default")
    orgs = {o.get("identifier"): o for o in organizations.findall(f"{CP}organization")}
    assert default in orgs
    items = orgs[default].findall(f"{CP}item")
    assert len(items) == 1
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP}resource")}
    sco = resources[items[0].get("identifierref")]
    assert sco.get(f"{ADLCP}scormtype") == "sco"
    assert sco.get("type") == "webcontent"
    assert sco.get("href") == "index.html"
    listed = sorted(f.get("href") for f in sco.findall(f"{CP}file"))
    assert listed == [n for n in names if n != "imsmanifest.xml"]
    assert "index.html" in listed and "lysark/sett.html" in listed
    assert [n for n in names if n.startswith("utskrift/")] == [
        "utskrift/kurs-systemperspektiv.pdf",
        *[f"utskrift/tema-{t}.pdf" for t in sorted(THEMES)],
    ]


def test_same_content_gives_the_same_bytes(
    package: Path, tmp_path: Path, shipped_project: Path
) -> None:
    assert cli.main(
        ["--project", str(shipped_project), "export", "scorm", "--reflection", "systemperspektiv",
         "--out", str(tmp_path)]
    ) == 0  # fmt: skip
    assert (tmp_path / package.name).read_bytes() == package.read_bytes()


def test_without_a_set_every_set_gets_a_package(
    tmp_path: Path, capsys, shipped_project: Path
) -> None:
    argv = ["--project", str(shipped_project), "export", "scorm", "--out", str(tmp_path)]
    assert cli.main(argv) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "refleks-kollegastotte-scorm12.zip",
        "refleks-systemperspektiv-scorm12.zip",
    ]
    assert capsys.readouterr().out.count("SCORM-pakken er laget: ") == 2


def test_unknown_set_is_a_norwegian_error(tmp_path: Path, capsys, shipped_project: Path) -> None:
    args = ["export", "scorm", "--reflection", "nei", "--out", str(tmp_path)]
    assert cli.main(["--project", str(shipped_project), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("refleks: feil: refleksjonssettet «nei» finnes ikke. Gyldige valg: ")
    assert "systemperspektiv (Refleksjon om gjennomganger med systemperspektiv)" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_runtime_gets_completed_after_every_theme(package: Path, tmp_path: Path, browser) -> None:
    platform = tmp_path / "plattform"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(platform / "pakke")
    shutil.copyfile(RUNTIME, platform / "scorm12.min.js")
    (platform / "launcher.html").write_text(LAUNCHER, encoding="utf-8")
    with serve(platform) as base:
        context = browser.new_context()
        recorder = Recorder(context)
        page = context.new_page()
        page.goto(base + "launcher.html")
        course = page.frame_locator("iframe")
        status = course.locator("#kurs-status")
        assert status.inner_text() == "Du har åpnet 0 av 3 temaer."
        assert page.evaluate("window.API.isInitialized()")
        assert page.evaluate("window.API.LMSGetValue('cmi.core.lesson_status')") == "incomplete"
        for n, theme in enumerate(THEMES, start=1):
            course.locator(f"a[data-tema='{theme}']").click()
            assert course.locator(f"#tema-{theme}").is_visible()
            expected = "completed" if n == len(THEMES) else "incomplete"
            got = page.evaluate("window.API.LMSGetValue('cmi.core.lesson_status')")
            assert got == expected, f"after theme {n}: {got}"
        assert page.evaluate("window.statuses")[-1] == "completed"
        assert "completed" not in page.evaluate("window.statuses")[:-1]
        assert page.evaluate("window.API.LMSGetValue('cmi.suspend_data')") == ",".join(THEMES)
        violations = axe_violations(page.frames[1])
        assert violations == [], describe(violations)
        recorder.assert_local()
        context.close()


def test_stories_are_in_and_themes_are_numbered_once(tmp_path: Path, shipped_project: Path) -> None:
    """kollegastotte.yaml's first theme shows two stories from the source (anne,
    forste-kneika); the theme list carries each theme's number in its text only."""
    assert cli.main(
        ["--project", str(shipped_project), "export", "scorm", "--reflection", "kollegastotte",
         "--out", str(tmp_path)]
    ) == 0  # fmt: skip
    with zipfile.ZipFile(tmp_path / "refleks-kollegastotte-scorm12.zip") as archive:
        page = archive.read("index.html").decode("utf-8")
    assert page.count('<div class="fortelling">') == 2
    assert '<ol class="temaliste">' not in page and '<ul class="temaliste">' in page
    assert ">1. " in page and "1. 1." not in page


def test_outside_a_platform_nothing_is_said_to_be_recorded(
    package: Path, tmp_path: Path, browser
) -> None:
    """Opened from disk (no SCORM API), every theme opened: the page says progress is only
    recorded from a platform, never «registrert som fullført»."""
    with zipfile.ZipFile(package) as archive:
        archive.extractall(tmp_path / "pakke")
    page = browser.new_page()
    page.goto((tmp_path / "pakke" / "index.html").as_uri())
    for theme in THEMES:
        page.click(f"a[data-tema='{theme}']")
    status = page.inner_text("#kurs-status")
    assert status == (
        "Du har åpnet alle temaene. Fremdriften blir bare registrert når kurset er åpnet fra "
        "en læringsplattform."
    )
    page.close()
