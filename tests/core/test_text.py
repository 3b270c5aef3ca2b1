"""Folding for search: the quick path for plain ASCII gives exactly what the full Unicode path
gives, and accents and case still fold."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.text import fold


def full_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@given(st.text())
def test_fold_is_the_full_unicode_fold_for_any_text(text: str) -> None:
    assert fold(text) == full_fold(text)


def test_accents_and_case_fold() -> None:
    assert fold("Café ÅNGSTRÖM straße") == "cafe angstrom strasse"
    assert fold("Neonatal HYPO") == "neonatal hypo"
