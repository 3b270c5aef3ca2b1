"""The week grid: the chosen day's week as seven tall days, moved by the keyboard, one of the
two grids at a time, and read out by name."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from mnhsc_desktop.core.calendar.calendar import save_events
from mnhsc_desktop.core.calendar.events import Event, Repeat

HUDDLE = Event(uid="huddle@test", title="Safety huddle", kind="meeting",
               start=dt.date(2027, 4, 5), end=dt.date(2027, 4, 5), start_time=dt.time(8, 30),
               end_time=dt.time(8, 45), origin="local",
               repeat=Repeat("weekly", byday="MO,WE,FR"))  # fmt: skip


@pytest.fixture
def tab(make_window):
    window = make_window()
    window.show_calendar()
    save_events(window.store, [HUDDLE])
    tab = window.calendar_tab
    tab.month_view.setCurrentPage(2027, 4)
    tab.month_view.setSelectedDate(QDate(2027, 4, 28))  # a Wednesday; its week ends in May
    return tab


def test_the_week_of_the_chosen_day_with_its_events(tab) -> None:
    tab.week_button.click()
    grid = tab.grid
    assert grid.isVisible() and grid.hasFocus() and grid.accessibleName() == "Week grid"
    assert grid.model().rowCount() == 1
    days = [grid.grid_model.day_at(grid.model().index(0, c)) for c in range(7)]
    assert days[0] == dt.date(2027, 4, 26) and days[-1] == dt.date(2027, 5, 2)
    assert grid.chosen_day() == dt.date(2027, 4, 28)
    said = grid.currentIndex().data(Qt.ItemDataRole.AccessibleTextRole)
    assert said == "Wed 28 Apr 2027: 1 event: 8:30am Safety huddle"
    may = grid.model().index(0, 4).data(Qt.ItemDataRole.AccessibleTextRole)
    assert may.startswith("Fri 30 Apr 2027: 1 event") and "another month" not in may
    grid.grab()


def test_arrows_and_page_keys_move_through_the_weeks_and_the_picker_follows(tab, qtbot) -> None:
    tab.week_button.click()
    grid = tab.grid
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert grid.chosen_day() == dt.date(2027, 5, 5)
    assert tab.month_view.shown_month()[0] == dt.date(2027, 5, 1), "the picker follows to May"
    assert grid.grid_model.start == dt.date(2027, 5, 3)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # past Monday: the week before
    assert grid.chosen_day() == dt.date(2027, 5, 2)
    assert grid.grid_model.start == dt.date(2027, 4, 26)
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert grid.chosen_day() == dt.date(2027, 4, 25)
    assert tab.month_view.shown_month()[0] == dt.date(2027, 4, 1)


def test_one_grid_at_a_time_and_back_to_the_agenda(tab) -> None:
    tab.week_button.click()
    tab.grid_button.click()
    assert tab.grid_button.isChecked() and not tab.week_button.isChecked()
    assert tab.grid.accessibleName() == "Month grid" and tab.grid.model().rowCount() == 6
    tab.week_button.click()
    assert tab.week_button.isChecked() and not tab.grid_button.isChecked()
    assert tab.grid.model().rowCount() == 1
    tab.week_button.click()
    assert tab.table.isVisible() and not tab.grid.isVisible()
    assert tab.count_label.isVisible()
