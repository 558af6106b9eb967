"""The learning site's Markdown pages, generated from the library into a scratch docs folder.

Hand-written pages from ``docs/`` are copied in first; a generated page may never take the
path of a hand-written one. The navigation is returned for the site engine's config.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import catalogues, markup, urls
from ..content.model import Library
from ..errors import BuildFailed
from ..messages import _
from ..project import SHIPPED
from ..sorting import nb_key
from ..walkround.kit import nynorsk_method
from . import reference, selfstudy
from .charts import svg_chart

Nav = list[Any]


def md_text(value: object) -> Markup:
    """Plain text the site engine shows as written (``markup.md_text`` for the site)."""
    return markup.md_text(value, "site")


def md_block(text: str | None, lang: str = "") -> Markup:
    """Block Markdown as sanitised HTML in a raw HTML block: the site engine passes it through
    untouched, so it is sanitised after its last transformation. ``lang``: the block's
    ``lang`` attribute (`` lang="nb"`` for bokmål on a nynorsk page), or nothing."""
    html = markup.render(text)
    if not html.strip():
        return Markup("")
    return Markup(f'\n<div class="refleks-tekst"{lang}>\n{html}\n</div>\n')


def _marked(text: Markup, lang: Markup) -> Markup:
    """``text`` in a ``<span>`` with ``lang`` when it has one (bokmål on a nynorsk page)."""
    return Markup(f"<span{lang}>{text}</span>") if lang and text else text


def page_href(target: str) -> str:
    """A page's address for a raw HTML link (the engine rewrites only Markdown links)."""
    path, hash_, anchor = target.partition("#")
    if path.endswith(".md"):
        path = urls.page_html(path)
    return path + hash_ + anchor


def html_title(value: object) -> str:
    """A title for the engine's settings and navigation: its theme puts them into the page
    as HTML, so the HTML specials are written as entities."""
    return html.escape(" ".join(str(value).split()), quote=False).replace('"', "&quot;")


def md_href(url: str) -> Markup:
    """A validated URL as a Markdown link target (parentheses would end the link)."""
    return Markup(url.replace("(", "%28").replace(")", "%29").replace(" ", "%20"))


def _relative(target: str, start: str) -> str:
    """``os.path.relpath`` for the site's own relative paths (``/``-separated, no ``..``),
    without its two calls to the file system per link."""
    to = [p for p in target.split("/") if p not in ("", ".")]
    base = [p for p in start.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(to), len(base)) and to[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + to[common:]) or "."


class Renderer:
    """Renders page templates to files under ``docs`` and remembers what it wrote."""

    def __init__(self, library: Library, docs: Path) -> None:
        self.library = library
        self.docs = docs
        self.env = library.context.environment("pages")
        mark = library.context.mark
        self.env.filters["t"] = lambda value: _marked(md_text(value), mark(value))
        self.env.filters["md_inline"] = lambda value: _marked(
            markup.render_inline(value), mark(value)
        )
        self.env.filters["href"] = md_href
        self.env.filters["md"] = lambda text: md_block(text, library.context.mark(text))
        self.env.filters["page_href"] = page_href
        self.env.globals["svg_chart"] = lambda stat: svg_chart(stat, library.project.templates)
        self.labels: dict[str, Any] = catalogues.translate(
            library.context.labels("pages"),
            "pages",
            catalogues.translations(library.project.templates, library.site.language, "nettsted"),
        )
        self.written: set[str] = set()

    def render(self, template: str, page: str, title: str | None = None, **context: Any) -> None:
        if page in self.written:
            raise BuildFailed(_("to sider skal skrives til samme sti: {page}", page=page))
        target = self.docs / page
        if target.exists():
            raise BuildFailed(
                _(
                    "den håndskrevne siden docs/{page} har samme sti som en generert side; "
                    "gi den håndskrevne siden et annet navn",
                    page=page,
                )
            )
        text = self.text(template, page, **context)
        if title is not None:  # the engine's page title (the tab, the header), escaped
            text = f"---\ntitle: {json.dumps(html_title(title), ensure_ascii=False)}\n---\n{text}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.written.add(page)

    def text(self, template: str, page: str, **context: Any) -> str:
        """The template's Markdown for ``page`` (its links relative to that page)."""
        here = os.path.dirname(page)

        def rel(target_path: str) -> str:
            """Relative link from this page to another page (.md) or a file in the site."""
            return _relative(target_path, here)

        try:
            return self.env.get_template(template).render(
                library=self.library,
                site=self.library.site,
                page=page,
                rel=rel,
                labels=self.labels,
                **context,
            )
        except jinja2.TemplateError as exc:
            raise BuildFailed(
                _(
                    "malen templates/pages/{template} kunne ikke brukes: {exc}",
                    template=template,
                    exc=exc,
                )
            ) from exc


TRANSLATIONS = "nn"
"""``docs/nn/``: the hand-written pages in nynorsk, same paths as in ``docs/``."""


def _copy_handwritten(library: Library, docs: Path) -> None:
    """``docs/`` as the site's pages; on a nynorsk site each page's ``docs/nn/`` version
    takes its place, and a page with none is marked as bokmål (``lang="nb"``)."""
    source = library.project.docs
    if source.is_dir():
        shutil.copytree(source, docs, ignore=_translations_folder(source))
    else:
        docs.mkdir(parents=True)
    if library.site.language == TRANSLATIONS and source.is_dir():
        for page in sorted(docs.rglob("*.md")):
            nynorsk = source / TRANSLATIONS / page.relative_to(docs)
            if nynorsk.is_file():
                shutil.copyfile(nynorsk, page)
            else:
                page.write_text(_marked_bokmal(page.read_text("utf-8")), encoding="utf-8")
    _add_shipped_assets(docs / "assets")
    # Material's offline plugin would load this shim (search from disk) from a CDN
    shim = library.project.node_modules / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        raise BuildFailed(
            _("{shim} mangler; kjør ./scripts/build for å installere npm-pakkene", shim=shim)
        )
    target = docs / "assets" / "iframe-worker" / "shim.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_shim_without_inline_script(shim), encoding="utf-8")
    frame = library.project.templates / "search" / "frame.js"
    shutil.copyfile(frame, target.with_name("frame.js"))


# the shim writes its frame's helpers as an inline script, which the Content-Security-Policy
# does not run; they are in frame.js (templates/search/) instead, next to the shim
_INLINE_FRAME = (
    '<script>postMessage=${c};importScripts=${d};addEventListener("error",({error})=>'
    '{parent.dispatchEvent(new ErrorEvent("error",{filename:"${e}",error}))})<\\/script>'
)
# the worker finds its folder from the frame's first script[src]: an inert one names it
_FRAME_FILE = (
    '<script type="text/x-worker" src="${e}"><\\/script>'
    '<script src="${__refleksFrame}" data-worker="${e}"><\\/script>'
)


def _shim_without_inline_script(shim: Path) -> str:
    text = shim.read_text(encoding="utf-8")
    if _INLINE_FRAME not in text:
        raise BuildFailed(_("{shim} er en annen versjon enn Refleks kjenner (npm ci)", shim=shim))
    here = 'var __refleksFrame=new URL("frame.js",document.currentScript.src).href;'
    return here + text.replace(_INLINE_FRAME, _FRAME_FILE)


def _add_shipped_assets(assets: Path) -> None:
    """Refleks' own files for the site (``refleks.css``, which ``mkdocs.yml`` names) where the
    project's ``docs/assets/`` has none of that name: a project needs no ``docs/``."""
    shipped = SHIPPED / "assets"
    for source in sorted(shipped.rglob("*")):
        target = assets / source.relative_to(shipped)
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def _translations_folder(root: Path) -> Any:
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [TRANSLATIONS] if Path(folder) == root and TRANSLATIONS in names else []

    return ignore


def _marked_bokmal(text: str) -> str:
    """A Markdown page inside ``<div lang="nb" markdown>`` (after its front matter)."""
    front = ""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            front, text = text[: end + 5], text[end + 5 :]
    return f'{front}<div lang="nb" markdown>\n\n{text.rstrip()}\n\n</div>\n'


def build(library: Library, docs: Path) -> Nav:
    """Write every page; return the site navigation."""
    _copy_handwritten(library, docs)
    renderer = Renderer(library, docs)
    labels = renderer.labels
    _add_downloads(renderer)
    nav: Nav = [{labels["home"]: "index.md"}]
    # the hand-written guide to using the material, linked from the home page when it exists
    renderer.render("home.md.j2", "index.md", how_to_page=(docs / "bruk.md").exists())
    for extra, label in (
        ("bruk.md", labels["how_to"]),
        (selfstudy.TEACHERS_PAGE, labels["teachers"]),
    ):
        if (docs / extra).exists():
            nav.append({label: extra})
    nav.append({labels["reflection"]: _reflection_pages(renderer)})
    nav.append({labels["roles"]: _role_pages(renderer)})
    nav.append({labels["sources"]: _source_pages(renderer)})
    selfstudy.write_assets(library, docs)
    renderer.render("journal.md.j2", selfstudy.JOURNAL_PAGE)
    nav.append({labels["journal"]: selfstudy.JOURNAL_PAGE})
    renderer.render("recommendations.md.j2", urls.RECOMMENDATIONS_PAGE)
    nav.append({labels["recommendations"]: urls.RECOMMENDATIONS_PAGE})
    nav.append({labels["frameworks"]: _framework_pages(renderer)})
    for method in library.methods.values():
        page = urls.method_page(method.id)
        source = library.sources[method.source]
        translation = library.methods_nn.get(method.id)
        if translation is not None and library.site.language == translation.language:
            method = nynorsk_method(method, translation)
        renderer.render(
            "method.md.j2",
            page,
            title=method.title,
            method=method,
            source=source,
            translation=translation,
        )
        nav.append({html_title(method.title): page})
    from . import tools  # the browser tools' pages (imported when pages are built)

    nav += tools.pages(renderer)
    nav.append({labels["authors"]: _author_pages(renderer, docs)})
    from . import statement  # the accessibility statement, from the tests' measurements

    nav.append({labels["statement"]: statement.write(renderer)})
    return nav


DOWNLOADS_MARK = "<!-- refleks: nedlastinger -->"
"""Where the teachers' page lists every set's course pack and SCORM package."""


def _add_downloads(renderer: Renderer) -> None:
    """The downloads for teaching (made with the site) in the hand-written teachers' page,
    where it has ``DOWNLOADS_MARK``: the page says what they are, the list is generated."""
    page = renderer.docs / selfstudy.TEACHERS_PAGE
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")
    if DOWNLOADS_MARK in text:
        listed = renderer.text("teaching-downloads.md.j2", selfstudy.TEACHERS_PAGE)
        page.write_text(text.replace(DOWNLOADS_MARK, listed.strip()), encoding="utf-8")


def _reflection_pages(renderer: Renderer) -> Nav:
    library, labels = renderer.library, renderer.labels
    sets: Nav = [{labels["reflection_overview"]: "refleksjon/index.md"}]
    renderer.render("reflections.md.j2", "refleksjon/index.md")
    for reflection in library.reflections.values():
        page = urls.reflection_page(reflection.id)
        source = library.sources[reflection.source]
        set_roles = library.roles_with_questions(reflection.themes)
        renderer.render(
            "reflection.md.j2",
            page,
            title=reflection.title,
            reflection=reflection,
            source=source,
            set_roles=set_roles,
        )
        items: Nav = [{labels["about_set"]: page}]
        for theme in reflection.themes:
            theme_page = urls.theme_page(reflection.id, theme.id)
            title = f"{theme.number}. {theme.title}"
            renderer.render(
                "theme.md.j2",
                theme_page,
                title=title,
                reflection=reflection,
                theme=theme,
                source=source,
            )
            items.append({html_title(title): theme_page})
        sets.append({html_title(reflection.title): items})
    return sets


def _role_pages(renderer: Renderer) -> Nav:
    library, labels = renderer.library, renderer.labels
    roles: Nav = [{labels["role_overview"]: "roller/index.md"}]
    renderer.render("roles.md.j2", "roller/index.md")
    for role in library.roles_in_order():
        page = urls.role_page(role.id)
        questions = library.questions_for_role(role.id)
        renderer.render("role.md.j2", page, title=role.label, role=role, questions=questions)
        roles.append({html_title(role.label): page})
    return roles


ABOUT_SOURCES_PAGE = "om-kildene.md"
"""Not under kilder/: every page there is one source."""


def _source_pages(renderer: Renderer) -> Nav:
    library, labels = renderer.library, renderer.labels
    sources: Nav = [{labels["source_overview"]: "kilder/index.md"}]
    renderer.render("sources.md.j2", "kilder/index.md")
    # what the three marks under a text mean: the source's words, a summary, Refleks's own
    renderer.render("about-sources.md.j2", ABOUT_SOURCES_PAGE)
    sources.append({labels["about_sources"]: ABOUT_SOURCES_PAGE})
    for source in sorted(library.sources.values(), key=lambda s: nb_key(s.title)):
        page = urls.source_page(source.id)
        renderer.render("source.md.j2", page, title=source.title, source=source)
        sources.append({html_title(source.title): page})
    return sources


def _framework_pages(renderer: Renderer) -> Nav:
    library, labels = renderer.library, renderer.labels
    frameworks: Nav = [{labels["framework_overview"]: "rammeverk/index.md"}]
    # the overview lists them as the navigation does: by acronym, else by name
    ordered = sorted(library.frameworks.values(), key=lambda f: nb_key(f.acronym or f.name))
    renderer.render("frameworks.md.j2", "rammeverk/index.md", frameworks=ordered)
    for framework in ordered:
        page = urls.framework_page(framework.id)
        title = framework.acronym or framework.name
        renderer.render("framework.md.j2", page, title=title, framework=framework)
        frameworks.append({html_title(title): page})
    return frameworks


def _author_pages(renderer: Renderer, docs: Path) -> Nav:
    labels = renderer.labels
    authors: Nav = []
    if (docs / "for-forfattere" / "index.md").exists():
        authors.append({labels["authors_guide"]: "for-forfattere/index.md"})
    if (docs / "for-forfattere" / "eksempel.md").exists():
        authors.append({labels["authors_example"]: "for-forfattere/eksempel.md"})
    library = renderer.library
    models = reference.describe(
        labels["page"]["reference"]["types"], library.site.language, library.project.templates
    )
    renderer.render("reference.md.j2", urls.REFERENCE_PAGE, models=models)
    authors.append({labels["content_model"]: urls.REFERENCE_PAGE})
    return authors
