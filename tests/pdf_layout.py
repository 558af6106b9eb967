"""What a reader sees on a printed page, measured from a PDF with pdfplumber.

``layout_problems(pdf, min_size=9.0)`` lists, page by page, in words a reviewer can check:

- text outside the page;
- text smaller than ``min_size`` points (headers, footers and fine print included: what is
  printed has to be read);
- two text lines on top of each other, or letters of one line drawn over each other (text
  that runs into a neighbouring cell);
- a ruled line (writing line, table border, underline of a box) through the middle of a text
  line;
- a word broken inside a table cell without a hyphen ("Identifise|rte", "01.05.202|7").

``convert_office(files, folder)`` prints DOCX and XLSX files to PDF through LibreOffice, once.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

EDGE = 0.5
"""Points of slack at the page edge."""
OVERLAP = 0.3
"""Share of the lower line's height two text lines may share before they overlap."""
BAND = (0.15, 0.1)
"""A ruled line counts as crossing a text line inside this band (share of its height from the
top and from the bottom): underlines and cell borders sit outside it."""


def _lines(page: Any) -> list[dict[str, Any]]:
    return [line for line in page.extract_text_lines(strip=True) if line["text"].strip()]


def _name(line: dict[str, Any]) -> str:
    text = line["text"].strip()
    return f"«{text[:40]}»"


def _outside(page: Any, lines: list[dict[str, Any]]) -> Iterator[str]:
    for line in lines:
        if (
            line["x0"] < -EDGE
            or line["top"] < -EDGE
            or line["x1"] > page.width + EDGE
            or line["bottom"] > page.height + EDGE
        ):
            yield f"tekst utenfor siden: {_name(line)}"


def _small(lines: list[dict[str, Any]], min_size: float) -> Iterator[str]:
    for line in lines:
        size = min(round(c["size"], 1) for c in line["chars"] if c["text"].strip())
        if size < min_size:
            yield f"{size} pt er mindre enn {min_size} pt: {_name(line)}"


def _drawn_over(lines: list[dict[str, Any]]) -> Iterator[str]:
    """Letters of one line drawn on top of each other (two texts at the same height)."""
    for line in lines:
        chars = sorted((c for c in line["chars"] if c["text"].strip()), key=lambda c: c["x0"])
        for left, right in zip(chars, chars[1:], strict=False):
            width = min(left["x1"] - left["x0"], right["x1"] - right["x0"])
            ligature = (left["x0"], left["text"]) == (right["x0"], right["text"])
            if not ligature and left["x1"] - right["x0"] > 0.5 * width:
                yield f"tekst over annen tekst: {_name(line)}"
                break


def _overlapping(lines: list[dict[str, Any]]) -> Iterator[str]:
    ordered = sorted(lines, key=lambda line: line["top"])
    for i, upper in enumerate(ordered):
        for lower in ordered[i + 1 :]:
            if lower["top"] >= upper["bottom"]:
                break
            shared_y = upper["bottom"] - lower["top"]
            shared_x = min(upper["x1"], lower["x1"]) - max(upper["x0"], lower["x0"])
            height = min(upper["bottom"] - upper["top"], lower["bottom"] - lower["top"])
            if shared_x > 1 and shared_y > OVERLAP * height:
                yield f"tekstlinjer over hverandre: {_name(upper)} og {_name(lower)}"


def _ruled(page: Any) -> list[dict[str, Any]]:
    return [e for e in page.edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 2]


def _underline(line: dict[str, Any], rule: dict[str, Any]) -> bool:
    """A link's underline starts where a letter starts and ends where one ends."""
    chars = line["chars"]
    starts = any(abs(c["x0"] - rule["x0"]) < 0.3 for c in chars)
    ends = any(abs(c["x1"] - rule["x1"]) < 0.3 for c in chars)
    return starts and ends


def _crossed(page: Any, lines: list[dict[str, Any]]) -> Iterator[str]:
    rules = _ruled(page)
    for line in lines:
        height = line["bottom"] - line["top"]
        top, bottom = line["top"] + BAND[0] * height, line["bottom"] - BAND[1] * height
        for rule in rules:
            y = rule["top"]
            shared_x = min(line["x1"], rule["x1"]) - max(line["x0"], rule["x0"])
            if top < y < bottom and shared_x > 2 and not _underline(line, rule):
                yield f"linje gjennom teksten: {_name(line)}"
                break


def _cell_lines(page: Any, bbox: tuple[float, float, float, float]) -> list[dict[str, Any]]:
    x0, top, x1, bottom = bbox
    crop = page.within_bbox((x0, top, x1, bottom), strict=False)
    return _lines(crop)


def _token(text: str) -> str:
    return text.strip().strip(".,;:!?()«»\"'").lower()


def _broken_words(page: Any, known: set[str]) -> Iterator[str]:
    """A cell line of one word so wide that not even the next line's first letter fitted
    after it, going on in lower case, where the two parts make (the start of) a word of the
    document: the word was split where the cell ended."""
    for table in page.find_tables():
        for cell in table.cells:
            lines = _cell_lines(page, cell)
            if len(lines) < 2:
                continue
            padding = min(line["x0"] for line in lines) - cell[0]
            right = cell[2] - max(padding, 0)
            for line, following in zip(lines, lines[1:], strict=False):
                text = line["text"].strip()
                first = next(c for c in following["chars"] if c["text"].strip())
                joined = _token(text + following["text"].split()[0])
                if (
                    " " not in text
                    and text[-1:].isalnum()
                    and line["x1"] + (first["x1"] - first["x0"]) > right
                    and re.match(r"[a-zæøå0-9]", first["text"])
                    and any(word.startswith(joined) for word in known)
                ):
                    yield f"ord delt i en tabellcelle: «{text}|{following['text'].strip()[:20]}»"


def layout_problems(
    pdf_path: Path, min_size: float = 9.0, words: Iterable[str] | None = None
) -> list[str]:
    """Every layout problem of the PDF, ``"side N: ..."``; empty when it reads well.

    ``words``: the words of the document the PDF was printed from (DOCX, XLSX); without
    them, a word counts as split only when it also stands whole somewhere in the PDF.
    """
    import pdfplumber

    problems: list[str] = []
    with pdfplumber.open(pdf_path) as pdf:
        if words is None:
            words = (w for page in pdf.pages for w in (page.extract_text() or "").split())
        known = {_token(w) for w in words}
        for number, page in enumerate(pdf.pages, start=1):
            lines = _lines(page)
            found = [
                *_outside(page, lines),
                *_small(lines, min_size),
                *_drawn_over(lines),
                *_overlapping(lines),
                *_crossed(page, lines),
                *_broken_words(page, known),
            ]
            problems += [f"{pdf_path.name} side {number}: {p}" for p in found]
    return problems


def office_words(path: Path) -> list[str]:
    """Every word of a DOCX (paragraphs and table cells) or XLSX (cell values)."""
    if path.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        values = [str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row]
        return " ".join(v for v in values if v != "None").split()
    from docx import Document

    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    texts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join(texts).split()


def convert_office(files: Iterable[Path], folder: Path) -> dict[Path, Path]:
    """LibreOffice's PDF of each DOCX/XLSX (one call per kind); ``{office file: pdf}``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) mangler: installer pakken libreoffice"
    result: dict[Path, Path] = {}
    by_kind: dict[str, list[Path]] = {}
    for f in files:
        by_kind.setdefault(f.suffix.lstrip("."), []).append(f)
    for kind, group in sorted(by_kind.items()):
        out = folder / kind
        out.mkdir(parents=True, exist_ok=True)
        profile = (folder / "profile").resolve().as_uri()
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
            + ["--outdir", str(out), *map(str, group)],
            check=True,
            capture_output=True,
            timeout=600,
        )
        for f in group:
            result[f] = out / f"{f.stem}.pdf"
            assert result[f].exists(), f"LibreOffice laget ingen PDF av {f}"
    return result
