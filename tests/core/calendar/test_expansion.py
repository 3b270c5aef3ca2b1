"""Series are made only as far as a view asks, and a range gives exactly what the whole list
would: the month view of a calendar with hundreds of endless series stays quick."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.events import Event, Repeat
from mnhsc_desktop.core.calendar.series import one_occurrence

START = dt.date(2024, 1, 1)


def event(uid: str, start: dt.date, days: int = 0, repeat: Repeat | None = None,
          rule: str = "", at: int | None = 9) -> Event:  # fmt: skip
    timed = {"start_time": dt.time(at), "end_time": dt.time(at + 1)} if at is not None else {}
    imported = {"zone": "America/New_York", "origin": "imported",
                "zone_start": dt.datetime.combine(start, dt.time(at or 0))} if rule else {}  # fmt: skip
    return Event(uid=uid, title=f"Event {uid}", kind="meeting", start=start,
                 end=start + dt.timedelta(days=days), repeat=repeat, rule=rule,
                 **timed, **imported)  # fmt: skip


WEEKLY = event("weekly", START, repeat=Repeat("weekly"))  # no end: up to the cap


def test_a_month_makes_a_series_only_up_to_that_month() -> None:
    calendar = Calendar([], [WEEKLY])
    shown = calendar.in_range(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert [o.start.day for o in shown] == [3, 10, 17, 24, 31]
    made = calendar._made[WEEKLY]  # what has been made: 2024 and March 2025, not 1,000 weeks
    assert 60 < len(made.found) < 70


def test_an_open_list_shows_repeats_a_year_past_the_last_event_and_says_so() -> None:
    single = event("single", dt.date(2026, 6, 1))
    calendar = Calendar([], [WEEKLY, single])
    until = calendar.listed_to(dt.date(2026, 1, 1))
    assert until == dt.date(2027, 6, 2)  # a year past the last single event
    shown = calendar.in_range(dt.date(2026, 1, 1), None)
    assert shown[-1].start <= until < shown[-1].start + dt.timedelta(days=7)
    assert calendar.continues_past(until), "an endless series goes on: the agenda says so"
    ended = event("ended", START, repeat=Repeat("weekly", count=3))
    assert not Calendar([], [ended, single]).continues_past(until)


def test_a_series_far_ahead_still_shows_its_first_year_in_the_whole_calendar() -> None:
    later = event("later", dt.date(2031, 1, 6), repeat=Repeat("weekly"))
    shown = Calendar([], [later]).in_range(None, None)
    assert shown[0].start == dt.date(2031, 1, 6) and len(shown) >= 52


def test_a_rebuilt_calendar_keeps_what_its_unchanged_series_made() -> None:
    other = event("other", START, repeat=Repeat("monthly", byday="2TU"))
    first = Calendar([], [WEEKLY, other])
    first.in_range(dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    edited = other.with_changes(title="Renamed")
    second = Calendar([], [WEEKLY, edited], reuse=first)
    assert second._made[WEEKLY] is first._made[WEEKLY]
    assert second._made[edited] is not first._made[other]
    assert [o.event.title for o in second.in_range(dt.date(2025, 1, 14), dt.date(2025, 1, 14))
            ] == ["Renamed"]  # fmt: skip


SHAPES = [
    Repeat("weekly"), Repeat("weekly", byday="MO,WE,FR", count=40), Repeat("monthly", byday="-1FR"),
    Repeat("daily", interval=3, until=dt.date(2025, 6, 30)), Repeat("yearly", count=3),
]  # fmt: skip


@st.composite
def calendars(draw) -> list[Event]:
    events = []
    for n in range(draw(st.integers(1, 8))):
        start = START + dt.timedelta(days=draw(st.integers(0, 600)))
        kind = draw(st.sampled_from(["single", "long", "series", "rule", "allday"]))
        if kind == "single":
            events.append(event(f"e{n}", start))
        elif kind == "long":
            events.append(event(f"e{n}", start, days=draw(st.integers(1, 20)), at=None))
        elif kind == "rule":
            events.append(event(f"e{n}", start, rule="FREQ=WEEKLY;BYDAY=TU,TH;COUNT=30"))
        else:
            events.append(event(f"e{n}", start, days=1 if kind == "allday" else 0,
                                repeat=draw(st.sampled_from(SHAPES)),
                                at=None if kind == "allday" else 9))  # fmt: skip
    series = [e for e in events if e.repeats]
    if series and draw(st.booleans()):  # a changed occurrence replaces the one it moves
        moved = series[0].with_changes(start_time=dt.time(15), end_time=dt.time(16))
        events.append(one_occurrence(series[0], series[0].start, moved))
    return events


@settings(max_examples=60)
@given(calendars(), st.integers(0, 900), st.integers(0, 120))
def test_a_range_gives_exactly_what_the_whole_list_holds_for_it(events, offset, days) -> None:
    start = START + dt.timedelta(days=offset)
    end = start + dt.timedelta(days=days)
    whole = Calendar([], events).occurrences()
    expected = [o.key for o in whole if o.end >= start and o.start <= end]
    fresh = Calendar([], events)
    assert [o.key for o in fresh.in_range(start, end)] == expected
    fresh.in_range(end, end + dt.timedelta(days=30))  # made further: the same range again
    assert [o.key for o in fresh.in_range(start, end)] == expected
