"""Exported .ics files follow the rules Outlook and Thunderbird need, checked by two other parsers."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.calendar.events import Event, Repeat, from_shipped
from mnhsc_desktop.core.calendar.ics.exporter import export_calendar
from mnhsc_desktop.core.content.content import load_content
from tests.conftest import SHIPPED_CONTENT

UTC = dt.UTC


@pytest.fixture(scope="module")
def shipped() -> list[Event]:
    return [from_shipped(item) for item in load_content(SHIPPED_CONTENT).calendar.events]


@pytest.fixture(scope="module")
def exported(shipped) -> bytes:
    return export_calendar(shipped, now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC))


def vevents(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_calendar_header_and_every_event_has_uid_and_dtstamp(exported: bytes, shipped) -> None:
    calendar = icalendar.Calendar.from_ical(exported)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert "MNHSC Desktop" in str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == len(shipped)
    assert all("UID" in e and "DTSTAMP" in e for e in events)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/London"


def test_every_tzid_used_has_a_vtimezone(exported: bytes) -> None:
    text = exported.decode()
    used = set(re.findall(r";TZID=([^:;]+)", text))
    defined = set(re.findall(r"\r\nTZID:([^\r]+)", text))
    assert used and used <= defined


def test_all_day_events_end_the_day_after(exported: bytes) -> None:
    event = vevents(exported)["2018-05-09-wave-2-learning-set-1@mnhsc-desktop"]
    assert event.decoded("DTSTART") == dt.date(2018, 5, 9)
    assert event.decoded("DTEND") == dt.date(2018, 5, 12)
    assert "DTSTART;VALUE=DATE:20180509" in exported.decode()


def test_webex_times_are_right_in_summer_and_winter_time(exported: bytes) -> None:
    events = vevents(exported)
    october = events["2018-10-08-webex-smoke-free-pregnancy@mnhsc-desktop"].decoded("DTSTART")
    november = events["2018-11-05-webex-deterioration@mnhsc-desktop"].decoded("DTSTART")
    assert october.astimezone(UTC) == dt.datetime(2018, 10, 8, 14, 0, tzinfo=UTC)  # BST
    assert november.astimezone(UTC) == dt.datetime(2018, 11, 5, 15, 0, tzinfo=UTC)  # GMT


def test_lines_are_crlf_and_folded_within_75_octets(exported: bytes) -> None:
    assert b"\n" not in exported.replace(b"\r\n", b"")
    for line in exported.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character split across a fold


def test_uids_are_stable_across_exports(shipped) -> None:
    first = export_calendar(shipped, now=dt.datetime(2020, 1, 1, tzinfo=UTC))
    second = export_calendar(shipped, now=dt.datetime(2026, 1, 1, tzinfo=UTC))
    assert vevents(first).keys() == vevents(second).keys()


def test_a_second_independent_parser_reads_it(exported: bytes, shipped) -> None:
    calendar = vobject.readOne(exported.decode("utf-8"))
    events = calendar.contents["vevent"]
    assert len(events) == len(shipped)
    hypo = next(e for e in events if e.summary.value == "Neonatal hypoglycaemia")
    assert hypo.dtstart.value.astimezone(UTC) == dt.datetime(2018, 10, 22, 14, 0, tzinfo=UTC)


def test_no_vtimezone_when_nothing_is_timed(shipped) -> None:
    all_day = [e for e in shipped if e.start_time is None]
    assert b"VTIMEZONE" not in export_calendar(all_day)


def weekly(**changes) -> Event:
    base = Event(
        uid="team-huddle@test", title="Team huddle; safety, first", kind="meeting",
        start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 2), start_time=dt.time(8, 30),
        end_time=dt.time(8, 45), origin="local",
        repeat=Repeat("weekly", until=dt.date(2026, 6, 29)),
    )  # fmt: skip
    return base.with_changes(**changes)


def test_repeat_until_is_utc_for_zoned_events() -> None:
    text = export_calendar([weekly()]).decode()
    assert "RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=20260629T225959Z" in text  # 23:59:59 BST
    event = vevents(text.encode())["team-huddle@test"]
    assert event.decoded("DTSTART") == dt.datetime(
        2026, 3, 2, 8, 30, tzinfo=ZoneInfo("Europe/London")
    )


def test_repeat_until_is_a_date_for_all_day_events_and_count_works() -> None:
    all_day = weekly(start_time=None, end_time=None)
    assert "UNTIL=20260629\r\n" in export_calendar([all_day]).decode()
    counted = weekly(repeat=Repeat("monthly", interval=2, count=4))
    assert "RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=4" in export_calendar([counted]).decode()


def test_text_is_escaped(exported: bytes) -> None:
    text = export_calendar([weekly(notes=("Line one\nline two, with comma",))]).decode()
    assert "SUMMARY:Team huddle\\; safety\\, first" in text
    event = vevents(text.encode())["team-huddle@test"]
    assert str(event["SUMMARY"]) == "Team huddle; safety, first"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=400))
def test_any_title_is_folded_within_75_octets_and_reads_back(text: str) -> None:
    """Welsh, emoji, any script: never a character split across lines, never a byte lost."""
    event = Event(uid="t@test", title=text or "x", kind="other", start=dt.date(2027, 1, 1),
                  end=dt.date(2027, 1, 1), origin="local")  # fmt: skip
    data = export_calendar([event])
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    (back,) = vevents(data).values()
    assert str(back["SUMMARY"]) == (text or "x")


def test_a_month_only_item_is_one_day_on_the_1st_saying_date_to_be_confirmed(tmp_path) -> None:
    """ "February 2019: Local Learning System 3 (Bristol)" was a month-long banner in Outlook."""
    import icalendar

    from mnhsc_desktop.core.calendar.calendar import Calendar
    from mnhsc_desktop.core.calendar.events import from_shipped
    from mnhsc_desktop.core.calendar.ics.import_plan import plan_import
    from mnhsc_desktop.core.content.content import load_content
    from tests.conftest import SHIPPED_CONTENT

    shipped = [from_shipped(e) for e in load_content(SHIPPED_CONTENT).calendar.events]
    month_only = [e for e in shipped if e.precision == "month"]
    assert month_only, "the page has month-only items"
    data = export_calendar(month_only)
    for component in icalendar.Calendar.from_ical(data).walk("VEVENT"):  # another reader
        start, end = component.decoded("DTSTART"), component.decoded("DTEND")
        assert start.day == 1 and end - start == dt.timedelta(days=1)
        summary = str(component["SUMMARY"]).lower()
        assert "to be confirmed" in summary or "date tbc" in summary, summary
        assert summary.count("tbc") + summary.count("to be confirmed") == 1, summary
    path = tmp_path / "months.ics"
    path.write_bytes(data)
    back = {
        e.uid: e.with_changes(origin="shipped") for e in plan_import(path, Calendar([], [])).new
    }
    same = {e.uid: e.with_changes(page_text="") for e in month_only}  # the page's own words stay
    assert back == same, "re-import gives the same month-only items"


def test_a_backslash_before_n_is_text_not_a_new_line(tmp_path) -> None:
    """icalendar reads and writes "\\N" in text as a line break; typed text keeps it."""
    from mnhsc_desktop.core.calendar.calendar import Calendar
    from mnhsc_desktop.core.calendar.ics.import_plan import plan_import

    event = Event(uid="n@test", title=r"Room \N2", kind="other", start=dt.date(2027, 1, 1),
                  end=dt.date(2027, 1, 1), location=r"C:\New\Notes", origin="local")  # fmt: skip
    path = tmp_path / "n.ics"
    path.write_bytes(export_calendar([event]))
    (back,) = plan_import(path, Calendar([], [])).new
    assert (back.title, back.location) == (r"Room \N2", r"C:\New\Notes")


def test_values_shared_between_events_are_written_into_each_and_only_theirs() -> None:
    """The stamp, kinds and places many events share are made once an export: each event still
    carries its own, and a zone's TZID on one start never reaches another."""
    day = dt.date(2027, 3, 1)
    events = [
        Event(uid=f"e{n}@test", title=f"Clinic {n}", kind=kind, start=day, end=day,
              location=place, start_time=dt.time(9) if n % 2 else None, origin="local")
        for n, (kind, place) in enumerate([("clinic", "Truro"), ("clinic", "Truro"),
                                           ("meeting", "Exeter"), ("clinic", "")])
    ]  # fmt: skip
    read = vevents(export_calendar(events, now=dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC)))
    assert [str(read[f"e{n}@test"].get("LOCATION", "")) for n in range(4)] == [
        "Truro", "Truro", "Exeter", ""]  # fmt: skip
    assert [read[f"e{n}@test"]["X-MNHSC-KIND"] for n in range(4)] == [
        "clinic", "clinic", "meeting", "clinic"]  # fmt: skip
    assert {read[f"e{n}@test"]["DTSTAMP"].dt for n in range(4)} == {
        dt.datetime(2026, 11, 28, 9, 0, tzinfo=UTC)}  # fmt: skip
    starts = [read[f"e{n}@test"]["DTSTART"] for n in range(4)]
    assert [s.params.get("TZID") for s in starts] == [None, "Europe/London", None, "Europe/London"]
