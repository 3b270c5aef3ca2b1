"""The Calendar tab: month view, agenda, details, filters, and your own events.

Every change goes through core (core/calendar/calendar.py) and the store; the tab listens for
the store's "calendar" changes and redraws, so an import, an edit or the command line all look
the same.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mnhsc_desktop.core.calendar.calendar import Calendar, Filter
from mnhsc_desktop.core.calendar.events import KINDS, Event, uk_date
from mnhsc_desktop.core.calendar.expansion import Occurrence
from mnhsc_desktop.core.calendar.selection import events_between
from mnhsc_desktop.core.store.store import StateChange, Store
from mnhsc_desktop.ui.calendar.agenda_model import (
    OCCURRENCE_ROLE,
    AgendaModel,
    agenda_table,
    make_proxy,
)
from mnhsc_desktop.ui.calendar.commands import EventCommands
from mnhsc_desktop.ui.calendar.event_detail import EventDetail
from mnhsc_desktop.ui.calendar.grid_commands import GridCommands
from mnhsc_desktop.ui.calendar.month_view import MonthView
from mnhsc_desktop.ui.shell.steady_label import SteadyLabel
from mnhsc_desktop.ui.shell.widgets import follow_store, named_button, search_box

MODES = (("upcoming", "Upcoming"), ("month", "Month shown"), ("all", "Whole calendar"))


class CalendarTab(EventCommands, GridCommands, QWidget):
    status = Signal(str)  # a sentence for the status bar

    def __init__(self, calendar_file, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar_file = calendar_file
        self.store = store
        self.today = dt.date.today()
        self.calendar = Calendar.load(calendar_file, store)
        self.shown: list[Occurrence] = []
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._syncing = False
        self._last_query: tuple | None = None
        self._build()
        self._build_actions()
        self._fill_filter_choices()
        self.mode.setCurrentIndex(0 if self._has_upcoming() else 2)
        self.month_view.setSelectedDate(QDate.currentDate())
        self.mode.currentIndexChanged.connect(self.refresh_agenda)
        self.refresh_agenda()
        follow_store(store, self, self._on_store_change)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.previous_button = self._button(
            "◀ &Previous", "Previous month", lambda: self._step_month(-1)
        )
        self.today_button = self._button("&Today", "Go to today", self.go_to_today)
        self.next_button = self._button("Next ▶", "Next month", lambda: self._step_month(1))
        for button in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(button)
        self.month_label = SteadyLabel("Month shown", "September 2099")
        bar.addWidget(self.month_label)
        bar.addStretch(1)
        self.mode = self._combo(bar, "Ti&me range:", [label for _key, label in MODES])
        layout.addLayout(bar)

        filters = QHBoxLayout()
        search_label = QLabel("&Search:")
        self.search = search_box("Search events", "Title, notes or place")
        # Where Ctrl+2 lands: type to find a session. (Not a focus proxy: Tab would then
        # jump straight to it and skip the month buttons above it.)
        self.focus_target = self.search
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        layout.addLayout(filters)
        filters = QHBoxLayout()  # a second row, so the tab fits a small or magnified screen
        self.kind = self._combo(filters, "&Kind:", [])
        self.location = self._combo(filters, "&Location:", [])
        self.wave = self._combo(filters, "&Wave:", [])
        self.show_hidden = QCheckBox("Show hidde&n")
        self.show_hidden.setAccessibleName("Show hidden events")
        filters.addWidget(self.show_hidden)
        layout.addLayout(filters)

        self.notice = QFrame()
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        notice_row = QHBoxLayout(self.notice)
        self.notice_text = QLabel()
        self.notice_text.setWordWrap(True)
        self.notice_text.setAccessibleName("Nothing upcoming")
        notice_row.addWidget(self.notice_text, 1)
        self.import_newer_button = self._button(
            "&Import a newer calendar…",
            "Import a newer calendar",
            lambda: self.import_requested.emit(),
        )
        self.whole_button = self._button(
            "Show the &whole calendar",
            "Show the whole calendar",
            lambda: self.mode.setCurrentIndex(2),
        )
        notice_row.addWidget(self.import_newer_button)
        notice_row.addWidget(self.whole_button)
        layout.addWidget(self.notice)

        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.month_view = MonthView()
        left_layout.addWidget(self.month_view)
        self.new_button = self._button("New event…", "New event", self.new_event)
        # Buttons with a shortcut of their own carry no Alt+letter: the letters are all needed
        # by controls that have no other key.
        self.new_button.setToolTip("New event (Ctrl+N)")
        self.next_button.setToolTip("Next month (Alt+Page Down)")
        left_layout.addWidget(self.new_button)
        left_layout.addStretch(1)
        splitter.addWidget(left)

        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        self.model = AgendaModel(self)
        self.proxy = make_proxy(self.model)
        self.table, self.column_fitter = agenda_table(self.proxy)
        self.table.horizontalHeader().sectionClicked.connect(self._sort_by)
        views = QStackedWidget()
        views.addWidget(self.table)
        bar.insertWidget(4, self._build_grid(views))  # beside the month it shows
        middle_layout.addWidget(views, 1)
        self.count_label = SteadyLabel(
            "Number of events shown", "No events match the search and filters."
        )
        middle_layout.addWidget(self.count_label)
        # Agenda above details, beside the month view: titles get the full width.
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(middle)
        self.detail = EventDetail()
        right.addWidget(self.detail)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        line = self.fontMetrics().height()
        right.setSizes([line * 14, line * 12])
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        unit = self.fontMetrics().averageCharWidth()
        splitter.setSizes([self.month_view.minimumWidth() + unit * 2, unit * 120])
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self.refresh_agenda)
        for combo in (self.kind, self.location, self.wave):
            combo.currentIndexChanged.connect(self.refresh_agenda)
        self.show_hidden.toggled.connect(self._reload)
        self.month_view.currentPageChanged.connect(self._on_page_changed)
        self.month_view.clicked.connect(self._on_day_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.detail.export_requested.connect(lambda event: self.export_requested.emit())
        self.detail.edit_requested.connect(lambda _event: self.edit_selected())
        self.detail.delete_requested.connect(lambda _event: self.delete_selected())
        self.detail.hide_requested.connect(self._hide)
        self.detail.copied.connect(self.status.emit)

    import_requested = Signal()
    export_requested = Signal()

    _button = staticmethod(named_button)

    def _combo(self, row: QHBoxLayout, label_text: str, items: list[str]) -> QComboBox:
        label = QLabel(label_text)
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        combo.addItems(items)
        combo.setAccessibleName(label_text.replace("&", "").rstrip(":"))
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    # -- data ----------------------------------------------------------------------------
    def _fill_filter_choices(self) -> None:
        choices = self.calendar.choices()
        for combo, everything, values, labels in (
            (self.kind, "All kinds", choices["kinds"], KINDS),
            (self.location, "Any place", choices["locations"], {}),
            (self.wave, "Any wave", choices["waves"], {}),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(
                    labels.get(value, f"Wave {value}" if combo is self.wave else value), value
                )
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _has_upcoming(self) -> bool:
        return self.calendar.has_upcoming(self.today)

    def current_filter(self) -> Filter:
        def chosen(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({value})

        return Filter(
            self.search.text(), chosen(self.kind), chosen(self.location), chosen(self.wave)
        )

    def _range(self) -> tuple[dt.date | None, dt.date | None]:
        mode = MODES[self.mode.currentIndex()][0]
        if mode == "upcoming":
            return self.today, None
        if mode == "month":
            return self.month_view.shown_month()
        return None, None

    def refresh_agenda(self) -> None:
        """Re-run the query for the current filters and range; keeps the selection if it can."""
        selected = self.selected_occurrence()
        where = self.current_filter()
        start, end = self._range()
        query = (where, start, end, self.calendar)
        previous = self._last_query
        narrower = (
            previous is not None
            and previous[1:] == query[1:]
            and where.text.startswith(previous[0].text)
            and where.kinds == previous[0].kinds
            and where.locations == previous[0].locations
            and where.waves == previous[0].waves
        )
        self.shown = self.calendar.search(
            where, start, end, within=self.shown if narrower else None
        )
        self._last_query = query
        hidden = self.calendar.hidden if self.show_hidden.isChecked() else frozenset()
        self.model.set_rows(self.shown, hidden, self.today)
        if self._sort != (0, Qt.SortOrder.AscendingOrder):
            self.proxy.sort(*self._sort)
        first, last = self.month_view.shown_month()
        self.month_view.set_counts(self.calendar.counts_by_day(first, last, where))
        self.month_label.setText(f"{QDate(first.year, first.month, 1).toString('MMMM yyyy')}")
        self._update_notice()
        self._update_count(where)
        self.refresh_grid()
        if selected is not None and self._select_key(selected.key):
            return
        if selected is not None:  # it went (deleted, filtered out): the next one takes its place,
            # rather than Qt's first row, which would also move the month picker years away
            later = next((o for o in self.shown if o.start >= selected.start), None)
            if later is not None and self._select_key(later.key):
                return
        self.detail.show_occurrence(None)

    def _update_count(self, where: Filter) -> None:
        count = len(self.shown)
        text = f"{count} event{'s' if count != 1 else ''}"
        if count == 0:
            text = (
                "No events match the search and filters."
                if where != Filter()
                else "No events in this range."
            )
        start, end = self._range()
        listed_to = self.calendar.listed_to(start) if end is None else None
        if listed_to is not None and self.calendar.continues_past(listed_to):
            text += (f"; repeating events are listed to {uk_date(listed_to)}"
                     " (choose a later month to see further)")  # fmt: skip
        self.count_label.setText(text)

    def _update_notice(self) -> None:
        upcoming = self._has_upcoming()
        self.notice.setVisible(not upcoming)
        if not upcoming:
            last = self.calendar.last_day()
            ended = f" The calendar in this app ends on {uk_date(last)}." if last else ""
            self.notice_text.setText(
                f"Nothing coming up.{ended} Import a newer calendar from your trust or the collaborative, or look back over the whole programme."
            )
            self.whole_button.setVisible(MODES[self.mode.currentIndex()][0] != "all")

    def _reload(self) -> None:
        self.calendar = Calendar.load(
            self.calendar_file, self.store, self.show_hidden.isChecked(), reuse=self.calendar
        )
        self._fill_filter_choices()
        self.refresh_agenda()

    def _on_store_change(self, change: StateChange) -> None:
        if change.section == "calendar":
            self._reload()

    # -- selection and navigation --------------------------------------------------------
    def selected_occurrence(self) -> Occurrence | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(
            index.row(), index.parent()
        ):
            return None
        return self.proxy.data(index, OCCURRENCE_ROLE)

    def selected_event(self) -> Event | None:
        occurrence = self.selected_occurrence()
        return occurrence.event if occurrence else None

    def _select_key(self, key: tuple[str, dt.date]) -> bool:
        row = self.model.row_of(key)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def select_event(self, key: str) -> bool:
        """Show and select an event by its key (after saving it, or from a search elsewhere);
        widens the view (whole calendar, no filters) when the event is not listed."""
        if self._select_first_of(key):
            return True
        self.search.clear()
        for combo in (self.kind, self.location, self.wave):
            combo.setCurrentIndex(0)
        if key in self.calendar.hidden:
            self.show_hidden.setChecked(True)
        self.mode.setCurrentIndex(2)
        self.refresh_agenda()
        return self._select_first_of(key)

    def _select_first_of(self, key: str) -> bool:
        for occurrence in self.model.rows:
            if occurrence.event.key == key:
                return self._select_key(occurrence.key)
        return False

    def _on_current_changed(self, current, _previous) -> None:
        occurrence = self.proxy.data(current, OCCURRENCE_ROLE) if current.isValid() else None
        hidden = occurrence is not None and occurrence.event.key in self.calendar.hidden
        self.detail.show_occurrence(occurrence, hidden)
        if occurrence is not None and MODES[self.mode.currentIndex()][0] != "month":
            self._syncing = True
            self.month_view.setSelectedDate(
                QDate(occurrence.start.year, occurrence.start.month, occurrence.start.day)
            )
            self._syncing = False

    def _on_page_changed(self, _year: int, _month: int) -> None:
        if self._syncing:
            first, last = self.month_view.shown_month()
            self.month_view.set_counts(
                self.calendar.counts_by_day(first, last, self.current_filter())
            )
            self.month_label.setText(QDate(first.year, first.month, 1).toString("MMMM yyyy"))
            return
        if MODES[self.mode.currentIndex()][0] != "month":
            self.mode.setCurrentIndex(1)  # refreshes through the signal
        else:
            self.refresh_agenda()

    def _on_day_clicked(self, date: QDate) -> None:
        day = dt.date(date.year(), date.month(), date.day())
        if self.views.currentWidget() is self.grid:
            self.grid.setCurrentIndex(self.grid.grid_model.index_of(day))
        if MODES[self.mode.currentIndex()][0] != "month":
            self.mode.setCurrentIndex(1)
        for occurrence in self.model.rows:
            if occurrence.start <= day <= occurrence.end and occurrence.event.precision != "month":
                self._select_key(occurrence.key)
                return

    def _step_month(self, step: int) -> None:
        if step < 0:
            self.month_view.showPreviousMonth()
        else:
            self.month_view.showNextMonth()

    def go_to_today(self) -> None:
        self.month_view.setSelectedDate(QDate.currentDate())
        self.month_view.showToday()
        self.mode.setCurrentIndex(1)
        self.refresh_agenda()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _sort_by(self, column: int) -> None:
        current_column, order = self._sort
        if column == current_column:
            order = (
                Qt.SortOrder.DescendingOrder
                if order == Qt.SortOrder.AscendingOrder
                else Qt.SortOrder.AscendingOrder
            )
        else:
            order = Qt.SortOrder.AscendingOrder
        self._sort = (column, order)
        if self._sort == (0, Qt.SortOrder.AscendingOrder):
            self.proxy.sort(-1)  # the model's own order is by date already
        else:
            self.proxy.sort(column, order)
        self.table.horizontalHeader().setSortIndicator(column, order)

    # -- for export ----------------------------------------------------------------------
    def shown_events(self) -> list[Event]:
        """The distinct events the agenda lists now (a series once)."""
        seen: dict[str, Event] = {}
        for occurrence in self.shown:
            seen.setdefault(occurrence.event.key, occurrence.event)
        return list(seen.values())

    def all_events(self) -> list[Event]:
        return events_between(self.calendar.events, None, None)
