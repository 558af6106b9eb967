"""The preview's pieces without a browser: the errors put on a page and taken off again,
escaped; the engine's lines a user sees; Norwegian counts; nothing of it in a built site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from refleks import catalogues
from refleks.errors import Problem
from refleks.site.preview import overlay, server
from refleks.templating import nb_count
from refleks.walkround.documents import year

from .conftest import ROOT

TEMPLATES = ROOT / "templates"
PROBLEM = Problem(
    "content/reflections/sett.yaml",
    4,
    7,
    "themes[0].title",
    "teksten er for lang",
    written="<script>alert(1)</script>",
    expected="høyst 80 tegn",
    hint="del den i to",
)


def test_the_errors_are_escaped_and_name_file_line_and_column() -> None:
    html = overlay.render(TEMPLATES, [PROBLEM])
    assert "<script>" not in html
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html
    assert "<code>content/reflections/sett.yaml:4:7</code> teksten er for lang" in html
    assert '<section class="refleks-forhandsvisning-feil" role="alert" tabindex="0"' in html
    assert "<dt>tips</dt><dd>del den i to</dd>" in html
    # one raw HTML block: a blank line would end it and the rest would become Markdown
    assert "\n\n" not in html.rstrip("\n")


def test_errors_go_on_top_of_a_page_after_its_front_matter_and_come_off_again() -> None:
    box = overlay.render(TEMPLATES, [PROBLEM])
    plain = "# Tittel\n\nTekst.\n"
    with_front_matter = "---\ntitle: Forsiden\n---\n# Tittel\n"
    on_plain = overlay.inject(plain, box)
    assert on_plain == box + plain
    on_front = overlay.inject(with_front_matter, box)
    assert on_front == "---\ntitle: Forsiden\n---\n\n" + box + "# Tittel\n"
    # shown again (other errors): once, never twice
    assert overlay.inject(on_plain, box) == on_plain
    assert overlay.strip(on_plain) == plain


def test_the_engine_banners_and_progress_lines_are_left_out() -> None:
    engine_output = [
        "\n",
        "\x1b[33m │  \x1b[1mMaterial for MkDocs reaches end of life on May 5, 2027.\x1b[0m\n",
        "\x1b[33m │\x1b[0m  Critical fixes and security updates continue until that date.\n",
        "\x1b[33m │\x1b[0m\n",
        "\x1b[90m  To disable this warning, set NO_MKDOCS_2_WARNING=1.\x1b[0m\n",
        "\n",
        "INFO    -  Building documentation...\n",
        "INFO    -  [16:13:04] Serving on http://127.0.0.1:8871/\n",
        "WARNING -  Doc file 'index.md' contains a link 'x.md', but the target is not found "
        "among documentation files.\n",
        "WARNING -  Doc file 'a.md' contains a link '../utskrift/kurs-a.pdf', but the target "
        "'utskrift/kurs-a.pdf' is not found among documentation files.\n",
        "Serving /p/build/serve/site on http://127.0.0.1:8872\n",
        "Build started\n",
        "No issues found\n",
    ]
    assert list(server.shown(engine_output)) == [
        "WARNING -  Doc file 'index.md' contains a link 'x.md', but the target is not found "
        "among documentation files."
    ]
    assert server.environment()["NO_MKDOCS_2_WARNING"] == "1"


def test_counts_in_norwegian() -> None:
    assert nb_count(1, "visitt", "visitter") == "1 visitt"
    assert nb_count(2, "visitt", "visitter") == "2 visitter"
    assert nb_count(0, "side", "sider") == "0 sider"


@pytest.mark.parametrize(
    ("language", "one", "two"), [("nb", "1 visitt", "2 visitter"), ("nn", "1 visitt", "2 visittar")]
)
def test_the_year_overview_counts_visits_in_either_language(
    language: str, one: str, two: str
) -> None:
    labels = yaml.safe_load((TEMPLATES / "year" / "labels.yaml").read_text("utf-8"))
    table = catalogues.translations(TEMPLATES, language)
    localised = catalogues.translate(labels, "year", table)
    assert year._count(localised, 1) == one
    assert year._count(localised, 2) == two


def test_a_built_site_has_no_preview_errors_nor_their_stylesheet(default_site: Path) -> None:
    assert not (default_site / overlay.STYLESHEET_PATH).exists()
    for page in default_site.rglob("*.html"):
        assert "refleks-forhandsvisning" not in page.read_text("utf-8"), page


def test_a_beginners_mistake_shows_in_the_preview_as_in_check(tmp_path: Path) -> None:
    """The corpus case «spørsmål med kolon» (tests/bad_input/) in the preview's error box:
    one error at its line, the key as the author counts it, the fix on its own line."""
    from refleks.content.pipeline import build_library
    from refleks.errors import ContentInvalid
    from refleks.project import Project

    from .test_bad_input import apply_case, make_project

    project = make_project(tmp_path / "p")
    apply_case(ROOT / "tests" / "bad_input" / "sporsmal-med-kolon.yaml", project)
    with pytest.raises(ContentInvalid) as invalid:
        build_library(Project(project))
    html = overlay.render(TEMPLATES, invalid.value.problems.errors)
    assert "Innholdet har 1 feil</h2>" in html
    assert (
        "<code>content/reflections/sett.yaml:17:11</code> spørsmålet inneholder «: » – "
        "sett det i anførselstegn"
    ) in html
    assert "<dd><code>themes[0].questions.leder[1]</code> (tema 1, spørsmål 2)</dd>" in html
    assert (
        '<dd class="refleks-forhandsvisning-feil__forventet">'
        "- &#34;Tenk på en ny beboer: hvem tar imot henne?&#34;</dd>"
    ) in html
