"""Time zone names as real calendar files write them, turned into zones Python knows.

Outlook writes Windows names ("GMT Standard Time") or display names ("(UTC+00:00) Dublin,
Edinburgh, Lisbon, London"); Google and Thunderbird write IANA names ("Europe/London").
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LONDON = ZoneInfo("Europe/London")

# The Windows zones most likely to reach a UK trust; unknown names fall back (and say so).
WINDOWS_ZONES = {
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "UTC": "UTC",
    "Coordinated Universal Time": "UTC",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "E. Europe Standard Time": "Europe/Chisinau",
    "FLE Standard Time": "Europe/Kiev",
    "GTB Standard Time": "Europe/Bucharest",
    "Turkey Standard Time": "Europe/Istanbul",
    "Russian Standard Time": "Europe/Moscow",
    "Israel Standard Time": "Asia/Jerusalem",
    "South Africa Standard Time": "Africa/Johannesburg",
    "Arabian Standard Time": "Asia/Dubai",
    "Pakistan Standard Time": "Asia/Karachi",
    "India Standard Time": "Asia/Kolkata",
    "Bangladesh Standard Time": "Asia/Dhaka",
    "SE Asia Standard Time": "Asia/Bangkok",
    "Singapore Standard Time": "Asia/Singapore",
    "China Standard Time": "Asia/Shanghai",
    "Tokyo Standard Time": "Asia/Tokyo",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "New Zealand Standard Time": "Pacific/Auckland",
    "Atlantic Standard Time": "America/Halifax",
    "Eastern Standard Time": "America/New_York",
    "Central Standard Time": "America/Chicago",
    "Mountain Standard Time": "America/Denver",
    "Pacific Standard Time": "America/Los_Angeles",
    "Alaskan Standard Time": "America/Anchorage",
    "Hawaiian Standard Time": "Pacific/Honolulu",
    "E. South America Standard Time": "America/Sao_Paulo",
    "Nigeria Standard Time": "Africa/Lagos",
    "W. Central Africa Standard Time": "Africa/Lagos",
    "Egypt Standard Time": "Africa/Cairo",
}
# Outlook display names carry a city; these are enough to recognise the UK and its neighbours.
CITY_HINTS = {"London": "Europe/London", "Dublin": "Europe/Dublin", "Edinburgh": "Europe/London"}


@cache
def resolve_zone(name: str) -> dt.tzinfo | None:
    """The zone a TZID (or X-WR-TIMEZONE) names, or None when it is not recognised."""
    cleaned = name.strip().strip('"').removeprefix("/")
    if not cleaned:
        return None
    if cleaned.upper() in ("UTC", "GMT", "Z", "ETC/UTC"):
        return dt.UTC
    candidates = [cleaned, WINDOWS_ZONES.get(cleaned, "")]
    candidates += [zone for city, zone in CITY_HINTS.items() if city in cleaned]
    if "/" in cleaned:  # "/mozilla.org/20050126_1/Europe/London" style prefixes
        parts = cleaned.split("/")
        candidates.append("/".join(parts[-2:]))
    for candidate in candidates:
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None
