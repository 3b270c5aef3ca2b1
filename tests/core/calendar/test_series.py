"""This occurrence, this and following, or all: each leaves the calendar as Outlook would."""

from __future__ import annotations

import datetime as dt

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.events import Event, Repeat
from mnhsc_desktop.core.calendar.expansion import expand
from mnhsc_desktop.core.calendar.series import ended_before, from_day, one_occurrence, without

MONDAYS = Event(uid="huddle@test", title="Huddle", kind="meeting", start=dt.date(2027, 1, 4),
                end=dt.date(2027, 1, 4), start_time=dt.time(8, 30), end_time=dt.time(8, 45),
                origin="local", repeat=Repeat("weekly", count=6))  # fmt: skip


def shown(*events: Event) -> list[tuple[int, int, str, dt.time | None]]:
    return [(o.start.month, o.start.day, o.event.title, o.event.start_time)
            for o in Calendar([], list(events)).occurrences()]  # fmt: skip


def test_change_only_this_occurrence() -> None:
    moved = MONDAYS.with_changes(start_time=dt.time(9), title="Huddle (late)")
    override = one_occurrence(MONDAYS, dt.date(2027, 1, 18), moved)
    assert shown(MONDAYS, override)[1:4] == [
        (1, 11, "Huddle", dt.time(8, 30)), (1, 18, "Huddle (late)", dt.time(9)),
        (1, 25, "Huddle", dt.time(8, 30)),
    ]  # fmt: skip


def test_delete_only_this_occurrence() -> None:
    assert [d for _m, d, *_ in shown(without(MONDAYS, dt.date(2027, 1, 18)))] == [4, 11, 25, 1, 8]


def test_change_this_and_following_splits_the_series_and_keeps_the_count() -> None:
    day = dt.date(2027, 1, 18)
    later = MONDAYS.with_changes(start_time=dt.time(10), start=day, end=day)
    first, rest = ended_before(MONDAYS, day), from_day(MONDAYS, day, later)
    assert len(expand(first)) == 2 and len(expand(rest)) == 4, "6 in all, as before"
    assert shown(first, rest) == [
        (1, 4, "Huddle", dt.time(8, 30)), (1, 11, "Huddle", dt.time(8, 30)),
        (1, 18, "Huddle", dt.time(10)), (1, 25, "Huddle", dt.time(10)),
        (2, 1, "Huddle", dt.time(10)), (2, 8, "Huddle", dt.time(10)),
    ]  # fmt: skip
    assert rest.uid != first.uid


def test_an_imported_rule_is_cut_and_continued_in_its_own_terms() -> None:
    tuesdays = MONDAYS.with_changes(repeat=None, rule="FREQ=MONTHLY;BYDAY=2TU;COUNT=5",
                                    start=dt.date(2027, 1, 12), end=dt.date(2027, 1, 12),
                                    origin="imported")  # fmt: skip
    day = dt.date(2027, 3, 9)
    first = ended_before(tuesdays, day)
    rest = from_day(tuesdays, day, tuesdays.with_changes(start=day, end=day))
    assert first.rule.endswith("COUNT=2") and rest.rule.endswith("COUNT=3")
    days = [o.start for o in expand(first) + expand(rest)]
    assert days == [dt.date(2027, m, d) for m, d in ((1, 12), (2, 9), (3, 9), (4, 13), (5, 11))]


def test_weekly_on_several_days_and_monthly_on_the_last_friday() -> None:
    several = MONDAYS.with_changes(repeat=Repeat("weekly", count=6, byday="MO,WE,FR"))
    assert [o.start.day for o in expand(several)] == [4, 6, 8, 11, 13, 15]
    last_friday = MONDAYS.with_changes(start=dt.date(2027, 1, 29), end=dt.date(2027, 1, 29),
                                       repeat=Repeat("monthly", count=3, byday="-1FR"))  # fmt: skip
    assert [o.start for o in expand(last_friday)] == [
        dt.date(2027, 1, 29), dt.date(2027, 2, 26), dt.date(2027, 3, 26)
    ]  # fmt: skip
