"""Keyboard use of the site and the decks: every tab stop shows where the focus is, and the
skip link ("Gå til innhold") takes the focus past the menus to the page's content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from refleks import urls

from .tools import nothing_to_check, require_module

require_module("playwright.sync_api")

from .browser import SETTLED, wait_until  # noqa: E402

pytestmark = pytest.mark.slow

# what makes focus visible; compared with and without focus on the same element
FOCUS_STYLE = """el => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
            s.color, s.textDecorationLine, s.borderColor, s.opacity].join(' | ');
}"""

# the element that shows the focus: a visually hidden control (the palette switch) shows it
# on the label that follows it
SHOWN_BY = """el => {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) return el;
    const next = el.nextElementSibling;
    if (next && next.tagName === 'LABEL' && next.getBoundingClientRect().width > 0) return next;
    return null;
}"""


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


def describe(page: Any, element: Any) -> str:
    return page.evaluate(
        "el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' «'"
        " + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '»'",
        element,
    )


def tab_stops(page: Any, count: int) -> list[tuple[str, str]]:
    """Press Tab ``count`` times; for each stop, whether and how its focus is visible.

    Returns ``(description, problem)`` for every stop whose focus cannot be seen.
    """
    problems = []
    for _ in range(count):
        page.keyboard.press("Tab")
        page.evaluate(SETTLED)  # the focus ring has faded in
        active = page.evaluate_handle("document.activeElement")
        if page.evaluate("el => el === document.body", active):
            continue  # the end of the page: the browser's own controls come next
        what = describe(page, active)
        shown = page.evaluate_handle(SHOWN_BY, active)
        if page.evaluate("el => el === null", shown):
            problems.append((what, "fokus på et usynlig element"))
            continue
        box = page.evaluate(
            "el => { const r = el.getBoundingClientRect(); return [r.width, r.height]; }", shown
        )
        focused = page.evaluate(FOCUS_STYLE, shown)
        page.evaluate("el => el.blur()", active)
        unfocused = page.evaluate(FOCUS_STYLE, shown)
        page.evaluate("el => el.focus({focusVisible: true, preventScroll: true})", active)
        if box[0] <= 0 or box[1] <= 0:
            problems.append((what, "fokus på et usynlig element"))
        elif focused == unfocused:
            problems.append((what, f"fokus synes ikke ({focused})"))
    return problems


def test_home_page_focus_is_always_visible(page: Any, base_url: str) -> None:
    page.goto(base_url + "index.html")
    page.wait_for_load_state("networkidle")
    problems = tab_stops(page, 40)
    assert problems == [], "\n".join(f"{w}: {p}" for w, p in problems)


def test_skip_link_goes_to_the_content(page: Any, base_url: str) -> None:
    page.goto(base_url + urls.page_html(urls.RECOMMENDATIONS_PAGE))
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    skip = page.evaluate_handle("document.activeElement")
    assert page.evaluate("el => el.classList.contains('md-skip')", skip), describe(page, skip)
    assert page.evaluate("el => el.textContent.trim()", skip) == "Gå til innhold"
    box = page.evaluate(
        "el => { const r = el.getBoundingClientRect(); return [r.top, r.width, r.height]; }", skip
    )
    assert box[0] >= 0 and box[1] > 0 and box[2] > 0, "the skip link is shown when focused"
    target = page.evaluate("el => el.getAttribute('href')", skip)
    assert target.startswith("#")

    page.keyboard.press("Enter")
    wait_until(page, f"location.hash === {target!r}")
    page.evaluate(SETTLED)  # the scroll to the content has ended
    top = page.evaluate(f"document.getElementById({target[1:]!r}).getBoundingClientRect().top")
    assert 0 <= top < 300, f"the content's first heading is at {top}px, not at the top"
    # the next Tab lands in the content, not in the header or the menus
    page.keyboard.press("Tab")
    inside = page.evaluate("document.activeElement.closest('.md-content') !== null")
    assert inside, describe(page, page.evaluate_handle("document.activeElement"))


def test_skip_link_on_a_scrolled_page_scrolls_back_to_the_content(page: Any, base_url: str) -> None:
    page.goto(base_url + urls.page_html(urls.REFERENCE_PAGE))
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 3000)
    wait_until(page, "window.scrollY > 0")
    page.evaluate(SETTLED)
    page.evaluate("document.activeElement.blur()")
    page.evaluate("document.querySelector('.md-skip').focus()")
    target = page.evaluate("document.querySelector('.md-skip').getAttribute('href')")
    page.keyboard.press("Enter")
    wait_until(page, f"location.hash === {target!r}")
    page.evaluate(SETTLED)  # the scroll back to the content has ended
    top = page.evaluate(f"document.getElementById({target[1:]!r}).getBoundingClientRect().top")
    assert 0 <= top < 300


def first_deck(site: Path) -> str:
    decks = sorted((site / urls.DECKS).glob("*.html")) if (site / urls.DECKS).is_dir() else []
    if not decks:
        nothing_to_check("no slide decks in the site")
    return decks[0].relative_to(site).as_posix()


# the decks are Refleks's own, the same bytes with either engine: checked once


def test_deck_focus_is_always_visible(page: Any, default_base_url: str, default_site: Path) -> None:
    page.goto(default_base_url + first_deck(default_site))
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    problems = tab_stops(page, 12)
    assert problems == [], "\n".join(f"{w}: {p}" for w, p in problems)


def test_deck_is_used_with_the_keyboard(
    page: Any, default_base_url: str, default_site: Path
) -> None:
    page.goto(default_base_url + first_deck(default_site))
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    total = page.evaluate("Reveal.getTotalSlides()")
    page.locator("body").press("ArrowRight")
    assert page.evaluate("Reveal.getSlidePastCount()") == 1
    page.keyboard.press("End")
    assert page.evaluate("Reveal.getSlidePastCount()") == total - 1
    page.keyboard.press("Home")
    assert page.evaluate("Reveal.getSlidePastCount()") == 0
    # the first tab stop is the link to the accessible text version of the deck
    page.keyboard.press("Tab")
    href = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert href.endswith(".html") and not href.startswith("http"), href
