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
import yaml

from . import dates, templating
from .project import Project


def read_yaml(text: str) -> Any:
    """``yaml.safe_load(text)``, by libyaml when PyYAML has it (the same data, several times
    faster); on an error the pure-Python loader reads it again, for the same message."""
    if hasattr(yaml, "CSafeLoader"):
        try:
            return yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


class BuildContext:
    """The shared parts of one run's outputs for the project ``project``."""

    def __init__(self, project: Project) -> None:
        self.project = project
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
        change what it returns: translate a copy (``walkround.i18n.translate`` makes one)."""
        if kind not in self._labels:
            path = self.templates / kind / "labels.yaml"
            self._labels[kind] = read_yaml(path.read_text("utf-8")) or {}
        return self._labels[kind]

    def environment(
        self, kind: str, *, fallback: str | None = None, prefixed: str | None = None
    ) -> jinja2.Environment:
        """A fresh environment for ``templates/<kind>/`` (callers may add filters to it), with
        the templates of ``templates/<fallback>/`` where the kind has none of that name and
        those of ``templates/<prefixed>/`` as ``<prefixed>/<name>``."""
        env = templating.environment(self.templates, kind)
        if fallback or prefixed:
            loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(self.templates / kind)]
            if fallback:
                loaders.append(jinja2.FileSystemLoader(self.templates / fallback))
            if prefixed:
                folder = jinja2.FileSystemLoader(self.templates / prefixed)
                loaders.append(jinja2.PrefixLoader({prefixed: folder}))
            env.loader = jinja2.ChoiceLoader(loaders)
        return env
