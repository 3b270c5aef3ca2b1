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
    for event in events:
        body += _event_lines(event, stamp)
        zoned |= event.start_time is not None
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{LONDON}",
        *(LONDON_VTIMEZONE if zoned else ()),
        *body,
        "END:VCALENDAR",
    ]
    return "".join(fold(line) for line in lines).encode("utf-8")


def month_only_title(title: str) -> str:
    """A month-only item is one day in other programs' diaries, so its title says why."""
    said = any(word in title.lower() for word in ("confirm", "tbc"))
    return title if said else title + TBC_SUFFIX


def _event_lines(event: Event, stamp: str) -> list[str]:
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
        lines.append(f"DTSTART;TZID={LONDON}:{_local(event.start, event.start_time)}")
        if event.end_time is not None:
            lines.append(f"DTEND;TZID={LONDON}:{_local(event.end, event.end_time)}")
    if event.recurrence_id is not None:
        if event.start_time is None:
            lines.append(f"RECURRENCE-ID;VALUE=DATE:{_date(event.recurrence_id)}")
        else:
            lines.append(
                f"RECURRENCE-ID;TZID={LONDON}:{_local(event.recurrence_id, event.start_time)}"
            )
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if description := _description(event):
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines.append(f"CATEGORIES:{escape_text(event.kind_label)}")
    if event.repeat is not None:
        lines.append(f"RRULE:{_rrule(event)}")
    for day in event.exdates:
        if event.start_time is None:
            lines.append(f"EXDATE;VALUE=DATE:{_date(day)}")
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
