"""The agenda table: a thin model over a list of occurrences that core has already filtered,
and the table view that shows it.

Filtering happens in core (a list comprehension over pre-folded text, ~2 ms for 20,000 events)
rather than in QSortFilterProxyModel.filterAcceptsRow, which would call into Python once per row
per keystroke. The proxy on top only sorts, on a header click, by keys computed once per row.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView

from mnhsc_desktop.core.calendar.events import describe_when
from mnhsc_desktop.core.calendar.expansion import Occurrence
from mnhsc_desktop.ui.shell.table_columns import ColumnFitter

COLUMNS = ("When", "Title", "Kind", "Location", "Status")
OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
# Qt passes roles to data() as plain ints, and comparing an int with an enum member runs Python
# code (about 0.4 µs each); the view asks for eight roles a cell, for every cell it paints.
_DISPLAY, _TOOLTIP, _FOREGROUND, _ACCESSIBLE, _OCCURRENCE, _SORT = (
    Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.ToolTipRole.value,
    Qt.ItemDataRole.ForegroundRole.value, Qt.ItemDataRole.AccessibleTextRole.value,
    OCCURRENCE_ROLE.value, SORT_ROLE,
)  # fmt: skip
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, _ACCESSIBLE, _OCCURRENCE, _SORT})


def status_of(occurrence: Occurrence, today: dt.date, hidden: bool = False) -> str:
    if hidden:
        return "Hidden"
    if occurrence.end < today:
        return "Past"
    if occurrence.start <= today:
        return "Now" if occurrence.end > occurrence.start else "Today"
    return "Upcoming"


class AgendaModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Occurrence] = []
        self._text: dict[int, tuple[str, ...]] = {}
        self._hidden: frozenset[str] = frozenset()
        self.today = dt.date.today()

    def set_rows(
        self,
        rows: list[Occurrence],
        hidden: frozenset[str] = frozenset(),
        today: dt.date | None = None,
    ) -> None:
        self.beginResetModel()
        self.rows = rows
        self._hidden = hidden
        self.today = today or dt.date.today()
        self._text = {}  # rendered lazily: only rows the view shows are formatted
        self.endResetModel()

    def _row_text(self, row: int) -> tuple[str, ...]:
        text = self._text.get(row)
        if text is None:
            o = self.rows[row]
            event = o.event
            if event.repeats:  # say when this occurrence is, not the first one
                event = event.with_changes(start=o.start, end=o.end, repeat=None, rule="")
            status = status_of(o, self.today, o.event.key in self._hidden)
            text = (describe_when(event), event.title, event.kind_label, event.location, status)
            self._text[row] = text
        return text

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = _DISPLAY):
        role = int(role)  # an enum member from our own callers; already an int from Qt
        if role not in _ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._row_text(row)[column]
        if role == _TOOLTIP:
            return self._row_text(row)[1] if column == 1 else None
        if role == _OCCURRENCE:
            return self.rows[row]
        if role == _SORT:
            o = self.rows[row]
            if column == 0:
                return o.start.toordinal() * 1440 + _minutes(o.event.start_time)
            return self._row_text(row)[column].casefold()
        if role == _FOREGROUND and self._row_text(row)[4] in ("Past", "Hidden"):
            # Past is also said in words (the Status column); the dimmer text is only a second cue.
            from mnhsc_desktop.ui.shell.theme import secondary_text

            return secondary_text(QApplication.palette())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def row_of(self, key: tuple[str, dt.date]) -> int | None:
        for row, occurrence in enumerate(self.rows):
            if occurrence.key == key:
                return row
        return None


def _minutes(moment: dt.time | None) -> int:
    return -1 if moment is None else moment.hour * 60 + moment.minute


def make_proxy(model: AgendaModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setDynamicSortFilter(False)  # re-sorting 20,000 rows on every keystroke would lag
    return proxy


def agenda_table(proxy: QSortFilterProxyModel) -> tuple[QTableView, ColumnFitter]:
    """The agenda's view: one row a line, whole rows selected, sorted by a header click (the
    caller connects it), the Title column taking what the others leave."""
    table = QTableView()
    table.setModel(proxy)
    table.setAccessibleName("Agenda")
    table.setAccessibleDescription(
        "Events in date order; the details show below. Enter edits your own event, Delete "
        "removes it, and the context menu exports, copies or hides the selected event."
    )
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    metrics = table.fontMetrics()
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(metrics.height() + 10)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(metrics.horizontalAdvance("Upcoming") + 16)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    header.setSectionsClickable(True)
    text_width = metrics.horizontalAdvance
    fitter = ColumnFitter(
        table,
        {
            0: text_width("Wed 30 May – Fri 1 Jun 2018, 3pm") + 12,
            2: text_width("Learning set") + 16,
            3: text_width("Birmingham") + 16,
            4: text_width("Upcoming") + 16,
        },
    )
    return table, fitter
