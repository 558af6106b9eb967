"""Content errors shown in the browser by ``refleks serve``, never in a built site.

While the content is invalid, every Markdown page of the preview gets the errors
(``templates/preview/feil.html.j2``) as a raw HTML block at its top; the site engine rebuilds
and its live reload shows them over the last valid page. When the content is valid again, the
fresh pages replace them and the engine reloads the browser once more.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import Problem, positions, visible
from ...project import SHIPPED_TEMPLATES
from ...templating import environment

KIND = "preview"
STYLESHEET = "forhandsvisning.css"
# where the stylesheet goes in the preview's pages, and the config's extra_css entry
STYLESHEET_PATH = f"assets/refleks/{STYLESHEET}"
START = "<!-- refleks-forhandsvisning-feil -->"
END = "<!-- /refleks-forhandsvisning-feil -->"


def templates_for(templates: Path) -> Path:
    """The project's templates when they have the preview's, else Refleks' own (a project
    made before the preview showed errors has none)."""
    return templates if (templates / KIND).is_dir() else SHIPPED_TEMPLATES


def render(templates: Path, problems: list[Problem]) -> str:
    """The errors as one raw HTML block (escaped), between the markers ``strip`` finds."""
    env = environment(templates_for(templates), KIND)
    problems = sorted(problems)
    body = env.get_template("feil.html.j2").render(
        problems=problems, visible=visible, positions=positions
    )
    # a raw HTML block ends at a blank line: the block itself has none
    lines = [line for line in body.splitlines() if line.strip()]
    return "\n".join([START, *lines, END]) + "\n\n"


def stylesheet(templates: Path) -> bytes:
    return (templates_for(templates) / KIND / STYLESHEET).read_bytes()


def strip(page: str) -> str:
    """``page`` without the errors ``inject`` put there."""
    start = page.find(START)
    end = page.find(END, start)
    if start < 0 or end < 0:
        return page
    rest = page[end + len(END) :].lstrip("\n")
    return page[:start] + rest


def inject(page: str, overlay: str) -> str:
    """``page`` (Markdown) with ``overlay`` at its top, after any front matter."""
    page = strip(page)
    if page.startswith("---\n"):
        end = page.find("\n---\n", 3)
        if end >= 0:
            split = end + len("\n---\n")
            return page[:split] + "\n" + overlay + page[split:]
    return overlay + page
