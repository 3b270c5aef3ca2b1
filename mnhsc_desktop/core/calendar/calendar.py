"""The calendar the user sees: shipped events (less those hidden), plus their own and imported ones.

Local and imported events live in the store's "calendar" section, one key per event
("event/<uid>"), so an edit rewrites one entry and an import is one change.
"""

from __future__ import annotations

import bisect
import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mnhsc_desktop.core.calendar.events import Event, Repeat, Resource, from_shipped
from mnhsc_desktop.core.calendar.expansion import Made, Occurrence, iter_occurrences
from mnhsc_desktop.core.store.store import StateChange, Store

SECTION = "calendar"
EVENT_PREFIX = "event/"
HIDDEN_KEY = "hidden"


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
        reuse: Calendar | None = None,
    ):
        self.hidden = frozenset(hidden)
        self.shipped = tuple(shipped)
        self.own = tuple(own)
        self.events = [
            e for e in self.shipped if include_hidden or e.key not in self.hidden
        ] + list(self.own)
        self.by_key = {e.key: e for e in (*self.shipped, *self.own)}
        # A changed occurrence (RECURRENCE-ID) replaces the one its series would show.
        self._replaced = {(e.uid, e.recurrence_id) for e in self.events if e.recurrence_id}
        singles = [Occurrence(e, e.start, e.end) for e in self.events if not e.repeats]
        singles.sort(key=_order)
        self._singles = singles
        self._single_starts = [o.start for o in singles]
        self._single_longest = max((o.end - o.start for o in singles), default=dt.timedelta(0))
        self._single_last_end = max((o.end for o in singles), default=dt.date.min)
        kept = reuse._made if reuse is not None else {}
        self._made = {e: kept.get(e) or Made(e) for e in self.events if e.repeats}
        self._ranges: dict[tuple[dt.date | None, dt.date | None], list[Occurrence]] = {}
        self._occurrences: list[Occurrence] | None = None
        self._last_day: dt.date | None = None

    @classmethod
    def load(
        cls, calendar_file: Any, store: Store, include_hidden: bool = False,
        reuse: Calendar | None = None,
    ) -> Calendar:  # fmt: skip
        """The calendar from the shipped file and the store; `reuse` (the calendar this one
        replaces) hands on the occurrences its unchanged series have made."""
        shipped = [from_shipped(item) for item in calendar_file.events] if calendar_file else []
        hidden = store.get(SECTION, HIDDEN_KEY, [])
        return cls(shipped, stored_events(store), hidden, include_hidden, reuse)

    def occurrences(self) -> list[Occurrence]:
        """Every occurrence of every visible event, in date order (each endless series to the
        cap): for export and checks, not for views, which ask for a range."""
        if self._occurrences is None:
            self._occurrences = self._merged(self._singles, None, None)
        return self._occurrences

    def in_range(self, start: dt.date | None, end: dt.date | None) -> list[Occurrence]:
        """Occurrences overlapping [start, end], in date order. With no end, a repeating series
        is listed to `listed_to(start)` (see there): an endless one would otherwise run to the
        cap, and 500 of them take seconds to make."""
        through = end if end is not None else self.listed_to(start)
        found = self._ranges.get((start, through))
        if found is None:
            high = bisect.bisect_right(self._single_starts, end) if end is not None else None
            low = (bisect.bisect_left(self._single_starts, start - self._single_longest)
                   if start is not None else 0)  # fmt: skip
            singles = [o for o in self._singles[low:high] if start is None or o.end >= start]
            found = self._merged(singles, start, through, open_ended=end is None)
            if len(self._ranges) > 8:  # the agenda's range and a few months: enough to keep
                self._ranges.clear()
            self._ranges[(start, through)] = found
        return found

    def listed_to(self, start: dt.date | None) -> dt.date:
        """How far an open-ended list shows repeating series: a year past the later of the
        calendar's last single event and `start` (or today)."""
        return max(self._single_last_end, start or dt.date.today()) + dt.timedelta(days=366)

    def continues_past(self, day: dt.date) -> bool:
        """Whether any repeating series has occurrences after `day` (not listed up to it)."""
        return any(made.goes_past(day) for made in self._made.values())

    def _merged(self, singles: list[Occurrence], start: dt.date | None,
                through: dt.date | None, open_ended: bool = False) -> list[Occurrence]:  # fmt: skip
        """`singles` and the series' occurrences overlapping [start, through], in order. In an
        open-ended list a series shows at least its first year, however far ahead it starts."""
        found = list(singles)
        for event, made in self._made.items():
            last = through
            if open_ended and through is not None:
                first = made.first_start()
                last = max(through, first + dt.timedelta(days=365)) if first else through
            found += [o for o in made.between(start, last)
                      if not self._replaced or (event.uid, o.start) not in self._replaced]  # fmt: skip
        if self._made:
            found.sort(key=_order)
        return found

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
        """The last day any visible event touches (computed once; each endless series to the
        cap, so ask only once nothing is upcoming, when every series has ended)."""
        if self._last_day is None:
            ends = [self._single_last_end]
            for made in self._made.values():
                made.through(None)
                ends += [o.end for o in made.found[-1:]]
            self._last_day = max(ends, default=dt.date.min)
        return None if self._last_day == dt.date.min else self._last_day

    def has_upcoming(self, today: dt.date) -> bool:
        """Anything ending today or later (a series is made only as far as today)."""
        if self._single_last_end >= today:
            return True
        return any(made.between(today, today) or made.goes_past(today)
                   for made in self._made.values())  # fmt: skip

    def counts_by_day(
        self, first: dt.date, last: dt.date, where: Filter = Filter()
    ) -> dict[dt.date, int]:
        """How many occurrences touch each day of [first, last] (for the month view's marks).

        Month-only events are not counted on any day: they have none.
        """
        found = [o for o in self.search(where, first, last) if o.event.precision != "month"]
        # Most occurrences are within one day: counted in one pass (in C); the rest day by day.
        counts = Counter(o.start for o in found if o.start == o.end and o.start >= first)
        for o in found:
            if o.end != o.start:
                day = max(o.start, first)
                while day <= min(o.end, last):
                    counts[day] += 1
                    day += dt.timedelta(days=1)
        return dict(counts)

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
        upcoming = next((o for o in iter_occurrences(event) if o.end >= today), None)
        if upcoming is not None:
            found.append(upcoming)
    return heapq.nsmallest(
        count, found, key=lambda o: (o.start, o.event.start_time or dt.time.min, o.event.title)
    )


def _order(o: Occurrence) -> tuple:
    return (o.start, o.event.start_time or dt.time.min, o.event.title)


def fold_words(text: str) -> list[str]:
    from mnhsc_desktop.core.text import fold

    return fold(text).split()


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
