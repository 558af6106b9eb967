"""The self-study question index (site/assets/refleks/sporsmal.js): ids, counts, escaping."""

from __future__ import annotations

import json

from refleks.content.model import Library
from refleks.site import selfstudy


def test_index_has_every_question_of_the_set_with_its_theme_and_source(library: Library) -> None:
    index = selfstudy.question_index(library, {"svar": "Mitt svar"})
    ids = [i for i, q in index["sporsmal"].items() if q["sett"] == "systemperspektiv"]
    # content/reflections/systemperspektiv.yaml: 3 + 5 + 3 questions
    assert len(ids) == 11
    q = index["sporsmal"]["systemperspektiv/involvering/leder-virksomhet/2"]
    assert q["tekst"] == (
        "Hvordan formidler jeg at hensikten med gjennomgangen er læring og forbedring, "
        "ikke å finne syndebukker?"
    )
    assert q["tema"] == "2. Involvering i gjennomganger"
    assert q["temaside"] == "refleksjon/systemperspektiv/involvering.html"
    assert index["sett"]["systemperspektiv"]["kilde"].startswith(
        "Systemperspektiv i gjennomganger av alvorlige uønskede hendelser (Ukom"
    )
    assert index["journalside"] == "mine-refleksjoner.html"


def test_index_script_cannot_end_a_script_element() -> None:
    script = selfstudy.index_script({"tekst": "</script><script>alert(1)</script>\u2028"})
    assert "</script" not in script and "\u2028" not in script
    prefix = "window.REFLEKS_SELVSTUDIUM = "
    assert script.startswith(prefix)
    data = json.loads(script[len(prefix) :].rstrip().rstrip(";"))
    assert data == {"tekst": "</script><script>alert(1)</script>\u2028"}
