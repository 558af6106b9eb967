"""What every document of the walkround kit shares: the visit's facts, Norwegian dates,
the letter's placeholders, labels and the template environment.

A ``Kit`` is one visit together with its method (``visit`` is ``None`` for the blank versions
on the site, whose fields are dotted lines). Text shown to people comes from the method in
``content/methods/`` or from ``templates/<kind>/labels.yaml`` and
``templates/walkround/labels.yaml``; nothing here holds document text.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import catalogues, markup
from ..content import schema
from ..content.model import Library
from ..dates import fixed_time
from ..errors import UsageError
from ..messages import _
from . import deadlines

PLACEHOLDER = re.compile(r"\{([a-zæøå_]+)\}")
PLACEHOLDERS = (
    "enhet",
    "kommune",
    "ledere",
    "dato",
    "klokkeslett",
    "sted",
    "varighet",
    "deltakere",
)
"""The fields a letter section's text may use."""

COMMON = "walkround"
"""Template folder with the shared base template, style sheet and labels."""
TRANSLATED_KINDS = ("letters", "guide", "poster")
"""Documents whose text from the method is always in a method's nynorsk translation (letter,
staff information, question guide); the action plan and the minutes are when the
translation has them (``TRANSLATED_PARTS``)."""
TRANSLATED_PARTS = {"actionplans": "action_plan", "minutes": "minutes"}
"""Documents whose method text is a part a translation may leave out."""
OWN_TEXT_KINDS = ("calendar", "year")
"""Documents with only Refleks' own text (in both languages)."""


def today() -> dt.date:
    """Today, or the day ``REFLEKS_TODAY`` (ÅÅÅÅ-MM-DD) names (for tests and re-runs)."""
    value = os.environ.get("REFLEKS_TODAY", "").strip()
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise UsageError(
                _("REFLEKS_TODAY må være en dato ÅÅÅÅ-MM-DD, ikke «{value}»", value=value)
            ) from None
    return dt.date.today()


@dataclass
class Kit:
    """One visit (or the blank forms) with its method, ready for the document builders."""

    library: Library
    method: schema.Method
    visit: schema.Visit | None = None
    translation: schema.MethodTranslation | None = None
    """The nynorsk texts the method uses here, when the kit is in nynorsk."""
    chosen_language: str | None = None
    """The language of documents without a visit (a year plan's overview)."""
    _labels: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    # -- basics

    @property
    def templates(self) -> Path:
        return self.library.project.templates

    @cached_property
    def stamp(self) -> dt.datetime | None:
        """Document date for metadata: ``SOURCE_DATE_EPOCH``, else the letter's date, else
        (a blank form) the content's date, as the site's (PDF/A requires a date)."""
        fixed = fixed_time()
        if fixed is not None:
            return fixed
        if self.visit is None:
            return self.library.context.date
        day = deadlines.letter_date(self.visit)
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)

    @property
    def creator(self) -> str:
        """Author in document properties: the site's publisher, never the machine's user."""
        return self.library.site.publisher

    @property
    def language(self) -> str:
        """``nb`` or ``nn``: the visit's (or its year plan's), else the site's."""
        chosen = self.visit.language if self.visit is not None else self.chosen_language
        return chosen or self.library.site.language

    def labels(self, kind: str = COMMON) -> dict[str, Any]:
        """``templates/<kind>/labels.yaml`` in the kit's language (read once)."""
        if kind not in self._labels:
            data = self.library.context.labels(kind)
            table = catalogues.translations(self.templates, self.language)
            self._labels[kind] = catalogues.translate(data, kind, table)
        return self._labels[kind]

    def language_note(self, kind: str) -> str:
        """What a nynorsk document says about text from the method that is still bokmål;
        nothing when the text is translated (the documents go out under the municipality's
        name: who translated it is said on the site's method page) or for bokmål documents."""
        if self.language == "nb" or kind in OWN_TEXT_KINDS or self.translated(kind):
            return ""
        return self.common["bokmal_only_note"]

    def translated(self, kind: str) -> bool:
        """Whether the method text ``kind`` uses is in the kit's nynorsk translation."""
        if self.translation is None:
            return False
        if kind in TRANSLATED_KINDS:
            return True
        part = TRANSLATED_PARTS.get(kind)
        return part is not None and bool(getattr(self.translation, part))

    @property
    def common(self) -> dict[str, Any]:
        return self.labels(COMMON)

    def env(self, kind: str) -> jinja2.Environment:
        """The kind's templates, falling back to the shared ones in ``templates/walkround``."""
        env = self.library.context.environment(kind, fallback=COMMON)
        env.filters["date_long"] = self.date_long
        env.filters["date_short"] = self.date_short
        env.filters["fill"] = self.fill_html
        env.filters["fill_inline"] = self.fill_inline
        env.globals["kit"] = self
        env.globals["common"] = self.common
        env.globals["language_note"] = self.language_note(kind)
        return env

    # -- dates and times

    def date_long(self, day: dt.date | None, weekday: bool = True) -> str:
        """``tirsdag 14. mai 2030`` (a dotted line in the blank forms)."""
        if day is None:
            return self.common["blank"]
        text = f"{day.day}. {self.common['months'][day.month - 1]} {day.year}"
        return f"{self.common['weekdays'][day.weekday()]} {text}" if weekday else text

    def date_short(self, day: dt.date | None) -> str:
        """``14.05.2030``."""
        return self.common["blank_short"] if day is None else day.strftime("%d.%m.%Y")

    def time_text(self, value: str | None) -> str:
        if value is None:
            return self.common["blank_short"]
        hours, minutes = value.split(":")
        return self.common["time_format"].format(t=hours, m=minutes)

    @property
    def time_range(self) -> str:
        """``13.00–14.00``: start and end of the visit."""
        if self.visit is None:
            return f"{self.common['blank_short']}–{self.common['blank_short']}"
        start = dt.datetime.combine(self.visit.date, dt.time.fromisoformat(self.visit.time))
        end = start + dt.timedelta(minutes=self.visit.duration_minutes)
        return f"{self.time_text(self.visit.time)}–{self.time_text(end.strftime('%H:%M'))}"

    # -- the visit's facts

    @cached_property
    def facts(self) -> dict[str, str]:
        """Placeholder values for the letter's texts (``{enhet}``, ``{dato}`` ...)."""
        c, v = self.common, self.visit
        if v is None:
            return {
                "enhet": c["blank"],
                "kommune": c["blank_municipality"],
                "ledere": c["blank_leaders"],
                "dato": c["blank"],
                "klokkeslett": c["blank_short"],
                "sted": c["blank"],
                "varighet": c["blank_short"],
                "deltakere": c["blank_participants"],
            }
        return {
            "enhet": v.unit,
            "kommune": v.municipality,
            "ledere": self._leaders(),
            "dato": self.date_long(v.date),
            "klokkeslett": self.time_text(v.time),
            "sted": v.location or c["no_location"],
            "varighet": f"{v.duration_minutes} {c['minutes_unit']}",
            "deltakere": self._participants(),
        }

    def _leaders(self) -> str:
        """The visit's leaders where the guide's letter has «….direktør og ....»."""
        assert self.visit is not None
        people = [self.visit.leadership.top_leader, self.visit.leadership.visit_leader]
        names = [f"{p.title} {p.name}" if p.title else p.name for p in people]
        return names[0] if names[0] == names[1] else f"{names[0]} og {names[1]}"

    def _participants(self) -> str:
        """The visit's group as the letter names it: «sykepleier, lege og ufaglært»."""
        assert self.visit is not None
        group = [p.strip() for p in self.visit.participants if p.strip()]
        if len(group) < 2:
            return "".join(group) or self.common["blank_participants"]
        return f"{', '.join(group[:-1])} og {group[-1]}"

    def fill(self, text: str) -> str:
        """Placeholders replaced by the facts; plain text (Markdown marks removed)."""
        tokens, tokenised = self._tokenise(text)
        result = markup.plain(tokenised)
        for token, name in tokens.items():
            result = result.replace(token, self.facts[name])
        return result

    def fill_html(self, text: str) -> Markup:
        """Placeholders replaced by the facts, Markdown rendered to safe HTML."""
        return self._fill_rendered(text, markup.render)

    def fill_inline(self, text: str) -> Markup:
        return self._fill_rendered(text, markup.render_inline)

    def _fill_rendered(self, text: str, render) -> Markup:
        tokens, tokenised = self._tokenise(text)
        html = str(render(tokenised))
        for token, name in tokens.items():
            html = html.replace(token, str(escape(self.facts[name])))
        return Markup(html)

    def _tokenise(self, text: str) -> tuple[dict[str, str], str]:
        """Swap known placeholders for letter-only tokens Markdown leaves alone."""
        tokens: dict[str, str] = {}

        def swap(m: re.Match[str]) -> str:
            if m.group(1) not in PLACEHOLDERS:
                return m.group(0)
            token = f"REFLEKSFELT{len(tokens)}X"
            tokens[token] = m.group(1)
            return token

        return tokens, PLACEHOLDER.sub(swap, text or "")

    def blocks(self, text: str) -> list[dict[str, Any]]:
        """Markdown text as paragraphs and bullet points of plain text (for DOCX)."""
        out: list[dict[str, Any]] = []
        for chunk in re.split(r"\n\s*\n", (text or "").strip()):
            lines = chunk.splitlines()
            if lines and all(
                re.match(r"\s*([-*+]|\d+[.)])\s+", ln) or ln.startswith("  ") for ln in lines
            ):
                for ln in lines:
                    item = re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", ln)
                    if ln.startswith("  ") and out and out[-1]["punkt"]:
                        out[-1]["tekst"] += " " + self.fill(item.strip())
                    else:
                        out.append({"tekst": self.fill(item), "punkt": True})
            elif chunk.strip():
                out.append(
                    {"tekst": self.fill(" ".join(ln.strip() for ln in lines)), "punkt": False}
                )
        return out

    def person(self, p: schema.Person | None) -> str:
        """``Navn, stilling``."""
        if p is None:
            return self.common["blank"]
        return f"{p.name}, {p.title}" if p.title else p.name

    @property
    def pdf_date(self) -> str | None:
        """ISO time for the PDF's creation and modification dates."""
        return self.stamp.strftime("%Y-%m-%dT%H:%M:%SZ") if self.stamp else None


def method_for(library: Library, visit: schema.Visit | None = None) -> schema.Method | None:
    """The visit's method; for the blanks the walkround method shipped with the content."""
    if visit is not None:
        return library.methods.get(visit.method)
    usable = [m for m in library.methods.values() if m.letter and m.action_plan]
    preferred = [m for m in usable if m.id == schema.Visit.model_fields["method"].default]
    return (preferred or sorted(usable, key=lambda m: m.id) or [None])[0]


def kit_for(library: Library, visit: schema.Visit) -> Kit:
    """The visit's kit; in nynorsk with the method's nynorsk texts when there are some."""
    return localised(Kit(library, library.methods[visit.method], visit))


def localised(kit: Kit) -> Kit:
    """``kit`` with the method's nynorsk letter, staff information and question guide when
    the kit is in nynorsk and the content has them (``content/methods/nn/<id>.yaml``)."""
    nn = kit.library.methods_nn.get(kit.method.id)
    if kit.language != "nn" or nn is None:
        return kit
    return Kit(
        kit.library,
        nynorsk_method(kit.method, nn),
        kit.visit,
        translation=nn,
        chosen_language=kit.chosen_language,
    )


def nynorsk_method(method: schema.Method, nn: schema.MethodTranslation) -> schema.Method:
    """``method`` with the texts its nynorsk translation has (the guide's example rows of
    the action plan stay as the guide wrote them unless the translation gives its own)."""
    texts: dict[str, Any] = {
        "title": nn.title,
        "letter": nn.letter,
        "staff_information": nn.staff_information,
        "question_guide": nn.question_guide,
    }
    if nn.action_plan is not None:
        examples = nn.action_plan.examples or (
            method.action_plan.examples if method.action_plan else []
        )
        texts["action_plan"] = nn.action_plan.model_copy(update={"examples": examples})
    if nn.minutes:
        texts["minutes"] = nn.minutes
    return method.model_copy(update=texts)
