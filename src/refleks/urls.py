"""Where every generated page and file lives in the site, in one place.

Pages link to decks, handouts and blank walkround documents through these functions, and
the output modules write to the same paths, so the two cannot disagree. All paths are
relative to the site root and use ``.html`` (the site works opened from disk).
"""

from __future__ import annotations


# --- Markdown pages (relative to the generated docs folder)
def source_page(source_id: str) -> str:
    return f"kilder/{source_id}.md"


def reflection_page(reflection_id: str) -> str:
    return f"refleksjon/{reflection_id}/index.md"


def theme_page(reflection_id: str, theme_id: str) -> str:
    return f"refleksjon/{reflection_id}/{theme_id}.md"


def role_page(role_id: str) -> str:
    return f"roller/{role_id}.md"


def framework_page(framework_id: str) -> str:
    return f"rammeverk/{framework_id}.md"


def method_page(method_id: str) -> str:
    return f"visitt/{method_id}/index.md"


RECOMMENDATIONS_PAGE = "anbefalinger.md"
REFERENCE_PAGE = "for-forfattere/innholdsmodell.md"


# --- files the outputs put into the site (relative to the site root)
DECKS = "lysark"
HANDOUTS = "utskrift"
WALKROUND_BLANKS = "visitt/blanko"
SCORM = "scorm"


def reflection_deck(reflection_id: str) -> str:
    return f"{DECKS}/sett-{reflection_id}.html"


def theme_deck(reflection_id: str, theme_id: str) -> str:
    return f"{DECKS}/tema-{reflection_id}-{theme_id}.html"


def role_deck(role_id: str) -> str:
    return f"{DECKS}/rolle-{role_id}.html"


def theme_handout(reflection_id: str, theme_id: str) -> str:
    return f"{HANDOUTS}/tema-{reflection_id}-{theme_id}.pdf"


def role_handout(role_id: str) -> str:
    return f"{HANDOUTS}/rolle-{role_id}.pdf"


def deck_pdf(reflection_id: str) -> str:
    return f"{HANDOUTS}/lysark-{reflection_id}.pdf"


def course_pack(reflection_id: str) -> str:
    return f"{HANDOUTS}/kurs-{reflection_id}.pdf"


def scorm_package(reflection_id: str) -> str:
    return f"{SCORM}/refleks-{reflection_id}-scorm12.zip"


def page_html(md_path: str) -> str:
    """The HTML file MkDocs makes from a Markdown page (``use_directory_urls: false``)."""
    return md_path[: -len(".md")] + ".html"
