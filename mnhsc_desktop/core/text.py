"""Text helpers shared by every search in the app."""

from __future__ import annotations


def fold(text: str) -> str:
    """Lower-case and strip accents, so "cafe" finds "Café" and "Ysbyty" finds "YSBYTY"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
