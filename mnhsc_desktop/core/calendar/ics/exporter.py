"""Write iCalendar (RFC 5545) that Outlook, Thunderbird and Google import without complaint,
through icalendar: it folds, escapes and encodes. What is ours: which properties an event gets
(all-day events as dates with an exclusive end, a month-only item as one day on the 1st,
UNTIL in UTC beside a zoned start, an imported series' rule exactly as its file wrote it, a
changed occurrence's RECURRENCE-ID at the time its series had), a VTIMEZONE for every zone
used (Europe/London written with its rules, which every program reads), and our X-MNHSC
properties, so a re-import loses nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from mnhsc_desktop import __version__
from mnhsc_desktop.core.calendar.events import LONDON, Event, describe_when

PRODID = f"-//MNHSC Desktop//MNHSC Desktop {__version__}//EN"
# The zone's rules since 1996 (EU summer time): last Sunday of March and of October at 01:00 UTC.
LONDON_VTIMEZONE = "\r\n".join((
    "BEGIN:VTIMEZONE", "TZID:Europe/London", "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
    "DTSTART:19700329T010000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "BEGIN:STANDARD", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
    "DTSTART:19701025T020000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "END:VTIMEZONE", "",
))  # fmt: skip
TBC_SUFFIX = " (date to be confirmed)"
_ical: Any = None  # the icalendar module, once an export has loaded it
_UK = ZoneInfo(LONDON)


def export_calendar(
    events: Iterable[Event], name: str = "MNHSC calendar", now: dt.datetime | None = None
) -> bytes:
    """The whole .ics file as UTF-8 bytes with CRLF line ends."""
    global _ical
    import icalendar as _ical  # loaded on the first export, not at start-up
    from icalendar import Calendar, Timezone

    calendar = Calendar()
    for key, value in (("VERSION", "2.0"), ("PRODID", PRODID), ("CALSCALE", "GREGORIAN"),
                       ("METHOD", "PUBLISH"), ("X-WR-CALNAME", name),
                       ("X-WR-TIMEZONE", LONDON)):  # fmt: skip
        calendar.add(key, value)
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    events = list(events)
    series = {e.uid: e for e in events if e.repeats and e.recurrence_id is None}
    zones: dict[str, tuple[str, dt.date]] = {}
    shared: dict[tuple[str, Any], Any] = {}
    written = [_vevent(event, stamp, series.get(event.uid), zones, shared) for event in events]
    for zone, (ical, first) in zones.items():
        if zone == LONDON:
            calendar.add_component(Timezone.from_ical(LONDON_VTIMEZONE))
        elif ical:
            calendar.add_component(Timezone.from_ical(ical))
        else:
            calendar.add_component(Timezone.from_tzid(zone, first_date=first))
    for vevent in written:
        calendar.add_component(vevent)
    return calendar.to_ical()


def month_only_title(title: str) -> str:
    """A month-only item is one day in other programs' diaries, so its title says why."""
    said = any(word in title.lower() for word in ("confirm", "tbc"))
    return title if said else title + TBC_SUFFIX


def _zone_of(event: Event) -> tuple[str, dt.tzinfo]:
    """The zone an event's times are written in: its own (a series), else UK time."""
    if event.zone and event.zone_start is not None:
        from mnhsc_desktop.core.calendar.recurrence import zone_of

        return event.zone, zone_of(event.zone, event.zone_ical)
    return LONDON, _UK


def _moment(event: Event, day: dt.date, time: dt.time, zones: dict) -> tuple[dt.datetime, dict]:
    """A date and UK time as the value and parameters to write, in the event's own zone."""
    zone, tzinfo = _zone_of(event)
    local = dt.datetime.combine(day, time, _UK).astimezone(tzinfo)
    if zone == "UTC":
        return local.astimezone(dt.UTC), {}
    first = zones.get(zone, ("", local.date()))[1]
    zones[zone] = (event.zone_ical if zone != LONDON else "", min(first, local.date()))
    return local.replace(tzinfo=None), {"TZID": zone}


def _vevent(event: Event, stamp: dt.datetime, series: Event | None, zones: dict,
            shared: dict[tuple[str, Any], Any]):  # fmt: skip
    VEvent, vInline = _ical.Event, _ical.prop.vInline

    def same(name: str, value: Any, make=lambda v: v) -> None:
        """A value many events share (the stamp, a kind, a place) is made once an export:
        icalendar's property objects are most of the time spent before writing."""
        made = shared.get((name, value))
        if made is None:
            made = shared[(name, value)] = _typed(make(value))
        _put(vevent, name, made)

    month_only = event.precision == "month"
    vevent = VEvent()
    _put(vevent, "UID", _text(event.uid))
    same("DTSTAMP", stamp)
    same("SEQUENCE", event.sequence)
    _put(vevent, "SUMMARY", _text(month_only_title(event.title) if month_only else event.title))
    if event.start_time is None:
        # A month-only item ("May 2018, date to be confirmed") is one all-day entry on the 1st,
        # not a month-long banner across every day of the month in Outlook.
        last = event.start if month_only else event.end
        same("DTSTART", event.start)  # dates recur across a programme: shared too
        same("DTEND", last + dt.timedelta(days=1))  # exclusive
        same("TRANSP", "TRANSPARENT")  # an all-day programme item does not block a diary
    else:
        value, params = _moment(event, event.start, event.start_time, zones)
        _put(vevent, "DTSTART", value, parameters=params)
        if event.end_time is not None:
            value, params = _moment(event, event.end, event.end_time, zones)
            _put(vevent, "DTEND", value, parameters=params)
    if event.recurrence_id is not None:
        if event.start_time is None:
            _put(vevent, "RECURRENCE-ID", event.recurrence_id)
        else:  # the time the series had on that day, not the changed one (else it shows twice)
            was = series.start_time if series and series.start_time else event.start_time
            value, params = _moment(series or event, event.recurrence_id, was, zones)
            _put(vevent, "RECURRENCE-ID", value, parameters=params)
    if event.location:
        same("LOCATION", event.location, _text)
    written = None
    if description := _description(event):
        written = _text(description)
        _put(vevent, "DESCRIPTION", written)
    same("CATEGORIES", event.kind_label, lambda label: [_clean(label)])
    if event.rule:  # imported: the rule exactly as its file wrote it
        _put(vevent, "RRULE", vInline(event.rule))
    elif event.repeat is not None:
        _put(vevent, "RRULE", vInline(_rrule(event)))
    for extra in event.rdates:
        _put(vevent, "RDATE", *_own_zone(event, extra, zones))
    for day in event.exdates:
        if event.start_time is None:
            _put(vevent, "EXDATE", day)
        elif event.zone_start is not None:
            _put(vevent, "EXDATE", *_own_zone(event, dt.datetime.combine(day, event.zone_start.time()),
                                            zones))  # fmt: skip
        else:
            _put(vevent, "EXDATE", *_moment(event, day, event.start_time, zones))
    # Our own properties, ignored by other programs, so a re-import loses nothing.
    same("X-MNHSC-KIND", event.kind, _text)
    if event.precision != "day":
        same("X-MNHSC-PRECISION", event.precision)
    if event.tbc:
        same("X-MNHSC-TBC", "TRUE")
    if event.wave:
        same("X-MNHSC-WAVE", event.wave, _text)
    if event.deadline:
        _put(vevent, "X-MNHSC-DEADLINE", vInline(f"{event.deadline:%Y%m%d}"))
    for note in event.notes:  # a lone note is the description too: one value for both
        _put(vevent, "X-MNHSC-NOTE", written if note == description else _text(note))
    for resource in event.resources:
        _put(vevent, "X-MNHSC-RESOURCE", _text(resource.title))
    return vevent


_REPEATED = {"RDATE", "EXDATE", "X-MNHSC-NOTE", "X-MNHSC-RESOURCE"}


def _typed(value):
    """A value as the icalendar type it is written as, chosen here (icalendar's add() works the
    type out for every value, a third of an export's time at 20,000 events)."""
    prop = _ical.prop
    if hasattr(value, "params"):  # typed already (shared between events)
        return value
    if isinstance(value, dt.date):
        return prop.vDDDTypes(value)
    if isinstance(value, int):
        return prop.vInt(value)
    if isinstance(value, list):
        return prop.vCategory(value)
    return value


def _put(component, name: str, value, parameters: dict | None = None) -> None:
    """Set a property (repeated ones gathered into a list, as icalendar keeps them)."""
    value = _typed(value)
    if parameters:
        value.params.update(parameters)
    if name not in _REPEATED or name not in component:
        component[name] = value
    elif isinstance(existing := component[name], list):
        existing.append(value)
    else:
        component[name] = [existing, value]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str) -> str:
    """Control characters, which the format cannot hold, dropped; line ends made one kind."""
    return _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def _text(text: str):
    """TEXT, escaped by icalendar (an X- property would otherwise be written raw). icalendar
    takes a backslash before N for a newline and writes it so (a location typed as "\\N"
    came back empty): such text is escaped here instead, as RFC 5545 3.3.11 says."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if "\\N" not in text:
        return _ical.prop.vText(text)
    escaped = (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
               .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))  # fmt: skip
    return _ical.prop.vInline(escaped)


def _own_zone(event: Event, value: dt.date | dt.datetime, zones: dict) -> tuple:
    """An RDATE or EXDATE given naive in the series' own zone, as value and parameters."""
    if not isinstance(value, dt.datetime):
        return value, {}
    zone, _tzinfo = _zone_of(event)
    if zone == "UTC":
        return value.replace(tzinfo=dt.UTC), {}
    first = zones.get(zone, ("", value.date()))[1]
    zones[zone] = (event.zone_ical if zone != LONDON else "", min(first, value.date()))
    return value, {"TZID": zone}


def _description(event: Event) -> str:
    """What a person reads in Outlook: when (as precisely as known), notes, and resources."""
    parts = []
    if event.precision != "day" or event.tbc:
        parts.append(describe_when(event))
    parts += event.notes
    if event.deadline:
        parts.append(f"Deadline: {event.deadline:%d %B %Y}".replace(" 0", " "))
    parts += [f"{r.title} (needs the internet)" for r in event.resources]
    if event.wave:
        parts.append(f"Wave {event.wave}")
    return "\n".join(parts)


def _rrule(event: Event) -> str:
    repeat = event.repeat
    assert repeat is not None
    rule = f"FREQ={repeat.freq.upper()};INTERVAL={repeat.interval}"
    if repeat.byday:
        rule += f";BYDAY={repeat.byday}"
    if repeat.count is not None:
        rule += f";COUNT={repeat.count}"
    elif repeat.until is not None:
        if event.start_time is None:
            rule += f";UNTIL={repeat.until:%Y%m%d}"
        else:  # RFC 5545: with a zoned DTSTART, UNTIL is in UTC; the last day counts whole
            last = dt.datetime.combine(repeat.until, dt.time(23, 59, 59), _UK)
            rule += f";UNTIL={last.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"
    return rule
