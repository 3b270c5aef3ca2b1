"""The presenter's clock and the choice of screens, driven by a fake clock and fake screens."""

from __future__ import annotations

import datetime as dt

from mnhsc_desktop.core.culture.plans import Plan, PlanItem
from mnhsc_desktop.core.culture.screens import (
    ScreenInfo,
    after_change,
    choose,
    setup_key,
    unique_names,
)
from mnhsc_desktop.core.culture.session_clock import RunClock

PLAN = Plan("p", "Huddle", (PlanItem("free", "Welcome", 5), PlanItem("free", "Film", 20),
                            PlanItem("free", "Talk", 20)),
            start=dt.time(14, 0), booked_minutes=60)  # fmt: skip


def test_overrun_and_drift_are_said_in_words() -> None:
    run = RunClock(PLAN, now=0.0)
    assert run.drift_words(0) == "on time" and run.overrun_words(200) == ""
    assert run.overrun_words(5 * 60 + 130) == "2 min over"
    assert run.drift_words(5 * 60 + 130) == "2 min behind"  # the welcome ran long
    run.go(1, 7 * 60)
    assert run.next_item.title == "Talk" and run.drift_words(7 * 60) == "2 min behind"
    run.add_minutes(5, 7 * 60)
    assert run.remaining(7 * 60) == 25 * 60
    assert run.planned_end_words(7 * 60) == "ends about 14:52 (room booked until 15:00)"
    run.go(1, 10 * 60)  # the film cut short: 3 minutes in
    assert run.drift_words(10 * 60) == "20 min ahead"  # 10 min in, 30 planned so far


def test_a_pause_stops_the_item_but_not_the_session() -> None:
    run = RunClock(PLAN, now=0.0)
    run.toggle_pause(60)
    assert run.remaining(600) == 4 * 60 and run.session_elapsed(600) == 600
    assert run.drift_words(600) == "9 min behind"


SCREENS = [ScreenInfo("eDP-1", 1920, 1080, primary=True), ScreenInfo("HDMI-1", 1280, 720)]


def test_the_projector_is_the_other_screen_and_is_remembered_per_set_up() -> None:
    assert choose(SCREENS, None) == ("HDMI-1", "eDP-1")
    assert choose(SCREENS, "eDP-1") == ("eDP-1", "HDMI-1")  # the user chose otherwise last time
    assert choose(SCREENS[:1], "HDMI-1") == ("eDP-1", None)  # one screen: still runs
    assert setup_key(SCREENS) == setup_key(list(reversed(SCREENS)))


def test_a_screen_unplugged_mid_session_moves_its_view_to_one_that_is_left() -> None:
    assert after_change(SCREENS[:1], "HDMI-1", "eDP-1") == ("eDP-1", None)
    assert after_change(SCREENS[1:], "HDMI-1", "eDP-1") == ("HDMI-1", None)
    assert after_change(SCREENS, "eDP-1", None) == ("eDP-1", "HDMI-1")  # plugged back in


def test_screens_of_the_same_name_get_names_of_their_own() -> None:
    assert unique_names(["screen", "screen", ""]) == ["screen", "screen 2", "Screen"]
