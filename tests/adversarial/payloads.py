"""Attacks a content author could write, several encodings per class, and a scan of a built
site for anything they could have made active (issue 11).

Every payload carries the marker ``alert(`` or the host ``other.host``, so the scan can tell an
attack that went live from the theme's own markup.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import yaml

# Markdown fields (rendered, sanitised, then shown)
MARKDOWN = {
    "link": [
        "[x](javascript:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "\\[x\\](javascript&#58;alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        '<a href="java&#9;script:alert(1)">x</a>',
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:alert(1))",
        '<a href="&#106;avascript:alert(1)">x</a>',
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
    ],
    "image": [
        "![a](https://other.host/x.png)",
        "\\!\\[a\\]\\(https://other.host/x.png\\)",
        "![a](//other.host/x.png)",
        '<img src="https://other.host/x.png">',
        '<img src="/\\other.host/x.png">',
        "![a](&#x2F;&#x2F;other.host/x.png)",
        '<img src="https:&#x2F;&#x2F;other.host/x.png">',
    ],
    "attribute": [
        "{: onclick=alert(1) }",
        'tekst {: onclick="alert(1)" }',
        "\\{: onclick=alert(1) \\}",
        "<img src=x onerror=alert(1)>",
        '<p onmouseover="alert(1)">x</p>',
        "tekst\n{: onclick=alert(1) }",
        '<div markdown="1">[x](javascript:alert(1)) {: onclick=alert(1) }</div>',
    ],
    "script": [
        "<script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<svg onload=alert(1)>",
        '<iframe src="https://other.host/"></iframe>',
        "<style>@import url(https://other.host/x.css);</style>",
        "<scr<script>ipt>alert(1)</script>",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
    ],
}

# titles and plain-text fields (escaped: shown as written)
TITLES = [
    "<script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "[x](javascript:alert(1))",
    "{: onclick=alert(1) }",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "![a](https://other.host/x.png)",
    "- * <b onmouseover=alert(1)>x</b>",
]


def all_markdown() -> list[str]:
    return [p for group in MARKDOWN.values() for p in group]


def write_project(root: Path) -> None:
    """Put every payload into the minimal fixture project at ``root`` (already copied)."""
    content = root / "content"
    md = all_markdown()
    site = yaml.safe_load((content / "site.yaml").read_text("utf-8"))
    site["title"] = "Nettsted " + TITLES[1]
    site["description"] = "Om " + TITLES[2] + " " + md[0]
    _dump(content / "site.yaml", site)

    source = yaml.safe_load((content / "sources" / "kilde.yaml").read_text("utf-8"))
    source["title"] = "Kilde " + TITLES[0]
    source["summary"] = "\n\n".join(md)
    source["audiences"] = [p for p in md if "\n" not in p]  # one line each (schema.Line)
    source["sections"] = [
        {"id": "del", "title": TITLES[3], "text": md[3], "items": md, "summary_of": "s. 1"}
    ]
    source["key_figures"] = [
        {
            "id": f"k{i}",
            "value": TITLES[i % len(TITLES)],
            "text": t,
            "cited": TITLES[0],
            "summary_of": "s. 1",
        }
        for i, t in enumerate(md)
    ]
    source["findings"][0]["text"] = "\n\n".join(md)
    source["findings"][0]["title"] = "Funn " + TITLES[4]
    source["statistics"][0]["caveats"] = md
    source["references"] = [
        {"id": f"r{i}", "text": t, "url": "https://example.org/ref"} for i, t in enumerate(TITLES)
    ]
    _dump(content / "sources" / "kilde.yaml", source)

    reflection = yaml.safe_load((content / "reflections" / "sett.yaml").read_text("utf-8"))
    reflection["title"] = "Sett " + TITLES[5]
    reflection["authored_by"] = "refleks"  # the payloads are no source's words
    reflection["instruction"] = md[2] + " " + md[11]
    theme = reflection["themes"][0]
    theme["title"] = "Tema " + TITLES[0]
    theme["intro"] = "\n\n".join(md)
    theme["notes"] = "\n\n".join(md)
    theme["questions"]["leder"] = md
    _dump(content / "reflections" / "sett.yaml", reflection)

    framework = yaml.safe_load((content / "frameworks" / "verktoy.yaml").read_text("utf-8"))
    framework["acronym"] = TITLES[0]
    framework["name"] = "Verktøy " + TITLES[2]
    framework["summary"] = "\n\n".join(md)
    framework["key_ideas"] = md
    framework["origin"] = TITLES[6]
    _dump(content / "frameworks" / "verktoy.yaml", framework)

    roles = yaml.safe_load((content / "roles.yaml").read_text("utf-8"))
    roles[0]["label"] = "Leder " + TITLES[7]
    roles[0]["address"] = "Til deg " + TITLES[0]
    roles[0]["examples"] = [TITLES[3]]
    _dump(content / "roles.yaml", roles)


def _dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


# attributes whose value is only ever text: shown by the browser as text, or (the meeting
# deck's role and theme names) put into the page by refleks-lysark.js with textContent
TEXT_ATTRS = ("content", "title", "aria-label", "alt", "data-label", "data-address", "data-title")
_URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href"}


class _Scan(HTMLParser):
    """Finds what an attack could have made active in one built page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag in ("script", "style")
        for name, value in attrs:
            value = value or ""
            squeezed = "".join(c for c in value if c > " ").lower()
            handler = name.startswith("on")
            payload = "alert(" in value and name not in TEXT_ATTRS
            foreign = name in _URL_ATTRS and (
                squeezed.startswith(("javascript:", "vbscript:", "data:"))
                or "other.host" in squeezed
            )
            if handler or payload or foreign:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed", "svg") and any(
            "other.host" in (v or "") or "alert" in (v or "") for _n, v in attrs
        ):
            self.found.append(f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and ("alert(" in data or "other.host" in data):
            self.found.append(f"script/style: {data[:80]!r}")


def scan_html(text: str) -> list[str]:
    """Every active piece of an attack in one HTML document or fragment."""
    scan = _Scan()
    scan.feed(text)
    scan.close()
    return scan.found


def scan_site(site: Path) -> list[str]:
    """Every active piece of an attack in the built site's pages and search index."""
    found: list[str] = []
    for page in sorted(site.rglob("*.html")):
        scan = _Scan()
        scan.feed(page.read_text("utf-8"))
        scan.close()
        found += [f"{page.relative_to(site)}: {f}" for f in scan.found]
    index = site / "search" / "search_index.json"
    if index.is_file():
        for doc in json.loads(index.read_text("utf-8"))["docs"]:
            for key in ("title", "text"):
                scan = _Scan()
                scan.feed(doc.get(key) or "")
                scan.close()
                found += [f"search {doc['location']} {key}: {f}" for f in scan.found]
    return found
