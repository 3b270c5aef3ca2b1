"""Running a session with a presenter view, on two screens faked through the screens model:
the projector chosen and remembered, a keyboard-only run through, overrun said in words and
colour, a blank screen, and the projector unplugged mid-session without losing the place."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from mnhsc_desktop.core.culture.plans import Plan, PlanItem
from mnhsc_desktop.core.culture.screens import ScreenInfo
from mnhsc_desktop.core.store.store import Store
from mnhsc_desktop.ui.culture.presenter import Session

LAPTOP, PROJECTOR = ScreenInfo("eDP-1", 1920, 1080, True), ScreenInfo("HDMI-1", 1280, 720)
PLAN = Plan("p", "Ward 5 huddle", (PlanItem("free", "Welcome", 5), PlanItem("free", "Film", 20),
                                   PlanItem("free", "Talk", 20)),
            start=dt.time(14, 0), booked_minutes=60)  # fmt: skip


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def setup(qtbot, tmp_path):
    screens = [(LAPTOP, None), (PROJECTOR, None)]
    clock = FakeClock()
    store = Store.open(tmp_path)
    session = Session(PLAN, {}, store, clock, screens=lambda: list(screens))
    qtbot.addWidget(session.room)
    qtbot.addWidget(session.presenter)
    yield session, screens, clock, store
    session.end()


def test_the_room_gets_the_projector_and_the_choice_is_remembered(setup, tmp_path) -> None:
    session, _screens, _clock, store = setup
    session.start()
    assert (session.audience_screen, session.presenter_screen) == ("HDMI-1", "eDP-1")
    assert session.room.isFullScreen() and session.presenter.isVisible()
    session.end()
    again = Session(
        PLAN, {}, store, FakeClock(), screens=lambda: [(LAPTOP, None), (PROJECTOR, None)]
    )
    again.start("eDP-1")  # this room's projector is the other way round
    third = Session(
        PLAN, {}, store, FakeClock(), screens=lambda: [(PROJECTOR, None), (LAPTOP, None)]
    )
    third.start()
    assert third.audience_screen == "eDP-1"  # remembered for this set-up of screens
    again.end()
    third.end()


def test_a_keyboard_only_run_through_with_overrun_and_a_blank_screen(setup, qtbot) -> None:
    session, _screens, clock, _store = setup
    session.start()
    view = session.presenter
    assert view.now.text() == "Now (1 of 3): Welcome" and view.next.text() == "Next: Film (20 min)"
    clock.now += 7 * 60  # the welcome runs 2 minutes over
    session.refresh()
    assert view.over.text() == "Over time: 2 min over"
    assert view.palette().color(view.backgroundRole()) != view.normal.color(view.backgroundRole())
    assert "2 min behind" in view.clock.text() and "room booked until 15:00" in view.clock.text()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # the clicker's "next"
    assert view.now.text() == "Now (2 of 3): Film" and view.over.text() == ""
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.countdown.text() == "25:00 left"
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert session.room.blank and not session.room.title.isVisible()
    assert "the room's screen is blank" in view.clock.text()
    qtbot.keyClick(session.room, Qt.Key.Key_B)  # the same keys in the room's window
    assert not session.room.blank
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert session.run.paused and view.over.text() == "Paused"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert session.ended and not session.room.isVisible() and not view.isVisible()


def test_the_projector_unplugged_mid_session_keeps_the_place(setup) -> None:
    session, screens, clock, _store = setup
    session.start()
    session.step(1)
    clock.now += 120
    screens.remove((PROJECTOR, None))
    session.screens_changed()
    assert (session.audience_screen, session.presenter_screen) == ("eDP-1", None)
    assert session.room.isFullScreen() and not session.presenter.isVisible()
    assert session.run.index == 1 and session.run.remaining(clock.now) == 18 * 60
    screens.append((PROJECTOR, None))
    session.screens_changed()
    assert session.presenter_screen == "HDMI-1" and session.presenter.isVisible()
