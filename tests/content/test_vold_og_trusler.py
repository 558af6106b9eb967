"""Helsedirektoratet's survey of violence and threats (2017): every item is in the content."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from refleks import urls
from refleks.content.model import Library

SOURCE = "hdir-vold-og-trusler"
FRAMEWORKS = {
    "tma": ("TMA/TERMA", "opplæringsprogram"),
    "hava": ("HAVA", "opplæringsprogram"),
    "foma": ("FOMA", "opplæringsprogram"),
    "tam": ("TAM", "opplæringsprogram"),
    "tkh": ("TKH", "opplæringsprogram"),
    "lovstadmodellen": (None, "opplæringsprogram"),
    "kutt-prosjektet": (None, "opplæringsprogram"),
    "respektprogrammet": (None, "verktøy"),
    "v-risk-10": (None, "verktøy"),
}


@pytest.fixture(scope="module")
def source(library: Library):
    return library.sources[SOURCE]


def by_id(items, item_id):
    return next(i for i in items if i.id == item_id)


def test_metadata(source):
    assert source.title == "Kartlegging av vold og trusler mot helsepersonell og medpasienter"
    assert source.publisher == "Helsedirektoratet"
    assert source.kind == "kartlegging"
    assert source.year == 2017
    assert source.sharing == "åpen"


# --------------------------------------------------------------------------- tables


def rows(source, stat_id):
    return [list(r) for r in by_id(source.statistics, stat_id).rows]


def test_five_tables_in_order(source):
    assert [s.label for s in source.statistics] == [f"Tabell {n}" for n in range(1, 6)]
    assert [s.chart for s in source.statistics] == ["linje", "linje", "stolpe", "linje", "ingen"]


def test_table_1_per_netto_arsverk(source):
    stat = by_id(source.statistics, "tilfeller-per-arsverk")
    assert stat.title == "Rapporterte tilfeller av vold og trusler i helseforetak"
    assert stat.columns == ["År", "Antall tilfeller per netto årsverk"]
    assert rows(source, stat.id) == [
        ["2012", "0,0044*"],
        ["2013", "0,0052*"],
        ["2014", "0,0057"],
        ["2015", "0,0061"],
        ["2016", "0,0068"],
    ]
    assert stat.note == "*For 2012 og 2013 mangler tall fra fire helseforetak."
    assert any("fire helseforetak" in c for c in stat.caveats)
    assert any("per netto årsverk" in c for c in stat.caveats)


def test_table_2_medpasienter(source):
    stat = by_id(source.statistics, "medpasienter-helseforetak")
    assert stat.title == "Rapporterte tilfeller av vold og trusler mot medpasienter"
    assert rows(source, stat.id) == [
        ["2012", "50"],
        ["2013", "89"],
        ["2014", "69"],
        ["2015", "44"],
        ["2016", "118"],
    ]
    assert any(c.startswith("Tre helseforetak har ikke registrert") for c in stat.caveats)
    assert len(stat.caveats) == 2


def test_table_3_meldeordningen_overlaps(source):
    stat = by_id(source.statistics, "meldeordningen-mal")
    assert stat.title.endswith("fra 1.7.2012-31.12.2013 (n=385)")
    assert stat.n == "385 meldinger"
    assert stat.period == "1.7.2012-31.12.2013"
    assert stat.overlapping is True
    assert rows(source, stat.id) == [
        ["Trusler", "183"],
        ["Vold mot personale", "155"],
        ["Vold mot annen pasient", "81"],
        ["Vold mot seg selv", "35"],
        ["Vold mot pårørende/andre", "7"],
        ["Vold mot inventar", "77"],
    ]
    assert sum(int(r[1]) for r in stat.rows) == 538
    assert any("ikke gjensidig utelukkende" in c and "(538)" in c for c in stat.caveats)


def test_table_4_kommuner_per_ar_with_total(source):
    stat = by_id(source.statistics, "kommuner-per-ar")
    assert stat.n == "81 kommuner"
    assert stat.total_row is True
    assert rows(source, stat.id) == [
        ["2012", "6 937"],
        ["2013", "12 311"],
        ["2014", "13 717"],
        ["2015", "16 232"],
        ["2016", "18 244"],
        ["2012-2016", "67 441"],
    ]
    years = sum(int(r[1].replace(" ", "")) for r in stat.rows[:-1])
    assert years == 67441  # the published total adds up
    assert len(stat.caveats) == 4


def test_table_5_kommuner_samlet(source):
    stat = by_id(source.statistics, "kommuner-samlet")
    assert stat.n == "58 kommuner"
    assert rows(source, stat.id) == [
        ["Vold og trusler mot ansatte og medpasienter 2012-2016", "43 935"]
    ]
    assert any("tilbake til 2009" in c for c in stat.caveats)


# --------------------------------------------------------------------------- text items


def test_key_figures(source):
    figures = {k.id: k.value for k in source.key_figures}
    assert len(figures) == 24
    assert figures["svar"] == "alle RHFene og 151 kommuner"
    assert figures["kommuner-svar"] == "151 av 426"
    assert figures["utsatte-yrkesaktive"] == "7,5 prosent"
    assert "ca. 203 000" in by_id(source.key_figures, "utsatte-yrkesaktive").text
    assert figures["pleie-og-omsorg"] == "Nesten 1/3"
    assert figures["rutiner-oppfolging"] == "145 av 151"
    assert figures["registrering"] == "144 av 151"
    assert (figures["uten-tall"], figures["tall-per-ar"], figures["tall-alle-ar"]) == (
        "12",
        "81",
        "58",
    )
    assert (figures["politi"], figures["beltelagt"]) == ("49", "42")
    assert figures["sykefravaer"] == "inntil 13 prosent"
    assert (figures["hms-del"], figures["rutiner-innsendt"], figures["rutiner-handtering"]) == (
        "132",
        "56",
        "140",
    )


def test_definitions(source):
    assert [d.id for d in source.definitions] == [
        "vold-og-trusler",
        "trusler",
        "vold",
        "instrumentell-vold",
        "emosjonell-vold",
        "angrep",
        "triage",
    ]
    vold = by_id(source.definitions, "vold")
    assert vold.attribution == "Arbeidstilsynet"
    assert " ".join(vold.text.split()) == (
        "Vold er enhver handling som har til hensikt å føre til fysisk eller psykisk skade på "
        "person. Det kan også defineres som vold når arbeidstakere opplever utagerende "
        "handlinger hvor det utøves stort skadeverk på inventar og utstyr"
    )
    trusler = by_id(source.definitions, "trusler")
    assert " ".join(trusler.text.split()) == (
        "Trusler er verbale angrep eller handlinger som tar sikte på å skade eller skremme en "
        "person"
    )


def test_findings_are_the_assessments(source):
    assert [f.id for f in source.findings] == [
        "omfang-helseforetak",
        "hms-helseforetak",
        "beredskap-angrep",
        "omfang-kommuner",
        "registrering-kommuner",
        "hms-kommuner",
    ]
    assert [f.number for f in source.findings] == [1, 2, 3, 4, 5, 6]
    # the assessments are quoted verbatim now (checked against the source text)
    assert all(finding.quote for finding in source.findings)


def test_five_improvement_areas(source):
    assert [r.kind for r in source.recommendations] == ["forbedringsområde"] * 5
    assert [r.title for r in source.recommendations] == [
        "Ressurser og bemanning",
        "Samarbeid",
        "Rutiner, retningslinjer og utstyr",
        "Erfaring og kompetanse",
        "Informasjon og kommunikasjon",
    ]
    assert [r.number for r in source.recommendations] == [1, 2, 3, 4, 5]


def test_sections(source):
    assert [s.id for s in source.sections] == [
        "forord",
        "oppdraget",
        "sammendrag",
        "fremgangsmate",
        "forekomst",
        "arbeidsmiljoloven",
        "nye-bestemmelser",
        "personskade-varsling",
        "meldeordningen",
        "forbedringsomrader-grunnlag",
        "omfang-helseforetak",
        "medpasienter-helseforetak",
        "hms-helseforetak",
        "foretaksprotokollen-2017",
        "oppfolging-helseforetak",
        "tiltak-helseforetak",
        "beredskap-angrep",
        "kommunenes-tall",
        "avvikssystemer",
        "definisjoner-kommuner",
        "hms-kommuner",
        "forankring",
        "oppfolging-kommuner",
        "medpasienter-kommuner",
    ]
    assert len(by_id(source.sections, "sammendrag").items) == 6
    assert len(by_id(source.sections, "tiltak-helseforetak").items) == 5
    assert len(by_id(source.sections, "oppfolging-kommuner").items) == 5
    systems = by_id(source.sections, "avvikssystemer").items
    assert systems == [
        "Risk Manager",
        "Compilo/Kvalitetslosen",
        "KF-900",
        "KF Kvalitet",
        "QM",
        "Profil",
        "Kvaliteket",
        "EQS",
    ]
    assert by_id(source.sections, "nye-bestemmelser").items == [
        "Forskrift om organisering, ledelse og medvirkning",
        "Arbeidsplassforskriften",
        "Forskrift om utførelse av arbeid",
    ]
    assert len(by_id(source.sections, "foretaksprotokollen-2017").items) == 2
    assert len(by_id(source.sections, "oppfolging-helseforetak").items) == 4


def test_references_and_law(source):
    refs = {r.id: r for r in source.references}
    assert len(refs) == 17
    assert refs["aml-4-1"].url == "https://lovdata.no/dokument/NL/lov/2005-06-17-62/KAPITTEL_4#§4-1"
    for law in ("aml-1-1", "aml-4-3", "aml-5-1", "aml-5-2", "sphtjl-3-3"):
        assert law in refs
    assert refs["sphtjl-3-3"].text == "Spesialisthelsetjenesteloven § 3-3"
    assert "ISBN 978-82-8121-949-6" in refs["meldinger-vold-aggresjon"].text


def test_frameworks(library: Library, source):
    assert sorted(source.frameworks) == sorted(FRAMEWORKS)
    for fid, (acronym, kind) in FRAMEWORKS.items():
        fw = library.frameworks[fid]
        assert fw.acronym == acronym
        assert fw.kind == kind
        assert SOURCE in fw.sources
    tma = library.frameworks["tma"]
    assert tma.name == "Terapeutisk mestring av aggresjon"
    assert "1993" in tma.origin and "2009" in tma.origin
    assert len(tma.discrepancies[0].versions) == 4
    assert library.frameworks["respektprogrammet"].origin.startswith("Erling Roland og Grete S.")


def test_catalogue_of_measures(source):
    (catalogue,) = source.catalogues
    assert [(g.id, len(g.items)) for g in catalogue.groups] == [
        ("hms", 10),
        ("opplaering-daglig", 14),
        ("bemanning", 14),
        ("arbeidssituasjonen", 13),
        ("systematisk-opplaering", 21),
    ]
    items = [i for g in catalogue.groups for i in g.items]
    assert "Kurs i FOMA (forebygging og mestring av aggresjon)" in items
    assert "Gratis kaffe til brukere/pasienter" not in items  # that is in a story
    assert catalogue.groups[0].items[0] == "Årlig risiko- og sårbarhetsanalyse"
    assert catalogue.groups[-1].items[-1].startswith("Tillitsskapende tiltak og trening")


def test_stories(source):
    assert [s.id for s in source.stories] == [
        "helse-vest-styret",
        "sunnaas",
        "sykehuset-innlandet",
        "oslo-universitetssykehus",
        "perm-pa-vaktrommet",
        "definisjon-eksempel-1",
        "definisjon-eksempel-2",
        "definisjon-eksempel-3",
        "gode-prosedyrer",
        "kollegaveiledning",
        "risikovurderinger-2015",
        "havo-prosjekt",
    ]
    assert [s.kind for s in source.stories].count("sitat") == 4
    havo = by_id(source.stories, "havo-prosjekt").text
    for figure in ("52 %", "32 %", "27 %", "500 %", "2:1"):
        assert figure in havo
    kollega = by_id(source.stories, "kollegaveiledning").text
    # seed: «Gruppeveiledning av ansatte ble iverksatt hver 14 dag.» (verbatim, no full stop)
    assert "hver 14 dag" in kollega and "ca. 6 måneder" in kollega
    risk = by_id(source.stories, "risikovurderinger-2015").text
    assert risk.count("\n- ") == 9 and "Gratis kaffe til brukere/pasienter" in risk


def test_questionnaires_verbatim(source):
    rhf, kommune = source.questionnaires
    assert rhf.title == "Vedlegg 2 – Forespørsel til RHF"
    assert kommune.title == "Vedlegg 3 – Forespørsel til kommunene"
    assert len(rhf.questions) == 8
    assert len(kommune.questions) == 7
    assert rhf.questions[2].text == (
        "Status for beredskap for hendelser der helseinstitusjoner blir åsted for angrep. Med "
        "dette menes andre hendelser enn terrorhendelser og terrortrusler som er rettet enten mot "
        "institusjonen, pasienter eller personale og som ikke omfattes av definisjonen av terror."
    )
    assert kommune.questions[0].text.endswith(
        "Dersom det ikke foreligger tallmateriale tilbake til 2012 ønskes tall så langt tilbake "
        "som mulig."
    )
    assert kommune.questions[1].text == (
        "Hvordan kommunen som arbeidsgiver ivaretar beredskap for forebygging og håndtering av "
        "vold og trusler som del av HMS-arbeidet"
    )
    assert [q.text for q in rhf.questions[3:]] == [
        "Hva som registreres som trusler og vold, gjerne med en definisjon.",
        "Hvordan og hvor trusler og vold mot helsepersonell og medpasienter registreres.",
        "Hvilke rutiner tjenestene har for å håndtere situasjonen når denne oppstår.",
        "Hvordan den eller de berørte følges opp.",
        "Hvilke tiltak er iverksatt for å forebygge vold og trusler mot helsepersonell, gjerne "
        "med eksempler på vellykkede tiltak.",
    ]


def test_discrepancies(source):
    assert [d.id for d in source.discrepancies] == [
        "vedlegg-kommunene",
        "tvang-500-prosent",
        "fatall-eller-58",
        "hms-summen",
        "tabell-4-5-medpasienter",
        "andeler-utsatte",
        "tma-navn",
    ]
    assert all(d.versions for d in source.discrepancies)


# --------------------------------------------------------------------------- built site


def page_text(built_site: Path) -> str:
    raw = (built_site / urls.page_html(urls.source_page(SOURCE))).read_text("utf-8")
    return html.unescape(raw)


def test_site_page_shows_tables_figures_and_questions(built_site: Path):
    text = page_text(built_site)
    for expected in (
        "0,0044*",
        "67 441",
        "43 935",
        "Vold mot pårørende/andre",
        "alle RHFene og 151 kommuner",
        "Nedgang i bruk av tvang på 500 %",
        "Hvordan RHF/HF som arbeidsgivere ivaretar beredskap",
        "Kurs i FOMA (forebygging og mestring av aggresjon)",
        "Ressurser og bemanning",
        "Kategoriene overlapper",
    ):
        assert expected in text, expected
    svgs = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" role="img".*?</svg>', text, re.S)
    assert len(svgs) == 4  # tables 1-4; table 5 has no figure
    points = [len(re.findall(r'class="point"', s)) for s in svgs]
    bars = [len(re.findall(r'class="bar"', s)) for s in svgs]
    assert points == [5, 5, 0, 5]  # the total row of table 4 is not drawn
    assert bars == [0, 0, 6, 0]
    root = ET.fromstring(svgs[3])
    assert [e.get("data-value") for e in root.iter() if e.get("class") == "point"] == [
        "6 937",
        "12 311",
        "13 717",
        "16 232",
        "18 244",
    ]


def test_site_framework_pages(built_site: Path):
    tma = (built_site / urls.page_html(urls.framework_page("tma"))).read_text("utf-8")
    assert "Terapeutisk mestring av aggresjon" in html.unescape(tma)
    assert "Terapeutisk møte med aggresjon" in html.unescape(tma)


# --------------------------------------------------------------------------- fidelity (issue 13)


def _text(source, section_id: str) -> str:
    return " ".join(by_id(source.sections, section_id).text.split())


def test_only_the_municipal_survey_is_dated(source):
    # seed 5/6: «I 1. kvartal 2017 gjennomførte Helsedirektoratet en kartlegging ... i landets
    # kommuner»; the RHF survey has no date in the report
    summary = " ".join(source.summary.split())
    assert "(kommunene i 1. kvartal 2017)" in summary
    assert "i 1. kvartal 2017 til de fire regionale helseforetakene" not in summary


def test_items_the_first_version_left_out(source):
    # 3.1: «I andre HF er det variasjon, men uten betydelig endring i perioden 2012-2016»
    assert "variasjon, men uten betydelig endring i perioden 2012–2016" in _text(
        source, "omfang-helseforetak"
    )
    hms = _text(source, "hms-helseforetak")
    # 4.1: «kontinuerlig ledelsesfokus på å skape en økt bevissthet rundt omfanget ...»
    assert "kontinuerlig ledelsesfokus på å skape en økt bevissthet rundt omfanget" in hms
    # 4.1: «Risikobildet for vold og trusler mot ansatte angis å være godt kjent og ivaretatt»
    assert "Risikobildet for vold og trusler mot ansatte angis å være godt kjent og ivaretatt" in (
        hms
    )
    # 4.1: «Dette arbeidet vil bidra til en styrket rapportering og harmonisering ...»
    assert "vil bidra til en styrket rapportering og harmonisering av arbeidsgivers ansvar" in (
        _text(source, "foretaksprotokollen-2017")
    )
    # 4.3: «Det er etablert felles obligatoriske krav til opplæring for alle medarbeidere»
    measures = " ".join(by_id(source.sections, "tiltak-helseforetak").items)
    assert "felles obligatoriske krav til opplæring for alle medarbeidere" in measures
    # 7.1: «Noen angir rapporterering gjennom egen HMS-rapport som del av et avvikssystem»
    assert "rapportering gjennom egen HMS-rapport som del av et avvikssystem" in _text(
        source, "avvikssystemer"
    )


def test_follow_up_talks_have_no_added_actor(source):
    # 4.2: «Det gjennomføres samtaler med arbeidstaker etter en hendelse»
    text = _text(source, "oppfolging-helseforetak")
    assert "Det gjennomføres samtaler med arbeidstakeren etter en hendelse" in text
    assert "Leder har samtaler" not in text


def test_respect_programme_is_one_of_several_measures(library: Library):
    fw = library.frameworks["respektprogrammet"]
    # «er et av flere forskjellige tiltak som samlet kan virke forsterkende og forebyggende»
    assert fw.key_ideas[-1] == (
        "Et av flere forskjellige tiltak som samlet kan virke forsterkende og forebyggende på "
        "vold og trusler."
    )
    assert all("best" not in idea for idea in fw.key_ideas)
