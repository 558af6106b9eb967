"""The shipped summary of Ukom's investigation of sexualised boundary violations (seed 000)."""

from __future__ import annotations

from pathlib import Path

import pytest

from refleks import urls
from refleks.content.model import Library

SOURCE_ID = "ukom-grenseoverskridende-handlinger"


@pytest.fixture(scope="module")
def source(library: Library):
    return library.sources[SOURCE_ID]


def test_source_metadata(source) -> None:
    assert source.publisher == "Ukom"
    assert source.kind == "sammendrag"
    assert source.sharing == "åpen"
    assert source.part_of is None
    # the summary text has no title, year or address: nothing of that under Ukom's name
    assert source.year is None and source.url is None and source.links == []
    assert "Tittelen og undertittelen her er satt av Refleks" in " ".join(
        source.refleks_note.split()
    )


def test_summary_keeps_blant_annet(source) -> None:
    # seed: «Ukoms undersøkelse viser blant annet at» - the six are not all the findings
    summary = " ".join(source.summary.split())
    assert "viser blant annet" in summary
    assert "seks hovedfunn" not in summary


def test_findings_keep_the_sources_verbs(source) -> None:
    texts = {f.id: " ".join(f.text.split()) for f in source.findings}
    # seed: «arbeidsgivere savner verktøy til hjelp i arbeidet med å forebygge ...» (the
    # capital letter is Refleks's, so it stands in brackets)
    assert texts["arbeidsgivere-savner-verktoy"].startswith("[Arbeidsgivere] savner verktøy")
    # seed: «det kan være krevende for tilsynsmyndigheten å kartlegge hendelsen»
    assert "krevende for tilsynsmyndigheten" in texts["krevende-for-tilsynet"]


def test_six_findings_in_order(source) -> None:
    assert [f.number for f in source.findings] == [1, 2, 3, 4, 5, 6]
    assert [f.id for f in source.findings] == [
        "fenomenkunnskap",
        "belastende-a-varsle",
        "sjelden-varslet",
        "arbeidsgivere-savner-verktoy",
        "krevende-for-tilsynet",
        "variasjon-statsforvalterne",
    ]
    texts = {f.id: f.text for f in source.findings}
    assert "melde.no" in texts["sjelden-varslet"]
    assert "helsenorge.no" in texts["sjelden-varslet"]
    assert "statsforvalterne" in texts["variasjon-statsforvalterne"]


def test_recommendations_by_kind(source) -> None:
    kinds = [r.kind for r in source.recommendations]
    assert len(kinds) == 7
    assert kinds.count("anbefaling") == 1
    assert kinds.count("forbedringspunkt") == 6
    (recommendation,) = [r for r in source.recommendations if r.kind == "anbefaling"]
    assert recommendation.id == "samlet-oversikt-over-varsler"
    assert recommendation.to == ["tilsynsmyndigheten"]
    assert recommendation.text.startswith("Ukom anbefaler")
    assert "Statens helsetilsyn" in recommendation.text


def test_recipients_where_the_text_names_them(source) -> None:
    to = {r.id: r.to for r in source.recommendations}
    assert to["ivareta-varslere"] == ["helsetjenesten", "tilsynsmyndigheten"]
    assert to["opplysning-av-tilsynssaker"] == ["tilsynsmyndigheten"]
    assert to["tidlig-informasjon-til-virksomhetene"] == ["tilsynsmyndigheten"]
    assert to["kunnskap-rollesammenblanding"] == ["arbeidsplassen", "de helsefaglige utdanningene"]
    assert to["intime-undersokelser"] == []
    texts = {r.id: r.text for r in source.recommendations}
    assert "politiet" in texts["opplysning-av-tilsynssaker"]
    assert "gynekologiske" in texts["intime-undersokelser"]
    assert "sørge-for-ansvar" in texts["tidlig-informasjon-til-virksomhetene"]


def test_recommendation_findings_resolve(source) -> None:
    finding_ids = {f.id for f in source.findings}
    for rec in source.recommendations:
        assert set(rec.findings) <= finding_ids


def test_audiences_and_bodies(source) -> None:
    assert source.audiences == [
        "pasienter og brukere",
        "departement",
        "tilsynsmyndigheten",
        "politiet",
        "yrkesorganisasjoner",
        "undervisningsinstitusjoner",
        "ledere og ansatte i helse- og omsorgstjenesten",
    ]
    assert source.bodies == ["kommunene", "Statsforvalteren", "Statens helsetilsyn", "politiet"]


def test_built_page_shows_findings_and_recommendation(built_site: Path) -> None:
    page = built_site / urls.page_html(urls.source_page(SOURCE_ID))
    html = page.read_text(encoding="utf-8")
    assert "Overgrep forkledd som behandling" not in html
    assert (
        "Sammendrag av Ukoms undersøkelse av grenseoverskridende seksualiserte handlinger" in html
    )
    assert "Skrevet for Refleks – står ikke i kilden" in html
    assert "Behov for mer fenomenkunnskap" in html
    assert "Statsforvalterne behandler sakene ulikt" in html
    assert "Samlet oversikt over varsler" in html
    assert "undervisningsinstitusjoner" in html
    assert "Statens helsetilsyn" in html
