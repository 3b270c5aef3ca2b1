"""Property tests: whatever an event holds survives export and import unchanged, and times
written in any zone by another program land at the right UK time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mnhsc_desktop.core.calendar.calendar import Calendar
from mnhsc_desktop.core.calendar.events import KINDS, Event, Repeat, Resource
from mnhsc_desktop.core.calendar.ics.exporter import export_calendar
from mnhsc_desktop.core.calendar.ics.import_plan import plan_import

# Text as people type it: commas, semicolons, backslashes, new lines, emoji, Welsh and accents.
words = st.sampled_from(
    ["Ysbyty", "Gwynedd", "Llandŵ", "café", "naïve", "Zoë", "👋", "🩺", "a,b", "x;y", "back\\slash",
     "two\nlines", "quote\"d", "colon:here", "tab\there", "ŵŷ", "Ł", "北京"]
)  # fmt: skip
# Control characters other than tab and new line cannot be written in iCalendar text (the export
# drops them), so they are left out here.
typed = st.text(
    st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\t\n"),
    min_size=1,
    max_size=12,
)
text = st.lists(st.one_of(words, typed), min_size=1, max_size=6).map(" ".join)
clean_text = text.map(lambda t: t.replace("\r", "")).filter(lambda t: t.strip() == t and t != "")
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
times = st.times().map(lambda t: t.replace(microsecond=0))


@st.composite
def events(draw) -> Event:
    start = draw(days)
    timed = draw(st.booleans())
    length = draw(st.integers(0, 3))
    end = start + dt.timedelta(days=length)
    start_time = draw(times) if timed else None
    end_time = None
    if timed and draw(st.booleans()):
        end_time = draw(times)
        if (end, end_time) < (start, start_time):
            end_time = start_time
    elif timed:
        end = start  # a start time without an end time is a moment on one day
    repeat = None
    if draw(st.booleans()):
        freq = draw(st.sampled_from(["weekly", "monthly"]))
        if draw(st.booleans()):
            repeat = Repeat(freq, draw(st.integers(1, 4)), count=draw(st.integers(1, 30)))
        else:
            repeat = Repeat(
                freq,
                draw(st.integers(1, 4)),
                until=start + dt.timedelta(days=draw(st.integers(0, 400))),
            )
    return Event(
        uid=draw(st.uuids()).hex + "@test",
        title=draw(clean_text),
        kind=draw(st.sampled_from(sorted(KINDS))),
        start=start,
        end=end,
        start_time=start_time,
        end_time=end_time,
        location=draw(st.one_of(st.just(""), clean_text)),
        wave=draw(st.sampled_from(["", "1", "2", "3.1"])),
        notes=tuple(draw(st.lists(clean_text, max_size=3))),
        resources=tuple(Resource(t) for t in draw(st.lists(clean_text, max_size=2))),
        origin="local",
        repeat=repeat,
        sequence=draw(st.integers(0, 50)),
    )


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(events(), min_size=1, max_size=5, unique_by=lambda e: e.uid))
def test_export_then_import_gives_back_the_same_events(
    tmp_path: Path, originals: list[Event]
) -> None:
    path = tmp_path / "roundtrip.ics"
    path.write_bytes(export_calendar(originals))
    plan = plan_import(path, Calendar([], []))
    assert plan.skipped == [] and plan.notes == []
    back = {e.uid: e.with_changes(origin="local") for e in plan.new}
    assert back == {e.uid: e for e in originals}


ZONES = sorted(
    z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(ZONES),
    st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2037, 12, 31)),
)
def test_times_written_in_any_zone_by_another_program_land_at_the_right_uk_time(
    tmp_path: Path, zone: str, moment: dt.datetime
) -> None:
    aware = moment.replace(microsecond=0, tzinfo=ZoneInfo(zone))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Other program//EN")
    calendar.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", "zone-test@other")
    event.add("dtstamp", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    event.add("summary", "Meeting")
    event.add("dtstart", aware)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    path = tmp_path / "zoned.ics"
    path.write_bytes(calendar.to_ical())
    (imported,) = plan_import(path, Calendar([], [])).new
    expected = aware.astimezone(ZoneInfo("Europe/London"))
    assert (imported.start, imported.start_time) == (
        expected.date(),
        expected.time().replace(tzinfo=None),
    )
