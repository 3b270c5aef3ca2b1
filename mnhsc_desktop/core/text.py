"""Text helpers shared across the app: folding for search, and making file-supplied text safe
to show in a message or on a terminal."""

from __future__ import annotations


def fold(text: str) -> str:
    """Lower-case and strip accents, so "cafe" finds "Café" and "Ysbyty" finds "YSBYTY"."""
    if text.isascii():  # most text: no accents to strip, and no letter-by-letter loop (20,000
        return text.lower()  # events' search text is folded when a calendar loads)
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def escape_controls(text: str, keep: str = "") -> str:
    """Control characters (escape sequences that recolour or rewrite a terminal) written as
    escapes, such as \x1b; the characters in `keep` are left as they are."""
    return "".join(c if c.isprintable() or c in keep else repr(c)[1:-1] for c in text)


def printable(text: str, limit: int = 80) -> str:
    """Text from a file, safe in a one-line message: control characters (escape sequences, line
    breaks that would fake another line of output) written as escapes, long text cut."""
    return escape_controls(text[:limit]) + ("…" if len(text) > limit else "")
