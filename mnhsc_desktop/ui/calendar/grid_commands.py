"""The month and week grids in the Calendar tab: shown instead of the agenda at a click, filled
from the same search and filters, following the small month picker, which stays the navigator
(the week shown is the week of the day chosen there). A mixin of CalendarTab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QWidget

from mnhsc_desktop.ui.calendar.month_grid import MonthGrid, first_shown


class GridCommands:
    def _build_grid(self, stack: QStackedWidget) -> QWidget:
        """The grid, and its two buttons (Month grid, Week), of which at most one is down."""
        self.grid = MonthGrid()
        stack.addWidget(self.grid)
        self.views = stack
        self.grid.month_step.connect(self._step_month)
        self.grid.day_wanted.connect(self._show_day)
        self.grid.day_opened.connect(self.open_day)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._grid_day_changed())
        # No Alt letter is left in this tab: Tab reaches both buttons.
        self.grid_button = QPushButton("Month grid")
        self.grid_button.setAccessibleName("Show the month as a grid instead of the agenda")
        self.week_button = QPushButton("Week")
        self.week_button.setAccessibleName("Show the chosen day's week instead of the agenda")
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.grid_button, self.week_button):
            button.setCheckable(True)
            button.toggled.connect(lambda on, b=button: self._grid_toggled(b, on))
            row.addWidget(button)
        return buttons

    def _grid_toggled(self, button: QPushButton, on: bool) -> None:
        other = self.week_button if button is self.grid_button else self.grid_button
        if on and other.isChecked():
            other.blockSignals(True)  # one grid at a time: the other button pops up
            other.setChecked(False)
            other.blockSignals(False)
        self.show_grid(self.grid_button.isChecked() or self.week_button.isChecked())

    def show_grid(self, on: bool) -> None:
        if on and not (self.grid_button.isChecked() or self.week_button.isChecked()):
            self.grid_button.setChecked(True)  # asked for directly: the month grid
            return
        if not on:
            for button in (self.grid_button, self.week_button):
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)
        self.views.setCurrentWidget(self.grid if on else self.table)
        self.count_label.setVisible(not on)  # it counts the agenda's rows, not the grid's
        if on:
            self.refresh_grid()
            self.grid.setFocus()

    def refresh_grid(self) -> None:
        if self.views.currentWidget() is not self.grid:
            return
        if self.week_button.isChecked():
            day = self._week_day()
            monday = day - dt.timedelta(days=day.weekday())
            shown = self.calendar.search(self.current_filter(), monday,
                                         monday + dt.timedelta(days=6))  # fmt: skip
            self.grid.show_week(monday, shown, self.today, day)
            return
        first, _last = self.month_view.shown_month()
        start = first_shown(first.year, first.month)
        shown = self.calendar.search(self.current_filter(), start, start + dt.timedelta(days=41))
        pending = getattr(self.grid, "pending_day", None)
        self.grid.pending_day = None
        self.grid.show_month(first.year, first.month, shown, self.today, pending)

    def _week_day(self) -> dt.date:
        """The day whose week is shown: the one chosen in the month picker, or the 1st of the
        month it shows when the choice is in another month."""
        chosen = self.month_view.selectedDate()
        day = dt.date(chosen.year(), chosen.month(), chosen.day())
        first, last = self.month_view.shown_month()
        return day if first <= day <= last else first

    def _show_day(self, day: dt.date) -> None:
        """A day outside the week shown (arrows or Page Up/Down in the week): its week."""
        self.month_view.setSelectedDate(QDate(day.year, day.month, day.day))
        if (day.year, day.month) != self.month_view.shown_month()[0].timetuple()[:2]:
            self.month_view.setCurrentPage(day.year, day.month)  # refreshes through the tab
        else:
            self.refresh_grid()

    def _grid_day_changed(self) -> None:
        day = self.grid.chosen_day()
        if (
            day is not None
            and (day.year, day.month) == self.month_view.shown_month()[0].timetuple()[:2]
        ):
            self._syncing = True
            try:
                self.month_view.setSelectedDate(QDate(day.year, day.month, day.day))
            finally:
                self._syncing = False

    def open_day(self, day: dt.date) -> None:
        """The day's first event, shown in the details below (Enter or a double click)."""
        for o in self.calendar.search(self.current_filter(), day, day):
            if o.event.precision != "month":
                if not self._select_key(o.key):
                    self.detail.show_occurrence(o)
                self.status.emit(f"{o.event.title}: its details are below the grid.")
                return
        self.status.emit("No events on that day.")
