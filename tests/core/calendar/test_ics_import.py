"""Import: each quirk of real calendar files, each refusal, and re-imports that update in place."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from mnhsc_desktop.core.calendar.calendar import Calendar, save_events, stored_events
from mnhsc_desktop.core.calendar.events import Event, from_shipped
from mnhsc_desktop.core.calendar.expansion import expand
from mnhsc_desktop.core.calendar.ics.exporter import export_calendar
from mnhsc_desktop.core.calendar.ics.import_plan import apply_import, plan_import
from mnhsc_desktop.core.calendar.ics.importer import ImportRefused
from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.store.store import Store
from tests.conftest import REPO, SHIPPED_CONTENT

FIXTURES = REPO / "tests" / "fixtures" / "ics"
EMPTY = Calendar([], [])


def only(plan, title: str) -> Event:
    (event,) = [e for e in plan.new if e.title == title]
    return event


def test_windows_zone_names_are_understood() -> None:
    plan = plan_import(FIXTURES / "windows-zones.ics", EMPTY)
    workshop = only(plan, "Trust QI workshop")
    assert (workshop.start, workshop.start_time, workshop.end_time) == (
        dt.date(2019, 6, 12),
        dt.time(9, 30),
        dt.time(12, 30),
    )
    assert workshop.location == "Education Centre, Room 2"
    berlin = only(plan, "Call with Berlin team")
    assert berlin.start_time == dt.time(14, 0), "15:00 in Berlin is 14:00 in London in January"
    huddle = only(plan, "Huddle")
    assert huddle.start_time == dt.time(8, 30), "Outlook's display name for London"
    assert plan.notes == [] and plan.skipped == []


def test_x_wr_timezone_sets_floating_times_and_utc_is_converted() -> None:
    plan = plan_import(FIXTURES / "x-wr-timezone-and-utc.ics", EMPTY)
    webinar = only(plan, "Transatlantic webinar")
    assert (webinar.start_time, webinar.end_time) == (dt.time(15, 0), dt.time(16, 0))
    summer = only(plan, "UTC event in summer")
    assert summer.start_time == dt.time(15, 0), "14:00 UTC is 15:00 BST"


def test_floating_times_are_uk_time_and_bare_lf_is_fine() -> None:
    plan = plan_import(FIXTURES / "floating-lf.ics", EMPTY)
    meeting = only(plan, "Floating morning meeting")
    assert meeting.start_time == dt.time(9, 0)
    assert meeting.notes == ("Bring the run chart\nand the PDSA log",)


def test_a_byte_order_mark_and_welsh_and_emoji_are_read() -> None:
    plan = plan_import(FIXTURES / "bom-utf8.ics", EMPTY)
    (event,) = plan.new
    assert event.title == "Ysbyty Gwynedd – gweithdy 👋"
    assert (event.start, event.end) == (dt.date(2019, 5, 20), dt.date(2019, 5, 21))


def test_non_utf8_text_falls_back_and_says_so() -> None:
    plan = plan_import(FIXTURES / "latin1.ics", EMPTY)
    assert plan.new[0].title == "Café sessions · naïve questions"
    assert "not UTF-8" in plan.notes[0]


def test_recurrence_overrides_and_exdates() -> None:
    plan = plan_import(FIXTURES / "recurrence-override.ics", EMPTY)
    series, moved = sorted(plan.new, key=lambda e: e.recurrence_id or dt.date.min)
    assert series.repeat is None and series.rule == "FREQ=WEEKLY;COUNT=6", "kept as written"
    assert series.exdates == (dt.date(2019, 1, 21),)
    assert moved.recurrence_id == dt.date(2019, 1, 28) and moved.uid == series.uid
    assert moved.key != series.key
    days = [o.start.day for o in expand(series)]
    assert days == [7, 14, 28, 4, 11], "6 weekly dates, less the one excluded"
    shown = Calendar([], [series, moved]).occurrences()
    late_january = [
        (o.start.day, o.event.key) for o in shown if o.start.month == 1 and o.start.day > 27
    ]
    assert late_january == [(29, moved.key)], "the change replaces its occurrence (not twice)"


def test_bad_events_are_skipped_with_reasons_and_the_rest_imported() -> None:
    started = time.monotonic()
    plan = plan_import(FIXTURES / "some-bad-events.ics", EMPTY)
    assert time.monotonic() - started < 2, "an endless repeat must not hang"
    assert sorted(e.title for e in plan.new) == ["Daily forever", "Good event"]
    reasons = {s.title: s.reason for s in plan.skipped}
    assert reasons["No start"] == "has no start date (DTSTART)"
    assert reasons["Bad date"].startswith("has a date that cannot be read")
    assert reasons["Ends before it starts"] == "ends before it starts"
    assert "FREQ=SECONDLY" in reasons["Every second forever"]
    assert [s.line for s in plan.skipped] == [10, 15, 21, 28], "each named by where it starts"
    forever = only(plan, "Daily forever")
    assert len(expand(forever)) == 1000, "shown up to a cap, never endlessly"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.ics", "it is empty"),
        ("not-a-calendar.html", "it is a web page (HTML), not a calendar"),
        ("contact.vcf", "it is a contact card (vCard), not a calendar"),
        ("unterminated.ics", "it ends before END:VEVENT (opened on line 4) (line 4)"),
    ],
)
def test_files_that_are_not_calendars_are_refused_with_the_reason(name: str, reason: str) -> None:
    with pytest.raises(ImportRefused) as refusal:
        plan_import(FIXTURES / name, EMPTY)
    assert str(refusal.value) == f"{name} cannot be imported: {reason}."


def test_binary_absurdly_nested_and_oversized_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "photo.ics"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ImportRefused, match="binary file"):
        plan_import(binary, EMPTY)
    nested = tmp_path / "nested.ics"
    nested.write_text("BEGIN:VCALENDAR\n" + "BEGIN:X\n" * 50 + "END:X\n" * 50 + "END:VCALENDAR\n")
    with pytest.raises(ImportRefused, match="nests components more than 8 deep"):
        plan_import(nested, EMPTY)
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as handle:
        handle.write(b"BEGIN:VCALENDAR\r\n")
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(ImportRefused, match="21 MB; the largest calendar accepted is 20 MB"):
        plan_import(huge, EMPTY)


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


def calendar_of(store: Store) -> Calendar:
    shipped = [from_shipped(i) for i in load_content(SHIPPED_CONTENT).calendar.events]
    return Calendar(shipped, stored_events(store))


def test_reimporting_the_same_file_changes_nothing(store: Store) -> None:
    first = plan_import(FIXTURES / "windows-zones.ics", calendar_of(store))
    apply_import(store, first)
    again = plan_import(FIXTURES / "windows-zones.ics", calendar_of(store))
    assert (len(again.new), len(again.updated), len(again.unchanged)) == (0, 0, 3)
    assert apply_import(store, again) is None


def test_a_changed_event_with_the_same_uid_updates_in_place(store: Store, tmp_path: Path) -> None:
    apply_import(store, plan_import(FIXTURES / "windows-zones.ics", calendar_of(store)))
    changed = tmp_path / "changed.ics"
    text = (FIXTURES / "windows-zones.ics").read_text()
    changed.write_text(
        text.replace("20190612T093000", "20190619T093000").replace(
            "20190612T123000", "20190619T123000"
        )
    )
    plan = plan_import(changed, calendar_of(store))
    assert [e.title for e in plan.updated] == ["Trust QI workshop"]
    apply_import(store, plan)
    events = {e.title: e for e in stored_events(store)}
    assert events["Trust QI workshop"].start == dt.date(2019, 6, 19)
    assert len(events) == 3, "updated, not duplicated"


def test_an_older_revision_does_not_overwrite_a_newer_one(store: Store, tmp_path: Path) -> None:
    apply_import(store, plan_import(FIXTURES / "recurrence-override.ics", calendar_of(store)))
    older = tmp_path / "older.ics"
    older.write_text(
        (FIXTURES / "recurrence-override.ics")
        .read_text()
        .replace("SEQUENCE:2", "SEQUENCE:1")
        .replace("COUNT=6", "COUNT=3")
    )
    plan = plan_import(older, calendar_of(store))
    assert plan.updated == [] and "older version" in plan.skipped[0].reason


def test_shipped_events_cannot_be_changed_by_an_import(store: Store, tmp_path: Path) -> None:
    calendar = calendar_of(store)
    hypo = next(e for e in calendar.shipped if e.title == "Neonatal hypoglycaemia")
    edited = tmp_path / "edited.ics"
    edited.write_bytes(export_calendar([hypo.with_changes(title="Neonatal hypoglycaemia (moved)")]))
    plan = plan_import(edited, calendar)
    assert plan.new == [] and "came with the app" in plan.skipped[0].reason


def test_export_then_import_into_a_fresh_store_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    own = Event(uid="own-1@test", title="Our workshop", kind="workshop", start=dt.date(2026, 1, 5),
                end=dt.date(2026, 1, 5), start_time=dt.time(13), end_time=dt.time(14), origin="local")  # fmt: skip
    save_events(store, [own])
    calendar = calendar_of(store)
    path = tmp_path / "all.ics"
    path.write_bytes(export_calendar(calendar.events))
    plan = plan_import(path, calendar)
    assert (len(plan.new), len(plan.updated), len(plan.skipped)) == (0, 0, 0)
    assert len(plan.unchanged) == len(calendar.events)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_device_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "calendar.ics")
    with pytest.raises(ImportRefused, match="not an ordinary file"):
        plan_import(tmp_path / "calendar.ics", EMPTY)
    if Path("/dev/zero").exists():
        with pytest.raises(ImportRefused, match="not an ordinary file"):
            plan_import(Path("/dev/zero"), EMPTY)


def test_the_same_event_twice_keeps_the_highest_revision(tmp_path: Path) -> None:
    """A file with a re-sent invitation listed the first copy, even when it was the older one."""

    def vevent(sequence: int, summary: str) -> str:
        return (
            "BEGIN:VEVENT\r\nUID:ward-huddle@trust\r\nDTSTAMP:20260101T090000Z\r\n"
            f"SEQUENCE:{sequence}\r\nDTSTART;VALUE=DATE:20260310\r\nSUMMARY:{summary}\r\n"
            "END:VEVENT\r\n"
        )

    path = tmp_path / "resent.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + vevent(2, "Huddle (moved)")
        + vevent(1, "Huddle")
        + vevent(2, "Huddle (moved again)")
        + "END:VCALENDAR\r\n",
        newline="",
    )
    plan = plan_import(path, EMPTY)
    assert [e.title for e in plan.new] == ["Huddle (moved again)"]
    assert len(plan.skipped) == 2 and "revision 2 was used" in plan.skipped[0].reason


def test_text_outside_any_calendar_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "trailing.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\nSUMMARY:stray\r\n")
    with pytest.raises(ImportRefused) as refusal:
        plan_import(path, EMPTY)
    assert refusal.value.line == 4 and "outside BEGIN:VCALENDAR" in refusal.value.reason


def test_a_large_file_read_in_pieces_gives_what_one_reading_gives(tmp_path, monkeypatch) -> None:
    """A large calendar is read 500 events at a time (the window stays responsive): every
    piece keeps the calendar's zones and properties, and skipped events keep their lines."""
    from mnhsc_desktop.core.calendar.ics import importer

    zone = ("BEGIN:VTIMEZONE\r\nTZID:Ward Time\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
            "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")  # fmt: skip
    events = "".join(
        f"BEGIN:VEVENT\r\nUID:e{n}\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Event {n}\r\n"
        + (f"DTSTART;TZID=Ward Time:2027{1 + n % 12:02d}{1 + n % 28:02d}T100000\r\n"
           if n % 97 else "DTSTART:not-a-date\r\n")
        + "END:VEVENT\r\n" for n in range(1234)
    )  # fmt: skip
    path = tmp_path / "big.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nX-WR-CALNAME:Big\r\n"
                    f"{zone}{events}END:VCALENDAR\r\n", newline="")  # fmt: skip
    pieces = plan_import(path, EMPTY)
    monkeypatch.setattr(importer, "PIECE", 10**9)
    whole = plan_import(path, EMPTY)
    assert len(pieces.new) == len(whole.new) == 1234 - 13
    assert pieces.new == whole.new
    assert [s.line for s in pieces.skipped] == [s.line for s in whole.skipped]
    assert pieces.new[1].start_time == dt.time(8), "10:00 in Ward Time (+2) is 08:00 GMT"
