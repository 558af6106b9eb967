"""The warnings in a site engine's output, in Norwegian, so that strict means strict.

``mkdocs build --strict --quiet`` exits 0 on a warning: ``--quiet`` hides the warnings from
the counter ``--strict`` reads. Refleks therefore never passes ``--quiet`` to the engine (its
output is captured, not shown) and, whatever the engine's exit code, reads the warnings from
the output itself: one warning fails the build. MkDocs writes ``WARNING -  <text>``; Zensical
writes ``Warning: <text>`` followed by a box whose first line names ``file:line:col``.
"""

from __future__ import annotations

import re

from ..messages import _

MKDOCS_WARNING = re.compile(r"^WARNING\s+-\s+(?P<text>.+)$")
ZENSICAL_WARNING = re.compile(r"^Warning:\s+(?P<text>.+)$")
ZENSICAL_PLACE = re.compile(r"╭─\[\s*(?P<place>\S+)\s*\]")
MKDOCS_MISSING_LINK = re.compile(
    r"^Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but the target "
    r"(?:'[^']+' )?is not found among documentation files\.?$"
)
ZENSICAL_TEXTS = {"page does not exist": _("lenken går til en side som ikke finnes")}


def _norwegian_mkdocs(text: str) -> str:
    missing = MKDOCS_MISSING_LINK.match(text)
    if missing:
        return _(
            "{page}: lenken «{link}» går til en side eller fil som ikke finnes",
            page=missing["page"],
            link=missing["link"],
        )
    return text


def _place(box: list[str]) -> str | None:
    """``file:line:col`` from the first lines of the box under a Zensical warning."""
    for line in box:
        match = ZENSICAL_PLACE.search(line)
        if match:
            return match["place"]
    return None


def found(output: str) -> list[str]:
    """Every warning in the engine's output (without terminal colours), in order."""
    warnings: list[str] = []
    lines = output.splitlines()
    for number, line in enumerate(lines):
        stripped = line.strip()
        mkdocs = MKDOCS_WARNING.match(stripped)
        zensical = ZENSICAL_WARNING.match(stripped)
        if mkdocs:
            warnings.append(_norwegian_mkdocs(mkdocs["text"].strip()))
        elif zensical:
            text = zensical["text"].strip()
            text = ZENSICAL_TEXTS.get(text, text)
            place = _place(lines[number + 1 : number + 3])
            warnings.append(_("{place}: {text}", place=place, text=text) if place else text)
    return warnings


def message(label: str, warnings: list[str]) -> str:
    """What ``refleks build`` says when the engine warned (every build is strict)."""
    count = _("én advarsel") if len(warnings) == 1 else _("{n} advarsler", n=len(warnings))
    said = _(
        "nettstedsmotoren ({label}) ga {count}, og advarsler stopper bygget; "
        "ingenting er endret i site/.",
        label=label,
        count=count,
    )
    for warning in warnings:  # one message, said in the project's language when printed
        said = _("{before}\n  advarsel: {warning}", before=said, warning=warning)
    return said
