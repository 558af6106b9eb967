"""``refleks session``: a kit for one reflection meeting, ready to use offline.

    refleks session --reflection systemperspektiv --role leder-virksomhet \\
        --themes ledelse,involvering --minutes 60

writes ``out/sessions/<name>/`` with

- ``lysark.html`` (+ ``reveal/``): the deck for just those themes and that role, the
  questions one at a time, speaker notes in reveal.js' speaker view (press S);
- ``lysark-med-notater.pdf``: the same deck printed, one slide per page with the notes;
- ``utskrift.pdf``: the handout for the participants, space to write under each question;
- ``veiledning.html`` and ``veiledning.pdf``: the facilitator guide with an agenda whose
  times add up to exactly the minutes asked for, the questions in order and the notes.
  The HTML guide is also the deck's accessible text version.

Bad arguments raise ``UsageError`` with a Norwegian message that lists the valid choices.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .. import policy
from ..content import schema
from ..content.model import Library
from ..decks import handouts, slides
from ..errors import UsageError
from ..messages import _
from ..writer import WriteReport, write_files
from . import groups

# the agenda: fixed minutes to open and close, at least THEME_MIN per theme
OPENING = 5
CLOSING = 5
THEME_MIN = 20
"""A theme takes 20–30 minutes (docs/bruk.md says the same); without --themes the kit has
the role's themes that fit in the meeting."""
INTRO_SHARE = 0.25  # of a theme's time: presenting the theme and its findings
INTRO_MIN = 2

DECK = "lysark.html"
DECK_PDF = "lysark-med-notater.pdf"
HANDOUT = "utskrift.pdf"
GUIDE = "veiledning.html"
GUIDE_PDF = "veiledning.pdf"

_CLOCK = re.compile(schema.TIME_PATTERN)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda; ``start`` is minutes from the start of the meeting."""

    kind: Literal["opening", "theme_intro", "reflection", "closing"]
    start: int
    minutes: int
    slides: tuple[int, int]
    """First and last slide (numbered from 1) shown during this item."""
    theme: schema.Theme | None = None
    questions: int = 0

    @property
    def end(self) -> int:
        return self.start + self.minutes


@dataclass
class Session:
    """A checked request for a session kit."""

    reflection: schema.Reflection
    role: schema.Role
    themes: list[schema.Theme]
    minutes: int
    name: str
    start: str | None = None
    roles: list[schema.Role] = field(default_factory=list)
    """The roles whose questions the kit shows; ``role`` names them (a group when several)."""
    left_out: list[schema.Theme] = field(default_factory=list)
    """Themes for the role(s) that did not fit in the minutes (no ``--themes`` given)."""

    def __post_init__(self) -> None:
        if not self.roles:
            self.roles = [self.role]


# --------------------------------------------------------------------------- checking


def minutes_problem(text: str) -> str | None:
    """Why ``text`` is not a meeting length (a whole number of minutes), or ``None``; shared by
    ``--minutes`` and the browser's «Planlegg et møte»."""
    if not text.isdigit() or int(text) == 0:
        return _("må være et helt antall minutter, ikke «{text}»", text=text)
    return None


def _choices(items: list[tuple[str, str]]) -> str:
    return ", ".join(f"{item_id} ({label})" for item_id, label in items)


def resolve(
    library: Library,
    reflection_id: str,
    role_id: str,
    theme_ids: list[str] | None,
    minutes: int,
    *,
    name: str | None = None,
    start: str | None = None,
) -> Session:
    """Check the arguments against the content; raise ``UsageError`` naming valid choices."""
    reflections = library.reflections
    if reflection_id not in reflections:
        valid = _choices([(r.id, r.title) for r in reflections.values()])
        raise UsageError(
            _(
                "refleksjonssettet «{reflection_id}» finnes ikke. Gyldige valg: {valid}",
                reflection_id=reflection_id,
                valid=valid,
            )
        )
    reflection = reflections[reflection_id]
    if "," in role_id or role_id == groups.ALL:
        return _resolve_group(library, reflection, role_id, theme_ids, minutes, name, start)
    set_roles = library.roles_with_questions(reflection.themes)
    valid = _choices([(r.id, r.label) for r in set_roles])
    if role_id not in library.roles:
        raise UsageError(
            _("rollen «{role_id}» finnes ikke. Gyldige valg: {valid}", role_id=role_id, valid=valid)
        )
    if role_id not in {r.id for r in set_roles}:
        raise UsageError(
            _(
                "rollen «{role_id}» har ingen spørsmål i refleksjonssettet "
                "«{reflection_id}». Gyldige valg: {valid}",
                role_id=role_id,
                reflection_id=reflection.id,
                valid=valid,
            )
        )
    role = library.roles[role_id]
    role_themes = [t for t in reflection.themes if t.questions.get(role.id)]
    valid_themes = _choices([(t.id, t.title) for t in role_themes])
    left_out: list[schema.Theme] = []
    if theme_ids is None:
        themes, left_out = _fitting(role_themes, minutes)
    else:
        themes = []
        by_id = {t.id: t for t in reflection.themes}
        for theme_id in theme_ids:
            if theme_id not in by_id:
                raise UsageError(
                    _(
                        "temaet «{theme_id}» finnes ikke i refleksjonssettet "
                        "«{reflection_id}». Gyldige valg: {valid_themes}",
                        theme_id=theme_id,
                        reflection_id=reflection.id,
                        valid_themes=valid_themes,
                    )
                )
            if not by_id[theme_id].questions.get(role.id):
                raise UsageError(
                    _(
                        "temaet «{theme_id}» har ingen spørsmål til rollen «{role_id}». "
                        "Gyldige valg: {valid_themes}",
                        theme_id=theme_id,
                        role_id=role.id,
                        valid_themes=valid_themes,
                    )
                )
            if by_id[theme_id] in themes:
                raise UsageError(_("temaet «{theme_id}» er valgt to ganger", theme_id=theme_id))
            themes.append(by_id[theme_id])
        if not themes:
            raise UsageError(
                _("velg minst ett tema. Gyldige valg: {valid_themes}", valid_themes=valid_themes)
            )
    _check_time_and_name(themes, minutes, name, start)
    if name is None:
        name = f"{reflection.id}-{role.id}-{'-'.join(t.id for t in themes)}-{minutes}min"
    return Session(reflection, role, themes, minutes, name, start, left_out=left_out)


def _fitting(
    themes: list[schema.Theme], minutes: int
) -> tuple[list[schema.Theme], list[schema.Theme]]:
    """The first themes that fit in ``minutes`` (at least one), and the ones left out."""
    fits = max(1, (minutes - OPENING - CLOSING) // THEME_MIN)
    return themes[:fits], themes[fits:]


def minutes_for(count: int) -> int:
    """The shortest meeting with ``count`` themes."""
    return OPENING + CLOSING + THEME_MIN * count


def _resolve_group(
    library: Library,
    reflection: schema.Reflection,
    role_text: str,
    theme_ids: list[str] | None,
    minutes: int,
    name: str | None,
    start: str | None,
) -> Session:
    """``resolve`` for several roles (``a,b`` or ``alle``)."""
    roles = groups.parse_roles(library, reflection, role_text)
    ids = ", ".join(f"«{r.id}»" for r in roles)
    group_themes = [t for t in reflection.themes if groups.questions_in(t, roles)]
    valid_themes = _choices([(t.id, t.title) for t in group_themes])
    by_id = {t.id: t for t in reflection.themes}
    themes: list[schema.Theme] = []
    left_out: list[schema.Theme] = []
    wanted = theme_ids
    if theme_ids is None:
        fitting, left_out = _fitting(group_themes, minutes)
        wanted = [t.id for t in fitting]
    for theme_id in wanted or []:
        theme = by_id.get(theme_id)
        if theme is None:
            raise UsageError(
                _(
                    "temaet «{theme_id}» finnes ikke i refleksjonssettet "
                    "«{reflection_id}». Gyldige valg: {valid_themes}",
                    theme_id=theme_id,
                    reflection_id=reflection.id,
                    valid_themes=valid_themes,
                )
            )
        if theme not in group_themes:
            raise UsageError(
                _(
                    "temaet «{theme_id}» har ingen spørsmål til rollene {ids}. Gyldige "
                    "valg: {valid_themes}",
                    theme_id=theme_id,
                    ids=ids,
                    valid_themes=valid_themes,
                )
            )
        if theme in themes:
            raise UsageError(_("temaet «{theme_id}» er valgt to ganger", theme_id=theme.id))
        themes.append(theme)
    if not themes:
        raise UsageError(
            _("velg minst ett tema. Gyldige valg: {valid_themes}", valid_themes=valid_themes)
        )
    _check_time_and_name(themes, minutes, name, start)
    if name is None:
        who = groups.ALL if role_text.strip() == groups.ALL else "-".join(r.id for r in roles)
        name = f"{reflection.id}-{who}-{'-'.join(t.id for t in themes)}-{minutes}min"
    role = groups.group_role(library, roles)
    return Session(reflection, role, themes, minutes, name, start, roles, left_out)


def _check_time_and_name(
    themes: list[schema.Theme], minutes: int, name: str | None, start: str | None
) -> None:
    needed = OPENING + CLOSING + THEME_MIN * len(themes)
    if minutes < needed:
        count = _("ett tema") if len(themes) == 1 else _("{n} temaer", n=len(themes))
        raise UsageError(
            _(
                "{minutes} minutter er for kort tid til {count}: det trengs minst "
                "{needed} minutter ({opening} til innledning, {least} per tema og "
                "{closing} til oppsummering). Velg færre temaer eller flere minutter",
                minutes=minutes,
                count=count,
                needed=needed,
                opening=OPENING,
                least=THEME_MIN,
                closing=CLOSING,
            )
        )
    if start is not None and not _CLOCK.fullmatch(start):
        raise UsageError(
            _("starttidspunktet «{start}» må skrives som TT:MM, for eksempel 13:00", start=start)
        )
    if name is not None and not _NAME.fullmatch(name):
        raise UsageError(
            _("navnet «{name}» kan bare ha små bokstaver a-z, sifre og bindestrek", name=name)
        )


# --------------------------------------------------------------------------- agenda


def _shares(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` whole minutes in proportion to ``weights`` (largest remainder)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def agenda(session: Session, deck: slides.Deck) -> list[AgendaItem]:
    """The meeting minute by minute; the items' minutes add up to ``session.minutes``."""
    counts = [groups.questions_in(t, session.roles) for t in session.themes]
    extra = session.minutes - OPENING - CLOSING - THEME_MIN * len(session.themes)
    per_theme = [THEME_MIN + x for x in _shares(extra, [1 + c for c in counts])]

    kinds = [s.kind for s in deck.slides]
    items: list[AgendaItem] = []
    clock = 0
    # opening: the title and instruction slides
    first_theme_slide = kinds.index("theme") + 1
    items.append(AgendaItem("opening", clock, OPENING, (1, first_theme_slide - 1)))
    clock += OPENING
    slide = first_theme_slide
    for theme, minutes, count in zip(session.themes, per_theme, counts, strict=True):
        intro = max(INTRO_MIN, round(minutes * INTRO_SHARE))
        shown = 1 + len(theme.findings) + len(theme.stories)
        items.append(AgendaItem("theme_intro", clock, intro, (slide, slide + shown - 1), theme))
        clock += intro
        slide += shown
        items.append(
            AgendaItem(
                "reflection", clock, minutes - intro, (slide, slide + count - 1), theme, count
            )
        )
        clock += minutes - intro
        slide += count
    # the summary: its own slide, then the sources and links
    items.append(AgendaItem("closing", clock, CLOSING, (kinds.index("summary") + 1, len(kinds))))
    return items


def clock_label(session: Session, minute: int) -> str:
    """``13:05`` with a start time, else minutes from the start (``0:05``)."""
    base = 0
    if session.start:
        hours, mins = session.start.split(":")
        base = int(hours) * 60 + int(mins)
    total = (base + minute) % (24 * 60)
    hours = f"{total // 60:02d}" if session.start else str(total // 60)
    return f"{hours}:{total % 60:02d}"


# --------------------------------------------------------------------------- writing


def build_kit(library: Library, session: Session, target: Path, force: bool = False) -> WriteReport:
    """Write the kit into ``target`` as ``refleks visit`` does: files changed by hand are
    kept (unless ``force``), folders and files get the usual modes (0755/0644)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{session.name}-", dir=target.parent))
    try:
        deck = slides.session_deck(
            library,
            session.reflection,
            session.role,
            session.themes,
            path=DECK,
            text_version=GUIDE,
            minutes=session.minutes,
            roles=session.roles,
        )
        plan = agenda(session, deck)
        deck.pacing = groups.pacing(plan, len(deck.slides))
        slides.copy_assets(library, work / "reveal")
        slides.write_deck(library, deck, work)
        printer = handouts.Printer(library)
        handouts.write_deck_pdf(printer, deck, work / DECK_PDF)
        if len(session.roles) > 1:
            groups.write_group_handout(
                printer, session.reflection, session.themes, session.roles, work / HANDOUT
            )
        else:
            pairs = [(session.reflection.id, t.id) for t in session.themes]
            handouts.write_role_handout(printer, session.role, work / HANDOUT, only=pairs)
        context = {
            "session": session,
            "deck": deck,
            "agenda": plan,
            "clock": lambda minute: clock_label(session, minute),
            "files": {
                "deck": DECK,
                "deck_pdf": DECK_PDF,
                "handout": HANDOUT,
                "guide": GUIDE,
                "guide_pdf": GUIDE_PDF,
            },
            "sources": deck.sources,
            "inline_css": (library.project.templates / "handouts" / "handout.css").read_text(
                encoding="utf-8"
            ),
        }
        html = printer.html("guide.html.j2", screen=True, **context)
        (work / GUIDE).write_text(html, encoding="utf-8")
        printer.pdf("guide.html.j2", work / GUIDE_PDF, screen=False, **context)
        # the same Content-Security-Policy as the site's pages: scripts only from the kit
        files = policy.protect_files(
            {p.relative_to(work).as_posix(): p.read_bytes() for p in work.rglob("*") if p.is_file()}
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    target.mkdir(mode=0o755, exist_ok=True)
    return write_files(target, files, force=force)
