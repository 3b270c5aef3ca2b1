"""Write iCalendar (RFC 5545) that Outlook, Thunderbird and Google import without complaint.

Written by hand rather than through a library: the rules that matter are few and exact (folding at
75 octets on UTF-8 boundaries, CRLF, a VTIMEZONE for every TZID, all-day events as VALUE=DATE with
an exclusive end, UNTIL in UTC), and 20,000 events must take well under a second.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from mnhsc_desktop import __version__
from mnhsc_desktop.core.calendar.events import LONDON, Event, describe_when

PRODID = f"-//MNHSC Desktop//MNHSC Desktop {__version__}//EN"
# The zone's rules since 1996 (EU summer time): last Sunday of March and of October at 01:00 UTC.
LONDON_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "X-LIC-LOCATION:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


TBC_SUFFIX = " (date to be confirmed)"


def export_calendar(
    events: Iterable[Event], name: str = "MNHSC calendar", now: dt.datetime | None = None
) -> bytes:
    """The whole .ics file as UTF-8 bytes with CRLF line ends."""
    stamp = _utc_stamp(now or dt.datetime.now(dt.UTC))
    body: list[str] = []
    zoned = False
    events = list(events)
    series_times = {e.uid: e for e in events if e.repeats and e.recurrence_id is None}
    other_zones: dict[str, tuple[str, dt.date]] = {}
    for event in events:
        body += _event_lines(event, stamp, series_times.get(event.uid))
        zoned |= event.start_time is not None and not event.zone
        if event.zone and event.zone != "UTC" and event.zone_start is not None:
            first = other_zones.get(event.zone, ("", event.zone_start.date()))[1]
            other_zones[event.zone] = (event.zone_ical, min(first, event.zone_start.date()))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{LONDON}",
        *(LONDON_VTIMEZONE if zoned else ()),
        *(
            line
            for name, (ical, first) in other_zones.items()
            for line in _vtimezone(name, ical, first)
        ),
        *body,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) for line in lines).encode("utf-8")


def month_only_title(title: str) -> str:
    """A month-only item is one day in other programs' diaries, so its title says why."""
    said = any(word in title.lower() for word in ("confirm", "tbc"))
    return title if said else title + TBC_SUFFIX


def _vtimezone(name: str, ical: str, first: dt.date) -> list[str]:
    """The VTIMEZONE of a series' own zone: as the file gave it, or made by icalendar."""
    if not ical:
        from icalendar import Timezone

        ical = Timezone.from_tzid(name, first_date=first).to_ical().decode()
    unfolded = re.sub(r"\r?\n[ \t]", "", ical)
    return [line for line in re.split(r"\r?\n", unfolded) if line]


def _when(event: Event, day: dt.date, moment: dt.time, name: str) -> str:
    """A DTSTART-like property at a UK date and time, or in the series' own zone."""
    if event.zone == "UTC":
        utc = dt.datetime.combine(day, moment, ZoneInfo(LONDON)).astimezone(dt.UTC)
        return f"{name}:{_utc_stamp(utc)}"
    if event.zone and event.zone_start is not None:
        from mnhsc_desktop.core.calendar.recurrence import zone_of

        local = dt.datetime.combine(day, moment, ZoneInfo(LONDON)).astimezone(
            zone_of(event.zone, event.zone_ical)
        )
        return f"{name};TZID={_param(event.zone)}:{_local(local.date(), local.time())}"
    return f"{name};TZID={LONDON}:{_local(day, moment)}"


def _param(value: str) -> str:
    return f'"{value}"' if any(c in value for c in ";:,") else value


def _event_lines(event: Event, stamp: str, series: Event | None = None) -> list[str]:
    month_only = event.precision == "month"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"SEQUENCE:{event.sequence}",
        f"SUMMARY:{escape_text(month_only_title(event.title) if month_only else event.title)}",
    ]
    if event.start_time is None:
        # A month-only item ("May 2018, date to be confirmed") is one all-day entry on the 1st,
        # not a month-long banner across every day of the month in Outlook.
        last = event.start if month_only else event.end
        lines.append(f"DTSTART;VALUE=DATE:{_date(event.start)}")
        lines.append(f"DTEND;VALUE=DATE:{_date(last + dt.timedelta(days=1))}")  # exclusive
        lines.append("TRANSP:TRANSPARENT")  # an all-day programme item does not block the diary
    else:
        lines.append(_when(event, event.start, event.start_time, "DTSTART"))
        if event.end_time is not None:
            lines.append(_when(event, event.end, event.end_time, "DTEND"))
    if event.recurrence_id is not None:
        if event.start_time is None:
            lines.append(f"RECURRENCE-ID;VALUE=DATE:{_date(event.recurrence_id)}")
        else:  # the time the series had on that day, not the changed one (else it shows twice)
            was = series.start_time if series and series.start_time else event.start_time
            lines.append(_when(series or event, event.recurrence_id, was, "RECURRENCE-ID"))
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if description := _description(event):
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append(f"CATEGORIES:{escape_text(event.kind_label)}")
    if event.rule:  # imported: the rule exactly as its file wrote it
        lines.append(f"RRULE:{event.rule}")
    elif event.repeat is not None:
        lines.append(f"RRULE:{_rrule(event)}")
    for extra in event.rdates:
        lines.append(_zoned_date(event, extra, "RDATE"))
    for day in event.exdates:
        if event.start_time is None:
            lines.append(f"EXDATE;VALUE=DATE:{_date(day)}")
        elif event.zone_start is not None:
            lines.append(_zoned_date(event, dt.datetime.combine(day, event.zone_start.time()),
                                     "EXDATE"))  # fmt: skip
        else:
            lines.append(f"EXDATE;TZID={LONDON}:{_local(day, event.start_time)}")
    # Our own properties, ignored by other programs, so a re-import loses nothing.
    lines.append(f"X-MNHSC-KIND:{event.kind}")
    if event.precision != "day":
        lines.append(f"X-MNHSC-PRECISION:{event.precision}")
    if event.tbc:
        lines.append("X-MNHSC-TBC:TRUE")
    if event.wave:
        lines.append(f"X-MNHSC-WAVE:{escape_text(event.wave)}")
    if event.deadline:
        lines.append(f"X-MNHSC-DEADLINE:{_date(event.deadline)}")
    lines += [f"X-MNHSC-NOTE:{escape_text(note)}" for note in event.notes]
    lines += [f"X-MNHSC-RESOURCE:{escape_text(r.title)}" for r in event.resources]
    lines.append("END:VEVENT")
    return lines


def _zoned_date(event: Event, value: dt.date | dt.datetime, name: str) -> str:
    """An RDATE or EXDATE given in the series' own zone (naive), written in that zone."""
    if not isinstance(value, dt.datetime):
        return f"{name};VALUE=DATE:{_date(value)}"
    if event.zone == "UTC":
        return f"{name}:{_local(value.date(), value.time())}Z"
    zone = _param(event.zone) if event.zone else LONDON
    return f"{name};TZID={zone}:{_local(value.date(), value.time())}"


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
            rule += f";UNTIL={_date(repeat.until)}"
        else:  # RFC 5545: with a zoned DTSTART, UNTIL is in UTC; the last day counts whole
            last = dt.datetime.combine(repeat.until, dt.time(23, 59, 59), ZoneInfo(LONDON))
            rule += f";UNTIL={_utc_stamp(last)}"
    return rule


def escape_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; other control characters,
    which the format cannot hold, dropped."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def fold(line: str) -> str:
    """Fold to lines of at most 75 octets (continuations start with a space), never inside a
    UTF-8 character; returns the line with its CRLF."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    pieces = []
    start, limit = 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # back off a continuation byte
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # the leading space of a continuation line counts
    return "\r\n ".join(pieces) + "\r\n"


def _date(day: dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _local(day: dt.date, moment: dt.time) -> str:
    return f"{_date(day)}T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"


def _utc_stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
