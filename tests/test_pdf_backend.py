"""The one PDF backend: workers that are safe whatever ran before, and no wait without end."""

from __future__ import annotations

import json
import multiprocessing
import re
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from refleks import pdfbackend
from refleks.errors import BuildFailed

TEMPLATE = """#let data = json(bytes(sys.inputs.data))
#set document(title: data.title, author: "Refleks", date: datetime(year: 2026, month: 12, day: 4))
#set text(lang: "nb", font: "DejaVu Sans")
= #data.title
#data.body
"""
# ten thousand million empty loop turns: far longer than any limit below (Typst stops a
# `while` loop that looks endless, but not `for` over ranges)
ENDLESS = """#set document(title: "Uendelig", date: datetime(year: 2026, month: 12, day: 4))
#set text(lang: "nb")
#for i in range(100000) { for j in range(100000) { } }
"""


def make(
    folder: Path, name: str, body: str = "Tekst", template: str = TEMPLATE
) -> pdfbackend.Document:
    path = folder / f"{name}.typ"
    path.write_text(template, "utf-8")
    data = json.dumps({"title": f"Dokument {name}", "body": body})
    return pdfbackend.Document(f"utskrift/{name}.pdf", path, folder, data)


def text_of(pdf: bytes, folder: Path) -> str:
    target = folder / "ut.pdf"
    target.write_bytes(pdf)
    return " ".join(page.extract_text() for page in PdfReader(target).pages)


def test_workers_after_typst_ran_here_finish(tmp_path: Path) -> None:
    """Typst's threads in this process (the blank letters of a site build, say) once made
    the next build's forked workers wait forever; workers now start from a clean process."""
    first = pdfbackend.compile_pdf(make(tmp_path, "her"))
    assert "Dokument her" in text_of(first, tmp_path)
    batch = pdfbackend.Batch(2)
    for name in ("en", "to", "tre"):
        batch.add(make(tmp_path, name, body=f"Innhold {name}"))
    results = batch.results()
    for name, pdf in zip(("en", "to", "tre"), results, strict=True):
        text = text_of(pdf, tmp_path)
        assert f"Dokument {name}" in text
        assert f"Innhold {name}" in text
    assert multiprocessing.active_children() == []


def test_the_same_bytes_in_a_worker_and_here(tmp_path: Path) -> None:
    batch = pdfbackend.Batch(2)
    batch.add(make(tmp_path, "a"))
    batch.add(make(tmp_path, "b"))
    in_workers = batch.results()
    here = [pdfbackend.compile_pdf(make(tmp_path, name)) for name in ("a", "b")]
    assert in_workers == here


def test_a_pdf_that_never_ends_stops_the_batch_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFLEKS_PDF_TIME_LIMIT", "2")
    batch = pdfbackend.Batch(2)
    batch.add(make(tmp_path, "rask"))
    batch.add(make(tmp_path, "treg", template=ENDLESS))
    began = time.monotonic()
    with pytest.raises(BuildFailed) as err:
        batch.results()
    assert time.monotonic() - began < 60
    assert str(err.value) == (
        "utskrift/treg.pdf: PDF-en ble ikke ferdig innen 2 sekunder, og bygget er stoppet. "
        "Prøv igjen; skjer det igjen, meld fra om feilen (grensen kan økes med "
        "miljøvariabelen REFLEKS_PDF_TIME_LIMIT)."
    )
    # the worker that hung is ended, not left behind
    assert multiprocessing.active_children() == []


def test_a_typst_error_in_a_worker_names_the_document(tmp_path: Path) -> None:
    batch = pdfbackend.Batch(2)
    batch.add(make(tmp_path, "god"))
    batch.add(make(tmp_path, "feil", template="#let x = (\n"))
    with pytest.raises(BuildFailed) as err:
        batch.results()
    assert str(err.value).startswith(
        "utskrift/feil.pdf: PDF-en kunne ikke lages med malen feil.typ: "
    )
    assert multiprocessing.active_children() == []


def test_every_pdf_declares_pdf_ua_1_and_pdf_a_2a(tmp_path: Path) -> None:
    """The identification only: the validator checks the rules (test_pdf_validity)."""
    target = tmp_path / "arkiv.pdf"
    target.write_bytes(pdfbackend.compile_pdf(make(tmp_path, "arkiv")))
    xml = PdfReader(target).xmp_metadata.rdf_root.toxml()
    assert re.search(r"pdfaid:part(>|=\")2", xml), xml
    assert re.search(r"pdfaid:conformance(>|=\")A", xml), xml
    assert re.search(r"pdfuaid:part(>|=\")1", xml), xml
