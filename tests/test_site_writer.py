"""The built site is written like every other folder Refleks writes: a file changed by hand (or
put there by someone) is kept and named, ``--force`` replaces it, and what Refleks made but no
longer makes goes away. The expected messages are the ones ``session`` and ``visit`` give."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from refleks.cli import main
from refleks.writer import MANIFEST, carry_edits, replace_folder

from .test_bad_input import make_project

KEPT = (
    "Disse filene er endret for hånd og ble ikke overskrevet (bruk --force for å overskrive dem):\n"
)
OVERWRITTEN = "Overskrev filer som var endret for hånd (--force):\n"


def make_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def contents(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text("utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != MANIFEST
    }


def recorded(root: Path) -> set[str]:
    return set(json.loads((root / MANIFEST).read_text("utf-8"))["files"])


def built_twice(tmp_path: Path, edit: dict[str, str | None], force: bool = False):
    """Build ``a.html``, ``b/c.html`` and ``old.html`` into ``site``, apply ``edit`` (text,
    or ``None`` to delete), then build ``a.html``, ``b/c.html`` and ``new.html`` over it."""
    site = tmp_path / "site"
    first = make_tree(tmp_path / "first", {"a.html": "A1", "b/c.html": "C1", "old.html": "O"})
    replace_folder(first, site)
    for name, text in edit.items():
        if text is None:
            (site / name).unlink()
        else:
            make_tree(site, {name: text})
    second = make_tree(tmp_path / "second", {"a.html": "A2", "b/c.html": "C2", "new.html": "N"})
    return site, replace_folder(second, site, force=force)


def test_untouched_site_is_replaced_whole(tmp_path: Path) -> None:
    site, report = built_twice(tmp_path, {})
    assert contents(site) == {"a.html": "A2", "b/c.html": "C2", "new.html": "N"}
    assert recorded(site) == {"a.html", "b/c.html", "new.html"}
    assert report.kept == [] and report.overwritten == []
    assert not (tmp_path / "site.old").exists() and not (tmp_path / "second").exists()


def test_hand_edited_and_own_files_are_kept(tmp_path: Path) -> None:
    edit = {"b/c.html": "my C", "old.html": "my O", "CNAME": "example.org", "new.html": "my N"}
    site, report = built_twice(tmp_path, edit)
    assert contents(site) == {
        "CNAME": "example.org",  # someone's own file, not made by the build: kept silently
        "a.html": "A2",
        "b/c.html": "my C",
        "new.html": "my N",  # someone's own file where the build now makes one
        "old.html": "my O",  # no longer built, but changed by hand
    }
    assert report.kept == ["b/c.html", "new.html", "old.html"]
    assert report.overwritten == []
    # still protected on the next build: not recorded as Refleks's, or with Refleks's hash
    assert "new.html" not in recorded(site) and "CNAME" not in recorded(site)
    third = make_tree(tmp_path / "third", {"a.html": "A3", "b/c.html": "C3", "new.html": "N3"})
    assert replace_folder(third, site).kept == ["b/c.html", "new.html", "old.html"]


def test_force_replaces_what_refleks_makes_and_keeps_own_files(tmp_path: Path) -> None:
    edit = {"b/c.html": "my C", "old.html": "my O", "CNAME": "example.org"}
    site, report = built_twice(tmp_path, edit, force=True)
    assert contents(site) == {
        "CNAME": "example.org",
        "a.html": "A2",
        "b/c.html": "C2",
        "new.html": "N",
    }
    assert report.overwritten == ["b/c.html", "old.html"]
    assert report.kept == []


def test_a_site_without_manifest_is_replaced_whole(tmp_path: Path) -> None:
    """A site built before the manifest existed has nothing to say which files are Refleks's."""
    site = make_tree(tmp_path / "site", {"a.html": "gammel", "CNAME": "example.org"})
    new = make_tree(tmp_path / "new", {"a.html": "A"})
    assert carry_edits(site, new).kept == []
    assert contents(new) == {"a.html": "A"}


def test_a_link_in_the_old_site_is_carried_as_a_link(tmp_path: Path) -> None:
    site, _ = built_twice(tmp_path, {})
    outside = make_tree(tmp_path / "outside", {"secret.txt": "hemmelig"})
    os.symlink(outside / "secret.txt", site / "lenke.txt")
    new = make_tree(tmp_path / "new", {"a.html": "A"})
    replace_folder(new, site)
    assert (site / "lenke.txt").is_symlink()  # not read, not copied as a file


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "prosjekt")


def test_rebuild_keeps_a_page_edited_by_hand(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    assert main(["build", "--quiet"]) == 0
    page = project / "site" / "index.html"
    generated = page.read_bytes()
    page.write_bytes(generated.replace(b"</body>", "<p>Lagt til for hånd</p></body>".encode()))
    edited = page.read_bytes()
    capsys.readouterr()

    assert main(["build", "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert err == KEPT + "  site/index.html\n"
    assert out == f"Nettstedet er bygd i {project / 'site'}.\n"
    assert page.read_bytes() == edited

    assert main(["build", "--quiet", "--force"]) == 0
    assert capsys.readouterr().err == OVERWRITTEN + "  site/index.html\n"
    assert page.read_bytes() == generated
