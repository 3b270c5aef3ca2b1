"""data/calendar.yaml against the collaborative's page: every dated line, read the agreed way."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mnhsc_desktop.core.calendar.calendar import Calendar, Filter
from mnhsc_desktop.core.calendar.events import Event, describe_when, from_shipped
from mnhsc_desktop.core.content.content import load_content
from tests.conftest import REPO, SHIPPED_CONTENT

SEED = REPO.parent / "shared" / "seed" / "mnhsc-collaborative-page.txt"
NOT_EVENTS = re.compile(
    r"^(Events and WebEx|SCORE \(culture survey\)|Presentations available on Guidebook code \w+|"
    r"Image from the Awkward Yeti|Webex sessions, Monday’s 3pm – 4pm \(email to join\)|"
    r"(January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d)$"
)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    content = load_content(SHIPPED_CONTENT)
    assert content.errors == ()
    return [from_shipped(item) for item in content.calendar.events]


def by_title(events: list[Event], title: str) -> list[Event]:
    return [e for e in events if e.title == title]


def calendar_block() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    block = text.split("Calendar of activities", 1)[1].split("Back to top", 1)[0]
    lines = [" ".join(line.replace("•", "").split()) for line in block.splitlines()]
    return [line for line in lines if line]


@pytest.mark.skipif(not SEED.exists(), reason="the seed page sits beside the repository")
def test_every_line_of_the_page_calendar_is_an_event_a_note_or_a_heading(events) -> None:
    page_texts = {" ".join(e.page_text.split()) for e in events}
    notes = {" ".join(n.split()) for e in events for n in e.notes}
    resources = {r.title for e in events for r in e.resources}
    missing = [
        line
        for line in calendar_block()
        if not NOT_EVENTS.match(line)
        and line not in page_texts
        and line not in notes
        and line not in resources
        and not any(line.startswith(p) for p in page_texts if "—" in p)
    ]
    webex_topics = {line.split("— ", 1)[1] for line in calendar_block() if " — " in line}
    assert webex_topics <= {e.title for e in events}
    assert missing == []


def test_multi_day_ranges_are_one_event(events) -> None:
    (learning_set,) = by_title(events, "Wave 2 Learning Set 1")
    assert (learning_set.start, learning_set.end) == (dt.date(2018, 5, 9), dt.date(2018, 5, 11))
    assert learning_set.location == "Manchester" and learning_set.wave == "2"
    assert "Guidebook code MN18" in learning_set.notes[0]


def test_slashed_dates_are_two_events(events) -> None:
    assert [e.start.day for e in by_title(events, "SCORE mapping")] == [17, 21]
    assert [e.start.day for e in by_title(events, "How to access SCORE results platform")] == [
        10,
        17,
    ]


def test_webex_mondays_are_timed_3_to_4pm(events) -> None:
    webex = [
        e for e in events if e.start_time and e.start.month in (10, 11) and e.start.year == 2018
    ]
    assert len(webex) == 5
    for event in webex:
        assert event.start.weekday() == 0
        assert (event.start_time, event.end_time) == (dt.time(15), dt.time(16))
        assert event.location == "Online"
    hypo = by_title(events, "Neonatal hypoglycaemia")[0]
    assert describe_when(hypo) == "Mon 22 Oct 2018, 3pm – 4pm"


def test_alternative_sessions_are_two_timed_events(events) -> None:
    central = by_title(events, "WebEx with central team")
    assert [(e.start, e.start_time) for e in central] == [
        (dt.date(2019, 1, 14), dt.time(15)),
        (dt.date(2019, 1, 21), dt.time(15)),
    ]


def test_week_commencing_starts_on_that_monday(events) -> None:
    (results,) = by_title(events, "SCORE results available")
    assert results.precision == "week" and results.start == dt.date(2018, 7, 23)
    assert describe_when(results) == "Week commencing Mon 23 Jul 2018"
    assert [r.title for r in results.resources] == [
        "Interpreting your results slides",
        "Interpreting and using your results guide",
    ]


def test_survey_window_has_its_deadline(events) -> None:
    (survey,) = by_title(events, "LLS Survey 1")
    assert (survey.start, survey.end, survey.deadline) == (
        dt.date(2018, 9, 1),
        dt.date(2018, 9, 21),
        dt.date(2018, 9, 21),
    )


def test_month_only_and_tbc_items_keep_month_precision(events) -> None:
    (lls3,) = by_title(events, "Local Learning System 3")
    assert lls3.precision == "month" and describe_when(lls3) == "February 2019 (no day given)"
    (monthly,) = by_title(events, "Monthly Highlight reports due")
    assert monthly.tbc and describe_when(monthly) == "July 2018 (date to be confirmed)"
    calendar = Calendar(events, [])
    days = calendar.counts_by_day(dt.date(2019, 2, 1), dt.date(2019, 2, 28))
    assert days == {dt.date(2019, 2, 7): 1}, "month-only items are never put on a day"


def test_the_calendar_runs_from_march_2018_to_november_2019(events) -> None:
    assert min(e.start for e in events) == dt.date(2018, 3, 1)
    assert max(e.start for e in events) == dt.date(2019, 11, 13)
    assert len({e.uid for e in events}) == len(events)


def test_search_finds_neonatal_hypoglycaemia_from_a_few_letters(events) -> None:
    calendar = Calendar(events, [])
    (found,) = calendar.search(Filter(text="hypo"))
    assert found.event.title == "Neonatal hypoglycaemia"
    assert [o.event.title for o in calendar.search(Filter(text="BRISTOL lls"))] == []
    assert len(calendar.search(Filter(text="bristol"))) == 5
    assert len(calendar.search(Filter(kinds=frozenset({"learning-set"})))) == 6


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("    date: 2018-03-01\n", "    date: 2018-03-01\n    month: 2018-03\n"),
        ('    start_time: "15:00"\n', '    start_time: "3pm"\n'),
        ("    end_date: 2018-05-11\n", "    end_date: 2018-05-01\n"),
        ("    week_commencing: true\n", "    week_commencing: true\n    month: 2018-07\n"),
    ],
)
def test_rules_between_fields_are_checked_with_lines(
    content_copy: Path, change: str, message: str
) -> None:
    path = content_copy / "calendar.yaml"
    text = path.read_text(encoding="utf-8")
    assert change in text
    path.write_text(text.replace(change, message, 1), encoding="utf-8")
    errors = load_content(content_copy).errors
    assert errors and all(e.file == "calendar.yaml" and e.line for e in errors), errors
