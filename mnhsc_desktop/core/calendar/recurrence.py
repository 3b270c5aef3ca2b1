"""The occurrences of a repeating event, by dateutil's rrule (the expander icalendar itself
relies on): every BY* part of RFC 5545, COUNT and UNTIL, RDATE and EXDATE, each series in its
own time zone, so a 9am meeting in New York stays at 9am there across both countries' clock
changes, and is shown at the right UK time on each date.

What is ours: which zone a series is in (a zone the file defines is built by icalendar from
its VTIMEZONE), UNTIL put in the form dateutil needs beside DTSTART, and the cap on a rule that
never ends (shown, not refused: the first MAX_OCCURRENCES).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from functools import lru_cache
from zoneinfo import ZoneInfo

from mnhsc_desktop.core.calendar.events import Event

LONDON = ZoneInfo("Europe/London")
MAX_OCCURRENCES = 1000  # per series: a weekly repeat for 19 years, and never a hang
TOO_OFTEN = ("SECONDLY", "MINUTELY")  # a diary of days cannot show these


class RuleError(ValueError):
    """A rule the expander cannot follow; the message says which part."""


@lru_cache(maxsize=256)
def zone_of(zone: str, zone_ical: str = "") -> dt.tzinfo:
    """The tzinfo of a series' zone: a VTIMEZONE from the file, UTC, or an IANA name."""
    if zone_ical:
        from icalendar import Timezone

        return Timezone.from_ical(zone_ical).to_tz()
    if zone.upper() == "UTC":
        return dt.UTC
    return ZoneInfo(zone) if zone else LONDON


def _parts(rule: str) -> dict[str, str]:
    parts = {}
    for piece in rule.split(";"):
        key, _, value = piece.partition("=")
        if key.strip():
            parts[key.strip().upper()] = value.strip()
    return parts


def _until_for(value: str, start: dt.datetime, zone: dt.tzinfo) -> str:
    """UNTIL as dateutil needs it beside this DTSTART: in UTC when DTSTART has a zone,
    floating when it has none (files write it every way)."""
    text = value.upper()
    if start.tzinfo is None:
        return text.removesuffix("Z")[:15] if "T" in text else text[:8]
    if text.endswith("Z"):
        return text
    if "T" in text:
        local = dt.datetime.strptime(text[:15], "%Y%m%dT%H%M%S").replace(tzinfo=zone)
    else:  # a date: the whole of that day, in the series' zone
        local = dt.datetime.strptime(text[:8], "%Y%m%d").replace(hour=23, minute=59, second=59,
                                                                  tzinfo=zone)  # fmt: skip
    return local.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _start(event: Event) -> tuple[dt.datetime, dt.tzinfo]:
    """DTSTART as the expander should see it: naive for an all-day series, else in its zone."""
    zone = zone_of(event.zone, event.zone_ical)
    if event.start_time is None:
        return dt.datetime.combine(event.start, dt.time()), zone
    if event.zone_start is not None:
        return event.zone_start.replace(tzinfo=zone), zone
    return dt.datetime.combine(event.start, event.start_time, tzinfo=LONDON), LONDON


def rule_of(event: Event) -> str:
    return event.rule or (event.repeat.rule() if event.repeat is not None else "")


def checked_rule(rule: str, event: Event):
    """The rule built by dateutil from DTSTART (its UNTIL put in the form dateutil needs), and
    the text it was built from; RuleError when it cannot be followed."""
    from dateutil.rrule import rrulestr

    parts = _parts(rule)
    if parts.get("FREQ", "").upper() in TOO_OFTEN:
        raise RuleError(f"repeats more often than hourly, which a diary cannot show "
                        f"(FREQ={parts['FREQ']})")  # fmt: skip
    start, zone = _start(event)
    if "UNTIL" in parts:
        try:
            parts["UNTIL"] = _until_for(parts["UNTIL"], start, zone)
        except ValueError:
            raise RuleError(
                f"has a repeat end that cannot be read (UNTIL={parts['UNTIL']})"
            ) from None
    text = ";".join(f"{k}={v}" for k, v in parts.items())
    try:
        return rrulestr(text, dtstart=start), text
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise RuleError(f"has a repeat rule that cannot be read (RRULE:{rule}: {error})") from None


def starts(event: Event) -> list[dt.datetime | dt.date]:
    """Each occurrence's start, in the series' own zone (aware) or as a date (all day), in
    order, at most MAX_OCCURRENCES. EXDATEs are dates in the series' zone."""
    return list(iter_starts(event))


def iter_starts(event: Event) -> Iterator[dt.datetime | dt.date]:
    """The starts as `starts` gives them, made one at a time: a view of one month need not
    make the years before and after it."""
    from dateutil.rrule import rruleset

    start, zone = _start(event)
    try:
        built, rule = checked_rule(rule_of(event), event)
    except RuleError:
        yield event.start  # refused at import; a damaged stored rule shows its first date
        return
    series = rruleset()
    series.rrule(built)
    for extra in event.rdates:
        if isinstance(extra, dt.datetime):
            series.rdate(extra.replace(tzinfo=zone) if start.tzinfo else extra.replace(tzinfo=None))
        else:
            series.rdate(dt.datetime.combine(extra, start.timetz()) if start.tzinfo else
                         dt.datetime.combine(extra, dt.time()))  # fmt: skip
    if next(iter(built), None) != start:  # DTSTART is always the first occurrence, and counts
        series.rdate(start)  # (RFC 5545 3.8.5.3), even when the rule would not give it
        if "COUNT" in _parts(rule):
            series.exrule(_last_of(built))
    skipped = set(event.exdates)
    made = 0
    for moment in itertools.islice(series, MAX_OCCURRENCES + len(skipped)):
        if moment.date() in skipped:
            continue
        yield moment if event.start_time is not None else moment.date()
        made += 1
        if made >= MAX_OCCURRENCES:
            return


def _last_of(built):
    """A rule matching only the last date of a counted rule: that one gives way to DTSTART."""
    from dateutil.rrule import DAILY, rrule

    return rrule(freq=DAILY, dtstart=built[-1], count=1)  # once: exactly that moment


def endless(event: Event) -> bool:
    """A rule with neither COUNT nor UNTIL: shown up to the cap, and the detail pane says so."""
    parts = _parts(rule_of(event))
    return bool(parts) and "COUNT" not in parts and "UNTIL" not in parts


def in_uk(moment: dt.datetime) -> tuple[dt.date, dt.time]:
    local = moment.astimezone(LONDON)
    return local.date(), local.time().replace(tzinfo=None)
