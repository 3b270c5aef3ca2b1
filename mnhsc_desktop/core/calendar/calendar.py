"""The calendar the user sees: shipped events (less those hidden), plus their own and imported ones.

Local and imported events live in the store's "calendar" section, one key per event
("event/<uid>"), so an edit rewrites one entry and an import is one change.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from mnhsc_desktop.core.calendar.events import Event, Repeat, Resource, from_shipped
from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "calendar"
EVENT_PREFIX = "event/"
HIDDEN_KEY = "hidden"


@dataclass(frozen=True, slots=True)  # thousands of these: no per-object dict
class Occurrence:
    """One appearance of an event on the calendar (a repeating event has several)."""

    event: Event
    start: dt.date
    end: dt.date

    @property
    def key(self) -> tuple[str, dt.date]:
        return (self.event.uid, self.start)


@dataclass(frozen=True)
class Filter:
    """What the agenda shows. Empty sets mean "any"."""

    text: str = ""
    kinds: frozenset[str] = frozenset()
    locations: frozenset[str] = frozenset()
    waves: frozenset[str] = frozenset()

    def accepts(self, event: Event, words: list[str]) -> bool:
        if self.kinds and event.kind not in self.kinds:
            return False
        if self.locations and event.location not in self.locations:
            return False
        if self.waves and event.wave not in self.waves:
            return False
        return all(word in event.search_text for word in words)


class Calendar:
    """All visible events, with the queries the views need. Rebuilt when the store changes."""

    def __init__(
        self,
        shipped: Iterable[Event],
        own: Iterable[Event],
        hidden: Iterable[str] = (),
        include_hidden: bool = False,
    ):
        self.hidden = frozenset(hidden)
        self.shipped = tuple(shipped)
        self.own = tuple(own)
        self.events = [
            e for e in self.shipped if include_hidden or e.key not in self.hidden
        ] + list(self.own)
        self.by_key = {e.key: e for e in (*self.shipped, *self.own)}
        self._occurrences: list[Occurrence] | None = None
        self._starts: list[dt.date] = []
        self._longest = dt.timedelta(0)
        self._last_day: dt.date | None = None

    @classmethod
    def load(cls, calendar_file: Any, store: Store, include_hidden: bool = False) -> Calendar:
        shipped = [from_shipped(item) for item in calendar_file.events] if calendar_file else []
        hidden = store.get(SECTION, HIDDEN_KEY, [])
        return cls(shipped, stored_events(store), hidden, include_hidden)

    def occurrences(self) -> list[Occurrence]:
        """Every occurrence of every visible event, in date order (computed once)."""
        if self._occurrences is None:
            # A changed occurrence (RECURRENCE-ID) replaces the one its series would show.
            replaced = {(e.uid, e.recurrence_id) for e in self.events if e.recurrence_id}
            found = [
                o for event in self.events for o in expand(event)
                if not replaced or event.recurrence_id or (event.uid, o.start) not in replaced
            ]  # fmt: skip
            found.sort(key=lambda o: (o.start, o.event.start_time or dt.time.min, o.event.title))
            self._occurrences = found
            self._starts = [o.start for o in found]
            self._longest = max((o.end - o.start for o in found), default=dt.timedelta(0))
        return self._occurrences

    def in_range(self, start: dt.date | None, end: dt.date | None) -> list[Occurrence]:
        """Occurrences overlapping [start, end], found by bisection on the sorted start dates."""
        found = self.occurrences()
        if start is None and end is None:
            return found
        high = bisect.bisect_right(self._starts, end) if end is not None else len(found)
        low = bisect.bisect_left(self._starts, start - self._longest) if start is not None else 0
        if start is None:
            return found[low:high]
        return [o for o in found[low:high] if o.end >= start]

    def search(
        self,
        where: Filter,
        start: dt.date | None = None,
        end: dt.date | None = None,
        within: list[Occurrence] | None = None,
    ) -> list[Occurrence]:
        """Occurrences that overlap [start, end] and pass the filter, in date order.

        `within` narrows an earlier result instead (typing one more letter only ever removes
        rows), which keeps each keystroke well inside a frame on 20,000 events.
        """
        candidates = within if within is not None else self.in_range(start, end)
        words = fold_words(where.text)
        if where.kinds or where.locations or where.waves:
            return [o for o in candidates if where.accepts(o.event, words)]
        if not words:
            return list(candidates)
        if len(words) == 1:
            word = words[0]
            return [o for o in candidates if word in o.event.search_text]
        return [o for o in candidates if all(w in o.event.search_text for w in words)]

    def last_day(self) -> dt.date | None:
        """The last day any visible event touches (computed once)."""
        if self._last_day is None:
            self._last_day = max((o.end for o in self.occurrences()), default=dt.date.min)
        return None if self._last_day == dt.date.min else self._last_day

    def has_upcoming(self, today: dt.date) -> bool:
        last = self.last_day()
        return last is not None and last >= today

    def counts_by_day(
        self, first: dt.date, last: dt.date, where: Filter = Filter()
    ) -> dict[dt.date, int]:
        """How many occurrences touch each day of [first, last] (for the month view's marks).

        Month-only events are not counted on any day: they have none.
        """
        counts: dict[dt.date, int] = {}
        for o in self.search(where, first, last):
            if o.event.precision == "month":
                continue
            day = max(o.start, first)
            while day <= min(o.end, last):
                counts[day] = counts.get(day, 0) + 1
                day += dt.timedelta(days=1)
        return counts

    def choices(self) -> dict[str, list[str]]:
        """The kinds, locations and waves present, for the filter menus."""
        return {
            "kinds": sorted({e.kind for e in self.events}),
            "locations": sorted({e.location for e in self.events if e.location}),
            "waves": sorted({e.wave for e in self.events if e.wave}),
        }


def next_occurrences(events: Iterable[Event], today: dt.date, count: int = 3) -> list[Occurrence]:
    """The next `count` occurrences from today, without building the whole calendar (for Home)."""
    import heapq

    found = []
    for event in events:
        if not event.repeats:
            if event.end >= today:
                found.append(Occurrence(event, event.start, event.end))
            continue
        upcoming = next((o for o in expand(event) if o.end >= today), None)
        if upcoming is not None:
            found.append(upcoming)
    return heapq.nsmallest(
        count, found, key=lambda o: (o.start, o.event.start_time or dt.time.min, o.event.title)
    )


def fold_words(text: str) -> list[str]:
    from mnhsc_desktop.core.text import fold

    return fold(text).split()


def expand(event: Event) -> list[Occurrence]:
    """The occurrences of one event; a repeat stops at its count, its end date or the cap
    (recurrence.MAX_OCCURRENCES). A series in another zone is shown at each date's UK time."""
    length = event.end - event.start
    if not event.repeats:
        return [Occurrence(event, event.start, event.end)]
    from mnhsc_desktop.core.calendar.recurrence import in_uk, starts

    found: list[Occurrence] = []
    if event.start_time is None:
        return [Occurrence(event, day, day + length) for day in starts(event)]  # type: ignore[operator]
    first = dt.datetime.combine(event.start, event.start_time)
    last = dt.datetime.combine(event.end, event.end_time or event.start_time)
    duration = last - first
    for moment in starts(event):
        day, time = in_uk(moment)  # type: ignore[arg-type]
        if time == event.start_time:
            found.append(Occurrence(event, day, day + length))
            continue
        finish = dt.datetime.combine(day, time) + duration
        shifted = replace(event, start_time=time,
                          end_time=finish.time() if event.end_time is not None else None)  # fmt: skip
        found.append(Occurrence(shifted, day, finish.date()))
    return found


# -- the store ---------------------------------------------------------------------------------
def stored_events(store: Store) -> list[Event]:
    events = []
    for key, data in store.items(SECTION):
        if key.startswith(EVENT_PREFIX):
            try:
                events.append(event_from_json(data))
            except (KeyError, TypeError, ValueError):
                continue  # a damaged entry: left in the store untouched, not shown
    return events


def new_uid() -> str:
    return f"{uuid.uuid4()}@mnhsc-desktop"


def save_events(store: Store, events: Iterable[Event]) -> StateChange | None:
    """Add or replace local/imported events in one change."""
    return store.update(SECTION, {EVENT_PREFIX + e.key: event_to_json(e) for e in events})


def edit_event(store: Store, event: Event) -> StateChange | None:
    """Save a changed event, bumping its SEQUENCE so calendars that imported it update."""
    return save_events(store, [event.with_changes(sequence=event.sequence + 1)])


def delete_events(store: Store, keys: Iterable[str]) -> StateChange | None:
    return store.update(SECTION, {EVENT_PREFIX + key: None for key in keys})


def set_hidden(store: Store, uid: str, hidden: bool) -> StateChange | None:
    """Shipped events cannot be edited or deleted, but each user can hide them."""
    current = set(store.get(SECTION, HIDDEN_KEY, []))
    current = current | {uid} if hidden else current - {uid}
    return store.set(SECTION, HIDDEN_KEY, sorted(current))


def event_to_json(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uid": event.uid,
        "title": event.title,
        "kind": event.kind,
        "start": event.start.isoformat(),
        "end": event.end.isoformat(),
        "precision": event.precision,
        "origin": event.origin,
        "sequence": event.sequence,
    }
    if event.start_time is not None:
        data["start_time"] = event.start_time.isoformat("minutes")
    if event.end_time is not None:
        data["end_time"] = event.end_time.isoformat("minutes")
    for name in ("location", "wave"):
        if getattr(event, name):
            data[name] = getattr(event, name)
    if event.notes:
        data["notes"] = list(event.notes)
    if event.resources:
        data["resources"] = [{"title": r.title, "url": r.url} for r in event.resources]
    if event.repeat is not None:
        repeat = event.repeat
        data["repeat"] = {"freq": repeat.freq, "interval": repeat.interval}
        if repeat.count is not None:
            data["repeat"]["count"] = repeat.count
        if repeat.until is not None:
            data["repeat"]["until"] = repeat.until.isoformat()
        if repeat.byday:
            data["repeat"]["byday"] = repeat.byday
    if event.exdates:
        data["exdates"] = [d.isoformat() for d in event.exdates]
    if event.recurrence_id is not None:
        data["recurrence_id"] = event.recurrence_id.isoformat()
    for name in ("tbc",):
        if getattr(event, name):
            data[name] = True
    if event.deadline is not None:
        data["deadline"] = event.deadline.isoformat()
    if event.rule:
        data["rule"] = event.rule
    if event.rdates:
        data["rdates"] = [d.isoformat() for d in event.rdates]
    if event.zone:
        data["zone"] = event.zone
    if event.zone_start is not None:
        data["zone_start"] = event.zone_start.isoformat()
    if event.zone_ical:
        data["zone_ical"] = event.zone_ical
    return data


def event_from_json(data: dict[str, Any]) -> Event:
    repeat = None
    if "repeat" in data:
        raw = data["repeat"]
        until = raw.get("until")
        repeat = Repeat(
            freq=raw["freq"],
            interval=int(raw.get("interval", 1)),
            count=raw.get("count"),
            until=dt.date.fromisoformat(until) if until else None,
            byday=raw.get("byday", ""),
        )
    return Event(
        uid=data["uid"],
        title=data["title"],
        kind=data["kind"],
        start=dt.date.fromisoformat(data["start"]),
        end=dt.date.fromisoformat(data["end"]),
        precision=data.get("precision", "day"),
        start_time=_time(data.get("start_time")),
        end_time=_time(data.get("end_time")),
        location=data.get("location", ""),
        wave=data.get("wave", ""),
        notes=tuple(data.get("notes", ())),
        resources=tuple(Resource(r["title"], r.get("url")) for r in data.get("resources", ())),
        origin=data.get("origin", "local"),
        repeat=repeat,
        exdates=tuple(dt.date.fromisoformat(d) for d in data.get("exdates", ())),
        sequence=int(data.get("sequence", 0)),
        recurrence_id=_day(data.get("recurrence_id")),
        tbc=bool(data.get("tbc", False)),
        deadline=_day(data.get("deadline")),
        rule=data.get("rule", ""),
        rdates=tuple(_moment(d) for d in data.get("rdates", ())),
        zone=data.get("zone", ""),
        zone_start=dt.datetime.fromisoformat(data["zone_start"])
        if data.get("zone_start")
        else None,
        zone_ical=data.get("zone_ical", ""),
    )


def _moment(text: str) -> dt.date | dt.datetime:
    return dt.datetime.fromisoformat(text) if "T" in text else dt.date.fromisoformat(text)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None
