"""Dates and durations as people type them in UK spreadsheets.

Dates: `03/02/2025` (day first, as in the UK), `3/2/25`, `3 Feb 2025`, `3rd February 2025`,
`2025-02-03`. Durations: `1.5`, `1:30`, `90 min`, `1.5 hours`, `1h 30m`.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")], start=1)
    for name in names
}  # fmt: skip
_NUMERIC = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_WORDS = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?[\s\-]+(\d{2}|\d{4})")
_CLOCK = re.compile(r"(\d{1,4}):([0-5]\d)(?::[0-5]\d)?")
_UNITS = re.compile(
    r"(?:(\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes))?"
)


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def parse_date(value: object) -> dt.date:
    """A date from a cell; raises ValueError with words a user can act on."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip().lower()
    if not text:
        raise ValueError("no date")
    try:
        if match := _ISO.fullmatch(text):
            year, month, day = (int(g) for g in match.groups())
        elif match := _NUMERIC.fullmatch(text):
            day, month, year = int(match[1]), int(match[2]), _year(match[3])
        elif (match := _WORDS.fullmatch(text)) and match[2] in MONTHS:
            day, month, year = int(match[1]), MONTHS[match[2]], _year(match[3])
        else:
            raise ValueError
        day_value = dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            f"“{text[:40]}” is not a date (write it as 03/02/2025, 3 Feb 2025 or 2025-02-03)"
        ) from None
    if not 1990 <= day_value.year <= 2100:
        raise ValueError(f"{day_value:%d/%m/%Y} is not a date of this career")
    return day_value


def parse_minutes(value: object) -> int:
    """A duration from a cell, in whole minutes; raises ValueError with words."""
    if isinstance(value, bool):
        raise ValueError("not a duration")
    if isinstance(value, int | float):
        minutes = round(float(value) * 60)
    elif isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
    elif isinstance(value, dt.time):  # a cell formatted as a time of day: 01:30
        minutes = value.hour * 60 + value.minute
    else:
        minutes = _minutes_from_text(str(value or "").strip().lower())
    if minutes < 0 or minutes > 24 * 60 * 366 * 3:
        raise ValueError(f"{minutes / 60:g} hours is not a possible amount")
    return minutes


def _minutes_from_text(text: str) -> int:
    if not text:
        raise ValueError("no hours")
    if text.startswith("="):
        raise ValueError(f"“{text[:40]}” is a formula, not a number of hours")
    try:
        return round(float(text.replace(",", ".")) * 60)
    except ValueError:
        pass
    if match := _CLOCK.fullmatch(text):
        return int(match[1]) * 60 + int(match[2])
    match = _UNITS.fullmatch(text)
    if match and (match[1] or match[2]):
        return round(float(match[1] or 0) * 60 + float(match[2] or 0))
    raise ValueError(f"“{text[:40]}” is not a number of hours (write 1.5, 1:30 or 90 min)")
