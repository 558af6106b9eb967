"""Synthetic Refleks projects of any size, for the benchmark.

``generate(root, themes)`` writes a complete project: the repository's engine settings,
overrides, templates and hand-written pages, and under ``content/`` synthetic material in the
proportions of the shipped content:

- one source per 10 themes, each with 10 findings, 3 recommendations, a table, a story and a
  reference;
- one reflection set per 10 themes (drawn from that source), each theme with an intro, notes,
  a finding and 2 questions for each of 3 roles;
- roles: 3, plus one per 20 themes;
- frameworks: 2 per 10 themes, each cited by a source.

The text is deterministic pseudo-Norwegian (with æ, ø and å), so two runs give the same files.
Run directly: ``python benchmarks/generate.py DIR THEMES``.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
COPIED = ["mkdocs.yml", "overrides", "templates", "docs"]

_VOCABULARY = (
    "pasient bruker sikkerhet hendelse læring leder ansatt tjeneste rutine kultur avvik "
    "gjennomgang system ansvar risiko tiltak oppfølging samarbeid kommunikasjon kompetanse "
    "forbedring åpenhet tillit møte avdeling sykehjem legevakt overgang pårørende journal "
    "legemiddel tavle tid ressurs støtte erfaring refleksjon spørsmål forståelse praksis "
    "øvelse måling våre være første både også bør må skal kan vil når hvordan hvorfor"
)
WORDS = _VOCABULARY.split()


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    """Running text as authors write it: lines of about 90 characters in a YAML block, some
    **bold** words and now and then a link."""
    words = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(sentences)).split()
    if rng.random() < 0.4:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"[{words[i]}](https://eksempel.example/{rng.randint(1, 999)})"
    lines, line = [], ""
    for word in words:
        if line and len(line) + len(word) > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line]) + "\n"


def question(rng: random.Random) -> str:
    start = rng.choice(["Hvordan", "Hva", "Hvorfor", "Når", "Hvem"])
    return f"{start} {' '.join(rng.choice(WORDS) for _ in range(rng.randint(8, 14)))}?"


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (``|``), as authors write it."""


_Dumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


def dump(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100), "utf-8"
    )


def roles(count: int) -> list[dict]:
    return [
        {
            "id": f"rolle-{i:03d}",
            "label": f"Rolle {i:03d}",
            "address": f"Til deg som har rolle {i:03d} i tjenesten",
            "examples": ["avdelingsleder", "kvalitetsrådgiver"],
            "level": i % 3 + 1,
        }
        for i in range(1, count + 1)
    ]


def source(rng: random.Random, n: int, frameworks: list[str]) -> dict:
    sid = f"kilde-{n:04d}"
    return {
        "id": sid,
        "title": f"Rapport {n:04d} om {rng.choice(WORDS)} og {rng.choice(WORDS)}",
        "publisher": "Syntetisk utgiver",
        "kind": "rapport",
        "year": 2020 + n % 6,
        "url": f"https://eksempel.example/rapport-{n:04d}",
        "summary": paragraph(rng, 6),
        "findings": [
            {
                "id": f"funn-{f:02d}",
                "number": f,
                "title": sentence(rng, 5)[:-1],
                "text": paragraph(rng),
                "summary_of": f"s. {f}",
            }
            for f in range(1, 11)
        ],
        "recommendations": [
            {
                "id": f"anbefaling-{r}",
                "number": r,
                "to": ["Helsedirektoratet", "kommunene"],
                "text": paragraph(rng, 2),
                "findings": [f"funn-{r:02d}"],
                "summary_of": f"s. {10 + r}",
            }
            for r in range(1, 4)
        ],
        "statistics": [
            {
                "id": "tall",
                "label": "Tabell 1",
                "title": "Hendelser per år",
                "unit": "antall hendelser",
                "columns": ["År", "Hendelser"],
                "rows": [[str(2015 + y), str(rng.randint(10, 999))] for y in range(8)],
            }
        ],
        "stories": [
            {
                "id": "historie",
                "kind": "historie",
                "title": "En hendelse",
                "text": paragraph(rng, 5),
                "summary_of": "s. 20",
            }
        ],
        "references": [
            {
                "id": "ref-1",
                "text": "Syntetisk referanse.",
                "url": "https://eksempel.example/referanse",
            }
        ],
        "frameworks": frameworks,
    }


def reflection(rng: random.Random, n: int, themes: int, role_ids: list[str]) -> dict:
    sid = f"kilde-{n:04d}"
    out = []
    for t in range(1, themes + 1):
        addressed = [role_ids[(n * 10 + t + k) % len(role_ids)] for k in range(3)]
        out.append(
            {
                "id": f"tema-{t:02d}",
                "number": t,
                "title": sentence(rng, 4)[:-1],
                "intro": paragraph(rng, 3),
                "notes": paragraph(rng, 2),
                "findings": [f"{sid}/funn-{t:02d}"],
                "questions": {r: [question(rng), question(rng)] for r in dict.fromkeys(addressed)},
            }
        )
    return {
        "id": f"sett-{n:04d}",
        "source": sid,
        "title": f"Refleksjon over rapport {n:04d}",
        "authored_by": "refleks",
        "intro": paragraph(rng, 2),
        "instruction": "Ta utgangspunkt i ditt ansvarsområde, og diskuter hva du kan gjøre.",
        "themes": out,
    }


def generate(root: Path, themes: int, seed: int = 2025) -> Path:
    """Write a project with ``themes`` reflection themes into ``root`` (emptied first)."""
    rng = random.Random(seed)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in COPIED:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.is_file():
            shutil.copy(src, root / name)
    content = root / "content"
    dump(
        content / "site.yaml",
        {"title": "Syntetisk Refleks", "publisher": "Benchmark", "language": "nb"},
    )
    role_list = roles(3 + themes // 20)
    dump(content / "roles.yaml", role_list)
    role_ids = [r["id"] for r in role_list]
    sets = max(1, (themes + 9) // 10)
    for n in range(1, sets + 1):
        count = min(10, themes - (n - 1) * 10)
        fws = [f"rammeverk-{n:04d}-{k}" for k in (1, 2)]
        for k, fid in enumerate(fws, start=1):
            dump(
                content / "frameworks" / f"{fid}.yaml",
                {
                    "id": fid,
                    "name": f"Rammeverk {n:04d}.{k} for {rng.choice(WORDS)}",
                    "acronym": f"R{n:04d}{k}",
                    "kind": "rammeverk",
                    "summary": paragraph(rng, 3),
                    "key_ideas": [sentence(rng, 8) for _ in range(3)],
                    "sources": [f"kilde-{n:04d}"],
                },
            )
        dump(content / "sources" / f"kilde-{n:04d}.yaml", source(rng, n, fws))
        dump(content / "reflections" / f"sett-{n:04d}.yaml", reflection(rng, n, count, role_ids))
    return root


if __name__ == "__main__":
    target, size = Path(sys.argv[1]), int(sys.argv[2])
    print(generate(target, size))
