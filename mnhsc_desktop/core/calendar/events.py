"""Calendar events: the shipped content schema, the one Event model, and how to say when.

Shipped, local and imported events all become `Event`, so the views, search and .ics export treat
them alike. Times are wall-clock times in Europe/London, the programme's zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from mnhsc_desktop.core.text import fold

LONDON = "Europe/London"
UID_DOMAIN = "mnhsc-desktop"

KINDS: dict[str, str] = {
    "learning-set": "Learning set",
    "local-learning-system": "Local learning system",
    "webex": "WebEx",
    "session": "Session",
    "score": "SCORE milestone",
    "report": "Report due",
    "deadline": "Deadline",
    "visit": "Visit",
    "survey": "Survey window",
    "assessment": "Assessment",
    "sharing-day": "Sharing day",
    "clinic": "Clinic",
    "launch": "Launch",
    "workshop": "Workshop",
    "meeting": "Meeting",
    "other": "Other",
}
Kind = Literal[
    "learning-set", "local-learning-system", "webex", "session", "score", "report", "deadline",
    "visit", "survey", "assessment", "sharing-day", "clinic", "launch", "workshop", "meeting", "other",
]  # fmt: skip
Precision = Literal["day", "week", "month"]
Origin = Literal["shipped", "local", "imported"]
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


# -- the content file ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)  # thousands of these: no per-object dict
class Resource:
    """Something the page names beside an event; it lives on the internet."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class ShippedEvent:
    """One entry of data/calendar.yaml: exactly one of `date` (a day) or `month` (no day given)."""

    id: str
    page_text: str
    title: str
    kind: Kind
    date: dt.date | None = None
    month: str | None = None
    end_date: dt.date | None = None
    start_time: str | None = None
    end_time: str | None = None
    week_commencing: bool = False
    tbc: bool = False
    deadline: dt.date | None = None
    location: str | None = None
    wave: str | None = None
    notes: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()

    def problems(self) -> Iterator[tuple[str, str]]:
        if (self.date is None) == (self.month is None):
            yield "date", "give either date (a day) or month (YYYY-MM), not both or neither"
        if self.month is not None and not _MONTH.match(self.month):
            yield "month", f"should be a month written YYYY-MM (got {self.month!r})"
        for name in ("start_time", "end_time"):
            value = getattr(self, name)
            if value is not None and not _TIME.match(value):
                yield name, f"should be a 24-hour time written HH:MM (got {value!r})"
        if self.end_time and not self.start_time:
            yield "end_time", "an end time needs a start time"
        if self.date and self.end_date and self.end_date < self.date:
            yield "end_date", "is before the start date"
        if self.date and self.end_date == self.date:
            yield "end_date", "is the same as the start date; leave it out"
        if self.week_commencing and self.date and self.date.weekday() != 0:
            yield "date", "a week commencing should start on a Monday"
        if self.month and (self.end_date or self.start_time or self.week_commencing):
            yield "month", "an event without a day cannot have an end date, times or a week"


@dataclass(frozen=True)
class CalendarFile:
    """`calendar.yaml`: the collaborative's calendar of activities."""

    schema_version: int
    timezone: Literal["Europe/London"]
    events: tuple[ShippedEvent, ...]


# -- the model everything else uses ---------------------------------------------------------------
@dataclass(frozen=True, slots=True)  # thousands of these: no per-object dict
class Repeat:
    """A repeat every `interval` days, weeks, months or years, ended by a count or a last date.

    Local events repeat weekly or monthly; imported ones may also repeat daily or yearly. With
    neither count nor until it runs on, and is cut off when shown (recurrence.MAX_OCCURRENCES).
    """

    freq: Literal["daily", "weekly", "monthly", "yearly"]
    interval: int = 1
    count: int | None = None
    until: dt.date | None = None
    byday: str = ""  # weekly "MO,WE,FR"; monthly "2TU" (2nd Tuesday) or "-1FR" (last Friday)

    def rule(self) -> str:
        """As an RRULE value, for the expander and for export."""
        parts = [f"FREQ={self.freq.upper()}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.byday:
            parts.append(f"BYDAY={self.byday}")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={self.until:%Y%m%d}")
        return ";".join(parts)


@dataclass(frozen=True, slots=True)  # thousands of these: no per-object dict
class Event:
    uid: str
    title: str
    kind: str
    start: dt.date
    end: dt.date  # inclusive: a 9-11 May event ends on 11 May
    precision: Precision = "day"
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    location: str = ""
    wave: str = ""
    notes: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    tbc: bool = False
    deadline: dt.date | None = None
    origin: Origin = "shipped"
    repeat: Repeat | None = None
    exdates: tuple[dt.date, ...] = ()
    sequence: int = 0
    recurrence_id: dt.date | None = None  # set on an imported change to one occurrence of a series
    page_text: str = ""
    # An imported series keeps its rule as the file wrote it, and repeats in its own zone:
    rule: str = ""  # the RRULE value ("FREQ=MONTHLY;BYDAY=2TU"); `repeat` is then None
    rdates: tuple[dt.date | dt.datetime, ...] = ()  # extra dates (naive, in the series' zone)
    zone: str = ""  # the series' own zone (IANA name, "UTC", or a TZID defined in the file)
    zone_start: dt.datetime | None = None  # DTSTART as written, naive, in `zone`
    zone_ical: str = ""  # the file's VTIMEZONE, when `zone` is not one Python knows
    dtstamp: str = field(default="", compare=False, repr=False)  # for choosing between copies
    and_after: bool = field(default=False, compare=False, repr=False)  # RANGE=THISANDFUTURE
    search_text: str = field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.search_text:
            words = [self.title, self.location, self.wave and f"wave {self.wave}", *self.notes]
            words += [r.title for r in self.resources] + [KINDS.get(self.kind, self.kind)]
            object.__setattr__(self, "search_text", fold(" ".join(w for w in words if w)))

    @property
    def key(self) -> str:
        """Identity on this calendar: the UID, plus the occurrence an override replaces."""
        return self.uid if self.recurrence_id is None else f"{self.uid}|{self.recurrence_id}"

    @property
    def repeats(self) -> bool:
        return self.repeat is not None or bool(self.rule)

    @property
    def all_day(self) -> bool:
        return self.start_time is None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind.replace("-", " ").capitalize())

    def with_changes(self, **changes: Any) -> Event:
        """A copy with new values; the search text is rebuilt."""
        return replace(self, search_text="", **changes)


def shipped_uid(event_id: str) -> str:
    return f"{event_id}@{UID_DOMAIN}"


def from_shipped(item: ShippedEvent) -> Event:
    if item.month is not None:
        year, month = (int(part) for part in item.month.split("-"))
        start = dt.date(year, month, 1)
        end = last_day_of_month(start)
        precision: Precision = "month"
    else:
        assert item.date is not None
        start = item.date
        end = item.end_date or item.date
        precision = "day"
        if item.week_commencing:
            precision, end = "week", start + dt.timedelta(days=6)
    return Event(
        uid=shipped_uid(item.id),
        title=item.title,
        kind=item.kind,
        start=start,
        end=end,
        precision=precision,
        start_time=dt.time.fromisoformat(item.start_time) if item.start_time else None,
        end_time=dt.time.fromisoformat(item.end_time) if item.end_time else None,
        location=item.location or "",
        wave=item.wave or "",
        notes=item.notes,
        resources=item.resources,
        tbc=item.tbc,
        deadline=item.deadline,
        origin="shipped",
        page_text=item.page_text,
    )


def last_day_of_month(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


# -- saying when, the UK way ---------------------------------------------------------------------
def uk_date(day: dt.date, *, weekday: bool = True) -> str:
    """'Mon 8 Oct 2018' (no leading zero, English names whatever the system locale)."""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_DAYS[day.weekday()]} {text}" if weekday else text


def uk_time(moment: dt.time) -> str:
    """'3pm', '3:30pm', '12 noon'."""
    if moment.hour == 12 and moment.minute == 0:
        return "12 noon"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def describe_when(event: Event) -> str:
    """How the agenda and detail pane say when an event is, never more precise than we know."""
    if event.precision == "month":
        text = f"{_FULL_MONTHS[event.start.month - 1]} {event.start.year}"
        return text + (" (date to be confirmed)" if event.tbc else " (no day given)")
    if event.precision == "week":
        return f"Week commencing {uk_date(event.start)}"
    if event.end != event.start:
        text = f"{_range_start(event.start, event.end)} – {uk_date(event.end)}"
    else:
        text = uk_date(event.start)
    if event.start_time is not None:
        text += f", {uk_times(event.start_time, event.end_time)}"
    return text


def uk_times(start: dt.time, end: dt.time | None) -> str:
    """'9am – 10:30am', or the start alone when no end is known."""
    return f"{uk_time(start)} – {uk_time(end)}" if end is not None else uk_time(start)


def _range_start(start: dt.date, end: dt.date) -> str:
    """'Wed 9' when the month is shared, 'Wed 30 May' when only the year is, else in full."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{_DAYS[start.weekday()]} {start.day}"
    if start.year == end.year:
        return f"{_DAYS[start.weekday()]} {start.day} {_MONTHS[start.month - 1]}"
    return uk_date(start)


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_FULL_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
