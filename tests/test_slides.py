"""Slide decks: what the content says they hold, and the real decks in headless Chromium
(from disk and over http), stepped through with the keyboard."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from refleks import urls
from refleks.content.model import Library
from refleks.decks import slides
from refleks.writer import write_tree
from tests.browser import Recorder, axe_violations, describe, serve, wait_until

SECTION = re.compile(r"<section\b[^>]*>(.*?)</section>", re.S)
NOTES = re.compile(r'<aside class="notes">(.*?)</aside>', re.S)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def roles_with_questions(library: Library, theme) -> int:
    return sum(1 for r in library.roles if theme.questions.get(r))


# --------------------------------------------------------------------------- expectations
# Counted from the content here, independently of how slides.py builds the decks.


def expected_set(library: Library, reflection) -> int:
    n = 1 + bool(reflection.intro.strip()) + bool(reflection.instruction.strip())
    for theme in reflection.themes:
        n += 1 + len(theme.findings) + len(theme.stories) + roles_with_questions(library, theme)
    return n + 1


def expected_theme(library: Library, reflection, theme) -> int:
    n = 1 + bool(reflection.instruction.strip())
    return (
        n + 1 + len(theme.findings) + len(theme.stories) + roles_with_questions(library, theme) + 1
    )


def expected_role(library: Library, role_id: str) -> int:
    n = 1
    for reflection in library.reflections.values():
        mine = [t for t in reflection.themes if t.questions.get(role_id)]
        if mine:
            n += bool(reflection.instruction.strip())
            n += sum(1 + len(t.findings) + len(t.stories) + len(t.questions[role_id]) for t in mine)
    return n + 1


def all_decks(library: Library) -> dict[str, tuple[int, str]]:
    """Deck path -> (slide count, text version page) for every deck the site should have."""
    decks = {}
    for r in library.reflections.values():
        decks[urls.reflection_deck(r.id)] = (
            expected_set(library, r),
            urls.page_html(urls.reflection_page(r.id)),
        )
        for t in r.themes:
            decks[urls.theme_deck(r.id, t.id)] = (
                expected_theme(library, r, t),
                urls.page_html(urls.theme_page(r.id, t.id)),
            )
    for role_id in library.roles:
        if any(q.role.id == role_id for q in library.questions()):
            decks[urls.role_deck(role_id)] = (
                expected_role(library, role_id),
                urls.page_html(urls.role_page(role_id)),
            )
    return decks


@pytest.fixture(scope="module")
def site(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lysark")
    write_tree(root, slides.files(library))
    return root


# --------------------------------------------------------------------------- the files


def test_one_deck_per_set_theme_and_role_and_nothing_else(library: Library, site: Path) -> None:
    written = {p.relative_to(site).as_posix() for p in (site / urls.DECKS).glob("*.html")}
    assert written == set(all_decks(library))
    for name in ("reveal.js", "reveal.css", "reset.css", "notes.js", "refleks-lysark.css"):
        assert (site / slides.ASSETS / name).is_file(), name


def test_slide_count_follows_the_content(library: Library, site: Path) -> None:
    for path, (count, _) in all_decks(library).items():
        text = (site / path).read_text("utf-8")
        assert len(SECTION.findall(text)) == count, path


def test_every_slide_has_speaker_notes(library: Library, site: Path) -> None:
    for path in all_decks(library):
        for body in SECTION.findall((site / path).read_text("utf-8")):
            notes = NOTES.findall(body)
            assert len(notes) == 1 and text_of(notes[0]), f"{path}: a slide without notes"


def test_theme_notes_are_the_speaker_notes_of_the_theme_slides(
    library: Library, site: Path
) -> None:
    reflection = library.reflections["systemperspektiv"]
    theme = reflection.themes[0]
    assert theme.notes.strip()
    text = (site / urls.theme_deck(reflection.id, theme.id)).read_text("utf-8")
    theme_slide = re.search(r'<section [^>]*data-refleks-kind="theme">(.*?)</section>', text, re.S)
    assert theme.title in theme_slide.group(1)
    # systemperspektiv.yaml: notes_authored_by: sammendrag, so the notes are marked as
    # Refleks's summary of the source
    mark = "Refleks' sammendrag av kilden"
    notes = text_of(NOTES.findall(theme_slide.group(1))[0])
    assert notes == " ".join(theme.notes.split()) + " " + mark


def test_notes_fall_back_to_findings_and_recommendations(library: Library) -> None:
    reflection = library.reflections["systemperspektiv"]
    theme = reflection.themes[0].model_copy(update={"notes": ""})
    source, finding = library.finding(theme.findings[0])
    assert slides.theme_notes(library, theme) == (finding,)
    # a finding slide's notes are the source's recommendations on it; the theme's own notes
    # are on the theme slide only
    expected = tuple(r for r in source.recommendations if finding.id in r.findings)
    assert slides.finding_notes(library, theme.findings[0]) == expected


def deck_slides(text: str) -> list[tuple[str, list[str], str]]:
    """(kind, headings, notes as text) of every slide of a rendered deck."""
    out = []
    for kind, body in re.findall(
        r'<section [^>]*data-refleks-kind="(\w+)"[^>]*>(.*?)</section>', text, re.S
    ):
        (notes,) = NOTES.findall(body)
        shown = NOTES.sub("", body)
        headings = [text_of(h) for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", shown, re.S)]
        out.append((kind, headings, text_of(notes)))
    return out


def test_theme_finding_and_question_slides_have_notes_of_their_own(site: Path) -> None:
    text = (site / "lysark/tema-systemperspektiv-ledelse.html").read_text("utf-8")
    notes = {kind: note for kind, _, note in deck_slides(text)}
    assert notes["title"] == (
        "Ønsk velkommen. Si hvor lenge samtalen varer, og at målet er å lære av egen praksis, "
        "ikke å finne feil hos noen. Presentasjonen har ett tema med spørsmål til flere roller: "
        "bruk spørsmålene til rollene som er med i gruppen."
    )
    assert notes["finding"] == (
        "Les funnet «Ledelse av gjennomganger» høyt, eller la en deltaker gjøre det. Spør hva "
        "som var overraskende, og hva som ligner på det dere selv har opplevd."
    )
    assert notes["role_questions"] == (
        "Spørsmålene til overordnet leder: velg ett eller to som passer gruppen. Tenk hver for "
        "dere først, snakk så sammen."
    )
    assert len({notes["theme"], notes["finding"], notes["role_questions"]}) == 3


def test_no_two_slides_in_a_row_share_a_heading_or_notes_in_any_deck(
    library: Library, site: Path
) -> None:
    checked = 0
    for path in all_decks(library):
        shown = deck_slides((site / path).read_text("utf-8"))
        for (kind_a, heads_a, notes_a), (kind_b, heads_b, notes_b) in zip(
            shown, shown[1:], strict=False
        ):
            assert heads_a[-1:] != heads_b[:1], f"{path}: {heads_b[:1]} twice"
            assert notes_a != notes_b, f"{path}: {kind_a} and {kind_b} have the same notes"
            checked += 1
    assert checked > 50


def test_a_finding_titled_like_its_theme_gets_a_heading_of_its_own(site: Path) -> None:
    text = (site / "lysark/tema-systemperspektiv-ledelse.html").read_text("utf-8")
    heads = {kind: h for kind, h, _ in deck_slides(text)}
    assert heads["theme"] == ["Ledelse av gjennomganger"]
    assert heads["finding"] == ["Hva kilden fant"]


def test_role_deck_has_only_that_roles_questions_one_per_slide(
    library: Library, site: Path
) -> None:
    role_id = "leder-virksomhet"
    text = (site / urls.role_deck(role_id)).read_text("utf-8")
    shown = [text_of(m) for m in re.findall(r'<h2 class="refleks-sporsmal">(.*?)</h2>', text)]
    assert shown == [" ".join(q.text.split()) for q in library.questions_for_role(role_id)]
    others = [q for q in library.questions() if q.role.id != role_id]
    assert others and not any(q.text in text for q in others)


def test_decks_link_to_their_text_version_with_relative_links(library: Library, site: Path) -> None:
    for path, (_, page) in all_decks(library).items():
        text = (site / path).read_text("utf-8")
        href = re.search(r'<a class="refleks-tekstlenke" href="([^"]+)"', text).group(1)
        assert not href.startswith(("/", "http", "file:"))
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), href))
        assert resolved == page, path
        assert text.count(f'href="{href}"') >= 2, "the closing slide links to it too"


def test_decks_are_norwegian_with_a_title_and_load_nothing_from_other_hosts(
    library: Library, site: Path
) -> None:
    for path in all_decks(library):
        text = (site / path).read_text("utf-8")
        assert '<html lang="nb">' in text
        title = re.search(r"<title>(.*?)</title>", text).group(1)
        assert title.endswith("– presentasjon") and len(title) > 20
        loaded = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"', text)
        assert loaded and all(u.startswith("reveal/") for u in loaded), loaded
    css = (site / slides.ASSETS / "refleks-lysark.css").read_text("utf-8")
    assert "@import" not in css and "url(" not in css


def test_a_missing_reveal_package_is_reported_in_norwegian(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from refleks.errors import BuildFailed
    from refleks.project import Project

    monkeypatch.setattr(Project, "node_modules", property(lambda self: tmp_path / "nm"))
    with pytest.raises(BuildFailed) as err:
        slides.files(library)
    assert str(err.value) == (
        f"{tmp_path / 'nm' / 'reveal.js' / 'dist/reset.css'} mangler; "
        "kjør ./scripts/build for å installere npm-pakkene"
    )


def test_reveal_js_texts_are_norwegian(library: Library, site: Path) -> None:
    texts = slides.translations(library)
    assert set(texts) == {"reveal.js", "notes.js"}
    for name, pairs in texts.items():
        code = (site / slides.ASSETS / name).read_text("utf-8")
        for english, norwegian in pairs.items():
            assert english not in code and norwegian in code, (name, english)
    notes = (site / slides.ASSETS / "notes.js").read_text("utf-8")
    assert '<html lang="nb">' in notes and "<title>Talervisning</title>" in notes


def test_a_changed_reveal_js_stops_the_build_with_a_norwegian_message(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = _build_with_changed_notes_js(library, tmp_path, monkeypatch, ">Upcoming<", ">Up next<")
    assert str(err.value) == (
        "fant ikke teksten «>Upcoming<» i notes.js fra reveal.js; oppdater "
        "templates/slides/reveal-nb.yaml etter den nye versjonen av reveal.js"
    )


def test_a_notes_js_without_its_style_sheet_stops_the_build(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    err = _build_with_changed_notes_js(library, tmp_path, monkeypatch, "</style>", "</STYLE>")
    assert str(err.value) == (
        "fant ikke ett sted å legge inn talervisning.css i notes.js fra reveal.js; oppdater "
        "templates/slides/talervisning.css etter den nye versjonen av reveal.js"
    )


def test_the_speaker_view_gets_its_style(site: Path) -> None:
    notes = (site / slides.ASSETS / "notes.js").read_text("utf-8")
    assert "#upcoming-slide .label { position: static;" in notes
    assert notes.count("</style>") == 1


# kollegastøtte theme 3 tells the group to hear the stories of Anne and «den første kneika»
# (content/sources/kollegastotte-etter-uonskede-hendelser.txt, lines 423-444)
ANNE = (
    "Kollegastøtten fulgte Anne opp underveis på vakten og trygget henne på at hun gjorde en "
    "god jobb."
)
KNEIKA = "men samtalen var med på å hjelpe meg over den første kneika."


def test_the_stories_the_theme_refers_to_are_in_its_deck(site: Path) -> None:
    text = (site / "lysark/tema-kollegastotte-rett-etter.html").read_text("utf-8")
    shown = deck_slides(text)
    assert [kind for kind, _, _ in shown][2:5] == ["theme", "story", "story"]
    assert [heads for kind, heads, _ in shown if kind == "story"] == [
        ["Anne"],
        ["Den første kneika"],
    ]
    stories = re.findall(r'data-refleks-kind="story">(.*?)<aside', text, re.S)
    assert ANNE in text_of(stories[0]) and KNEIKA in text_of(stories[1])
    for story in stories:
        assert (
            "Intervju Ukom har hatt med en sykepleier som har hatt hjelp av kollegastøtte."
            in text_of(story)
        )
        assert "Kilde: F25: Knust – hvordan ivareta helsepersonell etter uønskede hendelser?" in (
            text_of(story)
        )
    assert "Fortellingene i presentasjonen" not in text
    notes = [note for kind, _, note in shown if kind == "story"]
    assert notes[0] == (
        "Les fortellingen «Anne» høyt, eller la en deltaker gjøre det. Gi gruppen litt tid før "
        "dere går videre til spørsmålene."
    )


# --------------------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def http_root(site: Path):
    with serve(site) as url:
        yield url


def deck_kinds(library: Library) -> list[str]:
    reflection = library.reflections["systemperspektiv"]
    return [
        urls.reflection_deck(reflection.id),
        urls.theme_deck(reflection.id, reflection.themes[1].id),
        urls.role_deck("leder-virksomhet"),
    ]


def open_deck(browser, url: str, **context_options):
    context = browser.new_context(
        viewport={"width": 1280, "height": 720}, reduced_motion="reduce", **context_options
    )
    recorder = Recorder(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    return context, recorder, page, errors


def present_notes(page) -> str:
    return page.evaluate(
        "() => Reveal.getCurrentSlide().querySelector('aside.notes').textContent.trim()"
    )


@pytest.mark.slow
@pytest.mark.parametrize("kind", [0, 1, 2], ids=["sett", "tema", "rolle"])
@pytest.mark.parametrize("mode", ["file", "http"])
def test_deck_in_chromium_keyboard_notes_axe_and_no_other_host(
    library: Library, site: Path, browser, http_root: str, kind: int, mode: str
) -> None:
    path = deck_kinds(library)[kind]
    expected = all_decks(library)[path][0]
    url = (site / path).as_uri() if mode == "file" else http_root + path
    context, recorder, page, errors = open_deck(browser, url)
    assert page.evaluate("Reveal.getTotalSlides()") == expected
    assert page.evaluate("Reveal.hasPlugin('notes')")
    labels = page.locator(".controls button").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"
    )
    assert "neste lysark" in labels and "forrige lysark" in labels
    seen = 0
    while True:
        assert page.evaluate("Reveal.getIndices().h") == seen
        assert present_notes(page), f"slide {seen + 1} has no speaker notes"
        # every slide in http mode, the first and last from disk (they are the same files)
        if mode == "http" or seen == 0 or page.evaluate("Reveal.isLastSlide()"):
            found = axe_violations(page)
            assert found == [], f"slide {seen + 1}:\n{describe(found)}"
        if page.evaluate("Reveal.isLastSlide()"):
            break
        page.keyboard.press("ArrowRight" if seen % 2 else "Space")
        seen += 1
        assert seen < expected, "the keyboard went past the last slide"
    assert seen == expected - 1
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("Reveal.getIndices().h") == expected - 2
    assert errors == []
    context.close()
    recorder.assert_local()


@pytest.mark.slow
def test_speaker_view_works_offline_and_follows_the_deck(
    library: Library, site: Path, browser
) -> None:
    path = deck_kinds(library)[1]
    context, recorder, page, _ = open_deck(browser, (site / path).as_uri())
    first = present_notes(page)
    with context.expect_page() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    notes = speaker.locator(".speaker-controls-notes")
    notes.wait_for()
    assert speaker.title() == "Talervisning"
    assert speaker.locator(".speaker-controls-notes .label").inner_text().lower() == "notater"
    speaker.wait_for_function(
        "text => document.querySelector('.speaker-controls-notes').textContent.includes(text)",
        arg=first[:60],
    )
    page.keyboard.press("ArrowRight")
    second = present_notes(page)
    assert second != first
    speaker.wait_for_function(
        "text => document.querySelector('.speaker-controls-notes').textContent.includes(text)",
        arg=second[:60],
    )
    context.close()
    recorder.assert_local()


SPEAKER_BOXES = """() => {
  const box = el => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  const label = document.querySelector('#upcoming-slide .label');
  const frame = document.querySelector('#upcoming-slide iframe');
  return {label: box(label), frame: box(frame), text: label.textContent.trim()};
}"""


@pytest.mark.slow
@pytest.mark.parametrize("layout", ["default", "wide", "tall"])
def test_speaker_view_label_stands_clear_of_the_upcoming_slide(
    library: Library, site: Path, browser, layout: str, tmp_path: Path
) -> None:
    path = deck_kinds(library)[1]
    context, recorder, page, _ = open_deck(browser, (site / path).as_uri())
    with context.expect_page() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.set_viewport_size({"width": 1280, "height": 800})
    speaker.locator("#upcoming-slide iframe").wait_for()
    speaker.evaluate(
        "layout => { document.body.setAttribute('data-speaker-layout', layout); }", layout
    )
    boxes = speaker.evaluate(SPEAKER_BOXES)
    assert boxes["text"] == "Neste"
    label, frame = boxes["label"], boxes["frame"]
    assert label["bottom"] <= frame["top"], f"«Neste» covers the upcoming slide: {boxes}"
    assert frame["bottom"] - frame["top"] > 100
    speaker.screenshot(path=str(tmp_path / f"talervisning-{layout}.png"))
    context.close()
    recorder.assert_local()


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1024, 768)])
def test_slides_keep_16_9_and_fit_the_screen(
    library: Library, site: Path, browser, size: tuple[int, int]
) -> None:
    path = deck_kinds(library)[0]
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto((site / path).as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.evaluate("[Reveal.getConfig().width, Reveal.getConfig().height]") == [1280, 720]
    box = page.evaluate(
        """() => { const r = document.querySelector('.reveal .slides').getBoundingClientRect();
                   return [r.left, r.top, r.width, r.height]; }"""
    )
    scale = page.evaluate("Reveal.getScale()")
    assert box[2] == pytest.approx(1280 * scale, rel=0.01)
    assert box[3] == pytest.approx(720 * scale, rel=0.01)
    assert box[0] >= -1 and box[1] >= -1
    assert box[0] + box[2] <= size[0] + 1 and box[1] + box[3] <= size[1] + 1
    context.close()


def linking_pages(library: Library) -> dict[str, str]:
    """Page (HTML) -> the deck its "Presentasjon" button must lead to."""
    reflection = library.reflections["systemperspektiv"]
    theme = reflection.themes[0]
    return {
        urls.page_html(urls.theme_page(reflection.id, theme.id)): urls.theme_deck(
            reflection.id, theme.id
        ),
        urls.page_html(urls.role_page("leder-virksomhet")): urls.role_deck("leder-virksomhet"),
        urls.page_html(urls.reflection_page(reflection.id)): urls.reflection_deck(reflection.id),
    }


@pytest.mark.slow
def test_pages_have_a_presentation_button_that_opens_the_deck(
    library: Library, built_site: Path, browser
) -> None:
    context = browser.new_context()
    recorder = Recorder(context)
    page = context.new_page()
    for page_path, deck_path in linking_pages(library).items():
        page.goto((built_site / page_path).as_uri())
        button = page.locator("a.md-button", has_text="Presentasjon").first
        href = button.get_attribute("href")
        assert os.path.normpath(os.path.join(os.path.dirname(page_path), href)) == deck_path
        button.click()
        wait_until(page, "window.Reveal && Reveal.isReady()")
        assert page.url == (built_site / deck_path).as_uri()
        # and the deck's text-version link leads back to a page that exists
        back = page.locator("a.refleks-tekstlenke").get_attribute("href")
        back_path = os.path.normpath(os.path.join(os.path.dirname(deck_path), back))
        assert (built_site / back_path).is_file(), back_path
    context.close()
    recorder.assert_local()


@pytest.mark.slow
@pytest.mark.parametrize(
    "which",
    [
        pytest.param(0, id="tema"),
        pytest.param(1, id="rolle"),
        pytest.param(2, id="sett"),
    ],
)
def test_pages_that_link_to_decks_pass_axe(
    library: Library, built_site: Path, browser, which: int
) -> None:
    """The pages are the decks' accessible text version: no WCAG 2.1 A/AA violation."""
    page_path = list(linking_pages(library))[which]
    context = browser.new_context()
    page = context.new_page()
    page.goto((built_site / page_path).as_uri())
    found = axe_violations(page)
    context.close()
    assert found == [], f"{page_path}:\n{describe(found)}"


# how far down (in slide pixels, of 720) each slide's content reaches; the lowest 40 are
# for the text-version link and the controls
CONTENT_HEIGHTS = """() => {
  const scale = Reveal.getScale();
  return [...document.querySelectorAll('.slides > section')].map((s, i) => {
    Reveal.slide(i);
    const top = s.getBoundingClientRect().top;
    let bottom = top;
    s.querySelectorAll(':scope > :not(aside)').forEach(e => {
      bottom = Math.max(bottom, e.getBoundingClientRect().bottom);
    });
    return Math.round((bottom - top) / scale);
  });
}"""


@pytest.mark.slow
def test_every_deck_of_the_site_opens_and_passes_axe(library: Library, site: Path, browser) -> None:
    """All decks (every set, theme and role), so that new content is checked too: no slide's
    content runs off the slide, and axe on the first slide of each kind in every deck (the
    three decks above get every slide)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce")
    recorder = Recorder(context)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    failures = []
    for path, (count, _) in all_decks(library).items():
        page.goto((site / path).as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        assert page.evaluate("Reveal.getTotalSlides()") == count, path
        kinds = page.evaluate(
            "[...document.querySelectorAll('.slides > section')].map(s => s.dataset.refleksKind)"
        )
        heights = page.evaluate(CONTENT_HEIGHTS)
        too_tall = [(n + 1, h) for n, h in enumerate(heights) if h > 680]
        assert too_tall == [], f"{path}: content below the slide's lower edge: {too_tall}"
        for kind in dict.fromkeys(kinds):
            page.evaluate("n => Reveal.slide(n)", kinds.index(kind))
            found = axe_violations(page)
            if found:
                failures.append(f"{path}, slide {kinds.index(kind) + 1}:\n{describe(found)}")
    assert failures == [], "\n".join(failures)
    assert errors == []
    context.close()
    recorder.assert_local()


def _build_with_changed_notes_js(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str
) -> pytest.ExceptionInfo:
    """Build the decks from a copy of reveal.js whose notes.js has ``old`` replaced by ``new``;
    the build must stop, and its error is returned."""
    from refleks.errors import BuildFailed
    from refleks.project import Project

    real = library.project.node_modules / "reveal.js"
    fake = tmp_path / "nm" / "reveal.js"
    for src in slides.REVEAL_FILES:
        (fake / src).parent.mkdir(parents=True, exist_ok=True)
        (fake / src).write_bytes((real / src).read_bytes())
    notes = fake / "dist/plugin/notes.js"
    notes.write_text(notes.read_text("utf-8").replace(old, new), "utf-8")
    monkeypatch.setattr(Project, "node_modules", property(lambda self: tmp_path / "nm"))
    with pytest.raises(BuildFailed) as err:
        slides.files(library)
    return err
