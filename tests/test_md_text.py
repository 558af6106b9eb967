"""Plain text into Markdown: one function, the escaping of each target written out by hand."""

from __future__ import annotations

import pytest

from refleks.markup import md_text


@pytest.mark.parametrize(
    ("text", "site", "cell"),
    [
        (
            "Tiltak (plan) & <b>",
            r"Tiltak \(plan\) &amp; &lt;b&gt;",
            r"Tiltak (plan) &amp; &lt;b&gt;",
        ),
        ("[lenke](javascript:x)", r"\[lenke\]\(javascript:x\)", r"\[lenke\](javascript:x)"),
        ("a | b * c _d_ #1 !", r"a \| b \* c \_d\_ \#1 \!", r"a \| b \* c \_d\_ \#1 \!"),
        ("- punkt", "&#45; punkt", "- punkt"),
        ("12. mai", "&#49;&#50;. mai", "12. mai"),
        ("to\nlinjer  her", "to linjer her", "to linjer her"),
        ('«sitat» "x"', '«sitat» "x"', '«sitat» "x"'),
    ],
)
def test_each_target_escapes_what_it_must(text: str, site: str, cell: str) -> None:
    assert md_text(text, "site") == site
    assert md_text(text, "table cell") == cell
