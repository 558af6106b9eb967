"""The shipped walkround method from Helsedirektoratet's guide (seed 004): source, method,
example visit, and the method's page in the built site."""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from pathlib import Path

import pytest

from refleks import urls
from refleks.content.model import Library

SOURCE_ID = "hdir-pasient-og-brukersikkerhetsvisitt"
METHOD_ID = "pasientsikkerhetsvisitt"
VISIT_ID = "eksempel-solbakken"


@pytest.fixture(scope="module")
def source(library: Library):
    return library.sources[SOURCE_ID]


@pytest.fixture(scope="module")
def method(library: Library):
    return library.methods[METHOD_ID]


@pytest.fixture(scope="module")
def visit(library: Library):
    return library.visits[VISIT_ID]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces as single spaces (YAML block scalars wrap)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- source


def test_source_metadata(source) -> None:
    assert source.title == "Pasient- og brukersikkerhetsvisitt"
    assert source.subtitle == "Nasjonalt pasientsikkerhetsprogram I trygge hender 24-7"
    assert source.publisher == "Helsedirektoratet"
    assert source.kind == "veileder"
    assert source.year == 2017
    assert source.frameworks == ["forbedringsmodellen"]


def test_source_programme_contact_and_background(source) -> None:
    sections = {s.id: s for s in source.sections}
    assert list(sections) == [
        "programmet",
        "kontakt",
        "kultur",
        "bakgrunn",
        "forbedringsmodellen",
        "vedlegg",
    ]
    assert "Sekretariatets telefon: 464 19 575" in sections["kontakt"].items
    assert (
        "Generelle henvendelser: post@pasientsikkerhetsprogrammet.no" in sections["kontakt"].items
    )
    assert "Utviklingssenter for sykehjem og hjemmetjenester" in flat(sections["programmet"].text)
    assert "Allan Frankel" in flat(sections["bakgrunn"].text)
    assert "Boston" in flat(sections["bakgrunn"].text)
    assert "(2013/2014)" in flat(sections["bakgrunn"].text)
    assert len(sections["vedlegg"].items) == 4
    (who,) = [d for d in source.definitions if d.id == "pasientsikkerhet"]
    # the guide's own sentence, verbatim
    assert flat(who.text) == (
        "I tråd med Verdens helseorganisasjon defineres pasientsikkerhet som vern mot unødig "
        "skade som følge av helsetjenestens ytelser eller mangel på ytelser"
    )
    assert "Verdens helseorganisasjon" in who.attribution


def test_source_key_figures_and_links(source) -> None:
    values = {k.id: k.value for k in source.key_figures}
    assert values == {
        "en-time": "én time",
        "fem-personer": "fem personer",
        "tre-tiltak": "en til tre",
        "en-uke": "én uke",
        "fire-virkedager": "fire virkedager",
        "tre-maneder": "tre måneder",
        "laeringsnettverk": "2013/2014",
    }
    urls_ = [link.url for link in source.links]
    assert "http://www.pasientsikkerhetsprogrammet.no/" in urls_
    assert "mailto:post@pasientsikkerhetsprogrammet.no" in urls_
    assert [r.id for r in source.references] == ["who-pasientsikkerhet", "forbedringskunnskap"]


def test_source_records_the_two_email_addresses(source) -> None:
    (email,) = [d for d in source.discrepancies if d.id == "e-postadresse"]
    assert email.versions == [
        "Generelle henvendelser: post@pasientsikkerhetsprogrammet.no",
        "mailto:post@pasientsikkerhetskampanjen.no",
    ]


def test_framework_model_for_improvement(library: Library) -> None:
    fw = library.frameworks["forbedringsmodellen"]
    assert fw.name == "Forbedringsmodellen (Model for Improvement)"
    assert fw.sources == [SOURCE_ID]
    # seed: «Vi anbefaler å bruke forbedringsmodellen (Model for Improvement) for å lykkes med
    # innføring av forbedringstiltakene»; nothing about the programme using it
    summary = " ".join(fw.summary.split())
    assert "for å lykkes med innføring av forbedringstiltakene" in summary
    assert "I trygge hender" not in summary
    assert fw.key_ideas == []
    assert fw.refleks_note  # the model's questions: marked as written for Refleks


def test_method_assigns_no_one_the_guide_does_not(method) -> None:
    steps = {s.id: s for p in method.phases for s in p.steps}
    # vedlegg 4 and the text name no one for these steps
    for step_id in (
        "avklar-rammer",
        "arsoversikt",
        "ledergruppen",
        "kontaktperson",
        "invitasjonsbrev",
        "drofte-informasjon",
        "male-fremgang",
    ):
        assert steps[step_id].who is None, step_id
    roles = {r.id: r for r in method.roles}
    assert "øverste leder selv" not in roles["leder-for-visitten"].who


# --------------------------------------------------------------------------- method


def test_method_points_to_its_source(method) -> None:
    assert method.source == SOURCE_ID
    assert method.title == "Pasient- og brukersikkerhetsvisitt"
    assert [s.id for s in method.sections] == [
        "hensikt",
        "forutsetninger",
        "tid-og-sted",
        "ledergruppen",
        "samtalen",
        "bakgrunn",
    ]
    sections = {s.id: s for s in method.sections}
    assert sections["ledergruppen"].items[:3] == [
        "Øverste leder (eks. kommunaldirektør, helse og omsorgssjef, virksomhetsleder)",
        "Koordinator/tilrettelegger for pasient- og brukersikkerhetsvisittene",
        "En sekretær (kan for eksempel være koordinator/tilrettelegger)",
    ]
    assert (
        "Visittene bør aldri avlyses, men kan unntaksvis utsettes." in sections["tid-og-sted"].items
    )


def test_eight_roles_with_who_and_tasks(method) -> None:
    assert [r.id for r in method.roles] == [
        "overste-leder",
        "leder-for-visitten",
        "koordinator",
        "sekretaer",
        "medisinskfaglig-radgiver",
        "linjeledere",
        "kontaktperson",
        "samtalegruppen",
    ]
    roles = {r.id: r for r in method.roles}
    assert all(r.who and r.tasks for r in method.roles)
    assert [r.id for r in method.roles if not r.required] == [
        "medisinskfaglig-radgiver",
        "linjeledere",
    ]
    assert "kommuneoverlege" in roles["medisinskfaglig-radgiver"].who
    assert "kjøkkenpersonale" in roles["samtalegruppen"].who
    assert "ufaglærte" in roles["samtalegruppen"].who
    assert "ingen rolle i samtalen" in roles["linjeledere"].tasks[0]


def test_three_phases_with_every_step(method) -> None:
    assert [(p.id, p.title, len(p.steps)) for p in method.phases] == [
        ("forberedelse", "Forberedelse", 12),
        ("gjennomforing", "Gjennomføring", 6),
        ("oppfolging", "Oppfølging", 9),
    ]
    steps = {(p.id, s.id): s for p in method.phases for s in p.steps}
    assert steps[("forberedelse", "bekreftelse")].timing == "Én uke før visitten"
    assert steps[("forberedelse", "planlegging")].who == "Koordinator"
    assert steps[("forberedelse", "samtalegruppe")].who == "Ansvarlig kontaktperson"
    assert steps[("gjennomforing", "tre-tiltak")].text.endswith("Husk ansvarsfordeling!")
    assert steps[("oppfolging", "referat")].who == "Sekretæren"
    assert steps[("oppfolging", "referat")].timing == "Innen fire virkedager"
    assert steps[("oppfolging", "oppfolgingsbesok")].timing == "Tre måneder etter visitten"
    assert steps[("oppfolging", "evaluer")].timing == "Umiddelbart etter visitten"


def test_letter_sections_in_order(method) -> None:
    letter = method.letter
    assert letter.title == "Invitasjon til pasient- og brukersikkerhetsvisitt"
    assert [s.id for s in letter.sections] == [
        "innledning",
        "formal",
        "underveis",
        "hovedtiltak",
        "opplysningene",
        "kontakt",
    ]
    sections = {s.id: s for s in letter.sections}
    assert [s.id for s in letter.sections if s.show_title] == ["underveis", "opplysningene"]
    assert sections["underveis"].title == "Hva skjer underveis?"
    assert sections["opplysningene"].title == "Hva skjer med opplysningene?"
    assert sections["formal"].text == "Formålet med pasient- og brukersikkerhetsvisitten er å"
    assert sections["formal"].points == [
        "Øke bevisstheten rundt pasient- og brukersikkerhet i alle kommunens enheter som yter "
        "helsehjelp.",
        "Gjøre pasient- og brukersikkerhet til en prioritert oppgave for toppledere, ved å "
        "arbeide målbevisst for å fremme en pasientsikkerhetskultur.",
        "Innhente informasjon som identifiserer områder som kan forbedres, og innføre konkrete "
        "tiltak i henhold til dette.",
        "Bygge opp kommunikasjonskanaler og relasjoner mellom øverste ledelse og personale som "
        "arbeider tett på bruker.",
    ]
    assert sections["underveis"].points == [
        "Forhold som dere mener kan sette brukeren i fare",
        "Hva kan vi gjøre sammen for å bedre sikkerheten for brukeren?",
        "Kommunikasjon mellom ansatte",
        "Hva kan ledelsen bidra med?",
    ]
    intro = " ".join(sections["innledning"].text.split())
    assert intro.startswith("{kommune} er opptatt av pasient- og brukersikkerhet")
    # vedlegg 1: «vil ….direktør og .... gjennomføre en pasient- og brukersikkerhetsvisitt på
    # din enhet Dato____Klokken____»: the blanks are fields, filled in as a sentence with the
    # place, and the guide's example group is the visit's own ({deltakere})
    assert (
        "i organisasjonen vil {ledere} gjennomføre en pasient- og brukersikkerhetsvisitt på din "
        "enhet ({enhet}) {dato} klokken {klokkeslett}. Møtested: {sted}." in intro
    )
    assert "De jeg ønsker å snakke med, er {deltakere}." in intro
    assert "ledelsen gjennomføre" not in intro
    assert "Du som er leder for enheten, er velkommen til å delta på møtet som observatør." in (
        intro
    )
    assert sections["kontakt"].text.strip() == "Vi ser frem til å møte dere!"
    assert [f.id for f in letter.fields] == [
        "kommune",
        "ledere",
        "enhet",
        "dato",
        "klokkeslett",
        "kontakt",
        "underskrift",
    ]


def test_letter_uses_only_the_known_placeholders(method) -> None:
    known = {"enhet", "kommune", "ledere", "dato", "klokkeslett", "sted", "varighet", "deltakere"}
    texts = [s.text for s in method.letter.sections] + [
        p for s in method.letter.sections for p in s.points
    ]
    used = {name for text in texts for name in re.findall(r"\{([^}]*)\}", text)}
    # the guide's blanks: «………… kommune», «….direktør og ....», «din enhet Dato____Klokken____»,
    # with the place and the group the visit file gives
    assert used == {"kommune", "ledere", "enhet", "dato", "klokkeslett", "sted", "deltakere"}
    assert used <= known


def test_staff_information(method) -> None:
    info = method.staff_information
    assert info.title == "Informasjon til medarbeidere"
    assert len(info.items) == 7
    assert "Opplysninger som kommer frem under visitten, er konfidensielle." in info.items


def test_question_guide_every_question_verbatim(method) -> None:
    guide = method.question_guide
    assert guide.title == "Forslag til spørsmål under pasient- og brukersikkerhetsvisitten"
    assert guide.intro.startswith("Hensikten med disse veiledende spørsmålene")
    assert [(c.title, len(c.questions)) for c in guide.categories] == [
        ("Avvik", 7),
        ("Kommunikasjon", 1),
        ("Miljø", 3),
        ("Gruppearbeid", 1),
        ("Brukermedvirkning", 2),
        ("Definere 3 tiltak", 1),
    ]
    cats = {c.id: c for c in guide.categories}
    assert cats["avvik"].questions[0] == "Når ble en bruker sist skadet på din enhet? Hva skjedde?"
    assert cats["avvik"].questions[6] == (
        "Har du utviklet en egen fremgangsmåte som du benytter for å unngå å gjøre feil "
        "(huskelapper, dobbelsjekking eller lignende.)"
    )
    assert cats["avvik"].subpoints == {
        3: [
            # the guide's misprint «hjemmetjenestennesten», corrected in brackets
            "Aspekter ved inn-/ut-skriving til [hjemmetjenesten]",
            "Forflytninger innenfor kommunen",
            "IT-/dataproblemer",
        ]
    }
    assert cats["miljo"].questions[0] == (
        "Ville du likt at et medlem av din familie mottok tjenester her?"
    )
    assert cats["brukermedvirkning"].questions[1] == (
        "Har du hatt muligheten til å gi brukerne en så trygg pleie som mulig denne uken? "
        "Hvis ikke, hvorfor ikke?"
    )
    assert cats["definere-tiltak"].questions == [
        "Hvilke spesifikke tiltak fra ledelsens side vil gjøre arbeidet du gjør, tryggere for "
        "brukeren?"
    ]
    for cat in guide.categories:
        assert all(1 <= n <= len(cat.questions) for n in cat.subpoints)


def test_action_plan_columns_and_examples(method) -> None:
    plan = method.action_plan
    assert [(c.id, c.title, c.help) for c in plan.columns] == [
        ("problem", "Identifiserte problem", ""),
        ("goal", "Målsetting", "Hva ønsker vi å oppnå?"),
        ("measures", "Hvilke målinger kan dokumentere at endringen er en forbedring?", ""),
        ("changes", "Hvilke konkrete tiltak vil vi iverksette for å nå målet?", ""),
        ("responsible", "Hvem har ansvaret?", ""),
        ("due", "Når er endringene iverksatt?", ""),
    ]
    assert len(plan.examples) == 2
    first, second = plan.examples
    assert first.problem.startswith("Eks. flere av beboerne har trykksår")
    assert first.goal.splitlines() == [
        "Forebygge nye trykksår og forverring av gamle",
        "Redusere antall trykksår med 30% innen mars 2018.",
    ]
    assert first.measures == "Antall trykksår"
    assert first.changes.splitlines()[0] == "Vurdere innkjøp av nye trykkavlastende madrasser"
    assert first.responsible.splitlines() == ["Lene", "Kaia"]
    assert first.due.splitlines() == ["Innkjøp innen 01.12.2017", "Oppstart første møte: 01.12.17"]
    assert second.model_dump() == {
        "problem": "Eks. det mangler armlener på toalettet i gangen og beboere har falt ned fra "
        "toalettet.",
        "goal": "Ingen brukere skal falle når de sitter på do",
        "measures": "Kontrollere antall fall senere",
        "changes": "Kjøpe inn armlener asap!",
        "responsible": "Lene",
        "due": "10.11.2017",
    }


def test_minutes_and_deadlines(method) -> None:
    assert [s.id for s in method.minutes] == [
        "om-visitten",
        "droftet",
        "problemer",
        "tiltak",
        "oppfolging",
        "underskrift",
    ]
    d = method.deadlines
    assert (d.reminder_days_before, d.minutes_working_days, d.follow_up_months) == (7, 4, 3)
    assert (d.max_minutes, d.group_size, d.max_problems) == (60, 5, 3)


def test_discrepancies_keep_both_versions(method) -> None:
    found = {d.id: d for d in method.discrepancies}
    assert list(found) == [
        "referat-frist",
        "antall-tiltak",
        "hvem-oppsummerer",
        "referat-og-brev",
        "vedlegg-1",
        "vedlegg-3",
        "brev-jeg-og-vi",
        "trykkfeil-hjemmetjenesten",
    ]
    assert found["referat-frist"].versions == [
        "I løpet av fire virkedager bør sekretæren sende ut et referat",
        "Innen fire dager:",
    ]
    versions = found["antall-tiltak"].versions
    assert any("en til tre" in v for v in versions)
    assert any("opp til tre" in v for v in versions)
    assert "Definere 3 tiltak" in versions
    assert all(len(d.versions) >= 2 for d in method.discrepancies)


# --------------------------------------------------------------------------- example visit


def test_example_visit(visit) -> None:
    assert visit.method == METHOD_ID
    assert visit.municipality == "Eksempel kommune"
    assert visit.date.year == 2027
    assert visit.date.weekday() < 5
    assert visit.duration_minutes <= 60
    assert len(visit.participants) == 5
    assert {"kjøkkenpersonale", "ufaglært"} <= set(visit.participants)
    assert visit.unit_leader.name == "Kari Nordmann"
    assert visit.leadership.top_leader.name == "Ola Nordmann"
    assert len(visit.actions) == 2
    for action in visit.actions:
        assert action.changes
        for change in action.changes:
            assert change.responsible
            assert isinstance(change.due, dt.date)
            assert change.due > visit.date


# --------------------------------------------------------------------------- built site


def _text(page: Path) -> str:
    return flat(html_lib.unescape(page.read_text(encoding="utf-8")))


def test_built_method_page(built_site: Path) -> None:
    page = built_site / urls.page_html(urls.method_page(METHOD_ID))
    text = _text(page)
    assert "<h1" in text and "Pasient- og brukersikkerhetsvisitt</h1>" in text
    assert 'class="admonition note"' in text and "Kildene sier ulikt" in text
    assert "post@pasientsikkerhetskampanjen.no" in text
    assert "Innen fire dager:" in text
    # the checklist: one labelled checkbox per step
    assert len(re.findall(r'<input type="checkbox" id="steg-[a-z-]+">', text)) == 12 + 6 + 9
    assert 'for="steg-oppfolging-referat"' in text
    # the question guide, verbatim
    assert "Melder du alltid fra når du gjør en feil?" in text
    assert "IT-/dataproblemer" in text
    # the action plan table
    assert "<caption>Eksempler fra veilederen (vedlegg 3)</caption>" in text
    assert text.count('<th scope="col">') == 6
    assert text.count('<th scope="row">') == 2
    assert "Redusere antall trykksår med 30% innen mars 2018." in text
    assert "Kjøpe inn armlener asap!" in text
    # the letter's purpose and the link back to the source
    assert "Bygge opp kommunikasjonskanaler og relasjoner" in text
    assert 'href="../../kilder/hdir-pasient-og-brukersikkerhetsvisitt.html"' in text
    # «Linjeledere kan være observatører»: optional, not recommended
    observers = text.split('id="rolle-linjeledere"', 1)[1].split("<h3", 1)[0]
    assert "Ikke påkrevd." in observers and "Anbefalt" not in observers
    # the guide's plan has six columns; the seventh is Refleks's and says so
    assert "har i tillegg kolonnen «Status»" in text
    assert "kolonnen er lagt til av Refleks" in text


def test_letters_fill_the_guides_blanks(library: Library, visit) -> None:
    from refleks.walkround.kit import Kit

    method = library.methods[METHOD_ID]
    intro = next(s for s in method.letter.sections if s.id == "innledning").text
    filled = flat(Kit(library, method, visit).fill(intro))
    # eksempel-solbakken.yaml: top_leader Ola Nordmann, kommunaldirektør; visit_leader Eva
    # Eksempel, helse- og omsorgssjef
    assert (
        "Eksempel kommune er opptatt av pasient- og brukersikkerhet, og for å øke bevissthet "
        "rundt dette i organisasjonen vil kommunaldirektør Ola Nordmann og helse- og "
        "omsorgssjef Eva Eksempel gjennomføre en pasient- og brukersikkerhetsvisitt på din "
        "enhet (Solbakken sykehjem, avdeling 2) tirsdag 13. april 2027 klokken 13.00. "
        "Møtested: Møterommet, 2. etasje."
    ) in filled
    blank = flat(Kit(library, method).fill(intro))
    # blanks long enough to write a title and a name in (31 dots, about 4 cm)
    dots = "." * 31
    assert f"vil {dots}direktør og {dots} gjennomføre en pasient- og brukersikkerhetsvisitt" in (
        blank
    )


def test_built_source_page(built_site: Path) -> None:
    page = built_site / urls.page_html(urls.source_page(SOURCE_ID))
    text = _text(page)
    assert "464 19 575" in text
    assert "Allan Frankel" in text
    assert "post@pasientsikkerhetskampanjen.no" in text


def test_built_method_page_links_every_blank_document(built_site: Path) -> None:
    page = built_site / urls.page_html(urls.method_page(METHOD_ID))
    text = page.read_text(encoding="utf-8")
    links = re.findall(r'<li><a href="([^"]+)">', text.split('id="blanke-skjemaer"', 1)[1])
    names = [link.rsplit("/", 1)[-1] for link in links]
    assert names == [
        "invitasjonsbrev.pdf",
        "invitasjonsbrev.docx",
        "sporsmalsguide.pdf",
        "plakat.pdf",
        "tiltaksplan.xlsx",
        "tiltaksplan.docx",
        "tiltaksplan.pdf",
        "referat.docx",
    ]
    for link in links:
        assert (page.parent / link).resolve().is_file(), link
