"""What every output of one run shares: the document date, the labels and the templates.

A run (``refleks build``, ``session``, ``visit``, ``export``) loads the library once; its
``context`` (``Library.context``) is made from it once, so the date is worked out once by the
one rule (``dates.document_time``), each ``templates/<kind>/labels.yaml`` is read once, and
every output renders with environments made the same way (``templating.environment``).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from . import dates, templating
from .catalogues import read_yaml, translate, translations

__all__ = ["BuildContext", "read_yaml"]
from .project import Project


def span(text: object, lang: Markup) -> Markup:
    """``text`` in ``<span lang=...>`` when ``lang`` (from ``mark``) says so, else as it is
    (no empty ``<span>`` on a page whose language is the text's)."""
    shown = escape(text)
    return Markup(f"<span{lang}>{shown}</span>") if lang else shown


class BuildContext:
    """The shared parts of one run's outputs for the project ``project``."""

    def __init__(self, project: Project, language: str = "nb") -> None:
        self.project = project
        self.language = language
        """The site's written standard (``nb``/``nn``): the one ``words`` in a template uses."""
        self._labels: dict[str, dict[str, Any]] = {}

    @property
    def templates(self) -> Path:
        return self.project.templates

    @cached_property
    def date(self) -> dt.datetime:
        """The date the outputs carry (``SOURCE_DATE_EPOCH``, else the inputs' time)."""
        return dates.document_time(self.project.root)

    def labels(self, kind: str) -> dict[str, Any]:
        """``templates/<kind>/labels.yaml`` as written (in bokmål), read once per run. Do not
        change what it returns: translate a copy (``catalogues.translate`` makes one)."""
        return self.template_data(f"{kind}/labels.yaml")

    def template_data(self, relative: str) -> dict[str, Any]:
        """A YAML file of words under ``templates/`` (``handouts/group.yaml``), read once
        per run. Do not change what it returns."""
        if relative not in self._labels:
            path = self.templates / relative
            self._labels[relative] = read_yaml(path.read_text("utf-8")) or {}
        return self._labels[relative]

    def words(self, kind: str, domain: str = "nettsted") -> dict[str, Any]:
        """``templates/<kind>/labels.yaml`` in the site's written standard (templates call
        ``words("handouts")`` for the text they write themselves)."""
        key = f"{kind}:{self.language}"
        if key not in self._labels:
            table = translations(self.templates, self.language, domain)
            self._labels[key] = translate(self.labels(kind), kind, table)
        return self._labels[key]

    def mark(self, text: object = None) -> Markup:
        """`` lang="nb"`` for an element with bokmål text on a nynorsk page (WCAG 3.1.2),
        else nothing. ``mark()``: text from a source, always bokmål. ``mark(text)``: the
        project's own text, bokmål unless it is a nynorsk translation
        (``content.nynorsk.Translated``): ``<h2{{ mark(theme.title) }}>`` in a template."""
        if self.language == "nb" or getattr(text, "translated", False):
            return Markup("")
        return Markup(' lang="nb"')

    def environment(
        self, kind: str, *, fallback: str | None = None, prefixed: str | None = None
    ) -> jinja2.Environment:
        """A fresh environment for ``templates/<kind>/`` (callers may add filters to it), with
        the templates of ``templates/<fallback>/`` where the kind has none of that name and
        those of ``templates/<prefixed>/`` as ``<prefixed>/<name>``."""
        env = templating.environment(self.templates, kind)
        env.globals["lang"] = self.language
        env.globals["words"] = self.words
        env.globals["mark"] = self.mark
        env.globals["span"] = span
        if fallback or prefixed:
            loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(self.templates / kind)]
            if fallback:
                loaders.append(jinja2.FileSystemLoader(self.templates / fallback))
            if prefixed:
                folder = jinja2.FileSystemLoader(self.templates / prefixed)
                loaders.append(jinja2.PrefixLoader({prefixed: folder}))
            env.loader = jinja2.ChoiceLoader(loaders)
        return env
