"""Choosing what to export: all events, a filter, or a date range (shared by the GUI and the CLI)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.events import Event
from mnhsc_desktop.core.calendar.expansion import iter_occurrences


def events_between(
    events: Iterable[Event], start: dt.date | None, end: dt.date | None
) -> list[Event]:
    """Events with at least one occurrence overlapping [start, end]; a series goes whole."""
    chosen = []
    for event in events:
        if start is None and end is None:
            chosen.append(event)
            continue
        for occurrence in iter_occurrences(event):  # made only until one is found, or passed
            if end is not None and occurrence.start > end:
                break
            if start is None or occurrence.end >= start:
                chosen.append(event)
                break
    return chosen


def select_for_export(
    calendar: Calendar,
    kinds: Iterable[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[Event]:
    wanted = set(kinds)
    events = [e for e in calendar.events if not wanted or e.kind in wanted]
    return events_between(events, start, end)
