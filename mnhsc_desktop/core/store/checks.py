"""The building blocks of the state's schema: each returns None for an acceptable value, or
why not in words a user can read ("text longer than 300 characters")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from mnhsc_desktop.core.store.safe_json import has_lone_surrogate

Check = Callable[[Any], str | None]  # None when the value is acceptable, else why not
MAX_KEY = 300
MAX_NAME = 300  # titles, names, places
MAX_TEXT = 20_000  # reflections and notes
MAX_ITEMS = 10_000  # entries in one list
MAX_DEPTH = 12  # nesting of an item this version does not know
MAX_MINUTES = 24 * 60 * 31  # a month of continuous learning: anything beyond is a typing slip
FUTURE_SKEW = dt.timedelta(minutes=10)  # clocks on ward PCs drift; more than this is suspect


def text(limit: int = MAX_NAME) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, str):
            return "not text"
        if len(value) > limit:
            return f"text longer than {limit:,} characters"
        if has_lone_surrogate(value):
            return "text with a broken character that cannot be saved"
        return None

    return check


def iso_date(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) != 10:
        return "not a date"
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "not a date"
    return None if 1900 <= day.year <= 2200 else "a date out of range"


def iso_time(value: Any) -> str | None:
    try:
        dt.time.fromisoformat(value) if isinstance(value, str) and len(value) <= 8 else 1 / 0
    except (ValueError, ZeroDivisionError):
        return "not a time of day"
    return None


def parse_stamp(value: Any) -> dt.datetime | None:
    """A `changed_at` as a moment in UTC, or None when it is not one (never compared as text)."""
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC) if 1900 <= moment.year <= 2200 else None


def stamp(value: Any) -> str | None:
    return None if parse_stamp(value) is not None else "its time of change is not a date and time"


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "not yes or no"


def whole(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return "not a whole number"
        return None if low <= value <= high else f"a number outside {low:,} to {high:,}"

    return check


def one_of(*allowed: str) -> Check:
    return lambda value: None if value in allowed else "not one of the known choices"


def optional(check: Check) -> Check:
    return lambda value: None if value is None else check(value)


def list_of(check: Check, limit: int = MAX_ITEMS) -> Check:
    def checked(value: Any) -> str | None:
        if not isinstance(value, list):
            return "not a list"
        if len(value) > limit:
            return f"more than {limit:,} entries"
        return next((f"an entry is {why}" for v in value if (why := check(v))), None)

    return checked


def record(required: dict[str, Check], optional_fields: dict[str, Check] | None = None) -> Check:
    """A JSON object with these fields; other fields are allowed if plain (a newer version's)."""
    known = {**required, **(optional_fields or {})}

    def checked(value: Any) -> str | None:
        if not isinstance(value, dict):
            return "not a set of fields"
        for name in required:
            if name not in value:
                return f"its {name.replace('_', ' ')} is missing"
        for name, field_value in value.items():
            check = known.get(name, plain)
            if why := check(field_value):
                return f"its {name.replace('_', ' ')} is {why}"
        return None

    return checked


def plain(value: Any, depth: int = 0) -> str | None:
    """Any bounded JSON: what an unknown key may hold."""
    if depth > MAX_DEPTH:
        return "nested too deeply"
    if value is None or isinstance(value, bool | int | float):
        return None
    if isinstance(value, str):
        return text(MAX_TEXT)(value)
    if isinstance(value, list):
        if len(value) > MAX_ITEMS:
            return f"more than {MAX_ITEMS:,} entries"
        return next((why for v in value if (why := plain(v, depth + 1))), None)
    if isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            return f"more than {MAX_ITEMS:,} entries"
        for key, v in value.items():
            if why := text(MAX_KEY)(key) or plain(v, depth + 1):
                return why
        return None
    return "a number too large or not a number"  # safe_json.Unusable


def amount(low: float, high: float) -> Check:
    """A count of minutes or hours: whole or not, but a real number in range."""

    def check(value: Any) -> str | None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return "not a number"
        return None if low <= value <= high else f"a number outside {low:,} to {high:,}"

    return check
