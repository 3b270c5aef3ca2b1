"""Text helpers shared across the app: folding for search, and making file-supplied text safe
to show in a message or on a terminal."""

from __future__ import annotations


def fold(text: str) -> str:
    """Lower-case and strip accents, so "cafe" finds "Café" and "Ysbyty" finds "YSBYTY"."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def printable(text: str, limit: int = 80) -> str:
    """Text from a file, safe in a one-line message: control characters (escape sequences, line
    breaks that would fake another line of output) written as escapes, long text cut."""
    shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")
