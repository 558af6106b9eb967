"""Slide decks (reveal.js): one per reflection set, per theme and per role.

The decks are plain HTML files with the reveal.js files from ``node_modules`` copied next to
them (``lysark/reveal/``), so they work from disk and over http and load nothing from another
host. Python decides which slides a deck has and in what order; every word shown on a slide
comes from the content or from ``templates/slides/``. The page each deck is made from is the
accessible text version, and every deck links to it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import jinja2

from .. import urls
from ..content import schema
from ..content.model import Library, Question
from ..errors import BuildFailed
from ..messages import _
from .reveal import REVEAL_FILES as REVEAL_FILES
from .reveal import asset_files
from .reveal import copy_assets as copy_assets
from .reveal import translations as translations

ASSETS = f"{urls.DECKS}/reveal"
"""Where the reveal.js files and the deck style go in the site."""

SlideKind = Literal[
    "title",
    "intro",
    "instruction",
    "theme",
    "finding",
    "story",
    "role_questions",
    "question",
    "summary",
    "closing",
]


@dataclass(frozen=True)
class Slide:
    """One slide: its kind (the template macro that draws it), its data and speaker notes.

    ``notes`` is Markdown from the content; when it is empty the template's own note for
    that kind of slide is used.
    """

    kind: SlideKind
    notes: str = ""
    reflection: schema.Reflection | None = None
    theme: schema.Theme | None = None
    role: schema.Role | None = None
    source: schema.Source | None = None
    finding: schema.Finding | None = None
    story: schema.Story | None = None
    questions: tuple[Question, ...] = ()
    question: Question | None = None
    position: tuple[int, int] | None = None
    """For one question at a time: (number, how many) of the role's questions in the theme."""
    shown: tuple[int, int] | None = None
    """For one question at a time: (number, how many) of the questions the deck shows in the
    theme, for every role: what the slide's heading counts (a group sees each role's first
    question, so the role's count would say «spørsmål 1 av 2» twice)."""
    items: tuple[Any, ...] = ()
    """The source's findings or recommendations the notes show (each with its mark)."""

    @property
    def refleks_questions(self) -> bool:
        """Whether any question the slide shows was written for Refleks."""
        shown = (self.question, *self.questions) if self.question else self.questions
        return any(getattr(q.text, "authored_by", None) == "refleks" for q in shown)

    @property
    def source_questions(self) -> bool:
        """Whether any question the slide shows stands in the source."""
        shown = (self.question, *self.questions) if self.question else self.questions
        return any(getattr(q.text, "authored_by", None) != "refleks" for q in shown)


@dataclass
class Deck:
    """What a deck shows and links to; the template turns it into HTML."""

    kind: Literal["set", "theme", "role", "session"]
    path: str
    """Where the deck is written, relative to the folder it is built into."""
    sources: list[schema.Source]
    slides: list[Slide]
    text_version: str
    """Site path of the accessible text version (a page's HTML, or the facilitator guide)."""
    reflection: schema.Reflection | None = None
    theme: schema.Theme | None = None
    role: schema.Role | None = None
    themes: list[schema.Theme] = field(default_factory=list)
    source_pages: dict[str, str] = field(default_factory=dict)
    """Source id -> site path of the source's page (empty outside the site)."""
    minutes: int | None = None
    pacing: list[dict[str, Any]] = field(default_factory=list)
    """A session deck's slides' agenda items and seconds (``sessions.groups.pacing``)."""

    def source_ids(self, *, refleks: bool) -> str:
        """Space-separated ids of the sources some of whose questions in the deck were
        (``refleks``) or were not written for Refleks, each once: what the templates'
        ``written_for_refleks`` and ``from_source`` show, worked out here once per call
        instead of by a chain of Jinja filters over every slide (most of a deck's time)."""
        seen: dict[str, str] = {}
        for slide in self.slides:
            shown = slide.refleks_questions if refleks else slide.source_questions
            if shown and slide.reflection is not None:
                seen.setdefault(slide.reflection.source.lower(), slide.reflection.source)
        return " ".join(seen.values())

    def href(self, target: str) -> str:
        """Relative link from the deck to another file of the same folder tree."""
        here = os.path.dirname(self.path) or "."
        return os.path.relpath(target, here).replace(os.sep, "/")


# --------------------------------------------------------------------------- notes


def theme_notes(library: Library, theme: schema.Theme) -> tuple[Any, ...]:
    """The source's items a theme slide's notes show when the theme has no notes of its
    own: the findings it builds on (each shown with its mark, as on the slides)."""
    if theme.notes.strip():
        return ()
    return tuple(library.finding(ref)[1] for ref in theme.findings)


def finding_notes(library: Library, ref: str) -> tuple[Any, ...]:
    """Notes on a finding slide: the source's recommendations on the finding, each shown
    with its mark (none: the template's note for a finding slide is used)."""
    source, finding = library.finding(ref)
    return tuple(_recommendations(source, finding))


def _recommendations(source: schema.Source, finding: schema.Finding) -> list:
    return [rec for rec in source.recommendations if finding.id in rec.findings]


# --------------------------------------------------------------------------- slide sequences


def theme_slides(
    library: Library,
    reflection: schema.Reflection,
    theme: schema.Theme,
    roles: list[schema.Role],
    *,
    one_at_a_time: bool,
) -> list[Slide]:
    """The theme's intro, one slide per finding and per story, then the questions of ``roles``.

    With ``one_at_a_time`` every question has its own slide; otherwise each role's questions
    share one slide (the whole group sees every role's questions side by side).
    """
    base = {"reflection": reflection, "theme": theme}
    slides = [Slide("theme", theme.notes, items=theme_notes(library, theme), **base)]
    for ref in theme.findings:
        source, finding = library.finding(ref)
        slides.append(
            Slide(
                "finding",
                items=finding_notes(library, ref),
                source=source,
                finding=finding,
                **base,
            )
        )
    for ref in theme.stories:
        source, story = library.story(ref)
        slides.append(Slide("story", source=source, story=story, **base))
    total = sum(len(theme.questions.get(role.id, [])) for role in roles)
    done = 0
    for role in roles:
        texts = theme.questions.get(role.id, [])
        questions = tuple(
            Question(reflection, theme, role, n, text) for n, text in enumerate(texts, start=1)
        )
        if not questions:
            continue
        if one_at_a_time:
            slides += [
                Slide(
                    "question",
                    role=role,
                    question=q,
                    position=(q.number, len(texts)),
                    shown=(done + q.number, total),
                    **base,
                )
                for q in questions
            ]
            done += len(questions)
        else:
            slides.append(Slide("role_questions", role=role, questions=questions, **base))
    return slides


def _instruction(reflection: schema.Reflection, role: schema.Role | None = None) -> list[Slide]:
    if not reflection.instruction.strip():
        return []
    return [Slide("instruction", reflection=reflection, role=role)]


def _roles_of(library: Library, themes: list[schema.Theme]) -> list[schema.Role]:
    return library.roles_with_questions(themes)


def _source_pages(sources: list[schema.Source]) -> dict[str, str]:
    return {s.id: urls.page_html(urls.source_page(s.id)) for s in sources}


def set_deck(library: Library, reflection: schema.Reflection) -> Deck:
    """The whole reflection set: every theme, every role's questions grouped per role."""
    source = library.sources[reflection.source]
    roles = _roles_of(library, reflection.themes)
    # the intro has a slide of its own here, so the title slide's notes are the summary
    slides = [Slide("title", source.summary, reflection=reflection)]
    if reflection.intro.strip():
        slides.append(Slide("intro", reflection=reflection))
    slides += _instruction(reflection)
    for theme in reflection.themes:
        slides += theme_slides(library, reflection, theme, roles, one_at_a_time=False)
    slides.append(Slide("closing", reflection=reflection))
    return Deck(
        "set",
        urls.reflection_deck(reflection.id),
        [source],
        slides,
        urls.page_html(urls.reflection_page(reflection.id)),
        reflection=reflection,
        themes=list(reflection.themes),
        source_pages=_source_pages([source]),
    )


def theme_deck(library: Library, reflection: schema.Reflection, theme: schema.Theme) -> Deck:
    """One theme: its intro, findings and every role's questions grouped per role."""
    source = library.sources[reflection.source]
    # the title slide's note is the template's note for a one-theme deck
    slides = [Slide("title", reflection=reflection, theme=theme)]
    slides += _instruction(reflection)
    slides += theme_slides(
        library, reflection, theme, _roles_of(library, [theme]), one_at_a_time=False
    )
    slides.append(Slide("closing", reflection=reflection, theme=theme))
    return Deck(
        "theme",
        urls.theme_deck(reflection.id, theme.id),
        [source],
        slides,
        urls.page_html(urls.theme_page(reflection.id, theme.id)),
        reflection=reflection,
        theme=theme,
        themes=[theme],
        source_pages=_source_pages([source]),
    )


def role_deck(library: Library, role: schema.Role) -> Deck:
    """Every theme (of every set) with questions to ``role``; the questions one at a time."""
    slides = [Slide("title", role.description, role=role)]
    sources: list[schema.Source] = []
    themes: list[schema.Theme] = []
    for reflection in library.reflections.values():
        mine = [t for t in reflection.themes if role.id in t.questions]
        if not mine:
            continue
        source = library.sources[reflection.source]
        if source not in sources:
            sources.append(source)
        slides += _instruction(reflection, role)
        for theme in mine:
            slides += theme_slides(library, reflection, theme, [role], one_at_a_time=True)
        themes += mine
    slides.append(Slide("closing", role=role))
    return Deck(
        "role",
        urls.role_deck(role.id),
        sources,
        slides,
        urls.page_html(urls.role_page(role.id)),
        role=role,
        themes=themes,
        source_pages=_source_pages(sources),
    )


def session_deck(
    library: Library,
    reflection: schema.Reflection,
    role: schema.Role,
    themes: list[schema.Theme],
    *,
    path: str,
    text_version: str,
    minutes: int,
    roles: list[schema.Role] | None = None,
) -> Deck:
    """A session's deck: the chosen themes, one role (or ``roles``, each question with its
    role), the questions one at a time."""
    source = library.sources[reflection.source]
    # the title slide's note is the template's note for a kit made for one role or a group
    slides = [Slide("title", reflection=reflection, role=role)]
    slides += _instruction(reflection, role)
    for theme in themes:
        slides += theme_slides(library, reflection, theme, roles or [role], one_at_a_time=True)
    # the agenda's last item (the summary) has a slide of its own before the sources
    slides.append(Slide("summary", reflection=reflection, role=role))
    slides.append(Slide("closing", reflection=reflection, role=role))
    return Deck(
        "session",
        path,
        [source],
        slides,
        text_version,
        reflection=reflection,
        role=role,
        themes=themes,
        minutes=minutes,
    )


def site_decks(library: Library) -> list[Deck]:
    """Every deck of the site: sets, themes, then roles that have questions."""
    decks: list[Deck] = []
    for reflection in library.reflections.values():
        decks.append(set_deck(library, reflection))
        decks += [theme_deck(library, reflection, t) for t in reflection.themes]
    decks += [
        role_deck(library, role)
        for role in library.roles_in_order()
        if library.questions_for_role(role.id)
    ]
    return decks


# --------------------------------------------------------------------------- writing


def environment_for(library: Library) -> jinja2.Environment:
    return library.context.environment("slides")


def group_words(library: Library) -> dict[str, str]:
    """How a kit names a mixed group (``templates/handouts/group.yaml``): in a group's kit,
    in a set deck shown as a meeting's deck and in «Planlegg et møte»."""
    return library.context.template_data("handouts/group.yaml")


def render(library: Library, deck: Deck, env: jinja2.Environment | None = None) -> str:
    """The deck's HTML; the assets are expected in ``reveal/`` next to the deck's folder."""
    env = env or environment_for(library)
    try:
        return env.get_template("deck.html.j2").render(
            deck=deck,
            site=library.site,
            library=library,
            assets="reveal",
            group=group_words(library),
        )
    except jinja2.TemplateError as exc:
        raise BuildFailed(
            _("malen templates/slides/deck.html.j2 kunne ikke brukes: {exc}", exc=exc)
        ) from exc


def write_deck(
    library: Library, deck: Deck, root: Path, env: jinja2.Environment | None = None
) -> Path:
    target = root / deck.path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(library, deck, env), encoding="utf-8")
    return target


def files(library: Library) -> dict[str, bytes]:
    """Every deck of the site and the reveal.js files, by path in the site."""
    out = {f"{ASSETS}/{name}": data for name, data in asset_files(library).items()}
    env = environment_for(library)
    for deck in site_decks(library):
        out[deck.path] = render(library, deck, env).encode("utf-8")
    return out
