"""Session plans: order, totals, saving several by name, the handout, and run mode's clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from mnhsc_desktop.core.content.content import load_content
from mnhsc_desktop.core.culture.plans import (
    PlanItem,
    delete_plan,
    duplicate_plan,
    handout_html,
    item_for,
    new_plan,
    plans,
    save_plan,
)
from mnhsc_desktop.core.culture.session_clock import RunClock
from mnhsc_desktop.core.store.store import Store
from tests.conftest import SHIPPED_CONTENT


@pytest.fixture(scope="module")
def activities():
    return {a.id: a for a in load_content(SHIPPED_CONTENT).culture.activities}


def test_a_45_minute_session(activities, data_dir: Path) -> None:
    store = Store.open(data_dir)
    plan = new_plan("Team safety session")
    items = (
        PlanItem("free", "Welcome", 5),
        item_for(activities["civility"]),
        item_for(activities["how-to-huddle"]),
        item_for(activities["kudos-cards"]),
    )
    plan = replace(plan, items=items)
    assert plan.total_minutes == 50 and plan.starts() == [0, 5, 25, 40]
    save_plan(store, plan)
    store.save()
    copy = duplicate_plan(store, plan)
    assert [p.name for p in plans(store)] == ["Team safety session", "Team safety session (copy)"]
    assert plans(Store.open(data_dir))[0].items == items, "saved and read back"
    delete_plan(store, copy)
    assert len(plans(store)) == 1


def test_the_handout_has_timings_prompts_and_needs(activities) -> None:
    plan = replace(
        new_plan("Huddle practice"),
        items=(PlanItem("free", "Welcome", 5), item_for(activities["how-to-huddle"])),
    )
    html = handout_html(plan, activities, dt.date(2026, 12, 1))
    for words in (
        "Huddle practice",
        "Tue 1 Dec 2026",
        "20 minutes",
        "0:00–0:05",
        "0:05–0:20",
        "What could harm a woman or baby",
        "a film (download it first)",
    ):
        assert words in html


def test_run_clock_counts_down_pauses_and_moves(activities) -> None:
    plan = replace(
        new_plan("x"), items=(PlanItem("free", "Welcome", 1), item_for(activities["say-thank-you"]))
    )
    clock = RunClock(plan, now=100.0)
    assert clock.remaining(130.0) == 30.0 and not clock.time_up(130.0)
    clock.toggle_pause(130.0)
    assert clock.remaining(500.0) == 30.0, "paused: time stands still"
    clock.toggle_pause(500.0)
    assert clock.time_up(531.0)
    clock.go(1, 531.0)
    assert clock.item.activity_id == "say-thank-you" and clock.remaining(531.0) == 120.0
    clock.go(1, 540.0)
    assert clock.index == 1, "stays on the last item"
    clock.go(-5, 540.0)
    assert clock.index == 0
