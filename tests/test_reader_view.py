"""What a reader sees in the browser (issue 12): every page of the built site and every deck,
measured from the page as Chromium renders it.

- no leftover markup in the visible text (``{:``, ``{{``, ``{%``, ``**``, ``](``);
- no English interface words;
- no two identical headings in a row; no table header row of empty cells;
- no interactive controls on top of each other;
- charts at 390 px wide keep 12 px labels, and in the dark palette follow it with readable
  contrast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .browser import wait_until

pytestmark = pytest.mark.slow

LEFTOVER_MARKUP = ("{:", "{{", "{%", "**", "](")
ENGLISH_UI = (
    "Layout",
    "Default",
    "Wide",
    "Tall",
    "Notes only",
    "Upcoming",
    "Speaker View",
    "Elapsed",
    "Click to",
    "Previous",
    "Next",
    "Search",
    "Table of contents",
    "Back to top",
)
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# the visible text, headings in order, table header rows and controls' boxes of one page
READ_PAGE = """() => {
  const shown = el => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none' || parseFloat(s.opacity) === 0) {
        return false;
      }
    }
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0;
  };
  const root = document.querySelector('.md-content') || document.querySelector('.reveal')
    || document.body;
  const headings = [...root.querySelectorAll('h1,h2,h3,h4,h5,h6')]
    .filter(h => !h.closest('.reveal .slides section:not(.present)'))
    .map(h => h.innerText.trim()).filter(Boolean);
  const emptyHeads = [...root.querySelectorAll('thead tr')]
    .filter(tr => [...tr.cells].every(c => !c.innerText.trim())).length;
  const all = [...document.querySelectorAll(
      'a[href], button, input, select, textarea, [role=button], [tabindex]:not([tabindex="-1"])')]
    .filter(shown);
  // the parts of a control (one per line for a link that wraps) not cut off by a scrolling
  // or clipping box around it
  const seen = el => [...el.getClientRects()].map(b => {
    let r = {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.overflowX !== 'visible' || s.overflowY !== 'visible') {
        const c = e.getBoundingClientRect();
        r = {left: Math.max(r.left, c.left), top: Math.max(r.top, c.top),
             right: Math.min(r.right, c.right), bottom: Math.min(r.bottom, c.bottom)};
      }
    }
    return {x: r.left, y: r.top, w: r.right - r.left, h: r.bottom - r.top};
  }).filter(r => r.w > 1 && r.h > 1);
  const controls = all.map(el => {
      const name = el.getAttribute('aria-label') || el.innerText || el.className || el.tagName;
      // a control in a scroll box or a link in a link box is nested, not on top of another
      const nested = all.map((o, i) => (o !== el && (o.contains(el) || el.contains(o))) ? i : -1)
        .filter(i => i >= 0);
      return {name: name.toString().trim().slice(0, 40), boxes: seen(el), nested};
    });
  return {text: document.body.innerText, headings, emptyHeads, controls};
}"""


# (a sidebar is sticky beside the text on a wide screen; on a phone it is a drawer)
SIDEBARS_SIZED = (
    "[...document.querySelectorAll('.md-sidebar__scrollwrap')]"
    ".map(w => [w, getComputedStyle(w.closest('.md-sidebar'))])"
    ".filter(([w, s]) => s.position === 'sticky' && s.display !== 'none' && w.offsetParent)"
    ".every(([w]) => w.style.height)"
)


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _overlaps(controls: list[dict[str, Any]]) -> Iterator[str]:
    """Pairs of controls (not nested in each other) whose boxes share more than a sliver."""
    for i, a in enumerate(controls):
        for j, b in enumerate(controls[i + 1 :], start=i + 1):
            if j in a["nested"]:
                continue
            for p, q in ((p, q) for p in a["boxes"] for q in b["boxes"]):
                w = min(p["x"] + p["w"], q["x"] + q["w"]) - max(p["x"], q["x"])
                h = min(p["y"] + p["h"], q["y"] + q["h"]) - max(p["y"], q["y"])
                if w > 2 and h > 2:
                    yield f"«{a['name']}» og «{b['name']}» ligger over hverandre"
                    break


def _english(text: str) -> list[str]:
    return [w for w in ENGLISH_UI if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]


def page_problems(page: Any) -> list[str]:
    seen = page.evaluate(READ_PAGE)
    problems = [f"rester av markering: «{m}»" for m in LEFTOVER_MARKUP if m in seen["text"]]
    problems += [f"engelsk ord: «{w}»" for w in _english(seen["text"])]
    problems += [
        f"samme overskrift to ganger etter hverandre: «{a}»"
        for a, b in zip(seen["headings"], seen["headings"][1:], strict=False)
        if a == b
    ]
    if seen["emptyHeads"]:
        problems.append(f"{seen['emptyHeads']} tabell(er) med tom overskriftsrad")
    problems += list(_overlaps(seen["controls"]))
    return problems


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_every_page_reads_as_text_for_people(
    browser: Any, base_url: str, built_site: Path, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    found: list[str] = []
    pages = html_pages(built_site)
    assert len(pages) > 40
    for name in pages:
        page.goto(base_url + name)
        page.wait_for_load_state("load")
        # Material's script sizes the sidebars to stop above the footer; until then a long
        # menu runs over it, for a moment, as it would for a reader
        wait_until(page, SIDEBARS_SIZED, 15)
        found += [f"{name}: {p}" for p in page_problems(page)]
    context.close()
    assert found == [], "\n".join(found)


CHART_TEXT = """() => [...document.querySelectorAll('svg.refleks-diagram text')].map(t => {
  const style = getComputedStyle(t);
  const size = parseFloat(style.fontSize) * t.getScreenCTM().a;
  const svg = t.closest('svg'), bg = svg.querySelector('.background');
  let back = getComputedStyle(bg).fill;
  return {text: t.textContent.trim(), size, fill: style.fill, back};
})"""

CHART_MARKS = """() => [...document.querySelectorAll(
    'svg.refleks-diagram .series polyline, svg.refleks-diagram rect.bar')].map(m => {
  const s = getComputedStyle(m);
  const bg = getComputedStyle(m.closest('svg').querySelector('.background')).fill;
  return {colour: m.tagName === 'polyline' ? s.stroke : s.fill, back: bg};
})"""


def _rgb(css: str) -> tuple[float, float, float]:
    r, g, b = (int(v) for v in re.findall(r"\d+", css)[:3])
    return r, g, b


def contrast(one: str, two: str) -> float:
    """WCAG 2.1 contrast ratio of two ``rgb(...)`` colours."""

    def luminance(css: str) -> float:
        channels = [c / 255 for c in _rgb(css)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(one), luminance(two)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_on_a_phone_keep_readable_labels_in_both_palettes(
    browser: Any, base_url: str, built_site: Path, scheme: str
) -> None:
    charted = [
        n for n in html_pages(built_site) if "refleks-diagram" in (built_site / n).read_text()
    ]
    assert charted, "no page with a chart to measure"
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    page_bg = "rgb(255, 255, 255)"
    for name in charted:
        page.goto(base_url + name)
        page.wait_for_load_state("load")
        page_bg = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        for t in page.evaluate(CHART_TEXT):
            if t["size"] < 12 - 0.05:
                problems.append(f"{name}: «{t['text']}» er {t['size']:.1f} px (minst 12)")
            if contrast(t["fill"], t["back"]) < 4.5:
                problems.append(
                    f"{name}: «{t['text']}» har kontrast {contrast(t['fill'], t['back']):.1f}"
                )
        for m in page.evaluate(CHART_MARKS):
            if contrast(m["colour"], m["back"]) < 3:
                problems.append(f"{name}: seriefargen {m['colour']} mot {m['back']} er under 3:1")
        backs = {t["back"] for t in page.evaluate(CHART_TEXT)}
        if any(contrast(b, page_bg) > 1.2 for b in backs):
            problems.append(f"{name}: diagrammet har ikke sidens bakgrunn ({backs}, {page_bg})")
    context.close()
    assert problems == [], "\n".join(problems)
    if scheme == "dark":
        assert contrast(page_bg, "rgb(255, 255, 255)") > 3  # the palette really was dark
