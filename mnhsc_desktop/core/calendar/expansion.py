"""The occurrences of each event, made as far as a view needs and kept.

A calendar from a trust can hold hundreds of repeating series, many with no end (a weekly ward
meeting). Making every occurrence of every series up to the cap (recurrence.MAX_OCCURRENCES)
took seconds for 500 series, on opening the calendar and again after each edit. A series is
now made one occurrence at a time, only up to the last day a view asks for; what was made is
kept for the series (and handed on when the calendar is rebuilt after an edit, so only the
edited series is made again).
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace

from mnhsc_desktop.core.calendar.events import Event


@dataclass(frozen=True, slots=True)  # thousands of these: no per-object dict
class Occurrence:
    """One appearance of an event on the calendar (a repeating event has several)."""

    event: Event
    start: dt.date
    end: dt.date

    @property
    def key(self) -> tuple[str, dt.date]:
        return (self.event.uid, self.start)


def expand(event: Event) -> list[Occurrence]:
    """The occurrences of one event; a repeat stops at its count, its end date or the cap
    (recurrence.MAX_OCCURRENCES). A series in another zone is shown at each date's UK time."""
    return list(iter_occurrences(event))


def iter_occurrences(event: Event) -> Iterator[Occurrence]:
    """The occurrences `expand` gives, in order, made one at a time."""
    length = event.end - event.start
    if not event.repeats:
        yield Occurrence(event, event.start, event.end)
        return
    from mnhsc_desktop.core.calendar.recurrence import in_uk, iter_starts

    if event.start_time is None:
        for day in iter_starts(event):
            yield Occurrence(event, day, day + length)  # type: ignore[operator]
        return
    first = dt.datetime.combine(event.start, event.start_time)
    last = dt.datetime.combine(event.end, event.end_time or event.start_time)
    duration = last - first
    shifted: dict[tuple[dt.time, dt.time], Event] = {}  # a handful: one per clock change
    for moment in iter_starts(event):
        day, time = in_uk(moment)  # type: ignore[arg-type]
        if time == event.start_time:
            yield Occurrence(event, day, day + length)
            continue
        finish = dt.datetime.combine(day, time) + duration
        moved = shifted.get((time, finish.time()))
        if moved is None:
            moved = shifted[(time, finish.time())] = replace(
                event, start_time=time,
                end_time=finish.time() if event.end_time is not None else None,
            )  # fmt: skip
        yield Occurrence(moved, day, finish.date())


class Made:
    """One series' occurrences so far, and the means to make more. Safe to share between
    threads (an import is planned off the window while the window shows the calendar)."""

    __slots__ = ("_lock", "_rest", "done", "found", "longest", "starts")

    def __init__(self, event: Event) -> None:
        self.found: list[Occurrence] = []
        self.starts: list[dt.date] = []
        self.longest = dt.timedelta(0)
        self.done = False
        self._rest = iter_occurrences(event)
        self._lock = threading.Lock()

    def through(self, day: dt.date | None) -> None:
        """Make occurrences until one starts after `day` (or all of them, for None)."""
        with self._lock:
            while not self.done and (day is None or not self.starts or self.starts[-1] <= day):
                occurrence = next(self._rest, None)
                if occurrence is None:
                    self.done = True
                    break
                self.found.append(occurrence)
                self.starts.append(occurrence.start)
                self.longest = max(self.longest, occurrence.end - occurrence.start)

    def between(self, start: dt.date | None, end: dt.date | None) -> list[Occurrence]:
        """Those overlapping [start, end] (made first if need be)."""
        self.through(end)
        high = len(self.found) if end is None else bisect.bisect_right(self.starts, end)
        if start is None:
            return self.found[:high]
        low = bisect.bisect_left(self.starts, start - self.longest)
        return [o for o in self.found[low:high] if o.end >= start]

    def goes_past(self, day: dt.date) -> bool:
        """Whether the series has an occurrence starting after `day`."""
        self.through(day)
        return bool(self.starts) and self.starts[-1] > day

    def first_start(self) -> dt.date | None:
        self.through(dt.date.min)
        return self.starts[0] if self.starts else None
