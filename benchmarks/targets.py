"""The targets of issue 14, each with what was measured and whether it was met.

``bench.py`` measures; this module judges. A target whose sizes were not run (``--sizes``)
is listed as not measured rather than left out, so a partial run never reads as a pass.
"""

from __future__ import annotations

from typing import Any

LIMITS = {
    "site_ratio": 1.15,  # site part / plain mkdocs build, at 100 and 1,000 themes
    "full_ratio": 1.5,  # full first refleks build (empty PDF cache) / plain mkdocs build
    "growth": 10.0,  # full build, 1,000 / 100 themes
    "memory_mb": 500.0,  # peak PSS of the process tree at 1,000 themes
    "check_share": 0.05,
}
TARGET_SIZES = (100, 1000)

Check = tuple[str, str, bool | None]
"""Target, what was measured, met (None: not measured in this run)."""


def _ratios(sizes: list[Any]) -> list[Check]:
    by = {s.themes: s for s in sizes}
    checks: list[Check] = []
    for themes in TARGET_SIZES:
        s = by.get(themes)
        name = f"Refleks, nettsted / mkdocs ved {themes} temaer ≤ {LIMITS['site_ratio']}"
        if s is None:
            checks.append((name, "ikke målt i denne kjøringen", None))
            continue
        value = f"{s.ratio:.2f} (CPU {s.cpu_ratio:.2f})"
        checks.append((name, value, s.ratio <= LIMITS["site_ratio"]))
    for themes in TARGET_SIZES:
        s = by.get(themes)
        name = (
            f"hele første `refleks build` (tomt mellomlager, med lysark og PDF) / mkdocs "
            f"ved {themes} temaer ≤ {LIMITS['full_ratio']}"
        )
        if s is None:
            checks.append((name, "ikke målt i denne kjøringen", None))
            continue
        full = s.build.wall / s.mkdocs.wall
        again = s.rebuild.wall / s.mkdocs.wall
        cpu = s.build.cpu / s.mkdocs.cpu
        value = f"{full:.2f} (CPU {cpu:.2f}; {again:.2f} etter én endring)"
        checks.append((name, value, full <= LIMITS["full_ratio"]))
    return checks


def _small_sizes(sizes: list[Any]) -> list[Check]:
    """Below 100 themes start-up decides: reported in milliseconds, no target."""
    checks: list[Check] = []
    for s in sizes:
        if s.themes < min(TARGET_SIZES):
            extra = (s.site - s.mkdocs.wall) * 1000
            full = (s.build.wall - s.mkdocs.wall) * 1000
            value = (
                f"nettsted {s.ratio:.2f} ({extra:+.0f} ms), hele bygget "
                f"{s.build.wall / s.mkdocs.wall:.2f} ({full:+.0f} ms)"
            )
            checks.append((f"ved {s.themes} temaer (til orientering, uten mål)", value, None))
    return checks


def _growth_and_memory(sizes: list[Any]) -> list[Check]:
    by = {s.themes: s for s in sizes}
    name = f"vekst, hele første bygget, 1 000/100 temaer ≤ {LIMITS['growth']:.0f}"
    if 100 in by and 1000 in by:
        growth = by[1000].build.wall / by[100].build.wall
        checks: list[Check] = [(name, f"{growth:.1f}", growth <= LIMITS["growth"])]
    else:
        checks = [(name, "ikke målt i denne kjøringen", None)]
    name = f"største minnebruk ved 1000 temaer < {LIMITS['memory_mb']:.0f} MB (prosesstreet, PSS)"
    big = by.get(1000)
    if big is None:
        largest = sizes[-1]
        value = f"ikke målt (ved {largest.themes} temaer: {largest.build.peak_mb:.0f} MB)"
        checks.append((name, value, None))
    else:
        value = (
            f"{big.build.peak_mb:.0f} MB (Refleks {big.rss_refleks:.0f} MB, største barn "
            f"{big.rss_engine:.0f} MB, RSS)"
        )
        checks.append((name, value, big.build.peak_mb < LIMITS["memory_mb"]))
    share = big.check.wall / big.site if big else sizes[-1].check.wall / sizes[-1].site
    themes = big.themes if big else sizes[-1].themes
    checks.append(
        (
            f"`refleks check` / nettstedsdelen ved {themes} temaer ≤ 5 %",
            f"{share:.1%}",
            share <= LIMITS["check_share"],
        )
    )
    return checks


def checks(sizes: list[Any]) -> list[Check]:
    return _ratios(sizes) + _small_sizes(sizes) + _growth_and_memory(sizes)


def verdict(ok: bool | None) -> str:
    return "ikke målt" if ok is None else ("ja" if ok else "**nei**")


def table(found: list[Check]) -> list[str]:
    met = sum(ok is True for _, _, ok in found)
    judged = sum(ok is not None for _, _, ok in found)
    return [
        "| mål | målt | nådd |",
        "|---|---|---|",
        *(f"| {name} | {value} | {verdict(ok)} |" for name, value, ok in found),
        "",
        f"{met} av {judged} målte mål er nådd.",
    ]
