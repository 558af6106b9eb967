"""PDF/UA-1 and PDF/A-2a checked by a validator (``page-validation``), with the one place where
that validator and the standard disagree worked out by hand (see ``tests/PDF-VALIDATOR.md``).

``findings(data, profile)`` gives every rule a PDF breaks, as ``RULE-ID: message`` lines, after
dropping the validator findings this module has proved wrong for that very file.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

# the profiles every PDF Refleks makes must meet, as the validator names them
PROFILES = {"ua1": "PDF/UA-1", "2a": "PDF/A-2a"}


def _stream_length_is_exact(data: bytes, number: int, generation: int) -> bool:
    """Whether object ``number``'s stream is exactly ``/Length`` bytes and its last data byte is
    a carriage return followed by the line feed before ``endstream``.

    The validator reads that CR LF as one end-of-line marker and finds the data one byte short;
    ISO 32000-1 7.3.8.1 counts ``/Length`` bytes after the line feed following ``stream``, and
    PDF/A-2 (ISO 19005-2 6.1.7.1) only asks for an end-of-line marker before ``endstream``: the
    data may well end in byte 13. Any other stream-length finding stays a finding."""
    head = re.search(rb"(?:^|[\r\n])%d %d obj\s*<<" % (number, generation), data)
    if head is None:
        return False
    length = re.compile(rb"/Length (\d+)(?! \d+ R)").search(data, head.end(), head.end() + 400)
    keyword = data.find(b"stream", head.end())
    if length is None or keyword < 0 or length.start() > keyword:
        return False
    start = keyword + len(b"stream")
    start += 2 if data[start : start + 2] == b"\r\n" else 1
    end = start + int(length.group(1))
    return data[end - 1 : end] == b"\r" and data[end : end + 10] == b"\nendstream"


def findings(data: bytes, profile: str) -> list[str]:
    """``RULE-ID: message (×n)`` for every rule of ``profile`` the PDF breaks."""
    page = pytest.importorskip("page", reason="page-validation mangler (pip install -e '.[test]')")
    report = page.validate_pdf_bytes(data, profile=profile)
    counted: Counter[str] = Counter()
    for failure in report.failures:
        where = failure.object_id
        if (
            failure.rule_id.endswith("-STREAM-LENGTH-001")
            and where is not None
            and _stream_length_is_exact(data, where.object_number, where.generation)
        ):
            continue
        counted[f"{failure.rule_id}: {failure.message}"] += 1
    return [f"{line} (×{n})" if n > 1 else line for line, n in sorted(counted.items())]
