"""``writer.StreamWriter``: files written one by one as they come (a year plan), each
folder with its manifest, and the protection of files edited by hand kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refleks.writer import MANIFEST, StreamWriter, WriteReport, write_stream


def _manifest(folder: Path) -> list[str]:
    return sorted(json.loads((folder / MANIFEST).read_text("utf-8"))["files"])


def test_each_folder_gets_its_own_manifest(tmp_path: Path) -> None:
    pairs = [
        ("visits/a/brev.pdf", b"A"),
        ("visits/a/plakat.pdf", b"P"),
        ("visits/b/brev.pdf", b"B"),
    ]
    reports = write_stream(tmp_path, pairs, folder_parts=2)
    assert [(r.folder, r.written) for r in reports] == [
        (tmp_path / "visits" / "a", ["brev.pdf", "plakat.pdf"]),
        (tmp_path / "visits" / "b", ["brev.pdf"]),
    ]
    assert _manifest(tmp_path / "visits" / "a") == ["brev.pdf", "plakat.pdf"]
    assert _manifest(tmp_path / "visits" / "b") == ["brev.pdf"]
    assert (tmp_path / "visits" / "b" / "brev.pdf").read_bytes() == b"B"


def test_a_file_is_written_when_it_comes_and_the_manifest_on_flush(tmp_path: Path) -> None:
    reports: list[WriteReport] = []
    writer = StreamWriter(tmp_path, folder_parts=1, on_report=reports.append)
    writer.write("a/brev.pdf", b"A")
    assert (tmp_path / "a" / "brev.pdf").read_bytes() == b"A"
    assert not (tmp_path / "a" / MANIFEST).exists()
    writer.flush()
    assert _manifest(tmp_path / "a") == ["brev.pdf"]
    assert [r.written for r in reports] == [["brev.pdf"]]
    writer.write("b/brev.pdf", b"B")
    assert writer.finish() == reports and len(reports) == 2


def test_a_run_stopped_midway_leaves_no_file_taken_for_edited(tmp_path: Path) -> None:
    writer = StreamWriter(tmp_path, folder_parts=1)
    with pytest.raises(RuntimeError):
        try:
            writer.write("a/brev.pdf", b"A")
            raise RuntimeError("the next document failed")
        finally:
            writer.finish()
    again = write_stream(tmp_path, [("a/brev.pdf", b"A")], folder_parts=1)
    assert (again[0].unchanged, again[0].kept) == (["brev.pdf"], [])


def test_hand_edited_files_are_kept_unless_forced(tmp_path: Path) -> None:
    write_stream(tmp_path, [("a/notater.md", b"Refleks\n")], folder_parts=1)
    (tmp_path / "a" / "notater.md").write_bytes(b"Mine\n")
    (kept,) = write_stream(tmp_path, [("a/notater.md", b"Ny\n")], folder_parts=1)
    assert (kept.kept, kept.written) == (["notater.md"], [])
    assert (tmp_path / "a" / "notater.md").read_bytes() == b"Mine\n"
    (forced,) = write_stream(tmp_path, [("a/notater.md", b"Ny\n")], folder_parts=1, force=True)
    assert forced.overwritten == ["notater.md"]
    assert (tmp_path / "a" / "notater.md").read_bytes() == b"Ny\n"


def test_guard_sees_each_folder_before_anything_is_written_there(tmp_path: Path) -> None:
    def refuse(folder: Path) -> None:
        if folder.name == "b":
            raise PermissionError(folder.name)

    writer = StreamWriter(tmp_path, folder_parts=1, guard=refuse)
    writer.write("a/x", b"1")
    with pytest.raises(PermissionError):
        writer.write("b/x", b"2")
    assert not (tmp_path / "b").exists()


def test_a_path_must_lie_inside_a_folder_of_the_given_depth(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="visits/a: not a file 2 folders down"):
        StreamWriter(tmp_path, folder_parts=2).write("visits/a", b"x")
