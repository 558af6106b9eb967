"""Blank walkround documents for the site, for people who only want to print.

Written under ``site_dir / urls.WALKROUND_BLANKS`` with fixed names the method page links to:
the letter with dotted lines («........ kommune») as PDF and DOCX, the question guide, the
poster, the action plan as XLSX, DOCX and PDF, and the minutes template. No visit goes in:
letters with people's names are only ever written under ``out/``.
"""

from __future__ import annotations

from .. import urls
from ..content.model import Library
from .kit import Kit, localised, method_for

FILES = (
    "invitasjonsbrev.pdf",
    "invitasjonsbrev.docx",
    "sporsmalsguide.pdf",
    "plakat.pdf",
    "tiltaksplan.xlsx",
    "tiltaksplan.docx",
    "tiltaksplan.pdf",
    "referat.docx",
)


def files(library: Library) -> dict[str, bytes]:
    """The blank documents by path in the site (none when the content has no walkround
    method)."""
    method = method_for(library)
    if method is None or method.question_guide is None:
        return {}
    # here, after the check: content without a walkround method never loads openpyxl & co.
    from .documents import actionplans, guide, letters, minutes, poster

    kit = localised(Kit(library, method))  # in the site's language
    out: dict[str, bytes] = {}
    for module in (letters, guide, poster, actionplans, minutes):
        out.update(module.build(kit))
    return {f"{urls.WALKROUND_BLANKS}/{name}": out[name] for name in FILES}
