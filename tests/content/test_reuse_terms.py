"""Reuse terms on the source pages: only what a source itself states, else a plain note.

Read by hand in the source documents (shared/seeds): only the conference session on
kollegastøtte (seed 003) says anything about reuse, of Lotte Dyrbye's talk: "Lotte Dyrbye
har gitt tillatelse til en kort oppsummering, men ikke å dele presentasjonen hun har holdt."
None of the others states terms for reuse.
"""

from __future__ import annotations

from pathlib import Path

from refleks import urls
from refleks.content.model import Library
from refleks.site import pages

DYRBYE = (
    "Lotte Dyrbye har gitt tillatelse til en kort oppsummering, men ikke å dele "
    "presentasjonen hun har holdt."
)
NONE_STATED = "Kilden oppgir ingen vilkår for gjenbruk, og Refleks har ikke lagt til noen."


def test_only_the_dyrbye_summary_has_stated_terms(library: Library) -> None:
    stated = {s.id: s.reuse_terms for s in library.sources.values() if s.reuse_terms}
    assert stated == {"dyrbye-kollegastotte": DYRBYE}


def test_source_pages_show_the_terms_or_say_there_are_none(
    library: Library, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    pages.build(library, docs)
    for source in library.sources.values():
        text = (docs / urls.source_page(source.id)).read_text("utf-8")
        section = text.split("## Gjenbruk", 1)[1]
        if source.id == "dyrbye-kollegastotte":
            assert f"Kilden oppgir dette om gjenbruk: «{DYRBYE}»" in section
            assert NONE_STATED not in section
        else:
            assert NONE_STATED in section, source.id
        assert "*Denne merknaden er skrevet for Refleks." in section
