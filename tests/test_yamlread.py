"""The YAML reader keeps what authors write and refuses what it must."""

from __future__ import annotations

from pathlib import Path

import pytest

from refleks.content import yamlread
from refleks.content.yamlread import load
from refleks.errors import Problems


def read(tmp_path: Path, text: str):
    file = tmp_path / "x.yaml"
    file.write_text(text, encoding="utf-8")
    problems = Problems(tmp_path)
    return load(file, problems), problems


def test_plain_scalars_stay_as_written(tmp_path: Path) -> None:
    doc, problems = read(
        tmp_path,
        "a: no\nb: yes\nc: on\nd: off\ne: 0150\nf: 12:30\ng: 1.10\nh: +47 22 33 44 55\n"
        "i: 2027-03-23\nj: ~\nk:\nl: 'quoted'\n",
    )
    assert not problems.items
    assert doc.data == {
        "a": "no",
        "b": "yes",
        "c": "on",
        "d": "off",
        "e": "0150",
        "f": "12:30",
        "g": "1.10",
        "h": "+47 22 33 44 55",
        "i": "2027-03-23",
        "j": None,
        "k": None,
        "l": "quoted",
    }


def test_no_as_key_stays_a_string(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "no: 1\n")
    assert doc.data == {"no": "1"}


def test_positions_of_keys_and_values(tmp_path: Path) -> None:
    doc, _ = read(tmp_path, "themes:\n  - id: a\n    title: T\n")
    assert doc.where(("themes", 0, "title")) == (3, 12)
    assert doc.where(("themes", 0, "title"), key=True) == (3, 5)
    assert doc.where(("themes", 0, "missing")) == (2, 5)


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert [p.format() for p in problems.items] == [
        "x.yaml:3:1: feil: nøkkelen «a» står to ganger (linje 1 og 3)\n"
        "  nøkkel: a\n  skrevet: a\n  forventet: hver nøkkel bare én gang i samme tabell\n"
        "  tips: slå sammen de to eller fjern den ene"
    ]


def test_python_tags_are_refused(tmp_path: Path) -> None:
    doc, problems = read(tmp_path, "a: !!python/object/apply:os.system ['true']\n")
    assert doc is None
    assert problems.items[0].message == "YAML-tagger er ikke tillatt"
    assert problems.items[0].written == "!!python/object/apply:os.system"


def test_alias_bomb_is_refused_after_a_bounded_number_of_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 9 ** 10 (about 3.5 billion) values once expanded; the reader stops after its limit of
    # 200,000 values. Counted, not timed (speed belongs in the benchmarks): after the limit
    # each remaining sibling on the path down (at most 8 at each of the 11 levels) is
    # refused at once, so at most 200,000 + 1 + 88 values are looked at.
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    names = "abcdefghij"
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    calls = 0
    convert = yamlread._Converter.convert

    def counted(self, node, path):  # noqa: ANN001, ANN202 - wraps the reader's own method
        nonlocal calls
        calls += 1
        return convert(self, node, path)

    monkeypatch.setattr(yamlread._Converter, "convert", counted)
    doc, problems = read(tmp_path, "\n".join(lines) + "\n")
    assert 200_000 < calls <= 200_000 + 1 + 88
    assert doc is None
    assert "alias-bombe" in problems.items[0].message


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes("\ufeffa: æøå\n".encode())
    problems = Problems(tmp_path)
    assert load(file, problems).data == {"a": "æøå"}
    assert not problems.items


def test_not_utf8_points_at_the_byte(tmp_path: Path) -> None:
    file = tmp_path / "x.yaml"
    file.write_bytes(b"a: 1\nb: verkt\xf8y\n")
    problems = Problems(tmp_path)
    assert load(file, problems) is None
    p = problems.items[0]
    assert (p.line, p.column, p.message, p.written) == (
        2,
        9,
        "filen er ikke lagret som UTF-8",
        "byte 0xf8",
    )
