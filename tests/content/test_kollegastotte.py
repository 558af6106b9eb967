"""The shipped content from the peer-support session F25 (seed 003), its frameworks, the
summary-only talk, the new roles and the Refleks-authored reflection set."""

from __future__ import annotations

from pathlib import Path

import pytest

from refleks import urls
from refleks.content.model import Library

MAIN = "kollegastotte-etter-uonskede-hendelser"
DYRBYE = "dyrbye-kollegastotte"
NEW_FRAMEWORKS = [
    "global-trigger-tool",
    "den-gode-samtale",
    "candor",
    "open-disclosure-handbook",
    "talk",
    "supporting-surgeons-after-adverse-events",
    "om-en-patient-drabbas",
    "din-skyldighet-att-informera",
    "reparative-communication",
    "buddy-study",
]


@pytest.fixture(scope="module")
def main(library: Library):
    return library.sources[MAIN]


@pytest.fixture(scope="module")
def dyrbye(library: Library):
    return library.sources[DYRBYE]


def _section(source, section_id: str):
    return next(s for s in source.sections if s.id == section_id)


def _catalogue(source, catalogue_id: str):
    return next(c for c in source.catalogues if c.id == catalogue_id)


# --------------------------------------------------------------------------- main source


def test_main_metadata(main) -> None:
    # the title, not the session's number in the programme (seed 003, first slide)
    assert main.title == "Knust – hvordan ivareta helsepersonell etter uønskede hendelser?"
    assert main.subtitle == "Dypdykk i kollegastøtte (sesjon F25)"
    assert main.kind == "presentasjon"
    assert main.sharing == "åpen"
    assert main.part_of is None
    assert len(main.authors) == 4


def test_key_figures_with_cited_sources(main) -> None:
    figures = [(k.value, k.cited) for k in main.key_figures]
    assert figures == [
        ("13%", "GTT Global Trigger Tool norske data 2020"),
        ("12-15%", "OECD 2021 The Economics of Patient Safety. Part IV: Safety in the Workplace"),
        ("?", None),
        ("1/3", "OECD Health Working Papers, de Bienassis et al 2021"),
    ]
    texts = {k.id: k.text for k in main.key_figures}
    assert "somatiske sykehusopphold" in texts["pasientskader-somatikk"]
    assert "De menneskelige kostnadene" in texts["menneskelige-kostnader"]
    assert "«ukultur»" in texts["angst-og-depresjon"]


def test_faglige_rad_themes(main) -> None:
    catalogue = _catalogue(main, "faglige-rad")
    assert [g.title for g in catalogue.groups] == [
        "1. Ledelse og kultur som grunnmur",
        "2. Ivaretakelse av pasienter, brukere og pårørende",
        "3. Ivaretakelse av helsepersonell og andre",
        "4. Metoder og prosess",
    ]
    assert [len(g.items) for g in catalogue.groups] == [0, 4, 4, 0]
    assert "Empati, og ved påvist svikt: unnskyldning" in catalogue.groups[1].items
    assert catalogue.groups[2].items == [
        "Forberedelse – resiliensbygging",
        "Oppfølging i faser",
        "Kollegastøtte",
        "Involvering i læring og forbedring",
    ]
    assert "Pasientsikkerhetskonferansen 2022" in catalogue.intro


def test_international_findings_hsib(main) -> None:
    catalogue = _catalogue(main, "hsib-funn")
    assert [g.id for g in catalogue.groups] == [
        "kontekst",
        "individuelt-tilpasset",
        "hvordan-stotten-gis",
        "ivaretakende-undersokelser",
    ]
    assert [len(g.items) for g in catalogue.groups] == [4, 3, 6, 3]
    assert "Inkludere støtte til kollegastøttene." in catalogue.groups[2].items
    assert (
        "De som har en støttefunksjon bør ikke være de samme som undersøker en alvorlig hendelse."
        in catalogue.groups[3].items
    )
    # Refleks's summary of Ukom's slide, not Ukom's or HSIB's words
    assert catalogue.intro.startswith("Ukom oppsummerer funnene")


def test_timeline_buddy_study_and_good_peer_support(main) -> None:
    timeline = _catalogue(main, "sentrale-funn")
    assert [len(g.items) for g in timeline.groups] == [2, 2, 2, 4]
    assert sum(len(g.items) for g in timeline.groups) == 10
    buddy = _catalogue(main, "buddy-studien")
    assert buddy.title == "The Buddy Study (Schrøder et al 2022)"
    assert [g.title for g in buddy.groups] == ["Innhold", "Fordeler", "Å vurdere"]
    assert [len(g.items) for g in buddy.groups] == [3, 3, 3]
    assert "Nær kollega som støtteperson" in buddy.groups[0].items
    good = _catalogue(main, "god-kollegastotte")
    assert [len(g.items) for g in good.groups] == [2, 5]
    assert good.groups[1].items == [
        "Lytte",
        "Vise varme og empati",
        "Praktisk hjelp",
        "Bidra til å styrke mestringsfølelse",
        "Ikke bagatellisere opplevelse",
    ]


def test_sections(main) -> None:
    assert [s.id for s in main.sections] == [
        "om-sesjonen",
        "ukom-mandat",
        "ukom-loven",
        "hvorfor-ukom",
        "ikke-bare-alvorlige",
        "ukom-undersokelsen",
        "informantenes-erfaringer",
        "internasjonal-forskning",
        "eksempler-internasjonalt",
        "hendelsesanalyse",
        "norske-forhold",
    ]
    assert _section(main, "ukom-mandat").items == [
        "Uavhengig",
        "Overordnet",
        "Pasientnær",
        "Tjenestenær",
        "Ikke-sanksjonerende",
        "Kildebeskyttende",
        "Lærende og forbedrende",
    ]
    assert len(_section(main, "informantenes-erfaringer").items) == 7
    assert "Taushetsplikt og konfidensialitet" in _section(main, "informantenes-erfaringer").items
    assert len(_section(main, "ukom-undersokelsen").items) == 3
    assert len(_section(main, "internasjonal-forskning").items) == 4
    assert len(_section(main, "eksempler-internasjonalt").items) == 9
    analysis = _section(main, "hendelsesanalyse").items
    assert len(analysis) == 7
    assert analysis[0] == "Mer fleksible tidsrammer (3-6 mnd)"
    assert _section(main, "norske-forhold").items == [
        "Kollegastøtte er det viktigste (Karlsson Stafseth et al 2022)",
        "Psykologisk forberedelse (Lie et al 2021)",
        "Systemansvar (Mesel 2014)",
        "Åpenhetskultur (Aasland og Førde 2009, 2017)",
    ]


def test_law_paragraphs_quoted(main) -> None:
    law = _section(main, "ukom-loven").text
    assert (
        "«Formålet med loven er å bedre pasient- og brukersikkerheten i helse- og\n"
        "omsorgstjenesten gjennom undersøkelser av alvorlige hendelser og andre alvorlige forhold.»"
    ) in law
    assert "§ 3. Definisjoner" in law
    (definition,) = main.definitions
    assert definition.term == "Alvorlige forhold"
    assert definition.text == (
        "omstendigheter eller sammenhenger som antas å kunne føre til alvorlige hendelser."
    )
    refs = {r.id: r for r in main.references}
    # seed: «Fra Ukoms lov: § 1.Formål ... § 3.Definisjoner», with no address
    assert (refs["ukom-loven-1"].text, refs["ukom-loven-1"].url) == ("Ukoms lov, § 1 Formål", None)
    assert (refs["ukom-loven-3"].text, refs["ukom-loven-3"].url) == (
        "Ukoms lov, § 3 Definisjoner",
        None,
    )


def test_references_say_only_what_the_slides_say(main) -> None:
    refs = {r.id: r for r in main.references}
    # the slides name these without an address or a full title
    for ref_id in ("helsedirektoratet-faglige-rad", "hsib-staff-support", "schroder-2022"):
        assert refs[ref_id].url is None, ref_id
    assert refs["schroder-2022"].text == "Schrøder et al 2022 (The Buddy Study)"
    assert refs["hsib-staff-support"].text == (
        "HSIB – Support for staff following patient safety incidents"
    )


def test_themes_keep_the_sources_meaning(library: Library) -> None:
    themes = {t.id: " ".join(t.intro.split()) for t in library.reflections["kollegastotte"].themes}
    # seed: «Før hendelsen: Åpenhetskultur / Forberedelse: kunnskap om reaksjoner», no ranking
    assert "viktigste" not in themes["forberedelse"]
    assert (
        "åpenhetskultur og forberedelse, det vil si kunnskap om reaksjoner"
        in (themes["forberedelse"])
    )
    # seed: «Anne opplevde at kollegastøtten hadde tillit til henne»
    assert "trodd" not in themes["rett-etter"]
    assert "kollegastøtten har tillit til deg" in themes["rett-etter"]


def test_preliminary_findings(main) -> None:
    assert [f.id for f in main.findings] == [
        "mange-navn",
        "lite-tilgjengelig-materiale",
        "variasjon-mellom-yrkesgrupper",
        "lite-pa-systemniva",
    ]
    texts = {f.id: " ".join(f.text.split()) for f in main.findings}
    variation = texts["variasjon-mellom-yrkesgrupper"]
    # seed: «finner vi i svært liten grad det samme tilbudet for sykepleiere, vernepleiere og
    # helsefagarbeidere»
    assert "i svært liten grad det samme tilbudet for sykepleiere, vernepleiere og" in variation
    assert variation.endswith("helsefagarbeidere.")


def test_stories_with_attribution(main) -> None:
    assert [(s.id, s.kind) for s in main.stories] == [
        ("tromso", "sitat"),
        ("anne", "historie"),
        ("forste-kneika", "sitat"),
    ]
    for story in main.stories:
        assert story.attribution
    stories = {s.id: s for s in main.stories}
    assert "drukningstragedien i Tromsø" in stories["tromso"].attribution
    assert stories["anne"].text.startswith("Kollegastøtten fulgte Anne opp underveis på vakten")
    assert "den første kneika" in stories["forste-kneika"].text.replace("\n", " ")


def test_references_to_studies(main) -> None:
    ids = [r.id for r in main.references]
    assert len(ids) == 13
    for expected in (
        "gtt-2020",
        "oecd-2021",
        "de-bienassis-2021",
        "ukom-tromso-2021",
        "hsib-staff-support",
        "karlsson-stafseth-2022",
        "lie-2021",
        "mesel-2014",
        "aasland-forde",
        "schroder-2022",
    ):
        assert expected in ids


def test_frameworks_named_in_the_session(library: Library, main) -> None:
    assert set(main.frameworks) == {*NEW_FRAMEWORKS, "psirf"}
    for framework_id in NEW_FRAMEWORKS:
        assert library.frameworks[framework_id].sources == [MAIN]
    assert library.frameworks["global-trigger-tool"].acronym == "GTT"
    assert library.frameworks["candor"].acronym == "CANDOR"


def test_psirf_lists_both_sources_and_both_years(library: Library) -> None:
    psirf = library.frameworks["psirf"]
    assert psirf.sources == ["ukom-systemperspektiv", MAIN]
    (discrepancy,) = psirf.discrepancies
    assert discrepancy.versions == [
        "2019 (Ukom, Systemperspektiv i gjennomganger)",
        "2020 (LEFO og RVTS Øst, Knust – hvordan ivareta helsepersonell etter uønskede hendelser?)",
    ]
    assert "2019" in discrepancy.text
    assert "2020 NHS" in discrepancy.text


# --------------------------------------------------------------------------- summary-only talk


def test_dyrbye_is_summary_only_part(dyrbye) -> None:
    assert dyrbye.sharing == "bare sammendrag"
    assert dyrbye.part_of == MAIN
    assert dyrbye.authors == ["Lotte Dyrbye"]


def test_dyrbye_reproduces_nothing(dyrbye) -> None:
    assert dyrbye.stories == []
    assert dyrbye.sections == []
    assert dyrbye.key_figures == []
    assert dyrbye.catalogues == []
    assert dyrbye.findings == []
    assert dyrbye.statistics == []
    assert dyrbye.questionnaires == []
    assert dyrbye.definitions == []
    assert "«" not in dyrbye.summary  # no quotations from the talk
    assert len(dyrbye.summary) < 1000
    assert dyrbye.summary.count("\n  - ") + dyrbye.summary.count("\n- ") == 4


def test_dyrbye_references_keep_the_claim_they_support(dyrbye) -> None:
    # seed: each reference stands in brackets after the point it supports; «(Flere
    # referanser)» after «kollegastøtte er det de allerfleste oppgir som en viktig støtte»
    refs = {r.id: f"{r.text} – støtter: {r.supports}" for r in dyrbye.references}
    assert list(refs) == [
        "west-2006",
        "west-2009",
        "flere-referanser",
        "west-2014",
        "west-dyrbye-2015",
        "mayo-2021",
    ]
    assert refs["west-2006"].startswith("West, JAMA. 2006;296:1071-1078 – støtter: involvering")
    assert "utbrenthet er en risiko for uønskede hendelser" in refs["west-2009"]
    assert refs["flere-referanser"].startswith("(Flere referanser) – støtter: de aller fleste")
    assert "påviselig positive effekter" in refs["west-2014"]
    assert "depresjon og ønske om å slutte" in refs["west-dyrbye-2015"]
    summary = " ".join(dyrbye.summary.split())
    assert "(West, JAMA 2006)" in summary and "(West, JAMA 2009)" in summary
    assert "flere referanser uten å nevne dem" in summary


# --------------------------------------------------------------------------- roles


def test_existing_roles_unchanged_and_new_roles_added(library: Library) -> None:
    roles = library.roles
    assert roles["leder-gjennomgang"].address == "Til deg som skal lede en gjennomgang"
    assert roles["leder-virksomhet"].level == 2
    assert roles["leder-overordnet"].level == 3
    assert [r.id for r in library.roles_in_order()][:6] == [
        "leder-gjennomgang",
        "leder-virksomhet",
        "leder-overordnet",
        "leder-enhet",
        "kollega",
        "kollegastotte",
    ]
    for role_id in ("leder-enhet", "kollega", "kollegastotte"):
        assert roles[role_id].address.startswith("Til deg som ")
        assert roles[role_id].examples


# --------------------------------------------------------------------------- reflection set


def test_reflection_set_is_written_for_refleks(library: Library) -> None:
    reflection = library.reflections["kollegastotte"]
    assert reflection.authored_by == "refleks"
    assert reflection.source == MAIN
    assert [t.number for t in reflection.themes] == [1, 2, 3, 4, 5, 6]
    counts = {t.id: {r: len(q) for r, q in t.questions.items()} for t in reflection.themes}
    assert counts == {
        "kultur-og-ledelse": {"leder-overordnet": 2, "leder-enhet": 2, "kollega": 1},
        "forberedelse": {"leder-enhet": 2, "kollega": 2},
        "rett-etter": {"leder-enhet": 2, "kollega": 2, "kollegastotte": 2},
        "oppfolging": {"leder-gjennomgang": 2, "leder-enhet": 2, "kollega": 1},
        "kollegastotteordning": {"leder-overordnet": 2, "leder-enhet": 2, "kollegastotte": 2},
        "hverdagen": {"leder-enhet": 1, "kollega": 2, "kollegastotte": 1},
    }
    questions = [q for q in library.questions() if q.reflection.id == "kollegastotte"]
    assert len(questions) == 30
    assert len(library.questions_for_role("kollegastotte")) == 5
    for theme in reflection.themes:
        assert theme.intro and theme.notes


# --------------------------------------------------------------------------- built site


def _html(site: Path, md_path: str) -> str:
    return (site / urls.page_html(md_path)).read_text(encoding="utf-8")


def test_built_main_page(built_site: Path) -> None:
    html = _html(built_site, urls.source_page(MAIN))
    assert "13%" in html
    assert "GTT Global Trigger Tool norske data 2020" in html
    assert "Kildebeskyttende" in html
    assert "Kollegastøtten fulgte Anne opp underveis på vakten" in html
    assert "The Buddy Study (Schrøder et al 2022)" in html
    assert "Ikke bagatellisere opplevelse" in html
    assert "dyrbye-kollegastotte.html" in html


def test_built_dyrbye_page(built_site: Path) -> None:
    html = _html(built_site, urls.source_page(DYRBYE))
    assert "Bare sammendrag" in html
    assert "refleks-sitat" not in html
    assert "refleks-historie" not in html


def test_built_psirf_page_shows_both_years(built_site: Path) -> None:
    html = _html(built_site, urls.framework_page("psirf"))
    assert "2019 (Ukom, Systemperspektiv i gjennomganger)" in html
    assert "2020 (LEFO og RVTS Øst, Knust" in html


def test_built_reflection_pages(built_site: Path) -> None:
    html = _html(built_site, urls.theme_page("kollegastotte", "rett-etter"))
    assert "Hvordan lytter jeg uten å vurdere eller granske det som skjedde?" in html
    role = _html(built_site, urls.role_page("kollegastotte"))
    assert "Til deg som er kollegastøtte" in role


# --------------------------------------------------------------------------- origins

# what the slide «Internasjonal forskning» gives for each of these is the title only; who made
# them and what they are is written for Refleks (refleks_note) or left out
TITLE_ONLY = {
    "candor": "«CANDOR – Communication and Optimal Resolution»",
    "den-gode-samtale": "«Den gode samtale når noget går galt»",
    "din-skyldighet-att-informera": "«Din skyldighet att informera och göra patienten delaktig»",
    "open-disclosure-handbook": "«Open Disclosure Handbook»",
    "supporting-surgeons-after-adverse-events": "«Supporting surgeons after adverse events»",
    "talk": "«TALK – A tool of structured clinical debriefing»",
    "om-en-patient-drabbas": "«Om en patient drabbas»",
    "reparative-communication": "«Reparative communication and person-centered crisis support»",
}


def test_frameworks_named_only_by_title_say_nothing_more_under_the_source(
    library: Library,
) -> None:
    for framework_id, title in TITLE_ONLY.items():
        fw = library.frameworks[framework_id]
        summary = " ".join(fw.summary.split())
        assert title in summary, framework_id
        assert "Lysarket gir bare tittelen." in summary, framework_id
        assert fw.origin is None and fw.key_ideas == [], framework_id
    notes = {f: " ".join(library.frameworks[f].refleks_note.split()) for f in TITLE_ONLY}
    assert "Agency for Healthcare Research and Quality (AHRQ)" in notes["candor"]
    assert "Dansk Selskab for Patientsikkerhed" in notes["den-gode-samtale"]
    assert "Socialstyrelsen" in notes["din-skyldighet-att-informera"]
    assert "Target" in notes["talk"] and "Key actions" in notes["talk"]


def test_gtt_and_buddy_study_as_the_slides_give_them(library: Library) -> None:
    gtt = library.frameworks["global-trigger-tool"]
    # seed: «13% av somatiske sykehusopphold medfører pasientskade ... GTT ... norske data 2020»
    assert "13 % av somatiske sykehusopphold medfører pasientskade" in " ".join(gtt.summary.split())
    assert "2010" not in gtt.summary + gtt.refleks_note
    assert gtt.origin is None and "(IHI)" in gtt.refleks_note
    buddy = library.frameworks["buddy-study"]
    # seed: «The Buddy Study (Schrøder et al 2022)»
    assert buddy.origin == "Schrøder et al 2022"
    assert "danske" not in buddy.summary and "alle medarbeiderne" not in buddy.summary
    assert buddy.key_ideas == [
        "Undervisning om normalreaksjoner.",
        "Medarbeidersamtale.",
        "Nær kollega som støtteperson.",
    ]


def test_talk_is_named_once_in_the_lists(built_site: Path) -> None:
    for page in (urls.source_page(MAIN), "rammeverk/index.md"):
        html = _html(built_site, page)
        assert "TALK – TALK" not in html
        assert "TALK – A tool of structured clinical debriefing" in html


def test_built_framework_page_marks_what_refleks_added(built_site: Path) -> None:
    html = _html(built_site, urls.framework_page("candor"))
    mark = html.index("Skrevet for Refleks – står ikke i kilden")
    assert html.index("AHRQ", html.index("<h1")) > mark  # the origin only under the mark
