"""Recurrence checked against figures others wrote: RFC 5545's own examples (section 3.8.5.3,
each with the dates the RFC lists), and the shapes Outlook, Google and Thunderbird write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.expansion import expand
from mnhsc_desktop.core.calendar.ics.exporter import export_calendar
from mnhsc_desktop.core.calendar.ics.import_plan import plan_import
from mnhsc_desktop.core.calendar.repeat_words import describe_repeat

NEW_YORK = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
EMPTY = Calendar([], [])

# (what the RFC calls it, DTSTART in New York, RRULE, the dates the RFC lists, all at 09:00 there)
RFC_EXAMPLES = [
    ("Daily for 10 occurrences", "19970902T090000", "FREQ=DAILY;COUNT=10",
     [(1997, 9, d) for d in range(2, 12)]),
    ("Weekly on Tuesday and Thursday for five weeks", "19970902T090000",
     "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
     [(1997, 9, d) for d in (2, 4, 9, 11, 16, 18, 23, 25, 30)] + [(1997, 10, 2)]),
    ("Monthly on the first Friday for 10 occurrences", "19970905T090000",
     "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
     [(1997, 9, 5), (1997, 10, 3), (1997, 11, 7), (1997, 12, 5), (1998, 1, 2), (1998, 2, 6),
      (1998, 3, 6), (1998, 4, 3), (1998, 5, 1), (1998, 6, 5)]),
    ("Every other month on the first and last Sunday, 10 occurrences", "19970907T090000",
     "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
     [(1997, 9, 7), (1997, 9, 28), (1997, 11, 2), (1997, 11, 30), (1998, 1, 4), (1998, 1, 25),
      (1998, 3, 1), (1998, 3, 29), (1998, 5, 3), (1998, 5, 31)]),
    ("Monthly on the second-to-last Monday for 6 months", "19970922T090000",
     "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
     [(1997, 9, 22), (1997, 10, 20), (1997, 11, 17), (1997, 12, 22), (1998, 1, 19),
      (1998, 2, 16)]),
    ("Third of Tuesday, Wednesday or Thursday, for 3 months", "19970904T090000",
     "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
     [(1997, 9, 4), (1997, 10, 7), (1997, 11, 6)]),
    ("Monthly on the 2nd and 15th for 10 occurrences", "19970902T090000",
     "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
     [(1997, m, d) for m in (9, 10, 11, 12) for d in (2, 15)] + [(1998, 1, 2), (1998, 1, 15)]),
    ("Every 3rd year on the 1st, 100th and 200th day, 10 occurrences", "19970101T090000",
     "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
     [(1997, 1, 1), (1997, 4, 10), (1997, 7, 19), (2000, 1, 1), (2000, 4, 9), (2000, 7, 18),
      (2003, 1, 1), (2003, 4, 10), (2003, 7, 19), (2006, 1, 1)]),
]  # fmt: skip


def ics(body: str, zone_block: str = "") -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + zone_block + body
            + "END:VCALENDAR\r\n")  # fmt: skip


def vevent(uid: str, start: str, rule: str, extra: str = "", zone: str = "America/New_York") -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:{uid}\r\n"
            f"DTSTART;TZID={zone}:{start}\r\nDURATION:PT1H\r\nRRULE:{rule}\r\n{extra}"
            "END:VEVENT\r\n")  # fmt: skip


def imported(tmp_path: Path, text: str):
    path = tmp_path / "in.ics"
    path.write_text(text, encoding="utf-8", newline="")
    plan = plan_import(path, EMPTY)
    assert plan.skipped == [], plan.skipped
    return plan


@pytest.mark.parametrize(("name", "start", "rule", "dates"), RFC_EXAMPLES,
                         ids=[e[0] for e in RFC_EXAMPLES])  # fmt: skip
def test_rfc_5545_examples_give_the_rfcs_dates_at_the_right_uk_time(
    tmp_path: Path, name: str, start: str, rule: str, dates: list
) -> None:
    (series,) = imported(tmp_path, ics(vevent("rfc", start, rule))).new
    assert series.rule == rule and series.zone == "America/New_York", "kept as written"
    shown = [(o.start, o.event.start_time) for o in expand(series)]
    expected = []
    for year, month, day in dates:  # 09:00 in New York, said in UK time by zoneinfo
        uk = dt.datetime(year, month, day, 9, tzinfo=NEW_YORK).astimezone(LONDON)
        expected.append((uk.date(), uk.time()))
    assert shown == expected


def test_a_series_keeps_its_wall_time_across_both_countries_clock_changes(tmp_path) -> None:
    """9am in New York is 2pm in the UK most of the year, 1pm for the weeks when one country
    has changed its clocks and the other has not: never a drift of its own."""
    (series,) = imported(tmp_path, ics(vevent("ny", "20250303T090000",
                                              "FREQ=WEEKLY;COUNT=5"))).new  # fmt: skip
    times = [(o.start.day, o.event.start_time) for o in expand(series)]
    assert times == [(3, dt.time(14)), (10, dt.time(13)), (17, dt.time(13)), (24, dt.time(13)),
                     (31, dt.time(14))]  # fmt: skip


def test_a_zone_the_file_defines_itself(tmp_path: Path) -> None:
    zone = (
        "BEGIN:VTIMEZONE\r\nTZID:Ward Eastern\r\nBEGIN:STANDARD\r\nDTSTART:19701101T020000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n"
        "END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\n"
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n"
        "END:DAYLIGHT\r\nEND:VTIMEZONE\r\n"
    )
    text = ics(vevent("own-zone", "20250303T090000", "FREQ=WEEKLY;COUNT=2",
                      zone="Ward Eastern"), zone)  # fmt: skip
    (series,) = imported(tmp_path, text).new
    assert series.zone == "Ward Eastern" and "BEGIN:VTIMEZONE" in series.zone_ical
    assert [o.event.start_time for o in expand(series)] == [dt.time(14), dt.time(13)]
    again = tmp_path / "again.ics"
    again.write_bytes(export_calendar([series]))
    (back,) = plan_import(again, EMPTY).new
    assert [o.start for o in expand(back)] == [o.start for o in expand(series)]


def test_rdate_and_exdate(tmp_path: Path) -> None:
    extra = ("RDATE;TZID=Europe/London:20250307T100000\r\n"
             "EXDATE;TZID=Europe/London:20250310T100000\r\n")  # fmt: skip
    (series,) = imported(tmp_path, ics(vevent("r", "20250303T100000", "FREQ=WEEKLY;COUNT=3",
                                              extra, zone="Europe/London"))).new  # fmt: skip
    assert [o.start.day for o in expand(series)] == [3, 7, 17]
    assert "and on 1 more date" in describe_repeat(series)


def test_outlook_shapes_are_described_as_outlook_says_them(tmp_path: Path) -> None:
    body = (vevent("a", "20250304T090000", "FREQ=MONTHLY;BYDAY=2TU;COUNT=6", zone="Europe/London")
            + vevent("b", "20250328T090000", "FREQ=MONTHLY;BYDAY=-1FR", zone="Europe/London")
            + vevent("c", "20250303T090000", "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20250331T235959Z",
                     zone="Europe/London"))  # fmt: skip
    plan = imported(tmp_path, ics(body))
    said = {e.uid: describe_repeat(e) for e in plan.new}
    assert said["a"] == "Repeats every month on the 2nd Tuesday, 6 times"
    assert said["b"].startswith("Repeats every month on the last Friday. It has no end")
    assert said["c"] == "Repeats every week on Mon, Wed and Fri until Mon 31 Mar 2025"
    second_tuesdays = [o.start for o in expand(next(e for e in plan.new if e.uid == "a"))]
    # DTSTART (the 1st Tuesday) is always the first occurrence (RFC 5545), and counts in COUNT
    assert second_tuesdays == [dt.date(2025, 3, 4), dt.date(2025, 3, 11), dt.date(2025, 4, 8),
                               dt.date(2025, 5, 13), dt.date(2025, 6, 10), dt.date(2025, 7, 8)]  # fmt: skip


def test_several_calendars_in_one_file_are_read_whole(tmp_path: Path) -> None:
    one = ics(vevent("first", "20250303T090000", "FREQ=DAILY;COUNT=2", zone="Europe/London"))
    two = ics(vevent("second", "20250304T090000", "FREQ=DAILY;COUNT=2", zone="Europe/London"))
    assert sorted(e.uid for e in imported(tmp_path, one + two).new) == ["first", "second"]


def test_a_changed_occurrence_exported_and_read_back_shows_once(tmp_path: Path) -> None:
    """An exported change carried its new time in RECURRENCE-ID, so a re-import showed the
    occurrence twice: once moved, once where the series put it."""
    body = (vevent("weekly", "20250303T090000", "FREQ=WEEKLY;COUNT=3", zone="Europe/London")
            + "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Moved\r\n"
            "RECURRENCE-ID;TZID=Europe/London:20250310T090000\r\n"
            "DTSTART;TZID=Europe/London:20250310T150000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n")  # fmt: skip
    plan = imported(tmp_path, ics(body))
    out = tmp_path / "out.ics"
    out.write_bytes(export_calendar(plan.new))
    assert "RECURRENCE-ID;TZID=Europe/London:20250310T090000" in out.read_text()
    back = plan_import(out, EMPTY).new
    shown = Calendar([], back).occurrences()
    assert [(o.start.day, o.event.title, o.event.start_time) for o in shown] == [
        (3, "weekly", dt.time(9)), (10, "Moved", dt.time(15)), (17, "weekly", dt.time(9))
    ]  # fmt: skip


def test_the_same_uid_twice_the_latest_stamp_wins_on_a_tie(tmp_path: Path) -> None:
    def copy(stamp: str, title: str) -> str:
        return (f"BEGIN:VEVENT\r\nUID:dup\r\nDTSTAMP:{stamp}\r\nSEQUENCE:1\r\n"
                f"DTSTART;VALUE=DATE:20250310\r\nSUMMARY:{title}\r\nEND:VEVENT\r\n")  # fmt: skip

    path = tmp_path / "dup.ics"
    path.write_text(ics(copy("20250102T000000Z", "Newer") + copy("20250101T000000Z", "Older")))
    plan = plan_import(path, EMPTY)
    assert [e.title for e in plan.new] == ["Newer"] and len(plan.skipped) == 1


def test_other_readers_find_the_same_occurrences_in_our_export(tmp_path: Path) -> None:
    """Two independent readers of what we write: recurring-ical-events (on icalendar) gives the
    same moments; vobject the same wall-clock times in New York (it misreads the offsets of a
    VTIMEZONE written as RDATE lists, as icalendar writes them, so only wall time is compared)."""
    import icalendar
    import recurring_ical_events
    import vobject

    body = "".join(vevent(f"s{n}", start, rule) for n, (_, start, rule, _) in
                   enumerate(RFC_EXAMPLES))  # fmt: skip
    plan = imported(tmp_path, ics(body))
    written = export_calendar(plan.new).decode()
    expanded = recurring_ical_events.of(icalendar.Calendar.from_ical(written)).between(
        dt.date(1997, 1, 1), dt.date(2007, 1, 1))  # fmt: skip
    by_uid: dict[str, list[dt.datetime]] = {}
    for occurrence in expanded:
        by_uid.setdefault(str(occurrence["UID"]), []).append(occurrence["DTSTART"].dt)
    wall = {c.uid.value: [m.replace(tzinfo=None) for m in c.getrruleset()]
            for c in vobject.readOne(written).vevent_list}  # fmt: skip
    for series in plan.new:
        ours = [dt.datetime.combine(o.start, o.event.start_time, LONDON) for o in expand(series)]
        assert ours == sorted(by_uid[series.uid]), series.uid
        assert [m.astimezone(NEW_YORK).replace(tzinfo=None) for m in ours] == wall[series.uid]


def test_a_change_to_this_and_all_future_occurrences(tmp_path: Path) -> None:
    """RECURRENCE-ID;RANGE=THISANDFUTURE (RFC 5545 3.8.4.4): from that day on, as changed."""
    body = (vevent("w", "20250303T090000", "FREQ=WEEKLY;COUNT=5", zone="Europe/London")
            + "BEGIN:VEVENT\r\nUID:w\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:w (later)\r\n"
            "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/London:20250317T090000\r\n"
            "DTSTART;TZID=Europe/London:20250317T110000\r\nDURATION:PT1H\r\nEND:VEVENT\r\n")  # fmt: skip
    plan = imported(tmp_path, ics(body))
    shown = Calendar([], plan.new).occurrences()
    assert [(o.start.day, o.event.title, o.event.start_time.hour) for o in shown] == [
        (3, "w", 9), (10, "w", 9), (17, "w (later)", 11), (24, "w (later)", 11),
        (31, "w (later)", 11)
    ]  # fmt: skip
    assert any("changes its series" in note for note in plan.notes)
