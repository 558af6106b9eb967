"""Norwegian alphabetical order: a-z, then æ, ø, å."""

from __future__ import annotations

import unicodedata

_LAST = {"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003", "ä": "z\u0001", "ö": "z\u0002"}


def nb_key(text: str) -> str:
    """Sort key that puts Æ, Ø and Å after Z and ignores case and other accents."""
    out = []
    for ch in text.casefold():
        if ch in _LAST:
            out.append(_LAST[ch])
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out)
