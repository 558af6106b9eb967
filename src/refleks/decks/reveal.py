"""reveal.js for the decks: its files from ``node_modules`` with their English texts in
Norwegian (``templates/slides/reveal-nb.yaml``), the speaker view's style added to
``notes.js``, and the deck style and scripts from ``templates/slides/``."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..content.model import Library
from ..errors import BuildFailed
from ..messages import _
from ..writer import write_tree

# reveal.js files copied from the npm package (source -> name in the assets folder)
REVEAL_FILES = {
    "dist/reset.css": "reset.css",
    "dist/reveal.css": "reveal.css",
    "dist/reveal.js": "reveal.js",
    "dist/plugin/notes.js": "notes.js",
    "LICENSE": "LICENSE-reveal.js.txt",
}
# the speaker view's style, put into notes.js before the end of its own style sheet
SPEAKER_CSS = "talervisning.css"
SPEAKER_STYLE_END = "</style>"
# our own files from templates/slides/, copied as they are
OWN_FILES = ["refleks-lysark.css", "refleks-lysark.js", "refleks-tempo.js"]


def translations(library: Library) -> dict[str, dict[str, str]]:
    """English texts of reveal.js -> Norwegian, by file (``templates/slides/reveal-nb.yaml``)."""
    path = library.project.templates / "slides" / "reveal-nb.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def asset_files(library: Library) -> dict[str, bytes]:
    """reveal.js (its texts in Norwegian) and the deck style, by file name."""
    package = library.project.node_modules / "reveal.js"
    missing = [package / src for src in REVEAL_FILES if not (package / src).is_file()]
    if missing:
        raise BuildFailed(
            _(
                "{missing} mangler; kjør ./scripts/build for å installere npm-pakkene",
                missing=missing[0],
            )
        )
    texts = translations(library)
    out: dict[str, bytes] = {}
    for src, name in REVEAL_FILES.items():
        code = (package / src).read_text(encoding="utf-8")
        for english, norwegian in texts.get(name, {}).items():
            if english not in code:
                raise BuildFailed(
                    _(
                        "fant ikke teksten «{english}» i {name} fra reveal.js; oppdater "
                        "templates/slides/reveal-nb.yaml etter den nye versjonen av reveal.js",
                        english=english,
                        name=name,
                    )
                )
            code = code.replace(english, norwegian)
        if name == "notes.js":
            code = _with_speaker_style(code, library.project.templates / "slides" / SPEAKER_CSS)
        out[name] = code.encode("utf-8")
    own = library.project.templates / "slides"
    for name in OWN_FILES:
        out[name] = (own / name).read_bytes()
    return out


def _with_speaker_style(code: str, css: Path) -> str:
    """notes.js with the speaker view's style added at the end of its style sheet."""
    if code.count(SPEAKER_STYLE_END) != 1:
        raise BuildFailed(
            _(
                "fant ikke ett sted å legge inn {css} i notes.js fra "
                "reveal.js; oppdater templates/slides/talervisning.css etter den nye "
                "versjonen av reveal.js",
                css=SPEAKER_CSS,
            )
        )
    return code.replace(SPEAKER_STYLE_END, css.read_text(encoding="utf-8") + SPEAKER_STYLE_END)


def copy_assets(library: Library, target: Path) -> list[Path]:
    """Write reveal.js and the deck style into ``target``."""
    return write_tree(target, asset_files(library))
