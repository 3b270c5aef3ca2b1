"""The month grid in the Calendar tab: shown instead of the agenda at a click (or Alt+M),
filled from the same search and filters, following the small month picker, which stays the
navigator. A mixin of CalendarTab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QPushButton, QStackedWidget

from mnhsc_desktop.ui.calendar.month_grid import MonthGrid, first_shown


class GridCommands:
    def _build_grid(self, stack: QStackedWidget) -> QPushButton:
        self.grid = MonthGrid()
        stack.addWidget(self.grid)
        self.views = stack
        self.grid.month_step.connect(self._step_month)
        self.grid.day_opened.connect(self.open_day)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._grid_day_changed())
        button = QPushButton("Month grid")  # no Alt letter is left in this tab; Tab reaches it
        button.setCheckable(True)
        button.setAccessibleName("Show the month as a grid instead of the agenda")
        button.toggled.connect(self.show_grid)
        return button

    def show_grid(self, on: bool) -> None:
        self.views.setCurrentWidget(self.grid if on else self.table)
        self.count_label.setVisible(not on)  # it counts the agenda's rows, not the grid's
        if on:
            self.refresh_grid()
            self.grid.setFocus()

    def refresh_grid(self) -> None:
        if self.views.currentWidget() is not self.grid:
            return
        first, _last = self.month_view.shown_month()
        start = first_shown(first.year, first.month)
        shown = self.calendar.search(self.current_filter(), start, start + dt.timedelta(days=41))
        pending = getattr(self.grid, "pending_day", None)
        self.grid.pending_day = None
        self.grid.show_month(first.year, first.month, shown, self.today, pending)

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
