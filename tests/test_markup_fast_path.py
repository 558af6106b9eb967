"""The plain-line fast path of ``refleks.markup`` gives exactly what python-markdown gives.

Lines with nothing Markdown could read as markup skip building python-markdown's tree (most
questions and titles): every text in the content and in the benchmark's synthetic content,
and many random lines with Markdown's special characters, must come out the same both ways.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
import yaml

from refleks import markup

from .conftest import ROOT


def full(text: str) -> str:
    return markup._converter().reset().convert(text)  # noqa: SLF001


def strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in strings(k) + strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return []


def content_texts(tmp_path: Path) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    folders = [
        ROOT / "content",
        ROOT / "tests" / "fixtures",
        ROOT / "tests" / "bad_input",
        generate(tmp_path / "syntetisk", 20) / "content",
    ]
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.yaml")):
            if path.name == "alias-bombe.yaml":
                continue  # expands to millions of strings
            try:
                texts += strings(yaml.load(path.read_text("utf-8-sig"), Loader=yaml.BaseLoader))
            except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
                continue  # bad-input cases: broken YAML, too deep nesting
    return texts


def test_every_content_text_renders_the_same(tmp_path: Path) -> None:
    texts = content_texts(tmp_path)
    fast = [t for t in texts if markup._PLAIN_LINE.fullmatch(t.rstrip())]  # noqa: SLF001
    assert len(fast) > 100, "the fast path is taken for many texts"
    differ = [t for t in texts if markup._markdown(t) != full(t)]  # noqa: SLF001
    assert differ == []


ALPHABET = "abcæøå ABCÆØÅ 0123456789 .,;:?!-+=>#*_`[]()<>&|~\\'\"\t\n/%§«»–— \u00a0"


@pytest.mark.parametrize("seed", range(4))
def test_random_lines_render_the_same(seed: int) -> None:
    rng = random.Random(seed)
    starts = ["", " ", "    ", "1. ", "1) ", "- ", "+ ", "> ", "# ", "---", "===", "12.5 "]
    for _ in range(5000):
        text = rng.choice(starts) + "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 40)))
        text += rng.choice(["", "\n", "  ", "  \n", " \n\n"])
        assert markup._markdown(text) == full(text), repr(text)  # noqa: SLF001
