"""Dates and hours in the forms UK spreadsheets hold them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.revalidation.values import parse_date, parse_minutes

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@pytest.mark.parametrize(
    "text",
    ["03/02/2025", "3/2/2025", "3/2/25", "03.02.2025", "03-02-2025", "3 Feb 2025",
     "3 February 2025", "3rd February 2025", "3-Feb-25", "2025-02-03", "  3 feb 2025 ",
     "2025-02-03 00:00:00"],
)  # fmt: skip
def test_uk_date_forms(text: str) -> None:
    assert parse_date(text) == dt.date(2025, 2, 3)


@given(DAYS)
def test_every_form_of_any_day_reads_back(day: dt.date) -> None:
    for text in (f"{day:%d/%m/%Y}", f"{day.day} {day:%b %Y}", f"{day.day} {day:%B %Y}",
                 day.isoformat(), f"{day.day}/{day.month}/{day:%Y}"):  # fmt: skip
        assert parse_date(text) == day, text
    assert parse_date(dt.datetime.combine(day, dt.time(9))) == day


@pytest.mark.parametrize("text", ["", "31/02/2025", "2025-13-01", "tomorrow", "3 Fob 2025",
                                  "01/01/1850", "=TODAY()"])  # fmt: skip
def test_not_dates_say_why(text: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_date(text)
    assert str(error.value)


@pytest.mark.parametrize(
    ("value", "minutes"),
    [("1.5", 90), ("1,5", 90), ("1:30", 90), ("90 min", 90), ("90 mins", 90), ("90minutes", 90),
     ("1.5 hours", 90), ("1h 30m", 90), ("2 hrs", 120), ("7:30:00", 450), (1.5, 90), (2, 120),
     (dt.time(1, 30), 90), (dt.timedelta(hours=1, minutes=30), 90), ("0", 0)],
)  # fmt: skip
def test_hour_forms(value: object, minutes: int) -> None:
    assert parse_minutes(value) == minutes


@given(st.integers(min_value=0, max_value=100 * 60))
def test_every_form_of_any_duration_reads_back(minutes: int) -> None:
    hours, rest = divmod(minutes, 60)
    assert parse_minutes(f"{hours}:{rest:02d}") == minutes
    assert parse_minutes(f"{minutes} min") == minutes
    assert parse_minutes(f"{hours}h {rest}m") == minutes
    assert parse_minutes(f"{minutes / 60:.6f}") == minutes


@pytest.mark.parametrize("value", ["", "lots", "=A1*2", "-1", True, "1:75", "99999999"])
def test_not_durations_say_why(value: object) -> None:
    with pytest.raises(ValueError):
        parse_minutes(value)
