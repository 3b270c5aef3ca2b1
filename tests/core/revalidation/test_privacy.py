"""The privacy check flags what could identify a patient, and not every number it sees."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mnhsc_desktop.core.revalidation.privacy import nhs_number_is_valid, scan, scan_all

# 943 476 5919 is the NHS's own published example; the others are computed with the same rule.
VALID = ["9434765919", "943 476 5919", "943-476-5919", "4010232137"]
INVALID = ["9434765918", "1234567890", "0000000001", "9434765910"]


@pytest.mark.parametrize("number", VALID)
def test_true_nhs_numbers_are_found(number: str) -> None:
    (hit,) = scan(f"Baby born to the patient with NHS no {number} on the ward")
    assert hit.kind == "NHS number" and hit.text == number


@pytest.mark.parametrize("number", INVALID)
def test_numbers_failing_the_check_are_not(number: str) -> None:
    assert scan(f"Reference {number} in the audit") == []


def test_a_longer_number_is_not_an_nhs_number() -> None:
    assert scan("Order 19434765919 and phone 01234 943476591") == []


@pytest.mark.parametrize(
    "text",
    ["DOB 03/02/1985", "d.o.b.: 3 Feb 1985", "Date of birth - 03.02.85", "born on 3rd March 1990"],
)
def test_dates_of_birth_written_as_such(text: str) -> None:
    (hit,) = scan(f"Discussed the case ({text}) with the team")
    assert hit.kind == "date of birth"


def test_a_plain_date_is_not_a_date_of_birth() -> None:
    assert scan("Attended the workshop on 03/02/2025 and the huddle on 3 Feb 2025") == []


@pytest.mark.parametrize("text", ["MRN 1234567", "Hospital number: RX123456", "hosp no A123456"])
def test_hospital_numbers_in_their_written_forms(text: str) -> None:
    (hit,) = scan(f"Reviewed notes for {text} after the event")
    assert hit.kind == "hospital number"


def test_hits_say_where_they_are() -> None:
    hits = scan_all([("CPD 3 Feb 2025: what I learned", "DOB 03/02/1985"), ("other", "")])
    assert [(h.kind, h.where) for h in hits] == [
        ("date of birth", "CPD 3 Feb 2025: what I learned")
    ]


@given(st.from_regex(r"\d{10}", fullmatch=True))
def test_exactly_one_tenth_digit_makes_nine_digits_valid_or_none_does(number: str) -> None:
    valid = [d for d in "0123456789" if nhs_number_is_valid(number[:9] + d)]
    assert len(valid) <= 1
