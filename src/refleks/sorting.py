"""Norwegian alphabetical order: a-z, then æ, ø, å."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# after every letter a-z, however many z's follow: code points above all of Latin (private use)
_AE, _OE, _AA = "\U000f0001", "\U000f0002", "\U000f0003"
_LAST = {"æ": _AE, "ø": _OE, "å": _AA, "ä": _AE, "ö": _OE}


@lru_cache(maxsize=65536)
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
