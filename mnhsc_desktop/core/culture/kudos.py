"""Kudos cards: thank-you cards for colleagues, blank or filled in, 4 or 8 to an A4 page."""

from __future__ import annotations

from dataclasses import dataclass

LAYOUTS = {4: (2, 2), 8: (2, 4)}  # cards per page -> (columns, rows) on portrait A4


@dataclass(frozen=True)
class KudosCard:
    to: str = ""
    sender: str = ""
    what: str = ""


def paginate(cards: list[KudosCard], per_page: int) -> list[list[KudosCard]]:
    if per_page not in LAYOUTS:
        raise ValueError("Kudos cards come 4 or 8 to a page")
    return [cards[i : i + per_page] for i in range(0, len(cards), per_page)] or [[]]
