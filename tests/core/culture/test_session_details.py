"""A session's details: the handout says real clock times, venue and facilitator, and the plan
is set against the room booking."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mnhsc_desktop.core.culture.plans import (
    Plan,
    PlanItem,
    handout_html,
    plans,
    save_plan,
)
from mnhsc_desktop.core.store.store import Store

PLAN = Plan("p1", "Civility saves lives", (PlanItem("free", "Welcome", 10),
                                           PlanItem("free", "Film and talk", 35)))  # fmt: skip


def test_the_handout_says_clock_times_when_the_start_is_set() -> None:
    relative = handout_html(PLAN, {}, dt.date(2027, 3, 4))
    assert "0:00–0:10" in relative and "0:10–0:45" in relative
    timed = PLAN.__class__(**{**PLAN.__dict__, "start": dt.time(14, 0), "day": dt.date(2027, 3, 4),
                              "venue": "Seminar room 2", "facilitator": "Sam"})  # fmt: skip
    html = handout_html(timed, {})
    assert "Thu 4 Mar 2027, 14:00 to 14:45" in html
    assert "14:00–14:10" in html and "14:10–14:45" in html
    assert "Seminar room 2 · Facilitator: Sam" in html


def test_the_plan_against_the_room_booking() -> None:
    def booked(minutes):
        return Plan("p", "x", PLAN.items, booked_minutes=minutes).booking_words()

    assert booked(60) == "15 minutes spare of the 60 booked"
    assert booked(40) == "5 minutes over the 40 booked"
    assert booked(45) == "exactly the 45 minutes the room is booked for"
    assert booked(None) == ""


def test_details_are_saved_and_read_back(data_dir: Path) -> None:
    store = Store.open(data_dir)
    plan = Plan("p2", "Huddle", PLAN.items, day=dt.date(2027, 3, 4), start=dt.time(9, 30),
                venue="Ward 5", audience="Night staff", booked_minutes=50)  # fmt: skip
    save_plan(store, plan)
    (back,) = plans(store)
    assert (back.day, back.start, back.venue, back.audience, back.booked_minutes) == (
        dt.date(2027, 3, 4), dt.time(9, 30), "Ward 5", "Night staff", 50)  # fmt: skip
